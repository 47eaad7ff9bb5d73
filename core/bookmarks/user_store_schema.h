// The user store's schema versions and the migrations between them. Internal to core.
#pragma once

#include "bookmarks/bookmark.h"
#include "common/sqlite_statement.h"

#include <cstdint>
#include <string>

struct sqlite3;

namespace lungguide::user_store_schema {

// PRAGMA user_version of the open store, or -1 when it can't be read.
int read_version(sqlite3* database);

// Brings the store up to user_store_schema_version, one transaction per step, keeping all
// data. A new, empty file goes through every step from 0, so the version 1 schema and each
// migration run in every fresh install, not only in old ones. Returns an sqlite result code.
int migrate_to_current(sqlite3* database);

// True when the store's tables, indexes and their definitions are exactly those the
// migrations make for that version (whitespace aside). Anything else is damage.
bool matches_version(sqlite3* database, int version);

// A bookmark's fields from a row whose first columns are id, kind, target, person, note,
// created and updated, in that order (what every SELECT of bookmarks starts with).
Bookmark bookmark_fields(const sqlite::Statement& row);

// The checksum kept with each bookmark row: SHA-256 over its id, kind, target, person, note
// and times. SQLite keeps no checksums of its own, so this is what notices a changed byte.
std::string bookmark_checksum(const Bookmark& bookmark);

// A symptom_diary row (schema version 7) as it is stored: every column as text, the links
// as written. SymptomDiary reads and writes entries through it; salvage copies it whole.
struct DiaryRow {
    std::int64_t id = 0;
    std::string person, day, words, severity, note, created, updated, links_key, links;
    std::string checksum;
};

// The checksum kept with each diary row: SHA-256 over its id and every other column but
// the checksum, as stored. A row whose checksum differs has changed since it was written.
std::string diary_row_checksum(const DiaryRow& row);

// The columns of a DiaryRow, in its order, for a SELECT (the first is the rowid), and the
// row read from a statement that selected them.
constexpr const char* diary_row_columns =
    "id, person, day, words, severity, note, created, updated, links_key, links, checksum";
DiaryRow diary_row_fields(const sqlite::Statement& row);

} // namespace lungguide::user_store_schema
