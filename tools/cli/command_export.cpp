// lungguide-cli export --format markdown|html: the whole guide, readable top to bottom
// (html: a plain web page, the browser build's text version).
#include "cli_context.h"
#include "content/html_export.h"
#include "content/markdown_export.h"

#include <iostream>

namespace lungguide::cli {

void register_export_command(CLI::App& app, CliContext& context) {
    static std::string format = "markdown";
    CLI::App* command =
        app.add_subcommand("export", "Print the whole guide as Markdown (or as a web page)");
    command->add_option("--format", format, "Output format: markdown, or html (a plain web page)")
        ->check(CLI::IsMember({"markdown", "html"}))
        ->capture_default_str();
    command->callback([&context] {
        const ContentPack* pack = context.pack();
        if (!pack) return;
        std::cout << (format == "html" ? export_guide_html(pack->guide())
                                       : export_guide_markdown(pack->guide()));
    });
}

} // namespace lungguide::cli
