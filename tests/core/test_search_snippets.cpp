// Snippets: the short ways (plain text searched without a word list, steps done when the
// index is built) must centre every snippet exactly where the general way does.
#include "content/page_passages.h"
#include "content_test_support.h"
#include "search/search_snippets.h"
#include "search/search_text.h"

#include <set>

using namespace lungguide;
using namespace lungguide::testing;

namespace {

// snippet_around the long way: the folded word list of the whole body, always.
std::string snippet_the_long_way(const std::string& body, const std::vector<std::string>& focus) {
    if (body.size() <= snippet_max_bytes || focus.empty())
        return snippet_at(body, std::string::npos);
    std::size_t found = first_plain_match(body, focus);
    if (found == std::string::npos) {
        const FoldedWords words(body);
        const FocusPhrases phrases = focus_phrases(focus);
        found = first_word_at(words, phrases, true);
        if (found == std::string::npos) found = first_word_at(words, phrases, false);
    }
    return snippet_at(body, found);
}

std::vector<std::string> bodies() {
    std::vector<std::string> texts;
    for (const PagePassage& passage : page_passages(shipped_pack().guide()))
        texts.push_back(passage.body);
    // And text that is not plain ASCII: curly apostrophes, accents, a soft hyphen.
    texts.push_back("Abeloff\u2019s Clinical Oncology says the dose is lower when people have "
                    "nausea, and na\u00efve patients\u00ad may feel very tired. It is a long "
                    "sentence, so that the snippet has to be cut somewhere in the middle of it.");
    return texts;
}

} // namespace

TEST_CASE("a text's folded words are the words search reads in it") {
    for (const std::string& body : bodies()) {
        const FoldedWords words(body);
        const std::vector<std::string> expected = split_search_words(body);
        REQUIRE(words.size() == expected.size());
        for (std::size_t index = 0; index < words.size(); ++index)
            CHECK(words.word(index) == expected[index]);
    }
}

TEST_CASE("every snippet is centred where the long way centres it") {
    // Focus words: every word of the page and its first letters, alone and in pairs.
    std::set<std::string> words;
    for (const std::string& body : bodies())
        for (const std::string& word : split_search_words(body))
            words.insert(word);
    std::vector<std::vector<std::string>> focuses;
    std::string previous = "high";
    for (const std::string& word : words) {
        focuses.push_back({word});
        focuses.push_back({word.substr(0, 2)});
        focuses.push_back({word.substr(0, 3), previous});
        focuses.push_back({"blood " + word.substr(0, 2)}); // a phrase of two words
        previous = word;
    }
    std::size_t compared = 0, cut = 0;
    for (const std::string& body : bodies()) {
        for (const std::vector<std::string>& focus : focuses) {
            const std::string snippet = snippet_around(body, focus);
            REQUIRE(snippet == snippet_the_long_way(body, focus));
            ++compared;
            if (snippet.rfind("\xE2\x80\xA6", 0) == 0) ++cut; // centred past the start
        }
    }
    CHECK(compared > 100000);
    CHECK(cut > 1000); // the centring was really exercised, not only the start
}
