// Index
//   helpers       CPU clock, peak RSS, JSON
//   run()         pack, surface, app, the power-aware loop, screenshot and stats hooks
#include "runner.h"

#include "app.h"
#include "content/content_pack.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

namespace lungguide::platform {

namespace {

// CPU time of this thread: what a frame costs us, not the GPU and not the wait.
double thread_cpu_milliseconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

long peak_rss_kilobytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss; // kilobytes on Linux
}

std::string json_escape(const std::string& text) {
    std::string escaped;
    for (char character : text) {
        if (character == '"' || character == '\\') escaped += '\\';
        if (static_cast<unsigned char>(character) < 0x20) continue;
        escaped += character;
    }
    return escaped;
}

struct Stats {
    double first_frame_ms = -1;
    long frames_rendered = 0;
    long frames_after_settle = 0; // frames drawn after start-up went quiet
    bool settled = false;
    double settled_at_ms = -1;
    double ui_cpu_ms_total = 0;     // NewFrame + screens + Render (building draw lists)
    double render_cpu_ms_total = 0; // GL submission (llvmpipe does part of its work here)
    double ui_cpu_ms_max = 0;
    long bench_frames = 0;
    double bench_ui_cpu_ms = 0;
};

// A scratch folder for screenshots, so they never read or write the person's own data.
std::string make_scratch_folder() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "lungguide-shot-XXXXXX").string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (!mkdtemp(buffer.data())) return "";
    return buffer.data();
}

} // namespace

