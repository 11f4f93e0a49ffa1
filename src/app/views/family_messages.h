#pragma once
// Sending one text per student to their family, as the lesson, homework and renewal views do: to
// the parent, or (one-click feedback) to the student as well. Through a channel (message.queue
// into the outbox; works offline, syncs later) or, on the "copy and send it myself" route, copied
// to the clipboard together and recorded as sent (event.record message_sent). A parent without a
// phone cannot get an SMS, and a student without a phone of their own gets nothing on any route:
// they are named, not dropped silently.
#include <string>
#include <vector>

#include "core/outbox.h"
#include "core/state.h"

namespace wb::app {

struct FamilyMessage {
    std::string student_id;
    std::string name;   // the student's, for the result line
    std::string phone;  // the recipient's: the parent's, or the student's own for role Student
    std::string text;
    RecipientRole role = RecipientRole::Parent;
    std::string template_key;  // "" = the one send_family_messages is given
};

struct SentFamilyMessage {
    std::string student_id;
    RecipientRole role = RecipientRole::Parent;
    std::string message_id;  // the outbox message's id, "" when copied
};

struct FamilyMessagesSent {
    bool ok = false;                      // every parent was sent to (a student without a phone is only named)
    std::string line;                     // what happened, translated
    std::vector<SentFamilyMessage> sent;  // in the order of the messages
};

// The parent's phone / the student's own phone of a student in the open data ("" when unknown).
std::string parent_phone_of(const std::string& student_id);
std::string student_phone_of(const std::string& student_id);

// `kind`: the outbox's message kind ("survey", "reminder", "urge", "feedback"); `template_key` is
// recorded with each message. `channel_id` "" = copy and send myself.
FamilyMessagesSent send_family_messages(const std::vector<FamilyMessage>& messages, const char* kind,
                                        const char* template_key, const std::string& lesson_id,
                                        const std::string& channel_id);

}  // namespace wb::app
