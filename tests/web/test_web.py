#!/usr/bin/python3
"""The browser build in real headless Chromium (WebGL 2 on SwiftShader).

Usage: test_web.py SITE_FOLDER NATIVE_BIN_FOLDER OUTPUT_FOLDER

At 390x844 (phone) and 820x1180 (tablet), device pixel ratio 2, touch enabled:
screenshots of home, a class page, search and bookmarks; OCR finds the drug names; the
browser draws what the native ES3 build draws; a touch-drag scrolls, a tap opens a class
and the browser's Back returns; a bookmark with a note survives a reload and a killed
browser once "saved" was shown; with the server stopped the app still opens and searches
(service worker); no request leaves the origin; an idle tab draws no frames for 5 s.
"""
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from browser import Browser, Server  # noqa: E402
from pictures import different_fraction, ocr_words  # noqa: E402
from web_diary import check_diary, check_draft_not_announced, check_saved_in_top_bar  # noqa: E402

site, native_bin, out = (pathlib.Path(argument) for argument in sys.argv[1:4])
out.mkdir(parents=True, exist_ok=True)
for old in out.glob("*.png"):
    old.unlink()
failures = []


def check(condition, message):
    print(("ok:   " if condition else "FAIL: ") + message, flush=True)
    if not condition:
        failures.append(message)
    return condition


def cli_json(*arguments):
    return json.loads(subprocess.run([str(native_bin / "lungguide-cli"), *arguments, "--json"],
                                     check=True, capture_output=True, text=True).stdout)


