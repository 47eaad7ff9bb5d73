// How many single-letter slips separate two words, for typo-tolerant search.
//
// Counts insertions, deletions, substitutions and swaps of two neighbouring letters
// (optimal string alignment, a restricted Damerau-Levenshtein distance), because "nausia",
// "diarhea" and "tierd" are the slips people make. Both functions stop as soon as the
// answer must exceed max_distance, so they stay cheap on a large vocabulary.
#pragma once

#include <string_view>

namespace lungguide {

// The distance between a and b, or max_distance + 1 if it is larger than max_distance.
int bounded_edit_distance(std::u32string_view a, std::u32string_view b, int max_distance);

// The smallest distance between typed and any prefix of word ("diarhe" is 1 from
// "diarrhe…"), for matching the word a person is still typing. Returns
// max_distance + 1 if every prefix is further than max_distance.
int bounded_prefix_edit_distance(std::u32string_view typed, std::u32string_view word,
                                 int max_distance);

} // namespace lungguide
