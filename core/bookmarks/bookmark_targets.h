// What a bookmark points at in the content pack: checking typed ids, names for display,
// and bookmarks whose class or drug a newer pack no longer has.
#pragma once

#include "bookmarks/bookmark.h"
#include "content/guide.h"

#include <string>
#include <vector>

namespace lungguide {

// Finds a class ("class") or a drug ("drug") by id. Case, surrounding spaces and spaces in
// place of hyphens are forgiven ("Fam-trastuzumab deruxtecan-nxki"); anything else is not
// found (Problem::not_found, or invalid_input for a kind that is neither), and the message
// suggests the nearest ids, a brand's drug, or the other kind. On success, the pack's id.
Result<std::string> find_bookmark_target(const Guide& guide, const std::string& kind,
                                         const std::string& typed);

// Sets Bookmark::missing for each bookmark whose class or drug the guide does not have.
// Such bookmarks are kept and shown, never dropped: a later pack may have them again.
void mark_missing_targets(const Guide& guide, std::vector<Bookmark>& bookmarks);

// "EGFR inhibitors", "Osimertinib (Tagrisso)"; the bare id when the guide lacks it.
std::string bookmark_target_name(const Guide& guide, const Bookmark& bookmark);

// The classes a set of bookmarks is about, in page order: each bookmarked class, and every
// class of each bookmarked drug (Drug::all_class_ids). For "search --mine".
std::vector<std::string> bookmarked_class_ids(const Guide& guide,
                                              const std::vector<Bookmark>& bookmarks);

} // namespace lungguide
