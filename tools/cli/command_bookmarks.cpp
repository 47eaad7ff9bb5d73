// lungguide-cli bookmarks add|list|note|remove|export|import|check: a person's bookmarks
// and notes. Every command that changes something exits 0 only after the change is
// committed to disk.
#include "bookmarks/bookmark_exchange.h"
#include "bookmarks/bookmark_targets.h"
#include "bookmarks/symptom_diary.h"
#include "bookmarks/user_text.h"
#include "cli_context.h"
#include "user_store_access.h"

#include <cstdint>
#include <cstdio>
#include <iostream>

namespace lungguide::cli {
namespace {

struct BookmarkOptions {
    std::string kind;
    std::string target;
    std::string person;
    bool person_given = false;
    std::string note;
    std::int64_t id = 0;
    std::string file;
    bool as_json = false;
};

void print_message_if_any(const Status& status) {
    if (!status.message_for_person.empty()) std::printf("%s\n", status.message_for_person.c_str());
}

std::string for_whom(const std::string& person) {
    return person.empty() ? "" : " for " + person;
}

void add(CliContext& context, const BookmarkOptions& options) {
    const ContentPack* pack = context.pack();
    if (!pack) return;
    const Guide& guide = pack->guide();
    const Result<std::string> target = find_bookmark_target(guide, options.kind, options.target);
    if (!target.ok()) return report_failure(context, target.status());
    auto store = open_user_store(context);
    if (!store) return;
    std::int64_t id = 0;
    const Status status =
        store->add_bookmark(options.kind, target.value(), options.person, options.note, &id);
    if (!status.ok()) return report_failure(context, status);
    // Read again for the name as saved; another LungGuide may have removed it meanwhile, and
    // the message must not claim otherwise.
    const std::optional<Bookmark> saved = store->bookmark(id);
    if (saved) {
        std::printf("Bookmarked %s%s (bookmark %lld).\n",
                    bookmark_target_name(guide, *saved).c_str(), for_whom(saved->person).c_str(),
                    static_cast<long long>(id));
    } else {
        std::printf("Bookmark %lld was saved, and has since been removed by another LungGuide.\n",
                    static_cast<long long>(id));
    }
    print_message_if_any(status);
}

void print_bookmark_lines(const Guide* guide, const Bookmark& bookmark) {
    const std::string name = guide ? bookmark_target_name(*guide, bookmark) : bookmark.target;
    std::printf("  %-4lld %-5s  %s%s%s\n", static_cast<long long>(bookmark.id),
                bookmark.kind.c_str(), name.c_str(),
                bookmark.missing ? "  [no longer in this guide]" : "",
                bookmark.damaged ? "  [DAMAGED: changed on the disk since it was saved; shown as "
                                   "it reads]"
                                 : "");
    if (bookmark.note.empty()) return;
    // The note, indented under its bookmark, one line at a time.
    std::size_t start = 0;
    bool first = true;
    while (start <= bookmark.note.size()) {
        const std::size_t end = std::min(bookmark.note.find('\n', start), bookmark.note.size());
        std::printf("         %s %s\n", first ? "Note:" : "     ",
                    bookmark.note.substr(start, end - start).c_str());
        first = false;
        start = end + 1;
    }
}

void list(CliContext& context, const BookmarkOptions& options) {
    auto store = open_user_store(context);
    if (!store) return;
    std::optional<std::string> person;
    if (options.person_given) person = options.person;
    std::vector<Bookmark> bookmarks = store->bookmarks(person);
    if (!store->last_read_status().ok()) return report_failure(context, store->last_read_status());
    const ContentPack* pack = pack_if_available(context);
    if (pack) mark_missing_targets(pack->guide(), bookmarks);
    const Guide* guide = pack ? &pack->guide() : nullptr;

    if (options.as_json) {
        std::cout << bookmarks_to_json(bookmarks) << "\n";
        return;
    }
    if (bookmarks.empty()) {
        if (person) {
            std::printf("No bookmarks for %s.\n", person->c_str());
            const std::vector<std::string> people = store->people();
            if (!people.empty()) {
                std::string names;
                for (const std::string& name : people)
                    names += (names.empty() ? "" : ", ") + name;
                std::printf("Bookmarks are kept for: %s.\n", names.c_str());
            }
        } else {
            std::printf("No bookmarks yet. Add one like this:\n"
                        "  lungguide-cli bookmarks add drug osimertinib --for Mum --note \"80 mg "
                        "daily\"\n");
        }
        return;
    }
    std::string current_person = "\x01"; // matches nobody, so the first group gets a heading
    for (const Bookmark& bookmark : bookmarks) {
        if (bookmark.person != current_person) {
            current_person = bookmark.person;
            std::printf("%s%s:\n", &bookmark == &bookmarks.front() ? "" : "\n",
                        current_person.empty() ? "Not for anyone in particular"
                                               : ("For " + current_person).c_str());
        }
        print_bookmark_lines(guide, bookmark);
    }
}

void note(CliContext& context, const BookmarkOptions& options) {
    auto store = open_user_store(context);
    if (!store) return;
    const Status status = store->update_note(options.id, options.note);
    if (!status.ok()) return report_failure(context, status);
    // Said from what was asked, not from a second read: another LungGuide may have removed
    // the bookmark since.
    const bool removed_note = clean_note(options.note).text.empty();
    std::printf(removed_note ? "Note removed from bookmark %lld.\n"
                             : "Note saved on bookmark %lld.\n",
                static_cast<long long>(options.id));
    print_message_if_any(status);
}

void remove(CliContext& context, const BookmarkOptions& options) {
    auto store = open_user_store(context);
    if (!store) return;
    Bookmark removed;
    const Status status = store->remove_bookmark(options.id, &removed);
    if (!status.ok()) return report_failure(context, status);
    const ContentPack* pack = pack_if_available(context);
    const std::string name = pack ? bookmark_target_name(pack->guide(), removed) : removed.target;
    std::printf("Removed bookmark %lld: %s%s.\n", static_cast<long long>(removed.id), name.c_str(),
                for_whom(removed.person).c_str());
    // There is no undo on the command line, so the note is shown once more, not lost unseen.
    if (!removed.note.empty()) std::printf("Its note was:\n%s\n", removed.note.c_str());
}

void export_file(CliContext& context, const BookmarkOptions& options) {
    auto store = open_user_store(context);
    if (!store) return;
    const std::vector<Bookmark> bookmarks = store->bookmarks();
    if (!store->last_read_status().ok()) return report_failure(context, store->last_read_status());
    const std::vector<DiaryEntry> diary = SymptomDiary(*store).entries();
    if (!store->last_read_status().ok()) return report_failure(context, store->last_read_status());
    const std::string text = bookmarks_export_json(bookmarks, utc_timestamp_now(), diary);
    if (options.file == "-") {
        std::cout << text;
        return;
    }
    const Status status = write_file_atomically(options.file, text);
    if (!status.ok()) return report_failure(context, status);
    std::printf("Exported %zu bookmark%s and %zu diary entr%s to %s.\n", bookmarks.size(),
                bookmarks.size() == 1 ? "" : "s", diary.size(), diary.size() == 1 ? "y" : "ies",
                options.file.c_str());
}

void import_file(CliContext& context, const BookmarkOptions& options) {
    Result<ExportFile> file = read_export_file(options.file);
    if (!file.ok()) {
        std::fprintf(stderr, "lungguide-cli: %s Nothing was imported.\n",
                     file.message_for_person().c_str());
        context.exit_code = exit_bad_request; // whatever the file's problem, the request named it
        return;
    }
    auto store = open_user_store(context);
    if (!store) return;
    ImportCounts counts;
    ImportCounts diary_counts;
    const Status status = import_bookmarks_and_diary(*store, file.value().bookmarks,
                                                     file.value().diary, &counts, &diary_counts);
    if (!status.ok()) return report_failure(context, status);
    std::printf("Imported from %s: %zu new, %zu with notes merged, %zu already here.\n",
                options.file.c_str(), counts.added, counts.merged, counts.unchanged);
    if (!file.value().diary.empty())
        std::printf("Diary: %zu new entr%s, %zu with notes merged, %zu already here.\n",
                    diary_counts.added, diary_counts.added == 1 ? "y" : "ies", diary_counts.merged,
                    diary_counts.unchanged);
    print_message_if_any(status);
    if (const ContentPack* pack = pack_if_available(context)) {
        // Moved, not copied: the notes read can be as large as the file.
        std::vector<Bookmark> imported = std::move(file.value().bookmarks);
        mark_missing_targets(pack->guide(), imported);
        std::size_t missing = 0;
        for (const Bookmark& bookmark : imported)
            missing += bookmark.missing ? 1 : 0;
        if (missing > 0)
            std::printf("%zu of them point to pages this version of the guide does not have; "
                        "they are kept and listed as such.\n",
                        missing);
    }
}

// Damaged stores kept aside earlier, one line each, so that they are not forgotten.
void print_kept_aside(const UserStore& store) {
    const std::vector<KeptAsideFile> files = store.kept_aside_files();
    if (files.empty()) return;
    std::printf("Damaged bookmarks files kept aside in %s:\n", store.folder().c_str());
    for (const KeptAsideFile& file : files) {
        std::string recovered;
        if (const std::optional<RecoveredCounts> counts = file.counts())
            recovered = "; " + counts->phrase() + " were recovered from it";
        std::printf("  %s (kept %s%s)\n", file.name.c_str(), file.kept_at.c_str(),
                    recovered.c_str());
    }
}

// Says what it found and what it did; exits 1 whenever it found damage, including damage
// it has just dealt with: a store it has just replaced is never called sound.
void check(CliContext& context) {
    auto store = open_user_store(context);
    if (!store) return;
    if (const std::optional<StoreSalvage>& salvage = store->salvage()) {
        std::printf("Damaged: set aside, %s recovered into a new file. The damaged file is kept "
                    "at %s.\n",
                    salvage->counts().phrase().c_str(), salvage->kept_as.c_str());
        context.exit_code = exit_failure;
        return;
    }
    Status integrity = store->check_integrity();
    if (integrity.ok()) integrity = SymptomDiary(*store).check();
    if (!integrity.ok()) {
        std::fprintf(stderr, "lungguide-cli: Your bookmarks file %s is damaged: %s\n",
                     store->path().c_str(), integrity.message_for_person.c_str());
        context.exit_code = exit_failure;
        return;
    }
    const std::size_t count = store->bookmarks().size();
    if (!store->last_read_status().ok()) return report_failure(context, store->last_read_status());
    const std::size_t entries = SymptomDiary(*store).entries().size();
    std::printf("Your bookmarks file is sound: %zu bookmark%s and %zu diary entr%s in %s.\n", count,
                count == 1 ? "" : "s", entries, entries == 1 ? "y" : "ies", store->path().c_str());
    print_kept_aside(*store);
}

} // namespace

void register_bookmark_commands(CLI::App& app, CliContext& context) {
    auto options = std::make_shared<BookmarkOptions>();
    CLI::App* bookmarks = app.add_subcommand("bookmarks", "Your bookmarks of drugs and classes, "
                                                          "with notes, for you or someone else");
    bookmarks->require_subcommand(1);

    CLI::App* add_command = bookmarks->add_subcommand("add", "Bookmark a drug class or a drug");
    add_command->add_option("kind", options->kind, "class or drug")
        ->required()
        ->check(CLI::IsMember({"class", "drug"}));
    add_command->add_option("id", options->target, "The id, e.g. egfr or osimertinib")->required();
    add_command->add_option("--for", options->person, "Whom it is for, e.g. Mum");
    add_command->add_option("--note", options->note,
                            "A note: dose, start date, a question for the doctor");
    add_command->callback([&context, options] { add(context, *options); });

    CLI::App* list_command = bookmarks->add_subcommand("list", "List bookmarks");
    list_command->add_option("--for", options->person, "Only the bookmarks for this person")
        ->each([options](const std::string&) { options->person_given = true; });
    list_command->add_flag("--json", options->as_json, "Print JSON");
    list_command->callback([&context, options] { list(context, *options); });

    CLI::App* note_command = bookmarks->add_subcommand("note", "Set or change a bookmark's note");
    note_command->add_option("id", options->id, "The bookmark's number, from bookmarks list")
        ->required();
    note_command->add_option("text", options->note, "The note; \"\" removes it")->required();
    note_command->callback([&context, options] { note(context, *options); });

    CLI::App* remove_command = bookmarks->add_subcommand("remove", "Remove a bookmark");
    remove_command->add_option("id", options->id, "The bookmark's number, from bookmarks list")
        ->required();
    remove_command->callback([&context, options] { remove(context, *options); });

    CLI::App* export_command =
        bookmarks->add_subcommand("export", "Save all bookmarks and notes to a JSON file");
    export_command->add_option("file", options->file, "The file to write (- for the screen)")
        ->required();
    export_command->callback([&context, options] { export_file(context, *options); });

    CLI::App* import_command = bookmarks->add_subcommand(
        "import", "Bring in bookmarks from an exported file, without duplicates");
    import_command->add_option("file", options->file, "A file made by bookmarks export")
        ->required();
    import_command->callback([&context, options] { import_file(context, *options); });

    CLI::App* check_command =
        bookmarks->add_subcommand("check", "Check that the bookmarks file is sound");
    check_command->callback([&context] { check(context); });
}

} // namespace lungguide::cli
