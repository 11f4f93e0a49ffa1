// Inbound replies over real HTTP, on SQLite and (as "sync on a real store*" cases) PostgreSQL: a
// pre-attendance survey goes out through the delivery worker and a simulated channel, then the
// parent's replies come back in through POST /api/inbound/<channel>: the secret is checked,
// malformed bodies are refused with the field named, a reply within 8 hours marks the lesson, a
// later one is recorded without changing the mark, and the same reply posted twice records once.
// Also the channel's delivery and read receipts (POST /api/inbound/<channel>/receipt), the demo's
// simulated reply and the router's prefix routes.
#include <doctest/doctest.h>

#include "core/outbox.h"
#include "core/state.h"
#include "core/time_zone.h"
#include "server/channel_registry.h"
#include "server/delivery_worker.h"
#include "server/organisation_sync.h"
#include "sync_http.h"

using nlohmann::json;
using wb::test::SyncClient;
using wb::test::SyncServer;

namespace {

constexpr const char* kSecret = "parents-reply-here-7f3a";

// An SMS channel that posts replies (its sends go nowhere in these tests), a simulated one that
// the survey goes out through (no quiet hours, so the test passes at any hour), and one without
// an inbound secret.
void configure_channels(SyncServer& s) {
    json channels = json::array({
        {{"id", "sms-in"}, {"type", "sms"}, {"url", "http://127.0.0.1:9/send"}, {"key", "token"}, {"inboundSecret", kSecret}},
        {{"id", "sim"}, {"type", "simulated"}, {"inboundSecret", "sim-secret"}, {"quietHours", {{"from", "00:00"}, {"to", "00:00"}}}},
        {{"id", "quiet"}, {"type", "simulated"}},
    });
    auto saved = s.server->channels().replace(channels);
    REQUIRE_MESSAGE(saved.ok, saved.error);
}

struct Survey {
    std::string student, phone, lesson, message_id;
    wb::TimeMs sent_at = 0;
};

// One of t1's students with a parent phone, and the latest lesson of their course.
Survey pick_student(SyncServer& s) {
    return s.server->sync().with_state([](const wb::State& st) {
        Survey out;
        for (const auto& [id, e] : st.enrolments) {
            const wb::TutoringClass& k = st.classes.at(e.class_id);
            const wb::Student& student = st.students.at(e.student_id);
            if (k.tutor_id != "t1" || e.status != wb::EnrolmentStatus::Active || student.parent_phone.empty()) continue;
            out.student = student.id;
            out.phone = student.parent_phone;
            wb::TimeMs latest = 0;
            for (const auto& [lid, l] : st.lessons)
                if (l.course_id == k.course_id && l.start >= latest) {
                    latest = l.start;
                    out.lesson = lid;
                }
            return out;
        }
        return out;
    });
}

// Queues the pre-attendance survey and has the delivery worker send it through the simulated channel.
Survey send_survey(SyncServer& s, const std::string& message_id) {
    Survey sv = pick_student(s);
    REQUIRE(!sv.student.empty());
    REQUIRE(!sv.lesson.empty());
    sv.message_id = message_id;
    auto& sync = s.server->sync();
    json queue{{"id", message_id}, {"kind", "survey"}, {"studentId", sv.student}, {"lessonId", sv.lesson},
               {"recipient", {{"role", "parent"}, {"address", sv.phone}}}, {"channel", "sim"},
               {"text", "明天的课能来吗？回复1能来，0请假"}, {"templateId", "survey.pre_attendance"},
               {"at", s.server->now_ms()}};
    auto queued = sync.apply_as_system({{"message.queue", queue}}, "test-scheduler");
    REQUIRE(queued.response);
    REQUIRE_MESSAGE(queued.response->results.at(0).ok, queued.response->results.at(0).error.message);

    std::map<std::string, std::unique_ptr<wb::server::Channel>> channels;
    channels["sim"] = wb::server::make_channel(*s.server->channels().find("sim"), [&s] { return s.server->now_ms(); });
    wb::server::DeliveryWorker worker(sync, std::move(channels), [&s] { return s.server->now_ms(); });
    const wb::server::DeliveryPass pass = worker.run_once();
    CHECK(pass.error == "");
    const wb::OutboxMessage m = sync.with_state([&](const wb::State& st) { return st.messages.at(message_id); });
    INFO("pass: sent " << pass.sent << " held " << pass.held << " retrying " << pass.retrying << " failed " << pass.failed);
    REQUIRE_MESSAGE(m.state == wb::MessageState::Delivered, wb::to_json_value(m).dump());  // the simulated channel answers delivered
    sv.sent_at = m.sent_at;
    REQUIRE(sv.sent_at > 0);
    return sv;
}

httplib::Result post_reply(SyncServer& s, const std::string& channel, const std::string& body,
                           const char* secret = kSecret) {
    httplib::Client http("127.0.0.1", s.server->port());
    httplib::Headers headers;
    if (secret) headers.emplace("X-Channel-Secret", secret);
    return http.Post(("/api/inbound/" + channel).c_str(), headers, body, "application/json");
}

json ok_json(const httplib::Result& res) {
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    return json::parse(res->body);
}

void check_error(const httplib::Result& res, int status, const std::string& code, const std::string& part) {
    REQUIRE(res);
    CHECK(res->status == status);
    auto body = json::parse(res->body, nullptr, false);
    REQUIRE(body.is_object());
    CHECK(body["error"]["code"] == code);
    const std::string message = body["error"]["message"].get<std::string>();
    CHECK_MESSAGE(message.find(part) != std::string::npos, message);
}

std::vector<wb::Event> marks(SyncServer& s, const Survey& sv) {
    return s.server->sync().with_state([&](const wb::State& st) {
        std::vector<wb::Event> out;
        for (const auto& e : st.events)
            if (e.kind == wb::EventKind::AttendanceMark && e.student_id == sv.student && e.lesson_id == sv.lesson)
                out.push_back(e);
        return out;
    });
}

std::optional<wb::Event> event(SyncServer& s, const std::string& id) {
    return s.server->sync().with_state([&](const wb::State& st) -> std::optional<wb::Event> {
        const wb::Event* e = wb::find_event(st, id);
        return e ? std::optional<wb::Event>(*e) : std::nullopt;
    });
}

size_t event_count(SyncServer& s) {
    return s.server->sync().with_state([](const wb::State& st) { return st.events.size(); });
}

// "2026-03-07T20:15:00+08:00" for a UTC time (whole seconds).
std::string shanghai_iso(wb::TimeMs utc) {
    std::string z = wb::format_utc(utc + 8 * wb::kHourMs);
    return z.substr(0, z.size() - 1) + "+08:00";
}

httplib::Result post_receipt(SyncServer& s, const std::string& channel, const json& body, const char* secret = kSecret) {
    return post_reply(s, channel + "/receipt", body.dump(), secret);
}

// One-click feedback to the parent of the picked student, queued and sent through sms-in as the
// delivery worker records it (the test's sms gateway is nowhere; the receipt is what matters).
Survey send_feedback(SyncServer& s, const std::string& message_id) {
    Survey sv = pick_student(s);
    REQUIRE(!sv.student.empty());
    sv.message_id = message_id;
    const wb::TimeMs now = s.server->now_ms();
    json queue{{"id", message_id}, {"kind", "feedback"}, {"studentId", sv.student}, {"lessonId", sv.lesson},
               {"recipient", {{"role", "parent"}, {"address", sv.phone}}}, {"channel", "sms-in"},
               {"text", "作业已批改：A"}, {"templateId", "feedback.homework"}, {"at", now}};
    json sent{{"id", message_id}, {"at", now + wb::kMinuteMs}, {"outcome", "sent"}};
    auto applied = s.server->sync().apply_as_system({{"message.queue", queue}, {"message.attempt", sent}}, "test-worker");
    REQUIRE(applied.response);
    for (const auto& r : applied.response->results) REQUIRE_MESSAGE(r.ok, r.error.message);
    sv.sent_at = now + wb::kMinuteMs;
    return sv;
}

wb::MessageState message_state(SyncServer& s, const std::string& id) {
    return s.server->sync().with_state([&](const wb::State& st) { return st.messages.at(id).state; });
}

}  // namespace

