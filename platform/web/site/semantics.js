// The app's semantics tree (ui/semantics.h, sent by semantics_mirror.cpp) as a DOM that
// screen readers, find-in-page, translation and the keyboard can reach, laid over the
// canvas where each thing is drawn: headings, paragraphs with their glossary links, lists,
// buttons, and real text boxes (<input type=search>, <input>, <textarea>) that the person
// types into, so composing keyboards, autocorrect, dictation, selection and paste are the
// browser's own. Only what changed is touched; an idle app sends nothing.
//
// Actions go back to the app: activating a node (a screen reader's double tap, Enter or
// Space on a focused button, a click) does what a tap on it does; a text box that takes the
// focus gets the app's keyboard, and what is typed (what is committed, not what is still
// being composed) becomes the box's text.
'use strict';
(function () {
    const root = document.getElementById('semantics');
    const regions = new Map();  // region id -> {element, content}
    const dialogs = new Map();  // dialog name -> element
    const nodes = new Map();    // node id -> {element, data}
    let order = [];             // the last whole tree, as node data in reading order
    let wantsText = false;
    let lastActivation = { at: 0, box: null };

    const call = function (name, types, values) {
        if (Module.calledRun) Module.ccall(name, null, types, values);
    };
    const activate = function (id, data) {
        lastActivation = { at: performance.now(), box: data ? boxOf(data) : null };
        call('lungguide_web_activate', ['number'], [id]);
    };

    // ---- where things are ---------------------------------------------------------------
    const px = function (value) { return value + 'px'; };
    function place(element, data) {
        element.style.left = px(data.x0);
        element.style.top = px(data.y0);
        element.style.width = px(Math.max(1, data.x1 - data.x0));
        element.style.height = px(Math.max(1, data.y1 - data.y0));
    }
    // Where a node is on the screen now, in CSS pixels (its region scrolls).
    function boxOf(data) {
        const region = regions.get(data.region);
        if (!region || !region.data) return null;
        const top = region.data.y0 - region.data.scroll;
        return { x0: region.data.x0 + data.x0, y0: top + data.y0,
                 x1: region.data.x0 + data.x1, y1: top + data.y1 };
    }

    // ---- regions: the windows that clip and scroll ---------------------------------------
    Module.lungguideSemanticRegions = function (json) {
        const layout = JSON.parse(json);
        root.style.setProperty('--em', px(layout.em));
        const seen = new Set();
        for (const data of layout.regions) {
            seen.add(data.id);
            let region = regions.get(data.id);
            if (!region) {
                const element = document.createElement('div');
                element.className = 'sem-region';
                const content = document.createElement('div');
                content.className = 'sem-content';
                element.appendChild(content);
                // A screen reader's focus may scroll the region itself; the app scrolls instead.
                element.addEventListener('scroll', function () { element.scrollTop = 0; element.scrollLeft = 0; });
                region = { element: element, content: content, data: null };
                regions.set(data.id, region);
            }
            const old = region.data || {};
            if (old.x0 !== data.x0 || old.y0 !== data.y0 || old.x1 !== data.x1 || old.y1 !== data.y1)
                place(region.element, data);
            if (old.scroll !== data.scroll)
                region.content.style.transform = 'translateY(' + px(-data.scroll) + ')';
            if (old.live !== data.live) {
                if (data.live) {
                    region.element.setAttribute('role', 'status');
                    region.element.setAttribute('aria-live', 'polite');
                } else {
                    region.element.removeAttribute('role');
                    region.element.removeAttribute('aria-live');
                }
            }
            region.data = data;
        }
        // Regions in reading order, a dialog's inside its own element.
        const top = [];
        const inDialog = new Map();
        for (const data of layout.regions) {
            const element = regions.get(data.id).element;
            if (!data.dialog) { top.push(element); continue; }
            let dialog = dialogs.get(data.dialog);
            if (!dialog) {
                dialog = document.createElement('div');
                dialog.className = 'sem-dialog';
                dialog.setAttribute('role', 'dialog');
                dialog.setAttribute('aria-modal', 'true');
                dialog.setAttribute('aria-label', data.dialog);
                dialogs.set(data.dialog, dialog);
            }
            if (!inDialog.has(dialog)) { inDialog.set(dialog, []); top.push(dialog); }
            inDialog.get(dialog).push(element);
        }
        for (const [dialog, children] of inDialog) reconcile(dialog, children);
        reconcile(root, top);
        for (const [id, region] of regions) if (!seen.has(id)) regions.delete(id);
        for (const [name, dialog] of dialogs) if (!inDialog.has(dialog)) dialogs.delete(name);
    };

    // Puts `wanted` in `parent` in this order, moving as few elements as it can (a text box
    // that has the keyboard must never be moved: it would lose it).
    function reconcile(parent, wanted) {
        const keep = new Set(wanted);
        let cursor = parent.firstChild;
        for (const child of wanted) {
            while (cursor && cursor !== child && !keep.has(cursor)) {
                const next = cursor.nextSibling;
                parent.removeChild(cursor);
                cursor = next;
            }
            if (child === cursor) { cursor = cursor.nextSibling; continue; }
            parent.insertBefore(child, cursor);
        }
        while (cursor) {
            const next = cursor.nextSibling;
            parent.removeChild(cursor);
            cursor = next;
        }
    }

    // ---- nodes ----------------------------------------------------------------------------
    const tags = { heading: null, paragraph: 'p', list_item: 'li', button: 'button', link: 'a' };

    function create(data) {
        const element = createElement(data);
        element.dataset.id = data.id;
        return element;
    }

    function createElement(data) {
        let element;
        if (data.role === 'text_box') return createEditor(data);
        if (data.role === 'heading') {
            element = document.createElement('h' + Math.min(Math.max(data.level, 1), 3));
        } else {
            element = document.createElement(tags[data.role] || 'p');
        }
        element.className = 'sem-node';
        if (data.role === 'button') {
            element.type = 'button';
            element.addEventListener('click', function (event) {
                event.preventDefault();
                activate(data.id, nodes.get(data.id) && nodes.get(data.id).data);
            });
        }
        if (data.role === 'link') {
            element.href = '#';
            element.addEventListener('click', function (event) {
                event.preventDefault();
                activate(data.id, nodes.get(data.id) && nodes.get(data.id).data);
            });
        }
        element.addEventListener('focus', function () { call('lungguide_web_show', ['number'], [data.id]); });
        return element;
    }

    // A paragraph's words, its glossary words as links that open their explanation.
    function fillWords(element, data) {
        if (!data.links.length) { element.textContent = data.text; return; }
        element.textContent = '';
        let at = 0;
        for (const [begin, end, id] of data.links) {
            if (begin > at) element.appendChild(document.createTextNode(data.text.slice(at, begin)));
            const link = document.createElement('a');
            link.href = '#';
            link.textContent = data.text.slice(begin, end);
            link.addEventListener('click', function (event) {
                event.preventDefault();
                activate(id, null);
            });
            element.appendChild(link);
            at = end;
        }
        if (at < data.text.length) element.appendChild(document.createTextNode(data.text.slice(at)));
    }

    function update(element, data, old) {
        if (!old || old.x0 !== data.x0 || old.y0 !== data.y0 || old.x1 !== data.x1 || old.y1 !== data.y1)
            place(element, data);
        if (data.role === 'text_box') return updateEditor(element, data, old);
        const wordsChanged = !old || old.text !== data.text || old.detail !== data.detail ||
            JSON.stringify(old.links) !== JSON.stringify(data.links);
        if (wordsChanged) {
            if (data.role === 'button' && data.detail) {
                element.textContent = data.text;
                const detail = document.createElement('span');
                detail.className = 'sem-detail';
                detail.textContent = ' ' + data.detail;
                element.appendChild(detail);
            } else {
                fillWords(element, data);
            }
        }
        if (!old || old.selected !== data.selected) {
            if (data.selected) element.setAttribute('aria-current', 'true');
            else element.removeAttribute('aria-current');
        }
    }

    // One run of list items shares a list.
    function listFor(first) {
        let list = first._lungguideList;
        if (!list) {
            list = document.createElement('ul');
            list.className = 'sem-list';
            list.setAttribute('role', 'list'); // Safari drops list semantics without it
            first._lungguideList = list;
        }
        return list;
    }

    // Each region's nodes in reading order; a run of list items inside one list.
    function arrange() {
        const byRegion = new Map(); // region id -> {children, lists}
        let run = null;
        let previous = null;
        for (const data of order) {
            const entry = nodes.get(data.id);
            let group = byRegion.get(data.region);
            if (!group) {
                group = { children: [], lists: [] };
                byRegion.set(data.region, group);
            }
            if (data.role === 'list_item') {
                if (!run || previous.role !== 'list_item' || previous.region !== data.region) {
                    run = { element: listFor(entry.element), items: [] };
                    group.children.push(run.element);
                    group.lists.push(run);
                }
                run.items.push(entry.element);
            } else {
                run = null;
                group.children.push(entry.element);
            }
            previous = data;
        }
        for (const [id, group] of byRegion) {
            const region = regions.get(id);
            if (!region) continue;
            for (const list of group.lists) reconcile(list.element, list.items);
            reconcile(region.content, group.children);
        }
        for (const [id, region] of regions) if (!byRegion.has(id)) reconcile(region.content, []);
    }

    Module.lungguideSemanticNodes = function (json, whole) {
        const changes = JSON.parse(json);
        if (whole) {
            const seen = new Set();
            for (const data of changes) {
                seen.add(data.id);
                let entry = nodes.get(data.id);
                if (entry && entry.data.role !== data.role) entry = null;
                if (!entry) {
                    entry = { element: create(data), data: null };
                    nodes.set(data.id, entry);
                }
                update(entry.element, data, entry.data);
                entry.data = data;
            }
            for (const [id, entry] of nodes) {
                if (!seen.has(id)) {
                    const editor = entry.element._lungguideEditor;
                    if (editor) editor.gone = true; // its box left the screen: nothing more to send
                    nodes.delete(id);
                }
            }
            order = changes;
            arrange();
        } else {
            for (const data of changes) {
                const entry = nodes.get(data.id);
                if (!entry) continue;
                update(entry.element, data, entry.data);
                entry.data = data;
                const index = order.findIndex(function (known) { return known.id === data.id; });
                if (index >= 0) order[index] = data;
            }
        }
        if (wantsText) focusWantedBox();
    };

    // ---- text boxes ---------------------------------------------------------------------
    function codePoints(text, units) {
        let count = 0;
        for (let index = 0; index < units && index < text.length; ++index) {
            const unit = text.charCodeAt(index);
            if (unit >= 0xD800 && unit <= 0xDBFF && index + 1 < units) ++index;
            ++count;
        }
        return count;
    }

    function createEditor(data) {
        const multiline = data.box === 'multiline';
        const element = document.createElement(multiline ? 'textarea' : 'input');
        if (!multiline) element.type = data.box === 'search' ? 'search' : 'text';
        element.className = 'sem-node sem-editor';
        element.setAttribute('autocomplete', 'off');
        element.setAttribute('enterkeyhint', data.box === 'search' ? 'search' : multiline ? 'enter' : 'done');
        element.setAttribute('autocapitalize', data.box === 'search' ? 'none' : multiline ? 'sentences' : 'words');
        element.spellcheck = data.box !== 'search';
        const editor = {
            element: element, id: data.id, composing: false, composition: '',
            prefix: 0, suffix: 0, sent: null, edited: false, waiting: false, gone: false,
        };
        element._lungguideEditor = editor;
        element.addEventListener('focus', function () {
            editor.edited = false;
            editor.sent = element.value;
            element.classList.add('editing');
            Module.lungguideEditing = editor;
            call('lungguide_web_focus_text', ['number'], [editor.id]);
        });
        element.addEventListener('blur', function () {
            send(editor, true);
            element.classList.remove('editing');
            if (Module.lungguideEditing === editor) Module.lungguideEditing = null;
            call('lungguide_web_leave_text', ['number'], [editor.id]);
        });
        element.addEventListener('compositionstart', function (event) {
            editor.composing = true;
            editor.composition = event.data || '';
            // What is composed replaces the selection; or, when the keyboard composes a word
            // already there again (Android), that word around the cursor.
            let start = element.selectionStart;
            let end = element.selectionEnd;
            if (editor.composition && start === end) {
                const found = element.value.lastIndexOf(editor.composition, start);
                if (found >= 0 && found + editor.composition.length >= start) {
                    start = found;
                    end = found + editor.composition.length;
                }
            }
            editor.prefix = start;
            editor.suffix = element.value.length - end;
        });
        element.addEventListener('compositionupdate', function (event) { editor.composition = event.data || ''; });
        element.addEventListener('compositionend', function () {
            editor.composing = false;
            editor.composition = '';
            send(editor, false);
        });
        element.addEventListener('input', function (event) {
            editor.edited = true;
            if (event.isComposing && !editor.composing) {
                editor.composing = true;
                editor.prefix = element.selectionStart - (event.data || '').length;
                editor.suffix = element.value.length - element.selectionEnd;
            }
            send(editor, false);
        });
        element.addEventListener('keydown', function (event) {
            if (event.isComposing || event.keyCode === 229) return; // the keyboard's own
            if ((event.key === 'Enter' && !multiline) || event.key === 'Escape') {
                // Go, Done, Search or Escape: what is typed stays, the keyboard goes.
                event.preventDefault();
                element.blur();
            }
        });
        return element;
    }

    // The text that is the person's: all of it, except while a word is still being composed,
    // which shows in the box (underlined by the browser) but is not searched or kept yet.
    function committed(editor) {
        const element = editor.element;
        const value = element.value;
        if (!editor.composing) {
            return { text: value, start: element.selectionStart, end: element.selectionEnd };
        }
        let prefix = Math.min(editor.prefix, value.length);
        let end = value.length - editor.suffix;
        const composed = editor.composition;
        if (composed && value.slice(prefix, prefix + composed.length) !== composed) {
            // The keyboard moved the composition: it ends at the cursor.
            prefix = Math.max(0, element.selectionEnd - composed.length);
            end = element.selectionEnd;
        } else if (composed) {
            end = prefix + composed.length;
        }
        return { text: value.slice(0, prefix) + value.slice(Math.max(end, prefix)), start: prefix, end: prefix };
    }

    function send(editor, always) {
        if (editor.gone) return;
        const now = committed(editor);
        const key = now.text + '\u0000' + now.start + ':' + now.end;
        if (!always && key === editor.lastKey) return;
        editor.lastKey = key;
        editor.sent = now.text;
        editor.waiting = true; // until the app's box holds it
        call('lungguide_web_edit_text', ['number', 'string', 'number', 'number'],
             [editor.id, now.text, codePoints(now.text, now.start), codePoints(now.text, now.end)]);
    }

    function updateEditor(element, data, old) {
        const editor = element._lungguideEditor;
        editor.gone = false;
        element.setAttribute('aria-label', data.text);
        if (data.detail) element.placeholder = data.detail;
        const look = data.editor;
        if (look && (!old || JSON.stringify(old.editor) !== JSON.stringify(look))) {
            element.style.fontSize = px(look.font);
            element.style.padding = px(look.pady) + ' ' + px(look.padx);
            element.style.borderRadius = px(look.rounding);
            element.style.color = look.colour;
            element.style.background = look.background;
        }
        const focusedHere = document.activeElement === element;
        if (!focusedHere) {
            if (element.value !== data.value) element.value = data.value;
            return;
        }
        // While it has the keyboard the box holds the truth; the app's text changes it only
        // when the app changed it itself (the × that empties it), never mid-word, and never
        // while the app has yet to take what was typed (keys come faster than frames).
        if (editor.composing) return;
        if (editor.waiting && data.value === editor.sent) editor.waiting = false;
        if (!editor.edited && element.value !== data.value) {
            element.value = data.value;
            editor.sent = data.value;
        } else if (!editor.waiting && data.value !== editor.sent && data.focused) {
            element.value = data.value;
            editor.sent = data.value;
            element.setSelectionRange(data.value.length, data.value.length);
        }
    }

    function wantedBox() {
        for (const data of order)
            if (data.role === 'text_box' && data.focused) return nodes.get(data.id);
        return null;
    }

    function focusWantedBox() {
        const entry = wantedBox();
        if (entry && document.activeElement !== entry.element) {
            entry.element.focus({ preventScroll: true });
            const end = entry.element.value.length;
            try { entry.element.setSelectionRange(end, end); } catch (error) { /* not a text box */ }
        }
    }

    // The app gives a box the keyboard (the search screen opens with it) or takes it away
    // (a tap elsewhere on the page).
    Module.lungguideSetTextInput = function (wanted) {
        wantsText = !!wanted;
        Module.lungguideWantsText = wantsText;
        if (wantsText) {
            focusWantedBox();
        } else if (Module.lungguideEditing) {
            Module.lungguideEditing.element.blur();
        }
    };
    // iOS shows the keyboard only for a focus made inside a touch: make it there again.
    document.addEventListener('touchend', function () { if (wantsText) focusWantedBox(); });

    // What a key pressed now is for: 0 the app (the page has no focus of its own), 1 a node
    // the keyboard reached (the browser presses buttons and follows links), 2 a text box.
    Module.lungguideKeyTarget = function () {
        const focused = document.activeElement;
        if (!focused || focused === document.body || !root.contains(focused)) return 0;
        return focused._lungguideEditor ? 2 : 1;
    };
    // A screen reader's activation may also arrive as a touch on the canvas under the node
    // (iOS VoiceOver): that touch is not a second tap.
    Module.lungguideEchoOfActivation = function (x, y) {
        const box = lastActivation.box;
        if (!box || performance.now() - lastActivation.at > 400) return false;
        return x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1;
    };
    // For tests: the tree as the app last sent it (each node's role, words and value).
    Module.lungguideSemanticTree = function () { return order; };
})();
