// The browser's renderer: WebGL 2 through Dear ImGui's OpenGL3 backend.
#pragma once

#include "platform.h"

#include <memory>

namespace lungguide::platform {

std::unique_ptr<Renderer> make_webgl2_renderer();

} // namespace lungguide::platform
