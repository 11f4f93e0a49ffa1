#pragma once
// A time zone by IANA name, with UTC <-> local conversion across daylight-saving changes.
//
// The rules come from a table built at build time from tzdata (src/core/tz_rules_gen.py): each
// zone's *current* POSIX TZ rule, evaluated by Howard Hinnant's date/ptz.h. Historic rule
// changes are not modelled.
//
// Local times that do not exist or exist twice are resolved by one rule (as java.time and
// RFC 5545 do):
//  - in a spring-forward gap, the time is read with the offset before the gap, so it moves
//    forward by the gap's length (New York 02:30 on the March change -> 03:30 EDT);
//  - in a fall-back overlap, the earlier of the two instants is taken (01:30 EDT, not EST).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace Posix { class time_zone; }

namespace wb {

struct LocalDateTime {
    int year = 1970;
    int month = 1;   // 1..12
    int day = 1;     // 1..31
    int hour = 0;
    int minute = 0;
    int second = 0;
    int weekday = 4;  // 0 = Sunday; filled by TimeZone::to_local
    int minute_of_day() const { return hour * 60 + minute; }
};

class TimeZone {
public:
    // UTC, always available.
    TimeZone();
    // Looks up an IANA name ("Asia/Shanghai"); on failure returns false and sets `error`.
    static bool find(std::string_view iana_name, TimeZone& out, std::string& error);
    // Every name find() accepts, sorted ("UTC" included): for pickers.
    static std::vector<std::string> names();

    const std::string& name() const { return name_; }
    const std::string& posix_rule() const { return rule_; }

    LocalDateTime to_local(TimeMs utc) const;
    TimeMs to_utc(const LocalDateTime& local) const;
    // UTC offset in minutes at an instant (Shanghai: +480).
    int offset_minutes(TimeMs utc) const;

    // The instant at `minute_of_day` local time, `day_shift` local calendar days after the day
    // of `anchor` ("2 days before at 19:00" = local_day_at(start, -2, 19 * 60)).
    TimeMs local_day_at(TimeMs anchor, int day_shift, int minute_of_day) const;

private:
    std::string name_ = "UTC";
    std::string rule_ = "UTC0";
    std::shared_ptr<const Posix::time_zone> zone_;
};

// Civil-calendar helpers (proleptic Gregorian, UTC).
int64_t days_from_civil(int year, int month, int day);
// "2026-03-08T07:00:00Z" style for tests and the command-line tool.
std::string format_utc(TimeMs utc);
std::string format_local(const LocalDateTime& t);  // "2026-03-07 19:00"

}  // namespace wb
