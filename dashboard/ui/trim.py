"""Giving freed memory back to the system: glibc keeps what Python frees in its arenas, so a
server that let a visitor's big article go would otherwise keep its size for good."""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
from functools import cache

DELAY = 1.0  # s after a release, when what it held has been freed


@cache
def _malloc_trim():
    """Return glibc's malloc_trim, or None on a system without it (macOS, musl)."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def trim() -> None:
    """Give the free memory at the ends and in the middle of glibc's arenas back now."""
    malloc_trim = _malloc_trim()
    if malloc_trim is not None:
        malloc_trim(0)


def soon(_released: object = None) -> None:
    """Trim a moment from now (a cache's release hook: its value is freed once it returns)."""
    timer = threading.Timer(DELAY, trim)
    timer.daemon = True
    timer.start()
