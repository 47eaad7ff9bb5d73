// The app's semantics tree (ui/semantics.h) mirrored into the page's accessible DOM
// (site/semantics.js): after each drawn frame whose tree changed, the nodes that changed
// go to the page as JSON, in CSS pixels; a scroll sends only the regions. An idle tab
// draws no frame and so sends nothing. The page sends actions back through main.cpp's
// exports (activate, show, focus and leave a text box, its editor's text).
#pragma once

#include "semantics.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lungguide::platform {

class SemanticsMirror {
  public:
    // After a frame: sends what changed since the last call. `ratio`: framebuffer pixels
    // per CSS pixel; `em`: the body text's size in framebuffer pixels.
    void after_frame(const ui::Semantics& semantics, float ratio, float em);
    // Everything again at the next frame.
    void reset() {
        sent_.clear();
        content_version_ = ~0ull;
        layout_version_ = ~0ull;
    }

  private:
    std::vector<ui::SemanticNode> sent_;
    std::uint64_t content_version_ = ~0ull;
    std::uint64_t layout_version_ = ~0ull;
    float ratio_ = 0.0f;
    float em_ = 0.0f;
};

// The JSON the page reads (exposed for the tests' hooks).
std::string semantic_regions_json(const ui::Semantics& semantics, float ratio, float em);

} // namespace lungguide::platform
