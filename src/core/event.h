#pragma once
// Events: everything that happened to a student, as facts with a time. The meaning of `value`
// depends on the kind (see EventKind). Events are appended, never edited: a mistaken event is
// retracted by a later `retraction` event (mutation event.retract), and both stay in history.
#include "core/model.h"

namespace wb {

// Renewal warm-up pushes a student may get at most (the template's warm-up rule "1-3, never more").
inline constexpr int kMaxWarmupPushes = 3;

enum class EventKind {
    Call,               // duration_sec; value: "reached" / "unreached"
    MessageSent,        // channel; value: message template key; text
    Reply,              // text: what the parent wrote; ref_id: the survey message
    AttendanceMark,     // lesson_id; value: "attend" / "leave"; source: manual / reply
    ClassEntry,         // lesson_id: the student entered the live class
    ClassDropOut,       // lesson_id: the student left the live class early
    HomeworkSubmitted,  // lesson_id
    Grade,              // lesson_id; value: "S" / "A" / "B"
    FeedbackSent,       // lesson_id
    FeedbackViewed,     // lesson_id
    Correction,         // lesson_id: a corrected work was handed in again
    RefundRequested,    // reason
    RefundDecision,     // value: "retain" / "refund"; reason
    RenewalStep,        // value: "warmup" / "reservation" / "order"
    Note,               // text
    TicketOpened,       // CSM: value "question" / "incident"
    TicketResolved,     // CSM: ref_id: the ticket event
    Handoff,            // CSM: value: the role taking over (implementation, csm, renewal)
    Visit,              // follow-up visit recorded [回访]; duration_sec
    MaterialMailed,     // course material posted, address checked
    WechatAdded,        // WeChat added and joined the class group
    TrainingAccepted,   // CSM: the customer signed off the onboarding training
    Interaction,        // lesson_id; value: how the student took part in the live lesson, marked by the
                        // lecturer or tutor: "highlight" (praised), "active" (answered questions),
                        // "quiet" (answered none), "lowlight" (flagged as disengaged); text: a note
    Complaint,          // value: "teaching" / "service" / "schedule" / "other"; text: what was said
    ExcellentWork,      // lesson_id: the tutor put the student's work of the lesson into the
                        // excellent-works library [优秀作业]; text: why (optional)
    Retraction,         // ref_id: the event recorded by mistake; reason; actor_id. Only via event.retract
};
inline const std::vector<const char*>& enum_names(EventKind)
{
    static const std::vector<const char*> n{
        "call", "message_sent", "reply", "attendance_mark", "class_entry", "class_dropout",
        "homework_submitted", "grade", "feedback_sent", "feedback_viewed", "correction",
        "refund_requested", "refund_decision", "renewal_step", "note", "ticket_opened",
        "ticket_resolved", "handoff", "visit", "material_mailed", "wechat_added",
        "training_accepted", "interaction", "complaint", "excellent_work", "retraction"};
    return n;
}

enum class EventSource { Manual, Reply, Auto, Import };
inline const std::vector<const char*>& enum_names(EventSource)
{
    static const std::vector<const char*> n{"manual", "reply", "auto", "import"};
    return n;
}

struct Event {
    std::string id;
    EventKind kind = EventKind::Note;
    TimeMs at = 0;
    std::string student_id;
    std::string lesson_id;
    std::string actor_id;
    int duration_sec = 0;
    std::string channel;
    std::string value;
    std::string text;
    std::string reason;
    std::string ref_id;
    EventSource source = EventSource::Manual;
};
template <class F> void describe(F& f, Event& e)
{
    f("id", e.id, Need::Required);
    f("kind", e.kind, Need::Required);
    f("at", e.at, Need::Required);
    f("studentId", e.student_id);
    f("lessonId", e.lesson_id);
    f("actorId", e.actor_id);
    f("durationSec", e.duration_sec);
    f("channel", e.channel);
    f("value", e.value);
    f("text", e.text);
    f("reason", e.reason);
    f("refId", e.ref_id);
    f("source", e.source);
}

}  // namespace wb
