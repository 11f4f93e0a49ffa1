#include <doctest/doctest.h>

#include "server/content_coding.h"
#include "server/mime_types.h"
#include "server/static_site.h"

using wb::server::ContentCoding;
using wb::server::choose_coding;

TEST_CASE("Accept-Encoding negotiation respects q-values and what is available") {
    wb::server::AvailableCodings both{true, true};
    CHECK(choose_coding("", both) == ContentCoding::Identity);
    CHECK(choose_coding("gzip, br", both) == ContentCoding::Brotli);
    CHECK(choose_coding("gzip;q=1, br;q=0.9", both) == ContentCoding::Gzip);
    CHECK(choose_coding("br;q=0", both) == ContentCoding::Identity);
    CHECK(choose_coding("br;q=0, *", both) == ContentCoding::Gzip);
    CHECK(choose_coding("x-gzip", both) == ContentCoding::Gzip);
    CHECK(choose_coding("br;q=oops, gzip", both) == ContentCoding::Gzip);
    CHECK(choose_coding("identity;q=0, gzip;q=0.2", both) == ContentCoding::Gzip);
    CHECK(choose_coding("br", {false, true}) == ContentCoding::Identity);
    CHECK(choose_coding("br, gzip", {false, true}) == ContentCoding::Gzip);
}

TEST_CASE("gzip and brotli round-trip, and garbage does not decode") {
    std::string text;
    for (int i = 0; i < 1000; ++i) text += "工作台 workbench " + std::to_string(i) + "\n";
    CHECK(wb::server::gzip_decompress(wb::server::gzip_compress(text)) == text);
    CHECK(wb::server::brotli_decompress(wb::server::brotli_compress(text)) == text);
    CHECK(wb::server::gzip_compress(text).size() < text.size() / 3);
    CHECK_FALSE(wb::server::gzip_decompress("not gzip at all"));
    CHECK_FALSE(wb::server::brotli_decompress(std::string("\xff\xff\xff\xff", 4)));
    CHECK(wb::server::gzip_decompress(wb::server::gzip_compress("")) == "");
}

TEST_CASE("MIME types by extension") {
    CHECK(wb::server::mime_type_for("a/b/workbench.WASM") == "application/wasm");
    CHECK(wb::server::mime_type_for("x.webmanifest") == "application/manifest+json");
    CHECK(wb::server::mime_type_for("README") == "application/octet-stream");
    CHECK(wb::server::mime_type_for("dir.v1/file") == "application/octet-stream");
}

TEST_CASE("If-None-Match matching") {
    CHECK(wb::server::etag_matches("\"a\"", "\"a\""));
    CHECK(wb::server::etag_matches("W/\"a\"", "\"a\""));
    CHECK(wb::server::etag_matches("\"b\", \"a\"", "\"a\""));
    CHECK(wb::server::etag_matches("*", "\"a\""));
    CHECK_FALSE(wb::server::etag_matches("\"b\"", "\"a\""));
    CHECK_FALSE(wb::server::etag_matches("", "\"a\""));
}
