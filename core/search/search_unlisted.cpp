// What the page does not list (step 7 of answering, search_index.cpp), and help with
// spelling: corrections made, a rewritten query to offer, the closest words.
#include "search/search_index_data.h"

#include <algorithm>

namespace lungguide {

// ---- step 7: what the page does not list ----------------------------------------------

// What the results answer, as masks of the query's words.
Coverage SearchIndex::Data::coverage_of(const std::vector<RankedEntry>& ranked,
                                        const std::vector<SearchResult>& passages,
                                        const std::vector<TokenMatch>& tokens) const {
    Coverage coverage;
    for (const RankedEntry& item : ranked)
        if (item.full) coverage.full.push_back(item.hit.content);
    for (const PhraseHit& hit : phrase_hits) // every phrase with some of the words
        coverage.any.push_back(hit.tokens);
    // Only the page's side effects list a complaint: "coughing up blood" is in the page's
    // text (the drugs are not used then), not among the side effects.
    if (std::any_of(passages.begin(), passages.end(), [](const SearchResult& passage) {
            return passage.full_match && passage.kind == SearchResultKind::side_effect;
        }))
        coverage.full.push_back(content_mask(tokens));
    coverage.typing = word_still_typed(tokens);
    return coverage;
}

std::vector<std::string> SearchIndex::Data::unlisted_complaints(
    std::vector<QuerySegment>& segments, const Coverage& coverage,
    const std::vector<std::string>& words, TokenMask names) const {
    auto covered = [](const std::vector<TokenMask>& masks, TokenMask wanted) {
        return std::any_of(masks.begin(), masks.end(),
                           [&](TokenMask mask) { return (mask & wanted) == wanted; });
    };
    std::vector<std::string> unlisted;
    for (QuerySegment& segment : segments) {
        if ((!segment.complaint && !segment.other_classes) || segment.negated) continue;
        // "osimertinib constipation": listed, but not for the class named.
        if (covered(coverage.full, segment.to_cover) && !segment.other_classes) continue;
        // "pain", "sore" alone: the page lists several pains; none is the answer, and none
        // is missing either (the partial results show them).
        bool only_unspecific = true;
        for (std::size_t index = segment.first; index <= segment.last && index < words.size();
             ++index)
            if ((segment.tokens >> index) & 1u)
                only_unspecific = only_unspecific && is_unspecific_complaint(words[index]);
        if (only_unspecific && segment.negations == 0) continue;
        // "diarrhea k…": a last word still being typed that names no complaint may yet be a
        // word the page has; while the rest of its part is answered, nothing is unlisted.
        // The rest: all of the part's words, qualifiers too ("skin problems y").
        const TokenMask rest = segment.all_words & ~coverage.typing;
        if ((coverage.typing & segment.tokens) != 0 && rest != 0 && covered(coverage.any, rest))
            continue;
        segment.unlisted = true;
        // What is unlisted is the complaint: "can alectinib cause weight gain" does not list
        // "weight gain", not "alectinib cause weight gain". A name, and the words between it
        // and the complaint that are not looked up, are left out at either end.
        std::size_t first = segment.first, last = std::min(segment.last, words.size() - 1);
        auto left_out = [&](std::size_t index) {
            const TokenMask bit = TokenMask{1} << index;
            return (names & bit) != 0 || ((segment.all_words | segment.negations) & bit) == 0;
        };
        while (first < last && left_out(first))
            ++first;
        while (last > first && left_out(last))
            --last;
        std::string text;
        for (std::size_t index = first; index <= last && index < words.size(); ++index) {
            text += (text.empty() ? "" : " ") + words[index];
        }
        if (!text.empty() && std::find(unlisted.begin(), unlisted.end(), text) == unlisted.end())
            unlisted.push_back(text);
    }
    return unlisted;
}

std::vector<std::string>
SearchIndex::Data::corrections_of(const std::vector<TokenMatch>& tokens) const {
    std::vector<std::string> understood_as;
    for (const TokenMatch& token : tokens) {
        if (token.candidates.empty() || token.optional) continue;
        const WordId best = token.candidates.front().word;
        auto corrected = corrected_spellings.find(best);
        std::string shown;
        if (corrected != corrected_spellings.end()) {
            shown = corrected->second;
        } else if (token.corrected) {
            shown = vocabulary.text(best);
        }
        if (!shown.empty() &&
            std::find(understood_as.begin(), understood_as.end(), shown) == understood_as.end()) {
            understood_as.push_back(shown);
        }
    }
    return understood_as;
}

// "sore joins": "joins" is a real word, so it stays as typed; "sore joints" is offered
// when it would find a full answer and leave nothing unlisted.
std::string SearchIndex::Data::rewrite_suggestion(const std::vector<TokenMatch>& tokens,
                                                  const SearchOptions& options) const {
    std::string rewritten;
    bool changed = false;
    for (const TokenMatch& token : tokens) {
        std::string word = token.text;
        if (token.real_word) {
            const std::u32string code_points = decode_utf8(token.text);
            const int typos = std::max(1, allowed_typos(code_points.size()));
            for (const VocabularyMatch& match :
                 vocabulary.words_near(code_points, typos, false, typo_candidates_per_word)) {
                if (!indexed_words.count(match.word)) continue;
                word = vocabulary.text(match.word);
                changed = true;
                break;
            }
        }
        rewritten += (rewritten.empty() ? "" : " ") + word;
    }
    if (!changed) return {};
    const SearchResponse check = answer(rewritten, options, false);
    const bool answers = !check.results.empty() && check.results.front().full_match &&
                         check.not_listed.empty() && check.understood_as.empty();
    return answers ? rewritten : std::string{};
}

std::vector<std::string>
SearchIndex::Data::suggestions_for(const std::vector<TokenMatch>& tokens) const {
    std::vector<std::string> suggestions;
    for (const TokenMatch& token : tokens) {
        if (token.optional || contains_digit(token.text)) continue;
        const std::u32string code_points = decode_utf8(token.text);
        if (code_points.size() < 3) continue;
        // Further than typo tolerance allows, but still close enough to be a fair guess.
        const int distance = std::min<int>(3, static_cast<int>(code_points.size()) - 1);
        for (const VocabularyMatch& match :
             vocabulary.words_near(code_points, distance, false, suggestions_max * 4)) {
            const std::string& text = vocabulary.text(match.word);
            if (is_search_stop_word(text) || text.size() < 3) continue;
            if (!indexed_words.count(match.word)) continue; // only words that find something
            auto corrected = corrected_spellings.find(match.word);
            const std::string shown =
                corrected != corrected_spellings.end() ? fold_for_search(corrected->second) : text;
            if (std::find(suggestions.begin(), suggestions.end(), shown) == suggestions.end()) {
                suggestions.push_back(shown);
            }
            if (suggestions.size() == suggestions_max) return suggestions;
        }
    }
    return suggestions;
}

} // namespace lungguide
