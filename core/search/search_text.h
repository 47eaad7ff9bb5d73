// Turning any text (the page's or a person's) into the words search compares.
//
// Both sides go through the same folding so that "Diarrhœa", "DIARRHOEA" and
// "diarrhoea" become one word, and "worn-out" and "worn out" become the same two.
// Nothing here trusts its input: invalid UTF-8, control characters and huge strings
// are all handled without reading out of bounds.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lungguide {

// Longest query search looks at. Longer input is cut, never rejected.
constexpr std::size_t search_query_max_bytes = 200;
// A query word longer than this cannot match anything useful; it is cut too.
constexpr std::size_t search_word_max_bytes = 64;
// More words than this in one query are ignored (the first ones are kept).
constexpr std::size_t search_query_max_words = 16;

// Lower case, diacritics removed (é → e, æ → ae, ß → ss), apostrophes dropped
// ("can't" → "cant"), every other non-letter, non-digit character and every invalid
// byte turned into a single space. Letters of other scripts are kept as they are.
std::string fold_for_search(std::string_view text);
// The same into a string that is reused (cleared first; its memory is kept): for loops
// that fold many short texts per keystroke.
void fold_for_search_into(std::string_view text, std::string& folded);

// The folded text split into words, in order, with no empty words.
std::vector<std::string> split_search_words(std::string_view text);

// Words that carry no meaning of their own in a query ("the", "my", "and"). A query
// made only of them still searches for them.
bool is_search_stop_word(std::string_view folded_word);

// The stop words that still tell symptoms apart ("being sick" is vomiting, "feeling
// sick" nausea): they rank a phrase that has them above one that does not.
bool is_search_qualifier_word(std::string_view folded_word);

// Whether a folded word contains a digit: such words ("g12c", "20") are codes and get
// no typo tolerance.
bool contains_digit(std::string_view folded_word);

} // namespace lungguide
