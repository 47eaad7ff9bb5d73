// The guide's corrections of obvious slips in the page, applied to the page's text.
#pragma once

#include "content/guide.h"

#include <string>
#include <vector>

namespace lungguide {

// Applies every correction, in order, to every place it occurs. Order matters where one
// correction builds on another (the brand "Tagresso" is fixed before its missing space).
std::string apply_corrections(std::string text, const std::vector<Correction>& corrections);

} // namespace lungguide
