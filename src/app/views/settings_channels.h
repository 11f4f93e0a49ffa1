#pragma once
// Settings → Channels [消息渠道]: the organisation's delivery channels. An admin edits a draft
// of the whole list (add, edit, enable/disable, remove) and saves it in one PUT; the server's
// complaint is shown at the channel it names and the draft stays as typed. Others read which
// channels exist. The drafts live here (not in the view's frame) so leaving Settings loses
// nothing; the test interface reads them.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace wb::app {

// The types an admin can choose, in the order the form offers them.
constexpr const char* kChannelTypes[] = {"webhook", "dingtalk", "wecom", "sms", "simulated"};
constexpr int kChannelTypeCount = 5;

// A secret field: whether the server has one, and what the admin typed to replace it (never the
// value itself: the server never sends it). `clear` sends "" to remove it.
struct SecretDraft {
    bool set = false;
    bool clear = false;
    char value[256] = "";
};

struct ChannelDraft {
    nlohmann::json base = nlohmann::json::object();  // as last saved: fields the form does not edit stay
    char id[64] = "";
    int type = 0;  // index into kChannelTypes
    bool enabled = true;
    char url[512] = "";
    SecretDraft secret;   // DingTalk signing secret
    SecretDraft key;      // WeCom robot key, SMS gateway token
    SecretDraft inbound;  // what the channel sends with the replies it posts
    char quota[12] = "";  // per recipient per day; "" = the type's default
    char quiet_from[8] = "", quiet_to[8] = "";  // "" = the organisation's quiet hours
    char connect_ms[12] = "", read_ms[12] = "";  // "" = the defaults
    std::string error;    // what is wrong with this channel (the server's words or the form's)
};

struct ChannelSettingsUi {
    std::vector<ChannelDraft> drafts;
    uint64_t drafts_of = 0;   // channel_directory().version() the drafts were made from
    bool dirty = false;       // the drafts differ from what the server has
    int editing = -1;         // the channel whose form is open
    bool saving = false;
    std::string problem;      // translated: why the last save failed as a whole
    bool saved = false;       // the last save went through
};

ChannelSettingsUi& channel_settings_ui();

// settings_channels_form.cpp: a draft from the server's entry and back. to_json returns a
// translated complaint ("" when fine) about a field the server would not read (a quota that is
// not a number).
ChannelDraft channel_draft_from_json(const nlohmann::json& entry);
std::string channel_draft_to_json(const ChannelDraft& draft, nlohmann::json& out);
// The editor of one channel; true when something was changed.
bool draw_channel_form(ChannelDraft& draft);
// "Webhook", "钉钉群机器人", ... for a type name.
const char* channel_type_label(const std::string& type);

}  // namespace wb::app
