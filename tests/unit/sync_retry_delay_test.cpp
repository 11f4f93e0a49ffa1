#include <doctest/doctest.h>

#include "sync/retry_delay.h"

using wb::sync::retry_delay_ms;

TEST_CASE("retry delays double from one second and stop at a minute") {
    CHECK(retry_delay_ms(1, 0.999999) == 999);
    CHECK(retry_delay_ms(2, 0.999999) == 1999);
    CHECK(retry_delay_ms(3, 0.999999) == 3999);
    CHECK(retry_delay_ms(6, 0.999999) == 31999);
    CHECK(retry_delay_ms(7, 0.999999) == 59999);
    CHECK(retry_delay_ms(50, 0.999999) == 59999);
}

TEST_CASE("jitter spreads a retry over the upper half of its delay") {
    CHECK(retry_delay_ms(3, 0.0) == 2000);
    CHECK(retry_delay_ms(3, 0.5) == 3000);
    for (int attempt = 1; attempt < 12; ++attempt) {
        CHECK(retry_delay_ms(attempt, 0.0) * 2 >= retry_delay_ms(attempt, 0.99) );
        CHECK(retry_delay_ms(attempt, 0.0) >= 500);
    }
    // Out-of-range input is clamped, never a zero or negative wait.
    CHECK(retry_delay_ms(0, -3.0) == 500);
    CHECK(retry_delay_ms(-4, 7.0) == 999);
}
