#pragma once
// What the status bar shows about synchronisation. The sync engine (issue 4) fills it; until
// then the app shows "not synced yet". Whoever changes it (app_state().sync) calls
// platform::request_redraw() so the idle page draws the new state.
#include <cstdint>
#include <string>

namespace wb::app {

struct SyncStatus {
    enum class Phase { NeverSynced, Syncing, Synced, Failed };
    Phase phase = Phase::NeverSynced;
    int pending_mutations = 0;       // written locally, not yet confirmed by the server
    std::int64_t last_synced_ms = 0; // UTC milliseconds of the last completed sync, 0 if none
    std::string error;               // for Failed: a message a person can act on
};

}  // namespace wb::app
