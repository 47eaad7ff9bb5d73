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
//   the explicit folder (--data-dir, or the path the mobile platform layer supplies), else
//   $LUNGGUIDE_DATA_DIR, else $XDG_DATA_HOME/lungguide, else ~/.local/share/lungguide.
// Empty variables count as unset; a relative XDG_DATA_HOME is ignored, as the XDG spec says.
// Returns "" only when there is no explicit folder and no home folder can be found.
std::string resolve_user_data_dir(const std::string& explicit_dir,
                                  const EnvironmentLookup& lookup = nullptr);

// Creates the folder and any missing parents, each with owner-only permissions (0700).
// A folder that already exists is left as it is. On failure, a sentence for a person.
Status create_private_directory(const std::string& path);

} // namespace lungguide
