#include "font_atlas_cache.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace lungguide::ui {

namespace {

constexpr char magic[8] = {'L', 'G', 'A', 'T', 'L', 'A', 'S', '1'};
constexpr std::size_t kept_atlases = 4; // a few text sizes; older files are removed
constexpr int font_count = 4;           // body, bold, heading, title (FontSet's order)
constexpr int uv_lines = IM_DRAWLIST_TEX_LINES_WIDTH_MAX + 1;

struct Hash {
    std::uint64_t value = 1469598103934665603ull; // FNV-1a
    void add(const void* data, std::size_t size) {
        const auto* bytes = static_cast<const unsigned char*>(data);
        for (std::size_t index = 0; index < size; ++index) {
            value ^= bytes[index];
            value *= 1099511628211ull;
        }
    }
    void add(const std::string& text) {
        add(text.data(), text.size());
        add(std::uint64_t{text.size()});
    }
    template <typename Number> void add(Number number) { add(&number, sizeof number); }
};

void add_font_file(Hash& hash, const std::string& path) {
    std::error_code error;
    hash.add(path);
    hash.add(static_cast<std::uint64_t>(std::filesystem::file_size(path, error)));
    hash.add(static_cast<std::int64_t>(
        std::filesystem::last_write_time(path, error).time_since_epoch().count()));
}

class Writer {
  public:
    template <typename Value> void put(const Value& value) { put(&value, sizeof value); }
    void put(const void* data, std::size_t size) {
        const auto* bytes = static_cast<const char*>(data);
        buffer.insert(buffer.end(), bytes, bytes + size);
    }
    std::vector<char> buffer;
};

class Reader {
  public:
    explicit Reader(std::vector<char> bytes) : buffer_(std::move(bytes)) {}
    template <typename Value> bool get(Value& value) { return get(&value, sizeof value); }
    bool get(void* data, std::size_t size) {
        if (size > buffer_.size() - offset_) return false;
        std::memcpy(data, buffer_.data() + offset_, size);
        offset_ += size;
        return true;
    }
    bool at_end() const { return offset_ == buffer_.size(); }

  private:
    std::vector<char> buffer_;
    std::size_t offset_ = 0;
};

// Keeps the most recently written atlases (always the one just written); the rest are sizes
// no longer in use.
void remove_old_atlases(const std::filesystem::path& just_written) {
    const std::filesystem::path folder = just_written.parent_path();
    std::error_code error;
    std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> atlases;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("font-atlas-", 0) == 0 && entry.path().extension() == ".bin" &&
            entry.path() != just_written)
            atlases.emplace_back(entry.last_write_time(error), entry.path());
    }
    if (atlases.size() < kept_atlases) return;
    std::sort(atlases.rbegin(), atlases.rend());
    for (std::size_t index = kept_atlases - 1; index < atlases.size(); ++index)
        std::filesystem::remove(atlases[index].second, error);
}

} // namespace

std::string font_atlas_cache_path(const FontRequest& request) {
    if (request.cache_folder.empty()) return {};
    Hash hash;
    hash.add(magic, sizeof magic);
    hash.add(std::string(IMGUI_VERSION));
    hash.add(std::uint64_t{sizeof(ImFontGlyph)});
    hash.add(std::uint64_t{sizeof(ImWchar)});
    add_font_file(hash, request.regular_path);
    add_font_file(hash, request.bold_path);
    hash.add(request.body_pixels);
    hash.add(request.text_scale);
    hash.add(request.glyph_ranges.data(), request.glyph_ranges.size() * sizeof(ImWchar));
    char name[40];
    std::snprintf(name, sizeof name, "font-atlas-%016llx.bin",
                  static_cast<unsigned long long>(hash.value));
    return (std::filesystem::path(request.cache_folder) / name).string();
}

