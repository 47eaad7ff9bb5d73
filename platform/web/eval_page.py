#!/usr/bin/env python3
"""Writes index-eval.html: the app's page for browsers that do not know the
'wasm-unsafe-eval' keyword (Safari before 16, iPadOS 15; Chrome before 97) and so refuse
WebAssembly under index.html's policy. The same page, whose policy allows 'unsafe-eval'
instead; app.js moves there only when WebAssembly is refused (nothing on the page
evaluates strings: emscripten's -sDYNAMIC_EXECUTION=0).

Usage: eval_page.py SITE_FOLDER
"""
import pathlib
import re
import sys

site = pathlib.Path(sys.argv[1])
page = (site / "index.html").read_text()
policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', page)
if not policy or policy.group(1).count("'wasm-unsafe-eval'") != 1:
    sys.exit("index.html's Content-Security-Policy should allow 'wasm-unsafe-eval'")
relaxed = policy.group(1).replace("'wasm-unsafe-eval'", "'unsafe-eval'")
page = page.replace(policy.group(1), relaxed, 1)
page = page.replace('<html lang="en">', '<html lang="en" data-eval-policy="yes">', 1)
(site / "index-eval.html").write_text(page)
