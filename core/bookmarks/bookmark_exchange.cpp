#include "bookmarks/bookmark_exchange.h"

#include "bookmarks/import_bytes.h"
#include "bookmarks/input_limits.h"
#include "bookmarks/user_text.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <istream>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <unistd.h>

namespace lungguide {
namespace {

using nlohmann::json;
// Output keeps the documented key order: id, kind, target, for, note, created, updated.
using ordered = nlohmann::ordered_json;

constexpr const char* file_format = "lungguide-bookmarks";

ordered bookmark_to_json(const Bookmark& bookmark) {
    ordered entry = {{"id", bookmark.id},
                     {"kind", bookmark.kind},
                     {"target", bookmark.target},
                     {"for", bookmark.person.empty() ? ordered(nullptr) : ordered(bookmark.person)},
                     {"note", bookmark.note.empty() ? ordered(nullptr) : ordered(bookmark.note)},
                     {"created", bookmark.created},
                     {"updated", bookmark.updated}};
    if (bookmark.missing) entry["missing"] = true;
    if (bookmark.damaged) entry["damaged"] = true;
    return entry;
}

ordered bookmarks_array(const std::vector<Bookmark>& bookmarks) {
    ordered array = ordered::array();
    for (const Bookmark& bookmark : bookmarks)
        array.push_back(bookmark_to_json(bookmark));
    return array;
}

// Two digits at text[at], or -1.
int two_digits(const std::string& text, std::size_t at) {
    const auto digit = [&](std::size_t index) {
        return text[index] >= '0' && text[index] <= '9' ? text[index] - '0' : -1;
    };
    if (digit(at) < 0 || digit(at + 1) < 0) return -1;
    return digit(at) * 10 + digit(at + 1);
}

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// Every nesting deeper than this is refused: the format needs three (file, list, bookmark),
// and a bound keeps a file of a million "[" from taking memory or stack.
constexpr int deepest_nesting = 8;

// Reads the file as it streams past (SAX), so only the bookmarks and diary entries themselves
// are kept, and stops at the first problem.
class BookmarkFileReader : public json::json_sax_t {
  public:
    ExportFile file;
    std::string error; // the first problem, for a person
    bool has_list = false;
    bool list_is_array = false;
    std::string format;
    bool format_given = false;
    bool format_is_text = true;
    json version;

    bool null() override { return value(json(nullptr)); }
    bool boolean(bool flag) override { return value(json(flag)); }
    bool number_integer(number_integer_t number) override { return value(json(number)); }
    bool number_unsigned(number_unsigned_t number) override { return value(json(number)); }
    bool number_float(number_float_t number, const string_t&) override {
        return value(json(number));
    }
    // Copied, not moved: the parser keeps reusing its buffer, and the copy is sized exactly
    // (a moved buffer carries up to twice its text in spare capacity).
    bool string(string_t& text) override { return value(json(text)); }
    bool binary(binary_t&) override { return value(json()); }

    bool start_object(std::size_t) override {
        if (!enter()) return false;
        if (depth_ == 3 && in_list()) {
            ++number_;
            if (number_ > (in_diary() ? diary_entries_max_count : bookmarks_max_count))
                return fail(in_diary() ? "The file holds more than " +
                                             std::to_string(diary_entries_max_count) +
                                             " diary entries, the most LungGuide keeps."
                                       : "The file holds more than " +
                                             std::to_string(bookmarks_max_count) +
                                             " bookmarks, the most LungGuide keeps.");
            current_ = Bookmark{};
            entry_ = DiaryEntry{};
        } else if (depth_ == 2 && key_ == "bookmarks") {
            has_list = true; // an object, not a list: refused at the end
        } else if (depth_ == 2 && key_ == "diary") {
            diary_not_a_list_ = true;
        } else if (depth_ == 1) {
            root_is_object_ = true;
        }
        return true;
    }
    bool end_object() override {
        if (depth_ == 3 && in_list() && !(in_diary() ? finish_entry() : finish_bookmark()))
            return false;
        --depth_;
        return true;
    }
    bool start_array(std::size_t) override {
        if (!enter()) return false;
        if (depth_ == 2 && (key_ == "bookmarks" || key_ == "diary")) {
            (key_ == "bookmarks" ? list_is_array : diary_is_array_) = true;
            has_list = has_list || key_ == "bookmarks";
            number_ = 0;
        }
        return true;
    }
    bool end_array() override {
        --depth_;
        return true;
    }
    bool key(string_t& name) override {
        if (depth_ == 1) key_ = name;
        if (depth_ == 3) field_ = name;
        return true;
    }
    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception&) override {
        if (error.empty())
            error = "This is not a bookmarks file: it is not valid JSON (the problem is "
                    "near byte " +
                    std::to_string(position) + ").";
        return false;
    }
    bool diary_not_a_list() const { return diary_not_a_list_ && !diary_is_array_; }

