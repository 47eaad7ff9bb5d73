#include "bookmarks/user_text.h"

#include "bookmarks/unicode_nfc_tables.h"
#include "common/utf8.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace lungguide {
namespace {

// Decodes one UTF-8 character at text[position] with the one decoder (common/utf8.h).
// Returns its length in bytes, or 0 when the bytes there are not valid UTF-8 (which that
// decoder reads as a one-byte U+FFFD; a real U+FFFD is three bytes long).
std::size_t decode_character(const std::string& text, std::size_t position,
                             std::uint32_t& code_point) {
    std::size_t next = position;
    const char32_t decoded = decode_utf8_code_point(text, next);
    if (decoded == replacement_character && next - position == 1) return 0;
    code_point = decoded;
    return next - position;
}

bool is_control_character(std::uint32_t code_point) {
    return code_point < 0x20 || code_point == 0x7F || (code_point >= 0x80 && code_point <= 0x9F);
}

bool is_blank(char character) {
    return character == ' ' || character == '\n';
}

// Bidi controls and other characters that show nothing: with them, "Mum" and "M\u200Bum" or a
// right-to-left override could make two different labels look the same.
bool is_invisible_format(std::uint32_t c) {
    return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x115F || c == 0x1160 || c == 0x17B4 ||
           c == 0x17B5 || (c >= 0x180B && c <= 0x180F) || (c >= 0x200B && c <= 0x200F) ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) || c == 0x3164 ||
           c == 0xFEFF || c == 0xFFA0 || (c >= 0xFE00 && c <= 0xFE0F) ||
           (c >= 0xFFF9 && c <= 0xFFFB) || (c >= 0x1D173 && c <= 0x1D17A) ||
           (c >= 0xE0000 && c <= 0xE0FFF);
}

// Spaces of other widths look like a space, so they become one.
bool is_other_space(std::uint32_t c) {
    return c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
           c == 0x3000 || c == 0x1680;
}

// Emoji and symbols, where a zero-width joiner or a variation selector does show: it joins
// a family emoji or picks the colour form. Kept there, removed everywhere else.
bool is_pictograph(std::uint32_t c) {
    return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2190 && c <= 0x2BFF) || c == 0x00A9 ||
           c == 0x00AE || c == 0x203C || c == 0x2049 || c == 0x2122 || c == 0x2139 || c == 0x3030 ||
           c == 0x303D || c == 0x3297 || c == 0x3299 || c == 0x20E3;
}

// ---- NFC ---------------------------------------------------------------------------------
// Canonical decomposition, canonical ordering, then canonical composition (UAX #15), from
// the tables in unicode_nfc_tables.h. Hangul syllables are done by arithmetic.

constexpr std::uint32_t hangul_first = 0xAC00, hangul_count = 11172;
constexpr std::uint32_t leading_first = 0x1100, vowel_first = 0x1161, trailing_first = 0x11A7;
constexpr std::uint32_t vowel_count = 21, trailing_count = 28;

int combining_class(std::uint32_t c) {
    if (c < 0x300) return 0;
    const auto& ranges = unicode_nfc::combining_classes;
    const auto found =
        std::upper_bound(std::begin(ranges), std::end(ranges), c,
                         [](std::uint32_t value, const unicode_nfc::CombiningClassRange& range) {
                             return value < range.first;
                         });
    if (found == std::begin(ranges)) return 0;
    const auto& range = *(found - 1);
    return c <= range.last ? range.combining_class : 0;
}

void decompose(std::uint32_t c, std::vector<std::uint32_t>& out) {
    if (c >= hangul_first && c < hangul_first + hangul_count) {
        const std::uint32_t index = c - hangul_first;
        out.push_back(leading_first + index / (vowel_count * trailing_count));
        out.push_back(vowel_first + (index % (vowel_count * trailing_count)) / trailing_count);
        if (index % trailing_count != 0) out.push_back(trailing_first + index % trailing_count);
        return;
    }
    if (c < 0xC0) {
        out.push_back(c);
        return;
    }
    const auto& table = unicode_nfc::decompositions;
    const auto found =
        std::lower_bound(std::begin(table), std::end(table), c,
                         [](const unicode_nfc::Decomposition& entry, std::uint32_t value) {
                             return entry.code_point < value;
                         });
    if (found == std::end(table) || found->code_point != c) {
        out.push_back(c);
        return;
    }
    out.insert(out.end(), unicode_nfc::decomposition_pool + found->offset,
               unicode_nfc::decomposition_pool + found->offset + found->length);
}

