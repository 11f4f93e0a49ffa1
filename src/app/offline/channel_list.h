#pragma once
// The organisation's delivery channels as the server lists them (GET /api/channels): which
// channels the send dialog can offer, and an admin's whole configuration for Settings → Channels
// (saved with PUT /api/channels). Channels live on the server only, never in the synced data:
// the list is fetched when a view needs it, and its id/type/enabled part is kept in localStorage
// per account so the send dialog still offers the channels offline. Secrets never reach the
// browser (an admin reads "secretSet": true instead).
//
// Also the simulated channel's "a parent replies" (POST /api/inbound/<id>/simulate).
// Nothing here runs in the demo without a server: there are no channels there.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "offline/http_client.h"

namespace wb::app {

struct ChannelSummary {
    std::string id;
    std::string type;  // webhook, dingtalk, wecom, sms, simulated
    bool enabled = true;
};

// Why a request about channels did not work: a translation key ("channels.error.offline", ...)
// and the server's own words when it said something ({detail} in the key's text).
struct ChannelProblem {
    std::string key;
    std::string detail;
    bool empty() const { return key.empty(); }
};

struct ChannelSaveAnswer {
    bool ok = false;
    ChannelProblem problem;
    int index = -1;  // the channel the server's error is about, or -1
};

struct SimulatedReplyAnswer {
    bool ok = false;
    ChannelProblem problem;
    std::string outcome;  // mark, unclear, outside_window, manual_mark_stands, not_a_survey_reply
    std::string mark;     // attend / leave with outcome "mark"
    std::string event_id; // the recorded reply event
};

class ChannelDirectory {
public:
    // Asks the server again when the last answer is older than `max_age_ms` and nothing is being
    // asked already; does nothing without a server. Cheap: call it from a view's draw.
    void refresh(double max_age_ms);
    bool available() const;         // signed in to a server (not the demo)
    bool loaded() const { return loaded_; }   // answered at least once (or read from the cache)
    bool loading() const { return loading_; }
    const ChannelProblem& problem() const { return problem_; }   // of the last fetch
    const std::vector<ChannelSummary>& channels() const;
    const ChannelSummary* find(const std::string& id) const;
    // The list as the server sent it: for an admin every saved field (no secret values).
    const nlohmann::json& entries() const { return entries_; }
    bool full() const { return full_; }   // entries() came from an admin's answer
    uint64_t version() const { return version_; }   // moves whenever the list changes

    // Sends the whole list (admin only); on success the directory holds the server's answer.
    void save(const nlohmann::json& channels, std::function<void(const ChannelSaveAnswer&)> done);

private:
    void adopt(const nlohmann::json& list, bool from_server, bool full);
    void load_cache();
    void store_cache() const;
    void forget_if_other_account();

    std::string user_;              // whose list this is
    bool cache_read_ = false;
    bool loaded_ = false;
    bool loading_ = false;
    bool full_ = false;
    double asked_at_ = -1e18;       // platform::now_ms of the last request
    ChannelProblem problem_;
    nlohmann::json entries_ = nlohmann::json::array();
    std::vector<ChannelSummary> channels_;
    uint64_t version_ = 1;
};

ChannelDirectory& channel_directory();

// POST /api/inbound/<channel>/simulate: the parent of `student_id` answers `text` through the
// simulated channel `channel_id`; `done` gets the outcome for that student.
void simulate_parent_reply(const std::string& channel_id, const std::string& student_id, const std::string& text,
                           std::function<void(const SimulatedReplyAnswer&)> done);

// The problem an answer shows (network, session, forbidden, the server's error) or none.
ChannelProblem channel_problem_of(const HttpAnswer& answer);

}  // namespace wb::app
