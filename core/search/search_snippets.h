// Snippets: the page's sentence a result comes from, cut to about snippet_max_bytes around
// the words that were searched for, on word boundaries, with "…" where it was cut.
//
// Where to centre: the first focus word or phrase the text has as written (ASCII case
// ignored, whole words); else the first that its folded words have, whole; else the first
// that starts some of its words. Focus words are tried in order at each step.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lungguide {

inline constexpr std::size_t snippet_max_bytes = 160;

// A text's folded words ("Abeloff’s" is "abeloffs"), each with where its space-separated
// chunk begins in the text. Made once per side-effect sentence when the index is built.
class FoldedWords {
  public:
    FoldedWords() = default;
    explicit FoldedWords(const std::string& text);
    std::size_t size() const { return words_.size(); }
    std::string_view word(std::size_t index) const {
        return std::string_view(folded_).substr(words_[index].begin, words_[index].length);
    }
    std::size_t chunk(std::size_t index) const { return words_[index].chunk; }

  private:
    struct Word {
        std::uint32_t chunk = 0;
        std::uint32_t begin = 0;
        std::uint32_t length = 0;
    };
    std::string folded_;
    std::vector<Word> words_;
};

// Each focus word or phrase as folded words; those with none are left out.
using FocusPhrases = std::vector<std::vector<std::string>>;
FocusPhrases focus_phrases(const std::vector<std::string>& focus);

// Where the first focus the text has as written begins, as a whole word (npos: none).
std::size_t first_plain_match(const std::string& text, const std::vector<std::string>& focus);

// Where the chunk of the first phrase found in words begins: as whole words, or as words
// that start with the phrase's words (npos: none).
std::size_t first_word_at(const FoldedWords& words, const FocusPhrases& phrases, bool whole);

// The body cut around the byte offset found (npos: from the start).
std::string snippet_at(const std::string& body, std::size_t found);

// The body cut around the first focus it has (see the top of this file).
std::string snippet_around(const std::string& body, const std::vector<std::string>& focus);
// The same, with the body's folded words from the caller, asked for only when needed.
std::string snippet_around(const std::string& body, const std::vector<std::string>& focus,
                           const std::function<const FoldedWords&()>& folded);

} // namespace lungguide
