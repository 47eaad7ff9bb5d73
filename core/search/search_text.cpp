#include "search/search_text.h"

#include "common/letter_case.h"
#include "common/utf8.h"

#include <algorithm>
#include <array>

namespace lungguide {

namespace {

// Base letters for U+00C0..U+00FF; '*' marks letters spelled with two ("ae", "ss", "th")
// and ' ' marks the two signs (× ÷) in the block.
constexpr std::string_view latin1_letters = "aaaaaa*ceeeeiiii"  // C0..CF
                                            "dnooooo ouuuuy**"  // D0..DF
                                            "aaaaaa*ceeeeiiii"  // E0..EF
                                            "dnooooo ouuuuy*y"; // F0..FF

// Base letters for Latin Extended-A, U+0100..U+017F; '*' marks ligatures (ij, oe).
constexpr std::string_view latin_extended_a_letters = "aaaaaaccccccccdd"  // 100..10F
                                                      "ddeeeeeeeeeegggg"  // 110..11F
                                                      "gggghhhhiiiiiiii"  // 120..12F
                                                      "ii**jjkkklllllll"  // 130..13F
                                                      "lllnnnnnnnnnoooo"  // 140..14F
                                                      "oo**rrrrrrssssss"  // 150..15F
                                                      "ssttttttuuuuuuuu"  // 160..16F
                                                      "uuuuwwyyyzzzzzzs"; // 170..17F
static_assert(latin1_letters.size() == 64);
static_assert(latin_extended_a_letters.size() == 128);

// What one code point becomes in folded text: letters/digits to append, a separator,
// or nothing at all.
enum class FoldKind { append, separator, drop };

// An ASCII character: its folded letter (appended), or a separator, or nothing.
FoldKind fold_ascii(char c, char& letter) {
    if (is_ascii_letter_or_digit(c)) {
        letter = lower_ascii_char(c);
        return FoldKind::append;
    }
    // "can't" and "don't" are one word for search, as people type them without.
    if (c == '\'') return FoldKind::drop;
    return FoldKind::separator;
}

FoldKind fold_code_point(char32_t code_point, std::string& letters) {
    letters.clear();
    if (code_point < 0x80) {
        char letter = 0;
        const FoldKind kind = fold_ascii(static_cast<char>(code_point), letter);
        if (kind == FoldKind::append) letters += letter;
        return kind;
    }
    if (code_point == 0x2018 || code_point == 0x2019 || code_point == 0x00AD) {
        return FoldKind::drop; // curly apostrophes, soft hyphen
    }
    if (code_point >= 0x0300 && code_point <= 0x036F) return FoldKind::drop; // combining marks
    if (code_point >= 0xFE00 && code_point <= 0xFE0F) return FoldKind::drop; // variation selectors
    if (code_point == 0xFEFF || code_point == 0x200B || code_point == 0x200C ||
        code_point == 0x200D) {
        return FoldKind::drop; // byte order mark, zero-width characters
    }
    if (code_point >= 0xC0 && code_point <= 0xFF) {
        const char base = latin1_letters[code_point - 0xC0];
        if (base == ' ') return FoldKind::separator;
        if (base != '*') {
            letters += base;
            return FoldKind::append;
        }
        switch (code_point) {
        case 0xC6:
        case 0xE6:
            letters = "ae";
            break;
        case 0xDF:
            letters = "ss";
            break;
        default:
            letters = "th"; // þ Þ
            break;
        }
        return FoldKind::append;
    }
    if (code_point >= 0x100 && code_point <= 0x17F) {
        const char base = latin_extended_a_letters[code_point - 0x100];
        if (base != '*') {
            letters += base;
            return FoldKind::append;
        }
        letters = (code_point == 0x132 || code_point == 0x133) ? "ij" : "oe";
        return FoldKind::append;
    }
    // Latin-1 punctuation, C1 controls, general punctuation, symbols, arrows, boxes,
    // dingbats, CJK punctuation, the replacement character, emoji: all separators.
    if (code_point < 0xC0) return FoldKind::separator;
    if (code_point >= 0x2000 && code_point <= 0x2BFF) return FoldKind::separator;
    if (code_point >= 0x3000 && code_point <= 0x303F) return FoldKind::separator;
    if (code_point >= 0xFFF0 && code_point <= 0xFFFF) return FoldKind::separator;
    if (code_point >= 0x1F000) return FoldKind::separator;
    append_utf8(letters, code_point);
    return FoldKind::append;
}

} // namespace

std::string fold_for_search(std::string_view text) {
    std::string folded;
    fold_for_search_into(text, folded);
    return folded;
}

void fold_for_search_into(std::string_view text, std::string& folded) {
    folded.clear();
    folded.reserve(text.size());
    std::string letters;
    bool pending_space = false;
    std::size_t position = 0;
    const auto append = [&](std::string_view letters_to_add) {
        if (pending_space && !folded.empty()) folded += ' ';
        pending_space = false;
        folded += letters_to_add;
    };
    while (position < text.size()) {
        const auto byte = static_cast<unsigned char>(text[position]);
        if (byte < 0x80) {
            // Nearly all text is ASCII: one letter, without decoding or a letters buffer.
            ++position;
            char letter = 0;
            const FoldKind kind = fold_ascii(static_cast<char>(byte), letter);
            if (kind == FoldKind::append) append(std::string_view(&letter, 1));
            if (kind == FoldKind::separator) pending_space = true;
            continue;
        }
        const FoldKind kind = fold_code_point(decode_utf8_code_point(text, position), letters);
        if (kind == FoldKind::append) append(letters);
        if (kind == FoldKind::separator) pending_space = true;
    }
}

std::vector<std::string> split_search_words(std::string_view text) {
    const std::string folded = fold_for_search(text);
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < folded.size()) {
        std::size_t end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        if (end > start) words.emplace_back(folded, start, end - start);
        start = end + 1;
    }
    return words;
}

bool is_search_stop_word(std::string_view folded_word) {
    // Small words and fillers people add around a symptom ("I feel so tired").
    // Sorted for binary search.
    static constexpr std::array<std::string_view, 85> stop_words = {
        "a",     "about", "after",   "again",   "all",      "also",       "always", "am",
        "an",    "and",   "any",     "are",     "at",       "be",         "been",   "being",
        "bit",   "by",    "can",     "cannot",  "cant",     "constantly", "do",     "does",
        "dont",  "ever",  "feel",    "feeling", "feels",    "felt",       "for",    "from",
        "get",   "gets",  "getting", "got",     "had",      "has",        "have",   "having",
        "how",   "i",     "im",      "in",      "is",       "it",         "its",    "ive",
        "keep",  "keeps", "lately",  "lot",     "lots",     "me",         "my",     "no",
        "not",   "now",   "of",      "on",      "or",       "quite",      "really", "recently",
        "since", "so",    "some",    "started", "starting", "still",      "stop",   "the",
        "this",  "to",    "today",   "very",    "was",      "week",       "weeks",  "were",
        "what",  "when",  "with",    "wont",    "yesterday"};
    return std::binary_search(stop_words.begin(), stop_words.end(), folded_word);
}

bool is_search_qualifier_word(std::string_view folded_word) {
    return folded_word == "being" || folded_word == "feel" || folded_word == "feeling" ||
           folded_word == "feels" || folded_word == "felt" || folded_word == "very" ||
           folded_word == "really" || folded_word == "all";
}

bool contains_digit(std::string_view folded_word) {
    return std::any_of(folded_word.begin(), folded_word.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace lungguide
