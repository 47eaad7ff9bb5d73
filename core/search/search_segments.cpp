// The parts of a query (step 3 of answering, search_index.cpp): "tired and dizzy" has two,
// each answered on its own; names narrow a part instead of being answered.
#include "search/search_index_data.h"

#include <algorithm>

namespace lungguide {

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

// "yellowing of the skin or eyes", "swelling in hands and feet": "or" and "and" join two
// places of one complaint, not two complaints. True when the words after the joiner, up to
// the next joiner, are places (and grammar) only.
bool joins_places_only(const std::vector<TokenMatch>& tokens, std::size_t joiner) {
    if (tokens[joiner].text != "or" && tokens[joiner].text != "and") return false;
    bool place = false;
    for (std::size_t index = joiner + 1; index < tokens.size(); ++index) {
        const TokenMatch& token = tokens[index];
        if (is_part_joiner(token.text) || token.starts_part) break;
        if (token.role == WordRole::site)
            place = true;
        else if (!token.optional || token.role == WordRole::negation)
            return false;
    }
    return place;
}

} // namespace

std::vector<QuerySegment> SearchIndex::Data::segments_of(const std::vector<TokenMatch>& tokens,
                                                         TokenMask named_tokens,
                                                         TokenMask breaks) const {
    std::vector<QuerySegment> segments(1);
    bool in_circumstance = false;
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        const TokenMatch& token = tokens[index];
        const TokenMask bit = TokenMask{1} << index;
        if (is_part_joiner(token.text) && segments.back().tokens != 0 &&
            !joins_places_only(tokens, index)) {
            start_segment(segments, token, index);
            in_circumstance = false;
            continue;
        }
        // "tired, itchy, rash", "nausea vomiting": a list; a negation goes on along it.
        if ((token.starts_part || (breaks & bit) != 0) && segments.back().tokens != 0) {
            const TokenMask carried = segments.back().negations;
            segments.emplace_back();
            segments.back().negations = carried;
            in_circumstance = false;
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

// "nausea vomiting and diarrhoea", "tired itchy rash": complaints listed with spaces only.
// A part whose complaint words no phrase has together, while each is a phrase said whole
// on its own, is a list: a new part starts after each of them. "hot flushes", "dry itchy
// skin" and "blurred vision" are not lists (a word of them is no phrase of its own, or a
// phrase has them together).
TokenMask SearchIndex::Data::list_breaks(const std::vector<QuerySegment>& segments,
                                         const std::vector<TokenMatch>& tokens) const {
    TokenMask breaks = 0;
    for (const QuerySegment& segment : segments) {
        if (!segment.has_heads || segment.negation_of_function) continue;
        TokenMask heads = 0;
        for (std::size_t index = segment.first; index <= segment.last; ++index)
            if ((segment.to_cover >> index) & 1u && tokens[index].role == WordRole::none)
                heads |= TokenMask{1} << index;
        if (popcount(heads) < 2) continue;
        bool together = false;
        TokenMask alone = 0;
        for (const auto& [entry, hit] : entry_hits) {
            if (entries[entry].kind != SearchResultKind::side_effect) continue;
            const TokenMask said = hit.content & heads;
            together = together || said == heads;
            if (popcount(said) == 1 && hit.every_word) alone |= said;
        }
        if (together || alone != heads) continue;
        std::size_t previous = segment.last + 1;
        for (std::size_t index = segment.first; index <= segment.last; ++index) {
            if (!((heads >> index) & 1u)) continue;
            if (previous <= segment.last) breaks |= TokenMask{1} << (previous + 1);
            previous = index;
        }
    }
    return breaks;
}

} // namespace lungguide
