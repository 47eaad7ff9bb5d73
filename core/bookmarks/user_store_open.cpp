// Opening the user store: the one place with many ways to fail (a missing or read-only
// folder, links, a full device, another LungGuide opening it at the same moment, damage),
// so it has a file of its own.
//
// Every open holds the folder's lock (store_files::FolderLock) from the first look at the
// files to the store's checks: creation, migration and salvage happen one LungGuide at a
// time, so the first concurrent creation never meets a half-made store.
#include "bookmarks/data_folder.h"
#include "bookmarks/store_files.h"
#include "bookmarks/store_salvage.h"
#include "bookmarks/user_store.h"
#include "bookmarks/user_store_faults.h"
#include "bookmarks/user_store_schema.h"
#include "common/sqlite_statement.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lungguide {

using namespace user_store_faults;
using sqlite::execute;
using sqlite::Statement;

namespace {

const char* const not_a_store = "not a LungGuide bookmarks file";

// Long enough for another LungGuide to salvage a large store.
constexpr int folder_lock_wait_ms = 30000;
// The WAL may hold this many frames of routine writes (history, settings) before they too are
// checkpointed: about 400 KB.
constexpr int routine_frames_before_checkpoint = 100;
// After a commit, a checkpoint that meets another one running tries again for this long.
constexpr std::chrono::milliseconds checkpoint_retry_time{500};

// The first 16 bytes of every SQLite database. A file without them is not one of ours,
// whatever its name says.
enum class FileLooks { missing_or_empty, sqlite, not_a_database, unreadable };

FileLooks inspect_file(const std::string& path) {
    const int descriptor = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
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

bool wal_holds_anything(const std::string& path) {
    struct stat info {};
    return lstat((path + "-wal").c_str(), &info) == 0 && info.st_size > 0;
}

std::string salvage_message(const StoreSalvage& salvage, bool wal_kept) {
    const std::string kept =
        salvage.kept_as + (wal_kept ? " (with its journal, " + salvage.kept_as + "-wal)" : "");
    if (!salvage.was_a_store && salvage.known == 0 && salvage.diary_known == 0)
        return "Your bookmarks file is not a LungGuide bookmarks file, so LungGuide started a "
               "new, empty one. The old file is kept, unchanged, at " +
               kept + ".";
    std::string message = "Your bookmarks file was " + salvage.damage + ". " +
                          salvage.counts_sentence() + " The damaged file is kept at " + kept + ".";
    if (salvage.diary_recovered < salvage.diary_known)
        message += " If you exported your bookmarks and diary, importing that file brings back "
                   "the ones that are missing.";
    else if (salvage.recovered < salvage.known)
        message += " If you exported your bookmarks, importing that file brings back the ones "
                   "that are missing.";
    return message;
}

} // namespace

std::string StoreSalvage::counts_sentence() const {
    if (known == 0 && diary_known == 0)
        return "No bookmarks could be read from it, so LungGuide started a new, empty one.";
    const RecoveredCounts all = counts();
    const std::string lost = all.lost_phrase();
    return "Recovered " + all.phrase(true) +
           (lost.empty() ? "." : "; " + lost + " could not be read.");
}

struct UserStoreOpener {
    const std::string& folder;
    const UserStoreOptions& options;
    std::string& message;
    std::string real; // the folder with links resolved
    std::string path; // the store's file in it

    // What one attempt at opening the database came to.
    struct Attempt {
        std::unique_ptr<UserStore> store; // set when it opened
        std::string damage;               // set when the file is damaged ("damaged")
        ReadOnlyReason retry_read_only = ReadOnlyReason::none; // set when writing can't work
    };

    std::string display_path() const { return folder + "/" + user_store_file_name; }

