#include "bookmarks/user_data_dir.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lungguide {
namespace {

std::string variable(const EnvironmentLookup& lookup, const char* name) {
    const char* value = lookup ? lookup(name) : std::getenv(name);
    return value ? std::string(value) : std::string();
}

std::string home_folder(const EnvironmentLookup& lookup) {
    std::string home = variable(lookup, "HOME");
    if (!home.empty()) return home;
    // No HOME (a service, a stripped environment): ask the password database.
    if (const passwd* entry = getpwuid(getuid())) {
        if (entry->pw_dir) return entry->pw_dir;
    }
    return {};
}

} // namespace

std::string resolve_user_data_dir(const std::string& explicit_dir,
                                  const EnvironmentLookup& lookup) {
    if (!explicit_dir.empty()) return explicit_dir;
    const std::string own = variable(lookup, "LUNGGUIDE_DATA_DIR");
    if (!own.empty()) return own;
    const std::string xdg = variable(lookup, "XDG_DATA_HOME");
    if (!xdg.empty() && xdg.front() == '/') return xdg + "/lungguide";
    const std::string home = home_folder(lookup);
    if (home.empty()) return {};
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
