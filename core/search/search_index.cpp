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
#include <array>
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
    }
    return "partial";
}

namespace {

constexpr std::size_t typo_candidates_per_word = 8;
constexpr std::size_t text_results_max = 20;
constexpr std::size_t suggestions_max = 5;

// How good one word's match is; exact beats a form of the word beats a completion beats
// a typo.
constexpr float exact_quality = 1.0f;
constexpr float inflection_quality = 0.9f;
constexpr float typo_quality[3] = {1.0f, 0.6f, 0.4f};
constexpr float prefix_typo_quality[3] = {1.0f, 0.5f, 0.35f};

// std::popcount is C++20; the project is C++17. __builtin_popcount is a call into libgcc
// on the baseline x86-64 target (no POPCNT instruction); this is a dozen inline ones.
int popcount(std::uint32_t value) {
    value = value - ((value >> 1) & 0x55555555u);
    value = (value & 0x33333333u) + ((value >> 2) & 0x33333333u);
    return static_cast<int>((((value + (value >> 4)) & 0x0F0F0F0Fu) * 0x01010101u) >> 24);
}

bool ends_with(std::string_view text, std::string_view end) {
    return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

// A side-effect card for the same sentence as passage's (one per class and severity): a
// second would say the same.
bool same_sentence_card(const SearchResult& shown, const SearchResult& passage) {
    return passage.kind == SearchResultKind::side_effect &&
           shown.kind == SearchResultKind::side_effect && shown.class_ids == passage.class_ids &&
           shown.severity == passage.severity;
}

// Words that join two parts of a query: "tired and dizzy", "rash or itching", "rash but no
// itching"; "without" also says the part after it is absent.
bool is_segment_joiner(std::string_view word) {
    return word == "and" || word == "or" || word == "with" || word == "plus" || word == "also" ||
           word == "but" || word == "nor" || word == "without";
}

// Words that say nothing of the complaint itself: grammar, negation, filler, the person.
bool is_optional_word(std::string_view word, WordRole role) {
    return is_search_stop_word(word) || role == WordRole::negation || role == WordRole::filler ||
           role == WordRole::person;
}

QueryWords read_query(std::string_view cut) {
    QueryWords query;
    query.words = split_search_words(cut);
    for (std::string& word : query.words) {
        if (word.size() > search_word_max_bytes) {
            word = std::string(truncate_utf8(word, search_word_max_bytes));
        }
    }
    if (query.words.size() > search_query_max_words) query.words.resize(search_query_max_words);
    // A space or punctuation after the last word means it is finished, not a prefix.
    const unsigned char last_byte = cut.empty() ? ' ' : static_cast<unsigned char>(cut.back());
    query.last_word_finished = last_byte < 0x80 && !std::isalnum(last_byte) && last_byte != '\'';
    return query;
}

} // namespace

// The words a snippet centres on: what each word was read as ("nausea" for "nausia"),
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

namespace {

TokenMask content_mask(const std::vector<TokenMatch>& tokens) {
    TokenMask mask = 0;
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        if (!tokens[index].optional) mask |= TokenMask{1} << index;
    }
    return mask;
}

} // namespace

// ---- step 2: what each word may stand for ---------------------------------------------

std::vector<TokenMatch> SearchIndex::Data::match_words(const std::vector<std::string>& words,
                                                       const SearchOptions& options,
                                                       bool last_word_finished) const {
    std::vector<TokenMatch> tokens;
    const bool all_stop_words =
        std::all_of(words.begin(), words.end(), [](const std::string& word) {
            return is_optional_word(word, complaint_word_role(word));
        });
    for (std::size_t index = 0; index < words.size(); ++index) {
        TokenMatch token;
        token.text = words[index];
        token.role = complaint_word_role(token.text);
        // "no more nosebleeds", "no longer hungry": still the negation.
        if (index > 0 && tokens.back().role == WordRole::negation &&
            (token.text == "more" || token.text == "longer"))
            token.role = WordRole::negation;
        token.optional = !all_stop_words && is_optional_word(token.text, token.role);
        token.prefix = index + 1 == words.size() && !last_word_finished;
        // Grammar words ("and", "the", "my") would match half the phrases and decide
        // nothing; only qualifiers such as "being" or "feeling", and negations ("no
        // appetite" is a complaint, "no rash" is not), are looked up.
        if (token.optional && !is_search_qualifier_word(token.text) &&
            token.role != WordRole::negation) {
            tokens.push_back(std::move(token));
            continue;
        }
        WordId exact = 0;
        if (vocabulary.find(token.text, exact)) {
            token.candidates.push_back({exact, exact_quality, true});
            add_plural_or_singular(token); // "mutation" is also "mutations"
        }
        if (token.prefix) {
            const std::size_t typed_length = token.text.size();
            const std::size_t most =
                typed_length <= 2 ? options.short_prefix_completions : options.prefix_completions;
            for (WordId word : vocabulary.words_starting_with(token.text, most)) {
                // The closer the completion, the likelier it is the word meant.
                const float closeness =
                    static_cast<float>(typed_length) / vocabulary.text(word).size();
                token.candidates.push_back({word, 0.7f + 0.25f * closeness});
            }
        }
        if (token.candidates.empty()) add_inflections(token);
        if (token.candidates.empty() && !token.optional && !contains_digit(token.text)) {
            // A real word is never rewritten into another word: "black" is not "back".
            token.real_word = dictionary_words.count(token.text) > 0;
            if (!token.real_word) add_typo_corrections(token);
            if (!token.real_word && token.candidates.empty()) add_sound_alikes(token);
        }
        if (token.role == WordRole::site) add_site_group(token);
        token.complaint = !token.optional && is_complaint_word(token);
        tokens.push_back(std::move(token));
    }
    return tokens;
}

