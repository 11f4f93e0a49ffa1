#pragma once
// Registers every API endpoint (docs/api.md) on the router; each group lives in its own file.
namespace wb::server {

class ApiRouter;
class WorkbenchServer;

void add_api_routes(ApiRouter& router, WorkbenchServer& server);

void add_health_routes(ApiRouter& router, WorkbenchServer& server);  // api_health.cpp
void add_auth_routes(ApiRouter& router, WorkbenchServer& server);    // api_auth.cpp
void add_sync_routes(ApiRouter& router, WorkbenchServer& server);    // api_sync.cpp
void add_channel_routes(ApiRouter& router, WorkbenchServer& server); // api_channels.cpp
void add_inbound_routes(ApiRouter& router, WorkbenchServer& server); // api_inbound.cpp
void add_test_clock_routes(ApiRouter& router, WorkbenchServer& server); // api_test_clock.cpp

}  // namespace wb::server