TEST_CASE("sync on a real store: inbound replies without the channel's secret or with a malformed body are refused, clearly") {
    wb::test::for_each_sync_server([](SyncServer& s) {
        CAPTURE(s.backend);
        configure_channels(s);
        Survey sv = pick_student(s);
        const std::string good = json{{"phone", sv.phone}, {"text", "1"}}.dump();
        const size_t events = event_count(s);

        check_error(post_reply(s, "sms-in", good, nullptr), 401, "unauthorized", "X-Channel-Secret header is missing");
        check_error(post_reply(s, "sms-in", good, "wrong-secret"), 401, "unauthorized", "unknown channel or wrong secret");
        check_error(post_reply(s, "sms-in", good, "sim-secret"), 401, "unauthorized", "unknown channel or wrong secret");
        check_error(post_reply(s, "no-such-channel", good), 401, "unauthorized", "unknown channel or wrong secret");
        check_error(post_reply(s, "quiet", good, "anything"), 401, "unauthorized", "unknown channel or wrong secret");

        check_error(post_reply(s, "sms-in", "phone=138&text=1"), 400, "bad_json", "not valid JSON");
        check_error(post_reply(s, "sms-in", "[1, 2]"), 400, "bad_request", "expected an object");
        check_error(post_reply(s, "sms-in", json{{"phone", sv.phone}}.dump()), 400, "bad_request", "/text");
        check_error(post_reply(s, "sms-in", json{{"phone", sv.phone}, {"text", "  "}}.dump()), 400, "bad_request", "/text: the reply is empty");
        check_error(post_reply(s, "sms-in", json{{"phone", sv.phone}, {"text", std::string(2001, 'a')}}.dump()), 400,
                    "bad_request", "at most 2000");
        check_error(post_reply(s, "sms-in", json{{"text", "1"}}.dump()), 400, "bad_request", "/phone");
        check_error(post_reply(s, "sms-in", json{{"phone", 13800000000LL}, {"text", "1"}}.dump()), 400, "bad_request",
                    "/phone: expected a string");
        check_error(post_reply(s, "sms-in", json{{"phone", sv.phone}, {"text", "1"}, {"at", "yesterday"}}.dump()), 400,
                    "bad_request", "/at");
        check_error(post_reply(s, "sms-in", json{{"phone", sv.phone}, {"text", "1"}, {"at", "2026-03-07T20:15:00"}}.dump()),
                    400, "bad_request", "/at");  // no offset: whose 20:15?
        check_error(post_reply(s, "sms-in", json{{"phone", sv.phone}, {"text", "1"}, {"at", "2026-02-30T20:15:00+08:00"}}.dump()),
                    400, "bad_request", "/at");
        check_error(post_reply(s, "sms-in", json{{"phone", sv.phone}, {"text", "1"}, {"at", 1.5}}.dump()), 400,
                    "bad_request", "/at");
        check_error(post_reply(s, "sms-in", json{{"phone", "13912345678"}, {"text", "1"}}.dump()), 422, "unknown_sender",
                    "13912345678");
        CHECK(event_count(s) == events);  // nothing refused was recorded
    });
}

