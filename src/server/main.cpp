// workbench-server: parses the command line, starts the server library, waits for SIGINT or
// SIGTERM, and stops gracefully. Everything else lives in wb_server (server.h).
#include <csignal>
#include <cstdio>
#include <iostream>
#include <pthread.h>

#include "server/options.h"
#include "server/server.h"
#include "server/startup_banner.h"

int main(int argc, char** argv) {
    auto parsed = wb::server::parse_command_line(argc, argv);
    if (!parsed) {
        std::cerr << "workbench-server: " << parsed.message() << "\n";
        return 2;
    }
    if (parsed->show_help) {
        std::cout << wb::server::usage_text();
        return 0;
    }

    // Block the stop signals in every thread (the server's threads inherit this mask) and wait
    // for them here, so shutdown runs on the main thread and not inside a signal handler.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    auto server = wb::server::WorkbenchServer::start(parsed->options);
    if (!server) {
        std::cerr << "workbench-server: " << server.message() << "\n";
        return 1;
    }
    std::cout << wb::server::startup_banner(*server.value());
    std::cout << "listening on " << server.value()->url() << std::endl;

    int received = 0;
    sigwait(&stop_signals, &received);
    std::cerr << "workbench-server: " << (received == SIGINT ? "SIGINT" : "SIGTERM")
              << " received, stopping\n";
    server.value()->stop();
    return 0;
}
