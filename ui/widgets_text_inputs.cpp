// Text boxes recorded after ImGui draws them: for tests, with the colours of their text or
// hint, and for assistive technology and a platform's own editor (semantics.h).
#include "widgets.h"
#include "widgets_internal.h"

#include <imgui_internal.h>

#include <string>
#include <utility>

namespace lungguide::ui {

using namespace widget_parts;

namespace {

// The test record, and the colours of the box's text (or hint) for the contrast test.
void record_input_colours(Look& look, const std::string& name, bool empty) {
    look.record.item("input:" + name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    const ImVec4& face = ImGui::GetStyleColorVec4(ImGuiCol_FrameBg);
    // Selected words lie on the selection's tint (all of them when search opens).
    const ImGuiInputTextState* state = ImGui::GetInputTextState(ImGui::GetItemID());
    if (state && state->HasSelection() && !empty)
        look.surfaces.record_on("input selection", name, ImGui::GetStyleColorVec4(ImGuiCol_Text),
                                blend_over(ImGui::GetStyleColorVec4(ImGuiCol_TextSelectedBg),
                                           blend_over(face, look.surfaces.current())));
    if (empty)
        look.surfaces.record_on("input hint", name, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled),
                                face);
    else
        look.surfaces.record_on("input", name, ImGui::GetStyleColorVec4(ImGuiCol_Text), face);
}

void record_text_box(Look& look, const std::string& value, const TextBoxInfo& info) {
    if (!look.semantics.on()) return;
    const ImGuiID item = info.id ? info.id : ImGui::GetItemID();
    const bool focused = ImGui::GetActiveID() == item;
    SemanticNode node;
    node.role = SemanticRole::text_box;
    node.text = info.label;
    node.detail = info.hint;
    node.value = value;
    node.box = info.kind;
    node.focused = focused;
    node.id = look.semantics.unique_id(item);
    const ImGuiStyle& style = ImGui::GetStyle();
    node.editor.font_size = ImGui::GetFontSize();
    node.editor.padding = style.FramePadding;
    node.editor.rounding = style.FrameRounding;
    node.editor.text = ImGui::GetColorU32(ImGuiCol_Text);
    node.editor.background = ImGui::GetColorU32(ImGuiCol_FrameBg);
    const SemanticRequest request =
        record_node(look, std::move(node), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (request.focus && !focused) {
        // Through navigation, which still reaches a box scrolled out of sight (it is scrolled
        // into view above); ImGui opens it with the keyboard in the next frame.
        ImGui::ActivateItem(item);
        GImGui->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
    }
    if (request.leave && focused) ImGui::ClearActiveID(); // the text stays as typed
}

} // namespace

void record_input(Look& look, const std::string& name, bool empty) {
    record_input_colours(look, name, empty);
    // Its text is at hand only while it has the keyboard.
    const ImGuiInputTextState* state = ImGui::GetInputTextState(ImGui::GetItemID());
    TextBoxInfo info;
    info.label = name;
    const bool known = state && state->TextAIsValid && state->TextA.Data && !empty;
    record_text_box(look, known ? std::string(state->TextA.Data, state->CurLenA) : "", info);
}

void record_input(Look& look, const std::string& name, const std::string& value,
                  const TextBoxInfo& info) {
    // Empty with no hint, nothing is drawn in the hint's colours.
    record_input_colours(look, name, value.empty() && !info.hint.empty());
    record_text_box(look, value, info);
}

void record_unrecorded_text_box(Look& look) {
    if (!look.semantics.on() || !ImGui::GetIO().WantTextInput) return;
    const ImGuiID active = ImGui::GetActiveID();
    const ImGuiInputTextState* state = ImGui::GetInputTextState(active);
    if (!state || look.semantics.find(active)) return;
    TextBoxInfo info;
    info.label = "Text";
    info.id = active;
    // Where it is drawn is not known here: a point at the window's corner.
    const ImVec2 corner = ImGui::GetWindowPos();
    ImGui::SetCursorScreenPos(corner);
    ImGui::Dummy(ImVec2(1.0f, 1.0f));
    record_text_box(look, state->TextAIsValid ? std::string(state->TextA.Data, state->CurLenA) : "",
                    info);
}

} // namespace lungguide::ui
