// The results of the ranked entries and of the page's passages (step 6 of answering,
// search_index.cpp): one card per class and severity, a snippet, and why each is shown.
#include "search/search_index_data.h"

#include "search/search_snippets.h"

#include <algorithm>
#include <array>
#include <optional>

namespace lungguide {

// and the word as typed.
std::vector<std::string>
SearchIndex::Data::focus_words(const std::vector<TokenMatch>& tokens) const {
    std::vector<std::string> words;
    for (const TokenMatch& token : tokens) {
        if (token.optional) continue;
        if (!token.candidates.empty())
            words.push_back(vocabulary.text(token.candidates.front().word));
        words.push_back(token.text);
    }
    return words;
}

// ---- step 6: results ------------------------------------------------------------------

// Where each side-effect item's title is in its sentence, when the page writes it there as
// is: then its snippet never depends on the query (the title is the first focus).
void SearchIndex::Data::place_item_titles() {
    for (Entry& entry : entries) {
        for (SideEffectOccurrence& occurrence : entry.occurrences) {
            const std::string& sentence = side_effect_sentences[occurrence.sentence];
            occurrence.title_at = first_plain_match(sentence, {occurrence.title});
            // Its snippet then never depends on the query: made once, here.
            if (occurrence.title_at != std::string::npos)
                occurrence.snippet = snippet_at(sentence, occurrence.title_at);
            if (occurrence.title_at != std::string::npos || sentence.size() <= snippet_max_bytes)
                continue;
            const FoldedWords& words =
                sentence_words.try_emplace(occurrence.sentence, sentence).first->second;
            const FocusPhrases title = focus_phrases({occurrence.title});
            occurrence.title_whole_at = first_word_at(words, title, true);
            occurrence.title_prefix_at = first_word_at(words, title, false);
        }
    }
}

// snippet_around(sentence, {title} + query words) for an item whose sentence does not say
// its title as is, with the steps that need no query done when the index was built.
std::string SearchIndex::Data::item_snippet(const SideEffectOccurrence& occurrence,
                                            const std::vector<std::string>& query_words,
                                            std::optional<FocusPhrases>& query_phrases) const {
    const std::string& sentence = side_effect_sentences[occurrence.sentence];
    if (sentence.size() <= snippet_max_bytes) return sentence;
    auto words = sentence_words.find(occurrence.sentence);
    if (words == sentence_words.end()) { // place_item_titles() always makes them; the long way
        std::vector<std::string> focus = {occurrence.title};
        focus.insert(focus.end(), query_words.begin(), query_words.end());
        return snippet_around(sentence, focus);
    }
    std::size_t found = first_plain_match(sentence, query_words);
    if (found == std::string::npos) found = occurrence.title_whole_at;
    // The query's words as phrases, made the first time a snippet needs them (most never do).
    if (found == std::string::npos && !query_phrases) query_phrases = focus_phrases(query_words);
    if (found == std::string::npos) found = first_word_at(words->second, *query_phrases, true);
    if (found == std::string::npos) found = occurrence.title_prefix_at;
    if (found == std::string::npos) found = first_word_at(words->second, *query_phrases, false);
    return snippet_at(sentence, found);
}

// A concept's items: first those of a class the query names ("EGFR diarrhea"), then those
// that say the query's word ("rash" before "severe skin rashes", and for "infection" the
// count "which increases your risk of infection"), each in page order. The named class
// first here keeps its item among those there is room for; put_named_classes_first then
// orders the cards of every entry.
std::vector<const SideEffectOccurrence*>
SearchIndex::Data::occurrences_in_order(const Entry& entry, const std::vector<WordId>& query_ids,
                                        const std::vector<bool>& named_classes,
                                        std::size_t room) const {
    // Both sorted: the shorter list's words are looked up in the longer (a one-letter prefix
    // completes to 120 words; a sentence has 30; a query has one or two).
    auto says = [&](const std::vector<WordId>& words) {
        const bool query_shorter = query_ids.size() <= words.size();
        const std::vector<WordId>& few = query_shorter ? query_ids : words;
        const std::vector<WordId>& many = query_shorter ? words : query_ids;
        for (WordId word : few)
            if (std::binary_search(many.begin(), many.end(), word)) return true;
        return false;
    };
    // One pass, and only as many as there is room for: a concept on a large pack has
    // thousands of items. Tiers: named class or not, then title, sentence, neither.
    std::array<std::vector<const SideEffectOccurrence*>, 6> tiers;
    for (const SideEffectOccurrence& occurrence : entry.occurrences) {
        if (tiers[0].size() >= room) break;
        const std::size_t named = named_classes[occurrence.class_index] ? 0 : 3;
        if (tiers[named].size() >= room && tiers[named + 1].size() >= room &&
            tiers[named + 2].size() >= room)
            continue;
        const std::size_t said = says(occurrence.title_word_ids)                        ? 0
                                 : says(sentences[occurrence.sentence].sorted_word_ids) ? 1
                                                                                        : 2;
        if (tiers[named + said].size() < room) tiers[named + said].push_back(&occurrence);
    }
    std::vector<const SideEffectOccurrence*> ordered;
    for (const auto& tier : tiers) {
        for (const SideEffectOccurrence* occurrence : tier) {
            if (ordered.size() >= room) return ordered;
            ordered.push_back(occurrence);
        }
    }
    return ordered;
}

// Classes the query names whole: a class, a drug or brand, or a gene change ("EGFR",
// "Tagrisso", "RET inhibitors"), with words as typed (not completions of a word being
// typed: "k" is not yet "Krazati").
NamedClasses SearchIndex::Data::classes_named() const {
    NamedClasses named;
    named.classes.assign(class_ids.size(), false);
    for (const auto& [entry_index, hit] : entry_hits) {
        const Entry& entry = entries[entry_index];
        const bool names_a_class = entry.kind == SearchResultKind::drug_class ||
                                   entry.kind == SearchResultKind::drug ||
                                   entry.kind == SearchResultKind::biomarker;
        if (!names_a_class || !hit.every_word || hit.content == 0 || hit.typed != hit.content)
            continue;
        named.tokens |= hit.content;
        for (std::uint32_t class_index : entry.class_indexes)
            named.classes[class_index] = true;
    }
    return named;
}

// Why an entry's results are shown: the page's own words, everyday words for them, a
// spelling slip, a name; or shared words only, the opposite, or a complaint said absent.
SearchBecause SearchIndex::Data::because_of(const RankedEntry& item,
                                            const std::vector<TokenMatch>& tokens,
                                            const std::vector<QuerySegment>& segments) const {
    SearchBecause because;
    because.typed_words = item.hit.content;
    if (item.full || item.match == SearchMatch::negated || item.match == SearchMatch::other_class) {
        const QuerySegment& segment = segments[item.segment];
        std::size_t first = segment.first; // from its negation: "no rash"
        for (std::size_t index = 0; index < segment.first; ++index)
            if ((segment.negations >> index) & 1u) first = std::min(first, index);
        because.part_first = static_cast<std::uint8_t>(first);
        because.part_last = static_cast<std::uint8_t>(shown_last(segment));
        because.typed_words = item.hit.content | (item.hit.optional & segment.negations);
    }
    // The phrase's grammar words as typed too: "the runs", not "runs".
    const Phrase& phrase = phrases[item.hit.phrase];
    const WordId* first_word = phrase_words.data() + phrase.first_word;
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        WordId word = 0;
        if (!tokens[index].optional || !vocabulary.find(tokens[index].text, word)) continue;
        if (std::find(first_word, first_word + phrase.word_count, word) !=
            first_word + phrase.word_count)
            because.typed_words |= TokenMask{1} << index;
    }
    // An idiom's words as typed too: "no feeling", not "feeling".
    for (std::size_t index = 0; index < tokens.size() && index < 32; ++index) {
        const int head = tokens[index].idiom_head;
        if (head >= 0 && head < 32 && ((because.typed_words >> head) & 1u))
            because.typed_words |= TokenMask{1} << index;
    }
    const Entry& entry = entries[item.entry];
    bool corrected = false;
    for (std::size_t index = 0; index < tokens.size(); ++index)
        corrected = corrected || (((item.hit.content >> index) & 1u) && tokens[index].corrected);
    if (item.match == SearchMatch::negated) {
        because.kind = BecauseKind::negated;
    } else if (item.match == SearchMatch::other_class) {
        because.kind = BecauseKind::other_class;
    } else if (!item.full) {
        because.kind = item.hit.opposite ? BecauseKind::opposite : BecauseKind::partial;
    } else if (entry.kind != SearchResultKind::side_effect) {
        because.kind = corrected ? BecauseKind::corrected : BecauseKind::named;
    } else if (corrected) {
        because.kind = BecauseKind::corrected;
    } else {
        because.kind =
            phrase_is_lay[item.hit.phrase] ? BecauseKind::lay_words : BecauseKind::page_words;
    }
    return because;
}