int run(Host& host, const RunOptions& options) {
    const bool screenshot = !options.screenshot_path.empty();

    // The pack first: without it there is nothing to show.
    const std::string pack_path =
        options.pack_path.empty() ? host.content_pack_path() : options.pack_path;
    ContentPackResult opened = open_content_pack(pack_path);
    if (!opened.pack) {
        std::fprintf(stderr, "lungguide: %s\n", opened.error.c_str());
        return 2;
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();

    SurfaceRequest request;
    request.width = options.width;
    request.height = options.height;
    request.visible = !screenshot;
    request.renderer = options.renderer;
    std::string error;
    if (!host.create_surface(request, error)) {
        ImGui::DestroyContext();
        std::fprintf(stderr, "lungguide: %s\n", error.c_str());
        return 3;
    }
    Renderer& renderer = host.renderer();
    if (!renderer.init(error)) {
        host.destroy_surface();
        ImGui::DestroyContext();
        std::fprintf(stderr, "lungguide: %s\n", error.c_str());
        return 3;
    }

    std::string scratch_folder;
    ui::AppConfig config;
    config.font_folder = host.font_folder();
    config.content_scale = host.content_scale();
    config.start_route = options.route;
    config.text_reader_hint = options.text_reader_hint;
    if (options.theme) {
        ui::ThemeId theme;
        if (ui::parse_theme(*options.theme, theme))
            config.theme = theme;
        else
            std::fprintf(stderr, "lungguide: unknown theme \"%s\"; using the saved one\n",
                         options.theme->c_str());
    }
    config.text_scale = options.text_scale;
    // Screenshots at another text size start at 100% and change size after the first
    // frame, like a person in Settings: every such shot exercises the live atlas rebuild
    // and the renderer's font texture re-upload, not only a cold start.
    const bool rescale_live = screenshot && options.text_scale && *options.text_scale != 1.0f;
    if (rescale_live) config.text_scale = 1.0f;
    if (screenshot && options.data_folder.empty()) {
        scratch_folder = make_scratch_folder();
        config.data_folder = scratch_folder;
    } else {
        config.data_folder = host.storage_folder(options.data_folder);
    }
    config.remember_settings = !screenshot;

    int exit_code = 0;
    {
        ui::App app(*opened.pack, config);
        if (!app.store_message().empty())
            std::fprintf(stderr, "lungguide: %s\n", app.store_message().c_str());

        Stats stats;
        const auto started = std::chrono::steady_clock::now();
        auto seconds_running = [&]() {
            return std::chrono::duration<double>(std::chrono::steady_clock::now() - started)
                .count();
        };
        std::uint64_t seen_events = host.event_count();
        int frames_to_draw = screenshot ? 6 : 3;
        int bench_left = options.bench_frames;

        auto draw_frame = [&](bool last_screenshot_frame) -> bool {
            app.set_content_scale(host.content_scale()); // moved to another monitor
            if (app.fonts_dirty()) {
                app.rebuild_fonts(*ImGui::GetIO().Fonts);
                renderer.recreate_font_texture();
            }
            const double cpu_start = thread_cpu_milliseconds();
            renderer.new_frame();
            host.new_frame();
            ImGui::NewFrame();
            app.frame();
            ImGui::Render();
            const double cpu_ui = thread_cpu_milliseconds();
            int width = 0;
            int height = 0;
            host.framebuffer_size(width, height);
            renderer.clear(width, height, app.palette().background);
            renderer.render(ImGui::GetDrawData());
            const double cpu_end = thread_cpu_milliseconds();
            bool ok = true;
            if (last_screenshot_frame) {
                std::vector<unsigned char> pixels;
                ok = renderer.read_pixels(width, height, pixels) &&
                     write_png(options.screenshot_path, width, height, pixels);
                if (!ok)
                    std::fprintf(stderr, "lungguide: could not write %s\n",
                                 options.screenshot_path.c_str());
            }
            host.present();
            ++stats.frames_rendered;
            if (stats.settled) ++stats.frames_after_settle;
            stats.ui_cpu_ms_total += cpu_ui - cpu_start;
            stats.render_cpu_ms_total += cpu_end - cpu_ui;
            stats.ui_cpu_ms_max = std::max(stats.ui_cpu_ms_max, cpu_ui - cpu_start);
            if (stats.first_frame_ms < 0)
                stats.first_frame_ms = host.milliseconds_since_process_start();
            return ok;
        };

        if (screenshot) {
            // A few frames let ImGui settle layout (sizes measured in one frame are used
            // in the next), then the last one is read back before it is presented.
            // Then as long as the app asks (a popup fading in), up to a limit.
            int wanted = frames_to_draw;
            for (int frame = 0; frame < 40 && wanted > 0; ++frame) {
                --wanted;
                if (wanted == 0) wanted = app.take_frames_wanted();
                if (!draw_frame(wanted == 0 || frame == 39)) exit_code = 1;
                if (frame == 0 && rescale_live) {
                    app.set_text_scale(*options.text_scale);
                    wanted = std::max(wanted, 4);
                }
            }
            if (exit_code == 0) std::printf("%s\n", options.screenshot_path.c_str());
        } else {
            for (;;) {
                const double remaining = options.exit_after_seconds > 0
                                             ? options.exit_after_seconds - seconds_running()
                                             : 1e9;
                if (remaining <= 0 || host.should_close()) break;
                if (frames_to_draw <= 0 && bench_left <= 0) {
                    if (!stats.settled) {
                        stats.settled = true;
                        stats.settled_at_ms = host.milliseconds_since_process_start();
                    }
                    if (app.animating())
                        host.wait_events_timeout(std::min(1.0 / 60.0, remaining));
                    else if (options.exit_after_seconds > 0)
                        host.wait_events_timeout(remaining);
                    else
                        host.wait_events();
                } else {
                    host.poll_events();
                }
                if (host.event_count() != seen_events) {
                    seen_events = host.event_count();
                    frames_to_draw = std::max(frames_to_draw, 3);
                }
                if (host.take_back_request()) {
                    app.press_back();
                    frames_to_draw = std::max(frames_to_draw, 3);
                }
                if (app.animating()) frames_to_draw = std::max(frames_to_draw, 1);
                if (frames_to_draw <= 0 && bench_left <= 0) continue;

                if (frames_to_draw <= 0 && bench_left > 0) {
                    // Benchmark: the same screen redrawn as if a finger kept it busy.
                    const double before = thread_cpu_milliseconds();
                    renderer.new_frame();
                    host.new_frame();
                    ImGui::NewFrame();
                    app.frame();
                    ImGui::Render();
                    stats.bench_ui_cpu_ms += thread_cpu_milliseconds() - before;
                    ++stats.bench_frames;
                    --bench_left;
                    continue;
                }
                draw_frame(false);
                --frames_to_draw;
                frames_to_draw = std::max(frames_to_draw, app.take_frames_wanted());
            }
        }

        if (!options.stats_path.empty()) {
            std::ofstream file(options.stats_path, std::ios::trunc);
            const long frames = std::max(1L, stats.frames_rendered);
            file << "{\n"
                 << "  \"renderer\": \"" << renderer.name() << "\",\n"
                 << "  \"gl\": \"" << json_escape(renderer.describe()) << "\",\n"
                 << "  \"route\": \"" << json_escape(ui::format_route(app.route())) << "\",\n"
                 << "  \"first_frame_ms\": " << stats.first_frame_ms << ",\n"
                 << "  \"frames_rendered\": " << stats.frames_rendered << ",\n"
                 << "  \"settled_at_ms\": " << stats.settled_at_ms << ",\n"
                 << "  \"frames_after_settle\": " << stats.frames_after_settle << ",\n"
                 << "  \"ui_cpu_ms_per_frame\": " << stats.ui_cpu_ms_total / frames << ",\n"
                 << "  \"ui_cpu_ms_max\": " << stats.ui_cpu_ms_max << ",\n"
                 << "  \"render_submit_cpu_ms_per_frame\": " << stats.render_cpu_ms_total / frames
                 << ",\n"
                 << "  \"bench_frames\": " << stats.bench_frames << ",\n"
                 << "  \"bench_ui_cpu_ms_per_frame\": "
                 << (stats.bench_frames ? stats.bench_ui_cpu_ms / stats.bench_frames : 0.0) << ",\n"
                 << "  \"peak_rss_kb\": " << peak_rss_kilobytes() << "\n"
                 << "}\n";
            if (!file) {
                std::fprintf(stderr, "lungguide: could not write %s\n", options.stats_path.c_str());
                exit_code = 1;
            }
        }
    }

    renderer.shutdown();
    host.destroy_surface();
    ImGui::DestroyContext();
    if (!scratch_folder.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(scratch_folder, ignored);
    }
    return exit_code;
}

} // namespace lungguide::platform
