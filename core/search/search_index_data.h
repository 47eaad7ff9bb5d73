// SearchIndex's insides, shared by the file that builds the indexes
// (search_index_build.cpp) and those that answer queries (search_index.cpp and its steps:
// search_query_words, search_segments, search_ranking, search_results, search_unlisted).
// Not part of the public API: include search.h instead.
#pragma once

#include "common/bit_count.h"
#include "common/letter_case.h"
#include "common/utf8.h"
#include "search/complaint_lexicon.h"
#include "search/packed_words.h"
#include "search/search.h"
#include "search/search_snippets.h"
#include "search/search_text.h"
#include "search/search_vocabulary.h"

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace lungguide {

using TokenMask = std::uint32_t;
static_assert(search_query_max_words <= 32, "token masks are 32 bits");

// A class's side effect, as one result of a symptom concept.
struct SideEffectOccurrence {
    std::uint32_t class_index = 0;
    std::string title; // the page's term, first letter capitalised
    std::string anchor;
    Severity severity = Severity::common;
    std::uint32_t sentence = 0;               // index into Data::side_effect_sentences
    std::vector<WordId> title_word_ids;       // its folded words, sorted
    std::size_t title_at = std::string::npos; // where the sentence says the title, if it does
    std::string snippet;                      // the sentence cut around it, when title_at is known
    // Else, in a sentence longer than a snippet, where its folded words have the title's,
    // as whole words and as word starts: the query-free steps of snippet_around.
    std::size_t title_whole_at = std::string::npos;
    std::size_t title_prefix_at = std::string::npos;
};

// A drug, a class, a gene change or a symptom concept: what a phrase leads to.
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
    // By position (Posting::position): words whose absence from the query does not make
    // the phrase incomplete (grammar, "problems", "severe"); body sites and colours, which
    // may be missing only when the query names none of its own (a colour may always be);
    // and negations ("no
    // appetite"), which the query must have for the phrase to mean what it says.
    std::uint32_t ignorable_positions = 0;
    std::uint32_t site_positions = 0;
    std::uint32_t colour_positions = 0;    // never left out: "white blood cells"
    std::uint32_t direction_positions = 0; // left out only by a bare complaint: "appetite"
    std::uint32_t negation_positions = 0;
    std::uint32_t first_word = 0; // its words in Data::phrase_words, [first_word, +word_count)
};

struct Posting {
    std::uint32_t phrase = 0;
    std::uint32_t position = 0; // which distinct word of the phrase, capped at 31
};

// One of the page's side-effect sentences: "Common side effects: Nosebleed, headache, …".
struct SideEffectSentence {
    std::uint32_t class_index = 0;
    Severity severity = Severity::common;
    std::string label; // "Common side effects"
    std::string text;  // the page's sentence after the label
    std::vector<std::string> terms;
    std::vector<WordId> sorted_word_ids; // the folded words of text, sorted
    // Split once at build time, not per keystroke: text's clauses (the runs between , ; :
    // and .) as folded words, each term's folded words, and the clause each term starts in.
    std::vector<std::vector<std::string>> clauses;
    std::vector<std::vector<std::string>> term_words;
    std::vector<std::size_t> term_clause;
    // The same as word ids, for comparing without strings (~0: not a vocabulary word).
    std::vector<std::vector<WordId>> clause_ids;
    std::vector<std::vector<WordId>> term_ids;
};

// Which of this query's words a vocabulary word is a reading of (stamped per query).
struct StampedTokens {
    std::uint32_t stamp = 0;
    TokenMask tokens = 0;
};

struct WordCandidate {
    WordId word = 0;
    float quality = 0;
    bool as_typed = false; // the word itself, not a completion, form or correction of it
};

// What one query word may stand for.
struct TokenMatch {
    std::string text;
    bool optional = false; // a grammar word or a qualifier ("being", "severe")
    std::vector<WordCandidate> candidates;
    bool corrected = false;             // candidates are typo corrections
    bool prefix = false;                // the person may still be typing it
    bool real_word = false;             // a dictionary word the content lacks: never corrected
    bool complaint = false;             // names a symptom or a body part (Guide::complaint_words)
    WordRole role = WordRole::none;     // its role around the complaint (complaint_lexicon.h)
    bool starts_part = false;           // a comma before it: "tired, itchy, rash"
    bool asks_for_side_effects = false; // "side effects" said of a name ("Tagrisso side effects")
    bool compared = false;              // what a comparison compares to: "rocks" of "hard as rocks"
    int idiom_head = -1;                // a word said only with this one ("no" of "no feeling")
};