    // When the input stopped at a token too long for any bookmarks file, whatever the
    // parser made of the cut-off end.
    void stopped_at_long_token(const ImportBytes& input) {
        error = (number_ > 0 && depth_ >= 3 ? where() + " holds" : "The file holds") +
                " a text far longer than any bookmarks file has (over " +
                std::to_string(ImportBytes::longest_string / 1024) + " KB, near byte " +
                std::to_string(input.stopped_at()) + "): " + limit_sentence("note") + ".";
    }

  private:
    int depth_ = 0;
    bool root_is_object_ = false;
    bool diary_is_array_ = false;
    bool diary_not_a_list_ = false;
    std::string key_;   // the current key of the top-level object
    std::string field_; // the current key of a bookmark or diary entry
    std::size_t number_ = 0;
    Bookmark current_;
    DiaryEntry entry_;
    std::string severity_;

    bool in_diary() const { return key_ == "diary"; }
    bool in_list() const {
        return root_is_object_ &&
               ((key_ == "bookmarks" && list_is_array) || (key_ == "diary" && diary_is_array_));
    }
    std::string where() const {
        return (in_diary() ? "Diary entry " : "Bookmark ") + std::to_string(number_) +
               " in the file";
    }

    bool fail(const std::string& problem) {
        error = problem;
        return false;
    }
    bool enter() {
        if (++depth_ > deepest_nesting)
            return fail("This is not a bookmarks file: it is nested far deeper than one.");
        return true;
    }

    bool value(json&& item) {
        if (depth_ == 1 && root_is_object_) {
            if (key_ == "format") {
                format_given = true;
                format_is_text = item.is_string();
                if (item.is_string()) format = item.get<std::string>();
            } else if (key_ == "version") {
                version = std::move(item);
            } else if (key_ == "bookmarks") {
                has_list = true; // a plain value, not a list: refused at the end
            } else if (key_ == "diary" && !item.is_null()) {
                diary_not_a_list_ = true;
            }
            return true;
        }
        if (depth_ == 2 && in_list()) {
            ++number_;
            return fail(where() + (in_diary() ? " is not a diary entry." : " is not a bookmark."));
        }
        if (depth_ == 3 && in_list()) return in_diary() ? diary_field(item) : field(item);
        return true;
    }

    // Sets *target from a text or null field; anything else is refused.
    bool text_field(json& item, std::string* target) {
        if (!target) return true; // id, missing, damaged, links and unknown keys are ignored
        if (item.is_null()) {
            target->clear();
            return true;
        }
        if (!item.is_string()) return fail(where() + " has a \"" + field_ + "\" that is not text.");
        std::string& text = item.get_ref<std::string&>();
        if (!within_limits(text)) return false;
        *target = std::move(text);
        return true;
    }

    // Refuses a note or label far longer than one can be, before it is kept or cleaned.
    bool within_limits(const std::string& text) {
        if (field_ == "note" && text.size() > note_max_input_bytes)
            return fail(where() + " can't be imported: " + too_long_reason("note", text.size()) +
                        ".");
        if ((field_ == "for" || field_ == "target") && text.size() > label_max_input_bytes)
            return fail(where() + " can't be imported: " +
                        too_long_reason(field_ == "for" ? "name" : "id", text.size()) + ".");
        return true;
    }

    bool field(json& item) {
        std::string* target = nullptr;
        if (field_ == "kind") target = &current_.kind;
        if (field_ == "target") target = &current_.target;
        if (field_ == "for") target = &current_.person;
        if (field_ == "note") target = &current_.note;
        if (field_ == "created") target = &current_.created;
        if (field_ == "updated") target = &current_.updated;
        return text_field(item, target);
    }

    bool diary_field(json& item) {
        std::string* target = nullptr;
        if (field_ == "for") target = &entry_.person;
        if (field_ == "date") target = &entry_.date;
        if (field_ == "text") target = &entry_.text;
        if (field_ == "severity") target = &severity_;
        if (field_ == "note") target = &entry_.note;
        if (field_ == "created") target = &entry_.created;
        if (field_ == "updated") target = &entry_.updated;
        return text_field(item, target);
    }

