// LungGuide on desktop Linux (and any GLFW platform): the command line, what to do when
// there is no display, then platform::run() over the GLFW host (glfw_host.cpp).
#include "common/data_files.h"
#include "glfw_host.h"
#include "run.h"

#include "common/exit_code.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace lungguide::platform {

namespace {

// On a server there is no screen: say so, and point at what works without one.
void print_no_display_help(const std::string& reason) {
    const std::string folder = executable_folder();
    std::fprintf(stderr,
                 "LungGuide could not open a window (%s).\n"
                 "This computer seems to have no display, which is normal on a server.\n\n"
                 "You can still read the whole guide in the terminal:\n"
                 "  %s/lungguide-cli list classes\n"
                 "  %s/lungguide-cli show class egfr\n"
                 "  %s/lungguide-cli export --format markdown > lungguide.md\n\n"
                 "Or render the app's screens to pictures with a virtual display:\n"
                 "  xvfb-run -s '-screen 0 1280x800x24' %s/lungguide --screenshot home.png --size "
                 "1280x800 --route home\n",
                 reason.c_str(), folder.c_str(), folder.c_str(), folder.c_str(), folder.c_str());
}

bool parse_size(const std::string& text, int& width, int& height) {
    return std::sscanf(text.c_str(), "%dx%d", &width, &height) == 2 && width >= 200 &&
           height >= 200 && width <= 8192 && height <= 8192;
}

} // namespace

} // namespace lungguide::platform

int main(int argc, char** argv) {
    using namespace lungguide::platform;
    using namespace lungguide;
#ifdef __GLIBC__
    // The start-up threads (the pack and fonts, the search index) would each get a malloc
    // arena of their own, which glibc keeps for the process's life: about 2 MB more at peak
    // for threads that live well under a second.
    mallopt(M_ARENA_MAX, 1);
#endif
    RunOptions options;
    std::string size = "1024x768";
    std::string theme;
    float text_scale = 0.0f;

    CLI::App cli{
        "LungGuide: targeted drug therapy for non-small cell lung cancer, to read offline.",
        "lungguide"};
    cli.add_option("--route", options.route,
                   "Open this screen: home, class/egfr, drug/osimertinib, "
                   "search?q=tired, bookmarks, settings, about");
    cli.add_option("--gl", options.renderer,
                   "Renderer: gl3 (desktop OpenGL 3.3) or es3 (OpenGL ES 3)")
        ->check(CLI::IsMember({"gl3", "es3"}));
    cli.add_option("--theme", theme, "light, dark or high-contrast")
        ->check(CLI::IsMember({"light", "dark", "high-contrast"}));
    cli.add_option("--text-scale", text_scale, "Text size, 1.0 to 2.5")
        ->check(CLI::Range(1.0f, 2.5f));
    cli.add_option("--data-dir", options.data_folder, "Folder for bookmarks, notes and settings");
    cli.add_option("--pack", options.pack_path, "The content pack (lungguide-content.db)");
    cli.add_option("--size", size, "Window size in pixels, e.g. 768x1024");
    cli.add_option("--screenshot", options.screenshot_path,
                   "Render the route to this PNG file and exit");
    cli.add_option("--exit-after", options.exit_after_seconds, "Quit after this many seconds");
    cli.add_option("--stats", options.stats_path, "Write frame statistics (JSON) here at exit");
    cli.add_option("--bench-frames", options.bench_frames,
                   "Also draw this many frames back to back, timing CPU");
    CLI11_PARSE(cli, argc, argv);

    if (!parse_size(size, options.width, options.height)) {
        std::fprintf(stderr, "lungguide: --size must look like 768x1024\n");
        return exit_bad_request;
    }
    if (!theme.empty()) options.theme = theme;
    if (text_scale > 0.0f) options.text_scale = text_scale;
    options.text_reader_hint = "Without a screen, the text reader " +
                               lungguide::executable_folder() +
                               "/lungguide-cli shows the same guide in a terminal.";

    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((!display || !*display) && (!wayland || !*wayland)) {
        print_no_display_help("no DISPLAY or WAYLAND_DISPLAY is set");
        // Interactive use: not a failure, there is simply no screen. A script asking for a
        // screenshot or stats did not get them, so it hears about it.
        return options.screenshot_path.empty() && options.stats_path.empty() ? exit_ok
                                                                             : exit_unavailable;
    }
    std::unique_ptr<Host> host = make_glfw_host();
    const int code = run(*host, options);
    if (code == exit_unavailable) {
        print_no_display_help("the window or its GL context could not be created");
        return options.screenshot_path.empty() && options.stats_path.empty() ? exit_ok
                                                                             : exit_unavailable;
    }
    return code;
}
