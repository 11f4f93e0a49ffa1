#include "channel_receiver.h"

#include <chrono>
#include <stdexcept>

namespace wb::test {

std::string ReceivedRequest::header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

ChannelReceiver::ChannelReceiver() {
    server_.Post(".*", [this](const httplib::Request& req, httplib::Response& res) {
        int status, delay;
        std::string body;
        {
            std::lock_guard lock(mutex_);
            requests_.push_back({req.method, req.path, req.target, req.params, req.headers, req.body});
            status = status_;
            body = body_;
            delay = delay_ms_;
        }
        if (delay > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay));
        res.status = status;
        res.set_content(body, "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("the test receiver cannot bind a port");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

ChannelReceiver::~ChannelReceiver() { stop(); }

void ChannelReceiver::stop() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
}

std::string ChannelReceiver::url(const std::string& path_and_query) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path_and_query;
}

void ChannelReceiver::answer(int status, const std::string& body, int delay_ms) {
    std::lock_guard lock(mutex_);
    status_ = status;
    body_ = body;
    delay_ms_ = delay_ms;
}

std::vector<ReceivedRequest> ChannelReceiver::requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
}

}  // namespace wb::test
