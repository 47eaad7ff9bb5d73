// The summary for the doctor, handed over by the app (site/app.js) through localStorage,
// shown as a page of its own to print. Its styles come from the summary itself, applied
// as a constructed style sheet (the page's CSP allows no inline <style>).
'use strict';
(function () {
    const html = localStorage.getItem('lungguide-summary');
    localStorage.removeItem('lungguide-summary');
    document.getElementById('print-button').addEventListener('click', function () { window.print(); });
    if (!html) return;
    const summary = new DOMParser().parseFromString(html, 'text/html');
    for (const script of summary.querySelectorAll('script')) script.remove();
    const target = document.getElementById('summary');
    target.replaceChildren(...Array.from(summary.body.childNodes, function (node) {
        return document.importNode(node, true);
    }));
    if (summary.title) document.title = summary.title;
    const styles = Array.from(summary.querySelectorAll('style'), function (style) {
        return style.textContent;
    }).join('\n');
    if (styles && 'adoptedStyleSheets' in document) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(styles);
        document.adoptedStyleSheets = [sheet];
    }
})();
