#include "speech/spoken_text.h"

#include "common/letter_case.h"
#include "speech/pronunciations.h"

#include <algorithm>

namespace lungguide {

namespace {

// Letters of any script count as word characters: "é" never ends a word.
bool is_word_byte(char c) {
    return is_ascii_letter_or_digit(c) || static_cast<unsigned char>(c) >= 0x80;
}

bool same_letters(std::string_view text, std::string_view written, bool case_sensitive) {
    if (text.size() != written.size()) return false;
    for (std::size_t index = 0; index < text.size(); ++index) {
        const char a = case_sensitive ? text[index] : lower_ascii_char(text[index]);
        const char b = case_sensitive ? written[index] : lower_ascii_char(written[index]);
        if (a != b) return false;
    }
    return true;
}

// `written` at `at` as a whole word (optionally followed by a plural "s").
bool word_at(std::string_view text, std::size_t at, std::string_view written, bool case_sensitive,
             bool plural = false) {
    const std::size_t end = at + written.size() + (plural ? 1 : 0);
    if (end > text.size() || (at > 0 && is_word_byte(text[at - 1]))) return false;
    if (end < text.size() && is_word_byte(text[end])) return false;
    if (plural && text[end - 1] != 's') return false;
    return same_letters(text.substr(at, written.size()), written, case_sensitive);
}

// eSpeak reads "[[" as the start of phonemes: a page's text never is.
std::string escaped_for_espeak(std::string_view text) {
    std::string escaped(text);
    for (std::size_t at = escaped.find("[["); at != std::string::npos; at = escaped.find("[[", at))
        escaped.insert(at + 1, " ");
    return escaped;
}

// The sentence cut into pieces, left to right.
class PieceMaker {
  public:
    explicit PieceMaker(std::string_view shown) : shown_(shown) {}

    void replace(std::size_t begin, std::size_t end, std::string espeak, std::string plain) {
        begin = std::max(begin, kept_from_);
        keep_until(begin);
        pieces_.push_back({begin, end, std::move(espeak), std::move(plain), false});
        kept_from_ = end;
    }
    std::vector<SpokenPiece> finish() {
        keep_until(shown_.size());
        return std::move(pieces_);
    }

  private:
    void keep_until(std::size_t end) {
        if (end <= kept_from_) return;
        const std::string_view run = shown_.substr(kept_from_, end - kept_from_);
        pieces_.push_back({kept_from_, end, escaped_for_espeak(run), std::string(run), true});
        kept_from_ = end;
    }

