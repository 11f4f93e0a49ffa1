#include "server/api_routes.h"

namespace wb::server {

void add_api_routes(ApiRouter& router, WorkbenchServer& server) {
    add_health_routes(router, server);
    add_auth_routes(router, server);
    add_sync_routes(router, server);
    add_channel_routes(router, server);
    add_inbound_routes(router, server);
    add_test_clock_routes(router, server);
}

}  // namespace wb::server
