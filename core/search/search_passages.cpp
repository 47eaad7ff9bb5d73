// The passage step: the page's passages, held in memory with the other indexes, found by
// their words and ranked by bm25, with no SQL per keystroke.
//
// It answers as the pack's FTS5 query did (see docs/search.md): every meaningful query
// word must be in the passage, as typed or as one of the words it was read as; the word
// being typed matches as a prefix from three letters on; of the matching passages, the
// first passages_ranked_max in page order are ranked by FTS5's own bm25 (k1 1.2, b 0.75,
// one phrase per alternative), ties in page order.
#include "content/page_passages.h"
#include "search/search_index_data.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace lungguide {

namespace {

// Matches beyond this many (in page order) are not ranked: a common word on a huge pack
// costs the same as on the shipped one. The shipped pack has fewer passages than this.
constexpr std::size_t passages_ranked_max = 400;

// bm25's constants, FTS5's defaults.
constexpr double bm25_k1 = 1.2;
constexpr double bm25_b = 0.75;

// Passages are matched this many at a time, in page order, so that matching stops once
// there are enough to rank (the shipped pack fits in one window).
constexpr std::uint32_t passage_window = 4096;

// A word being typed matches as a prefix only from this many letters on: shorter ones
// would match half the page.
constexpr std::size_t passage_prefix_min_bytes = 3;

// How many more words FTS5's unicode61 counted in a text than search does: it split
// "don’t" and "it's" in two, search keeps them whole. So bm25 weighs lengths as before the
// pack's FTS5 index was dropped.
std::uint32_t apostrophes_inside_words(const std::string& text) {
    static constexpr std::string_view right_quote = "\xE2\x80\x99";
    auto in_word = [&](std::size_t at) {
        const unsigned char c = static_cast<unsigned char>(text[at]);
        return c >= 0x80 || std::isalnum(c);
    };
    std::uint32_t count = 0;
    for (std::size_t at = 1; at < text.size(); ++at) {
        const std::size_t length = text[at] == '\'' ? 1
                                   : text.compare(at, right_quote.size(), right_quote) == 0
                                       ? right_quote.size()
                                       : 0;
        if (length == 0 || at + length >= text.size()) continue;
        if (in_word(at - 1) && in_word(at + length)) ++count;
    }
    return count;
}

PassageWords count_words(const std::vector<WordId>& words) {
    std::vector<WordId> sorted = words;
    std::sort(sorted.begin(), sorted.end());
    PassageWords counted;
    for (WordId word : sorted) {
        if (!counted.empty() && counted.back().first == word) {
            ++counted.back().second;
        } else {
            counted.emplace_back(word, 1);
        }
    }
    return counted;
}

} // namespace

std::vector<PassageWords> SearchIndex::Data::load_passages(const Guide& guide) {
    std::vector<PassageWords> words_of_passage;
    std::vector<WordId> words;
    for (PagePassage& page_passage : page_passages(guide)) {
        Passage passage;
        passage.drug = page_passage.kind == "drug";
        auto found = class_index_by_id.find(page_passage.class_id);
        if (found != class_index_by_id.end()) passage.class_index = found->second;
        auto sentence =
            sentence_by_class_and_text.find(page_passage.class_id + "\n" + page_passage.body);
        if (page_passage.kind == "side_effects" && sentence != sentence_by_class_and_text.end())
            passage.sentence = sentence->second;
        passage.target_id = std::move(page_passage.target_id);
        passage.class_id = std::move(page_passage.class_id);
        passage.title = std::move(page_passage.title);
        passage.body = std::move(page_passage.body);
        // Words of the passages join the vocabulary, so their typos can be corrected too.
        words.clear();
        for (const std::string* text : {&passage.title, &passage.body}) {
            for (const std::string& word : split_search_words(*text))
                words.push_back(vocabulary.add(word));
        }
        passage.word_count = static_cast<std::uint32_t>(words.size()) +
                             apostrophes_inside_words(passage.title) +
                             apostrophes_inside_words(passage.body);
        words_of_passage.push_back(count_words(words));
        passages.push_back(std::move(passage));
    }
    return words_of_passage;
}

