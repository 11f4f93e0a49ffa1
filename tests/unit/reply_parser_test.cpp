#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/conditions.h"
#include "core/reply_parser.h"
#include "roster_fixture.h"

using namespace wb;
using namespace wb::test;

TEST_CASE("parent replies: every line of tests/data/replies.tsv parses to its expected intent")
{
    std::ifstream in(WB_TEST_DATA_DIR "/replies.tsv");
    REQUIRE(in.good());
    std::string line;
    int cases = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto tab1 = line.find('\t');
        REQUIRE(tab1 != std::string::npos);
        auto tab2 = line.find('\t', tab1 + 1);
        std::string text = line.substr(0, tab1);
        std::string expected = line.substr(tab1 + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab1 - 1);
        auto parsed = parse_reply(text);
        INFO("reply \"" << text << "\" matched: " << parsed.reason);
        CHECK(to_string(parsed.intent) == expected);
        CHECK((parsed.intent == ReplyIntent::Unclear) == !parsed.note.key.empty());  // an unclear reply says why
        ++cases;
    }
    CHECK(cases >= 60);
}

TEST_CASE("an unclear reply tells the tutor why, as a translation key with the matched phrases")
{
    CHECK(parse_reply("可以请假吗").note.key == "reply.unclear.question");
    CHECK(parse_reply("尽量").note.key == "reply.unclear.hedge");
    CHECK(parse_reply("1还是0").note.key == "reply.unclear.question");
    CHECK(parse_reply("可以 不去了").note.key == "reply.unclear.both");
    CHECK(parse_reply("收到").note.key == "reply.unclear.no_answer");
    auto both = parse_reply("可以 不去了");
    CHECK(both.note.values.at("matched") == both.reason);
    CHECK(parse_reply("1 谢谢老师").note.key.empty());
}

namespace {
struct SurveyFixture {
    State s = small_roster("Asia/Shanghai", utc_ms(2026, 3, 7, 6, 0));
    TimeMs sent = utc_ms(2026, 3, 5, 11, 0);
    SurveyFixture()
    {
        record(s, "sv1", "message_sent", sent, {{"studentId", "s1"}, {"lessonId", "c1-l1"}, {"channel", "dingtalk"},
                                               {"value", "survey.pre_attendance"}});
    }
    ReplyDecision reply(const std::string& id, TimeMs at, const std::string& text)
    {
        record(s, id, "reply", at, {{"studentId", "s1"}, {"refId", "sv1"}, {"text", text}});
        return decide_reply(s, *find_event(s, id));
    }
};
}  // namespace

TEST_CASE("a clear reply within 8 hours becomes an attendance mark from the reply")
{
    SurveyFixture f;
    auto d = f.reply("r1", f.sent + 2 * kHourMs, "１ 谢谢老师🙏");
    REQUIRE(d.outcome == ReplyOutcome::Mark);
    must(f.s, d.mark.name, d.mark.args);
    const Event* mark = find_event(f.s, "mark:r1");
    REQUIRE(mark);
    CHECK(mark->value == "attend");
    CHECK(mark->source == EventSource::Reply);
    CHECK(mark->lesson_id == "c1-l1");
}

TEST_CASE("replies outside the window, unclear replies and manual marks")
{
    SurveyFixture f;
    CHECK(f.reply("late", f.sent + kReplyWindowMs + kMinuteMs, "0").outcome == ReplyOutcome::OutsideWindow);
    CHECK(f.reply("edge", f.sent + kReplyWindowMs, "0").outcome == ReplyOutcome::Mark);
    auto unclear = f.reply("q", f.sent + kHourMs, "可以请假吗");
    CHECK(unclear.outcome == ReplyOutcome::Unclear);
    CHECK(unclear.parsed.intent == ReplyIntent::Unclear);
    record(f.s, "manual", "attendance_mark", f.sent + 2 * kHourMs,
           {{"studentId", "s1"}, {"lessonId", "c1-l1"}, {"value", "attend"}, {"actorId", "t1"}});
    CHECK(f.reply("r2", f.sent + 3 * kHourMs, "请假").outcome == ReplyOutcome::ManualMarkStands);
    // Even a mark parsed earlier loses to the manual one.
    must(f.s, "event.record", {{"id", "auto"}, {"kind", "attendance_mark"}, {"at", f.sent + 4 * kHourMs}, {"studentId", "s1"},
                               {"lessonId", "c1-l1"}, {"value", "leave"}, {"source", "reply"}});
    std::vector<const Event*> events;
    for (const auto& e : f.s.events) events.push_back(&e);
    CHECK(effective_attendance(events, "c1-l1") == "attend");
}
