#include "bookmarks/user_store.h"

#include "bookmarks/user_data_dir.h"
#include "bookmarks/user_store_schema.h"
#include "bookmarks/user_text.h"
#include "common/sqlite_statement.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lungguide {

using sqlite::execute;
using sqlite::Statement;
using sqlite::Transaction;

namespace {

constexpr std::size_t target_max_characters = 80;
constexpr std::size_t route_max_characters = 200;
constexpr std::size_t setting_key_max_characters = 64;
constexpr std::size_t setting_value_max_characters = 1000;

const char* const nothing_lost = "Everything saved before is still there.";

bool is_damage(int code) {
    const int primary = code & 0xFF;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

bool is_write_refused(int code) {
    const int primary = code & 0xFF;
    return primary == SQLITE_READONLY || primary == SQLITE_PERM || primary == SQLITE_CANTOPEN ||
           primary == SQLITE_AUTH;
}

std::string compact_timestamp_now() {
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &parts);
    return buffer;
}

bool file_exists(const std::string& path) {
    struct stat info {};
    return stat(path.c_str(), &info) == 0;
}

// Size in bytes, or -1 when there is no such file.
long long file_size(const std::string& path) {
    struct stat info {};
    return stat(path.c_str(), &info) == 0 ? static_cast<long long>(info.st_size) : -1;
}

// A path as the path part of an SQLite file: URI, with everything but plain characters
// percent-encoded ("?" and "#" would otherwise end it).
std::string uri_path(const std::string& path) {
    static const char* const hex = "0123456789ABCDEF";
    std::string encoded;
    for (unsigned char character : path) {
        if (std::isalnum(character) || (character != 0 && std::strchr("/-._~", character))) {
            encoded += static_cast<char>(character);
        } else {
            encoded += '%';
            encoded += hex[character >> 4];
            encoded += hex[character & 15];
        }
    }
    return encoded;
}

// The first 16 bytes of every SQLite database. A file without them is not one of ours,
// whatever its name says.
enum class FileLooks { missing_or_empty, sqlite, not_a_database, unreadable };

FileLooks inspect_file(const std::string& path) {
    const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0)
        return errno == ENOENT ? FileLooks::missing_or_empty : FileLooks::unreadable;
    char header[100];
    ssize_t total = 0;
    while (total < static_cast<ssize_t>(sizeof header)) {
        const ssize_t count = ::read(descriptor, header + total, sizeof header - total);
        if (count < 0 && errno == EINTR) continue;
        if (count <= 0) break;
        total += count;
    }
    ::close(descriptor);
    if (total == 0) return FileLooks::missing_or_empty;
    if (total < static_cast<ssize_t>(sizeof header)) return FileLooks::not_a_database;
    return std::memcmp(header, "SQLite format 3", 16) == 0 ? FileLooks::sqlite
                                                           : FileLooks::not_a_database;
}

// Renames the store and its WAL and shared-memory files aside, keeping them together so the
// set can still be opened and examined later. Never deletes anything.
bool set_aside(const std::string& folder, const std::string& path, std::string& aside_path) {
    const std::string stamp = compact_timestamp_now();
    for (int attempt = 1; attempt < 1000; ++attempt) {
        aside_path = folder + "/lungguide-user.damaged-" + stamp +
                     (attempt > 1 ? "-" + std::to_string(attempt) : "") + ".sqlite";
        if (!file_exists(aside_path) && !file_exists(aside_path + "-wal")) break;
    }
    // The WAL first: if the main file's rename then failed, SQLite would not pair a stale
    // WAL with a different file.
    for (const char* suffix : {"-wal", "-shm"}) {
        const std::string from = path + suffix;
        if (file_exists(from) && std::rename(from.c_str(), (aside_path + suffix).c_str()) != 0)
            return false;
    }
    return std::rename(path.c_str(), aside_path.c_str()) == 0;
}

