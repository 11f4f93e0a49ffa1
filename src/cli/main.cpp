// workbench-cli: the command-line face of the core. `workbench-cli --help` lists the
// subcommands; `workbench-cli help COMMAND` (or COMMAND --help) explains one.
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "cli/commands.h"

using namespace wb::cli;

namespace {

const std::vector<std::string> kOrder{"demo", "parse-reply", "validate-template", "metrics", "risk", "roster", "export", "import"};

int usage(std::ostream& out, int code)
{
    out << "workbench-cli: the workbench core on the command line. Times are UTC like 2026-04-15T04:00:00Z.\n"
           "Exit codes: 0 done, 2 bad input (the message says what to fix), 1 a file could not be written.\n\n";
    for (const auto& c : kOrder) out << command_help(c) << "\n";
    return code;
}

}  // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage(std::cerr, kBadInput);
    std::string command = args[0];
    args.erase(args.begin());
    if (command == "--help" || command == "-h") return usage(std::cout, kOk);
    if (command == "help") {
        if (args.empty()) return usage(std::cout, kOk);
        std::string text = command_help(args[0]);
        if (text.empty()) return usage(std::cerr, kBadInput);
        std::cout << text;
        return kOk;
    }
    static const std::map<std::string, std::function<int(const std::vector<std::string>&)>> commands{
        {"demo", run_demo}, {"parse-reply", run_parse_reply}, {"validate-template", run_validate_template},
        {"metrics", run_metrics}, {"risk", run_risk}, {"roster", run_roster}, {"export", run_export}, {"import", run_import}};
    auto it = commands.find(command);
    if (it == commands.end()) {
        std::cerr << "workbench-cli: unknown command \"" << command << "\"\n\n";
        return usage(std::cerr, kBadInput);
    }
    for (const auto& a : args) {
        if (a == "--help" || a == "-h") {
            std::cout << command_help(command);
            return kOk;
        }
    }
    return it->second(args);
}