// A part of the query joined to the rest by "and", "or", "with", … ("tired and dizzy").
// The classes a query names whole (a class, drug, brand or gene change, every word as
// typed), and the words that name them.
struct NamedClasses {
    std::vector<bool> classes; // by class index
    TokenMask tokens = 0;
};

// What a query's results answer, as masks of its words.
struct Coverage {
    std::vector<TokenMask> full; // each full result's words
    std::vector<TokenMask> any;  // each phrase's words, of every entry, partial ones too
    TokenMask typing = 0;        // the last word, still being typed, if it names no complaint
};

struct QuerySegment {
    TokenMask tokens = 0; // its meaningful words
    // Those a full answer must match: the complaint's words ("swollen" of "swollen legs"),
    // or, when the part is only qualifiers ("legs", "red eyes"), all of its known words.
    TokenMask to_cover = 0;
    TokenMask all_words = 0;  // known words and complaints, qualifiers included
    TokenMask qualifiers = 0; // sites, colours and times that narrow nothing
    TokenMask negations = 0;  // "no", "not", "stopped": the complaint may be absent
    std::size_t first = 0;    // first and last token, for showing it as typed
    std::size_t last = 0;
    bool complaint = false; // it names a symptom or a body part
    bool has_heads = false; // to_cover is the complaint's words, qualifiers left out
    // It says where or when of its own ("legs", "at night", "after eating"): then a phrase
    // that names a site it lacks ("back pain" for "pain in legs") is another complaint.
    bool names_a_site = false;
    bool bare = true;                  // no site, colour, time or circumstance of its own
    bool negation_of_function = false; // "can't sleep": a complaint, not an absence
    bool negated = false;              // decided after ranking: the complaint is said to be absent
    bool unlisted = false;             // a complaint no full result answers
    bool other_classes = false;        // listed, but not for the drug or class the query names
    TokenMask unspecific = 0;          // "pain", "sore", "down": that something hurts, not what
};

// Every word from a part's first to its last, as a mask.
inline TokenMask span_mask(const QuerySegment& segment) {
    const TokenMask through_last =
        segment.last >= 31 ? ~TokenMask{0} : (TokenMask{1} << (segment.last + 1)) - 1;
    return segment.first >= 32 ? 0 : through_last & ~((TokenMask{1} << segment.first) - 1);
}

// Words that join two parts of a query: "tired and dizzy", "rash or itching", "rash but no
// itching"; "without" also says the part after it is absent; "no side effects except
// tiredness" ends the absence.
inline bool is_part_joiner(std::string_view word) {
    return word == "and" || word == "or" || word == "with" || word == "plus" || word == "also" ||
           word == "but" || word == "nor" || word == "without" || word == "except" ||
           word == "besides";
}

// The last word of a part as shown: a negation after its complaint included ("the rash
// has cleared up").
inline std::size_t shown_last(const QuerySegment& segment) {
    std::size_t last = segment.last;
    for (std::size_t index = segment.last + 1; index < 32; ++index)
        if ((segment.negations >> index) & 1u) last = index;
    return last;
}

// What best_hit_per_entry needs of the query, found once: the complaint's words (roles that
// say what: none, function, direction) and the words of each part between joiners or commas.
struct QueryShape {
    TokenMask heads = 0;
    TokenMask complaints = 0; // what each part complains of ("numb"), not where ("toes")
    TokenMask compared = 0;   // what a comparison compares to ("sandpaper")
    std::vector<TokenMask> parts;
};

struct PhraseHit {
    TokenMask tokens = 0;
    TokenMask typed = 0; // tokens that matched as typed (WordCandidate::as_typed)
    std::uint32_t positions = 0;
    float quality[search_query_max_words] = {};
};

