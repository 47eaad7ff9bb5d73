#include "search/search_snippets.h"

#include "common/letter_case.h"
#include "common/utf8.h"
#include "search/search_text.h"

#include <algorithm>
#include <functional>
#include <optional>

namespace lungguide {

namespace {

// ASCII without apostrophes: its folded words are its runs of letters and digits, lower-cased.
bool is_plain(const std::string& text) {
    return std::none_of(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0x80) != 0 || c == '\'';
    });
}

// Where wanted first stands in lower (text lower-cased) at the start of a run of letters
// and digits, and, if whole, at its end too (npos: nowhere).
std::size_t first_at_word_start(const std::string& lower, const std::string& wanted, bool whole) {
    for (std::size_t at = lower.find(wanted); at != std::string::npos;
         at = lower.find(wanted, at + 1)) {
        const std::size_t end = at + wanted.size();
        const bool starts = at == 0 || !is_ascii_letter_or_digit(lower[at - 1]);
        const bool ends = end >= lower.size() || !is_ascii_letter_or_digit(lower[end]);
        if (starts && (ends || !whole)) return at;
    }
    return std::string::npos;
}

// first_plain_match over text already lower-cased.
std::size_t first_plain_match_in_lower(const std::string& lower,
                                       const std::vector<std::string>& focus) {
    for (const std::string& wanted : focus) {
        const std::string folded = lower_ascii(wanted);
        if (folded.empty()) continue;
        const std::size_t at = first_at_word_start(lower, folded, true);
        if (at != std::string::npos) return at;
    }
    return std::string::npos;
}

// first_word_at for one-word phrases in plain text (lower-cased): the words are runs of
// letters and digits, so a search of the text finds them without a list of its words.
std::size_t first_run_at(const std::string& lower, const FocusPhrases& phrases, bool whole) {
    for (const std::vector<std::string>& phrase : phrases) {
        const std::size_t at = first_at_word_start(lower, phrase.front(), whole);
        if (at == std::string::npos) continue;
        const std::size_t space = at == 0 ? std::string::npos : lower.rfind(' ', at - 1);
        return space == std::string::npos ? 0 : space + 1; // where its chunk begins
    }
    return std::string::npos;
}

} // namespace

FoldedWords::FoldedWords(const std::string& text) {
    folded_.reserve(text.size() + 1);
    if (is_plain(text)) {
        // ASCII without apostrophes folds to its runs of letters and digits, lower-cased:
        // read them in place, with no string per word (this runs per result and keystroke).
        folded_ = lower_ascii(text);
        std::size_t chunk = 0;
        for (std::size_t at = 0; at < folded_.size();) {
            if (folded_[at] == ' ') chunk = at + 1;
            if (!is_ascii_letter_or_digit(folded_[at])) {
                ++at;
                continue;
            }
            std::size_t end = at;
            while (end < folded_.size() && is_ascii_letter_or_digit(folded_[end]))
                ++end;
            words_.push_back({static_cast<std::uint32_t>(chunk), static_cast<std::uint32_t>(at),
                              static_cast<std::uint32_t>(end - at)});
            at = end;
        }
        return;
    }
    // Chunk by chunk, so each word knows its chunk; a folded chunk's words are split by
    // single spaces (as split_search_words reads them), without a string per word.
    std::string chunk;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        fold_for_search_into(std::string_view(text).substr(start, end - start), chunk);
        for (std::size_t from = 0; from < chunk.size();) {
            std::size_t stop = chunk.find(' ', from);
            if (stop == std::string::npos) stop = chunk.size();
            if (stop > from) {
                words_.push_back({static_cast<std::uint32_t>(start),
                                  static_cast<std::uint32_t>(folded_.size()),
                                  static_cast<std::uint32_t>(stop - from)});
                folded_.append(chunk, from, stop - from);
                folded_ += ' ';
            }
            from = stop + 1;
        }
        start = end + 1;
    }
}

FocusPhrases focus_phrases(const std::vector<std::string>& focus) {
    FocusPhrases phrases;
    for (const std::string& wanted : focus) {
        std::vector<std::string> phrase = split_search_words(wanted);
        if (!phrase.empty()) phrases.push_back(std::move(phrase));
    }
    return phrases;
}

std::size_t first_plain_match(const std::string& text, const std::vector<std::string>& focus) {
    return first_plain_match_in_lower(lower_ascii(text), focus);
}

std::size_t first_word_at(const FoldedWords& words, const FocusPhrases& phrases, bool whole) {
    for (const std::vector<std::string>& phrase : phrases) {
        for (std::size_t at = 0; at + phrase.size() <= words.size(); ++at) {
            bool match = true;
            for (std::size_t k = 0; match && k < phrase.size(); ++k) {
                const std::string_view word = words.word(at + k);
                const std::string& wanted = phrase[k]; // never empty
                // The first letters first: most words differ there, without a compare.
                match = !word.empty() && word[0] == wanted[0] &&
                        (whole ? word == wanted : word.substr(0, wanted.size()) == wanted);
            }
            if (match) return words.chunk(at);
        }
    }
    return std::string::npos;
}

std::string snippet_at(const std::string& body, std::size_t found) {
    if (body.size() <= snippet_max_bytes) return body;
    std::size_t start = found == std::string::npos || found < 40 ? 0 : found - 40;
    if (start > 0) {
        const std::size_t space = body.rfind(' ', start);
        start = space == std::string::npos ? 0 : space + 1;
    }
    std::string_view window =
        truncate_utf8(std::string_view(body).substr(start), snippet_max_bytes);
    const std::size_t last_space = window.rfind(' ');
    if (start + window.size() < body.size() && last_space != std::string_view::npos) {
        window = window.substr(0, last_space);
    }
    std::string snippet = start > 0 ? "\xE2\x80\xA6" : "";
    snippet += window;
    if (start + window.size() < body.size()) snippet += "\xE2\x80\xA6";
    return snippet;
}

std::string snippet_around(const std::string& body, const std::vector<std::string>& focus) {
    std::optional<FoldedWords> words;
    return snippet_around(body, focus, [&]() -> const FoldedWords& {
        if (!words) words.emplace(body);
        return *words;
    });
}

std::string snippet_around(const std::string& body, const std::vector<std::string>& focus,
                           const std::function<const FoldedWords&()>& folded) {
    // Nothing to centre on (an entry's own snippet): from the start, with no search.
    if (body.size() <= snippet_max_bytes || focus.empty())
        return snippet_at(body, std::string::npos);
    const std::string lower = lower_ascii(body);
    std::size_t found = first_plain_match_in_lower(lower, focus);
    if (found != std::string::npos) return snippet_at(body, found);
    const FocusPhrases phrases = focus_phrases(focus);
    const bool one_word_each = std::all_of(phrases.begin(), phrases.end(),
                                           [](const auto& phrase) { return phrase.size() == 1; });
    if (one_word_each && is_plain(body)) {
        found = first_run_at(lower, phrases, true);
        if (found == std::string::npos) found = first_run_at(lower, phrases, false);
        return snippet_at(body, found);
    }
    const FoldedWords& words = folded(); // often kept by the caller: folding is the cost
    found = first_word_at(words, phrases, true);
    if (found == std::string::npos) found = first_word_at(words, phrases, false);
    return snippet_at(body, found);
}

} // namespace lungguide