// Other forms of the same word that the content has: "vomits" → "vomit", "vomiting";
// "tiring" → "tired"; "rashes" → "rash". Not a correction: the word is the same.
bool SearchIndex::Data::add_inflections(TokenMatch& token) const {
    // Not a lone "d": "tird" → "tired" would be a typo correction in disguise.
    static constexpr std::string_view endings[] = {"ing", "es", "ed", "s", "ly", "y"};
    static constexpr std::string_view forms[] = {"", "e", "s", "es", "ed", "d", "ing", "y"};
    const std::string& text = token.text;
    bool added = false;
    for (std::string_view ending : endings) {
        const std::string stem = ending.empty() || !ends_with(text, ending)
                                     ? text
                                     : text.substr(0, text.size() - ending.size());
        if (stem.size() < 3 || stem == text) continue;
        for (std::string_view form : forms) {
            const std::string candidate = stem + std::string(form);
            WordId word = 0;
            if (candidate == text || !vocabulary.find(candidate, word)) continue;
            const bool listed = std::any_of(token.candidates.begin(), token.candidates.end(),
                                            [&](const WordCandidate& c) { return c.word == word; });
            if (!listed) token.candidates.push_back({word, inflection_quality});
            added = true;
        }
    }
    // And the other way: "nail" → "nails", "hand" → "hands".
    for (std::string_view form : {std::string_view("s"), std::string_view("es")}) {
        WordId word = 0;
        if (text.size() >= 3 && vocabulary.find(text + std::string(form), word)) {
            token.candidates.push_back({word, inflection_quality});
            added = true;
        }
    }
    return added;
}

// Words within typo reach, closest first: one slip from any word; two from the words of
// names and symptoms (issue 20: "diahrea"), or from any word of nine letters or more.
// Two slips from every word of the page's text would reach far more real words, which the
// pack must then store to keep them from being rewritten.
std::vector<VocabularyMatch> SearchIndex::Data::words_in_reach(const std::u32string& code_points,
                                                               int typos, bool as_prefix) const {
    const bool long_word = code_points.size() >= 9;
    // A word still being typed keeps the old reach: one slip below nine letters.
    if (as_prefix && !long_word) typos = std::min(typos, 1);
    std::vector<VocabularyMatch> matches =
        vocabulary.words_near(code_points, typos, as_prefix, 2 * typo_candidates_per_word);
    matches.erase(std::remove_if(matches.begin(), matches.end(),
                                 [&](const VocabularyMatch& match) {
                                     // Two slips: never in the first letter, which people
                                     // rarely get wrong ("diahrea", not "fiahrea").
                                     return match.distance >= 2 && !long_word &&
                                            (!indexed_words.count(match.word) ||
                                             vocabulary.text(match.word).size() < 6 ||
                                             vocabulary.text(match.word).front() !=
                                                 static_cast<char>(code_points.front()));
                                 }),
                  matches.end());
    if (matches.size() > typo_candidates_per_word) matches.resize(typo_candidates_per_word);
    return matches;
}

// The other number of a word the page also has: "mutation" and "mutations".
void SearchIndex::Data::add_plural_or_singular(TokenMatch& token) const {
    const std::string& text = token.text;
    if (text.size() < 4) return;
    const std::string other = text.back() == 's' ? text.substr(0, text.size() - 1) : text + "s";
    // Only a name's word ("HER2 (ERBB2) mutations"): "blood" is not "bloods" (blood tests).
    WordId word = 0;
    const bool name = word < name_word.size() && vocabulary.find(other, word) && name_word[word];
    if (vocabulary.find(other, word) && (name || token.role == WordRole::site))
        token.candidates.push_back({word, inflection_quality});
}

