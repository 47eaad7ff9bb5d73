#include "bookmarks/symptom_diary.h"

#include "bookmarks/bookmark_exchange.h"
#include "bookmarks/user_store_schema.h"
#include "bookmarks/user_text.h"
#include "bookmarks/visit_summary.h"
#include "common/sqlite_statement.h"

#include <nlohmann/json.hpp>

namespace lungguide {

using sqlite::Statement;

const char* diary_severity_id(DiarySeverity severity) {
    switch (severity) {
    case DiarySeverity::mild:
        return "mild";
    case DiarySeverity::moderate:
        return "moderate";
    case DiarySeverity::severe:
        return "severe";
    case DiarySeverity::none:
        break;
    }
    return "";
}

const char* diary_severity_label(DiarySeverity severity) {
    switch (severity) {
    case DiarySeverity::mild:
        return "Mild";
    case DiarySeverity::moderate:
        return "Moderate";
    case DiarySeverity::severe:
        return "Severe";
    case DiarySeverity::none:
        break;
    }
    return "";
}

bool parse_diary_severity(const std::string& text, DiarySeverity& severity) {
    for (DiarySeverity candidate :
         {DiarySeverity::none, DiarySeverity::mild, DiarySeverity::moderate, DiarySeverity::severe})
        if (text == diary_severity_id(candidate)) {
            severity = candidate;
            return true;
        }
    return false;
}

bool is_diary_date(const std::string& text) {
    return text.size() == 10 && is_utc_timestamp(text + "T00:00:00Z");
}

namespace {

// The links as one column: {"se":[[id, title, class, severity], …],"nl":[…]}. Made by us;
// anything else read back (a damaged or foreign value) counts as never linked.
std::string links_text(const DiaryLinks& links) {
    nlohmann::json side_effects = nlohmann::json::array();
    for (const DiaryLink& link : links.side_effects)
        side_effects.push_back(
            {link.side_effect_id, link.title, link.class_id, severity_id(link.severity)});
    return nlohmann::json{{"se", side_effects}, {"nl", links.not_listed}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

DiaryLinks links_from(const std::string& key, const std::string& text) {
    DiaryLinks links;
    if (key.empty() || text.empty()) return links;
    try {
        const nlohmann::json value = nlohmann::json::parse(text);
        for (const nlohmann::json& item : value.at("se")) {
            DiaryLink link;
            link.side_effect_id = item.at(0).get<std::string>();
            link.title = item.at(1).get<std::string>();
            link.class_id = item.at(2).get<std::string>();
            link.severity = item.at(3).get<std::string>() == severity_id(Severity::rare_serious)
                                ? Severity::rare_serious
                                : Severity::common;
            links.side_effects.push_back(std::move(link));
        }
        for (const nlohmann::json& item : value.at("nl"))
            links.not_listed.push_back(item.get<std::string>());
        links.key = key;
    } catch (const std::exception&) {
        return DiaryLinks{}; // linked again at the next look, like a pack that changed
    }
    return links;
}

// The row an entry is stored as (the checksum left empty).
user_store_schema::DiaryRow row_of(const DiaryEntry& entry) {
    return {entry.id,
            entry.person,
            entry.date,
            entry.text,
            std::string(diary_severity_id(entry.severity)),
            entry.note,
            entry.created,
            entry.updated,
            entry.links.key,
            links_text(entry.links),
            std::string()};
}

constexpr const char* entry_columns = user_store_schema::diary_row_columns;

DiaryEntry read_entry(const Statement& row) {
    const user_store_schema::DiaryRow stored = user_store_schema::diary_row_fields(row);
    DiaryEntry entry;
    entry.id = stored.id;
    entry.person = stored.person;
    entry.date = stored.day;
    entry.text = stored.words;
    parse_diary_severity(stored.severity, entry.severity);
    entry.note = stored.note;
    entry.created = stored.created;
    entry.updated = stored.updated;
    entry.links = links_from(stored.links_key, stored.links);
    // The checksum is of what was written, links as stored (even ones that no longer parse).
    entry.damaged = user_store_schema::diary_row_checksum(stored) != stored.checksum;
    return entry;
}

// Writes a whole row (a new one when entry.id is 0, else that id) with its checksum.
int write_entry(sqlite3* database, DiaryEntry& entry, bool insert) {
    if (insert) {
        Statement add(database, entry.id == 0
                                    ? "INSERT INTO symptom_diary (person, day, words, created, "
                                      "updated) VALUES (?, ?, ?, ?, ?)"
                                    : "INSERT INTO symptom_diary (person, day, words, created, "
                                      "updated, id) VALUES (?, ?, ?, ?, ?, ?)");
        add.bind(1, entry.person).bind(2, entry.date).bind(3, entry.text);
        add.bind(4, entry.created).bind(5, entry.updated);
        if (entry.id != 0) add.bind(6, entry.id);
        const int code = add.run();
        if (code != SQLITE_OK) return code;
        entry.id = sqlite3_last_insert_rowid(database);
    }
    Statement update(database, "UPDATE symptom_diary SET person = ?, day = ?, words = ?, "
                               "severity = ?, note = ?, created = ?, updated = ?, links_key = ?, "
                               "links = ?, checksum = ? WHERE id = ?");
    update.bind(1, entry.person).bind(2, entry.date).bind(3, entry.text);
    update.bind(4, std::string(diary_severity_id(entry.severity))).bind(5, entry.note);
    update.bind(6, entry.created).bind(7, entry.updated).bind(8, entry.links.key);
    update.bind(9, links_text(entry.links))
        .bind(10, user_store_schema::diary_row_checksum(row_of(entry)))
        .bind(11, entry.id);
    return update.run();
}

std::optional<DiaryEntry> select_entry(sqlite3* database, std::int64_t id, int& code) {
    const std::string sql =
        std::string("SELECT ") + entry_columns + " FROM symptom_diary WHERE id = ?";
    Statement select(database, sql.c_str());
    const int step = select.bind(1, id).step();
    code = select.result();
    if (step == SQLITE_ROW) return read_entry(select);
    return std::nullopt;
}

std::optional<DiaryEntry> find_same(sqlite3* database, const DiaryEntry& entry, int& code) {
    const std::string sql = std::string("SELECT ") + entry_columns +
                            " FROM symptom_diary WHERE person = ? AND day = ? AND words = ?";
    Statement select(database, sql.c_str());
    const int step = select.bind(1, entry.person).bind(2, entry.date).bind(3, entry.text).step();
    code = select.result();
    if (step == SQLITE_ROW) return read_entry(select);
    return std::nullopt;
}

// The label as this person was first written ("Mum" when "mum" is typed now), from their
// bookmarks or diary, so one person is always shown one way; the label itself if new.
std::string label_in_use(sqlite3* database, const std::string& person, int& code) {
    Statement select(database, "SELECT person FROM bookmarks WHERE person = ? UNION ALL "
                               "SELECT person FROM symptom_diary WHERE person = ? LIMIT 1");
    const int step = select.bind(1, person).bind(2, person).step();
    code = select.result();
    return step == SQLITE_ROW ? select.text(0) : person;
}

std::int64_t entry_count(sqlite3* database, int& code) {
    Statement count(database, "SELECT COUNT(*) FROM symptom_diary");
    const std::int64_t value = count.step() == SQLITE_ROW ? count.integer(0) : -1;
    code = count.result();
    return value;
}

Status invalid(const std::string& message) {
    return Status::failure(Problem::invalid_input, message);
}

Status no_such_entry(std::int64_t id) {
    return Status::failure(Problem::not_found,
                           "There is no diary entry number " + std::to_string(id) + ".");
}

Status damaged_entry(std::int64_t id) {
    return Status::failure(
        Problem::damaged,
        "Diary entry " + std::to_string(id) +
            " is damaged: what is saved on the disk no longer matches what was written. It is "
            "kept as it reads, so nothing was changed. To replace it, remove it (diary remove " +
            std::to_string(id) + ") and add it again.");
}

Status too_many_entries() {
    return invalid("LungGuide keeps at most " + std::to_string(diary_entries_max_count) +
                   " diary entries, so no more can be added. Remove some old ones first. "
                   "Nothing was changed.");
}

// What cleaning shortened, as a sentence; "" when nothing was.
std::string shortened_message(bool words, bool note, bool label) {
    std::string message;
    if (words)
        message += "The words were longer than " + std::to_string(diary_words_max_characters) +
                   " characters, so only the first " + std::to_string(diary_words_max_characters) +
                   " were kept. ";
    if (note)
        message += "The note was longer than " + std::to_string(note_max_characters) +
                   " characters, so only the first " + std::to_string(note_max_characters) +
                   " were kept. ";
    if (label)
        message += "The name was longer than " + std::to_string(label_max_characters) +
                   " characters, so it was shortened. ";
    if (!message.empty()) message.pop_back();
    return message;
}

} // namespace

// Cleans and checks an entry's own fields; clean gets them, the rest copied. The message of
// a success says what was shortened.
Status SymptomDiary::checked_entry(const DiaryEntry& entry, DiaryEntry& clean,
                                   bool typed_now) const {
    clean = entry;
    const CleanedText words = clean_single_line(entry.text, diary_words_max_characters);
    if (words.text.empty())
        return invalid("A diary entry needs words: what was felt, as you would say it.");
    clean.text = words.text;
    const CleanedText person = clean_label(entry.person);
    clean.person = person.text;
    const CleanedText note = clean_note(entry.note);
    clean.note = note.text;
    if (clean.date.empty()) clean.date = local_date_today();
    if (!is_diary_date(clean.date))
        return invalid("\"" + printable_excerpt(clean.date, 20) +
                       "\" is not a day. Write it as year-month-day, such as 2024-09-02.");
    // A day still to come is a slip when typed; in an import it may be a device whose
    // clock is in a later time zone, and is kept.
    if (typed_now && clean.date > local_date_today())
        return invalid("The day " + clean.date +
                       " is still to come. A diary entry is for a day "
                       "that has begun.");
    return Status::success(
        shortened_message(words.was_shortened, note.was_shortened, person.was_shortened));
}

// A typed entry checked and cleaned, placed by place in a transaction of its own, then
// written whole (insert: as a new row, whose id id_out gets). place reads what it needs and
// fills in the rest of the entry; it returns a refusal, or sets code when a SQLite call
// fails: either way nothing is kept. A success says what cleaning shortened.
Status SymptomDiary::write_typed(const DiaryEntry& entry, bool insert, const EntryPlacer& place,
                                 std::int64_t* id_out) {
    if (Status refused = store_.refuse_change_if_read_only(); !refused.ok()) return refused;
    DiaryEntry clean;
    const Status checked = checked_entry(entry, clean, true);
    if (!checked.ok()) return checked;
    const Status written =
        store_.change("the diary entry", [&](sqlite3* database, int& code) -> Status {
            const Status placed = place(database, clean, code);
            if (code != SQLITE_OK || !placed.ok()) return placed;
            code = write_entry(database, clean, insert);
            return checked;
        });
    if (written.ok() && id_out) *id_out = clean.id;
    return written;
}

Status SymptomDiary::add_entry(const DiaryEntry& entry, std::int64_t* id_out) {
    return write_typed(
        entry, true,
        [](sqlite3* database, DiaryEntry& changed, int& code) -> Status {
            const std::int64_t count = entry_count(database, code);
            if (code != SQLITE_OK) return {};
            if (count >= static_cast<std::int64_t>(diary_entries_max_count))
                return too_many_entries();
            changed.person = label_in_use(database, changed.person, code);
            changed.id = 0;
            changed.created = changed.updated = utc_timestamp_now();
            return {};
        },
        id_out);
}

Status SymptomDiary::update_entry(const DiaryEntry& entry) {
    return write_typed(
        entry, false, [&entry](sqlite3* database, DiaryEntry& changed, int& code) -> Status {
            const std::optional<DiaryEntry> existing = select_entry(database, entry.id, code);
            if (code != SQLITE_OK) return {};
            if (!existing) return no_such_entry(entry.id);
            if (existing->damaged) return damaged_entry(entry.id);
            changed.person = existing->person; // an entry stays in its person's diary
            changed.created = existing->created;
            changed.updated = utc_timestamp_now();
            return {};
        });
}

Status SymptomDiary::set_links(std::int64_t id, const DiaryLinks& links) {
    if (Status refused = store_.refuse_change_if_read_only(); !refused.ok()) return refused;
    return store_.change("the diary's links", [&](sqlite3* database, int& code) -> Status {
        std::optional<DiaryEntry> existing = select_entry(database, id, code);
        if (code != SQLITE_OK) return {};
        if (!existing) return no_such_entry(id);
        // A damaged entry is never rewritten behind the person's back.
        if (existing->damaged) return damaged_entry(id);
        existing->links = links;
        code = write_entry(database, *existing, false);
        return {};
    });
}

Status SymptomDiary::remove_entry(std::int64_t id, DiaryEntry* removed_out) {
    if (Status refused = store_.refuse_change_if_read_only(); !refused.ok()) return refused;
    std::optional<DiaryEntry> existing;
    const Status status = store_.change("the removal", [&](sqlite3* database, int& code) -> Status {
        existing = select_entry(database, id, code);
        if (code != SQLITE_OK) return {};
        if (!existing) return no_such_entry(id);
        Statement remove(database, "DELETE FROM symptom_diary WHERE id = ?");
        code = remove.bind(1, id).run();
        return {};
    });
    if (status.ok() && removed_out) *removed_out = *existing;
    return status;
}

Status SymptomDiary::restore_entry(const DiaryEntry& entry) {
    if (Status refused = store_.refuse_change_if_read_only(); !refused.ok()) return refused;
    DiaryEntry clean;
    if (Status checked = checked_entry(entry, clean, false); !checked.ok()) return checked;
    return store_.change("the diary entry", [&](sqlite3* database, int& code) -> Status {
        // AUTOINCREMENT never hands a removed id out again, so it is free unless restored twice.
        if (clean.id <= 0 || select_entry(database, clean.id, code)) clean.id = 0;
        if (code != SQLITE_OK) return {};
        const std::string now = utc_timestamp_now();
        if (clean.created.empty()) clean.created = now;
        if (clean.updated.empty()) clean.updated = now;
        code = write_entry(database, clean, true);
        return {};
    });
}

Status SymptomDiary::import_entries(const std::vector<DiaryEntry>& entries,
                                    ImportCounts* counts_out) {
    if (Status refused = store_.refuse_change_if_read_only(); !refused.ok()) return refused;
    std::vector<DiaryEntry> cleaned(entries.size());
    for (std::size_t index = 0; index < entries.size(); ++index) {
        const Status checked = checked_entry(entries[index], cleaned[index], false);
        if (!checked.ok())
            return invalid("Diary entry " + std::to_string(index + 1) + " can't be imported: " +
                           checked.message_for_person + " Nothing was changed.");
    }
    ImportCounts counts;
    const std::string now = utc_timestamp_now();
    const Status imported =
        store_.change("the import", [&](sqlite3* database, int& code) -> Status {
            for (DiaryEntry& clean : cleaned) {
                clean.person = label_in_use(database, clean.person, code);
                std::optional<DiaryEntry> existing = find_same(database, clean, code);
                if (code != SQLITE_OK) return {};
                if (existing && existing->damaged) return damaged_entry(existing->id);
                if (existing) {
                    const std::string merged = merge_notes(existing->note, clean.note);
                    const bool severity_new = existing->severity == DiarySeverity::none &&
                                              clean.severity != DiarySeverity::none;
                    if (merged == existing->note && !severity_new) {
                        ++counts.unchanged;
                        continue;
                    }
                    existing->note = merged;
                    if (severity_new) existing->severity = clean.severity;
                    existing->updated = now;
                    code = write_entry(database, *existing, false);
                    ++counts.merged;
                } else {
                    clean.id = 0;
                    clean.links = {}; // linked again against this device's guide
                    if (clean.created.empty()) clean.created = now;
                    if (clean.updated.empty()) clean.updated = now;
                    code = write_entry(database, clean, true);
                    ++counts.added;
                }
                if (code != SQLITE_OK) return {};
            }
            if (entry_count(database, code) > static_cast<std::int64_t>(diary_entries_max_count))
                return too_many_entries();
            return {};
        });
    if (imported.ok() && counts_out) *counts_out = counts;
    return imported;
}

std::optional<DiaryEntry> SymptomDiary::entry(std::int64_t id) const {
    int code = SQLITE_OK;
    std::optional<DiaryEntry> found = select_entry(store_.connection(), id, code);
    store_.note_read_result(code);
    return found;
}

std::vector<DiaryEntry> SymptomDiary::entries(std::optional<std::string> person) const {
    std::string sql = std::string("SELECT ") + entry_columns + " FROM symptom_diary";
    if (person) sql += " WHERE person = ?";
    sql += " ORDER BY person COLLATE NOCASE, day, id";
    Statement select(store_.connection(), sql.c_str());
    if (person) select.bind(1, clean_label(*person).text);
    std::vector<DiaryEntry> found;
    while (select.step() == SQLITE_ROW)
        found.push_back(read_entry(select));
    store_.note_read_result(select.result());
    if (!store_.last_read_status().ok()) found.clear();
    return found;
}

std::vector<std::string> SymptomDiary::people() const {
    Statement select(store_.connection(), "SELECT person FROM symptom_diary WHERE person <> '' "
                                          "GROUP BY person ORDER BY person COLLATE NOCASE");
    return store_.read_texts(select);
}

Status SymptomDiary::check() const {
    const std::vector<DiaryEntry> all = entries();
    if (!store_.last_read_status().ok()) return store_.last_read_status();
    std::string damaged;
    for (const DiaryEntry& entry : all)
        if (entry.damaged) damaged += (damaged.empty() ? "" : ", ") + std::to_string(entry.id);
    if (!damaged.empty())
        return Status::failure(Problem::damaged,
                               "these diary entries no longer read as they were saved: " + damaged);
    return Status::success();
}

Status import_bookmarks_and_diary(UserStore& store, const std::vector<Bookmark>& bookmarks,
                                  const std::vector<DiaryEntry>& diary,
                                  ImportCounts* bookmark_counts, ImportCounts* diary_counts) {
    if (Status refused = store.refuse_change_if_read_only(); !refused.ok()) return refused;
    Status bookmarks_status;
    // Each part is a change of its own, a savepoint of this one: nothing is written until
    // both are in.
    const Status imported = store.change("the import", [&](sqlite3*, int&) -> Status {
        bookmarks_status = store.import_bookmarks(bookmarks, bookmark_counts);
        if (!bookmarks_status.ok()) return bookmarks_status;
        return SymptomDiary(store).import_entries(diary, diary_counts);
    });
    return imported.ok() ? bookmarks_status : imported;
}

} // namespace lungguide
