#include "user_store_access.h"

#include "bookmarks/bookmark_targets.h"
#include "bookmarks/data_folder.h"
#include "content/content_pack.h"
#include "diary/diary_links.h"
#include "search/search.h"

#include <algorithm>
#include <cstdio>

namespace lungguide::cli {

std::unique_ptr<UserStore> open_user_store(CliContext& context) {
    const Result<std::string> folder = resolve_data_folder(context.data_folder);
    if (!folder.ok()) {
        std::fprintf(stderr, "lungguide-cli: %s\n", folder.message_for_person().c_str());
        context.exit_code = exit_code_for(folder.problem());
        return nullptr;
    }
    Result<std::unique_ptr<UserStore>> opened = UserStore::open(folder.value());
    if (!opened.message_for_person().empty())
        std::fprintf(stderr, "lungguide-cli: %s\n", opened.message_for_person().c_str());
    if (!opened.ok()) {
        context.exit_code = exit_failure;
        return nullptr;
    }
    return std::move(opened.value());
}

const ContentPack* pack_if_available(CliContext& context) {
    const int exit_code_before = context.exit_code;
    const ContentPack* pack = context.pack();
    if (!pack) {
        std::fprintf(stderr, "lungguide-cli: Showing bookmarks by id only, without the guide.\n");
        context.exit_code = exit_code_before;
    }
    return pack;
}

std::optional<SummaryContents> summary_contents(CliContext& context, const ContentPack& pack,
                                                const std::string& person, bool person_given) {
    auto store = open_user_store(context);
    if (!store) return std::nullopt;
    SummaryContents contents;
    contents.bookmarks = store->bookmarks(person);
    if (!store->last_read_status().ok()) {
        report_failure(context, store->last_read_status());
        return std::nullopt;
    }
    const SearchIndex index(pack);
    const DiaryLinker linker(index, pack.guide(), content_pack_identity(pack));
    contents.diary = linker.entries_with_current_links(*store, person);
    if (!store->last_read_status().ok()) {
        report_failure(context, store->last_read_status());
        return std::nullopt;
    }
    if (!contents.bookmarks.empty() || !contents.diary.empty()) {
        contents.person = contents.bookmarks.empty() ? contents.diary.front().person
                                                     : contents.bookmarks.front().person;
        return contents;
    }
    std::vector<std::string> people = store->people();
    for (const std::string& name : SymptomDiary(*store).people())
        if (std::find(people.begin(), people.end(), name) == people.end()) people.push_back(name);
    if (person_given)
        std::fprintf(stderr, "lungguide-cli: There are no bookmarks or diary entries for %s.",
                     person.c_str());
    else
        std::fprintf(stderr, "lungguide-cli: There are no bookmarks or diary entries that are "
                             "not for someone in particular.");
    std::string listed;
    for (const std::string& name : people)
        listed += (listed.empty() ? "" : ", ") + name;
    if (!listed.empty())
        std::fprintf(stderr, " Bookmarks and diaries are kept for: %s. Choose one with --for NAME.",
                     listed.c_str());
    std::fprintf(stderr, "\n");
    context.exit_code = exit_bad_request;
    return std::nullopt;
}

void report_failure(CliContext& context, const Status& status) {
    std::fprintf(stderr, "lungguide-cli: %s\n", status.message_for_person.c_str());
    context.exit_code = exit_code_for(status.problem);
}

std::optional<std::vector<std::string>>
bookmarked_classes_for_search(CliContext& context, const Guide& guide,
                              const std::optional<std::string>& person) {
    std::unique_ptr<UserStore> store = open_user_store(context);
    if (!store) return std::nullopt;
    const std::vector<Bookmark> bookmarks = store->bookmarks(person);
    if (!store->last_read_status().ok()) {
        report_failure(context, store->last_read_status());
        return std::nullopt;
    }
    return bookmarked_class_ids(guide, bookmarks);
}

bool limit_search_to_bookmarks(CliContext& context, const Guide& guide,
                               const std::optional<std::string>& person,
                               std::vector<std::string>& only_class_ids) {
    const auto bookmarked = bookmarked_classes_for_search(context, guide, person);
    if (!bookmarked) return false;
    const std::string whose =
        person ? (person->empty() ? " not for anyone in particular" : " for " + *person) : "";
    if (bookmarked->empty()) {
        const std::string for_option = person && !person->empty() ? " --for " + *person : "";
        std::fprintf(stderr,
                     "lungguide-cli: --mine searches the drug classes you bookmarked, and there "
                     "are no bookmarks%s yet. Add one with: lungguide-cli bookmarks add drug "
                     "osimertinib%s\n",
                     whose.c_str(), for_option.c_str());
        context.exit_code = exit_bad_request;
        return false;
    }
    if (only_class_ids.empty()) {
        only_class_ids = *bookmarked;
        return true;
    }
    std::vector<std::string> both;
    for (const std::string& id : only_class_ids)
        if (std::find(bookmarked->begin(), bookmarked->end(), id) != bookmarked->end())
            both.push_back(id);
    if (both.empty()) {
        std::fprintf(stderr,
                     "lungguide-cli: None of the classes in --only-classes is among "
                     "those bookmarked%s.\n",
                     whose.c_str());
        context.exit_code = exit_bad_request;
        return false;
    }
    only_class_ids = both;
    return true;
}

} // namespace lungguide::cli