    std::unique_ptr<UserStore> open() {
        message.clear();
        if (folder.empty()) {
            message = "No folder was given for your bookmarks and settings.";
            return nullptr;
        }
        ReadOnlyReason reason =
            options.read_only ? ReadOnlyReason::requested : ReadOnlyReason::none;
        if (reason == ReadOnlyReason::none) {
            if (Status created = create_private_directory(folder); !created.ok()) {
                message = created.message_for_person + " Bookmarks can't be saved until it can.";
                return nullptr;
            }
        }
        // Links above the store are the person's business: resolved once, here.
        real = store_files::real_folder(folder);
        if (real.empty()) {
            message = "There are no saved bookmarks in " + folder +
                      " yet, and LungGuide can't "
                      "open that folder (" +
                      std::strerror(errno) + ").";
            return nullptr;
        }
        path = real + "/" + user_store_file_name;
        if (!refuse_links_and_special_files()) return nullptr;
        store_files::FolderLock lock(real, true, folder_lock_wait_ms);
        if (!lock.held()) {
            message = "Another LungGuide is busy with your bookmarks. Try again in a moment.";
            return nullptr;
        }
        if (reason == ReadOnlyReason::none && !prepare_for_writing(reason)) return nullptr;
        if (reason == ReadOnlyReason::none) remove_unfinished_salvage(real);
        std::unique_ptr<UserStore> store = open_checked(reason);
        if (store) store->opening_ = false;
        return store;
    }

    // Opens the store, or salvages it when it is damaged. The caller holds the folder lock.
    std::unique_ptr<UserStore> open_checked(ReadOnlyReason reason) {
        const FileLooks looks = inspect_file(path);
        if (looks == FileLooks::unreadable) {
            message = "LungGuide can't read your bookmarks file " + display_path() + " (" +
                      std::strerror(errno) + ").";
            return nullptr;
        }
        if (looks == FileLooks::missing_or_empty && reason != ReadOnlyReason::none) {
            message = "There are no saved bookmarks in " + folder + " yet, and " +
                      reason_text(reason, folder) + ".";
            return nullptr;
        }
        std::string damage = not_a_store;
        if (looks != FileLooks::not_a_database) {
            Attempt opened = open_database(reason);
            if (opened.retry_read_only != ReadOnlyReason::none) {
                reason = opened.retry_read_only;
                opened = open_database(reason);
            }
            if (opened.store) return std::move(opened.store);
            if (opened.damage.empty()) return nullptr; // message already says why
            damage = opened.damage;
        } // the damaged store's connection is closed here, before anything is moved
        if (reason != ReadOnlyReason::none) {
            message = "Your bookmarks file " + display_path() + " is " + damage + ", and " +
                      reason_text(reason, folder) +
                      ", so it was left exactly as it is: not changed, not deleted.";
            return nullptr;
        }
        return salvage(damage);
    }

    // Copies what can be read into a fresh store in the damaged one's place; keeps it aside.
    std::unique_ptr<UserStore> salvage(const std::string& damage) {
        SalvageReport report;
        if (!salvage_store(real, path, report)) {
            message = "Your bookmarks file " + display_path() + " is " + damage +
                      ", and LungGuide could not make a new one beside it to save what it can "
                      "read (" +
                      std::strerror(errno) + "). It has not been changed or deleted.";
            return nullptr;
        }
        // A file whose first bytes were damaged, with bookmarks still in it, was a store.
        const std::string told_damage =
            damage == not_a_store && (report.known > 0 || report.diary_known > 0)
                ? "damaged (its first bytes were not a database's)"
                : damage;
        StoreSalvage salvage{
            told_damage,       folder + "/" + report.aside_name, report.recovered,
            report.known,      report.looked_like_a_store,       report.diary_recovered,
            report.diary_known};
        const std::string told = salvage_message(salvage, report.wal_kept);
        ReadOnlyReason reason = ReadOnlyReason::none;
        if (!prepare_for_writing(reason)) return nullptr;
        Attempt fresh = open_database(reason);
        if (!fresh.store) {
            message = told + " The new file could not be opened either.";
            return nullptr;
        }
        fresh.store->salvage_ = salvage;
        message = told + (message.empty() ? "" : " " + message);
        return std::move(fresh.store);
    }

    // A store, WAL or shared-memory file that is a link could lead SQLite, and our fchmod,
    // into someone else's file; a FIFO or device would hang or mislead it. Refused, untouched.
    bool refuse_links_and_special_files() {
        for (const char* suffix : {"", "-wal", "-shm"}) {
            const std::string file = path + suffix;
            struct stat info {};
            if (lstat(file.c_str(), &info) != 0) continue;
            const std::string shown = display_path() + suffix;
            if (S_ISLNK(info.st_mode)) {
                message = shown + " is a link to another file. LungGuide keeps bookmarks only in "
                                  "a file of its own and will not follow it; replace the link "
                                  "with the file itself. Nothing was changed.";
                return false;
            }
            if (!S_ISREG(info.st_mode)) {
                message = shown + " is not an ordinary file, so LungGuide can't keep bookmarks "
                                  "in it. Nothing was changed.";
                return false;
            }
        }
        return true;
    }

