// The pack's tables are made from the list of the Guide's fields (content_pack_schema.h): every
// list the field list names is a table with a column for each of its items' fields, and a
// change to that text is a new pack format.
#include "common/sha256.h"
#include "common/sqlite_statement.h"
#include "content/content_pack.h"
#include "content/content_pack_schema.h"
#include "content/guide_fields.h"

#include <doctest/doctest.h>
#include <map>
#include <set>
#include <sqlite3.h>

using namespace lungguide;

namespace {

// The digest of the schema text each pack format stands for. Changing the field list in a way
// that reaches the pack fails the check below: bump content_pack_schema_version (content_pack.h)
// and add the new format's line here; keep the old lines.
const std::map<int, std::string> schema_digest_of_format = {
    {3, "98619af7fdf3f0811dd959959a0dc16d48733e6cea410c0e12ff2a56dd061419"},
};

struct Database {
    sqlite3* handle = nullptr;
    Database() { sqlite3_open(":memory:", &handle); }
    ~Database() { sqlite3_close(handle); }
    std::set<std::string> columns_of(const std::string& table, bool key_only = false) const {
        std::set<std::string> names;
        sqlite::Statement info(handle, ("PRAGMA table_info(" + table + ")").c_str());
        while (info.step() == SQLITE_ROW)
            if (!key_only || info.integer(5) != 0) names.insert(info.text(1));
        return names;
    }
};

// Every pack table the field list names, with the columns its items' fields need.
struct NamedTables {
    std::map<std::string, std::set<std::string>> columns;
    void text(const std::string&, const fields::Field&) {}
    void flag(bool, const fields::Field&) {}
    template <typename Enum> void choice(Enum, const fields::Field&, fields::Choices<Enum>) {}
    void texts(const std::vector<std::string>&, const fields::Field&,
               const fields::TextTable& table) {
        columns[table.table].insert(table.value_column);
        if (table.kind) columns[table.table].insert("kind");
    }
    template <typename Item>
    void items(const std::vector<Item>&, const fields::Field&, const fields::ItemTable& table) {
        for (const fields::Field& field : fields::scalar_fields<Item>())
            columns[table.table].insert(field.name);
        const Item sample{};
        fields::visit_fields(sample, *this);
    }
};

} // namespace

TEST_CASE("content pack schema: a table for every list of the field list, a column per field") {
    const Result<std::string> schema = content_pack_schema_sql();
    REQUIRE_MESSAGE(schema.ok(), schema.message_for_person());
    Database database;
    REQUIRE_MESSAGE(sqlite3_exec(database.handle, schema.value().c_str(), nullptr, nullptr,
                                 nullptr) == SQLITE_OK,
                    sqlite3_errmsg(database.handle));
    NamedTables named;
    const Guide guide{};
    fields::visit_fields(guide, named);
    CHECK(named.columns.size() >= 19);
    for (const auto& [table, wanted] : named.columns) {
        const std::set<std::string> made = database.columns_of(table);
        INFO("table ", table);
        CHECK(!made.empty());
        for (const std::string& column : wanted) {
            INFO("column ", column);
            CHECK(made.count(column) == 1);
        }
    }
    // Nested lists are keyed by their parents' keys and their position.
    CHECK(database.columns_of("use_links", true) ==
          std::set<std::string>{"class_id", "use_position", "kind", "position"});
    // A list kept as lines of one row makes its table a rowid table without a key.
    CHECK(database.columns_of("symptom_concept_terms", true).empty());
    // A choice is checked against its options, in every table that holds it.
    CHECK(sqlite3_exec(database.handle,
                       "INSERT INTO drugs(position, id, name, kind, description) "
                       "VALUES(0, 'x', 'X', 'vitamin', '')",
                       nullptr, nullptr, nullptr) == SQLITE_CONSTRAINT);
    CHECK(sqlite3_exec(database.handle,
                       "INSERT INTO class_texts VALUES('egfr', 'warning', 0, 'text')", nullptr,
                       nullptr, nullptr) == SQLITE_CONSTRAINT);
}

TEST_CASE("content pack schema: a change to the tables is a new pack format") {
    const Result<std::string> schema = content_pack_schema_sql();
    REQUIRE(schema.ok());
    const auto format = schema_digest_of_format.find(content_pack_schema_version);
    REQUIRE_MESSAGE(format != schema_digest_of_format.end(), "add pack format ",
                    content_pack_schema_version, "'s line: {", content_pack_schema_version, ", \"",
                    sha256_hex(schema.value()), "\"}");
    CHECK_MESSAGE(sha256_hex(schema.value()) == format->second,
                  "the pack's tables changed: bump content_pack_schema_version and add the line {",
                  content_pack_schema_version + 1, ", \"", sha256_hex(schema.value()), "\"}");
}
