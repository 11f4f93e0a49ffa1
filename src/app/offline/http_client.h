#pragma once
// HTTP to our own server through the page's fetch() (js/bridge.js): JSON in, JSON out, bearer
// token, a timeout, and the failure kinds the sync engine tells apart.
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

namespace wb::app {

struct HttpAnswer {
    enum class Kind { Response, NetworkError, Timeout, Aborted };
    Kind kind = Kind::Response;
    int status = 0;            // for Response
    std::string text;          // the body, or the browser's message
    nlohmann::json json;       // the body parsed when it is JSON (else null)

    bool ok() const { return kind == Kind::Response && status >= 200 && status < 300; }
    // The server's error shape {"error": {"code", "message"}} when there is one.
    std::string error_code() const;
    std::string error_message() const;
};

using HttpDone = std::function<void(HttpAnswer)>;

// Starts a request; returns a handle for abort_request. `body` empty means no body (GET).
// `redraw`: whether the answer wakes the page (see js::expect_answer).
int send_request(const char* method, const std::string& path, const std::string& body,
                 const std::string& token, int timeout_ms, HttpDone done, bool redraw = true);
void abort_request(int handle);

}  // namespace wb::app
