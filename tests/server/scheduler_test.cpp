// The server's scheduler with a controllable clock, on every store backend: reminders fire at
// their minute, once, and what came due while the server was down is caught up after a restart.
#include <doctest/doctest.h>

#include <set>

#include "core/outbox.h"
#include "core/time_zone.h"
#include "server/organisation_sync.h"
#include "server/scheduler.h"
#include "seeded_organisation.h"
#include "store_backends.h"

using namespace wb;
using wb::server::OrganisationSync;
using wb::server::Scheduler;
using wb::server::SchedulerRun;
using wb::test::for_each_store;
using wb::test::StoreUnderTest;

namespace {
constexpr TimeMs kStart = 1'772'870'400'000;  // 2026-03-07 08:00 UTC (16:00 in Shanghai)

// The messages the scheduler queued (created by no one) and the automatic refunds.
std::vector<OutboxMessage> fired_messages(OrganisationSync& sync)
{
    return sync.with_state([](const State& s) {
        std::vector<OutboxMessage> out;
        for (const auto& [id, m] : s.messages)
            if (m.created_by.empty()) out.push_back(m);
        return out;
    });
}

int auto_refunds(OrganisationSync& sync, const std::string& student)
{
    return sync.with_state([&](const State& s) {
        int n = 0;
        for (const auto& e : s.events)
            n += e.kind == EventKind::RefundDecision && e.source == EventSource::Auto && e.student_id == student;
        return n;
    });
}

const OutboxMessage* find_kind(const std::vector<OutboxMessage>& all, MessageKind kind, const std::string& student)
{
    for (const auto& m : all)
        if (m.kind == kind && m.student_id == student) return &m;
    return nullptr;
}
}  // namespace

TEST_CASE("scheduler: a refund request escalates at 5 h and refunds at 24 h, once, across a downtime")
{
    for_each_store([](StoreUnderTest& s) {
        CAPTURE(s.backend);
        auto sync = test::seeded_organisation(*s.store, 3, 2, kStart);
        TimeMs now = kStart;
        auto clock = [&now] { return now; };
        auto scheduler = std::make_unique<Scheduler>(*s.store, *sync, clock);
        CHECK(scheduler->run_once().fired == 0);  // the first run only starts the clock

        const std::string student = sync->with_state([](const State& st) { return st.students.begin()->first; });
        const TimeMs req = kStart + 10 * kMinuteMs;
        REQUIRE(sync->apply_as_system({{"event.record", Json{{"id", "rq-test"}, {"kind", "refund_requested"},
                                                               {"at", req}, {"studentId", student},
                                                               {"reason", "太难了"}}}}, "test").response);
        now = req + 5 * kHourMs - kMinuteMs;
        SchedulerRun early = scheduler->run_once();
        CHECK(early.error == "");
        CHECK(find_kind(fired_messages(*sync), MessageKind::Escalation, student) == nullptr);

        now = req + 5 * kHourMs;
        SchedulerRun at5 = scheduler->run_once();
        CHECK(at5.error == "");
        const OutboxMessage* escalation = find_kind(fired_messages(*sync), MessageKind::Escalation, student);
        REQUIRE(escalation);
        CHECK(escalation->created_at == req + 5 * kHourMs);
        CHECK(escalation->recipient.role == RecipientRole::Manager);
        CHECK(escalation->recipient.user_id == "m1");
        CHECK(escalation->state == MessageState::Queued);
        const size_t after5 = fired_messages(*sync).size();

        // Down from 5 h to 30 h: a new scheduler on the same store catches up, once.
        scheduler.reset();
        now = req + 30 * kHourMs;
        Scheduler restarted(*s.store, *sync, clock);
        SchedulerRun caught = restarted.run_once();
        CHECK(caught.error == "");
        CHECK(caught.from == req + 5 * kHourMs);
        CHECK(auto_refunds(*sync, student) == 1);
        CHECK(fired_messages(*sync).size() > after5);  // the 20 h last call
        CHECK(restarted.run_once().fired == 0);

        // A crash after firing but before saving the progress: the same window again fires nothing.
        REQUIRE(s.store->set_setting(Scheduler::kProgressSetting, std::to_string(req + 5 * kHourMs)).ok());
        SchedulerRun replay = restarted.run_once();
        CHECK(replay.fired == 0);
        CHECK(replay.already > 0);  // (fewer than fired: the refund closed the rescue task)
        CHECK(auto_refunds(*sync, student) == 1);
    });
}

TEST_CASE("scheduler: parents' SMS go out at 20:00 Shanghai time the evening before a lesson")
{
    for_each_store([](StoreUnderTest& s) {
        CAPTURE(s.backend);
        auto sync = test::seeded_organisation(*s.store, 3, 2, kStart);
        TimeMs now = kStart;
        Scheduler scheduler(*s.store, *sync, [&now] { return now; });
        REQUIRE(scheduler.run_once().error == "");
        // Step through a week (the demo's next lesson is 7 days on) 15 minutes at a time (the scheduler may run late; it fires
        // what came due since its last run with the time it came due).
        std::string error;
        for (now = kStart + 15 * kMinuteMs; now <= kStart + 7 * kDayMs; now += 15 * kMinuteMs) {
            SchedulerRun run = scheduler.run_once();
            if (!run.error.empty()) error = run.error;
        }
        CHECK(error == "");
        TimeZone zone;
        std::string zone_error;
        REQUIRE(TimeZone::find("Asia/Shanghai", zone, zone_error));
        int sms = 0;
        std::set<std::string> ids;
        for (const auto& m : fired_messages(*sync)) {
            CHECK(ids.insert(m.id).second);
            if (m.channel != "sms") continue;
            ++sms;
            const LocalDateTime local = zone.to_local(m.created_at);
            CHECK(local.hour == 20);
            CHECK(local.minute == 0);
            CHECK(m.recipient.role == RecipientRole::Parent);
            CHECK_FALSE(m.recipient.address.empty());
        }
        CHECK(sms > 0);
    });
}

TEST_CASE("scheduler: begin() fixes where firing starts, so a clock moved before the first run still fires")
{
    for_each_store([](StoreUnderTest& s) {
        CAPTURE(s.backend);
        auto sync = test::seeded_organisation(*s.store, 3, 2, kStart);
        TimeMs now = kStart;
        Scheduler scheduler(*s.store, *sync, [&now] { return now; });
        CHECK(scheduler.begin() == "");
        now = kStart + kHourMs;
        CHECK(scheduler.begin() == "");   // a second start keeps the first point
        now = kStart + 8 * kDayMs;         // moved before the thread's first round
        SchedulerRun run = scheduler.run_once();
        CHECK(run.error == "");
        CHECK(run.from == kStart);
        CHECK(run.to == now);
        CHECK(run.fired > 0);
    });
}
