// libFuzzer target: any bytes given as a bookmarks file to import must give bookmarks and
// diary entries or a clear refusal, never a crash, a hang, undefined behaviour or unbounded
// memory; and what is accepted must clean to a bounded label and survive a JSON round trip.
#include "bookmarks/bookmark_exchange.h"
#include "bookmarks/user_text.h"

#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto file = lungguide::parse_export_json(text);
    if (!file.ok()) {
        if (file.message_for_person().empty() || file.problem() == lungguide::Problem::none)
            __builtin_trap();
        for (char character : file.message_for_person())
            if (character == '\x1B') __builtin_trap(); // no escape sequence reaches a terminal
        return 0;
    }
    const std::vector<lungguide::Bookmark>& bookmarks = file.value().bookmarks;
    const std::vector<lungguide::DiaryEntry>& diary = file.value().diary;
    for (const lungguide::DiaryEntry& entry : diary) // every accepted entry has words and a day
        if (entry.text.empty() || !lungguide::is_diary_date(entry.date)) __builtin_trap();
    for (const lungguide::Bookmark& bookmark : bookmarks) {
        // A cleaned label never keeps a bidi override or an escape.
        const std::string label = lungguide::clean_label(bookmark.person).text;
        if (label.find("\xE2\x80\xAE") != std::string::npos ||
            label.find('\x1B') != std::string::npos)
            __builtin_trap();
        if (lungguide::count_characters(label) > lungguide::label_max_characters) __builtin_trap();
    }
    const auto again = lungguide::parse_export_json(
        lungguide::bookmarks_export_json(bookmarks, "2024-09-01T00:00:00Z", diary));
    if (!again.ok() || again.value().bookmarks.size() != bookmarks.size() ||
        again.value().diary.size() != diary.size())
        __builtin_trap();
    return 0;
}
