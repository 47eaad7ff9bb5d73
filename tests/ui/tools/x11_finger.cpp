// A test helper that acts as a finger on a real X display (Xvfb): finds the LungGuide
// window, moves the pointer, presses and releases, or presses a key. Plain Xlib (no
// XTest on this system): XWarpPointer moves the real pointer, XSendEvent delivers the
// button and key events to the window, which GLFW handles like any other.
//
//   x11_finger tap X Y        tap at window coordinates
//   x11_finger key NAME       press and release a key (e.g. Escape)
//   x11_finger wait           wait until the window exists (up to 5 s)
//   x11_finger close          ask the window to close, as its title bar's close button does
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/keysym.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

namespace {

Window find_window(Display* display, Window parent) {
    char* name = nullptr;
    if (XFetchName(display, parent, &name) && name) {
        const bool match = std::strcmp(name, "LungGuide") == 0;
        XFree(name);
        if (match) return parent;
    }
    Window root = 0;
    Window parent_of = 0;
    Window* children = nullptr;
    unsigned int count = 0;
    if (!XQueryTree(display, parent, &root, &parent_of, &children, &count)) return 0;
    Window found = 0;
    for (unsigned int index = 0; index < count && !found; ++index)
        found = find_window(display, children[index]);
    if (children) XFree(children);
    return found;
}

void pause_ms(int milliseconds) {
    std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
}

void send_button(Display* display, Window window, int x, int y, bool press) {
    XEvent event{};
    event.xbutton.type = press ? ButtonPress : ButtonRelease;
    event.xbutton.display = display;
    event.xbutton.window = window;
    event.xbutton.root = DefaultRootWindow(display);
    event.xbutton.x = x;
    event.xbutton.y = y;
    event.xbutton.button = Button1;
    event.xbutton.same_screen = True;
    event.xbutton.state = press ? 0 : Button1Mask;
    XSendEvent(display, window, True, press ? ButtonPressMask : ButtonReleaseMask, &event);
    XFlush(display);
}

void send_key(Display* display, Window window, KeySym symbol, bool press) {
    XEvent event{};
    event.xkey.type = press ? KeyPress : KeyRelease;
    event.xkey.display = display;
    event.xkey.window = window;
    event.xkey.root = DefaultRootWindow(display);
    event.xkey.keycode = XKeysymToKeycode(display, symbol);
    event.xkey.same_screen = True;
    XSendEvent(display, window, True, press ? KeyPressMask : KeyReleaseMask, &event);
    XFlush(display);
}

// The window manager's close request (WM_DELETE_WINDOW), which GLFW turns into should_close.
void send_close(Display* display, Window window) {
    XEvent event{};
    event.xclient.type = ClientMessage;
    event.xclient.window = window;
    event.xclient.message_type = XInternAtom(display, "WM_PROTOCOLS", False);
    event.xclient.format = 32;
    event.xclient.data.l[0] = static_cast<long>(XInternAtom(display, "WM_DELETE_WINDOW", False));
    event.xclient.data.l[1] = CurrentTime;
    XSendEvent(display, window, False, NoEventMask, &event);
    XFlush(display);
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: x11_finger tap X Y | key NAME | wait | close\n");
        return 64;
    }
    Display* display = XOpenDisplay(nullptr);
    if (!display) {
        std::fprintf(stderr, "x11_finger: no display\n");
        return 69;
    }
    Window window = 0;
    for (int attempt = 0; attempt < 50 && !window; ++attempt) {
        window = find_window(display, DefaultRootWindow(display));
        if (!window) pause_ms(100);
    }
    if (!window) {
        std::fprintf(stderr, "x11_finger: no LungGuide window\n");
        return 1;
    }
    const std::string action = argv[1];
    if (action == "tap" && argc == 4) {
        const int x = std::atoi(argv[2]);
        const int y = std::atoi(argv[3]);
        XWarpPointer(display, None, window, 0, 0, 0, 0, x, y);
        XFlush(display);
        pause_ms(150);
        send_button(display, window, x, y, true);
        pause_ms(150); // a finger rests briefly; the app draws frames meanwhile
        send_button(display, window, x, y, false);
        pause_ms(150);
    } else if (action == "key" && argc == 3) {
        const KeySym symbol = XStringToKeysym(argv[2]);
        send_key(display, window, symbol, true);
        pause_ms(100);
        send_key(display, window, symbol, false);
        pause_ms(150);
    } else if (action == "close") {
        send_close(display, window);
    } else if (action != "wait") {
        std::fprintf(stderr, "x11_finger: unknown action\n");
        return 64;
    }
    XCloseDisplay(display);
    return 0;
}
