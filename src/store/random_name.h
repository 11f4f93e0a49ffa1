#pragma once
#include <string>

namespace wb::store {

// `bytes` random bytes from libsodium's CSPRNG, as lowercase hex (2 * bytes characters).
std::string random_hex(size_t bytes);

}  // namespace wb::store
