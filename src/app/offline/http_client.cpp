#include "offline/http_client.h"

#include "js_reply.h"

#include <utility>

namespace wb::app {

std::string HttpAnswer::error_code() const {
    if (json.is_object() && json.contains("error") && json["error"].is_object()) {
        const auto& e = json["error"];
        if (e.contains("code") && e["code"].is_string()) return e["code"].get<std::string>();
    }
    return "";
}

std::string HttpAnswer::error_message() const {
    if (json.is_object() && json.contains("error") && json["error"].is_object()) {
        const auto& e = json["error"];
        if (e.contains("message") && e["message"].is_string()) return e["message"].get<std::string>();
    }
    return text.size() > 200 ? text.substr(0, 200) : text;
}

int send_request(const char* method, const std::string& path, const std::string& body,
                 const std::string& token, int timeout_ms, HttpDone done, bool redraw) {
    const int id = js::expect_answer([done = std::move(done)](int status, std::string text) {
        HttpAnswer answer;
        if (status > 0) {
            answer.kind = HttpAnswer::Kind::Response;
            answer.status = status;
            answer.json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
            if (answer.json.is_discarded()) answer.json = nullptr;
        } else {
            answer.kind = status == -1 ? HttpAnswer::Kind::Aborted
                        : status == -2 ? HttpAnswer::Kind::Timeout
                                       : HttpAnswer::Kind::NetworkError;
        }
        answer.text = std::move(text);
        done(std::move(answer));
    }, redraw);
    wb_js_fetch(id, method, path.c_str(), body.empty() ? nullptr : body.c_str(), token.c_str(), timeout_ms);
    return id;
}

void abort_request(int handle) { wb_js_fetch_abort(handle); }

}  // namespace wb::app
