// The query lists every search benchmark types: realistic queries, one key at a time, and
// a list with one misspelled word each. One home, so LungGuide and its peers (bench/peers)
// are measured on exactly the same keystrokes.
#pragma once

#include <string>
#include <vector>

namespace lungguide::bench {

const std::vector<std::string>& typed_queries();
const std::vector<std::string>& misspelled_queries();

// Every prefix of every query, as typed: "t", "ti", "tir", ...
std::vector<std::string> keystrokes(const std::vector<std::string>& queries);

} // namespace lungguide::bench