void SearchIndex::Data::add_typo_corrections(TokenMatch& token) const {
    const std::u32string code_points = decode_utf8(token.text);
    const int typos = allowed_typos(code_points.size());
    if (typos == 0) return;
    // Only the closest spellings are kept: "nausia" means "nausea", and a word two slips
    // away would only add noise.
    const std::vector<VocabularyMatch> whole_words = words_in_reach(code_points, typos, false);
    // While typing, "diarhe" is one slip from the start of "diarrhea".
    const std::vector<VocabularyMatch> word_starts =
        token.prefix ? words_in_reach(code_points, typos, true) : std::vector<VocabularyMatch>{};
    int closest = typos + 1;
    if (!whole_words.empty()) closest = whole_words.front().distance;
    if (!word_starts.empty()) closest = std::min(closest, word_starts.front().distance);
    for (const VocabularyMatch& match : whole_words) {
        if (match.distance == closest) {
            token.candidates.push_back({match.word, typo_quality[match.distance]});
        }
    }
    for (const VocabularyMatch& match : word_starts) {
        const bool listed = std::any_of(
            token.candidates.begin(), token.candidates.end(),
            [&](const WordCandidate& candidate) { return candidate.word == match.word; });
        if (match.distance == closest && !listed) {
            token.candidates.push_back({match.word, prefix_typo_quality[match.distance]});
        }
    }
    token.corrected = !token.candidates.empty();
}

// Whether the word names a symptom or a body part: in the complaint list as typed, as
// another form ("ulcers" → "ulcer"), or, while still being typed, as its start.
bool SearchIndex::Data::is_complaint_word(const TokenMatch& token) const {
    auto listed = [&](const std::string& word) {
        return std::binary_search(complaint_words.begin(), complaint_words.end(), word);
    };
    const std::string& text = token.text;
    if (listed(text)) return true;
    for (std::string_view ending : {"s", "es", "ing", "ed", "y", "ness"}) {
        if (ends_with(text, ending) && text.size() > ending.size() + 2 &&
            listed(text.substr(0, text.size() - ending.size()))) {
            return true;
        }
    }
    // While typing, the start of one ("lighth…"), unless it is already a word ("light").
    const bool a_word =
        std::any_of(token.candidates.begin(), token.candidates.end(),
                    [](const WordCandidate& candidate) { return candidate.as_typed; });
    if (token.prefix && text.size() >= 3 && !a_word) {
        auto first = std::lower_bound(complaint_words.begin(), complaint_words.end(), text);
        return first != complaint_words.end() && first->compare(0, text.size(), text) == 0;
    }
    return false;
}

// ---- step 3: the parts of the query ---------------------------------------------------

namespace {

bool is_qualifier_role(WordRole role) {
    return role == WordRole::site || role == WordRole::colour || role == WordRole::time ||
           role == WordRole::intensity || role == WordRole::generic;
}

// "can't sleep", "not eating", "don't want to eat": the first word after the negation
// that says something is a thing the body does, so the words name a complaint.
bool negates_a_function(const std::vector<TokenMatch>& tokens, std::size_t negation) {
    for (std::size_t index = negation + 1; index < tokens.size(); ++index) {
        const TokenMatch& token = tokens[index];
        if (token.role == WordRole::function) return true;
        if (token.role == WordRole::negation || token.role == WordRole::filler ||
            token.role == WordRole::person || token.role == WordRole::intensity)
            continue;
        if (!is_search_stop_word(token.text)) return false;
    }
    return false;
}

// Where a new part starts: "no rash or itching" keeps its negation across "or" and
// "nor"; "without" says the part after it is absent.
void start_segment(std::vector<QuerySegment>& segments, const TokenMatch& joiner,
                   std::size_t index) {
    const TokenMask carried =
        joiner.text == "or" || joiner.text == "nor" ? segments.back().negations : 0;
    segments.emplace_back();
    segments.back().negations = carried;
    if (joiner.text == "without") segments.back().negations |= TokenMask{1} << index;
}

} // namespace

