// What each word of a query may stand for (step 2 of answering, search_index.cpp): the word
// as typed, as a prefix while it is typed, another form of it, a typo's corrections, a word
// that sounds alike; and whether it names a complaint.
#include "search/search_index_data.h"
#include "search/word_lists.h"

#include "search/complaint_idioms.h"

#include <algorithm>
#include <iterator>

namespace lungguide {

namespace {

// Words that say nothing of the complaint itself: grammar, negation, filler, the person.
bool is_optional_word(std::string_view word, WordRole role) {
    return is_search_stop_word(word) || role == WordRole::negation || role == WordRole::filler ||
           role == WordRole::person;
}

// One meaning, many spellings: "cannot", "unable to", "not able to", "couldn't" are all
// the "can't" of the page's and the people's phrases ("can't poo", "can't sleep").
std::string canonical_inability(const std::vector<std::string>& words, std::size_t index) {
    const std::string& word = words[index];
    if (word == "cannot" || word == "unable" || word == "couldnt") return "cant";
    const bool before_able = index + 1 < words.size() && words[index + 1] == "able";
    if ((word == "not" || word == "never") && before_able) return "cant";
    return word;
}

// "one eye", "upper right of my tummy", "one side of my face": the words up to a site say
// which part of it, past other such words, "of" and the person's.
bool names_part_of_a_site(const std::vector<std::string>& words, std::size_t index) {
    for (std::size_t next = index + 1; next < words.size() && next <= index + 4; ++next) {
        const WordRole role = complaint_word_role(words[next]);
        if (role == WordRole::site) return true;
        if (!is_side_of_site(words[next]) && role != WordRole::person && words[next] != "of" &&
            words[next] != "the")
            return false;
    }
    return false;
}

// "side effects", "side-effect", "adverse effects": what a person asks of a drug or class they
// name ("Tagrisso side effects"), not a complaint or a place ("side" of "pain in my side").
bool in_side_effects(const std::vector<std::string>& words, std::size_t index) {
    static const std::vector<std::vector<std::string_view>>& said = word_list_lines("side-effects");
    static const WordSet which("which-side-effects");
    auto on_line = [&](std::size_t line, const std::string& word) {
        return said.size() > line &&
               std::find(said[line].begin(), said[line].end(), word) != said[line].end();
    };
    std::size_t next = index;
    while (next < words.size() && which.contains(words[next]))
        ++next; // "common" counts only before "side effects"
    if (next < words.size() && on_line(0, words[next]))
        return next + 1 < words.size() && on_line(1, words[next + 1]);
    return next == index && on_line(1, words[index]) && index > 0 && on_line(0, words[index - 1]);
}

} // namespace

// ---- step 2: what each word may stand for ---------------------------------------------

std::vector<TokenMatch> SearchIndex::Data::match_words(const std::vector<std::string>& words,
                                                       const SearchOptions& options,
                                                       bool last_word_finished) const {
    std::vector<TokenMatch> tokens;
    const bool all_stop_words =
        std::all_of(words.begin(), words.end(), [](const std::string& word) {
            return is_optional_word(word, complaint_word_role(word));
        });
    std::vector<std::string> canonical(words.size());
    for (std::size_t index = 0; index < words.size(); ++index)
        canonical[index] = canonical_inability(words, index);
    const IdiomReading idioms = read_idioms(std::move(canonical));
    for (std::size_t index = 0; index < words.size(); ++index) {
        TokenMatch token;
        token.text = idioms.words[index];
        token.role = idioms.quiet[index] ? WordRole::filler : complaint_word_role(token.text);
        token.compared = idioms.compared[index];
        token.idiom_head = idioms.head[index];
        if (idioms.quiet[index]) { // said with its idiom's word: shown with it, never looked up
            tokens.push_back(std::move(token));
            continue;
        }
        // "no more nosebleeds", "no longer hungry", "cleared up": still the negation.
        if (index > 0 && tokens.back().role == WordRole::negation &&
            (token.text == "more" || token.text == "longer" ||
             (token.text == "up" && tokens.back().text == "cleared")))
            token.role = WordRole::negation;
        // "lower back", "left leg": which side of the site narrows nothing, and is not said.
        if (is_side_of_site(token.text) && names_part_of_a_site(words, index))
            token.role = WordRole::intensity;
        token.optional = !all_stop_words && is_optional_word(token.text, token.role);
        token.prefix = index + 1 == words.size() && !last_word_finished;
        // Grammar words ("and", "the", "my") would match half the phrases and decide
        // nothing; only qualifiers such as "being" or "feeling", and negations ("no
        // appetite" is a complaint, "no rash" is not), are looked up.
        // Something the body does is looked up too: "can't keep food down".
        if (token.optional && !is_search_qualifier_word(token.text) &&
            token.role != WordRole::negation && token.role != WordRole::function) {
            tokens.push_back(std::move(token));
            continue;
        }
        WordId exact = 0;
        if (vocabulary.find(token.text, exact)) {
            token.candidates.push_back({exact, exact_quality, true});
            add_plural_or_singular(token); // "mutation" is also "mutations"
        }
        add_words_it_also_finds(token);
        if (token.prefix) {
            const std::size_t typed_length = token.text.size();
            const std::size_t most =
                typed_length <= 2 ? options.short_prefix_completions : options.prefix_completions;
            for (WordId word : vocabulary.words_starting_with(token.text, most)) {
                // The closer the completion, the likelier it is the word meant.
                const float closeness =
                    static_cast<float>(typed_length) / vocabulary.text(word).size();
                token.candidates.push_back({word, 0.7f + 0.25f * closeness});
            }
        }
        if (token.candidates.empty()) add_inflections(token);
        if (token.candidates.empty() && !token.optional && !contains_digit(token.text)) {
            // A real word is never rewritten into another word: "black" is not "back".
            token.real_word = dictionary_words.contains(token.text);
            if (!token.real_word) add_typo_corrections(token);
            if (!token.real_word && token.candidates.empty()) add_sound_alikes(token);
        }
        if (token.role == WordRole::site) add_site_group(token);
        token.complaint = !token.optional && is_complaint_word(token);
        tokens.push_back(std::move(token));
    }
    quiet_words_said_of_a_name(tokens);
    return tokens;
}

// "EGFR positive", "ROS1 fusion lung cancer": beside a gene's, drug's or class's name these
// words say more of the name. Looked up, "positive" would find ALK's page ("ALK-positive")
// and "lung cancer" the lung side effects: another answer than the name asked for.
void SearchIndex::Data::quiet_words_said_of_a_name(std::vector<TokenMatch>& tokens) const {
    const bool named = std::any_of(tokens.begin(), tokens.end(), [&](const TokenMatch& token) {
        // A name misspelt counts ("Alecenza side effects"): read as a name, it is one.
        return !token.candidates.empty() &&
               (token.candidates.front().as_typed || token.corrected) &&
               name_word[token.candidates.front().word] && !is_said_of_a_name(token.text);
    });
    if (!named) return;
    std::vector<std::string> read_as; // "efects" read as "effects"
    for (const TokenMatch& token : tokens)
        read_as.push_back(token.corrected && !token.candidates.empty()
                              ? vocabulary.text(token.candidates.front().word)
                              : token.text);
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        TokenMatch& token = tokens[index];
        const bool of_the_cancer = token.text == "lung" && index + 1 < tokens.size() &&
                                   is_said_of_a_name(tokens[index + 1].text);
        token.asks_for_side_effects = in_side_effects(read_as, index);
        if (!is_said_of_a_name(token.text) && !of_the_cancer && !token.asks_for_side_effects)
            continue;
        token.optional = true; // still looked up: "NTRK fusion" is a name said whole
        token.complaint = false;
        token.real_word = false;
        token.role = WordRole::filler;
    }
}

