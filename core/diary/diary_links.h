// What the page says about the words in a person's symptom diary: the same search answer as
// the search screen (search/search.h), kept to the side effects that answer is sure of (full
// matches, never look-alikes), the classes bookmarked for that person first, and the
// complaints it says the page does not list.
//
// This is the one part of the diary that needs search, so it is a concept of its own:
// diary → bookmarks, search → content → common (tools/checks/layering).
#pragma once

#include "bookmarks/bookmark.h"
#include "bookmarks/symptom_diary.h"

#include <optional>
#include <string>
#include <vector>

namespace lungguide {

class ContentPack;
class SearchIndex;
struct Guide;

// What makes every diary link stale when it changes: a digest of the pack's content (the
// digest its builder recorded) and the version of the way links are made.
std::string content_pack_identity(const ContentPack& pack);

class DiaryLinker {
  public:
    DiaryLinker(const SearchIndex& index, const Guide& guide, std::string pack_identity)
        : index_(index), guide_(guide), pack_identity_(std::move(pack_identity)) {}

    // The key of links made now for a person with these bookmarks: the pack, and the
    // classes bookmarked (which come first).
    std::string key(const std::vector<Bookmark>& bookmarks) const;
    // The words' links now, for a person with these bookmarks.
    DiaryLinks link(const std::string& words, const std::vector<Bookmark>& bookmarks) const;
    // The entries (all, or one person's), each with links made now where its own were made
    // with another pack or other bookmarks. The new links are also saved, in one
    // transaction, unless the store can't be written (they are derived: shown either way).
    // The words are never touched.
    std::vector<DiaryEntry>
    entries_with_current_links(UserStore& store,
                               const std::optional<std::string>& person = std::nullopt) const;

  private:
    const SearchIndex& index_;
    const Guide& guide_;
    std::string pack_identity_;
};

} // namespace lungguide
