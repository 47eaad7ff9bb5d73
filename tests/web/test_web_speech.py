#!/usr/bin/python3
"""Listen in the browser build (issue 22), in real headless Chromium with a stub voice.

Usage: test_web_speech.py SITE_FOLDER NATIVE_BIN_FOLDER

The page's speechSynthesis is replaced, before the page loads, by a stub that records the
utterances it is given and lets the test play the browser's part: start an utterance, reach
a word boundary, end it. Checked on a phone (390x844, touch): a tap on Listen gives
speechSynthesis the section's sentences in order, as the CLI says a browser's voice gets
them, at the normal rate, with the local voice in the reader's English; the highlight
follows each utterance's start and its word boundaries; pause, resume and stop reach
speechSynthesis; and with no voice at all the app says so calmly.
"""
import pathlib
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from browser import Browser, Server  # noqa: E402
from checks import Checks, folders  # noqa: E402

site, native_bin, _ = folders()
check = Checks()


# A voice the test controls. VOICES is replaced per browser.
STUB = """
(() => {
    const log = {utterances: [], cancels: 0, paused: false, voices: VOICES};
    const queue = [];
    class Utterance {
        constructor(text) { this.text = text; this.rate = 1; this.voice = null; this.lang = ''; }
    }
    const synth = {
        getVoices() { return log.voices; },
        addEventListener() {}, removeEventListener() {},
        speak(utterance) { log.utterances.push(utterance); queue.push(utterance); },
        cancel() { log.cancels += 1; queue.length = 0; },
        pause() { log.paused = true; },
        resume() { log.paused = false; },
    };
    window.__speech = {
        log,
        said() { return log.utterances.map(u => ({text: u.text, rate: u.rate,
                                                  voice: u.voice && u.voice.name})); },
        start() { if (queue[0] && queue[0].onstart) queue[0].onstart({}); },
        word(charIndex, charLength) {
            queue[0].onboundary({name: 'word', charIndex, charLength});
        },
        end() { const done = queue.shift(); if (done && done.onend) done.onend({}); },
    };
    Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
    window.SpeechSynthesisUtterance = Utterance;
})();
"""

VOICES = """[
    {name: 'Network voice', lang: 'en-US', localService: false},
    {name: 'French voice', lang: 'fr-FR', localService: true},
    {name: 'Device voice', lang: 'en-US', localService: true},
    {name: 'British device voice', lang: 'en-GB', localService: true}]"""


def cli_sentences(form, *arguments):
    return subprocess.run([str(native_bin / "lungguide-cli"), "speak", *arguments, "--text", form],
                          check=True, capture_output=True, text=True).stdout.splitlines()


def browser_with(profile, voices):
    browser = Browser(profile, 390, 844)
    browser.cdp("Page.addScriptToEvaluateOnNewDocument",
                {"source": STUB.replace("VOICES", voices)})
    return browser


def highlighted(browser):
    """The sentence the page highlights, and the word (its byte offset) it underlines."""
    sentence, word = None, None
    for item in browser.items():
        label = item["label"]
        if label.startswith("reading:word="):
            word = int(label[len("reading:word="):])
        elif label.startswith("reading:"):
            sentence = int(label[len("reading:"):])
    return sentence, word


server = Server(site)
browsers = []
try:
    expected = cli_sentences("plain", "class", "egfr", "--section", "how-they-work")
    shown = cli_sentences("shown", "class", "egfr", "--section", "how-they-work")
    phone = browser_with(pathlib.Path(tempfile.mkdtemp(prefix="lungguide-web-speech-")), VOICES)
    browsers.append(phone)
    phone.open(server.origin + "/#class/egfr")
    phone.tap(phone.find("listen:class/egfr how-they-work"))
    phone.wait_until(f"return window.__speech.log.utterances.length >= {len(expected)}",
                     "the sentences to reach speechSynthesis", timeout=10)
    said = phone.js("return window.__speech.said()")
    check([utterance["text"] for utterance in said] == expected,
          f"speechSynthesis got the section's {len(expected)} sentences in order, as the CLI "
          f"says a browser's voice gets them ({[u['text'][:30] for u in said[:3]]}…)")
    check(any("non-small cell lung cancer" in text for text in expected) and
          not any("NSCLC" in utterance["text"] for utterance in said),
          "abbreviations the page explains are read as its words")
    check(all(utterance["rate"] == 0.9 for utterance in said), "at the normal rate (0.9)")
    check(all(utterance["voice"] == "Device voice" for utterance in said),
          f"with the device's own US English voice ({said[0]['voice']!r})")

    # The browser reads: each start moves the highlight, each boundary the word.
    order = []
    for index in range(len(expected)):
        phone.js("window.__speech.start()")
        phone.settle()
        sentence, _ = highlighted(phone)
        order.append(sentence)
        if index == 1:  # a sentence of the paragraph: its words are underlined in turn
            text = expected[1]
            second_word = text.index(" ") + 1
            phone.js(f"window.__speech.word({second_word}, 6)")
            phone.settle()
            _, word = highlighted(phone)
            check(word == len(shown[1][:second_word].encode()),
                  f"a boundary event underlines its word (at byte {word})")
        phone.js("window.__speech.end()")
    check(order == list(range(len(expected))),
          f"the highlight followed the utterances' start events in order: {order}")
    phone.settle()
    check(highlighted(phone)[0] is None and not any(
        item["label"] == "Pause" for item in phone.items()),
        "after the last sentence the highlight and the player bar are gone")

    # Pause, resume and stop reach speechSynthesis.
    # (Reading scrolled the page: back to the section, as its chip in the section bar does.)
    phone.js("Module.ccall('lungguide_web_open', null, ['string'], "
             "['class/egfr#section=how-they-work'])")
    phone.settle()
    phone.tap(phone.find("listen:class/egfr how-they-work"))
    phone.js("window.__speech.start()")
    phone.settle()
    phone.tap(phone.find("Pause"))
    check(phone.js("return window.__speech.log.paused"), "Pause pauses speechSynthesis")
    phone.tap(phone.find("Resume"))
    check(not phone.js("return window.__speech.log.paused"), "Resume resumes it")
    cancels = phone.js("return window.__speech.log.cancels")
    phone.tap(phone.find("Stop"))
    check(phone.js("return window.__speech.log.cancels") > cancels, "Stop cancels it")
    check(highlighted(phone)[0] is None, "Stop removes the highlight")

    # A browser with no voice at all (the voices are gone): said calmly, nothing breaks.
    phone.js("window.__speech.log.voices = []")
    phone.tap(phone.find("listen:class/egfr how-they-work"))
    phone.wait_until("return !!Module.lungguideSpeechMessage", "the app to say there is no voice",
                     timeout=10)
    phone.settle()
    message = phone.js("return Module.lungguideSpeechMessage")
    check(message.startswith("This browser has no voice to read aloud with."),
          f"with no voice the app says so: {message!r}")
    labels = [item["label"] for item in phone.items()]
    check("OK" in labels and "Pause" not in labels,
          "the message shows (with OK), and no player bar")
    check("listen:class/egfr how-they-work" in labels, "the Listen control is still there")
finally:
    for browser in browsers:
        browser.quit()
    server.stop()

check.finish("web speech tests")