TEST_CASE("sync on a real store: inbound: a reply within 8 hours of the survey marks the lesson, a later one does not, a repost records once") {
    wb::test::for_each_sync_server([](SyncServer& s) {
        CAPTURE(s.backend);
        configure_channels(s);
        Survey sv = send_survey(s, "survey-1");
        auto sent = event(s, "sent:survey-1");
        REQUIRE(sent);  // the delivered survey is a message_sent event, as the reply parser reads
        CHECK(sent->lesson_id == sv.lesson);
        CHECK(sent->value == "survey.pre_attendance");
        REQUIRE(marks(s, sv).empty());

        // Within the window: the mark follows the reply.
        const json within{{"phone", sv.phone.substr(0, 3) + "-" + sv.phone.substr(3)}, {"text", "好的，能来"}, {"at", sv.sent_at + 2 * wb::kHourMs},
                          {"externalId", "sms-778"}};
        json answer = ok_json(post_reply(s, "sms-in", within.dump()));
        REQUIRE(answer["replies"].size() == 1);
        const json reply = answer["replies"][0];
        CHECK(reply["studentId"] == sv.student);
        CHECK(reply["outcome"] == "mark");
        CHECK(reply["mark"] == "attend");
        auto recorded = event(s, reply["eventId"].get<std::string>());
        REQUIRE(recorded);
        CHECK(recorded->kind == wb::EventKind::Reply);
        CHECK(recorded->ref_id == "sent:survey-1");
        CHECK(recorded->text == "好的，能来");
        CHECK(recorded->channel == "sms-in");
        auto m = marks(s, sv);
        REQUIRE(m.size() == 1);
        CHECK(m[0].value == "attend");
        CHECK(m[0].source == wb::EventSource::Reply);

        // The channel posts the same reply again: recorded once, the same answer.
        const size_t events = event_count(s);
        json again = ok_json(post_reply(s, "sms-in", within.dump()));
        CHECK(again["replies"] == answer["replies"]);
        CHECK(event_count(s) == events);

        // Nine hours after the survey (as an ISO time in Shanghai): recorded, the mark unchanged.
        const wb::TimeMs late_at = (sv.sent_at + 9 * wb::kHourMs) / 1000 * 1000;
        json late = ok_json(post_reply(s, "sms-in", json{{"phone", sv.phone}, {"text", "请假"}, {"at", shanghai_iso(late_at)}}.dump()));
        REQUIRE(late["replies"].size() == 1);
        CHECK(late["replies"][0]["outcome"] == "outside_window");
        CHECK_FALSE(late["replies"][0].contains("mark"));
        auto late_event = event(s, late["replies"][0]["eventId"].get<std::string>());
        REQUIRE(late_event);
        CHECK(late_event->text == "请假");
        CHECK(late_event->at == late_at);
        CHECK(late_event->ref_id == "sent:survey-1");
        m = marks(s, sv);
        REQUIRE(m.size() == 1);
        CHECK(m[0].value == "attend");

        // The student's tutor receives the survey, both replies and the mark.
        SyncClient tutor(s, "tutor1", "t1-inbound");
        std::string cursor;
        auto rows = wb::test::pull_all(tutor, cursor, 1000);
        CHECK(rows.live["events"].count("sent:survey-1") == 1);
        CHECK(rows.live["events"].count(reply["eventId"].get<std::string>()) == 1);
        CHECK(rows.live["events"].count(late["replies"][0]["eventId"].get<std::string>()) == 1);
        CHECK(rows.live["events"].count(m[0].id) == 1);
    });
}