    std::string_view shown_;
    std::vector<SpokenPiece> pieces_;
    std::size_t kept_from_ = 0;
};

// Whether the words before `at` (spaces skipped) end with `expansion`.
bool expansion_before(std::string_view text, std::size_t at, std::string_view expansion) {
    while (at > 0 && text[at - 1] == ' ')
        --at;
    if (at < expansion.size()) return false;
    return same_letters(text.substr(at - expansion.size(), expansion.size()), expansion, false);
}

// "(ILD)" right after "interstitial lung disease": read once. Returns the end of what to
// drop (from `begin`, the spaces before the bracket included), or 0.
std::size_t repeated_abbreviation(std::string_view text, std::size_t at,
                                  const Abbreviation& abbreviation) {
    if (text[at] != '(') return 0;
    const std::size_t close = at + 1 + abbreviation.written.size();
    if (close >= text.size() || text[close] != ')') return 0;
    if (text.substr(at + 1, abbreviation.written.size()) != abbreviation.written) return 0;
    if (!expansion_before(text, at, abbreviation.expansion)) return 0;
    return close + 1;
}

// A slash between words: "and/or" is said "and or", "ILD/pneumonitis" "ILD or pneumonitis".
bool read_slash(std::string_view text, std::size_t at, PieceMaker& pieces) {
    if (text[at] != '/' || at == 0 || at + 1 >= text.size()) return false;
    std::size_t before = at;
    while (before > 0 && text[before - 1] == ' ')
        --before;
    std::size_t after = at + 1;
    while (after < text.size() && text[after] == ' ')
        ++after;
    if (before == 0 || after >= text.size()) return false;
    const char left = text[before - 1];
    if (!(is_word_byte(left) || left == ')') || !is_word_byte(text[after])) return false;
    const bool and_or = before >= 3 && same_letters(text.substr(before - 3, 3), "and", false);
    const std::string said = and_or ? " " : " or ";
    pieces.replace(before, after, said, said);
    return true;
}

// The longest name or abbreviation of the list at `at`; true if one was read.
bool read_listed(std::string_view text, std::size_t at, const Pronunciations& list,
                 PieceMaker& pieces, std::size_t& next) {
    const Pronunciation* best = nullptr;
    for (const Pronunciation& word : list.words)
        if ((!best || word.written.size() > best->written.size()) &&
            word_at(text, at, word.written, word.case_sensitive))
            best = &word;
    for (const Abbreviation& abbreviation : list.abbreviations) {
        const std::size_t size = abbreviation.written.size();
        if (best && best->written.size() >= size) continue;
        for (bool plural : {false, true}) {
            if (!word_at(text, at, abbreviation.written, true, plural)) continue;
            std::string said = abbreviation.expansion + (plural ? "s" : "");
            next = at + size + (plural ? 1 : 0);
            pieces.replace(at, next, said, said);
            return true;
        }
    }
    if (!best) return false;
    next = at + best->written.size();
    // Without a respelling, other engines read the page's own letters ("Osimertinib").
    const std::string plain =
        best->say.empty() ? std::string(text.substr(at, next - at)) : best->say;
    pieces.replace(at, next, best->espeak.empty() ? plain : best->espeak, plain);
    return true;
}

} // namespace

std::string SpokenSentence::text_for(SpeechEngine engine) const {
    std::string text;
    for (const SpokenPiece& piece : pieces)
        text += engine == SpeechEngine::espeak ? piece.espeak : piece.plain;
    return text;
}

std::pair<std::size_t, std::size_t>
SpokenSentence::shown_range(SpeechEngine engine, std::size_t begin, std::size_t length) const {
    std::size_t offset = 0;
    for (const SpokenPiece& piece : pieces) {
        const std::size_t size =
            (engine == SpeechEngine::espeak ? piece.espeak : piece.plain).size();
        if (begin < offset + size || &piece == &pieces.back()) {
            if (!piece.as_written) return {piece.shown_begin, piece.shown_end};
            const std::size_t from =
                std::min(piece.shown_begin + (begin - std::min(begin, offset)), piece.shown_end);
            return {from, std::min(from + length, piece.shown_end)};
        }
        offset += size;
    }
    return {0, 0};
}

std::vector<std::string_view> split_sentences(std::string_view paragraph) {
    std::vector<std::string_view> sentences;
    auto add = [&](std::size_t begin, std::size_t end) {
        while (begin < end && paragraph[begin] == ' ')
            ++begin;
        while (end > begin && paragraph[end - 1] == ' ')
            --end;
        if (end > begin) sentences.push_back(paragraph.substr(begin, end - begin));
    };
    std::size_t start = 0;
    for (std::size_t at = 0; at + 2 < paragraph.size(); ++at) {
        const char mark = paragraph[at];
        if (mark != '.' && mark != '?' && mark != '!') continue;
        std::size_t end = at + 1; // a closing bracket or quote belongs to the sentence
        while (end < paragraph.size() && (paragraph[end] == ')' || paragraph[end] == '"'))
            ++end;
        if (end + 1 >= paragraph.size() || paragraph[end] != ' ') continue;
        const char next = paragraph[end + 1];
        const bool starts_sentence = (next >= 'A' && next <= 'Z') || (next >= '0' && next <= '9') ||
                                     next == '"' || next == '(' ||
                                     paragraph.substr(end + 1, 3) == "\xE2\x80\x9C";
        if (!starts_sentence) continue;
        add(start, end);
        start = end + 1;
        at = end;
    }
    add(start, paragraph.size());
    return sentences;
}

SpokenSentence make_spoken(std::string shown, std::string_view source, std::string place,
                           const Pronunciations& pronunciations) {
    SpokenSentence sentence;
    sentence.shown = std::move(shown);
    sentence.source = source;
    sentence.place = std::move(place);
    const std::string_view text = sentence.shown;
    PieceMaker pieces(text);
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t next = at + 1;
        bool done = false;
        for (const Abbreviation& abbreviation : pronunciations.abbreviations) {
            if (std::size_t end = repeated_abbreviation(text, at, abbreviation); end != 0) {
                std::size_t from = at;
                while (from > 0 && text[from - 1] == ' ')
                    --from;
                pieces.replace(from, end, "", "");
                next = end;
                done = true;
                break;
            }
        }
        if (!done && !read_slash(text, at, pieces) && (at == 0 || !is_word_byte(text[at - 1])))
            read_listed(text, at, pronunciations, pieces, next);
        at = next;
    }
    sentence.pieces = pieces.finish();
    return sentence;
}

} // namespace lungguide
