// The outbox: messages queued by a mutation, every delivery try recorded, final states that take
// no further attempt (so a message is never sent twice), cancelling, replay, sync rows, row
// owners and the student's timeline.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/outbox.h"
#include "core/state.h"
#include "core/student_timeline.h"
#include "roster_fixture.h"
#include "sync/rows.h"
#include "sync/scope.h"

using namespace wb;
using namespace wb::test;

namespace {

const TimeMs kT0 = utc_ms(2026, 3, 7, 6, 0);

Json queue_args(const std::string& id, const std::string& student = "s1")
{
    Json a{{"id", id},
           {"kind", "survey"},
           {"recipient", {{"role", "parent"}, {"address", "13800000000"}}},
           {"channel", "wecom"},
           {"text", "明天 19:00 上课，能来吗？"},
           {"templateId", "survey.attend"},
           {"taskInstanceId", "t1/survey/c1-l1"},
           {"at", kT0},
           {"by", "t1"}};
    if (!student.empty()) a["studentId"] = student;
    return a;
}

Json attempt(const std::string& id, TimeMs at, const std::string& outcome, Json extra = Json::object())
{
    extra["id"] = id;
    extra["at"] = at;
    extra["outcome"] = outcome;
    return extra;
}

// Applies a mutation that must be refused; checks the state did not change and the reason names `part`.
void refused(State& s, const std::string& name, const Json& args, const std::string& part)
{
    const Json was = state_to_json(s);
    auto r = apply(s, Mutation{name, args});
    INFO(name << " " << args.dump() << " -> " << r.reason);
    CHECK_FALSE(r.ok);
    CHECK(r.reason.find(part) != std::string::npos);
    CHECK(state_to_json(s) == was);
}

const OutboxMessage& message(const State& s, const std::string& id)
{
    REQUIRE(s.messages.count(id) == 1);
    return s.messages.find(id)->second;
}

}  // namespace

TEST_CASE("a queued message is sent, then delivered; the delivery report is not another attempt")
{
    State s = small_roster("Asia/Shanghai", kT0);
    must(s, "message.queue", queue_args("msg1"));
    const OutboxMessage& m = message(s, "msg1");
    CHECK(m.state == MessageState::Queued);
    CHECK(m.attempts == 0);
    CHECK(m.kind == MessageKind::Survey);
    CHECK(m.recipient.role == RecipientRole::Parent);
    CHECK(m.recipient.address == "13800000000");
    CHECK(m.created_at == kT0);
    CHECK(m.created_by == "t1");
    CHECK(m.task_instance_id == "t1/survey/c1-l1");

    must(s, "message.attempt", attempt("msg1", kT0 + 1000, "sent"));
    CHECK(message(s, "msg1").state == MessageState::Sent);
    CHECK(message(s, "msg1").sent_at == kT0 + 1000);
    CHECK(message(s, "msg1").attempts == 1);
    must(s, "message.attempt", attempt("msg1", kT0 + 5000, "delivered"));
    CHECK(message(s, "msg1").state == MessageState::Delivered);
    CHECK(message(s, "msg1").delivered_at == kT0 + 5000);
    CHECK(message(s, "msg1").sent_at == kT0 + 1000);
    CHECK(message(s, "msg1").attempts == 1);
    CHECK(message(s, "msg1").history.size() == 2);

    // Delivered straight away (a channel that confirms on the request) is one attempt.
    must(s, "message.queue", queue_args("msg2"));
    must(s, "message.attempt", attempt("msg2", kT0 + 1000, "delivered"));
    CHECK(message(s, "msg2").attempts == 1);
    CHECK(message(s, "msg2").sent_at == kT0 + 1000);
}

