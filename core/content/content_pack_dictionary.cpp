#include "content/content_pack_dictionary.h"

#include "common/sqlite_statement.h"
#include "content/content_pack.h"

#include <algorithm>
#include <sqlite3.h>

namespace lungguide {

void for_each_front_decoded_word(std::string_view coded,
                                 const std::function<void(std::string_view)>& visit) {
    std::string previous;
    std::size_t start = 0;
    while (start < coded.size()) {
        std::size_t end = coded.find('\n', start);
        if (end == std::string_view::npos) end = coded.size();
        const std::string_view line = coded.substr(start, end - start);
        start = end + 1;
        if (line.empty() || line[0] < '0' || line[0] > '9') continue; // not ours: skip
        const std::size_t shared = std::min<std::size_t>(line[0] - '0', previous.size());
        previous.resize(shared);
        previous += line.substr(1);
        visit(previous);
    }
}

std::vector<std::string> front_decode_words(std::string_view coded) {
    std::vector<std::string> words;
    // One allocation, not a doubling ten times over (and the two copies at the last).
    words.reserve(static_cast<std::size_t>(std::count(coded.begin(), coded.end(), '\n')) + 1);
    for_each_front_decoded_word(coded, [&](std::string_view word) { words.emplace_back(word); });
    return words;
}

bool read_content_pack_dictionary(sqlite3* database, std::string& front_coded) {
    front_coded.clear();
    sqlite::Statement rows(database, "SELECT front_coded FROM dictionary_words");
    if (!rows.prepared()) return true; // no such table: no words
    int result;
    // Each row starts afresh: its first word shares nothing ("0…"), so rows join as they are.
    while ((result = rows.step()) == SQLITE_ROW) {
        std::string row = rows.text(0);
        if (!row.empty() && row.back() != '\n') row += '\n';
        front_coded += row;
    }
    return result == SQLITE_DONE;
}

std::vector<std::string> ContentPack::dictionary_words() const {
    return front_decode_words(dictionary_front_coded_);
}

void ContentPack::visit_dictionary_words(const std::function<void(std::string_view)>& visit) const {
    for_each_front_decoded_word(dictionary_front_coded_, visit);
}

} // namespace lungguide