std::string shortened_message(bool note_shortened, bool label_shortened) {
    std::string message;
    if (note_shortened)
        message += "The note was longer than " + std::to_string(note_max_characters) +
                   " characters, so only the first " + std::to_string(note_max_characters) +
                   " were kept. ";
    if (label_shortened)
        message += "The name was longer than " + std::to_string(label_max_characters) +
                   " characters, so it was shortened. ";
    if (!message.empty()) message.pop_back();
    return message;
}

StoreStatus invalid(const std::string& message) {
    return {false, message, StoreProblem::invalid_input};
}

// Two notes about the same bookmark become one without losing either. Idempotent: merging
// the same note again changes nothing, so importing a file twice adds nothing twice.
std::string merge_notes(const std::string& existing, const std::string& incoming) {
    if (incoming.empty() || existing.find(incoming) != std::string::npos) return existing;
    if (existing.empty() || incoming.find(existing) != std::string::npos) return incoming;
    return clean_note(existing + "\n\n" + incoming).text;
}

Bookmark read_bookmark(const Statement& row) {
    Bookmark bookmark;
    bookmark.id = row.integer(0);
    bookmark.kind = row.text(1);
    bookmark.target = row.text(2);
    bookmark.person = row.text(3);
    bookmark.note = row.text(4);
    bookmark.created = row.text(5);
    bookmark.updated = row.text(6);
    return bookmark;
}

constexpr const char* bookmark_columns = "id, kind, target, person, note, created, updated";

// Looks up the bookmark with this kind, target and person (person compared without case).
std::optional<Bookmark> find_same(sqlite3* database, const std::string& kind,
                                  const std::string& target, const std::string& person, int& code) {
    const std::string sql = std::string("SELECT ") + bookmark_columns +
                            " FROM bookmarks WHERE kind = ? AND target = ? AND person = ?";
    Statement statement(database, sql.c_str());
    statement.bind(1, kind).bind(2, target).bind(3, person);
    const int step = statement.step();
    code = statement.result();
    if (step == SQLITE_ROW) return read_bookmark(statement);
    return std::nullopt;
}

// The fields of a bookmark as the store keeps them, or an error for a person.
struct CleanBookmark {
    std::string kind, target, person, note;
    bool shortened_note = false, shortened_label = false;
    std::string error;
};

// Inserts a cleaned bookmark with these times; id 0 lets SQLite choose. Returns the code.
int insert_bookmark(sqlite3* database, const CleanBookmark& clean, const std::string& created,
                    const std::string& updated, std::int64_t id = 0) {
    Statement insert(database, id == 0 ? "INSERT INTO bookmarks (kind, target, person, note, "
                                         "created, updated) VALUES (?, ?, ?, ?, ?, ?)"
                                       : "INSERT INTO bookmarks (kind, target, person, note, "
                                         "created, updated, id) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, clean.kind)
        .bind(2, clean.target)
        .bind(3, clean.person)
        .bind(4, clean.note)
        .bind(5, created)
        .bind(6, updated);
    if (id != 0) insert.bind(7, id);
    return insert.run();
}

// Sets a bookmark's note and its updated time. Returns the sqlite code.
int set_note(sqlite3* database, std::int64_t id, const std::string& note,
             const std::string& updated) {
    Statement update(database, "UPDATE bookmarks SET note = ?, updated = ? WHERE id = ?");
    return update.bind(1, note).bind(2, updated).bind(3, id).run();
}

CleanBookmark clean_bookmark(const std::string& kind, const std::string& target,
                             const std::string& person, const std::string& note) {
    CleanBookmark clean;
    if (kind != "class" && kind != "drug") {
        clean.error = "A bookmark is of a \"class\" or a \"drug\", not \"" +
                      clean_single_line(kind, 20).text + "\".";
        return clean;
    }
    clean.kind = kind;
    const CleanedText cleaned_target = clean_single_line(target, target_max_characters + 1);
    if (cleaned_target.text.empty() ||
        count_characters(cleaned_target.text) > target_max_characters) {
        clean.error = "A bookmark needs the id of a " + kind + " (at most " +
                      std::to_string(target_max_characters) + " characters).";
        return clean;
    }
    clean.target = cleaned_target.text;
    const CleanedText cleaned_person = clean_label(person);
    clean.person = cleaned_person.text;
    clean.shortened_label = cleaned_person.was_shortened;
    const CleanedText cleaned_note = clean_note(note);
    clean.note = cleaned_note.text;
    clean.shortened_note = cleaned_note.was_shortened;
    return clean;
}

} // namespace