TEST_CASE("a retryable failure keeps the message queued with the next attempt's time; attempts only grow")
{
    State s = small_roster("Asia/Shanghai", kT0);
    must(s, "message.queue", queue_args("msg1"));
    must(s, "message.attempt", attempt("msg1", kT0 + 1000, "failed_retryable",
                                       {{"error", "HTTP 500"}, {"nextAttemptAt", kT0 + 31000}}));
    const OutboxMessage& m = message(s, "msg1");
    CHECK(m.state == MessageState::Queued);
    CHECK(m.attempts == 1);
    CHECK(m.next_attempt_at == kT0 + 31000);
    CHECK(m.last_error == "HTTP 500");
    refused(s, "message.attempt", attempt("msg1", kT0 + 2000, "failed_retryable", {{"error", "timeout"}}), "nextAttemptAt");
    refused(s, "message.attempt", attempt("msg1", kT0 + 2000, "failed_retryable", {{"nextAttemptAt", kT0 + 9000}}), "args/error");
    refused(s, "message.attempt", attempt("msg1", kT0 + 500, "sent"), "in order");
    refused(s, "message.attempt", attempt("msg1", kT0 - 1, "sent"), "before the message was queued");
    must(s, "message.attempt", attempt("msg1", kT0 + 31000, "failed_retryable",
                                       {{"error", "timeout"}, {"nextAttemptAt", kT0 + 91000}}));
    CHECK(message(s, "msg1").attempts == 2);
    must(s, "message.attempt", attempt("msg1", kT0 + 91000, "delivered"));
    CHECK(message(s, "msg1").attempts == 3);
    CHECK(message(s, "msg1").next_attempt_at == 0);
    CHECK(message(s, "msg1").last_error.empty());
}

TEST_CASE("a permanent failure is final, and no final message takes another attempt")
{
    State s = small_roster("Asia/Shanghai", kT0);
    must(s, "message.queue", queue_args("failed"));
    must(s, "message.attempt", attempt("failed", kT0 + 1000, "failed_permanent", {{"error", "HTTP 400: bad phone"}}));
    CHECK(message(s, "failed").state == MessageState::Failed);
    CHECK(message(s, "failed").last_error == "HTTP 400: bad phone");
    must(s, "message.queue", queue_args("delivered"));
    must(s, "message.attempt", attempt("delivered", kT0 + 1000, "delivered"));
    must(s, "message.queue", queue_args("cancelled"));
    must(s, "message.cancel", {{"id", "cancelled"}, {"at", kT0 + 10}, {"by", "t1"}});
    for (const char* id : {"failed", "delivered", "cancelled"})
        for (const char* outcome : {"sent", "delivered", "failed_permanent"})
            refused(s, "message.attempt", attempt(id, kT0 + 9000, outcome, {{"error", "x"}}), "final state");
    refused(s, "message.attempt", attempt("nobody", kT0 + 9000, "sent"), "no message nobody");
}

TEST_CASE("a sent message is never sent again: only a delivery report may follow")
{
    State s = small_roster("Asia/Shanghai", kT0);
    must(s, "message.queue", queue_args("msg1"));
    must(s, "message.attempt", attempt("msg1", kT0 + 1000, "sent"));
    refused(s, "message.attempt", attempt("msg1", kT0 + 2000, "sent"), "never sent again");
    refused(s, "message.attempt", attempt("msg1", kT0 + 2000, "failed_retryable",
                                          {{"error", "timeout"}, {"nextAttemptAt", kT0 + 9000}}), "never sent again");
    refused(s, "message.cancel", {{"id", "msg1"}, {"at", kT0 + 2000}}, "only a queued or held message");
    must(s, "message.attempt", attempt("msg1", kT0 + 3000, "failed_permanent", {{"error", "bounced"}}));
    CHECK(message(s, "msg1").state == MessageState::Failed);
    CHECK(message(s, "msg1").attempts == 1);
}

TEST_CASE("a held message says why and until when, does not count as an attempt, and goes out later")
{
    State s = small_roster("Asia/Shanghai", kT0);
    must(s, "message.queue", queue_args("msg1"));
    refused(s, "message.attempt", attempt("msg1", kT0 + 1000, "held", {{"nextAttemptAt", kT0 + kDayMs}}), "heldReason");
    refused(s, "message.attempt", attempt("msg1", kT0 + 1000, "held", {{"heldReason", "quota"}}), "nextAttemptAt");
    refused(s, "message.attempt", attempt("msg1", kT0 + 1000, "held", {{"heldReason", "weather"}, {"nextAttemptAt", kT0 + kDayMs}}),
            "args/heldReason");
    refused(s, "message.attempt", attempt("msg1", kT0 + 1000, "sent", {{"heldReason", "quota"}}), "only a held attempt");
    must(s, "message.attempt", attempt("msg1", kT0 + 1000, "held", {{"heldReason", "quota"}, {"nextAttemptAt", kT0 + kDayMs}}));
    CHECK(message(s, "msg1").state == MessageState::Held);
    CHECK(message(s, "msg1").held_reason == HeldReason::Quota);
    CHECK(message(s, "msg1").attempts == 0);
    CHECK(outbox_summary(message(s, "msg1")).key == "outbox.survey.held_quota");
    must(s, "message.attempt", attempt("msg1", kT0 + kDayMs, "held", {{"heldReason", "quiet_hours"}, {"nextAttemptAt", kT0 + kDayMs + kHourMs}}));
    CHECK(message(s, "msg1").held_reason == HeldReason::QuietHours);
    must(s, "message.attempt", attempt("msg1", kT0 + kDayMs + kHourMs, "sent"));
    CHECK(message(s, "msg1").state == MessageState::Sent);
    CHECK(message(s, "msg1").held_reason == HeldReason::None);
    CHECK(message(s, "msg1").attempts == 1);
}

