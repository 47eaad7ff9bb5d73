// Building SearchIndex: the in-memory indexes over the Guide, the page's passages (see
// search_passages.cpp), the dictionary words never to correct, and how much each word weighs.
#include "content/content_pack.h"
#include "search/search_index_data.h"

#include <algorithm>
#include <cmath>

namespace lungguide {

namespace {

std::string first_sentence(const std::string& text) {
    const std::size_t end = text.find(". ");
    return end == std::string::npos ? text : text.substr(0, end + 1);
}

// A word in at least this many entries (drugs, classes, gene changes, symptoms) says
// little on its own: "problems", "blood", "side", "pain", "out".
constexpr std::uint32_t common_word_entries = 3;

std::vector<std::uint32_t>
class_indexes_of(const std::unordered_map<std::string, std::uint32_t>& class_index_by_id,
                 const std::vector<std::string>& ids) {
    std::vector<std::uint32_t> indexes;
    for (const std::string& id : ids) {
        auto found = class_index_by_id.find(id);
        if (found != class_index_by_id.end() &&
            std::find(indexes.begin(), indexes.end(), found->second) == indexes.end()) {
            indexes.push_back(found->second);
        }
    }
    return indexes;
}

// Maps by id, so that building stays linear in the size of the content.

// The first use (in page order) that names each drug: a drug's snippet when the page has
// no description of it.
std::unordered_map<std::string, const std::string*> first_use_text_of_drugs(const Guide& guide) {
    std::unordered_map<std::string, const std::string*> first_use;
    for (const DrugClass& drug_class : guide.classes) {
        for (const DrugUse& use : drug_class.uses) {
            if (use.text.empty()) continue;
            for (const std::string& drug_id : use.drug_ids)
                first_use.emplace(drug_id, &use.text);
        }
    }
    return first_use;
}

// The first use of each gene change, by its heading or else its text: its snippet.
std::unordered_map<std::string, const std::string*>
first_use_text_of_biomarkers(const Guide& guide) {
    std::unordered_map<std::string, const std::string*> first_use;
    for (const DrugClass& drug_class : guide.classes) {
        for (const DrugUse& use : drug_class.uses) {
            const std::string& text = use.group_heading.empty() ? use.text : use.group_heading;
            if (!text.empty()) first_use.emplace(use.biomarker_id, &text);
        }
    }
    return first_use;
}

// The genes of each class's gene changes, in the order of the gene changes.
std::unordered_map<std::string, std::vector<const std::string*>>
genes_of_classes(const Guide& guide) {
    std::unordered_map<std::string, std::vector<const std::string*>> genes;
    for (const Biomarker& biomarker : guide.biomarkers) {
        for (std::size_t index = 0; index < biomarker.class_ids.size(); ++index) {
            const auto& ids = biomarker.class_ids;
            if (std::find(ids.begin(), ids.begin() + index, ids[index]) != ids.begin() + index)
                continue; // listed twice: one phrase
            genes[ids[index]].push_back(&biomarker.gene);
        }
    }
    return genes;
}

} // namespace

void SearchIndex::Data::add_phrase(std::uint32_t entry, std::string_view text) {
    std::vector<std::string> words = split_search_words(text);
    if (words.empty()) return;
    const std::uint32_t phrase = static_cast<std::uint32_t>(phrases.size());
    Phrase added;
    added.entry = entry;
    added.first_word = static_cast<std::uint32_t>(phrase_words.size());
    std::vector<WordId> seen;
    for (const std::string& word : words) {
        const WordId id = vocabulary.add(word);
        if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
        const std::uint32_t position = std::min<std::uint32_t>(seen.size(), 31);
        seen.push_back(id);
        phrase_words.push_back(id);
        if (postings.size() <= id) postings.resize(id + 1);
        postings[id].push_back({phrase, position});
        indexed_words.insert(id);
        // What the phrase needs from a query to be said whole (complaint_reader.cpp).
        const std::uint32_t bit = std::uint32_t{1} << position;
        const WordRole role = complaint_word_role(word);
        if (role == WordRole::negation) {
            added.negation_positions |= bit;
        } else if (role == WordRole::site) {
            added.site_positions |= bit;
        } else if (role == WordRole::colour) {
            added.colour_positions |= bit;
        } else if (role == WordRole::direction) {
            added.direction_positions |= bit;
        } else if (is_search_stop_word(word) || role == WordRole::generic ||
                   role == WordRole::intensity || role == WordRole::time ||
                   role == WordRole::filler || role == WordRole::person) {
            added.ignorable_positions |= bit;
        }
    }
    added.word_count = std::min<std::uint32_t>(seen.size(), 32);
    phrases.push_back(added);
    phrase_texts.emplace_back(text);
    phrase_is_lay.push_back(adding_lay_words);
}

void SearchIndex::Data::build(const Guide& guide) {
    for (const DrugClass& drug_class : guide.classes) {
        class_index_by_id.emplace(drug_class.id, static_cast<std::uint32_t>(class_ids.size()));
        class_ids.push_back(drug_class.id);
    }
    build_drugs(guide);
    build_classes_and_gene_changes(guide);
    build_symptoms(guide);
}

void SearchIndex::Data::build_drugs(const Guide& guide) {
    auto class_indexes_of = [&](const std::vector<std::string>& ids) {
        return lungguide::class_indexes_of(class_index_by_id, ids);
    };
    const auto first_use_of_drug = first_use_text_of_drugs(guide);
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
            auto use = first_use_of_drug.find(drug.id);
            if (use != first_use_of_drug.end()) entry.snippet = *use->second;
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
}

void SearchIndex::Data::build_classes_and_gene_changes(const Guide& guide) {
    auto class_indexes_of = [&](const std::vector<std::string>& ids) {
        return lungguide::class_indexes_of(class_index_by_id, ids);
    };
    const auto genes_of_class = genes_of_classes(guide);
    const auto first_use_of_biomarker = first_use_text_of_biomarkers(guide);
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
        // "Examples of VEGF inhibitors:" also names the class as "VEGF inhibitors".
        for (const std::string* heading :
             {&drug_class.examples_heading, &drug_class.side_effects_heading}) {
            const std::size_t of = heading->find(" of ");
            if (of != std::string::npos) add_phrase(id, heading->substr(of + 4));
        }
        auto genes = genes_of_class.find(drug_class.id);
        if (genes == genes_of_class.end()) continue;
        for (const std::string* gene : genes->second)
            add_phrase(id, *gene);
    }

