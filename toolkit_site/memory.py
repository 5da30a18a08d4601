"""Freed memory kept for the next request instead of handed back to the system.

A page is built as strings that each template level joins and copies: a consensus worksheet
(270 KB) or the report page goes through a few megabytes of them. With glibc's defaults the
first piece of 128 KB or more is mapped from the system on its own; once it is freed, glibc
takes such pieces from the heap, but hands free memory at the top of the heap back to the
system as soon as there is more than twice the largest of them, and the next request takes
it back from the kernel a page at a time. Measured on the benchmark's pages: 350 to 470 page
faults for each consensus worksheet, 400 for the indicators worksheet, 290 for the report
page (28 for other worksheets), and 1.5 to 5 ms of system time on top of the page's own.
Telling glibc to take pieces under `FROM_HEAP_BELOW` from the heap and to keep up to `KEPT`
of free memory there lets each request reuse what the one before it freed. A process that
had served the benchmark's pages was 114 MB either way. Pieces of `FROM_HEAP_BELOW` or more
(a PDF's buffers in the task worker) are mapped and unmapped each time: glibc no longer
moves its threshold once it is set.

Called by every entry point (`wsgi.py`, `manage.py`: the web server, the task worker,
`make bench`). Elsewhere than glibc (macOS, musl), or when the environment sets these
thresholds itself (glibc's `MALLOC_*_` variables or `GLIBC_TUNABLES`), nothing changes.
"""

from __future__ import annotations

import ctypes
import os
import platform

# glibc's `mallopt` parameters (malloc.h).
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3

# Pieces smaller than this come from the heap (a page's strings are under a megabyte)...
FROM_HEAP_BELOW = 4 * 1024 * 1024
# ...and the heap hands back free memory only beyond this much.
KEPT = 16 * 1024 * 1024

OPERATOR_SETTINGS = ("MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TOP_PAD_")
OPERATOR_TUNABLES = (
    "glibc.malloc.trim_threshold",
    "glibc.malloc.mmap_threshold",
    "glibc.malloc.top_pad",
)


def keep_freed_memory(environ: dict[str, str] | None = None) -> bool:
    """Set glibc's thresholds as above; False where either was left as it was."""
    environ = os.environ if environ is None else environ
    if platform.libc_ver()[0] != "glibc":
        return False
    if any(name in environ for name in OPERATOR_SETTINGS):
        return False
    tunables = [entry.split("=")[0] for entry in environ.get("GLIBC_TUNABLES", "").split(":")]
    if any(name in OPERATOR_TUNABLES for name in tunables):
        return False
    libc = ctypes.CDLL(None)
    # Each on its own: a build that refuses one (mallopt answers 0) still gets the other.
    from_heap = libc.mallopt(M_MMAP_THRESHOLD, FROM_HEAP_BELOW)
    kept = libc.mallopt(M_TRIM_THRESHOLD, KEPT)
    return bool(from_heap and kept)
