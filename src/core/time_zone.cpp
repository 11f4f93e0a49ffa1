#include "core/time_zone.h"

#include <algorithm>
#include <cstdio>

#include <date/ptz.h>

extern const char* const kTimeZoneRules;  // generated: "<IANA name>\t<POSIX rule>\n" lines

namespace wb {
namespace {

using Ms = std::chrono::milliseconds;
using Sec = std::chrono::seconds;

// Finds the rule for `name` in the embedded table (a few hundred short lines; a scan is fine).
bool find_rule(std::string_view name, std::string& rule)
{
    std::string_view table(kTimeZoneRules);
    while (!table.empty()) {
        auto eol = table.find('\n');
        auto line = table.substr(0, eol);
        auto tab = line.find('\t');
        if (tab != std::string_view::npos && line.substr(0, tab) == name) {
            rule = std::string(line.substr(tab + 1));
            return true;
        }
        if (eol == std::string_view::npos) break;
        table.remove_prefix(eol + 1);
    }
    return false;
}

}  // namespace

TimeZone::TimeZone() : zone_(std::make_shared<Posix::time_zone>("UTC0")) {}

bool TimeZone::find(std::string_view iana_name, TimeZone& out, std::string& error)
{
    std::string rule;
    if (iana_name == "UTC" || iana_name == "Etc/UTC") {
        out = TimeZone();
        return true;
    }
    if (!find_rule(iana_name, rule)) {
        error = "unknown time zone \"" + std::string(iana_name) + "\" (expected an IANA name such as Asia/Shanghai)";
        return false;
    }
    out.name_ = std::string(iana_name);
    out.rule_ = rule;
    out.zone_ = std::make_shared<Posix::time_zone>(rule);
    return true;
}

std::vector<std::string> TimeZone::names()
{
    std::vector<std::string> out{"UTC"};
    std::string_view table(kTimeZoneRules);
    while (!table.empty()) {
        auto eol = table.find('\n');
        auto line = table.substr(0, eol);
        auto tab = line.find('\t');
        if (tab != std::string_view::npos && line.substr(0, tab) != "UTC") out.emplace_back(line.substr(0, tab));
        if (eol == std::string_view::npos) break;
        table.remove_prefix(eol + 1);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

LocalDateTime TimeZone::to_local(TimeMs utc) const
{
    auto local = zone_->to_local(date::sys_time<Ms>(Ms(utc)));
    auto day = date::floor<date::days>(local);
    date::year_month_day ymd(day);
    date::hh_mm_ss<Ms> hms(local - day);
    LocalDateTime t;
    t.year = int(ymd.year());
    t.month = int(unsigned(ymd.month()));
    t.day = int(unsigned(ymd.day()));
    t.hour = int(hms.hours().count());
    t.minute = int(hms.minutes().count());
    t.second = int(hms.seconds().count());
    t.weekday = int(date::weekday(day).c_encoding());
    return t;
}

TimeMs TimeZone::to_utc(const LocalDateTime& t) const
{
    auto day = date::local_days(date::year{t.year} / t.month / t.day);
    auto local = day + std::chrono::hours(t.hour) + std::chrono::minutes(t.minute) + Sec(t.second);
    auto info = zone_->get_info(local);
    // Unique and ambiguous: the first (earlier) offset. Non-existent: the offset before the gap,
    // which moves the time forward by the gap (see time_zone.h).
    auto offset = info.first.offset;
    auto utc = local.time_since_epoch() - offset;
    return std::chrono::duration_cast<Ms>(utc).count();
}

int TimeZone::offset_minutes(TimeMs utc) const
{
    auto info = zone_->get_info(date::sys_time<Ms>(Ms(utc)));
    return int(info.offset.count() / 60);
}

TimeMs TimeZone::local_day_at(TimeMs anchor, int day_shift, int minute_of_day) const
{
    auto local = to_local(anchor);
    auto day = date::local_days(date::year{local.year} / local.month / local.day) + date::days(day_shift);
    date::year_month_day ymd(day);
    LocalDateTime target;
    target.year = int(ymd.year());
    target.month = int(unsigned(ymd.month()));
    target.day = int(unsigned(ymd.day()));
    target.hour = minute_of_day / 60;
    target.minute = minute_of_day % 60;
    return to_utc(target);
}

int64_t days_from_civil(int year, int month, int day)
{
    return date::sys_days(date::year{year} / month / day).time_since_epoch().count();
}

std::string format_utc(TimeMs utc)
{
    TimeZone z;
    auto t = z.to_local(utc);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day, t.hour,
                  t.minute, t.second);
    return buf;
}

std::string format_local(const LocalDateTime& t)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
    return buf;
}

}  // namespace wb
