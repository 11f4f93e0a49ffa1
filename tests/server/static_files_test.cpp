// The site over real HTTP: MIME types, encodings, caching, safety.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "server/content_coding.h"
#include "test_support.h"

using wb::test::RunningServer;

namespace {
httplib::Headers accepting(const std::string& encodings) {
    return {{"Accept-Encoding", encodings}};
}

// Decodes a response body according to its Content-Encoding.
std::string decoded(const httplib::Result& res) {
    std::string coding = res->get_header_value("Content-Encoding");
    if (coding == "br") return wb::server::brotli_decompress(res->body).value_or("<bad br>");
    if (coding == "gzip") return wb::server::gzip_decompress(res->body).value_or("<bad gzip>");
    REQUIRE(coding.empty());
    return res->body;
}
}  // namespace

TEST_CASE("static files are served with their MIME types") {
    RunningServer s;
    auto cli = s.client();
    const std::map<std::string, std::string> expected = {
        {"/", "text/html; charset=utf-8"},
        {"/index.html", "text/html; charset=utf-8"},
        {"/workbench.js", "text/javascript; charset=utf-8"},
        {"/workbench.wasm", "application/wasm"},
        {"/wb-cjk.ttf", "font/ttf"},
        {"/build-info.json", "application/json"},
        {"/manifest.webmanifest", "application/manifest+json"},
        {"/style.css", "text/css; charset=utf-8"},
        {"/logo.png", "image/png"},
        {"/icons/app.svg", "image/svg+xml"},
    };
    for (const auto& [path, type] : expected) {
        CAPTURE(path);
        auto res = cli.Get(path.c_str(), accepting("identity"));
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->get_header_value("Content-Type") == type);
    }
}

TEST_CASE("content negotiation picks br, then gzip, then identity, and the bytes decode back") {
    RunningServer s;
    auto cli = s.client();
    const auto files = wb::test::sample_site_files();
    struct Case { std::string accept; std::string path; std::string coding; };
    const std::vector<Case> cases = {
        {"gzip, deflate, br", "/workbench.wasm", "br"},
        {"br", "/workbench.js", "br"},
        {"gzip", "/workbench.wasm", "gzip"},
        {"br;q=0, gzip", "/workbench.js", "gzip"},
        {"br;q=0.5, gzip;q=0.8", "/workbench.js", "gzip"},
        {"br;q=1.0, gzip;q=0.8", "/index.html", "br"},
        {"identity", "/workbench.wasm", ""},
        {"br;q=0, gzip;q=0", "/workbench.js", ""},
        {"*", "/wb-cjk.ttf", "br"},
        {"*;q=0, identity", "/wb-cjk.ttf", ""},
        {"br, gzip", "/style.css", "gzip"},   // no .br twin
        {"br, gzip", "/logo.png", ""},        // no twin at all
        {"BR", "/", "br"},                    // coding names are case-insensitive
    };
    for (const auto& c : cases) {
        CAPTURE(c.accept);
        CAPTURE(c.path);
        auto res = cli.Get(c.path.c_str(), accepting(c.accept));
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->get_header_value("Content-Encoding") == c.coding);
        CHECK(res->get_header_value("Vary") == "Accept-Encoding");
        std::string name = c.path == "/" ? "index.html" : c.path.substr(1);
        CHECK(decoded(res) == files.at(name).content);
        if (!c.coding.empty() && files.at(name).content.size() > 500) CHECK(res->body.size() < files.at(name).content.size());
    }
}

TEST_CASE("only a request with the file's current ?v=hash is cached as immutable") {
    RunningServer s;
    auto cli = s.client();
    std::string hash = s.hashes.at("workbench.wasm");
    auto versioned = cli.Get(("/workbench.wasm?v=" + hash).c_str(), accepting("br"));
    REQUIRE(versioned);
    CHECK(versioned->status == 200);
    CHECK(versioned->get_header_value("Cache-Control") == "public, max-age=31536000, immutable");

    const std::vector<std::string> unversioned = {
        "/workbench.wasm", "/workbench.wasm?v=0000000000000000",
        "/workbench.wasm?v=" + s.hashes.at("workbench.js"), "/"};
    for (const auto& path : unversioned) {
        CAPTURE(path);
        auto res = cli.Get(path.c_str(), accepting("br"));
        REQUIRE(res);
        CHECK(res->get_header_value("Cache-Control") == "no-cache");
        CHECK_FALSE(res->get_header_value("ETag").empty());
    }
}

