#include "browser_exchange.h"

#include "app.h"

#include "bookmarks/bookmark_exchange.h"
#include "bookmarks/symptom_diary.h"
#include "bookmarks/user_store.h"
#include "bookmarks/visit_summary.h"
#include "content/content_pack.h"

#include <cstdio>
#include <cstring>

namespace lungguide::platform {

std::string export_bookmarks_file(ui::App& app) {
    if (!app.store()) return "";
    return bookmarks_export_json(app.store()->bookmarks(), utc_timestamp_now(),
                                 SymptomDiary(*app.store()).entries());
}

std::string import_bookmarks_file(ui::App& app, const std::string& text) {
    if (!app.store()) return "Bookmarks can't be saved: " + app.store_unavailable_reason();
    const Result<ExportFile> file = parse_export_json(text);
    if (!file.ok()) return file.message_for_person();
    ImportCounts counts;
    DiaryImportCounts diary;
    const Status status = import_bookmarks_and_diary(*app.store(), file.value().bookmarks,
                                                     file.value().diary, &counts, &diary);
    app.user_data().forget_cached_diary();
    app.request_frames(3);
    if (!status.ok()) return status.message_for_person;
    char summary[240];
    std::snprintf(summary, sizeof summary,
                  "Opened: %zu new bookmarks, %zu with notes added, %zu already here.",
                  counts.added, counts.merged, counts.unchanged);
    if (!file.value().diary.empty())
        std::snprintf(summary + std::strlen(summary), sizeof summary - std::strlen(summary),
                      " Diary: %zu new entries, %zu already here.", diary.added,
                      diary.unchanged + diary.merged);
    return status.message_for_person.empty()
               ? summary
               : std::string(summary) + " " + status.message_for_person;
}

std::string doctor_summary_page(ui::App& app) {
    const std::vector<Bookmark> bookmarks =
        app.store() ? app.store()->bookmarks(app.person()) : std::vector<Bookmark>{};
    const std::vector<DiaryEntry> diary = app.user_data().diary(app.person(), app.diary_linker());
    return visit_summary(app.guide(), bookmarks, app.person(), local_date_today(),
                         SummaryFormat::html, diary);
}

} // namespace lungguide::platform
