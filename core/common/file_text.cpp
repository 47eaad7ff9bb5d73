#include "common/file_text.h"

#include <fstream>
#include <sstream>

namespace lungguide {

Result<std::string> read_file_text(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return Status::failure(Problem::not_found, "cannot read " + path);
    std::ostringstream buffer;
    buffer << file.rdbuf();
    return buffer.str();
}

} // namespace lungguide
