#include "bookmarks/user_store.h"

#include "bookmarks/data_folder.h"
#include "bookmarks/input_limits.h"
#include "bookmarks/user_store_faults.h"
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
#include <sys/statvfs.h>
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

} // namespace

namespace user_store_faults {

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

// True when the file system holding folder has no room left for us.
bool device_is_full(const std::string& folder) {
    struct statvfs info {};
    return statvfs(folder.c_str(), &info) == 0 && info.f_bavail == 0;
}

// Why changes can't be saved, as the end of a sentence.
std::string reason_text(ReadOnlyReason reason, const std::string& folder) {
    switch (reason) {
    case ReadOnlyReason::device_full:
        return "the device is full";
    case ReadOnlyReason::file_read_only:
        return "the bookmarks file in " + folder + " is read-only";
    case ReadOnlyReason::newer_version:
        return "they were saved by a newer version of LungGuide, which this version must not "
               "change";
    case ReadOnlyReason::requested:
    case ReadOnlyReason::folder_read_only:
    case ReadOnlyReason::none:
        break;
    }
    return "the folder " + folder + " is read-only";
}

} // namespace user_store_faults

using namespace user_store_faults;

namespace {

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

Status invalid(const std::string& message) {
    return Status::failure(Problem::invalid_input, message);
}

// "The note is 70 KB long: a note holds at most 4,000 characters, … rather than shorten it."
std::string too_long_text(const char* what, std::size_t bytes) {
    std::string sentence = too_long_reason(what, bytes);
    sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
    return sentence + ".";
}

// A row as read, checked against its checksum: a mismatch is flagged, never corrected.
Bookmark read_bookmark(const Statement& row) {
    Bookmark bookmark = user_store_schema::bookmark_fields(row);
    bookmark.damaged = row.text(7) != user_store_schema::bookmark_checksum(bookmark);
    return bookmark;
}

constexpr const char* bookmark_columns =
    "id, kind, target, person, note, created, updated, checksum";

Status damaged_bookmark(std::int64_t id) {
    return Status::failure(
        Problem::damaged,
        "Bookmark " + std::to_string(id) +
            " is damaged: what is saved on the disk no longer matches what was written. It "
            "is kept as it reads, so nothing was changed. To replace it, remove it "
            "(bookmarks remove " +
            std::to_string(id) + ") and add it again.");
}

// Writes a row's checksum, in the caller's transaction.
int write_checksum(sqlite3* database, const Bookmark& bookmark) {
    Statement update(database, "UPDATE bookmarks SET checksum = ? WHERE id = ?");
    return update.bind(1, user_store_schema::bookmark_checksum(bookmark))
        .bind(2, bookmark.id)
        .run();
}

// How many bookmarks the store holds, or -1 on a read error (code says which).
std::int64_t bookmark_count(sqlite3* database, int& code) {
    Statement count(database, "SELECT COUNT(*) FROM bookmarks");
    const std::int64_t value = count.step() == SQLITE_ROW ? count.integer(0) : -1;
    code = count.result();
    return value;
}

Status too_many_bookmarks() {
    return Status::failure(
        Problem::invalid_input,
        "LungGuide keeps at most " + std::to_string(bookmarks_max_count) +
            " bookmarks, so no more can be added. Remove some first. Nothing was changed.");
}

// The bookmark with this id, if there is one; code receives the read's result.
std::optional<Bookmark> select_bookmark(sqlite3* database, std::int64_t id, int& code) {
    const std::string sql =
        std::string("SELECT ") + bookmark_columns + " FROM bookmarks WHERE id = ?";
    Statement select(database, sql.c_str());
    const int step = select.bind(1, id).step();
    code = select.result();
    if (step == SQLITE_ROW) return read_bookmark(select);
    return std::nullopt;
}

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
    const int code = insert.run();
    if (code != SQLITE_OK) return code;
    Bookmark inserted;
    inserted.id = sqlite3_last_insert_rowid(database);
    inserted.kind = clean.kind;
    inserted.target = clean.target;
    inserted.person = clean.person;
    inserted.note = clean.note;
    inserted.created = created;
    inserted.updated = updated;
    return write_checksum(database, inserted);
}

