// WebGL 2 is OpenGL ES 3.0: Dear ImGui's OpenGL3 backend, compiled by emscripten for GLES3
// from Debian's imgui source, behind the same Renderer as the desktop's ES3 build.
#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "../desktop/opengl_renderer.h"
#include "renderers_web.h"

namespace lungguide::platform {

std::unique_ptr<Renderer> make_webgl2_renderer() {
    return std::make_unique<OpenGlRenderer>(OpenGlBackend{
        "webgl2", "#version 300 es", "WebGL 2 could not start in this browser.",
        ImGui_ImplOpenGL3_Init, ImGui_ImplOpenGL3_Shutdown, ImGui_ImplOpenGL3_NewFrame,
        ImGui_ImplOpenGL3_RenderDrawData, ImGui_ImplOpenGL3_CreateFontsTexture,
        ImGui_ImplOpenGL3_DestroyFontsTexture, false});
}

} // namespace lungguide::platform
