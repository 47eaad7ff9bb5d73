// Checks that authored content says only what the page says, and that its links hold.
//
// Run by the pack builder (a failing check stops the build) and by the tests. This is the
// guard behind "invent no medical fact": every sentence must be found in the page.
#pragma once

#include "content/guide.h"

#include <string>
#include <vector>

namespace lungguide {

// source_text is the page as saved in assets/source. Returns one line per problem.
std::vector<std::string> validate_guide(const Guide& guide, const std::string& source_text);

} // namespace lungguide
