// SearchIndex: the in-memory indexes over the Guide, and the page passages in FTS5.
//
// How a query is answered:
//  1. The text is cut to length and split into folded words. Small filler words ("my",
//     "and") are ignored; qualifiers ("feeling", "being") help rank but never match alone.
//  2. Each word is looked up in the vocabulary: exactly, as a prefix if it is the last
//     word, else with typo tolerance (only the closest spellings are kept).
//  3. Every indexed phrase (a drug name, a brand, a gene change, a symptom's page term or
//     lay term) that contains some of those words is an entry's match. An entry is a
//     drug, a class, a gene change or a symptom concept.
//  4. An entry whose matched words are a strict subset of another entry's is dropped, so
//     "high blood pressure" does not also bring back "increased blood sugar levels";
//     "tired and being sick" still finds both symptoms.
//  5. A symptom concept expands to every class that lists one of its page terms, each
//     with its own severity. Passages of the page come last, from FTS5.
#include "search/search.h"

#include "common/letter_case.h"
#include "common/sqlite_statement.h"
#include "common/utf8.h"
#include "content/content_pack.h"
#include "search/fts_query.h"
#include "search/search_text.h"
#include "search/search_vocabulary.h"

#include <algorithm>
#include <bitset>
#include <cctype>
#include <mutex>
#include <sqlite3.h>
#include <unordered_map>
#include <unordered_set>

namespace lungguide {

const char* search_result_kind_id(SearchResultKind kind) {
    switch (kind) {
    case SearchResultKind::side_effect:
        return "side_effect";
    case SearchResultKind::drug:
        return "drug";
    case SearchResultKind::drug_class:
        return "drug_class";
    case SearchResultKind::biomarker:
        return "biomarker";
    case SearchResultKind::text:
        return "text";
    }
    return "text";
}

namespace {

using TokenMask = std::uint32_t;
static_assert(search_query_max_words <= 32, "token masks are 32 bits");

constexpr std::size_t prefix_completions_per_word = 40;
constexpr std::size_t typo_candidates_per_word = 8;
constexpr std::size_t text_results_max = 20;
constexpr std::size_t suggestions_max = 5;

// How good one word's match is; exact beats a completion beats a typo.
constexpr float exact_quality = 1.0f;
constexpr float typo_quality[3] = {1.0f, 0.6f, 0.4f};
constexpr float prefix_typo_quality[3] = {1.0f, 0.5f, 0.35f};

// A class's side effect, as one result of a symptom concept.
struct SideEffectOccurrence {
    std::uint32_t class_index = 0;
    std::string title; // the page's term, first letter capitalised
    Severity severity = Severity::common;
    std::uint32_t snippet = 0; // index into Data::side_effect_sentences
};

struct Entry {
    SearchResultKind kind = SearchResultKind::text;
    std::string title;
    std::string target_id;
    std::string drug_id;
    std::string snippet;
    std::vector<std::uint32_t> class_indexes;
    std::vector<SideEffectOccurrence> occurrences; // symptom concepts only
    float kind_bonus = 0;
};

struct Phrase {
    std::uint32_t entry = 0;
    std::uint32_t word_count = 0; // distinct words, at most 32 counted
};

struct Posting {
    std::uint32_t phrase = 0;
    std::uint32_t position = 0; // which distinct word of the phrase, capped at 31
};

struct WordCandidate {
    WordId word = 0;
    float quality = 0;
};

// What one query word may stand for.
struct TokenMatch {
    std::string text;
    bool optional = false;
    std::vector<WordCandidate> candidates;
    bool corrected = false; // candidates are typo corrections
    bool prefix = false;    // the person may still be typing it
};

struct PhraseHit {
    TokenMask tokens = 0;
    std::uint32_t positions = 0;
    float quality[search_query_max_words] = {};
};

struct EntryHit {
    TokenMask content = 0;
    TokenMask optional = 0;
    double score = 0;
};

constexpr std::size_t snippet_max_bytes = 240;

// The passage itself when short; else about snippet_max_bytes of it around the first
// word of the query it contains, cut on word boundaries.
std::string snippet_around(const std::string& body, const std::vector<TokenMatch>& tokens) {
    if (body.size() <= snippet_max_bytes) return body;
    std::string lower = body;
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    std::size_t found = std::string::npos;
    for (const TokenMatch& token : tokens) {
        if (token.optional || token.text.empty()) continue;
        found = std::min(found, lower.find(token.text));
    }
    std::size_t start = found == std::string::npos || found < 60 ? 0 : found - 60;
    if (start > 0) {
        const std::size_t space = body.rfind(' ', start);
        start = space == std::string::npos ? 0 : space + 1;
    }
    std::string_view window =
        truncate_utf8(std::string_view(body).substr(start), snippet_max_bytes);
    const std::size_t last_space = window.rfind(' ');
    if (start + window.size() < body.size() && last_space != std::string_view::npos) {
        window = window.substr(0, last_space);
    }
    std::string snippet = start > 0 ? "\xE2\x80\xA6" : "";
    snippet += window;
    if (start + window.size() < body.size()) snippet += "\xE2\x80\xA6";
    return snippet;
}

int popcount(std::uint32_t value) {
    return static_cast<int>(std::bitset<32>(value).count());
}

std::string first_sentence(const std::string& text) {
    const std::size_t end = text.find(". ");
    return end == std::string::npos ? text : text.substr(0, end + 1);
}

} // namespace

struct SearchIndex::Data {
    std::vector<std::string> class_ids;
    std::unordered_map<std::string, std::uint32_t> class_index_by_id;
    std::vector<std::string> side_effect_sentences;
    std::vector<Entry> entries;
    std::vector<Phrase> phrases;
    SearchVocabulary vocabulary;
    std::vector<std::vector<Posting>> postings; // by word id
    // The page's misspelled brand names, by word, with the spelling to show instead.
    std::unordered_map<WordId, std::string> corrected_spellings;
    std::unordered_set<WordId> indexed_words; // words of some phrase (not only passages)

