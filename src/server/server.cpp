#include "server/server.h"

#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <chrono>

#include "server/api_routes.h"
#include "server/api_router.h"
#include "server/authenticator.h"
#include "server/automation.h"
#include "server/channel_registry.h"
#include "server/data_directory.h"
#include "server/http_responses.h"
#include "server/organisation_sync.h"
#include "server/static_site.h"
#include "store/open_store.h"

namespace wb::server {

namespace {
constexpr size_t kMaxRequestBytes = 4 * 1024 * 1024;  // docs/api.md: "Limits"
// Request threads (docs/api.md: "Limits"). A long-polling pull holds its thread up to 25 s and
// an idle keep-alive connection up to 30 s, so httplib's default (8 here: the core count, at
// least 8) would let a few dozen browsers starve everyone else; idle threads cost only memory.
constexpr size_t kRequestThreads = 128;

// httplib's default sets SO_REUSEPORT, which lets a second server bind a port that is already
// in use; we want "port taken" to be an error, so only SO_REUSEADDR (quick restarts).
void listening_socket_options(int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

// The server may read the clock (the core may not): the demo's "now" is the start time.
std::int64_t utc_now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}
}  // namespace

Result<std::unique_ptr<WorkbenchServer>> WorkbenchServer::start(const ServerOptions& options) {
    std::unique_ptr<WorkbenchServer> server(new WorkbenchServer());
    server->options_ = options;

    auto site = StaticSite::open(options.site_dir);
    if (!site) return site.error();
    server->site_ = std::move(site).value();

    if (auto prepared = prepare_data_directory(options.data_dir); !prepared) return prepared.error();
    auto store = store::open_store(options.store_url, options.data_dir);
    if (!store) return store.error();
    server->store_ = std::move(store).value();

    auto sync = OrganisationSync::open(*server->store_);
    if (!sync) return sync.error();
    server->sync_ = std::move(sync).value();

    DemoSeedOptions seeding;
    seeding.cost = options.password_cost;
    seeding.now_ms = utc_now_ms();
    seeding.passwords = options.reset_demo_passwords ? DemoPasswords::Reset : DemoPasswords::KeepExisting;
    seeding.students_per_tutor = options.demo_students_per_tutor;
    seeding.lessons = options.demo_lessons;
    auto demo = seed_demo_if_empty(*server->store_, *server->sync_, seeding);
    if (!demo) return demo.error();
    server->demo_ = demo.value();
    auto channels = ChannelRegistry::open(*server->store_);
    if (!channels) return channels.error();
    server->channels_ = std::move(channels).value();
    if (server->demo_.seeded_now) {
        if (auto saved = server->channels_->save_if_unset(demo_channels()); !saved) return saved.error();
    }
    if (options.automation) {
        WorkbenchServer* self = server.get();
        server->automation_ = std::make_unique<ServerAutomation>(*server->store_, *server->sync_, *server->channels_,
                                                                 [self] { return self->now_ms(); });
    }
    server->auth_ = std::make_unique<Authenticator>(*server->store_, options.password_cost,
                                                    options.session_ttl_ms);

    server->install_routes();
    if (auto bound = server->bind(); !bound) return bound.error();
    httplib::Server* http = server->http_.get();
    server->serving_ = std::thread([http] { http->listen_after_bind(); });
    // httplib's stop() does nothing until the loop has marked itself running, so a stop right
    // after start would be lost; wait for that mark (it comes within microseconds).
    while (!http->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (server->automation_) server->automation_->start();
    return server;
}

WorkbenchServer::~WorkbenchServer() {
    stop();
}

void WorkbenchServer::stop() {
    if (automation_) automation_->stop();
    if (sync_) sync_->shutdown();  // waiting long-polls answer now, or stop() would wait for them
    if (http_) http_->stop();
    if (serving_.joinable()) serving_.join();
}

std::int64_t WorkbenchServer::now_ms() const {
    return utc_now_ms() + clock_offset_ms_.load();
}

void WorkbenchServer::advance_clock(std::int64_t ms) {
    clock_offset_ms_ += ms;
    if (automation_) automation_->wake();
}

std::string WorkbenchServer::url() const {
    const std::string& host = options_.host;
    bool ipv6 = host.find(':') != std::string::npos;
    return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port_);
}

Status WorkbenchServer::bind() {
    http_->set_socket_options(listening_socket_options);
    if (options_.port == 0) {
        int port = http_->bind_to_any_port(options_.host);
        if (port < 0) return fail("cannot listen on " + options_.host + ": no free port or bad address");
        port_ = port;
        return ok_status();
    }
    if (!http_->bind_to_port(options_.host, options_.port)) {
        return fail("cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                    ": the port is already in use or the address is not available "
                    "(choose another with --port, or --port 0 for a free one)");
    }
    port_ = options_.port;
    return ok_status();
}

void WorkbenchServer::install_routes() {
    http_ = std::make_unique<httplib::Server>();
    api_ = std::make_unique<ApiRouter>();
    add_api_routes(*api_, *this);

    http_->new_task_queue = [] { return new httplib::ThreadPool(kRequestThreads); };
    http_->set_payload_max_length(kMaxRequestBytes);
    http_->set_keep_alive_timeout(30);
    // Errors raised by httplib itself (bad request line, 413, ...) get the API's error shape;
    // responses our handlers already wrote are left alone.
    http_->set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request& req, httplib::Response& res) {
        if (res.has_header("Content-Type")) return httplib::Server::HandlerResponse::Unhandled;
        send_error(req, res, res.status, error_code_for_status(res.status),
                   "the request failed with HTTP status " + std::to_string(res.status));
        return httplib::Server::HandlerResponse::Handled;
    }));
    http_->set_exception_handler([](const httplib::Request& req, httplib::Response& res,
                                    std::exception_ptr error) {
        std::string what = "unexpected failure";
        try {
            if (error) std::rethrow_exception(error);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        send_error(req, res, 500, "internal", "the server failed: " + what);
    });

    ApiRouter* api = api_.get();
    auto dispatch = [api](const httplib::Request& req, httplib::Response& res) {
        api->dispatch(req, res);
    };
    const char* api_pattern = "/api(/.*)?";
    http_->Get(api_pattern, dispatch);
    http_->Post(api_pattern, dispatch);
    http_->Put(api_pattern, dispatch);
    http_->Patch(api_pattern, dispatch);
    http_->Delete(api_pattern, dispatch);
    http_->Options(api_pattern, dispatch);

    StaticSite* site = site_.get();
    http_->Get(".*", [site](const httplib::Request& req, httplib::Response& res) {
        site->serve(req, res);
    });
}

}  // namespace wb::server
