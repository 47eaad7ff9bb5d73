
// Answering a query, step by step (the indexes are built in search_index_build.cpp).
//
//  1. read_query: the text is cut to length and split into folded words.
//  2. match_words: each word is looked up exactly, as a prefix if it is the last word,
//     as another form of a known word ("vomits" → "vomit"), and only then, unless it is a
//     real dictionary word, with typo tolerance. Grammar words are ignored; qualifiers
//     ("being", "severe") only rank.
//  3. collect_phrase_hits / best_hit_per_entry: every indexed phrase (a drug name, a
//     brand, a gene change, a symptom's page or lay term) with some of the words, and each
//     entry's best phrase, scored by how rare its matched words are.
//  4. classes_named: a class, drug, brand or gene change named whole ("RET inhibitors",
//     "Tagrisso") narrows the question like a name, and its side effects come first.
//     segments_of: "tired and dizzy" has two parts; each must be answered on its own.
//  5. rank_entries: an entry is a full match when it has every meaningful word of a part
//     of the query, or a whole phrase of two or more words; full before partial. Entries
//     whose words another entry covers and exceeds are dropped, and so are partial
//     matches on common words alone ("problems", "side").
//  6. append_entry_results / text_results: symptom concepts expand to each class that
//     lists them; then the page's passages (in memory, search_passages.cpp), side-effect
//     sentences as the card of the side effect whose clause has the word ("infection").
//  7. unlisted_complaints: a part of the query that names a symptom or body part and that
//     no full result answers is "not listed"; not, though, for a last word still being typed
//     that names no complaint, while the rest of its part is answered ("diarrhea k…").
#include "search/search_index_data.h"

#include "common/letter_case.h"
#include "search/search_snippets.h"

#include <algorithm>
#include <cctype>

