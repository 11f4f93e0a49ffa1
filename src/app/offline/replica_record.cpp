#include "offline/replica_record.h"

namespace wb::app {
namespace {

using nlohmann::json;

json parse(const std::string& text) {
    json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
    return j.is_discarded() ? json() : j;
}

// Pending mutations are stored in the push message's own shape, so the protocol's reader
// (which validates every field) reads them back.
std::string pending_from_text(const std::string& text, sync::PendingMutation& out) {
    json request = {{"clientId", "local"}, {"mutations", json::array({parse(text)})}};
    sync::PushRequest parsed;
    std::string error = sync::from_json(request, parsed);
    if (error.empty()) out = parsed.mutations.front();
    return error;
}

std::vector<sync::MutationOutcome> outcomes_from_json(const json& j) {
    std::vector<sync::MutationOutcome> out;
    if (!j.is_array()) return out;
    for (const json& o : j) {
        if (!o.is_object() || !o.contains("id") || !o["id"].is_number_integer()) continue;
        sync::MutationOutcome outcome;
        outcome.id = o["id"].get<int64_t>();
        outcome.ok = false;
        if (o.contains("code") && o["code"].is_string()) outcome.error.code = o["code"].get<std::string>();
        if (o.contains("message") && o["message"].is_string()) outcome.error.message = o["message"].get<std::string>();
        out.push_back(std::move(outcome));
    }
    return out;
}

int64_t int_meta(const json& meta, const char* key, int64_t fallback) {
    auto it = meta.find(key);
    return it != meta.end() && it->is_number_integer() ? it->get<int64_t>() : fallback;
}

std::string string_meta(const json& meta, const char* key) {
    auto it = meta.find(key);
    return it != meta.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string row_store_key(const sync::RowKey& key) { return key.kind + "/" + key.id; }

std::string pending_to_text(const sync::PendingMutation& p) {
    sync::PushRequest request;
    request.client_id = "local";
    request.mutations.push_back(p);
    return sync::to_json(request)["mutations"][0].dump();
}

json outcomes_to_json(const std::vector<sync::MutationOutcome>& outcomes) {
    json out = json::array();
    for (const auto& o : outcomes)
        out.push_back({{"id", o.id}, {"code", o.error.code}, {"message", o.error.message}});
    return out;
}

std::optional<sync::ClientReplica> replica_from_store(const StoreContents& contents, std::string& error) {
    sync::SavedReplica saved;
    saved.client_id = string_meta(contents.meta, kMetaClientId);
    saved.cursor = string_meta(contents.meta, kMetaCursor);
    saved.next_id = int_meta(contents.meta, kMetaNextId, 1);
    saved.acked = int_meta(contents.meta, kMetaAcked, 0);
    if (contents.meta.contains(kMetaRejected)) saved.rejected = outcomes_from_json(contents.meta[kMetaRejected]);
    saved.rows.reserve(contents.rows.size());
    for (const auto& [key, text] : contents.rows) {
        sync::Row row;
        const std::string problem = sync::row_from_json(parse(text), "rows/" + key, row);
        if (!problem.empty()) { error = problem; return std::nullopt; }
        saved.rows.push_back(std::move(row));
    }
    for (const auto& [id, text] : contents.pending) {
        sync::PendingMutation p;
        const std::string problem = pending_from_text(text, p);
        if (!problem.empty()) { error = "pending/" + std::to_string(id) + problem; return std::nullopt; }
        saved.pending.push_back(std::move(p));
    }
    return sync::ClientReplica::restore(std::move(saved), error);
}

StoreBatch batch_for_new_replica(const sync::ClientReplica& replica) {
    StoreBatch batch;
    batch.clear_rows().clear_pending();
    const sync::SavedReplica saved = replica.save();
    for (const auto& row : saved.rows) batch.put_row(row_store_key(row.key), sync::row_to_json(row).dump());
    for (const auto& p : saved.pending) batch.put_pending(p.id, pending_to_text(p));
    batch.put_meta(kMetaClientId, saved.client_id)
        .put_meta(kMetaCursor, saved.cursor)
        .put_meta(kMetaNextId, saved.next_id)
        .put_meta(kMetaAcked, saved.acked)
        .put_meta(kMetaRejected, outcomes_to_json(saved.rejected));
    return batch;
}

StoreBatch batch_for_enqueue(const sync::PendingMutation& record) {
    StoreBatch batch;
    batch.expect_meta(kMetaNextId, record.id)
        .put_pending(record.id, pending_to_text(record))
        .put_meta(kMetaNextId, record.id + 1);
    return batch;
}

StoreBatch batch_for_pull(const sync::PullApplied& applied, const sync::ClientReplica& replica) {
    StoreBatch batch;
    if (applied.reset) batch.clear_rows();
    for (const auto& row : applied.changed) {
        if (row.deleted) batch.delete_row(row_store_key(row.key));
        else batch.put_row(row_store_key(row.key), sync::row_to_json(row).dump());
    }
    if (!applied.dropped.empty()) batch.delete_pending_through(replica.acked());
    batch.put_meta(kMetaCursor, replica.cursor()).put_meta(kMetaAcked, replica.acked());
    if (!applied.rejected.empty()) batch.put_meta(kMetaRejected, outcomes_to_json(replica.rejected()));
    return batch;
}

StoreBatch batch_for_rejections(const sync::ClientReplica& replica) {
    StoreBatch batch;
    batch.put_meta(kMetaRejected, outcomes_to_json(replica.rejected()));
    return batch;
}

}  // namespace wb::app
