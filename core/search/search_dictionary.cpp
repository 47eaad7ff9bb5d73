#include "search/search_dictionary.h"

#include "common/sqlite_statement.h"
#include "content/content_pack_builder.h"
#include "content/content_pack_digest.h"
#include "search/search.h"
#include "search/search_text.h"

#include <algorithm>
#include <sqlite3.h>
#include <unordered_set>

namespace lungguide {

std::vector<std::string> read_word_list(std::string_view text) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        line = line.substr(0, line.find('/')); // hunspell flags
        for (const std::string& word : split_search_words(line)) {
            if (!contains_digit(word)) words.push_back(word);
        }
    }
    return words;
}

std::vector<std::string> dictionary_words(const std::vector<std::string>& american,
                                          const std::vector<std::vector<std::string>>& others,
                                          const std::vector<std::string>& british) {
    const std::unordered_set<std::string> american_words(american.begin(), american.end());
    std::unordered_set<std::string> british_spellings;
    for (const std::string& word : british) {
        if (!american_words.count(word)) british_spellings.insert(word);
    }
    std::unordered_set<std::string> words = american_words;
    for (const auto& list : others) {
        for (const std::string& word : list) {
            if (!british_spellings.count(word)) words.insert(word);
        }
    }
    std::vector<std::string> sorted(words.begin(), words.end());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

Status add_dictionary_words_to_pack(const Guide& guide, const std::string& pack_path,
                                    const std::vector<std::string>& dictionary_words) {
    sqlite3* database = nullptr;
    if (sqlite3_open_v2(pack_path.c_str(), &database, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK) {
        const std::string message = database ? sqlite3_errmsg(database) : "out of memory";
        sqlite3_close(database);
        return Status::failure(Problem::failed, "cannot open " + pack_path + ": " + message);
    }
    std::string coded;
    {
        // Search needs the pack's own words (passages included) to know which dictionary
        // words it could mistake for slips.
        const SearchIndex index(guide, database);
        coded = front_code_words(index.real_words_in_typo_reach(dictionary_words));
    }
    std::string error;
    {
        sqlite::Statement insert(database, "INSERT INTO dictionary_words(front_coded) VALUES(?)");
        insert.bind(1, coded);
        if (!insert.prepared() || insert.step() != SQLITE_DONE) error = sqlite3_errmsg(database);
    }
    // The pack's digest must cover the words just added, or the loader refuses the pack.
    if (error.empty()) error = record_content_pack_digest(database).message_for_person;
    // Compacts the file so it holds no free pages left over.
    if (error.empty() && sqlite3_exec(database, "VACUUM", nullptr, nullptr, nullptr) != SQLITE_OK)
        error = sqlite3_errmsg(database);
    sqlite3_close(database);
    if (error.empty()) return check_and_seal_content_pack(pack_path);
    return Status::failure(Problem::failed, "cannot store the dictionary words: " + error);
}

std::string front_code_words(const std::vector<std::string>& sorted_words) {
    std::string coded;
    std::string_view previous;
    for (const std::string& word : sorted_words) {
        std::size_t shared = 0;
        while (shared < 9 && shared < word.size() && shared < previous.size() &&
               word[shared] == previous[shared])
            ++shared;
        coded += static_cast<char>('0' + shared);
        coded.append(word, shared);
        coded += '\n';
        previous = word;
    }
    return coded;
}

std::vector<std::string> front_decode_words(std::string_view coded) {
    std::vector<std::string> words;
    std::string previous;
    std::size_t start = 0;
    while (start < coded.size()) {
        std::size_t end = coded.find('\n', start);
        if (end == std::string_view::npos) end = coded.size();
        const std::string_view line = coded.substr(start, end - start);
        start = end + 1;
        if (line.empty() || line[0] < '0' || line[0] > '9') continue; // not ours: skip
        const std::size_t shared = std::min<std::size_t>(line[0] - '0', previous.size());
        previous = previous.substr(0, shared) + std::string(line.substr(1));
        words.push_back(previous);
    }
    return words;
}

} // namespace lungguide
