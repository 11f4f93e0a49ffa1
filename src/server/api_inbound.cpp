// POST /api/inbound/<channel id>: a channel posts a parent's reply, authenticated with the
// channel's inboundSecret (header X-Channel-Secret). POST /api/inbound/<channel id>/simulate: the
// demo's parent reply, for a signed-in user, through a simulated channel. Both plan with the core
// (plan_inbound_reply: reply events, marks within the 8-hour window) and apply as the system.
// POST /api/inbound/<channel id>/receipt: the channel reports a message delivered, read or failed
// (plan_inbound_receipt), with the same secret. docs/api.md, "Inbound replies".
#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/inbound_receipt.h"
#include "core/inbound_reply.h"
#include "core/roster_csv.h"
#include "server/api_router.h"
#include "server/api_routes.h"
#include "server/api_session.h"
#include "server/channel_registry.h"
#include "server/http_responses.h"
#include "server/organisation_sync.h"
#include "server/server.h"
#include "sync/scope.h"

namespace wb::server {

namespace {

using nlohmann::json;

constexpr size_t kMaxReplyChars = 2000;
constexpr const char* kSecretHeader = "X-Channel-Secret";
constexpr const char* kInboundClient = "server-inbound";  // the sync client id of what this records
constexpr const char* kSimulateSuffix = "/simulate";
constexpr const char* kReceiptSuffix = "/receipt";

std::int64_t wall_clock_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

size_t utf8_chars(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// Constant-time for equal lengths; the length of the secret is not worth hiding.
bool same_secret(const std::string& given, const std::string& expected) {
    return !expected.empty() && given.size() == expected.size() &&
           sodium_memcmp(given.data(), expected.data(), given.size()) == 0;
}

// "2026-03-07T20:15:00+08:00", "2026-03-07T12:15:00.250Z", "...+0800": UTC ms, or false.
bool parse_iso_time(const std::string& s, TimeMs& out) {
    int y, mo, d, h, mi, sec, used = 0;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &used) != 6 || used != 19)
        return false;
    size_t i = 19;
    int millis = 0;
    if (i < s.size() && s[i] == '.') {  // fractions: milliseconds kept, finer digits dropped
        int digits = 0;
        for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++digits)
            if (digits < 3) millis = millis * 10 + (s[i] - '0');
        if (digits == 0) return false;
        for (; digits < 3; ++digits) millis *= 10;
    }
    TimeMs offset = 0;
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z') && i + 1 == s.size()) {
        offset = 0;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        int oh = 0, om = 0, n = 0;
        std::string rest = s.substr(i + 1);
        bool colon = std::sscanf(rest.c_str(), "%2d:%2d%n", &oh, &om, &n) == 2 && n == 5 && rest.size() == 5;
        bool plain = !colon && rest.size() == 4 && std::sscanf(rest.c_str(), "%2d%2d%n", &oh, &om, &n) == 2 && n == 4;
        if ((!colon && !plain) || oh > 14 || om > 59) return false;
        offset = (oh * 60 + om) * kMinuteMs * (s[i] == '-' ? -1 : 1);
    } else {
        return false;  // no offset: a local time of an unknown zone
    }
    char utc[32];
    std::snprintf(utc, sizeof utc, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, sec);
    TimeMs wall = 0;
    if (!parse_utc(utc, wall)) return false;  // checks the calendar (no 31 February)
    out = wall + millis - offset;
    return true;
}

// "" or why the optional string field `name` is not a string.
std::string optional_string(const json& body, const char* name, std::string& out) {
    auto it = body.find(name);
    if (it == body.end() || it->is_null()) return "";
    if (!it->is_string()) return std::string("/") + name + ": expected a string";
    out = it->get<std::string>();
    return "";
}

std::string read_text(const json& body, std::string& out) {
    auto it = body.find("text");
    if (it == body.end() || !it->is_string()) return "/text: expected the reply's text as a non-empty string";
    out = it->get<std::string>();
    if (blank(out)) return "/text: the reply is empty";
    if (size_t n = utf8_chars(out); n > kMaxReplyChars)
        return "/text: " + std::to_string(n) + " characters; a reply may have at most " + std::to_string(kMaxReplyChars);
    return "";
}

