#pragma once
// The organisation's channels (channel_config.h), kept on the server only: their URLs and secrets
// are never synced to browsers. Stored as the JSON array the admin saved, in the store setting
// "channels", so a restart keeps them and both store backends hold them.
//
// Secrets ("secret", "key", "inboundSecret") are never sent back out: an admin reads
// "secretSet": true instead, and a save that leaves a secret out keeps the one the channel with
// the same id already has ("" clears it). Everyone else reads only id, type and enabled.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/channel_config.h"
#include "store/result.h"
#include "store/store.h"

namespace wb::server {

struct ChannelSave {
    bool ok = false;
    std::string error;  // when !ok: which channel and field is wrong, for the admin
    int index = -1;     // the channel the error is about, or -1
    bool storage = false;  // the list was fine but the store failed: try again
};

class ChannelRegistry {
public:
    static constexpr const char* kSetting = "channels";

    // Reads the saved channels; a saved list that no longer validates is an error that names it.
    static Result<std::unique_ptr<ChannelRegistry>> open(store::Store& store);

    std::vector<ChannelConfig> list() const;
    std::optional<ChannelConfig> find(const std::string& id) const;
    // Changes with every save, so users of the list know when to rebuild what they made from it.
    std::uint64_t version() const;

    // The channels as JSON without secret values; `full` (admin): every field, else id/type/enabled.
    nlohmann::json to_json(bool full) const;
    // Replaces the whole list (a JSON array of channel configurations); validates every entry and
    // that ids are unique, keeps omitted secrets, and stores it. Nothing changes on an error.
    ChannelSave replace(const nlohmann::json& channels);
    // Stores `channels` only when no list was ever saved (the demo's simulated channels).
    Status save_if_unset(const nlohmann::json& channels);

private:
    explicit ChannelRegistry(store::Store& store) : store_(store) {}

    store::Store& store_;
    mutable std::mutex mutex_;
    nlohmann::json saved_ = nlohmann::json::array();  // as stored, secrets included
    std::vector<ChannelConfig> configs_;
    bool ever_saved_ = false;
    std::uint64_t version_ = 0;
};

}  // namespace wb::server
