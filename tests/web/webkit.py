"""WebKitGTK for the web tests: Safari's engine (WebKit, JavaScriptCore), driven through
Debian's WebKitWebDriver and MiniBrowser under a private Xvfb, at a phone's or a tablet's
size with a device pixel ratio of 2 (GDK_SCALE). WebKitGTK has no DevTools protocol and,
without a touch screen, no touch input of its own: touches are real TouchEvents dispatched
on the canvas (what Safari delivers on an iPad), keys are WebDriver's real key events."""
import glob
import os
import subprocess
import time

from selenium import webdriver

from page import AppPage


def mini_browser():
    found = sorted(glob.glob("/usr/lib/*-linux-gnu/webkit2gtk-4.*/MiniBrowser"))
    return found[-1] if found else None


class PrivateXvfb:
    """An X server of our own, large enough for a 820x1180 tablet at scale 2."""

    def __init__(self, width=1700, height=2400):
        self.process = None
        for number in range(230, 330):
            if os.path.exists(f"/tmp/.X{number}-lock") or os.path.exists(f"/tmp/.X11-unix/X{number}"):
                continue
            self.process = subprocess.Popen(
                ["Xvfb", f":{number}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp",
                 "-noreset"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(50):
                if os.path.exists(f"/tmp/.X11-unix/X{number}"):
                    break
                time.sleep(0.1)
            if self.process.poll() is None and os.path.exists(f"/tmp/.X11-unix/X{number}"):
                self.display = f":{number}"
                return
            self.process.kill()
        raise RuntimeError("could not start Xvfb")

    def stop(self):
        if self.process:
            self.process.kill()
            self.process.wait()


class WebKit(AppPage):
    """One MiniBrowser, full screen (no toolbar), its window sized to the device."""

    def __init__(self, display, width, height, ratio=2):
        self.width, self.height, self.ratio = width, height, ratio
        environment = {"DISPLAY": display, "GDK_SCALE": str(ratio), "GDK_BACKEND": "x11"}
        saved = {key: os.environ.get(key) for key in environment}
        os.environ.update(environment)
        os.environ.pop("WAYLAND_DISPLAY", None)
        try:
            options = webdriver.WebKitGTKOptions()
            options.binary_location = mini_browser()
            # The Storage API (navigator.storage.persist) is off by default in MiniBrowser;
            # Safari has it.
            for argument in ("--automation", "--full-screen", "--features=+StorageAPI"):
                options.add_argument(argument)
            self.driver = webdriver.WebKitGTK(options=options)
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
        self.driver.set_window_rect(x=0, y=0, width=width, height=height)
        self.driver.set_script_timeout(60)

    def node_element(self, role, start):
        """The accessible DOM's element for the first node of this role whose words start so."""
        for node in self.semantic_tree():
            if node["role"] == role and node["text"].startswith(start):
                return self.driver.find_element(
                    "css selector", f'#semantics [data-id="{node["id"]}"]')
        raise AssertionError(f"no {role} {start!r} on {self.route()!r}")

    def press(self, label):
        element = self.node_element("button", label)
        self.js("arguments[0].click()", element)
        self.settle(0.3)

    def show(self, element):
        """Has the app scroll the node into view (as a screen reader moving there does)."""
        self.js("Module.ccall('lungguide_web_show', null, ['number'], [Number(arguments[0].dataset.id)])",
                element)
        self.settle(0.3)

    def touch(self, points, steps=1, hold=0.0):
        """A finger through the points (CSS pixels in the canvas): real TouchEvents, one per
        animation frame, as Safari delivers them."""
        self.driver.execute_async_script("""
            const [points, steps, hold, done] = arguments;
            const canvas = document.getElementById('canvas');
            const box = canvas.getBoundingClientRect();
            // WebKit's own way to make one (iOS Safari's too); its Touch() constructor is
            // not there without a touch screen.
            const touch = (x, y) => document.createTouch(window, canvas, 3, box.left + x,
                box.top + y, box.left + x, box.top + y);
            const list = (...touches) => document.createTouchList(...touches);
            const send = (type, x, y, down) => canvas.dispatchEvent(new TouchEvent(type, {
                bubbles: true, cancelable: true, touches: down ? list(touch(x, y)) : list(),
                targetTouches: down ? list(touch(x, y)) : list(), changedTouches: list(touch(x, y))}));
            const path = [];
            for (let i = 0; i + 1 < points.length; ++i)
                for (let s = 1; s <= steps; ++s)
                    path.push([points[i][0] + (points[i + 1][0] - points[i][0]) * s / steps,
                               points[i][1] + (points[i + 1][1] - points[i][1]) * s / steps]);
            send('touchstart', points[0][0], points[0][1], true);
            let at = 0;
            const step = () => {
                if (at < path.length) {
                    send('touchmove', path[at][0], path[at][1], true);
                    at += 1;
                    return requestAnimationFrame(step);
                }
                const last = points[points.length - 1];
                setTimeout(() => { send('touchend', last[0], last[1], false); done(); }, hold * 1000);
            };
            requestAnimationFrame(step);
        """, points, steps, hold)
        self.settle()

    def tap(self, item):
        self.touch([((item["x0"] + item["x1"]) / 2, (item["y0"] + item["y1"]) / 2)], hold=0.05)

    def quit(self):
        try:
            self.driver.quit()
        except Exception:
            pass
