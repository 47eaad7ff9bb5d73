// What the user store says about faults (damage, a folder that can't be written, a full
// device), shared by its files. Internal to core/bookmarks.
#pragma once

#include "bookmarks/user_store.h"

#include <string>

namespace lungguide::user_store_faults {

extern const char* const nothing_lost; // "Everything saved before is still there."

// SQLITE_CORRUPT or SQLITE_NOTADB, whatever the extended code.
bool is_damage(int sqlite_code);
// The file system holding folder has no room left for us.
bool device_is_full(const std::string& folder);
// Why changes can't be saved, as the end of a sentence: "the folder … is read-only".
std::string reason_text(ReadOnlyReason reason, const std::string& folder);

} // namespace lungguide::user_store_faults