std::vector<QuerySegment> SearchIndex::Data::segments_of(const std::vector<TokenMatch>& tokens,
                                                         TokenMask named_tokens) const {
    std::vector<QuerySegment> segments(1);
    bool in_circumstance = false;
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        const TokenMatch& token = tokens[index];
        const TokenMask bit = TokenMask{1} << index;
        if (is_segment_joiner(token.text) && segments.back().tokens != 0) {
            start_segment(segments, token, index);
            in_circumstance = false;
            continue;
        }
        if (starts_circumstance(token.text)) in_circumstance = true;
        if (token.role == WordRole::negation) {
            segments.back().negations |= bit;
            if (negates_a_function(tokens, index)) segments.back().negation_of_function = true;
        }
        if (token.optional) continue;
        QuerySegment& segment = segments.back();
        if (segment.tokens == 0) segment.first = index;
        segment.last = index;
        segment.tokens |= bit;
        // A word that is neither known, a complaint nor a real word near a page word asks
        // for nothing (a name, a stray letter).
        // A real word the page lacks ("black", "joins") must be answered too.
        if (!token.candidates.empty() || token.complaint || token.real_word ||
            token.role == WordRole::direction) // "hair gain": which way, even unknown
            segment.to_cover |= bit;
        segment.complaint = segment.complaint || token.complaint;
        // "after eating", "when walking": the rest of the part says when, like a time.
        if (is_qualifier_role(token.role) || in_circumstance) segment.qualifiers |= bit;
        if (token.role == WordRole::site || token.role == WordRole::time || in_circumstance)
            segment.names_a_site = true;
        if (token.role == WordRole::site || token.role == WordRole::colour ||
            token.role == WordRole::time || in_circumstance)
            segment.bare = false;
    }
    // "osimertinib rash": the drug's name narrows the question; the symptom is what must
    // be answered, unless the part is only names.
    TokenMask names = named_tokens;
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        const TokenMatch& token = tokens[index];
        if (!token.complaint && !token.candidates.empty() &&
            name_word[token.candidates.front().word])
            names |= TokenMask{1} << index;
    }
    for (QuerySegment& segment : segments)
        if ((segment.to_cover & ~names) != 0) segment.to_cover &= ~names;
    read_complaints(segments, tokens, word_still_typed(tokens));
    return segments;
}

// ---- step 4: phrases and entries ------------------------------------------------------

void SearchIndex::Data::collect_phrase_hits(const std::vector<TokenMatch>& tokens) const {
    if (++generation == 0) {
        std::fill(phrase_slots.begin(), phrase_slots.end(), StampedSlot{});
        std::fill(entry_slots.begin(), entry_slots.end(), StampedSlot{});
        generation = 1;
    }
    touched_phrases.clear();
    phrase_hits.clear();
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        for (const WordCandidate& candidate : tokens[index].candidates) {
            // Rare words say more than common ones ("pounding" over "heart").
            const float quality = candidate.quality * word_weight[candidate.word];
            const Posting* const end =
                phrase_postings.data() + first_phrase_posting[candidate.word + 1];
            for (const Posting* posting_at =
                     phrase_postings.data() + first_phrase_posting[candidate.word];
                 posting_at != end; ++posting_at) {
                const Posting& posting = *posting_at;
                StampedSlot& place = phrase_slots[posting.phrase];
                if (place.stamp != generation) {
                    place = {generation, static_cast<std::uint32_t>(phrase_hits.size())};
                    phrase_hits.emplace_back();
                    touched_phrases.push_back(posting.phrase);
                }
                PhraseHit& hit = phrase_hits[place.slot];
                hit.tokens |= TokenMask{1} << index;
                if (candidate.as_typed) hit.typed |= TokenMask{1} << index;
                hit.positions |= std::uint32_t{1} << posting.position;
                hit.quality[index] = std::max(hit.quality[index], quality);
            }
        }
    }
}

const std::vector<std::pair<std::uint32_t, EntryHit>>&
SearchIndex::Data::best_hit_per_entry(const std::vector<TokenMatch>& tokens,
                                      TokenMask content_tokens,
                                      const std::vector<bool>& class_allowed, bool filtered) const {
    // Stamped with collect_phrase_hits's generation, so slots need no clearing.
    entry_hits.clear();
    const std::vector<std::pair<WordId, std::uint32_t>> opposites = opposite_word_ids(tokens);
    const bool query_names_site =
        std::any_of(tokens.begin(), tokens.end(), [](const TokenMatch& token) {
            return !token.optional && token.role == WordRole::site;
        });
    for (std::uint32_t phrase_index : touched_phrases) {
        const PhraseHit& hit = phrase_hits[phrase_slots[phrase_index].slot];
        if ((hit.tokens & content_tokens) == 0) continue; // filler words alone never match
        const Phrase& phrase = phrases[phrase_index];
        const Entry& entry = entries[phrase.entry];
        if (filtered && std::none_of(entry.class_indexes.begin(), entry.class_indexes.end(),
                                     [&](std::uint32_t index) { return class_allowed[index]; })) {
            continue;
        }
        const EntryHit candidate =
            score_hit(phrase_index, hit, tokens, content_tokens, opposites, query_names_site);
        StampedSlot& place = entry_slots[phrase.entry];
        if (place.stamp != generation) {
            place = {generation, static_cast<std::uint32_t>(entry_hits.size())};
            entry_hits.emplace_back(phrase.entry, candidate);
            continue;
        }
        EntryHit& best = entry_hits[place.slot].second;
        if (candidate.choice > best.choice) best = candidate;
    }
    return entry_hits;
}

