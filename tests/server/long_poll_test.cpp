// Live updates by long-poll over real HTTP (docs/api.md, "POST /api/pull", waitMs): a waiting
// pull answers soon after a commit that brings it something, keeps waiting through commits it
// cannot see, and a server shutdown wakes it.
#include <doctest/doctest.h>

#include <chrono>
#include <future>
#include <thread>

#include "core/state.h"
#include "server/organisation_sync.h"
#include "sync_http.h"

using nlohmann::json;
using wb::test::SyncClient;
using wb::test::SyncServer;

namespace {

using Clock = std::chrono::steady_clock;

long long ms_since(Clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

std::string first_student_of(SyncServer& s, const std::string& tutor) {
    return s.server->sync().with_state([&](const wb::State& st) {
        for (const auto& [id, e] : st.enrolments)
            if (st.classes.at(e.class_id).tutor_id == tutor) return e.student_id;
        return std::string();
    });
}

json note(const std::string& id, const std::string& student) {
    return {{"id", id}, {"kind", "note"}, {"at", 1000}, {"studentId", student}, {"text", "long-poll"}};
}

struct Answer {
    int status = 0;
    json body;
    long long took_ms = 0;
};

// Starts a waiting pull on its own connection; the future holds its answer.
std::future<Answer> waiting_pull(SyncClient& c, const std::string& cursor, int wait_ms) {
    json body = {{"clientId", c.client_id}, {"cursor", cursor}, {"limit", 1000}, {"acked", 0}, {"waitMs", wait_ms}};
    return std::async(std::launch::async, [&c, body] {
        auto start = Clock::now();
        auto res = c.post("/api/pull", body);
        Answer a;
        a.took_ms = ms_since(start);
        if (res) {
            a.status = res->status;
            a.body = json::parse(res->body, nullptr, false);
        }
        return a;
    });
}

// Waits until the server has `n` pulls waiting (so a push after this is one they wait for).
void until_waiting(SyncServer& s, int n) {
    auto start = Clock::now();
    while (s.server->sync().waiting_pulls() < n && ms_since(start) < 5000)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    REQUIRE(s.server->sync().waiting_pulls() == n);
}

}  // namespace

TEST_CASE("sync on a real store: long-poll answers soon after the tutor's other device pushes") {
    wb::test::for_each_sync_server([](SyncServer& s) {
        CAPTURE(s.backend);
        std::string own = first_student_of(s, "t1");
        SyncClient phone(s, "tutor1", "t1-phone"), laptop(s, "tutor1", "t1-laptop");
        std::string cursor;
        wb::test::pull_all(phone, cursor, 5000);

        // Nothing new and no wait: an empty answer at once.
        auto start = Clock::now();
        CHECK(phone.pull(cursor)["changes"].empty());
        CHECK(ms_since(start) < 2000);

        auto pending = waiting_pull(phone, cursor, 20000);
        until_waiting(s, 1);
        std::this_thread::sleep_for(std::chrono::milliseconds(200));  // it stays waiting
        CHECK(pending.wait_for(std::chrono::seconds(0)) == std::future_status::timeout);
        auto pushed_at = Clock::now();
        REQUIRE(laptop.push("event.record", note("live-1", own))["results"][0]["ok"] == true);
        Answer a = pending.get();
        MESSAGE(s.backend << ": the waiting pull answered " << ms_since(pushed_at) << " ms after the push");
        REQUIRE(a.status == 200);
        CHECK(a.took_ms < 10000);  // well before its waitMs of 20 s
        CHECK(ms_since(pushed_at) < 3000);
        bool carried = false;
        for (const auto& row : a.body["changes"]) carried |= row["kind"] == "events" && row["id"] == "live-1";
        CHECK(carried);
        CHECK(a.body["cursor"] != cursor);
        CHECK(s.server->sync().waiting_pulls() == 0);
    });
}

TEST_CASE("sync on a real store: long-poll keeps waiting through commits the user cannot see") {
    wb::test::for_each_sync_server([](SyncServer& s) {
        CAPTURE(s.backend);
        std::string own = first_student_of(s, "t1");
        SyncClient other(s, "tutor2", "t2-phone"), laptop(s, "tutor1", "t1-laptop");
        std::string cursor;
        wb::test::pull_all(other, cursor, 5000);

        auto pending = waiting_pull(other, cursor, 1500);
        until_waiting(s, 1);
        REQUIRE(laptop.push("event.record", note("hidden-1", own))["results"][0]["ok"] == true);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        CHECK(s.server->sync().waiting_pulls() == 1);  // woke, pulled, found nothing, waits again
        REQUIRE(laptop.push("event.record", note("hidden-2", own))["results"][0]["ok"] == true);
        Answer a = pending.get();
        REQUIRE(a.status == 200);
        CHECK(a.took_ms >= 1400);  // ran to its waitMs
        CHECK(a.took_ms < 6000);
        CHECK(a.body["changes"].empty());
        CHECK(a.body["more"] == false);
        // The cursor moved past the versions it cannot read, so the next pull starts after them.
        CHECK(a.body["cursor"] != cursor);
        CHECK(other.pull(a.body["cursor"])["changes"].empty());
    });
}

TEST_CASE("sync on a real store: a pull with something to tell answers at once despite waitMs") {
    wb::test::for_each_sync_server([](SyncServer& s) {
        CAPTURE(s.backend);
        std::string own = first_student_of(s, "t1");
        SyncClient laptop(s, "tutor1", "t1-laptop");
        std::string cursor;
        wb::test::pull_all(laptop, cursor, 5000);
        laptop.push("event.record", note("own-1", own));
        // Its own push is applied but not yet acknowledged (acked 0 < lastApplied 1): no wait.
        auto start = Clock::now();
        auto res = laptop.post("/api/pull", {{"clientId", "t1-laptop"}, {"cursor", cursor}, {"limit", 100},
                                             {"acked", 0}, {"waitMs", 20000}});
        REQUIRE(res);
        REQUIRE(res->status == 200);
        CHECK(ms_since(start) < 3000);
        CHECK(json::parse(res->body)["lastApplied"] == 1);
    });
}

TEST_CASE("sync on a real store: shutting the server down answers waiting pulls at once") {
    wb::test::for_each_sync_server([](SyncServer& s) {
        CAPTURE(s.backend);
        SyncClient a(s, "tutor1", "t1-phone"), b(s, "tutor2", "t2-phone");
        std::string ca, cb;
        wb::test::pull_all(a, ca, 5000);
        wb::test::pull_all(b, cb, 5000);
        auto first = waiting_pull(a, ca, 25000);
        auto second = waiting_pull(b, cb, 25000);
        until_waiting(s, 2);
        auto start = Clock::now();
        s.server->stop();
        long long stop_ms = ms_since(start);
        MESSAGE(s.backend << ": stop() with two waiting pulls took " << stop_ms << " ms");
        CHECK(stop_ms < 3000);
        for (auto* f : {&first, &second}) {
            REQUIRE(f->wait_for(std::chrono::seconds(3)) == std::future_status::ready);
            Answer answer = f->get();
            CHECK(answer.took_ms < 10000);
            if (answer.status) CHECK(answer.body["changes"].empty());  // answered, or the connection closed
        }
    });
}

TEST_CASE("sync on a real store: many waiting pulls do not starve other requests") {
    wb::test::for_each_sync_server([](SyncServer& s) {
        CAPTURE(s.backend);
        constexpr int kWaiting = 40;
        SyncClient t1(s, "tutor1", "t1-phone");
        std::string cursor;
        wb::test::pull_all(t1, cursor, 5000);
        std::vector<std::unique_ptr<SyncClient>> devices;
        std::vector<std::future<Answer>> waits;
        for (int i = 0; i < kWaiting; ++i) {
            devices.push_back(std::make_unique<SyncClient>(s, "tutor1", "t1-tab-" + std::to_string(i)));
            waits.push_back(waiting_pull(*devices.back(), cursor, 4000));
        }
        until_waiting(s, kWaiting);
        auto start = Clock::now();
        auto health = t1.http.Get("/api/health");
        REQUIRE(health);
        CHECK(health->status == 200);
        CHECK(ms_since(start) < 1000);
        for (auto& w : waits) CHECK(w.get().status == 200);
    });
}

TEST_CASE("sync on a real store: waitMs out of range or of the wrong type is a 400 naming /waitMs") {
    wb::test::for_each_sync_server([](SyncServer& s) {
        SyncClient c(s, "tutor1", "t1-phone");
        for (const json& bad : {json(-1), json(25001), json("1000"), json(1.5), json(true)}) {
            CAPTURE(bad.dump());
            auto res = c.post("/api/pull", {{"clientId", "t1-phone"}, {"cursor", ""}, {"limit", 10}, {"waitMs", bad}});
            REQUIRE(res);
            CHECK(res->status == 400);
            auto body = json::parse(res->body);
            CHECK(body["error"]["code"] == "bad_request");
            CHECK(body["error"]["message"].get<std::string>().rfind("/waitMs", 0) == 0);
        }
        for (int ok : {0, 25000}) {
            auto res = c.post("/api/pull", {{"clientId", "t1-phone"}, {"cursor", ""}, {"limit", 10}, {"waitMs", ok}});
            REQUIRE(res);
            CHECK(res->status == 200);  // a first pull has changes: no wait even at 25000
        }
    });
}
