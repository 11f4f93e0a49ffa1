#include <doctest/doctest.h>

#include <vector>

#include "server/options.h"

namespace {
wb::Result<wb::server::ParsedCommandLine> parse(std::vector<const char*> args) {
    args.insert(args.begin(), "workbench-server");
    return wb::server::parse_command_line(static_cast<int>(args.size()), args.data());
}
}  // namespace

TEST_CASE("the command line has documented defaults") {
    auto p = parse({});
    REQUIRE(p.ok());
    CHECK(p->options.host == "127.0.0.1");
    CHECK(p->options.port == 8080);
    CHECK(p->options.data_dir == "data");
    CHECK(p->options.store_url.empty());
    CHECK(p->options.demo_students_per_tutor == 250);
    CHECK_FALSE(p->show_help);
    for (const char* flag : {"--host", "--port", "--site", "--data", "--store", "--demo-students-per-tutor", "--help"}) {
        CHECK(wb::server::usage_text().find(flag) != std::string::npos);
    }
}

TEST_CASE("options take a value as the next word or after '='") {
    auto p = parse({"--host", "0.0.0.0", "--port=0", "--site", "s", "--data=d", "--store", "sqlite:x.db",
                    "--demo-students-per-tutor", "20"});
    REQUIRE(p.ok());
    CHECK(p->options.host == "0.0.0.0");
    CHECK(p->options.port == 0);
    CHECK(p->options.site_dir == "s");
    CHECK(p->options.data_dir == "d");
    CHECK(p->options.store_url == "sqlite:x.db");
    CHECK(p->options.demo_students_per_tutor == 20);
    CHECK(parse({"--demo-students-per-tutor=1"})->options.demo_students_per_tutor == 1);
    CHECK(parse({"--demo-lessons", "2"})->options.demo_lessons == 2);
    CHECK(parse({})->options.demo_lessons == 12);
    CHECK(parse({"--demo-students-per-tutor=2000"})->options.demo_students_per_tutor == 2000);
    CHECK(parse({"-h"})->show_help);
}

TEST_CASE("bad options are errors that name the problem") {
    struct Case { std::vector<const char*> args; const char* mentions; };
    for (const auto& c : std::vector<Case>{{{"--port", "http"}, "--port"},
                                           {{"--port", "70000"}, "--port"},
                                           {{"--port", "-1"}, "--port"},
                                           {{"--port"}, "needs a value"},
                                           {{"--frobnicate"}, "--frobnicate"},
                                           {{"extra"}, "extra"},
                                           {{"--data="}, "--data"},
                                           {{"--demo-students-per-tutor", "0"}, "1 to 2500"},
                                           {{"--demo-students-per-tutor", "2501"}, "1 to 2500"},
                                           {{"--demo-lessons", "1"}, "2 to 12"},
                                           {{"--demo-lessons", "13"}, "--demo-lessons"},
                                           {{"--demo-students-per-tutor", "-5"}, "1 to 2500"},
                                           {{"--demo-students-per-tutor", "many"}, "'many'"},
                                           {{"--demo-students-per-tutor=99999"}, "--demo-students-per-tutor"},
                                           {{"--demo-students-per-tutor"}, "needs a value"}}) {
        auto p = parse(c.args);
        REQUIRE_FALSE(p.ok());
        CHECK(p.message().find(c.mentions) != std::string::npos);
    }
}