std::string read_at(const json& body, TimeMs now, TimeMs& out) {
    out = now;
    auto it = body.find("at");
    if (it == body.end() || it->is_null()) return "";
    const char* expected =
        "/at: expected UTC milliseconds (a whole number) or an ISO-8601 time with an offset, "
        "e.g. \"2026-03-07T20:15:00+08:00\"";
    if (it->is_number_integer() || it->is_number_unsigned()) {
        out = it->get<TimeMs>();
        if (out <= 0) return expected;
        return "";
    }
    if (it->is_string() && parse_iso_time(it->get<std::string>(), out)) return "";
    return std::string(expected) + ", got " + it->dump();
}

// The reply a channel posted, or "" with `error` set (a message naming the field).
std::string read_inbound_body(const json& body, const std::string& channel_id, TimeMs now, InboundReply& out) {
    if (!body.is_object())
        return "/: expected an object {\"phone\" or \"parentId\", \"text\", \"at\"?, \"externalId\"?}";
    out.channel_id = channel_id;
    const std::pair<const char*, std::string*> fields[] = {
        {"phone", &out.phone}, {"parentId", &out.parent_id}, {"externalId", &out.external_id}};
    for (const auto& [name, field] : fields)
        if (std::string e = optional_string(body, name, *field); !e.empty()) return e;
    if (blank(out.phone) && blank(out.parent_id))
        return "/phone: name the sender with \"phone\" (the parent's phone number) or \"parentId\" "
               "(their id on the channel, or the student's id)";
    if (std::string e = read_text(body, out.text); !e.empty()) return e;
    return read_at(body, now, out.at);
}

json reply_json(const PlannedReply& p) {
    json r{{"studentId", p.student_id}, {"eventId", p.event_id}, {"outcome", to_string(p.outcome)}};
    if (!p.mark.empty()) r["mark"] = p.mark;
    return r;
}

// Applies what a channel brought as the system: the sync service's answer, or nullopt with the
// error answered (`what` names it: "the reply was not recorded: ...").
std::optional<sync::PushResponse> apply_or_answer(OrganisationSync& sync, const std::vector<Mutation>& mutations,
                                                  const char* what, const httplib::Request& req, httplib::Response& res) {
    auto applied = sync.apply_as_system(mutations, kInboundClient);
    if (applied.response) return std::move(*applied.response);
    const int status = applied.error.code == "storage" ? 503 : 500;
    send_error(req, res, status, applied.error.code.empty() ? "internal" : applied.error.code,
               std::string(what) + " was not recorded: " + applied.error.message);
    return std::nullopt;
}

// Plans under the state lock, then applies as the system. Between the two another request may
// record something: the ids make that harmless. The same reply posted twice at once plans the
// same event ids, so the second apply is refused as "already recorded" and both answers agree.
// (A tutor's manual mark landing in that gap would stand beside the reply's mark; the window is
// one request long, and the marks' readers prefer the manual one.)
void receive(WorkbenchServer& server, const InboundReply& reply, const httplib::Request& req, httplib::Response& res) {
    OrganisationSync& sync = server.sync();
    InboundPlan plan = sync.with_state([&](const State& s) { return plan_inbound_reply(s, reply); });
    if (!plan.error.empty()) return send_error(req, res, 422, "unknown_sender", plan.error);
    std::vector<Mutation> mutations;
    for (const auto& p : plan.replies) mutations.insert(mutations.end(), p.mutations.begin(), p.mutations.end());
    if (!mutations.empty()) {
        auto applied = apply_or_answer(sync, mutations, "the reply", req, res);
        if (!applied) return;
        const auto& results = applied->results;
        for (size_t i = 0; i < results.size() && i < mutations.size(); ++i) {
            if (results[i].ok) continue;
            const std::string id = mutations[i].args.value("id", std::string());
            bool there = sync.with_state([&](const State& s) { return find_event(s, id) != nullptr; });
            if (!there)
                return send_error(req, res, 500, "internal",
                                  "recording " + id + " was refused: " + results[i].error.message);
        }
    }
    json replies = json::array();
    for (const auto& p : plan.replies) replies.push_back(reply_json(p));
    send_json(req, res, 200, {{"replies", replies}});
}

