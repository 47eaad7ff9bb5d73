#include "content/content_pack.h"

#include "common/data_files.h"
#include "common/sqlite_statement.h"
#include "content/content_pack_dictionary.h"
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
#include <type_traits>
#include <unistd.h>
#include <unordered_map>

namespace lungguide {

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

// Joins the keys of the items a row belongs to into one string.
void add_key(std::string& keys, const std::string& key) {
    keys += '\x1f';
    keys += key;
}

std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (const std::string& name : names)
        text += (text.empty() ? "" : ", ") + name;
    return text;
}

// Sets an item's scalar fields from a row, from `column` on, in the list's order.
struct ScalarsFromRow {
    const sqlite::Statement& row;
    int column;
    void text(std::string& value, const fields::Field&) { value = row.text(column++); }
    void flag(bool& value, const fields::Field&) { value = row.integer(column++) != 0; }
    // A value the list does not know reads as the first option.
    template <typename Enum>
    void choice(Enum& value, const fields::Field&, fields::Choices<Enum> options) {
        const std::string id = row.text(column++);
        value = options.begin()->value;
        for (const auto& option : options)
            if (id == option.id) value = option.value;
    }
    void texts(std::vector<std::string>&, const fields::Field&, const fields::TextTable&) {}
    template <typename Item>
    void items(std::vector<Item>&, const fields::Field&, const fields::ItemTable&) {}
};

// The Guide's own scalars are rows of meta.
struct ScalarsFromMeta {
    const std::unordered_map<std::string, std::string>& meta;
    void text(std::string& value, const fields::Field& field) {
        if (auto found = meta.find(field.name); found != meta.end()) value = found->second;
    }
    void flag(bool&, const fields::Field&) {}
    template <typename Enum> void choice(Enum&, const fields::Field&, fields::Choices<Enum>) {}
    void texts(std::vector<std::string>&, const fields::Field&, const fields::TextTable&) {}
    template <typename Item>
    void items(std::vector<Item>&, const fields::Field&, const fields::ItemTable&) {}
};

// The list an item holds in its field number `wanted` (counting every field of the list).
template <typename List> struct ListAt {
    std::size_t wanted;
    std::size_t at = 0;
    List* found = nullptr;
    template <typename Other> void take(Other& list) {
        if constexpr (std::is_same_v<Other, List>)
            if (at == wanted) found = &list;
        ++at;
    }
    void text(std::string&, const fields::Field&) { ++at; }
    void flag(bool&, const fields::Field&) { ++at; }
    template <typename Enum> void choice(Enum&, const fields::Field&, fields::Choices<Enum>) {
        ++at;
    }
    void texts(std::vector<std::string>& list, const fields::Field&, const fields::TextTable&) {
        take(list);
    }
    template <typename Item>
    void items(std::vector<Item>& list, const fields::Field&, const fields::ItemTable&) {
        take(list);
    }
};

// A list of texts of an item: its field number, and its table.
struct TextList {
    std::size_t field;
    fields::TextTable table;
};

// The items of one level of the Guide (the Guide itself, its classes, their uses, …) and the
// keys their children's rows name them by (add_key).
template <typename Item> struct Level {
    std::vector<Item*> items;
    std::vector<std::string> keys;
    std::unordered_map<std::string, std::size_t> by_key; // the first item with each key
};

// Reads the Guide from the tables the list names (guide_fields.h), a level at a time: each
// list of a level is read whole in one statement, in the order of its table's primary key,
// and its rows are handed to the items their keys name; rows come grouped by item, so each
// item is looked up once. Not one statement per class or drug, which on a large pack would
// be hundreds of thousands. A row whose item is not in the pack is never shown, and any failed
// statement means the pack is damaged.
class PackReader {
  public:
    explicit PackReader(sqlite3* database) : database_(database) {}

    bool read(Guide& guide) {
        std::unordered_map<std::string, std::string> meta;
        query("SELECT key, value FROM meta",
              [&](sqlite::Statement& row) { meta[row.text(0)] = row.text(1); });
        guide.schema_version = std::atoi(meta["schema_version"].c_str());
        ScalarsFromMeta from_meta{meta};
        fields::visit_fields(guide, from_meta);
        Level<Guide> root;
        root.items = {&guide};
        root.keys = {""};
        read_lists(root);
        derive_links(guide);
        return !failed_;
    }

