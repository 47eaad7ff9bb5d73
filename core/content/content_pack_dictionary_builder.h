// Writing the dictionary words into a pack the builder has just made (content_pack_dictionary.h
// says what they are and how they are stored). Only the pack builder and its tests use this;
// the app reads packs and links none of it.
#pragma once

#include "common/result.h"

#include <string>
#include <vector>

namespace lungguide {

// Sorted words as front-coded text (content_pack_dictionary.h); front_decode_words undoes it.
std::string front_code_words(const std::vector<std::string>& sorted_words);

// Stores sorted_words in the pack at pack_path, just built (content_pack_builder.h), then
// records its digest again, compacts it and checks and seals it (check_and_seal_content_pack).
// The same inputs give the same bytes.
Status store_dictionary_words(const std::string& pack_path,
                              const std::vector<std::string>& sorted_words);

} // namespace lungguide