// An entry's best phrase for this query.
struct EntryHit {
    std::uint32_t phrase = 0;      // which of the entry's phrases
    std::uint32_t positions = 0;   // the phrase's words the query has
    bool opposite = false;         // the phrase has a word opposite to one of the query's
    TokenMask opposite_tokens = 0; // which of the query's words it says the opposite of
    TokenMask content = 0;
    TokenMask optional = 0;
    bool whole_phrase = false; // every word of a phrase of two or more words matched
    bool every_word = false;   // every word of a phrase matched, however many it has
    TokenMask typed = 0;       // content tokens that matched as typed
    double score = 0;
    // Which of an entry's phrases stands for it: the score, and a phrase said whole first
    // ("being sick" over "sick up" for "sick"). Only within an entry: across entries the
    // score ranks, so that a longer word list does not reorder what a prefix shows.
    double choice = 0;
    bool one_word_each = true; // no query word stands for two of the phrase's words
};

struct RankedEntry {
    std::uint32_t entry = 0;
    EntryHit hit;
    bool full = false;
    SearchMatch match = SearchMatch::partial; // full, negated or partial; related later
    std::uint32_t segment = 0;                // the part it is full or negated for
    // "swollen eyelids": the page's term names another part of the body (hands and feet).
    bool site_elsewhere = false;
};

// The clause of a side-effect sentence with the most of the query's words.
struct ClauseMatch {
    std::size_t clause = 0;
    TokenMask tokens = 0;       // the query's words it has
    bool has_rare_word = false; // one of them is not a common word
};

// One of the page's passages (content/page_passages.h), held in memory with the other
// indexes.
struct Passage {
    static constexpr std::uint32_t none = UINT32_MAX;
    std::string target_id; // what to open: a class, drug, section or glossary id
    std::string class_id;  // empty when the passage belongs to no class
    std::string title;
    std::string body;
    std::uint32_t class_index = none; // class_id's index, for filtering
    std::uint32_t sentence = none;    // its side-effect sentence (Data::sentences), if one
    std::uint32_t word_count = 0;     // title and body: the length bm25 weighs
    bool drug = false;                // about a drug: the result opens the drug
};

// A word's occurrences in one passage.
struct PassagePosting {
    std::uint32_t passage = 0;
    std::uint32_t count = 0;
};

// A passage's distinct words and how often each occurs, while building.
using PassageWords = std::vector<std::pair<WordId, std::uint32_t>>;

// One word of the query as the passage step reads it: any of these words (an exact word,
// or every word starting with a prefix) in a passage counts.
struct PassageTerm {
    std::uint32_t token = 0; // which query word
    bool prefix = false;     // then words; else exact, when found
    WordRange words;
    bool found = false;
    WordId exact = 0;
    std::uint32_t passages_with_term = 0;            // for bm25's rarity
    std::uint32_t first_cursor = 0, last_cursor = 0; // its words' PassageScratch::cursors
    WordRange words_of_term() const {
        if (prefix) return words;
        return {&exact, &exact + (found ? 1 : 0)};
    }
};

// A place in a per-search list, valid while stamp is the search's generation.
struct StampedSlot {
    std::uint32_t stamp = 0;
    std::uint32_t slot = 0;
};

// Where matching is in one word's postings.
struct PostingCursor {
    const PassagePosting* at = nullptr;
    const PassagePosting* end = nullptr;
};

// Per-search scratch space of the passage step, sized to the passages once and reused, so
// a keystroke allocates nothing here. Entries are valid only for this search's stamp.
struct PassageScratch {
    std::vector<std::uint32_t> stamp;   // by passage
    std::vector<TokenMask> tokens;      // by passage: the query words it has
    std::vector<std::uint32_t> counts;  // by passage: one term's occurrences
    std::vector<double> score;          // by passage: bm25
    std::vector<std::uint8_t> selected; // by passage: among those ranked
    std::vector<std::uint32_t> touched; // passages with any query word
    std::vector<std::uint32_t> matched; // passages with every query word
    std::vector<PassageTerm> terms;
    std::vector<PostingCursor> cursors;
    std::uint32_t matched_before = 0; // passages from here on were not read
    std::uint32_t generation = 0;
};

