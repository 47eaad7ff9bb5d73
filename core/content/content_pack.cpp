#include "content/content_pack.h"

#include "common/data_files.h"
#include "common/sqlite_statement.h"
#include "content/content_pack_digest.h"
#include "content/content_pack_seal.h"
#include "content/content_pack_signature.h"
#include "content/guide_fields.h"
#include "content/guide_json.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <memory>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>

namespace lungguide {

ContentPack::~ContentPack() {
    sqlite3_close(database_);
}

namespace {

// SQLite URIs need %, ? and # escaped; the pack may live in any folder.
std::string file_uri(const std::string& path) {
    static const char hex[] = "0123456789ABCDEF";
    std::string uri = "file:";
    for (unsigned char character : path) {
        if (character == '%' || character == '?' || character == '#' || character < 0x20) {
            uri += '%';
            uri += hex[character >> 4];
            uri += hex[character & 15];
        } else {
            uri += static_cast<char>(character);
        }
    }
    // immutable: the pack never changes while open, so SQLite takes no locks and writes
    // no journal, which also works on read-only app storage.
    return uri + "?mode=ro&immutable=1";
}

// A value of a row, as text (ids, positions as keys) and as a number (flags).
struct Value {
    std::string text;
    std::int64_t number = 0;
};
using Row = std::vector<Value>;

// Joins the keys of the items a row belongs to into one string.
void add_key(std::string& keys, const std::string& key) {
    keys += '\x1f';
    keys += key;
}

// Sets an item's scalar fields from its row, in the list's order (guide_fields.h).
struct ScalarsFromRow {
    const Row& row;
    std::size_t column;
    void text(std::string& value, const fields::Field&) { value = row[column++].text; }
    void flag(bool& value, const fields::Field&) { value = row[column++].number != 0; }
    // A value the list does not know reads as the first option.
    template <typename Enum>
    void choice(Enum& value, const fields::Field&, fields::Choices<Enum> options) {
        const std::string& id = row[column++].text;
        value = options.begin()->value;
        for (const auto& option : options)
            if (id == option.id) value = option.value;
    }
    void texts(std::vector<std::string>&, const fields::Field&, const fields::TextTable&) {}
    template <typename Item>
    void items(std::vector<Item>&, const fields::Field&, const fields::ItemTable&) {}
};

// Reads the Guide from the tables the list names (guide_fields.h). Each table is read whole
// in one statement, in the order of its primary key, and its rows are handed to the items
// they belong to: one statement per table, not one per class or drug, which on a large pack
// would be hundreds of thousands. A row whose items are not in the pack is never shown, and
// any failed statement means the pack is damaged.
class PackReader {
  public:
    explicit PackReader(sqlite3* database) : database_(database) {}

    bool read(Guide& guide) {
        query("SELECT key, value FROM meta",
              [&](sqlite::Statement& row) { meta_[row.text(0)] = row.text(1); });
        guide.schema_version = std::atoi(meta_["schema_version"].c_str());
        fields::visit_fields(guide, *this);
        derive_links(guide);
        return !failed_;
    }

    // The Guide's own scalars are rows of meta; an item's are set from its row.
    void text(std::string& value, const fields::Field& field) {
        if (key_columns_.empty()) {
            auto found = meta_.find(field.name);
            if (found != meta_.end()) value = found->second;
        }
    }
    void flag(bool&, const fields::Field&) {}
    template <typename Enum> void choice(Enum&, const fields::Field&, fields::Choices<Enum>) {}

    void texts(std::vector<std::string>& values, const fields::Field&,
               const fields::TextTable& table) {
        using Stored = fields::TextTable::Stored;
        std::vector<std::string> columns = key_columns_;
        if (table.stored == Stored::set) {
            columns.push_back(table.value_column);
            for (const Row& row : rows(table.table, columns, columns, 0, keys_))
                values.push_back(row.back().text);
            return;
        }
        if (table.kind) columns.push_back("kind");
        columns.insert(columns.end(), {"position", table.value_column});
        std::string keys = keys_;
        if (table.kind) add_key(keys, table.kind);
        const std::size_t key_count = key_columns_.size() + (table.kind ? 1 : 0);
        for (const Row& row : rows(table.table, columns, columns, key_count, keys)) {
            if (table.stored == Stored::rows) {
                values.push_back(row.back().text);
                continue;
            }
            // One line per text (content_pack_builder.cpp).
            const std::string& lines = row.back().text;
            for (std::size_t start = 0; start <= lines.size();) {
                std::size_t end = std::min(lines.find('\n', start), lines.size());
                if (end > start) values.push_back(lines.substr(start, end - start));
                start = end + 1;
            }
        }
    }

