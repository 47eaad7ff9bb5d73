// The bytes of a bookmarks file as the JSON parser reads them: from memory or streamed from
// a file in small pieces, and measured as they pass. A token (a string, a number) longer
// than any LungGuide file holds ends the input right there, so the parser never holds more
// of it than that bound, whatever the file's shape: one 100 MB note costs kilobytes, not
// the 1.25 GB a whole-file read and a whole-token parse took. Internal to core/bookmarks.
#pragma once

#include <cstddef>
#include <iterator>
#include <string>

namespace lungguide {

class ImportBytes {
  public:
    // The longest string token read, escapes included: a note of note_max_input_bytes
    // written entirely as \u escapes (six bytes each), and a little room.
    static constexpr std::size_t longest_string = 6 * 64 * 1024 + 64;
    // The longest number or word (true, false, null): far more than any needs.
    static constexpr std::size_t longest_word = 256;

    explicit ImportBytes(const std::string& text)
        : text_(&text), data_(text.data()), size_(text.size()) {}
    // Reads from an open file, piece by piece; the caller closes it.
    explicit ImportBytes(int descriptor) : descriptor_(descriptor) {}

    // An input iterator over the bytes (value_type char), as nlohmann::json::sax_parse takes.
    class Iterator {
      public:
        using iterator_category = std::input_iterator_tag;
        using value_type = char;
        using difference_type = std::ptrdiff_t;
        using pointer = const char*;
        using reference = const char&;

        Iterator() = default;
        explicit Iterator(ImportBytes* bytes) : bytes_(bytes) {}
        const char& operator*() const { return bytes_->current(); }
        Iterator& operator++() {
            bytes_->advance();
            return *this;
        }
        bool operator==(const Iterator& other) const { return at_end() == other.at_end(); }
        bool operator!=(const Iterator& other) const { return !(*this == other); }

      private:
        bool at_end() const { return !bytes_ || bytes_->at_end(); }
        ImportBytes* bytes_ = nullptr;
    };
    Iterator begin() { return Iterator(this); }
    Iterator end() { return Iterator(); }

    // The input stopped at a token too long to be part of a bookmarks file, and where.
    bool stopped_at_long_token() const { return stopped_; }
    std::size_t stopped_at() const { return stopped_at_; }
    // The file could not be read to its end (an error other than its end).
    bool read_failed() const { return read_failed_; }

  private:
    // The hot path (every byte of the file) stays inline; refilling does not.
    bool at_end() { return at_ < size_ ? false : next_piece(); }
    const char& current() const { return data_[at_]; }
    void advance() {
        measure(data_[at_]);
        ++at_;
    }
    void measure(char byte) {
        if (place_ == Place::between && byte != '"' && is_separator(byte)) {
            token_bytes_ = 0;
            return;
        }
        measure_token(byte);
    }
    static bool is_separator(char byte) {
        return byte == ' ' || byte == '\n' || byte == '\r' || byte == '\t' || byte == '{' ||
               byte == '}' || byte == '[' || byte == ']' || byte == ',' || byte == ':';
    }
    void measure_token(char byte);
    // True at the end: the text's, the file's, or a token's that was too long.
    bool next_piece();

    const std::string* text_ = nullptr;
    int descriptor_ = -1;
    std::string piece_;
    const char* data_ = nullptr; // the text, or the piece of the file read last
    std::size_t size_ = 0;
    std::size_t at_ = 0;
    std::size_t pieces_before_ = 0; // bytes of the file in pieces already read
    std::size_t stopped_at_ = 0;
    enum class Place { between, in_string, after_backslash } place_ = Place::between;
    std::size_t token_bytes_ = 0;
    bool stopped_ = false;
    bool read_failed_ = false;
    bool finished_ = false;
};

} // namespace lungguide
