// The user-data logic and the note wrapping, driven without a single frame.
#include "ui_harness.h"

#include "bookmarks/user_store.h"
#include "content/guide.h"
#include "note_wrap.h"
#include "user_data.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <thread>

using namespace lungguide;
using lungguide::testing::fresh_folder;
using lungguide::testing::ui_pack;
using ui::UserData;

namespace {

// A data folder removed when the test ends.
struct Folder {
    std::string path = fresh_folder();
    ~Folder() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

std::string read_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

// ISO times sort as text; two bookmarks made in the same millisecond would tie.
void next_millisecond() {
    std::this_thread::sleep_for(std::chrono::milliseconds(3));
}

} // namespace

TEST_CASE("user data opens on the last person used who has bookmarks") {
    Folder folder;
    {
        UserData data(ui_pack().guide(), folder.path, true);
        CHECK(data.person().empty()); // nothing anywhere: Me
        REQUIRE(data.add_bookmark("class", "egfr", "Mum").ok());
        next_millisecond();
        REQUIRE(data.add_bookmark("drug", "lorlatinib", "Dad").ok());
        next_millisecond();
        REQUIRE(data.add_bookmark("drug", "osimertinib", "Mum").ok());
        data.set_person(""); // Me, who has none
    }
    {
        UserData data(ui_pack().guide(), folder.path, true);
        CHECK(data.person() == "Mum"); // Mum changed a bookmark last
        CHECK(data.others_with_bookmarks() == std::vector<std::string>{"Dad"});
        data.set_person("Dad");
    }
    {
        UserData data(ui_pack().guide(), folder.path, true);
        CHECK(data.person() == "Dad"); // the saved person has bookmarks: kept
        data.set_person("Nobody yet");
        CHECK(data.others_with_bookmarks() == std::vector<std::string>{"Mum", "Dad"});
    }
}

TEST_CASE("a typed note is written as a draft only after it rests, and survives a restart") {
    Folder folder;
    std::int64_t id = 0;
    {
        UserData data(ui_pack().guide(), folder.path, true);
        REQUIRE(data.add_bookmark("class", "alk", "Dad").ok());
        const Bookmark bookmark = *data.find_bookmark("class", "alk", "Dad");
        id = bookmark.id;
        data.note_text(bookmark) = "Ask about the scan";
        data.draft_edited(id, 10.0);
        CHECK(data.has_unsaved_note(bookmark));
        CHECK(data.draft_save_waiting());
        data.tick(10.0 + UserData::draft_save_delay / 2);
        // Still resting: a second App over the same folder has no draft yet.
        {
            UserData other(ui_pack().guide(), folder.path, true);
            CHECK(other.note_text(*other.store()->bookmark(id)).empty());
        }
        data.note_text(bookmark) = "Ask about the scan results";
        data.draft_edited(id, 10.5); // each keystroke starts the wait again
        data.tick(10.5 + UserData::draft_save_delay);
        CHECK_FALSE(data.draft_save_waiting());
        {
            // As after a kill -9: this UserData never got to close.
            UserData other(ui_pack().guide(), folder.path, true);
            const Bookmark again = *other.store()->bookmark(id);
            CHECK(again.note.empty()); // not saved as the note
            CHECK(other.note_text(again) == "Ask about the scan results");
            CHECK(other.has_unsaved_note(again));
        }
        REQUIRE(data.save_note(id).ok());
        CHECK(data.store()->bookmark(id)->note == "Ask about the scan results");
    }
    UserData data(ui_pack().guide(), folder.path, true);
    CHECK(data.store()->note_drafts().empty()); // saved: no draft left behind
    CHECK_FALSE(data.has_unsaved_note(*data.store()->bookmark(id)));
}

TEST_CASE("pause writes a waiting draft at once; a draft back to the saved note is no draft") {
    Folder folder;
    UserData data(ui_pack().guide(), folder.path, true);
    REQUIRE(data.add_bookmark("drug", "osimertinib", "").ok());
    const Bookmark bookmark = *data.find_bookmark("drug", "osimertinib", "");
    data.note_text(bookmark) = "80 mg";
    data.draft_edited(bookmark.id, 1.0);
    data.save_drafts_now();
    CHECK(data.store()->note_drafts().size() == 1);
    data.note_text(bookmark) = ""; // typed away again: as saved
    data.draft_edited(bookmark.id, 2.0);
    data.save_drafts_now();
    CHECK(data.store()->note_drafts().empty());
}

TEST_CASE("a draft that can't be written stays on screen, is retried, and is told once") {
    Folder folder;
    std::int64_t id = 0;
    {
        UserData data(ui_pack().guide(), folder.path, true);
        REQUIRE(data.add_bookmark("class", "egfr", "Mum").ok());
        id = data.find_bookmark("class", "egfr", "Mum")->id;
    }
    // A full device: SQLite clamps the page limit to the file's size, so nothing can grow.
    UserStoreOptions full;
    full.max_page_count = 1;
    Result<std::unique_ptr<UserStore>> opened = UserStore::open(folder.path, full);
    REQUIRE(opened.ok());
    UserData data(ui_pack().guide(), folder.path, true, std::move(opened.value()), "");
    int kept = 0; // fill what room the file has left, with drafts of other bookmarks
    while (kept < 1000 && data.store()->save_note_draft(id + 1 + kept, std::string(2000, 'd')).ok())
        ++kept;
    REQUIRE(kept < 1000);
    const Bookmark bookmark = *data.store()->bookmark(id);
    const std::string typed(6000, 'n');
    data.note_text(bookmark) = typed;
    data.draft_edited(id, 1.0);
    data.tick(1.0 + UserData::draft_save_delay);

    const std::string told = data.take_draft_problem();
    CHECK(told.find("still on the screen") != std::string::npos);
    CHECK(told.find("full") != std::string::npos);
    CHECK(data.note_text(bookmark) == typed); // nothing lost
    CHECK(data.has_unsaved_note(bookmark));
    CHECK(data.draft_save_waiting()); // tried again after another rest
    for (const auto& [draft_id, text] : data.store()->note_drafts())
        CHECK(draft_id != id);

    // Failing again (the next rest, or a pause) is not told again: no nagging at every key.
    data.tick(2.0 + 2 * UserData::draft_save_delay);
    data.save_drafts_now();
    CHECK(data.take_draft_problem().empty());
    CHECK(data.draft_save_waiting());
}

TEST_CASE("remove then undo brings the bookmark back with its note and its draft") {
    Folder folder;
    UserData data(ui_pack().guide(), folder.path, true);
    REQUIRE(data.add_bookmark("class", "ret", "Mum").ok());
    Bookmark bookmark = *data.find_bookmark("class", "ret", "Mum");
    data.note_text(bookmark) = "Saved words";
    REQUIRE(data.save_note(bookmark.id).ok());
    data.note_text(bookmark) = "Saved words and more";
    data.draft_edited(bookmark.id, 0.0);
    CHECK_FALSE(data.can_undo());
    REQUIRE(data.remove_bookmark(bookmark.id).ok());
    CHECK_FALSE(data.find_bookmark("class", "ret", "Mum"));
    CHECK(data.can_undo());
    REQUIRE(data.undo_remove().ok());
    const std::optional<Bookmark> back = data.find_bookmark("class", "ret", "Mum");
    REQUIRE(back);
    CHECK(back->id == bookmark.id);
    CHECK(back->note == "Saved words");
    CHECK(data.note_text(*back) == "Saved words and more");
    CHECK_FALSE(data.undo_remove().ok()); // nothing left to undo
}

TEST_CASE("the summary for the doctor is the CLI's, saved 0600 with a sentence saying where") {
    Folder folder;
    UserData data(ui_pack().guide(), folder.path, true);
    SUBCASE("nothing bookmarked: nothing written, and it says why") {
        const auto saved = data.save_summary("Mum", SummaryFormat::html, "");
        CHECK_FALSE(saved.ok());
        CHECK(saved.message_for_person().find("Mum has no bookmarks") != std::string::npos);
    }
    REQUIRE(data.add_bookmark("drug", "lorlatinib", "Grand-dad O'Neil").ok());
    const Bookmark bookmark = *data.find_bookmark("drug", "lorlatinib", "Grand-dad O'Neil");
    data.note_text(bookmark) = "Take at night <not with grapefruit>";
    REQUIRE(data.save_note(bookmark.id).ok());
    for (SummaryFormat format : {SummaryFormat::html, SummaryFormat::markdown}) {
        const auto saved = data.save_summary("Grand-dad O'Neil", format, "");
        REQUIRE(saved.ok());
        INFO(saved.message_for_person());
        const std::string name = std::filesystem::path(saved.value()).filename().string();
        CHECK(name.rfind("lungguide-summary-grand-dad-o-neil-", 0) == 0);
        CHECK(std::filesystem::path(saved.value()).parent_path() == folder.path);
        CHECK(saved.message_for_person().find("LungGuide's data folder") != std::string::npos);
        CHECK(saved.message_for_person().find(name) != std::string::npos);
        CHECK(saved.message_for_person().find(folder.path) ==
              std::string::npos); // words, not a path
        struct stat info {};
        REQUIRE(::stat(saved.value().c_str(), &info) == 0);
        CHECK((info.st_mode & 0777) == 0600);
        const std::string expected =
            visit_summary(ui_pack().guide(), data.bookmarks("Grand-dad O'Neil"), "Grand-dad O'Neil",
                          local_date_today(), format);
        CHECK(read_file(saved.value()) == expected);
    }
    SUBCASE("a folder that is not there: not saved, and it says so") {
        const auto saved = data.save_summary("Grand-dad O'Neil", SummaryFormat::html,
                                             folder.path + "/no such folder");
        CHECK_FALSE(saved.ok());
        CHECK(saved.message_for_person().find("not saved") != std::string::npos);
    }
    SUBCASE("the on-screen blocks carry the note and the rare but serious effects") {
        bool note = false;
        bool serious = false;
        for (const SummaryBlock& block : data.summary("Grand-dad O'Neil")) {
            if (block.kind == SummaryBlock::Kind::note)
                note = block.text == "Take at night <not with grapefruit>";
            if (block.kind == SummaryBlock::Kind::set_apart) serious = true;
        }
        CHECK(note);
        CHECK(serious);
    }
}

// ---- note wrapping ----------------------------------------------------------------------

namespace {
float characters(std::string_view text) {
    return static_cast<float>(text.size());
}
} // namespace

TEST_CASE("a note wraps at spaces within the width, keeping its own line breaks") {
    const std::vector<std::pair<std::string, float>> cases{
        {"Started osimertinib in March. Ask whether the rash is the drug or the new soap.", 20},
        {"one\ntwo three four five six\n\nseven", 9},
        {"averyveryverylongwordthatdoesnotfit and short", 10},
        {"  leading spaces and  double  spaces  ", 8},
        {"", 10},
        {"ÄÖÜ café naïve – déjà vu, 80 mg", 7},
    };
    for (const auto& [text, width] : cases) {
        INFO(text);
        const ui::WrappedNote wrapped = ui::wrap_note(text, width, characters);
        CHECK(wrapped.display.size() == text.size());
        CHECK(ui::unwrap_note(wrapped.display, wrapped.soft) == text);
        std::size_t start = 0;
        while (start <= wrapped.display.size()) {
            const std::size_t end =
                std::min(wrapped.display.find('\n', start), wrapped.display.size());
            const std::string line = wrapped.display.substr(start, end - start);
            // Too wide only when it is one word that cannot be split.
            if (line.size() > width) CHECK(line.find(' ') == std::string::npos);
            start = end + 1;
        }
        for (std::size_t offset : wrapped.soft)
            CHECK(text[offset] == ' ');
    }
}

TEST_CASE("typing into a wrapped note keeps the soft breaks that the edit did not touch") {
    const std::string note = "alpha beta gamma delta epsilon";
    const ui::WrappedNote wrapped = ui::wrap_note(note, 11, characters);
    REQUIRE(wrapped.display == "alpha beta\ngamma delta\nepsilon");
    // Type "x" at the very start: every break moves one place on.
    std::string typed = "x" + wrapped.display;
    auto soft = ui::soft_breaks_after_edit(wrapped.display, wrapped.soft, typed);
    CHECK(ui::unwrap_note(typed, soft) == "x" + note);
    // Type a hard line break after "gamma": a break of the person's own, not a soft one.
    std::string entered = wrapped.display;
    entered.insert(16, "\n");
    soft = ui::soft_breaks_after_edit(wrapped.display, wrapped.soft, entered);
    CHECK(ui::unwrap_note(entered, soft) == "alpha beta gamma\n delta epsilon");
    // Delete a soft break (backspace at the start of a wrapped line) joins the words.
    std::string joined = wrapped.display;
    joined.erase(10, 1);
    soft = ui::soft_breaks_after_edit(wrapped.display, wrapped.soft, joined);
    CHECK(ui::unwrap_note(joined, soft) == "alpha betagamma delta epsilon");
}
