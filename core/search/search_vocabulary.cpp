#include "search/search_vocabulary.h"

#include "common/bit_count.h"
#include "common/edit_distance.h"
#include "common/utf8.h"
#include "search/search_text.h"

#include <algorithm>

namespace lungguide {

namespace {
constexpr std::size_t short_prefix_bytes = 2;
} // namespace

int allowed_typos(std::size_t code_point_count) {
    // Issue 20: two slips (a swap counts as one) from six letters on: "diahrea".
    if (code_point_count >= 6) return 2;
    if (code_point_count >= 5) return 1;
    return 0;
}

std::uint32_t letter_set_of(std::u32string_view code_points) {
    std::uint32_t set = 0;
    for (char32_t code_point : code_points) {
        if (code_point >= U'a' && code_point <= U'z') {
            set |= 1u << (code_point - U'a');
        } else {
            set |= 1u << (26 + code_point % 6);
        }
    }
    return set;
}

WordId SearchVocabulary::add(std::string_view folded_word) {
    auto found = ids_.find(std::string(folded_word));
    if (found != ids_.end()) {
        ++words_[found->second].frequency;
        return found->second;
    }
    const WordId id = static_cast<WordId>(words_.size());
    Word word;
    word.text = std::string(folded_word);
    word.code_points = decode_utf8(folded_word);
    word.letter_set = letter_set_of(word.code_points);
    word.frequency = 1;
    word.has_digit = contains_digit(folded_word);
    words_.push_back(std::move(word));
    ids_.emplace(words_.back().text, id);
    finished_ = false;
    return id;
}

void SearchVocabulary::finish() {
    sorted_.resize(words_.size());
    for (WordId id = 0; id < words_.size(); ++id)
        sorted_[id] = id;
    std::sort(sorted_.begin(), sorted_.end(),
              [&](WordId a, WordId b) { return words_[a].text < words_[b].text; });
    by_length_.clear();
    for (WordId id = 0; id < words_.size(); ++id) {
        const Word& word = words_[id];
        if (word.has_digit) continue; // codes such as "g12c" are matched exactly only
        const std::size_t length = word.code_points.size();
        if (by_length_.size() <= length) by_length_.resize(length + 1);
        by_length_[length].push_back(id);
    }
    short_prefix_completions_.clear();
    for (WordId id : sorted_) {
        const std::string& text = words_[id].text;
        for (std::size_t length = 1; length <= short_prefix_bytes && length < text.size(); ++length)
            short_prefix_completions_[text.substr(0, length)].push_back(id);
    }
    for (auto& [prefix, completions] : short_prefix_completions_)
        std::sort(completions.begin(), completions.end(),
                  [&](WordId a, WordId b) { return better_completion(a, b); });
    finished_ = true;
}

// The closest completions are the likeliest: "nau" means "nausea" before "nauseated".
bool SearchVocabulary::better_completion(WordId a, WordId b) const {
    if (words_[a].text.size() != words_[b].text.size())
        return words_[a].text.size() < words_[b].text.size();
    if (words_[a].frequency != words_[b].frequency)
        return words_[a].frequency > words_[b].frequency;
    return words_[a].text < words_[b].text;
}

bool SearchVocabulary::find(std::string_view folded_word, WordId& word) const {
    auto found = ids_.find(std::string(folded_word));
    if (found == ids_.end()) return false;
    word = found->second;
    return true;
}

std::vector<WordId> SearchVocabulary::words_starting_with(std::string_view prefix,
                                                          std::size_t max_count) const {
    std::vector<WordId> matches;
    if (!finished_ || prefix.empty() || max_count == 0) return matches;
    if (prefix.size() <= short_prefix_bytes) {
        auto found = short_prefix_completions_.find(std::string(prefix));
        if (found == short_prefix_completions_.end()) return matches;
        const std::vector<WordId>& best_first = found->second;
        matches.assign(best_first.begin(),
                       best_first.begin() +
                           static_cast<std::ptrdiff_t>(std::min(max_count, best_first.size())));
        return matches;
    }
    auto first = std::lower_bound(sorted_.begin(), sorted_.end(), prefix,
                                  [&](WordId id, std::string_view value) {
                                      return std::string_view(words_[id].text) < value;
                                  });
    for (auto it = first; it != sorted_.end(); ++it) {
        const std::string& text = words_[*it].text;
        if (text.compare(0, prefix.size(), prefix) != 0) break;
        if (text.size() > prefix.size()) matches.push_back(*it);
    }
    auto better = [&](WordId a, WordId b) { return better_completion(a, b); };
    if (matches.size() > max_count) {
        std::partial_sort(matches.begin(), matches.begin() + max_count, matches.end(), better);
        matches.resize(max_count);
    } else {
        std::sort(matches.begin(), matches.end(), better);
    }
    return matches;
}

WordRange SearchVocabulary::words_with_prefix(std::string_view prefix) const {
    if (!finished_ || prefix.empty()) return {};
    auto text_of = [&](WordId id) { return std::string_view(words_[id].text); };
    const WordId* first =
        std::lower_bound(sorted_.data(), sorted_.data() + sorted_.size(), prefix,
                         [&](WordId id, std::string_view value) { return text_of(id) < value; });
    // After the words below the prefix, those that start with it come in one run.
    const WordId* last =
        std::partition_point(first, sorted_.data() + sorted_.size(), [&](WordId id) {
            return text_of(id).substr(0, prefix.size()) == prefix;
        });
    return {first, last};
}

std::vector<VocabularyMatch> SearchVocabulary::words_near(std::u32string_view typed,
                                                          int max_distance, bool as_prefix,
                                                          std::size_t max_count) const {
    std::vector<VocabularyMatch> matches;
    if (!finished_ || max_distance <= 0 || typed.empty() || max_count == 0) return matches;
    const std::uint32_t typed_set = letter_set_of(typed);
    const std::size_t typed_length = typed.size();
    int best_found = max_distance;
    auto consider = [&](WordId id) {
        const Word& word = words_[id];
        if (word.has_digit) return; // codes such as "g12c" are matched exactly only
        // Each edit adds or removes at most one letter from the set of letters, so a
        // word whose letters differ too much cannot be close. A prefix may lack the
        // word's later letters, so only the typed letters missing from it count then.
        const std::uint32_t differing =
            as_prefix ? (typed_set & ~word.letter_set) : (typed_set ^ word.letter_set);
        const auto differing_count = static_cast<std::size_t>(popcount(differing));
        if (differing_count > static_cast<std::size_t>(as_prefix ? best_found : 2 * best_found)) {
            return;
        }
        const int distance = as_prefix
                                 ? bounded_prefix_edit_distance(typed, word.code_points, best_found)
                                 : bounded_edit_distance(typed, word.code_points, best_found);
        if (distance == 0 || distance > best_found) return;
        // Only the closest words are kept: a nearer word makes farther ones moot.
        if (distance < best_found) {
            best_found = distance;
            matches.erase(std::remove_if(matches.begin(), matches.end(),
                                         [&](const VocabularyMatch& match) {
                                             return match.distance > distance;
                                         }),
                          matches.end());
        }
        matches.push_back({id, distance});
    };
    if (as_prefix) {
        // A word still being typed is compared with words that start with its first or
        // second letter (a slip in the very first letter that is not a swap is rare),
        // which keeps this cheap however large the vocabulary grows.
        std::string first_letters[2];
        std::size_t position = 0;
        for (; position < 2 && position < typed_length; ++position) {
            first_letters[position] = encode_utf8(typed.substr(position, 1));
        }
        for (std::size_t index = 0; index < position; ++index) {
            if (index == 1 && first_letters[1] == first_letters[0]) break;
            const std::string& start = first_letters[index];
            auto first = std::lower_bound(
                sorted_.begin(), sorted_.end(), start,
                [&](WordId id, const std::string& value) { return words_[id].text < value; });
            for (auto it = first;
                 it != sorted_.end() && words_[*it].text.compare(0, start.size(), start) == 0;
                 ++it) {
                if (words_[*it].code_points.size() + max_distance >= typed_length) consider(*it);
            }
        }
    } else {
        const std::size_t shortest =
            typed_length > static_cast<std::size_t>(max_distance) ? typed_length - max_distance : 1;
        const std::size_t longest = std::min(by_length_.size(), typed_length + max_distance + 1);
        for (std::size_t length = shortest; length < longest; ++length) {
            for (WordId id : by_length_[length])
                consider(id);
        }
    }
    std::sort(matches.begin(), matches.end(),
              [&](const VocabularyMatch& a, const VocabularyMatch& b) {
                  if (a.distance != b.distance) return a.distance < b.distance;
                  if (words_[a.word].frequency != words_[b.word].frequency) {
                      return words_[a.word].frequency > words_[b.word].frequency;
                  }
                  return words_[a.word].text < words_[b.word].text;
              });
    if (matches.size() > max_count) matches.resize(max_count);
    return matches;
}

} // namespace lungguide