// The query after reading: words, and whether the last one is finished.
// Shared by the files that answer a query (search_index.cpp and its steps).
inline constexpr std::size_t typo_candidates_per_word = 8;
inline constexpr std::size_t text_results_max = 20;
inline constexpr std::size_t suggestions_max = 5;

// How good one word's match is; exact beats a form of the word beats a completion beats
// a typo.
inline constexpr float exact_quality = 1.0f;
inline constexpr float inflection_quality = 0.9f;
inline constexpr float typo_quality[3] = {1.0f, 0.6f, 0.4f};
inline constexpr float prefix_typo_quality[3] = {1.0f, 0.5f, 0.35f};

inline bool ends_with(std::string_view text, std::string_view end) {
    return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

// A side-effect card for the same sentence as passage's (one per class and severity): a
// second would say the same.
inline bool same_sentence_card(const SearchResult& shown, const SearchResult& passage) {
    return passage.kind == SearchResultKind::side_effect &&
           shown.kind == SearchResultKind::side_effect && shown.class_ids == passage.class_ids &&
           shown.severity == passage.severity;
}

struct QueryWords {
    std::vector<std::string> words;
    std::vector<bool> starts_part; // by word: a comma or semicolon came before it
    bool last_word_finished = false;
};

// The words of the query that are not grammar, filler, the person or a negation.
inline TokenMask content_mask(const std::vector<TokenMatch>& tokens) {
    TokenMask mask = 0;
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        if (!tokens[index].optional) mask |= TokenMask{1} << index;
    }
    return mask;
}

struct SearchIndex::Data {
    std::vector<std::string> class_ids;
    std::unordered_map<std::string, std::uint32_t> class_index_by_id;
    std::vector<std::string> side_effect_sentences; // label + ": " + text, as shown
    // The folded words of each sentence that an item's snippet must search at query time
    // (longer than a snippet, and not saying the item's title as is), by sentence index.
    std::unordered_map<std::uint32_t, FoldedWords> sentence_words;
    std::vector<SideEffectSentence> sentences; // the same, in parts
    std::unordered_map<std::string, std::uint32_t> sentence_by_class_and_text;
    std::vector<Entry> entries;
    std::vector<Phrase> phrases;
    std::vector<WordId> phrase_words;      // each phrase's distinct words, in order
    std::vector<std::string> phrase_texts; // as written, for "why it was shown"
    std::vector<bool> phrase_is_lay;       // everyday words, not the page's own
    bool adding_lay_words = false;         // while building: the phrases are lay words
    SearchVocabulary vocabulary;
    std::vector<std::vector<Posting>> postings; // by word id, while building
    // Then all in one array, each word's from first_phrase_posting[word] to [word + 1]:
    // a search walks them with no pointer to follow per word.
    std::vector<Posting> phrase_postings;
    std::vector<std::uint32_t> first_phrase_posting;
    std::vector<float> word_weight; // by word id: rarer words weigh more
    std::vector<bool> common_word;  // by word id: in many entries
    std::vector<bool> name_word;    // by word id: only in names of drugs, classes, gene changes
    // The page's misspelled brand names, by word, with the spelling to show instead.
    std::unordered_map<WordId, std::string> corrected_spellings;
    std::unordered_set<WordId> indexed_words; // words of some phrase (not only passages)
    PackedWords dictionary_words;             // real words never to correct
    std::vector<std::string> complaint_words; // sorted
    // The complaint reader's build-time tables (complaint_reader.cpp).
    std::vector<std::int16_t> system_of_entry;  // by entry: index into body_systems(), or -1
    std::vector<std::uint32_t> system_entries;  // the entries that have a body system
    std::vector<std::uint16_t> systems_of_word; // by word id: body systems, one bit each
    std::vector<std::vector<std::string>> page_words_of_entry; // symptom concepts' page words
    std::vector<std::string> page_term_of_entry;               // the first page term, for notes
    std::vector<std::uint8_t> site_regions_of_entry; // regions its page terms name, a bit each
    std::vector<std::string> class_names;            // by class index: "EGFR inhibitors"
    std::vector<int> umbrella_of_entry;              // the wider words covering it, or -1
    std::vector<std::uint32_t> umbrella_entries;     // each wider words' own entry
    std::vector<std::vector<bool>> umbrella_shown;   // by its occurrences: no "severe"
    std::unordered_map<std::string, std::vector<WordId>> words_by_sound; // phonetic key

