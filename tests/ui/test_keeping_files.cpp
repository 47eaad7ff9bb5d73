// Files the person keeps where the device has no folders (a browser): the summary and a copy
// of the bookmarks are handed to the host (download, share, print), a copy opens back, and
// no folder, folder name or path is ever shown.
#include "ui_harness.h"

#include "bookmarks/bookmark_exchange.h"
#include "bookmarks/user_store.h"

#include <fstream>
#include <memory>
#include <vector>

using lungguide::testing::Harness;
using namespace lungguide;

namespace {

struct Handed {
    ui::FileToKeep file;
    ui::KeepWay way;
};

// A browser as the App sees it: every way offered, each file handed over is kept here.
struct FakeBrowser {
    std::vector<Handed> handed;
    std::function<void(const std::string&, const std::string&)> opened;
    ui::StoragePromise promise = ui::StoragePromise::may_clear;

    ui::DeviceFiles files() {
        ui::DeviceFiles files;
        files.folders = false;
        files.download = files.share = files.print = files.open = true;
        files.keep = [this](const ui::FileToKeep& file, ui::KeepWay way) {
            handed.push_back({file, way});
            return std::string("Handed over.");
        };
        files.open_file = [this](const std::string&,
                                 std::function<void(const std::string&, const std::string&)> done) {
            opened = std::move(done);
        };
        files.storage_promise = [this] { return promise; };
        return files;
    }
};

std::unique_ptr<Harness> in_browser(FakeBrowser& browser, const std::string& route,
                                    const std::string& folder) {
    return std::make_unique<Harness>(390, 844, route, 2.5f, folder, false, ui::AppPreload{},
                                     browser.files());
}

// Every word the frame drew, and every label.
std::string everything_drawn(Harness& harness) {
    std::string all;
    for (const ui::DrawnText& text : harness.app().drawn_texts())
        all += text.text + "\n";
    for (const ui::DrawnItem& item : harness.app().drawn_items())
        all += item.label + "\n";
    return all;
}

// Presses a button by its words, as a screen reader would: wherever it is on the page.
void press(Harness& harness, const std::string& label) {
    harness.app().semantics().set_on(true);
    harness.settle();
    std::uint32_t id = 0;
    for (const ui::SemanticNode& node : harness.app().semantics().nodes())
        if (node.role == ui::SemanticRole::button && node.text == label) id = node.id;
    REQUIRE_MESSAGE(id != 0, "no button \"" << label << "\" on " << harness.route());
    harness.app().semantics().activate(id);
    harness.settle();
}

void check_no_folders(Harness& harness, const std::string& folder) {
    const std::string all = everything_drawn(harness);
    CAPTURE(harness.route());
    for (const std::string& word : {std::string("folder"), std::string("/media"), folder,
                                    std::string("home folder"), std::string("Documents")})
        CHECK_MESSAGE(all.find(word) == std::string::npos, "shows \"" << word << "\"");
}

} // namespace

TEST_CASE("keeping files in a browser: the summary is printed, shared or downloaded, never saved "
          "in a folder") {
    FakeBrowser browser;
    const std::string folder = lungguide::testing::fresh_folder();
    auto harness = in_browser(browser, "bookmarks", folder);
    REQUIRE(harness->app().store()->add_bookmark("class", "egfr", "Mum", "Rash on arms").ok());
    harness->app().go("summary?for=Mum");
    harness->settle();
    check_no_folders(*harness, folder);
    for (const char* label : {"Print", "Share…", "Download as a page to print", "Download as text"})
        REQUIRE_MESSAGE(harness->find(label) != nullptr, label);
    press(*harness, "Print");
    REQUIRE(browser.handed.size() == 1);
    CHECK(browser.handed[0].way == ui::KeepWay::print);
    CHECK(browser.handed[0].file.mime == "text/html");
    CHECK(browser.handed[0].file.name.rfind("lungguide-summary-mum-", 0) == 0);
    CHECK(browser.handed[0].file.name.find('/') == std::string::npos);
    CHECK(browser.handed[0].file.bytes.find("Rash on arms") != std::string::npos);
    CHECK(harness->drew_text_starting("Handed over."));
    press(*harness, "Download as text");
    REQUIRE(browser.handed.size() == 2);
    CHECK(browser.handed[1].way == ui::KeepWay::download);
    CHECK(browser.handed[1].file.mime == "text/markdown");
    CHECK(browser.handed[1].file.name.size() > 3);
    CHECK(browser.handed[1].file.name.substr(browser.handed[1].file.name.size() - 3) == ".md");
    std::filesystem::remove_all(folder);
}