// The postings of every word, passages in page order, in one array.
void SearchIndex::Data::index_passages(const std::vector<PassageWords>& words_of_passage) {
    first_passage_posting.assign(vocabulary.size() + 1, 0);
    std::uint64_t total_words = 0;
    for (std::size_t passage = 0; passage < words_of_passage.size(); ++passage) {
        for (const auto& [word, count] : words_of_passage[passage])
            ++first_passage_posting[word + 1];
        total_words += passages[passage].word_count;
    }
    for (std::size_t word = 0; word < vocabulary.size(); ++word)
        first_passage_posting[word + 1] += first_passage_posting[word];
    passage_postings.resize(first_passage_posting.back());
    std::vector<std::uint32_t> next(first_passage_posting.begin(), first_passage_posting.end() - 1);
    for (std::size_t passage = 0; passage < words_of_passage.size(); ++passage) {
        for (const auto& [word, count] : words_of_passage[passage])
            passage_postings[next[word]++] = {static_cast<std::uint32_t>(passage), count};
    }
    average_passage_words =
        passages.empty() ? 0.0 : static_cast<double>(total_words) / passages.size();
    PassageScratch& scratch = passage_scratch;
    scratch.stamp.assign(passages.size(), 0);
    scratch.tokens.assign(passages.size(), 0);
    scratch.counts.assign(passages.size(), 0);
    scratch.score.assign(passages.size(), 0.0);
    scratch.selected.assign(passages.size(), 0);
}

// What each meaningful query word may be in a passage: the word as typed (a prefix while
// it is typed, unless corrected) and, when it is finished or corrected, each word it was
// read as. False when there is nothing to look for.
bool SearchIndex::Data::read_passage_terms(const std::vector<TokenMatch>& tokens) const {
    std::vector<PassageTerm>& terms = passage_scratch.terms;
    terms.clear();
    auto add_exact = [&](std::uint32_t index, const std::string& text) {
        PassageTerm term;
        term.token = index;
        term.found = vocabulary.find(text, term.exact);
        terms.push_back(term);
    };
    for (std::uint32_t index = 0; index < tokens.size(); ++index) {
        const TokenMatch& token = tokens[index];
        if (token.optional) continue;
        if (!token.corrected && token.prefix && token.text.size() >= passage_prefix_min_bytes) {
            PassageTerm term;
            term.token = index;
            term.prefix = true;
            term.words = vocabulary.words_with_prefix(token.text);
            terms.push_back(term);
            continue; // the prefix has every word the typed word was read as
        }
        if (!token.corrected && !token.text.empty()) add_exact(index, token.text);
        for (const WordCandidate& candidate : token.candidates) {
            if (token.corrected || !token.prefix) add_exact(index, vocabulary.text(candidate.word));
        }
    }
    return !terms.empty();
}

// Marks each passage of the next window of pages with the query words it has, moving
// each word's cursor through its postings; returns the words every match needs.
TokenMask SearchIndex::Data::mark_passages_before(std::uint32_t window_end) const {
    PassageScratch& scratch = passage_scratch;
    if (++scratch.generation == 0) {
        std::fill(scratch.stamp.begin(), scratch.stamp.end(), 0);
        scratch.generation = 1;
    }
    scratch.touched.clear();
    TokenMask wanted = 0;
    for (PassageTerm& term : scratch.terms) {
        const TokenMask bit = TokenMask{1} << term.token;
        wanted |= bit;
        for (std::uint32_t index = term.first_cursor; index < term.last_cursor; ++index) {
            PostingCursor& cursor = scratch.cursors[index];
            for (; cursor.at != cursor.end && cursor.at->passage < window_end; ++cursor.at) {
                const std::uint32_t passage = cursor.at->passage;
                if (scratch.stamp[passage] != scratch.generation) {
                    scratch.stamp[passage] = scratch.generation;
                    scratch.tokens[passage] = 0;
                    scratch.touched.push_back(passage);
                }
                // A prefix is its word's only term: the passages it newly marks are those
                // with the prefix.
                if (term.prefix && !(scratch.tokens[passage] & bit)) ++term.passages_with_term;
                scratch.tokens[passage] |= bit;
            }
        }
    }
    return wanted;
}

