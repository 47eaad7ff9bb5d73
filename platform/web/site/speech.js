// Reading aloud in the browser (platform/web/web_speech.cpp): the Web Speech API's
// speechSynthesis, which iPad Safari and Android Chrome answer with the device's own voices,
// offline. Each sentence is an utterance of its own, queued in order: its start moves the
// highlight, its word boundaries underline the word, and the end of the last one ends the
// job. A local voice in the chosen English is preferred; with no voice at all the app says
// so. Loaded after app.js (Module) and before lungguide.js.
'use strict';

(function () {
    const synth = window.speechSynthesis;
    // As core/speech/speech_messages.h's SpeechEvent::Kind.
    const SENTENCE = 0, WORD = 1, AUDIO_STARTED = 2, FINISHED = 3, UNAVAILABLE = 4;
    const NO_VOICE = 1, NO_SPEECH = 2; // what UNAVAILABLE means (web_speech.cpp words it)
    let current = 0;     // the job being read; 0 when none
    let utterances = []; // kept alive until they end (Chrome drops collected ones silently)

    function send(job, kind, sentence, begin, length) {
        if (job !== current && kind !== UNAVAILABLE) return;
        Module._lungguide_web_speech_event(job, kind, sentence, begin, length);
    }

    // Voices load after the page in some browsers: wait for them, a second at most.
    function withVoices(then) {
        const voices = synth.getVoices();
        if (voices.length) return then(voices);
        let done = false;
        const finish = function () {
            if (done) return;
            done = true;
            synth.removeEventListener('voiceschanged', finish);
            then(synth.getVoices());
        };
        synth.addEventListener('voiceschanged', finish);
        setTimeout(finish, 1000);
    }

    // The chosen English ("en-us", "en-gb"), then the reader's own English, then any
    // English; within each, a voice on the device before one that needs the network.
    function pickVoice(voices, wanted) {
        const tag = function (voice) { return (voice.lang || '').toLowerCase().replace('_', '-'); };
        const own = (navigator.language || '').toLowerCase();
        const groups = [
            voices.filter(function (voice) { return tag(voice) === wanted; }),
            voices.filter(function (voice) { return own.startsWith('en') && tag(voice) === own; }),
            voices.filter(function (voice) { return tag(voice).startsWith('en'); }),
        ];
        for (const group of groups) {
            const local = group.find(function (voice) { return voice.localService; });
            if (local) return local;
        }
        for (const group of groups) if (group.length) return group[0];
        return null;
    }

    // A word boundary in UTF-16 units of the text, as UTF-8 bytes (what C++ counts).
    function bytes(text) { return new TextEncoder().encode(text).length; }
    function wordAt(text, event) {
        const from = event.charIndex || 0;
        let length = event.charLength;
        if (!length) {
            const match = /\S+/.exec(text.slice(from));
            length = match ? match.index + match[0].length : 0;
        }
        return [bytes(text.slice(0, from)), bytes(text.slice(from, from + length))];
    }

    function speak(job, sentencesJson, first, rate, wanted) {
        current = job;
        utterances = [];
        if (!synth || typeof SpeechSynthesisUtterance === 'undefined') {
            return send(job, UNAVAILABLE, 0, NO_SPEECH, 0);
        }
        synth.cancel();
        const sentences = JSON.parse(sentencesJson);
        const asked = performance.now();
        withVoices(function (voices) {
            if (job !== current) return;
            const voice = pickVoice(voices, wanted);
            if (!voice) return send(job, UNAVAILABLE, 0, NO_VOICE, 0);
            let heard = false;
            for (let index = first; index < sentences.length; ++index) {
                const text = sentences[index];
                const utterance = new SpeechSynthesisUtterance(text);
                utterance.voice = voice;
                utterance.lang = voice.lang;
                utterance.rate = rate;
                utterance.onstart = function () {
                    if (!heard) send(job, AUDIO_STARTED, 0, Math.round(performance.now() - asked), 0);
                    heard = true;
                    send(job, SENTENCE, index, 0, 0);
                };
                utterance.onboundary = function (event) {
                    if (event.name && event.name !== 'word') return;
                    const [begin, length] = wordAt(text, event);
                    send(job, WORD, index, begin, length);
                };
                utterance.onend = function () {
                    if (index === sentences.length - 1) send(job, FINISHED, index, 0, 0);
                };
                utterance.onerror = function (event) {
                    // A sentence cancelled by a new Listen, Stop or Next is no fault.
                    if (event.error === 'canceled' || event.error === 'interrupted') return;
                    send(job, UNAVAILABLE, index, NO_VOICE, 0);
                    if (job === current) synth.cancel();
                };
                utterances.push(utterance);
                synth.speak(utterance);
            }
        });
    }

    Module.lungguideSpeech = {
        prepare: function () { if (synth) synth.getVoices(); },
        speak: speak,
        pause: function () { if (synth) synth.pause(); },
        resume: function () { if (synth) synth.resume(); },
        stop: function () {
            current = 0;
            utterances = [];
            if (synth) synth.cancel();
        },
    };
})();
