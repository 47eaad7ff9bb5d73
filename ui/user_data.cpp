#include "user_data.h"

#include "bookmarks/bookmark_exchange.h"
#include "common/letter_case.h"
#include "content/guide.h"
#include "diary/diary_links.h"

#include "bookmarks/diary_findings.h"

#include <algorithm>
#include <cstdlib>
#include <sys/stat.h>

namespace lungguide::ui {

namespace {

bool is_folder(const std::string& path) {
    struct stat info {};
    return !path.empty() && ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

// "lungguide-summary-mum-2024-09-02.html": letters and digits of the label, nothing that
// could leave the folder.
std::string summary_file_name(const std::string& person, const std::string& date,
                              SummaryFormat format) {
    std::string slug;
    for (char character : lower_ascii(person)) {
        const bool plain =
            (character >= 'a' && character <= 'z') || (character >= '0' && character <= '9');
        if (plain)
            slug += character;
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    return "lungguide-summary-" + (slug.empty() ? "" : slug + "-") + date +
           (format == SummaryFormat::html ? ".html" : ".md");
}

// The notice about the newest damaged file not yet acknowledged, or "".
std::string salvage_notice_for(const std::vector<KeptAsideFile>& files) {
    std::size_t pending = 0;
    const KeptAsideFile* newest = nullptr;
    for (const KeptAsideFile& file : files) {
        if (!file.notice_pending) continue;
        ++pending;
        if (!newest) newest = &file;
    }
    if (!newest) return {};
    const std::optional<RecoveredCounts> counts = newest->counts();
    std::string text = "Your bookmarks file was damaged, so LungGuide started a new one.";
    if (counts && counts->known == 0 && counts->diary_known == 0)
        text = "Your bookmarks file was damaged, and no bookmarks could be read from it.";
    else if (counts && counts->complete() && counts->diary_known == 0)
        text = "Your bookmarks file was damaged. All " + std::to_string(counts->known) +
               " bookmarks were recovered, with their notes.";
    else if (counts && counts->complete())
        text = "Your bookmarks file was damaged. " + capitalize_first_letter(counts->phrase(true)) +
               " were recovered, with their notes.";
    else if (counts)
        text = "Your bookmarks file was damaged. " + capitalize_first_letter(counts->phrase(true)) +
               " were recovered; " + counts->lost_phrase() + " could not be read.";
    text += " The damaged file is kept as it was (see Settings).";
    if (counts && !counts->complete())
        text += " A file of your bookmarks you exported can bring back the missing ones.";
    if (pending > 1) text += " This happened " + std::to_string(pending) + " times.";
    return text;
}

} // namespace

UserData::UserData(const Guide& guide, const std::string& data_folder, bool remember_settings)
    : UserData(guide, data_folder, remember_settings, nullptr, "") {}

UserData::UserData(const Guide& guide, const std::string& data_folder, bool remember_settings,
                   std::unique_ptr<UserStore> store, std::string store_message)
    : guide_(guide), data_folder_(data_folder), remember_settings_(remember_settings),
      store_(std::move(store)), store_message_(std::move(store_message)) {
    if (!store_ && store_message_.empty() && !data_folder_.empty()) {
        Result<std::unique_ptr<UserStore>> opened = UserStore::open(data_folder_);
        store_message_ = opened.message_for_person();
        if (opened.ok()) store_ = std::move(opened.value());
    }
    if (!store_) return;
    kept_aside_ = store_->kept_aside_files();
    salvage_notice_ = salvage_notice_for(kept_aside_);
    const std::string never = "\x01";
    person_chosen_ = store_->setting("person", never) != never;
    person_ = store_->setting("person", "");
    person_ = start_person();
    // Someone has bookmarks to open on: that is a choice made before.
    person_chosen_ = person_chosen_ || !bookmarks(person_).empty();
    // Drafts of bookmarks removed in an earlier session have no Undo left to bring them back.
    for (auto& [id, text] : store_->note_drafts()) {
        if (store_->bookmark(id))
            drafts_[id] = Draft{text, false, 0.0};
        else if (!store_->read_only())
            static_cast<void>(store_->discard_note_draft(id)); // tidying: harmless if it stays
    }
}

UserData::~UserData() {
    save_drafts_now();
}

std::string UserData::store_unavailable_reason() const {
    if (store_message_.empty())
        return paths_shown_ ? "there is no folder for your data."
                            : "this browser gives LungGuide no storage.";
    return for_person(store_message_);
}

namespace {

// Says where `path` is in words instead: "in this browser's storage" (and "the folder /data"
// becomes "this browser's storage"). A file's name runs to the next space, bracket or comma.
void say_instead(std::string& text, const std::string& path, bool file) {
    for (std::size_t at = text.find(path); at != std::string::npos; at = text.find(path, at)) {
        std::size_t end = at + path.size();
        while (file && end < text.size() && text[end] != ' ' && text[end] != ')' &&
               text[end] != ',' &&
               !(text[end] == '.' && (end + 1 == text.size() || text[end + 1] == ' ')))
            ++end;
        std::size_t begin = at;
        std::string words = "in this browser's storage";
        for (const char* before : {"as ", "at ", "in ", "the folder "}) {
            const std::string word = before;
            if (begin >= word.size() && text.compare(begin - word.size(), word.size(), word) == 0) {
                begin -= word.size();
                if (word == "the folder ") words = "this browser's storage";
                break;
            }
        }
        text.replace(begin, end - begin, words);
        at = begin + words.size();
    }
}

} // namespace

std::string UserData::for_person(const std::string& message) const {
    if (paths_shown_ || data_folder_.empty()) return message;
    std::string said = message;
    say_instead(said, data_folder_ + "/", true); // a file in it first
    say_instead(said, data_folder_, false);
    return said;
}

// ---- settings ---------------------------------------------------------------------------

std::string UserData::setting(const std::string& key, const std::string& fallback) const {
    return store_ ? store_->setting(key, fallback) : fallback;
}

// Settings and history are conveniences: one that can't be saved is not worth interrupting
// a reading person for. A store that can't save says so once, beside the bookmarks.
bool UserData::remembers() const {
    return store_ && remember_settings_ && !store_->read_only();
}

void UserData::save_setting(const std::string& key, const std::string& value) {
    if (remembers()) static_cast<void>(store_->set_setting(key, value));
}

void UserData::record_visit(const std::string& route, bool in_history) {
    if (in_history && remembers()) static_cast<void>(store_->record_view(route));
    save_setting("last_route", route);
}

// ---- people -----------------------------------------------------------------------------

void UserData::set_person(const std::string& person) {
    if (person != person_) diary_cache_.valid = false;
    person_ = person;
    person_chosen_ = true;
    save_setting("person", person);
}

std::string UserData::person_label(const std::string& person) {
    return person.empty() ? "Me" : person;
}

std::vector<std::string> UserData::named_people() const {
    std::vector<std::string> named;
    const auto add = [&named](const std::string& person) {
        const bool known = std::any_of(named.begin(), named.end(), [&](const std::string& other) {
            return lower_ascii(other) == lower_ascii(person);
        });
        if (!person.empty() && !known) named.push_back(person);
    };
    if (store_) {
        for (const std::string& person : store_->people())
            add(person);
        for (const std::string& person : SymptomDiary(*store_).people())
            add(person);
    }
    add(person_);
    std::sort(named.begin(), named.end(), [](const std::string& a, const std::string& b) {
        return lower_ascii(a) < lower_ascii(b);
    });
    return named;
}

std::vector<std::string> UserData::people() const {
    std::vector<std::string> people = named_people();
    // Me: when nobody is named, or when Me has something to show.
    const bool me_has_some =
        store_ && (!store_->bookmarks("").empty() || !SymptomDiary(*store_).entries("").empty());
    if (people.empty() || me_has_some || person_.empty()) people.insert(people.begin(), "");
    return people;
}

std::vector<std::string> UserData::bookmark_choices() const {
    std::vector<std::string> named = named_people();
    if (named.empty()) named.push_back("");
    return named;
}

bool UserData::must_ask_for_whom() const {
    const std::vector<std::string> named = named_people();
    // Me with others set up is not a choice made for this bookmark: ask.
    return !person_chosen_ || named.size() > 1 || (person_.empty() && !named.empty());
}

std::vector<std::string> UserData::others_with_bookmarks() const {
    std::vector<std::string> others;
    if (!store_) return others;
    std::vector<Bookmark> all = store_->bookmarks();
    // The most recently changed first; ISO 8601 UTC times sort as text.
    std::stable_sort(all.begin(), all.end(),
                     [](const Bookmark& a, const Bookmark& b) { return a.updated > b.updated; });
    for (const Bookmark& bookmark : all) {
        if (lower_ascii(bookmark.person) == lower_ascii(person_)) continue;
        if (std::find(others.begin(), others.end(), bookmark.person) == others.end())
            others.push_back(bookmark.person);
    }
    return others;
}

std::string UserData::start_person() const {
    if (!store_ || !bookmarks(person_).empty()) return person_;
    const std::vector<std::string> others = others_with_bookmarks();
    return others.empty() ? person_ : others.front();
}

// ---- bookmarks --------------------------------------------------------------------------

std::vector<Bookmark> UserData::bookmarks(const std::string& person) const {
    if (!store_) return {};
    return store_->bookmarks(person);
}

std::optional<Bookmark> UserData::find_bookmark(const std::string& kind, const std::string& target,
                                                const std::string& person) const {
    for (const Bookmark& bookmark : bookmarks(person))
        if (bookmark.kind == kind && bookmark.target == target) return bookmark;
    return std::nullopt;
}

Status UserData::add_bookmark(const std::string& kind, const std::string& target,
                              const std::string& person) {
    if (!store_)
        return Status::failure(Problem::failed,
                               "Bookmarks can't be saved: " + store_unavailable_reason());
    Status status = store_->add_bookmark(kind, target, person, "");
    diary_cache_.valid = false; // the person's classes come first in the diary's links
    if (status.ok()) {
        set_person(person);
        if (status.message_for_person.empty())
            status.message_for_person = "Bookmarked for " + person_label(person) + ".";
    }
    return status;
}

Status UserData::remove_bookmark(std::int64_t id) {
    if (!store_) return Status::failure(Problem::failed, store_unavailable_reason());
    Bookmark removed;
    Status status = store_->remove_bookmark(id, &removed);
    if (!status.ok()) return status;
    diary_cache_.valid = false;
    removed_ = removed;
    return Status::success("Bookmark removed.");
}

Status UserData::undo_remove() {
    if (!store_ || !removed_)
        return Status::failure(Problem::not_found, "There is nothing to undo.");
    Status status = store_->restore_bookmark(*removed_);
    if (!status.ok()) return status;
    diary_cache_.valid = false;
    removed_.reset();
    return Status::success("Bookmark put back.");
}

// ---- notes and drafts -------------------------------------------------------------------

std::string& UserData::note_text(const Bookmark& bookmark) {
    auto found = drafts_.find(bookmark.id);
    if (found == drafts_.end()) found = drafts_.emplace(bookmark.id, Draft{bookmark.note}).first;
    return found->second.text;
}

void UserData::draft_edited(std::int64_t bookmark_id, double now) {
    now_ = now;
    auto found = drafts_.find(bookmark_id);
    if (found == drafts_.end()) return;
    found->second.waiting = true;
    found->second.edited_at = now;
}

bool UserData::has_unsaved_note(const Bookmark& bookmark) const {
    auto found = drafts_.find(bookmark.id);
    return found != drafts_.end() && found->second.text != bookmark.note;
}

Status UserData::save_note(std::int64_t bookmark_id) {
    auto found = drafts_.find(bookmark_id);
    if (!store_ || found == drafts_.end())
        return Status::failure(Problem::not_found, "There is no note to save.");
    Status status = store_->update_note(bookmark_id, found->second.text);
    if (!status.ok()) return status;
    // The note itself is saved; a draft left behind equals it and is dropped at next start.
    static_cast<void>(store_->discard_note_draft(bookmark_id));
    drafts_.erase(found);
    if (status.message_for_person.empty()) status.message_for_person = "Note saved.";
    return status;
}

void UserData::write_draft(std::int64_t bookmark_id, Draft& draft, double now) {
    draft.waiting = false;
    if (!store_ || store_->read_only()) return;
    const std::optional<Bookmark> saved = store_->bookmark(bookmark_id);
    const Status written = saved && saved->note == draft.text
                               ? store_->discard_note_draft(bookmark_id) // back to the saved note
                               : store_->save_note_draft(bookmark_id, draft.text);
    if (written.ok()) return;
    // The text stays in the box; it is tried again after another rest, and the person is
    // told once, so a full disk never silently loses a note.
    draft.waiting = true;
    draft.edited_at = now;
    if (!draft_problem_told_) draft_problem_ = written;
}

void UserData::tick(double now) {
    now_ = now;
    for (auto& [id, draft] : drafts_)
        if (draft.waiting && now - draft.edited_at >= draft_save_delay) write_draft(id, draft, now);
}

void UserData::save_drafts_now() {
    for (auto& [id, draft] : drafts_)
        if (draft.waiting) write_draft(id, draft, now_);
}

std::string UserData::take_draft_problem() {
    if (draft_problem_.ok()) return {};
    draft_problem_told_ = true;
    const std::string sentence = "Your note is still on the screen, but it could not be kept "
                                 "yet. " +
                                 draft_problem_.message_for_person;
    draft_problem_ = Status::success();
    return sentence;
}

bool UserData::draft_save_waiting() const {
    return std::any_of(drafts_.begin(), drafts_.end(),
                       [](const auto& entry) { return entry.second.waiting; });
}

// ---- a damaged store, kept aside ------------------------------------------------------

void UserData::dismiss_salvage_notice() {
    salvage_notice_.clear();
    if (!remembers()) return; // told again at the next start: better than never
    static_cast<void>(store_->dismiss_salvage_notices()); // a full disk: told again, no harm
    kept_aside_ = store_->kept_aside_files();
}

bool UserData::files_are_visible() {
#ifdef __EMSCRIPTEN__
    return false; // the browser keeps the folder out of sight: no names to find
#else
    return true;
#endif
}

// ---- history and summary ----------------------------------------------------------------

Status UserData::clear_history() {
    if (!store_) return Status::failure(Problem::failed, store_unavailable_reason());
    Status status = store_->clear_history();
    if (status.ok()) status.message_for_person = "Reading history cleared.";
    return status;
}

// ---- symptom diary ----------------------------------------------------------------------

const std::vector<DiaryEntry>& UserData::diary(const std::string& person,
                                               const DiaryLinker* linker) {
    DiaryCache& cache = diary_cache_;
    if (cache.valid && cache.person == person && cache.linker == linker) return cache.entries;
    cache = DiaryCache{true, person, linker, {}};
    if (!store_) return cache.entries;
    cache.entries = linker ? linker->entries_with_current_links(*store_, person)
                           : SymptomDiary(*store_).entries(person);
    return cache.entries;
}

Status UserData::add_diary_entry(DiaryEntry entry, const DiaryLinker* linker,
                                 std::int64_t* id_out) {
    if (!store_)
        return Status::failure(Problem::failed,
                               "The diary can't be kept: " + store_unavailable_reason());
    if (linker) entry.links = linker->link(entry.text, bookmarks(entry.person));
    Status status = SymptomDiary(*store_).add_entry(entry, id_out);
    diary_cache_.valid = false;
    if (!status.ok()) return status;
    if (person_ != entry.person || !person_chosen_) set_person(entry.person);
    if (status.message_for_person.empty())
        status.message_for_person =
            "Added to " + possessive_of(entry.person) + " diary."; // "Added to Mum's diary."
    return status;
}

Status UserData::update_diary_entry(DiaryEntry entry, const DiaryLinker* linker) {
    if (!store_) return Status::failure(Problem::failed, store_unavailable_reason());
    if (linker) entry.links = linker->link(entry.text, bookmarks(entry.person));
    Status status = SymptomDiary(*store_).update_entry(entry);
    diary_cache_.valid = false;
    if (status.ok() && status.message_for_person.empty())
        status.message_for_person = "The diary entry was changed.";
    return status;
}

Status UserData::remove_diary_entry(std::int64_t id) {
    if (!store_) return Status::failure(Problem::failed, store_unavailable_reason());
    DiaryEntry removed;
    Status status = SymptomDiary(*store_).remove_entry(id, &removed);
    diary_cache_.valid = false;
    if (!status.ok()) return status;
    removed_entry_ = removed;
    return Status::success("Diary entry removed.");
}

Status UserData::undo_remove_diary_entry() {
    if (!store_ || !removed_entry_)
        return Status::failure(Problem::not_found, "There is nothing to undo.");
    Status status = SymptomDiary(*store_).restore_entry(*removed_entry_);
    diary_cache_.valid = false;
    if (!status.ok()) return status;
    removed_entry_.reset();
    return Status::success("Diary entry put back.");
}

std::vector<SummaryBlock> UserData::summary(const std::string& person, const DiaryLinker* linker) {
    return visit_summary_blocks(guide_, bookmarks(person), person, local_date_today(),
                                diary(person, linker));
}

std::vector<UserData::Place> UserData::summary_places() const {
    std::vector<Place> places;
    if (!data_folder_.empty()) places.push_back({"LungGuide's data folder", data_folder_});
    const char* home = std::getenv("HOME");
    if (home && *home) {
        const std::string base = home;
        for (const char* name : {"Documents", "Downloads"})
            if (is_folder(base + "/" + name))
                places.push_back({std::string("your ") + name + " folder", base + "/" + name});
        if (is_folder(base)) places.push_back({"your home folder", base});
    }
    return places;
}

Result<FileToKeep> UserData::summary_file(const std::string& person, SummaryFormat format,
                                          const DiaryLinker* linker) {
    const std::vector<Bookmark> marked = bookmarks(person);
    const std::vector<DiaryEntry> entries = diary(person, linker);
    if (marked.empty() && entries.empty())
        return Status::failure(Problem::not_found,
                               "There is nothing to put in a summary: " + person_label(person) +
                                   " has no bookmarks or diary entries yet.");
    const std::string date = local_date_today();
    FileToKeep file;
    file.name = summary_file_name(person, date, format);
    file.mime = format == SummaryFormat::html ? "text/html" : "text/markdown";
    file.bytes = visit_summary(guide_, marked, person, date, format, entries);
    file.title = "Summary for the doctor: " + person_label(person) + ", " + date;
    return file;
}

Result<FileToKeep> UserData::bookmarks_file() const {
    if (!store_) return Status::failure(Problem::failed, store_unavailable_reason());
    const std::vector<Bookmark> all = store_->bookmarks();
    const std::vector<DiaryEntry> diary_entries = SymptomDiary(*store_).entries();
    if (all.empty() && diary_entries.empty())
        return Status::failure(Problem::not_found,
                               "There are no bookmarks or diary entries to keep a copy of yet.");
    const std::string now = utc_timestamp_now();
    FileToKeep file;
    file.name = "lungguide-bookmarks-" + now.substr(0, 10) + ".json";
    file.mime = "application/json";
    file.bytes = bookmarks_export_json(all, now, diary_entries);
    file.title = "LungGuide bookmarks, " + now.substr(0, 10);
    return file;
}

Status UserData::import_bookmarks(const std::string& text) {
    if (!store_)
        return Status::failure(Problem::failed,
                               "Bookmarks can't be saved: " + store_unavailable_reason());
    const Result<ExportFile> file = parse_export_json(text);
    if (!file.ok())
        return Status::failure(file.status().problem,
                               "That file can't be opened: " + file.message_for_person());
    ImportCounts counts;
    ImportCounts diary_counts;
    Status status = import_bookmarks_and_diary(*store_, file.value().bookmarks, file.value().diary,
                                               &counts, &diary_counts);
    forget_cached_diary();
    if (!status.ok()) return Status::failure(status.problem, for_person(status.message_for_person));
    std::string said = "Opened: " + std::to_string(counts.added) + " new, " +
                       std::to_string(counts.merged) + " with notes added, " +
                       std::to_string(counts.unchanged) + " already here.";
    if (!file.value().diary.empty())
        said += " Diary: " + std::to_string(diary_counts.added) + " new entries, " +
                std::to_string(diary_counts.unchanged + diary_counts.merged) + " already here.";
    return Status::success(status.message_for_person.empty()
                               ? said
                               : said + " " + for_person(status.message_for_person));
}

Result<std::string> UserData::save_summary(const std::string& person, SummaryFormat format,
                                           const std::string& folder, const DiaryLinker* linker) {
    const std::string where = folder.empty() ? data_folder_ : folder;
    std::string words = "the folder " + where;
    for (const Place& place : summary_places())
        if (place.path == where) words = place.words;
    const Result<FileToKeep> file = summary_file(person, format, linker);
    if (!file.ok()) return file.status();
    if (!is_folder(where))
        return Status::failure(Problem::not_found,
                               "The summary was not saved: there is no folder " + where + ".");
    const std::string& name = file.value().name;
    const std::string path = where + "/" + name;
    const Status status = write_file_atomically(path, file.value().bytes);
    if (!status.ok())
        return Status::failure(status.problem,
                               "The summary was not saved. " + status.message_for_person);
    const std::string kind = format == SummaryFormat::html
                                 ? "a page to open in a web browser and print"
                                 : "a plain text file (Markdown)";
    return {path, "Saved as " + kind + " in " + words + ", named \"" + name + "\"."};
}

} // namespace lungguide::ui
