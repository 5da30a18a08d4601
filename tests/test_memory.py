"""The allocator keeps what a request freed for the next one (toolkit_site/memory.py)."""

from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path

from toolkit_site.memory import keep_freed_memory

ROOT = Path(__file__).resolve().parent.parent

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


def _faults(mode: str) -> int:
    result = subprocess.run(
        [sys.executable, "-c", CHURN, mode],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    return int(result.stdout)


def test_changes_the_allocator_on_glibc_only():
    assert keep_freed_memory({}) is (platform.libc_ver()[0] == "glibc")


def test_leaves_the_allocator_to_the_operator_who_sets_it():
    for name in ("MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TOP_PAD_"):
        assert keep_freed_memory({name: "1048576"}) is False
    assert keep_freed_memory({"GLIBC_TUNABLES": "glibc.malloc.trim_threshold=1048576"}) is False


def test_a_large_page_built_again_reuses_the_memory_freed_the_time_before():
    if platform.libc_ver()[0] != "glibc":
        assert keep_freed_memory({}) is False
        return
    handed_back, kept = _faults("default"), _faults("keep")
    # By default each round maps its 2.4 MB anew (about 600 faults a round); kept, only the
    # first round does.
    assert handed_back > 5_000
    assert kept < handed_back / 10
