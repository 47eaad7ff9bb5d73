// Search as you type, shared by the app and the CLI.
//
// One entry point takes whatever a person typed ("tired", "being sick", "nausia",
// "Tagresso", "exon 20") and returns ranked results: a class's side effect, a drug, a
// drug class, a gene change, or a passage of the page. Every result shows only the
// page's own words. Indexes are built once in the constructor; search() is meant to run
// on every keystroke in the UI thread and never touches user text as SQL.
#pragma once

#include "content/guide.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace lungguide {

class ContentPack;

enum class SearchResultKind { side_effect, drug, drug_class, biomarker, text };

// "side_effect", "drug", "drug_class", "biomarker", "text".
const char* search_result_kind_id(SearchResultKind kind);

struct SearchResult {
    SearchResultKind kind = SearchResultKind::text;
    std::vector<std::string> class_ids; // the classes this result is about
    std::string drug_id;                // empty when the result is not a drug
    std::string target_id;              // class, drug, biomarker or section id to open
    std::string title;                  // the page's words: term, drug, class or heading
    bool has_severity = false;          // only side effects have one
    Severity severity = Severity::common;
    std::string snippet; // the page's sentence the result comes from
    double score = 0;    // higher is better; only meaningful within one response
};

struct SearchOptions {
    std::size_t limit = 50;
    // Keep only results about these classes; empty keeps everything. Results tied to
    // no class (e.g. the helpline) are dropped when a filter is given.
    std::vector<std::string> only_class_ids;
};

struct SearchResponse {
    std::string query;                      // the text searched, after cutting to length
    std::vector<std::string> understood_as; // corrections made, e.g. "diarrhea" for "diarhea"
    std::vector<SearchResult> results;
    std::vector<std::string> suggestions; // closest known words, when nothing was found
};

class SearchIndex {
  public:
    explicit SearchIndex(const ContentPack& pack);
    // database may be null: then there are no text (passage) results.
    SearchIndex(const Guide& guide, sqlite3* database);
    ~SearchIndex();
    SearchIndex(const SearchIndex&) = delete;
    SearchIndex& operator=(const SearchIndex&) = delete;

    // Safe for any input, including invalid UTF-8 and huge strings.
    SearchResponse search(std::string_view query, const SearchOptions& options = {}) const;

  private:
    struct Data;
    std::unique_ptr<Data> data_;
};

} // namespace lungguide
