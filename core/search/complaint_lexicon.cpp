// The complaint reader's word lists (see complaint_lexicon.h). The words themselves are data,
// in core/search/word_lists.txt (with why each list exists); here each list becomes the
// lookup its question needs, once, on first use.
#include "search/complaint_lexicon.h"

#include "search/word_lists.h"

#include <algorithm>
#include <utility>

namespace lungguide {

namespace {

const WordRole all_roles[] = {WordRole::negation, WordRole::function,  WordRole::filler,
                              WordRole::person,   WordRole::intensity, WordRole::time,
                              WordRole::colour,   WordRole::site,      WordRole::generic,
                              WordRole::direction};

// A word and what a list says of it, sorted by word for binary search. Where two lists have
// the word, the first list's comes first (a stable sort), as a search of the lists in order
// would find it.
template <typename Value> struct Listed {
    std::string_view word;
    Value value;
};

template <typename Value> void sort_by_word(std::vector<Listed<Value>>& table) {
    std::stable_sort(
        table.begin(), table.end(),
        [](const Listed<Value>& a, const Listed<Value>& b) { return a.word < b.word; });
}

template <typename Value>
const Listed<Value>* find_listed(const std::vector<Listed<Value>>& table, std::string_view word) {
    auto found = std::lower_bound(
        table.begin(), table.end(), word,
        [](const Listed<Value>& entry, std::string_view wanted) { return entry.word < wanted; });
    return found != table.end() && found->word == word ? &*found : nullptr;
}

// Every role's words (word_lists.txt, one list a role, named by word_role_id).
const std::vector<Listed<WordRole>>& role_table() {
    static const std::vector<Listed<WordRole>> table = [] {
        std::vector<Listed<WordRole>> entries;
        for (WordRole role : all_roles)
            for (std::string_view word : word_list(word_role_id(role)))
                entries.push_back({word, role});
        sort_by_word(entries);
        return entries;
    }();
    return table;
}

WordRole listed_role(std::string_view folded_word) {
    const Listed<WordRole>* found = find_listed(role_table(), folded_word);
    return found ? found->value : WordRole::none;
}

} // namespace

WordRole complaint_word_role(std::string_view folded_word) {
    const WordRole role = listed_role(folded_word);
    if (role != WordRole::none || folded_word.size() < 4 || folded_word.back() != 's') return role;
    // "my wife's nose", folded "wifes": a person's, as the person.
    const std::string_view owner = folded_word.substr(0, folded_word.size() - 1);
    return listed_role(owner) == WordRole::person ? WordRole::person : WordRole::none;
}

bool is_unspecific_complaint(std::string_view folded_word) {
    static const WordSet words("unspecific-complaint");
    return words.contains(folded_word);
}

bool is_said_of_a_name(std::string_view folded_word) {
    static const WordSet words("said-of-a-name");
    return words.contains(folded_word);
}

bool is_weak_head(std::string_view folded_word) {
    static const WordSet words("weak-head");
    return words.contains(folded_word);
}

std::uint8_t site_region_of(std::string_view folded_word) {
    static const std::vector<Listed<std::uint8_t>> table = [] {
        const std::pair<const char*, SiteRegion> regions[] = {{"site-head", site_head},
                                                              {"site-trunk", site_trunk},
                                                              {"site-limbs", site_limbs},
                                                              {"site-inside", site_inside}};
        std::vector<Listed<std::uint8_t>> entries;
        for (const auto& [list, region] : regions)
            for (std::string_view word : word_list(list))
                entries.push_back({word, region});
        sort_by_word(entries);
        return entries;
    }();
    const Listed<std::uint8_t>* found = find_listed(table, folded_word);
    return found ? found->value : 0;
}

const std::vector<UmbrellaTerm>& umbrella_terms() {
    // Only where the page itself uses the wider word for a class: EGFR's common "skin
    // problems", BRAF's rare "severe skin or eye problems".
    static const std::vector<UmbrellaTerm> terms = {
        {"skin-problems", {"rash", "dry-skin", "itching", "skin-thickening"}},
    };
    return terms;
}

bool is_side_of_site(std::string_view folded_word) {
    static const WordSet words("side-of-site");
    return words.contains(folded_word);
}

std::vector<std::string_view> words_with_role(WordRole role) {
    return role == WordRole::none ? std::vector<std::string_view>{} : word_list(word_role_id(role));
}

const char* word_role_id(WordRole role) {
    switch (role) {
    case WordRole::negation:
        return "negation";
    case WordRole::function:
        return "function";
    case WordRole::filler:
        return "filler";
    case WordRole::person:
        return "person";
    case WordRole::intensity:
        return "intensity";
    case WordRole::time:
        return "time";
    case WordRole::colour:
        return "colour";
    case WordRole::site:
        return "site";
    case WordRole::generic:
        return "generic";
    case WordRole::direction:
        return "direction";
    case WordRole::none:
        break;
    }
    return "none";
}

bool starts_circumstance(std::string_view folded_word) {
    static const WordSet words("circumstance");
    return words.contains(folded_word);
}

std::string_view site_group_of(std::string_view folded_word) {
    static const std::vector<Listed<std::string_view>> table = [] {
        std::vector<Listed<std::string_view>> entries;
        for (const std::vector<std::string_view>& pair : word_list_lines("site-groups"))
            if (pair.size() == 2) entries.push_back({pair[0], pair[1]});
        sort_by_word(entries);
        return entries;
    }();
    const Listed<std::string_view>* found = find_listed(table, folded_word);
    return found ? found->value : std::string_view();
}

const std::vector<OppositePair>& opposite_pairs() {
    static const std::vector<OppositePair> pairs = [] {
        std::vector<OppositePair> all;
        for (const std::vector<std::string_view>& pair : word_list_lines("opposites"))
            if (pair.size() == 2) all.push_back({pair[0], pair[1]});
        return all;
    }();
    return pairs;
}

std::vector<std::string_view> opposites_of(std::string_view folded_word) {
    std::vector<std::string_view> opposites;
    for (const OppositePair& pair : opposite_pairs()) {
        if (pair.one == folded_word) opposites.push_back(pair.other);
        if (pair.other == folded_word) opposites.push_back(pair.one);
    }
    return opposites;
}

const std::vector<BodySystem>& body_systems() {
    static const std::vector<BodySystem> systems = [] {
        constexpr std::string_view prefix = "body-system:";
        std::vector<BodySystem> all;
        for (const WordListSection& section : search_word_lists()) {
            if (section.name.substr(0, prefix.size()) != prefix) continue;
            BodySystem system{section.name.substr(prefix.size()), {}, {}, {}};
            for (const std::vector<std::string_view>& line : section.lines) {
                if (line.front() == "label:") {
                    system.label = words_as_written(line, 1);
                } else if (line.front() == "concepts:") {
                    system.concept_ids.insert(system.concept_ids.end(), line.begin() + 1,
                                              line.end());
                } else {
                    system.words.insert(system.words.end(), line.begin(), line.end());
                }
            }
            all.push_back(std::move(system));
        }
        return all;
    }();
    return systems;
}

} // namespace lungguide
