// Bookmarks in and out of the browser: the export file through the browser's download,
// an import through its file picker, and the summary for the doctor as a printable page.
// The page (site/app.js) shows these on the Bookmarks screen and calls the functions
// below; the file formats are the core's own (the same as lungguide-cli's).
#pragma once

#include <string>

namespace lungguide::ui {
class App;
}

namespace lungguide::platform {

// The export file's text (JSON), or "" when there is no store.
std::string export_bookmarks_file(ui::App& app);
// Merges an export file's text into the store; returns what happened, for a person.
std::string import_bookmarks_file(ui::App& app, const std::string& text);
// The summary of the current person's bookmarks, as a complete HTML page.
std::string doctor_summary_page(ui::App& app);

} // namespace lungguide::platform
