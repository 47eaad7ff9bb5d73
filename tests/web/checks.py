"""What the web test scripts share around their browsers: the command line (the site, the
native binaries, where pictures go), each check printed as it is made and counted, the
native text reader's answers to compare with, and the closing tally."""
import json
import pathlib
import subprocess
import sys
import time


def folders(old_pictures="*.png"):
    """SITE_FOLDER NATIVE_BIN_FOLDER [OUTPUT_FOLDER] from the command line; the output
    folder made and emptied of old_pictures (None when it is not given)."""
    site, native_bin, *rest = (pathlib.Path(argument) for argument in sys.argv[1:4])
    out = rest[0] if rest else None
    if out:
        out.mkdir(parents=True, exist_ok=True)
        for old in out.glob(old_pictures):
            old.unlink()
    return site, native_bin, out


class Checks:
    """check(condition, message) prints "ok:" or "FAIL:" with the seconds since the start,
    keeps each failure and gives the condition back; finish() says how it went and exits."""

    def __init__(self):
        self.failures = []
        self.started = time.time()

    def __call__(self, condition, message):
        print(("ok:   " if condition else "FAIL: ") + f"[{self.elapsed():.0f}] " + message,
              flush=True)
        if not condition:
            self.failures.append(message)
        return condition

    def elapsed(self):
        return time.time() - self.started

    def finish(self, name):
        print(f"{name}: {self.elapsed():.0f} s, {len(self.failures)} failed")
        sys.exit(1 if self.failures else 0)


def cli_json(native_bin, *arguments):
    """The native text reader's JSON answer (lungguide-cli ARGUMENTS --json)."""
    return json.loads(subprocess.run([str(native_bin / "lungguide-cli"), *arguments, "--json"],
                                     check=True, capture_output=True, text=True).stdout)
