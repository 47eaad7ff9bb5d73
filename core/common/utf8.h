// UTF-8, the one decoder and encoder: the page's text, a person's text and the fonts'
// glyph lists all go through it. Nothing here trusts its input: invalid bytes become
// U+FFFD and nothing reads out of bounds.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lungguide {

constexpr char32_t replacement_character = 0xFFFD;

// The longest prefix of text that is at most max_bytes long and does not end in the
// middle of a UTF-8 sequence.
std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes);

// The text as valid UTF-8 that is safe to echo back: invalid bytes become U+FFFD and
// control characters (including terminal escapes) become spaces.
std::string clean_for_display(std::string_view text);

// Decodes valid UTF-8 into code points; invalid bytes become U+FFFD.
std::u32string decode_utf8(std::string_view text);

// Encodes code points as UTF-8.
std::string encode_utf8(std::u32string_view code_points);

// Decodes one code point at text[position]; advances position by at least one byte.
// Overlong forms, surrogates and values past U+10FFFF count as invalid (U+FFFD).
char32_t decode_utf8_code_point(std::string_view text, std::size_t& position);

// Appends one code point as UTF-8.
void append_utf8(std::string& out, char32_t code_point);

} // namespace lungguide
