#pragma once
// How long a client waits before retrying a failed sync request.

namespace wb::sync {

// Milliseconds before retry number `attempt` (1, 2, ...): doubling from 1 s up to 60 s, then
// scaled by `jitter` in [0, 1) into 50%..100% of that, so many clients that lost the server at
// the same moment do not all come back in the same second.
int retry_delay_ms(int attempt, double jitter);

}  // namespace wb::sync