// Other forms of the same word that the content has: "vomits" → "vomit", "vomiting";
// "tiring" → "tired"; "rashes" → "rash". Not a correction: the word is the same.
bool SearchIndex::Data::add_inflections(TokenMatch& token) const {
    // Not a lone "d": "tird" → "tired" would be a typo correction in disguise.
    static constexpr std::string_view endings[] = {"ing", "es", "ed", "s", "ly", "y"};
    static constexpr std::string_view forms[] = {"", "e", "s", "es", "ed", "d", "ing", "y"};
    const std::string& text = token.text;
    bool added = false;
    for (std::string_view ending : endings) {
        const std::string stem = ending.empty() || !ends_with(text, ending)
                                     ? text
                                     : text.substr(0, text.size() - ending.size());
        if (stem.size() < 3 || stem == text) continue;
        for (std::string_view form : forms) {
            const std::string candidate = stem + std::string(form);
            WordId word = 0;
            if (candidate == text || !vocabulary.find(candidate, word)) continue;
            const bool listed = std::any_of(token.candidates.begin(), token.candidates.end(),
                                            [&](const WordCandidate& c) { return c.word == word; });
            if (!listed) token.candidates.push_back({word, inflection_quality});
            added = true;
        }
    }
    // And the other way: "nail" → "nails", "hand" → "hands".
    for (std::string_view form : {std::string_view("s"), std::string_view("es")}) {
        WordId word = 0;
        if (text.size() >= 3 && vocabulary.find(text + std::string(form), word)) {
            token.candidates.push_back({word, inflection_quality});
            added = true;
        }
    }
    return added;
}

