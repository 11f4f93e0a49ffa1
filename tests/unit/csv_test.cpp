#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/csv.h"
#include "core/roster_csv.h"
#include "roster_fixture.h"

using namespace wb;
using namespace wb::test;

namespace {
std::string slurp(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

TEST_CASE("RFC 4180: quotes, doubled quotes, commas and line breaks inside fields, CRLF and LF")
{
    auto t = parse_csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",,x\nlast");
    REQUIRE(t.error.empty());
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0] == CsvRow{"a", "b,c", "say \"hi\""});
    CHECK(t.rows[1] == CsvRow{"multi\nline", "", "x"});
    CHECK(t.rows[2] == CsvRow{"last"});
    CHECK(parse_csv("\xEF\xBB\xBFid\n1\n").rows[0][0] == "id");  // byte-order mark skipped
    CHECK(parse_csv("a,\"b\"c\n").error == "line 1: text after a closing quote");
    CHECK(parse_csv("").rows.empty());
}

TEST_CASE("writing and reading back gives the same rows")
{
    std::vector<CsvRow> rows{{"id", "text"}, {"1", "plain"}, {"2", "with, comma"}, {"3", "with \"quote\""},
                             {"4", "two\nlines"}, {"5", " padded "}, {"6", ""}, {"7", "中文，逗号"}};
    auto text = write_csv(rows);
    auto back = parse_csv(text);
    REQUIRE(back.error.empty());
    CHECK(back.rows == rows);
    CHECK(write_csv({{"a", "b c"}}) == "a,b c\r\n");
}

TEST_CASE("roster CSV import cases: each tests/data/roster/*.csv with its .expect")
{
    int cases = 0;
    for (const auto& entry : std::filesystem::directory_iterator(WB_TEST_DATA_DIR "/roster")) {
        if (entry.path().extension() != ".csv") continue;
        auto expect_path = entry.path();
        expect_path.replace_extension(".expect");
        std::string expected = slurp(expect_path);
        while (!expected.empty() && expected.back() == '\n') expected.pop_back();
        auto s = small_roster("Asia/Shanghai", 0, 2, 0);
        auto import = import_roster_csv(slurp(entry.path()));
        std::string got = import.error;
        if (got.empty()) {
            for (const auto& m : import.mutations) {
                auto r = apply(s, m);
                if (!r.ok && got.empty()) got = "rejected " + m.name + ": " + r.reason;
            }
            if (got.empty()) got = "ok " + std::to_string(s.students.size());
        }
        INFO(entry.path().filename().string());
        CHECK(got == expected);
        ++cases;
    }
    CHECK(cases >= 8);
}

TEST_CASE("a roster exported as CSV imports into the same students and enrolments")
{
    auto s = small_roster("Asia/Shanghai", utc_ms(2026, 3, 7, 6, 0), 2, 3);
    must(s, "student.upsert", {{"id", "s2"}, {"name", "Zhang, \"Z\""}, {"address", "Line 1\nLine 2"}, {"studentPhone", "15000000002"}});
    auto csv = export_roster_csv(s);
    auto copy = small_roster("Asia/Shanghai", utc_ms(2026, 3, 7, 6, 0), 2, 0);
    auto import = import_roster_csv(csv);
    REQUIRE(import.error.empty());
    for (const auto& m : import.mutations) REQUIRE(apply(copy, m).ok);
    CHECK(to_json_value(copy.students.at("s2")) == to_json_value(s.students.at("s2")));
    CHECK(copy.enrolments.size() == 3);
    CHECK(copy.enrolments.at("e1").enrolled_at == s.enrolments.at("e1").enrolled_at);
    TimeMs t = 0;
    CHECK(parse_utc("2026-03-01T06:00:00Z", t));
    CHECK(t == utc_ms(2026, 3, 1, 6, 0));
    CHECK_FALSE(parse_utc("2026-3-1", t));
}