// The primary composite of two characters, or 0.
std::uint32_t compose(std::uint32_t first, std::uint32_t second) {
    if (first >= leading_first && first < leading_first + 19 && second >= vowel_first &&
        second < vowel_first + vowel_count)
        return hangul_first +
               ((first - leading_first) * vowel_count + (second - vowel_first)) * trailing_count;
    if (first >= hangul_first && first < hangul_first + hangul_count &&
        (first - hangul_first) % trailing_count == 0 && second > trailing_first &&
        second < trailing_first + trailing_count)
        return first + (second - trailing_first);
    const auto& table = unicode_nfc::compositions;
    const auto found = std::lower_bound(
        std::begin(table), std::end(table), std::make_pair(first, second),
        [](const unicode_nfc::Composition& entry, std::pair<std::uint32_t, std::uint32_t> key) {
            return std::make_pair(entry.first, entry.second) < key;
        });
    if (found == std::end(table) || found->first != first || found->second != second) return 0;
    return found->composite;
}

std::vector<std::uint32_t> to_nfc(const std::vector<std::uint32_t>& text) {
    std::vector<std::uint32_t> decomposed;
    decomposed.reserve(text.size());
    for (std::uint32_t c : text)
        decompose(c, decomposed);
    // Canonical order: each run of non-starters sorted by class, stably.
    for (std::size_t index = 1; index < decomposed.size(); ++index) {
        const int current = combining_class(decomposed[index]);
        if (current == 0) continue;
        std::size_t at = index;
        while (at > 0) {
            const int before = combining_class(decomposed[at - 1]);
            if (before == 0 || before <= current) break;
            std::swap(decomposed[at - 1], decomposed[at]);
            --at;
        }
    }
    std::vector<std::uint32_t> composed;
    composed.reserve(decomposed.size());
    std::ptrdiff_t starter = -1; // index in composed of the last starter
    int last_class = -1;         // class of the last character kept after it; -1 for none
    for (std::uint32_t c : decomposed) {
        const int current = combining_class(c);
        if (starter >= 0) {
            const bool blocked = last_class != -1 && (last_class == 0 || last_class >= current);
            if (!blocked) {
                if (const std::uint32_t both =
                        compose(composed[static_cast<std::size_t>(starter)], c)) {
                    composed[static_cast<std::size_t>(starter)] = both;
                    continue;
                }
            }
        }
        if (current == 0) {
            starter = static_cast<std::ptrdiff_t>(composed.size());
            last_class = -1;
        } else {
            last_class = current;
        }
        composed.push_back(c);
    }
    return composed;
}

// Walks the text character by character and returns it cleaned and in NFC. keep_newlines
// decides whether "\n" survives; every other control character is dropped (a tab becomes a
// space, line ends become "\n"), invalid UTF-8 becomes U+FFFD, invisible format characters
// go, and other spaces become plain ones.
std::string remove_control_characters(const std::string& text, bool keep_newlines) {
    std::vector<std::uint32_t> kept;
    kept.reserve(text.size());
    std::size_t position = 0;
    while (position < text.size()) {
        std::uint32_t code_point = 0;
        const std::size_t length = decode_character(text, position, code_point);
        if (length == 0) {
            kept.push_back(0xFFFD);
            ++position;
            continue;
        }
        position += length;
        if (code_point == '\r') {
            // "\r\n" and a lone "\r" are both one line break.
            if (position < text.size() && text[position] == '\n') ++position;
            code_point = '\n';
        }
        if (code_point == 0x2028 || code_point == 0x2029) code_point = '\n';
        if (code_point == '\n') {
            kept.push_back(keep_newlines ? '\n' : ' ');
        } else if (code_point == '\t' || is_other_space(code_point)) {
            kept.push_back(' ');
        } else if (is_control_character(code_point)) {
            continue;
        } else if (is_invisible_format(code_point)) {
            // A joiner between two pictographs, or a variation selector after one, shows.
            std::uint32_t next = 0;
            const bool next_is_pictograph = position < text.size() &&
                                            decode_character(text, position, next) != 0 &&
                                            is_pictograph(next);
            const bool after_pictograph =
                !kept.empty() && (is_pictograph(kept.back()) || kept.back() == 0xFE0F);
            const bool joiner = code_point == 0x200D && after_pictograph && next_is_pictograph;
            const bool selector =
                (code_point == 0xFE0E || code_point == 0xFE0F) && after_pictograph;
            if (joiner || selector) kept.push_back(code_point);
        } else {
            kept.push_back(code_point);
        }
    }
    std::string result;
    result.reserve(text.size());
    for (std::uint32_t code_point : to_nfc(kept))
        append_utf8(result, static_cast<char32_t>(code_point));
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

std::string printable_excerpt(const std::string& text, std::size_t max_characters) {
    CleanedText cleaned = clean_single_line(text, max_characters);
    if (cleaned.was_shortened) cleaned.text += "\u2026";
    return cleaned.text;
}

} // namespace lungguide
