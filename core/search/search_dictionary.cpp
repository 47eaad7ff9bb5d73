#include "search/search_dictionary.h"

#include "search/search_index_data.h"
#include "search/search_text.h"

#include <algorithm>
#include <unordered_set>

namespace lungguide {

std::vector<std::string> read_word_list(std::string_view text) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        line = line.substr(0, line.find('/')); // hunspell flags
        for (const std::string& word : split_search_words(line)) {
            if (!contains_digit(word)) words.push_back(word);
        }
    }
    return words;
}

std::vector<std::string> dictionary_words(const std::vector<std::string>& american,
                                          const std::vector<std::vector<std::string>>& others,
                                          const std::vector<std::string>& british) {
    const std::unordered_set<std::string> american_words(american.begin(), american.end());
    std::unordered_set<std::string> british_spellings;
    for (const std::string& word : british) {
        if (!american_words.count(word)) british_spellings.insert(word);
    }
    std::unordered_set<std::string> words = american_words;
    for (const auto& list : others) {
        for (const std::string& word : list) {
            if (!british_spellings.count(word)) words.insert(word);
        }
    }
    std::vector<std::string> sorted(words.begin(), words.end());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

std::vector<std::string>
SearchIndex::real_words_in_typo_reach(const std::vector<std::string>& words) const {
    const Data& data = *data_;
    std::vector<std::string> in_reach;
    for (const std::string& word : words) {
        WordId known = 0;
        if (contains_digit(word) || data.vocabulary.find(word, known)) continue;
        const std::u32string code_points = decode_utf8(word);
        const int typos = allowed_typos(code_points.size());
        if (typos == 0) continue;
        TokenMatch token;
        token.text = word;
        if (data.add_inflections(token)) continue; // found as a form of a page word
        // As a finished word and as the last word still being typed ("black" → "back…"),
        // and as a word that sounds like one ("chills" and "calluses").
        token.candidates.clear();
        data.add_sound_alikes(token);
        if (!data.words_in_reach(code_points, typos, false).empty() ||
            !data.words_in_reach(code_points, typos, true).empty() || !token.candidates.empty()) {
            in_reach.push_back(word);
        }
    }
    std::sort(in_reach.begin(), in_reach.end());
    in_reach.erase(std::unique(in_reach.begin(), in_reach.end()), in_reach.end());
    return in_reach;
}

} // namespace lungguide
