#pragma once
// The lesson view's board [课次]: for one lesson of one tutoring class, each active student's
// pre-attendance state (survey sent, the parent's reply, attend / leave / unclear / no reply, by
// reply or by the tutor's hand), getting to class (the evening-before reminder and the automatic
// call from the outbox, calls logged) and the live class (entered, dropped out, interaction
// marks). Pure: built from the state and a moment; retracted events do not count.
#include <string>
#include <vector>

#include "core/outbox.h"
#include "core/state.h"

namespace wb {

enum class AttendanceStatus { NoReply, Attend, Leave, Unclear };
inline const std::vector<const char*>& enum_names(AttendanceStatus)
{
    static const std::vector<const char*> n{"no_reply", "attend", "leave", "unclear"};
    return n;
}

// One outbox message about the student and the lesson (the newest of its kind), or none.
struct BoardMessage {
    std::string id;  // "" when there is none
    MessageState state = MessageState::Queued;
    std::string channel;
    TimeMs at = 0;   // queued at
    TimeMs sent_at = 0;
    bool exists() const { return !id.empty(); }
};

struct LessonBoardRow {
    std::string student_id;
    std::string name;
    std::string parent_phone;
    // Pre-attendance.
    BoardMessage survey;              // the latest survey message for this lesson
    TimeMs survey_event_at = 0;       // the latest survey recorded (message_sent), 0 if none
    AttendanceStatus status = AttendanceStatus::NoReply;
    bool manual = false;              // the status is the tutor's own mark (overrides replies)
    TimeMs mark_at = 0;
    std::string reply_text;           // the parent's latest words to this lesson's survey
    TimeMs reply_at = 0;
    // Getting to class.
    BoardMessage reminder;            // the evening-before reminder to the parent (not the call)
    BoardMessage auto_call;           // the automatic call on the "call" channel
    int calls = 0;                    // calls logged for this lesson
    TimeMs last_call_at = 0;
    std::string last_call_outcome;    // "reached" / "unreached" / ""
    int last_call_seconds = 0;
    // In class.
    TimeMs entered_at = 0;            // first class_entry, 0 if none
    TimeMs dropped_at = 0;            // latest class_dropout after the latest entry, 0 if none
    bool in_class = false;            // entered and not dropped out since
    std::string interaction;          // latest interaction mark: highlight / active / quiet / lowlight / ""
};

struct LessonBoardCounts {
    int students = 0;
    int surveyed = 0;  // survey queued or recorded
    int attend = 0;
    int leave = 0;
    int unclear = 0;
    int no_reply = 0;
    int entered = 0;
    int in_class = 0;
    int dropped = 0;     // dropped out and not back
    int reminded = 0;    // reminder sent or delivered
};

struct LessonBoard {
    std::string class_id;
    std::string lesson_id;
    TimeMs start = 0;
    TimeMs end = 0;
    std::vector<LessonBoardRow> rows;  // by student id
    LessonBoardCounts counts;
    // The attendance forecast: attend + (no reply + unclear) x the class's historical show-up
    // rate (see attendance_history_rate); rounded to the nearest student.
    double show_up_rate = 0.0;
    int forecast = 0;
};

// Share of the class's enrolled students who entered class in the class's lessons that ended
// before `before` (class_entry for the lesson); 0.5 when there is no earlier lesson.
double attendance_history_rate(const State& state, const std::string& class_id, TimeMs before);

// An empty board (no rows) when the class or lesson is unknown.
LessonBoard build_lesson_board(const State& state, const std::string& class_id, const std::string& lesson_id,
                               TimeMs now);

// Whether an outbox message is about `lesson_id`: its lessonId, or the lesson its task instance
// is anchored on ("<sub-task>/<lesson id>/...", see schedule.h).
bool message_is_about_lesson(const OutboxMessage& m, const std::string& lesson_id);

// The follow-up after a drop-out: the tutor calls within 5 minutes.
constexpr TimeMs kDropOutFollowUpMs = 5 * kMinuteMs;

// A message that still stands for "sent" (queued, held, on its way or arrived): a failed or
// cancelled one does not, and the student may be asked again.
bool message_stands(const BoardMessage& m);

// The students a one-click survey goes to: those of the board (of `only` status when given)
// with no standing survey for the lesson, in board order. Asking twice is never the default.
std::vector<const LessonBoardRow*> survey_targets(const LessonBoard& board, const AttendanceStatus* only = nullptr);

// The evening-before reminder list [20:00 短信]: every student not on leave without a standing
// reminder for the lesson, in board order.
std::vector<const LessonBoardRow*> reminder_targets(const LessonBoard& board);

// A drop-out's follow-up: open while the student is out and no call was logged since the
// drop-out; `left_ms` is what remains of the 5 minutes at `now` (negative when overdue).
struct DropOutFollowUp {
    bool open = false;
    TimeMs left_ms = 0;
};
DropOutFollowUp drop_out_follow_up(const LessonBoardRow& row, TimeMs now);

}  // namespace wb
