// The profile's derived data, rebuilt only when the data version, the minute, the student or
// the language moved. The risk model is the organisation's, shared with the roster
// (views/risk_model_cache.h).
#include "views/student_profile_data.h"

#include "js_reply.h"
#include "offline/workspace.h"
#include "relative_time.h"
#include "views/risk_model_cache.h"
#include "ui_text.h"

#include "core/enum_names.h"
#include "core/outbox.h"
#include "core/schedule.h"
#include "core/time_zone.h"

namespace wb::app {
namespace {

std::string phrase_text(const Phrase& p) { return ui::format(p.key.c_str(), p.values); }

const TimeZone& org_zone(const std::string& name) {
    static std::string cached_name = "\x01";
    static TimeZone zone;
    if (name != cached_name) {
        cached_name = name;
        std::string error;
        if (!TimeZone::find(name, zone, error)) zone = TimeZone();  // UTC rather than nothing
    }
    return zone;
}

std::string current_zone_name() {
    const State* s = workspace().view();
    return s ? s->organisation.time_zone : "UTC";
}

std::string byline(const TimelineEntry& e) {
    std::string source = ui::tr(std::string("profile.source.") + to_string(e.source));
    if (e.actor_name.empty()) return source;
    return e.actor_name + " · " + source;
}

ProfileTimelineRow timeline_row(const TimelineEntry& e) {
    ProfileTimelineRow r;
    r.entry = e;
    r.summary = phrase_text(e.summary);
    r.exact_time = profile_local_time(e.at);
    r.relative = relative_time(e.at);
    r.byline = byline(e);
    if (e.retracted)
        r.retraction = ui::format("profile.timeline.retracted",
                           {{"reason", e.retraction_reason}, {"time", profile_local_time(e.retracted_at)}});
    return r;
}

// Where an outbox message stands, in lines under its summary: to whom, then by state.
void message_rows(const OutboxMessage& m, bool demo, ProfileTimelineRow& r) {
    auto line = [&r](std::string text, bool alert = false) {
        r.message_lines.push_back(std::move(text));
        r.message_line_alert.push_back(alert);
    };
    r.message_channel = m.channel;
    r.message_state = to_string(m.state);
    line(ui::format("channels.message.to", {{"role", ui::tr(std::string("channels.role.") + to_string(m.recipient.role))},
                                     {"address", m.recipient.address}}));
    const std::string until = m.next_attempt_at ? profile_local_time(m.next_attempt_at) : "";
    switch (m.state) {
        case MessageState::Queued:
            if (demo) line(ui::tr("channels.message.demo_queued"), true);
            else if (!m.last_error.empty())
                line(ui::format("channels.message.retrying", {{"error", m.last_error}, {"time", until}}), true);
            else line(ui::tr("channels.message.waiting"));
            break;
        case MessageState::Held:
            line(ui::format(m.held_reason == HeldReason::QuietHours ? "channels.message.held_quiet" : "channels.message.held_quota",
                     {{"time", until}}));
            break;
        case MessageState::Sent: line(ui::format("channels.message.sent_at", {{"time", profile_local_time(m.sent_at)}})); break;
        case MessageState::Delivered:
            line(ui::format("channels.message.delivered_at", {{"time", profile_local_time(m.delivered_at)}}));
            break;
        case MessageState::Failed: line(ui::format("channels.message.failed", {{"error", m.last_error}}), true); break;
        case MessageState::Cancelled:
            line(ui::format("channels.message.cancelled_at", {{"time", profile_local_time(m.cancelled_at)}}));
            break;
    }
    if (m.history.size() < 2) return;  // one try says nothing the state does not
    for (const auto& a : m.history) {
        std::string text = ui::format("channels.attempt.line", {{"time", profile_local_time(a.at)},
                                                         {"outcome", ui::tr(std::string("channels.attempt.") + to_string(a.outcome))}});
        if (!a.error.empty()) text += " · " + a.error;
        line(std::move(text));
    }
}

ProfileTaskRow task_row(const StudentTask& t) {
    ProfileTaskRow r;
    r.task = t;
    r.title = ui::language() == Language::En && !t.title.en.empty() ? t.title.en : t.title.zh;
    r.status = ui::tr(std::string("profile.task.status.") + to_string(t.status));
    if (t.status == DueStatus::Done && t.done_at)
        r.due = ui::format("profile.task.done_at", {{"time", profile_local_time(t.done_at)}});
    else if (t.status == DueStatus::Upcoming)
        r.due = ui::format("profile.task.opens_at", {{"time", profile_local_time(t.open_at)}});
    else
        r.due = ui::format("profile.task.due_at", {{"time", profile_local_time(t.due_at)}});
    return r;
}

// The tutor whose schedule holds the student's tasks: the tutor of the active enrolment.
std::string tutor_of(const std::vector<StudentEnrolment>& enrolments) {
    for (const auto& e : enrolments)
        if (e.status == EnrolmentStatus::Active) return e.tutor_id;
    return enrolments.empty() ? "" : enrolments.front().tutor_id;
}

void build_tasks(const State& s, ProfileData& d, int64_t now) {
    d.template_error = active_template(s, d.tpl);
    if (!d.template_error.empty()) return;
    d.message_keys = parent_message_keys(d.tpl);
    const std::string tutor = tutor_of(d.enrolments);
    if (tutor.empty()) return;
    ScheduleQuery q;
    q.now = now;
    q.tutor_id = tutor;
    q.include_closed = true;
    q.horizon_ms = 7 * kDayMs;  // what opens in the coming week shows as upcoming
    Schedule schedule = compute_schedule(s, d.tpl, q);
    if (!schedule.error.empty()) {
        d.template_error = schedule.error;
        return;
    }
    for (const auto& t : student_tasks(schedule, d.tpl, d.student.id)) d.tasks.push_back(task_row(t));
}

void build(ProfileData& d, const State& s, const std::string& student_id, uint64_t version, int64_t now) {
    d = ProfileData{};
    auto it = s.students.find(student_id);
    if (it == s.students.end()) return;
    d.found = true;
    d.student = it->second;
    d.zone_name = s.organisation.time_zone;
    d.enrolments = student_enrolments(s, student_id);
    const bool demo = workspace().mode() == Workspace::Mode::Demo;
    for (const auto& e : student_timeline(s, student_id)) {
        d.timeline.push_back(timeline_row(e));
        auto m = e.message_id.empty() ? s.messages.end() : s.messages.find(e.message_id);
        if (m != s.messages.end()) message_rows(m->second, demo, d.timeline.back());
    }
    build_tasks(s, d, now);
    d.message_values = message_values(s, student_id, now, org_zone(s.organisation.time_zone));
    const Lesson* lesson = message_lesson(s, d.enrolments, now);  // what a survey sent now asks about
    d.message_lesson_id = lesson ? lesson->id : "";
    if (const RiskModel* model = organisation_risk_model(s, version, now)) {
        d.risk = assess_risk(s, *model, student_id, now);
        d.risk_known = true;
        for (const auto& reason : d.risk.reasons) d.risk_reasons.push_back(phrase_text(reason));
    }
}

}  // namespace

std::string profile_local_time(int64_t utc) { return format_local(org_zone(current_zone_name()).to_local(utc)); }

const ProfileData& profile_data(const std::string& student_id) {
    static ProfileData data;
    static std::string built_for = "\x01";
    static uint64_t built_version = 0;
    static int64_t built_minute = -1;
    static Language built_language = Language::ZhCN;
    const State* s = workspace().view();
    if (!s) {
        data = ProfileData{};
        built_for = "\x01";
        return data;
    }
    const uint64_t version = workspace().data_version();
    const int64_t now = static_cast<int64_t>(js::now_utc_ms());
    const int64_t minute = now / 60000;
    if (student_id != built_for || version != built_version || minute != built_minute ||
        ui::language() != built_language) {
        build(data, *s, student_id, version, now);
        built_for = student_id;
        built_version = version;
        built_minute = minute;
        built_language = ui::language();
    }
    return data;
}

ProfileUi& profile_ui() {
    static ProfileUi state;
    return state;
}

}  // namespace wb::app