    // The page's passages, and for each word id the passages that have it (postings of
    // word w are passage_postings[first_passage_posting[w] .. first_passage_posting[w + 1])).
    std::vector<Passage> passages;
    std::vector<std::uint32_t> first_passage_posting;
    std::vector<PassagePosting> passage_postings;
    double average_passage_words = 0;

    // The answers to a query of one letter or digit, by key and limit (answer_first_keys):
    // at most 36 for each limit asked, under the mutex.
    mutable std::map<std::pair<std::size_t, std::size_t>, SearchResponse> first_key_answers;
    void answer_first_keys();

    // One search at a time: the scratch space below is shared.
    mutable std::mutex mutex;
    mutable PassageScratch passage_scratch;
    // Each phrase's place in phrase_hits, valid for this search's generation only. Stamp
    // and slot side by side: one cache line per phrase, however cold the caches are.
    mutable std::vector<StampedSlot> phrase_slots;
    mutable std::vector<PhraseHit> phrase_hits;
    mutable std::vector<std::uint32_t> touched_phrases;
    mutable std::uint32_t generation = 0;
    // Each entry's best phrase, in a flat list: entry_slots says where, for this search's
    // generation only.
    mutable std::vector<StampedSlot> entry_slots;
    // Passages' and side-effect sentences' folded words, made when a snippet first needs them.
    mutable std::vector<std::unique_ptr<FoldedWords>> passage_folds;
    mutable std::vector<std::unique_ptr<FoldedWords>> sentence_folds;
    const FoldedWords& folded_once(std::vector<std::unique_ptr<FoldedWords>>& cache,
                                   std::size_t index, const std::string& text) const;
    // By word id: the query words it is a reading of, for this search's generation only.
    mutable std::vector<StampedTokens> word_tokens;
    mutable std::vector<std::pair<std::uint32_t, EntryHit>> entry_hits;

    // Building (search_index_build.cpp).
    void add_phrase(std::uint32_t entry, std::string_view text);
    void flatten_postings();
    std::uint32_t add_entry(Entry entry) {
        entries.push_back(std::move(entry));
        return static_cast<std::uint32_t>(entries.size() - 1);
    }
    void build(const Guide& guide);
    void build_drugs(const Guide& guide);
    void build_classes_and_gene_changes(const Guide& guide);
    void build_symptoms(const Guide& guide);
    // Passages (search_passages.cpp): read once, words counted, postings by word.
    std::vector<PassageWords> load_passages(const Guide& guide);
    void index_passages(const std::vector<PassageWords>& words_of_passage);
    void weigh_words();
    void add_class_name_words(const std::vector<bool>& symptom_word);
    void index_side_effect_words();
    void place_item_titles();

    void index_complaint_reader(const Guide& guide);

