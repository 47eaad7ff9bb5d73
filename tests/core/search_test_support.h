// Shared helpers for the search tests: one index over the shipped pack, and expected
// answers derived from the Guide itself (never typed in by hand).
#pragma once

#include "content_test_support.h"
#include "search/search.h"
#include "search/search_text.h"

#include <algorithm>
#include <set>
#include <string>

namespace lungguide::testing {

inline const SearchIndex& shipped_search_index() {
    static const SearchIndex index(shipped_pack());
    return index;
}

inline const Guide& shipped_guide() {
    return shipped_pack().guide();
}

// Everything, not just the first page, so that precision checks see every result.
inline SearchResponse search_all(std::string_view query, std::vector<std::string> only = {}) {
    SearchOptions options;
    options.limit = 100000;
    options.only_class_ids = std::move(only);
    return shipped_search_index().search(query, options);
}

// Every word of the guide's content: sections, classes, drugs, gene changes, glossary,
// the page's advice, and the class page's label for the mechanism paragraph.
inline std::set<std::string> words_the_guide_shows(const Guide& guide) {
    std::vector<std::string> texts = {guide.title, guide.source, guide.revision_date,
                                      guide.doctor_advice, "How they work (mechanism of action)"};
    for (const Section& section : guide.sections) {
        texts.push_back(section.heading);
        for (const SectionItem& item : section.items)
            texts.push_back(item.text);
    }
    for (const DrugClass& c : guide.classes) {
        texts.insert(texts.end(), {c.name, c.heading, c.mechanism, c.how_given, c.examples_heading,
                                   c.side_effects_heading});
        texts.insert(texts.end(), c.notes.begin(), c.notes.end());
        texts.insert(texts.end(), c.cautions.begin(), c.cautions.end());
        for (const DrugUse& use : c.uses)
            texts.insert(texts.end(), {use.group_heading, use.text});
        for (const SideEffectGroup& group : c.side_effect_groups)
            texts.insert(texts.end(), {group.label, group.text});
    }
    for (const Drug& drug : guide.drugs) {
        texts.insert(texts.end(), {drug.name, drug.description});
        texts.insert(texts.end(), drug.brands.begin(), drug.brands.end());
    }
    for (const Biomarker& biomarker : guide.biomarkers)
        texts.push_back(biomarker.name);
    for (const GlossaryTerm& term : guide.glossary)
        texts.insert(texts.end(), {term.term, term.explanation});
    std::set<std::string> words;
    for (const std::string& text : texts) {
        for (const std::string& word : split_search_words(text))
            words.insert(word);
    }
    return words;
}

// Classes among the side-effect results.
// The page's wider words for a class ("skin problems" for "dry skin") are not counted:
// they say they are that.
inline std::set<std::string> side_effect_classes(const SearchResponse& response) {
    std::set<std::string> classes;
    for (const SearchResult& result : response.results) {
        if (result.kind == SearchResultKind::side_effect &&
            result.because.kind != BecauseKind::umbrella) {
            classes.insert(result.class_ids.begin(), result.class_ids.end());
        }
    }
    return classes;
}

// Classes that list a side-effect term for which matches(folded term) is true.
template <typename Predicate>
std::set<std::string> classes_listing(const Guide& guide, Predicate matches) {
    std::set<std::string> classes;
    for (const DrugClass& drug_class : guide.classes) {
        for (const SideEffect& effect : drug_class.side_effects()) {
            if (matches(fold_for_search(effect.term))) classes.insert(drug_class.id);
        }
    }
    return classes;
}

inline std::set<std::string> classes_listing_exactly(const Guide& guide,
                                                     std::vector<std::string> terms) {
    for (std::string& term : terms)
        term = fold_for_search(term);
    return classes_listing(guide, [&](const std::string& folded) {
        return std::find(terms.begin(), terms.end(), folded) != terms.end();
    });
}

inline bool has_result(const SearchResponse& response, SearchResultKind kind,
                       const std::string& target_id) {
    return std::any_of(response.results.begin(), response.results.end(),
                       [&](const SearchResult& result) {
                           return result.kind == kind && result.target_id == target_id;
                       });
}

inline bool understood(const SearchResponse& response, const std::string& word) {
    return std::find(response.understood_as.begin(), response.understood_as.end(), word) !=
           response.understood_as.end();
}

// Whether the page's wider words for a class ("skin problems" for "dry skin") count.
enum class WiderWords { counted, left_out };

// The page's terms shown as full answers, folded.
inline std::set<std::string> full_titles(const SearchResponse& response,
                                         WiderWords wider = WiderWords::counted) {
    std::set<std::string> titles;
    for (const SearchResult& result : response.results)
        if (result.kind == SearchResultKind::side_effect && result.match == SearchMatch::full &&
            (wider == WiderWords::counted || result.because.kind != BecauseKind::umbrella))
            titles.insert(fold_for_search(result.title));
    return titles;
}

// The classes of the side effects matched so.
inline std::set<std::string> classes_with(const SearchResponse& response, SearchMatch match) {
    std::set<std::string> classes;
    for (const SearchResult& result : response.results)
        if (result.kind == SearchResultKind::side_effect && result.match == match)
            classes.insert(result.class_ids.front());
    return classes;
}

} // namespace lungguide::testing
