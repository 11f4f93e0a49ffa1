#include "core/outbox.h"

namespace wb {
namespace {

std::string state_part(const OutboxMessage& m)
{
    if (m.state != MessageState::Held) return to_string(m.state);
    return m.held_reason == HeldReason::QuietHours ? "held_quiet_hours" : "held_quota";
}

const std::vector<const char*>& state_parts()
{
    static const std::vector<const char*> n{"queued", "sent", "delivered", "failed", "cancelled",
                                            "held_quota", "held_quiet_hours"};
    return n;
}

}  // namespace

std::string outbox_sent_event_id(const std::string& message_id) { return "sent:" + message_id; }

Event event_about_message(const OutboxMessage& m, EventKind kind, std::string id, TimeMs at)
{
    Event e;
    e.id = std::move(id);
    e.kind = kind;
    e.at = at;
    e.student_id = m.student_id;
    e.lesson_id = m.lesson_id;
    e.channel = m.channel;
    e.ref_id = m.id;
    e.source = EventSource::Auto;
    return e;
}

Event outbox_sent_event(const OutboxMessage& m, TimeMs at)
{
    Event e = event_about_message(m, EventKind::MessageSent, outbox_sent_event_id(m.id), at);
    e.value = m.template_id;
    e.text = m.text;
    e.actor_id = m.created_by;  // who queued it; the event itself the outbox recorded, on the first send
    return e;
}

bool is_final(MessageState state)
{
    return state == MessageState::Delivered || state == MessageState::Failed || state == MessageState::Cancelled;
}

Phrase outbox_summary(const OutboxMessage& m)
{
    Phrase p{std::string("outbox.") + to_string(m.kind) + "." + state_part(m), {}};
    p.values["channel"] = m.channel;
    p.values["attempts"] = std::to_string(m.attempts);
    return p;
}

std::vector<std::string> outbox_phrase_keys()
{
    std::vector<std::string> keys;
    for (const char* kind : enum_names(MessageKind{}))
        for (const char* state : state_parts()) keys.push_back(std::string("outbox.") + kind + "." + state);
    return keys;
}

}  // namespace wb
