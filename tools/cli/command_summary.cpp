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

void summary(CliContext& context, const SummaryOptions& options) {
    const ContentPack* pack = context.pack();
    if (!pack) return;
    const std::optional<SummaryContents> contents =
        summary_contents(context, *pack, options.person, options.person_given);
    if (!contents) return;
    const std::string text = visit_summary(
        pack->guide(), contents->bookmarks, contents->person, local_date_today(),
        options.format == "html" ? SummaryFormat::html : SummaryFormat::markdown, contents->diary);
    if (options.output.empty() || options.output == "-") {
        std::cout << text;
        return;
    }
    const Status status = write_file_atomically(options.output, text);
    if (!status.ok()) return report_failure(context, status);
    const std::string& person = contents->person;
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