TEST_CASE("sync on a real store: a read receipt of feedback marks it delivered and viewed once; bad receipts are refused, clearly") {
    wb::test::for_each_sync_server([](SyncServer& s) {
        CAPTURE(s.backend);
        configure_channels(s);
        Survey sv = send_feedback(s, "fb-msg-1");
        const size_t events = event_count(s);

        check_error(post_receipt(s, "sms-in", {{"messageId", "fb-msg-1"}, {"status", "read"}}, nullptr), 401, "unauthorized",
                    "X-Channel-Secret header is missing");
        check_error(post_receipt(s, "sms-in", {{"messageId", "fb-msg-1"}, {"status", "read"}}, "wrong"), 401, "unauthorized",
                    "wrong secret");
        check_error(post_receipt(s, "sms-in", json::array()), 400, "bad_request", "expected an object");
        check_error(post_receipt(s, "sms-in", {{"status", "read"}}), 400, "bad_request", "/messageId");
        check_error(post_receipt(s, "sms-in", {{"messageId", "fb-msg-1"}, {"status", "opened"}}), 400, "bad_request",
                    "/status: expected \"delivered\", \"read\" or \"failed\", got \"opened\"");
        check_error(post_receipt(s, "sms-in", {{"messageId", "fb-msg-1"}, {"status", "read"}, {"at", "soon"}}), 400,
                    "bad_request", "/at");
        check_error(post_receipt(s, "sms-in", {{"messageId", "nope"}, {"status", "read"}}), 404, "unknown_message",
                    "no message nope was handed to channel sms-in");
        check_error(post_receipt(s, "sim", {{"messageId", "fb-msg-1"}, {"status", "read"}}, "sim-secret"), 404,
                    "unknown_message", "channel sim");
        CHECK(message_state(s, "fb-msg-1") == wb::MessageState::Sent);
        CHECK(event_count(s) == events);

        const wb::TimeMs read_at = sv.sent_at + 2 * wb::kHourMs;
        json answer = ok_json(post_receipt(s, "sms-in", {{"messageId", "fb-msg-1"}, {"status", "read"}, {"at", read_at}}));
        CHECK(answer["state"] == "delivered");
        CHECK(answer["recorded"] == 2);
        CHECK(answer["viewedEventId"] == "viewed:fb-msg-1");
        auto viewed = event(s, "viewed:fb-msg-1");
        REQUIRE(viewed);
        CHECK(viewed->kind == wb::EventKind::FeedbackViewed);
        CHECK(viewed->student_id == sv.student);
        CHECK(viewed->lesson_id == sv.lesson);
        CHECK(viewed->at == read_at);
        CHECK(message_state(s, "fb-msg-1") == wb::MessageState::Delivered);

        // Reported again: nothing new; a failure after delivery contradicts it.
        json again = ok_json(post_receipt(s, "sms-in", {{"messageId", "fb-msg-1"}, {"status", "read"}}));
        CHECK(again["recorded"] == 0);
        CHECK(event_count(s) == events + 1);
        check_error(post_receipt(s, "sms-in", {{"messageId", "fb-msg-1"}, {"status", "failed"}}), 409, "contradicts",
                    "cannot fail afterwards");

        // The student's tutor receives the viewed event and the delivered message.
        SyncClient tutor(s, "tutor1", "t1-receipt");
        std::string cursor;
        auto rows = wb::test::pull_all(tutor, cursor, 1000);
        CHECK(rows.live["events"].count("viewed:fb-msg-1") == 1);
        REQUIRE(rows.live["messages"].count("fb-msg-1") == 1);
        CHECK(rows.live["messages"]["fb-msg-1"]["state"] == "delivered");
    });
}

