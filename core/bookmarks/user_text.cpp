#include "bookmarks/user_text.h"

#include "common/utf8.h"

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>
#include <utf8proc.h>
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

// Unicode's properties of a character, from utf8proc's tables (Unicode 15 in Debian 12).
const utf8proc_property_t& properties(std::uint32_t code_point) {
    return *utf8proc_get_property(static_cast<utf8proc_int32_t>(code_point));
}

bool is_blank(char character) {
    return character == ' ' || character == '\n';
}

// Reserved code points that Unicode has already made Default_Ignorable
// (DerivedCoreProperties.txt), so that what it assigns there later stays invisible in older
// software. utf8proc's `ignorable` flag covers assigned characters only.
bool is_reserved_default_ignorable(std::uint32_t c) {
    return properties(c).category == UTF8PROC_CATEGORY_CN &&
           (c == 0x2065 || (c >= 0xFFF0 && c <= 0xFFF8) || (c >= 0xE0000 && c <= 0xE0FFF));
}

// Characters that show nothing: every Default_Ignorable_Code_Point (zero-width spaces and
// joiners, bidi controls, variation selectors, tags, the Hangul fillers, …) and every format
// character (Cf: the Egyptian hieroglyph and Kaithi format controls among them). With them,
// "Mum" and "M\u200Bum" or a right-to-left override could be two labels that look the same.
bool is_invisible(std::uint32_t c) {
    const utf8proc_property_t& character = properties(c);
    return character.ignorable || character.category == UTF8PROC_CATEGORY_CF ||
           is_reserved_default_ignorable(c);
}

// Blank characters no Unicode property names, in a label only (a note keeps them: braille
// text may hold an empty cell). Braille patterns encode their raised dots as the low 8 bits,
// so U+2800 is the cell with none; the musical null notehead is blank by design. Both are
// as wide as a letter, so they become a space; the Khitan filler (a zero-width mark, blank
// by design, where Hangul's fillers are Default_Ignorable) goes.
bool looks_like_a_space(std::uint32_t c) {
    return c == 0x2800 || c == 0x1D159;
}
bool is_blank_filler(std::uint32_t c) {
    return c == 0x16FE4;
}

// Emoji and the symbols that may show as emoji (Unicode's Extended_Pictographic).
bool is_pictograph(std::uint32_t c) {
    const int boundary_class = properties(c).boundclass;
    return boundary_class == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC ||
           boundary_class == UTF8PROC_BOUNDCLASS_E_ZWG;
}

// Whether the text kept so far ends in an emoji, with what extends it (a skin tone, a
// variation selector): where a zero-width joiner joins it to the next one (UAX #29, GB11).
bool ends_in_pictograph(const std::vector<std::uint32_t>& kept) {
    for (auto at = kept.rbegin(); at != kept.rend(); ++at)
        if (properties(*at).boundclass != UTF8PROC_BOUNDCLASS_EXTEND) return is_pictograph(*at);
    return false;
}

// A joiner between two emoji, or a variation selector right after one, shows: it makes a
// family of three people one picture, or picks the colour form of a heart.
bool shows_inside_emoji(std::uint32_t c, const std::vector<std::uint32_t>& kept,
                        const std::string& text, std::size_t next_position) {
    if (c == 0xFE0E || c == 0xFE0F) return !kept.empty() && is_pictograph(kept.back());
    if (c != 0x200D || !ends_in_pictograph(kept)) return false;
    std::uint32_t next = 0;
    return next_position < text.size() && decode_character(text, next_position, next) != 0 &&
           is_pictograph(next);
}

// Canonical composition (NFC), by utf8proc.
std::string to_nfc(const std::string& text) {
    utf8proc_uint8_t* composed = nullptr;
    const utf8proc_ssize_t length =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                     static_cast<utf8proc_ssize_t>(text.size()), &composed,
                     static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    const std::unique_ptr<utf8proc_uint8_t, void (*)(void*)> owned(composed, std::free);
    if (length == UTF8PROC_ERROR_NOMEM) throw std::bad_alloc();
    // The text is valid UTF-8 (it was just encoded) and no option can be refused, so no
    // other error is possible; if one were, the text stays as it is rather than be lost.
    if (length < 0) return text;
    return std::string(reinterpret_cast<const char*>(owned.get()),
                       static_cast<std::size_t>(length));
}

// The kinds of text cleaned: each keeps a little more or less.
enum class TextKind { note, line, label };

// Walks the text character by character and returns it cleaned and in NFC. A note keeps
// "\n"; other kinds get a space. Every other control character is dropped (a tab becomes a
// space, line ends become "\n"), invalid UTF-8 becomes U+FFFD, invisible characters go, and
// other spaces become plain ones; a label also loses its blank-looking characters.
std::string clean_characters(const std::string& text, TextKind kind) {
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
        const int category = properties(code_point).category;
        if (category == UTF8PROC_CATEGORY_ZL || category == UTF8PROC_CATEGORY_ZP) code_point = '\n';
        const bool label = kind == TextKind::label;
        if (code_point == '\n') {
            kept.push_back(kind == TextKind::note ? '\n' : ' ');
        } else if (code_point == '\t' || category == UTF8PROC_CATEGORY_ZS ||
                   (label && looks_like_a_space(code_point))) {
            kept.push_back(' ');
        } else if (category == UTF8PROC_CATEGORY_CC || (label && is_blank_filler(code_point))) {
            continue;
        } else if (is_invisible(code_point)) {
            if (shows_inside_emoji(code_point, kept, text, position)) kept.push_back(code_point);
        } else {
            kept.push_back(code_point);
        }
    }
    std::string result;
    result.reserve(text.size());
    for (std::uint32_t code_point : kept)
        append_utf8(result, static_cast<char32_t>(code_point));
    return to_nfc(result);
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

// One line of text: runs of spaces become one, the ends are trimmed, and it is cut.
CleanedText clean_line(const std::string& text, std::size_t max_characters, TextKind kind) {
    const std::string one_line = clean_characters(text, kind);
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
        cut_to_characters(trim(clean_characters(text, TextKind::note)), note_max_characters);
    // A cut can leave a trailing line break or space behind.
    cleaned.text = trim(cleaned.text);
    return cleaned;
}

CleanedText clean_label(const std::string& text) {
    return clean_line(text, label_max_characters, TextKind::label);
}

CleanedText clean_single_line(const std::string& text, std::size_t max_characters) {
    return clean_line(text, max_characters, TextKind::line);
}

std::string printable_excerpt(const std::string& text, std::size_t max_characters) {
    CleanedText cleaned = clean_single_line(text, max_characters);
    if (cleaned.was_shortened) cleaned.text += "\u2026";
    return cleaned.text;
}

} // namespace lungguide
