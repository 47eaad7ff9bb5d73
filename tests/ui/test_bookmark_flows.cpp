// Person-centred bookmarks and notes, tapped through real frames.
#include "ui_harness.h"

#include "bookmarks/symptom_diary.h"
#include "bookmarks/user_store.h"

#include <fstream>
#include <imgui_internal.h>
#include <iterator>

using lungguide::testing::Harness;
using namespace lungguide;

namespace {

ImVec2 centre(const ui::DrawnItem& item) {
    return ImVec2((item.min.x + item.max.x) / 2, (item.min.y + item.max.y) / 2);
}

// Bookmarks straight into a harness's store, as earlier sessions (or the CLI) would have.
std::int64_t add(Harness& harness, const std::string& kind, const std::string& target,
                 const std::string& person, const std::string& note = "") {
    std::int64_t id = 0;
    REQUIRE(harness.app().store()->add_bookmark(kind, target, person, note, &id).ok());
    return id;
}

// Frames until the draft's rest is over (frames advance ImGui's clock by 1/60 s).
void let_draft_rest(Harness& harness) {
    harness.settle(static_cast<int>(ui::UserData::draft_save_delay * 60.0) + 10);
}

} // namespace

TEST_CASE("the app opens on the person who has bookmarks, and offers the others") {
    std::string folder;
    {
        Harness first(768, 1024, "home");
        add(first, "class", "egfr", "Mum", "Rash on arms");
        add(first, "class", "alk", "Dad");
        folder = first.folder();
        first.app().set_person(""); // left on Me, who has none
        // Copy the folder away before the harness removes it.
        std::filesystem::copy(folder, folder + "-kept", std::filesystem::copy_options::recursive);
    }
    folder += "-kept";
    {
        auto again = Harness::over_folder(768, 1024, "home", folder);
        CHECK(again->app().person() == "Dad"); // changed last, so opened on
        // Never "nothing for Me" while someone has bookmarks.
        again->app().set_person("");
        again->settle();
        const ui::DrawnItem* offer = again->find("Show Dad's");
        REQUIRE(offer != nullptr);
        CHECK(again->find("Show Mum's") != nullptr);
        again->tap("Show Mum's");
        CHECK(again->app().person() == "Mum");
        CHECK(again->find("EGFR inhibitors") != nullptr);
    }
    std::filesystem::remove_all(folder);
}

