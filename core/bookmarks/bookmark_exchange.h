// Bookmarks and the symptom diary as JSON: the "bookmarks list --json" and "diary list
// --json" shapes, the export file, and reading an export back for import.
//
// Shape of one bookmark: {"id":3,"kind":"drug","target":"osimertinib","for":"Mum"|null,
// "note":"…"|null,"created":"…","updated":"…"}, plus "missing":true when the content pack
// no longer has the target and "damaged":true when the row failed its checksum. An export file adds
// "format":"lungguide-bookmarks", "version" and "exported" around the same "bookmarks" array, so
// either can be imported. Version 2 adds a "diary" array of entries:
// {"id":7,"for":"Mum"|null,"date":"2024-09-02","text":"the runs","severity":"mild"|null,
// "note":"…"|null,"created":"…","updated":"…"} (the words only: links are made again on the
// device that imports them). Files of version 1, without a diary, still import.
#pragma once

#include "bookmarks/bookmark.h"
#include "bookmarks/symptom_diary.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lungguide {

constexpr int bookmark_file_version = 2;
// The largest file import reads: room for bookmarks_max_count bookmarks and
// diary_entries_max_count entries with the longest notes, labels and ids (a test checks that a
// full store's export fits). Anything larger is refused before a byte is read.
constexpr std::uint64_t largest_bookmarks_file_bytes =
    24 * 1024ull * (bookmarks_max_count + diary_entries_max_count) + 64 * 1024;

// What an export file holds.
struct ExportFile {
    std::vector<Bookmark> bookmarks;
    std::vector<DiaryEntry> diary;
};

// {"bookmarks":[…]}; indent < 0 gives one line.
std::string bookmarks_to_json(const std::vector<Bookmark>& bookmarks, int indent = -1);

// {"entries":[…]}: each entry as in the export, plus "listed" and "side_effects"
// ([{"id","title","class_id","severity"}], the person's classes first) and "not_listed" from
// its links ("listed" is false when none was found or the links were never made).
std::string diary_to_json(const std::vector<DiaryEntry>& entries, int indent = -1);

// The export file's text, pretty-printed so a person can read it too.
std::string bookmarks_export_json(const std::vector<Bookmark>& bookmarks,
                                  const std::string& exported_at,
                                  const std::vector<DiaryEntry>& diary = {});

// The bookmarks of an export file; their ids, "missing" and unknown keys are ignored.
// Checks the whole text before returning anything: a file with one bad entry gives an
// error (Problem::invalid_input, naming the first problem) and no bookmarks.
Result<std::vector<Bookmark>> parse_bookmarks_json(const std::string& text);
// Refuses anything that is not a regular file (a FIFO, a device, a folder) and anything
// larger than largest_bookmarks_file_bytes, before reading it.
Result<std::vector<Bookmark>> read_bookmarks_file(const std::string& path);
// The same, with the diary entries too (their ids and links are ignored).
Result<ExportFile> parse_export_json(const std::string& text);
Result<ExportFile> read_export_file(const std::string& path);

// "2024-08-27T10:15:00Z", optionally with a fraction of a second: a real date and time
// (no 30 February, no hour 25), from 1970 on.
bool is_utc_timestamp(const std::string& text);

// Writes a file so that it is either wholly there or not at all: a temporary file in the
// same folder (unnamed, O_TMPFILE, where the system allows), fsynced, renamed over the
// target, then the folder fsynced. Mode 0600: notes are private health information. Stale
// temporary files of an earlier, killed write to the same target are removed first.
Status write_file_atomically(const std::string& path, const std::string& content);

} // namespace lungguide
