#pragma once
// The sync protocol's messages (see docs/sync.md for endpoints and error codes).
//
//   push:  client -> server  {clientId, mutations:[{id, name, args, createdAt}]}
//          server -> client  {lastApplied, results:[{id, ok, error?}], error?}
//   pull:  client -> server  {clientId, cursor, limit, acked, waitMs?}
//          server -> client  {cursor, changes:[{kind, id, version, deleted, body}],
//                             lastApplied, rejected:[{id, error}], reset, more}
//
// Each client numbers its mutations 1, 2, 3, ... The server applies them in order and exactly
// once, recording the last applied number in the same transaction; a cursor is
// "<epoch>.<version>" where the epoch names the server's database, so a cursor from another
// (restored, replaced) database is recognised and answered with a reset.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/mutation.h"
#include "sync/rows.h"

namespace wb::sync {

// Error codes shared by the protocol and the HTTP API.
namespace code {
inline constexpr const char* kBadRequest = "bad_request";        // malformed message
inline constexpr const char* kOutOfOrder = "out_of_order";       // a gap or reordering: resend from `expected`
inline constexpr const char* kRejected = "rejected";             // the mutator refused the mutation
inline constexpr const char* kForbidden = "forbidden";           // outside the user's scope
inline constexpr const char* kUnknownMutation = "unknown_mutation";
}  // namespace code

struct ErrorInfo {
    std::string code;
    std::string message;
};

struct PendingMutation {
    int64_t id = 0;         // the client's mutation number, from 1
    Mutation mutation;
    TimeMs created_at = 0;  // when the user made it (client clock; informational)
};

struct PushRequest {
    std::string client_id;
    std::vector<PendingMutation> mutations;
};

struct MutationOutcome {
    int64_t id = 0;
    bool ok = true;
    ErrorInfo error;  // when !ok
};

struct PushResponse {
    int64_t last_applied = 0;
    std::vector<MutationOutcome> results;  // one per mutation applied by this request
    std::optional<ErrorInfo> error;        // out_of_order: resend from last_applied + 1
};

struct PullRequest {
    std::string client_id;
    std::string cursor;  // "" for a first pull
    int limit = 1000;
    int64_t acked = 0;   // the client has already dropped its mutations up to here
    // Long-poll: when there is nothing new for this client, the server may hold the answer up to
    // this long until a commit brings something (0: answer at once). The sync service itself
    // ignores it; the server's transport waits (src/server/organisation_sync.h).
    int wait_ms = 0;
};
inline constexpr int kMaxPullWaitMs = 25000;


struct PullResponse {
    std::string cursor;
    std::vector<Row> changes;
    int64_t last_applied = 0;
    std::vector<MutationOutcome> rejected;  // this client's rejected mutations in (acked, lastApplied]
    bool reset = false;                     // drop the confirmed state first (pending mutations stay)
    bool more = false;                      // another pull would return more changes now
};

// Whether a pull's answer tells the client nothing it did not know: no changes, no page or reset
// pending, no rejections, and nothing newly applied beyond what it acknowledged.
bool pull_is_idle(const PullRequest& request, const PullResponse& response);

struct Cursor {
    std::string epoch;
    int64_t version = 0;
};
std::string format_cursor(const Cursor& c);
// "" parses as {"" , 0}; anything malformed is an error message.
std::optional<Cursor> parse_cursor(const std::string& text, std::string& error);

// JSON forms. The readers validate shape and types and say what is wrong with a JSON path.
Json to_json(const PushRequest& r);
Json to_json(const PushResponse& r);
Json to_json(const PullRequest& r);
Json to_json(const PullResponse& r);
std::string from_json(const Json& j, PushRequest& out);
std::string from_json(const Json& j, PushResponse& out);
std::string from_json(const Json& j, PullRequest& out);
std::string from_json(const Json& j, PullResponse& out);

Json row_to_json(const Row& row);
std::string row_from_json(const Json& j, const std::string& path, Row& out);

}  // namespace wb::sync
