// Salvage: every row of a damaged store that can still be read, copied into a fresh store,
// and the damaged file kept aside. Internal to core/bookmarks; UserStore::open calls it.
//
// Two readers, and what either gets is kept:
//   * SQLite itself, on an in-memory copy of the file (the file is never written), each
//     table read by rowid so that a damaged page costs only its own rows;
//   * a page walk by hand (store_pages.h), which finds each table by its root page (so one
//     damaged byte in the schema's text, which stops SQLite reading any table, costs
//     nothing), also reaches leaf pages a damaged interior page cut off, and reads a file
//     whose header is damaged.
// A bookmark is kept only when it matches its checksum (schema version 4 on), and so is a
// symptom diary entry (version 7): nothing comes back altered. Ids are kept, and the id
// sequences carried over, so an id never names another bookmark or entry than it did.
#pragma once

#include "bookmarks/bookmark.h"
#include "bookmarks/user_store_schema.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace lungguide {

struct SalvagedStore {
    struct Draft {
        std::int64_t bookmark_id = 0;
        std::string text, updated;
    };
    struct View {
        std::int64_t id = 0;
        std::string route, viewed;
    };
    int version = 0;                 // the schema version its rows were read as
    std::vector<Bookmark> bookmarks; // by id, each as it was saved
    // How many bookmarks the file held, as far as can be told (rows, and entries of its
    // indexes, that could not be read count too): at least bookmarks.size().
    std::size_t bookmarks_known = 0;
    std::vector<Draft> drafts;
    std::vector<std::pair<std::string, std::string>> settings;
    std::vector<View> history;
    // Symptom diary rows by id, each as stored (links and times too) and matching its
    // checksum, and how many the file held as far as can be told (as for bookmarks).
    std::vector<user_store_schema::DiaryRow> diary;
    std::size_t diary_known = 0;
    // The next bookmark (history entry, diary entry) must get an id above these.
    std::int64_t bookmark_sequence = 0;
    std::int64_t history_sequence = 0;
    std::int64_t diary_sequence = 0;
    // An SQLite file, or rows were found in it: else it is not a bookmarks file at all.
    bool looked_like_a_store = false;
};

// Reads what it can from a damaged store's bytes and its write-ahead log's.
SalvagedStore read_damaged_store(const std::string& main_file, const std::string& wal_file);

// What a salvage did, for the person and for Settings.
struct SalvageReport {
    std::string aside_path;                           // the damaged file, kept
    std::string aside_name;                           // its name in the folder
    std::size_t recovered = 0, known = 0;             // bookmarks
    std::size_t diary_recovered = 0, diary_known = 0; // symptom diary entries
    bool looked_like_a_store = false;
    bool wal_kept = false; // its write-ahead log was kept beside it
};

// Salvages the store at path (in folder, whose lock the caller holds): reads it, writes a
// fresh store beside it, keeps the damaged file (and its -wal) under a dated name, and puts
// the fresh one in its place, in an order that a kill at any step leaves either the damaged
// store (salvaged again at the next open) or the fresh one. Returns false, with errno set,
// when the folder would not take the new files; then nothing was moved.
bool salvage_store(const std::string& folder, const std::string& path, SalvageReport& report);

// Temporary files of a salvage killed before it finished ("lungguide-user.salvage-*"):
// removed when they are ours (regular, same owner, 0600). The caller holds the folder lock.
void remove_unfinished_salvage(const std::string& folder);

// The settings key under which a salvage is recorded, "kept_aside/<file name>", and its
// value: "recovered=118;known=120;diary_recovered=40;diary_known=40;when=…;notice=pending".
constexpr const char* kept_aside_key_prefix = "kept_aside/";
std::string kept_aside_record(const SalvageReport& report, const std::string& when);

} // namespace lungguide
