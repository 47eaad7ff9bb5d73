#include "content/content_pack_digest.h"

#include "common/sha256.h"
#include "common/sqlite_statement.h"
#include "content/content_pack_seal.h"

#include <cstdio>
#include <vector>

namespace lungguide {
namespace {

std::string quoted_identifier(const std::string& name) {
    std::string quoted = "\"";
    for (char character : name) {
        quoted += character;
        if (character == '"') quoted += '"';
    }
    return quoted + "\"";
}

// Each value with its type, so 1 and '1' and NULL and '' all differ.
void add_value(Sha256& hash, sqlite3_stmt* row, int column) {
    switch (sqlite3_column_type(row, column)) {
    case SQLITE_NULL:
        hash.add("n", 1);
        break;
    case SQLITE_INTEGER:
        hash.add("i", 1);
        hash.add_field(std::to_string(sqlite3_column_int64(row, column)));
        break;
    case SQLITE_FLOAT: {
        char text[40];
        std::snprintf(text, sizeof text, "%.17g", sqlite3_column_double(row, column));
        hash.add("r", 1);
        hash.add_field(text);
        break;
    }
    default: {
        const bool blob = sqlite3_column_type(row, column) == SQLITE_BLOB;
        const void* bytes =
            blob ? sqlite3_column_blob(row, column) : sqlite3_column_text(row, column);
        const int size = sqlite3_column_bytes(row, column);
        hash.add(blob ? "b" : "t", 1);
        hash.add_field(
            bytes ? std::string(static_cast<const char*>(bytes), static_cast<std::size_t>(size))
                  : std::string());
    }
    }
}

// Hashes every row of a query, in its order. Returns the sqlite result code.
int hash_rows(sqlite3* database, const std::string& sql, Sha256& hash) {
    sqlite3_stmt* statement = nullptr;
    int code = sqlite3_prepare_v2(database, sql.c_str(), -1, &statement, nullptr);
    if (code != SQLITE_OK) return code;
    const int columns = sqlite3_column_count(statement);
    while ((code = sqlite3_step(statement)) == SQLITE_ROW) {
        hash.add("(", 1);
        for (int column = 0; column < columns; ++column)
            add_value(hash, statement, column);
    }
    sqlite3_finalize(statement);
    return code == SQLITE_DONE ? SQLITE_OK : code;
}

// Rows in key order: by rowid, or by the primary key of a WITHOUT ROWID table. An
// explicit order keeps the digest independent of the query planner's choices.
std::string ordered_select(sqlite3* database, const std::string& table) {
    const std::string select = "SELECT * FROM " + quoted_identifier(table);
    // The digest, the seal and the signature are written after the digest is computed, so
    // none is in it.
    std::string where =
        table == "meta" ? " WHERE key NOT IN ('" + std::string(content_pack_digest_key) + "', '" +
                              content_pack_seal_key + "', '" + content_pack_signature_key + "')"
                        : "";
    {
        sqlite::Statement has_rowid(database,
                                    ("SELECT rowid FROM " + quoted_identifier(table)).c_str());
        if (has_rowid.prepared()) return select + where + " ORDER BY rowid";
    }
    std::string order;
    sqlite::Statement keys(database,
                           "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk");
    keys.bind(1, table);
    while (keys.step() == SQLITE_ROW)
        order += (order.empty() ? " ORDER BY " : ", ") + quoted_identifier(keys.text(0));
    return select + where + order;
}

} // namespace

Result<std::string> compute_content_pack_digest(sqlite3* database) {
    const auto unreadable = [](const std::string& what) {
        return Status::failure(Problem::damaged, what);
    };
    std::vector<std::string> tables;
    {
        sqlite::Statement names(database, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                          "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name");
        while (names.step() == SQLITE_ROW)
            tables.push_back(names.text(0));
        if (names.result() != SQLITE_OK) return unreadable(sqlite3_errstr(names.result()));
    }
    std::string schema_line;
    {
        // Page numbers are left out: VACUUM may move tables without changing them.
        Sha256 hash;
        const int code = hash_rows(database,
                                   "SELECT type, name, tbl_name, sql FROM sqlite_master "
                                   "ORDER BY type, name",
                                   hash);
        if (code != SQLITE_OK) return unreadable(sqlite3_errstr(code));
        schema_line = "sqlite_schema " + hash.finish_hex() + "\n";
    }
    std::string table_lines;
    for (const std::string& table : tables) {
        Sha256 hash;
        const int code = hash_rows(database, ordered_select(database, table), hash);
        if (code != SQLITE_OK) return unreadable(table + ": " + sqlite3_errstr(code));
        table_lines += table + " " + hash.finish_hex() + "\n";
    }
    return table_lines + schema_line;
}

std::string recorded_content_pack_digest(sqlite3* database) {
    sqlite::Statement select(database, "SELECT value FROM meta WHERE key = ?");
    select.bind(1, std::string(content_pack_digest_key));
    return select.step() == SQLITE_ROW ? select.text(0) : std::string();
}

std::string first_differing_table(const std::string& recorded, const std::string& computed) {
    std::size_t recorded_at = 0, computed_at = 0;
    while (recorded_at < recorded.size() || computed_at < computed.size()) {
        const std::size_t recorded_end = recorded.find('\n', recorded_at);
        const std::size_t computed_end = computed.find('\n', computed_at);
        const std::string recorded_line = recorded.substr(recorded_at, recorded_end - recorded_at);
        const std::string computed_line = computed.substr(computed_at, computed_end - computed_at);
        if (recorded_line != computed_line) {
            const std::string& line = recorded_line.empty() ? computed_line : recorded_line;
            return line.substr(0, line.find(' '));
        }
        if (recorded_end == std::string::npos || computed_end == std::string::npos) break;
        recorded_at = recorded_end + 1;
        computed_at = computed_end + 1;
    }
    return recorded == computed ? "" : "meta";
}

} // namespace lungguide
