#pragma once
// File and stream helpers of the command-line tool (the core itself does no I/O).
#include <string>

#include "core/state.h"

namespace wb::cli {

bool read_file(const std::string& path, std::string& out, std::string& error);
// "-" or empty writes to stdout.
bool write_output(const std::string& path, const std::string& text, std::string& error);
// Reads and imports (validates by replay) a dataset JSON file.
bool load_dataset(const std::string& path, State& out, std::string& error);
int bad_input(const std::string& message);  // prints "workbench-cli: <message>" and returns 2

}  // namespace wb::cli
