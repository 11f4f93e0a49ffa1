#include "server/api_routes.h"

namespace wb::server {

// GET/PUT /api/channels: not built yet.
void add_channel_routes(ApiRouter&, WorkbenchServer&) {}

}  // namespace wb::server
