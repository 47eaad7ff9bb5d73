// Reading aloud in the browser: a SpeechService over the Web Speech API's speechSynthesis
// (site/speech.js does the JavaScript side). See platform/speech_service.h.
#pragma once

#include "speech_service.h"

#include <memory>

namespace lungguide::platform {

std::unique_ptr<SpeechService> make_web_speech();

} // namespace lungguide::platform
