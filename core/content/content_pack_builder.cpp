#include "content/content_pack_builder.h"

#include "common/sqlite_statement.h"
#include "content/content_pack.h"
#include "content/content_pack_schema.h"
#include "content/content_pack_stamping.h"
#include "content/guide_fields.h"

#include <cstdint>
#include <cstdio>
#include <sqlite3.h>

namespace lungguide {

namespace {

// A value of a row: a text, or a number (a position, a flag).
struct Cell {
    bool is_number = false;
    std::int64_t number = 0;
    std::string text;
};
Cell text_cell(std::string text) {
    return {false, 0, std::move(text)};
}
Cell number_cell(std::size_t number) {
    return {true, static_cast<std::int64_t>(number), {}};
}

// The columns and values of one item's row, from its scalar fields (guide_fields.h).
struct RowOfScalars {
    std::vector<std::string> columns;
    std::vector<Cell> cells;
    std::vector<Cell> keys; // the item's `key` field, if it has one

    void add(const fields::Field& field, Cell cell) {
        columns.push_back(field.name);
        if (field.has(fields::key)) keys.push_back(cell);
        cells.push_back(std::move(cell));
    }
    void text(const std::string& value, const fields::Field& field) {
        add(field, text_cell(value));
    }
    void flag(bool value, const fields::Field& field) { add(field, number_cell(value ? 1 : 0)); }
    template <typename Enum>
    void choice(Enum value, const fields::Field& field, fields::Choices<Enum> options) {
        add(field, text_cell(fields::choice_id(value, options)));
    }
    void texts(const std::vector<std::string>&, const fields::Field&, const fields::TextTable&) {}
    template <typename Item>
    void items(const std::vector<Item>&, const fields::Field&, const fields::ItemTable&) {}
};

std::string joined(const std::vector<std::string>& parts, const char* separator) {
    std::string text;
    for (const std::string& part : parts)
        text += (text.empty() ? "" : separator) + part;
    return text;
}

// Writes every field of the list (guide_fields.h) into its table: an item's row, then its
// lists in the list's order, each row led by the keys of the items it belongs to.
class PackWriter {
  public:
    explicit PackWriter(sqlite3* database) : database_(database) {}

    std::string write(const Guide& guide) {
        const Result<std::string> schema = content_pack_schema_sql();
        if (!schema.ok()) return schema.message_for_person();
        if (!execute(schema.value().c_str())) return error();
        if (!execute("BEGIN")) return error();
        write_meta("schema_version", std::to_string(content_pack_schema_version));
        fields::visit_fields(guide, *this);
        if (failed_) return error_;
        if (!execute("COMMIT")) return error();
        // Last, once every table is final: the digests the loader checks at open.
        const Status digest = record_content_pack_digest(database_);
        if (!digest.ok()) return digest.message_for_person;
        // Compacts the file so it holds no free pages left over from building.
        if (!execute("VACUUM")) return error();
        return {};
    }

    // The Guide's own scalars are rows of meta; those of an item, columns of its row.
    void text(const std::string& value, const fields::Field& field) {
        if (keys_.empty()) write_meta(field.name, value);
    }
    void flag(bool, const fields::Field&) {}
    template <typename Enum> void choice(Enum, const fields::Field&, fields::Choices<Enum>) {}

    void texts(const std::vector<std::string>& values, const fields::Field&,
               const fields::TextTable& table) {
        using Stored = fields::TextTable::Stored;
        if (table.stored == Stored::set) {
            for (const std::string& value : values)
                insert("INSERT OR IGNORE INTO", table.table, {table.value_column},
                       {text_cell(value)});
            return;
        }
        std::vector<std::string> columns = key_columns_;
        std::vector<Cell> cells = keys_;
        if (table.kind) {
            columns.push_back("kind");
            cells.push_back(text_cell(table.kind));
        }
        columns.insert(columns.end(), {"position", table.value_column});
        auto write_row = [&](std::size_t position, const std::string& value) {
            cells.insert(cells.end(), {number_cell(position), text_cell(value)});
            insert("INSERT INTO", table.table, columns, cells);
            cells.resize(cells.size() - 2);
        };
        // Stored::lines: a list's texts in one row, a line each: a row per word took more
        // room than the words (issue 20's lay vocabulary is about 1,000 of them).
        if (table.stored == Stored::lines && !values.empty()) write_row(0, joined(values, "\n"));
        if (table.stored != Stored::rows) return;
        for (std::size_t index = 0; index < values.size(); ++index)
            write_row(index, values[index]);
    }

