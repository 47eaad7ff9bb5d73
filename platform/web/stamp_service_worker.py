#!/usr/bin/env python3
"""Writes the site's file list and a content version into its service worker (sw.js).

Usage: stamp_service_worker.py SITE_FOLDER
Every file in the folder (except sw.js itself) is cached on the first visit; the version
changes whenever any file does, so a new build replaces the old offline copy.
"""
import hashlib
import json
import pathlib
import sys

site = pathlib.Path(sys.argv[1])
worker = site / "sw.js"
files = sorted(p for p in site.rglob("*") if p.is_file() and p.name != "sw.js")
digest = hashlib.sha256()
for path in files:
    digest.update(path.relative_to(site).as_posix().encode())
    digest.update(path.read_bytes())
urls = ["./"] + [path.relative_to(site).as_posix() for path in files]
text = worker.read_text()
if "__VERSION__" not in text:
    sys.exit(0)  # already stamped (the template is copied again when it changes)
text = text.replace("'__VERSION__'", json.dumps(digest.hexdigest()[:16]))
text = text.replace("__FILES__", json.dumps(urls))
worker.write_text(text)
