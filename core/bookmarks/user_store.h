// The user store: a person's bookmarks, notes, reading history and settings, in one SQLite
// file in the user-data folder, apart from the read-only content pack.
//
// Durability: WAL with synchronous=FULL, one transaction per change, and a checkpoint after
// each commit, so a change that returned ok is in the main file and survives a kill -9 or a
// power cut. A damaged store is salvaged: every row that can still be read goes into a fresh
// store (store_salvage.h), and the damaged file is kept aside with a timestamp, never
// deleted. A full or read-only disk gives a clear message and changes nothing. No exception
// escapes this class.
//
// One UserStore is used from one thread at a time.
#pragma once

#include "bookmarks/bookmark.h"
#include "common/time_text.h" // utc_timestamp_now(), for a note's time

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct sqlite3;

namespace lungguide {

namespace sqlite {
class Statement;
}

// The schema this build writes. Version 1: bookmarks without people or update times, and
// settings. Version 2: a "for" person per bookmark and an updated time. Version 3: history.
// Version 4: a checksum of each bookmark's fields. Version 5: note drafts. Version 6: kept
// for the store's next step of its own. Version 7: the symptom diary (symptom_diary.h).
constexpr int user_store_schema_version = 7;

constexpr std::size_t history_max_entries = 50;
constexpr const char* user_store_file_name = "lungguide-user.sqlite";

// Why changes can't be saved, when they can't. The notice names it in plain words.
enum class ReadOnlyReason {
    none,
    requested,        // UserStoreOptions::read_only
    folder_read_only, // "the folder … is read-only" (permissions, a read-only disk, chattr +i)
    file_read_only,   // the bookmarks file itself is read-only
    device_full,      // "the device is full"
    newer_version     // saved by a newer LungGuide, so this one changes nothing
};

struct UserStoreOptions {
    // Open without ever writing: what a read-only disk looks like, testable even as root.
    bool read_only = false;
    // Tests only: limit the file to this many pages, to act out a full disk.
    int max_page_count = 0;
};

// How much of a damaged store came back, each row matching its checksum, against how many
// it held as far as can be told: its bookmarks and its symptom diary entries.
struct RecoveredCounts {
    std::size_t recovered = 0, known = 0;             // bookmarks
    std::size_t diary_recovered = 0, diary_known = 0; // diary entries
    bool complete() const { return recovered == known && diary_recovered == diary_known; }
    // "118 of 120 bookmarks and 40 of 40 diary entries"; with say_all, a whole part is "all 40
    // diary entries". The diary is named only when it held entries, bookmarks only when they
    // or no diary entries were there.
    std::string phrase(bool say_all = false) const;
    // What could not be read: "2" when the store had no diary (the sentence names them
    // already), else "2 bookmarks and 1 diary entry"; "" when nothing was lost.
    std::string lost_phrase() const;
};

// What opening did about a damaged store: kept it aside, and put a fresh store holding
// everything that could still be read in its place.
struct StoreSalvage {
    std::string damage;        // what was wrong: "is damaged", "is not a LungGuide bookmarks file"
    std::string kept_as;       // the damaged file's path
    std::size_t recovered = 0; // bookmarks recovered, each matching its checksum
    std::size_t known = 0;     // bookmarks the damaged file held, as far as can be told
    bool was_a_store = true;   // false: not an SQLite file at all
    std::size_t diary_recovered = 0, diary_known = 0; // the same for symptom diary entries
    RecoveredCounts counts() const { return {recovered, known, diary_recovered, diary_known}; }
    // "Recovered 118 of 120 bookmarks and all 40 diary entries; 2 bookmarks could not be
    // read." (or all, or none), for a person.
    std::string counts_sentence() const;
};

// A damaged store kept aside in the data folder, as Settings lists them.
struct KeptAsideFile {
    std::string name;                            // "lungguide-user.damaged-20240827T101500Z.sqlite"
    std::string kept_at;                         // "27 August 2024, 10:15 UTC", from the name
    std::optional<std::size_t> recovered, known; // as recorded when it was salvaged
    std::size_t diary_recovered = 0, diary_known = 0; // 0 in records from before the diary
    bool notice_pending = false;                      // the app has not been told "OK" about it yet
    // What was recovered from it, when that was recorded.
    std::optional<RecoveredCounts> counts() const;
};

// What an import did with bookmarks, or with diary entries (symptom_diary.h).
struct ImportCounts {
    std::size_t added = 0; // new ones
    // Matched one already there and brought in a different note (a diary entry: or the
    // severity it lacked).
    std::size_t merged = 0;
    std::size_t unchanged = 0; // already there, nothing new
};

class UserStore {
  public:
    // Opens (creating if needed) the store in folder. Fails only when there is no usable
    // store at all, and says why. A success carries a message too when something is worth
    // telling: a damaged file was set aside, the store is read-only. The folder is created
    // with owner-only permissions; the file is 0600.
    static Result<std::unique_ptr<UserStore>> open(const std::string& folder,
                                                   const UserStoreOptions& options = {});
    ~UserStore();
    UserStore(const UserStore&) = delete;
    UserStore& operator=(const UserStore&) = delete;

