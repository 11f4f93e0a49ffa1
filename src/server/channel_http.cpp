#include "server/channel_http.h"

#include <chrono>

namespace wb::server {

namespace {

std::string describe_transport_error(httplib::Error e, const ChannelConfig& c, const HttpEndpoint& at) {
    switch (e) {
        case httplib::Error::Connection:
            return "cannot connect to " + at.scheme_host_port + ": is the receiver running and the URL right?";
        case httplib::Error::ConnectionTimeout:
            return "no connection to " + at.scheme_host_port + " within " + std::to_string(c.connect_timeout_ms) + " ms";
        case httplib::Error::Read:
            return "no answer from " + at.scheme_host_port + " within " + std::to_string(c.read_timeout_ms) + " ms";
        case httplib::Error::Write:
            return "the connection to " + at.scheme_host_port + " broke while sending";
        case httplib::Error::SSLServerVerification:
            return "the certificate of " + at.scheme_host_port + " is not trusted" +
                   (c.ca_cert_file.empty() ? std::string(": is it signed by a public CA? For a company CA set \"caCertFile\"")
                                           : " by the CA in " + c.ca_cert_file);
        case httplib::Error::SSLConnection:
            return "no TLS connection to " + at.scheme_host_port + " (does it speak https on that port?)";
        default:
            return "sending to " + at.scheme_host_port + " failed: " + httplib::to_string(e);
    }
}

DeliveryResult from_status(int status, const std::string& body) {
    DeliveryResult r;
    r.http_status = status;
    if (status >= 200 && status < 300) {
        r.outcome = DeliveryOutcome::Sent;
        return r;
    }
    std::string said = body.substr(0, 200);
    std::string tail = said.empty() ? "" : " (" + said + ")";
    if (status >= 500 || status == 408 || status == 425 || status == 429) {
        r.outcome = DeliveryOutcome::Retryable;
        r.error = "the receiver answered HTTP " + std::to_string(status) + tail + "; will try again";
    } else if (status >= 300 && status < 400) {
        r.outcome = DeliveryOutcome::Permanent;
        r.error = "the receiver redirects (HTTP " + std::to_string(status) +
                  "): put the final address in the channel's URL";
    } else if (status == 401 || status == 403) {
        r.outcome = DeliveryOutcome::Permanent;
        r.error = "the receiver refused the credentials (HTTP " + std::to_string(status) + ")" + tail +
                  ": check the channel's key or secret";
    } else {
        r.outcome = DeliveryOutcome::Permanent;
        r.error = "the receiver rejected the message (HTTP " + std::to_string(status) + ")" + tail +
                  ": check the channel's URL and settings";
    }
    return r;
}

}  // namespace

std::string with_query_param(const std::string& url, const std::string& name, const std::string& value) {
    char joint = url.find('?') == std::string::npos ? '?' : '&';
    return url + joint + name + "=" + value;
}

HttpExchange post_json(const ChannelConfig& config, const std::string& url, const std::string& idempotency_key,
                       const std::string& json_body, const httplib::Headers& extra_headers) {
    HttpExchange out;
    auto parsed = parse_http_url(url);
    if (!parsed.endpoint) {
        out.result = {DeliveryOutcome::Permanent, 0, "channel \"" + config.id + "\": " + parsed.error};
        return out;
    }
    const HttpEndpoint& at = *parsed.endpoint;
    httplib::Client cli(at.scheme_host_port);
    if (!config.ca_cert_file.empty()) cli.set_ca_cert_path(config.ca_cert_file);
    cli.set_keep_alive(false);
    cli.set_url_encode(false);  // the adapters encode their query values themselves
    cli.set_connection_timeout(config.connect_timeout_ms / 1000, (config.connect_timeout_ms % 1000) * 1000);
    cli.set_read_timeout(std::chrono::milliseconds(config.read_timeout_ms));
    cli.set_write_timeout(std::chrono::milliseconds(config.read_timeout_ms));
    httplib::Headers headers = extra_headers;
    headers.emplace("Idempotency-Key", idempotency_key);
    auto res = cli.Post(at.path_and_query.c_str(), headers, json_body, "application/json; charset=utf-8");
    if (!res && res.error() == httplib::Error::SSLServerVerification) {  // trying again will not help
        out.result = {DeliveryOutcome::Permanent, 0,
                      "channel \"" + config.id + "\": " + describe_transport_error(res.error(), config, at)};
        return out;
    }
    if (!res) {
        out.result = {DeliveryOutcome::Retryable, 0,
                      "channel \"" + config.id + "\": " + describe_transport_error(res.error(), config, at)};
        return out;
    }
    out.body = res->body;
    out.result = from_status(res->status, res->body);
    if (!out.result.error.empty()) out.result.error = "channel \"" + config.id + "\": " + out.result.error;
    return out;
}

}  // namespace wb::server
