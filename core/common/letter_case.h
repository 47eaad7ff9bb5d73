// Letter case for ids, names and titles: ASCII only, on purpose (ids are ASCII, and
// search does its own full folding in search/search_text.h).
#pragma once

#include <string>
#include <string_view>

namespace lungguide {

// ASCII letters in lower case, every other byte kept: for ids and names compared exactly.
std::string lower_ascii(std::string text);

// The page's term with its first letter in capitals, for titles ("nosebleed" → "Nosebleed").
std::string capitalize_first_letter(std::string_view text);

} // namespace lungguide
