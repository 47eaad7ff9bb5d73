#include "common/letter_case.h"

namespace lungguide {

std::string capitalize_first_letter(std::string_view text) {
    std::string result(text);
    if (!result.empty() && result[0] >= 'a' && result[0] <= 'z') {
        result[0] = static_cast<char>(result[0] - 'a' + 'A');
    }
    return result;
}

std::string lower_ascii(std::string text) {
    for (char& character : text)
        character = lower_ascii_char(character);
    return text;
}

} // namespace lungguide
