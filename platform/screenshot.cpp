#include "screenshot.h"

#include "common/exit_code.h"

#include "app.h"

#include <algorithm>
#include <cstdio>

namespace lungguide::platform {

void FrameCapture::frame_drawn(const DrawnFrame& frame) {
    if (!armed_) return;
    armed_ = false;
    picture_.width = frame.width;
    picture_.height = frame.height;
    captured_ = frame.renderer->read_pixels(frame.width, frame.height, picture_.rgba);
}

int screenshot_run(Host& host, const RunOptions& options) {
    // At another text size the shot starts at 100% and changes size after the first frame,
    // like a person in Settings: every such shot exercises the live atlas rebuild and the
    // renderer's font texture re-upload, not only a cold start.
    const bool rescale_live = options.text_scale && *options.text_scale != 1.0f;
    RunOptions at_start = options;
    if (rescale_live) at_start.text_scale = 1.0f;
    FrameCapture capture; // declared first: it outlives the Runner
    Runner runner(host, at_start);
    runner.add_observer(capture);
    if (!runner.start()) return runner.exit_code();
    ui::App& app = runner.app();
    // A few frames let ImGui settle layout (sizes measured in one frame are used in the
    // next), then the last one is read back before it is presented. Then as long as the
    // app asks (a popup fading in), up to a limit.
    constexpr int most_frames = 40;
    bool drawn = true;
    int wanted = 2 * ui::settle_frames;
    for (int frame = 0; frame < most_frames && wanted > 0; ++frame) {
        --wanted;
        if (wanted == 0) wanted = app.take_frames_wanted();
        if (wanted == 0 || frame == most_frames - 1) capture.capture_next();
        drawn = runner.draw_frame() && drawn;
        if (frame == 0 && rescale_live) {
            app.set_text_scale(*options.text_scale);
            wanted = std::max(wanted, 4);
        }
    }
    const Picture& picture = capture.picture();
    if (drawn && capture.captured() &&
        write_png(options.screenshot_path, picture.width, picture.height, picture.rgba)) {
        std::printf("%s\n", options.screenshot_path.c_str());
        return runner.stop();
    }
    std::fprintf(stderr, "lungguide: could not write %s\n", options.screenshot_path.c_str());
    runner.stop();
    return exit_failure;
}

} // namespace lungguide::platform