std::string utc_timestamp_now() {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const std::time_t seconds = system_clock::to_time_t(now);
    const auto milliseconds =
        duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char buffer[40];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &parts);
    char result[48];
    std::snprintf(result, sizeof result, "%s.%03dZ", buffer, static_cast<int>(milliseconds));
    return result;
}

// Opening is the one place with many ways to fail, so it has a helper of its own.
struct UserStoreOpener {
    const std::string& folder;
    const UserStoreOptions& options;
    std::string& message;

    std::unique_ptr<UserStore> open() {
        message.clear();
        bool read_only = options.read_only;
        std::string folder_error;
        if (!read_only && !create_private_directory(folder, folder_error)) {
            message = folder_error + " Bookmarks can't be saved until it can.";
            return nullptr;
        }
        const std::string path = folder + "/" + user_store_file_name;

        if (!read_only && !create_private_file(path, read_only)) return nullptr;

        std::string set_aside_note;
        for (int attempt = 0; attempt < 2; ++attempt) {
            std::string damage;
            const FileLooks looks = inspect_file(path);
            if (looks == FileLooks::unreadable) {
                message = "LungGuide can't read your bookmarks file " + path + " (" +
                          std::strerror(errno) + ").";
                return nullptr;
            }
            if (looks == FileLooks::missing_or_empty && read_only) {
                message = "There are no saved bookmarks in " + folder + " yet.";
                return nullptr;
            }
            if (looks == FileLooks::not_a_database) {
                damage = "is not a LungGuide bookmarks file";
            } else {
                auto store = open_database(path, read_only, damage);
                if (store) {
                    if (!set_aside_note.empty())
                        message = set_aside_note + (message.empty() ? "" : " " + message);
                    return store;
                }
                if (damage.empty()) return nullptr; // message already says why
            }
            // The file is damaged. Keep it, untouched, under another name; start afresh.
            std::string aside_path;
            if (read_only || !set_aside(folder, path, aside_path)) {
                message = "Your bookmarks file " + path + " " + damage +
                          ", and it could not be moved aside" +
                          (read_only ? " because the folder is read-only" : "") +
                          ". It has not been changed or deleted.";
                return nullptr;
            }
            set_aside_note = "Your bookmarks file " + damage +
                             ", so LungGuide started a new, empty one. The old file was kept, "
                             "unchanged, as " +
                             aside_path +
                             ". If you exported your bookmarks, you can import them again.";
            if (!create_private_file(path, read_only)) return nullptr;
        }
        message = set_aside_note + " The new file could not be opened either.";
        return nullptr;
    }

    // Creates the store file with mode 0600 before SQLite sees it, so the owner-only
    // permissions do not depend on the umask (SQLite gives the WAL the same mode). A
    // read-only folder or disk switches to read-only use of an existing file.
    bool create_private_file(const std::string& path, bool& read_only) {
        const int descriptor = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (descriptor >= 0) {
            struct stat info {};
            if (fstat(descriptor, &info) == 0 && (info.st_mode & 077) != 0)
                fchmod(descriptor, 0600);
            ::close(descriptor);
            return true;
        }
        const int error = errno;
        if ((error == EROFS || error == EACCES || error == EPERM) && file_exists(path)) {
            read_only = true;
            return true;
        }
        message = "LungGuide can't create your bookmarks file in " + folder + " (" +
                  std::strerror(error) + "). Bookmarks can't be saved until it can.";
        return false;
    }

