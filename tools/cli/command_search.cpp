// lungguide-cli search QUERY: the app's search, for scripts and for people who prefer text.
#include "cli_context.h"
#include "common/nearest_ids.h"
#include "search/search.h"
#include "user_store_access.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace lungguide::cli {

namespace {

// Everything the command line says about one search.
struct SearchCommandLine {
    std::vector<std::string> query_words; // joined with spaces: quotes are optional
    bool json = false;
    std::size_t limit = 50;
    std::string only_classes; // "egfr,alk"
    bool mine = false;        // only the bookmarked classes
    std::string mine_for;     // --for LABEL with --mine
    bool mine_for_given = false;
};

// Turns the command line into SearchOptions. Prints why and sets the exit code when an
// option is wrong. (Options that choose classes, such as a future --mine, belong here.)
bool build_search_options(const SearchCommandLine& line, const Guide& guide, SearchOptions& options,
                          CliContext& context) {
    options.limit = line.limit;
    if (line.only_classes.empty()) return true;
    std::vector<std::string> known;
    for (const DrugClass& drug_class : guide.classes)
        known.push_back(drug_class.id);
    std::stringstream list(line.only_classes);
    std::string id;
    while (std::getline(list, id, ',')) {
        const std::size_t first = id.find_first_not_of(" \t");
        const std::size_t last = id.find_last_not_of(" \t");
        if (first == std::string::npos) continue;
        id = id.substr(first, last - first + 1);
        if (!guide.find_class(id)) {
            std::string message = "There is no drug class with the id \"" + id + "\".";
            std::vector<std::string> nearest = nearest_ids(id, known);
            if (!nearest.empty()) {
                message += " Did you mean: ";
                for (std::size_t index = 0; index < nearest.size(); ++index) {
                    message += (index ? ", " : "") + nearest[index];
                }
                message += "?";
            }
            message += " Class ids: ";
            for (std::size_t index = 0; index < known.size(); ++index) {
                message += (index ? ", " : "") + known[index];
            }
            message += ".";
            std::fprintf(stderr, "lungguide-cli: %s\n", message.c_str());
            context.exit_code = exit_bad_request;
            return false;
        }
        options.only_class_ids.push_back(id);
    }
    if (options.only_class_ids.empty()) {
        std::fprintf(stderr, "lungguide-cli: --only-classes needs at least one class id, "
                             "e.g. --only-classes egfr,alk.\n");
        context.exit_code = exit_bad_request;
        return false;
    }
    return true;
}

std::string class_names(const Guide& guide, const std::vector<std::string>& ids) {
    std::string names;
    for (const std::string& id : ids) {
        const DrugClass* drug_class = guide.find_class(id);
        names += (names.empty() ? "" : ", ") + (drug_class ? drug_class->name : id);
    }
    return names;
}

void print_json(const SearchResponse& response) {
    nlohmann::json results = nlohmann::json::array();
    for (const SearchResult& result : response.results) {
        results.push_back(
            {{"kind", search_result_kind_id(result.kind)},
             {"class_ids", result.class_ids},
             {"drug_id",
              result.drug_id.empty() ? nlohmann::json() : nlohmann::json(result.drug_id)},
             {"title", result.title},
             {"severity", result.has_severity ? nlohmann::json(severity_id(result.severity))
                                              : nlohmann::json()},
             {"snippet", result.snippet},
             {"match", search_match_id(result)},
             {"because", search_because(response, result)},
             {"anchor", result.anchor.empty() ? nlohmann::json() : nlohmann::json(result.anchor)}});
    }
    nlohmann::json document = {{"query", response.query},
                               {"understood_as", response.understood_as},
                               {"not_listed", response.not_listed},
                               {"negated", response.negated},
                               {"notes", response.notes},
                               {"did_you_mean", response.did_you_mean.empty()
                                                    ? nlohmann::json()
                                                    : nlohmann::json(response.did_you_mean)},
                               {"results", results}};
    // Replace rather than throw on any byte that is not UTF-8.
    std::cout << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

// What the page does not list comes first, in plain words, with the page's own advice
// and where to get help; only then whatever shares a word with the query.
void print_not_listed(const SearchResponse& response, const Guide& guide) {
    for (const std::string& complaint : response.not_listed) {
        std::cout << "\"" << complaint
                  << "\" is not listed on this page as a side effect of these drugs.\n";
    }
    std::cout << guide.doctor_advice << "\n";
    if (const Section* helpline = guide.find_section("helpline")) {
        for (const SectionItem& item : helpline->items) {
            if (item.kind == SectionItem::Kind::paragraph) {
                std::cout << item.text << "\n";
                break;
            }
        }
    }
    std::cout << "\n";
}

void print_text(const SearchResponse& response, const Guide& guide) {
    if (!response.not_listed.empty()) print_not_listed(response, guide);
    for (const std::string& negated : response.negated)
        std::cout << "You wrote \"" << negated
                  << "\". Below is what the page says about it; it is not a match.\n\n";
    for (const std::string& note : response.notes)
        std::cout << note << "\n\n";
    if (!response.did_you_mean.empty()) {
        std::cout << "Did you mean \"" << response.did_you_mean << "\"?\n\n";
    }
    if (!response.understood_as.empty()) {
        std::cout << "Showing results for: ";
        for (std::size_t index = 0; index < response.understood_as.size(); ++index) {
            std::cout << (index ? ", " : "") << response.understood_as[index];
        }
        std::cout << "\n\n";
    }
    if (response.results.empty()) {
        if (response.query.find_first_not_of(" \t") == std::string::npos) {
            std::cout << "Type what you want to find.\n";
        } else {
            std::cout << "Nothing in this guide matches \"" << response.query << "\".\n";
        }
        if (!response.suggestions.empty()) {
            std::cout << "Closest words in the guide: ";
            for (std::size_t index = 0; index < response.suggestions.size(); ++index) {
                std::cout << (index ? ", " : "") << response.suggestions[index];
            }
            std::cout << "\n";
        }
        std::cout << "You can search for a symptom in your own words (for example \"tired\"), "
                     "a drug or brand name, or a gene change such as EGFR.\n";
        return;
    }
    std::size_t number = 0;
    SearchMatch heading_shown = SearchMatch::full;
    for (const SearchResult& result : response.results) {
        if (result.match != heading_shown) {
            heading_shown = result.match;
            if (result.match == SearchMatch::partial)
                std::cout << "Partial matches (they share only some of your words):\n";
            if (result.match == SearchMatch::related)
                std::cout << "Related (the same part of the body; not the same thing):\n";
            if (result.match == SearchMatch::negated)
                std::cout << "What the page says about what you said you do not have:\n";
            if (result.match == SearchMatch::other_class)
                std::cout << "Listed for other drug classes (not the one you named):\n";
        }
        std::cout << ++number << ". " << result.title;
        switch (result.kind) {
        case SearchResultKind::side_effect:
            std::cout << " - side effect of " << class_names(guide, result.class_ids) << " ("
                      << severity_label(result.severity) << ")";
            break;
        case SearchResultKind::drug:
            std::cout << " - drug";
            if (!result.class_ids.empty()) {
                std::cout << " (" << class_names(guide, result.class_ids) << ")";
            }
            break;
        case SearchResultKind::drug_class:
            std::cout << " - drug class";
            break;
        case SearchResultKind::biomarker:
            std::cout << " - gene change";
            if (!result.class_ids.empty()) {
                std::cout << " (" << class_names(guide, result.class_ids) << ")";
            }
            break;
        case SearchResultKind::text:
            std::cout << " - from the page";
            break;
        }
        std::cout << "\n";
        std::cout << "   Why: " << search_because(response, result) << "\n";
        if (!result.snippet.empty()) std::cout << "   " << result.snippet << "\n";
    }
    std::cout << "\n" << guide.doctor_advice << "\n";
}

void run_search(const SearchCommandLine& line, CliContext& context) {
    const ContentPack* pack = context.pack();
    if (!pack) return;
    SearchOptions options;
    if (!build_search_options(line, pack->guide(), options, context)) return;
    const auto person = line.mine_for_given ? std::optional(line.mine_for) : std::nullopt;
    if (line.mine &&
        !limit_search_to_bookmarks(context, pack->guide(), person, options.only_class_ids))
        return;
    std::string query;
    for (const std::string& word : line.query_words)
        query += (query.empty() ? "" : " ") + word;
    const SearchIndex index(*pack);
    const SearchResponse response = index.search(query, options);
    if (line.json) {
        print_json(response);
    } else {
        print_text(response, pack->guide());
    }
}

} // namespace

void register_search_command(CLI::App& app, CliContext& context) {
    static SearchCommandLine line;
    CLI::App* search = app.add_subcommand(
        "search", "Search side effects in your own words, drugs, brands and gene changes");
    search->add_option("QUERY", line.query_words, "What to look for, e.g. \"being sick\"")
        ->required();
    search->add_flag("--json", line.json, "Print JSON");
    search->add_option("--limit", line.limit, "Most results to show (default 50)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{10000}));
    search->add_option("--only-classes", line.only_classes,
                       "Only results about these drug classes, e.g. egfr,alk");
    CLI::Option* mine = search->add_flag(
        "--mine", line.mine, "Only the drug classes you bookmarked, and those of your drugs");
    search->add_option("--for", line.mine_for, "With --mine: only this person's bookmarks")
        ->needs(mine)
        ->each([](const std::string&) { line.mine_for_given = true; });
    search->callback([&context] { run_search(line, context); });
}

} // namespace lungguide::cli
