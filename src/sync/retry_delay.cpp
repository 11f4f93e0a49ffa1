#include "sync/retry_delay.h"

#include <algorithm>

namespace wb::sync {

int retry_delay_ms(int attempt, double jitter) {
    const int capped = std::clamp(attempt, 1, 7);            // 2^6 s > 60 s
    const double full = std::min(60000.0, 1000.0 * static_cast<double>(1 << (capped - 1)));
    const double scale = 0.5 + 0.5 * std::clamp(jitter, 0.0, 0.999999);
    return static_cast<int>(full * scale);
}

}  // namespace wb::sync
