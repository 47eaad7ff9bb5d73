// A person's symptom diary, in the user store beside their bookmarks: on which day, in their
// own words, how bad (optional) and a note (optional); and what the page said about those
// words when they were last linked (core/diary/diary_links.h makes the links, through the
// same search answer as the search screen).
//
// The words are the person's: LungGuide never changes them. The links are derived: they are
// made again whenever the content pack or the person's bookmarked classes change
// (DiaryLinks::key says what they were made with). Every row carries a checksum of all its
// fields, as a bookmark does, and text is cleaned and bounded as notes are (user_text.h).
//
// Index
//   DiarySeverity, is_diary_date    the optional severity; a day "YYYY-MM-DD"
//   DiaryLink, DiaryLinks           what the page says about the words
//   DiaryEntry                      one entry
//   SymptomDiary                    the entries in the store: add, edit, remove, undo, import
//   import_bookmarks_and_diary      a whole export file, all or nothing
#pragma once

#include "bookmarks/user_store.h"
#include "content/guide.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lungguide {

// A diary kept every day for more than ten years. It bounds an export, as bookmarks_max_count does.
constexpr std::size_t diary_entries_max_count = 5000;
// The person's words for what they felt: a phrase, not a letter (the note is for more).
constexpr std::size_t diary_words_max_characters = 300;

enum class DiarySeverity { none, mild, moderate, severe };
const char* diary_severity_id(DiarySeverity severity);    // "", "mild", "moderate", "severe"
const char* diary_severity_label(DiarySeverity severity); // "", "Mild", "Moderate", "Severe"
// The ids above ("" is none); false, and severity unchanged, for anything else.
bool parse_diary_severity(const std::string& text, DiarySeverity& severity);

// "2024-09-02": a real day (no 30 February), from 1970 on.
bool is_diary_date(const std::string& text);

// One side effect of the page that a diary entry's words are linked to.
struct DiaryLink {
    std::string side_effect_id; // its place on the class page: side_effect_anchor() after "se="
    std::string title;          // the page's words for it, e.g. "diarrhea"
    std::string class_id;       // the class that lists it
    Severity severity = Severity::common;
};

// What the page says about an entry's words, when they were last linked.
struct DiaryLinks {
    // The content pack and the person's bookmarked classes the links were made with
    // (diary_links_key()); "" when they were never made.
    std::string key;
    std::vector<DiaryLink> side_effects; // the person's bookmarked classes first
    std::vector<std::string> not_listed; // complaints in the words that the page does not list
    bool listed() const { return !side_effects.empty(); }
};

struct DiaryEntry {
    std::int64_t id = 0; // never reused, so an undo puts the entry back as it was
    std::string person;  // whose diary; "" = nobody in particular
    std::string date;    // the day it was felt, "YYYY-MM-DD" (the device's local day)
    std::string text;    // the person's own words, as typed (cleaned as a label is)
    DiarySeverity severity = DiarySeverity::none;
    std::string note;     // "" = no note
    std::string created;  // ISO 8601 UTC
    std::string updated;  // ISO 8601 UTC
    DiaryLinks links;     // derived; not part of an export
    bool damaged = false; // the row no longer matches its checksum: shown as read, flagged
};

// The diary's rows in an open store. Like UserStore: one transaction per change, a failure
// says why for a person and changes nothing, no exception escapes.
class SymptomDiary {
  public:
    explicit SymptomDiary(UserStore& store) : store_(store) {}

    // Adds entry's person, date ("" = today), text, severity, note and links; id_out gets
    // its id. An empty text, a day that is not a date or still to come is refused.
    Status add_entry(const DiaryEntry& entry, std::int64_t* id_out = nullptr);
    // Changes the date, text, severity, note and links of the entry with entry.id.
    Status update_entry(const DiaryEntry& entry);
    // Replaces only the links (the page or the bookmarks changed); the words stay as they are.
    Status set_links(std::int64_t id, const DiaryLinks& links);
    // removed_out receives the entry as it was, for an undo through restore_entry().
    Status remove_entry(std::int64_t id, DiaryEntry* removed_out = nullptr);
    // Puts a removed entry back with its id and times (a new id if that one is taken).
    Status restore_entry(const DiaryEntry& entry);
    // Merges entries from an export: the same person, day and words is the same entry (a
    // different note is added below its own). In the caller's transaction when there is one.
    Status import_entries(const std::vector<DiaryEntry>& entries,
                          ImportCounts* counts_out = nullptr);

    std::optional<DiaryEntry> entry(std::int64_t id) const;
    // All entries, or one person's, by person, then day, then the order they were made.
    std::vector<DiaryEntry> entries(std::optional<std::string> person = {}) const;
    // Every person with diary entries, in alphabetical order, without "".
    std::vector<std::string> people() const;
    // Every entry's checksum: ok, or Problem::damaged naming the entries that changed.
    Status check() const;

  private:
    // Cleans and checks an entry's own fields into clean. typed_now: a day still to come is
    // refused (an import keeps it).
    Status checked_entry(const DiaryEntry& entry, DiaryEntry& clean, bool typed_now) const;
    // Reads what a typed entry's change needs, in its transaction, and fills in the rest of
    // the entry; returns a refusal, or sets code when a SQLite call fails.
    using EntryPlacer = std::function<Status(sqlite3* database, DiaryEntry& entry, int& code)>;
    // A typed entry (added or edited) checked, placed and written in a transaction of its own.
    Status write_typed(const DiaryEntry& entry, bool insert, const EntryPlacer& place,
                       std::int64_t* id_out = nullptr);
    UserStore& store_;
};

// An export file's bookmarks and diary entries in one transaction: all or nothing.
Status import_bookmarks_and_diary(UserStore& store, const std::vector<Bookmark>& bookmarks,
                                  const std::vector<DiaryEntry>& diary,
                                  ImportCounts* bookmark_counts = nullptr,
                                  ImportCounts* diary_counts = nullptr);

} // namespace lungguide
