// A prepared SQLite statement that finalizes itself. Values are only ever bound, never
// pasted into SQL text.
#pragma once

#include <cstdint>
#include <sqlite3.h>
#include <string>

namespace lungguide {

class SqliteStatement {
  public:
    SqliteStatement(sqlite3* database, const char* sql) {
        if (sqlite3_prepare_v2(database, sql, -1, &statement_, nullptr) != SQLITE_OK)
            statement_ = nullptr;
    }
    ~SqliteStatement() { sqlite3_finalize(statement_); }
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    bool ok() const { return statement_ != nullptr; }

    SqliteStatement& bind(int index, const std::string& value) {
        if (statement_)
            sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()),
                              SQLITE_TRANSIENT);
        return *this;
    }
    SqliteStatement& bind(int index, std::int64_t value) {
        if (statement_) sqlite3_bind_int64(statement_, index, value);
        return *this;
    }
    SqliteStatement& bind(int index, int value) { return bind(index, std::int64_t{value}); }
    SqliteStatement& bind(int index, bool value) { return bind(index, std::int64_t{value}); }

    // SQLITE_ROW, SQLITE_DONE, or an error code.
    int step() { return statement_ ? sqlite3_step(statement_) : SQLITE_MISUSE; }
    // Runs a statement that returns no rows, then makes it ready to bind again.
    bool run() {
        int result = step();
        reset();
        return result == SQLITE_DONE;
    }
    void reset() {
        if (statement_) {
            sqlite3_reset(statement_);
            sqlite3_clear_bindings(statement_);
        }
    }

    std::string text(int column) const {
        const unsigned char* value = sqlite3_column_text(statement_, column);
        int size = sqlite3_column_bytes(statement_, column);
        return value ? std::string(reinterpret_cast<const char*>(value), size) : std::string();
    }
    std::int64_t integer(int column) const { return sqlite3_column_int64(statement_, column); }

  private:
    sqlite3_stmt* statement_ = nullptr;
};

} // namespace lungguide
