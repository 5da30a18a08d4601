"""The allocator keeps what a request freed for the next one (toolkit_site/memory.py). Each
check runs in a process of its own: the setting is the process's."""

from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GLIBC = platform.libc_ver()[0] == "glibc"

# Eight strings of 300 KB alive at once, then freed, fifty times over: what building a large
# page does with its copies. Prints the page faults the loop caused.
CHURN = """
import resource, sys
from toolkit_site.memory import keep_freed_memory
if sys.argv[1] == "keep":
    assert keep_freed_memory({})
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(50):
    parts = [bytes(300_000) for _ in range(8)]
    del parts
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""

# What `keep_freed_memory` answers given the environment in argv[1] (name=value pairs).
ANSWER = """
import sys
from toolkit_site.memory import keep_freed_memory
environ = dict(pair.split("=", 1) for pair in sys.argv[1:])
print(keep_freed_memory(environ))
"""

# An entry point started with `keep_freed_memory` replaced by a stand-in that says so.
STARTED = """
import runpy, sys
import toolkit_site.memory
toolkit_site.memory.keep_freed_memory = lambda: print("kept")
if sys.argv[1] == "wsgi":
    import toolkit_site.wsgi
else:
    sys.argv = ["manage.py", "version"]
    runpy.run_path("manage.py", run_name="__main__")
"""


def _python(code: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "toolkit_site.settings"},
    )
    return result.stdout


def test_changes_the_allocator_on_glibc_only():
    assert _python(ANSWER).strip() == str(GLIBC)


def test_leaves_the_thresholds_to_the_operator_who_sets_them():
    for setting in (
        "MALLOC_TRIM_THRESHOLD_=1048576",
        "MALLOC_MMAP_THRESHOLD_=1048576",
        "MALLOC_TOP_PAD_=1048576",
        "GLIBC_TUNABLES=glibc.malloc.arena_max=2:glibc.malloc.trim_threshold=1048576",
        "GLIBC_TUNABLES=glibc.malloc.mmap_threshold=1048576",
    ):
        assert _python(ANSWER, setting).strip() == "False", setting
    # Other allocator settings leave the thresholds to the app.
    assert _python(ANSWER, "GLIBC_TUNABLES=glibc.malloc.arena_max=2").strip() == str(GLIBC)
    assert _python(ANSWER, "MALLOC_ARENA_MAX=2").strip() == str(GLIBC)


def test_every_entry_point_sets_it():
    assert _python(STARTED, "wsgi").splitlines()[0] == "kept"
    assert _python(STARTED, "manage").splitlines()[0] == "kept"


def test_a_large_page_built_again_reuses_the_memory_freed_the_time_before():
    if not GLIBC:
        assert _python(ANSWER).strip() == "False"
        return
    handed_back, kept = int(_python(CHURN, "default")), int(_python(CHURN, "keep"))
    # By default the top of the heap is handed back after each round and taken back the
    # next (some 240 faults a round); kept, only the first round takes it.
    assert handed_back > 5_000
    assert kept < handed_back / 10
