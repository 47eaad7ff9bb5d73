// Search as you type, shared by the app and the CLI.
//
// One entry point takes whatever a person typed ("tired", "being sick", "nausia",
// "Tagresso", "exon 20") and returns ranked results: a class's side effect, a drug, a
// drug class, a gene change, or a passage of the page. Every result shows only the
// page's own words. Indexes are built once in the constructor; search() is meant to run
// on every keystroke in the UI thread and never touches user text as SQL.
#pragma once

#include "content/guide.h"
#include "search/packed_words.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lungguide {

class ContentPack;

enum class SearchResultKind { side_effect, drug, drug_class, biomarker, text };

// "side_effect", "drug", "drug_class", "biomarker", "text".
const char* search_result_kind_id(SearchResultKind kind);

// How a result answers the query (docs/search.md, "The full rule"):
//  full     the complaint maps to it: "the runs" → diarrhea, "swollen legs" → swelling;
//  partial  it shares some words only;
//  related  the complaint is not listed; this is about the same part of the body, and is
//           not the same thing ("high heart rate" → heart rhythm changes);
//  negated  the query says the complaint is absent ("no rash"): what the page says about
//           it, never a match.
//  other_class  the query names a drug or class ("osimertinib constipation") that the page
//           does not list the complaint for; these are the classes it does list it for.
enum class SearchMatch : std::uint8_t { full, partial, related, negated, other_class };

// Why a result was shown, kept small (no text) so that a keystroke allocates nothing for
// it; search_because() writes the sentence when a result is shown.
enum class BecauseKind : std::uint8_t {
    page_words,  // the query says the page's own words
    lay_words,   // everyday words for it: "the runs" → diarrhea
    corrected,   // a spelling guess: "diahrea" → diarrhea
    named,       // a drug, brand, class or gene change named in the query
    passage,     // the page's text has the words
    partial,     // shares some words only
    related,     // same part of the body, not the same thing
    opposite,    // the opposite of what was asked: never a match
    negated,     // the query says it is absent
    other_class, // listed for this class, not for the drug or class the query names
    umbrella,    // the page's wider word for this class ("skin problems" for "rash")
};

struct SearchBecause {
    BecauseKind kind = BecauseKind::passage;
    std::uint32_t typed_words = 0; // which of the query's words it matched (bit per word)
    std::uint8_t part_first = 0;   // the part of the query it answers, as word positions
    std::uint8_t part_last = 0;
    std::int16_t body_system = -1; // for related: index into body_systems()
};

struct SearchResult {
    SearchResultKind kind = SearchResultKind::text;
    std::vector<std::string> class_ids; // the classes this result is about
    std::string drug_id;                // empty when the result is not a drug
    std::string target_id;              // class, drug, biomarker or section id to open
    std::string title;                  // the page's words: term, drug, class or heading
    bool has_severity = false;          // only side effects have one
    Severity severity = Severity::common;
    std::string snippet; // the page's sentence the result comes from
    // Where on the target's page the result is, as a route fragment ("se=heart-rhythm-changes"
    // for a side effect, see side_effect_anchor); empty opens the page at its top.
    std::string anchor;
    // True when the result matches all the meaningful words of the query (or of one of its
    // parts, "tired and dizzy"), or a whole concept or phrase; false for a result that only
    // shares some words with it ("partial").
    bool full_match = true;
    SearchMatch match = SearchMatch::full; // full_match is match == full
    SearchBecause because;                 // see search_because()
    double score = 0;                      // higher is better; only meaningful within one response
};

// "full", "partial", "related" or "negated", as in the JSON contract.
const char* search_match_id(const SearchResult& result);

struct SearchOptions {
    std::size_t limit = 50;
    // Keep only results about these classes; empty keeps everything. Results tied to
    // no class (e.g. the helpline) are dropped when a filter is given.
    std::vector<std::string> only_class_ids;
    // How many completions the word still being typed expands to, the closest first
    // (shortest, then most frequent). A cap keeps a keystroke fast on a large pack; these
    // change no first screen of results for any prefix of the page's words, against no cap
    // at all (tests/core/test_search_prefix_cap.cpp). One or two letters need more room
    // than three: at 40 their first screens changed, and at 90 none did; with issue 20's
    // larger vocabulary, 100 changed "s" and 120 changes none.
    std::size_t prefix_completions = 40;
    std::size_t short_prefix_completions = 120;
};

struct SearchResponse {
    std::string query; // the text searched, after cutting to length
    // Real corrections of misspelled words, e.g. "diarrhea" for "diarhea". A word that is
    // in the dictionary is never corrected, so never listed here.
    std::vector<std::string> understood_as;
    // Symptoms or body complaints in the query that no side effect on the page matches,
    // as the person wrote them ("yellow skin", "out of breath"). Full results first would
    // mislead: the screen says plainly that the page does not list these.
    std::vector<std::string> not_listed;
    // A query to offer as "Did you mean …?" when a real word is one slip away from a page
    // word and the rewritten query finds a full match ("sore joins" → "sore joints").
    // Only offered, never searched in its place.
    std::string did_you_mean;
    std::vector<SearchResult> results; // full matches first, then partial ones
    // Folded words the results were found by, to show in bold in snippets.
    std::vector<std::string> matched_words;
    std::vector<std::string> suggestions; // closest known words, when nothing was found
    // Parts of the query that say a complaint is absent, as typed ("no rash"): their
    // results are marked negated, and the screen says they are not matches.
    std::vector<std::string> negated;
    // Qualifiers the page does not state, said plainly: "The page lists swelling in hands
    // and/or feet; it does not mention legs." Only the complaint decided the answer.
    std::vector<std::string> notes;
};

// The short line that says why a result was shown: "'the runs': the page calls this
// diarrhea". Built from the response's query when the result is shown.
std::string search_because(const SearchResponse& response, const SearchResult& result);

class SearchIndex {
  public:
    // The pack's Guide and dictionary words, read when it opened: search keeps no hold on
    // the pack's file (docs/search.md, "What search takes from the pack").
    explicit SearchIndex(const ContentPack& pack);
    // dictionary_words: folded real words never to correct into a page word
    // (ContentPack::dictionary_words(); none for a Guide read from JSON).
    explicit SearchIndex(const Guide& guide, std::vector<std::string> dictionary_words = {});
    ~SearchIndex();
    SearchIndex(const SearchIndex&) = delete;
    SearchIndex& operator=(const SearchIndex&) = delete;

    // Safe for any input, including invalid UTF-8 and huge strings.
    SearchResponse search(std::string_view query, const SearchOptions& options = {}) const;

    // Of these folded dictionary words, those search would otherwise silently correct into
    // another word: the words that are not in the content but lie within typo reach of a
    // word that is. The pack builder stores them so that search knows them as real words
    // (defined in search_dictionary.cpp, with the word lists: the app does not link it).
    std::vector<std::string> real_words_in_typo_reach(const std::vector<std::string>& words) const;

  private:
    SearchIndex(const Guide& guide, PackedWords dictionary_words);

    struct Data;
    std::unique_ptr<Data> data_;
};

} // namespace lungguide
