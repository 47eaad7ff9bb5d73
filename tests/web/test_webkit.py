#!/usr/bin/python3
"""The browser build in Safari's engine: WebKitGTK (MiniBrowser driven by WebKitWebDriver
under a private Xvfb), a phone (390x844) and a tablet (820x1180) at device pixel ratio 2.

Usage: test_webkit.py SITE_FOLDER NATIVE_BIN_FOLDER OUTPUT_FOLDER

Screenshots (also at 250 % text) with OCR; touch (TouchEvents on the canvas, as Safari
sends them) scrolls and opens a class; the EGFR page's heading, words and drug buttons as
WebKit's own accessibility computes them (role and name); a bookmark made with the keyboard
on the accessible DOM; typing (real keys, and a composition as an IME sends it) in the
search and note boxes; a note surviving a reload; the summary printed and downloaded with no
path; offline start from the service worker; a second page of the app starting while the
first is kept in WebKit's back/forward cache.
"""
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from browser import Server  # noqa: E402
from checks import Checks, cli_json, folders  # noqa: E402
from pictures import ocr_words  # noqa: E402
from webkit import PrivateXvfb, WebKit, mini_browser  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

site, native_bin, out = folders("webkit-*.png")
check = Checks()


def eventually(read, wanted, timeout=10.0):
    """What read() gives once it gives `wanted`, or last at the timeout (a loaded machine
    draws the app's next frames late)."""
    deadline = time.time() + timeout
    value = read()
    while value != wanted and time.time() < deadline:
        time.sleep(0.1)
        value = read()
    return value


if not mini_browser():
    print("WebKitGTK's MiniBrowser is not installed (webkit2gtk-driver)")
    sys.exit(1)
egfr_drugs = [drug["name"] for drug in cli_json(native_bin, "show", "class", "egfr")["drugs"]]
server = Server(site)
origin = server.origin
xvfb = PrivateXvfb()
phone = None


def start(browser, route):
    browser.open(origin + "/?" + str(time.time_ns()) + "#" + route)


def compose_in_page(browser, element, stages, commit):
    """What an IME sends, composed in the page: compositionstart, the text growing under
    compositionupdate and input events marked isComposing, then compositionend. WebKitGTK
    has no IME to drive from WebDriver, so this checks the page's handling in WebKit."""
    browser.js("""
        const [box, stages, commit] = arguments;
        const before = box.value.slice(0, box.selectionStart);
        const after = box.value.slice(box.selectionEnd);
        box.dispatchEvent(new CompositionEvent('compositionstart', {data: ''}));
        for (const stage of stages) {
            box.dispatchEvent(new CompositionEvent('compositionupdate', {data: stage}));
            box.value = before + stage + after;
            box.setSelectionRange(before.length + stage.length, before.length + stage.length);
            box.dispatchEvent(new InputEvent('input', {data: stage, isComposing: true,
                                                       inputType: 'insertCompositionText'}));
        }
        window.lungguideDuring = Module.lungguideSemanticTree()
            .filter(n => n.role === 'text_box' && n.focused).map(n => n.value)[0];
        box.value = before + commit + after;
        box.setSelectionRange(before.length + commit.length, before.length + commit.length);
        box.dispatchEvent(new InputEvent('input', {data: commit, isComposing: true,
                                                   inputType: 'insertCompositionText'}));
        box.dispatchEvent(new CompositionEvent('compositionend', {data: commit}));
    """, element, stages, commit)
    browser.settle(0.3)


