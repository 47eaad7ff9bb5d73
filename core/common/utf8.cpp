#include "common/utf8.h"

namespace lungguide {

// Decodes one code point at text[position]; advances position by at least one byte.
// Overlong forms, surrogates and values past U+10FFFF count as invalid.
char32_t decode_utf8_code_point(std::string_view text, std::size_t& position) {
    const auto byte = [&](std::size_t index) { return static_cast<unsigned char>(text[index]); };
    const unsigned char lead = byte(position);
    if (lead < 0x80) {
        ++position;
        return lead;
    }
    std::size_t length = 0;
    char32_t code_point = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        code_point = lead & 0x1F;
        minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        code_point = lead & 0x0F;
        minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        code_point = lead & 0x07;
        minimum = 0x10000;
    } else {
        ++position;
        return replacement_character;
    }
    if (position + length > text.size()) {
        ++position;
        return replacement_character;
    }
    for (std::size_t index = 1; index < length; ++index) {
        const unsigned char continuation = byte(position + index);
        if ((continuation & 0xC0) != 0x80) {
            ++position;
            return replacement_character;
        }
        code_point = (code_point << 6) | (continuation & 0x3F);
    }
    if (code_point < minimum || code_point > 0x10FFFF ||
        (code_point >= 0xD800 && code_point <= 0xDFFF)) {
        ++position;
        return replacement_character;
    }
    position += length;
    return code_point;
}

void append_utf8(std::string& out, char32_t code_point) {
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xC0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        out += static_cast<char>(0xE0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code_point >> 18));
        out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t end = max_bytes;
    // Step back over continuation bytes to the start of the sequence that was cut.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return text.substr(0, end);
}

std::u32string decode_utf8(std::string_view text) {
    std::u32string code_points;
    code_points.reserve(text.size());
    std::size_t position = 0;
    while (position < text.size())
        code_points += decode_utf8_code_point(text, position);
    return code_points;
}

std::string encode_utf8(std::u32string_view code_points) {
    std::string text;
    for (char32_t code_point : code_points)
        append_utf8(text, code_point);
    return text;
}

std::string clean_for_display(std::string_view text) {
    std::string clean;
    clean.reserve(text.size());
    std::size_t position = 0;
    while (position < text.size()) {
        const char32_t code_point = decode_utf8_code_point(text, position);
        const bool control = code_point < 0x20 || (code_point >= 0x7F && code_point < 0xA0);
        append_utf8(clean, control ? U' ' : code_point);
    }
    return clean;
}

} // namespace lungguide
