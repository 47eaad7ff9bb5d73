#include "browser_history.h"

#include "navigation.h"

#include <emscripten.h>

#include <cstdlib>

namespace lungguide::platform {

namespace {

// The entry for route_text, pushed (push=1) or replacing the current one (push=0).
void write_entry(const std::string& route_text, std::size_t depth, bool push) {
    EM_ASM(
        {
            const url = "#" + encodeURI(UTF8ToString($0));
            const state = {lungguideDepth : $1};
            if ($2)
                history.pushState(state, "", url);
            else
                history.replaceState(state, "", url);
        },
        route_text.c_str(), static_cast<int>(depth), push ? 1 : 0);
}

} // namespace

std::string BrowserHistory::start_route() {
    // wasm32: a pointer fits the int that EM_ASM_INT returns.
    char* route = reinterpret_cast<char*>(EM_ASM_INT({
        var text = "";
        try {
            text = decodeURIComponent(location.hash.substring(1));
        } catch (error) {
        }
        return allocateUTF8(text);
    }));
    std::string text = route ? route : "";
    std::free(route);
    return text;
}

BrowserHistory::BrowserHistory(WebHost& host) : host_(host) {}

void BrowserHistory::browser_went_back() {
    ++browser_backs_;
    host_.request_back();
}

bool BrowserHistory::take_own_pop() {
    if (own_pops_ <= 0) return false;
    --own_pops_;
    return true;
}

void BrowserHistory::follow(const ui::Navigator& navigator) {
    const std::string route_text = ui::format_route(navigator.current());
    const std::size_t depth = navigator.depth();
    if (first_) {
        first_ = false;
        write_entry(route_text, depth, false);
    } else if (depth > depth_) {
        write_entry(route_text, depth, !address_entry_);
    } else if (depth < depth_) {
        if (browser_backs_ > 0) {
            // The browser went back already; only the entry's text may need settling.
            --browser_backs_;
            if (route_text != shown_) write_entry(route_text, depth, false);
        } else {
            // The app's own Back: step the browser's history with it.
            const int steps = static_cast<int>(depth_ - depth);
            own_pops_ += 1;
            EM_ASM({ history.go(-$0); }, steps);
        }
    } else if (browser_backs_ > 0) {
        // The browser's Back closed something within the page (the glossary panel): the
        // page keeps its place, so its history entry comes back.
        browser_backs_ = 0;
        write_entry(route_text, depth, true);
    } else if (route_text != shown_) {
        write_entry(route_text, depth, false);
    }
    address_entry_ = false;
    shown_ = route_text;
    depth_ = depth;
}

} // namespace lungguide::platform