void SearchIndex::Data::append_entry_results(
    const std::vector<RankedEntry>& ranked, const std::vector<TokenMatch>& tokens,
    const std::vector<QuerySegment>& segments, const std::vector<std::string>& query_words,
    const std::vector<bool>& class_allowed, const std::vector<bool>& named_classes,
    std::size_t limit, std::vector<SearchResult>& results) const {
    const bool all_allowed = std::all_of(class_allowed.begin(), class_allowed.end(),
                                         [](bool allowed) { return allowed; });
    // The query's words as word ids (the page's words are all in the vocabulary), for
    // occurrences_in_order: an occurrence's lists of words are sorted ids.
    std::vector<WordId> query_ids;
    for (const std::string& word : query_words) {
        WordId id = 0;
        if (vocabulary.find(word, id)) query_ids.push_back(id);
    }
    std::sort(query_ids.begin(), query_ids.end()); // occurrences_in_order looks words up in it
    std::optional<FocusPhrases> query_phrases;     // made by item_snippet when it needs them
    results.reserve(std::min<std::size_t>(limit, 64));
    for (const RankedEntry& item : ranked) {
        if (results.size() >= limit) break;
        const Entry& entry = entries[item.entry];
        const SearchBecause because = because_of(item, tokens, segments);
        if (entry.kind == SearchResultKind::side_effect) {
            const std::size_t room =
                all_allowed ? limit - results.size() : entry.occurrences.size();
            for (const SideEffectOccurrence* in_order :
                 occurrences_in_order(entry, query_ids, named_classes, room)) {
                const SideEffectOccurrence& occurrence = *in_order;
                if (results.size() >= limit) break;
                if (!class_allowed[occurrence.class_index]) continue;
                const SearchMatch match = item.full || item.match == SearchMatch::other_class
                                              ? item.match
                                              : SearchMatch::partial;
                SearchResult result = occurrence_card(occurrence, match, false);
                // Where the page splits its words, around the query's.
                if (occurrence.title_at == std::string::npos)
                    result.snippet = item_snippet(occurrence, query_words, query_phrases);
                result.because = because;
                result.score = item.hit.score;
                results.push_back(std::move(result));
            }
            continue;
        }
        SearchResult result;
        result.kind = entry.kind;
        for (std::uint32_t index : entry.class_indexes)
            result.class_ids.push_back(class_ids[index]);
        result.drug_id = entry.drug_id;
        result.target_id = entry.target_id;
        result.title = entry.title;
        result.snippet = snippet_around(entry.snippet, {});
        result.match =
            item.full || item.match == SearchMatch::other_class ? item.match : SearchMatch::partial;
        result.full_match = result.match == SearchMatch::full;
        result.because = because;
        result.score = item.hit.score;
        results.push_back(std::move(result));
    }
}