const char* const kUnauthorized =
    "unknown channel or wrong secret: a channel posts replies to /api/inbound/<channel id> with its "
    "inboundSecret in the X-Channel-Secret header";

// The channel's secret checked and its JSON body parsed, or false with the error answered.
bool channel_body(WorkbenchServer& server, const std::string& channel_id, const httplib::Request& req,
                  httplib::Response& res, json& body) {
    if (!req.has_header(kSecretHeader)) {
        send_error(req, res, 401, "unauthorized", "the X-Channel-Secret header is missing: send the channel's inboundSecret");
        return false;
    }
    // One answer for an unknown channel, a channel without inbound replies and a wrong secret:
    // whoever does not know a secret learns nothing about which channels exist.
    auto channel = server.channels().find(channel_id);
    if (!channel || !same_secret(req.get_header_value(kSecretHeader), channel->inbound_secret)) {
        send_error(req, res, 401, "unauthorized", kUnauthorized);
        return false;
    }
    body = json::parse(req.body, nullptr, false);
    if (body.is_discarded()) {
        send_error(req, res, 400, "bad_json", "the request body is not valid JSON");
        return false;
    }
    return true;
}

void post_inbound(WorkbenchServer& server, const std::string& channel_id, const httplib::Request& req,
                  httplib::Response& res) {
    json body;
    if (!channel_body(server, channel_id, req, res, body)) return;
    InboundReply reply;
    if (std::string e = read_inbound_body(body, channel_id, server.now_ms(), reply); !e.empty())
        return send_error(req, res, 400, "bad_request", e);
    receive(server, reply, req, res);
}

// The report a channel posted, or why not (a message naming the field).
std::string read_receipt_body(const json& body, const std::string& channel_id, TimeMs now, InboundReceipt& out) {
    if (!body.is_object())
        return "/: expected an object {\"messageId\", \"status\": \"delivered\" | \"read\" | \"failed\", \"at\"?, \"error\"?}";
    out.channel_id = channel_id;
    if (std::string e = optional_string(body, "messageId", out.message_id); !e.empty()) return e;
    if (blank(out.message_id)) return "/messageId: name the message (the id the channel was given as Idempotency-Key)";
    std::string status;
    if (std::string e = optional_string(body, "status", status); !e.empty()) return e;
    if (!from_string(status, out.status))
        return "/status: expected \"delivered\", \"read\" or \"failed\", got \"" + status + "\"";
    if (std::string e = optional_string(body, "error", out.error); !e.empty()) return e;
    return read_at(body, now, out.at);
}

int receipt_status_code(ReceiptRefusal why) { return why == ReceiptRefusal::UnknownMessage ? 404 : 409; }

const char* receipt_error_code(ReceiptRefusal why) {
    switch (why) {
    case ReceiptRefusal::UnknownMessage: return "unknown_message";
    case ReceiptRefusal::NotSent: return "not_sent";
    default: return "contradicts";
    }
}

void post_receipt(WorkbenchServer& server, const std::string& channel_id, const httplib::Request& req,
                  httplib::Response& res) {
    json body;
    if (!channel_body(server, channel_id, req, res, body)) return;
    InboundReceipt receipt;
    if (std::string e = read_receipt_body(body, channel_id, server.now_ms(), receipt); !e.empty())
        return send_error(req, res, 400, "bad_request", e);
    OrganisationSync& sync = server.sync();
    ReceiptPlan plan = sync.with_state([&](const State& s) { return plan_inbound_receipt(s, receipt); });
    if (plan.refusal != ReceiptRefusal::None)
        return send_error(req, res, receipt_status_code(plan.refusal), receipt_error_code(plan.refusal), plan.error);
    if (!plan.mutations.empty()) {
        auto applied = apply_or_answer(sync, plan.mutations, "the report", req, res);
        if (!applied) return;
        // A refusal is harmless when the same report, racing this one, recorded it first: planning
        // again then finds nothing missing. Anything else refused is a fault.
        for (const auto& r : applied->results) {
            if (r.ok) continue;
            ReceiptPlan again = sync.with_state([&](const State& s) { return plan_inbound_receipt(s, receipt); });
            if (!again.mutations.empty() || again.refusal != ReceiptRefusal::None)
                return send_error(req, res, 500, "internal", "recording the report was refused: " + r.error.message);
            break;
        }
    }
    json answer{{"messageId", receipt.message_id},
                {"state", sync.with_state([&](const State& s) { return std::string(to_string(s.messages.at(receipt.message_id).state)); })},
                {"recorded", plan.mutations.size()}};
    if (!plan.viewed_event_id.empty()) answer["viewedEventId"] = plan.viewed_event_id;
    send_json(req, res, 200, answer);
}

