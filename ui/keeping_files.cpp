// Files the person keeps, where the device has no folders (a browser, device_files.h): the
// summary for the doctor downloaded as a page to print or as text, shared, or printed with
// the browser's own dialog; a copy of every bookmark and note to keep elsewhere, and one
// opened back through the file picker; and whether the browser keeps the data at all. No
// folder, no file path: the host says what it did in words.
#include "app.h"
#include "screens.h"
#include "widgets.h"

namespace lungguide::ui {

namespace {

ParagraphOptions muted_words(App& app) {
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    return muted;
}

void say(App& app, const std::string& message) {
    if (message.empty()) return;
    ParagraphOptions bold;
    bold.bold = true;
    bold.glossary_links = false;
    paragraph(app.look(), message, bold);
}

// Hands a file over; the sentence back is the host's, or why there was no file.
std::string keep(App& app, const Result<FileToKeep>& file, KeepWay way) {
    if (!file.ok()) return file.message_for_person();
    const DeviceFiles& files = app.config().files;
    return files.keep ? files.keep(file.value(), way) : std::string();
}

} // namespace

void draw_keep_summary(App& app, const std::string& person) {
    KeepingScreenState& state = app.screens().keeping;
    if (state.summary_person != person) {
        state.summary_person = person;
        state.summary_message.clear();
    }
    const DeviceFiles& files = app.config().files;
    const Palette& palette = app.palette();
    begin_box(app.look(), palette.note_panel, palette.border);
    subheading(app.look(), "Take it to the visit");
    paragraph(app.look(),
              files.share ? "Print it, send it to yourself or to the clinic, or download it to "
                            "show on this device at the visit."
                          : "Print it, or download it to show on this device at the visit.",
              muted_words(app));
    UserData& data = app.user_data();
    ButtonOptions wide;
    wide.width = -1.0f;
    ButtonOptions primary = wide;
    primary.kind = ButtonKind::primary;
    // One button per way this device offers; the summary is made when one is pressed.
    const auto offer = [&](bool offered, const char* label, const ButtonOptions& options,
                           const char* id, SummaryFormat format, KeepWay way) {
        if (offered && button(app.look(), label, options, id))
            state.summary_message =
                keep(app, data.summary_file(person, format, app.diary_linker()), way);
    };
    offer(files.print, "Print", primary, "print summary", SummaryFormat::html, KeepWay::print);
    offer(files.share, "Share…", wide, "share summary", SummaryFormat::html, KeepWay::share);
    offer(files.download, "Download as a page to print", wide, "download summary html",
          SummaryFormat::html, KeepWay::download);
    offer(files.download, "Download as text", wide, "download summary text",
          SummaryFormat::markdown, KeepWay::download);
    say(app, state.summary_message);
    end_box(app.look());
}

void draw_keep_bookmarks(App& app) {
    const DeviceFiles& files = app.config().files;
    if (files.folders || !(files.download || files.share || files.open)) return;
    KeepingScreenState& state = app.screens().keeping;
    heading(app.look(), "Keep a copy");
    paragraph(app.look(),
              "Your bookmarks and notes are kept in this browser only. A copy kept elsewhere "
              "is safe if the browser's data is cleared, and opens on another device.",
              muted_words(app));
    UserData& data = app.user_data();
    ButtonOptions wide;
    wide.width = -1.0f;
    if (files.download && button(app.look(), "Save a copy", wide, "save a copy"))
        state.bookmarks_message = keep(app, data.bookmarks_file(), KeepWay::download);
    if (files.share && button(app.look(), "Share a copy…", wide, "share a copy"))
        state.bookmarks_message = keep(app, data.bookmarks_file(), KeepWay::share);
    if (files.open && files.open_file && button(app.look(), "Open a copy", wide, "open a copy")) {
        files.open_file(".json,application/json",
                        [&app](const std::string& name, const std::string& text) {
                            (void)name;
                            app.screens().keeping.bookmarks_message =
                                app.user_data().import_bookmarks(text).message_for_person;
                            app.request_frames(settle_frames);
                        });
    }
    say(app, state.bookmarks_message);
}

void draw_storage_promise(App& app) {
    const DeviceFiles& files = app.config().files;
    const StoragePromise promise = files.storage_promise();
    if (promise == StoragePromise::none) return;
    const char* said = "";
    switch (promise) {
    case StoragePromise::kept:
        said = "This browser has promised to keep your bookmarks and notes, even when it is "
               "short of room.";
        break;
    case StoragePromise::may_clear:
        said = "This browser may clear your bookmarks and notes when it is short of room, or "
               "after some weeks without a visit.";
        break;
    case StoragePromise::not_asked:
    case StoragePromise::none:
        said = "Once you bookmark something, LungGuide asks this browser to keep it.";
        break;
    }
    paragraph(app.look(), said);
    paragraph(app.look(),
              "Clearing this site's data in the browser's settings removes them too. To keep "
              "a copy, open Bookmarks and choose \"Save a copy\".",
              muted_words(app));
}

} // namespace lungguide::ui
