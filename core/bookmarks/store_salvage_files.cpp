// Salvage, the writing half: a fresh store holding what was read, and the damaged one kept
// aside under a dated name, swapped so that a kill at any moment loses nothing.
#include "bookmarks/input_limits.h"
#include "bookmarks/store_files.h"
#include "bookmarks/store_salvage.h"
#include "bookmarks/user_store_schema.h"
#include "bookmarks/user_text.h"
#include "common/sqlite_statement.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lungguide {
namespace {

using sqlite::execute;
using sqlite::Statement;
using sqlite::Transaction;

constexpr const char* salvage_name_prefix = "lungguide-user.salvage-";

// Holds the damaged store's write lock while it is salvaged, so that another LungGuide that
// has it open can't commit a change into it meanwhile (its commit, once the fresh store is
// in place, is refused: see UserStore's commit hook). Best effort: a store too damaged to
// lock is one nothing can be written to either.
class WriteHold {
  public:
    explicit WriteHold(const std::string& path) {
        if (sqlite3_open_v2(store_files::sqlite_uri(path).c_str(), &database_,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW,
                            nullptr) != SQLITE_OK)
            return;
        // Never checkpoint or delete "<store>-wal" by its name on close: by then that name
        // belongs to the fresh store.
        sqlite3_db_config(database_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        sqlite3_busy_timeout(database_, 2000);
        execute(database_, "BEGIN IMMEDIATE");
    }
    ~WriteHold() {
        execute(database_, "ROLLBACK");
        sqlite3_close_v2(database_);
    }
    WriteHold(const WriteHold&) = delete;
    WriteHold& operator=(const WriteHold&) = delete;

  private:
    sqlite3* database_ = nullptr;
};

int insert_rows(sqlite3* database, const SalvagedStore& salvaged) {
    int code = SQLITE_OK;
    for (const Bookmark& bookmark : salvaged.bookmarks) {
        Statement insert(database, "INSERT INTO bookmarks (id, kind, target, person, note, "
                                   "created, updated, checksum) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        code = insert.bind(1, bookmark.id)
                   .bind(2, bookmark.kind)
                   .bind(3, bookmark.target)
                   .bind(4, bookmark.person)
                   .bind(5, bookmark.note)
                   .bind(6, bookmark.created)
                   .bind(7, bookmark.updated)
                   .bind(8, user_store_schema::bookmark_checksum(bookmark))
                   .run();
        if (code != SQLITE_OK) return code;
    }
    for (const SalvagedStore::Draft& draft : salvaged.drafts) {
        // Drafts carry no checksum: cleaned again, as a draft typed now would be.
        if (draft.text.size() > note_max_input_bytes) continue;
        Statement insert(database, "INSERT OR REPLACE INTO note_drafts (bookmark_id, text, "
                                   "updated) VALUES (?, ?, ?)");
        code = insert.bind(1, draft.bookmark_id)
                   .bind(2, clean_note(draft.text).text)
                   .bind(3, draft.updated)
                   .run();
        if (code != SQLITE_OK) return code;
    }
    for (const auto& [key, value] : salvaged.settings) {
        Statement insert(database, "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)");
        code = insert.bind(1, key).bind(2, value).run();
        if (code != SQLITE_OK) return code;
    }
    for (const SalvagedStore::View& view : salvaged.history) {
        Statement insert(database,
                         "INSERT OR IGNORE INTO history (id, route, viewed) VALUES (?, ?, ?)");
        code = insert.bind(1, view.id).bind(2, view.route).bind(3, view.viewed).run();
        if (code != SQLITE_OK) return code;
    }
    return code;
}

// Diary rows as they were stored, checksum included (each matched it when read).
int insert_diary(sqlite3* database, const SalvagedStore& salvaged) {
    for (const user_store_schema::DiaryRow& row : salvaged.diary) {
        Statement insert(database, "INSERT INTO symptom_diary (id, person, day, words, severity, "
                                   "note, created, updated, links_key, links, checksum) VALUES "
                                   "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, row.id).bind(2, row.person).bind(3, row.day).bind(4, row.words);
        insert.bind(5, row.severity).bind(6, row.note).bind(7, row.created).bind(8, row.updated);
        const int code =
            insert.bind(9, row.links_key).bind(10, row.links).bind(11, row.checksum).run();
        if (code != SQLITE_OK) return code;
    }
    return SQLITE_OK;
}

// AUTOINCREMENT's high-water marks, carried over so no id is handed out twice.
int keep_sequences(sqlite3* database, const SalvagedStore& salvaged) {
    for (const auto& [table, sequence] :
         {std::pair<const char*, std::int64_t>{"bookmarks", salvaged.bookmark_sequence},
          {"history", salvaged.history_sequence},
          {"symptom_diary", salvaged.diary_sequence}}) {
        Statement remove(database, "DELETE FROM sqlite_sequence WHERE name = ?");
        int code = remove.bind(1, std::string(table)).run();
        if (code != SQLITE_OK) return code;
        Statement insert(database, "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)");
        code = insert.bind(1, std::string(table)).bind(2, sequence).run();
        if (code != SQLITE_OK) return code;
    }
    return SQLITE_OK;
}

// Writes the fresh store into the (new, empty) file at path. Returns the sqlite code.
int write_salvaged_store(const std::string& path, const SalvagedStore& salvaged,
                         const std::string& record_key, const std::string& record_value) {
    sqlite3* database = nullptr;
    int code =
        sqlite3_open_v2(store_files::sqlite_uri(path).c_str(), &database,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, nullptr);
    // No journal file beside it: a salvage that is killed leaves only this file, which is
    // not the store yet, and is removed at the next open.
    if (code == SQLITE_OK)
        code = execute(database, "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; "
                                 "PRAGMA secure_delete = ON");
    if (code == SQLITE_OK) code = user_store_schema::migrate_to_current(database);
    if (code == SQLITE_OK) {
        Transaction transaction(database);
        code = transaction.begin_result();
        if (code == SQLITE_OK) code = insert_rows(database, salvaged);
        if (code == SQLITE_OK) code = insert_diary(database, salvaged);
        if (code == SQLITE_OK) code = keep_sequences(database, salvaged);
        if (code == SQLITE_OK) {
            Statement record(database,
                             "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)");
            code = record.bind(1, record_key).bind(2, record_value).run();
        }
        if (code == SQLITE_OK) code = transaction.commit();
    }
    const int closed = sqlite3_close(database);
    return code != SQLITE_OK ? code : closed;
}

// A new file of ours beside the store, for the fresh store: "<prefix>XXXXXX.sqlite", 0600.
std::string make_temporary_store(const std::string& folder) {
    std::string name = folder + "/" + salvage_name_prefix + "XXXXXX.sqlite";
    const int descriptor = mkstemps(name.data(), 7);
    if (descriptor < 0) return {};
    ::close(descriptor);
    return name;
}

bool sync_file(const std::string& path) {
    const int descriptor = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (descriptor < 0) return false;
    const bool synced = fsync(descriptor) == 0;
    ::close(descriptor);
    return synced;
}

// The name to keep the damaged store under. If a salvage of this very file was killed
// after linking it aside, that name is used again rather than a second one.
std::string aside_path_for(const std::string& folder, const std::string& path, bool& linked) {
    linked = false;
    const std::optional<store_files::FileIdentity> store = store_files::identity_of(path);
    if (DIR* directory = opendir(folder.c_str())) {
        while (const dirent* entry = readdir(directory)) {
            const std::string name = entry->d_name;
            if (name.rfind(store_files::damaged_name_prefix, 0) != 0 || name.size() < 7 ||
                name.compare(name.size() - 7, 7, ".sqlite") != 0)
                continue;
            if (store && store_files::identity_of(folder + "/" + name) == store) {
                linked = true;
                closedir(directory);
                return folder + "/" + name;
            }
        }
        closedir(directory);
    }
    const std::string stamp = store_files::compact_timestamp_now();
    std::string aside;
    for (int attempt = 1; attempt < 1000; ++attempt) {
        aside = folder + "/" + store_files::damaged_name_prefix + stamp +
                (attempt > 1 ? "-" + std::to_string(attempt) : "") + ".sqlite";
        if (!store_files::file_exists(aside) && !store_files::file_exists(aside + "-wal")) break;
    }
    return aside;
}

std::string base_name(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

} // namespace

std::string kept_aside_record(const SalvageReport& report, const std::string& when) {
    return "recovered=" + std::to_string(report.recovered) +
           ";known=" + std::to_string(report.known) +
           ";diary_recovered=" + std::to_string(report.diary_recovered) +
           ";diary_known=" + std::to_string(report.diary_known) + ";when=" + when +
           ";notice=pending";
}

void remove_unfinished_salvage(const std::string& folder) {
    DIR* directory = opendir(folder.c_str());
    if (!directory) return;
    while (const dirent* entry = readdir(directory)) {
        const std::string name = entry->d_name;
        if (name.rfind(salvage_name_prefix, 0) != 0) continue;
        const std::string path = folder + "/" + name;
        struct stat info {};
        if (lstat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && info.st_uid == geteuid() &&
            (info.st_mode & 0777) == 0600)
            ::unlink(path.c_str());
    }
    closedir(directory);
}

bool salvage_store(const std::string& folder, const std::string& path, SalvageReport& report) {
    WriteHold hold(path);
    bool linked = false;
    report.aside_path = aside_path_for(folder, path, linked);
    report.aside_name = base_name(report.aside_path);
    std::string main_file, wal_file;
    store_files::read_whole_file(path, main_file);
    // A salvage killed after moving the log aside left it there.
    store_files::read_whole_file(store_files::file_exists(path + "-wal") || !linked
                                     ? path + "-wal"
                                     : report.aside_path + "-wal",
                                 wal_file);
    const SalvagedStore salvaged = read_damaged_store(main_file, wal_file);
    report.recovered = salvaged.bookmarks.size();
    report.known = salvaged.bookmarks_known;
    report.diary_recovered = salvaged.diary.size();
    report.diary_known = salvaged.diary_known;
    report.looked_like_a_store = salvaged.looked_like_a_store;

    const std::string fresh = make_temporary_store(folder);
    if (fresh.empty()) return false;
    const std::string record_key = kept_aside_key_prefix + report.aside_name;
    const std::string when = store_files::compact_timestamp_now();
    if (write_salvaged_store(fresh, salvaged, record_key, kept_aside_record(report, when)) !=
            SQLITE_OK ||
        !sync_file(fresh) || (!linked && link(path.c_str(), report.aside_path.c_str()) != 0)) {
        const int error = errno;
        ::unlink(fresh.c_str());
        errno = error;
        return false;
    }
    // The log goes with its store, before the fresh store takes the name: SQLite must never
    // pair the old log with the new file.
    for (const char* suffix : {"-wal", "-shm"}) {
        const std::string from = path + suffix;
        if (!store_files::file_exists(from)) continue;
        if (std::rename(from.c_str(), (report.aside_path + suffix).c_str()) != 0) {
            const int error = errno;
            ::unlink(fresh.c_str());
            errno = error;
            return false;
        }
        if (std::string(suffix) == "-wal") report.wal_kept = true;
    }
    if (std::rename(fresh.c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(fresh.c_str());
        errno = error;
        return false;
    }
    store_files::sync_folder(folder);
    return true;
}

} // namespace lungguide