    std::unique_ptr<sqlite::Statement> passages_statement; // null without a usable pack

    // One search at a time: the statement and the scratch space below are shared.
    mutable std::mutex mutex;
    mutable std::vector<std::uint32_t> phrase_stamp, phrase_slot;
    mutable std::vector<PhraseHit> phrase_hits;
    mutable std::vector<std::uint32_t> touched_phrases;
    mutable std::uint32_t generation = 0;

    void add_phrase(std::uint32_t entry, std::string_view text);
    std::uint32_t add_entry(Entry entry) {
        entries.push_back(std::move(entry));
        return static_cast<std::uint32_t>(entries.size() - 1);
    }
    void build(const Guide& guide);
    void build_symptoms(const Guide& guide);
    void load_passage_words(sqlite3* database);

    std::vector<TokenMatch> match_words(const std::vector<std::string>& words,
                                        bool last_word_finished) const;
    std::vector<SearchResult> text_results(const std::vector<TokenMatch>& tokens,
                                           const std::vector<bool>& class_allowed, bool filtered,
                                           std::size_t limit) const;
    std::vector<std::string> suggestions_for(const std::vector<TokenMatch>& tokens) const;
};

void SearchIndex::Data::add_phrase(std::uint32_t entry, std::string_view text) {
    std::vector<std::string> words = split_search_words(text);
    if (words.empty()) return;
    const std::uint32_t phrase = static_cast<std::uint32_t>(phrases.size());
    std::vector<WordId> seen;
    for (const std::string& word : words) {
        const WordId id = vocabulary.add(word);
        if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
        const std::uint32_t position = std::min<std::uint32_t>(seen.size(), 31);
        seen.push_back(id);
        if (postings.size() <= id) postings.resize(id + 1);
        postings[id].push_back({phrase, position});
        indexed_words.insert(id);
    }
    phrases.push_back({entry, std::min<std::uint32_t>(seen.size(), 32)});
}

void SearchIndex::Data::build(const Guide& guide) {
    for (const DrugClass& drug_class : guide.classes) {
        class_index_by_id.emplace(drug_class.id, static_cast<std::uint32_t>(class_ids.size()));
        class_ids.push_back(drug_class.id);
    }
    auto class_indexes_of = [&](const std::vector<std::string>& ids) {
        std::vector<std::uint32_t> indexes;
        for (const std::string& id : ids) {
            auto found = class_index_by_id.find(id);
            if (found != class_index_by_id.end() &&
                std::find(indexes.begin(), indexes.end(), found->second) == indexes.end()) {
                indexes.push_back(found->second);
            }
        }
        return indexes;
    };

    // Drugs: generic name, brands, and the page's own misspellings of brands.
    for (const Drug& drug : guide.drugs) {
        Entry entry;
        entry.kind = SearchResultKind::drug;
        entry.kind_bonus = 0.4f;
        entry.title = drug.name_with_brands();
        entry.target_id = drug.id;
        entry.drug_id = drug.id;
        entry.class_indexes = class_indexes_of(drug.all_class_ids());
        entry.snippet = drug.description;
        if (entry.snippet.empty()) {
            for (const DrugClass& drug_class : guide.classes) {
                for (const DrugUse& use : drug_class.uses) {
                    if (entry.snippet.empty() && std::find(use.drug_ids.begin(), use.drug_ids.end(),
                                                           drug.id) != use.drug_ids.end()) {
                        entry.snippet = use.text;
                    }
                }
            }
        }
        const std::uint32_t id = add_entry(std::move(entry));
        add_phrase(id, drug.name);
        add_phrase(id, drug.id);
        for (const std::string& brand : drug.brands)
            add_phrase(id, brand);
        for (const std::string& spelling : drug.source_spellings) {
            add_phrase(id, spelling);
            // Show the brand the misspelling stands for, e.g. Tagresso → Tagrisso.
            std::string corrected;
            for (const Correction& correction : guide.corrections) {
                if (correction.original == spelling) corrected = correction.corrected;
            }
            if (corrected.empty() && !drug.brands.empty()) corrected = drug.brands.front();
            for (const std::string& word : split_search_words(spelling)) {
                WordId word_id = 0;
                if (!corrected.empty() && vocabulary.find(word, word_id)) {
                    corrected_spellings[word_id] = corrected;
                }
            }
        }
    }

    // Classes: by name, heading, id and the genes of their gene changes.
    for (const DrugClass& drug_class : guide.classes) {
        Entry entry;
        entry.kind = SearchResultKind::drug_class;
        entry.kind_bonus = 0.3f;
        entry.title = drug_class.name;
        entry.target_id = drug_class.id;
        entry.class_indexes = class_indexes_of({drug_class.id});
        entry.snippet = first_sentence(drug_class.mechanism);
        const std::uint32_t id = add_entry(std::move(entry));
        add_phrase(id, drug_class.name);
        add_phrase(id, drug_class.heading);
        add_phrase(id, drug_class.id);
        add_phrase(id, drug_class.side_effects_heading);
        add_phrase(id, drug_class.examples_heading);
        for (const Biomarker& biomarker : guide.biomarkers) {
            if (std::find(biomarker.class_ids.begin(), biomarker.class_ids.end(), drug_class.id) !=
                biomarker.class_ids.end()) {
                add_phrase(id, biomarker.gene);
            }
        }
    }

    // Gene changes: by name, gene and the other ways the page writes them.
    for (const Biomarker& biomarker : guide.biomarkers) {
        Entry entry;
        entry.kind = SearchResultKind::biomarker;
        entry.kind_bonus = 0.2f;
        entry.title = biomarker.name;
        entry.target_id = biomarker.id;
        entry.class_indexes = class_indexes_of(biomarker.class_ids);
        for (const DrugClass& drug_class : guide.classes) {
            for (const DrugUse& use : drug_class.uses) {
                if (entry.snippet.empty() && use.biomarker_id == biomarker.id) {
                    entry.snippet = use.group_heading.empty() ? use.text : use.group_heading;
                }
            }
        }
        const std::uint32_t id = add_entry(std::move(entry));
        add_phrase(id, biomarker.name);
        add_phrase(id, biomarker.gene);
        for (const std::string& alias : biomarker.aliases)
            add_phrase(id, alias);
    }

    build_symptoms(guide);
}

void SearchIndex::Data::build_symptoms(const Guide& guide) {
    // Which concept owns each page term (compared folded, so case never matters).
    std::unordered_map<std::string, std::size_t> concept_of_term;
    for (std::size_t index = 0; index < guide.symptom_concepts.size(); ++index) {
        for (const std::string& term : guide.symptom_concepts[index].page_terms) {
            concept_of_term.emplace(fold_for_search(term), index);
        }
    }
    std::vector<Entry> concept_entries(guide.symptom_concepts.size());
    // A term no concept claims still gets found, as a concept of its own.
    std::vector<Entry> loose_entries;
    std::unordered_map<std::string, std::size_t> loose_entry_of_term;

    for (std::size_t class_index = 0; class_index < guide.classes.size(); ++class_index) {
        const DrugClass& drug_class = guide.classes[class_index];
        for (const SideEffectGroup& group : drug_class.side_effect_groups) {
            const std::uint32_t sentence = static_cast<std::uint32_t>(side_effect_sentences.size());
            side_effect_sentences.push_back(group.label + ": " + group.text);
            for (const std::string& term : group.terms) {
                const std::string folded = fold_for_search(term);
                Entry* entry = nullptr;
                auto owner = concept_of_term.find(folded);
                if (owner != concept_of_term.end()) {
                    entry = &concept_entries[owner->second];
                } else {
                    auto loose = loose_entry_of_term.find(folded);
                    if (loose == loose_entry_of_term.end()) {
                        loose = loose_entry_of_term.emplace(folded, loose_entries.size()).first;
                        loose_entries.emplace_back();
                        loose_entries.back().title = term;
                    }
                    entry = &loose_entries[loose->second];
                }
                SideEffectOccurrence occurrence;
                occurrence.class_index = static_cast<std::uint32_t>(class_index);
                occurrence.title = capitalize_first_letter(term);
                occurrence.severity = group.severity;
                occurrence.snippet = sentence;
                // The page sometimes lists a term twice in one sentence; show it once.
                const bool repeated =
                    std::any_of(entry->occurrences.begin(), entry->occurrences.end(),
                                [&](const SideEffectOccurrence& other) {
                                    return other.class_index == occurrence.class_index &&
                                           other.severity == occurrence.severity &&
                                           other.title == occurrence.title;
                                });
                if (!repeated) entry->occurrences.push_back(std::move(occurrence));
            }
        }
    }

    auto finish_entry = [&](Entry& entry) {
        entry.kind = SearchResultKind::side_effect;
        entry.kind_bonus = 0.1f;
        for (const SideEffectOccurrence& occurrence : entry.occurrences) {
            if (std::find(entry.class_indexes.begin(), entry.class_indexes.end(),
                          occurrence.class_index) == entry.class_indexes.end()) {
                entry.class_indexes.push_back(occurrence.class_index);
            }
        }
    };
    for (std::size_t index = 0; index < concept_entries.size(); ++index) {
        Entry& entry = concept_entries[index];
        const SymptomConcept& symptom = guide.symptom_concepts[index];
        entry.title = symptom.label;
        entry.target_id = symptom.id;
        finish_entry(entry);
        const std::uint32_t id = add_entry(std::move(entry));
        add_phrase(id, symptom.label);
        for (const std::string& term : symptom.page_terms)
            add_phrase(id, term);
        for (const std::string& term : symptom.lay_terms)
            add_phrase(id, term);
    }
    for (Entry& entry : loose_entries) {
        finish_entry(entry);
        const std::string term = entry.title;
        const std::uint32_t id = add_entry(std::move(entry));
        add_phrase(id, term);
    }
}

void SearchIndex::Data::load_passage_words(sqlite3* database) {
    if (!database) return;
    // Fails harmlessly on a pack without passages: then there are simply no text results.
    // The inner query walks FTS5 matches in page order and stops after a fixed number,
    // so a common word on a huge pack costs the same as on the shipped one; only those
    // are ranked. (The shipped pack has fewer passages than the cap: all are ranked.)
    auto statement = std::make_unique<sqlite::Statement>(
        database, "SELECT p.kind, p.target_id, p.class_id, p.title, p.body "
                  "FROM (SELECT rowid AS id, bm25(passages_fts) AS score FROM passages_fts "
                  "      WHERE passages_fts MATCH ?1 LIMIT 400) AS matched "
                  "JOIN passages AS p ON p.id = matched.id "
                  "WHERE p.kind <> 'side_effects' ORDER BY matched.score, p.id LIMIT ?2");
    if (!statement->prepared()) return;
    // Words of the passages join the vocabulary, so their typos can be corrected too.
    sqlite::Statement words(database, "SELECT title, body FROM passages");
    if (!words.prepared()) return;
    while (words.step() == SQLITE_ROW) {
        for (int column = 0; column < 2; ++column) {
            for (const std::string& word : split_search_words(words.text(column))) {
                vocabulary.add(word);
            }
        }
    }
    passages_statement = std::move(statement);
}

std::vector<TokenMatch> SearchIndex::Data::match_words(const std::vector<std::string>& words,
                                                       bool last_word_finished) const {
    std::vector<TokenMatch> tokens;
    const bool all_stop_words =
        std::all_of(words.begin(), words.end(),
                    [](const std::string& word) { return is_search_stop_word(word); });
    for (std::size_t index = 0; index < words.size(); ++index) {
        TokenMatch token;
        token.text = words[index];
        token.optional = !all_stop_words && is_search_stop_word(token.text);
        token.prefix = index + 1 == words.size() && !last_word_finished;
        // Grammar words ("and", "the", "my") would match half the phrases and decide
        // nothing; only qualifiers such as "being" or "feeling" are looked up.
        if (token.optional && !is_search_qualifier_word(token.text)) {
            tokens.push_back(std::move(token));
            continue;
        }
        WordId exact = 0;
        if (vocabulary.find(token.text, exact)) token.candidates.push_back({exact, exact_quality});
        if (token.prefix) {
            const std::size_t typed_length = token.text.size();
            for (WordId word :
                 vocabulary.words_starting_with(token.text, prefix_completions_per_word)) {
                // The closer the completion, the likelier it is the word meant.
                const float closeness =
                    static_cast<float>(typed_length) / vocabulary.text(word).size();
                token.candidates.push_back({word, 0.7f + 0.25f * closeness});
            }
        }
        if (token.candidates.empty() && !token.optional && !contains_digit(token.text)) {
            const std::u32string code_points = decode_utf8(token.text);
            const int typos = allowed_typos(code_points.size());
            if (typos > 0) {
                // Only the closest spellings are kept: "nausia" means "nausea", and a
                // word two slips away would only add noise.
                const std::vector<VocabularyMatch> whole_words =
                    vocabulary.words_near(code_points, typos, false, typo_candidates_per_word);
                // While typing, "diarhe" is one slip from the start of "diarrhea".
                const std::vector<VocabularyMatch> word_starts =
                    token.prefix
                        ? vocabulary.words_near(code_points, typos, true, typo_candidates_per_word)
                        : std::vector<VocabularyMatch>{};
                int closest = typos + 1;
                if (!whole_words.empty()) closest = whole_words.front().distance;
                if (!word_starts.empty()) closest = std::min(closest, word_starts.front().distance);
                for (const VocabularyMatch& match : whole_words) {
                    if (match.distance == closest) {
                        token.candidates.push_back({match.word, typo_quality[match.distance]});
                    }
                }
                for (const VocabularyMatch& match : word_starts) {
                    const bool listed =
                        std::any_of(token.candidates.begin(), token.candidates.end(),
                                    [&](const WordCandidate& candidate) {
                                        return candidate.word == match.word;
                                    });
                    if (match.distance == closest && !listed) {
                        token.candidates.push_back(
                            {match.word, prefix_typo_quality[match.distance]});
                    }
                }
                token.corrected = !token.candidates.empty();
            }
        }
        tokens.push_back(std::move(token));
    }
    return tokens;
}

std::vector<SearchResult> SearchIndex::Data::text_results(const std::vector<TokenMatch>& tokens,
                                                          const std::vector<bool>& class_allowed,
                                                          bool filtered, std::size_t limit) const {
    std::vector<SearchResult> results;
    if (!passages_statement || limit == 0) return results;
    std::vector<FtsQueryWord> words;
    for (const TokenMatch& token : tokens) {
        if (token.optional) continue;
        FtsQueryWord word;
        if (token.corrected) {
            for (const WordCandidate& candidate : token.candidates) {
                word.alternatives.push_back(vocabulary.text(candidate.word));
            }
        } else {
            word.alternatives.push_back(token.text);
            // FTS5 expands a prefix over its whole index; very short ones are left exact
            // so that the first keystroke stays cheap on a large pack.
            word.prefix = token.prefix && token.text.size() >= 3;
        }
        words.push_back(std::move(word));
    }
    const std::string expression = build_fts5_match_expression(words);
    if (expression.empty()) return results;

    sqlite::Statement& statement = *passages_statement;
    statement.reset();
    statement.bind(1, expression);
    // Fetch a few more when filtering by class, since some rows will be dropped.
    statement.bind(2, static_cast<std::int64_t>(filtered ? limit * 8 : limit));
    while (results.size() < limit && statement.step() == SQLITE_ROW) {
        const std::string class_id = statement.text(2);
        if (filtered) {
            auto found = class_index_by_id.find(class_id);
            if (found == class_index_by_id.end() || !class_allowed[found->second]) continue;
        }
        SearchResult result;
        result.kind = SearchResultKind::text;
        if (!class_id.empty()) result.class_ids.push_back(class_id);
        result.target_id = statement.text(1);
        result.title = statement.text(3);
        result.snippet = snippet_around(statement.text(4), tokens);
        if (statement.text(0) == "drug") result.drug_id = result.target_id;
        results.push_back(std::move(result));
    }
    statement.reset();
    return results;
}

std::vector<std::string>
SearchIndex::Data::suggestions_for(const std::vector<TokenMatch>& tokens) const {
    std::vector<std::string> suggestions;
    for (const TokenMatch& token : tokens) {
        if (token.optional || contains_digit(token.text)) continue;
        const std::u32string code_points = decode_utf8(token.text);
        if (code_points.size() < 3) continue;
        // Further than typo tolerance allows, but still close enough to be a fair guess.
        const int distance = std::min<int>(3, static_cast<int>(code_points.size()) - 1);
        for (const VocabularyMatch& match :
             vocabulary.words_near(code_points, distance, false, suggestions_max * 4)) {
            const std::string& text = vocabulary.text(match.word);
            if (is_search_stop_word(text) || text.size() < 3) continue;
            if (!indexed_words.count(match.word)) continue; // only words that find something
            auto corrected = corrected_spellings.find(match.word);
            const std::string shown =
                corrected != corrected_spellings.end() ? fold_for_search(corrected->second) : text;
            if (std::find(suggestions.begin(), suggestions.end(), shown) == suggestions.end()) {
                suggestions.push_back(shown);
            }
            if (suggestions.size() == suggestions_max) return suggestions;
        }
    }
    return suggestions;
}

SearchIndex::SearchIndex(const ContentPack& pack) : SearchIndex(pack.guide(), pack.database()) {}

SearchIndex::SearchIndex(const Guide& guide, sqlite3* database) : data_(std::make_unique<Data>()) {
    data_->build(guide);
    data_->load_passage_words(database);
    data_->vocabulary.finish();
    data_->postings.resize(data_->vocabulary.size());
    data_->phrase_stamp.assign(data_->phrases.size(), 0);
    data_->phrase_slot.assign(data_->phrases.size(), 0);
}

SearchIndex::~SearchIndex() = default;

SearchResponse SearchIndex::search(std::string_view query, const SearchOptions& options) const {
    const Data& data = *data_;
    SearchResponse response;
    const std::string_view cut = truncate_utf8(query, search_query_max_bytes);
    response.query = clean_for_display(cut);

    std::vector<std::string> words = split_search_words(cut);
    for (std::string& word : words) {
        if (word.size() > search_word_max_bytes) {
            word = std::string(truncate_utf8(word, search_word_max_bytes));
        }
    }
    if (words.size() > search_query_max_words) words.resize(search_query_max_words);
    if (words.empty() || options.limit == 0) return response;
    // A space or punctuation after the last word means it is finished, not a prefix.
    const unsigned char last_byte = static_cast<unsigned char>(cut.back());
    const bool last_word_finished =
        last_byte < 0x80 && !std::isalnum(last_byte) && last_byte != '\'';

    std::lock_guard<std::mutex> lock(data.mutex);
    const std::vector<TokenMatch> tokens = data.match_words(words, last_word_finished);
    TokenMask content_tokens = 0;
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        if (!tokens[index].optional) content_tokens |= TokenMask{1} << index;
    }