// One phrase's hit, scored: rare words, words of the complaint, and a phrase said whole
// weigh more; a phrase that needs a word the query lacks to mean it ("no appetite" for
// "appetite"), names another site than the query's, or says the opposite weighs less.
EntryHit
SearchIndex::Data::score_hit(std::uint32_t phrase_index, const PhraseHit& hit,
                             const std::vector<TokenMatch>& tokens, TokenMask content_tokens,
                             const std::vector<std::pair<WordId, std::uint32_t>>& opposites,
                             bool query_names_site) const {
    const Phrase& phrase = phrases[phrase_index];
    double quality = 0;
    TokenMask heads = 0;
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        quality += hit.quality[index];
        const WordRole role = tokens[index].role;
        if (role == WordRole::none || role == WordRole::function || role == WordRole::direction)
            heads |= TokenMask{1} << index;
    }
    EntryHit candidate;
    candidate.phrase = phrase_index;
    candidate.positions = hit.positions;
    candidate.content = hit.tokens & content_tokens;
    candidate.optional = hit.tokens & ~content_tokens;
    // Each of the phrase's words by a word of its own: "s" completes "sensitivity" and "sun",
    // but one word does not say "sensitivity to the sun".
    const bool one_word_each = popcount(hit.positions) <= popcount(hit.tokens);
    const bool every_word =
        one_word_each && popcount(hit.positions) >= static_cast<int>(phrase.word_count);
    candidate.whole_phrase = every_word && popcount(candidate.content) >= 2;
    candidate.every_word = every_word;
    candidate.typed = hit.typed & candidate.content;
    candidate.opposite_tokens = opposites.empty() ? 0 : opposite_tokens_of(phrase_index, opposites);
    candidate.opposite = candidate.opposite_tokens != 0;
    const std::uint32_t missing = ~hit.positions;
    // Said whole, as far as the query can tell (complete_for decides per part): of two
    // phrases with the same words, "being sick" before "sick up" for "sick".
    const std::uint32_t all =
        phrase.word_count >= 32 ? ~std::uint32_t{0} : (std::uint32_t{1} << phrase.word_count) - 1;
    const std::uint32_t needed = all & missing & ~phrase.ignorable_positions &
                                 ~phrase.direction_positions &
                                 ~(query_names_site ? 0 : phrase.site_positions);
    double penalty = 0;
    if (phrase.negation_positions & missing) penalty += 6.0;
    if (candidate.opposite) penalty += 6.0;
    if (query_names_site && (phrase.site_positions & missing)) penalty += 3.0;
    candidate.score = 10.0 * popcount(candidate.content) +
                      10.0 * popcount(candidate.content & heads) +
                      2.0 * popcount(candidate.optional) + quality + (every_word ? 1.0 : 0.0) +
                      entries[phrase.entry].kind_bonus - penalty;
    candidate.choice = candidate.score + (needed == 0 && one_word_each ? 15.0 : 0.0);
    candidate.one_word_each = one_word_each;
    return candidate;
}

// ---- step 5: full, partial and ranked -------------------------------------------------

// The last word, while it is still being typed: not a complaint, and not yet a whole word
// ("k", "pres"); "low" of "pressure is low" is finished whatever follows it.
TokenMask SearchIndex::Data::word_still_typed(const std::vector<TokenMatch>& tokens) const {
    if (tokens.empty() || !tokens.back().prefix || tokens.back().complaint) return 0;
    const TokenMatch& last = tokens.back();
    const bool whole_word =
        last.text.size() >= 3 &&
        (last.role != WordRole::none || last.real_word ||
         std::any_of(last.candidates.begin(), last.candidates.end(),
                     [](const WordCandidate& candidate) { return candidate.as_typed; }));
    return whole_word ? 0 : TokenMask{1} << (tokens.size() - 1);
}