bool read_font_atlas(ImFontAtlas& atlas, const std::string& path, FontSet& fonts) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return false;
    Reader reader(std::vector<char>(std::istreambuf_iterator<char>(file), {}));

    atlas.Clear();
    auto fail = [&]() {
        atlas.Clear();
        return false;
    };
    char found_magic[sizeof magic];
    int width = 0;
    int height = 0;
    int flags = 0;
    float body_pixels = 0;
    if (!reader.get(found_magic, sizeof found_magic) ||
        std::memcmp(found_magic, magic, sizeof magic) != 0 || !reader.get(width) ||
        !reader.get(height) || !reader.get(flags) || !reader.get(body_pixels) ||
        !reader.get(atlas.TexUvScale) || !reader.get(atlas.TexUvWhitePixel) ||
        !reader.get(atlas.TexUvLines, sizeof(ImVec4) * uv_lines))
        return fail();
    if (width <= 0 || height <= 0 || width > 16384 || height > 16384) return fail();

    ImFont* loaded[font_count] = {};
    for (ImFont*& font : loaded) {
        font = IM_NEW(ImFont);
        atlas.Fonts.push_back(font);
        font->ContainerAtlas = &atlas;
        std::uint32_t glyphs = 0;
        ImWchar fallback = 0;
        ImWchar ellipsis = 0;
        ImWchar dot = 0;
        if (!reader.get(font->FontSize) || !reader.get(font->Ascent) ||
            !reader.get(font->Descent) || !reader.get(fallback) || !reader.get(ellipsis) ||
            !reader.get(dot) || !reader.get(glyphs) || glyphs == 0 || glyphs > 0x10000)
            return fail();
        font->Glyphs.resize(static_cast<int>(glyphs));
        if (!reader.get(font->Glyphs.Data, sizeof(ImFontGlyph) * glyphs)) return fail();
        font->FallbackChar = fallback;
        font->EllipsisChar = ellipsis;
        font->DotChar = dot;
        font->BuildLookupTable();
    }
    const std::size_t pixels = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    auto* alpha = static_cast<unsigned char*>(IM_ALLOC(pixels));
    if (!reader.get(alpha, pixels) || !reader.at_end()) {
        IM_FREE(alpha);
        return fail();
    }
    atlas.TexPixelsAlpha8 = alpha;
    atlas.TexWidth = width;
    atlas.TexHeight = height;
    // The mouse cursor shapes are not kept (nothing draws a software cursor).
    atlas.Flags = flags | ImFontAtlasFlags_NoMouseCursors;
    atlas.TexReady = true;
    fonts.body = loaded[0];
    fonts.bold = loaded[1];
    fonts.heading = loaded[2];
    fonts.title = loaded[3];
    fonts.body_pixels = body_pixels;
    fonts.from_cache = true;
    return true;
}

void write_font_atlas(const ImFontAtlas& atlas, const FontSet& fonts, const std::string& path) {
    const ImFont* ordered[font_count] = {fonts.body, fonts.bold, fonts.heading, fonts.title};
    if (path.empty() || !atlas.TexPixelsAlpha8 || atlas.TexWidth <= 0 || atlas.TexHeight <= 0)
        return;
    Writer writer;
    writer.put(magic, sizeof magic);
    writer.put(atlas.TexWidth);
    writer.put(atlas.TexHeight);
    writer.put(atlas.Flags);
    writer.put(fonts.body_pixels);
    writer.put(atlas.TexUvScale);
    writer.put(atlas.TexUvWhitePixel);
    writer.put(atlas.TexUvLines, sizeof(ImVec4) * uv_lines);
    for (const ImFont* font : ordered) {
        if (!font || font->ContainerAtlas != &atlas || font->Glyphs.Size == 0) return;
        writer.put(font->FontSize);
        writer.put(font->Ascent);
        writer.put(font->Descent);
        writer.put(font->FallbackChar);
        writer.put(font->EllipsisChar);
        writer.put(font->DotChar);
        writer.put(static_cast<std::uint32_t>(font->Glyphs.Size));
        writer.put(font->Glyphs.Data,
                   sizeof(ImFontGlyph) * static_cast<std::size_t>(font->Glyphs.Size));
    }
    writer.put(atlas.TexPixelsAlpha8, static_cast<std::size_t>(atlas.TexWidth) *
                                          static_cast<std::size_t>(atlas.TexHeight));

    const std::string temporary = path + ".writing";
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        file.write(writer.buffer.data(), static_cast<std::streamsize>(writer.buffer.size()));
        if (!file) {
            std::remove(temporary.c_str());
            return;
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        return;
    }
    remove_old_atlases(std::filesystem::path(path));
}

} // namespace lungguide::ui
