#include "nearest_ids.h"

#include <algorithm>
#include <cctype>

namespace lungguide {

namespace {

std::string lower(std::string text) {
    for (char& character : text)
        character = static_cast<char>(std::tolower(static_cast<unsigned char>(character)));
    return text;
}

// Plain Levenshtein distance over bytes; ids are ASCII.
std::size_t edit_distance(const std::string& from, const std::string& to) {
    std::vector<std::size_t> previous(to.size() + 1), current(to.size() + 1);
    for (std::size_t column = 0; column <= to.size(); ++column)
        previous[column] = column;
    for (std::size_t row = 1; row <= from.size(); ++row) {
        current[0] = row;
        for (std::size_t column = 1; column <= to.size(); ++column) {
            std::size_t substitution =
                previous[column - 1] + (from[row - 1] == to[column - 1] ? 0 : 1);
            current[column] =
                std::min({previous[column] + 1, current[column - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[to.size()];
}

} // namespace

std::vector<std::string> nearest_ids(const std::string& wanted,
                                     const std::vector<std::string>& candidates,
                                     std::size_t how_many) {
    const std::string target = lower(wanted.substr(0, 200));
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const std::string& candidate : candidates) {
        std::string lowered = lower(candidate);
        std::size_t distance =
            !target.empty() && lowered.rfind(target, 0) == 0 ? 0 : edit_distance(target, lowered);
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