// Words within typo reach, closest first: one slip from any word; two from the words of
// names and symptoms (issue 20: "diahrea"), or from any word of nine letters or more.
// Two slips from every word of the page's text would reach far more real words, which the
// pack must then store to keep them from being rewritten.
std::vector<VocabularyMatch> SearchIndex::Data::words_in_reach(const std::u32string& code_points,
                                                               int typos, bool as_prefix) const {
    const bool long_word = code_points.size() >= 9;
    // A word still being typed keeps the old reach: one slip below nine letters.
    if (as_prefix && !long_word) typos = std::min(typos, 1);
    std::vector<VocabularyMatch> matches =
        vocabulary.words_near(code_points, typos, as_prefix, 2 * typo_candidates_per_word);
    matches.erase(std::remove_if(matches.begin(), matches.end(),
                                 [&](const VocabularyMatch& match) {
                                     // Two slips: never in the first letter, which people
                                     // rarely get wrong ("diahrea", not "fiahrea").
                                     return match.distance >= 2 && !long_word &&
                                            (!indexed_words.count(match.word) ||
                                             vocabulary.text(match.word).size() < 6 ||
                                             vocabulary.text(match.word).front() !=
                                                 static_cast<char>(code_points.front()));
                                 }),
                  matches.end());
    if (matches.size() > typo_candidates_per_word) matches.resize(typo_candidates_per_word);
    return matches;
}

// The other number of a word the page also has: "mutation" and "mutations".
void SearchIndex::Data::add_plural_or_singular(TokenMatch& token) const {
    const std::string& text = token.text;
    if (text.size() < 4) return;
    const std::string other = text.back() == 's' ? text.substr(0, text.size() - 1) : text + "s";
    // Only a name's word ("HER2 (ERBB2) mutations"): "blood" is not "bloods" (blood tests).
    WordId word = 0;
    const bool name = word < name_word.size() && vocabulary.find(other, word) && name_word[word];
    // And something the body does: "everything tastes like cardboard" is "taste".
    // A complaint said in the plural: "wounds won't heal" is "wound" ("blood" still never
    // "bloods").
    // Only a word a body system names ("wounds", "cuts"), not "runs" (the runs) or "bloods".
    const bool plural_complaint =
        text.back() == 's' && token.role == WordRole::none &&
        std::any_of(body_systems().begin(), body_systems().end(), [&](const BodySystem& system) {
            return std::find(system.words.begin(), system.words.end(), text) != system.words.end();
        });
    if (vocabulary.find(other, word) && (name || token.role == WordRole::site || plural_complaint ||
                                         complaint_word_role(other) == WordRole::function))
        token.candidates.push_back({word, inflection_quality});
}

