#pragma once
#include <string>

namespace wb::server {

class WorkbenchServer;

// What the server prints on start: where the data lives, the demo organisation and how to sign
// in. Only facts that hold: no credentials unless they were just created and work.
std::string startup_banner(WorkbenchServer& server);

}  // namespace wb::server