// Sets a bookmark's note and its updated time, with the checksum to match. The caller has
// checked that existing is not damaged. Returns the sqlite code.
int set_note(sqlite3* database, const Bookmark& existing, const std::string& note,
             const std::string& updated) {
    Bookmark changed = existing;
    changed.note = note;
    changed.updated = updated;
    Statement update(database,
                     "UPDATE bookmarks SET note = ?, updated = ?, checksum = ? WHERE id = ?");
    return update.bind(1, note)
        .bind(2, updated)
        .bind(3, user_store_schema::bookmark_checksum(changed))
        .bind(4, existing.id)
        .run();
}

CleanBookmark clean_bookmark(const std::string& kind, const std::string& target,
                             const std::string& person, const std::string& note) {
    CleanBookmark clean;
    // Sizes first, before a byte is cleaned: far too long is refused, not shortened.
    if (note.size() > note_max_input_bytes || person.size() > label_max_input_bytes) {
        clean.error = note.size() > note_max_input_bytes ? too_long_text("note", note.size())
                                                         : too_long_text("name", person.size());
        return clean;
    }
    if (kind != "class" && kind != "drug") {
        clean.error = "A bookmark is of a \"class\" or a \"drug\", not \"" +
                      clean_single_line(kind, 20).text + "\".";
        return clean;
    }
    clean.kind = kind;
    const CleanedText cleaned_target = target.size() > label_max_input_bytes
                                           ? CleanedText{}
                                           : clean_single_line(target, target_max_characters + 1);
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

// A bookmark as given to add or restore, before cleaning.
struct BookmarkFields {
    const std::string &kind, &target, &person, &note;
};

// One bookmark added or restored, in a transaction of its own. Refused, with nothing
// changed, when the store can't be changed, the fields are not a bookmark, or the bookmark
// of the same kind, target and person is damaged. change gets the fields cleaned, that
// bookmark if there is one, and the time; it returns a refusal, or sets code when a SQLite
// call fails (either way nothing is kept), or says what is worth telling.
template <typename Change>
Status change_one_bookmark(UserStore& store, const BookmarkFields& fields, Change change) {
    if (Status refused = store.refuse_change_if_read_only(); !refused.ok()) return refused;
    const CleanBookmark clean =
        clean_bookmark(fields.kind, fields.target, fields.person, fields.note);
    if (!clean.error.empty()) return invalid(clean.error);
    const std::string now = utc_timestamp_now();
    return store.change("the bookmark", [&](sqlite3* database, int& code) -> Status {
        const std::optional<Bookmark> existing =
            find_same(database, clean.kind, clean.target, clean.person, code);
        if (code != SQLITE_OK) return {};
        if (existing && existing->damaged) return damaged_bookmark(existing->id);
        return change(clean, existing, now, code);
    });
}

} // namespace

std::string merge_notes(const std::string& existing, const std::string& incoming) {
    if (incoming.empty() || existing.find(incoming) != std::string::npos) return existing;
    if (existing.empty() || incoming.find(existing) != std::string::npos) return incoming;
    return clean_note(existing + "\n\n" + incoming).text;
}

Status UserStore::failure(int sqlite_code, const char* what) const {
    const int primary = sqlite_code & 0xFF;
    const std::string not_saved = std::string(what) + " was not saved: ";
    if (primary == SQLITE_FULL || (primary == SQLITE_IOERR && device_is_full(folder_)))
        return Status::failure(Problem::disk_full, not_saved + "the device is full. " +
                                                       nothing_lost +
                                                       " Free some space and try again.");
    if (is_write_refused(sqlite_code))
        return Status::failure(Problem::read_only,
                               not_saved + reason_text(ReadOnlyReason::folder_read_only, folder_) +
                                   ". " + nothing_lost);
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        return Status::failure(Problem::busy,
                               not_saved +
                                   "another LungGuide is saving right now. Try again in a moment.");
    if (replaced_)
        return Status::failure(Problem::failed,
                               not_saved +
                                   "another LungGuide found your bookmarks file damaged and put "
                                   "a new one, holding what it could recover, in its place. "
                                   "Close and reopen LungGuide, then try again. Nothing was "
                                   "changed.");
    if (is_damage(sqlite_code))
        return Status::failure(Problem::damaged,
                               not_saved +
                                   "your bookmarks file is damaged. Close and reopen LungGuide: it "
                                   "keeps the damaged file aside and recovers what it can.");
    return Status::failure(Problem::failed, not_saved + "something went wrong (" +
                                                std::string(sqlite3_errstr(sqlite_code)) + "). " +
                                                nothing_lost);
}

