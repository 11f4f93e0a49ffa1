#pragma once
// A small deterministic random source (SplitMix64) for the demo data. The standard library's
// distributions differ between libstdc++ (native) and libc++ (wasm), so the mapping from bits
// to numbers is ours: the same seed gives the same dataset on every build.
#include <cstdint>

namespace wb {

class DemoRandom {
public:
    explicit DemoRandom(uint64_t seed) : state_(seed) {}
    uint64_t next()
    {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }  // [0, 1)
    int below(int n) { return n <= 0 ? 0 : int(next() % uint64_t(n)); }
    bool chance(double p) { return uniform() < p; }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }  // inclusive

private:
    uint64_t state_;
};

}  // namespace wb