TEST_CASE("only a queued or held message can be cancelled")
{
    State s = small_roster("Asia/Shanghai", kT0);
    must(s, "message.queue", queue_args("queued"));
    must(s, "message.cancel", {{"id", "queued"}, {"at", kT0 + 10}, {"by", "t1"}});
    CHECK(message(s, "queued").state == MessageState::Cancelled);
    CHECK(message(s, "queued").cancelled_at == kT0 + 10);
    CHECK(message(s, "queued").cancelled_by == "t1");
    refused(s, "message.cancel", {{"id", "queued"}, {"at", kT0 + 20}}, "is cancelled");

    must(s, "message.queue", queue_args("held"));
    must(s, "message.attempt", attempt("held", kT0 + 1, "held", {{"heldReason", "quiet_hours"}, {"nextAttemptAt", kT0 + kHourMs}}));
    refused(s, "message.cancel", {{"id", "held"}, {"at", kT0 - 5}}, "before it was queued");
    refused(s, "message.cancel", {{"id", "held"}, {"at", kT0 + 5}, {"by", "ghost"}}, "no user ghost");
    must(s, "message.cancel", {{"id", "held"}, {"at", kT0 + 5}});
    CHECK(message(s, "held").state == MessageState::Cancelled);
    CHECK(message(s, "held").next_attempt_at == 0);

    must(s, "message.queue", queue_args("delivered"));
    must(s, "message.attempt", attempt("delivered", kT0 + 1, "delivered"));
    refused(s, "message.cancel", {{"id", "delivered"}, {"at", kT0 + 5}}, "is delivered");
    refused(s, "message.cancel", {{"id", "nothing"}, {"at", kT0 + 5}}, "no message nothing");
}

TEST_CASE("queueing refuses a reused id, empty or overlong text, an unknown kind, student or user")
{
    State s = small_roster("Asia/Shanghai", kT0);
    must(s, "message.queue", queue_args("msg1"));
    Json again = queue_args("msg1");
    again["text"] = "another text";
    refused(s, "message.queue", again, "idempotency key");
    CHECK(message(s, "msg1").text == "明天 19:00 上课，能来吗？");

    Json empty = queue_args("msg2");
    empty["text"] = "  \n";
    refused(s, "message.queue", empty, "args/text: a message needs text");
    Json kind = queue_args("msg2");
    kind["kind"] = "spam";
    refused(s, "message.queue", kind, "args/kind");
    Json student = queue_args("msg2", "s99");
    refused(s, "message.queue", student, "no student s99");
    refused(s, "message.queue", queue_args("msg2", ""), "a message to a parent is about a student");
    Json by = queue_args("msg2");
    by["by"] = "ghost";
    refused(s, "message.queue", by, "args/by: no user ghost");
    Json to = queue_args("msg2");
    to["recipient"] = {{"role", "manager"}, {"userId", "ghost"}};
    refused(s, "message.queue", to, "args/recipient/userId");
    Json channel = queue_args("msg2");
    channel["channel"] = "";
    refused(s, "message.queue", channel, "args/channel");
    Json typo = queue_args("msg2");
    typo["txet"] = "x";
    refused(s, "message.queue", typo, "unknown field");

    // The limit counts characters, not bytes: 1000 Hanzi fit, 1001 do not.
    std::string longest;
    for (size_t i = 0; i < kMaxMessageChars; ++i) longest += "好";
    Json at_limit = queue_args("msg2");
    at_limit["text"] = longest;
    must(s, "message.queue", at_limit);
    Json over = queue_args("msg3");
    over["text"] = longest + "!";
    refused(s, "message.queue", over, "at most 1000");

    // An escalation to a manager needs no student.
    Json escalation = queue_args("esc1", "");
    escalation["kind"] = "escalation";
    escalation["recipient"] = {{"role", "manager"}, {"userId", "m1"}};
    must(s, "message.queue", escalation);
    CHECK(message(s, "esc1").student_id.empty());
}

