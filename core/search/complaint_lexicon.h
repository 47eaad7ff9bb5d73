// How people wrap a complaint in other words: the complaint reader's word lists.
//
// A query is a complaint ("rash", "swollen", "can't sleep") with qualifiers around it: where
// on the body ("legs"), a colour ("red"), when ("at night"), how bad ("really"), whose ("my
// mum"), and negation ("no", "stopped"). Only the complaint decides whether the page lists
// something; the qualifiers narrow nothing. These lists are language, not content: they say
// what role a word plays, never what a symptom means. They are never shown as facts. The
// words are data, in core/search/word_lists.txt (compiled in); tests/core/
// test_complaint_reader.cpp checks them (folded, no word in two roles, pairs).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace lungguide {

enum class WordRole : std::uint8_t {
    none,      // a complaint word, or a word the lists do not know
    negation,  // "no", "not", "without", "stopped", "never", "isnt"
    function,  // something the body does ("sleep", "eat"): "can't sleep" is a complaint
    filler,    // "just", "like", "want": says nothing about the complaint
    person,    // "mum", "husband", "she": whose complaint it is
    intensity, // "really", "severe", "mild", "bad"
    time,      // "night", "morning", "walking", "after": when it happens
    colour,    // "red", "yellow", "dark"
    site,      // where on the body: "legs", "chest", "fingers", "skin"
    generic,   // "problems", "changes", "damage", "counts": that something is wrong, not what
    direction, // "low", "high", "loss", "increased": which way; must match, may be left out
};

// Words after which the rest of the part says when it happens: "after eating", "when
// walking". They narrow nothing, like a time.
bool starts_circumstance(std::string_view folded_word);

// The role of a folded word (lower case, no apostrophes: "isnt"); none when unknown. A
// person's ("wifes", "husbands") is the person's role.
WordRole complaint_word_role(std::string_view folded_word);

// A complaint word that says something hurts or is wrong, but not what ("pain", "sore",
// "down"): it decides a full answer only with the words that say what.
bool is_unspecific_complaint(std::string_view folded_word);

// A word that says something moves or changes, not what ("falling", "off", "turning"): a
// body part with it ("nails dropping off", "skin turning yellow") is not a side effect
// whose phrase shares the word ("off food"), unless that phrase is said whole.
bool is_weak_head(std::string_view folded_word);

// Words said of a gene change or of the cancer, beside a gene's, drug's or class's name:
// "EGFR positive", "ROS1 fusion", "KRAS mutated lung cancer": they say more of the name.
bool is_said_of_a_name(std::string_view folded_word);

// "lower", "upper", "left", "right" before a site: which side of it; narrows nothing.
bool is_side_of_site(std::string_view folded_word);

// Which region of the body a site word is in, one bit each (the head and face, the trunk,
// the limbs, the organs inside); 0 for sites all over the body (skin, muscles, joints).
// "swollen eyelids" is not the page's "swelling in hands and/or feet"; "swollen legs" is
// the same limbs, said with a note.
enum SiteRegion : std::uint8_t {
    site_head = 1,
    site_trunk = 2,
    site_limbs = 4,
    site_inside = 8,
};
std::uint8_t site_region_of(std::string_view folded_word);

// The page's wider words for a group of complaints: EGFR's "skin problems" covers rash,
// dry skin and itching, as the page words it for that class.
struct UmbrellaTerm {
    std::string_view concept_id; // the wider term's concept ("skin-problems")
    std::vector<std::string_view> covers;
};
const std::vector<UmbrellaTerm>& umbrella_terms();
// Every word listed with this role, as listed (a word listed twice appears twice).
std::vector<std::string_view> words_with_role(WordRole role);
const char* word_role_id(WordRole role); // "negation", "site", …, "none"

// The word a concept's phrases use for a smaller part: "knees" → "joints", "fingers" →
// "hands", "tummy" → "stomach". Empty when there is none.
std::string_view site_group_of(std::string_view folded_word);

// Two words that say opposite things about a complaint: a query with one never gets a
// full answer about a side effect named with the other.
struct OppositePair {
    std::string_view one;
    std::string_view other;
};
const std::vector<OppositePair>& opposite_pairs();
// Every word opposite to this one (both directions of every pair).
std::vector<std::string_view> opposites_of(std::string_view folded_word);

// A part of the body as the page groups its side effects ("Mental changes, such as
// confusion, changes in mood, changes in sleep"; "liver or kidney problems"; "muscle and
// joint pain"). "Related" results come from the same one, always labelled as not the same.
struct BodySystem {
    std::string_view id;
    std::string_view label; // "the lungs and breathing": "… is about {label}"
    std::vector<std::string_view> concept_ids;
    std::vector<std::string_view> words; // words of the body part or its complaints
};
const std::vector<BodySystem>& body_systems();

} // namespace lungguide