    // Opens, configures, checks and migrates. On damage returns null with damage set; on
    // other failures returns null with message set.
    std::unique_ptr<UserStore> open_database(const std::string& path, bool read_only,
                                             std::string& damage, bool immutable = false) {
        std::unique_ptr<UserStore> store(new UserStore());
        store->folder_ = folder;
        store->path_ = path;
        int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
        if (immutable) flags |= SQLITE_OPEN_URI;
        const std::string name = immutable ? "file:" + uri_path(path) + "?immutable=1" : path;
        int code = sqlite3_open_v2(name.c_str(), &store->database_, flags, nullptr);
        if (code != SQLITE_OK) {
            message = "LungGuide can't open your bookmarks file " + path + " (" +
                      sqlite3_errstr(code) + ").";
            return nullptr;
        }
        sqlite3* database = store->database_;
        // The app and the CLI may both have the store open; wait for the other's change.
        sqlite3_busy_timeout(database, 5000);
        read_only = read_only || sqlite3_db_readonly(database, "main") == 1;
        store->read_only_ = read_only;

        if (!read_only) {
            // WAL: a commit is one append and a kill -9 at any moment leaves either the old
            // or the new state. FULL: each commit is fsynced, so "saved" survives power loss.
            // secure_delete: a removed note is overwritten, not left in free pages.
            Statement journal(database, "PRAGMA journal_mode = WAL");
            journal.step();
            code = journal.result();
            if (code == SQLITE_OK) code = execute(database, "PRAGMA synchronous = FULL");
            if (code == SQLITE_OK) code = execute(database, "PRAGMA secure_delete = ON");
            if (code != SQLITE_OK) return refuse(code, damage);
        }

        {
            Statement check(database, "PRAGMA quick_check");
            const int step = check.step();
            // A WAL store on a read-only disk can't get its shared-memory file. When there
            // is no WAL content (the last writer closed cleanly) the main file is the whole
            // store, and SQLite may read it as immutable.
            if (read_only && !immutable && (check.result() & 0xFF) == SQLITE_CANTOPEN &&
                file_size(path + "-wal") <= 0)
                return open_database(path, read_only, damage, true);
            if (check.result() != SQLITE_OK) return refuse(check.result(), damage);
            if (step != SQLITE_ROW || check.text(0) != "ok") {
                damage = "is damaged";
                return nullptr;
            }
        }

        const int version = user_store_schema::read_version(database);
        if (version < 0) {
            damage = "is damaged";
            return nullptr;
        }
        if (version > user_store_schema_version) {
            // Made by a newer LungGuide: read what we understand, write nothing.
            store->read_only_ = true;
            message = "Your bookmarks were saved by a newer version of LungGuide, so this "
                      "version shows them but will not change them.";
            return store;
        }
        if (version < user_store_schema_version) {
            if (read_only) {
                message = "Your bookmarks file needs updating for this version of LungGuide, "
                          "but the folder " +
                          folder + " is read-only. Nothing was changed.";
                return nullptr;
            }
            code = user_store_schema::migrate_to_current(database);
            if (code != SQLITE_OK) return refuse(code, damage);
        }

        if (options.max_page_count > 0) {
            const std::string limit =
                "PRAGMA max_page_count = " + std::to_string(options.max_page_count);
            execute(database, limit.c_str());
        }
        if (read_only)
            message = "The folder " + folder +
                      " can't be written to, so your bookmarks can be read but not changed.";
        return store;
    }

    std::unique_ptr<UserStore> refuse(int code, std::string& damage) {
        if (is_damage(code)) {
            damage = "is damaged";
            return nullptr;
        }
        const int primary = code & 0xFF;
        if (primary == SQLITE_FULL)
            message = "Your device is full, so LungGuide can't open your bookmarks. " +
                      std::string(nothing_lost) + " Free some space and try again.";
        else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
            message = "Another LungGuide is busy with your bookmarks. Try again in a moment.";
        else
            message = "LungGuide can't open your bookmarks in " + folder + " (" +
                      sqlite3_errstr(code) + "). " + nothing_lost;
        return nullptr;
    }
};

