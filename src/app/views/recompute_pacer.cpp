#include "views/recompute_pacer.h"

#include "platform.h"

namespace wb::app {

bool RecomputePacer::defer() const {
    const double wait = kSpacing * cost_ms_ - (platform::now_ms() - finished_at_);
    if (wait <= 0) return false;
    platform::request_redraw_in(wait);
    return true;
}

void RecomputePacer::started() { started_at_ = platform::now_ms(); }

void RecomputePacer::finished() {
    finished_at_ = platform::now_ms();
    cost_ms_ = finished_at_ - started_at_;
}

}  // namespace wb::app
