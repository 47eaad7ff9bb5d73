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

// The longest prefix of text that is at most max_bytes long and does not end in the
// middle of a UTF-8 sequence.
std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes);

// Lower case, diacritics removed (é → e, æ → ae, ß → ss), apostrophes dropped
// ("can't" → "cant"), every other non-letter, non-digit character and every invalid
// byte turned into a single space. Letters of other scripts are kept as they are.
std::string fold_for_search(std::string_view text);

// ASCII letters in lower case, every other byte kept: for ids and names compared exactly.
std::string lower_ascii(std::string text);

// The folded text split into words, in order, with no empty words.
std::vector<std::string> split_search_words(std::string_view text);

// The text as valid UTF-8 that is safe to echo back: invalid bytes become U+FFFD and
// control characters (including terminal escapes) become spaces.
std::string clean_for_display(std::string_view text);

// Decodes valid UTF-8 into code points; invalid bytes become U+FFFD.
std::u32string decode_utf8(std::string_view text);

// Encodes code points as UTF-8.
std::string encode_utf8(std::u32string_view code_points);

// Words that carry no meaning of their own in a query ("the", "my", "and"). A query
// made only of them still searches for them.
bool is_search_stop_word(std::string_view folded_word);

// The stop words that still tell symptoms apart ("being sick" is vomiting, "feeling
// sick" nausea): they rank a phrase that has them above one that does not.
bool is_search_qualifier_word(std::string_view folded_word);

// Whether a folded word contains a digit: such words ("g12c", "20") are codes and get
// no typo tolerance.
bool contains_digit(std::string_view folded_word);

// The page's term with its first letter in capitals, for titles ("nosebleed" → "Nosebleed").
std::string capitalize_first_letter(std::string_view text);

} // namespace lungguide
