#pragma once
// What the student profile [学员档案] shows about one student, derived from the data and "now":
// every event of the student newest first (retracted ones kept and marked, as history keeps
// both), the SOP task instances that concern the student with their state, the enrolments with
// class, tutor and course, and the values a message template's {placeholders} take for the
// student. Text for people is a Phrase (translation key + values; texts in
// assets/i18n/profile.json), never a sentence; what a person wrote (notes, messages, replies)
// stays as written.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/phrase.h"
#include "core/schedule.h"
#include "core/state.h"
#include "core/time_zone.h"

namespace wb {

struct TimelineEntry {
    std::string event_id;       // "" for an outbox message
    std::string message_id;     // the outbox message this entry shows, else ""
    EventKind kind = EventKind::Note;  // message_sent for an outbox message
    TimeMs at = 0;
    Phrase summary;             // e.g. {"timeline.call.reached", {minutes "5", seconds "12"}}
    std::string text;           // as written: note, message, parent reply, complaint, refund reason
    std::string actor_name;     // who recorded it ("" when unknown or automatic)
    EventSource source = EventSource::Manual;
    bool retracted = false;     // a later event.retract took it back; it stays in the timeline
    TimeMs retracted_at = 0;
    std::string retraction_reason;
};

// The student's events and outbox messages newest first (ties: the later recorded first; a
// message by its queue time, after events of the same time). Retraction events are not entries
// of their own: they mark the entry they retract. A message's entry is the audit of who sent what
// to whom: summary outbox_summary (kind, channel, state, attempts), text as sent, actor = who
// queued it (source auto when the server did).
std::vector<TimelineEntry> student_timeline(const State& state, const std::string& student_id);

// The summary Phrase of one event ("timeline.<kind>" or "timeline.<kind>.<value>").
Phrase timeline_summary(const State& state, const Event& event);

struct StudentTask {
    std::string id;            // the DueTask id
    bool own = false;          // the student's own instance (not a class one naming them)
    int task_number = 0;
    std::string subtask_id;
    Text title;                // the sub-task's title from the template
    DueStatus status = DueStatus::Open;
    TimeMs open_at = 0;
    TimeMs due_at = 0;
    TimeMs done_at = 0;
    std::string why;
};

// The task instances of `schedule` (computed with include_closed to see the ones that closed
// by themselves) that concern the student: the student is among its student_ids, or it is the
// student's own instance (id ends with "/<student id>"). Ordered by what needs attention:
// overdue, open, snoozed, upcoming, then done and closed (latest first); within a group the
// student's own instances first, then by due time.
std::vector<StudentTask> student_tasks(const Schedule& schedule, const SopTemplate& tpl, const std::string& student_id);

struct StudentEnrolment {
    std::string id;
    std::string class_id;
    std::string class_name;
    std::string course_id;
    std::string course_name;
    std::string tutor_id;
    std::string tutor_name;
    TimeMs enrolled_at = 0;
    EnrolmentStatus status = EnrolmentStatus::Active;
};

// Newest enrolment first.
std::vector<StudentEnrolment> student_enrolments(const State& state, const std::string& student_id);

// The enrolment a student's messages are about: the first active one, else the first.
const StudentEnrolment* current_enrolment(const std::vector<StudentEnrolment>& enrolments);
// The lesson a message sent at `now` is about: the next (or running) lesson of the current
// enrolment's course, else its last; nullptr without one. {lesson} in templates and a survey's
// lessonId both come from here.
const Lesson* message_lesson(const State& state, const std::vector<StudentEnrolment>& enrolments, TimeMs now);

// Values for a message template's placeholders: student, parent, tutor, class, course, lesson
// (the next lesson of the student's active course from `now`, else the last one), time (that
// lesson's local start "MM-DD HH:MM" in `zone`). A value that is unknown is left out, so the
// placeholder stays visible in the preview.
std::map<std::string, std::string> message_values(const State& state, const std::string& student_id, TimeMs now,
                                                  const TimeZone& zone);
// The same values with {lesson} and {time} of the given lesson (a lesson view's message is about
// the lesson on the screen, not the next one).
std::map<std::string, std::string> lesson_message_values(const State& state, const std::string& student_id,
                                                         const Lesson& lesson, const TimeZone& zone);

// The template's messages a tutor sends to a parent: its surveys ("survey.*", answered by
// parents and read by the reply parser) and the messages its reminders address to parents;
// every message when the template has none of those.
std::vector<std::string> parent_message_keys(const SopTemplate& tpl);

// A call's duration as a person types it: "5:30", "5分30秒", "5分", "90秒", "5m30s", or a bare
// number of minutes ("5", "2.5"). On failure `error` says what is wrong (a Phrase).
struct DurationInput {
    int seconds = 0;
    Phrase error;  // key empty when the input was read
    bool ok() const { return error.key.empty(); }
};
DurationInput parse_call_duration(std::string_view text);

// The longest call the profile accepts (a typo guard: 4 hours).
constexpr int kMaxCallSeconds = 4 * 60 * 60;

// Every key the functions above may put in a Phrase.
std::vector<std::string> timeline_phrase_keys();

}  // namespace wb
