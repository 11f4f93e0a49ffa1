#pragma once
// A SyncStore in memory: for tests and the randomized sync simulation. Transactions copy the
// data and swap it in on commit, so a failed or abandoned transaction leaves nothing behind;
// `fail_next_commit` injects a failure after the work ran, as a crash before commit would.
#include <map>

#include "sync/sync_store.h"

namespace wb::sync {

class MemorySyncStore : public SyncStore {
public:
    explicit MemorySyncStore(std::string epoch) : epoch_(std::move(epoch)) {}

    std::string epoch(std::string& out) override
    {
        out = epoch_;
        return "";
    }
    std::string transact(const std::function<std::string(SyncTransaction&)>& work) override;
    std::string pull(int64_t after, const Scope& scope, int limit, const std::string& client_id, int64_t acked,
                     PullSnapshot& out) override;
    std::string live_rows(std::vector<Row>& out) override;
    std::string client(const std::string& client_id, ClientRecord& out) override;

    void fail_next_commit() { fail_next_commit_ = true; }
    // Replaces the whole database by an earlier copy (a restore from backup): new epoch.
    struct Data {
        std::map<RowKey, std::pair<Row, std::string>> rows;  // key -> (row, owner)
        std::vector<std::pair<Row, std::string>> revocations;  // (deleted row at version, old owner)
        std::map<std::string, ClientRecord> clients;
        std::map<std::string, std::vector<MutationOutcome>> rejections;
        int64_t version = 0;
    };
    const Data& data() const { return data_; }
    void restore(const Data& backup, std::string new_epoch)
    {
        data_ = backup;
        epoch_ = std::move(new_epoch);
    }

private:
    std::string epoch_;
    Data data_;
    bool fail_next_commit_ = false;
};

}  // namespace wb::sync
