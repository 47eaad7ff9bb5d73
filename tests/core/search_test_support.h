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

// Classes among the side-effect results.
inline std::set<std::string> side_effect_classes(const SearchResponse& response) {
    std::set<std::string> classes;
    for (const SearchResult& result : response.results) {
        if (result.kind == SearchResultKind::side_effect) {
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

} // namespace lungguide::testing
