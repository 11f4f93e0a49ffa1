#include "sync/memory_sync_store.h"

#include <algorithm>

namespace wb::sync {
namespace {

class MemoryTransaction : public SyncTransaction {
public:
    explicit MemoryTransaction(MemorySyncStore::Data& d) : d_(d) {}
    ClientRecord client(const std::string& c) override
    {
        auto it = d_.clients.find(c);
        return it == d_.clients.end() ? ClientRecord{} : it->second;
    }
    void set_last_applied(const std::string& c, const std::string& user, int64_t id) override
    {
        auto [it, fresh] = d_.clients.try_emplace(c, ClientRecord{true, user, id});
        if (!fresh) it->second.last_applied = id;  // the user stays the first one
    }
    int64_t allocate_version() override { return ++d_.version; }
    void write_row(const Row& row, const std::string& owner) override { d_.rows[row.key] = {row, owner}; }
    void revoke(const RowKey& key, const std::string& old_owner, int64_t version) override
    {
        d_.revocations.push_back({Row{key, version, true, Json()}, old_owner});
    }
    void record_rejection(const std::string& c, const MutationOutcome& o) override { d_.rejections[c].push_back(o); }

private:
    MemorySyncStore::Data& d_;
};

}  // namespace

std::string MemorySyncStore::transact(const std::function<std::string(SyncTransaction&)>& work)
{
    Data copy = data_;
    MemoryTransaction tx(copy);
    std::string err = work(tx);
    if (!err.empty()) return err;
    if (fail_next_commit_) {
        fail_next_commit_ = false;
        return "commit failed (injected)";
    }
    data_ = std::move(copy);
    return "";
}

std::string MemorySyncStore::pull(int64_t after, const Scope& scope, int limit, const std::string& client_id,
                                  int64_t acked, PullSnapshot& snap)
{
    snap = PullSnapshot{};
    snap.max_version = data_.version;
    std::vector<const Row*> hits;
    for (const auto& [key, entry] : data_.rows)
        if (entry.first.version > after && scope.reads(entry.second)) hits.push_back(&entry.first);
    for (const auto& [gone, old_owner] : data_.revocations) {
        if (gone.version <= after || !scope.reads(old_owner)) continue;
        auto now = data_.rows.find(gone.key);
        if (now != data_.rows.end() && scope.reads(now->second.second)) continue;  // still readable
        hits.push_back(&gone);
    }
    std::sort(hits.begin(), hits.end(), [](const Row* a, const Row* b) { return a->version < b->version; });
    snap.more = hits.size() > static_cast<size_t>(limit);
    if (snap.more) hits.resize(limit);
    for (const Row* r : hits) snap.rows.push_back(*r);
    client(client_id, snap.client);
    auto rj = data_.rejections.find(client_id);
    if (rj != data_.rejections.end())
        for (const auto& o : rj->second)
            if (o.id > acked && o.id <= snap.client.last_applied) snap.rejected.push_back(o);
    return "";
}

std::string MemorySyncStore::client(const std::string& client_id, ClientRecord& out)
{
    auto it = data_.clients.find(client_id);
    out = it == data_.clients.end() ? ClientRecord{} : it->second;
    return "";
}

std::string MemorySyncStore::live_rows(std::vector<Row>& out)
{
    out.clear();
    for (const auto& [key, entry] : data_.rows)
        if (!entry.first.deleted) out.push_back(entry.first);
    std::sort(out.begin(), out.end(), [](const Row& a, const Row& b) { return a.version < b.version; });
    return "";
}

}  // namespace wb::sync
