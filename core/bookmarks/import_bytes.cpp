#include "bookmarks/import_bytes.h"

#include <cerrno>
#include <unistd.h>

namespace lungguide {
namespace {
constexpr std::size_t piece_bytes = 64 * 1024;
}

bool ImportBytes::next_piece() {
    if (finished_ || stopped_ || text_) return finished_ = true;
    piece_.resize(piece_bytes);
    for (;;) {
        const ssize_t count = ::read(descriptor_, piece_.data(), piece_.size());
        if (count < 0 && errno == EINTR) continue;
        if (count < 0) read_failed_ = true;
        pieces_before_ += size_;
        data_ = piece_.data();
        size_ = count > 0 ? static_cast<std::size_t>(count) : 0;
        at_ = 0;
        if (count <= 0) finished_ = true;
        return finished_;
    }
}

void ImportBytes::measure_token(char byte) {
    switch (place_) {
    case Place::after_backslash:
        place_ = Place::in_string;
        break;
    case Place::in_string:
        if (byte == '"') {
            place_ = Place::between;
            token_bytes_ = 0;
            return;
        }
        if (byte == '\\') place_ = Place::after_backslash;
        break;
    case Place::between:
        if (byte == '"') {
            place_ = Place::in_string;
            token_bytes_ = 0;
            return;
        }
        break;
    }
    ++token_bytes_;
    const std::size_t longest = place_ == Place::between ? longest_word : longest_string;
    if (token_bytes_ > longest) {
        stopped_ = true;
        stopped_at_ = pieces_before_ + at_;
        size_ = 0; // at_end() from now on
        at_ = 0;
    }
}

} // namespace lungguide
