// The bytes of a bookmarks file as the JSON parser reads them: from memory or streamed from
// a file in small pieces, and measured as they pass. A token (a string, a number) longer
// than any LungGuide file holds ends the input right there, so the parser never holds more
// of it than that bound, whatever the file's shape: one 100 MB note costs kilobytes, not
// the 1.25 GB a whole-file read and a whole-token parse took. A std::streambuf, so that
// nlohmann::json reads it as a stream and the measuring runs once per piece, not per byte.
// Internal to core/bookmarks.
#pragma once

#include <cstddef>
#include <streambuf>
#include <string>

namespace lungguide {

class ImportBytes : public std::streambuf {
  public:
    // The longest string token read, escapes included: a note of note_max_input_bytes
    // written entirely as \u escapes (six bytes each), and a little room.
    static constexpr std::size_t longest_string = 6 * 64 * 1024 + 64;
    // The longest number or word (true, false, null): far more than any needs.
    static constexpr std::size_t longest_word = 256;

    explicit ImportBytes(const std::string& text) : text_(&text) {}
    // Reads from an open file, piece by piece; the caller closes it.
    explicit ImportBytes(int descriptor) : descriptor_(descriptor) {}

    // The input stopped at a token too long to be part of a bookmarks file, and where.
    bool stopped_at_long_token() const { return stopped_; }
    std::size_t stopped_at() const { return stopped_at_; }
    // The file could not be read to its end (an error other than its end).
    bool read_failed() const { return read_failed_; }

  protected:
    int_type underflow() override;

  private:
    // How many of these bytes may pass: all, or up to where a token grew too long.
    std::size_t measure(const char* bytes, std::size_t size);

    const std::string* text_ = nullptr;
    int descriptor_ = -1;
    std::string piece_;
    std::size_t offset_ = 0; // bytes handed over before this piece
    enum class Place { between, in_string, after_backslash } place_ = Place::between;
    std::size_t token_bytes_ = 0;
    bool stopped_ = false;
    std::size_t stopped_at_ = 0;
    bool read_failed_ = false;
};

} // namespace lungguide