def sw_ready(browser):
    """The service worker controls the page and has every file in its cache."""
    browser.driver.set_script_timeout(60)
    return browser.driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        navigator.serviceWorker.ready.then(async () => {
            const names = await caches.keys();
            if (!names.length) return done(false);
            const cache = await caches.open(names[0]);
            const keys = await cache.keys();
            done(keys.length);
        }).catch(() => done(false));""")


egfr_drugs = [drug["name"].lower() for drug in cli_json("show", "class", "egfr")["drugs"]]
tired_titles = {result["title"].lower() for result in cli_json("search", "tired")["results"][:3]}
server = Server(site)
origin = server.origin
profile = pathlib.Path(tempfile.mkdtemp(prefix="lungguide-web-profile-"))
all_requests = []
started = time.time()

try:
    # ---- the phone: first visit, screenshots, touch, Back, bookmarks, idle ----------
    phone = Browser(profile, 390, 844)
    phone.open(origin + "/#home")
    check(phone.route() == "home", f"the start route is in the address: {phone.route()!r}")
    cached = sw_ready(phone)
    site_files = [p for p in site.rglob("*") if p.is_file()]
    check(cached and cached >= len(site_files),
          f"the service worker cached every file on the first visit ({cached} of {len(site_files)})")
    shot = phone.screenshot(out / "phone-home.png")
    check(phone.js("return screen.width * devicePixelRatio") == 780, "device pixel ratio 2")
    home_words = ocr_words(shot)
    check("lungguide" in " ".join(home_words) or "egfr" in home_words,
          "OCR reads the home screen")

    # A touch-drag scrolls home until the EGFR tile shows; a tap on it opens the class.
    tile = phone.reveal("EGFR")
    phone.tap(tile)
    check(phone.route() == "class/egfr", f"a tap opened the EGFR class (route {phone.route()!r})")
    shot = phone.screenshot(out / "phone-class-egfr.png")
    words = " ".join(ocr_words(shot))
    found = [drug for drug in egfr_drugs if drug in words]
    check(len(found) >= 2 or "osimertinib" in words,
          f"OCR finds EGFR drug names on the class page: {found}")

    # A quick touch-drag up scrolls the page, further than the finger went (inertia).
    def positions(items):
        labels = [item["label"] for item in items]
        return {item["label"]: item["y0"] for item in items
                if item["label"] != "text" and labels.count(item["label"]) == 1}

    def moved(old, new):
        shifts = [old[label] - new[label] for label in old if label in new]
        return max(shifts) if shifts else 0.0

    before = positions(phone.items())
    phone.drag((200, 650), (200, 450))
    dragged = positions(phone.items())
    check(moved(before, dragged) > 150,
          f"a 200 px touch-drag scrolled the page {moved(before, dragged):.0f} px")
    # Under the finger the page follows it exactly; only inertia takes it further.
    phone.fling((200, 650), (200, 450))
    phone.settle(timeout=30.0)
    flung = positions(phone.items())
    check(moved(dragged, flung) > 220,
          f"a 200 px flick moved the page {moved(dragged, flung):.0f} px (inertia carries it on)")
    phone.screenshot(out / "phone-class-egfr-scrolled.png")

    # The browser's Back returns home, and forward navigation is in the history.
    phone.driver.back()
    phone.settle()
    check(phone.route() == "home", f"the browser's Back returned home (route {phone.route()!r})")

    # The route in the fragment: a reload (or a bookmark of the page) opens it again.
    phone.driver.get(origin + "/?reload#search?q=tired")
    phone.wait_until("return document.body.dataset.started === 'yes'", "the app after reload")
    phone.settle()
    check(phone.route() == "search?q=tired", f"a link opens search (route {phone.route()!r})")
    shot = phone.screenshot(out / "phone-search-tired.png")
    words = " ".join(ocr_words(shot))
    check(any(title in words for title in tired_titles),
          f"OCR finds a search result for 'tired' ({sorted(tired_titles)})")

    # A bookmark with a note, saved, then a reload.
    phone.driver.get(origin + "/?bookmark#class/alk")
    phone.wait_until("return document.body.dataset.started === 'yes'", "the app")
    phone.settle()
    phone.tap(phone.find(prefix="Bookmark"))
    phone.tap(phone.find(label="Bookmark for Me"))  # nobody chosen yet: it asks for whom
    phone.driver.get(origin + "/?notes#bookmarks")
    phone.wait_until("return document.body.dataset.started === 'yes'", "the app")
    phone.settle()
    phone.tap(phone.find(prefix="input:note"))  # the bookmark's note box
    check(phone.js("return Module.lungguideWantsText") is True,
          "the note field asks for the soft keyboard")
    note = "Ask Dr Okafor about swollen ankles"
    saves_before = phone.js("return Module.lungguideSaves")
    phone.type_text(note)
    phone.tap(phone.find(prefix="heading:For"))  # leaving the box keeps the draft
    phone.wait_until(f"return Module.lungguideSaves > {saves_before} && "
                     "document.getElementById('save-status').dataset.state === 'saved'",
                     "the copy of the draft to IndexedDB")
    check_draft_not_announced(phone, check)
    saves_before = phone.js("return Module.lungguideSaves")
    phone.tap(phone.reveal("Save note"))
    phone.wait_until(f"return Module.lungguideSaves > {saves_before} && "
                     "document.getElementById('save-status').dataset.state === 'saved'",
                     "the copy to IndexedDB")
    told = None
    for _ in range(100):  # the announcement follows its own copy, which may come next
        told = phone.js("const status = document.getElementById('save-status');"
                        "return !status.classList.contains('faded') && status.textContent")
        if told == "Saved on this device":
            break
        time.sleep(0.1)
    check(told == "Saved on this device",
          f"once the note is in IndexedDB the person is told so ({told!r})")
    phone.screenshot(out / "phone-bookmarks.png")
    check_saved_in_top_bar(phone, check)
    check_diary(phone, origin, out, check)

    def note_in_store(browser):
        return browser.js("""
            const folder = '/data';
            return FS.readdir(folder).map(name => folder + '/' + name)
                .filter(path => FS.isFile(FS.stat(path).mode)).some(path =>
                    new TextDecoder('latin1').decode(FS.readFile(path)).includes(arguments[0]));
        """, note)

    phone.driver.refresh()
    phone.wait_until("return document.body.dataset.started === 'yes'", "the app after reload")
    phone.settle()
    check(phone.route() == "bookmarks", "a reload keeps the page")
    check(note_in_store(phone), "the bookmark's note survives a reload")
    check(phone.find(prefix="ALK") is not None, "the ALK bookmark is listed after a reload")

    # Idle: once settled, not a single frame for 5 s.
    phone.settle()
    frames = phone.frames()
    time.sleep(5)
    check(phone.frames() == frames, f"an idle tab drew {phone.frames() - frames} frames in 5 s")

    # Killed after "saved": a new browser on the same profile still has the note.
    killed = phone.kill()
    check(killed > 0, f"the browser was killed ({killed} processes)")
    phone = Browser(profile, 390, 844)
    phone.open(origin + "/#bookmarks")
    check(note_in_store(phone), "the note survives killing the browser after 'saved'")
    words = " ".join(ocr_words(phone.screenshot(out / "phone-bookmarks-after-kill.png")))
    check("okafor" in words, "after the kill the bookmarks page shows the note")

    # Offline: the server stops; the app still opens and searches.
    server.stop()
    phone.driver.get(origin + "/?offline#search?q=tired")
    phone.wait_until("return document.body.dataset.started === 'yes'", "the app offline")
    phone.settle()
    shot = phone.screenshot(out / "phone-offline-search.png")
    words = " ".join(ocr_words(shot))
    check(any(title in words for title in tired_titles), "offline, search still finds 'tired'")
    check(not [m for m in phone.console() if "SEVERE" in m and "Content Security" in m],
          "no Content-Security-Policy violations")
    phone.quit()
    all_requests += phone.requests

    # ---- the tablet: screenshots, and the same picture as the native ES3 build ---------
    server = Server(site)
    origin = server.origin
    tablet = Browser(pathlib.Path(tempfile.mkdtemp(prefix="lungguide-web-profile-")), 820, 1180)
    for route in ("home", "class/egfr", "search?q=tired", "bookmarks"):
        tablet.open(origin + "/?t#" + route)
        name = route.replace("/", "-").replace("?q=", "-")
        shot = tablet.screenshot(out / f"tablet-{name}.png")
        if route == "class/egfr":
            words = " ".join(ocr_words(shot))
            found = [drug for drug in egfr_drugs if drug in words]
            check(len(found) >= 3, f"tablet: OCR finds EGFR drug names: {found}")

    # The bookmarks file: one made by the native CLI opens through the file picker, the
    # browser's copy downloads with the same bookmark, and the summary opens to print.
    cli_data = pathlib.Path(tempfile.mkdtemp(prefix="lungguide-web-cli-"))
    exported = cli_data / "from-desktop.json"
    subprocess.run([str(native_bin / "lungguide-cli"), "--data-dir", str(cli_data), "bookmarks",
                    "add", "drug", "lorlatinib", "--for", "Dad", "--note", "Check cholesterol"],
                   check=True, capture_output=True)
    subprocess.run([str(native_bin / "lungguide-cli"), "--data-dir", str(cli_data), "bookmarks",
                    "export", str(exported)], check=True, capture_output=True)
    downloads = cli_data / "downloads"
    downloads.mkdir()
    tablet.cdp("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    tablet.open(origin + "/?x#bookmarks")
    check(tablet.js("return !document.getElementById('bookmark-tools').hidden"),
          "the Bookmarks screen shows its file and summary tools")
    tablet.js("document.getElementById('import-file').hidden = false")
    tablet.driver.find_element("id", "import-file").send_keys(str(exported))
    tablet.wait_until("return document.getElementById('tool-message').textContent.includes('Opened')",
                      "the import's message")
    message = tablet.js("return document.getElementById('tool-message').textContent")
    check("1 new" in message, f"a desktop export opens in the browser: {message!r}")
    tablet.settle()
    check(any(item["label"].startswith("Dad") or "Dad" in item["label"] for item in tablet.items()),
          "the imported person's bookmarks are there")
    tablet.driver.find_element("id", "export-button").click()
    deadline = time.time() + 20
    while time.time() < deadline and not list(downloads.glob("*.json")):
        time.sleep(0.2)
    copies = list(downloads.glob("*.json"))
    check(copies and "Check cholesterol" in copies[0].read_text(),
          f"'Save a copy' downloads the bookmarks with their notes ({[c.name for c in copies]})")
    tablet.js("Module.ccall('lungguide_web_items', 'string', [], [])")
    tablet.tap(tablet.find(label="Dad"))
    tablet.driver.find_element("id", "summary-button").click()
    tablet.wait_until("return true", "the summary")
    time.sleep(1)
    app_window = tablet.driver.current_window_handle
    others = [handle for handle in tablet.driver.window_handles if handle != app_window]
    check(len(others) == 1, "the summary for the doctor opens as a page of its own")
    if len(others) == 1:
        tablet.driver.switch_to.window(others[0])
        tablet.wait_until("return document.body.innerText.includes('Lorlatinib')", "the summary text")
        text = tablet.js("return document.body.innerText")
        check("Check cholesterol" in text and "doctor" in text.lower(),
              "the summary lists Dad's bookmark, its note and the advice to ask the doctor")
        tablet.screenshot(out / "tablet-summary.png")
        tablet.driver.close()
        tablet.driver.switch_to.window(app_window)
    shutil.rmtree(cli_data, ignore_errors=True)
    tablet.quit()
    all_requests += tablet.requests

    # Native ES3 and the browser at the same size and scale (ratio 1): the same picture.
    compare = Browser(pathlib.Path(tempfile.mkdtemp(prefix="lungguide-web-profile-")),
                      820, 1180, ratio=1.0)
    for route in ("home", "class/egfr"):
        compare.open(origin + "/?c#" + route)
        name = route.replace("/", "-")
        web_shot = compare.screenshot(out / f"compare-web-{name}.png")
        native_shot = out / f"compare-native-{name}.png"
        subprocess.run(["bash", str(pathlib.Path(__file__).parent / "native_shot.sh"),
                        str(native_bin), "820x1180", route, str(native_shot)], check=True)
        fraction = different_fraction(web_shot, native_shot)
        check(fraction < 0.02, f"{route}: browser and native ES3 differ in {fraction:.2%} of pixels")
    compare.quit()
    all_requests += compare.requests
finally:
    try:
        server.stop()
    except Exception:
        pass

foreign = sorted({url for url in all_requests
                  if urllib.parse.urlparse(url).scheme in ("http", "https", "ws", "wss")
                  and not url.startswith("http://127.0.0.1:")})
check(all_requests and not foreign, f"{len(all_requests)} requests, none to another origin {foreign[:5]}")
print(f"web tests: {time.time() - started:.0f} s, {len(failures)} failed")
shutil.rmtree(profile, ignore_errors=True)
sys.exit(1 if failures else 0)
