#include "server/http_responses.h"

#include <memory>

#include "server/content_coding.h"

namespace wb::server {

namespace {
constexpr size_t kCompressFromBytes = 1024;  // below this, headers cost more than they save
}

void send_bytes(httplib::Response& res, std::string body, const std::string& content_type) {
    if (body.empty()) {
        res.set_content("", content_type.c_str());
        return;
    }
    auto shared = std::make_shared<std::string>(std::move(body));
    res.set_content_provider(
        shared->size(), content_type.c_str(),
        [shared](size_t offset, size_t length, httplib::DataSink& sink) {
            sink.write(shared->data() + offset, length);
            return true;
        });
}

void send_json(const httplib::Request& req, httplib::Response& res, int status,
               const nlohmann::json& body) {
    std::string text = body.dump();
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_header("Vary", "Accept-Encoding");
    if (text.size() >= kCompressFromBytes) {
        auto coding = choose_coding(req.get_header_value("Accept-Encoding"), {true, true});
        if (coding == ContentCoding::Brotli) text = brotli_compress(text);
        if (coding == ContentCoding::Gzip) text = gzip_compress(text);
        if (coding != ContentCoding::Identity) res.set_header("Content-Encoding", coding_token(coding));
    }
    send_bytes(res, std::move(text), "application/json; charset=utf-8");
}

void send_error(const httplib::Request& req, httplib::Response& res, int status,
                const std::string& code, const std::string& message) {
    send_json(req, res, status, {{"error", {{"code", code}, {"message", message}}}});
}

std::string error_code_for_status(int status) {
    switch (status) {
        case 400: return "bad_request";
        case 401: return "unauthorized";
        case 403: return "forbidden";
        case 404: return "not_found";
        case 405: return "method_not_allowed";
        case 409: return "conflict";
        case 413: return "payload_too_large";
        case 414: return "uri_too_long";
        case 416: return "range_not_satisfiable";
        case 422: return "unprocessable";
        case 429: return "too_many_requests";
        case 503: return "unavailable";
        default: break;
    }
    return status >= 500 ? "internal" : "bad_request";
}

}  // namespace wb::server
