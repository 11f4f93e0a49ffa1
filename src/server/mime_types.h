#pragma once
#include <string>

namespace wb::server {

// The Content-Type for a file name, by extension (application/octet-stream when unknown).
std::string mime_type_for(const std::string& file_name);

}  // namespace wb::server