std::unique_ptr<UserStore> UserStore::open(const std::string& folder,
                                           std::string& message_for_person) {
    return open(folder, message_for_person, UserStoreOptions{});
}

std::unique_ptr<UserStore> UserStore::open(const std::string& folder,
                                           std::string& message_for_person,
                                           const UserStoreOptions& options) {
    try {
        UserStoreOpener opener{folder, options, message_for_person};
        return opener.open();
    } catch (const std::exception& error) { // out of memory, mostly
        message_for_person = std::string("LungGuide can't open your bookmarks: ") + error.what();
        return nullptr;
    }
}

UserStore::~UserStore() {
    sqlite3_close_v2(database_);
}

StoreStatus UserStore::failure(int sqlite_code, const char* what) const {
    const int primary = sqlite_code & 0xFF;
    const std::string not_saved = std::string("so ") + what + " was not saved. ";
    if (primary == SQLITE_FULL)
        return {false,
                "Your device is full, " + not_saved + nothing_lost +
                    " Free some space and try again.",
                StoreProblem::disk_full};
    if (is_write_refused(sqlite_code))
        return {false,
                "LungGuide can't write to the folder " + folder_ + ", " + not_saved + nothing_lost,
                StoreProblem::read_only};
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        return {false,
                "Another LungGuide is saving right now, " + not_saved + "Try again in a moment.",
                StoreProblem::busy};
    if (is_damage(sqlite_code))
        return {false,
                "Your bookmarks file is damaged, " + not_saved +
                    "Close and reopen LungGuide: it keeps the damaged file aside and starts "
                    "a new one.",
                StoreProblem::damaged};
    return {false,
            "Something went wrong (" + std::string(sqlite3_errstr(sqlite_code)) + "), " +
                not_saved + nothing_lost,
            StoreProblem::failed};
}

StoreStatus UserStore::refuse_if_read_only() const {
    if (!read_only_) return {};
    return {false,
            "Your bookmarks can be read but not changed here (the folder " + folder_ +
                " is read-only, or a newer LungGuide saved them). Nothing was changed.",
            StoreProblem::read_only};
}

void UserStore::note_read(int sqlite_code) const {
    if (sqlite_code == SQLITE_OK || sqlite_code == SQLITE_DONE || sqlite_code == SQLITE_ROW) {
        last_read_status_ = {};
        return;
    }
    last_read_status_ = {false,
                         "LungGuide could not read your bookmarks (" +
                             std::string(sqlite3_errstr(sqlite_code)) + ").",
                         is_damage(sqlite_code) ? StoreProblem::damaged : StoreProblem::failed};
}

StoreStatus UserStore::add_bookmark(const std::string& kind, const std::string& target,
                                    const std::string& person, const std::string& note,
                                    std::int64_t* id_out) {
    if (StoreStatus refused = refuse_if_read_only(); !refused.ok) return refused;
    const CleanBookmark clean = clean_bookmark(kind, target, person, note);
    if (!clean.error.empty()) return invalid(clean.error);
    const std::string now = utc_timestamp_now();

    Transaction transaction(database_);
    if (transaction.begin_result() != SQLITE_OK)
        return failure(transaction.begin_result(), "the bookmark");
    int code = SQLITE_OK;
    const std::optional<Bookmark> existing =
        find_same(database_, clean.kind, clean.target, clean.person, code);
    if (code != SQLITE_OK) return failure(code, "the bookmark");
    std::int64_t id = 0;
    std::string message;
    if (existing) {
        id = existing->id;
        code = set_note(database_, id, clean.note.empty() ? existing->note : clean.note, now);
        message = clean.note.empty() || clean.note == existing->note
                      ? "This was already bookmarked."
                      : "This was already bookmarked; its note was replaced.";
    } else {
        code = insert_bookmark(database_, clean, now, now);
        id = sqlite3_last_insert_rowid(database_);
    }
    if (code != SQLITE_OK) return failure(code, "the bookmark");
    code = transaction.commit();
    if (code != SQLITE_OK) return failure(code, "the bookmark");
    if (id_out) *id_out = id;
    const std::string shortened = shortened_message(clean.shortened_note, clean.shortened_label);
    if (!shortened.empty()) message += (message.empty() ? "" : " ") + shortened;
    return {true, message, StoreProblem::none};
}

