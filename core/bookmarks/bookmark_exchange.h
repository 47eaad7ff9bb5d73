// Bookmarks as JSON: the "bookmarks list --json" shape, the export file, and reading an
// export back for import.
//
// Shape of one bookmark: {"id":3,"kind":"drug","target":"osimertinib","for":"Mum"|null,
// "note":"…"|null,"created":"…","updated":"…"}, plus "missing":true when the content pack
// no longer has the target and "damaged":true when the row failed its checksum. An export file adds
// "format":"lungguide-bookmarks", "version":1 and "exported" around the same "bookmarks" array, so
// either can be imported.
#pragma once

#include "bookmarks/bookmark.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lungguide {

constexpr int bookmark_file_version = 1;
// The largest file import reads: room for bookmarks_max_count bookmarks with the longest
// notes, labels and ids (a test checks that a full store's export fits). Anything larger is
// refused before a byte is read.
constexpr std::uint64_t largest_bookmarks_file_bytes =
    24 * 1024ull * bookmarks_max_count + 64 * 1024;

// {"bookmarks":[…]}; indent < 0 gives one line.
std::string bookmarks_to_json(const std::vector<Bookmark>& bookmarks, int indent = -1);

// The export file's text, pretty-printed so a person can read it too.
std::string bookmarks_export_json(const std::vector<Bookmark>& bookmarks,
                                  const std::string& exported_at);

// The bookmarks of an export file; their ids, "missing" and unknown keys are ignored.
// Checks the whole text before returning anything: a file with one bad entry gives an
// error (Problem::invalid_input, naming the first problem) and no bookmarks.
Result<std::vector<Bookmark>> parse_bookmarks_json(const std::string& text);
// Refuses anything that is not a regular file (a FIFO, a device, a folder) and anything
// larger than largest_bookmarks_file_bytes, before reading it.
Result<std::vector<Bookmark>> read_bookmarks_file(const std::string& path);

// "2024-08-27T10:15:00Z", optionally with a fraction of a second: a real date and time
// (no 30 February, no hour 25), from 1970 on.
bool is_utc_timestamp(const std::string& text);

// Writes a file so that it is either wholly there or not at all: a temporary file in the
// same folder (unnamed, O_TMPFILE, where the system allows), fsynced, renamed over the
// target, then the folder fsynced. Mode 0600: notes are private health information. Stale
// temporary files of an earlier, killed write to the same target are removed first.
Status write_file_atomically(const std::string& path, const std::string& content);

} // namespace lungguide
