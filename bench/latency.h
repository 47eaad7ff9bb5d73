// Percentiles of per-keystroke latencies, the same way for every search benchmark.
#pragma once

#include <cstddef>
#include <vector>

namespace lungguide::bench {

struct Latency {
    double p50 = 0, p99 = 0, max = 0;
    std::size_t samples = 0;
};

// Nearest-rank percentiles of milliseconds (sorted here; the vector is taken by value).
Latency summarize(std::vector<double> milliseconds);

} // namespace lungguide::bench