    bool times_are_real(const std::string& created, const std::string& updated) {
        for (const std::string* time : {&created, &updated})
            if (!time->empty() && !is_utc_timestamp(*time))
                return fail(where() + " has a time that is not a date (\"" +
                            printable_excerpt(*time, 40) + "\").");
        return true;
    }

    bool finish_bookmark() {
        if (current_.kind != "class" && current_.kind != "drug")
            return fail(where() + " is of an unknown kind (it must be \"class\" or \"drug\").");
        if (current_.target.empty()) return fail(where() + " has no target.");
        if (!times_are_real(current_.created, current_.updated)) return false;
        file.bookmarks.push_back(std::move(current_));
        current_ = Bookmark{};
        return true;
    }

    bool finish_entry() {
        if (entry_.text.empty()) return fail(where() + " has no words (\"text\").");
        if (!is_diary_date(entry_.date))
            return fail(where() + " has a \"date\" that is not a day (\"" +
                        printable_excerpt(entry_.date, 40) + "\").");
        if (!parse_diary_severity(severity_, entry_.severity))
            return fail(where() + " has a \"severity\" other than mild, moderate or severe.");
        if (!times_are_real(entry_.created, entry_.updated)) return false;
        file.diary.push_back(std::move(entry_));
        entry_ = DiaryEntry{};
        severity_.clear();
        return true;
    }
};

// The checks that need the whole file: what it is, and its version.
void check_whole_file(BookmarkFileReader& reader) {
    std::string& error = reader.error;
    if (!reader.has_list || !reader.list_is_array) {
        error = "This is not a bookmarks file: it has no \"bookmarks\" list.";
    } else if (reader.diary_not_a_list()) {
        error = "This bookmarks file's \"diary\" is not a list of entries.";
    } else if (reader.format_given && (!reader.format_is_text || reader.format != file_format)) {
        error = "This is not a LungGuide bookmarks file (its format is not \"" +
                std::string(file_format) + "\").";
    } else if (!reader.version.is_null()) {
        if (!reader.version.is_number_integer() || reader.version.get<long long>() < 1)
            error = "This bookmarks file has an unreadable version number.";
        else if (reader.version.get<long long>() > bookmark_file_version)
            error = "This bookmarks file was made by a newer version of LungGuide. "
                    "Update LungGuide to import it.";
    }
}

ordered entry_to_json(const DiaryEntry& entry) {
    const auto text_or_null = [](const std::string& text) {
        return text.empty() ? ordered(nullptr) : ordered(text);
    };
    ordered item = {{"id", entry.id},
                    {"for", text_or_null(entry.person)},
                    {"date", entry.date},
                    {"text", entry.text},
                    {"severity", text_or_null(diary_severity_id(entry.severity))},
                    {"note", text_or_null(entry.note)},
                    {"created", entry.created},
                    {"updated", entry.updated}};
    if (entry.damaged) item["damaged"] = true;
    return item;
}

} // namespace

std::string bookmarks_to_json(const std::vector<Bookmark>& bookmarks, int indent) {
    return ordered{{"bookmarks", bookmarks_array(bookmarks)}}.dump(
        indent, ' ', false, ordered::error_handler_t::replace);
}

std::string diary_to_json(const std::vector<DiaryEntry>& entries, int indent) {
    ordered array = ordered::array();
    for (const DiaryEntry& entry : entries) {
        ordered item = entry_to_json(entry);
        item["listed"] = entry.links.listed();
        ordered side_effects = ordered::array();
        for (const DiaryLink& link : entry.links.side_effects)
            side_effects.push_back({{"id", link.side_effect_id},
                                    {"title", link.title},
                                    {"class_id", link.class_id},
                                    {"severity", severity_id(link.severity)}});
        item["side_effects"] = std::move(side_effects);
        item["not_listed"] = entry.links.not_listed;
        array.push_back(std::move(item));
    }
    return ordered{{"entries", std::move(array)}}.dump(indent, ' ', false,
                                                       ordered::error_handler_t::replace);
}

std::string bookmarks_export_json(const std::vector<Bookmark>& bookmarks,
                                  const std::string& exported_at,
                                  const std::vector<DiaryEntry>& diary) {
    ordered entries = ordered::array();
    for (const DiaryEntry& entry : diary)
        entries.push_back(entry_to_json(entry));
    ordered file = {{"format", file_format},
                    {"version", bookmark_file_version},
                    {"exported", exported_at},
                    {"bookmarks", bookmarks_array(bookmarks)},
                    {"diary", std::move(entries)}};
    return file.dump(2, ' ', false, ordered::error_handler_t::replace) + "\n";
}

