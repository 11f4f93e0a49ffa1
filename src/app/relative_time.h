#pragma once
// "just now", "5 min ago", "3 h ago", "2 days ago" in the interface language.
#include <cstdint>
#include <string>

namespace wb::app {

std::string relative_time(std::int64_t utc_ms);

}  // namespace wb::app
