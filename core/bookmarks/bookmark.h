// A person's bookmark of a drug class or a drug.
// Plain data, shared by the user store, the CLI and the UI.
#pragma once

#include "common/result.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace lungguide {

// The most bookmarks one store keeps (a caregiver needs dozens). It bounds an export, and so
// the largest file an import must read: any export can be imported again.
constexpr std::size_t bookmarks_max_count = 5000;

struct Bookmark {
    std::int64_t id = 0;  // never reused, so an undo can put a bookmark back as it was
    std::string kind;     // "class" | "drug"
    std::string target;   // a class id ("egfr") or a drug id ("osimertinib")
    std::string person;   // whom it is for, a free label; "" = nobody in particular
    std::string note;     // "" = no note
    std::string created;  // ISO 8601 UTC, e.g. "2024-08-27T10:15:00.123Z"
    std::string updated;  // ISO 8601 UTC
    bool missing = false; // set by mark_missing_targets(): the content pack no longer has it
    // The stored checksum does not match the fields: something on the disk changed them.
    // Shown as read, flagged, never silently corrected.
    bool damaged = false;
};

} // namespace lungguide
