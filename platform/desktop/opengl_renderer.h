// One Renderer over either build of Dear ImGui's OpenGL3 backend. Include it after a GL
// header: the gl* calls below then mean desktop GL 3.3 (through the backend's loader) or
// GLES 3, and the class lives in each including file's anonymous namespace, so the two
// meanings never meet.
#pragma once

#include "renderers.h"

#include <algorithm>
#include <string>
#include <vector>

namespace lungguide::platform {

// The backend's entry points, which differ only in their names between the two builds.
struct OpenGlBackend {
    const char* name;         // "gl3" or "es3"
    const char* glsl_version; // what the backend's shaders declare
    const char* start_error;  // said to the person when the backend cannot start
    bool (*init)(const char* glsl_version);
    void (*shutdown)();
    void (*new_frame)();
    void (*render)(ImDrawData* draw_data);
    bool (*create_fonts_texture)();
    void (*destroy_fonts_texture)();
};

namespace {

class OpenGlRenderer : public Renderer {
  public:
    explicit OpenGlRenderer(const OpenGlBackend& backend) : backend_(backend) {}

    const char* name() const override { return backend_.name; }
    bool init(std::string& error) override {
        if (backend_.init(backend_.glsl_version)) return true;
        error = backend_.start_error;
        return false;
    }
    void shutdown() override { backend_.shutdown(); }
    void new_frame() override {
        backend_.new_frame();
        started_ = true;
    }
    void clear(int width, int height, const ImVec4& colour) override {
        glViewport(0, 0, width, height);
        glClearColor(colour.x, colour.y, colour.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    void render(ImDrawData* draw_data) override { backend_.render(draw_data); }
    bool recreate_font_texture() override {
        if (!started_) return true; // the first NewFrame creates it
        backend_.destroy_fonts_texture();
        return backend_.create_fonts_texture();
    }
    bool read_pixels(int width, int height, std::vector<unsigned char>& rgba) override {
        rgba.assign(static_cast<std::size_t>(width) * height * 4, 0);
        std::vector<unsigned char> upside_down(rgba.size());
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, upside_down.data());
        const std::size_t row = static_cast<std::size_t>(width) * 4;
        for (int y = 0; y < height; ++y)
            std::copy_n(upside_down.data() + (height - 1 - y) * row, row, rgba.data() + y * row);
        return glGetError() == 0; // GL_NO_ERROR, which the GL3 loader header lacks
    }
    std::string describe() const override {
        const char* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
        const char* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
        return std::string(version ? version : "?") + " on " + (renderer ? renderer : "?");
    }

  private:
    OpenGlBackend backend_;
    bool started_ = false;
};

} // namespace

} // namespace lungguide::platform
