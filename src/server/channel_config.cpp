#include "server/channel_config.h"

#include <cctype>
#include <fstream>

namespace wb::server {

using nlohmann::json;

namespace {

struct TypeName {
    ChannelType type;
    const char* name;
};
constexpr TypeName kTypes[] = {{ChannelType::Webhook, "webhook"}, {ChannelType::DingTalk, "dingtalk"},
                               {ChannelType::WeCom, "wecom"},     {ChannelType::Sms, "sms"},
                               {ChannelType::Simulated, "simulated"}};

bool all_digits(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

// "21:30" -> 1290; -1 when malformed.
int parse_minute_of_day(const std::string& s) {
    auto colon = s.find(':');
    if (colon == std::string::npos) return -1;
    std::string h = s.substr(0, colon), m = s.substr(colon + 1);
    if (!all_digits(h) || !all_digits(m) || h.size() > 2 || m.size() != 2) return -1;
    int hour = std::stoi(h), minute = std::stoi(m);
    if (hour > 23 || minute > 59) return -1;
    return hour * 60 + minute;
}

// Reads optional fields of one JSON object, remembering the first wrong one.
class FieldReader {
public:
    FieldReader(const json& j, std::string prefix) : j_(j), prefix_(std::move(prefix)) {}
    const std::string& error() const { return error_; }

    void string(const char* name, std::string& out) {
        if (!present(name)) return;
        if (!j_[name].is_string()) return fail(name, "must be a string");
        out = j_[name].get<std::string>();
    }
    void integer(const char* name, int& out, long long min, long long max) {
        if (!present(name)) return;
        if (!j_[name].is_number_integer()) return fail(name, "must be a whole number");
        long long v = j_[name].get<long long>();
        if (v < min || v > max)
            return fail(name, "must be between " + std::to_string(min) + " and " + std::to_string(max));
        out = static_cast<int>(v);
    }
    void milliseconds(const char* name, TimeMs& out, long long min, long long max) {
        int v = static_cast<int>(out);
        integer(name, v, min, max);
        out = v;
    }
    void boolean(const char* name, bool& out) {
        if (!present(name)) return;
        if (!j_[name].is_boolean()) return fail(name, "must be true or false");
        out = j_[name].get<bool>();
    }
    void minute_of_day(const char* name, int& out) {
        std::string s;
        string(name, s);
        if (s.empty() || !error_.empty()) return;
        int m = parse_minute_of_day(s);
        if (m < 0) return fail(name, "must be a local time like \"21:30\"");
        out = m;
    }
    bool present(const char* name) const { return error_.empty() && j_.contains(name) && !j_[name].is_null(); }
    void fail(const char* name, const std::string& what) {
        if (error_.empty()) error_ = "\"" + prefix_ + name + "\" " + what;
    }

private:
    const json& j_;
    std::string prefix_;
    std::string error_;
};

std::string read_type(const json& j, ChannelType& out) {
    if (!j.contains("type") || !j["type"].is_string())
        return "\"type\" is missing: use one of webhook, dingtalk, wecom, sms, simulated";
    std::string name = j["type"].get<std::string>();
    for (const auto& t : kTypes)
        if (name == t.name) {
            out = t.type;
            return {};
        }
    return "unknown channel type \"" + name + "\": use one of webhook, dingtalk, wecom, sms, simulated";
}

std::string read_rules(const json& j, ChannelConfig& c) {
    FieldReader f(j, "");
    f.integer("quotaPerRecipientPerDay", c.rules.max_sends_per_recipient_per_day, 0, 1000);
    if (f.present("quietHours")) {
        if (!j["quietHours"].is_object())
            return "\"quietHours\" must be an object like {\"from\": \"21:30\", \"to\": \"08:00\"}";
        const json& quiet = j["quietHours"];
        if (!quiet.contains("from") || !quiet.contains("to"))
            return "\"quietHours\" needs both \"from\" and \"to\", like {\"from\": \"21:30\", \"to\": \"08:00\"}";
        FieldReader q(quiet, "quietHours.");
        QuietHours hours;
        q.minute_of_day("from", hours.start_minute);
        q.minute_of_day("to", hours.end_minute);
        if (!q.error().empty()) return q.error();
        c.rules.quiet_hours = hours;
    }
    if (f.present("quietHoursExemptKinds")) {
        const auto& kinds = j["quietHoursExemptKinds"];
        if (!kinds.is_array()) return "\"quietHoursExemptKinds\" must be a list of message kinds";
        for (const auto& k : kinds) {
            MessageKind kind;
            if (!k.is_string() || !from_string(k.get<std::string>(), kind))
                return "\"quietHoursExemptKinds\" lists message kinds: " + joined_names(MessageKind{});
            c.rules.kinds_exempt_from_quiet_hours.push_back(kind);
        }
    }
    if (f.present("retry")) {
        if (!j["retry"].is_object()) return "\"retry\" must be an object";
        FieldReader r(j["retry"], "retry.");
        r.milliseconds("firstDelayMs", c.rules.retry.first_delay_ms, 0, 24LL * 3600 * 1000);
        r.milliseconds("maxDelayMs", c.rules.retry.max_delay_ms, 0, 7LL * 24 * 3600 * 1000);
        r.integer("maxAttempts", c.rules.retry.max_attempts, 1, 100);
        if (!r.error().empty()) return r.error();
    }
    return f.error();
}

}  // namespace

const char* channel_type_name(ChannelType t) {
    for (const auto& n : kTypes)
        if (n.type == t) return n.name;
    return "simulated";
}

HttpEndpointParse parse_http_url(const std::string& url) {
    HttpEndpointParse out;
    // https needs cpp-httplib's OpenSSL support, which Debian's build has (its pkg-config Cflags
    // define CPPHTTPLIB_OPENSSL_SUPPORT); certificates are checked against the system's CAs.
    const std::string http = url.rfind("https://", 0) == 0 ? "https://" : "http://";
    if (url.rfind(http, 0) != 0) {
        out.error = "the URL \"" + url + "\" must start with http:// or https://";
        return out;
    }
    auto rest_at = url.find_first_of("/?#", http.size());
    auto authority_end = rest_at == std::string::npos ? url.size() : rest_at;
    std::string authority = url.substr(http.size(), authority_end - http.size());
    std::string rest = rest_at == std::string::npos ? "" : url.substr(rest_at);
    if (auto hash = rest.find('#'); hash != std::string::npos) rest.resize(hash);
    std::string host = authority;
    if (auto colon = authority.rfind(':'); colon != std::string::npos && authority.find(']') == std::string::npos) {
        host = authority.substr(0, colon);
        std::string port = authority.substr(colon + 1);
        if (!all_digits(port) || port.size() > 5 || std::stoi(port) < 1 || std::stoi(port) > 65535) {
            out.error = "the URL \"" + url + "\" has a bad port \"" + port + "\"";
            return out;
        }
    }
    if (host.empty() || authority.find('@') != std::string::npos) {
        out.error = "the URL \"" + url + "\" has no host (expected http://host[:port]/path)";
        return out;
    }
    if (rest.empty() || rest[0] == '?') rest = "/" + rest;
    out.endpoint = HttpEndpoint{http + authority, rest};
    return out;
}

std::string validate_channel_config(const ChannelConfig& c) {
    if (c.id.empty()) return "\"id\" is missing: give the channel a name unique in the organisation";
    const std::string where = "channel \"" + c.id + "\": ";
    if (c.type == ChannelType::Simulated) return {};
    if (c.url.empty()) return where + "\"url\" is missing: paste the " + channel_type_name(c.type) + " webhook address";
    auto url = parse_http_url(c.url);
    if (!url.endpoint) return where + url.error;
    if (c.connect_timeout_ms < 1 || c.read_timeout_ms < 1) return where + "timeouts must be at least 1 ms";
    if (!c.ca_cert_file.empty() && !std::ifstream(c.ca_cert_file))
        return where + "\"caCertFile\" " + c.ca_cert_file + " cannot be read: give the path of a PEM file on the server";
    switch (c.type) {
        case ChannelType::DingTalk:
            if (c.url.find("access_token=") == std::string::npos)
                return where + "the DingTalk robot URL has no access_token=...: copy the whole webhook address";
            if (!c.secret.empty() && c.secret.rfind("SEC", 0) != 0)
                return where +
                       "a DingTalk signing secret starts with \"SEC\": copy it from the robot's security settings";
            break;
        case ChannelType::WeCom:
            if (c.key.empty() && c.url.find("key=") == std::string::npos)
                return where + "the WeCom robot needs its key: set \"key\" or use the webhook address with ?key=...";
            break;
        case ChannelType::Sms:
            if (c.key.empty()) return where + "\"key\" (the SMS gateway's bearer token) is missing";
            break;
        default: break;
    }
    return {};
}

ChannelConfigParse parse_channel_config(const json& j) {
    ChannelConfigParse out;
    if (!j.is_object()) {
        out.error = "a channel configuration must be a JSON object";
        return out;
    }
    ChannelConfig c;
    if (auto e = read_type(j, c.type); !e.empty()) {
        out.error = e;
        return out;
    }
    if (c.type == ChannelType::WeCom) c.rules.max_sends_per_recipient_per_day = 1;
    FieldReader f(j, "");
    f.string("id", c.id);
    f.string("url", c.url);
    f.string("secret", c.secret);
    f.string("key", c.key);
    f.string("inboundSecret", c.inbound_secret);
    f.string("caCertFile", c.ca_cert_file);
    f.boolean("enabled", c.enabled);
    f.integer("connectTimeoutMs", c.connect_timeout_ms, 1, 120000);
    f.integer("readTimeoutMs", c.read_timeout_ms, 1, 120000);
    std::string e = f.error();
    if (e.empty()) e = read_rules(j, c);
    if (e.empty()) e = validate_channel_config(c);
    if (!e.empty()) {
        out.error = e;
        return out;
    }
    out.config = std::move(c);
    return out;
}

}  // namespace wb::server