    // Called by read_lists for each list field of a level's items.
    template <typename Parent> struct Lists {
        PackReader& reader;
        Level<Parent>& level;
        std::size_t at = 0;
        void text(std::string&, const fields::Field&) { ++at; }
        void flag(bool&, const fields::Field&) { ++at; }
        template <typename Enum> void choice(Enum&, const fields::Field&, fields::Choices<Enum>) {
            ++at;
        }
        std::vector<TextList> text_lists; // read once the walk is over, a table at a time
        void texts(std::vector<std::string>&, const fields::Field&,
                   const fields::TextTable& table) {
            text_lists.push_back({at++, table});
        }
        template <typename Item>
        void items(std::vector<Item>&, const fields::Field&, const fields::ItemTable& table) {
            reader.read_items<Item>(level, at++, table);
        }
    };

  private:
    template <typename Parent> void read_lists(Level<Parent>& level) {
        for (std::size_t index = 0; index < level.items.size(); ++index)
            level.by_key.emplace(level.keys[index], index);
        Parent shape{};
        Lists<Parent> lists{*this, level, 0, {}};
        fields::visit_fields(shape, lists);
        read_texts(level, lists.text_lists);
    }

    // Calls on_row(list, row, keys, field) for each row of the query whose first
    // key_columns_ columns name an item of the level (keys, joined by add_key), with that
    // item's list in field number `field`, the one field_of(row) names (npos: none).
    template <typename List, typename Parent, typename FieldOf, typename OnRow>
    void rows_of(Level<Parent>& level, const std::string& sql, FieldOf field_of, OnRow on_row) {
        std::string last_keys = "\x1e"; // no item's
        std::size_t last_field = std::string::npos;
        List* list = nullptr;
        query(sql, [&](sqlite::Statement& row) {
            std::string keys;
            for (std::size_t column = 0; column < key_columns_.size(); ++column)
                add_key(keys, row.text(static_cast<int>(column)));
            const std::size_t field = field_of(row);
            if (keys != last_keys || field != last_field) {
                last_keys = keys;
                last_field = field;
                auto found = level.by_key.find(keys);
                ListAt<List> list_at{field};
                if (found != level.by_key.end())
                    fields::visit_fields(*level.items[found->second], list_at);
                list = list_at.found;
            }
            if (list) on_row(*list, row, last_keys, field);
        });
    }

    // The lists of texts of a level's items, a table at a time: a table several lists share
    // (by their kind) is read once.
    template <typename Parent>
    void read_texts(Level<Parent>& level, const std::vector<TextList>& lists) {
        using Stored = fields::TextTable::Stored;
        for (std::size_t first = 0; first < lists.size(); ++first) {
            const fields::TextTable& table = lists[first].table;
            bool read_before = false;
            for (std::size_t before = 0; before < first; ++before)
                read_before |= std::strcmp(lists[before].table.table, table.table) == 0;
            if (read_before) continue;
            std::vector<std::string> columns = key_columns_;
            if (table.kind) columns.push_back("kind");
            if (table.stored != Stored::set) columns.push_back("position");
            columns.push_back(table.value_column);
            const int kind = static_cast<int>(key_columns_.size());
            const int value = static_cast<int>(columns.size()) - 1;
            auto list_of = [&](const sqlite::Statement& row) {
                for (const TextList& list : lists)
                    if (std::strcmp(list.table.table, table.table) == 0 &&
                        (!table.kind || row.text(kind) == list.table.kind))
                        return &list;
                return static_cast<const TextList*>(nullptr);
            };
            rows_of<std::vector<std::string>>(
                level, select(table.table, columns, columns),
                [&](const sqlite::Statement& row) {
                    const TextList* list = list_of(row);
                    return list ? list->field : std::string::npos;
                },
                [&](std::vector<std::string>& values, const sqlite::Statement& row,
                    const std::string&, std::size_t) {
                    if (list_of(row)->table.stored != Stored::lines)
                        return values.push_back(row.text(value));
                    // One line per text (content_pack_builder.cpp).
                    const std::string lines = row.text(value);
                    for (std::size_t start = 0; start <= lines.size();) {
                        std::size_t end = std::min(lines.find('\n', start), lines.size());
                        if (end > start) values.push_back(lines.substr(start, end - start));
                        start = end + 1;
                    }
                });
        }
    }

