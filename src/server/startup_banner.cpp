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
               ")" + (demo.seeded_now ? " — demo data seeded now" : "") + "\n";
    }
    out += "  sign-in: arrives with accounts; the workbench opens without signing in for now\n";
    out += "  open " + server.url() + "/ in a browser\n";
    return out;
}

}  // namespace wb::server
