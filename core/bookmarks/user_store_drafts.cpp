// Note drafts in the user store: one row per bookmark, written as the person types.
#include "bookmarks/input_limits.h"
#include "bookmarks/user_store.h"
#include "bookmarks/user_text.h"
#include "common/sqlite_statement.h"

namespace lungguide {

using sqlite::Statement;

Status UserStore::save_note_draft(std::int64_t bookmark_id, const std::string& text) {
    if (Status refused = refuse_if_read_only(); !refused.ok()) return refused;
    if (text.size() > note_max_input_bytes)
        return Status::failure(Problem::invalid_input,
                               "The draft was not kept: " + too_long_reason("note", text.size()) +
                                   ".");
    // Cleaned as a saved note would be (the app keeps the exact text while it runs).
    const std::string kept = clean_note(text).text;
    return change("the note draft", [&](sqlite3* database, int& code) -> Status {
        Statement upsert(database, "INSERT OR REPLACE INTO note_drafts (bookmark_id, text, "
                                   "updated) VALUES (?, ?, ?)");
        code = upsert.bind(1, bookmark_id).bind(2, kept).bind(3, utc_timestamp_now()).run();
        return {};
    });
}

Status UserStore::discard_note_draft(std::int64_t bookmark_id) {
    if (Status refused = refuse_if_read_only(); !refused.ok()) return refused;
    return change("the note draft", [bookmark_id](sqlite3* database, int& code) -> Status {
        Statement remove(database, "DELETE FROM note_drafts WHERE bookmark_id = ?");
        code = remove.bind(1, bookmark_id).run();
        return {};
    });
}

std::vector<std::pair<std::int64_t, std::string>> UserStore::note_drafts() const {
    std::vector<std::pair<std::int64_t, std::string>> drafts;
    Statement select(database_, "SELECT bookmark_id, text FROM note_drafts ORDER BY bookmark_id");
    while (select.step() == SQLITE_ROW)
        drafts.emplace_back(select.integer(0), select.text(1));
    note_read(select.result());
    return drafts;
}

} // namespace lungguide
