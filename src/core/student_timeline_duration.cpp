// parse_call_duration: a call's length as a tutor types it into the profile's "log a call" form.
#include "core/student_timeline.h"

#include <cmath>
#include <cstdlib>

namespace wb {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Removes ASCII spaces and the ideographic space, and reads the full-width colon as ':'.
std::string normalise(std::string_view text)
{
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ' ' || text[i] == '\t') continue;
        if (text.compare(i, 3, "\xE3\x80\x80") == 0) { i += 2; continue; }  // U+3000
        if (text.compare(i, 3, "\xEF\xBC\x9A") == 0) { out += ':'; i += 2; continue; }  // U+FF1A
        out += text[i];
    }
    return out;
}

// Seconds per unit, or 0 when the unit is not one we know.
int unit_seconds(const std::string& unit)
{
    for (const char* u : {"h", "hr", "小时", "时"}) if (unit == u) return 3600;
    for (const char* u : {"m", "min", "分", "分钟"}) if (unit == u) return 60;
    for (const char* u : {"s", "sec", "秒", "秒钟"}) if (unit == u) return 1;
    return 0;
}

DurationInput fail(const char* key, std::map<std::string, std::string> values = {})
{
    DurationInput d;
    d.error = Phrase{key, std::move(values)};
    return d;
}

DurationInput within_limit(double seconds)
{
    if (seconds > kMaxCallSeconds) return fail("call.duration.too_long", {{"hours", std::to_string(kMaxCallSeconds / 3600)}});
    DurationInput d;
    d.seconds = static_cast<int>(std::lround(seconds));
    return d;
}

}  // namespace

DurationInput parse_call_duration(std::string_view text)
{
    const std::string s = normalise(text);
    if (s.empty()) return fail("call.duration.empty");
    const std::map<std::string, std::string> shown{{"text", std::string(text)}};

    // "m:ss" (or "h:mm:ss"): whole numbers, the parts after the first below 60.
    if (s.find(':') != std::string::npos) {
        std::vector<long> parts;
        size_t i = 0;
        while (i <= s.size()) {
            size_t j = i;
            while (j < s.size() && is_digit(s[j])) ++j;
            if (j == i || j - i > 6) return fail("call.duration.invalid", shown);
            parts.push_back(std::strtol(s.substr(i, j - i).c_str(), nullptr, 10));
            if (j == s.size()) break;
            if (s[j] != ':') return fail("call.duration.invalid", shown);
            i = j + 1;
        }
        if (parts.size() > 3) return fail("call.duration.invalid", shown);
        for (size_t k = 1; k < parts.size(); ++k)
            if (parts[k] >= 60) return fail("call.duration.seconds_range", shown);
        double total = 0;
        for (long p : parts) total = total * 60 + p;
        return within_limit(total);
    }

    // A sequence of <number><unit>. A number without a unit is minutes when alone, else the
    // unit below the one before it ("5分30" = 5 min 30 s).
    double total = 0;
    int previous = 0;
    size_t i = 0;
    while (i < s.size()) {
        size_t j = i;
        while (j < s.size() && (is_digit(s[j]) || s[j] == '.')) ++j;
        if (j == i || j - i > 8) return fail("call.duration.invalid", shown);
        char* end = nullptr;
        const std::string number = s.substr(i, j - i);
        double value = std::strtod(number.c_str(), &end);
        if (end != number.c_str() + number.size()) return fail("call.duration.invalid", shown);
        size_t k = j;
        while (k < s.size() && !is_digit(s[k])) ++k;
        const std::string unit = s.substr(j, k - j);
        int per = !unit.empty() ? unit_seconds(unit) : previous ? previous / 60 : 60;
        if (per == 0 || (previous && per >= previous)) return fail("call.duration.invalid", shown);
        total += value * per;
        previous = per;
        i = k;
    }
    return within_limit(total);
}

}  // namespace wb
