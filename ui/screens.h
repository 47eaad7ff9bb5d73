// One function per screen. Each draws the page body inside the scrolling content area
// that App::frame() has opened; the top bar, list pane, notices and the glossary panel
// are drawn by App.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace lungguide {
struct DrugClass;
struct DrugUse;
struct Bookmark;
class UserStore;
} // namespace lungguide

namespace lungguide::ui {

class App;
struct PageSection;

void draw_home(App& app);      // screen_home.cpp
void draw_class(App& app);     // screen_class.cpp
void draw_drug(App& app);      // screen_drug.cpp
void draw_search(App& app);    // screen_search.cpp
void draw_bookmarks(App& app); // screen_bookmarks.cpp
void draw_settings(App& app);  // screen_settings.cpp
void draw_about(App& app);     // screen_about.cpp
void draw_summary(App& app);   // screen_summary.cpp
void draw_diary(App& app);     // screen_diary.cpp
// "Add to Mum's diary" under a search: opens the diary with the words filled in.
void draw_add_to_diary(App& app, const std::string& words);

// The bookmark and the person's note on a class or drug page (bookmark_panel.cpp): the
// toggle that says for whom, the "for whom?" picker, the note box, Remove set apart.
void draw_bookmark_panel(App& app, const std::string& kind, const std::string& target);
// The picker is a modal drawn by App::frame(), so leaving the page closes it.
void open_bookmark_picker(App& app, const std::string& kind, const std::string& target);
void close_bookmark_picker(App& app);
void draw_bookmark_picker(App& app);
// A person's note box: wraps, keeps a draft as it is typed, "Save note" (note_box.cpp).
void draw_note_box(App& app, const Bookmark& bookmark);
// One line under the note's heading: typing is kept at once; "Save note" makes it the note.
void draw_note_hint(App& app);
// "Remove bookmark…", set apart below a rule; tapped, it asks first (then offers Undo).
void draw_remove_bookmark(App& app, const Bookmark& bookmark);
// "Nothing bookmarked for Me yet. Mum and Dad have bookmarks:" with a button for each.
void draw_no_bookmarks(App& app);
// The person's "Summary for the doctor ›" (screen_bookmarks.cpp).
void draw_summary_entry(App& app);

// Files the person keeps, where the device has no folders (a browser: keeping_files.cpp).
// The summary: download as a page to print or as text, share, print.
void draw_keep_summary(App& app, const std::string& person);
// A copy of every bookmark and note: download or share it, open one (the file picker).
void draw_keep_bookmarks(App& app);
// Whether the browser keeps the data, and how to keep a copy (Settings).
void draw_storage_promise(App& app);

// Shared pieces (screen_common.cpp).
// The page's advice to review medical questions with a doctor, with source and date.
void draw_doctor_advice(App& app, bool with_source);
// The page's 24/7 helpline block (home, and search when the page does not list a symptom).
void draw_helpline(App& app);
// Buttons for the glossary terms explained on this page.
void draw_words_on_page(App& app, const std::string& scope_id,
                        const std::vector<std::string>& term_ids);
// The person chooser: one button per person (everyone, or the people given), the current
// one selected.
void draw_person_chooser(App& app);
void draw_person_chooser(App& app, const std::vector<std::string>& people);
// The same for a page about one person (the diary, the summary): `shown` is selected, the
// buttons are named `id_prefix` + person for tests, and `choose` gets the person tapped.
void draw_person_chooser(App& app, const std::vector<std::string>& people, const std::string& shown,
                         const std::string& id_prefix,
                         const std::function<void(const std::string&)>& choose);
// The bookmarks store, or nullptr after saying why it cannot be used (no data folder, or
// the store's own message).
UserStore* store_or_why_not(App& app);
// At the top of every page until OK: a damaged bookmarks file was kept aside, and what was
// recovered from it. (With the other notices, in app_notices.cpp.)
void draw_salvage_notice(App& app);
// The drug's display name with brands: "Osimertinib (Tagrisso)".
std::string drug_with_brands(App& app, const std::string& drug_id);
// A "not found" page for a route whose id the guide does not have.
void draw_not_found(App& app, const std::string& what);
// The source line and revision date, under every page that shows medical content.
void draw_source_footer(App& app);
// The places the section bar offers on the current page (empty: no section bar).
std::vector<PageSection> page_sections(App& app);
std::vector<PageSection> class_sections(App& app); // screen_class.cpp
// A class's uses (those include() keeps) as the page lists them: bullets under the page's
// own gene-change headings; nested, under a heading of the caller's (the drug page).
void draw_use_bullets(App& app, const DrugClass& drug_class,
                      const std::function<bool(const DrugUse&)>& include, bool nested);
// A class's side effects: a COMMON box and, apart, a RARE BUT SERIOUS box, one symptom a
// bullet. anchors: each item is a place a route opens (the class page), and the item opened
// says its severity beside it.
void draw_side_effect_boxes(App& app, const DrugClass& drug_class, bool anchors);
std::vector<PageSection> drug_sections(App& app); // screen_drug.cpp

} // namespace lungguide::ui
