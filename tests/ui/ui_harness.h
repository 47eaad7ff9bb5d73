// A headless ImGui context driving the real App: real frames, scripted finger input,
// no window and no GL. The font atlas is built (with FreeType) exactly as in the app;
// its texture is simply never uploaded.
#pragma once

#include "app.h"
#include "content/content_pack.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

namespace lungguide::testing {

inline const ContentPack& ui_pack() {
    static auto result = open_content_pack(LUNGGUIDE_PACK_PATH);
    REQUIRE_MESSAGE(result.ok(), result.message_for_person());
    return *result.value();
}

inline std::string fresh_folder() {
    char pattern[] = "/tmp/lungguide-ui-test-XXXXXX";
    const char* folder = mkdtemp(pattern);
    REQUIRE(folder != nullptr);
    return folder;
}

// Recorded items that are words on the page, not finger targets: text, glossary words,
// labels such as "COMMON", titles, headings, highlights (and the one read aloud), and the
// player's words.
inline bool is_words(const std::string& label) {
    if (label == "text") return true;
    for (const char* prefix :
         {"term:", "chip:", "title:", "heading:", "highlight:", "reading:", "player:"})
        if (label.rfind(prefix, 0) == 0) return true;
    return false;
}

class Harness {
  public:
    explicit Harness(float width, float height, const std::string& route = "home",
                     float text_scale = 1.0f, bool with_store = true)
        : Harness(width, height, route, text_scale, with_store ? fresh_folder() : "", true) {}
    // Over an existing data folder, which the harness leaves in place (a "restart").
    static std::unique_ptr<Harness> over_folder(float width, float height, const std::string& route,
                                                const std::string& folder,
                                                float text_scale = 1.0f) {
        return std::unique_ptr<Harness>(
            new Harness(width, height, route, text_scale, folder, false));
    }

    // preload: what the platform's start-up worker hands the App (empty: the App makes it).
    // files: how the device hands over files (device_files.h); the default is a desktop's.
    Harness(float width, float height, const std::string& route, float text_scale,
            const std::string& folder, bool owns_folder, ui::AppPreload preload = {},
            ui::DeviceFiles files = {})
        : folder_(folder), owns_folder_(owns_folder) {
        context_ = ImGui::CreateContext();
        use(); // CreateContext makes only the first context current
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        for (int key = 0; key < ImGuiKey_COUNT; ++key)
            io.KeyMap[key] = key; // identity map
        ui::AppConfig config;
        config.font_folder = std::string(LUNGGUIDE_SOURCE_DIR) + "/assets/fonts";
        config.data_folder = folder_;
        config.start_route = route;
        config.text_scale = text_scale;
        config.theme = ui::ThemeId::light;
        config.files = std::move(files);
        app_ = std::make_unique<ui::App>(ui_pack(), config, std::move(preload));
        app_->set_recording(true);
        settle();
    }
    ~Harness() {
        use();
        app_.reset();
        ImGui::DestroyContext(context_);
        if (owns_folder_ && !folder_.empty()) {
            std::error_code ignored;
            std::filesystem::remove_all(folder_, ignored);
        }
    }

    ui::App& app() { return *app_; }
    ImGuiIO& io() { return ImGui::GetIO(); }
    const std::string& folder() const { return folder_; }
    // Each harness has its own ImGui context; several may live in one test.
    void use() { ImGui::SetCurrentContext(context_); }

    // One real frame, as the platform runner draws it.
    void frame() {
        use();
        if (app_->fonts_dirty()) {
            app_->rebuild_fonts(*ImGui::GetIO().Fonts);
            unsigned char* pixels = nullptr;
            int width = 0;
            int height = 0;
            ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
        }
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        app_->frame();
        ImGui::Render();
        ++frames_;
    }
    void settle(int count = 4) {
        for (int index = 0; index < count; ++index)
            frame();
    }

    const ui::DrawnItem* find(const std::string& label) const {
        for (const ui::DrawnItem& item : app_->drawn_items())
            if (item.label == label) return &item;
        return nullptr;
    }
    // The item labelled label in the last frame, which must be there.
    const ui::DrawnItem& drawn(const std::string& label) const {
        const ui::DrawnItem* item = find(label);
        REQUIRE_MESSAGE(item != nullptr, "nothing labelled \"" << label << "\" on " << route());
        return *item;
    }
    // Whether the last frame wrote a text that starts with start.
    bool drew_text_starting(const std::string& start) const {
        for (const ui::DrawnText& text : app_->drawn_texts())
            if (text.text.rfind(start, 0) == 0) return true;
        return false;
    }
    const ui::DrawnItem* find_prefix(const std::string& prefix) const {
        for (const ui::DrawnItem& item : app_->drawn_items())
            if (item.label.rfind(prefix, 0) == 0) return &item;
        return nullptr;
    }

    // A finger tap: down, up, and frames for the result to show.
    void tap(ImVec2 point) {
        use();
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = point;
        frame();
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        settle(3);
    }
    void tap(const std::string& label) {
        const ui::DrawnItem& item = drawn(label);
        // Taps the middle of the item where it was last drawn (it must be on screen).
        tap(ImVec2((item.min.x + item.max.x) * 0.5f, (item.min.y + item.max.y) * 0.5f));
    }
    bool visible(const ui::DrawnItem& item) const {
        const ImVec2 size = ImGui::GetIO().DisplaySize;
        return item.min.y >= 0 && item.max.y <= size.y && item.min.x >= 0 && item.max.x <= size.x;
    }

    // A finger drag from one point to another over several frames.
    // hold_frames: frames the finger rests at the end before lifting (no fling).
    void drag(ImVec2 from, ImVec2 to, int steps = 10, int hold_frames = 0) {
        use();
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = from;
        frame();
        io.MouseDown[0] = true;
        frame();
        for (int step = 1; step <= steps; ++step) {
            const float t = static_cast<float>(step) / steps;
            io.MousePos = ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
            frame();
        }
        for (int hold = 0; hold < hold_frames; ++hold)
            frame();
        io.MouseDown[0] = false;
        frame();
    }

    void type(const std::string& text) {
        use();
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
        settle(2);
    }

    void press_key(int imgui_key, bool alt = false) {
        use();
        ImGuiIO& io = ImGui::GetIO();
        const int index = io.KeyMap[imgui_key];
        io.KeyAlt = alt;
        io.KeysDown[index] = true;
        frame();
        io.KeysDown[index] = false;
        io.KeyAlt = false;
        settle(2);
    }

    std::string route() const { return ui::format_route(app_->route()); }
    int frames() const { return frames_; }

  private:
    ImGuiContext* context_ = nullptr;
    std::string folder_;
    bool owns_folder_ = true;
    std::unique_ptr<ui::App> app_;
    int frames_ = 0;
};

} // namespace lungguide::testing