    template <typename Item, typename Parent>
    void read_items(Level<Parent>& level, std::size_t field, const fields::ItemTable& table) {
        const std::vector<fields::Field>& scalars = fields::scalar_fields<Item>();
        std::vector<std::string> columns = key_columns_;
        if (table.positioned) columns.push_back("position");
        const int first_scalar = static_cast<int>(columns.size());
        // The item's key for its children: its key field, else its position.
        std::size_t key_column = key_columns_.size();
        for (std::size_t index = scalars.size(); index-- > 0;)
            if (scalars[index].has(fields::key)) key_column = columns.size() + index;
        for (const fields::Field& scalar : scalars)
            columns.push_back(scalar.name);
        // In the order of the primary key: the keys, then the position or the item's key.
        std::vector<std::string> order(columns.begin(), columns.begin() + key_columns_.size());
        order.push_back(columns[table.positioned ? key_columns_.size() : key_column]);
        std::vector<std::pair<std::vector<Item>*, std::size_t>> read;
        Level<Item> children;
        rows_of<std::vector<Item>>(
            level, select(table.table, columns, order),
            [field](const sqlite::Statement&) { return field; },
            [&](std::vector<Item>& list, const sqlite::Statement& row, const std::string& keys,
                std::size_t) {
                ScalarsFromRow from_row{row, first_scalar};
                list.emplace_back();
                fields::visit_fields(list.back(), from_row);
                if (!table.key_column) return;
                read.emplace_back(&list, list.size() - 1);
                children.keys.push_back(keys);
                add_key(children.keys.back(), row.text(static_cast<int>(key_column)));
            });
        if (!table.key_column) return;
        for (const auto& [list, index] : read)
            children.items.push_back(&(*list)[index]);
        key_columns_.push_back(table.key_column);
        read_lists(children);
        key_columns_.pop_back();
    }

    static std::string select(const char* table, const std::vector<std::string>& columns,
                              const std::vector<std::string>& order) {
        return "SELECT " + joined(columns) + " FROM " + table + " ORDER BY " + joined(order);
    }

    // Runs a query and calls on_row for each row.
    template <typename OnRow> void query(const std::string& sql, OnRow on_row) {
        if (failed_) return;
        sqlite::Statement statement(database_, sql.c_str());
        int result;
        while ((result = statement.step()) == SQLITE_ROW)
            on_row(statement);
        if (!statement.prepared() || result != SQLITE_DONE) failed_ = true;
    }

    sqlite3* database_;
    bool failed_ = false;
    std::vector<std::string> key_columns_; // of the level being read, outermost first
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
    const std::string recorded = recorded_content_pack_digest(database);
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
        sqlite3* opened = nullptr;
        const int code = sqlite3_open_v2(file_uri(path).c_str(), &opened,
                                         SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
        // Closed on every way out: all the pack holds is read here (content_pack.h).
        const std::unique_ptr<sqlite3, int (*)(sqlite3*)> database(opened, sqlite3_close);
        if (code != SQLITE_OK) return Status::failure(Problem::damaged, damaged_message(path));
        // An unvouched pack gets the full checks first, so that damage is named as such.
        if (Status checked = check_pack_database(database.get(), path, vouched_for); !checked.ok())
            return checked;
        if (key && !vouched_for)
            return Status::failure(Problem::damaged, unvouched_message(path, stamps, signature));
        if (!PackReader(database.get()).read(pack->guide_) || pack->guide_.classes.empty() ||
            !read_content_pack_dictionary(database.get(), pack->dictionary_front_coded_))
            return Status::failure(Problem::damaged, damaged_message(path));
        pack->digest_ = recorded_content_pack_digest(database.get());
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
