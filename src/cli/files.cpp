#include "cli/files.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "core/dataset_replay.h"

namespace wb::cli {

bool read_file(const std::string& path, std::string& out, std::string& error)
{
    if (path == "-") {
        std::stringstream ss;
        ss << std::cin.rdbuf();
        out = ss.str();
        return true;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read " + path;
        return false;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

bool write_output(const std::string& path, const std::string& text, std::string& error)
{
    if (path.empty() || path == "-") {
        std::cout << text;
        return bool(std::cout);
    }
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) error = "cannot write " + path;
    return bool(out);
}

bool load_dataset(const std::string& path, State& out, std::string& error)
{
    std::string text;
    if (path.empty()) {
        error = "--data FILE is required (a dataset JSON, e.g. from `workbench-cli demo`)";
        return false;
    }
    if (!read_file(path, text, error)) return false;
    auto j = Json::parse(text, nullptr, false);
    if (j.is_discarded()) {
        error = path + " is not valid JSON";
        return false;
    }
    auto imported = import_dataset(j);
    if (!imported.error.empty()) {
        error = path + ": " + imported.error;
        return false;
    }
    out = std::move(imported.state);
    return true;
}

int bad_input(const std::string& message)
{
    std::cerr << "workbench-cli: " << message << "\n";
    return kBadInput;
}

}  // namespace wb::cli