bool is_utc_timestamp(const std::string& text) {
    // "YYYY-MM-DDTHH:MM:SS", an optional fraction of 1 to 9 digits, then "Z".
    if (text.size() < 20 || text.size() > 30 || text.back() != 'Z') return false;
    if (text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        return false;
    const int century = two_digits(text, 0), year_in_century = two_digits(text, 2);
    const int month = two_digits(text, 5), day = two_digits(text, 8);
    const int hour = two_digits(text, 11), minute = two_digits(text, 14),
              second = two_digits(text, 17);
    if (century < 0 || year_in_century < 0) return false;
    const int year = century * 100 + year_in_century;
    static const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1970 || month < 1 || month > 12 || day < 1) return false;
    if (day > month_days[month - 1] + (month == 2 && is_leap_year(year) ? 1 : 0)) return false;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
        return false;
    if (text.size() == 20) return true;
    if (text[19] != '.' || text.size() == 21) return false;
    for (std::size_t index = 20; index + 1 < text.size(); ++index)
        if (text[index] < '0' || text[index] > '9') return false;
    return true;
}

namespace {

Result<ExportFile> parse_export(ImportBytes& input) {
    BookmarkFileReader reader;
    bool parsed = false;
    try {
        std::istream stream(&input);
        parsed = json::sax_parse(stream, &reader);
    } catch (const std::exception&) { // out of memory, mostly: bounded input makes it rare
        return Status::failure(Problem::failed, "This bookmarks file could not be read "
                                                "(LungGuide ran out of memory).");
    }
    if (input.read_failed())
        return Status::failure(Problem::failed, "This bookmarks file could not be read to its "
                                                "end (" +
                                                    std::string(std::strerror(errno)) + ").");
    if (input.stopped_at_long_token()) reader.stopped_at_long_token(input);
    if (parsed && reader.error.empty()) check_whole_file(reader);
    if (!parsed && reader.error.empty()) reader.error = "This is not a bookmarks file.";
    if (!reader.error.empty()) return Status::failure(Problem::invalid_input, reader.error);
    return std::move(reader.file);
}

} // namespace

Result<ExportFile> parse_export_json(const std::string& text) {
    ImportBytes input(text);
    return parse_export(input);
}

Result<std::vector<Bookmark>> parse_bookmarks_json(const std::string& text) {
    Result<ExportFile> file = parse_export_json(text);
    if (!file.ok()) return file.status();
    return std::move(file.value().bookmarks);
}

Result<std::vector<Bookmark>> read_bookmarks_file(const std::string& path) {
    Result<ExportFile> file = read_export_file(path);
    if (!file.ok()) return file.status();
    return std::move(file.value().bookmarks);
}

