#include "server/startup_banner.h"

#include "server/server.h"
#include "store/open_store.h"

namespace wb::server {

std::string startup_banner(WorkbenchServer& server) {
    const ServerOptions& o = server.options();
    std::string out;
    out += "workbench-server " WB_VERSION "\n";
    out += "  site:  " + o.site_dir + "\n";
    out += "  store: " + server.store().kind() + " (" + server.store().location() + ")\n";
    const DemoSeed& demo = server.demo();
    if (demo.organisation) {
        out += "  organisation: " + demo.organisation->name + " (" + demo.organisation->time_zone +
               ")" + (demo.seeded_now ? " — demo data seeded now (" + std::to_string(demo.student_count) +
                              " students in " + std::to_string(demo.seed_ms) + " ms)"
                                      : "") + "\n";
    }
    if (!demo.new_credentials.empty()) {
        out += "  sign in with one of these demo accounts (passwords shown only now):\n";
        for (const auto& c : demo.new_credentials) {
            std::string login = c.login + std::string(10 > c.login.size() ? 10 - c.login.size() : 1, ' ');
            out += "    " + login + "password " + c.password + "   " + c.name + " (" +
                   store::role_name(c.role) + ")\n";
        }
    } else if (demo.account_count > 0) {
        out += "  sign in with your account (" + std::to_string(demo.account_count) +
               " accounts); demo passwords were printed when they were made —\n"
               "  restart with --reset-demo-passwords to get new ones\n";
    }
    out += "  open " + server.url() + "/ in a browser\n";
    return out;
}

}  // namespace wb::server
