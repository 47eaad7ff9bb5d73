#include "content/content_pack_schema.h"

#include "content/guide_fields.h"

#include <vector>

namespace lungguide {

namespace {

// One column: its name and its declaration after the name ("TEXT NOT NULL").
struct Column {
    std::string name;
    std::string declaration;
    bool operator==(const Column& other) const {
        return name == other.name && declaration == other.declaration;
    }
};

struct Table {
    std::string name;
    std::vector<Column> columns;  // the kind column's CHECK is added when written
    std::vector<std::string> key; // empty: a rowid table without a key
    bool without_rowid = true;
    std::vector<std::string> kinds; // the lists sharing the table, in order
};

std::string text_declaration() {
    return "TEXT NOT NULL";
}

template <typename Enum>
std::string checked_declaration(const char* name, fields::Choices<Enum> options) {
    std::string ids;
    for (const auto& option : options)
        ids += (ids.empty() ? "'" : ", '") + std::string(option.id) + "'";
    return text_declaration() + " CHECK(" + name + " IN (" + ids + "))";
}

// The columns of an item's scalar fields (guide_fields.h), and its own key, if any.
struct ScalarColumns {
    std::vector<Column> columns;
    std::size_t key_at = 0; // its key's column, counted from 1; 0 when it has none

    void add(const fields::Field& field, std::string declaration) {
        if (field.has(fields::key)) key_at = columns.size() + 1;
        columns.push_back({field.name, std::move(declaration)});
    }
    void text(const std::string&, const fields::Field& field) { add(field, text_declaration()); }
    void flag(bool, const fields::Field& field) { add(field, "INTEGER NOT NULL"); }
    template <typename Enum>
    void choice(Enum, const fields::Field& field, fields::Choices<Enum> options) {
        add(field, checked_declaration(field.name, options));
    }
    void texts(const std::vector<std::string>&, const fields::Field&, const fields::TextTable&) {}
    template <typename Item>
    void items(const std::vector<Item>&, const fields::Field&, const fields::ItemTable&) {}
};

std::vector<std::string> names_of(const std::vector<Column>& columns) {
    std::vector<std::string> names;
    for (const Column& column : columns)
        names.push_back(column.name);
    return names;
}

// Lays out a table for every list the field list names, in the order it names them (an item's
// table, then its lists'), as the pack builder writes them.
class SchemaLayout {
  public:
    std::vector<Table> tables;
    std::string conflict;

    void text(const std::string&, const fields::Field&) {}
    void flag(bool, const fields::Field&) {}
    template <typename Enum> void choice(Enum, const fields::Field&, fields::Choices<Enum>) {}

    void texts(const std::vector<std::string>&, const fields::Field&,
               const fields::TextTable& list) {
        using Stored = fields::TextTable::Stored;
        Table table{list.table, parent_keys_, {}, true, {}};
        if (list.stored == Stored::set) {
            table.columns = {{list.value_column, text_declaration()}};
            table.key = {list.value_column};
            add(std::move(table));
            return;
        }
        if (list.kind) {
            table.columns.push_back({"kind", text_declaration()});
            table.kinds.push_back(list.kind);
        }
        table.columns.insert(table.columns.end(), {{"position", "INTEGER NOT NULL"},
                                                   {list.value_column, text_declaration()}});
        if (list.stored == Stored::lines)
            table.without_rowid = false;
        else
            table.key = names_of({table.columns.begin(), table.columns.end() - 1});
        add(std::move(table));
    }

    template <typename Item>
    void items(const std::vector<Item>&, const fields::Field&, const fields::ItemTable& list) {
        const Item sample{};
        ScalarColumns scalars;
        fields::visit_fields(sample, scalars);
        Table table{list.table, parent_keys_, {}, true, {}};
        if (list.positioned) table.columns.push_back({"position", "INTEGER NOT NULL"});
        table.columns.insert(table.columns.end(), scalars.columns.begin(), scalars.columns.end());
        const Column own_key = scalars.key_at ? scalars.columns[scalars.key_at - 1]
                                              : Column{"position", "INTEGER NOT NULL"};
        if (parent_keys_.empty() && list.positioned) {
            // The rowid is the position; the key stays unique.
            table.columns.front().declaration = "INTEGER PRIMARY KEY";
            if (scalars.key_at)
                table.columns[scalars.key_at].declaration = text_declaration() + " UNIQUE";
            table.without_rowid = false;
        } else {
            table.key = names_of(parent_keys_);
            table.key.push_back(list.positioned ? "position" : own_key.name);
        }
        add(std::move(table));
        if (!list.key_column) return;
        // Its lists' rows name it by its key (a choice's id is text, unchecked there).
        const bool numbered = own_key.name == "position";
        parent_keys_.push_back(
            {list.key_column, numbered ? "INTEGER NOT NULL" : text_declaration()});
        fields::visit_fields(sample, *this);
        parent_keys_.pop_back();
    }

  private:
    // A table named before (lists sharing it) must have the same columns; its kinds add up.
    void add(Table table) {
        for (Table& known : tables) {
            if (known.name != table.name) continue;
            if (!(known.columns == table.columns)) {
                conflict =
                    "the lists sharing the pack table " + table.name + " give it different columns";
                return;
            }
            if (!table.without_rowid) { // one of the lists is kept as lines: see the header
                known.without_rowid = false;
                known.key.clear();
            }
            known.kinds.insert(known.kinds.end(), table.kinds.begin(), table.kinds.end());
            return;
        }
        tables.push_back(std::move(table));
    }

    std::vector<Column> parent_keys_; // of the items being laid out, outermost first
};

std::string create_statement(const Table& table) {
    std::string sql = "CREATE TABLE " + table.name + "(";
    for (std::size_t index = 0; index < table.columns.size(); ++index) {
        const Column& column = table.columns[index];
        sql += (index ? ", " : "") + column.name + " " + column.declaration;
        if (column.name == "kind" && !table.kinds.empty()) {
            std::string kinds;
            for (const std::string& kind : table.kinds)
                kinds += (kinds.empty() ? "'" : ", '") + kind + "'";
            sql += " CHECK(kind IN (" + kinds + "))";
        }
    }
    if (!table.key.empty()) {
        std::string key;
        for (const std::string& name : table.key)
            key += (key.empty() ? "" : ", ") + name;
        sql += ", PRIMARY KEY(" + key + ")";
    }
    sql += ")";
    if (table.without_rowid) sql += " WITHOUT ROWID";
    return sql + ";\n";
}

} // namespace

Result<std::string> content_pack_schema_sql() {
    SchemaLayout layout;
    const Guide sample{};
    fields::visit_fields(sample, layout);
    if (!layout.conflict.empty()) return Status::failure(Problem::failed, layout.conflict);
    std::string sql =
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;\n";
    for (const Table& table : layout.tables)
        sql += create_statement(table);
    return sql + "CREATE TABLE dictionary_words(front_coded TEXT NOT NULL);\n";
}

} // namespace lungguide