    template <typename Item>
    void items(const std::vector<Item>& list, const fields::Field&,
               const fields::ItemTable& table) {
        for (std::size_t index = 0; index < list.size(); ++index) {
            RowOfScalars row;
            fields::visit_fields(list[index], row);
            std::vector<std::string> columns = key_columns_;
            std::vector<Cell> cells = keys_;
            if (table.positioned) {
                columns.push_back("position");
                cells.push_back(number_cell(index));
            }
            columns.insert(columns.end(), row.columns.begin(), row.columns.end());
            cells.insert(cells.end(), row.cells.begin(), row.cells.end());
            insert("INSERT INTO", table.table, columns, cells);
            if (!table.key_column) continue;
            key_columns_.push_back(table.key_column);
            keys_.push_back(row.keys.empty() ? number_cell(index) : row.keys.front());
            fields::visit_fields(list[index], *this);
            key_columns_.pop_back();
            keys_.pop_back();
        }
    }

  private:
    bool execute(const char* sql) {
        return sqlite3_exec(database_, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    std::string error() const { return sqlite3_errmsg(database_); }

    void write_meta(const char* key, const std::string& value) {
        insert("INSERT INTO", "meta", {"key", "value"}, {text_cell(key), text_cell(value)});
    }

    // Runs one INSERT of the given values, bound in order (the names are the list's own).
    void insert(const char* verb, const char* table, const std::vector<std::string>& columns,
                const std::vector<Cell>& cells) {
        if (failed_) return;
        const std::string sql = std::string(verb) + " " + table + "(" + joined(columns, ", ") +
                                ") VALUES(" +
                                joined(std::vector<std::string>(cells.size(), "?"), ",") + ")";
        sqlite::Statement statement(database_, sql.c_str());
        for (std::size_t index = 0; index < cells.size(); ++index) {
            const int column = static_cast<int>(index) + 1;
            if (cells[index].is_number)
                statement.bind(column, cells[index].number);
            else
                statement.bind(column, cells[index].text);
        }
        if (!statement.prepared() || statement.step() != SQLITE_DONE) {
            failed_ = true;
            error_ = std::string(sqlite3_errmsg(database_)) + " in: " + sql;
        }
    }

    sqlite3* database_;
    bool failed_ = false;
    std::string error_;
    std::vector<std::string> key_columns_; // the keys of the items being written, outermost first
    std::vector<Cell> keys_;
};

} // namespace

Status check_and_seal_content_pack(const std::string& path) {
    const Status checked = check_unsigned_content_pack(path);
    if (!checked.ok())
        return Status::failure(Problem::failed, "the pack just written does not pass its own "
                                                "checks: " +
                                                    checked.message_for_person);
    return seal_content_pack(path);
}

Status build_content_pack(const Guide& guide, const std::string& output_path) {
    // Build beside the target and rename, so a reader never sees a half-written pack.
    const std::string temporary_path = output_path + ".building";
    std::remove(temporary_path.c_str());
    sqlite3* database = nullptr;
    if (sqlite3_open_v2(temporary_path.c_str(), &database,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        std::string message = database ? sqlite3_errmsg(database) : "out of memory";
        sqlite3_close(database);
        return Status::failure(Problem::failed, "cannot create " + temporary_path + ": " + message);
    }
    // Small pages: the pack is ~30 KB of text in many small tables and indexes, and each
    // of them takes at least one page; at 512 bytes the half-empty last pages cost little.
    sqlite3_exec(database, "PRAGMA journal_mode=OFF; PRAGMA page_size=512;", nullptr, nullptr,
                 nullptr);
    std::string error = PackWriter(database).write(guide);
    sqlite3_close(database);
    if (!error.empty()) {
        std::remove(temporary_path.c_str());
        return Status::failure(Problem::failed, "cannot write the content pack: " + error);
    }
    if (Status sealed = check_and_seal_content_pack(temporary_path); !sealed.ok()) {
        std::remove(temporary_path.c_str());
        return sealed;
    }
    if (std::rename(temporary_path.c_str(), output_path.c_str()) != 0)
        return Status::failure(Problem::failed,
                               "cannot move the content pack into place at " + output_path);
    return Status::success();
}

} // namespace lungguide