    const std::string& path() const { return path_; }
    const std::string& folder() const { return folder_; }
    bool read_only() const { return read_only_reason_ != ReadOnlyReason::none; }
    // For a store that can't be changed: a calm sentence saying so and why, for a notice
    // beside the bookmarks. "" when changes can be saved.
    std::string read_only_notice() const;

    // Bookmarks. kind is "class" or "drug"; checking the target against a content pack is
    // the caller's job (see bookmark_targets.h). Adding the same kind, target and person
    // again updates that bookmark: its updated time, and its note when a note is given (an
    // empty note never wipes one). Person labels match without regard to ASCII case.
    Status add_bookmark(const std::string& kind, const std::string& target,
                        const std::string& person, const std::string& note,
                        std::int64_t* id_out = nullptr);
    Status update_note(std::int64_t id, const std::string& note);
    // removed_out receives the bookmark as it was, for an undo through restore_bookmark().
    Status remove_bookmark(std::int64_t id, Bookmark* removed_out = nullptr);
    // Puts a removed bookmark back with its id and times. If the same target was bookmarked
    // for the same person meanwhile, the notes are merged into that one instead.
    Status restore_bookmark(const Bookmark& bookmark);
    // Merges bookmarks from an export in one transaction: all or nothing. Ids in the input
    // are ignored; matching is by kind, target and person.
    Status import_bookmarks(const std::vector<Bookmark>& bookmarks,
                            ImportCounts* counts_out = nullptr);

    std::optional<Bookmark> bookmark(std::int64_t id) const;
    // All bookmarks, or one person's ("" = those for nobody in particular), in the order
    // they were made, grouped by person.
    std::vector<Bookmark> bookmarks(std::optional<std::string> person = {}) const;
    // Every person label in use, in alphabetical order, without "".
    std::vector<std::string> people() const;

    // Reading history: the most recent first, one entry per route, at most
    // history_max_entries kept.
    Status record_view(const std::string& route);
    std::vector<std::string> recent_views(std::size_t limit) const;
    Status clear_history();

    // Settings such as text_scale, theme and last_route.
    std::string setting(const std::string& key, const std::string& fallback) const;
    Status set_setting(const std::string& key, const std::string& value);

    // Note drafts (user_store_drafts.cpp): what was typed into a bookmark's note and not
    // saved yet, kept so that it survives a close or a kill. One per bookmark; a draft
    // equal to "" is kept too (the person emptied the box). Cleaned like a note.
    Status save_note_draft(std::int64_t bookmark_id, const std::string& text);
    Status discard_note_draft(std::int64_t bookmark_id);
    // Every draft, by bookmark id (drafts of removed bookmarks included: Undo may bring
    // one back).
    std::vector<std::pair<std::int64_t, std::string>> note_drafts() const;

