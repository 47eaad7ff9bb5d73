#include "bookmarks/import_bytes.h"

#include <algorithm>
#include <cerrno>
#include <unistd.h>

namespace lungguide {
namespace {

constexpr std::size_t piece_bytes = 64 * 1024;

bool is_separator(char byte) {
    return byte == ' ' || byte == '\n' || byte == '\r' || byte == '\t' || byte == '{' ||
           byte == '}' || byte == '[' || byte == ']' || byte == ',' || byte == ':';
}

} // namespace

ImportBytes::int_type ImportBytes::underflow() {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (egptr()) offset_ += static_cast<std::size_t>(egptr() - eback());
    if (stopped_) return traits_type::eof();
    const char* start = nullptr;
    std::size_t size = 0;
    if (text_) {
        start = text_->data() + offset_;
        size = std::min(piece_bytes, text_->size() - offset_);
    } else {
        piece_.resize(piece_bytes);
        ssize_t count = 0;
        do {
            count = ::read(descriptor_, piece_.data(), piece_.size());
        } while (count < 0 && errno == EINTR);
        if (count < 0) read_failed_ = true;
        start = piece_.data();
        size = count > 0 ? static_cast<std::size_t>(count) : 0;
    }
    size = measure(start, size);
    if (size == 0) return traits_type::eof();
    char* begin = const_cast<char*>(start); // read only: the stream never writes back
    setg(begin, begin, begin + size);
    return traits_type::to_int_type(*gptr());
}

std::size_t ImportBytes::measure(const char* bytes, std::size_t size) {
    for (std::size_t at = 0; at < size; ++at) {
        const char byte = bytes[at];
        switch (place_) {
        case Place::after_backslash:
            place_ = Place::in_string;
            ++token_bytes_;
            break;
        case Place::in_string:
            if (byte == '"') {
                place_ = Place::between;
                token_bytes_ = 0;
                continue;
            }
            if (byte == '\\') place_ = Place::after_backslash;
            ++token_bytes_;
            break;
        case Place::between:
            if (byte == '"') place_ = Place::in_string;
            if (byte == '"' || is_separator(byte)) {
                token_bytes_ = 0;
                continue;
            }
            ++token_bytes_;
            break;
        }
        if (token_bytes_ > (place_ == Place::between ? longest_word : longest_string)) {
            stopped_ = true;
            stopped_at_ = offset_ + at;
            return at; // the parser meets the end of the input here
        }
    }
    return size;
}

} // namespace lungguide
