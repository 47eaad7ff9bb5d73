// Helpers shared by the user store tests: a temporary folder, raw file access, and a raw
// SQLite connection for looking at the store from outside.
#pragma once

#include "bookmarks/user_store.h"
#include "temporary_folder.h"

#include <cstdlib>
#include <doctest/doctest.h>
#include <fstream>
#include <iterator>
#include <memory>
#include <sqlite3.h>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace user_store_test {

using lungguide::testing::TemporaryFolder;

// The store UserStore::open made, or null; message receives what open said either way
// (why it failed, or what was worth telling).
inline std::unique_ptr<lungguide::UserStore>
open_store(const std::string& folder, std::string& message,
           const lungguide::UserStoreOptions& options = {}) {
    lungguide::Result<std::unique_ptr<lungguide::UserStore>> opened =
        lungguide::UserStore::open(folder, options);
    message = opened.message_for_person();
    return opened.ok() ? std::move(opened.value()) : nullptr;
}

// The store UserStore::open made in folder; the test stops (REQUIRE) when there is none.
inline std::unique_ptr<lungguide::UserStore> opened_store(const std::string& folder) {
    std::string message;
    std::unique_ptr<lungguide::UserStore> store = open_store(folder, message);
    REQUIRE_MESSAGE(store, message);
    return store;
}

inline std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

inline bool exists(const std::string& path) {
    struct stat info {};
    return stat(path.c_str(), &info) == 0;
}

inline unsigned permissions(const std::string& path) {
    struct stat info {};
    stat(path.c_str(), &info);
    return info.st_mode & 07777;
}

// Files in a folder whose names contain part.
inline std::vector<std::string> files_containing(const std::string& folder,
                                                 const std::string& part) {
    std::vector<std::string> found;
    const std::string command = "ls -1 '" + folder + "' 2>/dev/null";
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char line[4096];
        while (std::fgets(line, sizeof line, pipe)) {
            std::string name(line);
            if (!name.empty() && name.back() == '\n') name.pop_back();
            if (name.find(part) != std::string::npos) found.push_back(name);
        }
        pclose(pipe);
    }
    return found;
}

// The SQLite files in a folder (names ending in .sqlite, not their -wal or -shm).
inline std::vector<std::string> stores_in(const std::string& folder) {
    std::vector<std::string> stores;
    for (const std::string& name : files_containing(folder, ".sqlite"))
        if (name.size() > 7 && name.compare(name.size() - 7, 7, ".sqlite") == 0)
            stores.push_back(name);
    return stores;
}

// The damaged stores kept aside in a folder.
inline std::vector<std::string> kept_aside_in(const std::string& folder) {
    std::vector<std::string> kept;
    for (const std::string& name : stores_in(folder))
        if (name.find(".damaged-") != std::string::npos) kept.push_back(name);
    return kept;
}

// A raw connection, for building old schemas and checking the file from outside the store.
class RawDatabase {
  public:
    explicit RawDatabase(const std::string& path, bool read_only = false) {
        sqlite3_open_v2(
            path.c_str(), &database_,
            read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    }
    ~RawDatabase() { sqlite3_close_v2(database_); }
    RawDatabase(const RawDatabase&) = delete;
    RawDatabase& operator=(const RawDatabase&) = delete;

    int execute(const std::string& sql) {
        return sqlite3_exec(database_, sql.c_str(), nullptr, nullptr, nullptr);
    }
    // The first column of the first row, as text ("" when there is none).
    std::string value(const std::string& sql) {
        sqlite3_stmt* statement = nullptr;
        std::string result;
        if (sqlite3_prepare_v2(database_, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
            sqlite3_step(statement) == SQLITE_ROW) {
            const unsigned char* text = sqlite3_column_text(statement, 0);
            if (text) result = reinterpret_cast<const char*>(text);
        }
        sqlite3_finalize(statement);
        return result;
    }

  private:
    sqlite3* database_ = nullptr;
};

} // namespace user_store_test
