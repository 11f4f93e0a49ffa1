// Test queries for channels and the outbox in the app (browser tests only):
//   channels.state     the server's channel list as the app holds it, and Settings → Channels'
//                      drafts (id, type, url, secrets set or not — never a value —, errors)
//   channels.refresh   asks the server for the list again now
//   channels.messages  the open profile's outbox messages on the timeline (id, channel, state,
//                      summary, lines), the send dialog's route and the simulated-reply dialog
#include "app_state.h"
#include "offline/channel_list.h"
#include "test_queries.h"
#include "views/settings_channels.h"
#include "views/student_profile_data.h"

using nlohmann::json;

namespace wb::app {
namespace {

json directory_state() {
    const ChannelDirectory& dir = channel_directory();
    json channels = json::array();
    for (const auto& c : dir.channels()) channels.push_back({{"id", c.id}, {"type", c.type}, {"enabled", c.enabled}});
    return {{"available", dir.available()}, {"loaded", dir.loaded()}, {"loading", dir.loading()}, {"full", dir.full()},
            {"problem", dir.problem().key}, {"problemDetail", dir.problem().detail}, {"channels", channels}};
}

json settings_state() {
    const ChannelSettingsUi& u = channel_settings_ui();
    json drafts = json::array();
    for (const auto& d : u.drafts)
        drafts.push_back({{"id", d.id}, {"type", kChannelTypes[d.type]}, {"enabled", d.enabled}, {"url", d.url},
                          {"error", d.error}, {"secretSet", d.secret.set}, {"keySet", d.key.set},
                          {"inboundSecretSet", d.inbound.set}, {"typedSecret", d.secret.value[0] != 0},
                          {"typedKey", d.key.value[0] != 0}, {"typedInbound", d.inbound.value[0] != 0}});
    return {{"drafts", drafts}, {"dirty", u.dirty}, {"editing", u.editing}, {"saving", u.saving},
            {"problem", u.problem}, {"saved", u.saved}};
}

json messages_state() {
    const ProfileData& d = profile_data(app_state().student_id);
    const ProfileUi& u = profile_ui();
    json messages = json::array();
    for (const auto& r : d.timeline) {
        if (r.entry.message_id.empty()) continue;
        messages.push_back({{"id", r.entry.message_id}, {"channel", r.message_channel}, {"state", r.message_state},
                            {"summary", r.summary}, {"text", r.entry.text}, {"lines", r.message_lines}});
    }
    const auto& reply = u.reply;
    return {{"studentId", app_state().student_id},
            {"messages", messages},
            {"route", u.message_route},
            {"messageError", u.message_error},
            {"actionError", u.action_error},
            {"lastAction", u.last_action},
            {"reply", {{"open", reply.open}, {"busy", reply.busy}, {"messageId", reply.message_id},
                       {"text", reply.text}, {"error", reply.error}, {"outcome", reply.outcome},
                       {"outcomeCode", reply.outcome_code}}}};
}

[[maybe_unused]] const bool registered_state = register_test_query("channels.state", [](const json&) {
    return json{{"directory", directory_state()}, {"settings", settings_state()}};
});

[[maybe_unused]] const bool registered_refresh = register_test_query("channels.refresh", [](const json&) {
    channel_directory().refresh(0);
    return json{{"ok", true}};
});

[[maybe_unused]] const bool registered_messages =
    register_test_query("channels.messages", [](const json&) { return messages_state(); });

}  // namespace
}  // namespace wb::app