    template <typename Item>
    void items(std::vector<Item>& list, const fields::Field&, const fields::ItemTable& table) {
        const std::vector<fields::Field> scalars = fields::scalar_fields<Item>();
        std::vector<std::string> columns = key_columns_;
        const std::size_t own_key = key_columns_.size();
        if (table.positioned) columns.push_back("position");
        // The item's key for its children: its key field, else its position.
        std::size_t key_column = own_key;
        bool keyed = false;
        for (const fields::Field& scalar : scalars) {
            if (scalar.has(fields::key) && !keyed) {
                key_column = columns.size();
                keyed = true;
            }
            columns.push_back(scalar.name);
        }
        // In the order of the table's primary key: the keys, then the position or the key.
        std::vector<std::string> order(columns.begin(), columns.begin() + own_key);
        order.push_back(columns[table.positioned ? own_key : key_column]);
        const std::vector<Row>& found = rows(table.table, columns, order, own_key, keys_);
        for (const Row& row : found) {
            ScalarsFromRow from_row{row, own_key + (table.positioned ? 1 : 0)};
            list.emplace_back();
            fields::visit_fields(list.back(), from_row);
        }
        if (!table.key_column) return;
        const std::string keys = keys_;
        key_columns_.push_back(table.key_column);
        for (std::size_t index = 0; index < found.size(); ++index) {
            keys_ = keys;
            add_key(keys_, found[index][key_column].text);
            fields::visit_fields(list[list.size() - found.size() + index], *this);
        }
        key_columns_.pop_back();
        keys_ = keys;
    }

  private:
    // Runs a query and calls on_row for each row.
    template <typename OnRow> void query(const std::string& sql, OnRow on_row) {
        if (failed_) return;
        sqlite::Statement statement(database_, sql.c_str());
        int result;
        while ((result = statement.step()) == SQLITE_ROW)
            on_row(statement);
        if (!statement.prepared() || result != SQLITE_DONE) failed_ = true;
    }

    // The rows of a table that belong to the items `keys` names, in the order of `order`.
    // The table is read the first time it is asked for, its rows grouped by the keys of
    // their items (and by kind, the column after the keys, when the table has one).
    const std::vector<Row>& rows(const char* table, const std::vector<std::string>& columns,
                                 const std::vector<std::string>& order, std::size_t key_count,
                                 const std::string& keys) {
        auto [tables, first_time] = tables_.try_emplace(table);
        std::unordered_map<std::string, std::vector<Row>>& grouped = tables->second;
        if (first_time)
            query("SELECT " + joined(columns) + " FROM " + table + " ORDER BY " + joined(order),
                  [&](sqlite::Statement& statement) {
                      Row row(columns.size());
                      std::string row_keys;
                      for (std::size_t column = 0; column < columns.size(); ++column) {
                          const int at = static_cast<int>(column);
                          row[column] = {statement.text(at), statement.integer(at)};
                          if (column < key_count) add_key(row_keys, row[column].text);
                      }
                      grouped[row_keys].push_back(std::move(row));
                  });
        auto found = grouped.find(keys);
        return found == grouped.end() ? no_rows_ : found->second;
    }

    static std::string joined(const std::vector<std::string>& names) {
        std::string text;
        for (const std::string& name : names)
            text += (text.empty() ? "" : ", ") + name;
        return text;
    }