TEST_CASE("bookmarking asks for whom, the last person chosen first; Cancel changes nothing") {
    Harness harness(390, 844, "class/braf");
    add(harness, "class", "egfr", "Mum");
    add(harness, "class", "egfr", "Dad");
    harness.app().set_person("Dad");
    harness.settle();
    harness.tap("Bookmark for Dad…");
    CHECK(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    CHECK(harness.app().screens().bookmark_panel.picker_choice == "Dad"); // preselected
    CHECK(harness.find("Me") == nullptr); // Me only when nobody else is set up
    CHECK(harness.find("Mum") != nullptr);
    harness.tap("Cancel");
    CHECK_FALSE(harness.app().find_bookmark("class", "braf"));
    // Choose Mum instead: the bookmark is hers, and the page now says so.
    harness.tap("Bookmark for Dad…");
    harness.tap("Mum");
    harness.tap("Bookmark for Mum");
    CHECK(harness.app().person() == "Mum");
    CHECK(harness.app().store()->bookmarks("Mum").size() == 2);
    CHECK(harness.app().store()->bookmarks("Dad").size() == 1);
    CHECK(harness.find("Bookmarked for Mum · Change") != nullptr);
    // Someone new, typed into the picker.
    harness.tap("Bookmarked for Mum · Change");
    const ui::DrawnItem* box = harness.find("input:picker new person");
    REQUIRE(box != nullptr);
    harness.tap(centre(*box));
    harness.type("Aunt Jo");
    harness.tap("Add");
    harness.tap("Bookmark for Aunt Jo");
    CHECK(harness.app().store()->bookmarks("Aunt Jo").size() == 1);
    CHECK_FALSE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
}

TEST_CASE("a bookmarked class page shows the person's note and saves an edit there") {
    Harness harness(390, 844, "class/egfr#note");
    const std::int64_t id = add(harness, "class", "egfr", "", "Rash: ask Dr Patel");
    harness.app().go("drug/osimertinib");
    harness.settle();
    harness.app().go("class/egfr");
    harness.settle();
    const std::string box_label = "input:note " + std::to_string(id);
    const ui::DrawnItem* box = harness.find(box_label);
    REQUIRE(box != nullptr);
    CHECK(harness.app().screens().note_boxes[id].display == "Rash: ask Dr Patel");
    CHECK(harness.find("Save note") == nullptr); // nothing to save yet
    harness.tap(centre(*box));
    harness.press_key(ImGuiKey_End);
    harness.type(" about the cream, and whether the dose should change at all");
    CHECK(
        harness.app().user_data().has_unsaved_note(*harness.app().find_bookmark("class", "egfr")));
    // A long note wraps inside the box: soft breaks, and no line wider than the box.
    const ui::NoteBoxState& state = harness.app().screens().note_boxes[id];
    CHECK_FALSE(state.soft.empty());
    const ui::DrawnItem* save = harness.find("Save note");
    REQUIRE(save != nullptr);
    const ImVec2 finger = centre(*save);
    harness.tap(finger);
    CHECK(harness.app().store()->bookmark(id)->note ==
          "Rash: ask Dr Patel about the cream, and whether the dose should change at all");
    // Tapping again where "Save note" was must not remove anything.
    harness.tap(finger);
    harness.tap(finger);
    CHECK(harness.app().store()->bookmark(id).has_value());
    CHECK(harness.find("Note saved.") == nullptr); // a paragraph, not a button: not recorded
}

TEST_CASE("remove asks first, sits apart from Save, and offers Undo") {
    Harness harness(800, 1280, "bookmarks");
    const std::int64_t id = add(harness, "drug", "lorlatinib", "", "Evening dose");
    harness.settle();
    const ui::DrawnItem* remove = harness.find("Remove bookmark…");
    const ui::DrawnItem* box = harness.find("input:note " + std::to_string(id));
    REQUIRE(remove != nullptr);
    REQUIRE(box != nullptr);
    const float remove_top = remove->min.y;
    // Typing brings "Save note" in; Remove stays exactly where it was.
    harness.tap(centre(*box));
    harness.type(" with food");
    const ui::DrawnItem* save = harness.find("Save note");
    REQUIRE(save != nullptr);
    CHECK(harness.find("Remove bookmark…")->min.y == remove_top);
    CHECK(save->max.y < remove_top);
    harness.tap("Save note");
    CHECK(harness.find("Remove bookmark…")->min.y == remove_top);
    // Remove asks; the first answer under the finger keeps it.
    const ImVec2 finger = centre(*harness.find("Remove bookmark…"));
    harness.tap(finger);
    CHECK(harness.app().store()->bookmark(id).has_value());
    harness.tap(finger); // a double tap lands on the question, not on "Yes, remove"
    CHECK(harness.app().store()->bookmark(id).has_value());
    harness.tap("Keep it");
    CHECK(harness.app().store()->bookmark(id).has_value());
    harness.tap("Remove bookmark…");
    harness.tap("Yes, remove");
    CHECK_FALSE(harness.app().store()->bookmark(id).has_value());
    harness.tap("Undo");
    REQUIRE(harness.app().store()->bookmark(id).has_value());
    CHECK(harness.app().store()->bookmark(id)->note == "Evening dose with food");
}

TEST_CASE("the summary for the doctor reads on screen and saves where the person chose") {
    Harness harness(390, 844, "home");
    add(harness, "class", "egfr", "Mum", "Rash on her arms");
    add(harness, "drug", "osimertinib", "Mum");
    harness.app().set_person("Mum");
    harness.app().go("bookmarks");
    harness.settle();
    harness.tap("Summary for the doctor  ›");
    CHECK(harness.route() == "summary?for=Mum");
    CHECK(harness.find("chip:RARE BUT SERIOUS") != nullptr);
    harness.tap("Save as a page to print");
    const ui::SummaryScreenState& state = harness.app().screens().summary;
    INFO(state.message);
    CHECK(state.message.rfind("Saved as a page to open in a web browser and print in "
                              "LungGuide's data folder",
                              0) == 0);
    REQUIRE_FALSE(state.path.empty());
    CHECK(std::filesystem::exists(state.path));
    CHECK(std::filesystem::path(state.path).parent_path() == harness.folder());
    // Another folder, typed.
    const std::string elsewhere = harness.folder() + "/for the visit";
    std::filesystem::create_directory(elsewhere);
    harness.tap("Saves in LungGuide's data folder · Change");
    const ui::DrawnItem* box = harness.find("input:summary folder");
    REQUIRE(box != nullptr);
    harness.tap(centre(*box));
    harness.type(elsewhere);
    harness.tap("Use this folder");
    harness.tap("Save as text");
    CHECK(std::filesystem::path(state.path).parent_path() == elsewhere);
    CHECK(std::filesystem::path(state.path).extension() == ".md");
}

TEST_CASE("two Apps in one process share nothing: no draft, no search, no picker") {
    Harness first(390, 844, "class/egfr");
    Harness second(390, 844, "class/egfr");
    const std::int64_t first_id = add(first, "class", "egfr", "");
    const std::int64_t second_id = add(second, "class", "egfr", "");
    REQUIRE(first_id == second_id); // the same id in each store: the old probe's trap
    first.settle();
    second.settle();
    first.tap(centre(*first.find("input:note " + std::to_string(first_id))));
    first.type("Only in the first");
    first.app().search_text() = "rash";
    first.app().screens().bookmark_panel.confirm_remove = first_id;
    second.settle();
    CHECK(second.app().screens().note_boxes[second_id].display.empty());
    CHECK(second.find("Save note") == nullptr);
    CHECK(second.find("Yes, remove") == nullptr);
    CHECK(second.app().search_text().empty());
    CHECK(&first.app().look().box != &second.app().look().box);
    first.settle();
    CHECK(first.find("Save note") != nullptr);
}

TEST_CASE("a note typed and never saved is back after a kill, in a fresh App") {
    auto first = std::make_unique<Harness>(390, 844, "class/alk#note");
    const std::string folder = first->folder() + "-after-kill";
    const std::int64_t id = add(*first, "class", "alk", "", "");
    first->app().go("about");
    first->settle();
    first->app().go("class/alk");
    first->settle();
    first->tap(centre(*first->find("input:note " + std::to_string(id))));
    first->type("Scan on Tuesday");
    let_draft_rest(*first);
    // Copy the folder as a kill -9 would leave it: the first App never closed or paused.
    std::filesystem::copy(first->folder(), folder, std::filesystem::copy_options::recursive);
    {
        auto restarted = Harness::over_folder(390, 844, "class/alk", folder);
        CHECK(restarted->app().screens().note_boxes[id].display == "Scan on Tuesday");
        CHECK(restarted->find("Save note") != nullptr);
        restarted->tap("Save note");
        CHECK(restarted->app().store()->bookmark(id)->note == "Scan on Tuesday");
    }
    first.reset();
    std::filesystem::remove_all(folder);
}

TEST_CASE("at 250% on a phone the note panel, the picker and the summary stay inside the window") {
    for (const char* route : {"class/egfr", "class/egfr#for-whom", "drug/osimertinib", "bookmarks",
                              "summary?for=Mum"}) {
        Harness harness(390, 844, "home", 2.5f);
        add(harness, "class", "egfr", "Mum",
            "Started in March. Ask whether the rash on her arms is the drug or the new soap.");
        add(harness, "drug", "osimertinib", "Mum", "80 mg once a day");
        add(harness, "class", "alk", "Dad");
        harness.app().set_person("Mum");
        auto shown = Harness::over_folder(390, 844, route, harness.folder(), 2.5f);
        shown->settle(6);
        int items = 0;
        for (const ui::DrawnItem& item : shown->app().drawn_items()) {
            INFO(route << ": " << item.label);
            CHECK(item.max.x <= 390.0f + 0.5f);
            if (!lungguide::testing::is_words(item.label)) CHECK(item.max.y - item.min.y >= 48.0f);
            ++items;
        }
        CHECK(items > 3);
        shown.reset();
        harness.use();
    }
}

TEST_CASE("leaving the note box keeps the draft at once, before its rest is over") {
    Harness harness(800, 1280, "bookmarks");
    const std::int64_t id = add(harness, "class", "met", "");
    harness.settle();
    const ui::DrawnItem* box = harness.find("input:note " + std::to_string(id));
    REQUIRE(box != nullptr);
    harness.tap(centre(*box));
    harness.type("Blood test first");
    REQUIRE(harness.app().user_data().draft_save_waiting());
    // A tap on the page's title: the box loses the keyboard (a handful of frames, far less
    // than the draft's rest).
    harness.tap(ImVec2(box->min.x + 4.0f, 140.0f));
    CHECK_FALSE(harness.app().user_data().draft_save_waiting());
    ui::UserData other(harness.app().guide(), harness.folder(), true);
    CHECK(other.note_text(*other.store()->bookmark(id)) == "Blood test first");
}

TEST_CASE("at 250% on a phone the picker scrolls with a finger to reach Cancel") {
    Harness seed(390, 844, "home");
    add(seed, "class", "egfr", "Mum");
    add(seed, "class", "alk", "Dad");
    auto harness = Harness::over_folder(390, 844, "class/egfr#for-whom", seed.folder(), 2.5f);
    harness->settle(20);
    const ui::DrawnItem* cancel = harness->find("Cancel");
    REQUIRE(cancel != nullptr);
    CHECK_FALSE(harness->visible(*cancel)); // too tall for the screen at this size
    for (int attempt = 0; attempt < 4 && !harness->visible(*harness->find("Cancel")); ++attempt)
        harness->drag(ImVec2(195, 600), ImVec2(195, 250), 12, 6);
    harness->settle(10);
    cancel = harness->find("Cancel");
    REQUIRE(cancel != nullptr);
    REQUIRE(harness->visible(*cancel));
    harness->tap("Cancel");
    CHECK_FALSE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    CHECK(harness->app().store()->bookmarks("Mum").size() == 1); // nothing added
    harness.reset();
    seed.use();
}

namespace {

// A data folder whose store was damaged (one byte of its schema's text) and salvaged by
// another LungGuide (the text reader, say) before the app starts. diary_entries: how many
// entries Mum's diary had.
std::string folder_salvaged_elsewhere(int diary_entries = 0) {
    const std::string folder = lungguide::testing::fresh_folder();
    {
        auto opened = UserStore::open(folder);
        REQUIRE(opened.ok());
        for (const char* person : {"Mum", "Dad", "Gran"})
            REQUIRE(opened.value()->add_bookmark("class", "egfr", person, "note").ok());
        for (int day = 1; day <= diary_entries; ++day) {
            DiaryEntry entry;
            entry.person = "Mum";
            entry.date = "2024-09-0" + std::to_string(day);
            entry.text = "tired";
            REQUIRE(SymptomDiary(*opened.value()).add_entry(entry).ok());
        }
    }
    const std::string path = folder + "/" + user_store_file_name;
    std::string bytes;
    {
        std::ifstream in(path, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const std::size_t at = bytes.find("CREATE TABLE \"bookmarks\"");
    REQUIRE(at < 4096);
    bytes[at + 7] = 'X';
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    auto salvaged = UserStore::open(folder);
    REQUIRE(salvaged.ok());
    REQUIRE(salvaged.value()->salvage());
    return folder;
}

} // namespace

TEST_CASE("a damaged store: a notice on every page until OK, and Settings lists the file kept") {
    const std::string folder = folder_salvaged_elsewhere();
    {
        auto app = Harness::over_folder(800, 1280, "class/egfr", folder);
        CHECK(app->drew_text_starting("Your bookmarks file was damaged. All 3 bookmarks were "
                                      "recovered, with their notes. The damaged file is kept as "
                                      "it was (see Settings)."));
        CHECK(app->find_prefix("title:") != nullptr); // the page itself is still there
        app->tap("Open Settings");
        CHECK(app->app().route().screen == ui::Screen::settings);
        CHECK(app->drew_text_starting("Your bookmarks file was damaged")); // still there
        CHECK(app->drew_text_starting("Kept "));
        CHECK(app->drew_text_starting(": 3 of 3 bookmarks recovered from it.") == false);
        CHECK(app->drew_text_starting("In LungGuide's data folder, named "
                                      "lungguide-user.damaged-"));
        app->app().go("bookmarks");
        app->settle();
        CHECK(app->drew_text_starting("Your bookmarks file was damaged"));
        CHECK(app->app().user_data().bookmarks("Gran").size() == 1); // what was recovered
        app->tap("OK");
        CHECK_FALSE(app->drew_text_starting("Your bookmarks file was damaged"));
    }
    {
        // Seen once with OK: not shown again at the next start; still listed in Settings.
        auto again = Harness::over_folder(800, 1280, "settings", folder);
        CHECK_FALSE(again->drew_text_starting("Your bookmarks file was damaged"));
        CHECK(again->drew_text_starting("Kept "));
    }
    std::filesystem::remove_all(folder);
}

TEST_CASE("a damaged store with a diary: the notice and Settings count its entries too") {
    const std::string folder = folder_salvaged_elsewhere(2);
    {
        auto app = Harness::over_folder(800, 1280, "settings", folder);
        CHECK(app->drew_text_starting("Your bookmarks file was damaged. All 3 bookmarks and all "
                                      "2 diary entries were recovered, with their notes."));
        bool listed = false;
        for (const ui::DrawnText& text : app->app().drawn_texts())
            listed = listed ||
                     text.text.find(": 3 of 3 bookmarks and 2 of 2 diary entries recovered from "
                                    "it.") != std::string::npos;
        CHECK(listed);
        CHECK(SymptomDiary(*app->app().store()).entries().size() == 2); // what was recovered
    }
    std::filesystem::remove_all(folder);
}

TEST_CASE("at 250% on a phone the recovery notice wraps and its OK is within reach") {
    const std::string folder = folder_salvaged_elsewhere();
    {
        auto app = Harness::over_folder(390, 844, "home", folder, 2.5f);
        CHECK(app->drew_text_starting("Your bookmarks file was damaged"));
        // The notice is read first; OK is below it, a finger's scroll away at most.
        for (int drags = 0; drags < 3; ++drags) {
            const ui::DrawnItem* ok = app->find("OK");
            REQUIRE(ok != nullptr);
            if (app->visible(*ok)) break;
            app->drag(ImVec2(195, 700), ImVec2(195, 300));
            app->settle(120); // the page's inertia comes to rest
        }
        const ui::DrawnItem* ok = app->find("OK");
        REQUIRE(ok != nullptr);
        REQUIRE(app->visible(*ok));
        CHECK(ok->max.x <= 390.0f);
        app->tap("OK");
        CHECK_FALSE(app->drew_text_starting("Your bookmarks file was damaged"));
    }
    std::filesystem::remove_all(folder);
}
