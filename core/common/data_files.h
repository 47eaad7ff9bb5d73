// Where LungGuide's read-only files (the content pack, the fonts) are, for every program.
// Installed: <prefix>/bin/<program> reads <prefix>/share/lungguide/, wherever the prefix is
// (a .deb in /usr, `cmake --install` into /opt or a home folder, a throwaway test root).
// Build tree: build/bin/<program> reads build/bin/.
#pragma once

#include <string>

namespace lungguide {

// The folder holding the running program ("." if the system will not say).
std::string executable_folder();

// The installed copy <exe>/../share/lungguide/<installed_name> when it exists, else the
// build tree's <exe>/<build_tree_name> (returned even when missing, so errors name it).
std::string find_data_path(const std::string& installed_name, const std::string& build_tree_name);

} // namespace lungguide