TEST_CASE("keeping files in a browser: a copy of the bookmarks goes out and opens back") {
    FakeBrowser browser;
    const std::string folder = lungguide::testing::fresh_folder();
    auto harness = in_browser(browser, "bookmarks", folder);
    REQUIRE(harness->app().store()->add_bookmark("drug", "lorlatinib", "Dad", "Cholesterol").ok());
    harness->app().set_person("Dad");
    harness->settle();
    check_no_folders(*harness, folder);
    // At 250 % on a phone the buttons are far down the page.
    press(*harness, "Save a copy");
    REQUIRE(browser.handed.size() == 1);
    const std::string exported = browser.handed[0].file.bytes;
    CHECK(browser.handed[0].file.mime == "application/json");
    CHECK(exported.find("Cholesterol") != std::string::npos);

    // Opened in another browser's LungGuide, with nothing in it yet.
    FakeBrowser other;
    const std::string other_folder = lungguide::testing::fresh_folder();
    auto fresh = in_browser(other, "bookmarks", other_folder);
    press(*fresh, "Open a copy");
    REQUIRE(other.opened);
    other.opened("lungguide-bookmarks.json", exported);
    fresh->settle();
    CHECK(fresh->app().user_data().find_bookmark("drug", "lorlatinib", "Dad").has_value());
    CHECK(fresh->drew_text_starting("Opened: 1 new"));
    other.opened("not-bookmarks.json", "{\"hello\": 1}");
    fresh->settle();
    CHECK(fresh->drew_text_starting("That file can't be opened"));
    std::filesystem::remove_all(folder);
    std::filesystem::remove_all(other_folder);
}

TEST_CASE("keeping files in a browser: Settings says whether the browser keeps the data") {
    FakeBrowser browser;
    const std::string folder = lungguide::testing::fresh_folder();
    auto harness = in_browser(browser, "settings", folder);
    CHECK(harness->drew_text_starting("This browser may clear your bookmarks"));
    CHECK(harness->drew_text_starting("Clearing this site's data"));
    browser.promise = ui::StoragePromise::kept;
    harness->settle();
    CHECK(harness->drew_text_starting("This browser has promised to keep"));
    check_no_folders(*harness, folder);
    std::filesystem::remove_all(folder);
}

TEST_CASE("keeping files in a browser: a damaged store is told without its path") {
    FakeBrowser browser;
    const std::string folder = lungguide::testing::fresh_folder();
    {
        std::ofstream damaged(folder + "/" + user_store_file_name, std::ios::binary);
        damaged << std::string(4096, 'x');
    }
    auto harness = in_browser(browser, "bookmarks", folder);
    harness->settle();
    const std::string all = everything_drawn(*harness);
    CHECK(!harness->app().store_message().empty()); // it was set aside, and said so
    CHECK(harness->app().store_message().find(folder) == std::string::npos);
    CHECK(all.find(folder) == std::string::npos);
    CHECK(harness->app().store_message().find("kept, unchanged, in this browser's storage.") !=
          std::string::npos);
    std::filesystem::remove_all(folder);
}

TEST_CASE("keeping files on a desktop: the folder choice stays as it was") {
    Harness harness(390, 844, "bookmarks");
    REQUIRE(harness.app().store()->add_bookmark("class", "egfr", "", "").ok());
    harness.app().go("summary");
    harness.settle();
    CHECK(harness.find("Print") == nullptr);
    CHECK(harness.find_prefix("Saves in") != nullptr);
}

TEST_CASE("keeping files in a browser: the store's sentences say where in words, not paths") {
    const std::string folder = lungguide::testing::fresh_folder();
    ui::UserData data(lungguide::testing::ui_pack().guide(), folder, false);
    const std::string file = folder + "/" + user_store_file_name;
    CHECK(data.for_person("Saved in " + file + ".") == "Saved in " + file + "."); // a desktop
    data.set_paths_shown(false);
    CHECK(data.for_person("the folder " + folder + " is read-only") ==
          "this browser's storage is read-only");
    CHECK(data.for_person("There are no saved bookmarks in " + folder + " yet.") ==
          "There are no saved bookmarks in this browser's storage yet.");
    CHECK(data.for_person("LungGuide can't read your bookmarks file " + file + " (locked).") ==
          "LungGuide can't read your bookmarks file in this browser's storage (locked).");
    CHECK(data.for_person("It was kept as " + file + "-damaged-1.") ==
          "It was kept in this browser's storage.");
    std::filesystem::remove_all(folder);
}
