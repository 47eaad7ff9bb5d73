#include "semantics.h"

#include <cmath>

namespace lungguide::ui {

namespace {

constexpr std::uint64_t fnv_offset = 1469598103934665603ull;
constexpr std::uint64_t fnv_prime = 1099511628211ull;

void mix(std::uint64_t& hash, const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (std::size_t index = 0; index < size; ++index)
        hash = (hash ^ bytes[index]) * fnv_prime;
}

void mix(std::uint64_t& hash, const std::string& text) {
    const std::uint64_t size = text.size();
    mix(hash, &size, sizeof size);
    mix(hash, text.data(), text.size());
}

// Places to the half pixel: a sub-pixel wobble of layout is no change worth mirroring.
void mix(std::uint64_t& hash, float value) {
    const long rounded = std::lround(value * 2.0f);
    mix(hash, &rounded, sizeof rounded);
}

std::uint64_t hash_of(const SemanticNode& node) {
    std::uint64_t hash = fnv_offset;
    const unsigned char flags[] = {static_cast<unsigned char>(node.role), node.level,
                                   static_cast<unsigned char>(node.box), node.selected,
                                   node.focused};
    mix(hash, flags, sizeof flags);
    mix(hash, node.text);
    mix(hash, node.detail);
    mix(hash, node.value);
    mix(hash, &node.id, sizeof node.id);
    mix(hash, &node.region, sizeof node.region);
    for (float coordinate : {node.min.x, node.min.y, node.max.x, node.max.y})
        mix(hash, coordinate);
    for (const SemanticLink& link : node.links)
        mix(hash, &link, sizeof link);
    const EditorLook& editor = node.editor;
    for (float value : {editor.font_size, editor.padding.x, editor.padding.y, editor.rounding})
        mix(hash, value);
    mix(hash, &editor.text, sizeof editor.text);
    mix(hash, &editor.background, sizeof editor.background);
    return hash;
}

} // namespace

const char* semantic_role_name(SemanticRole role) {
    switch (role) {
    case SemanticRole::heading:
        return "heading";
    case SemanticRole::paragraph:
        return "paragraph";
    case SemanticRole::list_item:
        return "list_item";
    case SemanticRole::button:
        return "button";
    case SemanticRole::link:
        return "link";
    case SemanticRole::text_box:
        return "text_box";
    }
    return "paragraph";
}

void Semantics::begin_frame() {
    nodes_.clear();
    regions_.clear();
    seen_.clear();
    current_region_ = 0;
}

void Semantics::end_frame() {
    std::uint64_t content = fnv_offset;
    for (const SemanticNode& node : nodes_) {
        const std::uint64_t node_hash = hash_of(node);
        mix(content, &node_hash, sizeof node_hash);
    }
    std::uint64_t layout = fnv_offset;
    for (const SemanticRegion& region : regions_) {
        mix(layout, &region.id, sizeof region.id);
        for (float value :
             {region.min.x, region.min.y, region.max.x, region.max.y, region.scroll_y})
            mix(layout, value);
        mix(layout, region.dialog);
        mix(layout, &region.live, sizeof region.live);
    }
    if (content != content_hash_) ++content_version_;
    if (layout != layout_hash_) ++layout_version_;
    content_hash_ = content;
    layout_hash_ = layout;
    // A request for a node no longer drawn (a page left meanwhile) is dropped, so it keeps
    // no frames coming.
    if (requests_.empty()) {
        frames_unclaimed_ = 0;
    } else if (++frames_unclaimed_ > 3) {
        requests_.clear();
        frames_unclaimed_ = 0;
    }
}

std::uint32_t Semantics::unique_id(std::uint32_t base) {
    const int count = seen_[base]++;
    if (count == 0) return base;
    std::uint64_t hash = fnv_offset;
    mix(hash, &base, sizeof base);
    mix(hash, &count, sizeof count);
    return static_cast<std::uint32_t>(hash ^ (hash >> 32));
}

void Semantics::enter_region(const SemanticRegion& region) {
    current_region_ = region.id;
    for (SemanticRegion& known : regions_)
        if (known.id == region.id) return;
    regions_.push_back(region);
}

SemanticRequest Semantics::add(SemanticNode node) {
    node.region = current_region_;
    SemanticRequest request;
    const auto found = requests_.find(node.id);
    if (found != requests_.end()) {
        request = found->second;
        requests_.erase(found);
    }
    nodes_.push_back(std::move(node));
    return request;
}

bool Semantics::take_activation(std::uint32_t id) {
    const auto found = requests_.find(id);
    if (found == requests_.end()) return false;
    const bool activate = found->second.activate;
    requests_.erase(found);
    return activate;
}

void Semantics::mark_live() {
    for (SemanticRegion& region : regions_)
        if (region.id == current_region_) region.live = true;
}

const SemanticNode* Semantics::find(std::uint32_t id) const {
    for (const SemanticNode& node : nodes_)
        if (node.id == id) return &node;
    return nullptr;
}

} // namespace lungguide::ui
