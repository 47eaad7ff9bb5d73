// Desktop OpenGL 3.3 core, via the OpenGL3 backend in Debian's libimgui.a. Its own GL
// loader (imgl3w) resolves the functions; we use the same loader for clear and readback.
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_opengl3_loader.h>

#ifndef GL_RENDERER
#define GL_RENDERER 0x1F01 // not in the minimal loader header
#endif

#include "opengl_renderer.h"

namespace lungguide::platform {

std::unique_ptr<Renderer> make_gl3_renderer() {
    return std::make_unique<OpenGlRenderer>(OpenGlBackend{
        "gl3", "#version 150", "The OpenGL 3 renderer could not start.", ImGui_ImplOpenGL3_Init,
        ImGui_ImplOpenGL3_Shutdown, ImGui_ImplOpenGL3_NewFrame, ImGui_ImplOpenGL3_RenderDrawData,
        ImGui_ImplOpenGL3_CreateFontsTexture, ImGui_ImplOpenGL3_DestroyFontsTexture, true});
}

} // namespace lungguide::platform
