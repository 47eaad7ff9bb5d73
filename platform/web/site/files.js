// Files the person keeps, the browser's way (browser_files.cpp calls these): a download,
// the share sheet (Web Share API, files) where the browser has one, the browser's own
// print dialog, and its file picker. No folder and no path is ever shown. Also asks the
// browser to keep the site's storage once there is something to keep.
'use strict';
(function () {
    const printView = document.getElementById('print-view');
    const picker = document.getElementById('open-file');
    let ways = null;

    function canShareFiles() {
        try {
            return !!(navigator.canShare && navigator.share && navigator.canShare({
                files: [new File(['LungGuide'], 'lungguide.html', { type: 'text/html' })],
            }));
        } catch (error) {
            return false;
        }
    }

    Module.lungguideFileWays = function () {
        if (!ways) {
            ways = {
                download: 'download' in document.createElement('a') && typeof Blob === 'function',
                share: canShareFiles(),
                print: typeof window.print === 'function',
                open: !!picker && typeof FileReader === 'function',
            };
        }
        return ways;
    };

    function download(name, mime, text) {
        const link = document.createElement('a');
        link.href = URL.createObjectURL(new Blob([text], { type: mime + ';charset=utf-8' }));
        link.download = name;
        link.rel = 'noopener';
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
        return 'Downloaded "' + name + '". Your browser keeps it with your downloads ' +
            '(on an iPad: the Files app, in Downloads).';
    }

    function share(name, mime, text, title) {
        const file = new File([text], name, { type: mime });
        navigator.share({ files: [file], title: title }).catch(function (error) {
            if (error && error.name === 'AbortError') return; // the person closed the sheet
            Module.lungguideTell('It could not be shared, so it was downloaded instead: ' +
                download(name, mime, text));
        });
        return 'Choose where to send it.';
    }

    // The summary's own styles, each rule for printing only, through the CSS object model
    // (this page's Content-Security-Policy allows no <style> element).
    function rulesOf(css) {
        const rules = [];
        let depth = 0;
        let start = 0;
        for (let index = 0; index < css.length; ++index) {
            if (css[index] === '{') ++depth;
            if (css[index] === '}' && --depth === 0) {
                rules.push(css.slice(start, index + 1).trim());
                start = index + 1;
            }
        }
        return rules;
    }

    // Printed from this page itself: the summary is put in the page, and the printer sees
    // only it. No other tab that could be closed or go blank on a reload.
    function print(text, title) {
        // The styles come out as text first: even parsing a <style> element counts as inline
        // style under this page's policy.
        const styleBlock = /<style[^>]*>([\s\S]*?)<\/style>/gi;
        const css = Array.from(text.matchAll(styleBlock), function (match) { return match[1]; }).join('\n');
        const parsed = new DOMParser().parseFromString(text.replace(styleBlock, ''), 'text/html');
        for (const unwanted of parsed.querySelectorAll('script, style, link, meta, base, iframe, object, embed'))
            unwanted.remove();
        printView.replaceChildren(...Array.from(parsed.body.childNodes, function (node) {
            return document.importNode(node, true);
        }));
        const sheet = document.getElementById('print-styles').sheet;
        while (sheet.cssRules.length > 1) sheet.deleteRule(sheet.cssRules.length - 1);
        for (const rule of rulesOf(css)) {
            try {
                sheet.insertRule(rule.startsWith('@media') ? rule : '@media print { ' + rule + ' }',
                                 sheet.cssRules.length);
            } catch (error) { /* a rule this browser does not know */ }
        }
        const shown = document.title;
        document.title = title;
        window.addEventListener('afterprint', function done() {
            window.removeEventListener('afterprint', done);
            document.title = shown;
        });
        setTimeout(function () { window.print(); }, 0);
        return 'Your browser\'s print window opens. Choose a printer there, or "Save as PDF".';
    }

    Module.lungguideKeepFile = function (name, mime, text, title, way) {
        if (way === 'share' && Module.lungguideFileWays().share) return share(name, mime, text, title);
        if (way === 'print' && Module.lungguideFileWays().print) return print(text, title);
        return download(name, mime, text);
    };

    // The file picker. A file larger than any bookmarks file could be is not read at all.
    const largest = 16 * 1024 * 1024;
    Module.lungguideOpenFile = function (accept) {
        picker.accept = accept;
        picker.value = '';
        picker.click();
    };
    if (picker) {
        picker.addEventListener('change', function () {
            const file = picker.files[0];
            if (!file) return;
            if (file.size > largest) {
                Module.lungguideTell('That file is too large to be a copy of LungGuide bookmarks.');
                return;
            }
            file.text().then(function (text) {
                const size = Module.lengthBytesUTF8(text) + 1;
                const pointer = Module._malloc(size);
                Module.stringToUTF8(text, pointer, size);
                const nameSize = Module.lengthBytesUTF8(file.name) + 1;
                const name = Module._malloc(nameSize);
                Module.stringToUTF8(file.name, name, nameSize);
                Module._lungguide_web_file_opened(name, pointer);
                Module._free(name);
                Module._free(pointer);
            });
        });
    }

    // The site's storage: the browser may clear it when short of room unless it promised
    // not to. Asked once there is something to keep; Settings says the answer.
    Module.lungguideStoragePromise = 'not_asked';
    const storage = navigator.storage;
    if (storage && storage.persisted) {
        storage.persisted().then(function (kept) {
            if (kept) Module.lungguideStoragePromise = 'kept';
        }).catch(function () {});
    }
    Module.lungguideAskToKeep = function () {
        if (Module.lungguideStoragePromise === 'kept') return;
        if (!storage || !storage.persist) {
            Module.lungguideStoragePromise = 'may_clear';
            return;
        }
        storage.persist().then(function (kept) {
            Module.lungguideStoragePromise = kept ? 'kept' : 'may_clear';
            Module.lungguideWake();
        }).catch(function () { Module.lungguideStoragePromise = 'may_clear'; });
    };
})();
