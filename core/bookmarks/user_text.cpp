#include "bookmarks/user_text.h"

#include <cstdint>

namespace lungguide {
namespace {

const std::string replacement_character = "\xEF\xBF\xBD"; // U+FFFD

// Decodes one UTF-8 character at text[position]. Returns its length in bytes, or 0 when the
// bytes there are not valid UTF-8 (overlong forms and surrogates included).
std::size_t decode_character(const std::string& text, std::size_t position,
                             std::uint32_t& code_point) {
    const auto byte_at = [&](std::size_t index) { return static_cast<unsigned char>(text[index]); };
    const unsigned char first = byte_at(position);
    std::size_t length = 0;
    std::uint32_t minimum = 0;
    if (first < 0x80) {
        code_point = first;
        return 1;
    } else if ((first & 0xE0) == 0xC0) {
        length = 2;
        code_point = first & 0x1F;
        minimum = 0x80;
    } else if ((first & 0xF0) == 0xE0) {
        length = 3;
        code_point = first & 0x0F;
        minimum = 0x800;
    } else if ((first & 0xF8) == 0xF0) {
        length = 4;
        code_point = first & 0x07;
        minimum = 0x10000;
    } else {
        return 0;
    }
    if (position + length > text.size()) return 0;
    for (std::size_t index = 1; index < length; ++index) {
        const unsigned char next = byte_at(position + index);
        if ((next & 0xC0) != 0x80) return 0;
        code_point = (code_point << 6) | (next & 0x3F);
    }
    if (code_point < minimum || code_point > 0x10FFFF) return 0;
    if (code_point >= 0xD800 && code_point <= 0xDFFF) return 0;
    return length;
}

bool is_control_character(std::uint32_t code_point) {
    return code_point < 0x20 || code_point == 0x7F || (code_point >= 0x80 && code_point <= 0x9F);
}

bool is_blank(char character) {
    return character == ' ' || character == '\n';
}

// Walks the text character by character. keep_newlines decides whether "\n" survives;
// every other control character is dropped (a tab becomes a space, line ends become "\n").
std::string remove_control_characters(const std::string& text, bool keep_newlines) {
    std::string result;
    result.reserve(text.size());
    std::size_t position = 0;
    while (position < text.size()) {
        std::uint32_t code_point = 0;
        const std::size_t length = decode_character(text, position, code_point);
        if (length == 0) {
            result += replacement_character;
            ++position;
            continue;
        }
        if (code_point == '\r') {
            // "\r\n" and a lone "\r" are both one line break.
            if (position + 1 < text.size() && text[position + 1] == '\n') ++position;
            code_point = '\n';
        }
        if (code_point == '\n') {
            result += keep_newlines ? '\n' : ' ';
        } else if (code_point == '\t') {
            result += ' ';
        } else if (!is_control_character(code_point)) {
            result.append(text, position, length);
        }
        position += length;
    }
    return result;
}

std::string trim(const std::string& text) {
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && is_blank(text[begin]))
        ++begin;
    while (end > begin && is_blank(text[end - 1]))
        --end;
    return text.substr(begin, end - begin);
}

// Cuts valid UTF-8 text after max_characters whole characters.
CleanedText cut_to_characters(std::string text, std::size_t max_characters) {
    std::size_t characters = 0;
    std::size_t position = 0;
    while (position < text.size()) {
        if (characters == max_characters) {
            text.resize(position);
            return {text, true};
        }
        std::uint32_t code_point = 0;
        const std::size_t length = decode_character(text, position, code_point);
        position += length == 0 ? 1 : length;
        ++characters;
    }
    return {text, false};
}

} // namespace

std::size_t count_characters(const std::string& text) {
    std::size_t characters = 0;
    std::size_t position = 0;
    while (position < text.size()) {
        std::uint32_t code_point = 0;
        const std::size_t length = decode_character(text, position, code_point);
        position += length == 0 ? 1 : length;
        ++characters;
    }
    return characters;
}

CleanedText clean_note(const std::string& text) {
    CleanedText cleaned =
        cut_to_characters(trim(remove_control_characters(text, true)), note_max_characters);
    // A cut can leave a trailing line break or space behind.
    cleaned.text = trim(cleaned.text);
    return cleaned;
}

CleanedText clean_label(const std::string& text) {
    return clean_single_line(text, label_max_characters);
}

CleanedText clean_single_line(const std::string& text, std::size_t max_characters) {
    const std::string one_line = remove_control_characters(text, false);
    std::string collapsed;
    collapsed.reserve(one_line.size());
    for (char character : one_line) {
        if (character == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
        collapsed += character;
    }
    CleanedText cleaned = cut_to_characters(trim(collapsed), max_characters);
    cleaned.text = trim(cleaned.text);
    return cleaned;
}

} // namespace lungguide