try:
    # ---- the phone ------------------------------------------------------------------
    phone = WebKit(xvfb.display, 390, 844)
    start(phone, "home")
    check(phone.js("return [innerWidth, devicePixelRatio]") == [390, 2],
          "WebKitGTK at 390x844, device pixel ratio 2")
    phone.driver.set_script_timeout(60)
    cached = phone.driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        navigator.serviceWorker.ready.then(async () => {
            const names = await caches.keys();
            const cache = await caches.open(names[0]);
            done((await cache.keys()).length);
        }).catch(() => done(0));""")
    site_files = [path for path in site.rglob("*") if path.is_file()]
    check(cached >= len(site_files), f"the service worker cached every file ({cached} of {len(site_files)})")
    words = " ".join(ocr_words(phone.screenshot(out / "webkit-phone-home.png")))
    check("lungguide" in words or "search" in words, "OCR reads the home screen")

    # Touch: a finger drags home up until the EGFR tile shows, then taps it.
    tile = None
    for _ in range(10):
        tile = next((item for item in phone.items() if item["label"].startswith("EGFR")), None)
        if tile and 0 <= tile["y0"] and tile["y1"] <= 820:
            break
        phone.touch([(200, 650), (200, 350)], steps=10, hold=0.3)
    phone.tap(tile)
    try:
        phone.wait_until("return location.hash === '#class/egfr'", "the class page", timeout=10)
    except AssertionError:
        pass
    check(phone.route() == "class/egfr", f"a tap opened the EGFR class ({phone.route()!r})")
    words = " ".join(ocr_words(phone.screenshot(out / "webkit-phone-class-egfr.png")))
    found = [drug for drug in egfr_drugs if drug.lower() in words]
    check(len(found) >= 2, f"OCR finds EGFR drug names: {found}")

    # The accessible DOM as WebKit's accessibility computes it (role, name).
    title = phone.node_element("heading", "EGFR inhibitors")
    check((title.aria_role, title.accessible_name) == ("heading", "EGFR inhibitors"),
          f"the title is a heading: {title.aria_role!r} {title.accessible_name!r}")
    words = phone.node_element("paragraph", "Epidermal growth factor")
    check(words.aria_role == "paragraph" and "protein on the surface of cells" in words.text,
          "the page's words are a paragraph of text")
    named = []
    for drug in egfr_drugs:
        element = phone.node_element("button", drug)
        named.append((element.aria_role, element.accessible_name))
    check(all(role == "button" and name.startswith(drug) for (role, name), drug in zip(named, egfr_drugs)),
          f"every EGFR drug is a button named for it: {named[:2]}…")
    # A bookmark made with the keyboard alone: Tab's place on the button, Enter; nobody is
    # chosen yet, so it asks for whom, and Enter on the dialog's button.
    for name in ("Bookmark for Me…", "Bookmark for Me"):
        node = next(node for node in phone.semantic_tree()
                    if node["role"] == "button" and node["text"] == name)
        button = phone.driver.find_element("css selector", f'#semantics [data-id="{node["id"]}"]')
        phone.js("arguments[0].focus()", button)
        phone.driver.switch_to.active_element.send_keys(Keys.ENTER)
        phone.settle()
    check(any(node["text"].startswith("Bookmarked for Me") for node in phone.semantic_tree()),
          "Enter on the bookmark button bookmarked EGFR inhibitors")

    # Typing: real keys into the real search box, then a composition.
    start(phone, "search")
    box = phone.driver.switch_to.active_element
    check(box.get_attribute("type") == "search", "the search screen opens with its search box focused")
    box.send_keys("rash")
    typed = eventually(lambda: phone.app_value("Search"), "rash")
    check(typed == "rash" and phone.route() == "search?q=rash",
          f"typed keys search 'rash' ({typed!r}, {phone.route()!r})")
    box.send_keys(" ")
    phone.wait_until("return Module.lungguideSemanticTree().some(n => n.role === 'text_box' && n.value === 'rash ')",
                     "the space in the app's box")
    compose_in_page(phone, box, ["a", "ar", "arm"], "arms")
    during = phone.js("return window.lungguideDuring")
    after = eventually(lambda: phone.app_value("Search"), "rash arms")
    check(during == "rash " and after == "rash arms",
          f"composed, 'arms' is searched only once committed ({during!r} then {after!r})")

    # A note, typed with keys, kept across a reload.
    start(phone, "bookmarks")
    note_box = phone.node_element("text_box", "Note")
    phone.show(note_box)
    note_box.click()  # a real pointer on the real box
    note = "Ask about the cream for her rash"
    phone.driver.switch_to.active_element.send_keys(note)
    held = eventually(lambda: phone.app_value("Note"), note)
    check(held == note, f"the note box holds the note ({held!r})")
    phone.js("document.activeElement.blur()")
    phone.wait_until("return document.getElementById('save-status').dataset.state === 'saved'",
                     "the copy to IndexedDB")
    phone.driver.refresh()
    phone.wait_until("return document.body.dataset.started === 'yes'", "the app after a reload")
    phone.settle()
    check(phone.app_value("Note") == note, "the note survives a reload")
    saves = phone.js("return Module.lungguideSaves")
    phone.press("Save note")  # the draft becomes the note
    phone.wait_until("return Module.lungguideSemanticTree().some(n => n.text === 'Note saved.')",
                     "'Note saved.'", timeout=15)
    check(True, "'Save note' on the accessible DOM saves it")
    # The next step opens a new page: only what IndexedDB holds comes back, as for a person
    # who closes the tab (the app says "Saved on this device" then).
    phone.wait_until(f"return Module.lungguideSaves > {saves} && "
                     "document.getElementById('save-status').dataset.state === 'saved'",
                     "the saved note in IndexedDB", timeout=15)

    # The summary: printed from the app's own page, downloaded with no path.
    start(phone, "summary")
    phone.js("""window.lungguidePrinted = 0; window.print = () => { window.lungguidePrinted += 1; };
        window.lungguideDownloads = [];
        const blobs = new Map();
        const made = URL.createObjectURL;
        URL.createObjectURL = function (blob) { const url = made(blob); blobs.set(url, blob); return url; };
        HTMLAnchorElement.prototype.click = function () {
            window.lungguideDownloads.push([this.download, blobs.get(this.href)]); };""")
    phone.press("Print")
    phone.wait_until("return window.lungguidePrinted === 1", "the print dialog")
    printed = phone.js("return document.getElementById('print-view').innerText")
    check("EGFR inhibitors" in printed and note in printed, "Print gets the summary and the note")
    phone.press("Download as a page to print")
    phone.wait_until("return window.lungguideDownloads.length > 0", "the download", timeout=15)
    phone.driver.set_script_timeout(30)
    name, text = phone.driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        if (!window.lungguideDownloads.length) return done(['', '']);
        const [name, blob] = window.lungguideDownloads[0];
        blob.text().then(text => done([name, text])).catch(e => done(['', String(e)]));""")
    check(name.startswith("lungguide-summary-") and "/" not in name and note in text,
          f"the summary downloads as {name!r} with the note ({text[:60]!r})")
    said = " ".join(node["text"] for node in phone.semantic_tree())
    check("folder" not in said.lower() and "/data" not in said, "no folder or path on the summary")

    # 250 % text, as a person with poor eyesight sets it.
    start(phone, "settings")
    phone.press("250%")
    start(phone, "class/egfr")
    words = " ".join(ocr_words(phone.screenshot(out / "webkit-phone-class-egfr-250.png")))
    check("egfr" in words, "at 250 % the EGFR page reads")

    # Offline: the server stops; the app still opens and searches.
    server.stop()
    start(phone, "search?q=tired")
    results = [node["text"] for node in phone.semantic_tree() if node["role"] == "button"]
    check(any("atigue" in text or "ired" in text for text in results),
          f"offline, search still answers 'tired' ({results[2:4]})")
    phone.screenshot(out / "webkit-phone-offline-search.png")
    phone.quit()
    phone = None

    # ---- the tablet ----------------------------------------------------------------
    server = Server(site)
    origin = server.origin
    tablet = WebKit(xvfb.display, 820, 1180)
    phone = tablet
    start(tablet, "class/egfr")
    words = " ".join(ocr_words(tablet.screenshot(out / "webkit-tablet-class-egfr.png")))
    found = [drug for drug in egfr_drugs if drug.lower() in words]
    check(len(found) >= 3, f"tablet: OCR finds EGFR drug names: {found}")
    start(tablet, "home")
    tablet.screenshot(out / "webkit-tablet-home.png")
finally:
    if phone:
        phone.quit()
    try:
        server.stop()
    except Exception:
        pass
    xvfb.stop()

check.finish("webkit tests")