Result<ExportFile> read_export_file(const std::string& path) {
    // O_NONBLOCK: a FIFO must be refused, not waited on.
    const int descriptor = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (descriptor < 0)
        return Status::failure(errno == ENOENT ? Problem::not_found : Problem::failed,
                               "LungGuide can't open " + path + " (" + std::strerror(errno) + ").");
    struct stat info {};
    if (fstat(descriptor, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(descriptor);
        return Status::failure(Problem::invalid_input,
                               path + " is not a file LungGuide can import (it is a folder, a "
                                      "device or a pipe).");
    }
    // Checked before reading: the largest export a full store makes, and not a byte more.
    if (static_cast<std::uint64_t>(info.st_size) > largest_bookmarks_file_bytes) {
        ::close(descriptor);
        return Status::failure(
            Problem::invalid_input,
            path + " is too large to be a bookmarks file (" +
                std::to_string(info.st_size / (1024 * 1024)) + " MB; an export of " +
                std::to_string(bookmarks_max_count) + " bookmarks is at most " +
                std::to_string(largest_bookmarks_file_bytes / (1024 * 1024)) + " MB).");
    }
    // Streamed in small pieces, never read whole: memory follows what is kept, not the file.
    ImportBytes input(descriptor);
    Result<ExportFile> file = parse_export(input);
    ::close(descriptor);
    return file;
}

namespace {

bool write_all(int descriptor, const std::string& content) {
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t count =
            ::write(descriptor, content.data() + written, content.size() - written);
        if (count < 0 && errno == EINTR) continue;
        if (count <= 0) return false;
        written += static_cast<std::size_t>(count);
    }
    return true;
}

// Gives an unnamed (O_TMPFILE) file a name in its folder; "" on failure.
std::string link_unnamed_file(int descriptor, const std::string& path) {
    const std::string proc_path = "/proc/self/fd/" + std::to_string(descriptor);
    for (int attempt = 0; attempt < 100; ++attempt) {
        const std::string name =
            path + ".tmp-" + std::to_string(getpid()) + "-" + std::to_string(attempt);
        if (linkat(AT_FDCWD, proc_path.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0)
            return name;
        if (errno != EEXIST) return {};
    }
    return {};
}

// True for the names this file's writes give their temporary files: "<name>.tmp-" then
// six letters and digits (mkstemp), or "<pid>-<n>" (a linked O_TMPFILE).
bool is_our_temporary_name(const std::string& name, const std::string& prefix) {
    if (name.compare(0, prefix.size(), prefix) != 0) return false;
    const std::string rest = name.substr(prefix.size());
    if (rest.empty() || rest.size() > 24) return false;
    const bool random = rest.size() == 6 && std::all_of(rest.begin(), rest.end(), [](char c) {
                            return std::isalnum(static_cast<unsigned char>(c)) != 0;
                        });
    const std::size_t dash = rest.find('-');
    const auto digits = [](const std::string& part) {
        return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c)) != 0;
        });
    };
    const bool linked =
        dash != std::string::npos && digits(rest.substr(0, dash)) && digits(rest.substr(dash + 1));
    return random || linked;
}

// A write killed before its rename (kill -9, power cut) may have left a temporary file
// holding notes beside the target. The next write to the same target removes such files:
// only those with our temporary names, regular, ours and private (0600), never a link.
void remove_stale_temporaries(const std::string& folder, const std::string& path) {
    const std::size_t slash = path.rfind('/');
    const std::string prefix =
        (slash == std::string::npos ? path : path.substr(slash + 1)) + ".tmp-";
    DIR* directory = opendir(folder.c_str());
    if (!directory) return;
    while (const dirent* entry = readdir(directory)) {
        const std::string name = entry->d_name;
        if (!is_our_temporary_name(name, prefix)) continue;
        const std::string candidate = folder + (folder.back() == '/' ? "" : "/") + name;
        struct stat info {};
        if (lstat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
            info.st_uid == geteuid() && (info.st_mode & 0777) == 0600)
            ::unlink(candidate.c_str());
    }
    closedir(directory);
}

} // namespace

Status write_file_atomically(const std::string& path, const std::string& content) {
    const auto failed = [&](int error) {
        const bool full = error == ENOSPC || error == EDQUOT;
        const bool read_only = error == EROFS || error == EACCES || error == EPERM;
        const std::string why = full        ? "the device is full"
                                : read_only ? "the folder is read-only"
                                            : std::strerror(error);
        return Status::failure(full        ? Problem::disk_full
                               : read_only ? Problem::read_only
                                           : Problem::failed,
                               "LungGuide could not write " + path + " (" + why + ").");
    };
    const std::size_t slash = path.rfind('/');
    const std::string folder = slash == std::string::npos ? "." : path.substr(0, slash + 1);
    remove_stale_temporaries(folder, path);
    // Notes are private health information, so the file is 0600 and written unnamed
    // (O_TMPFILE) where the system allows: a killed export then leaves nothing behind. It
    // gets a name only once whole and on the disk.
    std::string temporary;
    int descriptor = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    const bool unnamed = descriptor >= 0;
    if (!unnamed) {
        temporary = path + ".tmp-XXXXXX";
        descriptor = mkstemp(temporary.data()); // mode 0600
        if (descriptor < 0) return failed(errno);
    }
    const auto give_up = [&](int error) {
        ::close(descriptor);
        if (!temporary.empty()) ::unlink(temporary.c_str()); // our own file, never the target
        return failed(error);
    };
    if (!write_all(descriptor, content) || fsync(descriptor) != 0) return give_up(errno);
    if (unnamed) {
        temporary = link_unnamed_file(descriptor, path);
        if (temporary.empty()) return give_up(errno);
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) return give_up(errno);
    ::close(descriptor);
    // The rename itself must reach the disk before the file counts as written.
    const int folder_descriptor = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder_descriptor >= 0) {
        fsync(folder_descriptor);
        ::close(folder_descriptor);
    }
    return {};
}

} // namespace lungguide
