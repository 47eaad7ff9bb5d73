// Compiles a Guide into the read-only SQLite content pack (see content_pack.h).
#pragma once

#include "guide.h"

#include <string>
#include <vector>

namespace lungguide {

// Writes the pack to output_path (replacing it). The same Guide always gives the same
// bytes: rows go in a fixed order and nothing time-dependent is stored.
// Returns an empty string on success, else what went wrong.
// dictionary_words: folded words of real English (see search_dictionary.h); only those
// search could mistake for a slip of a page word are stored.
std::string build_content_pack(const Guide& guide, const std::string& output_path,
                               const std::vector<std::string>& dictionary_words = {});

} // namespace lungguide
