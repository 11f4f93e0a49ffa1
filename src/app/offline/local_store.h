#pragma once
// The browser's IndexedDB store (web/local-store.js) from C++: open, load everything, commit
// one batch atomically and durably, storage estimate and persistence. Every call answers
// asynchronously with a value; nothing here throws.
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace wb::app {

struct StoreOpened {
    enum class Status { Ready, New, Wiped, Unavailable };
    Status status = Status::Unavailable;
    std::string message;
};

struct StoreContents {
    nlohmann::json meta = nlohmann::json::object();
    std::vector<std::pair<std::string, std::string>> rows;     // key -> opaque JSON text
    std::vector<std::pair<int64_t, std::string>> pending;      // by id
    std::string error;                                         // "" when loaded
};

struct StoreCommitted {
    bool ok = false;
    std::string kind;      // when !ok: "full", "conflict", "wiped", "unavailable", "error"
    std::string message;
};

struct StoreEstimate {
    bool known = false;
    double usage = 0, quota = 0;
    bool persisted = false;
};

// One transaction's worth of changes (see web/local-store.js for the batch format).
class StoreBatch {
public:
    StoreBatch& put_meta(const std::string& key, nlohmann::json value);
    StoreBatch& expect_meta(const std::string& key, nlohmann::json value);
    StoreBatch& clear_rows();
    StoreBatch& put_row(const std::string& key, std::string value);
    StoreBatch& delete_row(const std::string& key);
    StoreBatch& clear_pending();
    StoreBatch& put_pending(int64_t id, std::string value);
    StoreBatch& delete_pending_through(int64_t id);
    bool empty() const { return json_.empty(); }
    const nlohmann::json& json() const { return json_; }

private:
    nlohmann::json json_ = nlohmann::json::object();
};

void open_local_store(const std::string& name, std::function<void(StoreOpened)> done);
void load_local_store(std::function<void(StoreContents)> done);
// `redraw`: draw a frame when the answer comes (false for writes nothing on screen waits for).
void commit_local_store(const StoreBatch& batch, std::function<void(StoreCommitted)> done, bool redraw = true);
// How many commits this tab has begun. A read begun before a commit of this tab does not hold
// it (IndexedDB orders a read only after the writes begun before it).
uint64_t local_store_commits_begun();
void estimate_local_store(std::function<void(StoreEstimate)> done);
void persist_local_store(std::function<void(bool granted)> done);

}  // namespace wb::app
