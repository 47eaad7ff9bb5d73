// Which classes an answer is about (the complaint reader, continued): a drug or class the
// query names that the page does not list the complaint for, and the page's wider words
// for a class ("skin problems") that cover the complaint.
#include "search/search_index_data.h"

#include <algorithm>

namespace lungguide {

namespace {

// "EGFR inhibitors", "RET inhibitors and TRK inhibitors", "A, B and C".
std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t index = 0; index < names.size(); ++index) {
        if (index > 0) text += index + 1 == names.size() ? " and " : ", ";
        text += names[index];
    }
    return text;
}

} // namespace

// "osimertinib constipation": the page lists constipation, but for RET and TRK inhibitors,
// not for EGFR's. Then the part is not listed, its cards are about the other classes, and a
// note says plainly which classes the page lists it for.
void SearchIndex::Data::keep_to_named_classes(std::vector<QuerySegment>& segments,
                                              std::vector<RankedEntry>& ranked,
                                              const std::vector<bool>& named_classes,
                                              std::vector<std::string>& notes) const {
    std::vector<std::string> named_names;
    for (std::size_t index = 0; index < named_classes.size(); ++index)
        if (named_classes[index]) named_names.push_back(class_names[index]);
    if (named_names.empty()) return;
    auto answers = [&](const RankedEntry& item, std::size_t segment) {
        return item.full && item.segment == segment &&
               entries[item.entry].kind == SearchResultKind::side_effect;
    };
    for (std::size_t segment = 0; segment < segments.size(); ++segment) {
        bool answered = false, for_named = false;
        for (const RankedEntry& item : ranked) {
            if (!answers(item, segment)) continue;
            answered = true;
            for (const SideEffectOccurrence& occurrence : entries[item.entry].occurrences)
                for_named = for_named || named_classes[occurrence.class_index];
        }
        if (!answered || for_named || segments[segment].negated) continue;
        segments[segment].other_classes = true;
        for (RankedEntry& item : ranked) {
            if (!answers(item, segment)) continue;
            item.full = false;
            item.match = SearchMatch::other_class;
            std::vector<std::string> listing;
            for (const SideEffectOccurrence& occurrence : entries[item.entry].occurrences) {
                const std::string& name = class_names[occurrence.class_index];
                if (std::find(listing.begin(), listing.end(), name) == listing.end())
                    listing.push_back(name);
            }
            if (listing.empty() || page_term_of_entry[item.entry].empty()) continue;
            notes.push_back("The page does not list " + page_term_of_entry[item.entry] + " for " +
                            joined(named_names) + "; it lists it for " + joined(listing) + ".");
        }
    }
}

// One card of a side effect as the page lists it for one class.
SearchResult SearchIndex::Data::occurrence_card(const SideEffectOccurrence& occurrence,
                                                SearchMatch match, bool with_snippet) const {
    SearchResult result;
    result.kind = SearchResultKind::side_effect;
    result.class_ids.push_back(class_ids[occurrence.class_index]);
    result.target_id = class_ids[occurrence.class_index];
    result.title = occurrence.title;
    result.has_severity = true;
    result.severity = occurrence.severity;
    // Around the item; where the page splits its words, around its title (or the caller's
    // words: with_snippet false, the caller makes it).
    if (occurrence.title_at != std::string::npos)
        result.snippet = occurrence.snippet;
    else if (with_snippet)
        result.snippet =
            snippet_around(side_effect_sentences[occurrence.sentence], {occurrence.title});
    result.anchor = occurrence.anchor;
    result.match = match;
    result.full_match = match == SearchMatch::full;
    return result;
}

// Which entries the page's wider words are, and which entries each covers (by index).
void SearchIndex::Data::index_umbrella_terms() {
    umbrella_of_entry.assign(entries.size(), -1);
    umbrella_entries.clear();
    umbrella_shown.clear();
    for (const UmbrellaTerm& umbrella : umbrella_terms()) {
        const auto entry =
            std::find_if(system_entries.begin(), system_entries.end(), [&](std::uint32_t e) {
                return entries[e].target_id == umbrella.concept_id;
            });
        if (entry == system_entries.end()) continue;
        for (std::uint32_t covered : system_entries)
            if (std::find(umbrella.covers.begin(), umbrella.covers.end(),
                          entries[covered].target_id) != umbrella.covers.end())
                umbrella_of_entry[covered] = static_cast<int>(umbrella_entries.size());
        umbrella_entries.push_back(*entry);
        // "severe skin problems" says more than "rash" does: not shown for it.
        std::vector<bool> shown;
        for (const SideEffectOccurrence& occurrence : entries[*entry].occurrences) {
            const std::vector<std::string> title = split_search_words(occurrence.title);
            shown.push_back(std::none_of(title.begin(), title.end(), [](const std::string& word) {
                return complaint_word_role(word) == WordRole::intensity;
            }));
        }
        umbrella_shown.push_back(std::move(shown));
    }
}

// "rash": EGFR's common side effects say "skin problems", the page's wider words for its
// skin complaints; its cards follow the full answers, saying why (umbrella_terms()).
void SearchIndex::Data::append_umbrella_terms(const std::vector<RankedEntry>& ranked,
                                              const std::vector<bool>& class_allowed,
                                              std::size_t limit,
                                              std::vector<SearchResult>& results) const {
    for (std::size_t umbrella = 0; umbrella < umbrella_entries.size(); ++umbrella) {
        const RankedEntry* covered = nullptr;
        bool already = false;
        for (const RankedEntry& item : ranked) { // entry indexes only: found at build time
            if (item.match != SearchMatch::full) continue;
            already = already || item.entry == umbrella_entries[umbrella];
            if (!covered && umbrella_of_entry[item.entry] == static_cast<int>(umbrella))
                covered = &item;
        }
        if (!covered || already) continue;
        const std::uint32_t* entry = &umbrella_entries[umbrella];
        for (std::size_t occurrence_index = 0;
             occurrence_index < entries[*entry].occurrences.size(); ++occurrence_index) {
            const SideEffectOccurrence& occurrence = entries[*entry].occurrences[occurrence_index];
            results.erase(std::remove_if(results.begin(), results.end(),
                                         [&](const SearchResult& r) {
                                             return r.match != SearchMatch::full &&
                                                    r.anchor == occurrence.anchor &&
                                                    r.class_ids.front() ==
                                                        class_ids[occurrence.class_index];
                                         }),
                          results.end());
            const bool says_more = !umbrella_shown[umbrella][occurrence_index];
            if (results.size() >= limit || !class_allowed[occurrence.class_index] || says_more)
                continue;
            SearchResult card = occurrence_card(occurrence, SearchMatch::full);
            card.because.kind = BecauseKind::umbrella;
            card.because.typed_words = covered->hit.content;
            card.score = covered->hit.score;
            results.push_back(std::move(card));
        }
    }
}

} // namespace lungguide