// The page's words a query word also finds, as word_lists.txt's "also-finds" list pairs
// them: "loo" finds "toilet", "never" finds "not" and "no".
void SearchIndex::Data::add_words_it_also_finds(TokenMatch& token) const {
    static const std::vector<std::vector<std::string_view>> table = [] {
        std::vector<std::vector<std::string_view>> lines = word_list_lines("also-finds");
        std::stable_sort(lines.begin(), lines.end(),
                         [](const auto& a, const auto& b) { return a.front() < b.front(); });
        return lines;
    }();
    auto line = std::lower_bound(table.begin(), table.end(), token.text,
                                 [](const std::vector<std::string_view>& entry,
                                    const std::string& word) { return entry.front() < word; });
    if (line == table.end() || line->front() != token.text) return;
    for (auto word = line->begin() + 1; word != line->end(); ++word) {
        WordId id = 0;
        if (vocabulary.find(*word, id)) token.candidates.push_back({id, exact_quality});
    }
}

void SearchIndex::Data::add_typo_corrections(TokenMatch& token) const {
    const std::u32string code_points = decode_utf8(token.text);
    const int typos = allowed_typos(code_points.size());
    if (typos == 0) return;
    // Only the closest spellings are kept: "nausia" means "nausea", and a word two slips
    // away would only add noise.
    const std::vector<VocabularyMatch> whole_words = words_in_reach(code_points, typos, false);
    // While typing, "diarhe" is one slip from the start of "diarrhea".
    const std::vector<VocabularyMatch> word_starts =
        token.prefix ? words_in_reach(code_points, typos, true) : std::vector<VocabularyMatch>{};
    int closest = typos + 1;
    if (!whole_words.empty()) closest = whole_words.front().distance;
    if (!word_starts.empty()) closest = std::min(closest, word_starts.front().distance);
    for (const VocabularyMatch& match : whole_words) {
        if (match.distance == closest) {
            token.candidates.push_back({match.word, typo_quality[match.distance]});
        }
    }
    for (const VocabularyMatch& match : word_starts) {
        const bool listed = std::any_of(
            token.candidates.begin(), token.candidates.end(),
            [&](const WordCandidate& candidate) { return candidate.word == match.word; });
        if (match.distance == closest && !listed) {
            token.candidates.push_back({match.word, prefix_typo_quality[match.distance]});
        }
    }
    token.corrected = !token.candidates.empty();
}

// Whether the word names a symptom or a body part: in the complaint list as typed, as
// another form ("ulcers" → "ulcer"), or, while still being typed, as its start.
bool SearchIndex::Data::is_complaint_word(const TokenMatch& token) const {
    auto listed = [&](const std::string& word) {
        return std::binary_search(complaint_words.begin(), complaint_words.end(), word);
    };
    const std::string& text = token.text;
    if (listed(text)) return true;
    for (std::string_view ending : {"s", "es", "ing", "ed", "y", "ness"}) {
        if (ends_with(text, ending) && text.size() > ending.size() + 2 &&
            listed(text.substr(0, text.size() - ending.size()))) {
            return true;
        }
    }
    // While typing, the start of one ("lighth…"), unless it is already a word ("light").
    const bool a_word =
        std::any_of(token.candidates.begin(), token.candidates.end(),
                    [](const WordCandidate& candidate) { return candidate.as_typed; });
    if (token.prefix && text.size() >= 3 && !a_word) {
        auto first = std::lower_bound(complaint_words.begin(), complaint_words.end(), text);
        return first != complaint_words.end() && first->compare(0, text.size(), text) == 0;
    }
    return false;
}

} // namespace lungguide
