// What screens remember between frames, owned by App (App::screens()). Nothing of this
// lives at file scope: two Apps in one process share nothing (tools/checks/ui-state).
#pragma once

#include "search/search.h"

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

// A note box that wraps: the display copy has some spaces turned into line breaks.
struct NoteBoxState {
    std::string buffer;  // the input box's own string (ImGui writes it; never touched mid-edit)
    std::string display; // what we last knew the box to hold
    std::vector<std::size_t> soft; // offsets in display of breaks that are wrapped spaces
    float width = 0.0f;            // the wrap width the display was made for
};

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

// What handing a file over did (keeping_files.cpp), said under its buttons.
struct KeepingScreenState {
    std::string summary_person; // the summary the message is about
    std::string summary_message;
    std::string bookmarks_message;
};

struct ScreenState {
    SearchScreenState search;
    BookmarkPanelState bookmark_panel;
    std::map<std::int64_t, NoteBoxState> note_boxes; // by bookmark id
    BookmarksScreenState bookmarks;
    SettingsScreenState settings;
    SummaryScreenState summary;
    KeepingScreenState keeping;
};

} // namespace lungguide::ui
