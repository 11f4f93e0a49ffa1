#include "server/api_routes.h"

namespace wb::server {

// POST /api/inbound/<channel id> and POST /api/channels/<id>/simulate-reply: not built yet.
void add_inbound_routes(ApiRouter&, WorkbenchServer&) {}

}  // namespace wb::server
