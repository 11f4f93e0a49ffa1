#pragma once
// Command-line options: "--name value" pairs and positional arguments, nothing more.
#include <map>
#include <set>
#include <string>
#include <vector>

namespace wb::cli {

struct Options {
    std::vector<std::string> positional;
    std::map<std::string, std::string> named;  // without the leading "--"
    std::set<std::string> flags;               // options given without a value
    std::string error;

    bool has(const std::string& name) const { return named.count(name) || flags.count(name); }
    std::string get(const std::string& name, const std::string& fallback = "") const
    {
        auto it = named.find(name);
        return it == named.end() ? fallback : it->second;
    }
};

// `flag_names` take no value (e.g. "json", "help").
inline Options parse_options(const std::vector<std::string>& args, const std::set<std::string>& flag_names)
{
    Options o;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.rfind("--", 0) != 0 || a.size() == 2) {
            o.positional.push_back(a);
            continue;
        }
        std::string name = a.substr(2);
        if (flag_names.count(name)) {
            o.flags.insert(name);
        } else if (i + 1 < args.size()) {
            o.named[name] = args[++i];
        } else {
            o.error = "option --" + name + " needs a value";
        }
    }
    return o;
}

}  // namespace wb::cli
