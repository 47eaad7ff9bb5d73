// The page around the WebAssembly app (main.cpp): the browser's Back,
// the save status, start-up messages and the service worker. Loaded before lungguide.js,
// which picks up this Module object.
'use strict';

// Safari before 16 (iPadOS 15) and Chrome before 97 do not know this page's
// 'wasm-unsafe-eval' and refuse WebAssembly under its policy: the same app opens from
// index-eval.html, whose policy allows 'unsafe-eval' instead (nothing here evaluates
// strings). Browsers that know the keyword stay here, with the stricter policy.
(function () {
    if (typeof WebAssembly !== 'object' || document.documentElement.dataset.evalPolicy) return;
    try {
        new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    } catch (error) {
        location.replace('index-eval.html' + location.search + location.hash);
    }
})();

var Module = (function () {
    const canvas = document.getElementById('canvas');
    const saveStatus = document.getElementById('save-status');
    const loading = document.getElementById('loading');
    let fadeTimer = 0;

    const module = {
        canvas: canvas,
        lungguideFrames: 0,
        lungguideSaves: 0,
        lungguideWantsText: false,
        print: function (text) { console.log(text); },
        printErr: function (text) { console.warn(text); },
        lungguideStarted: function () {
            document.body.classList.add('started');
            document.body.dataset.started = 'yes';
        },
        lungguideFailed: function (code) {
            if (code === 69) return cannotOpen(); // no WebGL 2 context
            loading.textContent = 'LungGuide could not open its guide (error ' + code + '). Please reload.';
        },
        lungguideWake: function () { module._lungguide_web_wake(); },
        // "Saved" only once IndexedDB has finished its transaction.
        // announce: shown to the person (their bookmarks changed, or saving failed);
        // otherwise only the state is kept, for assistive technology and tests.
        lungguideSaveStatus: function (state, announce) {
            saveStatus.dataset.state = state;
            if (state === 'saved') module.lungguideSaves += 1;
            if (!announce) return; // a message already showing stays until it fades
            clearTimeout(fadeTimer);
            saveStatus.classList.remove('faded');
            saveStatus.textContent = state === 'saving' ? 'Saving on this device…'
                : state === 'saved' ? 'Saved on this device'
                : 'Could not save on this device. Your browser may be out of space.';
            // Shown by the app in its top bar, where the title is: never over a control.
            if (state !== 'saving') {
                module.ccall('lungguide_web_save_status', null, ['string'], [saveStatus.textContent]);
            }
            if (state === 'saved') {
                fadeTimer = setTimeout(function () { saveStatus.classList.add('faded'); }, 2500);
            }
        },
    };

    // No WebGL 2 (or no WebAssembly): say so calmly and offer the text version.
    function cannotOpen() {
        loading.hidden = true;
        document.getElementById('surface').hidden = true;
        document.getElementById('cannot-open').hidden = false;
        document.body.classList.add('cannot-open');
    }
    const probe = document.createElement('canvas');
    if (typeof WebAssembly !== 'object' || !probe.getContext || !probe.getContext('webgl2')) {
        document.addEventListener('DOMContentLoaded', cannotOpen);
        module.lungguideCannotOpen = true;
    }

    // A short message over the app for what happened later (a share that failed).
    const toolMessage = document.getElementById('tool-message');
    let toolTimer = 0;
    module.lungguideTell = function (text, milliseconds) {
        clearTimeout(toolTimer);
        toolMessage.textContent = text;
        toolMessage.hidden = false;
        toolTimer = setTimeout(function () { toolMessage.hidden = true; }, milliseconds || 8000);
    };

    // Back (an entry the app made) or a fragment typed into the address bar (a new one).
    window.addEventListener('popstate', function (event) {
        if (event.state && 'lungguideDepth' in event.state) {
            module._lungguide_web_popstate();
        } else {
            let route = '';
            try { route = decodeURIComponent(location.hash.replace(/^#/, '')); } catch (error) {}
            module.ccall('lungguide_web_open', null, ['string'], [route]);
        }
    });

    // Once every file of this version is in the offline copy, say so, once per version.
    function sayWhenOffline() {
        caches.keys().then(function (names) {
            const ours = names.filter(function (name) { return name.startsWith('lungguide-'); });
            if (ours.length !== 1) return; // a new version is still being copied
            let told = null;
            try { told = localStorage.getItem('lungguide-offline-ready'); } catch (error) {}
            if (told === ours[0]) return;
            try { localStorage.setItem('lungguide-offline-ready', ours[0]); } catch (error) {}
            module.lungguideTell('Ready to use offline', 4000);
        }).catch(function () {});
    }
    if ('serviceWorker' in navigator) {
        window.addEventListener('load', function () {
            navigator.serviceWorker.register('sw.js').catch(function (error) {
                console.warn('LungGuide: offline copy not available', error);
            });
            navigator.serviceWorker.ready.then(sayWhenOffline);
            navigator.serviceWorker.addEventListener('controllerchange', sayWhenOffline);
        });
    }
    return module;
})();
