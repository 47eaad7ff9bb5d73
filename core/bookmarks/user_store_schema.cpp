#include "bookmarks/user_store_schema.h"

#include "bookmarks/user_store.h"
#include "common/sha256.h"
#include "common/sqlite_statement.h"

#include <map>
#include <string>
#include <vector>

namespace lungguide::user_store_schema {
namespace {

using sqlite::execute;
using sqlite::Statement;
using sqlite::Transaction;

// Version 1, the first release: one bookmark per target, no people, no update time.
int create_version_1(sqlite3* database) {
    return execute(database, R"sql(
        CREATE TABLE bookmarks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('class', 'drug')),
            target TEXT NOT NULL,
            note TEXT,
            created TEXT NOT NULL,
            UNIQUE (kind, target));
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL);
    )sql");
}

// Version 2: caregivers keep bookmarks for several people, and notes get edited later.
// SQLite can't change a UNIQUE constraint in place, so the table is rebuilt; ids, notes and
// times are copied, and the AUTOINCREMENT high-water mark is kept so ids are never reused.
int add_people_and_update_times(sqlite3* database) {
    std::int64_t highest_id_ever = 0;
    {
        Statement sequence(database, "SELECT seq FROM sqlite_sequence WHERE name = 'bookmarks'");
        if (sequence.step() == SQLITE_ROW) highest_id_ever = sequence.integer(0);
        if (sequence.result() != SQLITE_OK) return sequence.result();
    }
    int code = execute(database, R"sql(
        CREATE TABLE bookmarks_version_2 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('class', 'drug')),
            target TEXT NOT NULL,
            person TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            UNIQUE (kind, target, person));
        INSERT INTO bookmarks_version_2 (id, kind, target, person, note, created, updated)
            SELECT id, kind, target, '', COALESCE(note, ''), created, created FROM bookmarks;
        DROP TABLE bookmarks;
        ALTER TABLE bookmarks_version_2 RENAME TO bookmarks;
        CREATE INDEX bookmarks_by_person ON bookmarks (person, id);
    )sql");
    if (code != SQLITE_OK) return code;
    Statement keep_sequence(database, "UPDATE sqlite_sequence SET seq = MAX(seq, ?) "
                                      "WHERE name = 'bookmarks'");
    return keep_sequence.bind(1, highest_id_ever).run();
}

// Version 3: the "recently viewed" list.
int add_history(sqlite3* database) {
    return execute(database, R"sql(
        CREATE TABLE history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            route TEXT NOT NULL UNIQUE,
            viewed TEXT NOT NULL);
    )sql");
}

// Version 4: a checksum per bookmark row, so damage on the disk is noticed on read. Existing
// rows get theirs from what they hold now: the best evidence there is of what was saved.
int add_bookmark_checksums(sqlite3* database) {
    int code =
        execute(database, "ALTER TABLE bookmarks ADD COLUMN checksum TEXT NOT NULL DEFAULT ''");
    if (code != SQLITE_OK) return code;
    std::vector<Bookmark> rows;
    {
        Statement select(database,
                         "SELECT id, kind, target, person, note, created, updated FROM bookmarks");
        while (select.step() == SQLITE_ROW) {
            rows.push_back(bookmark_fields(select));
        }
        if (select.result() != SQLITE_OK) return select.result();
    }
    for (const Bookmark& row : rows) {
        Statement update(database, "UPDATE bookmarks SET checksum = ? WHERE id = ?");
        code = update.bind(1, bookmark_checksum(row)).bind(2, row.id).run();
        if (code != SQLITE_OK) return code;
    }
    return SQLITE_OK;
}

// Version 5: notes typed and not yet saved, so they outlive a close or a kill -9.
int add_note_drafts(sqlite3* database) {
    return execute(database, R"sql(
        CREATE TABLE note_drafts (
            bookmark_id INTEGER PRIMARY KEY,
            text TEXT NOT NULL,
            updated TEXT NOT NULL);
    )sql");
}

// Version 6: a step of the store's own (its opening and salvage), made on another branch;
// the diary's step below stays independent of it, so the two merge in either order.
int reserved_for_the_store(sqlite3*) {
    return SQLITE_OK;
}

// Version 7: a symptom diary per person. The person's words, day, severity and note are
// theirs; links_key and links are what the page said about the words when last linked
// (recomputed when the content pack or the person's bookmarked classes change, never the
// words). The checksum covers every column, as for bookmarks.
int add_symptom_diary(sqlite3* database) {
    return execute(database, R"sql(
        CREATE TABLE symptom_diary (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            person TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
            day TEXT NOT NULL,
            words TEXT NOT NULL,
            severity TEXT NOT NULL DEFAULT ''
                CHECK (severity IN ('', 'mild', 'moderate', 'severe')),
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            links_key TEXT NOT NULL DEFAULT '',
            links TEXT NOT NULL DEFAULT '',
            checksum TEXT NOT NULL DEFAULT '');
        CREATE INDEX symptom_diary_by_person ON symptom_diary (person, day, id);
    )sql");
}

using MigrationStep = int (*)(sqlite3*);

