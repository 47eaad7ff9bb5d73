// A built font atlas kept on disk, so each text size is rasterised once: later starts at
// that size read the glyphs and the alpha texture back instead of running FreeType.
//
// One file per font, size and glyph set, named by a hash of all three (the font files by
// path, size and time), of ImGui's version and of this format's. A file that is missing,
// short, foreign or damaged is ignored and the atlas is built as before: the cache can
// only make start-up faster, never change what is drawn.
#pragma once

#include "fonts.h"

#include <imgui.h>

#include <string>

namespace lungguide::ui {

// The file an atlas for this request is kept in, or "" when the request has no cache folder.
std::string font_atlas_cache_path(const FontRequest& request);

// Replaces the atlas's fonts and texture with the file's; fonts gets its four fonts.
// False (and the atlas cleared) when the file is not a complete atlas of this format.
bool read_font_atlas(ImFontAtlas& atlas, const std::string& path, FontSet& fonts);

// Writes a built atlas (the four fonts of fonts, in order) beside the path and renames it
// into place, so a reader never sees half a file. Keeps the few most recent atlases.
void write_font_atlas(const ImFontAtlas& atlas, const FontSet& fonts, const std::string& path);

} // namespace lungguide::ui
