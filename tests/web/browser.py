"""Headless Chromium for the web tests: WebGL 2 through SwiftShader, a phone or tablet
viewport with a device pixel ratio and touch, real touch events over the DevTools
protocol, every network request recorded, and a local server that can be stopped."""
import functools
import http.server
import json
import os
import pathlib
import signal
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from page import AppPage


class Server:
    """python3 -m http.server's handler on a free port, in this process."""

    def __init__(self, folder):
        handler = functools.partial(QuietHandler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def origin(self):
        return f"http://127.0.0.1:{self.port}"

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".webmanifest": "application/manifest+json",
                      ".js": "text/javascript"}

    def log_message(self, *args):
        pass


class Browser(AppPage):
    """One Chromium process with its own profile folder (kept across restarts, so
    IndexedDB and the service worker's cache persist as on a tablet)."""

    quiet_seconds = 0.6

    def __init__(self, profile, width, height, ratio=2.0):
        self.profile = profile
        self.width, self.height, self.ratio = width, height, ratio
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for argument in ("--headless=new", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                         "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--disable-features=Translate,OptimizationHints",
                         f"--user-data-dir={profile}", f"--window-size={width},{height}"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.driver.set_script_timeout(60)
        self.requests = []
        self.cdp("Network.enable", {})
        self.cdp("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": ratio, "mobile": True})
        self.cdp("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})

    def cdp(self, command, parameters):
        return self.driver.execute_cdp_cmd(command, parameters)

    def find(self, label=None, prefix=None):
        for item in self.items():
            if (label and item["label"] == label) or (prefix and item["label"].startswith(prefix)):
                return item
        raise AssertionError(f"nothing labelled {label or prefix!r} on {self.route()!r}")

    def reveal(self, prefix):
        """Drags the page up with a finger until the item is fully on screen."""
        for _ in range(10):
            item = self.find(prefix=prefix)
            if item["y0"] >= 0 and item["y1"] <= self.height - 10:
                return item
            self.drag((self.width / 2, self.height * 0.75), (self.width / 2, self.height * 0.4),
                      hold=True)
        raise AssertionError(f"could not scroll {prefix!r} into view")

    # ---- touch: real touch events, as a finger makes them ----
    def touch(self, kind, points):
        self.cdp("Input.dispatchTouchEvent", {
            "type": kind, "touchPoints": [{"x": x, "y": y, "id": 1} for x, y in points]})

    def tap(self, item_or_point):
        if isinstance(item_or_point, dict):
            item = item_or_point
            point = ((item["x0"] + item["x1"]) / 2, (item["y0"] + item["y1"]) / 2)
        else:
            point = item_or_point
        self.touch("touchStart", [point])
        time.sleep(0.05)
        self.touch("touchEnd", [])
        self.settle()

    def drag(self, start, end, steps=12, step_seconds=0.016, hold=False, settle=True):
        """A finger drag; hold=True rests the finger before lifting it (no fling)."""
        self.touch("touchStart", [start])
        for step in range(1, steps + 1):
            t = step / steps
            self.touch("touchMove", [(start[0] + (end[0] - start[0]) * t,
                                      start[1] + (end[1] - start[1]) * t)])
            time.sleep(step_seconds)
        if hold:
            time.sleep(0.3)
        self.touch("touchEnd", [])
        if settle:
            self.settle(timeout=30.0)

    def fling(self, start, end, frames=8):
        """A quick finger flick paced by the display (one touchmove per animation frame, as
        a tablet delivers them), then a lift; returns when the finger is lifted.
        (DevTools touch events each wait for a round trip, slower than frames on a busy
        machine, which a real finger never is.)"""
        self.driver.execute_async_script("""
            const [x0, y0, x1, y1, frames, done] = arguments;
            const canvas = document.getElementById('canvas');
            const box = canvas.getBoundingClientRect();
            const touch = (x, y) => new Touch({identifier: 7, target: canvas,
                clientX: box.left + x, clientY: box.top + y, pageX: box.left + x, pageY: box.top + y});
            const send = (type, x, y, down) => canvas.dispatchEvent(new TouchEvent(type, {
                bubbles: true, cancelable: true, touches: down ? [touch(x, y)] : [],
                targetTouches: down ? [touch(x, y)] : [], changedTouches: [touch(x, y)]}));
            send('touchstart', x0, y0, true);
            let frame = 0;
            const step = () => {
                frame += 1;
                const t = frame / frames;
                send('touchmove', x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, true);
                if (frame < frames) return requestAnimationFrame(step);
                requestAnimationFrame(() => { send('touchend', x1, y1, false); done(); });
            };
            requestAnimationFrame(() => requestAnimationFrame(step));
        """, start[0], start[1], end[0], end[1], frames)

    def type_text(self, text):
        self.cdp("Input.insertText", {"text": text})
        self.settle()

    # ---- a composing keyboard (Android's, dictation, Chinese or Japanese input) ----
    def compose(self, stages, commit, replace=None):
        """Each stage shown as composition (underlined, not yet the person's), then the
        commit. replace=(start, end): the composition replaces that range (autocorrect)."""
        for stage in stages:
            parameters = {"text": stage, "selectionStart": len(stage), "selectionEnd": len(stage)}
            if replace:
                parameters.update(replacementStart=replace[0], replacementEnd=replace[1])
            self.cdp("Input.imeSetComposition", parameters)
        if commit is None:
            self.settle(0.25)
        else:
            self.cdp("Input.insertText", {"text": commit})
            self.settle(0.25)

    # ---- the accessible DOM (site/semantics.js) ----
    def editor_value(self):
        return self.js("const e = document.activeElement; return e && e.value !== undefined ? e.value : null")

    def press(self, label):
        """Activates a node of the accessible DOM by its words, as a screen reader does."""
        found = self.js("""
            const node = Array.from(document.querySelectorAll('#semantics button, #semantics a'))
                .find(e => e.textContent.trim() === arguments[0] || e.textContent.startsWith(arguments[0]));
            if (!node) return false;
            node.click();
            return true;""", label)
        assert found, f"no button {label!r} in the accessible DOM on {self.route()!r}"
        self.settle(0.3)

    def tap_box(self, label):
        """A finger on the text box named label (the page's real input over the drawn box)."""
        ids = [node["id"] for node in self.semantic_tree()
               if node["role"] == "text_box" and node["text"] == label]
        assert ids, f"no text box {label!r} on {self.route()!r}"
        self.js("Module.ccall('lungguide_web_show', null, ['number'], [arguments[0]])", ids[0])
        self.settle(0.3)
        box = self.js("""
            const e = document.querySelector('#semantics [data-id="' + arguments[0] + '"]');
            if (!e) return null;
            const r = e.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2];""", ids[0])
        assert box, f"no text box {label!r} on {self.route()!r}"
        self.tap(tuple(box))

    def collect_requests(self):
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                self.requests.append(message["params"]["request"]["url"])
        return self.requests

    def console(self):
        return [entry["message"] for entry in self.driver.get_log("browser")]

    def quit(self):
        self.collect_requests()
        self.driver.quit()

    def kill(self):
        """SIGKILL to every process of this browser (found by its own profile folder),
        as when a tablet's system ends it: no unload, no clean shutdown."""
        self.collect_requests()
        marker = f"--user-data-dir={self.profile}"
        killed = 0
        for pid_folder in pathlib.Path("/proc").iterdir():
            if not pid_folder.name.isdigit():
                continue
            try:
                arguments = (pid_folder / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if marker.encode() in arguments:
                try:
                    os.kill(int(pid_folder.name), signal.SIGKILL)
                    killed += 1
                except ProcessLookupError:
                    pass
        try:
            self.driver.service.stop()  # chromedriver itself, which we started
        except Exception:
            pass
        return killed
