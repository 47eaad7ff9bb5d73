// The page around the WebAssembly app (main.cpp): the browser's Back,
// the save status, start-up messages and the service worker. Loaded before lungguide.js,
// which picks up this Module object.
'use strict';

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
            loading.textContent = code === 3
                ? 'LungGuide needs WebGL 2, which this browser could not start.'
                : 'LungGuide could not open its guide (error ' + code + '). Please reload.';
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
            if (state === 'saved') {
                fadeTimer = setTimeout(function () { saveStatus.classList.add('faded'); }, 2500);
            }
        },
    };

    // A short message over the app for what happened later (a share that failed).
    const toolMessage = document.getElementById('tool-message');
    let toolTimer = 0;
    module.lungguideTell = function (text) {
        clearTimeout(toolTimer);
        toolMessage.textContent = text;
        toolMessage.hidden = false;
        toolTimer = setTimeout(function () { toolMessage.hidden = true; }, 8000);
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

    if ('serviceWorker' in navigator) {
        window.addEventListener('load', function () {
            navigator.serviceWorker.register('sw.js').catch(function (error) {
                console.warn('LungGuide: offline copy not available', error);
            });
        });
    }
    return module;
})();
