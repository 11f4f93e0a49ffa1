#pragma once
// A parent's reply that a channel posted to the server (POST /api/inbound/<channel>), turned into
// what to record: for each student the sender is the parent of, a reply event and, when the
// reply parser reads an answer to that student's pre-attendance survey within its 8-hour window,
// the attendance mark (decide_reply in reply_parser.h).
//
// The sender is matched by phone (digits only: "+86 138-0000-0000" is 13800000000) against each
// student's parentPhone, or by parentId against the student's wechat field or the student id.
// A parent of siblings answers for each of them. A phone no parent has may be a student's own
// (studentPhone): their reply is recorded as the student's (value "student", outcome
// from_student), never as an answer to the parent's survey. Nothing anyone wrote is dropped: a
// reply to no survey is still recorded (outcome not_a_survey_reply, refId empty).
//
// Ids are derived from the input, so the same reply planned twice gives the same ids: with an
// external id (the channel's own message id) "reply:<channel>:<external id>:<student>", else
// "reply:<channel>:<student>:<at>:<hash of the text>". A reply already recorded is planned again
// from the recorded event, and only what is missing (its mark) is recorded.
#include <string>
#include <vector>

#include "core/mutation.h"
#include "core/reply_parser.h"
#include "core/state.h"

namespace wb {

struct InboundReply {
    std::string channel_id;   // the channel that posted it
    std::string phone;        // the sender's phone, as the channel wrote it, or ""
    std::string parent_id;    // the sender's id on the channel (WeChat id, ...) or a student id, or ""
    std::string text;
    TimeMs at = 0;
    std::string external_id;  // the channel's id of this reply, or ""
};

struct PlannedReply {
    std::string student_id;
    std::string event_id;          // the reply event
    std::string survey_event_id;   // the survey it answers, or ""
    ReplyOutcome outcome = ReplyOutcome::NotASurveyReply;
    std::string mark;              // "attend" / "leave" with outcome mark
    bool already_recorded = false; // the reply event was in the state before
    std::vector<Mutation> mutations;  // what to apply: the reply event, then its mark (if any is missing)
};

struct InboundPlan {
    std::vector<PlannedReply> replies;  // one per student of the sender, by student id
    std::string error;                  // no student has this sender: names the phone / id
};

InboundPlan plan_inbound_reply(const State& state, const InboundReply& reply);

// The phone's digits without a leading +86 / 0086 country code ("" when it has no digits).
std::string phone_digits(const std::string& phone);

// The ids of the students whose parent `reply` is from (phone or parentId), in id order.
std::vector<std::string> students_of_sender(const State& state, const InboundReply& reply);
// The ids of the students whose own phone (studentPhone) `reply` is from, in id order.
std::vector<std::string> students_by_own_phone(const State& state, const InboundReply& reply);

}  // namespace wb
