// The user store's schema versions and the migrations between them. Internal to core.
#pragma once

struct sqlite3;

namespace lungguide::user_store_schema {

// PRAGMA user_version of the open store, or -1 when it can't be read.
int read_version(sqlite3* database);

// Brings the store up to user_store_schema_version, one transaction per step, keeping all
// data. A new, empty file goes through every step from 0, so the version 1 schema and each
// migration run in every fresh install, not only in old ones. Returns an sqlite result code.
int migrate_to_current(sqlite3* database);

} // namespace lungguide::user_store_schema
