#include "server/channel_registry.h"

#include <set>

namespace wb::server {
namespace {

using json = nlohmann::json;

constexpr const char* kSecretFields[] = {"secret", "key", "inboundSecret"};

// Parses every entry; the first invalid one is the error.
ChannelSave parse_all(const json& channels, std::vector<ChannelConfig>& out)
{
    if (!channels.is_array()) return {false, "the channels must be a JSON array of channel configurations", -1};
    std::set<std::string> ids;
    for (size_t i = 0; i < channels.size(); ++i) {
        ChannelConfigParse parsed = parse_channel_config(channels[i]);
        if (!parsed.config) return {false, parsed.error, int(i)};
        if (!ids.insert(parsed.config->id).second)
            return {false, "two channels are called \"" + parsed.config->id + "\": give each its own id", int(i)};
        out.push_back(std::move(*parsed.config));
    }
    return {true, "", -1};
}

}  // namespace

Result<std::unique_ptr<ChannelRegistry>> ChannelRegistry::open(store::Store& store)
{
    std::unique_ptr<ChannelRegistry> r(new ChannelRegistry(store));
    auto text = store.setting(kSetting);
    if (!text) return fail("cannot read the organisation's channels: " + text.error().message);
    if (!text.value()) return r;
    json saved = json::parse(*text.value(), nullptr, false);
    if (saved.is_discarded())
        return fail(std::string("the stored setting \"") + kSetting + "\" is not JSON; save the channels again");
    ChannelSave parsed = parse_all(saved, r->configs_);
    if (!parsed.ok) return fail(std::string("the stored channels are not valid: ") + parsed.error);
    r->saved_ = std::move(saved);
    r->ever_saved_ = true;
    return r;
}

std::vector<ChannelConfig> ChannelRegistry::list() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return configs_;
}

std::optional<ChannelConfig> ChannelRegistry::find(const std::string& id) const
{
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& c : configs_)
        if (c.id == id) return c;
    return std::nullopt;
}

std::uint64_t ChannelRegistry::version() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return version_;
}

json ChannelRegistry::to_json(bool full) const
{
    std::lock_guard<std::mutex> lock(mutex_);
    json out = json::array();
    for (size_t i = 0; i < configs_.size(); ++i) {
        const ChannelConfig& c = configs_[i];
        if (!full) {
            out.push_back({{"id", c.id}, {"type", channel_type_name(c.type)}, {"enabled", c.enabled}});
            continue;
        }
        json entry = saved_[i];
        for (const char* field : kSecretFields) {
            bool set = entry.contains(field) && entry[field].is_string() && !entry[field].get<std::string>().empty();
            entry.erase(field);
            entry[std::string(field) + "Set"] = set;
        }
        out.push_back(std::move(entry));
    }
    return out;
}

ChannelSave ChannelRegistry::replace(const json& channels)
{
    std::lock_guard<std::mutex> lock(mutex_);
    json merged = channels;
    if (merged.is_array()) {
        for (auto& entry : merged) {
            if (!entry.is_object()) continue;
            for (const char* field : kSecretFields) entry.erase(std::string(field) + "Set");
            const json* before = nullptr;
            for (const auto& old : saved_)
                if (entry.contains("id") && old.value("id", json()) == entry["id"]) before = &old;
            if (!before) continue;
            for (const char* field : kSecretFields)
                if (!entry.contains(field) && before->contains(field)) entry[field] = (*before)[field];
        }
    }
    std::vector<ChannelConfig> configs;
    ChannelSave parsed = parse_all(merged, configs);
    if (!parsed.ok) return parsed;
    if (auto stored = store_.set_setting(kSetting, merged.dump()); !stored)
        return {false, "the channels could not be saved: " + stored.message(), -1, true};
    saved_ = std::move(merged);
    configs_ = std::move(configs);
    ever_saved_ = true;
    ++version_;
    return {true, "", -1};
}

Status ChannelRegistry::save_if_unset(const json& channels)
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (ever_saved_) return ok_status();
    }
    ChannelSave saved = replace(channels);
    if (!saved.ok) return fail(saved.error);
    return ok_status();
}

}  // namespace wb::server
