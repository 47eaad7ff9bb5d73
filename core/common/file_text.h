// Whole-file reads and writes, with an error a person can act on.
#pragma once

#include <string>

namespace lungguide {

// Returns false and fills error when the file cannot be read.
bool read_file_text(const std::string& path, std::string& text, std::string& error);

} // namespace lungguide