TEST_CASE("replaying the same mutations gives the same state, and the dataset JSON reads back")
{
    std::vector<Mutation> log{
        {"message.queue", queue_args("a")},
        {"message.queue", queue_args("b", "s2")},
        {"message.attempt", attempt("a", kT0 + 1000, "failed_retryable", {{"error", "HTTP 502"}, {"nextAttemptAt", kT0 + 60000}})},
        {"message.attempt", attempt("b", kT0 + 1000, "held", {{"heldReason", "quota"}, {"nextAttemptAt", kT0 + kDayMs}})},
        {"message.attempt", attempt("a", kT0 + 60000, "sent")},
        {"message.cancel", {{"id", "b"}, {"at", kT0 + 2000}, {"by", "t1"}}},
        {"message.attempt", attempt("a", kT0 + 61000, "delivered")},
    };
    auto run = [&] {
        State s = small_roster("Asia/Shanghai", kT0);
        for (const auto& m : log) {
            auto r = apply(s, m);
            REQUIRE_MESSAGE(r.ok, m.name << ": " << r.reason);
        }
        return s;
    };
    State first = run(), second = run();
    CHECK(state_to_json(first) == state_to_json(second));
    CHECK(state_to_json(first)["messages"].size() == 2);
    CHECK(state_to_json(small_roster("Asia/Shanghai", kT0)).count("messages") == 0);  // no outbox, no key
    CHECK(message(first, "a").attempts == 2);
    CHECK(message(first, "b").state == MessageState::Cancelled);

    State back;
    REQUIRE(state_from_json(state_to_json(first), back) == "");
    CHECK(state_to_json(back) == state_to_json(first));
    CHECK(message(back, "a").history.size() == 3);
}

TEST_CASE("messages travel as sync rows, and the key table names the row each outbox mutation changes")
{
    State s = small_roster("Asia/Shanghai", kT0);
    std::vector<Mutation> log{
        {"message.queue", queue_args("a")},
        {"message.attempt", attempt("a", kT0 + 1000, "sent")},
        {"message.queue", queue_args("b", "s2")},
        {"message.cancel", {{"id", "b"}, {"at", kT0 + 2000}}},
    };
    for (const auto& m : log) {
        State before = s;
        auto keys = sync::touched_keys(s, m);
        REQUIRE(keys.has_value());
        const std::string id = m.args["id"].get<std::string>();
        std::vector<sync::RowKey> expected{{"messages", id}};
        if (m.name == "message.attempt") expected.push_back({"events", "sent:" + id});  // its message_sent event
        CHECK(*keys == expected);
        REQUIRE(apply(s, m).ok);
        auto quick = sync::diff_keys(before, s, *keys);
        auto full = sync::diff_states(before, s);
        const size_t changed = m.name == "message.attempt" ? 2 : 1;
        REQUIRE(quick.size() == changed);
        REQUIRE(full.size() == changed);
        for (size_t i = 0; i < changed; ++i) {
            CHECK(quick[i].key == full[i].key);
            CHECK(quick[i].body == full[i].body);
        }
    }
    sync::RowMap rows = sync::state_rows(s);
    REQUIRE(rows.count({"messages", "a"}) == 1);
    CHECK(rows.at({"messages", "a"})["state"] == "sent");
    std::vector<sync::Row> list;
    int64_t v = 0;
    for (const auto& [key, body] : rows) list.push_back(sync::Row{key, ++v, false, body});
    State back;
    REQUIRE(sync::state_from_rows(list, back) == "");
    CHECK(sync::state_rows(back) == rows);
    CHECK(back.messages.size() == 2);

    // A pull applies message rows in place; a deleted row removes the message.
    State pulled = small_roster("Asia/Shanghai", kT0);
    REQUIRE(sync::apply_rows(pulled, {list.begin(), list.end()}, sync::EventPlacement::ByVersion) == "");
    CHECK(message(pulled, "b").state == MessageState::Cancelled);
    REQUIRE(sync::apply_rows(pulled, {sync::Row{{"messages", "b"}, ++v, true, Json()}}, sync::EventPlacement::ByVersion) == "");
    CHECK(pulled.messages.count("b") == 0);
}