namespace lungguide {

const char* search_result_kind_id(SearchResultKind kind) {
    switch (kind) {
    case SearchResultKind::side_effect:
        return "side_effect";
    case SearchResultKind::drug:
        return "drug";
    case SearchResultKind::drug_class:
        return "drug_class";
    case SearchResultKind::biomarker:
        return "biomarker";
    case SearchResultKind::text:
        return "text";
    }
    return "text";
}

const char* search_match_id(const SearchResult& result) {
    switch (result.match) {
    case SearchMatch::full:
        return "full";
    case SearchMatch::partial:
        return "partial";
    case SearchMatch::related:
        return "related";
    case SearchMatch::negated:
        return "negated";
    case SearchMatch::other_class:
        return "other_class";
    }
    return "partial";
}

namespace {

QueryWords read_query(std::string_view cut) {
    QueryWords query;
    // "tired, itchy, rash": a comma or semicolon starts a part, as "and" does ("ILD/
    // pneumonitis" and "and/or" are one part).
    std::size_t start = 0;
    while (start <= cut.size()) {
        const std::size_t end = std::min(cut.find_first_of(",;", start), cut.size());
        const std::size_t before = query.words.size();
        for (std::string& word : split_search_words(cut.substr(start, end - start)))
            query.words.push_back(std::move(word));
        query.starts_part.resize(query.words.size(), false);
        if (query.words.size() > before && before > 0 && start > 0)
            query.starts_part[before] = true;
        start = end + 1;
    }
    for (std::string& word : query.words) {
        if (word.size() > search_word_max_bytes) {
            word = std::string(truncate_utf8(word, search_word_max_bytes));
        }
    }
    if (query.words.size() > search_query_max_words) query.words.resize(search_query_max_words);
    query.starts_part.resize(query.words.size(), false);
    // A space or punctuation after the last word means it is finished, not a prefix.
    const unsigned char last_byte = cut.empty() ? ' ' : static_cast<unsigned char>(cut.back());
    query.last_word_finished = last_byte < 0x80 && !std::isalnum(last_byte) && last_byte != '\'';
    return query;
}

} // namespace

namespace {

// Passages after the entries, never a second card for a side effect already shown, full
// matches before partial ones.
void append_passages(std::vector<SearchResult>& passages, std::size_t limit,
                     std::vector<SearchResult>& results) {
    for (SearchResult& passage : passages) {
        if (results.size() >= limit) break;
        const bool shown =
            std::any_of(results.begin(), results.end(),
                        [&](const SearchResult& r) {
                            return r.kind == passage.kind && r.class_ids == passage.class_ids &&
                                   r.title == passage.title && r.snippet == passage.snippet;
                        }) ||
            std::any_of(results.begin(), results.end(),
                        [&](const SearchResult& r) { return same_sentence_card(r, passage); });
        if (!shown) results.push_back(std::move(passage));
    }
    // Usually they are in that order already, and moving 20 results costs more than looking.
    const auto full = [](const SearchResult& result) { return result.full_match; };
    if (!std::is_partitioned(results.begin(), results.end(), full))
        std::stable_partition(results.begin(), results.end(), full);
}

// "RET lung damage": among the full matches, the named class's own side effects first,
// whichever entry they come from; otherwise the order is kept.
void put_named_classes_first(const std::vector<bool>& named, std::vector<SearchResult>& results,
                             const std::unordered_map<std::string, std::uint32_t>& class_index) {
    if (std::none_of(named.begin(), named.end(), [](bool is) { return is; })) return;
    const auto partial = std::partition_point(results.begin(), results.end(),
                                              [](const SearchResult& r) { return r.full_match; });
    std::stable_partition(results.begin(), partial, [&](const SearchResult& result) {
        if (result.kind != SearchResultKind::side_effect || result.class_ids.empty()) return false;
        auto found = class_index.find(result.class_ids.front());
        return found != class_index.end() && named[found->second];
    });
}

// "pain", "sore": the page has several pains, and a passage with the word is none of them
// in full (the complaint reader's rule for unspecific words, says_what).
void never_full_when_unspecific(const std::vector<TokenMatch>& tokens,
                                std::vector<SearchResult>& passages) {
    bool unspecific = false;
    for (const TokenMatch& token : tokens) {
        if (token.optional) continue;
        if (!is_unspecific_complaint(token.text)) return;
        unspecific = true;
    }
    if (!unspecific) return;
    for (SearchResult& passage : passages)
        passage.full_match = false;
}

// "Tagrisso side effects": the drug's or class's card opens its page at its side effects.
void open_names_at_side_effects(const std::vector<TokenMatch>& tokens,
                                std::vector<SearchResult>& results) {
    if (std::none_of(tokens.begin(), tokens.end(),
                     [](const TokenMatch& token) { return token.asks_for_side_effects; }))
        return;
    for (SearchResult& result : results)
        if ((result.kind == SearchResultKind::drug ||
             result.kind == SearchResultKind::drug_class) &&
            result.match == SearchMatch::full && result.anchor.empty())
            result.anchor = side_effects_section_anchor;
}

// Full first, then other classes', negated, related, and partial results, each in the
// order they came.
void order_by_match(std::vector<SearchResult>& results) {
    const auto rank = [](const SearchResult& result) {
        switch (result.match) {
        case SearchMatch::full:
            return 0;
        case SearchMatch::other_class:
            return 1;
        case SearchMatch::negated:
            return 2;
        case SearchMatch::related:
            return 3;
        case SearchMatch::partial:
            break;
        }
        return 4;
    };
    const auto before = [&](const SearchResult& a, const SearchResult& b) {
        return rank(a) < rank(b);
    };
    if (!std::is_sorted(results.begin(), results.end(), before))
        std::stable_sort(results.begin(), results.end(), before);
}

} // namespace

// A passage is full when it has every word; its because says so. When every part of the
// query says its complaint is absent ("no rash"), it is what the page says, not a match.
void SearchIndex::Data::label_passages(std::vector<SearchResult>& passages,
                                       const std::vector<TokenMatch>& tokens,
                                       const std::vector<QuerySegment>& segments) const {
    const bool all_negated = !segments.empty() && std::all_of(segments.begin(), segments.end(),
                                                              [](const QuerySegment& segment) {
                                                                  return segment.negated;
                                                              });
    for (SearchResult& passage : passages) {
        passage.match = passage.full_match ? SearchMatch::full : SearchMatch::partial;
        passage.because.kind = passage.full_match ? BecauseKind::passage : BecauseKind::partial;
        passage.because.typed_words = content_mask(tokens);
        if (all_negated && passage.full_match) {
            passage.match = SearchMatch::negated;
            passage.full_match = false;
            passage.because.kind = BecauseKind::negated;
            passage.because.part_first = static_cast<std::uint8_t>(segments.front().first);
            passage.because.part_last = static_cast<std::uint8_t>(segments.back().last);
        }
    }
}

// ---- the whole answer -----------------------------------------------------------------

// Which classes a result may be about: all, or those options.only_class_ids names.
std::vector<bool> SearchIndex::Data::classes_allowed(const SearchOptions& options) const {
    std::vector<bool> allowed(class_ids.size(), options.only_class_ids.empty());
    for (const std::string& id : options.only_class_ids) {
        auto found = class_index_by_id.find(id);
        if (found != class_index_by_id.end()) allowed[found->second] = true;
    }
    return allowed;
}

SearchResponse SearchIndex::Data::answer(std::string_view query, const SearchOptions& options,
                                         bool offer_rewrite) const {
    SearchResponse response;
    const std::string_view cut = truncate_utf8(query, search_query_max_bytes);
    response.query = clean_for_display(cut);
    const QueryWords words = read_query(cut);
    if (words.words.empty() || options.limit == 0) return response;

    std::vector<TokenMatch> tokens = match_words(words.words, options, words.last_word_finished);
    for (std::size_t index = 0; index < tokens.size(); ++index)
        tokens[index].starts_part = words.starts_part[index];
    const bool filtered = !options.only_class_ids.empty();
    const std::vector<bool> class_allowed = classes_allowed(options);

    collect_phrase_hits(tokens);
    best_hit_per_entry(tokens, content_mask(tokens), class_allowed, filtered);
    const NamedClasses named = classes_named();
    std::vector<QuerySegment> segments = segments_of(tokens, named.tokens);
    if (const TokenMask breaks = list_breaks(segments, tokens); breaks != 0)
        segments = segments_of(tokens, named.tokens, breaks);
    // Unfiltered, every entry gives at least one result, so the first `limit` are all that
    // can be shown; a filter may leave an entry without results, so then all are ordered.
    std::vector<RankedEntry> ranked =
        rank_entries(tokens, segments, filtered ? SIZE_MAX : options.limit);
    decide_negation(segments, ranked);
    keep_to_named_classes(segments, ranked, named.classes, response.notes);
    const bool some_entry_is_full =
        !ranked.empty() &&
        (ranked.front().full || ranked.front().match == SearchMatch::other_class);
    // When no entry is a full match but a passage has every word ("blood thinners"), the
    // passages are the answer and entries sharing only some words would be noise.
    std::vector<SearchResult> passages;
    bool passages_searched = false;
    if (!some_entry_is_full && !ranked.empty()) {
        passages = text_results(tokens, class_allowed, filtered,
                                std::min(text_results_max, options.limit), {});
        passages_searched = true;
        never_full_when_unspecific(tokens, passages);
        if (std::any_of(passages.begin(), passages.end(),
                        [](const SearchResult& passage) { return passage.full_match; }))
            ranked.clear();
    }
    const std::vector<std::string> query_words = focus_words(tokens);
    append_entry_results(ranked, tokens, segments, query_words, class_allowed, named.classes,
                         options.limit, response.results);
    // Passages come after the entries, and only when there is room for them: a query that
    // already fills the page never pays for the passage lookup.
    if (!passages_searched) {
        const std::size_t room = std::min(
            text_results_max, options.limit - std::min(options.limit, response.results.size()));
        passages = text_results(tokens, class_allowed, filtered, room, response.results);
        never_full_when_unspecific(tokens, passages);
        // A full answer is there: passages sharing only some words would be noise.
        if (some_entry_is_full) {
            passages.erase(std::remove_if(passages.begin(), passages.end(),
                                          [](const SearchResult& p) { return !p.full_match; }),
                           passages.end());
        }
    }
    label_passages(passages, tokens, segments);
    append_passages(passages, options.limit, response.results);
    // Only when it asks something of them: "RET" alone is answered by the class itself.
    if ((content_mask(tokens) & ~named.tokens) != 0)
        put_named_classes_first(named.classes, response.results, class_index_by_id);

    response.not_listed = unlisted_complaints(segments, coverage_of(ranked, passages, tokens),
                                              words.words, named.tokens);
    append_umbrella_terms(ranked, class_allowed, options.limit, response.results);
    append_related(segments, tokens, ranked, class_allowed, options.limit, response.results);
    order_by_match(response.results);
    open_names_at_side_effects(tokens, response.results);
    response.understood_as = corrections_of(tokens);
    if (offer_rewrite && (!response.not_listed.empty() || !some_entry_is_full))
        response.did_you_mean = rewrite_suggestion(tokens, options);
    finish_response(tokens, segments, ranked, words.words, response);
    return response;
}

// What the screen says besides the results: the words to show in bold, negated parts as
// typed, the qualifiers the page does not state, and never an empty answer.
void SearchIndex::Data::finish_response(const std::vector<TokenMatch>& tokens,
                                        const std::vector<QuerySegment>& segments,
                                        const std::vector<RankedEntry>& ranked,
                                        const std::vector<std::string>& words,
                                        SearchResponse& response) const {
    std::size_t matched = 0;
    for (const TokenMatch& token : tokens)
        matched += token.candidates.size() + 1;
    response.matched_words.reserve(matched);
    for (const TokenMatch& token : tokens) {
        for (const WordCandidate& candidate : token.candidates)
            response.matched_words.push_back(vocabulary.text(candidate.word));
        if (!token.optional) response.matched_words.push_back(token.text);
    }
    for (const QuerySegment& segment : segments) {
        if (!segment.negated) continue;
        // From the negation that starts it ("no rash"), even when it came before a joiner.
        std::size_t first = segment.first;
        for (std::size_t index = 0; index < segment.first; ++index)
            if ((segment.negations >> index) & 1u) first = std::min(first, index);
        std::string text;
        for (std::size_t index = first; index <= shown_last(segment) && index < words.size();
             ++index)
            text += (text.empty() ? "" : " ") + words[index];
        response.negated.push_back(text);
    }
    if (std::any_of(tokens.begin(), tokens.end(), [](const TokenMatch& token) {
            return token.role == WordRole::site || token.role == WordRole::colour ||
                   token.role == WordRole::time;
        }))
        for (std::string& note : qualifier_notes(segments, ranked, tokens))
            response.notes.push_back(std::move(note));
    if (response.results.empty()) response.suggestions = suggestions_for(tokens);
    // Never nothing on the screen: what was typed is said not to be on the page (with the
    // page's advice and the helpline), beside any suggestion.
    if (response.results.empty() && response.not_listed.empty() && response.negated.empty())
        response.not_listed.push_back(response.query);
}

namespace {

// The index of a first key in Data::first_key_answers: a letter (either case) or a digit.
std::size_t first_key_slot(std::string_view query) {
    if (query.size() != 1) return SIZE_MAX;
    const char key = query[0];
    if (key >= 'a' && key <= 'z') return static_cast<std::size_t>(key - 'a');
    if (key >= 'A' && key <= 'Z') return static_cast<std::size_t>(key - 'A');
    if (key >= '0' && key <= '9') return 26 + static_cast<std::size_t>(key - '0');
    return SIZE_MAX;
}

// Options whose one-key answers are kept: no class filter, the default completions (the
// limit is part of the key).
bool keeps_first_keys(const SearchOptions& options) {
    const SearchOptions defaults;
    return options.only_class_ids.empty() && options.limit <= 200 &&
           options.prefix_completions == defaults.prefix_completions &&
           options.short_prefix_completions == defaults.short_prefix_completions;
}

} // namespace

// The first key of every search is its costliest keystroke: one letter completes to 120
// words. There are only 36 of them: with the app's options they are answered when the
// index is built, with another limit the first time they are asked; then kept.
void SearchIndex::Data::answer_first_keys() {
    for (const char* key = "abcdefghijklmnopqrstuvwxyz0123456789"; *key != '\0'; ++key)
        first_key_answers.emplace(
            std::make_pair(first_key_slot(std::string_view(key, 1)), SearchOptions{}.limit),
            answer(std::string_view(key, 1), SearchOptions{}, true));
}

SearchResponse SearchIndex::search(std::string_view query, const SearchOptions& options) const {
    std::lock_guard<std::mutex> lock(data_->mutex);
    const std::size_t slot = first_key_slot(query);
    if (slot == SIZE_MAX || !keeps_first_keys(options)) return data_->answer(query, options, true);
    const auto key = std::make_pair(slot, options.limit);
    auto found = data_->first_key_answers.find(key);
    if (found == data_->first_key_answers.end()) {
        const std::string folded(1, static_cast<char>(std::tolower(query[0])));
        found = data_->first_key_answers.emplace(key, data_->answer(folded, options, true)).first;
    }
    SearchResponse response = found->second;
    response.query = std::string(query); // "S" as typed; everything else is the same
    return response;
}

} // namespace lungguide