StoreStatus UserStore::update_note(std::int64_t id, const std::string& note) {
    if (StoreStatus refused = refuse_if_read_only(); !refused.ok) return refused;
    const CleanedText clean = clean_note(note);
    Transaction transaction(database_);
    if (transaction.begin_result() != SQLITE_OK)
        return failure(transaction.begin_result(), "the note");
    int code = set_note(database_, id, clean.text, utc_timestamp_now());
    if (code != SQLITE_OK) return failure(code, "the note");
    if (sqlite3_changes(database_) == 0)
        return {false, "There is no bookmark number " + std::to_string(id) + ".",
                StoreProblem::not_found};
    code = transaction.commit();
    if (code != SQLITE_OK) return failure(code, "the note");
    return {true, shortened_message(clean.was_shortened, false), StoreProblem::none};
}

StoreStatus UserStore::remove_bookmark(std::int64_t id, Bookmark* removed_out) {
    if (StoreStatus refused = refuse_if_read_only(); !refused.ok) return refused;
    Transaction transaction(database_);
    if (transaction.begin_result() != SQLITE_OK)
        return failure(transaction.begin_result(), "the removal");
    std::optional<Bookmark> removed;
    {
        const std::string sql =
            std::string("SELECT ") + bookmark_columns + " FROM bookmarks WHERE id = ?";
        Statement select(database_, sql.c_str());
        if (select.bind(1, id).step() == SQLITE_ROW) removed = read_bookmark(select);
        if (select.result() != SQLITE_OK) return failure(select.result(), "the removal");
    }
    if (!removed)
        return {false, "There is no bookmark number " + std::to_string(id) + ".",
                StoreProblem::not_found};
    Statement remove(database_, "DELETE FROM bookmarks WHERE id = ?");
    int code = remove.bind(1, id).run();
    if (code == SQLITE_OK) code = transaction.commit();
    if (code != SQLITE_OK) return failure(code, "the removal");
    if (removed_out) *removed_out = *removed;
    return {};
}

StoreStatus UserStore::restore_bookmark(const Bookmark& bookmark) {
    if (StoreStatus refused = refuse_if_read_only(); !refused.ok) return refused;
    // Like an import of one, but keeping the id when it is free.
    const CleanBookmark clean =
        clean_bookmark(bookmark.kind, bookmark.target, bookmark.person, bookmark.note);
    if (!clean.error.empty()) return invalid(clean.error);
    const std::string now = utc_timestamp_now();
    Transaction transaction(database_);
    if (transaction.begin_result() != SQLITE_OK)
        return failure(transaction.begin_result(), "the bookmark");
    int code = SQLITE_OK;
    const std::optional<Bookmark> existing =
        find_same(database_, clean.kind, clean.target, clean.person, code);
    if (code != SQLITE_OK) return failure(code, "the bookmark");
    if (existing) {
        code = set_note(database_, existing->id, merge_notes(existing->note, clean.note), now);
    } else {
        // AUTOINCREMENT never hands out a removed id again, so the old one is free unless
        // the caller restores twice; then a new id is better than a failure.
        Statement taken(database_, "SELECT 1 FROM bookmarks WHERE id = ?");
        const bool id_taken = bookmark.id <= 0 || taken.bind(1, bookmark.id).step() == SQLITE_ROW;
        code = insert_bookmark(database_, clean, bookmark.created.empty() ? now : bookmark.created,
                               bookmark.updated.empty() ? now : bookmark.updated,
                               id_taken ? 0 : bookmark.id);
    }
    if (code == SQLITE_OK) code = transaction.commit();
    if (code != SQLITE_OK) return failure(code, "the bookmark");
    return {};
}

