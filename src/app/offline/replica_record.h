#pragma once
// How a sync::ClientReplica lives in the local store: rows under "<kind>/<id>", pending
// mutations under their number, and the replica's counters plus the account in `meta`. Each
// function here builds the one batch a change needs, so a change and its bookkeeping are
// written in the same transaction.
#include <string>

#include "offline/local_store.h"
#include "sync/client_replica.h"

namespace wb::app {

// Meta keys.
inline constexpr const char* kMetaMode = "mode";          // "server" or "demo"
inline constexpr const char* kMetaClientId = "clientId";
inline constexpr const char* kMetaCursor = "cursor";
inline constexpr const char* kMetaNextId = "nextId";      // the next mutation number: tabs append with it
inline constexpr const char* kMetaAcked = "acked";
inline constexpr const char* kMetaRejected = "rejected";  // [{id, code, message}] not yet dismissed
inline constexpr const char* kMetaAccount = "account";    // {token, expiresAt, user}
inline constexpr const char* kMetaLastSynced = "lastSyncedMs";

std::string row_store_key(const sync::RowKey& key);
std::string pending_to_text(const sync::PendingMutation& p);
nlohmann::json outcomes_to_json(const std::vector<sync::MutationOutcome>& outcomes);

// The replica the store holds, or an error naming what is unreadable.
std::optional<sync::ClientReplica> replica_from_store(const StoreContents& contents, std::string& error);

// A whole replica replacing whatever the store held (first login, demo data).
StoreBatch batch_for_new_replica(const sync::ClientReplica& replica);
// A new pending mutation; refused as a conflict when another tab appended first.
StoreBatch batch_for_enqueue(const sync::PendingMutation& record);
// What a pull changed.
StoreBatch batch_for_pull(const sync::PullApplied& applied, const sync::ClientReplica& replica);
// The list of rejections after the user dismissed one.
StoreBatch batch_for_rejections(const sync::ClientReplica& replica);

}  // namespace wb::app
