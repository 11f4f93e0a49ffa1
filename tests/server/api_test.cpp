// The API's shared behaviour: /api/health and the one error shape.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "server/content_coding.h"
#include "test_support.h"

using wb::test::RunningServer;

namespace {
void check_error_shape(const httplib::Result& res, int status, const std::string& code) {
    REQUIRE(res);
    CHECK(res->status == status);
    CHECK(res->get_header_value("Content-Type") == "application/json; charset=utf-8");
    auto body = nlohmann::json::parse(res->body, nullptr, false);
    REQUIRE(body.is_object());
    REQUIRE(body.contains("error"));
    CHECK(body["error"]["code"] == code);
    CHECK(body["error"]["message"].is_string());
    CHECK_FALSE(body["error"]["message"].get<std::string>().empty());
}
}  // namespace

TEST_CASE("GET /api/health reports status, version and store") {
    RunningServer s;
    auto cli = s.client();
    auto res = cli.Get("/api/health", {{"Accept-Encoding", "identity"}});
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "application/json; charset=utf-8");
    CHECK(res->get_header_value("Cache-Control") == "no-store");
    auto body = nlohmann::json::parse(res->body);
    CHECK(body["status"] == "ok");
    CHECK(body["store"] == "sqlite");
    CHECK(body["version"].is_string());
    CHECK(body["schema"].get<int>() >= 1);

    auto head = cli.Head("/api/health");
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());
}

TEST_CASE("unknown API paths and methods answer in the one error shape") {
    RunningServer s;
    auto cli = s.client();
    check_error_shape(cli.Get("/api/nope"), 404, "not_found");
    check_error_shape(cli.Get("/api"), 404, "not_found");
    check_error_shape(cli.Post("/api/nope", "{}", "application/json"), 404, "not_found");
    check_error_shape(cli.Delete("/api/health"), 405, "method_not_allowed");
    check_error_shape(cli.Post("/index.html", "x", "text/plain"), 404, "not_found");
}

TEST_CASE("a request body over the limit is refused with 413 and the server keeps serving") {
    RunningServer s;
    auto cli = s.client();
    std::string big(5 * 1024 * 1024, 'x');
    auto res = cli.Post("/api/health", big, "application/json");
    if (res) {  // the server may also close the connection before reading it all
        CHECK(res->status == 413);
        auto body = nlohmann::json::parse(res->body, nullptr, false);
        CHECK(body["error"]["code"] == "payload_too_large");
    }
    auto after = s.client().Get("/api/health");
    REQUIRE(after);
    CHECK(after->status == 200);
}

TEST_CASE("large JSON answers are compressed on the fly when the client accepts it") {
    RunningServer s;
    auto cli = s.client();
    std::string long_path = "/api/" + std::string(1500, 'a');
    auto res = cli.Get(long_path.c_str(), {{"Accept-Encoding", "gzip"}});
    REQUIRE(res);
    CHECK(res->status == 404);
    CHECK(res->get_header_value("Content-Encoding") == "gzip");
    CHECK(res->get_header_value("Vary") == "Accept-Encoding");
    auto plain = wb::server::gzip_decompress(res->body);
    REQUIRE(plain);
    auto body = nlohmann::json::parse(*plain);
    CHECK(body["error"]["code"] == "not_found");

    auto refused = cli.Get(long_path.c_str(), {{"Accept-Encoding", "gzip;q=0"}});
    REQUIRE(refused);
    CHECK(refused->get_header_value("Content-Encoding").empty());
    CHECK(nlohmann::json::parse(refused->body)["error"]["code"] == "not_found");
}
