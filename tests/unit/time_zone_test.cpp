#include <doctest/doctest.h>

#include <algorithm>

#include "roster_fixture.h"

using namespace wb;
using namespace wb::test;

namespace {
TimeZone zone(const char* name)
{
    TimeZone z;
    std::string err;
    REQUIRE_MESSAGE(TimeZone::find(name, z, err), err);
    return z;
}
}  // namespace

TEST_CASE("Shanghai is UTC+8 all year")
{
    auto z = zone("Asia/Shanghai");
    CHECK(z.offset_minutes(utc_ms(2026, 1, 1, 0, 0)) == 480);
    CHECK(z.offset_minutes(utc_ms(2026, 7, 1, 0, 0)) == 480);
    auto t = z.to_local(utc_ms(2026, 3, 7, 6, 0));
    CHECK(format_local(t) == "2026-03-07 14:00");
    CHECK(t.weekday == 6);  // Saturday
    CHECK(z.to_utc(t) == utc_ms(2026, 3, 7, 6, 0));
}

TEST_CASE("New York across the March change (8 March 2026, 02:00 -> 03:00)")
{
    auto z = zone("America/New_York");
    CHECK(z.offset_minutes(utc_ms(2026, 3, 8, 6, 59)) == -300);
    CHECK(z.offset_minutes(utc_ms(2026, 3, 8, 7, 0)) == -240);
    // Lesson Monday 9 March 19:00 EDT = 23:00 UTC. "Day before at 19:00" is Sunday 19:00 EDT,
    // 23:00 UTC, not 00:00 UTC as adding -24 h to a fixed offset would give.
    TimeMs lesson = utc_ms(2026, 3, 9, 23, 0);
    CHECK(format_utc(z.local_day_at(lesson, -1, 19 * 60)) == "2026-03-08T23:00:00Z");
    // Two days before is Saturday, still EST: 19:00 EST = 00:00 UTC Sunday.
    CHECK(format_utc(z.local_day_at(lesson, -2, 19 * 60)) == "2026-03-08T00:00:00Z");
    // Non-existent 02:30 is read with the offset before the gap: 03:30 EDT = 07:30 UTC.
    CHECK(format_utc(z.to_utc({2026, 3, 8, 2, 30})) == "2026-03-08T07:30:00Z");
    CHECK(format_local(z.to_local(z.to_utc({2026, 3, 8, 2, 30}))) == "2026-03-08 03:30");
}

TEST_CASE("New York across the November change: an ambiguous time takes the earlier instant")
{
    auto z = zone("America/New_York");
    // 1 November 2026 01:30 happens twice: EDT (05:30 UTC) then EST (06:30 UTC).
    CHECK(format_utc(z.to_utc({2026, 11, 1, 1, 30})) == "2026-11-01T05:30:00Z");
    CHECK(format_local(z.to_local(utc_ms(2026, 11, 1, 6, 30))) == "2026-11-01 01:30");
}

TEST_CASE("southern hemisphere and half-hour zones")
{
    auto sydney = zone("Australia/Sydney");
    CHECK(sydney.offset_minutes(utc_ms(2026, 1, 15, 0, 0)) == 660);
    CHECK(sydney.offset_minutes(utc_ms(2026, 7, 15, 0, 0)) == 600);
    CHECK(zone("Asia/Kolkata").offset_minutes(0) == 330);
    CHECK(zone("UTC").offset_minutes(0) == 0);
}

TEST_CASE("unknown names are refused with a message")
{
    TimeZone z;
    std::string err;
    CHECK_FALSE(TimeZone::find("Asia/Beijing", z, err));
    CHECK(err == "unknown time zone \"Asia/Beijing\" (expected an IANA name such as Asia/Shanghai)");
}

TEST_CASE("names() lists every zone find() accepts, sorted, for the settings picker")
{
    const std::vector<std::string> names = TimeZone::names();
    CHECK(names.size() > 300);
    CHECK(std::is_sorted(names.begin(), names.end()));
    CHECK(std::find(names.begin(), names.end(), "Asia/Shanghai") != names.end());
    CHECK(std::find(names.begin(), names.end(), "UTC") != names.end());
    for (const std::string& n : names) {
        TimeZone z;
        std::string err;
        CHECK_MESSAGE(TimeZone::find(n, z, err), n << ": " << err);
    }
}