    // Answering (search_index.cpp), in the order the steps run.
    SearchResponse answer(std::string_view query, const SearchOptions& options,
                          bool offer_rewrite) const;
    std::vector<TokenMatch> match_words(const std::vector<std::string>& words,
                                        const SearchOptions& options,
                                        bool last_word_finished) const;
    bool add_inflections(TokenMatch& token) const;
    void add_plural_or_singular(TokenMatch& token) const;
    void add_words_it_also_finds(TokenMatch& token) const;
    void quiet_words_said_of_a_name(std::vector<TokenMatch>& tokens) const;
    std::vector<VocabularyMatch> words_in_reach(const std::u32string& code_points, int typos,
                                                bool as_prefix) const;
    void add_typo_corrections(TokenMatch& token) const;
    bool is_complaint_word(const TokenMatch& token) const;
    void add_sound_alikes(TokenMatch& token) const;
    void add_site_group(TokenMatch& token) const;
    // The complaint reader (complaint_reader.cpp): what the query's parts say.
    // The page's words opposite to each query word, with the query word's position.
    std::vector<std::pair<WordId, std::uint32_t>>
    opposite_word_ids(const std::vector<TokenMatch>& tokens) const;
    TokenMask opposite_tokens_of(std::uint32_t phrase,
                                 const std::vector<std::pair<WordId, std::uint32_t>>& words) const;
    TokenMask unknown_words(const std::vector<TokenMatch>& tokens,
                            const QuerySegment& segment) const;
    void read_complaints(std::vector<QuerySegment>& segments, const std::vector<TokenMatch>& tokens,
                         TokenMask typing) const;
    bool complete_for(const EntryHit& hit, const QuerySegment& segment) const;
    bool is_a_phrase_of_its_own(const QuerySegment& segment) const;
    bool says_what(const EntryHit& hit, const QuerySegment& segment) const;
    bool site_elsewhere(std::uint32_t entry, const EntryHit& hit, const QuerySegment& segment,
                        const std::vector<TokenMatch>& tokens) const;
    bool page_states(std::uint32_t entry, std::string_view word) const;
    TokenMask list_breaks(const std::vector<QuerySegment>& segments,
                          const std::vector<TokenMatch>& tokens) const;
    void keep_to_named_classes(std::vector<QuerySegment>& segments,
                               std::vector<RankedEntry>& ranked,
                               const std::vector<bool>& named_classes,
                               std::vector<std::string>& notes) const;
    void index_umbrella_terms();
    SearchResult occurrence_card(const SideEffectOccurrence& occurrence, SearchMatch match,
                                 bool with_snippet = true) const;
    void append_umbrella_terms(const std::vector<RankedEntry>& ranked,
                               const std::vector<bool>& class_allowed, std::size_t limit,
                               std::vector<SearchResult>& results) const;
    void decide_negation(std::vector<QuerySegment>& segments,
                         std::vector<RankedEntry>& ranked) const;
    void append_related(const std::vector<QuerySegment>& segments,
                        const std::vector<TokenMatch>& tokens,
                        const std::vector<RankedEntry>& ranked,
                        const std::vector<bool>& class_allowed, std::size_t limit,
                        std::vector<SearchResult>& results) const;
    std::uint16_t systems_of_part(const QuerySegment& segment,
                                  const std::vector<TokenMatch>& tokens,
                                  std::uint16_t& named) const;
    void share_the_place(std::vector<QuerySegment>& segments,
                         const std::vector<TokenMatch>& tokens) const;
    bool states_a_site_of(std::uint32_t entry, const QuerySegment& segment,
                          const std::vector<TokenMatch>& tokens) const;
    bool says_the_opposite(std::uint32_t entry, const std::vector<TokenMatch>& tokens) const;
    void append_related_entry(std::uint32_t entry, const QuerySegment& segment, bool opposite,
                              const std::vector<bool>& class_allowed, std::size_t limit,
                              std::vector<SearchResult>& results) const;
    std::vector<std::string> qualifier_notes(const std::vector<QuerySegment>& segments,
                                             const std::vector<RankedEntry>& ranked,
                                             const std::vector<TokenMatch>& tokens) const;
    // named_tokens: words that name a class ("RET inhibitors"): like a drug's name, they
    // narrow the question rather than ask it.
    // breaks: words that start a new part though no "and" or comma is before them
    // ("nausea vomiting": list_breaks).
    std::vector<QuerySegment> segments_of(const std::vector<TokenMatch>& tokens,
                                          TokenMask named_tokens, TokenMask breaks = 0) const;
    void collect_phrase_hits(const std::vector<TokenMatch>& tokens) const;
    const std::vector<std::pair<std::uint32_t, EntryHit>>&
    best_hit_per_entry(const std::vector<TokenMatch>& tokens, TokenMask content_tokens,
                       const std::vector<bool>& class_allowed, bool filtered) const;
    bool spans_parts(TokenMask words, const std::vector<TokenMask>& parts) const;
    bool misses_what_is_compared(TokenMask words, const QueryShape& shape) const;
    bool has_a_joiner(std::uint32_t phrase_index) const;
    EntryHit score_hit(std::uint32_t phrase_index, const PhraseHit& hit, TokenMask heads,
                       TokenMask content_tokens,
                       const std::vector<std::pair<WordId, std::uint32_t>>& opposites,
                       bool query_names_site) const;
    TokenMask word_still_typed(const std::vector<TokenMatch>& tokens) const;
    void mark_full(RankedEntry& item, const std::vector<QuerySegment>& segments,
                   const std::vector<TokenMatch>& tokens, TokenMask typing) const;
    void drop_qualifier_only(const std::vector<QuerySegment>& segments,
                             std::vector<RankedEntry>& ranked) const;
    std::vector<RankedEntry> rank_entries(const std::vector<TokenMatch>& tokens,
                                          const std::vector<QuerySegment>& segments,
                                          std::size_t wanted) const;
    std::vector<std::string> focus_words(const std::vector<TokenMatch>& tokens) const;
    std::vector<const SideEffectOccurrence*>
    occurrences_in_order(const Entry& entry, const std::vector<WordId>& query_ids,
                         const std::vector<bool>& named_classes, std::size_t room) const;
    NamedClasses classes_named() const; // from best_hit_per_entry's entry_hits
    std::vector<bool> classes_allowed(const SearchOptions& options) const;
    std::string item_snippet(const SideEffectOccurrence& occurrence,
                             const std::vector<std::string>& query_words,
                             std::optional<FocusPhrases>& query_phrases) const;
    SearchBecause because_of(const RankedEntry& item, const std::vector<TokenMatch>& tokens,
                             const std::vector<QuerySegment>& segments) const;
    void append_entry_results(const std::vector<RankedEntry>& ranked,
                              const std::vector<TokenMatch>& tokens,
                              const std::vector<QuerySegment>& segments,
                              const std::vector<std::string>& query_words,
                              const std::vector<bool>& class_allowed,
                              const std::vector<bool>& named_classes, std::size_t limit,
                              std::vector<SearchResult>& results) const;
    bool read_passage_terms(const std::vector<TokenMatch>& tokens) const;
    TokenMask mark_passages_before(std::uint32_t window_end) const;
    bool match_passages() const;
    void estimate_prefix_rarity() const;
    void score_passages() const;
    const std::vector<std::uint32_t>& ranked_passages(const std::vector<TokenMatch>& tokens,
                                                      std::size_t count) const;
    // shown: the cards already answered; a sentence that has one gets no snippet, as
    // append_passages drops it.
    std::vector<SearchResult> text_results(const std::vector<TokenMatch>& tokens,
                                           const std::vector<bool>& class_allowed, bool filtered,
                                           std::size_t limit,
                                           const std::vector<SearchResult>& shown) const;
    TokenMask tokens_in(const std::vector<WordId>& ids, const std::vector<std::string>& words,
                        const std::vector<TokenMatch>& tokens) const;
    ClauseMatch best_clause(const SideEffectSentence& sentence,
                            const std::vector<TokenMatch>& tokens) const;
    std::size_t term_of_clause(const SideEffectSentence& sentence, std::size_t clause,
                               const std::vector<TokenMatch>& tokens) const;
    // The card, all but its snippet (text_results adds it when the card can be seen).
    SearchResult side_effect_sentence_result(std::uint32_t sentence_index,
                                             const std::string& title_of_row,
                                             const std::vector<TokenMatch>& tokens) const;
    Coverage coverage_of(const std::vector<RankedEntry>& ranked,
                         const std::vector<SearchResult>& passages,
                         const std::vector<TokenMatch>& tokens) const;
    // names: the words that name a class, drug or gene, never said to be unlisted.
    std::vector<std::string> unlisted_complaints(std::vector<QuerySegment>& segments,
                                                 const Coverage& coverage,
                                                 const std::vector<std::string>& words,
                                                 TokenMask names) const;
    std::vector<std::string> corrections_of(const std::vector<TokenMatch>& tokens) const;
    void label_passages(std::vector<SearchResult>& passages, const std::vector<TokenMatch>& tokens,
                        const std::vector<QuerySegment>& segments) const;
    void finish_response(const std::vector<TokenMatch>& tokens,
                         const std::vector<QuerySegment>& segments,
                         const std::vector<RankedEntry>& ranked,
                         const std::vector<std::string>& words, SearchResponse& response) const;
    std::string rewrite_suggestion(const std::vector<TokenMatch>& tokens,
                                   const SearchOptions& options) const;
    std::vector<std::string> suggestions_for(const std::vector<TokenMatch>& tokens) const;
};

} // namespace lungguide
