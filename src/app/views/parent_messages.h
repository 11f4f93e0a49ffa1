#pragma once
// Sending one text per student to their parents, as the lesson and homework views do: through a
// channel (message.queue into the outbox; works offline, syncs later) or, on the "copy and send it
// myself" route, copied to the clipboard together and recorded as sent (event.record
// message_sent). Parents without a phone cannot get an SMS: they are named, not dropped silently.
#include <string>
#include <vector>

#include "core/state.h"

namespace wb::app {

struct ParentMessage {
    std::string student_id;
    std::string name;
    std::string phone;
    std::string text;
};

struct ParentMessagesSent {
    bool ok = false;                       // everyone was sent to
    std::string line;                      // what happened, translated
    std::vector<std::string> sent;         // student ids sent to (queued or copied)
    std::vector<std::string> message_ids;  // per sent: the outbox message's id, "" when copied
};

// The parent's phone of a student in the open data ("" when unknown).
std::string parent_phone_of(const std::string& student_id);

// `kind`: the outbox's message kind ("survey", "reminder", "urge", "feedback"); `template_key` is
// recorded with each message. `channel_id` "" = copy and send myself.
ParentMessagesSent send_parent_messages(const std::vector<ParentMessage>& messages, const char* kind,
                                        const char* template_key, const std::string& lesson_id,
                                        const std::string& channel_id);

}  // namespace wb::app
