// One Renderer over either build of Dear ImGui's OpenGL3 backend. Include it after a GL
// header: the gl* calls below then mean desktop GL 3.3 (through the backend's loader) or
// GLES 3, and the class lives in each including file's anonymous namespace, so the two
// meanings never meet.
#pragma once

#include "renderers.h"

#include <algorithm>
#include <cstdint>
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
    // Upload the font atlas as one byte per pixel (needs texture swizzle: GL 3.3 and GLES 3,
    // not WebGL 2). Otherwise the backend's RGBA texture is used.
    bool alpha_font_texture = false;
};

// Texture swizzle and one-channel formats, absent from the GL3 backend's minimal loader.
#ifndef GL_TEXTURE_SWIZZLE_R
#define GL_TEXTURE_SWIZZLE_R 0x8E42
#define GL_TEXTURE_SWIZZLE_G 0x8E43
#define GL_TEXTURE_SWIZZLE_B 0x8E44
#define GL_TEXTURE_SWIZZLE_A 0x8E45
#endif
#ifndef GL_R8
#define GL_R8 0x8229
#endif
#ifndef GL_RED
#define GL_RED 0x1903
#endif
#ifndef GL_UNPACK_ALIGNMENT
#define GL_UNPACK_ALIGNMENT 0x0CF5
#endif

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
    void shutdown() override {
        delete_font_texture();
        backend_.shutdown();
        started_ = false;
    }
    void new_frame() override {
        if (!started_ && backend_.alpha_font_texture) {
            create_device_objects();
        } else {
            backend_.new_frame();
        }
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
        if (backend_.alpha_font_texture) return upload_font_texture();
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
    // The backend makes its shaders and buffers at its first NewFrame, and its font texture
    // from io.Fonts as RGBA: converted on the CPU and the converted copy kept, four bytes per
    // pixel of what is only coverage. It is given a one-pixel atlas for that texture instead
    // (its own, never drawn with), and the real atlas is uploaded by upload_font_texture().
    void create_device_objects() {
        ImGuiIO& io = ImGui::GetIO();
        ImFontAtlas* fonts = io.Fonts;
        unsigned int white = 0xFFFFFFFFu;
        ImFontAtlas placeholder;
        placeholder.TexPixelsRGBA32 = &white;
        placeholder.TexWidth = 1;
        placeholder.TexHeight = 1;
        io.Fonts = &placeholder;
        backend_.new_frame();
        io.Fonts = fonts;
        placeholder.TexPixelsRGBA32 = nullptr; // ours, not the atlas's to free
        upload_font_texture();
    }

    // One byte per pixel, read as (1, 1, 1, coverage) through the swizzle: the shader gets
    // exactly what the backend's RGBA texture (255, 255, 255, coverage) gave it.
    bool upload_font_texture() {
        delete_font_texture();
        ImFontAtlas& fonts = *ImGui::GetIO().Fonts;
        unsigned char* pixels = nullptr;
        int width = 0;
        int height = 0;
        fonts.GetTexDataAsAlpha8(&pixels, &width, &height);
        GLint last_texture = 0;
        GLint last_alignment = 4;
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &last_texture);
        glGetIntegerv(GL_UNPACK_ALIGNMENT, &last_alignment);
        glGenTextures(1, &font_texture_);
        glBindTexture(GL_TEXTURE_2D, font_texture_);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_R, GL_ONE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_G, GL_ONE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_B, GL_ONE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_A, GL_RED);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
        glPixelStorei(GL_UNPACK_ALIGNMENT, last_alignment);
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last_texture));
        fonts.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(font_texture_)));
        return pixels != nullptr;
    }

    void delete_font_texture() {
        if (font_texture_ == 0) return;
        glDeleteTextures(1, &font_texture_);
        font_texture_ = 0;
    }

    OpenGlBackend backend_;
    bool started_ = false;
    GLuint font_texture_ = 0;
};

} // namespace

} // namespace lungguide::platform