// The passages with every query word, window by window in page order, until there are
// enough to rank; true when every window was read.
bool SearchIndex::Data::match_passages() const {
    PassageScratch& scratch = passage_scratch;
    scratch.cursors.clear();
    for (PassageTerm& term : scratch.terms) {
        term.first_cursor = static_cast<std::uint32_t>(scratch.cursors.size());
        for (WordId word : term.words_of_term()) {
            const PassagePosting* first = passage_postings.data() + first_passage_posting[word];
            const PassagePosting* end = passage_postings.data() + first_passage_posting[word + 1];
            scratch.cursors.push_back({first, end});
            if (!term.prefix) term.passages_with_term = static_cast<std::uint32_t>(end - first);
        }
        term.last_cursor = static_cast<std::uint32_t>(scratch.cursors.size());
    }
    const std::uint32_t passage_count = static_cast<std::uint32_t>(passages.size());
    std::uint32_t window_end = 0;
    while (window_end < passage_count && scratch.matched.size() < passages_ranked_max) {
        window_end = std::min(passage_count, window_end + passage_window);
        const TokenMask wanted = mark_passages_before(window_end);
        for (std::uint32_t passage : scratch.touched) {
            if (scratch.tokens[passage] == wanted) scratch.matched.push_back(passage);
        }
    }
    scratch.matched_before = window_end;
    return window_end == passage_count;
}

// When matching stopped early, a prefix's passages were not all counted: the sum of its
// words' counts stands in (exact when they never share a passage, and never too low).
void SearchIndex::Data::estimate_prefix_rarity() const {
    for (PassageTerm& term : passage_scratch.terms) {
        if (!term.prefix) continue;
        std::size_t sum = 0;
        for (WordId word : term.words_of_term())
            sum += first_passage_posting[word + 1] - first_passage_posting[word];
        term.passages_with_term = static_cast<std::uint32_t>(std::min(sum, passages.size()));
    }
}

// bm25 of each selected passage, summed over the terms (FTS5's formula: rarity times
// saturated frequency, normalised by the passage's length).
void SearchIndex::Data::score_passages() const {
    PassageScratch& scratch = passage_scratch;
    const double passage_count = static_cast<double>(passages.size());
    for (const PassageTerm& term : scratch.terms) {
        // Every selected passage lies before the windows not read.
        for (WordId word : term.words_of_term()) {
            const PassagePosting* posting = passage_postings.data() + first_passage_posting[word];
            const PassagePosting* end = passage_postings.data() + first_passage_posting[word + 1];
            for (; posting != end && posting->passage < scratch.matched_before; ++posting) {
                if (scratch.selected[posting->passage])
                    scratch.counts[posting->passage] += posting->count;
            }
        }
        const double with_term = term.passages_with_term;
        double rarity = std::log((passage_count - with_term + 0.5) / (with_term + 0.5));
        if (rarity <= 0.0) rarity = 1e-6;
        for (std::uint32_t passage : scratch.matched) {
            const double count = scratch.counts[passage];
            if (count == 0) continue;
            scratch.counts[passage] = 0;
            const double length = passages[passage].word_count / average_passage_words;
            scratch.score[passage] += rarity * count * (bm25_k1 + 1.0) /
                                      (count + bm25_k1 * (1.0 - bm25_b + bm25_b * length));
        }
    }
}

// The best `count` passages with every meaningful query word, best first.
const std::vector<std::uint32_t>&
SearchIndex::Data::ranked_passages(const std::vector<TokenMatch>& tokens, std::size_t count) const {
    PassageScratch& scratch = passage_scratch;
    scratch.matched.clear();
    if (passages.empty() || count == 0 || !read_passage_terms(tokens)) return scratch.matched;
    if (!match_passages()) estimate_prefix_rarity();
    // The first matches in page order are ranked, as FTS5 yields them.
    if (scratch.matched.size() > passages_ranked_max) {
        std::nth_element(scratch.matched.begin(), scratch.matched.begin() + passages_ranked_max,
                         scratch.matched.end());
        scratch.matched.resize(passages_ranked_max);
    }
    for (std::uint32_t passage : scratch.matched) {
        scratch.selected[passage] = 1;
        scratch.score[passage] = 0.0;
    }
    score_passages();
    auto better = [&](std::uint32_t a, std::uint32_t b) {
        if (scratch.score[a] != scratch.score[b]) return scratch.score[a] > scratch.score[b];
        return a < b;
    };
    const std::size_t kept = std::min(count, scratch.matched.size());
    std::partial_sort(scratch.matched.begin(), scratch.matched.begin() + kept,
                      scratch.matched.end(), better);
    for (std::uint32_t passage : scratch.matched)
        scratch.selected[passage] = 0;
    scratch.matched.resize(kept);
    return scratch.matched;
}

} // namespace lungguide
