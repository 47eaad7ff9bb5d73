// Where a person's own data (bookmarks, notes, history, settings) lives on this device.
//
// Kept apart from the read-only content pack so that a new pack, a reinstall or an
// update never touches it.
#pragma once

#include "common/result.h"

#include <functional>
#include <string>

namespace lungguide {

// Reads an environment variable; tests pass their own so they need not change the process.
using EnvironmentLookup = std::function<const char*(const char*)>;

// The folder for user data, without creating it:
//   the chosen folder (--data-dir, or the path the mobile platform layer supplies), else
//   $LUNGGUIDE_DATA_DIR, else $XDG_DATA_HOME/lungguide, else ~/.local/share/lungguide.
// A relative or empty XDG_DATA_HOME is ignored, as the XDG spec says. Refused, with a
// sentence saying why (Problem::invalid_input), rather than guessed: a LUNGGUIDE_DATA_DIR
// that is set but empty (an unset variable in a script), a relative $HOME (it would put the
// bookmarks under whatever folder the program was started in), and no home folder at all.
Result<std::string> resolve_data_folder(const std::string& chosen_folder,
                                        const EnvironmentLookup& lookup = nullptr);

// Creates the folder and any missing parents, each with owner-only permissions (0700).
// A folder that already exists is left as it is. On failure, a sentence for a person.
Status create_private_directory(const std::string& path);

} // namespace lungguide
