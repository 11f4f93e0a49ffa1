// The running server's own work, over real HTTP on both backends: a message a tutor queues from
// a device is delivered through the organisation's channel without anything else happening; a
// disabled channel keeps its messages waiting; devices may not claim deliveries; and the
// scheduler, started by the server, fires the template's reminders when the (test) clock moves.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/outbox.h"
#include "server/organisation_sync.h"
#include "sync_http.h"

using nlohmann::json;
using namespace wb;
using namespace wb::test;

namespace {

// Polls `done` for up to `ms`; true as soon as it holds.
template <class F> bool eventually(F done, int ms = 10000) {
    for (auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
         std::chrono::steady_clock::now() < until; std::this_thread::sleep_for(std::chrono::milliseconds(50)))
        if (done()) return true;
    return done();
}

std::string first_student_of(server::WorkbenchServer& srv, const std::string& tutor) {
    return srv.sync().with_state([&](const State& s) {
        for (const auto& [id, e] : s.enrolments) {
            auto c = s.classes.find(e.class_id);
            if (c != s.classes.end() && c->second.tutor_id == tutor) return e.student_id;
        }
        return std::string();
    });
}

MessageState state_of(server::WorkbenchServer& srv, const std::string& id) {
    return srv.sync().with_state([&](const State& s) {
        auto m = s.messages.find(id);
        return m == s.messages.end() ? MessageState::Cancelled : m->second.state;
    });
}

json queue_args(const std::string& id, const std::string& student) {
    return {{"id", id}, {"kind", "reminder"}, {"studentId", student},
            {"recipient", {{"role", "parent"}, {"address", "13800000000"}}}, {"channel", "sms"},
            {"text", "明天19:00上课，请准时参加"}, {"at", 1}};
}

// The demo organisation holds messages to parents 21:00-08:00 Shanghai time (UTC+8 all year):
// move the server's clock to the next 10:00 there, whatever the time the tests run at.
void move_to_daytime(server::WorkbenchServer& srv) {
    const TimeMs local = (srv.now_ms() + 8 * kHourMs) % kDayMs;
    srv.advance_clock((10 * kHourMs - local + kDayMs) % kDayMs);
}

bool sent(MessageState s) { return s == MessageState::Sent || s == MessageState::Delivered; }

httplib::Result put_channels(SyncClient& c, const json& channels) {
    return c.http.Put("/api/channels", {{"Authorization", "Bearer " + c.token}},
                      json{{"channels", channels}}.dump(), "application/json");
}

}  // namespace

TEST_CASE("automation: the server delivers what devices queue, keeps a disabled channel's messages, refuses claimed deliveries") {
    for_each_sync_server([](SyncServer& s) {
        server::WorkbenchServer& srv = *s.server;
        SyncClient tutor(s, "tutor1", "tutor-device");
        SyncClient admin(s, "admin", "admin-device");
        const std::string student = first_student_of(srv, "t1");
        REQUIRE_FALSE(student.empty());
        move_to_daytime(srv);

        json pushed = tutor.push("message.queue", queue_args("msg-1", student));
        REQUIRE(pushed["results"][0]["ok"] == true);
        CHECK(eventually([&] { return sent(state_of(srv, "msg-1")); }));

        // A device cannot say a message went out: only the server's delivery worker records that.
        json claimed = tutor.push("message.attempt", {{"id", "msg-1"}, {"at", 2}, {"outcome", "failed_permanent"}});
        CHECK(claimed["results"][0]["ok"] == false);
        CHECK(claimed["results"][0]["error"]["code"] == "forbidden");
        CHECK(sent(state_of(srv, "msg-1")));

        // Disabled: the message waits, neither tried nor failed; enabled again, it goes.
        auto off = put_channels(admin, json::array({{{"id", "sms"}, {"type", "simulated"}, {"enabled", false}}}));
        REQUIRE(off);
        REQUIRE(off->status == 200);
        REQUIRE(tutor.push("message.queue", queue_args("msg-2", student))["results"][0]["ok"] == true);
        std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // more than two delivery rounds
        CHECK(state_of(srv, "msg-2") == MessageState::Queued);
        auto on = put_channels(admin, json::array({{{"id", "sms"}, {"type", "simulated"}}}));
        REQUIRE(on);
        REQUIRE(on->status == 200);
        CHECK(eventually([&] { return sent(state_of(srv, "msg-2")); }));

        auto no_clock = tutor.post("/api/test/clock", {{"advanceMs", 1000}});
        REQUIRE(no_clock);
        CHECK(no_clock->status == 404);  // only with --test-clock
    }, [](server::ServerOptions& o) { o.automation = true; });
}

TEST_CASE("automation: the server's scheduler fires the template's reminders when its clock moves") {
    for_each_sync_server([](SyncServer& s) {
        server::WorkbenchServer& srv = *s.server;
        SyncClient tutor(s, "tutor1", "tutor-device");
        auto fired = [&] {
            return srv.sync().with_state([](const State& st) {
                int n = 0;
                for (const auto& [id, m] : st.messages) n += id.rfind("fire/", 0) == 0;
                return n;
            });
        };
        CHECK(fired() == 0);  // a fresh demo's history is not fired

        auto bad = tutor.post("/api/test/clock", {{"advanceMs", -5}});
        REQUIRE(bad);
        CHECK(bad->status == 400);
        const std::int64_t before = srv.now_ms();
        auto moved = tutor.post("/api/test/clock", {{"advanceMs", 8LL * 24 * 3600 * 1000}});
        REQUIRE(moved);
        REQUIRE(moved->status == 200);
        CHECK(json::parse(moved->body)["nowMs"].get<std::int64_t>() >= before + 8LL * 24 * 3600 * 1000);

        // A week of a course has lessons, so reminders leave through the demo's simulated channels;
        // none of them fails for want of a channel.
        CHECK(eventually([&] { return fired() > 0; }, 20000));
        CHECK(eventually([&] {
            return srv.sync().with_state([](const State& st) {
                for (const auto& [id, m] : st.messages)
                    if (id.rfind("fire/", 0) == 0 && m.state == MessageState::Queued) return false;
                return true;
            });
        }, 20000));
        srv.sync().with_state([](const State& st) {
            for (const auto& [id, m] : st.messages) {
                INFO(id << ": " << m.last_error);
                CHECK(m.state != MessageState::Failed);
            }
            return 0;
        });
    }, [](server::ServerOptions& o) {
        o.automation = true;
        o.test_clock = true;
    });
}