TEST_CASE("a message row belongs to its student's tutor, else to the tutor who queued it, and follows a moved student")
{
    State s = small_roster("Asia/Shanghai", kT0);
    must(s, "user.upsert", {{"id", "t2"}, {"name", "Tutor 2"}, {"role", "tutor"}, {"managerId", "m1"}});
    must(s, "class.upsert", {{"id", "k2"}, {"courseId", "c1"}, {"tutorId", "t2"}, {"name", "Class 2"}});
    sync::RowOwners owners(s);
    auto queue = [&](const Json& args) {
        Mutation m{"message.queue", args};
        auto keys = sync::touched_keys(s, m);
        REQUIRE(keys);
        must(s, m.name, m.args);
        owners.update(s, *keys);
    };
    queue(queue_args("about-s1"));
    Json by_tutor = queue_args("from-t2", "");
    by_tutor["kind"] = "escalation";
    by_tutor["recipient"] = {{"role", "manager"}, {"userId", "m1"}};
    by_tutor["by"] = "t2";
    queue(by_tutor);
    Json by_manager = by_tutor;
    by_manager["id"] = "from-m1";
    by_manager["by"] = "m1";
    queue(by_manager);

    auto owner_of = [&](const std::string& id) {
        sync::RowKey key{"messages", id};
        return owners.owner(key, *sync::entity_json(s, key));
    };
    CHECK(owner_of("about-s1") == "t1");
    CHECK(owner_of("from-t2") == "t2");
    CHECK(owner_of("from-m1") == sync::kUnassignedOwner);
    auto rows = owners.rows_of_student(s, "s1");
    CHECK(std::count(rows.begin(), rows.end(), sync::RowKey{"messages", "about-s1"}) == 1);

    // s1 moves to t2's class: the message goes with them, and the incremental owners agree
    // with owners rebuilt from the whole state.
    Mutation move{"enrolment.upsert", {{"id", "e1"}, {"studentId", "s1"}, {"classId", "k2"}, {"enrolledAt", kT0}}};
    auto keys = sync::touched_keys(s, move);
    REQUIRE(keys);
    must(s, move.name, move.args);
    sync::OwnersBefore before;
    owners.update(s, *keys, &before);
    CHECK(owner_of("about-s1") == "t2");
    sync::RowKey key{"messages", "about-s1"};
    CHECK(owners.owner(key, *sync::entity_json(s, key), &before) == "t1");
    sync::RowOwners rebuilt(s);
    CHECK(rebuilt.owner(key, *sync::entity_json(s, key)) == "t2");
    CHECK(rebuilt.rows_of_student(s, "s1") == owners.rows_of_student(s, "s1"));
}

TEST_CASE("the student's timeline shows each message: kind, channel, state, attempts, who queued it")
{
    State s = small_roster("Asia/Shanghai", kT0);
    record(s, "note1", "note", kT0 - kHourMs, {{"studentId", "s1"}, {"text", "家长希望周末上课"}, {"actorId", "t1"}});
    must(s, "message.queue", queue_args("msg1"));
    must(s, "message.attempt", attempt("msg1", kT0 + 1000, "failed_retryable", {{"error", "HTTP 500"}, {"nextAttemptAt", kT0 + 9000}}));
    must(s, "message.attempt", attempt("msg1", kT0 + 9000, "delivered"));
    Json automatic = queue_args("auto1", "s1");
    automatic.erase("by");
    automatic["kind"] = "reminder";
    automatic["at"] = kT0 - 2 * kHourMs;
    must(s, "message.queue", automatic);
    must(s, "message.queue", queue_args("other-student", "s2"));

    auto t = student_timeline(s, "s1");
    REQUIRE(t.size() == 3);
    CHECK(t[0].message_id == "msg1");
    CHECK(t[0].event_id.empty());
    CHECK(t[0].kind == EventKind::MessageSent);
    CHECK(t[0].at == kT0);
    CHECK(t[0].summary == Phrase{"outbox.survey.delivered", {{"channel", "wecom"}, {"attempts", "2"}}});
    CHECK(t[0].text == "明天 19:00 上课，能来吗？");
    CHECK(t[0].actor_name == "Tutor");
    CHECK(t[0].source == EventSource::Manual);
    CHECK(t[1].event_id == "note1");
    CHECK(t[2].message_id == "auto1");
    CHECK(t[2].summary.key == "outbox.reminder.queued");
    CHECK(t[2].source == EventSource::Auto);
    CHECK(t[2].actor_name.empty());

    auto keys = outbox_phrase_keys();
    for (const auto& e : t)
        if (!e.message_id.empty()) CHECK(std::count(keys.begin(), keys.end(), e.summary.key) == 1);
    CHECK(keys.size() == 6 * 7);
}
