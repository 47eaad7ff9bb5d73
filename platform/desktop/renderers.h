// The two desktop renderers, both Dear ImGui's OpenGL3 backend:
//   gl3: desktop OpenGL 3.3 core through libimgui.a's build of the backend;
//   es3: OpenGL ES 3 through our own build of the same source with IMGUI_IMPL_OPENGL_ES3
//        (renderer_es3_backend.cpp), the GL of phones and tablets.
#pragma once

#include "platform.h"

#include <memory>

namespace lungguide::platform {

std::unique_ptr<Renderer> make_gl3_renderer();
std::unique_ptr<Renderer> make_es3_renderer();

} // namespace lungguide::platform
