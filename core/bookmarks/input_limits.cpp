#include "bookmarks/input_limits.h"

#include "bookmarks/user_text.h"

#include <cstring>

namespace lungguide {
namespace {

// 70 KB, 100 MB: a size as a person reads it.
std::string size_in_words(std::size_t bytes) {
    if (bytes >= 10 * 1024 * 1024) return std::to_string(bytes / (1024 * 1024)) + " MB";
    return std::to_string((bytes + 1023) / 1024) + " KB";
}

// 4,000: with a thousands separator, as the rest of the messages write numbers.
std::string with_separator(std::size_t number) {
    std::string digits = std::to_string(number);
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(static_cast<std::size_t>(at), ",");
    return digits;
}

} // namespace

std::string limit_sentence(const char* what) {
    const bool note = std::strcmp(what, "note") == 0;
    return std::string("a ") + what + " holds at most " +
           with_separator(note ? note_max_characters : label_max_characters) +
           " characters, and LungGuide refuses more than " +
           size_in_words(note ? note_max_input_bytes : label_max_input_bytes) +
           " of text for one rather than shorten it";
}

std::string too_long_reason(const char* what, std::size_t bytes) {
    return std::string("the ") + what + " is " + size_in_words(bytes) +
           " long: " + limit_sentence(what);
}

} // namespace lungguide
