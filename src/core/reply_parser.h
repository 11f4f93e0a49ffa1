#pragma once
// Parent replies to the pre-attendance survey [预到课]: attend, leave or unclear.
//
// Text is normalised first (full-width digits and letters to ASCII, lower case, punctuation and
// most emoji dropped; 👍 👌 ✅ count as yes, ❌ 🙅 as no). Then the longest known phrase is
// matched at each position, so "不能" is a refusal although it contains "能", and "来不了"
// although it starts with "来". Digits count only standing alone ("1", not the "1" of "10点").
// A question ("可以请假吗", "1还是0"), a hedge ("可能", "晚到") or both a yes and a no make the
// reply unclear: it is surfaced to the tutor, never guessed.
#include <string>
#include <string_view>

#include "core/mutation.h"
#include "core/phrase.h"

namespace wb {

enum class ReplyIntent { Attend, Leave, Unclear };
inline const std::vector<const char*>& enum_names(ReplyIntent)
{
    static const std::vector<const char*> n{"attend", "leave", "unclear"};
    return n;
}

struct ParsedReply {
    ReplyIntent intent = ReplyIntent::Unclear;
    std::string normalized;  // the text as matched
    std::string reason;      // which phrases decided it, for the tutor and for tests
    Phrase note;             // unclear only: why, for the tutor (reply.unclear.*, value "matched")
};

// The keys of ParsedReply::note.
const std::vector<std::string>& reply_note_keys();

ParsedReply parse_reply(std::string_view text);

constexpr TimeMs kReplyWindowMs = 8 * kHourMs;

// FromStudent: the student wrote from their own phone (a reply to the feedback they got, say):
// recorded, never a mark (the survey asks the parent).
enum class ReplyOutcome { Mark, Unclear, OutsideWindow, ManualMarkStands, NotASurveyReply, FromStudent };
inline const std::vector<const char*>& enum_names(ReplyOutcome)
{
    static const std::vector<const char*> n{"mark", "unclear", "outside_window", "manual_mark_stands",
                                            "not_a_survey_reply", "from_student"};
    return n;
}

// The value of a reply event the student sent from their own phone (a parent's has none).
constexpr const char* kStudentReplyValue = "student";

struct ReplyDecision {
    ReplyOutcome outcome = ReplyOutcome::Unclear;
    ParsedReply parsed;
    Mutation mark;  // with outcome Mark: the attendance_mark to apply (source "reply")
};

// Decides what a recorded reply event (kind reply, ref_id = the survey's message_sent event)
// means: a mark only within 8 hours after the survey, and never over a tutor's manual mark.
ReplyDecision decide_reply(const State& state, const Event& reply);

}  // namespace wb