TEST_CASE("sync on a real store: inbound: the demo's simulated reply needs a user who sees the student and a simulated channel") {
    wb::test::for_each_sync_server([](SyncServer& s) {
        CAPTURE(s.backend);
        configure_channels(s);
        Survey sv = send_survey(s, "survey-sim");
        const json body{{"studentId", sv.student}, {"text", "0，孩子那天有事"}, {"at", sv.sent_at + wb::kHourMs}};

        httplib::Client anonymous("127.0.0.1", s.server->port());
        auto res = anonymous.Post("/api/inbound/sim/simulate", body.dump(), "application/json");
        check_error(res, 401, "unauthorized", "");

        SyncClient other(s, "tutor2", "t2-sim");
        check_error(other.post("/api/inbound/sim/simulate", body), 404, "not_found", "no student " + sv.student);

        SyncClient tutor(s, "tutor1", "t1-sim");
        check_error(tutor.post("/api/inbound/sms-in/simulate", body), 400, "bad_request", "only a simulated channel");
        check_error(tutor.post("/api/inbound/nowhere/simulate", body), 404, "not_found", "no channel nowhere");
        check_error(tutor.post("/api/inbound/sim/simulate", json{{"studentId", sv.student}}), 400, "bad_request", "/text");
        REQUIRE(marks(s, sv).empty());

        json answer = ok_json(tutor.post("/api/inbound/sim/simulate", body));
        REQUIRE(answer["replies"].size() == 1);
        CHECK(answer["replies"][0]["studentId"] == sv.student);
        CHECK(answer["replies"][0]["outcome"] == "mark");
        CHECK(answer["replies"][0]["mark"] == "leave");
        auto m = marks(s, sv);
        REQUIRE(m.size() == 1);
        CHECK(m[0].value == "leave");
        auto reply = event(s, answer["replies"][0]["eventId"].get<std::string>());
        REQUIRE(reply);
        CHECK(reply->channel == "sim");
        CHECK(reply->ref_id == "sent:survey-sim");
    });
}

TEST_CASE("api: prefix routes take the rest of the path; exact routes win; other paths and methods still answer 404 / 405") {
    wb::test::RunningServer running;
    auto http = running.client();
    auto res = http.Get("/api/inbound/sim");
    REQUIRE(res);
    CHECK(res->status == 405);
    CHECK(res->get_header_value("Allow") == "POST");
    CHECK(json::parse(res->body)["error"]["code"] == "method_not_allowed");

    res = http.Post("/api/inbound/", "{}", "application/json");  // nothing after the prefix
    REQUIRE(res);
    CHECK(res->status == 404);
    CHECK(json::parse(res->body)["error"]["code"] == "not_found");

    res = http.Post("/api/inbound/sim/elsewhere", "{}", "application/json");
    REQUIRE(res);
    CHECK(res->status == 404);

    res = http.Post("/api/inboundx", "{}", "application/json");
    REQUIRE(res);
    CHECK(res->status == 404);

    res = http.Get("/api/health");
    REQUIRE(res);
    CHECK(res->status == 200);
    res = http.Post("/api/health", "{}", "application/json");
    REQUIRE(res);
    CHECK(res->status == 405);

    res = http.Post("/api/inbound/sim", "{}", "application/json");  // routed: the handler asks for the secret
    REQUIRE(res);
    CHECK(res->status == 401);
}