    sqlite3* database_;
    bool failed_ = false;
    std::unordered_map<std::string, std::string> meta_;
    // Each table read, its rows by the keys of their items.
    std::unordered_map<std::string, std::unordered_map<std::string, std::vector<Row>>> tables_;
    std::vector<std::string> key_columns_; // of the items being read, outermost first
    std::string keys_;                     // their keys, joined by add_key
    const std::vector<Row> no_rows_;
};

std::string read_schema_version(sqlite3* database, bool& found) {
    found = false;
    sqlite::Statement statement(database, "SELECT value FROM meta WHERE key = 'schema_version'");
    if (statement.step() != SQLITE_ROW) return {};
    found = true;
    return statement.text(0);
}

constexpr const char* what_to_do_with_a_changed_pack =
    ". LungGuide will not show text it can't vouch for. Reinstall LungGuide to restore it.";

// Recomputes the digest of every table and compares it with the one the builder recorded.
Status verify_digest(sqlite3* database, const std::string& path) {
    const std::string refused =
        "The content pack at " + path + " has been changed or damaged since it was built";
    const std::string what_to_do = what_to_do_with_a_changed_pack;
    std::string recorded;
    {
        sqlite::Statement select(database, "SELECT value FROM meta WHERE key = ?");
        select.bind(1, std::string(content_pack_digest_key));
        if (select.step() == SQLITE_ROW) recorded = select.text(0);
    }
    if (recorded.empty())
        return Status::failure(Problem::damaged,
                               refused + " (it has no record of its content)" + what_to_do);
    const Result<std::string> computed = compute_content_pack_digest(database);
    if (!computed.ok())
        return Status::failure(Problem::damaged,
                               refused + " (" + computed.message_for_person() + ")" + what_to_do);
    if (computed.value() == recorded) return Status::success();
    return Status::failure(Problem::damaged, refused + " (its " +
                                                 first_differing_table(recorded, computed.value()) +
                                                 " table differs)" + what_to_do);
}

std::string damaged_message(const std::string& path) {
    return "The content pack at " + path +
           " is damaged or incomplete. Reinstall LungGuide to restore it.";
}

// Before SQLite sees it: the path is a regular file that starts like an SQLite database.
Status check_pack_file(const std::string& path) {
    // O_NONBLOCK: a FIFO or a device given as the pack must be refused, not waited on.
    const int descriptor = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (descriptor < 0)
        return Status::failure(Problem::not_found,
                               "The content pack is missing: " + path +
                                   " cannot be read. Reinstall LungGuide, or pass --pack PATH.");
    struct stat info {};
    const bool regular = fstat(descriptor, &info) == 0 && S_ISREG(info.st_mode);
    char header[16] = {};
    const ssize_t count = regular ? ::read(descriptor, header, sizeof header) : 0;
    ::close(descriptor);
    if (!regular)
        return Status::failure(Problem::invalid_input,
                               path + " is not a LungGuide content pack (it is not a file).");
    if (count <= 0) return Status::failure(Problem::damaged, damaged_message(path));
    if (count < 16 || std::memcmp(header, "SQLite format 3", 16) != 0)
        return Status::failure(Problem::invalid_input, path + " is not a LungGuide content pack.");
    return Status::success();
}

// Why a pack whose tables all check out is refused all the same: its bytes are not the ones
// the builder sealed, or no key this program trusts signed them.
std::string unvouched_message(const std::string& path, const ContentPackStamps& stamps,
                              PackSignature signature) {
    if (!stamps.seal_holds)
        return "The content pack at " + path + " has been changed or damaged since it was built" +
               what_to_do_with_a_changed_pack;
    return "The content pack at " + path + " is not signed by LungGuide (" +
           (signature == PackSignature::missing ? "it has no signature"
                                                : "its signature is not LungGuide's") +
           "), so its medical text may have been changed" + what_to_do_with_a_changed_pack;
}

// The open database is sound, of this app's format, and holds what was built. A pack whose
// bytes are the ones the builder sealed and signed is the very file it checked in full, so
// only its format is asked (content_pack_seal.h, content_pack_signature.h).
Status check_pack_database(sqlite3* database, const std::string& path, bool vouched_for) {
    if (!vouched_for) {
        // integrity_check, not quick_check: it also compares each index with its table,
        // and a damaged index could otherwise hand back another row's text (~2 ms).
        sqlite::Statement check(database, "PRAGMA integrity_check");
        if (check.step() != SQLITE_ROW || check.text(0) != "ok")
            return Status::failure(Problem::damaged, damaged_message(path));
    }
    bool found = false;
    const std::string version = read_schema_version(database, found);
    if (!found)
        return Status::failure(Problem::invalid_input, path + " is not a LungGuide content pack.");
    if (version != std::to_string(content_pack_schema_version))
        return Status::failure(
            Problem::invalid_input,
            "The content pack at " + path + " was made for another version " +
                "of LungGuide (pack format " + version + ", this app reads format " +
                std::to_string(content_pack_schema_version) + "). Install the matching LungGuide.");
    return vouched_for ? Status::success() : verify_digest(database, path);
}

} // namespace

struct ContentPackOpener {
    // With a key, the pack must carry its signature; without one (the builder's own check of
    // a pack it has just written, before signing) the full checks decide alone.
    static Result<std::unique_ptr<ContentPack>> open(const std::string& path,
                                                     const PackPublicKey* key) {
        if (Status file = check_pack_file(path); !file.ok()) return file;
        const ContentPackStamps stamps = read_content_pack_stamps(path);
        const PackSignature signature =
            key ? check_content_pack_signature(stamps, *key) : PackSignature::missing;
        const bool vouched_for = stamps.seal_holds && signature == PackSignature::valid;
        std::unique_ptr<ContentPack> pack(new ContentPack());
        pack->path_ = path;
        if (sqlite3_open_v2(file_uri(path).c_str(), &pack->database_,
                            SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) != SQLITE_OK)
            return Status::failure(Problem::damaged, damaged_message(path));
        // An unvouched pack gets the full checks first, so that damage is named as such.
        if (Status database = check_pack_database(pack->database_, path, vouched_for);
            !database.ok())
            return database;
        if (key && !vouched_for)
            return Status::failure(Problem::damaged, unvouched_message(path, stamps, signature));
        if (!PackReader(pack->database_).read(pack->guide_) || pack->guide_.classes.empty())
            return Status::failure(Problem::damaged, damaged_message(path));
        return pack;
    }
};

Result<std::unique_ptr<ContentPack>> open_content_pack(const std::string& path) {
    return ContentPackOpener::open(path, &trusted_pack_public_key());
}

Result<std::unique_ptr<ContentPack>> open_content_pack(const std::string& path,
                                                       const PackPublicKey& key) {
    return ContentPackOpener::open(path, &key);
}

Status check_unsigned_content_pack(const std::string& path) {
    return ContentPackOpener::open(path, nullptr).status();
}

std::string default_content_pack_path() {
    // An explicit choice wins, so $LUNGGUIDE_PACK also redirects an installed program.
    if (const char* from_environment = std::getenv("LUNGGUIDE_PACK"))
        if (*from_environment) return from_environment;
    return find_data_path("lungguide-content.db", "lungguide-content.db");
}

} // namespace lungguide
