// The offline copy: every file of the site is cached on the first visit; afterwards
// every request is answered from the cache, so LungGuide opens with no network at all.
// Requests to other origins are never made (the page's CSP forbids them anyway).
// stamp_service_worker.py fills in the file list and a version from their contents.
'use strict';
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = 'lungguide-' + VERSION;

self.addEventListener('install', function (event) {
    event.waitUntil(caches.open(CACHE).then(function (cache) {
        return cache.addAll(FILES);
    }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
    event.waitUntil(caches.keys().then(function (names) {
        return Promise.all(names.filter(function (name) {
            return name.startsWith('lungguide-') && name !== CACHE;
        }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
    const url = new URL(event.request.url);
    if (url.origin !== self.location.origin || event.request.method !== 'GET') return;
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return; // blob: and data: are the page's
    // A page (index.html, summary.html) by its own name; the site's root for any other
    // address within it, so a link to the app with a query or fragment still opens.
    event.respondWith(caches.open(CACHE).then(function (cache) {
        return cache.match(event.request, { ignoreSearch: true }).then(function (cached) {
            if (cached) return cached;
            if (event.request.mode !== 'navigate') return fetch(event.request);
            return cache.match('./').then(function (root) { return root || fetch(event.request); });
        });
    }));
});
