#include "content/source_corrections.h"

namespace lungguide {

std::string apply_corrections(std::string text, const std::vector<Correction>& corrections) {
    for (const Correction& correction : corrections) {
        if (correction.original.empty()) continue;
        std::size_t position = 0;
        while ((position = text.find(correction.original, position)) != std::string::npos) {
            text.replace(position, correction.original.size(), correction.corrected);
            position += correction.corrected.size();
        }
    }
    return text;
}

} // namespace lungguide