// Full only when the complaint maps to it: the phrase has every word of a part's complaint,
// says it whole (complete_for), and neither lacks a negation it needs nor says the opposite.
void SearchIndex::Data::mark_full(RankedEntry& item, const std::vector<QuerySegment>& segments,
                                  TokenMask typing) const {
    const EntryHit& hit = item.hit;
    for (std::size_t index = 0; index < segments.size() && !item.full; ++index) {
        const QuerySegment& segment = segments[index];
        // A name (drug, class, gene change) is matched by its words, as before.
        const bool complete =
            entries[item.entry].kind != SearchResultKind::side_effect || complete_for(hit, segment);
        // "dry skin u": the rest is answered while the last word is still being typed.
        const TokenMask wanted =
            (segment.to_cover & ~typing) != 0 ? segment.to_cover & ~typing : segment.to_cover;
        if ((hit.content & wanted) == wanted && complete &&
            (hit.opposite_tokens & segment.tokens) == 0) {
            item.full = true;
            item.match = SearchMatch::full;
            item.segment = static_cast<std::uint32_t>(index);
        }
    }
}

// With an answer, a result that shares only where or when ("chest" of "red rash on chest")
// says nothing.
void SearchIndex::Data::drop_qualifier_only(const std::vector<QuerySegment>& segments,
                                            std::vector<RankedEntry>& ranked) const {
    TokenMask qualifiers = 0;
    for (const QuerySegment& segment : segments)
        qualifiers |= segment.qualifiers;
    if (std::none_of(ranked.begin(), ranked.end(),
                     [](const RankedEntry& item) { return item.full; }))
        return;
    ranked.erase(std::remove_if(ranked.begin(), ranked.end(),
                                [&](const RankedEntry& item) {
                                    return !item.full && (item.hit.content & ~qualifiers) == 0;
                                }),
                 ranked.end());
}

// Ranked best first; only the first `wanted` are in order, the rest follow unordered.
std::vector<RankedEntry> SearchIndex::Data::rank_entries(const std::vector<TokenMatch>& tokens,
                                                         const std::vector<QuerySegment>& segments,
                                                         std::size_t wanted) const {
    // Entries whose matched words another entry covers and exceeds are dropped, so "high
    // blood pressure" does not also bring back "increased blood sugar levels".
    std::vector<std::pair<TokenMask, TokenMask>> coverages;
    for (const auto& [entry, hit] : entry_hits) {
        std::pair<TokenMask, TokenMask> coverage{hit.content, hit.optional};
        if (std::find(coverages.begin(), coverages.end(), coverage) == coverages.end()) {
            coverages.push_back(coverage);
        }
    }
    auto dominated = [&](const EntryHit& hit) {
        for (const auto& [content, optional] : coverages) {
            const bool covers =
                (content & hit.content) == hit.content && (optional & hit.optional) == hit.optional;
            if (covers && (content != hit.content || optional != hit.optional)) return true;
        }
        return false;
    };
    // Only common words matched ("problems", "side", "pain"): no answer to a longer query.
    TokenMask to_cover = 0;
    for (const QuerySegment& segment : segments)
        to_cover |= segment.to_cover;
    auto only_common_words = [&](TokenMask content) {
        for (std::size_t index = 0; index < tokens.size(); ++index) {
            if (!(content & (TokenMask{1} << index))) continue;
            // The word as typed (or its best reading), not its completions.
            const auto& candidates = tokens[index].candidates;
            if (!candidates.empty() && !common_word[candidates.front().word]) return false;
        }
        return true;
    };
    TokenMask all_words = 0;
    for (const QuerySegment& segment : segments)
        all_words |= segment.all_words;
    const TokenMask typing = word_still_typed(tokens);
    std::vector<RankedEntry> ranked;
    for (const auto& [entry, hit] : entry_hits) {
        if (dominated(hit)) continue;
        RankedEntry item{entry, hit, false};
        mark_full(item, segments, typing);
        if (!item.full && popcount(all_words) >= 2 && only_common_words(hit.content)) continue;
        ranked.push_back(item);
    }
    drop_qualifier_only(segments, ranked);
    auto better = [](const RankedEntry& a, const RankedEntry& b) {
        if (a.full != b.full) return a.full;
        if (a.hit.score != b.hit.score) return a.hit.score > b.hit.score;
        return a.entry < b.entry; // page order
    };
    // An entry that gives no result (a concept no class lists) does not count.
    const std::size_t empty = static_cast<std::size_t>(
        std::count_if(ranked.begin(), ranked.end(), [&](const RankedEntry& item) {
            const Entry& entry = entries[item.entry];
            return entry.kind == SearchResultKind::side_effect && entry.occurrences.empty();
        }));
    const std::size_t ordered = std::min(ranked.size(), std::max(wanted, wanted + empty));
    std::partial_sort(ranked.begin(), ranked.begin() + ordered, ranked.end(), better);
    return ranked;
}