// A text's folded words, made the first time a snippet needs them and kept: folding was a
// third of a passage card's cost on every keystroke.
const FoldedWords& SearchIndex::Data::folded_once(std::vector<std::unique_ptr<FoldedWords>>& cache,
                                                  std::size_t index,
                                                  const std::string& text) const {
    if (cache.size() <= index) cache.resize(index + 1);
    if (!cache[index]) cache[index] = std::make_unique<FoldedWords>(text);
    return *cache[index];
}

std::vector<SearchResult>
SearchIndex::Data::text_results(const std::vector<TokenMatch>& tokens,
                                const std::vector<bool>& class_allowed, bool filtered,
                                std::size_t limit, const std::vector<SearchResult>& shown) const {
    const std::vector<std::string> focus = focus_words(tokens); // once, not per passage
    std::vector<SearchResult> results;
    // Ranks a few more when filtering by class, since some will be dropped.
    for (std::uint32_t index : ranked_passages(tokens, filtered ? limit * 8 : limit)) {
        if (results.size() >= limit) break;
        const Passage& passage = passages[index];
        if (filtered &&
            (passage.class_index == Passage::none || !class_allowed[passage.class_index]))
            continue;
        if (passage.sentence != Passage::none) {
            SearchResult result =
                side_effect_sentence_result(passage.sentence, passage.title, tokens);
            if (result.title.empty()) continue;
            // A sentence whose card is already shown is dropped by append_passages: its
            // snippet would never be seen.
            const bool dropped =
                std::any_of(shown.begin(), shown.end(),
                            [&](const SearchResult& r) { return same_sentence_card(r, result); });
            if (!dropped)
                result.snippet = snippet_around(
                    side_effect_sentences[passage.sentence], // label: text
                    result.kind == SearchResultKind::side_effect ? focus
                                                                 : std::vector<std::string>{},
                    [&]() -> const FoldedWords& {
                        return folded_once(sentence_folds, passage.sentence,
                                           side_effect_sentences[passage.sentence]);
                    });
            results.push_back(std::move(result));
            continue;
        }
        SearchResult result;
        result.kind = SearchResultKind::text;
        if (!passage.class_id.empty()) result.class_ids.push_back(passage.class_id);
        result.target_id = passage.target_id;
        result.title = passage.title;
        result.snippet = snippet_around(passage.body, focus, [&]() -> const FoldedWords& {
            return folded_once(passage_folds, index, passage.body);
        });
        if (passage.drug) result.drug_id = result.target_id;
        results.push_back(std::move(result));
    }
    return results;
}

