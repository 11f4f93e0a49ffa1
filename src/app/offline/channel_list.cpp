#include "offline/channel_list.h"

#include "offline/workspace.h"
#include "platform.h"

#include <cstdio>
#include <utility>

namespace wb::app {
namespace {

using nlohmann::json;

constexpr int kTimeoutMs = 15000;
constexpr const char* kCacheKey = "wb.channels";

std::string text_of(const json& j, const char* field) {
    return j.is_object() && j.contains(field) && j[field].is_string() ? j[field].get<std::string>() : "";
}

// Channel ids go into a path: anything but letters, digits, '-', '_' and '.' is escaped.
std::string path_part(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                           c == '_' || c == '.';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

}  // namespace

ChannelProblem channel_problem_of(const HttpAnswer& a) {
    if (a.kind != HttpAnswer::Kind::Response) return {"channels.error.offline", ""};
    if (a.ok()) return {};
    if (a.status == 401) return {"channels.error.session", ""};
    if (a.status == 403) return {"channels.error.forbidden", ""};
    if (a.status == 404 && a.error_code().empty()) return {"channels.error.no_api", ""};
    return {"channels.error.server", a.error_message()};
}

bool ChannelDirectory::available() const {
    const Workspace& ws = workspace();
    return ws.mode() == Workspace::Mode::Server && !ws.account().token.empty();
}

const std::vector<ChannelSummary>& ChannelDirectory::channels() const {
    static const std::vector<ChannelSummary> none;
    return available() ? channels_ : none;
}

const ChannelSummary* ChannelDirectory::find(const std::string& id) const {
    for (const auto& c : channels())
        if (c.id == id) return &c;
    return nullptr;
}

void ChannelDirectory::forget_if_other_account() {
    const std::string& user = workspace().account().user_id;
    if (user == user_) return;
    user_ = user;
    cache_read_ = false;
    loaded_ = false;
    full_ = false;
    asked_at_ = -1e18;
    problem_ = {};
    entries_ = json::array();
    channels_.clear();
    ++version_;
}

// `full`: the server answered an admin, so every entry carries all its fields (an empty list too).
void ChannelDirectory::adopt(const json& list, bool from_server, bool full) {
    entries_ = list.is_array() ? list : json::array();
    channels_.clear();
    full_ = full;
    for (const auto& e : entries_) {
        ChannelSummary c{text_of(e, "id"), text_of(e, "type"), true};
        if (e.contains("enabled") && e["enabled"].is_boolean()) c.enabled = e["enabled"].get<bool>();
        if (!c.id.empty()) channels_.push_back(std::move(c));
    }
    loaded_ = true;
    ++version_;
    if (from_server) store_cache();
}

// The cache holds only what a tutor may read (id, type, enabled), for this account.
void ChannelDirectory::load_cache() {
    cache_read_ = true;
    const json cached = json::parse(platform::stored_setting(kCacheKey), nullptr, false);
    if (cached.is_discarded() || text_of(cached, "user") != user_ || !cached.contains("channels")) return;
    adopt(cached["channels"], false, false);
}

void ChannelDirectory::store_cache() const {
    json list = json::array();
    for (const auto& c : channels_) list.push_back({{"id", c.id}, {"type", c.type}, {"enabled", c.enabled}});
    platform::store_setting(kCacheKey, json{{"user", user_}, {"channels", list}}.dump().c_str());
}

void ChannelDirectory::refresh(double max_age_ms) {
    if (!available()) return;
    forget_if_other_account();
    if (!cache_read_) load_cache();
    const double now = platform::now_ms();
    if (loading_ || now - asked_at_ < max_age_ms) return;
    asked_at_ = now;
    if (!platform::online()) {
        problem_ = {"channels.error.offline", ""};
        return;
    }
    loading_ = true;
    const std::string user = user_;
    send_request("GET", "api/channels", "", workspace().account().token, kTimeoutMs, [this, user](HttpAnswer a) {
        if (user != user_) return;  // answered for an account that has left
        loading_ = false;
        problem_ = channel_problem_of(a);
        if (problem_.empty() && a.json.is_object() && a.json.contains("channels"))
            adopt(a.json["channels"], true, workspace().account().role == "admin");
        else if (problem_.empty()) problem_ = {"channels.error.server", a.text.substr(0, 200)};
        ++version_;
    });
}

void ChannelDirectory::save(const json& channels, std::function<void(const ChannelSaveAnswer&)> done) {
    if (!available()) {
        done({false, {"channels.error.no_server", ""}, -1});
        return;
    }
    if (!platform::online()) {
        done({false, {"channels.error.offline", ""}, -1});
        return;
    }
    const std::string user = user_;
    const std::string body = json{{"channels", channels}}.dump();
    send_request("PUT", "api/channels", body, workspace().account().token, kTimeoutMs,
                 [this, user, done = std::move(done)](HttpAnswer a) {
        ChannelSaveAnswer answer;
        answer.problem = channel_problem_of(a);
        if (answer.problem.empty() && a.json.is_object() && a.json.contains("channels")) {
            answer.ok = true;
            if (user == user_) adopt(a.json["channels"], true, true);
        } else if (answer.problem.empty()) {
            answer.problem = {"channels.error.server", a.text.substr(0, 200)};
        }
        const json& err = a.json.is_object() && a.json.contains("error") ? a.json["error"] : json();
        if (err.is_object() && err.contains("index") && err["index"].is_number_integer()) answer.index = err["index"].get<int>();
        done(answer);
    });
}

ChannelDirectory& channel_directory() {
    static ChannelDirectory directory;
    return directory;
}

void simulate_parent_reply(const std::string& channel_id, const std::string& student_id, const std::string& text,
                           std::function<void(const SimulatedReplyAnswer&)> done) {
    if (!channel_directory().available()) {
        done({false, {"channels.error.no_server", ""}, "", "", ""});
        return;
    }
    const std::string body = json{{"studentId", student_id}, {"text", text}}.dump();
    send_request("POST", "api/inbound/" + path_part(channel_id) + "/simulate", body, workspace().account().token,
                 kTimeoutMs, [student_id, done = std::move(done)](HttpAnswer a) {
        SimulatedReplyAnswer answer;
        answer.problem = channel_problem_of(a);
        if (answer.problem.empty()) {
            const json replies = a.json.is_object() && a.json.contains("replies") ? a.json["replies"] : json();
            for (const auto& r : replies.is_array() ? replies : json::array()) {
                if (text_of(r, "studentId") != student_id) continue;
                answer.ok = true;
                answer.outcome = text_of(r, "outcome");
                answer.mark = text_of(r, "mark");
                answer.event_id = text_of(r, "eventId");
            }
            if (!answer.ok) answer.problem = {"channels.reply.error.not_matched", ""};
        }
        done(answer);
    });
}

}  // namespace wb::app