// steps[n] takes the store from version n to version n + 1.
constexpr MigrationStep steps[] = {
    create_version_1, add_people_and_update_times, add_history,      add_bookmark_checksums,
    add_note_drafts,  reserved_for_the_store,      add_symptom_diary};
static_assert(sizeof(steps) / sizeof(steps[0]) == user_store_schema_version,
              "one migration step per schema version");

} // namespace

int read_version(sqlite3* database) {
    Statement statement(database, "PRAGMA user_version");
    if (statement.step() != SQLITE_ROW) return -1;
    return static_cast<int>(statement.integer(0));
}

int migrate_to_current(sqlite3* database) {
    for (;;) {
        Transaction transaction(database);
        if (transaction.begin_result() != SQLITE_OK) return transaction.begin_result();
        // Read inside the transaction: another LungGuide may have migrated meanwhile.
        const int version = read_version(database);
        if (version < 0) return SQLITE_CORRUPT;
        if (version >= user_store_schema_version) return SQLITE_OK;
        int code = steps[version](database);
        if (code != SQLITE_OK) return code;
        const std::string set_version = "PRAGMA user_version = " + std::to_string(version + 1);
        code = execute(database, set_version.c_str());
        if (code != SQLITE_OK) return code;
        code = transaction.commit();
        if (code != SQLITE_OK) return code;
    }
}

namespace {

// SQL text with its layout removed, so a schema written with other indentation still matches.
std::string without_layout(const std::string& sql) {
    std::string result;
    bool space = false;
    for (char character : sql) {
        if (character == ' ' || character == '\n' || character == '\t' || character == '\r') {
            space = true;
            continue;
        }
        const bool punctuation = character == '(' || character == ')' || character == ',';
        const bool after_punctuation =
            !result.empty() &&
            (result.back() == '(' || result.back() == ')' || result.back() == ',');
        if (space && !result.empty() && !punctuation && !after_punctuation) result += ' ';
        space = false;
        result += character;
    }
    return result;
}

// "type name table sql" per schema entry, sorted, layout removed.
std::vector<std::string> schema_entries(sqlite3* database, int& code) {
    std::vector<std::string> entries;
    Statement select(database,
                     "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name");
    while (select.step() == SQLITE_ROW)
        entries.push_back(select.text(0) + "|" + select.text(1) + "|" + select.text(2) + "|" +
                          without_layout(select.text(3)));
    code = select.result();
    return entries;
}

// What the migrations make for a version, in a scratch in-memory database.
const std::vector<std::string>* expected_entries(int version) {
    static std::map<int, std::vector<std::string>> cache;
    if (const auto found = cache.find(version); found != cache.end()) return &found->second;
    if (version < 1 || version > user_store_schema_version) return nullptr;
    sqlite3* scratch = nullptr;
    if (sqlite3_open(":memory:", &scratch) != SQLITE_OK) {
        sqlite3_close(scratch);
        return nullptr;
    }
    int code = SQLITE_OK;
    for (int step = 0; step < version && code == SQLITE_OK; ++step)
        code = steps[step](scratch);
    std::vector<std::string> entries;
    if (code == SQLITE_OK) entries = schema_entries(scratch, code);
    sqlite3_close(scratch);
    if (code != SQLITE_OK) return nullptr;
    return &(cache[version] = std::move(entries));
}

} // namespace

bool matches_version(sqlite3* database, int version) {
    const std::vector<std::string>* expected = expected_entries(version);
    if (!expected) return false;
    int code = SQLITE_OK;
    const std::vector<std::string> actual = schema_entries(database, code);
    return code == SQLITE_OK && actual == *expected;
}

Bookmark bookmark_fields(const sqlite::Statement& row) {
    Bookmark bookmark;
    bookmark.id = row.integer(0);
    bookmark.kind = row.text(1);
    bookmark.target = row.text(2);
    bookmark.person = row.text(3);
    bookmark.note = row.text(4);
    bookmark.created = row.text(5);
    bookmark.updated = row.text(6);
    return bookmark;
}

std::string bookmark_checksum(const Bookmark& bookmark) {
    Sha256 hash;
    hash.add_field(std::to_string(bookmark.id));
    for (const std::string* field : {&bookmark.kind, &bookmark.target, &bookmark.person,
                                     &bookmark.note, &bookmark.created, &bookmark.updated})
        hash.add_field(*field);
    return hash.finish_hex();
}

DiaryRow diary_row_fields(const sqlite::Statement& row) {
    DiaryRow fields;
    fields.id = row.integer(0);
    int column = 1;
    for (std::string* field :
         {&fields.person, &fields.day, &fields.words, &fields.severity, &fields.note,
          &fields.created, &fields.updated, &fields.links_key, &fields.links, &fields.checksum})
        *field = row.text(column++);
    return fields;
}

std::string diary_row_checksum(const DiaryRow& row) {
    Sha256 hash;
    hash.add_field(std::to_string(row.id));
    for (const std::string* field : {&row.person, &row.day, &row.words, &row.severity, &row.note,
                                     &row.created, &row.updated, &row.links_key, &row.links})
        hash.add_field(*field);
    return hash.finish_hex();
}

} // namespace lungguide::user_store_schema