Status UserStore::change(const char* what, const ChangeSteps& steps) {
    Transaction transaction(database_);
    if (transaction.begin_result() != SQLITE_OK) return failure(transaction.begin_result(), what);
    int code = SQLITE_OK;
    const Status changed = steps(database_, code);
    if (code != SQLITE_OK) return failure(code, what);
    if (!changed.ok()) return changed;
    code = transaction.commit();
    if (code != SQLITE_OK) return failure(code, what);
    return changed;
}

std::string UserStore::read_only_notice() const {
    if (read_only_reason_ == ReadOnlyReason::none) return {};
    return "Your bookmarks can be read, but changes can't be saved right now: " +
           reason_text(read_only_reason_, folder_) + ".";
}

Status UserStore::refuse_if_read_only() const {
    if (read_only_reason_ == ReadOnlyReason::none) return {};
    return Status::failure(
        read_only_reason_ == ReadOnlyReason::device_full ? Problem::disk_full : Problem::read_only,
        "Changes can't be saved right now: " + reason_text(read_only_reason_, folder_) +
            ". Nothing was changed.");
}

void UserStore::note_read(int sqlite_code) const {
    if (sqlite_code == SQLITE_OK || sqlite_code == SQLITE_DONE || sqlite_code == SQLITE_ROW) {
        last_read_status_ = {};
        return;
    }
    last_read_status_ = Status::failure(is_damage(sqlite_code) ? Problem::damaged : Problem::failed,
                                        "LungGuide could not read your bookmarks (" +
                                            std::string(sqlite3_errstr(sqlite_code)) + ").");
}

Status UserStore::add_bookmark(const std::string& kind, const std::string& target,
                               const std::string& person, const std::string& note,
                               std::int64_t* id_out) {
    std::int64_t id = 0;
    const Status added = change_one_bookmark(
        *this, {kind, target, person, note},
        [&](const CleanBookmark& clean, const std::optional<Bookmark>& existing,
            const std::string& now, int& code) -> Status {
            std::string message;
            if (existing) {
                id = existing->id;
                code = set_note(database_, *existing,
                                clean.note.empty() ? existing->note : clean.note, now);
                message = clean.note.empty() || clean.note == existing->note
                              ? "This was already bookmarked."
                              : "This was already bookmarked; its note was replaced.";
            } else {
                const std::int64_t count = bookmark_count(database_, code);
                if (code != SQLITE_OK) return {};
                if (count >= static_cast<std::int64_t>(bookmarks_max_count))
                    return too_many_bookmarks();
                code = insert_bookmark(database_, clean, now, now);
                id = sqlite3_last_insert_rowid(database_);
            }
            const std::string shortened =
                shortened_message(clean.shortened_note, clean.shortened_label);
            if (!shortened.empty()) message += (message.empty() ? "" : " ") + shortened;
            return Status::success(message);
        });
    if (added.ok() && id_out) *id_out = id;
    return added;
}

Status UserStore::update_note(std::int64_t id, const std::string& note) {
    if (Status refused = refuse_if_read_only(); !refused.ok()) return refused;
    if (note.size() > note_max_input_bytes)
        return invalid(too_long_text("note", note.size()) + " Nothing was changed.");
    const CleanedText clean = clean_note(note);
    return change("the note", [&](sqlite3* database, int& code) -> Status {
        const Result<Bookmark> existing = bookmark_to_change(id, "the note");
        if (!existing.ok()) return existing.status();
        if (existing.value().damaged) return damaged_bookmark(id);
        code = set_note(database, existing.value(), clean.text, utc_timestamp_now());
        return Status::success(shortened_message(clean.was_shortened, false));
    });
}

Status UserStore::remove_bookmark(std::int64_t id, Bookmark* removed_out) {
    if (Status refused = refuse_if_read_only(); !refused.ok()) return refused;
    Bookmark removed;
    const Status status = change("the removal", [&](sqlite3* database, int& code) -> Status {
        Result<Bookmark> found = bookmark_to_change(id, "the removal");
        if (!found.ok()) return found.status();
        removed = std::move(found.value());
        Statement remove(database, "DELETE FROM bookmarks WHERE id = ?");
        code = remove.bind(1, id).run();
        return {};
    });
    if (status.ok() && removed_out) *removed_out = removed;
    return status;
}

