// lungguide-search-evaluation: realistic_queries.tsv against the shipped pack, per category.
//
//   lungguide-search-evaluation PACK TSV [--split tuned|held-out|open|all]
//       [--skip-split open] [--markdown] [--threshold 0.95] [--show-failures]
//
// Each row says what a person typed, where that phrasing came from, and what the page's
// answer must be (docs/search.md, "Evaluation"). Exit 1 when a category of the chosen split
// scores below the threshold. "open" rows are known misses of kinds not yet fixed: ctest
// skips them (--skip-split open) and prints how many of them pass, so a fix shows. The
// figures go to docs/search.md.
#include "content/content_pack.h"
#include "content/guide.h"
#include "search/search.h"
#include "search/search_text.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace lungguide;

namespace {

struct Row {
    std::string split, category, query, verdict, concepts, classes, source;
};

std::vector<std::string> split_on(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::stringstream stream(text);
    std::string part;
    while (std::getline(stream, part, separator))
        parts.push_back(part);
    return parts;
}

std::vector<Row> read_rows(const std::string& path) {
    std::ifstream file(path);
    std::vector<Row> rows;
    std::string line;
    bool header = true;
    while (std::getline(file, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (header) {
            header = false;
            continue;
        }
        const std::vector<std::string> cells = split_on(line, '\t');
        if (cells.size() < 7) {
            std::fprintf(stderr, "bad row: %s\n", line.c_str());
            std::exit(2);
        }
        rows.push_back({cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6]});
    }
    return rows;
}

// Which concept a side-effect result is: its title is one of the concept's page terms.
std::string concept_of(const Guide& guide, const SearchResult& result) {
    const std::string title = fold_for_search(result.title);
    for (const SymptomConcept& symptom : guide.symptom_concepts)
        for (const std::string& term : symptom.page_terms)
            if (fold_for_search(term) == title) return symptom.id;
    return {};
}

struct Expectation {
    std::vector<std::string> concepts;        // symptom concepts
    std::map<std::string, std::string> first; // concept → the class that must come first
    std::vector<std::string> names;           // "drug:osimertinib", "class:egfr", …
};

Expectation expectation_of(const Row& row) {
    Expectation expected;
    if (row.concepts == "-") return expected;
    for (const std::string& item : split_on(row.concepts, ';')) {
        if (item.find(':') != std::string::npos) {
            expected.names.push_back(item);
            continue;
        }
        const std::size_t at = item.find('@');
        const std::string id = item.substr(0, at);
        expected.concepts.push_back(id);
        if (at != std::string::npos) expected.first[id] = item.substr(at + 1);
    }
    return expected;
}

bool names_found(const SearchResponse& response, const std::vector<std::string>& names) {
    for (const std::string& name : names) {
        const std::string kind = name.substr(0, name.find(':'));
        const std::string id = name.substr(name.find(':') + 1);
        bool found = false;
        for (const SearchResult& result : response.results) {
            if (result.match != SearchMatch::full) continue;
            const bool kind_ok =
                (kind == "drug" && result.kind == SearchResultKind::drug) ||
                (kind == "class" && result.kind == SearchResultKind::drug_class) ||
                (kind == "biomarker" && result.kind == SearchResultKind::biomarker);
            found = found || (kind_ok && result.target_id == id);
        }
        if (!found) return false;
    }
    return true;
}

// The classes of a concept's results with this match, in order.
std::vector<std::string> classes_with(const Guide& guide, const SearchResponse& response,
                                      const std::string& concept_id, SearchMatch match) {
    std::vector<std::string> classes;
    for (const SearchResult& result : response.results) {
        if (result.kind != SearchResultKind::side_effect || result.match != match) continue;
        if (concept_of(guide, result) == concept_id) classes.push_back(result.class_ids.front());
    }
    return classes;
}

// Why a row fails, or "" when it passes.
std::string judge(const Guide& guide, const SearchResponse& response, const Row& row) {
    const Expectation expected = expectation_of(row);
    const bool wants_full = row.verdict.rfind("full", 0) == 0;
    std::set<std::string> full_concepts;
    // The page's wider word for a class ("skin problems" for "rash") is said to be that,
    // not another symptom.
    for (const SearchResult& result : response.results)
        if (result.kind == SearchResultKind::side_effect && result.match == SearchMatch::full &&
            result.because.kind != BecauseKind::umbrella)
            full_concepts.insert(concept_of(guide, result));
    // Never another symptom as a full answer.
    for (const std::string& shown : full_concepts) {
        const bool expected_one = std::find(expected.concepts.begin(), expected.concepts.end(),
                                            shown) != expected.concepts.end();
        if (!expected_one) return "full answer about another symptom: " + shown;
    }
    if (!names_found(response, expected.names)) return "the name was not found";
    std::set<std::string> wanted_classes;
    if (row.classes != "-")
        for (const std::string& id : split_on(row.classes, ','))
            wanted_classes.insert(id);
    std::set<std::string> answered_classes;
    for (const std::string& id : expected.concepts) {
        SearchMatch match = SearchMatch::full;
        if (row.verdict == "negated") match = SearchMatch::negated;
        if (row.verdict == "related") match = SearchMatch::related;
        std::vector<std::string> classes = classes_with(guide, response, id, match);
        // "rash but no itching": the second concept is the negated one.
        if (classes.empty() && row.verdict == "full+negated")
            classes = classes_with(guide, response, id, SearchMatch::negated);
        if (classes.empty()) return "no " + row.verdict + " answer: " + id;
        if (expected.first.count(id) && classes.front() != expected.first.at(id))
            return "class " + expected.first.at(id) + " does not come first for " + id;
        answered_classes.insert(classes.begin(), classes.end());
    }
    if (row.verdict != "related" && !wanted_classes.empty() && answered_classes != wanted_classes)
        return "the classes differ from the page's";
    const bool says_not_listed = !response.not_listed.empty();
    if (row.verdict == "full" && says_not_listed) return "said not listed";
    if ((row.verdict == "not_listed" || row.verdict == "related" ||
         row.verdict == "full+not_listed") &&
        !says_not_listed)
        return "did not say not listed";
    if (row.verdict == "not_listed" && !full_concepts.empty()) return "a full answer";
    if ((row.verdict == "negated" || row.verdict == "full+negated") && response.negated.empty())
        return "did not say it was absent";
    if (!wants_full && row.verdict != "negated" && response.results.empty() &&
        response.not_listed.empty())
        return "nothing on screen";
    return {};
}

struct Score {
    int passed = 0, total = 0;
};

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr,
                     "usage: %s PACK TSV [--split tuned|held-out|open|all] [--skip-split S] "
                     "[--markdown] [--threshold 0.95] [--show-failures]\n",
                     argv[0]);
        return 2;
    }
    std::string split = "all", skipped;
    bool markdown = false, show_failures = false;
    double threshold = 0.95;
    for (int index = 3; index < argc; ++index) {
        const std::string option = argv[index];
        if (option == "--split" && index + 1 < argc) split = argv[++index];
        if (option == "--skip-split" && index + 1 < argc) skipped = argv[++index];
        if (option == "--markdown") markdown = true;
        if (option == "--show-failures") show_failures = true;
        if (option == "--threshold" && index + 1 < argc) threshold = std::atof(argv[++index]);
    }
    Result<std::unique_ptr<ContentPack>> pack = open_content_pack(argv[1]);
    if (!pack.ok()) {
        std::fprintf(stderr, "cannot open the pack: %s\n", pack.message_for_person().c_str());
        return 2;
    }
    const SearchIndex index(*pack.value());
    const Guide& guide = pack.value()->guide();
    std::map<std::string, Score> scores;
    Score all, skipped_rows;
    for (const Row& row : read_rows(argv[2])) {
        if (split != "all" && row.split != split) continue;
        SearchOptions options;
        options.limit = 100000;
        const std::string why = judge(guide, index.search(row.query + " ", options), row);
        if (row.split == skipped) { // counted apart, never failing the run
            ++skipped_rows.total;
            skipped_rows.passed += why.empty() ? 1 : 0;
            continue;
        }
        Score& score = scores[row.category];
        ++score.total;
        ++all.total;
        if (why.empty()) {
            ++score.passed;
            ++all.passed;
        } else if (show_failures) {
            std::cout << "FAIL [" << row.category << "] \"" << row.query << "\": " << why << "\n";
        }
    }
    bool below = false;
    if (markdown) std::cout << "| category | passed | of | score |\n|---|---|---|---|\n";
    for (const auto& [category, score] : scores) {
        const double share = score.total ? static_cast<double>(score.passed) / score.total : 1.0;
        below = below || share < threshold;
        if (markdown) {
            std::printf("| %s | %d | %d | %.1f %% |\n", category.c_str(), score.passed, score.total,
                        100.0 * share);
        } else {
            std::printf("%-16s %4d / %4d  %5.1f %%%s\n", category.c_str(), score.passed,
                        score.total, 100.0 * share, share < threshold ? "  BELOW" : "");
        }
    }
    const double share = all.total ? 100.0 * all.passed / all.total : 100.0;
    if (markdown) {
        std::printf("| all | %d | %d | %.1f %% |\n", all.passed, all.total, share);
    } else {
        std::printf("%-16s %4d / %4d  %5.1f %%\n", "all", all.passed, all.total, share);
    }
    if (skipped_rows.total > 0)
        std::printf("(%s, not scored: %d / %d pass)\n", skipped.c_str(), skipped_rows.passed,
                    skipped_rows.total);
    return below ? 1 : 0;
}