    // Salvage (user_store_kept_aside.cpp). What this open did about a damaged store; empty
    // when it found none.
    const std::optional<StoreSalvage>& salvage() const { return salvage_; }
    // Every damaged store kept aside in the folder, the newest first, with what was
    // recovered from it when this store recorded it.
    std::vector<KeptAsideFile> kept_aside_files() const;
    // The person has seen the notice about the kept-aside files: no longer pending.
    Status dismiss_salvage_notices();

    // The reads above return nothing on failure; this says what went wrong with the last one.
    const Status& last_read_status() const { return last_read_status_; }

    // For the store's other tables, kept in files of their own (symptom_diary.h): the
    // connection, and the store's one way to refuse a change, to make one, and to note how
    // a read went (last_read_status()).
    sqlite3* connection() const { return database_; }
    // Every change asks this first, before it looks at its input: ok, or why nothing can be
    // saved now.
    Status refuse_change_if_read_only() const { return refuse_if_read_only(); }
    // The steps of a change, inside its transaction: they return a refusal (nothing is
    // kept), or set code when a SQLite call fails, or return what is worth telling.
    using ChangeSteps = std::function<Status(sqlite3* database, int& code)>;
    // One change, all or nothing, in a transaction of its own (a savepoint of the caller's
    // when one is open). A failure says for a person that what ("the bookmark", "the diary
    // entry") was not saved, and why; a success returns what the steps returned.
    Status change(const char* what, const ChangeSteps& steps);
    void note_read_result(int sqlite_code) const { note_read(sqlite_code); }
    // The first column of every row select gives, as text; none when the read fails (noted
    // for last_read_status()).
    std::vector<std::string> read_texts(sqlite::Statement& select) const;
    // PRAGMA integrity_check, the schema, and every bookmark's checksum: ok when the file is
    // sound and every bookmark reads as it was saved; else Problem::damaged saying what is wrong.
    Status check_integrity() const;

  private:
    UserStore() = default;
    Status failure(int sqlite_code, const char* what) const;
    // The bookmark with this id, read in the caller's transaction before changing it;
    // Problem::not_found when there is none. what names the change for a failure message.
    Result<Bookmark> bookmark_to_change(std::int64_t id, const char* what) const;
    Status refuse_if_read_only() const;
    void note_read(int sqlite_code) const;

    // After each commit: a checkpoint, so the change is in the main file (sqlite3_wal_hook).
    static int checkpoint_after_commit(void* store, sqlite3* database, const char* name,
                                       int frames);
    // Before each commit: refused when the file is no longer the store (another LungGuide
    // salvaged it and put a fresh one in its place).
    static int refuse_commit_if_replaced(void* store);
    bool still_the_store() const;

    std::string folder_;      // as given, for messages
    std::string path_;        // folder_ + the file name, for messages
    std::string real_folder_; // links resolved: what files are opened through
    std::string real_path_;
    std::uint64_t device_ = 0, inode_ = 0; // the store file this connection opened
    sqlite3* database_ = nullptr;
    ReadOnlyReason read_only_reason_ = ReadOnlyReason::none;
    bool opening_ = true;   // the opener holds the folder lock; closing must not take it
    bool replaced_ = false; // a commit was refused: the file is no longer the store
    // The commit under way is of history or settings, not of the person's bookmarks, notes
    // or drafts: it is checkpointed later (see checkpoint_after_commit).
    bool routine_write_ = false;
    struct RoutineWrite;
    std::optional<StoreSalvage> salvage_;
    mutable Status last_read_status_;

    friend struct UserStoreOpener;
};

// Two notes about the same thing (an imported bookmark or diary entry) as one, losing
// neither. Idempotent: merging the same note again changes nothing, so importing a file
// twice adds nothing twice.
std::string merge_notes(const std::string& existing, const std::string& incoming);

} // namespace lungguide
