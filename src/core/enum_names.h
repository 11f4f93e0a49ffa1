#pragma once
// String names for enums, used by JSON and the command-line tool. Each enum provides an
// overload `enum_names(E)` returning its names in declaration order.
#include <string>
#include <string_view>
#include <vector>

namespace wb {

template <class E>
const char* to_string(E value)
{
    const auto& names = enum_names(E{});
    auto i = static_cast<size_t>(value);
    return i < names.size() ? names[i] : "?";
}

template <class E>
bool from_string(std::string_view text, E& out)
{
    const auto& names = enum_names(E{});
    for (size_t i = 0; i < names.size(); ++i) {
        if (text == names[i]) {
            out = static_cast<E>(i);
            return true;
        }
    }
    return false;
}

// "a, b, c": for error messages that list the allowed values.
template <class E>
std::string joined_names(E)
{
    std::string out;
    for (const char* name : enum_names(E{})) {
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

}  // namespace wb
