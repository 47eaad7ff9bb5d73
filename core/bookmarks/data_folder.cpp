#include "bookmarks/data_folder.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lungguide {
namespace {

// The variable's value, or nothing when it is not set at all ("" is set, and empty).
std::optional<std::string> variable(const EnvironmentLookup& lookup, const char* name) {
    const char* value = lookup ? lookup(name) : std::getenv(name);
    if (!value) return std::nullopt;
    return std::string(value);
}

Status refused(const std::string& why) {
    return Status::failure(Problem::invalid_input,
                           why + " Give LungGuide a folder for your bookmarks with --data-dir "
                                 "FOLDER or LUNGGUIDE_DATA_DIR.");
}

} // namespace

Result<std::string> resolve_data_folder(const std::string& chosen_folder,
                                        const EnvironmentLookup& lookup) {
    if (!chosen_folder.empty()) return chosen_folder;
    if (const auto own = variable(lookup, "LUNGGUIDE_DATA_DIR")) {
        if (own->empty())
            return refused("LUNGGUIDE_DATA_DIR is set, but empty, so it names no folder (unset "
                           "it to use the usual one).");
        return *own;
    }
    const std::string xdg = variable(lookup, "XDG_DATA_HOME").value_or("");
    if (!xdg.empty() && xdg.front() == '/') return xdg + "/lungguide";
    std::string home = variable(lookup, "HOME").value_or("");
    if (home.empty()) {
        // No HOME (a service, a stripped environment): ask the password database.
        if (const passwd* entry = getpwuid(getuid())) home = entry->pw_dir ? entry->pw_dir : "";
    }
    if (home.empty()) return refused("There is no home folder (HOME is not set).");
    if (home.front() != '/')
        return refused("HOME is \"" + home +
                       "\", which is not a full path from /, so LungGuide would keep your "
                       "bookmarks wherever it happened to be started.");
    return home + "/.local/share/lungguide";
}

Status create_private_directory(const std::string& path) {
    if (path.empty())
        return Status::failure(Problem::invalid_input,
                               "No folder was given for your bookmarks and settings.");
    // Create each missing component in turn, like mkdir -p, with mode 0700.
    std::size_t position = 0;
    while (position != std::string::npos) {
        position = path.find('/', position + 1);
        const std::string part = path.substr(0, position);
        if (part.empty()) continue;
        struct stat info {};
        if (stat(part.c_str(), &info) == 0) {
            if (!S_ISDIR(info.st_mode))
                return Status::failure(Problem::invalid_input, "LungGuide can't use the folder " +
                                                                   path +
                                                                   " for your bookmarks: " + part +
                                                                   " is a file, not a folder.");
            continue;
        }
        if (mkdir(part.c_str(), 0700) != 0 && errno != EEXIST)
            return Status::failure(errno == EROFS || errno == EACCES ? Problem::read_only
                                                                     : Problem::failed,
                                   "LungGuide can't create the folder " + part +
                                       " for your bookmarks (" + std::strerror(errno) + ").");
    }
    return Status::success();
}

} // namespace lungguide
