#include "store/sync_store_adapter.h"

namespace wb::store {

namespace {

sync::ClientRecord to_client_record(const std::optional<SyncClient>& stored) {
    if (!stored) return {};
    return sync::ClientRecord{true, stored->user_id, stored->last_applied};
}

// Collects the first failure of a transaction's calls; later calls do nothing, and transact()
// rolls back with that message.
class AdaptedTransaction final : public sync::SyncTransaction {
public:
    explicit AdaptedTransaction(SyncWriter& writer) : writer_(writer) {}

    sync::ClientRecord client(const std::string& client_id) override {
        if (!error_.empty()) return {};
        auto found = writer_.client(client_id);
        if (!found) return note(found.message(), 0), sync::ClientRecord{};
        return to_client_record(found.value());
    }
    void set_last_applied(const std::string& client_id, const std::string& user_id, int64_t id) override {
        if (!error_.empty()) return;
        if (auto s = writer_.set_last_applied(client_id, user_id, id); !s) note(s.message(), 0);
    }
    int64_t allocate_version() override {
        if (!error_.empty()) return 0;
        auto v = writer_.allocate_version();
        return v ? v.value() : note(v.message(), 0);
    }
    void write_row(const sync::Row& row, const std::string& owner) override {
        if (!error_.empty()) return;
        StoredRow stored{row.key.kind, row.key.id, row.version, row.deleted,
                         row.deleted ? std::string() : row.body.dump(), owner};
        if (auto s = writer_.write_row(stored); !s) note(s.message(), 0);
    }
    void revoke(const sync::RowKey& key, const std::string& old_owner, int64_t version) override {
        if (!error_.empty()) return;
        if (auto s = writer_.revoke(key.kind, key.id, old_owner, version); !s) note(s.message(), 0);
    }
    void record_rejection(const std::string& client_id, const sync::MutationOutcome& outcome) override {
        if (!error_.empty()) return;
        Rejection r{outcome.id, outcome.error.code, outcome.error.message};
        if (auto s = writer_.record_rejection(client_id, r); !s) note(s.message(), 0);
    }

    const std::string& error() const { return error_; }

private:
    int64_t note(const std::string& message, int64_t fallback) {
        if (error_.empty()) error_ = message;
        return fallback;
    }
    SyncWriter& writer_;
    std::string error_;
};

// Returns "" or why the stored row cannot be read.
std::string to_sync_row(const StoredRow& stored, sync::Row& row) {
    row.key = {stored.kind, stored.id};
    row.version = stored.version;
    row.deleted = stored.deleted;
    if (!stored.deleted) {
        row.body = Json::parse(stored.body, nullptr, false);
        if (row.body.is_discarded()) return "the stored row " + stored.kind + "/" + stored.id + " is not valid JSON";
    }
    return "";
}

}  // namespace

OwnerFilter owner_filter(const sync::Scope& scope) {
    OwnerFilter filter;
    if (!scope.known) return filter;  // reads nothing
    if (scope.whole_organisation) {
        filter.everything = true;
        return filter;
    }
    filter.owners.push_back(sync::kSharedOwner);
    filter.owners.insert(filter.owners.end(), scope.tutors.begin(), scope.tutors.end());
    return filter;
}

std::string SyncStoreAdapter::epoch(std::string& out) {
    auto e = store_.epoch();
    if (!e) return e.message();
    out = e.value();
    return "";
}

std::string SyncStoreAdapter::transact(const std::function<std::string(sync::SyncTransaction&)>& work) {
    auto done = store_.transact([&](SyncWriter& writer) -> Status {
        AdaptedTransaction tx(writer);
        std::string failed = work(tx);
        if (!tx.error().empty()) return fail(tx.error());
        if (!failed.empty()) return fail(failed);
        return ok_status();
    });
    return done ? std::string() : done.message();
}

std::string SyncStoreAdapter::pull(int64_t after, const sync::Scope& scope, int limit,
                                   const std::string& client_id, int64_t acked, sync::PullSnapshot& snapshot) {
    auto page = store_.pull(after, owner_filter(scope), limit, client_id, acked);
    if (!page) return page.message();
    snapshot = sync::PullSnapshot{};
    for (const auto& stored : page.value().rows) {
        sync::Row row;
        if (std::string bad = to_sync_row(stored, row); !bad.empty()) return bad;
        snapshot.rows.push_back(std::move(row));
    }
    snapshot.more = page.value().more;
    snapshot.max_version = page.value().max_version;
    snapshot.client = to_client_record(page.value().client);
    for (const auto& r : page.value().rejected) {
        sync::MutationOutcome outcome;
        outcome.id = r.mutation_id;
        outcome.ok = false;
        outcome.error = {r.code, r.message};
        snapshot.rejected.push_back(outcome);
    }
    return "";
}

std::string SyncStoreAdapter::client(const std::string& client_id, sync::ClientRecord& out) {
    auto found = store_.sync_client(client_id);
    if (!found) return found.message();
    out = to_client_record(found.value());
    return "";
}

std::string SyncStoreAdapter::live_rows(std::vector<sync::Row>& out) {
    auto rows = store_.live_rows();
    if (!rows) return rows.message();
    out.clear();
    out.reserve(rows.value().size());
    for (const auto& stored : rows.value()) {
        sync::Row row;
        if (std::string bad = to_sync_row(stored, row); !bad.empty()) return bad;
        out.push_back(std::move(row));
    }
    return "";
}

}  // namespace wb::store
