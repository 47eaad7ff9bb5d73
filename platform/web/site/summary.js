// The summary for the doctor, handed over by the app (site/app.js) through localStorage,
// shown as a page of its own to print. Its styles come from the summary itself, applied
// as a constructed style sheet (the page's CSP allows no inline <style>).
'use strict';
(function () {
    const html = localStorage.getItem('lungguide-summary');
    localStorage.removeItem('lungguide-summary');
    document.getElementById('print-button').addEventListener('click', function () { window.print(); });
    if (!html) return;
    // The styles come out as text first: parsing a <style> element would itself count as
    // inline style under this page's CSP.
    const styleBlock = /<style>([\s\S]*?)<\/style>/g;
    const styles = Array.from(html.matchAll(styleBlock), function (match) { return match[1]; }).join('\n');
    const summary = new DOMParser().parseFromString(html.replace(styleBlock, ''), 'text/html');
    for (const script of summary.querySelectorAll('script')) script.remove();
    const target = document.getElementById('summary');
    target.replaceChildren(...Array.from(summary.body.childNodes, function (node) {
        return document.importNode(node, true);
    }));
    if (summary.title) document.title = summary.title;
    if (styles && 'adoptedStyleSheets' in document) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(styles);
        document.adoptedStyleSheets = [sheet];
    }
})();
