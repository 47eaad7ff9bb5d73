// Letter case for ids, names and titles: ASCII only, on purpose (ids are ASCII, and
// search does its own full folding in search/search_text.h).
#pragma once

#include <string>
#include <string_view>

namespace lungguide {

// One byte: an ASCII capital lowered, every other byte kept. Inline and locale-free, for
// loops that run per character on every keystroke.
constexpr char lower_ascii_char(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// An ASCII letter or digit (what std::isalnum says in the "C" locale, without the call).
constexpr bool is_ascii_letter_or_digit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// ASCII letters in lower case, every other byte kept: for ids and names compared exactly.
std::string lower_ascii(std::string text);

// The page's term with its first letter in capitals, for titles ("nosebleed" → "Nosebleed").
std::string capitalize_first_letter(std::string_view text);

} // namespace lungguide
