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
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from browser import Browser, Server  # noqa: E402
from checks import Checks, cli_json, folders  # noqa: E402
from pictures import different_fraction, ocr_words  # noqa: E402
from web_diary import check_diary, check_draft_not_announced, check_saved_in_top_bar  # noqa: E402

site, native_bin, out = folders()
check = Checks()


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


def ax_nodes(browser):
    """The browser's accessibility tree: (role, name, node) of each node it exposes."""
    nodes = browser.cdp("Accessibility.getFullAXTree", {})["nodes"]
    return [(node.get("role", {}).get("value", ""), node.get("name", {}).get("value", ""), node)
            for node in nodes if not node.get("ignored")]


egfr_drugs = [drug["name"].lower() for drug in cli_json(native_bin, "show", "class", "egfr")["drugs"]]
tired_titles = {result["title"].lower() for result in cli_json(native_bin, "search", "tired")["results"][:3]}
server = Server(site)
origin = server.origin
profile = pathlib.Path(tempfile.mkdtemp(prefix="lungguide-web-profile-"))
all_requests = []

try:
    # ---- the phone: first visit, screenshots, touch, Back, bookmarks, idle ----------
    phone = Browser(profile, 390, 844)
    phone.open(origin + "/#home")
    check(phone.route() == "home", f"the start route is in the address: {phone.route()!r}")
    cached = sw_ready(phone)
    site_files = [p for p in site.rglob("*") if p.is_file()]
    check(cached and cached >= len(site_files),
          f"the service worker cached every file on the first visit ({cached} of {len(site_files)})")
    phone.wait_until("return document.getElementById('tool-message').textContent === "
                     "'Ready to use offline'", "the offline message", timeout=30)
    check(True, "once every file is cached, the page says 'Ready to use offline'")
    shot = phone.screenshot(out / "phone-home.png")
    check(phone.js("return screen.width * devicePixelRatio") == 780, "device pixel ratio 2")
    opaque = subprocess.run(["identify", "-format", "%[opaque]", str(site / "icon-180.png")],
                            capture_output=True, text=True).stdout
    check(opaque == "true", "the home-screen icon (apple-touch-icon) is opaque: iOS fills "
                            "transparent corners with black")
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

    # The accessibility tree: the page's heading, its words and its drug buttons are
    # there (before the semantic layer: 3 named nodes and no text).
    ax = ax_nodes(phone)
    named = [(role, name) for role, name, _ in ax if name and role != "InlineTextBox"]
    print(f"      accessibility tree of class/egfr: {len(named)} named nodes "
          f"({sum(1 for role, _ in named if role == 'StaticText')} texts, "
          f"{sum(1 for role, _ in named if role == 'button')} buttons, "
          f"{sum(1 for role, _ in named if role == 'heading')} headings)")
    check(("heading", "EGFR inhibitors") in named, "the EGFR page's title is a heading")
    check(any(role == "StaticText" and "protein on the surface of cells" in name
              for role, name in named), "the page's words are text in the tree")
    ax_buttons = [name for role, name in named if role == "button"]
    missing = [drug for drug in egfr_drugs
               if not any(name.lower().startswith(drug) for name in ax_buttons)]
    check(not missing, f"every EGFR drug is a button in the tree (missing: {missing})")
    check(any(role == "link" and "adjuvant" in name for role, name in named),
          "glossary words are links")
    # Find-in-page finds the page's words (window.find is the browser's own finder), and
    # they can be selected and copied as text.
    found_text = phone.js("const found = window.find('protein on the surface of cells');"
                          "const text = String(getSelection()); getSelection().removeAllRanges();"
                          "return found && text;")
    check(found_text == "protein on the surface of cells",
          f"find-in-page finds and selects the page's words ({found_text!r})")
    # A bookmark made through the tree alone: the keyboard reaches the button and presses it;
    # nobody is chosen yet, so it asks for whom, and the dialog's button is in the tree too.
    def press_with_enter(name):
        found = [node for role, label, node in ax_nodes(phone)
                 if role == "button" and label == name]
        if found:
            phone.cdp("DOM.focus", {"backendNodeId": found[0]["backendDOMNodeId"]})
            for kind in ("rawKeyDown", "char", "keyUp"):
                phone.cdp("Input.dispatchKeyEvent", {"type": kind, "key": "Enter", "code": "Enter",
                                                     "windowsVirtualKeyCode": 13, "text": "\r"})
            phone.settle()
        return len(found) == 1

    check(press_with_enter("Bookmark for Me…"), "the bookmark button is in the tree: " + repr(
        [name for role, name, _ in ax_nodes(phone) if role == "button" and "ookmark" in name]))
    check(press_with_enter("Bookmark for Me"), "the 'for whom?' dialog's button is in the tree")
    after = [name for role, name, _ in ax_nodes(phone) if role == "button"]
    check(any(name.startswith("Bookmarked for Me") for name in after),
          "Enter on the tree's buttons bookmarked EGFR inhibitors")
    # And a drug opened by a screen reader's default action on its node.
    osimertinib = [node for role, name, node in ax_nodes(phone)
                   if role == "button" and name.lower().startswith("osimertinib")]
    if check(len(osimertinib) == 1, "Osimertinib is one button"):
        remote = phone.cdp("DOM.resolveNode", {"backendNodeId": osimertinib[0]["backendDOMNodeId"]})
        phone.cdp("Runtime.callFunctionOn", {"objectId": remote["object"]["objectId"],
                                             "functionDeclaration": "function () { this.click(); }"})
        phone.settle()
        check(phone.route() == "drug/osimertinib",
              f"activating its node opened the drug (route {phone.route()!r})")
        phone.driver.back()
        phone.settle()

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
    check(phone.js("return document.getElementById('tool-message').textContent") == "",
          "'Ready to use offline' is said once, not at every visit")
    shot = phone.screenshot(out / "phone-search-tired.png")
    words = " ".join(ocr_words(shot))
    check(any(title in words for title in tired_titles),
          f"OCR finds a search result for 'tired' ({sorted(tired_titles)})")

    # A composing keyboard in the search box: each word shows as it is composed (not yet
    # searched), then is committed once, as typed ("rash" once, never "rrarasrashrash").
    phone.driver.get(origin + "/?compose#search")
    phone.wait_until("return document.body.dataset.started === 'yes'", "the app")
    phone.settle()
    check(phone.js("return document.activeElement.getAttribute('type')") == "search",
          "the search screen opens with the real search box focused")
    phone.compose(["r", "ra", "ras", "rash"], None)
    check(phone.editor_value() == "rash" and phone.app_value("Search") == "",
          f"while composing the box shows 'rash' and nothing is searched yet "
          f"({phone.editor_value()!r}, app {phone.app_value('Search')!r})")
    phone.screenshot(out / "phone-search-composing.png")
    phone.cdp("Input.insertText", {"text": "rash"})
    phone.settle()
    check(phone.route() == "search?q=rash" and phone.editor_value() == "rash",
          f"committed, 'rash' is searched once ({phone.route()!r}, box {phone.editor_value()!r})")
    phone.cdp("Input.insertText", {"text": " "})
    phone.compose(["o", "on"], "on")
    phone.cdp("Input.insertText", {"text": " "})
    phone.compose(["a", "ar", "arm", "arms"], "arms")
    check(phone.app_value("Search") == "rash on arms",
          f"three composed words: {phone.app_value('Search')!r}")
    # Autocorrect replaces a word already committed.
    phone.press("Clear")
    phone.tap_box("Search")
    phone.compose(["t", "ti", "tir", "tird"], "tird")
    phone.compose(["tired"], "tired", replace=(0, 4))
    check(phone.app_value("Search") == "tired" and phone.route() == "search?q=tired",
          f"an autocorrect replacement: {phone.app_value('Search')!r}, route {phone.route()!r}")
    # Chinese input: pinyin composed, characters committed.
    phone.press("Clear")
    phone.tap_box("Search")
    phone.compose(["n", "ni", "nih", "niha", "nihao", "你好"], "你好")
    check(phone.app_value("Search") == "你好" and phone.editor_value() == "你好",
          f"a CJK string committed whole: {phone.app_value('Search')!r}")
    phone.screenshot(out / "phone-search-cjk.png")

    # The tab goes hidden (the app keeps its place), then is discarded and opened again at
    # its address: the same page, scrolled where it was.
    phone.driver.get(origin + "/?place#class/egfr")
    phone.wait_until("return document.body.dataset.started === 'yes'", "the app")
    phone.settle()
    phone.drag((200, 700), (200, 250), hold=True)
    phone.drag((200, 700), (200, 250), hold=True)
    place = positions(phone.items())
    saves_before = phone.js("return Module.lungguideSaves")
    phone.js("""for (const [name, value] of [['hidden', true], ['visibilityState', 'hidden']])
                    Object.defineProperty(document, name, {value: value, configurable: true});
                document.dispatchEvent(new Event('visibilitychange'));""")
    phone.wait_until(f"return Module.lungguideSaves > {saves_before}", "the copy to IndexedDB")
    phone.driver.get(origin + "/?reopened#class/egfr")
    phone.wait_until("return document.body.dataset.started === 'yes'", "the app")
    phone.settle()
    reopened = positions(phone.items())
    shift = moved(place, reopened)
    check(any(y < -300 for y in place.values()) and abs(shift) < 30,
          f"reopened, the page is where it was, scrolled ({shift:.0f} px off)")

    # A bookmark with a note, saved, then a reload.
    phone.driver.get(origin + "/?bookmark#class/alk")
    phone.wait_until("return document.body.dataset.started === 'yes'", "the app")
    phone.settle()
    # "Me" was chosen when EGFR was bookmarked through the tree: one tap bookmarks.
    phone.tap(phone.find(label="Bookmark for Me"))
    phone.driver.get(origin + "/?notes#bookmarks")
    phone.wait_until("return document.body.dataset.started === 'yes'", "the app")
    phone.settle()
    phone.tap_box("Note")  # a finger on the bookmark's note box
    check(phone.js("return Module.lungguideWantsText") is True,
          "the note field asks for the soft keyboard")
    note = "Ask Dr Okafor about swollen ankles (脚肿)"
    saves_before = phone.js("return Module.lungguideSaves")
    phone.js("""window.lungguideTold = [];
        const status = document.getElementById('save-status');
        new MutationObserver(function () {
            if (!status.classList.contains('faded')) window.lungguideTold.push(status.textContent);
        }).observe(status, {attributes: true, childList: true, characterData: true, subtree: true});""")
    # As a composing keyboard types it: word by word, a slip its autocorrect replaces, and
    # the last words in Chinese.
    for index, word in enumerate(note.replace("ankles", "ankels").split(" ")[:-1]):
        if index:
            phone.cdp("Input.insertText", {"text": " "})
        phone.compose([word[:1], word], word)
    typed_so_far = phone.app_value("Note")
    phone.compose(["ankles"], "ankles", replace=(len(typed_so_far) - 6, len(typed_so_far)))
    phone.cdp("Input.insertText", {"text": " ("})
    phone.compose(["j", "jiao", "jiaozh", "jiaozhong", "脚肿"], "脚肿")
    phone.cdp("Input.insertText", {"text": ")"})
    phone.settle(0.3)
    check(phone.app_value("Note") == note, f"the note box holds the note: {phone.app_value('Note')!r}")
    asked = phone.js("return Module.lungguideStoragePromise")
    check(asked in ("kept", "may_clear"),
          f"with a bookmark kept, the browser was asked to keep the storage ({asked!r})")
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
    told = []
    for _ in range(100):  # the announcement follows its own copy, which may come next
        told = phone.js("return window.lungguideTold")
        if "Saved on this device" in told:
            break
        time.sleep(0.1)
    check("Saved on this device" in told,
          f"once the note is in IndexedDB the person is told so ({told[-3:]!r})")
    phone.screenshot(out / "phone-bookmarks.png")
    check_saved_in_top_bar(phone, check)
    check_diary(phone, origin, out, check)

    def note_in_store(browser):
        return browser.js("""
            const folder = '/data';
            return FS.readdir(folder).map(name => folder + '/' + name)
                .filter(path => FS.isFile(FS.stat(path).mode)).some(path =>
                    new TextDecoder('utf-8').decode(FS.readFile(path)).includes(arguments[0]));
        """, note)

    phone.driver.refresh()
    phone.wait_until("return document.body.dataset.started === 'yes'", "the app after reload")
    phone.settle()
    check(phone.route() == "bookmarks", "a reload keeps the page")
    check(note_in_store(phone), "the bookmark's note survives a reload")
    check(phone.find(prefix="ALK") is not None, "the ALK bookmark is listed after a reload")

    # The other text boxes: a person's name, and "Someone else" in the "for whom?" picker.
    phone.tap_box("Add a person")
    phone.compose(["m", "ma", "mam", "mama", "妈妈"], "妈妈")
    check(phone.app_value("Add a person") == "妈妈",
          f"a CJK name composed into 'Add a person': {phone.app_value('Add a person')!r}")
    phone.compose(["Mum"], "Mum", replace=(0, 2))
    check(phone.app_value("Add a person") == "Mum",
          f"replaced by a suggestion: {phone.app_value('Add a person')!r}")
    phone.press("Add")
    check(any(node["role"] == "button" and node["text"] == "Mum" for node in phone.semantic_tree()),
          "Mum is added as a person")
    phone.driver.get(origin + "/?picker#class/egfr")
    phone.wait_until("return document.body.dataset.started === 'yes'", "the app")
    phone.settle()
    phone.press("Bookmarked for Me")  # "· Change" opens the "for whom?" picker
    phone.settle()
    phone.tap_box("Someone else")
    phone.compose(["b", "ba", "baba", "爸爸"], "爸爸")
    check(phone.app_value("Someone else") == "爸爸",
          f"a CJK name composed into the picker's 'Someone else': {phone.app_value('Someone else')!r}")
    phone.compose(["Dad"], "Dad", replace=(0, 2))
    check(phone.app_value("Someone else") == "Dad",
          f"replaced by a suggestion: {phone.app_value('Someone else')!r}")
    phone.screenshot(out / "phone-picker-typed.png")
    phone.press("Cancel")

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
    # A notch and a home indicator (safe areas): the app keeps inside them, the page around
    # it in the app's own colour.
    phone.cdp("Emulation.setSafeAreaInsetsOverride", {"insets": {"top": 47, "bottom": 34,
                                                                   "left": 0, "right": 0}})
    phone.driver.get(origin + "/?notch#class/egfr")
    phone.wait_until("return document.body.dataset.started === 'yes'", "the app")
    phone.settle()
    box = phone.js("const r = document.getElementById('surface').getBoundingClientRect();"
                   "const s = document.getElementById('semantics').getBoundingClientRect();"
                   "return [r.top, innerHeight - r.bottom, s.top, innerHeight - s.bottom,"
                   " getComputedStyle(document.body).backgroundColor]")
    phone.screenshot(out / "phone-notch.png")
    check(box[:4] == [47, 34, 47, 34] and box[4] != "rgb(255, 255, 255)",
          f"inside the safe area, on the app's own colour: {box}")
    phone.cdp("Emulation.setSafeAreaInsetsOverride", {"insets": {"top": 0, "bottom": 0,
                                                                   "left": 0, "right": 0}})

    # 250 % text, as a person with poor eyesight sets it: pictures to look at.
    phone.driver.get(origin + "/?large#settings")
    phone.wait_until("return document.body.dataset.started === 'yes'", "the app")
    phone.settle()
    phone.press("250%")
    for route in ("class/egfr", "search?q=rash"):
        phone.driver.get(origin + "/?large#" + route)
        phone.wait_until("return document.body.dataset.started === 'yes'", "the app")
        phone.settle()
        phone.screenshot(out / f"phone-250-{route.replace('/', '-').replace('?q=', '-')}.png")
    check(phone.app_value("Search") == "rash", "at 250 % the search box still holds the search")
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

    # Files, the browser's way: a copy made by the native CLI opens through the file picker,
    # "Save a copy" downloads, and the summary prints from the app's own page (no other tab
    # to go blank) or downloads; no folder, folder name or path anywhere.
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

    def words_on_screen(browser):
        return " ".join(node["text"] + " " + node.get("detail", "") for node in browser.semantic_tree())

    def downloaded(pattern, before=()):
        deadline = time.time() + 20
        while time.time() < deadline:
            found = [path for path in downloads.glob(pattern) if path not in before
                     and not path.name.endswith(".crdownload")]
            if found:
                return found[0]
            time.sleep(0.2)
        return None

    tablet.open(origin + "/?x#bookmarks")
    tablet.press("Open a copy")
    tablet.js("document.getElementById('open-file').hidden = false")
    tablet.driver.find_element("id", "open-file").send_keys(str(exported))
    tablet.wait_until("return Module.lungguideSemanticTree().some(n => n.text.startsWith('Opened'))",
                      "the import's message")
    opened = [node["text"] for node in tablet.semantic_tree() if node["text"].startswith("Opened")]
    check("1 new" in opened[0], f"a desktop export opens through the file picker: {opened[0]!r}")
    check(any(node["role"] == "button" and node["text"] == "Dad" for node in tablet.semantic_tree()),
          "the imported person's bookmarks are there")
    tablet.press("Save a copy")
    copy = downloaded("*.json")
    check(copy is not None and "Check cholesterol" in copy.read_text(),
          f"'Save a copy' downloads the bookmarks with their notes ({copy and copy.name})")
    tablet.press("Dad")
    tablet.press("Summary for the doctor")
    check(tablet.route() == "summary?for=Dad", f"Dad's summary opens ({tablet.route()!r})")
    tablet.js("window.lungguidePrinted = 0; window.print = function () { window.lungguidePrinted += 1; };")
    for attempt in ("first", "after a reload"):
        tablet.press("Print")
        tablet.wait_until("return window.lungguidePrinted === 1", "the print dialog")
        text = tablet.js("return document.getElementById('print-view').innerText")
        check("Lorlatinib" in text and "Check cholesterol" in text and "doctor" in text.lower(),
              f"Print ({attempt}): the browser's print dialog gets Dad's summary, its note and "
              "the doctor advice, from the app's own page")
        if attempt == "first":
            tablet.cdp("Emulation.setEmulatedMedia", {"media": "print"})
            words = " ".join(ocr_words(tablet.screenshot(out / "tablet-summary-printed.png")))
            tablet.cdp("Emulation.setEmulatedMedia", {"media": ""})
            check("lorlatinib" in words and "cholesterol" in words,
                  "on paper: the summary alone, not the app")
            tablet.driver.refresh()
            tablet.wait_until("return document.body.dataset.started === 'yes'", "the app")
            tablet.settle()
            tablet.js("window.lungguidePrinted = 0; window.print = function () { window.lungguidePrinted += 1; };")
    tablet.screenshot(out / "tablet-summary.png")
    for label, pattern in (("Download as a page to print", "*.html"), ("Download as text", "*.md")):
        tablet.press(label)
        page = downloaded(pattern)
        check(page is not None and "Check cholesterol" in page.read_text(),
              f"'{label}' downloads the summary ({page and page.name})")
    told = [node["text"] for node in tablet.semantic_tree() if node["text"].startswith("Downloaded")]
    check(told and "/" not in told[0], f"it says what was downloaded, with no path: {told[:1]}")
    for route in ("bookmarks", "summary?for=Dad", "settings", "about"):
        tablet.open(origin + "/?w#" + route)
        words = words_on_screen(tablet)
        shown = [word for word in ("/data", "folder", "/media", "/home", "Documents")
                 if word.lower() in words.lower()]
        check(not shown, f"{route}: no folder or path shown {shown}")
        if route == "settings":
            check("This browser" in words and "Save a copy" in words,
                  "Settings says whether the browser keeps the data, and how to keep a copy")
    shutil.rmtree(cli_data, ignore_errors=True)
    tablet.quit()
    all_requests += tablet.requests

    # Native ES3 and the browser at the same size and scale (ratio 1): the same picture.
    compare = Browser(pathlib.Path(tempfile.mkdtemp(prefix="lungguide-web-profile-")),
                      820, 1180, ratio=1.0)
    for route in ("home", "class/egfr"):
        compare.open(origin + "/?c#" + route)
        compare.js("document.getElementById('tool-message').hidden = true")  # the offline word
        name = route.replace("/", "-")
        web_shot = compare.screenshot(out / f"compare-web-{name}.png")
        native_shot = out / f"compare-native-{name}.png"
        subprocess.run(["bash", str(pathlib.Path(__file__).parent / "native_shot.sh"),
                        str(native_bin), "820x1180", route, str(native_shot)], check=True)
        fraction = different_fraction(web_shot, native_shot)
        check(fraction < 0.02, f"{route}: browser and native ES3 differ in {fraction:.2%} of pixels")
    compare.quit()
    all_requests += compare.requests

    # Older browsers. One that does not know 'wasm-unsafe-eval' (Safari before 16, Chrome
    # before 97) refuses WebAssembly under index.html's policy: seen here as a copy of the
    # site whose index.html lacks the keyword, the app moves to index-eval.html and opens.
    strict_site = pathlib.Path(tempfile.mkdtemp(prefix="lungguide-web-strict-")) / "site"
    shutil.copytree(site, strict_site)
    index = strict_site / "index.html"
    index.write_text(index.read_text().replace(" 'wasm-unsafe-eval'", ""))
    strict_server = Server(strict_site)
    old_browser = Browser(pathlib.Path(tempfile.mkdtemp(prefix="lungguide-web-profile-")), 820, 1180)
    old_browser.open(strict_server.origin + "/#class/egfr")
    check(old_browser.js("return location.pathname") == "/index-eval.html"
          and old_browser.route() == "class/egfr",
          f"refused WebAssembly, the app opens from index-eval.html "
          f"({old_browser.js('return location.pathname')}#{old_browser.route()})")
    # One without WebGL 2: a calm page, and the guide as a plain page.
    old_browser.cdp("Page.addScriptToEvaluateOnNewDocument", {"source":
                    "HTMLCanvasElement.prototype.getContext = function () { return null; };"})
    old_browser.open(strict_server.origin + "/?nowebgl#home", wait_started=False)
    old_browser.wait_until("return !document.getElementById('cannot-open').hidden", "the page")
    old_browser.screenshot(out / "tablet-no-webgl.png")
    old_browser.js("document.querySelector('#cannot-open a').click()")
    old_browser.wait_until("return location.pathname === '/guide.html'", "the text version")
    text = old_browser.js("return document.body.innerText")
    check("EGFR inhibitors" in text and "Last Revised: August 27, 2024" in text
          and "review our information with your doctor" in text
          and "Rare, but serious side effects" in text,
          "without WebGL 2 the guide opens as a plain page: its text, source, revision date "
          "and doctor advice")
    old_browser.screenshot(out / "tablet-text-version.png")
    check(not [m for m in old_browser.console() if "Content Security" in m],
          "no Content-Security-Policy violations on the older browsers' pages")
    old_browser.quit()
    strict_server.stop()
    shutil.rmtree(strict_site.parent, ignore_errors=True)
    all_requests += old_browser.requests
finally:
    try:
        server.stop()
    except Exception:
        pass

foreign = sorted({url for url in all_requests
                  if urllib.parse.urlparse(url).scheme in ("http", "https", "ws", "wss")
                  and not url.startswith("http://127.0.0.1:")})
check(all_requests and not foreign, f"{len(all_requests)} requests, none to another origin {foreign[:5]}")
shutil.rmtree(profile, ignore_errors=True)
check.finish("web tests")
