// The desktop host over GLFW (see platform.h for what a host provides).
#pragma once

#include "platform.h"

#include <memory>
#include <string>

namespace lungguide::platform {

std::unique_ptr<Host> make_glfw_host();

} // namespace lungguide::platform
