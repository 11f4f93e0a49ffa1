#pragma once
// The workbench server as a library: main.cpp and the tests start it the same way.
//
//   auto server = WorkbenchServer::start(options);   // prepares data, store, site; binds the port
//   if (!server) { print server.message(); exit 1; }
//   server.value()->port();  ...  server.value()->stop();
//
// start() returns once the socket listens, so a client may connect right away; requests are
// served on a background thread pool until stop() (graceful: in-flight requests finish).
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "server/demo_seed.h"
#include "server/options.h"
#include "store/result.h"
#include "store/store.h"

namespace httplib { class Server; }

namespace wb::server {

class StaticSite;
class ApiRouter;
class Authenticator;
class OrganisationSync;
class ChannelRegistry;
class ServerAutomation;

class WorkbenchServer {
public:
    static Result<std::unique_ptr<WorkbenchServer>> start(const ServerOptions& options);
    ~WorkbenchServer();
    WorkbenchServer(const WorkbenchServer&) = delete;
    WorkbenchServer& operator=(const WorkbenchServer&) = delete;

    int port() const { return port_; }
    // http://HOST:PORT (IPv6 hosts in brackets).
    std::string url() const;
    const ServerOptions& options() const { return options_; }
    const DemoSeed& demo() const { return demo_; }
    store::Store& store() { return *store_; }
    Authenticator& authenticator() { return *auth_; }
    OrganisationSync& sync() { return *sync_; }
    ChannelRegistry& channels() { return *channels_; }

    // The server's wall clock in UTC milliseconds: what the scheduler, the delivery worker and
    // inbound replies take as "now". Tests started with --test-clock move it forward.
    std::int64_t now_ms() const;
    // Moves the clock forward and runs the scheduler and the delivery worker at once.
    void advance_clock(std::int64_t ms);
    // The scheduler and delivery worker (null with --no-automation).
    ServerAutomation* automation() { return automation_.get(); }

    // Stops accepting, wakes waiting long-polls (they answer at once), lets in-flight requests
    // finish, joins the serving thread. Idempotent.
    void stop();

private:
    WorkbenchServer() = default;
    Status bind();
    void install_routes();

    ServerOptions options_;
    int port_ = 0;
    DemoSeed demo_;
    std::unique_ptr<store::Store> store_;
    std::unique_ptr<OrganisationSync> sync_;  // after store_: it uses the store
    std::unique_ptr<ChannelRegistry> channels_;
    std::unique_ptr<ServerAutomation> automation_;  // after sync_ and channels_: it uses them
    std::unique_ptr<Authenticator> auth_;
    std::unique_ptr<StaticSite> site_;
    std::unique_ptr<ApiRouter> api_;
    std::unique_ptr<httplib::Server> http_;
    std::thread serving_;
    std::atomic<std::int64_t> clock_offset_ms_{0};
};

}  // namespace wb::server
