#include "latency.h"

#include <algorithm>

namespace lungguide::bench {

Latency summarize(std::vector<double> milliseconds) {
    Latency latency;
    latency.samples = milliseconds.size();
    if (milliseconds.empty()) return latency;
    std::sort(milliseconds.begin(), milliseconds.end());
    auto percentile = [&](double fraction) {
        const std::size_t index =
            std::min(milliseconds.size() - 1,
                     static_cast<std::size_t>(fraction * static_cast<double>(milliseconds.size())));
        return milliseconds[index];
    };
    latency.p50 = percentile(0.50);
    latency.p99 = percentile(0.99);
    latency.max = milliseconds.back();
    return latency;
}

} // namespace lungguide::bench
