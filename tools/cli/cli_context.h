// What every lungguide-cli command shares: where the pack and the user data live,
// and the exit codes scripts can rely on.
#pragma once

#include "common/exit_code.h"
#include "content/content_pack.h"

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

namespace lungguide::cli {

using lungguide::exit_bad_request;
using lungguide::exit_failure;
using lungguide::exit_ok;

struct CliContext {
    std::string pack_path;   // --pack, else default_content_pack_path()
    std::string data_folder; // --data-dir, else $LUNGGUIDE_DATA_DIR, else the XDG folder
    int exit_code = exit_ok;

    // Opens the pack once. On failure prints a message to stderr, sets exit_code and
    // returns null, so a command simply returns.
    const ContentPack* pack();

  private:
    std::unique_ptr<ContentPack> pack_;
    bool pack_tried_ = false;
};

// "There is no drug class with the id "egrf". Did you mean: egfr?" on stderr, exit code 2.
void print_unknown(const char* what, const std::string& id, std::vector<std::string> known,
                   CliContext& context);

// Each command group lives in its own file and adds its subcommands here.
void register_read_commands(CLI::App& app, CliContext& context);     // list, show
void register_export_command(CLI::App& app, CliContext& context);    // export
void register_bookmark_commands(CLI::App& app, CliContext& context); // bookmarks …
void register_summary_command(CLI::App& app, CliContext& context);   // summary
void register_search_command(CLI::App& app, CliContext& context);    // search
void register_diary_commands(CLI::App& app, CliContext& context);    // diary …
void register_speak_command(CLI::App& app, CliContext& context);     // speak …
} // namespace lungguide::cli
