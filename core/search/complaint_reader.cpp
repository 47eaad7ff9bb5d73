// The complaint reader: a query is a complaint with qualifiers around it (complaint_lexicon.h).
//
// - Only the complaint decides: "swollen legs" is swelling, "red rash on chest" is rash. A
//   qualifier the page does not state narrows nothing and is said plainly (qualifier_notes).
// - Full only when the complaint maps to the side effect (complete_for): the phrase is said
//   whole; a site it names may be left out only when the query names none ("pain" finds
//   "back pain", "pain in legs" does not); a negation it needs must be there ("no appetite");
//   it must not say the opposite of the query (opposite_word_ids: "low" is not "high").
// - "no rash", "not feeling sick": the complaint is said to be absent (decide_negation); what
//   the page says about it is shown as negated, never as a match. "can't sleep" and "not
//   eating" name complaints: the negation is of something the body does.
// - A complaint the page does not list gets related results from the same part of the body
//   (append_related), after the sentence that says it is not listed.
#include "search/search_index_data.h"

#include "common/edit_distance.h"

#include <algorithm>

namespace lungguide {

namespace {

bool is_vowel(char letter) {
    return letter == 'a' || letter == 'e' || letter == 'i' || letter == 'o' || letter == 'u';
}

// A small sound key, so that "diahrea" and "nawsea" find "diarrhea" and "nausea" when
// spelling fails: consonants by sound (c/k/q, s/z, d/t, f/v/ph), vowels, h, w and y dropped
// after the first letter, repeats collapsed.
std::string sound_key(std::string_view word) {
    std::string key;
    for (std::size_t index = 0; index < word.size(); ++index) {
        const char letter = word[index];
        const char next = index + 1 < word.size() ? word[index + 1] : '\0';
        char sound = 0;
        if (letter < 'a' || letter > 'z') return {};
        switch (letter) {
        case 'c':
            sound = next == 'e' || next == 'i' || next == 'y' ? 's' : 'k';
            break;
        case 'q':
        case 'k':
        case 'g':
            sound = 'k';
            break;
        case 'z':
        case 's':
            sound = 's';
            break;
        case 'd':
        case 't':
            sound = 't';
            break;
        case 'v':
        case 'f':
            sound = 'f';
            break;
        case 'p':
            sound = next == 'h' ? 'f' : 'p';
            break;
        case 'x':
            key += 'k';
            sound = 's';
            break;
        case 'h':
        case 'w':
        case 'y':
            sound = index == 0 ? letter : 0;
            break;
        default:
            sound = is_vowel(letter) ? (index == 0 ? 'a' : 0) : letter;
        }
        if (sound != 0 && (key.empty() || key.back() != sound)) key += sound;
    }
    return key;
}

std::string lower_first(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z')
        text[0] = static_cast<char>(text[0] + 32);
    return text;
}

} // namespace

// ---- building -------------------------------------------------------------------------

void SearchIndex::Data::index_complaint_reader(const Guide& guide) {
    const std::vector<BodySystem>& systems = body_systems();
    system_of_entry.assign(entries.size(), -1);
    page_words_of_entry.assign(entries.size(), {});
    page_term_of_entry.assign(entries.size(), {});
    for (std::size_t entry = 0; entry < entries.size(); ++entry) {
        if (entries[entry].kind != SearchResultKind::side_effect) continue;
        const std::string& id = entries[entry].target_id;
        for (std::size_t system = 0; system < systems.size(); ++system) {
            const auto& ids = systems[system].concept_ids;
            if (std::find(ids.begin(), ids.end(), id) != ids.end())
                system_of_entry[entry] = static_cast<std::int16_t>(system);
        }
        if (system_of_entry[entry] >= 0)
            system_entries.push_back(static_cast<std::uint32_t>(entry));
        for (const SymptomConcept& symptom : guide.symptom_concepts) {
            if (symptom.id != id || symptom.page_terms.empty()) continue;
            page_term_of_entry[entry] = lower_first(symptom.page_terms.front());
            for (const std::string& term : symptom.page_terms)
                for (std::string& word : split_search_words(term))
                    page_words_of_entry[entry].push_back(std::move(word));
        }
    }
    // Each word of a concept's phrases belongs to its body system; a word of three or more
    // systems ("pain", "problems") belongs to none.
    systems_of_word.assign(vocabulary.size(), 0);
    for (std::size_t phrase = 0; phrase < phrases.size(); ++phrase) {
        const std::int16_t system = system_of_entry[phrases[phrase].entry];
        if (system < 0) continue;
        for (std::uint32_t word = 0; word < phrases[phrase].word_count; ++word)
            systems_of_word[phrase_words[phrases[phrase].first_word + word]] |=
                static_cast<std::uint16_t>(1u << system);
    }
    for (std::uint16_t& bits : systems_of_word)
        if (popcount(bits) >= 3) bits = 0;
    for (WordId word = 0; word < vocabulary.size(); ++word) {
        const std::string& text = vocabulary.text(word);
        if (text.size() >= 5 && indexed_words.count(word))
            words_by_sound[sound_key(text)].push_back(word);
    }
    word_tokens.assign(vocabulary.size(), {}); // the last step of building: every word known
    site_regions_of_entry.assign(entries.size(), 0);
    for (std::size_t entry = 0; entry < entries.size(); ++entry)
        for (const std::string& word : page_words_of_entry[entry])
            if (complaint_word_role(word) == WordRole::site)
                site_regions_of_entry[entry] |= site_region_of(word);
    for (const DrugClass& drug_class : guide.classes)
        class_names.push_back(drug_class.name);
    index_umbrella_terms();
}

// ---- reading a query ------------------------------------------------------------------

// "diahrea", "nawsea": words that sound like a page word, when no spelling is near enough.
void SearchIndex::Data::add_sound_alikes(TokenMatch& token) const {
    if (token.text.size() < 5) return;
    auto found = words_by_sound.find(sound_key(token.text));
    if (found == words_by_sound.end()) return;
    const std::u32string typed = decode_utf8(token.text);
    for (WordId word : found->second) {
        const std::string& text = vocabulary.text(word);
        const std::size_t longer = std::max(text.size(), token.text.size());
        const std::size_t shorter = std::min(text.size(), token.text.size());
        // Same first letter and nearly the same length, and at most three slips: the sound
        // key alone joins too many words ("chills" and "calluses").
        if (text[0] != token.text[0] || longer - shorter > 1 ||
            bounded_edit_distance(typed, decode_utf8(text), 3) > 3)
            continue;
        token.candidates.push_back({word, 0.4f});
    }
    token.corrected = !token.candidates.empty();
}

// "knees" may be what a phrase calls "joints": "sore knees" is "sore joints".
void SearchIndex::Data::add_site_group(TokenMatch& token) const {
    const std::string_view group = site_group_of(token.text);
    WordId word = 0;
    if (group.empty() || !vocabulary.find(group, word)) return;
    if (std::none_of(token.candidates.begin(), token.candidates.end(),
                     [&](const WordCandidate& candidate) { return candidate.word == word; }))
        token.candidates.push_back({word, 0.8f});
}

// The page's words opposite to the query's: "low" makes "high", "raised", … never full.
std::vector<std::pair<WordId, std::uint32_t>>
SearchIndex::Data::opposite_word_ids(const std::vector<TokenMatch>& tokens) const {
    std::vector<std::pair<WordId, std::uint32_t>> opposite;
    for (std::uint32_t index = 0; index < tokens.size(); ++index) {
        if (tokens[index].optional) continue;
        for (std::string_view word : opposites_of(tokens[index].text)) {
            WordId id = 0;
            if (vocabulary.find(word, id)) opposite.push_back({id, index});
        }
    }
    return opposite;
}

// The query words whose opposite the phrase says ("high" for "low" in "low blood pressure").
// Per word, so that "diarrhea or constipation" asks for both, each in its own part.
TokenMask SearchIndex::Data::opposite_tokens_of(
    std::uint32_t phrase, const std::vector<std::pair<WordId, std::uint32_t>>& words) const {
    const Phrase& of = phrases[phrase];
    TokenMask tokens = 0;
    for (std::uint32_t index = 0; index < of.word_count; ++index) {
        for (const auto& [word, token] : words)
            if (phrase_words[of.first_word + index] == word) tokens |= TokenMask{1} << token;
    }
    return tokens;
}

// Words of the part that no list knows and the page lacks ("thin" of "thin skin"), left
// out by segments_of as stray letters or names: beside qualifiers alone, the complaint.
TokenMask SearchIndex::Data::unknown_words(const std::vector<TokenMatch>& tokens,
                                           const QuerySegment& segment) const {
    TokenMask unknown = 0;
    for (std::size_t index = segment.first; index <= segment.last && index < tokens.size();
         ++index) {
        const TokenMatch& token = tokens[index];
        const bool complaint_like =
            token.role == WordRole::none || token.role == WordRole::direction;
        if (token.optional || !complaint_like || token.prefix || token.text.size() < 3 ||
            !token.candidates.empty() || contains_digit(token.text))
            continue;
        unknown |= TokenMask{1} << index;
    }
    return unknown;
}

// Each part's complaint: "swollen" of "swollen legs", "rash" of "red rash on chest"; only it
// decides. A part of qualifiers alone ("legs", "red eyes") is its own complaint, unless it
// goes on the part before it ("rash on arms and legs"). Parts that ask nothing go.
void SearchIndex::Data::read_complaints(std::vector<QuerySegment>& segments,
                                        const std::vector<TokenMatch>& tokens,
                                        TokenMask typing) const {
    for (QuerySegment& segment : segments) {
        segment.all_words = segment.to_cover;
        // A word still being typed ("skin problems u") is not yet the complaint.
        TokenMask heads = segment.to_cover & ~segment.qualifiers & ~typing;
        // "thin skin": a word no list knows, beside qualifiers only, is the complaint.
        if (heads == 0) heads = unknown_words(tokens, segment);
        // "painful swelling": the swelling says what; "painful" only how it feels.
        // "nails dropping off": beside a body part, "dropping off" says only that it moves.
        // "night", "all the time": when, not what.
        TokenMask unspecific = 0, compared = 0;
        for (std::size_t index = segment.first; index <= segment.last && index < tokens.size();
             ++index) {
            if (tokens[index].compared) compared |= TokenMask{1} << index;
            if (is_unspecific_complaint(tokens[index].text) ||
                tokens[index].role == WordRole::time ||
                (segment.names_a_site && is_weak_head(tokens[index].text)))
                unspecific |= TokenMask{1} << index;
        }
        segment.unspecific = unspecific;
        // "stools hard as rocks": what it is compared to is no complaint of its own when
        // the part says one outside the comparison; "like a sunburn" is its own.
        if ((heads & ~compared) != 0) heads &= ~compared;
        if ((heads & ~unspecific) != 0) heads &= ~unspecific;
        if (heads != 0) {
            segment.to_cover = heads;
            segment.has_heads = true;
        }
    }
    for (std::size_t index = 1; index < segments.size(); ++index) {
        QuerySegment& previous = segments[index - 1];
        QuerySegment& segment = segments[index];
        if (segment.has_heads || !previous.has_heads || segment.to_cover == 0 ||
            is_a_phrase_of_its_own(segment) || // "diarrhoea, skin changes"
            segment.negations != previous.negations)
            continue;
        previous.tokens |= segment.tokens;
        previous.all_words |= segment.all_words;
        previous.qualifiers |= segment.tokens;
        previous.last = segment.last;
        previous.unspecific |= segment.unspecific;
        previous.names_a_site = previous.names_a_site || segment.names_a_site;
        previous.bare = previous.bare && segment.bare;
        segment.to_cover = 0;
    }
    segments.erase(
        std::remove_if(segments.begin(), segments.end(),
                       [](const QuerySegment& segment) { return segment.to_cover == 0; }),
        segments.end());
    share_the_place(segments, tokens);
}

// "brittle, dry or cracked nails", "stool is hard, dry and difficult to pass": a place said
// once in a list is the place of its other parts too, so "dry" there is never the page's
// dry mouth or dry skin by leaving the mouth or the skin out (a phrase that has the place,
// "dry skin" for "dry and itchy skin", still answers).
void SearchIndex::Data::share_the_place(std::vector<QuerySegment>& segments,
                                        const std::vector<TokenMatch>& tokens) const {
    if (segments.size() < 2) return;
    bool place = false;
    for (const QuerySegment& segment : segments)
        for (std::size_t index = segment.first; index <= segment.last && index < tokens.size();
             ++index)
            place = place || (((segment.tokens >> index) & 1u) &&
                              (tokens[index].role == WordRole::site ||
                               tokens[index].role == WordRole::function));
    if (!place) return;
    for (QuerySegment& segment : segments)
        if (segment.has_heads) segment.names_a_site = true;
}

// Whether some side effect's phrase is this part's words, whole and only them: "skin
// changes" (qualifiers by their roles) is a complaint of its own, not where the one before
// it is.
bool SearchIndex::Data::is_a_phrase_of_its_own(const QuerySegment& segment) const {
    const TokenMask own = span_mask(segment);
    // Every phrase with some of the words, not only each entry's best for the whole query.
    return std::any_of(touched_phrases.begin(), touched_phrases.end(), [&](std::uint32_t index) {
        const PhraseHit& hit = phrase_hits[phrase_slots[index].slot];
        const Phrase& phrase = phrases[index];
        return entries[phrase.entry].kind == SearchResultKind::side_effect &&
               (hit.tokens & ~own) == 0 && (hit.tokens & segment.to_cover) == segment.to_cover &&
               popcount(hit.positions) >= static_cast<int>(phrase.word_count) &&
               popcount(hit.positions) <= popcount(hit.tokens);
    });
}

// Whether the phrase is said whole for this part: every word it needs is in the query.
// Grammar, "problems" and "severe" may be left out; a site only when the part names none
// of its own ("pain" is "back pain", "pain in legs" is not); a direction only by a complaint
// said bare ("appetite" is "loss of appetite", "blood in urine" is not "blood loss"); a
// colour never ("blood" is not "white blood count").
bool SearchIndex::Data::complete_for(const EntryHit& hit, const QuerySegment& segment) const {
    if (!segment.has_heads) return true; // "legs", "red eyes": any phrase that has them
    if (!hit.one_word_each) return false;
    const Phrase& phrase = phrases[hit.phrase];
    const std::uint32_t all =
        phrase.word_count >= 32 ? ~std::uint32_t{0} : (std::uint32_t{1} << phrase.word_count) - 1;
    std::uint32_t missing = all & ~hit.positions & ~phrase.ignorable_positions;
    if (!segment.names_a_site) missing &= ~phrase.site_positions;
    if (segment.bare) missing &= ~phrase.direction_positions;
    return missing == 0;
}

// Whether the words the phrase has say what the complaint is. "pain", "sore", "down" say
// only that something hurts or is wrong: with nothing else of the part in the phrase, it
// must be a phrase said whole but for its grammar, by two words of the query or more
// ("feeling down", "can't keep food down", "aching all over"). "painful urination" is not
// back pain; "pain" alone is no one side effect.
bool SearchIndex::Data::says_what(const EntryHit& hit, const QuerySegment& segment) const {
    const TokenMask unspecific = segment.unspecific; // found once, by read_complaints
    if ((segment.tokens & unspecific) == 0 || (hit.content & segment.tokens & ~unspecific) != 0)
        return true;
    // Every word of the phrase that says something, and two words of the query at least.
    const Phrase& phrase = phrases[hit.phrase];
    const std::uint32_t all =
        phrase.word_count >= 32 ? ~std::uint32_t{0} : (std::uint32_t{1} << phrase.word_count) - 1;
    const std::uint32_t needed = all & ~phrase.ignorable_positions;
    const TokenMask own = span_mask(segment); // not with another part's word ("skin, sore mouth")
    // A phrase that joins the parts itself is said across them ("aches and pains").
    return (hit.positions & needed) == needed &&
           ((hit.content & ~own) == 0 || has_a_joiner(hit.phrase)) &&
           popcount(hit.content | hit.optional) >= 2;
}

// Whether the page's own words for the entry state this word: as is, its singular, the
// group it belongs to ("fingers": hands), or inside a word ("nose" of "nosebleed").
bool SearchIndex::Data::page_states(std::uint32_t entry, std::string_view word) const {
    const std::vector<std::string>& stated = page_words_of_entry[entry];
    auto says = [&](std::string_view what) {
        return std::find(stated.begin(), stated.end(), what) != stated.end();
    };
    const std::string_view group = site_group_of(word);
    const bool singular =
        word.size() > 3 && word.back() == 's' && says(word.substr(0, word.size() - 1));
    if (says(word) || singular || (!group.empty() && says(group))) return true;
    return word.size() >= 4 && std::any_of(stated.begin(), stated.end(), [&](const std::string& s) {
               return s.size() > word.size() && s.compare(0, word.size(), word) == 0;
           });
}

// A site of the part in another region of the body than the page's term names, and not
// in the phrase matched: "swollen eyelids" is not "swelling in hands and/or feet" (the
// face, not the limbs), while "swollen legs" is, with a note that legs are not mentioned.
// Terms that name no region ("rash", "skin rash") are never elsewhere: "rash on my scalp".
bool SearchIndex::Data::site_elsewhere(std::uint32_t entry, const EntryHit& hit,
                                       const QuerySegment& segment,
                                       const std::vector<TokenMatch>& tokens) const {
    const std::uint8_t regions = site_regions_of_entry[entry];
    if (regions == 0) return false;
    for (std::size_t index = segment.first; index <= segment.last && index < tokens.size();
         ++index) {
        const TokenMatch& token = tokens[index];
        if (token.role != WordRole::site || (hit.content >> index) & 1u) continue;
        const std::uint8_t region = site_region_of(token.text);
        if (region != 0 && (regions & region) == 0 && !page_states(entry, token.text)) return true;
    }
    return false;
}

// A part with "no", "not", "stopped", … says its complaint is absent, unless the negation
// is of something the body does ("can't sleep") or the phrase itself has it ("no appetite").
void SearchIndex::Data::decide_negation(std::vector<QuerySegment>& segments,
                                        std::vector<RankedEntry>& ranked) const {
    for (std::size_t index = 0; index < segments.size(); ++index) {
        QuerySegment& segment = segments[index];
        if (segment.negations == 0 || segment.negation_of_function) continue;
        bool answered = false, consumed = false;
        for (const RankedEntry& item : ranked) {
            if (!item.full || item.segment != index) continue;
            answered = true;
            const TokenMask said = item.hit.content | item.hit.optional;
            consumed = consumed || (said & segment.negations) == segment.negations;
        }
        segment.negated = answered && !consumed;
    }
    for (RankedEntry& item : ranked) {
        if (item.full && segments[item.segment].negated) item.match = SearchMatch::negated;
    }
}

// ---- answering ------------------------------------------------------------------------

void SearchIndex::Data::append_related(const std::vector<QuerySegment>& segments,
                                       const std::vector<TokenMatch>& tokens,
                                       const std::vector<RankedEntry>& ranked,
                                       const std::vector<bool>& class_allowed, std::size_t limit,
                                       std::vector<SearchResult>& results) const {
    TokenMask directions = 0;
    for (std::size_t index = 0; index < tokens.size(); ++index)
        if (tokens[index].role == WordRole::direction) directions |= TokenMask{1} << index;
    for (const QuerySegment& segment : segments) {
        if (!segment.unlisted || segment.other_classes) continue;
        std::uint16_t named = 0; // systems a word of the part names itself ("legs": muscles)
        const std::uint16_t wanted = systems_of_part(segment, tokens, named);
        if (wanted == 0) continue;
        // The concepts of those systems: of a system the part names first, then those that
        // share more of its words (a direction, "high", counts least), then page order.
        struct Candidate {
            int named_rank;
            int elsewhere; // 0 when the page's term names a place of the part ("nail")
            int shared_words;
            double score;
            std::uint32_t entry;
        };
        std::vector<Candidate> concepts;
        for (std::uint32_t entry : system_entries) { // a few dozen, however large the pack
            const std::int16_t system = system_of_entry[entry];
            if (system < 0 || !(wanted & (1u << system)) || entries[entry].occurrences.empty())
                continue;
            const auto in_ranked =
                std::find_if(ranked.begin(), ranked.end(),
                             [&](const RankedEntry& item) { return item.entry == entry; });
            if (in_ranked != ranked.end() && in_ranked->match != SearchMatch::partial) continue;
            const bool hit = in_ranked != ranked.end();
            concepts.push_back({(named >> system) & 1u ? 0 : 1,
                                states_a_site_of(entry, segment, tokens) ? 0 : 1,
                                hit ? popcount(in_ranked->hit.content & ~directions) : 0,
                                hit ? in_ranked->hit.score : 0.0, entry});
        }
        std::stable_sort(concepts.begin(), concepts.end(),
                         [](const Candidate& a, const Candidate& b) {
                             if (a.named_rank != b.named_rank) return a.named_rank < b.named_rank;
                             if (a.elsewhere != b.elsewhere) return a.elsewhere < b.elsewhere;
                             if (a.shared_words != b.shared_words)
                                 return a.shared_words > b.shared_words;
                             return a.score > b.score;
                         });
        for (const Candidate& candidate : concepts) {
            append_related_entry(candidate.entry, segment,
                                 says_the_opposite(candidate.entry, tokens), class_allowed, limit,
                                 results);
        }
    }
}

// Whether the page's own term names a place the part names: "nail changes" for "infected
// nail", so the side effects of that place come first among the related ones.
bool SearchIndex::Data::states_a_site_of(std::uint32_t entry, const QuerySegment& segment,
                                         const std::vector<TokenMatch>& tokens) const {
    for (std::size_t index = segment.first; index <= segment.last && index < tokens.size(); ++index)
        if (tokens[index].role == WordRole::site && page_states(entry, tokens[index].text))
            return true;
    return false;
}

// Whether the page's own words for it say the opposite of the query: "high" blood
// pressure for "low blood pressure", "watery" eyes for "dry eyes".
bool SearchIndex::Data::says_the_opposite(std::uint32_t entry,
                                          const std::vector<TokenMatch>& tokens) const {
    const std::vector<std::string>& stated = page_words_of_entry[entry];
    for (const TokenMatch& token : tokens) {
        if (token.optional) continue;
        for (std::string_view opposite : opposites_of(token.text))
            if (std::find(stated.begin(), stated.end(), opposite) != stated.end()) return true;
    }
    return false;
}

// The body systems a part of the query is about, one bit each: from its words' own
// systems (complaint_lexicon.h) and the systems of the concepts whose words it has.
std::uint16_t SearchIndex::Data::systems_of_part(const QuerySegment& segment,
                                                 const std::vector<TokenMatch>& tokens,
                                                 std::uint16_t& named) const {
    const std::vector<BodySystem>& systems = body_systems();
    std::uint16_t wanted = 0;
    named = 0;
    for (std::size_t index = segment.first; index <= segment.last && index < tokens.size();
         ++index) {
        const TokenMatch& token = tokens[index];
        if (token.optional || token.role == WordRole::time || token.role == WordRole::intensity ||
            token.role == WordRole::generic || token.role == WordRole::direction ||
            is_unspecific_complaint(token.text)) // "painful": pains are everywhere
            continue;
        for (const WordCandidate& candidate : token.candidates)
            wanted |= systems_of_word[candidate.word];
        for (std::size_t system = 0; system < systems.size(); ++system) {
            const auto& words = systems[system].words;
            if (std::find(words.begin(), words.end(), token.text) != words.end())
                named |= static_cast<std::uint16_t>(1u << system);
        }
    }
    return wanted | named;
}

// One related concept's cards, in place of its partial ones.
void SearchIndex::Data::append_related_entry(std::uint32_t entry, const QuerySegment& segment,
                                             bool opposite, const std::vector<bool>& class_allowed,
                                             std::size_t limit,
                                             std::vector<SearchResult>& results) const {
    const bool partial_cards =
        std::any_of(results.begin(), results.end(), [](const SearchResult& r) {
            return r.match == SearchMatch::partial && r.kind == SearchResultKind::side_effect;
        });
    if (!partial_cards && results.size() >= limit) return;
    for (const SideEffectOccurrence& occurrence : entries[entry].occurrences) {
        if (!partial_cards) break; // nothing to replace
        const std::string& class_id = class_ids[occurrence.class_index];
        results.erase(std::remove_if(results.begin(), results.end(),
                                     [&](const SearchResult& r) {
                                         return r.match == SearchMatch::partial &&
                                                r.kind == SearchResultKind::side_effect &&
                                                r.anchor == occurrence.anchor &&
                                                r.class_ids.front() == class_id;
                                     }),
                      results.end());
    }
    for (const SideEffectOccurrence& occurrence : entries[entry].occurrences) {
        if (results.size() >= limit) return;
        if (!class_allowed[occurrence.class_index]) continue;
        SearchResult result = occurrence_card(occurrence, SearchMatch::related);
        result.because.kind = opposite ? BecauseKind::opposite : BecauseKind::related;
        result.because.part_first = static_cast<std::uint8_t>(segment.first);
        result.because.part_last = static_cast<std::uint8_t>(segment.last);
        result.because.body_system = system_of_entry[entry];
        results.push_back(std::move(result));
    }
}

// "The page lists swelling in hands and/or feet; it does not mention legs."
std::vector<std::string>
SearchIndex::Data::qualifier_notes(const std::vector<QuerySegment>& segments,
                                   const std::vector<RankedEntry>& ranked,
                                   const std::vector<TokenMatch>& tokens) const {
    std::vector<std::string> notes;
    for (const RankedEntry& item : ranked) {
        const bool answers = item.match == SearchMatch::full || item.site_elsewhere ||
                             item.match == SearchMatch::other_class;
        if (!answers || page_term_of_entry[item.entry].empty()) continue;
        const QuerySegment& segment = segments[item.segment];
        std::vector<std::string> unstated;
        for (std::size_t index = segment.first; index <= segment.last; ++index) {
            const TokenMatch& token = tokens[index];
            // Not a time ("all the time", "for days", "at night"): the page never says
            // when, and "it does not mention days" reads as nonsense.
            const bool where_or_when =
                token.role == WordRole::site || token.role == WordRole::colour ||
                ((segment.qualifiers >> index) & 1u && token.role != WordRole::intensity &&
                 token.role != WordRole::generic && token.role != WordRole::time);
            if (token.optional || !where_or_when || page_states(item.entry, token.text)) continue;
            if (std::find(unstated.begin(), unstated.end(), token.text) == unstated.end())
                unstated.push_back(token.text);
        }
        if (unstated.empty()) continue;
        std::string note =
            "The page lists " + page_term_of_entry[item.entry] + "; it does not mention ";
        for (std::size_t index = 0; index < unstated.size(); ++index) {
            if (index > 0) note += index + 1 == unstated.size() ? " or " : ", ";
            note += unstated[index];
        }
        note += ".";
        if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(note);
    }
    return notes;
}

// ---- why a result was shown -----------------------------------------------------------

std::string search_because(const SearchResponse& response, const SearchResult& result) {
    const std::vector<std::string> words = split_search_words(response.query);
    const SearchBecause& because = result.because;
    auto quoted = [&](TokenMask mask) {
        std::string text;
        for (std::size_t index = 0; index < words.size() && index < 32; ++index) {
            if (!((mask >> index) & 1u)) continue;
            text += (text.empty() ? "" : " ") + words[index];
        }
        return "\"" + text + "\""; // plain quotes: every font the app ships has them
    };
    auto part = [&] {
        TokenMask mask = 0;
        for (std::size_t index = because.part_first; index <= because.part_last; ++index)
            mask |= TokenMask{1} << index;
        return quoted(mask);
    };
    const std::string title = lower_first(result.title);
    const std::vector<BodySystem>& systems = body_systems();
    const std::string system =
        because.body_system >= 0 && static_cast<std::size_t>(because.body_system) < systems.size()
            ? std::string(systems[static_cast<std::size_t>(because.body_system)].label)
            : std::string("the same part of the body");
    switch (because.kind) {
    case BecauseKind::page_words:
        return quoted(because.typed_words) + ": the page\u2019s own words";
    case BecauseKind::lay_words:
        return quoted(because.typed_words) + ": the page calls this " + title;
    case BecauseKind::corrected:
        return quoted(because.typed_words) + ": read as a spelling slip; the page calls this " +
               title;
    case BecauseKind::named:
        return quoted(because.typed_words) + ": named on the page";
    case BecauseKind::passage:
        return "The page\u2019s text has " + quoted(because.typed_words);
    case BecauseKind::partial:
        return "Shares only " + quoted(because.typed_words) + " with what you typed";
    case BecauseKind::related:
        return "Not the same as " + part() + ": also about " + system;
    case BecauseKind::opposite:
        return "The opposite of " + part() + ": not a match";
    case BecauseKind::other_class:
        return part() + ": the page lists " + title + " for this class, not for the one you named";
    case BecauseKind::umbrella:
        return quoted(because.typed_words) + ": for this class the page uses the wider words \"" +
               title + "\"";
    case BecauseKind::negated:
        return "You wrote " + part() + ": this is what the page says about " + title +
               ", not a match";
    }
    return {};
}

} // namespace lungguide
