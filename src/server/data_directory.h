#pragma once
#include <string>

#include "store/result.h"

namespace wb::server {

// Creates the data directory if missing and proves it is writable by writing a probe file.
// The error says which path failed and why ("... is not a directory", "Permission denied").
Status prepare_data_directory(const std::string& dir);

}  // namespace wb::server
