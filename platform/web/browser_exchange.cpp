#include "browser_exchange.h"

#include "app.h"

#include "bookmarks/bookmark_exchange.h"
#include "bookmarks/user_store.h"
#include "bookmarks/visit_summary.h"
#include "content/content_pack.h"

#include <cstdio>

namespace lungguide::platform {

std::string export_bookmarks_file(ui::App& app) {
    if (!app.store()) return "";
    return bookmarks_export_json(app.store()->bookmarks(), utc_timestamp_now());
}

std::string import_bookmarks_file(ui::App& app, const std::string& text) {
    if (!app.store()) return "Bookmarks can't be saved: " + app.store_unavailable_reason();
    const Result<std::vector<Bookmark>> file = parse_bookmarks_json(text);
    if (!file.ok()) return file.message_for_person();
    ImportCounts counts;
    const Status status = app.store()->import_bookmarks(file.value(), &counts);
    app.request_frames(3);
    if (!status.ok()) return status.message_for_person;
    char summary[160];
    std::snprintf(summary, sizeof summary,
                  "Opened: %zu new bookmarks, %zu with notes added, %zu already here.",
                  counts.added, counts.merged, counts.unchanged);
    return status.message_for_person.empty()
               ? summary
               : std::string(summary) + " " + status.message_for_person;
}

std::string doctor_summary_page(ui::App& app) {
    const std::vector<Bookmark> bookmarks =
        app.store() ? app.store()->bookmarks(app.person()) : std::vector<Bookmark>{};
    return visit_summary(app.guide(), bookmarks, app.person(), local_date_today(),
                         SummaryFormat::html);
}

} // namespace lungguide::platform
