// The person's own data as the app uses it: whose bookmarks are shown, bookmarking with
// undo, notes and their drafts, the symptom diary with undo, reading history, settings and
// the summary for the doctor.
//
// No ImGui here (tools/checks/ui-state keeps it so): screens call these and draw the
// result, and tests drive it without frames. Times come in as seconds from the caller's
// clock, so the debounce of draft saving is testable without waiting.
//
// Index
//   UserData          the store, people, bookmarks, drafts, history, summary
#pragma once

#include "bookmarks/bookmark.h"
#include "bookmarks/symptom_diary.h"
#include "bookmarks/user_store.h"
#include "bookmarks/visit_summary.h"
#include "device_files.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lungguide {
struct Guide;
class DiaryLinker;
} // namespace lungguide

namespace lungguide::ui {

class UserData {
  public:
    // Seconds a typed note rests before its draft is written (each keystroke restarts it).
    static constexpr double draft_save_delay = 0.8;

    // data_folder "" keeps nothing. remember_settings false never writes settings (but
    // bookmarks and drafts are still the person's own actions, so they are written).
    UserData(const Guide& guide, const std::string& data_folder, bool remember_settings);
    // Over a store already opened (start-up opens it on a worker thread: AppPreload); a null
    // store comes with the message that says why.
    UserData(const Guide& guide, const std::string& data_folder, bool remember_settings,
             std::unique_ptr<UserStore> store, std::string store_message);
    ~UserData();
    UserData(const UserData&) = delete;
    UserData& operator=(const UserData&) = delete;

    UserStore* store() { return store_.get(); }
    const UserStore* store() const { return store_.get(); }
    // The store's own message at opening (a damaged file set aside, a read-only disk).
    std::string store_message() const { return for_person(store_message_); }
    // Why there are no bookmarks, in a sentence: the store's own message, or no data folder.
    std::string store_unavailable_reason() const;
    const std::string& data_folder() const { return data_folder_; }
    // Where the device has no folders to show (a browser), a message never names the data
    // folder or a file in it: it says "this browser's storage" instead.
    void set_paths_shown(bool shown) { paths_shown_ = shown; }
    std::string for_person(const std::string& message) const;

    // --- settings -----------------------------------------------------------------------
    std::string setting(const std::string& key, const std::string& fallback) const;
    void save_setting(const std::string& key, const std::string& value);
    // The route now shown, to reopen there next time; in_history also lists it under
    // "Recently read" (class and drug pages).
    void record_visit(const std::string& route, bool in_history);

    // --- people -------------------------------------------------------------------------
    // "" is "Me": bookmarks for nobody in particular.
    const std::string& person() const { return person_; }
    void set_person(const std::string& person);
    static std::string person_label(const std::string& person); // "" -> "Me"
    // Everyone set up by name: people with bookmarks or diary entries, and the current
    // person, in alphabetical order.
    std::vector<std::string> named_people() const;
    // The people to choose between: Me (when nobody is named, or Me has bookmarks or diary
    // entries), then everyone named.
    std::vector<std::string> people() const;
    // Whom "Bookmark for whom?" offers: everyone named; Me only when nobody else is set up.
    std::vector<std::string> bookmark_choices() const;
    // True when a bookmark must ask for whom: more than one person is set up, or nobody has
    // been chosen yet (the first bookmark is never silently "Me's").
    bool must_ask_for_whom() const;
    // Whether a person was ever chosen (saved in the settings, or chosen in this session).
    bool person_chosen() const { return person_chosen_; }
    // People other than the current one who have bookmarks, most recently changed first.
    std::vector<std::string> others_with_bookmarks() const;
    // The person to open on: the saved one if they have bookmarks, else whoever changed a
    // bookmark last, else the saved one.
    std::string start_person() const;

    // --- bookmarks ----------------------------------------------------------------------
    std::vector<Bookmark> bookmarks(const std::string& person) const;
    std::optional<Bookmark> find_bookmark(const std::string& kind, const std::string& target,
                                          const std::string& person) const;
    // Bookmarks the target for person and makes them the current person.
    Status add_bookmark(const std::string& kind, const std::string& target,
                        const std::string& person);
    // Removes; undo() puts it back with its note (and any draft) as it was.
    Status remove_bookmark(std::int64_t id);
    bool can_undo() const { return removed_.has_value(); }
    Status undo_remove();

    // --- notes and drafts ---------------------------------------------------------------
    // The text in the note box: the draft if there is one, else the saved note. The screen
    // edits it in place and then calls draft_edited().
    std::string& note_text(const Bookmark& bookmark);
    void draft_edited(std::int64_t bookmark_id, double now);
    // True when the box holds something other than the saved note.
    bool has_unsaved_note(const Bookmark& bookmark) const;
    Status save_note(std::int64_t bookmark_id);
    // Writes drafts that have rested draft_save_delay seconds. Call once a frame.
    void tick(double now);
    // Writes every waiting draft now (pause, focus loss, close). A draft that can't be
    // written waits again and is retried after draft_save_delay.
    void save_drafts_now();
    // Once per session, when a draft could not be written: a sentence for the person; else "".
    std::string take_draft_problem();
    bool draft_save_waiting() const;

