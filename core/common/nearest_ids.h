// "Did you mean …?" for ids a person or script typed wrong.
#pragma once

#include <string>
#include <vector>

namespace lungguide {

// The candidates closest to wanted by edit distance (case-insensitive), best first;
// a candidate that starts with wanted counts as close.
std::vector<std::string> nearest_ids(const std::string& wanted,
                                     const std::vector<std::string>& candidates,
                                     std::size_t how_many = 3);

} // namespace lungguide
