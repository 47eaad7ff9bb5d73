// Damaged stores kept aside in the data folder, and what was recovered from each, for
// Settings and for the notice that stays until the person has seen it.
#include "bookmarks/store_files.h"
#include "bookmarks/store_salvage.h"
#include "bookmarks/user_store.h"
#include "common/sqlite_statement.h"

#include <algorithm>
#include <dirent.h>
#include <map>

namespace lungguide {

using sqlite::Statement;

namespace {

// "recovered=118;known=120;…" → {"recovered": "118", …}
std::map<std::string, std::string> record_fields(const std::string& record) {
    std::map<std::string, std::string> fields;
    std::size_t start = 0;
    while (start < record.size()) {
        std::size_t end = record.find(';', start);
        if (end == std::string::npos) end = record.size();
        const std::string field = record.substr(start, end - start);
        const std::size_t equals = field.find('=');
        if (equals != std::string::npos) fields[field.substr(0, equals)] = field.substr(equals + 1);
        start = end + 1;
    }
    return fields;
}

std::optional<std::size_t> count_field(const std::map<std::string, std::string>& fields,
                                       const char* name) {
    const auto found = fields.find(name);
    if (found == fields.end() || found->second.empty() || found->second.size() > 9 ||
        !std::all_of(found->second.begin(), found->second.end(), ::isdigit))
        return std::nullopt;
    return static_cast<std::size_t>(std::stoul(found->second));
}

// "27 August 2024, 10:15 UTC" from "lungguide-user.damaged-20240827T101500Z[-2].sqlite".
std::string kept_at_from_name(const std::string& name) {
    const std::size_t at = std::string(store_files::damaged_name_prefix).size();
    const std::string stamp = name.substr(at, 16);
    static const char* const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    if (stamp.size() != 16 || stamp[8] != 'T' || stamp[15] != 'Z') return {};
    const int month = std::atoi(stamp.substr(4, 2).c_str());
    if (month < 1 || month > 12) return {};
    return std::to_string(std::atoi(stamp.substr(6, 2).c_str())) + " " + months[month - 1] + " " +
           stamp.substr(0, 4) + ", " + stamp.substr(9, 2) + ":" + stamp.substr(11, 2) + " UTC";
}

bool is_kept_aside_name(const std::string& name) {
    const std::string prefix = store_files::damaged_name_prefix;
    return name.size() > prefix.size() + 7 && name.compare(0, prefix.size(), prefix) == 0 &&
           name.compare(name.size() - 7, 7, ".sqlite") == 0;
}

// "118 of 120 bookmarks", "all 40 diary entries", "1 of 1 bookmark".
std::string counted(std::size_t recovered, std::size_t known, bool say_all, const char* one,
                    const char* many) {
    const std::string noun = known == 1 ? one : many;
    if (say_all && recovered == known) return "all " + std::to_string(known) + " " + noun;
    return std::to_string(recovered) + " of " + std::to_string(known) + " " + noun;
}

std::string lost(std::size_t count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

} // namespace

std::string RecoveredCounts::phrase(bool say_all) const {
    const std::string bookmarks = counted(recovered, known, say_all, "bookmark", "bookmarks");
    if (diary_known == 0) return bookmarks;
    const std::string diary =
        counted(diary_recovered, diary_known, say_all, "diary entry", "diary entries");
    return known == 0 ? diary : bookmarks + " and " + diary;
}

std::string RecoveredCounts::lost_phrase() const {
    const std::size_t bookmarks_lost = known - recovered,
                      diary_lost = diary_known - diary_recovered;
    if (diary_known == 0) return bookmarks_lost == 0 ? "" : std::to_string(bookmarks_lost);
    std::string phrase = bookmarks_lost == 0 ? "" : lost(bookmarks_lost, "bookmark", "bookmarks");
    if (diary_lost > 0)
        phrase +=
            (phrase.empty() ? "" : " and ") + lost(diary_lost, "diary entry", "diary entries");
    return phrase;
}

std::optional<RecoveredCounts> KeptAsideFile::counts() const {
    if (!recovered || !known) return std::nullopt;
    return RecoveredCounts{*recovered, *known, diary_recovered, diary_known};
}

std::vector<KeptAsideFile> UserStore::kept_aside_files() const {
    std::map<std::string, std::string> records;
    {
        Statement select(database_,
                         "SELECT key, value FROM settings WHERE key LIKE 'kept\\_aside/%' "
                         "ESCAPE '\\'");
        while (select.step() == SQLITE_ROW)
            records[select.text(0).substr(std::string(kept_aside_key_prefix).size())] =
                select.text(1);
    }
    std::vector<KeptAsideFile> files;
    if (DIR* directory = opendir(real_folder_.c_str())) {
        while (const dirent* entry = readdir(directory)) {
            const std::string name = entry->d_name;
            if (!is_kept_aside_name(name)) continue;
            KeptAsideFile file;
            file.name = name;
            file.kept_at = kept_at_from_name(name);
            if (const auto record = records.find(name); record != records.end()) {
                const auto fields = record_fields(record->second);
                file.recovered = count_field(fields, "recovered");
                file.known = count_field(fields, "known");
                file.diary_recovered = count_field(fields, "diary_recovered").value_or(0);
                file.diary_known = count_field(fields, "diary_known").value_or(0);
                file.notice_pending = fields.count("notice") && fields.at("notice") == "pending";
            }
            files.push_back(std::move(file));
        }
        closedir(directory);
    }
    // The stamp in the name sorts by time: the newest first.
    std::sort(files.begin(), files.end(), [](const KeptAsideFile& one, const KeptAsideFile& other) {
        return one.name > other.name;
    });
    return files;
}

Status UserStore::dismiss_salvage_notices() {
    for (const KeptAsideFile& file : kept_aside_files()) {
        if (!file.notice_pending) continue;
        const std::string key = kept_aside_key_prefix + file.name;
        std::string record = setting(key, "");
        const std::size_t at = record.find("notice=pending");
        if (at == std::string::npos) continue;
        record.replace(at, std::string("notice=pending").size(), "notice=seen");
        if (Status saved = set_setting(key, record); !saved.ok()) return saved;
    }
    return Status::success();
}

} // namespace lungguide
