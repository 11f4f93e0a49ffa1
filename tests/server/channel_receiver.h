#pragma once
// A local HTTP receiver for channel tests: records every request and answers with a status and
// body the test chooses, optionally after a delay (to run past a client's read timeout).
#include <httplib.h>

#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace wb::test {

struct ReceivedRequest {
    std::string method;
    std::string path;    // without the query
    std::string target;  // path and query exactly as sent
    httplib::Params params;
    httplib::Headers headers;
    std::string body;
    std::string header(const std::string& name) const;
};

class ChannelReceiver {
public:
    ChannelReceiver();
    ~ChannelReceiver();
    ChannelReceiver(const ChannelReceiver&) = delete;
    ChannelReceiver& operator=(const ChannelReceiver&) = delete;

    int port() const { return port_; }
    std::string url(const std::string& path_and_query) const;  // "http://127.0.0.1:<port>" + path
    void answer(int status, const std::string& body, int delay_ms = 0);
    std::vector<ReceivedRequest> requests() const;
    void stop();

private:
    httplib::Server server_;
    std::thread thread_;
    int port_ = 0;
    mutable std::mutex mutex_;
    std::vector<ReceivedRequest> requests_;
    int status_ = 200;
    std::string body_ = "{}";
    int delay_ms_ = 0;
};

}  // namespace wb::test