    // Gene changes: by name, gene and the other ways the page writes them.
    for (const Biomarker& biomarker : guide.biomarkers) {
        Entry entry;
        entry.kind = SearchResultKind::biomarker;
        entry.kind_bonus = 0.2f;
        entry.title = biomarker.name;
        entry.target_id = biomarker.id;
        entry.class_indexes = class_indexes_of(biomarker.class_ids);
        auto use = first_use_of_biomarker.find(biomarker.id);
        if (use != first_use_of_biomarker.end()) entry.snippet = *use->second;
        const std::uint32_t id = add_entry(std::move(entry));
        add_phrase(id, biomarker.name);
        add_phrase(id, biomarker.gene);
        for (const std::string& alias : biomarker.aliases)
            add_phrase(id, alias);
    }
}

namespace {

// The runs between , ; : and . of a sentence, as folded words.
std::vector<std::vector<std::string>> clauses_of(const std::string& text) {
    std::vector<std::vector<std::string>> clauses;
    std::size_t start = 0;
    for (std::size_t index = 0; index <= text.size(); ++index) {
        if (index == text.size() ||
            std::string_view(",;:.").find(text[index]) != std::string_view::npos) {
            clauses.push_back(split_search_words(text.substr(start, index - start)));
            start = index + 1;
        }
    }
    return clauses;
}

// Which clause each term starts in, in page order.
std::vector<std::size_t> clause_of_each_term(const std::vector<std::vector<std::string>>& terms,
                                             const std::vector<std::vector<std::string>>& clauses) {
    std::vector<std::size_t> term_clause(terms.size(), 0);
    std::size_t from = 0;
    for (std::size_t term = 0; term < terms.size(); ++term) {
        const std::vector<std::string>& words = terms[term];
        for (std::size_t clause = from; clause < clauses.size() && !words.empty(); ++clause) {
            if (std::find(clauses[clause].begin(), clauses[clause].end(), words.front()) !=
                clauses[clause].end()) {
                from = clause;
                break;
            }
        }
        term_clause[term] = from;
    }
    return term_clause;
}

// One card per symptom, class and severity: the page sometimes lists a term twice in one
// sentence, or two wordings of one symptom ("decreased white blood cell and red blood cell
// counts"); the first is kept.
void add_occurrence(Entry& entry, std::uint32_t class_index, const std::string& term,
                    Severity severity, std::uint32_t sentence) {
    // Classes are read in order, so a repeat can only be among the last occurrences: a
    // concept on a large pack has thousands, and a look through all would be quadratic.
    for (auto other = entry.occurrences.rbegin();
         other != entry.occurrences.rend() && other->class_index == class_index; ++other) {
        if (other->severity == severity) return;
    }
    SideEffectOccurrence occurrence;
    occurrence.class_index = class_index;
    occurrence.title = capitalize_first_letter(term);
    occurrence.severity = severity;
    occurrence.anchor = side_effect_anchor(term);
    occurrence.sentence = sentence;
    entry.occurrences.push_back(std::move(occurrence));
}

SideEffectSentence side_effect_sentence(const SideEffectGroup& group, std::size_t class_index) {
    SideEffectSentence sentence;
    sentence.class_index = static_cast<std::uint32_t>(class_index);
    sentence.severity = group.severity;
    sentence.label = group.label;
    sentence.text = group.text;
    sentence.terms = group.terms;
    sentence.clauses = clauses_of(group.text);
    for (const std::string& term : group.terms)
        sentence.term_words.push_back(split_search_words(term));
    sentence.term_clause = clause_of_each_term(sentence.term_words, sentence.clauses);
    return sentence;
}

} // namespace

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
            sentences.push_back(side_effect_sentence(group, class_index));
            sentence_by_class_and_text.emplace(drug_class.id + "\n" + group.text, sentence);
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
                add_occurrence(*entry, static_cast<std::uint32_t>(class_index), term,
                               group.severity, sentence);
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
        adding_lay_words = true;
        for (const std::string& term : symptom.lay_terms)
            add_phrase(id, term);
        adding_lay_words = false;
    }
    for (Entry& entry : loose_entries) {
        finish_entry(entry);
        const std::string term = entry.title;
        const std::uint32_t id = add_entry(std::move(entry));
        add_phrase(id, term);
    }
}

