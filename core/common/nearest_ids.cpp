#include "common/nearest_ids.h"

#include "common/edit_distance.h"
#include "common/letter_case.h"
#include "common/utf8.h"

#include <algorithm>

namespace lungguide {

std::vector<std::string> nearest_ids(const std::string& wanted,
                                     const std::vector<std::string>& candidates,
                                     std::size_t how_many) {
    const std::string target = lower_ascii(std::string(truncate_utf8(wanted, 200)));
    const std::u32string target_letters = decode_utf8(target);
    // Ids are short; a distance past this makes a suggestion useless anyway.
    const int max_distance = 8;
    std::vector<std::pair<int, std::string>> scored;
    for (const std::string& candidate : candidates) {
        std::string lowered = lower_ascii(candidate);
        int distance =
            !target.empty() && lowered.rfind(target, 0) == 0
                ? 0
                : bounded_edit_distance(target_letters, decode_utf8(lowered), max_distance);
        scored.push_back({distance, candidate});
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& left, const auto& right) { return left.first < right.first; });
    std::vector<std::string> result;
    for (const auto& entry : scored) {
        if (result.size() == how_many) break;
        result.push_back(entry.second);
    }
    return result;
}

} // namespace lungguide
