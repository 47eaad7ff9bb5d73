// Desktop OpenGL 3.3 core, via the OpenGL3 backend in Debian's libimgui.a. Its own GL
// loader (imgl3w) resolves the functions; we use the same loader for clear and readback.
#include "renderers.h"

#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_opengl3_loader.h>

#include <algorithm>
#include <string>

#ifndef GL_RENDERER
#define GL_RENDERER 0x1F01 // not in the minimal loader header
#endif

namespace lungguide::platform {

namespace {

class Gl3Renderer : public Renderer {
  public:
    const char* name() const override { return "gl3"; }

    bool init(std::string& error) override {
        if (!ImGui_ImplOpenGL3_Init("#version 150")) {
            error = "The OpenGL 3 renderer could not start.";
            return false;
        }
        return true;
    }
    void shutdown() override { ImGui_ImplOpenGL3_Shutdown(); }
    void new_frame() override {
        ImGui_ImplOpenGL3_NewFrame();
        started_ = true;
    }
    void clear(int width, int height, const ImVec4& colour) override {
        glViewport(0, 0, width, height);
        glClearColor(colour.x, colour.y, colour.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    void render(ImDrawData* draw_data) override { ImGui_ImplOpenGL3_RenderDrawData(draw_data); }
    bool recreate_font_texture() override {
        if (!started_) return true; // the first NewFrame creates it
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        return ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    bool read_pixels(int width, int height, std::vector<unsigned char>& rgba) override {
        rgba.assign(static_cast<std::size_t>(width) * height * 4, 0);
        std::vector<unsigned char> upside_down(rgba.size());
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, upside_down.data());
        const std::size_t row = static_cast<std::size_t>(width) * 4;
        for (int y = 0; y < height; ++y)
            std::copy_n(upside_down.data() + (height - 1 - y) * row, row, rgba.data() + y * row);
        return glGetError() == 0; // GL_NO_ERROR
    }
    std::string describe() const override {
        const char* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
        const char* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
        return std::string(version ? version : "?") + " on " + (renderer ? renderer : "?");
    }

  private:
    bool started_ = false;
};

} // namespace

std::unique_ptr<Renderer> make_gl3_renderer() {
    return std::make_unique<Gl3Renderer>();
}

} // namespace lungguide::platform
