#pragma once
// The outbox's mutations (see outbox.h for the states). Registered in mutation.cpp's table.
//
//   message.queue    {id, kind, studentId, lessonId, recipient: {role, userId, address}, channel,
//                     text, templateId, taskInstanceId, at, by}
//                    a new queued message; the id is new (it is the idempotency key); lessonId
//                    (optional) names the lesson it is about, e.g. a pre-attendance survey's
//   message.attempt  {id, at, outcome, error, nextAttemptAt, heldReason}
//                    the server's record of one try: outcome sent / delivered /
//                    failed_retryable (error, nextAttemptAt after at) / failed_permanent (error) /
//                    held (heldReason quota or quiet_hours, nextAttemptAt after at).
//                    The first sent / delivered of a message about a student also records the
//                    event message_sent "sent:<id>" (outbox_sent_event in outbox.h).
//   message.cancel   {id, at, by}      only while queued or held
#include "core/mutation.h"
#include "core/outbox.h"

namespace wb {

// The message.attempt recording one try at (or a report about) `message_id`: `error` for a
// failure, `next_attempt_at` for a retry or a hold, `held` for a hold. The delivery worker's and
// the channels' receipts' one way of writing it.
Mutation attempt_mutation(const std::string& message_id, TimeMs at, AttemptOutcome outcome, const std::string& error = "",
                          TimeMs next_attempt_at = 0, HeldReason held = HeldReason::None);

MutationResult message_queue(State& state, const Json& args);
MutationResult message_attempt(State& state, const Json& args);
MutationResult message_cancel(State& state, const Json& args);

}  // namespace wb
