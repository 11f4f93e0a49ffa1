#pragma once
// The subcommands of workbench-cli. Each returns the process exit code: 0 done, 2 bad input
// (with a message on stderr saying what to fix), 1 when a file cannot be written.
#include <string>
#include <vector>

namespace wb::cli {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kBadInput = 2;

int run_demo(const std::vector<std::string>& args);
int run_parse_reply(const std::vector<std::string>& args);
int run_validate_template(const std::vector<std::string>& args);
int run_metrics(const std::vector<std::string>& args);
int run_risk(const std::vector<std::string>& args);
int run_roster(const std::vector<std::string>& args);
int run_export(const std::vector<std::string>& args);
int run_import(const std::vector<std::string>& args);

// Help text of one subcommand ("" if unknown).
std::string command_help(const std::string& command);

}  // namespace wb::cli
