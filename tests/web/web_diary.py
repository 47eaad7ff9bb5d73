"""The symptom diary and "Saved on this device" in the browser build (called by test_web.py
with its phone: 390x844, device pixel ratio 2, touch).

- A draft note is kept in IndexedDB without "Saved on this device": it is not saved yet.
- Once something is saved, the app says so in its top bar, where the title is, over no control.
- A diary entry typed with a finger shows what the page says, is told saved, and is still
  there after a reload.
"""
from pictures import ocr_words

# Labels of recorded items that are words, not things a finger taps (as ui_harness.h).
WORDS = ("text", "term:", "chip:", "title:", "heading:", "highlight:", "page")


def _saved_title(browser):
    return [item for item in browser.items() if item["label"] == "title:Saved on this device"]


def _controls(browser):
    return [item for item in browser.items()
            if not any(item["label"].startswith(prefix) for prefix in WORDS)]


def _overlaps(first, second):
    return (first["x0"] < second["x1"] and second["x0"] < first["x1"]
            and first["y0"] < second["y1"] and second["y0"] < first["y1"])


def check_draft_not_announced(browser, check):
    told = browser.js("return document.getElementById('save-status').textContent")
    check(told != "Saved on this device" and not _saved_title(browser),
          f"a note typed and not saved is kept without 'Saved on this device' ({told!r})")


def check_saved_in_top_bar(browser, check):
    shown = _saved_title(browser)
    check(bool(shown), "'Saved on this device' is shown in the app's top bar")
    covered = [item["label"] for item in _controls(browser)
               for title in shown if _overlaps(item, title)]
    check(not covered, f"'Saved on this device' covers no control ({covered})")


def check_diary(browser, origin, out, check):
    browser.driver.get(origin + "/?diary#diary")
    browser.wait_until("return document.body.dataset.started === 'yes'", "the app")
    browser.settle()
    browser.tap(browser.find(label="input:diary words"))
    check(browser.js("return Module.lungguideWantsText") is True,
          "the diary's words box asks for the soft keyboard")
    browser.type_text("the runs")
    browser.tap(browser.find(label="Moderate"))
    saves_before = browser.js("return Module.lungguideSaves")
    browser.tap(browser.reveal("Add to your diary"))
    browser.wait_until(f"return Module.lungguideSaves > {saves_before} && "
                       "document.getElementById('save-status').dataset.state === 'saved'",
                       "the diary entry's copy to IndexedDB")
    browser.settle()
    check_saved_in_top_bar(browser, check)
    browser.reveal("Read it on the")
    words = " ".join(ocr_words(browser.screenshot(out / "phone-diary.png")))
    check("diarrhea" in words, f"the diary entry says what the page says (OCR: {words[:120]!r})")
    browser.driver.refresh()
    browser.wait_until("return document.body.dataset.started === 'yes'", "the app after reload")
    browser.settle()
    check(any(item["label"].startswith("Read it on the") for item in browser.items())
          or browser.reveal("Read it on the") is not None,
          "the diary entry is still there after a reload")
    # Back where the caller was: its Bookmarks screen.
    browser.driver.get(origin + "/?after-diary#bookmarks")
    browser.wait_until("return document.body.dataset.started === 'yes'", "the app")
    browser.settle()