// A class's own name words are names too ("TRK", "angiogenesis" of "TRK inhibitors",
// "Angiogenesis (VEGF) inhibitors"): those in one class's name only, never a symptom's, and
// not common ("inhibitors" names nine classes, and "drugs" is everywhere).
void SearchIndex::Data::add_class_name_words(const std::vector<bool>& symptom_word) {
    std::unordered_map<WordId, std::size_t> classes_named_by;
    for (const Entry& entry : entries) {
        if (entry.kind != SearchResultKind::drug_class) continue;
        std::vector<std::string> words = split_search_words(entry.title);
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
        for (const std::string& text : words) {
            WordId word = 0;
            if (vocabulary.find(text, word)) ++classes_named_by[word];
        }
    }
    for (const auto& [word, count] : classes_named_by)
        if (count == 1 && !common_word[word] && !symptom_word[word]) name_word[word] = true;
}

// How much a word says: the fewer entries it appears in, the more (like IDF). A word
// found only in passages weighs the most, as a rare word.
void SearchIndex::Data::weigh_words() {
    std::vector<std::uint32_t> entries_with_word(vocabulary.size(), 0);
    std::vector<std::uint32_t> last_entry(vocabulary.size(), UINT32_MAX);
    name_word.assign(vocabulary.size(), false);
    std::vector<bool> symptom_word(vocabulary.size(), false);
    for (WordId word = 0; word < postings.size(); ++word) {
        for (const Posting& posting : postings[word]) {
            const std::uint32_t entry = phrases[posting.phrase].entry;
            if (last_entry[word] == entry) continue;
            last_entry[word] = entry;
            ++entries_with_word[word];
            // Names: of drugs, brands and gene changes ("egfr", "osimertinib"). Classes count
            // for neither: their headings hold "side effects".
            const SearchResultKind kind = entries[entry].kind;
            if (kind == SearchResultKind::side_effect) symptom_word[word] = true;
            if (kind == SearchResultKind::drug || kind == SearchResultKind::biomarker)
                name_word[word] = true;
        }
    }
    const double entry_count = std::max<std::size_t>(1, entries.size());
    word_weight.assign(vocabulary.size(), 1.0f);
    common_word.assign(vocabulary.size(), false);
    for (WordId word = 0; word < vocabulary.size(); ++word) {
        const double with_word = std::max<std::uint32_t>(1, entries_with_word[word]);
        word_weight[word] = static_cast<float>(1.0 + std::log(entry_count / with_word));
        common_word[word] = entries_with_word[word] >= common_word_entries;
        name_word[word] = name_word[word] && !symptom_word[word];
    }
    add_class_name_words(symptom_word);
}

