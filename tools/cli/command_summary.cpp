// lungguide-cli summary [--for LABEL] --format markdown|html [--output FILE]: a printable
// summary of one person's bookmarks and symptom diary to take to a doctor's appointment.
#include "bookmarks/bookmark_exchange.h"
#include "bookmarks/visit_summary.h"
#include "cli_context.h"
#include "diary/diary_links.h"
#include "search/search.h"
#include "user_store_access.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace lungguide::cli {
namespace {

struct SummaryOptions {
    std::string person;
    bool person_given = false;
    std::string format = "markdown";
    std::string output;
};

std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (const std::string& name : names)
        text += (text.empty() ? "" : ", ") + name;
    return text;
}

void summary(CliContext& context, const SummaryOptions& options) {
    const ContentPack* pack = context.pack();
    if (!pack) return;
    auto store = open_user_store(context);
    if (!store) return;
    const std::vector<Bookmark> bookmarks = store->bookmarks(options.person);
    if (!store->last_read_status().ok()) return report_failure(context, store->last_read_status());
    const SearchIndex index(*pack);
    const DiaryLinker linker(index, pack->guide(), content_pack_identity(*pack));
    const std::vector<DiaryEntry> diary = linker.entries_with_current_links(*store, options.person);
    if (!store->last_read_status().ok()) return report_failure(context, store->last_read_status());
    if (bookmarks.empty() && diary.empty()) {
        std::vector<std::string> people = store->people();
        for (const std::string& name : SymptomDiary(*store).people())
            if (std::find(people.begin(), people.end(), name) == people.end())
                people.push_back(name);
        if (options.person_given)
            std::fprintf(stderr, "lungguide-cli: There are no bookmarks or diary entries for %s.",
                         options.person.c_str());
        else
            std::fprintf(stderr, "lungguide-cli: There are no bookmarks or diary entries that "
                                 "are not for someone in particular.");
        if (!people.empty())
            std::fprintf(stderr,
                         " Bookmarks and diaries are kept for: %s. Choose one with --for NAME.",
                         joined(people).c_str());
        std::fprintf(stderr, "\n");
        context.exit_code = exit_bad_request;
        return;
    }
    // The label as it was first typed ("Mum"), even if this time it was typed "mum".
    const std::string person = bookmarks.empty() ? diary.front().person : bookmarks.front().person;
    const std::string text = visit_summary(
        pack->guide(), bookmarks, person, local_date_today(),
        options.format == "html" ? SummaryFormat::html : SummaryFormat::markdown, diary);
    if (options.output.empty() || options.output == "-") {
        std::cout << text;
        return;
    }
    const Status status = write_file_atomically(options.output, text);
    if (!status.ok()) return report_failure(context, status);
    std::printf("Wrote the summary%s to %s.\n", person.empty() ? "" : (" for " + person).c_str(),
                options.output.c_str());
}

} // namespace

void register_summary_command(CLI::App& app, CliContext& context) {
    auto options = std::make_shared<SummaryOptions>();
    CLI::App* command = app.add_subcommand(
        "summary",
        "A printable summary of one person's bookmarks and symptom diary for the doctor's visit");
    command->add_option("--for", options->person, "Whose bookmarks, e.g. Mum")
        ->each([options](const std::string&) { options->person_given = true; });
    command->add_option("--format", options->format, "markdown (default) or html")
        ->check(CLI::IsMember({"markdown", "html"}));
    command->add_option("--output", options->output, "Write to this file instead of the screen");
    command->callback([&context, options] { summary(context, *options); });
}

} // namespace lungguide::cli
