// libFuzzer target: any bytes given as a bookmarks file to import must give bookmarks or a
// clear refusal, never a crash, a hang, undefined behaviour or unbounded memory; and what is
// accepted must clean to a bounded label and survive a JSON round trip.
#include "bookmarks/bookmark_exchange.h"
#include "bookmarks/user_text.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const lungguide::auto file = lungguide::parse_bookmarks_json(text);
    if (!file.ok) {
        if (file.error.empty() || !file.bookmarks.empty()) __builtin_trap();
        for (char character : file.error)
            if (character == '\x1B') __builtin_trap(); // no escape sequence reaches a terminal
        return 0;
    }
    for (const lungguide::Bookmark& bookmark : file.bookmarks) {
        // A cleaned label never keeps a bidi override or an escape.
        const std::string label = lungguide::clean_label(bookmark.person).text;
        if (label.find("\xE2\x80\xAE") != std::string::npos ||
            label.find('\x1B') != std::string::npos)
            __builtin_trap();
        if (lungguide::count_characters(label) > lungguide::label_max_characters) __builtin_trap();
    }
    const lungguide::auto again =
        lungguide::parse_bookmarks_json(lungguide::bookmarks_to_json(file.bookmarks));
    if (!again.ok || again.bookmarks.size() != file.bookmarks.size()) __builtin_trap();
    return 0;
}