namespace {

std::vector<WordId> sorted_word_ids(const SearchVocabulary& vocabulary, const std::string& text) {
    std::vector<WordId> ids;
    for (const std::string& word : split_search_words(text)) {
        WordId id = 0;
        if (vocabulary.find(word, id)) ids.push_back(id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

// The words of each side-effect item and sentence, as ids: once the vocabulary is final.
void SearchIndex::Data::index_side_effect_words() {
    constexpr WordId unknown = ~WordId{0};
    auto ids_of = [&](const std::vector<std::vector<std::string>>& groups) {
        std::vector<std::vector<WordId>> ids(groups.size());
        for (std::size_t group = 0; group < groups.size(); ++group)
            for (const std::string& word : groups[group]) {
                WordId id = unknown;
                if (!vocabulary.find(word, id)) id = unknown;
                ids[group].push_back(id);
            }
        return ids;
    };
    for (SideEffectSentence& sentence : sentences) {
        sentence.sorted_word_ids = sorted_word_ids(vocabulary, sentence.text);
        sentence.clause_ids = ids_of(sentence.clauses);
        sentence.term_ids = ids_of(sentence.term_words);
    }

    for (Entry& entry : entries) {
        for (SideEffectOccurrence& occurrence : entry.occurrences)
            occurrence.title_word_ids = sorted_word_ids(vocabulary, occurrence.title);
    }
}

void SearchIndex::Data::flatten_postings() {
    first_phrase_posting.assign(postings.size() + 1, 0);
    for (std::size_t word = 0; word < postings.size(); ++word)
        first_phrase_posting[word + 1] =
            first_phrase_posting[word] + static_cast<std::uint32_t>(postings[word].size());
    phrase_postings.reserve(first_phrase_posting.back());
    for (const std::vector<Posting>& of_word : postings)
        phrase_postings.insert(phrase_postings.end(), of_word.begin(), of_word.end());
    postings = {};
}

namespace {

// Packed straight from the pack's front coding, already sorted.
PackedWords packed_dictionary(const ContentPack& pack) {
    PackedWords words;
    pack.visit_dictionary_words([&](std::string_view word) { words.append(word); });
    words.finish();
    return words;
}

} // namespace

SearchIndex::SearchIndex(const ContentPack& pack)
    : SearchIndex(pack.guide(), packed_dictionary(pack)) {}

SearchIndex::SearchIndex(const Guide& guide, std::vector<std::string> dictionary_words)
    : SearchIndex(guide, PackedWords(std::move(dictionary_words))) {}

SearchIndex::SearchIndex(const Guide& guide, PackedWords dictionary_words)
    : data_(std::make_unique<Data>()) {
    data_->build(guide);
    const std::vector<PassageWords> words_of_passage = data_->load_passages(guide);
    // Packed and sorted (a word is looked up once per query word, not per candidate).
    data_->dictionary_words = std::move(dictionary_words);
    data_->complaint_words = guide.complaint_words;
    for (std::string& word : data_->complaint_words)
        word = fold_for_search(word);
    std::sort(data_->complaint_words.begin(), data_->complaint_words.end());
    data_->vocabulary.finish();
    data_->postings.resize(data_->vocabulary.size());
    data_->index_passages(words_of_passage);
    data_->weigh_words();
    data_->index_side_effect_words();
    data_->place_item_titles();
    data_->index_complaint_reader(guide);
    data_->flatten_postings();
    data_->phrase_slots.assign(data_->phrases.size(), StampedSlot{});
    data_->entry_slots.assign(data_->entries.size(), StampedSlot{});
    data_->answer_first_keys();
}

SearchIndex::~SearchIndex() = default;

} // namespace lungguide
