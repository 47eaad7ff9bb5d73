#include "content/content_pack_dictionary_builder.h"

#include "common/sqlite_statement.h"
#include "content/content_pack_builder.h"
#include "content/content_pack_stamping.h"

#include <sqlite3.h>

namespace lungguide {

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

Status store_dictionary_words(const std::string& pack_path,
                              const std::vector<std::string>& sorted_words) {
    sqlite3* database = nullptr;
    if (sqlite3_open_v2(pack_path.c_str(), &database, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK) {
        const std::string message = database ? sqlite3_errmsg(database) : "out of memory";
        sqlite3_close(database);
        return Status::failure(Problem::failed, "cannot open " + pack_path + ": " + message);
    }
    std::string error;
    {
        sqlite::Statement insert(database, "INSERT INTO dictionary_words(front_coded) VALUES(?)");
        insert.bind(1, front_code_words(sorted_words));
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

} // namespace lungguide