    // Which classes the filter keeps.
    const bool filtered = !options.only_class_ids.empty();
    std::vector<bool> class_allowed(data.class_ids.size(), !filtered);
    for (const std::string& id : options.only_class_ids) {
        auto found = data.class_index_by_id.find(id);
        if (found != data.class_index_by_id.end()) class_allowed[found->second] = true;
    }

    // Step 3: collect phrase hits.
    if (++data.generation == 0) {
        std::fill(data.phrase_stamp.begin(), data.phrase_stamp.end(), 0);
        data.generation = 1;
    }
    data.touched_phrases.clear();
    data.phrase_hits.clear();
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        for (const WordCandidate& candidate : tokens[index].candidates) {
            for (const Posting& posting : data.postings[candidate.word]) {
                if (data.phrase_stamp[posting.phrase] != data.generation) {
                    data.phrase_stamp[posting.phrase] = data.generation;
                    data.phrase_slot[posting.phrase] =
                        static_cast<std::uint32_t>(data.phrase_hits.size());
                    data.phrase_hits.emplace_back();
                    data.touched_phrases.push_back(posting.phrase);
                }
                PhraseHit& hit = data.phrase_hits[data.phrase_slot[posting.phrase]];
                hit.tokens |= TokenMask{1} << index;
                hit.positions |= std::uint32_t{1} << posting.position;
                hit.quality[index] = std::max(hit.quality[index], candidate.quality);
            }
        }
    }

    // Each entry keeps its best phrase.
    std::unordered_map<std::uint32_t, EntryHit> entry_hits;
    for (std::uint32_t phrase_index : data.touched_phrases) {
        const PhraseHit& hit = data.phrase_hits[data.phrase_slot[phrase_index]];
        const TokenMask content = hit.tokens & content_tokens;
        if (content == 0) continue; // filler words alone never match
        const Phrase& phrase = data.phrases[phrase_index];
        const Entry& entry = data.entries[phrase.entry];
        if (filtered && std::none_of(entry.class_indexes.begin(), entry.class_indexes.end(),
                                     [&](std::uint32_t index) { return class_allowed[index]; })) {
            continue;
        }
        double quality = 0;
        for (std::size_t index = 0; index < tokens.size(); ++index)
            quality += hit.quality[index];
        const bool whole_phrase = popcount(hit.positions) >= static_cast<int>(phrase.word_count);
        EntryHit candidate;
        candidate.content = content;
        candidate.optional = hit.tokens & ~content_tokens;
        candidate.score = 100.0 * popcount(candidate.content) +
                          10.0 * popcount(candidate.optional) + quality +
                          (whole_phrase ? 0.5 : 0.0) + entry.kind_bonus;
        auto [slot, inserted] = entry_hits.emplace(phrase.entry, candidate);
        if (!inserted && candidate.score > slot->second.score) slot->second = candidate;
    }

    // Step 4: drop entries whose matched words another entry covers and exceeds.
    std::vector<std::pair<TokenMask, TokenMask>> coverages;
    for (const auto& [entry, hit] : entry_hits) {
        std::pair<TokenMask, TokenMask> coverage{hit.content, hit.optional};
        if (std::find(coverages.begin(), coverages.end(), coverage) == coverages.end()) {
            coverages.push_back(coverage);
        }
    }
    auto dominated = [&](const EntryHit& hit) {
        for (const auto& [content, optional] : coverages) {
            const bool covers =
                (content & hit.content) == hit.content && (optional & hit.optional) == hit.optional;
            if (covers && (content != hit.content || optional != hit.optional)) return true;
        }
        return false;
    };
    std::vector<std::pair<double, std::uint32_t>> ranked;
    bool some_entry_covers_every_word = false;
    for (const auto& [entry, hit] : entry_hits) {
        if (dominated(hit)) continue;
        ranked.push_back({hit.score, entry});
        if (hit.content == content_tokens) some_entry_covers_every_word = true;
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first > b.first;
        return a.second < b.second; // page order
    });
    // A passage has every word of the query ("blood thinners"); when no entry does, the
    // passages are the better answer and entries matching only some words would be noise.
    std::vector<SearchResult> passages;
    bool passages_searched = false;
    if (!some_entry_covers_every_word && !ranked.empty()) {
        passages = data.text_results(tokens, class_allowed, filtered,
                                     std::min(text_results_max, options.limit));
        passages_searched = true;
        if (!passages.empty()) ranked.clear();
    }

    // Step 5: results, symptom concepts expanded per class.
    for (const auto& [score, entry_index] : ranked) {
        if (response.results.size() >= options.limit) break;
        const Entry& entry = data.entries[entry_index];
        if (entry.kind == SearchResultKind::side_effect) {
            for (const SideEffectOccurrence& occurrence : entry.occurrences) {
                if (response.results.size() >= options.limit) break;
                if (!class_allowed[occurrence.class_index]) continue;
                SearchResult result;
                result.kind = SearchResultKind::side_effect;
                result.class_ids.push_back(data.class_ids[occurrence.class_index]);
                result.target_id = data.class_ids[occurrence.class_index];
                result.title = occurrence.title;
                result.has_severity = true;
                result.severity = occurrence.severity;
                result.snippet = data.side_effect_sentences[occurrence.snippet];
                result.score = score;
                response.results.push_back(std::move(result));
            }
            continue;
        }
        SearchResult result;
        result.kind = entry.kind;
        for (std::uint32_t index : entry.class_indexes) {
            result.class_ids.push_back(data.class_ids[index]);
        }
        result.drug_id = entry.drug_id;
        result.target_id = entry.target_id;
        result.title = entry.title;
        result.snippet = entry.snippet;
        result.score = score;
        response.results.push_back(std::move(result));
    }

    // Passages come after the structured results, and only when there is room for them:
    // a query that already fills the page never pays for the FTS5 lookup.
    if (!passages_searched) {
        const std::size_t room = std::min(
            text_results_max, options.limit - std::min(options.limit, response.results.size()));
        passages = data.text_results(tokens, class_allowed, filtered, room);
    }
    for (SearchResult& result : passages) {
        if (response.results.size() >= options.limit) break;
        response.results.push_back(std::move(result));
    }

    // What the query was understood as: typo corrections and the page's misspellings.
    for (const TokenMatch& token : tokens) {
        if (token.candidates.empty() || token.optional) continue;
        const WordId best = token.candidates.front().word;
        auto corrected = data.corrected_spellings.find(best);
        std::string shown;
        if (corrected != data.corrected_spellings.end()) {
            shown = corrected->second;
        } else if (token.corrected) {
            shown = data.vocabulary.text(best);
        }
        if (!shown.empty() &&
            std::find(response.understood_as.begin(), response.understood_as.end(), shown) ==
                response.understood_as.end()) {
            response.understood_as.push_back(shown);
        }
    }

    if (response.results.empty()) response.suggestions = data.suggestions_for(tokens);
    return response;
}

} // namespace lungguide
