#pragma once
// What the status bar and settings show about the local data and its synchronisation,
// recomputed from the Workspace each frame (see offline/workspace.h).
#include <cstdint>
#include <string>

namespace wb::app {

struct SyncStatus {
    enum class Phase {
        NeverSynced,     // signed in, the first pull has not finished
        Syncing,         // a push or a pull is under way
        Synced,          // nothing in flight; see last_synced_ms
        Failed,          // the last request failed; retrying with back-off (error says why)
        SessionExpired,  // the server wants a new login; nothing is lost, the queue waits
        Demo,            // no server: a demo organisation kept in this browser only
    };
    Phase phase = Phase::NeverSynced;
    int pending_mutations = 0;       // written locally, not yet confirmed by the server
    int rejected_mutations = 0;      // refused by the server, not yet dismissed
    std::int64_t last_synced_ms = 0; // UTC milliseconds of the last completed sync, 0 if none
    std::string error;               // for Failed: what went wrong
    bool leader = true;              // false: another tab of this browser talks to the server
};

// Problems with the browser's storage; each has a message and the app keeps working in memory.
enum class StorageIssue {
    None,
    Unavailable,   // IndexedDB missing or refused (private mode, blocked): nothing is kept
    Full,          // the quota is used up: new changes are kept in memory only
    Wiped,         // the browser deleted the stored data (eviction, cleared site data)
    Failed,        // a write failed for another reason (detail says which)
};

}  // namespace wb::app
