#include "semantics_mirror.h"

#include "common/utf8.h"

#include <emscripten.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace lungguide::platform {

namespace {

using nlohmann::json;

// UTF-8 byte offset -> UTF-16 code unit offset, as the page's strings count.
std::uint32_t utf16_offset(const std::string& text, std::uint32_t byte_offset) {
    std::size_t position = 0;
    std::uint32_t units = 0;
    while (position < text.size() && position < byte_offset) {
        const char32_t code_point = decode_utf8_code_point(text, position);
        units += code_point >= 0x10000 ? 2 : 1;
    }
    return units;
}

float css(float pixels, float ratio) {
    return std::round(pixels / ratio * 10.0f) / 10.0f;
}

// "#rrggbb" or "rgba(r,g,b,a)" from ImGui's packed colour.
std::string css_colour(ImU32 colour) {
    char text[48];
    std::snprintf(text, sizeof text, "rgba(%u,%u,%u,%.3f)", colour & 0xFF, (colour >> 8) & 0xFF,
                  (colour >> 16) & 0xFF, ((colour >> 24) & 0xFF) / 255.0);
    return text;
}

json node_json(const ui::SemanticNode& node, float ratio) {
    json links = json::array();
    for (const ui::SemanticLink& link : node.links)
        links.push_back(
            {utf16_offset(node.text, link.begin), utf16_offset(node.text, link.end), link.id});
    return {{"id", node.id},
            {"region", node.region},
            {"role", ui::semantic_role_name(node.role)},
            {"text", node.text},
            {"detail", node.detail},
            {"value", node.value},
            {"level", node.level},
            {"box", node.box == ui::TextBoxKind::search      ? "search"
                    : node.box == ui::TextBoxKind::multiline ? "multiline"
                                                             : "line"},
            {"selected", node.selected},
            {"focused", node.focused},
            {"x0", css(node.min.x, ratio)},
            {"y0", css(node.min.y, ratio)},
            {"x1", css(node.max.x, ratio)},
            {"y1", css(node.max.y, ratio)},
            {"links", links},
            {"editor", node.role != ui::SemanticRole::text_box
                           ? json(nullptr)
                           : json{{"font", css(node.editor.font_size, ratio)},
                                  {"padx", css(node.editor.padding.x, ratio)},
                                  {"pady", css(node.editor.padding.y, ratio)},
                                  {"rounding", css(node.editor.rounding, ratio)},
                                  {"colour", css_colour(node.editor.text)},
                                  {"background", css_colour(node.editor.background)}}}};
}

// Worth telling the page: anything but a move of a pixel or two (ImGui rounds positions
// above a window's top edge differently as it scrolls).
bool changed(const ui::SemanticNode& a, const ui::SemanticNode& b, float ratio) {
    const float slack = 3.0f * ratio;
    if (std::fabs(a.min.x - b.min.x) > slack || std::fabs(a.min.y - b.min.y) > slack ||
        std::fabs(a.max.x - b.max.x) > slack || std::fabs(a.max.y - b.max.y) > slack)
        return true;
    if (a.links.size() != b.links.size()) return true;
    for (std::size_t index = 0; index < a.links.size(); ++index)
        if (a.links[index].begin != b.links[index].begin ||
            a.links[index].end != b.links[index].end || a.links[index].id != b.links[index].id)
            return true;
    if (a.editor.font_size != b.editor.font_size || a.editor.text != b.editor.text ||
        a.editor.background != b.editor.background)
        return true;
    return a.role != b.role || a.text != b.text || a.detail != b.detail || a.value != b.value ||
           a.region != b.region || a.level != b.level || a.box != b.box ||
           a.selected != b.selected || a.focused != b.focused;
}

bool same_ids(const std::vector<ui::SemanticNode>& a, const std::vector<ui::SemanticNode>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t index = 0; index < a.size(); ++index)
        if (a[index].id != b[index].id || a[index].region != b[index].region) return false;
    return true;
}

} // namespace

std::string semantic_regions_json(const ui::Semantics& semantics, float ratio, float em) {
    json regions = json::array();
    for (const ui::SemanticRegion& region : semantics.regions())
        regions.push_back({{"id", region.id},
                           {"x0", css(region.min.x, ratio)},
                           {"y0", css(region.min.y, ratio)},
                           {"x1", css(region.max.x, ratio)},
                           {"y1", css(region.max.y, ratio)},
                           {"scroll", css(region.scroll_y, ratio)},
                           {"dialog", region.dialog},
                           {"live", region.live}});
    return json{{"em", css(em, ratio)}, {"regions", regions}}.dump();
}

void SemanticsMirror::after_frame(const ui::Semantics& semantics, float ratio, float em) {
    if (ratio != ratio_ || em != em_) reset();
    ratio_ = ratio;
    em_ = em;
    if (semantics.layout_version() != layout_version_) {
        layout_version_ = semantics.layout_version();
        const std::string regions = semantic_regions_json(semantics, ratio, em);
        EM_ASM({ Module.lungguideSemanticRegions(UTF8ToString($0)); }, regions.c_str());
    }
    if (semantics.content_version() == content_version_) return;
    content_version_ = semantics.content_version();
    const std::vector<ui::SemanticNode>& nodes = semantics.nodes();
    const bool whole = !same_ids(nodes, sent_);
    json changes = json::array();
    for (std::size_t index = 0; index < nodes.size(); ++index) {
        if (!whole && !changed(nodes[index], sent_[index], ratio)) continue;
        changes.push_back(node_json(nodes[index], ratio));
        if (!whole) sent_[index] = nodes[index];
    }
    if (whole) sent_ = nodes;
    if (!whole && changes.empty()) return;
    const std::string text = changes.dump(-1, ' ', false, json::error_handler_t::replace);
    EM_ASM({ Module.lungguideSemanticNodes(UTF8ToString($0), $1); }, text.c_str(), whole ? 1 : 0);
}

} // namespace lungguide::platform
