#pragma once
// The delivery worker: hands the outbox's due messages (queued, or held until now) to their
// channels and records every try with message.attempt — held by the policy (quota, quiet hours),
// sent / delivered, failed and retried with back-off, or failed for good. The outbox lives in
// the synced data, so nothing queued is lost across a restart, and the mutator refuses any try
// at a message in a final state; a message whose send was cut off by a crash before its
// attempt was recorded is tried again with the same Idempotency-Key, which receivers use to
// show it once.
#include <map>
#include <memory>
#include <string>

#include "server/channel.h"

namespace wb::server {

class OrganisationSync;

struct DeliveryPass {
    int sent = 0;       // sent or delivered
    int held = 0;       // waiting for quota or quiet hours
    int retrying = 0;   // failed, tried again later
    int failed = 0;     // failed for good (including messages for a channel that is not configured)
    std::string error;  // the pass could not record its results
};

class DeliveryWorker {
public:
    using Clock = std::function<TimeMs()>;
    static constexpr const char* kClientId = "server-delivery";

    // `channels` by the id messages name in their "channel" field; a null channel is configured
    // but disabled: its messages wait, neither tried nor failed.
    DeliveryWorker(OrganisationSync& sync, std::map<std::string, std::unique_ptr<Channel>> channels, Clock clock);

    // Tries every message due at clock(); returns what happened.
    DeliveryPass run_once();

private:
    OrganisationSync& sync_;
    std::map<std::string, std::unique_ptr<Channel>> channels_;
    Clock clock_;
};

}  // namespace wb::server