StoreStatus UserStore::import_bookmarks(const std::vector<Bookmark>& bookmarks,
                                        ImportCounts* counts_out) {
    if (StoreStatus refused = refuse_if_read_only(); !refused.ok) return refused;
    // Check everything before changing anything.
    std::vector<CleanBookmark> cleaned;
    cleaned.reserve(bookmarks.size());
    bool any_shortened = false;
    for (std::size_t index = 0; index < bookmarks.size(); ++index) {
        const Bookmark& bookmark = bookmarks[index];
        cleaned.push_back(
            clean_bookmark(bookmark.kind, bookmark.target, bookmark.person, bookmark.note));
        if (!cleaned.back().error.empty())
            return invalid("Bookmark " + std::to_string(index + 1) +
                           " can't be imported: " + cleaned.back().error + " Nothing was changed.");
        any_shortened =
            any_shortened || cleaned.back().shortened_note || cleaned.back().shortened_label;
    }
    const std::string now = utc_timestamp_now();
    ImportCounts counts;
    Transaction transaction(database_);
    if (transaction.begin_result() != SQLITE_OK)
        return failure(transaction.begin_result(), "the import");
    for (std::size_t index = 0; index < cleaned.size(); ++index) {
        const CleanBookmark& clean = cleaned[index];
        int code = SQLITE_OK;
        const std::optional<Bookmark> existing =
            find_same(database_, clean.kind, clean.target, clean.person, code);
        if (code != SQLITE_OK) return failure(code, "the import");
        if (existing) {
            const std::string merged = merge_notes(existing->note, clean.note);
            if (merged == existing->note) {
                ++counts.unchanged;
                continue;
            }
            code = set_note(database_, existing->id, merged, now);
            ++counts.merged;
        } else {
            const Bookmark& original = bookmarks[index];
            code =
                insert_bookmark(database_, clean, original.created.empty() ? now : original.created,
                                original.updated.empty() ? now : original.updated);
            ++counts.added;
        }
        if (code != SQLITE_OK) return failure(code, "the import");
    }
    const int code = transaction.commit();
    if (code != SQLITE_OK) return failure(code, "the import");
    if (counts_out) *counts_out = counts;
    return {true, any_shortened ? "Some notes or names were too long and were shortened." : "",
            StoreProblem::none};
}

std::optional<Bookmark> UserStore::bookmark(std::int64_t id) const {
    const std::string sql =
        std::string("SELECT ") + bookmark_columns + " FROM bookmarks WHERE id = ?";
    Statement select(database_, sql.c_str());
    std::optional<Bookmark> found;
    if (select.bind(1, id).step() == SQLITE_ROW) found = read_bookmark(select);
    note_read(select.result());
    return found;
}

std::vector<Bookmark> UserStore::bookmarks(std::optional<std::string> person) const {
    std::string sql = std::string("SELECT ") + bookmark_columns + " FROM bookmarks";
    if (person) sql += " WHERE person = ?";
    sql += " ORDER BY person COLLATE NOCASE, id";
    Statement select(database_, sql.c_str());
    if (person) select.bind(1, clean_label(*person).text);
    std::vector<Bookmark> found;
    while (select.step() == SQLITE_ROW)
        found.push_back(read_bookmark(select));
    note_read(select.result());
    if (!last_read_status_.ok) found.clear();
    return found;
}

std::vector<std::string> UserStore::people() const {
    Statement select(database_, "SELECT person FROM bookmarks WHERE person <> '' "
                                "GROUP BY person ORDER BY person COLLATE NOCASE");
    std::vector<std::string> found;
    while (select.step() == SQLITE_ROW)
        found.push_back(select.text(0));
    note_read(select.result());
    if (!last_read_status_.ok) found.clear();
    return found;
}

