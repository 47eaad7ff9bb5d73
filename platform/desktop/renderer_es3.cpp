// OpenGL ES 3 (the GL of phones and tablets), through our ES3 build of the backend.
#include "renderers.h"

#include <GLES3/gl3.h>

#include <algorithm>
#include <string>

// Declared by renderer_es3_backend.cpp (the renamed backend).
bool ImGui_ImplOpenGLES3_Init(const char* glsl_version);
void ImGui_ImplOpenGLES3_Shutdown();
void ImGui_ImplOpenGLES3_NewFrame();
void ImGui_ImplOpenGLES3_RenderDrawData(ImDrawData* draw_data);
bool ImGui_ImplOpenGLES3_CreateFontsTexture();
void ImGui_ImplOpenGLES3_DestroyFontsTexture();

namespace lungguide::platform {

namespace {

class Es3Renderer : public Renderer {
  public:
    const char* name() const override { return "es3"; }

    bool init(std::string& error) override {
        if (!ImGui_ImplOpenGLES3_Init("#version 300 es")) {
            error = "The OpenGL ES 3 renderer could not start.";
            return false;
        }
        return true;
    }
    void shutdown() override { ImGui_ImplOpenGLES3_Shutdown(); }
    void new_frame() override {
        ImGui_ImplOpenGLES3_NewFrame();
        started_ = true;
    }
    void clear(int width, int height, const ImVec4& colour) override {
        glViewport(0, 0, width, height);
        glClearColor(colour.x, colour.y, colour.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    void render(ImDrawData* draw_data) override { ImGui_ImplOpenGLES3_RenderDrawData(draw_data); }
    bool recreate_font_texture() override {
        if (!started_) return true;
        ImGui_ImplOpenGLES3_DestroyFontsTexture();
        return ImGui_ImplOpenGLES3_CreateFontsTexture();
    }
    bool read_pixels(int width, int height, std::vector<unsigned char>& rgba) override {
        rgba.assign(static_cast<std::size_t>(width) * height * 4, 0);
        std::vector<unsigned char> upside_down(rgba.size());
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, upside_down.data());
        const std::size_t row = static_cast<std::size_t>(width) * 4;
        for (int y = 0; y < height; ++y)
            std::copy_n(upside_down.data() + (height - 1 - y) * row, row, rgba.data() + y * row);
        return glGetError() == GL_NO_ERROR;
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

std::unique_ptr<Renderer> make_es3_renderer() {
    return std::make_unique<Es3Renderer>();
}

} // namespace lungguide::platform