TEST_CASE("ETag and If-None-Match answer 304, per encoding") {
    RunningServer s;
    auto cli = s.client();
    auto first = cli.Get("/workbench.js", accepting("br"));
    REQUIRE(first);
    std::string etag = first->get_header_value("ETag");
    REQUIRE(etag.size() > 2);
    CHECK(etag.front() == '"');

    auto again = cli.Get("/workbench.js", {{"Accept-Encoding", "br"}, {"If-None-Match", etag}});
    REQUIRE(again);
    CHECK(again->status == 304);
    CHECK(again->body.empty());
    CHECK(again->get_header_value("ETag") == etag);

    auto listed = cli.Get("/workbench.js", {{"Accept-Encoding", "br"}, {"If-None-Match", "\"x\", W/" + etag}});
    REQUIRE(listed);
    CHECK(listed->status == 304);

    // The gzip representation has another tag, so the br tag does not validate it.
    auto other = cli.Get("/workbench.js", {{"Accept-Encoding", "gzip"}, {"If-None-Match", etag}});
    REQUIRE(other);
    CHECK(other->status == 200);
    CHECK(other->get_header_value("ETag") != etag);

    auto stale = cli.Get("/workbench.js", {{"Accept-Encoding", "br"}, {"If-None-Match", "\"old\""}});
    REQUIRE(stale);
    CHECK(stale->status == 200);
}

TEST_CASE("paths that leave the site or name hidden files are refused") {
    RunningServer s;
    // A secret next to the site that traversal would reach.
    auto outside = s.site.path().parent_path() / (s.site.path().filename().string() + "-secret");
    wb::test::write_file(outside, "TOP-SECRET-BYTES");
    struct RemoveAfter {
        std::filesystem::path path;
        ~RemoveAfter() { std::filesystem::remove(path); }
    } remove_after{outside};
    wb::test::write_file(s.site.path() / ".env", "TOP-SECRET-BYTES");
    auto cli = s.client();
    const std::vector<std::string> refused = {
        "/../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2Fetc%2Fpasswd",
        "/icons/../../" + s.site.path().filename().string() + "-secret",
        "//etc/passwd",
        "/icons/%2e%2e/%2e%2e/etc/passwd",
        "/.env",
        "/./index.html",
        "/workbench.js.br",
        "/index.html%00.png",
        "/..%5c..%5cetc%5cpasswd",
    };
    for (const auto& path : refused) {
        CAPTURE(path);
        auto res = cli.Get(path.c_str(), accepting("identity"));
        REQUIRE(res);
        CHECK((res->status == 400 || res->status == 404));
        CHECK(res->body.find("root:") == std::string::npos);
        CHECK(res->body.find("TOP-SECRET-BYTES") == std::string::npos);
    }
}

TEST_CASE("unknown files are 404 in the error shape; HEAD works without a body") {
    RunningServer s;
    auto cli = s.client();
    auto missing = cli.Get("/nothing-here.js", accepting("identity"));
    REQUIRE(missing);
    CHECK(missing->status == 404);
    auto body = nlohmann::json::parse(missing->body);
    CHECK(body["error"]["code"] == "not_found");
    CHECK(body["error"]["message"].get<std::string>().find("/nothing-here.js") != std::string::npos);

    auto dir = cli.Get("/icons", accepting("identity"));
    REQUIRE(dir);
    CHECK(dir->status == 404);

    auto head = cli.Head("/workbench.wasm", accepting("br"));
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());
    CHECK(head->get_header_value("Content-Type") == "application/wasm");
    CHECK(head->get_header_value("Content-Encoding") == "br");
    auto br_size = wb::test::read_file(s.site.path() / "workbench.wasm.br").size();
    CHECK(head->get_header_value("Content-Length") == std::to_string(br_size));

    auto head_missing = cli.Head("/nothing-here.js");
    REQUIRE(head_missing);
    CHECK(head_missing->status == 404);
}

TEST_CASE("a rebuilt site's new hashes are picked up without a restart") {
    RunningServer s;
    auto cli = s.client();
    auto files = wb::test::sample_site_files();
    files["workbench.js"].content += "// changed\n";
    auto old_hash = s.hashes.at("workbench.js");
    auto hashes = wb::test::write_site(s.site.path(), files);
    REQUIRE(hashes.at("workbench.js") != old_hash);
    // Make sure the modification time moves even on coarse-grained file systems.
    auto info = s.site.path() / "build-info.json";
    std::filesystem::last_write_time(info, std::filesystem::last_write_time(info) + std::chrono::seconds(2));

    auto fresh = cli.Get(("/workbench.js?v=" + hashes.at("workbench.js")).c_str(), accepting("gzip"));
    REQUIRE(fresh);
    CHECK(fresh->get_header_value("Cache-Control") == "public, max-age=31536000, immutable");
    auto old = cli.Get(("/workbench.js?v=" + old_hash).c_str(), accepting("gzip"));
    REQUIRE(old);
    CHECK(old->get_header_value("Cache-Control") == "no-cache");
}