StoreStatus UserStore::record_view(const std::string& route) {
    if (StoreStatus refused = refuse_if_read_only(); !refused.ok) return refused;
    const CleanedText clean = clean_single_line(route, route_max_characters);
    if (clean.text.empty()) return invalid("There is nothing to add to the history.");
    Transaction transaction(database_);
    if (transaction.begin_result() != SQLITE_OK)
        return failure(transaction.begin_result(), "the history");
    Statement remove(database_, "DELETE FROM history WHERE route = ?");
    int code = remove.bind(1, clean.text).run();
    if (code == SQLITE_OK) {
        Statement insert(database_, "INSERT INTO history (route, viewed) VALUES (?, ?)");
        code = insert.bind(1, clean.text).bind(2, utc_timestamp_now()).run();
    }
    if (code == SQLITE_OK) {
        Statement trim(database_, "DELETE FROM history WHERE id NOT IN "
                                  "(SELECT id FROM history ORDER BY id DESC LIMIT ?)");
        code = trim.bind(1, static_cast<std::int64_t>(history_max_entries)).run();
    }
    if (code == SQLITE_OK) code = transaction.commit();
    if (code != SQLITE_OK) return failure(code, "the history");
    return {};
}

std::vector<std::string> UserStore::recent_views(std::size_t limit) const {
    Statement select(database_, "SELECT route FROM history ORDER BY id DESC LIMIT ?");
    select.bind(1, static_cast<std::int64_t>(std::min(limit, history_max_entries)));
    std::vector<std::string> found;
    while (select.step() == SQLITE_ROW)
        found.push_back(select.text(0));
    note_read(select.result());
    if (!last_read_status_.ok) found.clear();
    return found;
}

StoreStatus UserStore::clear_history() {
    if (StoreStatus refused = refuse_if_read_only(); !refused.ok) return refused;
    Transaction transaction(database_);
    if (transaction.begin_result() != SQLITE_OK)
        return failure(transaction.begin_result(), "clearing the history");
    int code = execute(database_, "DELETE FROM history");
    if (code == SQLITE_OK) code = transaction.commit();
    if (code != SQLITE_OK) return failure(code, "clearing the history");
    return {};
}

std::string UserStore::setting(const std::string& key, const std::string& fallback) const {
    Statement select(database_, "SELECT value FROM settings WHERE key = ?");
    std::string value = fallback;
    if (select.bind(1, key).step() == SQLITE_ROW) value = select.text(0);
    note_read(select.result());
    return last_read_status_.ok ? value : fallback;
}

StoreStatus UserStore::set_setting(const std::string& key, const std::string& value) {
    if (StoreStatus refused = refuse_if_read_only(); !refused.ok) return refused;
    const CleanedText clean_key = clean_single_line(key, setting_key_max_characters);
    if (clean_key.text.empty() || clean_key.was_shortened)
        return invalid("A setting needs a short name.");
    const CleanedText clean_value = clean_single_line(value, setting_value_max_characters);
    if (clean_value.was_shortened) return invalid("That setting's value is too long.");
    Transaction transaction(database_);
    if (transaction.begin_result() != SQLITE_OK)
        return failure(transaction.begin_result(), "the setting");
    Statement upsert(database_, "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)");
    int code = upsert.bind(1, clean_key.text).bind(2, clean_value.text).run();
    if (code == SQLITE_OK) code = transaction.commit();
    if (code != SQLITE_OK) return failure(code, "the setting");
    return {};
}

bool UserStore::check_integrity(std::string& details) const {
    Statement check(database_, "PRAGMA integrity_check");
    details.clear();
    while (check.step() == SQLITE_ROW) {
        if (!details.empty()) details += '\n';
        details += check.text(0);
    }
    if (check.result() != SQLITE_OK) details = sqlite3_errstr(check.result());
    return check.result() == SQLITE_OK && details == "ok";
}

} // namespace lungguide
