// What a frame drew, as meaning: the tree that assistive technology reads (as Flutter web's
// semantics tree). Each drawn frame the widgets (widgets.h) record one node for each heading,
// paragraph, list item, button, link and text box they draw: its role, its words, where it
// is, its state, and the id its action is asked for by. App owns the one Semantics and
// widgets reach it through the Look, as they do the test record.
//
// The platform mirrors the tree and sends actions back: platform/web keeps an accessible
// DOM (ARIA roles, real inputs) in step with it; a desktop host could feed AT-SPI from it
// (docs/app.md). ui/ knows neither. Recording is off until a host turns it on, so a host
// that reads nothing pays nothing.
//
// Index
//   SemanticRole, SemanticNode, SemanticLink   a node and the links in its words
//   SemanticRegion                             a window that clips and scrolls its nodes
//   Semantics                                  the last frame's tree, versions, requests
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace lungguide::ui {

enum class SemanticRole : std::uint8_t { heading, paragraph, list_item, button, link, text_box };
const char* semantic_role_name(SemanticRole role); // "heading", "paragraph", … "text_box"

enum class TextBoxKind : std::uint8_t { line, search, multiline };

// A link within a node's words (a glossary term in a paragraph): bytes [begin, end).
struct SemanticLink {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::uint32_t id = 0;
};

// How a text box is drawn, so a platform's own editor can sit over it looking the same.
struct EditorLook {
    float font_size = 0.0f; // pixels
    ImVec2 padding;         // inside the box, pixels
    float rounding = 0.0f;
    ImU32 text = 0; // colours, as ImGui packs them (RGBA, A in the high byte)
    ImU32 background = 0;
};

struct SemanticNode {
    SemanticRole role = SemanticRole::paragraph;
    std::string text;     // the words; a button's label; a text box's name
    std::string detail;   // a button's second line (a tile's drugs); a text box's hint
    std::string value;    // what a text box holds
    std::uint32_t id = 0; // the same from frame to frame; what an action names
    std::uint32_t region = 0;
    ImVec2 min;             // in the region's content, in framebuffer pixels: scrolling does
    ImVec2 max;             // not move a node, only its region's scroll
    std::uint8_t level = 0; // headings: 1 the page's title, 2 a section, 3 within a section
    TextBoxKind box = TextBoxKind::line;
    bool selected = false; // the chosen option, the current place
    bool focused = false;  // a text box that has the keyboard
    std::vector<SemanticLink> links;
    EditorLook editor; // text boxes only
};

// A window that clips what is in it and may scroll: the top bar, the page, the drawer, a
// dialog. Its nodes follow in reading order.
struct SemanticRegion {
    std::uint32_t id = 0;
    ImVec2 min; // the visible part, on the screen (framebuffer pixels)
    ImVec2 max;
    float scroll_y = 0.0f;
    std::string dialog; // the name of the dialog it belongs to ("" = the page)
    bool live = false;  // what appears in it is announced (the notice at the foot)
};

// What the platform asked of a node since the last frame (taken when the node is recorded).
struct SemanticRequest {
    bool activate = false; // as a tap on it
    bool show = false;     // scroll it into view: a screen reader or the keyboard went there
    bool focus = false;    // a text box: give it the keyboard
    bool leave = false;    // a text box: take the keyboard away
};

class Semantics {
  public:
    void set_on(bool on) { on_ = on; }
    bool on() const { return on_; }

    // Around each frame the App draws.
    void begin_frame();
    void end_frame();

    // --- recording (widgets.cpp) ---------------------------------------------------------
    // An id for a node, unique in this frame: `base` (an ImGui id), or a mix of it and how
    // often it came before (the same words twice in one window).
    std::uint32_t unique_id(std::uint32_t base);
    // The region the next nodes lie in: made on first use in a frame, then reused.
    void enter_region(const SemanticRegion& region);
    // Adds the node (in the current region) and hands back what was asked of it.
    SemanticRequest add(SemanticNode node);
    // Was the link with this id asked to act (a link inside words has no node of its own)?
    bool take_activation(std::uint32_t id);
    // The current region is announced when its content changes (App's notice).
    void mark_live();

    // --- the last frame's tree ---------------------------------------------------------
    const std::vector<SemanticNode>& nodes() const { return nodes_; }
    const std::vector<SemanticRegion>& regions() const { return regions_; }
    // Changes whenever a node's role, words, value, state, place or region changed.
    std::uint64_t content_version() const { return content_version_; }
    // Changes whenever a region moved, was resized or scrolled.
    std::uint64_t layout_version() const { return layout_version_; }
    const SemanticNode* find(std::uint32_t id) const;

    // --- requests from the platform, between frames --------------------------------------
    void activate(std::uint32_t id) { requests_[id].activate = true; }
    void show(std::uint32_t id) { requests_[id].show = true; }
    void focus_text(std::uint32_t id) { requests_[id].focus = true; }
    void leave_text(std::uint32_t id) { requests_[id].leave = true; }
    // A request waits for a frame to take it.
    bool pending() const { return !requests_.empty(); }

  private:
    bool on_ = false;
    std::vector<SemanticNode> nodes_;
    std::vector<SemanticRegion> regions_;
    std::uint32_t current_region_ = 0;
    std::unordered_map<std::uint32_t, int> seen_; // ids given out this frame
    std::unordered_map<std::uint32_t, SemanticRequest> requests_;
    std::uint64_t content_hash_ = 0;
    std::uint64_t layout_hash_ = 0;
    std::uint64_t content_version_ = 0;
    std::uint64_t layout_version_ = 0;
    int frames_unclaimed_ = 0; // frames a request waited for its node
};

} // namespace lungguide::ui
