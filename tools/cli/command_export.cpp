// lungguide-cli export --format markdown: the whole guide, readable top to bottom.
#include "cli_context.h"
#include "content/markdown_export.h"

#include <iostream>

namespace lungguide::cli {

void register_export_command(CLI::App& app, CliContext& context) {
    static std::string format = "markdown";
    CLI::App* command = app.add_subcommand("export", "Print the whole guide as Markdown");
    command->add_option("--format", format, "Output format")
        ->check(CLI::IsMember({"markdown"}))
        ->capture_default_str();
    command->callback([&context] {
        const ContentPack* pack = context.pack();
        if (!pack) return;
        std::cout << export_guide_markdown(pack->guide());
    });
}

} // namespace lungguide::cli
