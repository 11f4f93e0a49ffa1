#pragma once
// What people did to a task instance (done, snoozed, reopened). The instances themselves are
// derived by the schedule engine from template + roster + events; only these decisions are
// stored, keyed by the instance's stable id.
#include "core/model.h"

namespace wb {

enum class TaskAction { Done, Snooze, Reopen };
inline const std::vector<const char*>& enum_names(TaskAction)
{
    static const std::vector<const char*> n{"done", "snooze", "reopen"};
    return n;
}

struct TaskHistoryEntry {
    TaskAction action = TaskAction::Done;
    TimeMs at = 0;
    std::string by;
    std::string reason;
    TimeMs until = 0;  // snooze only
};
template <class F> void describe(F& f, TaskHistoryEntry& h)
{
    f("action", h.action, Need::Required);
    f("at", h.at, Need::Required);
    f("by", h.by);
    f("reason", h.reason);
    f("until", h.until);
}

struct TaskRecord {
    std::string instance_id;
    bool done = false;
    TimeMs done_at = 0;
    TimeMs snoozed_until = 0;  // 0: not snoozed
    std::string snooze_reason;
    std::vector<TaskHistoryEntry> history;
};
template <class F> void describe(F& f, TaskRecord& r)
{
    f("instanceId", r.instance_id, Need::Required);
    f("done", r.done);
    f("doneAt", r.done_at);
    f("snoozedUntil", r.snoozed_until);
    f("snoozeReason", r.snooze_reason);
    f("history", r.history);
}

}  // namespace wb