// The query words each clause or term word is a reading of: by word id, through the table
// collect_phrase_hits stamped (no strings compared); the word still being typed also as a
// start of the clause's word, as its completions are capped.
TokenMask SearchIndex::Data::tokens_in(const std::vector<WordId>& ids,
                                       const std::vector<std::string>& words,
                                       const std::vector<TokenMatch>& tokens) const {
    TokenMask found = 0;
    const bool typing = !tokens.empty() && tokens.back().prefix && !tokens.back().optional;
    const TokenMask last = typing ? TokenMask{1} << (tokens.size() - 1) : 0;
    for (std::size_t index = 0; index < ids.size(); ++index) {
        const WordId id = ids[index];
        if (id < word_tokens.size() && word_tokens[id].stamp == generation)
            found |= word_tokens[id].tokens;
        if (typing && !(found & last) && words[index].rfind(tokens.back().text, 0) == 0)
            found |= last;
    }
    return found;
}

// The clause with the most (and rarest) of the query's words: its side effect is the
// answer, and a full one only when that clause has every word ("blood in urine" has
// "blood" and "urine" in two different items, so neither is a full match).
ClauseMatch SearchIndex::Data::best_clause(const SideEffectSentence& sentence,
                                           const std::vector<TokenMatch>& tokens) const {
    const std::vector<std::vector<std::string>>& clauses = sentence.clauses;
    ClauseMatch best;
    best.clause = clauses.size();
    double best_weight = 0;
    for (std::size_t clause = 0; clause < clauses.size(); ++clause) {
        const TokenMask in_clause =
            tokens_in(sentence.clause_ids[clause], clauses[clause], tokens) & content_mask(tokens);
        TokenMask mask = 0;
        double weight = 0;
        bool rare = false;
        for (std::size_t index = 0; index < tokens.size(); ++index) {
            const TokenMatch& token = tokens[index];
            if (!((in_clause >> index) & 1u)) continue;
            mask |= TokenMask{1} << index;
            const bool common =
                !token.candidates.empty() && common_word[token.candidates.front().word];
            weight += common ? 1.0 : 2.0;
            rare = rare || !common;
        }
        if (mask != 0 && (weight > best_weight || best.clause == clauses.size())) {
            best = {clause, mask, rare};
            best_weight = weight;
        }
    }
    return best;
}