    // --- a damaged store, kept aside ---------------------------------------------------
    // The damaged bookmarks files kept aside in the data folder, the newest first.
    const std::vector<KeptAsideFile>& kept_aside_files() const { return kept_aside_; }
    // What the person has not yet acknowledged with OK (a salvage at this start, or one the
    // text reader did): that a damaged bookmarks file was kept aside and what came back
    // from it, in plain words, without paths; "" when there is nothing to tell.
    const std::string& salvage_notice() const { return salvage_notice_; }
    // OK: not shown again (remembered in the store when it can be written).
    void dismiss_salvage_notice();
    // Whether the person sees files at all (not in a browser): then Settings names them.
    static bool files_are_visible();

    // --- symptom diary ------------------------------------------------------------------
    // The person's entries, oldest day first, with links made now wherever the pack or the
    // person's bookmarks changed since (linker null: as last linked, for the moment search
    // is still getting ready). Read from the store again after any change made here.
    const std::vector<DiaryEntry>& diary(const std::string& person, const DiaryLinker* linker);
    // Adds to person's diary (who becomes the current person), linked now if it can be.
    Status add_diary_entry(DiaryEntry entry, const DiaryLinker* linker,
                           std::int64_t* id_out = nullptr);
    // Changes an entry's day, words, severity and note (linked again).
    Status update_diary_entry(DiaryEntry entry, const DiaryLinker* linker);
    // Removes; undo_remove_diary_entry() puts it back as it was.
    Status remove_diary_entry(std::int64_t id);
    bool can_undo_diary() const { return removed_entry_.has_value(); }
    Status undo_remove_diary_entry();
    // Reads the diary again at the next look (another LungGuide may have changed it).
    void forget_cached_diary() { diary_cache_.valid = false; }

    // --- history and summary ------------------------------------------------------------
    Status clear_history();
    // The summary of the person's bookmarks and diary (linker as for diary()).
    std::vector<SummaryBlock> summary(const std::string& person,
                                      const DiaryLinker* linker = nullptr);
    // Writes the summary into folder ("" = the data folder), named for the person and date.
    // Returns the file's path; the message says, for a person, where it went in words, or
    // why it did not.
    Result<std::string> save_summary(const std::string& person, SummaryFormat format,
                                     const std::string& folder,
                                     const DiaryLinker* linker = nullptr);
    // Folders a person may pick for the summary: the data folder, then those of Documents,
    // Downloads and the home folder that exist. Each with its name in words.
    struct Place {
        std::string words; // "LungGuide's data folder", "your Documents folder"
        std::string path;
    };
    std::vector<Place> summary_places() const;
    // The summary as a file to hand over (a browser's download, share or print), named
    // for the person and the date, as save_summary() names it.
    Result<FileToKeep> summary_file(const std::string& person, SummaryFormat format,
                                    const DiaryLinker* linker = nullptr);

    // --- a copy of the bookmarks ---------------------------------------------------------
    // Every person's bookmarks and notes, as the export file (the CLI's format).
    Result<FileToKeep> bookmarks_file() const;
    // Merges an export file's text into the store; says what happened, for a person.
    Status import_bookmarks(const std::string& text);

  private:
    struct Draft {
        std::string text;
        bool waiting = false; // edited and not yet written to the store
        double edited_at = 0.0;
    };
    void write_draft(std::int64_t bookmark_id, Draft& draft, double now);
    // Settings and history can be written: a store, not read-only, not a screenshot run.
    bool remembers() const;

    const Guide& guide_;
    std::string data_folder_;
    bool remember_settings_ = true;
    bool paths_shown_ = true;
    std::unique_ptr<UserStore> store_;
    std::string store_message_;
    std::string person_;
    std::map<std::int64_t, Draft> drafts_;
    Status draft_problem_;            // the first draft write that failed, until told
    bool draft_problem_told_ = false; // told once: a full disk must not nag at every key
    double now_ = 0.0;                // the clock at the last tick()
    std::optional<Bookmark> removed_;
    std::vector<KeptAsideFile> kept_aside_;
    std::string salvage_notice_;

    bool person_chosen_ = false;
    std::optional<DiaryEntry> removed_entry_;
    struct DiaryCache {
        bool valid = false;
        std::string person;
        const DiaryLinker* linker = nullptr;
        std::vector<DiaryEntry> entries;
    };
    DiaryCache diary_cache_;
};

} // namespace lungguide::ui
