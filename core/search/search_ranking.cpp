// Phrases, entries and ranks (steps 4 and 5 of answering, search_index.cpp): every phrase with
// some of the words, each entry's best, and which entries answer a part in full.
#include "search/search_index_data.h"

#include <algorithm>

namespace lungguide {

// ---- step 4: phrases and entries ------------------------------------------------------

void SearchIndex::Data::collect_phrase_hits(const std::vector<TokenMatch>& tokens) const {
    if (++generation == 0) {
        std::fill(phrase_slots.begin(), phrase_slots.end(), StampedSlot{});
        std::fill(entry_slots.begin(), entry_slots.end(), StampedSlot{});
        std::fill(word_tokens.begin(), word_tokens.end(), StampedTokens{});
        generation = 1;
    }
    touched_phrases.clear();
    phrase_hits.clear();
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        for (const WordCandidate& candidate : tokens[index].candidates) {
            if (candidate.word < word_tokens.size()) { // for tokens_in
                StampedTokens& readings = word_tokens[candidate.word];
                if (readings.stamp != generation) readings = {generation, 0};
                readings.tokens |= TokenMask{1} << index;
            }
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

namespace {

// Whether the phrase has words of a part but not what that part complains of: a place it
// shares ("toes" of "numb toes") does not make it that part's answer.
bool leaves_a_part_unsaid(TokenMask content, const QueryShape& shape) {
    for (TokenMask part : shape.parts) {
        const TokenMask complaint = part & shape.complaints;
        if ((content & part) != 0 && complaint != 0 && (content & complaint) == 0) return true;
    }
    return false;
}

} // namespace

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
    // Once per query, not per phrase: the complaint's words, and the parts' words.
    const TokenMask typing = word_still_typed(tokens);
    QueryShape shape;
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        const WordRole role = tokens[index].role;
        if (role == WordRole::none || role == WordRole::function || role == WordRole::direction)
            shape.heads |= TokenMask{1} << index;
        // What says the complaint of a part: not a place, nor a word still typed, nor one
        // that says only that it hurts.
        if ((role == WordRole::none || role == WordRole::function) && !tokens[index].optional &&
            !is_unspecific_complaint(tokens[index].text) && ((typing >> index) & 1u) == 0)
            shape.complaints |= TokenMask{1} << index;
        if (index > 0 && (tokens[index].starts_part || is_part_joiner(tokens[index].text)))
            shape.parts.push_back(0);
        if (shape.parts.empty()) shape.parts.push_back(0);
        shape.parts.back() |= TokenMask{1} << index;
        if (tokens[index].compared) shape.compared |= TokenMask{1} << index;
    }
    for (std::uint32_t phrase_index : touched_phrases) {
        const PhraseHit& hit = phrase_hits[phrase_slots[phrase_index].slot];
        if ((hit.tokens & content_tokens) == 0) continue; // filler words alone never match
        const Phrase& phrase = phrases[phrase_index];
        const Entry& entry = entries[phrase.entry];
        if (filtered && std::none_of(entry.class_indexes.begin(), entry.class_indexes.end(),
                                     [&](std::uint32_t index) { return class_allowed[index]; })) {
            continue;
        }
        EntryHit candidate =
            score_hit(phrase_index, hit, shape.heads, content_tokens, opposites, query_names_site);
        // "painful swelling and redness around the nails": of an entry's phrases, one said
        // within a part ("redness around the nails") before one made of two parts' words
        // ("swelling around the nails"), unless the phrase joins them too ("aches and pains").
        // A phrase whose own "and" joins places ("hands and/or feet") joins no complaints:
        // "swollen feet and numb toes" is two parts, the toes not the swelling's.
        if (shape.parts.size() > 1 && spans_parts(candidate.content, shape.parts) &&
            (!has_a_joiner(phrase_index) || leaves_a_part_unsaid(candidate.content, shape)))
            candidate.choice -= 30.0;
        // "skin dry like sandpaper": "dry skin", not "skin like sandpaper", which has what
        // it is compared to but not the complaint said outside the comparison.
        if (misses_what_is_compared(candidate.content, shape)) candidate.choice -= 30.0;
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

// Whether the phrase has words of a comparison but not the complaint its part says outside
// it: "skin like sandpaper" for "skin dry like sandpaper".
bool SearchIndex::Data::misses_what_is_compared(TokenMask words, const QueryShape& shape) const {
    if ((words & shape.compared) == 0) return false;
    for (TokenMask part : shape.parts) {
        const TokenMask outside = part & shape.complaints & ~shape.compared;
        if ((words & part & shape.compared) != 0 && (outside & ~words) != 0) return true;
    }
    return false;
}

// Whether the words are of two parts of the query ("tired and dizzy", "tired, dizzy").
bool SearchIndex::Data::spans_parts(TokenMask words, const std::vector<TokenMask>& parts) const {
    int with_words = 0;
    for (TokenMask part : parts)
        with_words += (part & words) != 0 ? 1 : 0;
    return with_words > 1;
}

bool SearchIndex::Data::has_a_joiner(std::uint32_t phrase_index) const {
    const Phrase& phrase = phrases[phrase_index];
    for (std::uint32_t index = 0; index < phrase.word_count; ++index)
        if (is_part_joiner(vocabulary.text(phrase_words[phrase.first_word + index]))) return true;
    return false;
}

// One phrase's hit, scored: rare words, words of the complaint, and a phrase said whole
// weigh more; a phrase that needs a word the query lacks to mean it ("no appetite" for
// "appetite"), names another site than the query's, or says the opposite weighs less.
EntryHit SearchIndex::Data::score_hit(
    std::uint32_t phrase_index, const PhraseHit& hit, TokenMask heads, TokenMask content_tokens,
    const std::vector<std::pair<WordId, std::uint32_t>>& opposites, bool query_names_site) const {
    const Phrase& phrase = phrases[phrase_index];
    double quality = 0;
    for (TokenMask left = hit.tokens; left != 0; left &= left - 1) // only the words it has
        quality += hit.quality[__builtin_ctz(left)];
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
    // A side effect's phrase said whole outweighs a longer one that only shares its places:
    // "numbness" before "tingling or numbness in your hands or feet" for "numbness in your
    // hands or feet", which lacks "tingling".
    const bool said_whole = needed == 0 && one_word_each;
    const bool side_effect = entries[phrase.entry].kind == SearchResultKind::side_effect;
    candidate.choice = candidate.score + (said_whole ? (side_effect ? 30.0 : 15.0) : 0.0);
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
                                  const std::vector<TokenMatch>& tokens, TokenMask typing) const {
    const EntryHit& hit = item.hit;
    const bool side_effect = entries[item.entry].kind == SearchResultKind::side_effect;
    for (std::size_t index = 0; index < segments.size() && !item.full; ++index) {
        const QuerySegment& segment = segments[index];
        // A name (drug, class, gene change) is matched by its words, as before. A side
        // effect needs the words that say what ("painful" alone is not back pain).
        const bool cf = complete_for(hit, segment);
        const bool sw = says_what(hit, segment);
        const bool complete = !side_effect || (cf && sw);
        // "dry skin u": the rest is answered while the last word is still being typed.
        const TokenMask wanted =
            (segment.to_cover & ~typing) != 0 ? segment.to_cover & ~typing : segment.to_cover;
        if ((hit.content & wanted) == wanted && complete &&
            (hit.opposite_tokens & segment.tokens) == 0) {
            // "swollen eyelids": the page's term names another part of the body.
            if (side_effect && site_elsewhere(item.entry, hit, segment, tokens)) {
                item.site_elsewhere = true;
                item.segment = static_cast<std::uint32_t>(index);
                continue;
            }
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
        mark_full(item, segments, tokens, typing);
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

} // namespace lungguide