// The sender a simulated reply comes from: the student's parent's phone, else the student's id.
// "" when the user may not see the student (the same answer as for no such student).
std::string simulated_sender(WorkbenchServer& server, const std::string& user_id, const std::string& student_id,
                             InboundReply& reply) {
    return server.sync().with_state([&](const State& s) -> std::string {
        auto student = s.students.find(student_id);
        const std::string missing = "/studentId: no student " + student_id + " that you can see";
        if (student == s.students.end()) return missing;
        // Who owns the student's rows (their tutor), as sync decides it. RowOwners indexes the
        // whole state; a demo button can afford that.
        const sync::Scope scope = sync::scope_for(s, user_id);
        const sync::RowOwners owners(s);
        if (!scope.reads(owners.tutor_of_student(student_id))) return missing;
        if (!blank(student->second.parent_phone)) reply.phone = student->second.parent_phone;
        else reply.parent_id = student_id;
        return "";
    });
}

void post_simulate(WorkbenchServer& server, const std::string& channel_id, const httplib::Request& req,
                   httplib::Response& res) {
    auto account = signed_in_account(server.authenticator(), req, res, wall_clock_ms());
    if (!account) return;
    auto channel = server.channels().find(channel_id);
    if (!channel) return send_error(req, res, 404, "not_found", "no channel " + channel_id);
    if (channel->type != ChannelType::Simulated)
        return send_error(req, res, 400, "bad_request",
                          "channel " + channel_id + " is a " + channel_type_name(channel->type) +
                              " channel; only a simulated channel plays a parent's reply");
    auto body = json::parse(req.body, nullptr, false);
    if (body.is_discarded()) return send_error(req, res, 400, "bad_json", "the request body is not valid JSON");
    if (!body.is_object()) return send_error(req, res, 400, "bad_request", "/: expected an object {\"studentId\", \"text\", \"at\"?}");
    InboundReply reply;
    reply.channel_id = channel_id;
    std::string student_id;
    std::string error = optional_string(body, "studentId", student_id);
    if (error.empty() && blank(student_id)) error = "/studentId: name the student whose parent replies";
    if (error.empty()) error = read_text(body, reply.text);
    if (error.empty()) error = read_at(body, server.now_ms(), reply.at);
    if (!error.empty()) return send_error(req, res, 400, "bad_request", error);
    if (std::string e = simulated_sender(server, account->user_id, student_id, reply); !e.empty())
        return send_error(req, res, 404, "not_found", e);
    receive(server, reply, req, res);
}

}  // namespace

void add_inbound_routes(ApiRouter& router, WorkbenchServer& server) {
    WorkbenchServer* s = &server;
    router.add_prefix("POST", "/api/inbound/",
                      [s](const httplib::Request& req, httplib::Response& res, const std::string& rest) {
                          const size_t slash = rest.find('/');
                          if (slash == std::string::npos) return post_inbound(*s, rest, req, res);
                          if (rest.compare(slash, std::string::npos, kSimulateSuffix) == 0 && slash > 0)
                              return post_simulate(*s, rest.substr(0, slash), req, res);
                          if (rest.compare(slash, std::string::npos, kReceiptSuffix) == 0 && slash > 0)
                              return post_receipt(*s, rest.substr(0, slash), req, res);
                          send_error(req, res, 404, "not_found", "no API endpoint " + req.method + " " + req.path);
                      });
}

}  // namespace wb::server
