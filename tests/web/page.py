"""What every browser driver of the web tests does with the app's page, whatever the engine:
open it and wait for the app, run script in it, wait until the app stops drawing, read its
route, its accessible DOM and what is tappable, and take a screenshot. browser.py
(Chromium) and webkit.py (WebKitGTK) add their engine's own input on top."""
import json
import pathlib
import time
import urllib.parse


class AppPage:
    """A subclass sets self.driver (a Selenium WebDriver); quiet_seconds is how long the
    app must draw nothing to count as settled on that engine."""

    quiet_seconds = 0.5

    def js(self, script, *arguments):
        return self.driver.execute_script(script, *arguments)

    def open(self, url, wait_started=True):
        self.driver.get(url)
        if wait_started:
            self.wait_until("return document.body && document.body.dataset.started === 'yes'",
                            what="the app to start")
            self.settle()

    def wait_until(self, script, what, timeout=60.0):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if self.js(script):
                    return
            except Exception:  # the page may be between documents
                pass
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}")

    def frames(self):
        return self.js("return Module.lungguideFrames || 0")

    def settle(self, quiet_seconds=None, timeout=20.0):
        """Waits until the app stops drawing (its loop pauses when idle)."""
        quiet_seconds = self.quiet_seconds if quiet_seconds is None else quiet_seconds
        deadline = time.time() + timeout
        last = self.frames()
        quiet_since = time.time()
        while time.time() < deadline:
            time.sleep(0.1)
            now = self.frames()
            if now != last:
                last, quiet_since = now, time.time()
            elif time.time() - quiet_since >= quiet_seconds:
                return
        raise AssertionError("the app kept drawing")

    def route(self):
        return urllib.parse.unquote(self.js("return location.hash").lstrip("#"))

    def items(self, settle=True):
        """What is tappable on screen, by label (the app's own test hook). settle=False:
        as drawn in the last frame, even while the page still moves."""
        if settle:
            self.js("Module.ccall('lungguide_web_items', 'string', [], [])")
            self.settle(0.3)
        return json.loads(self.js("return Module.ccall('lungguide_web_items', 'string', [], [])"))

    # ---- the accessible DOM (site/semantics.js) ----
    def semantic_tree(self):
        return self.js("return Module.lungguideSemanticTree ? Module.lungguideSemanticTree() : []")

    def app_value(self, label):
        """The text the app itself holds in the text box named label."""
        for node in self.semantic_tree():
            if node["role"] == "text_box" and node["text"] == label:
                return node["value"]
        raise AssertionError(f"no text box {label!r} on {self.route()!r}")

    def screenshot(self, path):
        pathlib.Path(path).write_bytes(self.driver.get_screenshot_as_png())
        return path
