#pragma once
// Paces the recomputation of derived data (Today's board, the roster's rows) when the data
// changes faster than it can be recomputed: a first sync brings thousands of rows a page, and
// recomputing a manager's board after each page would take every frame. After a recompute of
// c ms the next one caused by a data change waits until kSpacing·c ms have passed, so it takes
// at most ~1/(kSpacing+1) of the main thread; a change after a quiet moment (a click) shows at once.
namespace wb::app {

class RecomputePacer {
public:
    static constexpr double kSpacing = 8.0;

    // True when a recompute for a data change should wait; then a frame is asked for when it may run.
    bool defer() const;
    // Call around each recompute.
    void started();
    void finished();
    double last_ms() const { return cost_ms_; }

private:
    double started_at_ = 0;
    double finished_at_ = 0;
    double cost_ms_ = 0;
};

}  // namespace wb::app
