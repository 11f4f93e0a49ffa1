#include "sync/protocol.h"

#include <cstdlib>

namespace wb::sync {
namespace {

// Field readers that never throw (the wasm build has exceptions off): each returns "" or
// "<path>: <what is wrong>".
std::string need_object(const Json& j, const std::string& path)
{
    return j.is_object() ? "" : path + ": expected an object";
}

std::string read_string(const Json& j, const char* key, const std::string& path, std::string& out,
                        bool required = true)
{
    auto it = j.find(key);
    if (it == j.end()) return required ? path + "/" + key + ": missing" : "";
    if (!it->is_string()) return path + "/" + key + ": expected a string";
    out = it->get<std::string>();
    return "";
}

std::string read_int(const Json& j, const char* key, const std::string& path, int64_t& out,
                     bool required = true)
{
    auto it = j.find(key);
    if (it == j.end()) return required ? path + "/" + key + ": missing" : "";
    if (!it->is_number_integer()) return path + "/" + key + ": expected an integer";
    out = it->get<int64_t>();
    return "";
}

std::string read_bool(const Json& j, const char* key, const std::string& path, bool& out)
{
    auto it = j.find(key);
    if (it == j.end()) return "";
    if (!it->is_boolean()) return path + "/" + key + ": expected true or false";
    out = it->get<bool>();
    return "";
}

std::string read_array(const Json& j, const char* key, const std::string& path, const Json*& out)
{
    auto it = j.find(key);
    if (it == j.end()) return path + "/" + key + ": missing";
    if (!it->is_array()) return path + "/" + key + ": expected an array";
    out = &*it;
    return "";
}

Json error_to_json(const ErrorInfo& e) { return Json{{"code", e.code}, {"message", e.message}}; }

std::string error_from_json(const Json& j, const std::string& path, ErrorInfo& out)
{
    std::string err = need_object(j, path);
    if (err.empty()) err = read_string(j, "code", path, out.code);
    if (err.empty()) err = read_string(j, "message", path, out.message);
    return err;
}

Json outcome_to_json(const MutationOutcome& o)
{
    Json j{{"id", o.id}, {"ok", o.ok}};
    if (!o.ok) j["error"] = error_to_json(o.error);
    return j;
}

std::string outcome_from_json(const Json& j, const std::string& path, MutationOutcome& out)
{
    std::string err = need_object(j, path);
    if (err.empty()) err = read_int(j, "id", path, out.id);
    if (err.empty()) err = read_bool(j, "ok", path, out.ok);
    if (err.empty() && !out.ok) {
        auto it = j.find("error");
        if (it == j.end()) return path + "/error: missing for a failed mutation";
        err = error_from_json(*it, path + "/error", out.error);
    }
    return err;
}

std::string outcomes_from_json(const Json& j, const char* key, const std::string& path,
                               std::vector<MutationOutcome>& out)
{
    const Json* arr = nullptr;
    std::string err = read_array(j, key, path, arr);
    for (size_t i = 0; err.empty() && i < arr->size(); ++i) {
        MutationOutcome o;
        err = outcome_from_json((*arr)[i], path + "/" + key + "/" + std::to_string(i), o);
        out.push_back(std::move(o));
    }
    return err;
}

std::string pending_from_json(const Json& j, const std::string& path, PendingMutation& out)
{
    std::string err = need_object(j, path);
    if (err.empty()) err = read_int(j, "id", path, out.id);
    if (err.empty() && out.id < 1) err = path + "/id: mutation numbers start at 1";
    if (err.empty()) err = read_string(j, "name", path, out.mutation.name);
    if (err.empty()) {
        auto it = j.find("args");
        if (it == j.end()) out.mutation.args = Json::object();
        else if (!it->is_object()) err = path + "/args: expected an object";
        else out.mutation.args = *it;
    }
    if (err.empty()) err = read_int(j, "createdAt", path, out.created_at, false);
    return err;
}

}  // namespace

std::string format_cursor(const Cursor& c)
{
    if (c.epoch.empty() && c.version == 0) return "";
    return c.epoch + "." + std::to_string(c.version);
}

std::optional<Cursor> parse_cursor(const std::string& text, std::string& error)
{
    if (text.empty()) return Cursor{};
    auto dot = text.rfind('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == text.size()) {
        error = "cursor '" + text + "' is not <epoch>.<version>";
        return std::nullopt;
    }
    Cursor c;
    c.epoch = text.substr(0, dot);
    const std::string digits = text.substr(dot + 1);
    for (char ch : digits) {
        if (ch < '0' || ch > '9' || digits.size() > 18) {
            error = "cursor '" + text + "' has a version that is not a number";
            return std::nullopt;
        }
    }
    c.version = std::strtoll(digits.c_str(), nullptr, 10);
    return c;
}

Json row_to_json(const Row& row)
{
    Json j{{"kind", row.key.kind}, {"id", row.key.id}, {"version", row.version}};
    if (row.deleted) j["deleted"] = true;
    else j["body"] = row.body;
    return j;
}

std::string row_from_json(const Json& j, const std::string& path, Row& out)
{
    std::string err = need_object(j, path);
    if (err.empty()) err = read_string(j, "kind", path, out.key.kind);
    if (err.empty()) err = read_string(j, "id", path, out.key.id);
    if (err.empty()) err = read_int(j, "version", path, out.version);
    if (err.empty()) err = read_bool(j, "deleted", path, out.deleted);
    if (err.empty() && !out.deleted) {
        auto it = j.find("body");
        if (it == j.end() || !it->is_object()) return path + "/body: expected an object";
        out.body = *it;
    }
    return err;
}

Json to_json(const PushRequest& r)
{
    Json muts = Json::array();
    for (const auto& m : r.mutations)
        muts.push_back({{"id", m.id}, {"name", m.mutation.name}, {"args", m.mutation.args},
                        {"createdAt", m.created_at}});
    return Json{{"clientId", r.client_id}, {"mutations", std::move(muts)}};
}

std::string from_json(const Json& j, PushRequest& out)
{
    std::string err = need_object(j, "");
    if (err.empty()) err = read_string(j, "clientId", "", out.client_id);
    if (err.empty() && out.client_id.empty()) err = "/clientId: must not be empty";
    const Json* arr = nullptr;
    if (err.empty()) err = read_array(j, "mutations", "", arr);
    for (size_t i = 0; err.empty() && i < arr->size(); ++i) {
        PendingMutation m;
        err = pending_from_json((*arr)[i], "/mutations/" + std::to_string(i), m);
        out.mutations.push_back(std::move(m));
    }
    return err;
}

Json to_json(const PushResponse& r)
{
    Json results = Json::array();
    for (const auto& o : r.results) results.push_back(outcome_to_json(o));
    Json j{{"lastApplied", r.last_applied}, {"results", std::move(results)}};
    if (r.error) j["error"] = error_to_json(*r.error);
    return j;
}

std::string from_json(const Json& j, PushResponse& out)
{
    std::string err = need_object(j, "");
    if (err.empty()) err = read_int(j, "lastApplied", "", out.last_applied);
    if (err.empty()) err = outcomes_from_json(j, "results", "", out.results);
    if (err.empty() && j.contains("error")) {
        ErrorInfo e;
        err = error_from_json(j["error"], "/error", e);
        out.error = e;
    }
    return err;
}

Json to_json(const PullRequest& r)
{
    Json j{{"clientId", r.client_id}, {"cursor", r.cursor}, {"limit", r.limit}, {"acked", r.acked}};
    if (r.wait_ms > 0) j["waitMs"] = r.wait_ms;
    return j;
}

std::string from_json(const Json& j, PullRequest& out)
{
    std::string err = need_object(j, "");
    if (err.empty()) err = read_string(j, "clientId", "", out.client_id);
    if (err.empty() && out.client_id.empty()) err = "/clientId: must not be empty";
    if (err.empty()) err = read_string(j, "cursor", "", out.cursor, false);
    int64_t limit = out.limit;
    if (err.empty()) err = read_int(j, "limit", "", limit, false);
    if (err.empty() && (limit < 1 || limit > 10000)) err = "/limit: must be between 1 and 10000";
    out.limit = static_cast<int>(limit);
    if (err.empty()) err = read_int(j, "acked", "", out.acked, false);
    if (err.empty() && out.acked < 0) err = "/acked: must not be negative";
    int64_t wait = out.wait_ms;
    if (err.empty()) err = read_int(j, "waitMs", "", wait, false);
    if (err.empty() && (wait < 0 || wait > kMaxPullWaitMs))
        err = "/waitMs: must be between 0 and " + std::to_string(kMaxPullWaitMs) + " (milliseconds)";
    out.wait_ms = static_cast<int>(wait);
    return err;
}

bool pull_is_idle(const PullRequest& request, const PullResponse& response)
{
    return response.changes.empty() && !response.more && !response.reset && response.rejected.empty() &&
           response.last_applied <= request.acked;
}

Json to_json(const PullResponse& r)
{
    Json changes = Json::array();
    for (const auto& row : r.changes) changes.push_back(row_to_json(row));
    Json rejected = Json::array();
    for (const auto& o : r.rejected) rejected.push_back(outcome_to_json(o));
    return Json{{"cursor", r.cursor}, {"changes", std::move(changes)}, {"lastApplied", r.last_applied},
                {"rejected", std::move(rejected)}, {"reset", r.reset}, {"more", r.more}};
}

std::string from_json(const Json& j, PullResponse& out)
{
    std::string err = need_object(j, "");
    if (err.empty()) err = read_string(j, "cursor", "", out.cursor);
    if (err.empty()) err = read_int(j, "lastApplied", "", out.last_applied);
    if (err.empty()) err = read_bool(j, "reset", "", out.reset);
    if (err.empty()) err = read_bool(j, "more", "", out.more);
    const Json* arr = nullptr;
    if (err.empty()) err = read_array(j, "changes", "", arr);
    for (size_t i = 0; err.empty() && i < arr->size(); ++i) {
        Row row;
        err = row_from_json((*arr)[i], "/changes/" + std::to_string(i), row);
        out.changes.push_back(std::move(row));
    }
    if (err.empty()) err = outcomes_from_json(j, "rejected", "", out.rejected);
    return err;
}

}  // namespace wb::sync