// The term of the matched clause, or else the term before it ("which increases your risk
// of infection" belongs to the count before it); of several terms in the clause ("liver
// or kidney problems"), the one with the most of the query's words.
std::size_t SearchIndex::Data::term_of_clause(const SideEffectSentence& sentence,
                                              std::size_t clause,
                                              const std::vector<TokenMatch>& tokens) const {
    const std::vector<std::size_t>& term_clause = sentence.term_clause;
    std::size_t matched_term = 0;
    bool found_here = false;
    std::ptrdiff_t best_term_words = 0;
    for (std::size_t term = 0; term < sentence.terms.size(); ++term) {
        if (term_clause[term] < clause) matched_term = term;
        if (term_clause[term] != clause) continue;
        const auto count = static_cast<std::ptrdiff_t>(
            popcount(tokens_in(sentence.term_ids[term], sentence.term_words[term], tokens) &
                     content_mask(tokens)));
        if (!found_here || count > best_term_words) {
            matched_term = term;
            best_term_words = count;
        }
        found_here = true;
    }
    return matched_term;
}

// A side-effect sentence that has the query's words: the card of the item whose clause
// has them ("…white blood cell count, which increases your risk of infection"). When only
// the label matched ("rare", "common"), the sentence itself, at its first item. An empty
// title means: not worth showing.
SearchResult
SearchIndex::Data::side_effect_sentence_result(std::uint32_t sentence_index,
                                               const std::string& title_of_row,
                                               const std::vector<TokenMatch>& tokens) const {
    const SideEffectSentence& sentence = sentences[sentence_index];
    const std::vector<std::vector<std::string>>& clauses = sentence.clauses;
    const ClauseMatch best = best_clause(sentence, tokens);
    const bool in_text = best.clause < clauses.size() && !sentence.terms.empty();
    const std::size_t matched_term = in_text ? term_of_clause(sentence, best.clause, tokens) : 0;
    SearchResult result;
    // "pain" in the sentence and "side" in its label: partial, and only worth showing for
    // a word that says something.
    const bool every_word_in_clause = best.tokens == content_mask(tokens);
    if (in_text && !every_word_in_clause && !best.has_rare_word) return result;
    result.class_ids.push_back(class_ids[sentence.class_index]);
    result.target_id = class_ids[sentence.class_index];
    result.has_severity = in_text;
    result.severity = sentence.severity;
    result.full_match = !in_text || every_word_in_clause;
    const std::string& term =
        sentence.terms.empty() ? sentence.label : sentence.terms[matched_term];
    result.kind = in_text ? SearchResultKind::side_effect : SearchResultKind::text;
    result.title = in_text ? capitalize_first_letter(term) : title_of_row;
    result.anchor = side_effect_anchor(term);
    return result;
}

} // namespace lungguide
