#include "common/data_files.h"

#include <filesystem>
#include <system_error>

namespace lungguide {

std::string executable_folder() {
    std::error_code error;
    const std::filesystem::path path = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::string(".") : path.parent_path().string();
}

std::string find_data_path(const std::string& installed_name, const std::string& build_tree_name) {
    const std::string folder = executable_folder();
    const std::string installed = folder + "/../share/lungguide/" + installed_name;
    std::error_code error;
    if (std::filesystem::exists(installed, error))
        return std::filesystem::path(installed).lexically_normal().string();
    return folder + "/" + build_tree_name;
}

} // namespace lungguide
