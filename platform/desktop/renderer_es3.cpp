// OpenGL ES 3 (the GL of phones and tablets), through our ES3 build of the backend.
#include <GLES3/gl3.h>
#include <imgui.h>

// Declared by renderer_es3_backend.cpp (the renamed backend).
bool ImGui_ImplOpenGLES3_Init(const char* glsl_version);
void ImGui_ImplOpenGLES3_Shutdown();
void ImGui_ImplOpenGLES3_NewFrame();
void ImGui_ImplOpenGLES3_RenderDrawData(ImDrawData* draw_data);
bool ImGui_ImplOpenGLES3_CreateFontsTexture();
void ImGui_ImplOpenGLES3_DestroyFontsTexture();

#include "opengl_renderer.h"

namespace lungguide::platform {

std::unique_ptr<Renderer> make_es3_renderer() {
    return std::make_unique<OpenGlRenderer>(OpenGlBackend{
        "es3", "#version 300 es", "The OpenGL ES 3 renderer could not start.",
        ImGui_ImplOpenGLES3_Init, ImGui_ImplOpenGLES3_Shutdown, ImGui_ImplOpenGLES3_NewFrame,
        ImGui_ImplOpenGLES3_RenderDrawData, ImGui_ImplOpenGLES3_CreateFontsTexture,
        ImGui_ImplOpenGLES3_DestroyFontsTexture, true});
}

} // namespace lungguide::platform
