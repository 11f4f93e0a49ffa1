#pragma once
// When a view's cached model must be rebuilt: the data changed, the minute turned, or what the
// model is about changed (the user, the lesson, the view's choices: `key`). A data change alone
// while a sync streams pages in waits for the pacer (views/recompute_pacer.h).
#include <cstdint>
#include <string>

#include "core/state.h"
#include "views/recompute_pacer.h"

namespace wb::app {

class ModelCache {
public:
    // True when the model is to be built now; then call built() when it is done.
    bool stale(uint64_t data_version, TimeMs now, const std::string& key, bool model_ready) {
        const int64_t minute = now / kMinuteMs;
        if (data_version == version_ && minute == minute_ && key == key_) return false;
        if (minute == minute_ && key == key_ && model_ready && pacer_.defer()) return false;
        pacer_.started();
        version_ = data_version, minute_ = minute, key_ = key;
        return true;
    }
    void built() { pacer_.finished(); }
    // Forget the model (no data open): the next stale() is true.
    void reset() { version_ = ~uint64_t(0); }

private:
    uint64_t version_ = ~uint64_t(0);
    int64_t minute_ = -1;
    std::string key_;
    RecomputePacer pacer_;
};

}  // namespace wb::app
