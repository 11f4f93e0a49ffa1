#include "core/lesson_board.h"

#include <cmath>
#include <map>
#include <set>

#include "core/class_lessons.h"
#include "core/event_rules.h"

namespace wb {
namespace {

bool later(const BoardMessage& have, const OutboxMessage& m) { return !have.exists() || m.created_at >= have.at; }

BoardMessage board_message(const OutboxMessage& m)
{
    return BoardMessage{m.id, m.state, m.channel, m.created_at, m.sent_at};
}

// The outbox's survey, reminder and call messages about the lesson, per student.
void read_messages(const State& state, const std::string& lesson_id, std::map<std::string, LessonBoardRow*>& rows)
{
    for (const auto& [id, m] : state.messages) {
        auto row = rows.find(m.student_id);
        if (row == rows.end() || m.recipient.role != RecipientRole::Parent || !message_is_about_lesson(m, lesson_id))
            continue;
        LessonBoardRow& r = *row->second;
        if (m.kind == MessageKind::Survey) {
            if (later(r.survey, m)) r.survey = board_message(m);
        } else if (m.channel == "call") {
            if (later(r.auto_call, m)) r.auto_call = board_message(m);
        } else if (m.kind == MessageKind::Reminder) {
            if (later(r.reminder, m)) r.reminder = board_message(m);
        }
    }
}

// A call counts for the lesson when it names it, or names no lesson and was made from an hour
// before the start to the end.
bool call_for_lesson(const Event& e, const Lesson& lesson)
{
    if (!e.lesson_id.empty()) return e.lesson_id == lesson.id;
    return e.at >= lesson.start - kHourMs && e.at <= lesson.end;
}

struct Marks {
    const Event* manual = nullptr;  // the latest manual mark
    const Event* reply_mark = nullptr;
    const Event* reply = nullptr;   // the latest reply to a survey of this lesson
};

void read_event(const Event& e, const Lesson& lesson, const std::set<std::string>& surveys, LessonBoardRow& r, Marks& m)
{
    switch (e.kind) {
    case EventKind::MessageSent:
        if (e.lesson_id == lesson.id && e.value.rfind("survey.", 0) == 0) r.survey_event_at = std::max(r.survey_event_at, e.at);
        break;
    case EventKind::AttendanceMark:
        if (e.lesson_id != lesson.id) break;
        if (e.source == EventSource::Reply) {
            if (!m.reply_mark || e.at >= m.reply_mark->at) m.reply_mark = &e;
        } else if (!m.manual || e.at >= m.manual->at) {
            m.manual = &e;
        }
        break;
    case EventKind::Reply:
        if (surveys.count(e.ref_id) && (!m.reply || e.at >= m.reply->at)) m.reply = &e;
        break;
    case EventKind::Call:
        if (!call_for_lesson(e, lesson)) break;
        ++r.calls;
        if (e.at < r.last_call_at) break;  // events come in no particular order
        r.last_call_at = e.at;
        r.last_call_outcome = e.value;
        r.last_call_seconds = e.duration_sec;
        break;
    case EventKind::ClassEntry:
        if (e.lesson_id != lesson.id) break;
        if (!r.entered_at || e.at < r.entered_at) r.entered_at = e.at;
        if (e.at >= r.dropped_at) r.in_class = true, r.dropped_at = 0;
        break;
    case EventKind::ClassDropOut:
        if (e.lesson_id != lesson.id) break;
        r.in_class = false;
        r.dropped_at = e.at;
        break;
    case EventKind::Interaction:
        if (e.lesson_id == lesson.id) r.interaction = e.value;
        break;
    default:
        break;
    }
}

// Attend / leave from the tutor's mark, else the reply's mark; a reply the parser could not read
// (newer than any reply mark) is unclear.
void settle_status(LessonBoardRow& r, const Marks& m)
{
    if (m.reply) {
        r.reply_text = m.reply->text;
        r.reply_at = m.reply->at;
    }
    if (m.manual) {
        r.status = m.manual->value == "leave" ? AttendanceStatus::Leave : AttendanceStatus::Attend;
        r.manual = true;
        r.mark_at = m.manual->at;
        return;
    }
    if (m.reply_mark && (!m.reply || m.reply_mark->ref_id == m.reply->id || m.reply->at <= m.reply_mark->at)) {
        r.status = m.reply_mark->value == "leave" ? AttendanceStatus::Leave : AttendanceStatus::Attend;
        r.mark_at = m.reply_mark->at;
        return;
    }
    if (m.reply) r.status = AttendanceStatus::Unclear;
}

void count(const LessonBoardRow& r, LessonBoardCounts& c)
{
    ++c.students;
    if (r.survey.exists() || r.survey_event_at) ++c.surveyed;
    switch (r.status) {
    case AttendanceStatus::Attend: ++c.attend; break;
    case AttendanceStatus::Leave: ++c.leave; break;
    case AttendanceStatus::Unclear: ++c.unclear; break;
    case AttendanceStatus::NoReply: ++c.no_reply; break;
    }
    if (r.entered_at) ++c.entered;
    if (r.in_class) ++c.in_class;
    if (r.dropped_at && !r.in_class) ++c.dropped;
    if (r.reminder.exists() && (r.reminder.state == MessageState::Sent || r.reminder.state == MessageState::Delivered))
        ++c.reminded;
}

}  // namespace

bool message_is_about_lesson(const OutboxMessage& m, const std::string& lesson_id)
{
    if (!m.lesson_id.empty()) return m.lesson_id == lesson_id;
    const std::string& t = m.task_instance_id;
    const size_t slash = t.find('/');
    if (slash == std::string::npos) return false;
    const size_t end = t.find('/', slash + 1);
    return t.compare(slash + 1, end == std::string::npos ? std::string::npos : end - slash - 1, lesson_id) == 0;
}

double attendance_history_rate(const State& state, const std::string& class_id, TimeMs before)
{
    std::set<std::string> lessons;
    for (const auto& l : class_lessons(state, {class_id}))
        if (l.end < before) lessons.insert(l.lesson_id);
    const std::vector<std::string> students = class_student_ids(state, class_id);
    if (lessons.empty() || students.empty()) return 0.5;
    const std::set<std::string> members(students.begin(), students.end());
    const std::set<std::string> retracted = retracted_events(state, before);
    std::set<std::pair<std::string, std::string>> entered;  // (student, lesson)
    for (const auto& e : state.events)
        if (e.kind == EventKind::ClassEntry && lessons.count(e.lesson_id) && members.count(e.student_id) &&
            !retracted.count(e.id))
            entered.insert({e.student_id, e.lesson_id});
    return static_cast<double>(entered.size()) / static_cast<double>(lessons.size() * members.size());
}

LessonBoard build_lesson_board(const State& state, const std::string& class_id, const std::string& lesson_id, TimeMs now)
{
    LessonBoard b;
    b.class_id = class_id;
    b.lesson_id = lesson_id;
    auto lesson = state.lessons.find(lesson_id);
    if (lesson == state.lessons.end() || !state.classes.count(class_id)) return b;
    b.start = lesson->second.start;
    b.end = lesson->second.end;
    std::map<std::string, LessonBoardRow*> by_student;
    const std::vector<std::string> ids = class_student_ids(state, class_id);
    b.rows.resize(ids.size());
    for (size_t i = 0; i < ids.size(); ++i) {
        LessonBoardRow& r = b.rows[i];
        r.student_id = ids[i];
        auto st = state.students.find(ids[i]);
        if (st != state.students.end()) r.name = st->second.name, r.parent_phone = st->second.parent_phone;
        by_student[ids[i]] = &r;
    }
    read_messages(state, lesson_id, by_student);
    const std::set<std::string> retracted = retracted_events(state, now);
    std::set<std::string> surveys;  // the survey events of this lesson (replies refer to them)
    for (const auto& e : state.events)
        if (e.kind == EventKind::MessageSent && e.lesson_id == lesson_id && by_student.count(e.student_id))
            surveys.insert(e.id);
    std::map<std::string, Marks> marks;
    for (const auto& e : state.events) {
        if (e.at > now || retracted.count(e.id)) continue;
        auto row = by_student.find(e.student_id);
        if (row == by_student.end()) continue;
        read_event(e, lesson->second, surveys, *row->second, marks[e.student_id]);
    }
    for (auto& r : b.rows) {
        settle_status(r, marks[r.student_id]);
        count(r, b.counts);
    }
    b.show_up_rate = attendance_history_rate(state, class_id, b.start);
    b.forecast = b.counts.attend +
                 static_cast<int>(std::lround((b.counts.no_reply + b.counts.unclear) * b.show_up_rate));
    return b;
}

bool message_stands(const BoardMessage& m)
{
    return m.exists() && m.state != MessageState::Failed && m.state != MessageState::Cancelled;
}

std::vector<const LessonBoardRow*> survey_targets(const LessonBoard& board, const AttendanceStatus* only)
{
    std::vector<const LessonBoardRow*> out;
    for (const auto& r : board.rows)
        if ((!only || r.status == *only) && !message_stands(r.survey) && !r.survey_event_at) out.push_back(&r);
    return out;
}

std::vector<const LessonBoardRow*> reminder_targets(const LessonBoard& board)
{
    std::vector<const LessonBoardRow*> out;
    for (const auto& r : board.rows)
        if (r.status != AttendanceStatus::Leave && !message_stands(r.reminder)) out.push_back(&r);
    return out;
}

DropOutFollowUp drop_out_follow_up(const LessonBoardRow& row, TimeMs now)
{
    DropOutFollowUp f;
    if (!row.dropped_at || row.in_class || row.last_call_at >= row.dropped_at) return f;
    f.open = true;
    f.left_ms = row.dropped_at + kDropOutFollowUpMs - now;
    return f;
}

}  // namespace wb
