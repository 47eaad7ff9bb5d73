// How CLI commands reach the user store: open it in the --data-dir folder, and turn its
// results into messages and exit codes.
#pragma once

#include "bookmarks/symptom_diary.h"
#include "bookmarks/user_store.h"
#include "cli_context.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lungguide::cli {

// Opens the store. Anything worth telling (a damaged file set aside, a read-only folder)
// goes to stderr. On failure prints why, sets exit_failure and returns null.
std::unique_ptr<UserStore> open_user_store(CliContext& context);

// The pack when it opens; otherwise null, after a warning, WITHOUT failing the command:
// a person's bookmarks must stay reachable even when the guide can't be read.
const ContentPack* pack_if_available(CliContext& context);

// Prints a failed change's message and sets the exit code: 2 for a bad request (unknown
// bookmark, bad input), 1 when the store could not be written.
void report_failure(CliContext& context, const Status& status);

// What a person's summary holds (summary, speak summary): their bookmarks and their diary,
// its links made now, and their label as first typed ("Mum", even if typed "mum" now).
struct SummaryContents {
    std::vector<Bookmark> bookmarks;
    std::vector<DiaryEntry> diary;
    std::string person;
};
// None when there is nothing for them (exit code 2, and whose bookmarks and diaries there
// are, on stderr), or when the store can't be read (exit code set).
std::optional<SummaryContents> summary_contents(CliContext& context, const ContentPack& pack,
                                                const std::string& person, bool person_given);

// For "search --mine [--for LABEL]": the ids of the bookmarked classes, counting every class
// of a bookmarked drug. Null (exit code set, message printed) when the store can't be read.
std::optional<std::vector<std::string>>
bookmarked_classes_for_search(CliContext& context, const Guide& guide,
                              const std::optional<std::string>& person);

// "search --mine [--for LABEL]": narrows only_class_ids to the bookmarked classes (all of
// them when it was empty, the classes in both otherwise). Returns false, after a message
// and exit code 2, when that leaves nothing to search, or 1 when the store can't be read.
bool limit_search_to_bookmarks(CliContext& context, const Guide& guide,
                               const std::optional<std::string>& person,
                               std::vector<std::string>& only_class_ids);

} // namespace lungguide::cli
