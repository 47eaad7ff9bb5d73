// Pictures of frames: an observer that reads back the frame the Runner drew, and the
// --screenshot run that writes one as PNG.
#pragma once

#include "frame_observer.h"
#include "runner.h"

#include <string>
#include <vector>

namespace lungguide::platform {

// RGBA pixels, top row first.
struct Picture {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgba;
};

// Reads back the next frame drawn after capture_next(), before it is presented.
class FrameCapture : public FrameObserver {
  public:
    void capture_next() {
        armed_ = true;
        captured_ = false;
    }
    void frame_drawn(const DrawnFrame& frame) override;
    // True once the frame asked for was read back; false too if reading it failed.
    bool captured() const { return captured_; }
    const Picture& picture() const { return picture_; }

  private:
    bool armed_ = false;
    bool captured_ = false;
    Picture picture_;
};

// --screenshot: starts a Runner for a picture, draws the start route until it settles and
// writes the last frame as PNG. Returns the process exit code.
int screenshot_run(Host& host, const RunOptions& options);

// Writes RGBA pixels as PNG (stb_image_write).
bool write_png(const std::string& path, int width, int height,
               const std::vector<unsigned char>& rgba);

} // namespace lungguide::platform