    // Creates the store file with mode 0600 before SQLite sees it, so the owner-only
    // permissions do not depend on the umask (SQLite gives the WAL the same mode), and works
    // out whether changes can be saved at all. Sets reason when they can't.
    bool prepare_for_writing(ReadOnlyReason& reason) {
        const int descriptor =
            ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
        if (descriptor < 0) {
            const int error = errno;
            if (error == ELOOP) return refuse_links_and_special_files();
            if (store_files::file_exists(path) &&
                (error == EROFS || error == EACCES || error == EPERM || error == ENOSPC ||
                 error == EDQUOT)) {
                reason = read_only_reason_for(error);
                return true;
            }
            message = "LungGuide can't create your bookmarks file in " + folder + " (" +
                      std::strerror(error) + "). Bookmarks can't be saved until it can.";
            return false;
        }
        make_private(descriptor);
        ::close(descriptor);
        // SQLite must also be able to create or write the WAL and shared-memory files.
        if (access(real.c_str(), W_OK) != 0) {
            reason = read_only_reason_for(errno);
            return true;
        }
        // A store that was once read-only may have left read-only WAL and shared-memory
        // files; ours (same owner) are made writable again, or every change would fail.
        for (const char* suffix : {"-wal", "-shm"}) {
            const int companion =
                ::open((path + suffix).c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
            if (companion < 0) continue;
            struct stat info {};
            if (fstat(companion, &info) == 0 && S_ISREG(info.st_mode) && info.st_uid == geteuid() &&
                (info.st_mode & 0777) != 0600)
                fchmod(companion, 0600);
            ::close(companion);
        }
        if (device_is_full(real)) reason = ReadOnlyReason::device_full;
        return true;
    }

    // Owner-only, on the opened descriptor (never through a path, which could be a link),
    // and only on a regular file of our own.
    static void make_private(int descriptor) {
        struct stat info {};
        if (fstat(descriptor, &info) == 0 && S_ISREG(info.st_mode) && info.st_uid == geteuid() &&
            (info.st_mode & 077) != 0)
            fchmod(descriptor, 0600);
    }

    ReadOnlyReason read_only_reason_for(int error) const {
        if (error == ENOSPC || error == EDQUOT || device_is_full(real))
            return ReadOnlyReason::device_full;
        if (access(real.c_str(), W_OK) != 0) return ReadOnlyReason::folder_read_only;
        return ReadOnlyReason::file_read_only;
    }

    // Opens the connection. A store that can't be written is read as SQLite would read it
    // whatever state its journal is in: with nothing in the WAL, as immutable (no -wal or
    // -shm needed); with commits in the WAL and no -shm that can be made (a read-only
    // folder), without locks and with the WAL's index in private memory.
    int open_connection(UserStore& store, bool read_only) {
        const bool wal = wal_holds_anything(store.real_path_);
        const int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                          SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW;
        const std::string query = read_only && !wal ? "immutable=1" : "";
        int code = sqlite3_open_v2(store_files::sqlite_uri(store.real_path_, query).c_str(),
                                   &store.database_, flags, nullptr);
        if (code != SQLITE_OK || !read_only || !wal) return code;
        Statement probe(store.database_, "PRAGMA user_version");
        probe.step();
        const int primary = probe.result() & 0xFF;
        if (primary != SQLITE_CANTOPEN && primary != SQLITE_IOERR && primary != SQLITE_READONLY)
            return SQLITE_OK;
        sqlite3_close_v2(store.database_);
        store.database_ = nullptr;
        code = sqlite3_open_v2(store_files::sqlite_uri(store.real_path_, "vfs=unix-none").c_str(),
                               &store.database_, flags, nullptr);
        if (code == SQLITE_OK) code = execute(store.database_, "PRAGMA locking_mode = EXCLUSIVE");
        return code;
    }

    // Opens, checks, configures and migrates.
    Attempt open_database(ReadOnlyReason reason) {
        Attempt attempt;
        const bool read_only = reason != ReadOnlyReason::none;
        std::unique_ptr<UserStore> store(new UserStore());
        store->folder_ = folder;
        store->path_ = display_path();
        store->real_folder_ = real;
        store->real_path_ = path;
        store->read_only_reason_ = reason;
        if (const auto identity = store_files::identity_of(path)) {
            store->device_ = identity->device;
            store->inode_ = identity->inode;
        }
        int code = open_connection(*store, read_only);
        if (code != SQLITE_OK) {
            message = "LungGuide can't open your bookmarks file " + display_path() + " (" +
                      sqlite3_errstr(code) + ").";
            return attempt;
        }
        sqlite3* database = store->database_;
        // The app and the CLI may both have the store open; wait for the other's change.
        sqlite3_busy_timeout(database, 5000);
        if (!read_only && sqlite3_db_readonly(database, "main") == 1)
            return retry_read_only(attempt, SQLITE_READONLY);

        // The version first, before anything is written: a newer store is left untouched.
        int version = -1;
        {
            Statement statement(database, "PRAGMA user_version");
            if (statement.step() == SQLITE_ROW) version = static_cast<int>(statement.integer(0));
            if (statement.result() != SQLITE_OK)
                return classify(attempt, statement.result(), read_only);
        }
        if (version > user_store_schema_version) {
            // Made by a newer LungGuide: read what we understand, write nothing.
            store->read_only_reason_ = ReadOnlyReason::newer_version;
            message = store->read_only_notice();
            attempt.store = std::move(store);
            return attempt;
        }
        if (!read_only) {
            code = configure_for_writing(*store);
            if (code != SQLITE_OK) return classify(attempt, code, read_only);
        }
        if (version < user_store_schema_version) {
            if (read_only) {
                message = "Your bookmarks file needs updating for this version of LungGuide, "
                          "but " +
                          reason_text(reason, folder) + ". Nothing was changed.";
                return attempt;
            }
            code = user_store_schema::migrate_to_current(database);
            if (code != SQLITE_OK) return classify(attempt, code, read_only);
        }
        if (!check_store(attempt, database, read_only)) return attempt;
        if (!read_only) {
            // Anything a killed writer left committed in the WAL goes to the main file now.
            sqlite3_wal_checkpoint_v2(database, "main", SQLITE_CHECKPOINT_TRUNCATE, nullptr,
                                      nullptr);
        }
        if (options.max_page_count > 0) {
            const std::string limit =
                "PRAGMA max_page_count = " + std::to_string(options.max_page_count);
            execute(database, limit.c_str());
        }
        if (read_only) message = store->read_only_notice();
        attempt.store = std::move(store);
        return attempt;
    }

    // WAL: a commit is one append and a kill -9 at any moment leaves either the old or the
    // new state. FULL: each commit is fsynced, so "saved" survives power loss. A checkpoint
    // after each commit then puts it in the main file, where integrity_check and the row
    // checksums see it and a damaged WAL can no longer take it away. secure_delete: a
    // removed note is overwritten, not left in free pages.
    static int configure_for_writing(UserStore& store) {
        sqlite3* database = store.database_;
        Statement journal(database, "PRAGMA journal_mode = WAL");
        journal.step();
        int code = journal.result();
        if (code == SQLITE_OK) code = execute(database, "PRAGMA synchronous = FULL");
        if (code == SQLITE_OK) code = execute(database, "PRAGMA secure_delete = ON");
        sqlite3_wal_hook(database, &UserStore::checkpoint_after_commit, &store);
        sqlite3_commit_hook(database, &UserStore::refuse_commit_if_replaced, &store);
        return code;
    }

    // The schema exactly as this version makes it, and PRAGMA integrity_check. False, with
    // attempt.damage or message set, when the store can't be used.
    bool check_store(Attempt& attempt, sqlite3* database, bool read_only) {
        // An edited schema (an unknown collation, a missing index) would otherwise fail every
        // command, for good.
        if (!user_store_schema::matches_version(database, user_store_schema_version)) {
            attempt.damage = "damaged (its tables are not as LungGuide made them)";
            return false;
        }
        // integrity_check, not quick_check: it also compares every index with its table, so
        // a damaged index is found before a change builds on it. The store is small;
        // measured: 1.9 ms for a store of 1,000 bookmarks with 500-character notes
        // (quick_check: 0.3 ms), on the 2-core build machine.
        Statement check(database, "PRAGMA integrity_check");
        const int step = check.step();
        if (check.result() != SQLITE_OK) {
            classify(attempt, check.result(), read_only);
            return false;
        }
        if (step != SQLITE_ROW || check.text(0) != "ok") {
            attempt.damage = "damaged";
            return false;
        }
        return true;
    }

    Attempt retry_read_only(Attempt& attempt, int code) {
        const int primary = code & 0xFF;
        attempt.retry_read_only =
            primary == SQLITE_FULL ? ReadOnlyReason::device_full : read_only_reason_for(0);
        return std::move(attempt);
    }

    // A failed step of opening: damage, a store that can't be written (try read-only), or
    // something else (message says what).
    Attempt classify(Attempt& attempt, int code, bool read_only) {
        const int primary = code & 0xFF;
        if (is_damage(code) || primary == SQLITE_ERROR) {
            // SQLITE_ERROR here means SQL of our own failed on the file: its schema is not
            // what it says.
            attempt.damage = "damaged";
            return std::move(attempt);
        }
        const bool write_side = primary == SQLITE_FULL || primary == SQLITE_IOERR ||
                                primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN ||
                                primary == SQLITE_PERM;
        if (!read_only && write_side) return retry_read_only(attempt, code);
        if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
            message = "Another LungGuide is busy with your bookmarks. Try again in a moment.";
        else
            message = "LungGuide can't open your bookmarks in " + folder + " (" +
                      sqlite3_errstr(code) + "). " + nothing_lost;
        return std::move(attempt);
    }
};

Result<std::unique_ptr<UserStore>> UserStore::open(const std::string& folder,
                                                   const UserStoreOptions& options) {
    std::string message;
    try {
        UserStoreOpener opener{folder, options, message, {}, {}};
        std::unique_ptr<UserStore> store = opener.open();
        if (!store) return Status::failure(Problem::failed, message);
        return {std::move(store), message};
    } catch (const std::exception& error) { // out of memory, mostly
        return Status::failure(Problem::failed,
                               std::string("LungGuide can't open your bookmarks: ") + error.what());
    }
}

bool UserStore::still_the_store() const {
    const std::optional<store_files::FileIdentity> now = store_files::identity_of(real_path_);
    return now && now->device == device_ && now->inode == inode_;
}

int UserStore::refuse_commit_if_replaced(void* store) {
    auto* self = static_cast<UserStore*>(store);
    self->replaced_ = !self->still_the_store();
    return self->replaced_ ? 1 : 0; // non-zero: SQLite rolls the commit back
}

int UserStore::checkpoint_after_commit(void* store, sqlite3* database, const char* name,
                                       int frames) {
    // The reading history and settings (a page viewed, the text size) are written at every
    // turn of a page: their commits wait for the next change of the person's own data (or
    // for the log to grow long), which takes them into the main file too.
    // Until then they stay in the WAL only, never copied and left there: a log that holds
    // pages the main file has newer versions of would, if damaged, be read back as if new.
    if (static_cast<UserStore*>(store)->routine_write_ && frames < routine_frames_before_checkpoint)
        return SQLITE_OK;
    // The commit stands whatever happens here (its WAL frames are fsynced). TRUNCATE waits
    // (busy timeout) for readers to finish and leaves an empty WAL; only another checkpoint
    // running at that moment makes it give up at once, so that case is tried again, briefly.
    const auto started = std::chrono::steady_clock::now();
    while (
        (sqlite3_wal_checkpoint_v2(database, name, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr) &
         0xFF) == SQLITE_BUSY &&
        std::chrono::steady_clock::now() - started < checkpoint_retry_time)
        usleep(5000);
    return SQLITE_OK; // an error here would make a committed change look unsaved
}

UserStore::~UserStore() {
    if (!database_) return;
    if (opening_) {
        // Never opened for use (damaged, or retried read-only): left exactly as it was.
        sqlite3_db_config(database_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        sqlite3_close_v2(database_);
        return;
    }
    // The last connection to close checkpoints and deletes "<store>-wal" by name. If another
    // LungGuide salvaged the store meanwhile, that name is the fresh store's: leave it be.
    // Salvage holds the folder lock, so it can't happen between this look and the close.
    store_files::FolderLock lock(real_folder_, false, 2000);
    if (!still_the_store())
        sqlite3_db_config(database_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    sqlite3_close_v2(database_);
}

} // namespace lungguide