Status UserStore::restore_bookmark(const Bookmark& bookmark) {
    // Like an import of one, but keeping the id when it is free.
    return change_one_bookmark(
        *this, {bookmark.kind, bookmark.target, bookmark.person, bookmark.note},
        [&](const CleanBookmark& clean, const std::optional<Bookmark>& existing,
            const std::string& now, int& code) -> Status {
            if (existing) {
                code = set_note(database_, *existing, merge_notes(existing->note, clean.note), now);
                return {};
            }
            // AUTOINCREMENT never hands out a removed id again, so the old one is free unless
            // the caller restores twice; then a new id is better than a failure.
            Statement taken(database_, "SELECT 1 FROM bookmarks WHERE id = ?");
            const bool id_taken =
                bookmark.id <= 0 || taken.bind(1, bookmark.id).step() == SQLITE_ROW;
            code = insert_bookmark(
                database_, clean, bookmark.created.empty() ? now : bookmark.created,
                bookmark.updated.empty() ? now : bookmark.updated, id_taken ? 0 : bookmark.id);
            return {};
        });
}

Status UserStore::import_bookmarks(const std::vector<Bookmark>& bookmarks,
                                   ImportCounts* counts_out) {
    if (Status refused = refuse_if_read_only(); !refused.ok()) return refused;
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
    const Status imported = change("the import", [&](sqlite3* database, int& code) -> Status {
        for (std::size_t index = 0; index < cleaned.size(); ++index) {
            const CleanBookmark& clean = cleaned[index];
            const std::optional<Bookmark> existing =
                find_same(database, clean.kind, clean.target, clean.person, code);
            if (code != SQLITE_OK) return {};
            if (existing && existing->damaged) return damaged_bookmark(existing->id);
            if (existing) {
                const std::string merged = merge_notes(existing->note, clean.note);
                if (merged == existing->note) {
                    ++counts.unchanged;
                    continue;
                }
                code = set_note(database, *existing, merged, now);
                ++counts.merged;
            } else {
                const Bookmark& original = bookmarks[index];
                code = insert_bookmark(database, clean,
                                       original.created.empty() ? now : original.created,
                                       original.updated.empty() ? now : original.updated);
                ++counts.added;
            }
            if (code != SQLITE_OK) return {};
        }
        if (bookmark_count(database, code) > static_cast<std::int64_t>(bookmarks_max_count))
            return too_many_bookmarks();
        return {};
    });
    if (!imported.ok()) return imported;
    if (counts_out) *counts_out = counts;
    return Status::success(any_shortened ? "Some notes or names were too long and were shortened."
                                         : "");
}

std::optional<Bookmark> UserStore::bookmark(std::int64_t id) const {
    int code = SQLITE_OK;
    std::optional<Bookmark> found = select_bookmark(database_, id, code);
    note_read(code);
    return found;
}

Result<Bookmark> UserStore::bookmark_to_change(std::int64_t id, const char* what) const {
    int code = SQLITE_OK;
    std::optional<Bookmark> found = select_bookmark(database_, id, code);
    if (code != SQLITE_OK) return failure(code, what);
    if (!found)
        return Status::failure(Problem::not_found,
                               "There is no bookmark number " + std::to_string(id) + ".");
    return std::move(*found);
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
    if (!last_read_status_.ok()) found.clear();
    return found;
}

std::vector<std::string> UserStore::read_texts(Statement& select) const {
    std::vector<std::string> found;
    while (select.step() == SQLITE_ROW)
        found.push_back(select.text(0));
    note_read(select.result());
    if (!last_read_status_.ok()) found.clear();
    return found;
}

std::vector<std::string> UserStore::people() const {
    Statement select(database_, "SELECT person FROM bookmarks WHERE person <> '' "
                                "GROUP BY person ORDER BY person COLLATE NOCASE");
    return read_texts(select);
}

