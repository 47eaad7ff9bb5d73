// What screens remember between frames, owned by App (App::screens()). Nothing of this
// lives at file scope: two Apps in one process share nothing (tools/checks/ui-state).
#pragma once

#include "bookmarks/symptom_diary.h"
#include "search/search.h"
#include "wrapping_box.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace lungguide::ui {

// Search runs again only when the text or the filter changed: keystrokes, not frames.
struct SearchScreenState {
    std::string query = "\x01";
    std::vector<std::string> filter;
    bool filtered = false;
    SearchResponse response;
};

// A note box that wraps (wrapping_box.h): the display copy has some spaces turned into
// line breaks.
using NoteBoxState = WrappingBoxState;

// The "for whom?" picker and the remove confirmation on a class or drug page.
struct BookmarkPanelState {
    bool picker_open = false;
    bool picker_needs_open = false;  // ImGui::OpenPopup on the next frame
    std::string picker_kind;         // "class" or "drug"
    std::string picker_target;       // the page's id
    std::string picker_choice;       // the person selected in the picker
    std::string picker_new_person;   // typed into "Someone else"
    std::int64_t confirm_remove = 0; // the bookmark whose removal awaits "Yes, remove"
};

struct BookmarksScreenState {
    std::string new_person;
};

struct SettingsScreenState {
    bool confirm_clear = false;
};

struct SummaryScreenState {
    std::string person;  // the summary the message is about
    std::string message; // what the last save did, in a sentence
    std::string path;    // the file it wrote
    std::string folder;  // chosen folder; "" = the data folder
    std::string typed_folder;
    bool choosing_folder = false; // the list of folders is open
};

// The diary's form (add or change an entry) and the entry whose removal awaits an answer.
struct DiaryScreenState {
    std::string form_person; // whose diary the form is for
    std::string words;
    WrappingBoxState words_box;
    std::string date; // "" = today
    bool choosing_day = false;
    std::string typed_day;
    DiarySeverity severity = DiarySeverity::none;
    std::string note;
    WrappingBoxState note_box;
    std::int64_t editing = 0;        // the entry being changed; 0 = a new one
    std::int64_t confirm_remove = 0; // the entry whose removal awaits "Yes, remove"
};

// What handing a file over did (keeping_files.cpp), said under its buttons.
struct KeepingScreenState {
    std::string summary_person; // the summary the message is about
    std::string summary_message;
    std::string bookmarks_message;
};

struct ScreenState {
    SearchScreenState search;
    WrappingBoxState search_box;
    BookmarkPanelState bookmark_panel;
    std::map<std::int64_t, NoteBoxState> note_boxes; // by bookmark id
    BookmarksScreenState bookmarks;
    SettingsScreenState settings;
    SummaryScreenState summary;
    DiaryScreenState diary;
    KeepingScreenState keeping;
};

} // namespace lungguide::ui
