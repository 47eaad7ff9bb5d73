#include "diary/diary_links.h"

#include "bookmarks/bookmark_targets.h"
#include "common/sha256.h"
#include "common/sqlite_statement.h"
#include "content/content_pack.h"
#include "search/search.h"

#include <algorithm>
#include <map>

namespace lungguide {
namespace {

// Bumped when the way links are made changes, so every entry is linked again.
constexpr const char* links_version = "diary-links-1";

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

} // namespace

std::string content_pack_identity(const ContentPack& pack) {
    Sha256 hash;
    hash.add_field(links_version);
    hash.add_field(pack.digest());
    hash.add_field(pack.guide().content_version); // a pack without a digest (tests, old builds)
    return hash.finish_hex().substr(0, 32);
}

std::string DiaryLinker::key(const std::vector<Bookmark>& bookmarks) const {
    std::string key = pack_identity_ + ":";
    for (const std::string& id : bookmarked_class_ids(guide_, bookmarks))
        key += id + ",";
    return key;
}

DiaryLinks DiaryLinker::link(const std::string& words,
                             const std::vector<Bookmark>& bookmarks) const {
    DiaryLinks links;
    links.key = key(bookmarks);
    SearchOptions options;
    options.limit = 400; // every class's item of every complaint named
    const SearchResponse response = index_.search(words, options);
    links.not_listed = response.not_listed;
    std::vector<DiaryLink> found;
    for (const SearchResult& result : response.results) {
        // Only what the answer is sure of: a side effect matching all the words (or a whole
        // complaint among them), never one that merely shares a word.
        if (result.kind != SearchResultKind::side_effect || !result.full_match ||
            result.class_ids.empty())
            continue;
        DiaryLink link;
        link.side_effect_id =
            result.anchor.rfind("se=", 0) == 0 ? result.anchor.substr(3) : result.anchor;
        link.title = result.title;
        link.class_id = result.class_ids.front();
        link.severity = result.severity;
        const bool seen = std::any_of(found.begin(), found.end(), [&](const DiaryLink& other) {
            return other.class_id == link.class_id && other.side_effect_id == link.side_effect_id;
        });
        if (!seen) found.push_back(std::move(link));
    }
    // The person's classes first, each part in the answer's own order.
    const std::vector<std::string> mine = bookmarked_class_ids(guide_, bookmarks);
    std::stable_partition(found.begin(), found.end(),
                          [&](const DiaryLink& link) { return contains(mine, link.class_id); });
    links.side_effects = std::move(found);
    return links;
}

std::vector<DiaryEntry>
DiaryLinker::entries_with_current_links(UserStore& store,
                                        const std::optional<std::string>& person) const {
    SymptomDiary diary(store);
    std::vector<DiaryEntry> entries = diary.entries(person);
    std::map<std::string, std::vector<Bookmark>> bookmarks_of; // by person as stored
    std::vector<const DiaryEntry*> changed;
    for (DiaryEntry& entry : entries) {
        auto found = bookmarks_of.find(entry.person);
        if (found == bookmarks_of.end())
            found = bookmarks_of.emplace(entry.person, store.bookmarks(entry.person)).first;
        if (entry.links.key == key(found->second)) continue;
        entry.links = link(entry.text, found->second);
        if (!entry.damaged) changed.push_back(&entry);
    }
    if (changed.empty() || store.read_only()) return entries;
    // One transaction for them all: a new pack relinks a long diary with one write.
    sqlite::Transaction transaction(store.connection());
    if (transaction.begin_result() != SQLITE_OK) return entries;
    for (const DiaryEntry* entry : changed)
        if (!diary.set_links(entry->id, entry->links).ok()) return entries; // shown anyway
    static_cast<void>(transaction.commit()); // derived data: made again next time if lost
    return entries;
}

} // namespace lungguide
