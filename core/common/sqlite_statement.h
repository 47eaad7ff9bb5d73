// Small RAII wrappers over the sqlite3 C API, shared by the content pack and the user store.
//
// Every value, and above all every piece of user text, reaches SQL through bind(), never
// through string building.
#pragma once

#include <cstdint>
#include <sqlite3.h>
#include <string>

namespace lungguide::sqlite {

class Statement {
  public:
    Statement(sqlite3* database, const char* sql) {
        result_ = sqlite3_prepare_v2(database, sql, -1, &statement_, nullptr);
    }
    ~Statement() { sqlite3_finalize(statement_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // The first error seen (prepare, bind or step), or SQLITE_OK.
    int result() const { return result_; }
    bool prepared() const { return statement_ != nullptr; }

    Statement& bind(int index, const std::string& text) {
        if (statement_ && result_ == SQLITE_OK)
            result_ = sqlite3_bind_text(statement_, index, text.data(),
                                        static_cast<int>(text.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int index, std::int64_t number) {
        if (statement_ && result_ == SQLITE_OK)
            result_ = sqlite3_bind_int64(statement_, index, number);
        return *this;
    }
    Statement& bind(int index, int number) { return bind(index, std::int64_t{number}); }
    Statement& bind(int index, bool flag) { return bind(index, std::int64_t{flag}); }

    // Returns SQLITE_ROW while there are rows, then SQLITE_DONE, or an error code.
    int step() {
        if (!statement_ || result_ != SQLITE_OK)
            return result_ == SQLITE_OK ? SQLITE_MISUSE : result_;
        const int code = sqlite3_step(statement_);
        if (code != SQLITE_ROW && code != SQLITE_DONE) result_ = code;
        return code;
    }
    // Makes a kept statement ready to bind and step again (the pack reader reuses them).
    void reset() {
        if (!statement_) return;
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
        result_ = SQLITE_OK;
    }
    // Runs a statement that returns no rows; SQLITE_DONE becomes SQLITE_OK.
    int run() {
        int code = step();
        while (code == SQLITE_ROW)
            code = step();
        return code == SQLITE_DONE ? SQLITE_OK : code;
    }

    std::string text(int column) const {
        const unsigned char* value = sqlite3_column_text(statement_, column);
        if (!value) return {};
        return std::string(reinterpret_cast<const char*>(value),
                           static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
    }
    std::int64_t integer(int column) const { return sqlite3_column_int64(statement_, column); }
    // SQLITE_TEXT, SQLITE_INTEGER, SQLITE_NULL, …: what a column of the current row holds.
    int type(int column) const { return sqlite3_column_type(statement_, column); }

  private:
    sqlite3_stmt* statement_ = nullptr;
    int result_ = SQLITE_OK;
};

// Runs SQL with no parameters (schema, pragmas); returns the sqlite result code.
inline int execute(sqlite3* database, const char* sql) {
    return sqlite3_exec(database, sql, nullptr, nullptr, nullptr);
}

// BEGIN IMMEDIATE takes the write lock up front, so a change never fails half-way
// because another writer got there first. Rolls back unless commit() succeeded.
// Inside another Transaction it is a savepoint: its commit() keeps its changes within the
// outer one, which alone writes them (an import of bookmarks and diary, all or nothing).
class Transaction {
  public:
    explicit Transaction(sqlite3* database)
        : database_(database), nested_(sqlite3_get_autocommit(database) == 0) {
        result_ = execute(database, nested_ ? "SAVEPOINT nested_change" : "BEGIN IMMEDIATE");
        open_ = result_ == SQLITE_OK;
    }
    ~Transaction() {
        if (!open_) return;
        if (nested_) {
            execute(database_, "ROLLBACK TO nested_change");
            execute(database_, "RELEASE nested_change");
        } else {
            execute(database_, "ROLLBACK");
        }
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    int begin_result() const { return result_; }
    int commit() {
        const int code = execute(database_, nested_ ? "RELEASE nested_change" : "COMMIT");
        if (code == SQLITE_OK) open_ = false;
        return code;
    }

  private:
    sqlite3* database_;
    bool nested_ = false;
    int result_ = SQLITE_OK;
    bool open_ = false;
};

} // namespace lungguide::sqlite
