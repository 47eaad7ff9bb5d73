#include "bookmarks/user_store_schema.h"

#include "bookmarks/user_store.h"
#include "common/sqlite_statement.h"

#include <string>

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

using MigrationStep = int (*)(sqlite3*);

// steps[n] takes the store from version n to version n + 1.
constexpr MigrationStep steps[] = {create_version_1, add_people_and_update_times, add_history};
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

} // namespace lungguide::user_store_schema
