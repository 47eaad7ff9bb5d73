// lungguide-cli: the core without the UI, for people who prefer text, for scripts and tests.
#include "cli_context.h"

#include <cstdio>
#include <new>

using namespace lungguide;

const ContentPack* cli::CliContext::pack() {
    if (!pack_tried_) {
        pack_tried_ = true;
        Result<std::unique_ptr<ContentPack>> opened =
            open_content_pack(pack_path.empty() ? default_content_pack_path() : pack_path);
        if (!opened.ok()) {
            std::fprintf(stderr, "lungguide-cli: %s\n", opened.message_for_person().c_str());
            exit_code = cli::exit_failure;
        } else {
            pack_ = std::move(opened.value());
        }
    }
    return pack_.get();
}

int main(int argc, char** argv) {
    CLI::App app{"LungGuide: targeted drug therapy for non-small cell lung cancer, offline.\n"
                 "Source: American Cancer Society. Review medical questions with your doctor.",
                 "lungguide-cli"};
    app.require_subcommand(1);
    cli::CliContext context;
    app.add_option("--pack", context.pack_path,
                   "Content pack to read (default: $LUNGGUIDE_PACK, else the installed one)");
    app.add_option("--data-dir", context.data_folder,
                   "Folder for bookmarks and settings (default: $LUNGGUIDE_DATA_DIR or "
                   "~/.local/share/lungguide)")
        // An empty folder is a mistake (an unset variable in a script), not the default.
        ->check([](const std::string& folder) {
            return folder.empty() ? std::string("--data-dir needs a folder, not an empty name")
                                  : std::string();
        });

    cli::register_read_commands(app, context);
    cli::register_export_command(app, context);
    cli::register_bookmark_commands(app, context);
    cli::register_summary_command(app, context);
    cli::register_search_command(app, context);
    cli::register_diary_commands(app, context);
    cli::register_speak_command(app, context);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        int code = app.exit(error);
        return code == 0 ? cli::exit_ok : cli::exit_bad_request;
    } catch (const std::bad_alloc&) {
        // Inputs are bounded, so this is a machine short of memory; say so, never abort.
        std::fprintf(stderr, "lungguide-cli: There was not enough memory to finish. Nothing "
                             "was changed. Close other programs and try again.\n");
        return cli::exit_failure;
    }
    return context.exit_code;
}
