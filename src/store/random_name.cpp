#include "store/random_name.h"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace wb::store {

std::string random_hex(size_t bytes) {
    // sodium_init is idempotent and thread-safe; it fails only without an entropy source.
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot initialise (no entropy source)");
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
    hex.pop_back();
    return hex;
}

}  // namespace wb::store
