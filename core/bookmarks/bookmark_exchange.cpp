#include "bookmarks/bookmark_exchange.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace lungguide {
namespace {

using nlohmann::json;
// Output keeps the documented key order: id, kind, target, for, note, created, updated.
using ordered = nlohmann::ordered_json;

constexpr std::size_t largest_file_bytes = 16 * 1024 * 1024;
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
    return entry;
}

ordered bookmarks_array(const std::vector<Bookmark>& bookmarks) {
    ordered array = ordered::array();
    for (const Bookmark& bookmark : bookmarks)
        array.push_back(bookmark_to_json(bookmark));
    return array;
}

// "2024-08-27T10:15:00Z" or with fractional seconds: what this app writes.
bool looks_like_utc_time(const std::string& text) {
    const char* pattern = "dddd-dd-ddTdd:dd:dd";
    const std::size_t length = std::strlen(pattern);
    if (text.size() < length + 1 || text.back() != 'Z') return false;
    for (std::size_t index = 0; index < length; ++index) {
        const char want = pattern[index];
        const char have = text[index];
        if (want == 'd' ? !(have >= '0' && have <= '9') : have != want) return false;
    }
    for (std::size_t index = length; index + 1 < text.size(); ++index) {
        const char have = text[index];
        if (!(have == '.' || (have >= '0' && have <= '9'))) return false;
    }
    return true;
}

// Reads an optional string member: absent or null gives "", anything else but a string is
// an error.
bool optional_string(const json& entry, const char* key, std::string& value, std::string& error,
                     const std::string& where) {
    value.clear();
    const auto found = entry.find(key);
    if (found == entry.end() || found->is_null()) return true;
    if (!found->is_string()) {
        error = where + " has a \"" + key + "\" that is not text.";
        return false;
    }
    value = found->get<std::string>();
    return true;
}

} // namespace

std::string bookmarks_to_json(const std::vector<Bookmark>& bookmarks, int indent) {
    return ordered{{"bookmarks", bookmarks_array(bookmarks)}}.dump(
        indent, ' ', false, ordered::error_handler_t::replace);
}

std::string bookmarks_export_json(const std::vector<Bookmark>& bookmarks,
                                  const std::string& exported_at) {
    ordered file = {{"format", file_format},
                    {"version", bookmark_file_version},
                    {"exported", exported_at},
                    {"bookmarks", bookmarks_array(bookmarks)}};
    return file.dump(2, ' ', false, ordered::error_handler_t::replace) + "\n";
}

BookmarkFile parse_bookmarks_json(const std::string& text) {
    BookmarkFile result;
    json document;
    try {
        document = json::parse(text);
    } catch (const json::parse_error& error) {
        result.error = "This is not a bookmarks file: it is not valid JSON (the problem is "
                       "near byte " +
                       std::to_string(error.byte) + ").";
        return result;
    }
    if (!document.is_object() || !document.contains("bookmarks") ||
        !document["bookmarks"].is_array()) {
        result.error = "This is not a bookmarks file: it has no \"bookmarks\" list.";
        return result;
    }
    if (document.contains("format") && document["format"] != file_format) {
        result.error = "This is not a LungGuide bookmarks file (its format is not \"" +
                       std::string(file_format) + "\").";
        return result;
    }
    if (document.contains("version")) {
        const json& version = document["version"];
        if (!version.is_number_integer() || version.get<long long>() < 1) {
            result.error = "This bookmarks file has an unreadable version number.";
            return result;
        }
        if (version.get<long long>() > bookmark_file_version) {
            result.error = "This bookmarks file was made by a newer version of LungGuide. "
                           "Update LungGuide to import it.";
            return result;
        }
    }
    std::vector<Bookmark> bookmarks;
    std::size_t number = 0;
    for (const json& entry : document["bookmarks"]) {
        ++number;
        const std::string where = "Bookmark " + std::to_string(number) + " in the file";
        if (!entry.is_object()) {
            result.error = where + " is not a bookmark.";
            return result;
        }
        Bookmark bookmark;
        if (!optional_string(entry, "kind", bookmark.kind, result.error, where) ||
            !optional_string(entry, "target", bookmark.target, result.error, where) ||
            !optional_string(entry, "for", bookmark.person, result.error, where) ||
            !optional_string(entry, "note", bookmark.note, result.error, where) ||
            !optional_string(entry, "created", bookmark.created, result.error, where) ||
            !optional_string(entry, "updated", bookmark.updated, result.error, where))
            return result;
        if (bookmark.kind != "class" && bookmark.kind != "drug") {
            result.error = where + " is of an unknown kind (it must be \"class\" or \"drug\").";
            return result;
        }
        if (bookmark.target.empty()) {
            result.error = where + " has no target.";
            return result;
        }
        for (const std::string* time : {&bookmark.created, &bookmark.updated})
            if (!time->empty() && !looks_like_utc_time(*time)) {
                result.error = where + " has a time that is not a date (\"" + *time + "\").";
                return result;
            }
        bookmarks.push_back(std::move(bookmark));
    }
    result.ok = true;
    result.bookmarks = std::move(bookmarks);
    return result;
}

BookmarkFile read_bookmarks_file(const std::string& path) {
    BookmarkFile result;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        result.error = "LungGuide can't open " + path + " (" + std::strerror(errno) + ").";
        return result;
    }
    std::ostringstream content;
    content << in.rdbuf();
    const std::string text = content.str();
    if (text.size() > largest_file_bytes) {
        result.error = path + " is too large to be a bookmarks file.";
        return result;
    }
    return parse_bookmarks_json(text);
}

StoreStatus write_file_atomically(const std::string& path, const std::string& content) {
    const auto failed = [&](const std::string& why) {
        return StoreStatus{false, "LungGuide could not write " + path + " (" + why + ").",
                           errno == ENOSPC ? StoreProblem::disk_full : StoreProblem::failed};
    };
    const std::size_t slash = path.rfind('/');
    const std::string folder = slash == std::string::npos ? "." : path.substr(0, slash + 1);
    std::string temporary = path + ".tmp-XXXXXX";
    const int descriptor = mkstemp(temporary.data());
    if (descriptor < 0) return failed(std::strerror(errno));
    // mkstemp creates the file with mode 0600.
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t count =
            ::write(descriptor, content.data() + written, content.size() - written);
        if (count < 0 && errno == EINTR) continue;
        if (count <= 0) break;
        written += static_cast<std::size_t>(count);
    }
    const bool complete = written == content.size() && fsync(descriptor) == 0;
    const int saved_errno = errno;
    ::close(descriptor);
    if (!complete || std::rename(temporary.c_str(), path.c_str()) != 0) {
        const int error = complete ? errno : saved_errno;
        ::unlink(temporary.c_str()); // our own half-written temporary file, never the target
        errno = error;
        return failed(std::strerror(error));
    }
    // The rename itself must reach the disk before the file counts as written.
    const int folder_descriptor = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder_descriptor >= 0) {
        fsync(folder_descriptor);
        ::close(folder_descriptor);
    }
    return {};
}

} // namespace lungguide