// ---- step 6: results ------------------------------------------------------------------

// Where each side-effect item's title is in its sentence, when the page writes it there as
// is: then its snippet never depends on the query (the title is the first focus).
void SearchIndex::Data::place_item_titles() {
    for (Entry& entry : entries) {
        for (SideEffectOccurrence& occurrence : entry.occurrences) {
            const std::string& sentence = side_effect_sentences[occurrence.sentence];
            occurrence.title_at = first_plain_match(sentence, {occurrence.title});
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
                                            const FocusPhrases& query_phrases) const {
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
    if (found == std::string::npos) found = first_word_at(words->second, query_phrases, true);
    if (found == std::string::npos) found = occurrence.title_prefix_at;
    if (found == std::string::npos) found = first_word_at(words->second, query_phrases, false);
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
    auto says = [&](const std::vector<WordId>& words) {
        return std::any_of(query_ids.begin(), query_ids.end(), [&](WordId word) {
            return std::binary_search(words.begin(), words.end(), word);
        });
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
    if (item.full || item.match == SearchMatch::negated) {
        const QuerySegment& segment = segments[item.segment];
        std::size_t first = segment.first; // from its negation: "no rash"
        for (std::size_t index = 0; index < segment.first; ++index)
            if ((segment.negations >> index) & 1u) first = std::min(first, index);
        because.part_first = static_cast<std::uint8_t>(first);
        because.part_last = static_cast<std::uint8_t>(segment.last);
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
    const Entry& entry = entries[item.entry];
    bool corrected = false;
    for (std::size_t index = 0; index < tokens.size(); ++index)
        corrected = corrected || (((item.hit.content >> index) & 1u) && tokens[index].corrected);
    if (item.match == SearchMatch::negated) {
        because.kind = BecauseKind::negated;
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
    const FocusPhrases query_phrases = focus_phrases(query_words);
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
                SearchResult result;
                result.kind = SearchResultKind::side_effect;
                result.class_ids.push_back(class_ids[occurrence.class_index]);
                result.target_id = class_ids[occurrence.class_index];
                result.title = occurrence.title;
                result.has_severity = true;
                result.severity = occurrence.severity;
                // Around the item; where the page splits its words, around the query's.
                const std::string& sentence = side_effect_sentences[occurrence.sentence];
                result.snippet = occurrence.title_at != std::string::npos
                                     ? snippet_at(sentence, occurrence.title_at)
                                     : item_snippet(occurrence, query_words, query_phrases);
                result.anchor = occurrence.anchor;
                result.match = item.full ? item.match : SearchMatch::partial;
                result.full_match = result.match == SearchMatch::full;
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
        result.match = item.full ? item.match : SearchMatch::partial;
        result.full_match = result.match == SearchMatch::full;
        result.because = because;
        result.score = item.hit.score;
        results.push_back(std::move(result));
    }
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
                                                                 : std::vector<std::string>{});
            results.push_back(std::move(result));
            continue;
        }
        SearchResult result;
        result.kind = SearchResultKind::text;
        if (!passage.class_id.empty()) result.class_ids.push_back(passage.class_id);
        result.target_id = passage.target_id;
        result.title = passage.title;
        result.snippet = snippet_around(passage.body, focus);
        if (passage.drug) result.drug_id = result.target_id;
        results.push_back(std::move(result));
    }
    return results;
}

bool SearchIndex::Data::token_in(const TokenMatch& token,
                                 const std::vector<std::string>& words) const {
    for (const std::string& word : words) {
        if (word == token.text || (token.prefix && word.rfind(token.text, 0) == 0)) return true;
        for (const WordCandidate& candidate : token.candidates) {
            if (word == vocabulary.text(candidate.word)) return true;
        }
    }
    return false;
}

// The clause with the most (and rarest) of the query's words: its side effect is the
// answer, and a full one only when that clause has every word ("blood in urine" has
// "blood" and "urine" in two different items, so neither is a full match).
ClauseMatch SearchIndex::Data::best_clause(const std::vector<std::vector<std::string>>& clauses,
                                           const std::vector<TokenMatch>& tokens) const {
    ClauseMatch best;
    best.clause = clauses.size();
    double best_weight = 0;
    for (std::size_t clause = 0; clause < clauses.size(); ++clause) {
        TokenMask mask = 0;
        double weight = 0;
        bool rare = false;
        for (std::size_t index = 0; index < tokens.size(); ++index) {
            const TokenMatch& token = tokens[index];
            if (token.optional || !token_in(token, clauses[clause])) continue;
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
        const std::vector<std::string>& words = sentence.term_words[term];
        const auto count = std::count_if(tokens.begin(), tokens.end(), [&](const TokenMatch& t) {
            return !t.optional && token_in(t, words);
        });
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
    const ClauseMatch best = best_clause(clauses, tokens);
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

std::vector<std::string>
SearchIndex::Data::unlisted_complaints(std::vector<QuerySegment>& segments,
                                       const Coverage& coverage,
                                       const std::vector<std::string>& words) const {
    auto covered = [](const std::vector<TokenMask>& masks, TokenMask wanted) {
        return std::any_of(masks.begin(), masks.end(),
                           [&](TokenMask mask) { return (mask & wanted) == wanted; });
    };
    std::vector<std::string> unlisted;
    for (QuerySegment& segment : segments) {
        if (!segment.complaint || segment.negated) continue;
        if (covered(coverage.full, segment.to_cover)) continue;
        // "diarrhea k…": a last word still being typed that names no complaint may yet be a
        // word the page has; while the rest of its part is answered, nothing is unlisted.
        // The rest: all of the part's words, qualifiers too ("skin problems y").
        const TokenMask rest = segment.all_words & ~coverage.typing;
        if ((coverage.typing & segment.tokens) != 0 && rest != 0 && covered(coverage.any, rest))
            continue;
        segment.unlisted = true;
        std::string text;
        for (std::size_t index = segment.first; index <= segment.last && index < words.size();
             ++index) {
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

// Full first, then negated, related, and partial results, each in the order they came.
void order_by_match(std::vector<SearchResult>& results) {
    const auto rank = [](const SearchResult& result) {
        switch (result.match) {
        case SearchMatch::full:
            return 0;
        case SearchMatch::negated:
            return 1;
        case SearchMatch::related:
            return 2;
        case SearchMatch::partial:
            break;
        }
        return 3;
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

    const std::vector<TokenMatch> tokens =
        match_words(words.words, options, words.last_word_finished);
    const bool filtered = !options.only_class_ids.empty();
    const std::vector<bool> class_allowed = classes_allowed(options);

    collect_phrase_hits(tokens);
    best_hit_per_entry(tokens, content_mask(tokens), class_allowed, filtered);
    const NamedClasses named = classes_named();
    std::vector<QuerySegment> segments = segments_of(tokens, named.tokens);
    // Unfiltered, every entry gives at least one result, so the first `limit` are all that
    // can be shown; a filter may leave an entry without results, so then all are ordered.
    std::vector<RankedEntry> ranked =
        rank_entries(tokens, segments, filtered ? SIZE_MAX : options.limit);
    decide_negation(segments, ranked);
    const bool some_entry_is_full = !ranked.empty() && ranked.front().full;
    // When no entry is a full match but a passage has every word ("blood thinners"), the
    // passages are the answer and entries sharing only some words would be noise.
    std::vector<SearchResult> passages;
    bool passages_searched = false;
    if (!some_entry_is_full && !ranked.empty()) {
        passages = text_results(tokens, class_allowed, filtered,
                                std::min(text_results_max, options.limit), {});
        passages_searched = true;
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

    response.not_listed =
        unlisted_complaints(segments, coverage_of(ranked, passages, tokens), words.words);
    append_related(segments, tokens, ranked, class_allowed, options.limit, response.results);
    order_by_match(response.results);
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
        for (std::size_t index = first; index <= segment.last && index < words.size(); ++index)
            text += (text.empty() ? "" : " ") + words[index];
        response.negated.push_back(text);
    }
    if (std::any_of(tokens.begin(), tokens.end(), [](const TokenMatch& token) {
            return token.role == WordRole::site || token.role == WordRole::colour ||
                   token.role == WordRole::time;
        }))
        response.notes = qualifier_notes(segments, ranked, tokens);
    if (response.results.empty()) response.suggestions = suggestions_for(tokens);
    // Never nothing on the screen: what was typed is said not to be on the page (with the
    // page's advice and the helpline), beside any suggestion.
    if (response.results.empty() && response.not_listed.empty() && response.negated.empty())
        response.not_listed.push_back(response.query);
}

SearchResponse SearchIndex::search(std::string_view query, const SearchOptions& options) const {
    std::lock_guard<std::mutex> lock(data_->mutex);
    return data_->answer(query, options, true);
}

} // namespace lungguide
