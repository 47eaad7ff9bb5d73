// lungguide-cli diary add|list|remove: a person's symptom diary, each entry in their own words
// and what the page says about it. A change exits 0 only once it is committed to disk.
#include "bookmarks/bookmark_exchange.h"
#include "bookmarks/diary_findings.h"
#include "bookmarks/symptom_diary.h"
#include "cli_context.h"
#include "diary/diary_links.h"
#include "search/search.h"
#include "user_store_access.h"

#include <cstdint>
#include <cstdio>
#include <iostream>

namespace lungguide::cli {
namespace {

struct DiaryOptions {
    std::string person;
    bool person_given = false;
    std::string date;
    std::string severity;
    std::string note;
    std::vector<std::string> words;
    std::int64_t id = 0;
    bool as_json = false;
};

std::string joined_words(const std::vector<std::string>& words) {
    std::string text;
    for (const std::string& word : words)
        text += (text.empty() ? "" : " ") + word;
    return text;
}

std::string diary_of(const std::string& person) {
    return person.empty() ? "your diary" : person + "'s diary";
}

// What the page says, one sentence a line, rare but serious with the page's advice.
void print_findings(const Guide& guide, const DiaryEntry& entry,
                    const std::vector<Bookmark>& bookmarks, const char* indent) {
    for (const DiaryFinding& finding : diary_findings(guide, entry, bookmarks)) {
        std::printf("%s%s%s\n", indent, finding.rare_serious ? "RARE BUT SERIOUS: " : "",
                    finding.text.c_str());
        if (finding.rare_serious)
            std::printf("%s  The page's advice: %s\n", indent, guide.doctor_advice.c_str());
    }
}

void add(CliContext& context, const DiaryOptions& options) {
    const ContentPack* pack = context.pack();
    if (!pack) return; // the words are linked to the page as they are added
    DiaryEntry entry;
    entry.person = options.person;
    entry.date = options.date;
    entry.text = joined_words(options.words);
    entry.note = options.note;
    parse_diary_severity(options.severity, entry.severity); // checked by CLI11
    auto store = open_user_store(context);
    if (!store) return;
    const std::vector<Bookmark> bookmarks = store->bookmarks(entry.person);
    const SearchIndex index(*pack);
    const DiaryLinker linker(index, pack->guide(), content_pack_identity(*pack));
    entry.links = linker.link(entry.text, bookmarks);
    SymptomDiary diary(*store);
    std::int64_t id = 0;
    const Status status = diary.add_entry(entry, &id);
    if (!status.ok()) return report_failure(context, status);
    const std::optional<DiaryEntry> saved = diary.entry(id);
    if (!saved) {
        std::printf("Diary entry %lld was saved, and has since been removed by another "
                    "LungGuide.\n",
                    static_cast<long long>(id));
        return;
    }
    std::printf("Added to %s for %s (entry %lld): \u201C%s\u201D%s%s.\n",
                diary_of(saved->person).c_str(), saved->date.c_str(), static_cast<long long>(id),
                saved->text.c_str(), saved->severity == DiarySeverity::none ? "" : ", ",
                diary_severity_id(saved->severity));
    print_findings(pack->guide(), *saved, bookmarks, "  ");
    if (!status.message_for_person.empty()) std::printf("%s\n", status.message_for_person.c_str());
}

void print_entry(const Guide* guide, const DiaryEntry& entry,
                 const std::vector<Bookmark>& bookmarks) {
    std::printf("  %-4lld \u201C%s\u201D%s%s%s\n", static_cast<long long>(entry.id),
                entry.text.c_str(), entry.severity == DiarySeverity::none ? "" : " \u00B7 ",
                diary_severity_label(entry.severity),
                entry.damaged ? "  [DAMAGED: changed on the disk since it was saved; shown as "
                                "it reads]"
                              : "");
    if (!entry.note.empty()) std::printf("       Note: %s\n", entry.note.c_str());
    if (guide) print_findings(*guide, entry, bookmarks, "       ");
}

void list(CliContext& context, const DiaryOptions& options) {
    auto store = open_user_store(context);
    if (!store) return;
    std::optional<std::string> person;
    if (options.person_given) person = options.person;
    const ContentPack* pack = pack_if_available(context);
    std::vector<DiaryEntry> entries;
    if (pack) {
        const SearchIndex index(*pack);
        const DiaryLinker linker(index, pack->guide(), content_pack_identity(*pack));
        entries = linker.entries_with_current_links(*store, person);
    } else {
        entries = SymptomDiary(*store).entries(person);
    }
    if (!store->last_read_status().ok()) return report_failure(context, store->last_read_status());
    if (options.as_json) {
        std::cout << diary_to_json(entries) << "\n";
        return;
    }
    if (entries.empty()) {
        std::printf("Nothing in %s yet. Add what was felt like this:\n"
                    "  lungguide-cli diary add --for Mum --severity mild \"the runs\"\n",
                    person ? diary_of(*person).c_str() : "the diary");
        return;
    }
    std::string whose = "\x01", day;
    std::vector<Bookmark> bookmarks;
    for (const DiaryEntry& entry : entries) {
        if (entry.person != whose) {
            whose = entry.person;
            day.clear();
            bookmarks = store->bookmarks(whose);
            std::printf("%s%s:\n", &entry == &entries.front() ? "" : "\n",
                        whose.empty() ? "Diary not for anyone in particular"
                                      : (whose + "'s symptom diary").c_str());
        }
        if (entry.date != day) std::printf("%s\n", entry.date.c_str());
        day = entry.date;
        print_entry(pack ? &pack->guide() : nullptr, entry, bookmarks);
    }
}

void remove(CliContext& context, const DiaryOptions& options) {
    auto store = open_user_store(context);
    if (!store) return;
    DiaryEntry removed;
    const Status status = SymptomDiary(*store).remove_entry(options.id, &removed);
    if (!status.ok()) return report_failure(context, status);
    // No undo on the command line: the words and note are shown once more, not lost unseen.
    std::printf("Removed diary entry %lld from %s: %s, \u201C%s\u201D.\n",
                static_cast<long long>(removed.id), diary_of(removed.person).c_str(),
                removed.date.c_str(), removed.text.c_str());
    if (!removed.note.empty()) std::printf("Its note was:\n%s\n", removed.note.c_str());
}

} // namespace

void register_diary_commands(CLI::App& app, CliContext& context) {
    auto options = std::make_shared<DiaryOptions>();
    CLI::App* diary = app.add_subcommand(
        "diary", "A symptom diary per person, tied to what the page says about each entry");
    diary->require_subcommand(1);

    CLI::App* add_command =
        diary->add_subcommand("add", "Write down what was felt, in your own words");
    add_command->add_option("words", options->words, "What was felt, e.g. \"the runs\"")
        ->required();
    add_command->add_option("--for", options->person, "Whose diary, e.g. Mum");
    add_command->add_option("--date", options->date, "The day, YYYY-MM-DD (default: today)");
    add_command->add_option("--severity", options->severity, "mild, moderate or severe")
        ->check(CLI::IsMember({"mild", "moderate", "severe"}));
    add_command->add_option("--note", options->note, "A note: when, how long, what helped");
    add_command->callback([&context, options] { add(context, *options); });

    CLI::App* list_command =
        diary->add_subcommand("list", "List diary entries by day, with what the page says");
    list_command->add_option("--for", options->person, "Only this person's diary")
        ->each([options](const std::string&) { options->person_given = true; });
    list_command->add_flag("--json", options->as_json, "Print JSON");
    list_command->callback([&context, options] { list(context, *options); });

    CLI::App* remove_command = diary->add_subcommand("remove", "Remove a diary entry");
    remove_command->add_option("id", options->id, "The entry's number, from diary list")
        ->required();
    remove_command->callback([&context, options] { remove(context, *options); });
}

} // namespace lungguide::cli