// Marks the writes in its scope as routine (history, settings): see checkpoint_after_commit.
struct UserStore::RoutineWrite {
    explicit RoutineWrite(UserStore& store) : store_(store) { store_.routine_write_ = true; }
    ~RoutineWrite() { store_.routine_write_ = false; }
    RoutineWrite(const RoutineWrite&) = delete;
    RoutineWrite& operator=(const RoutineWrite&) = delete;
    UserStore& store_;
};

Status UserStore::record_view(const std::string& route) {
    if (Status refused = refuse_if_read_only(); !refused.ok()) return refused;
    const RoutineWrite routine(*this);
    const CleanedText clean = clean_single_line(route, route_max_characters);
    if (clean.text.empty()) return invalid("There is nothing to add to the history.");
    return change("the history", [&](sqlite3* database, int& code) -> Status {
        Statement remove(database, "DELETE FROM history WHERE route = ?");
        code = remove.bind(1, clean.text).run();
        if (code == SQLITE_OK) {
            Statement insert(database, "INSERT INTO history (route, viewed) VALUES (?, ?)");
            code = insert.bind(1, clean.text).bind(2, utc_timestamp_now()).run();
        }
        if (code == SQLITE_OK) {
            Statement trim(database, "DELETE FROM history WHERE id NOT IN "
                                     "(SELECT id FROM history ORDER BY id DESC LIMIT ?)");
            code = trim.bind(1, static_cast<std::int64_t>(history_max_entries)).run();
        }
        return {};
    });
}

std::vector<std::string> UserStore::recent_views(std::size_t limit) const {
    Statement select(database_, "SELECT route FROM history ORDER BY id DESC LIMIT ?");
    select.bind(1, static_cast<std::int64_t>(std::min(limit, history_max_entries)));
    return read_texts(select);
}

Status UserStore::clear_history() {
    if (Status refused = refuse_if_read_only(); !refused.ok()) return refused;
    return change("clearing the history", [](sqlite3* database, int& code) -> Status {
        code = execute(database, "DELETE FROM history");
        return {};
    });
}

std::string UserStore::setting(const std::string& key, const std::string& fallback) const {
    Statement select(database_, "SELECT value FROM settings WHERE key = ?");
    std::string value = fallback;
    if (select.bind(1, key).step() == SQLITE_ROW) value = select.text(0);
    note_read(select.result());
    return last_read_status_.ok() ? value : fallback;
}

Status UserStore::set_setting(const std::string& key, const std::string& value) {
    if (Status refused = refuse_if_read_only(); !refused.ok()) return refused;
    const RoutineWrite routine(*this);
    const CleanedText clean_key = clean_single_line(key, setting_key_max_characters);
    if (clean_key.text.empty() || clean_key.was_shortened)
        return invalid("A setting needs a short name.");
    const CleanedText clean_value = clean_single_line(value, setting_value_max_characters);
    if (clean_value.was_shortened) return invalid("That setting's value is too long.");
    return change("the setting", [&](sqlite3* database, int& code) -> Status {
        Statement upsert(database, "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)");
        code = upsert.bind(1, clean_key.text).bind(2, clean_value.text).run();
        return {};
    });
}

Status UserStore::check_integrity() const {
    {
        std::string details;
        Statement check(database_, "PRAGMA integrity_check");
        while (check.step() == SQLITE_ROW) {
            if (!details.empty()) details += '\n';
            details += check.text(0);
        }
        if (check.result() != SQLITE_OK)
            return Status::failure(Problem::damaged, sqlite3_errstr(check.result()));
        if (details != "ok") return Status::failure(Problem::damaged, details);
    }
    if (read_only_reason_ != ReadOnlyReason::newer_version &&
        !user_store_schema::matches_version(database_, user_store_schema_version))
        return Status::failure(Problem::damaged, "its tables are not as LungGuide made them");
    const std::vector<Bookmark> all = bookmarks();
    if (!last_read_status_.ok()) return last_read_status_;
    std::string damaged;
    for (const Bookmark& bookmark : all)
        if (bookmark.damaged)
            damaged += (damaged.empty() ? "" : ", ") + std::to_string(bookmark.id);
    if (!damaged.empty())
        return Status::failure(Problem::damaged,
                               "these bookmarks no longer read as they were saved: " + damaged);
    return Status::success();
}

} // namespace lungguide
