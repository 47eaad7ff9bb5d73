// Whole-file reads and writes, with an error a person can act on.
#pragma once

#include "common/result.h"

#include <string>

namespace lungguide {

// The file's bytes; on failure, "cannot read PATH" (Problem::not_found).
Result<std::string> read_file_text(const std::string& path);

} // namespace lungguide
