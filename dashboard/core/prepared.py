"""Prepared files: what the app would otherwise build from the geodata at start-up, written by
geodata/build.py and stamped with a digest of everything it is built from.

A prepared file is one header line (format, the sources' digest, the payload's length and
CRC-32), then the state in marshal's format (version 4) made of plain built-in values only:
dict, list, tuple, str, bytes, int, float, bool and None. marshal reads those a third faster
than pickle and never calls code a file names; like pickle it is fit for these files only
because they are ours (committed, rebuilt by geodata/build.py, checked byte for byte in CI),
never for anything a user supplies. The bytes depend on the values alone: sets are stored as
sorted lists (a set is written in hash order, which changes with each process's hash seed),
every value is one shared object, so marshal marks the same ones as shared each time (it
shares an object when something else refers to it), and a string is interned (marshal says
so) by its length alone.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import marshal
import sys
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .geodata import REBUILD, shown

FORMAT = "sahel-prepared/1"
HEADER_LIMIT = 200  # bytes: the header line is shorter
MARSHAL_VERSION = 4
SHARED = (int, float, bytes)  # values made one object each (None, True, False are already)

log = logging.getLogger(__name__)


def digest(paths: Iterable[Path]) -> str | None:
    """Return a digest (SHA-256) of files' names and bytes, or None if one cannot be read."""
    lines = []
    try:
        for path in paths:
            with path.open("rb") as file:  # read in pieces: no buffer of the whole file
                lines.append(f"{path.name} {hashlib.file_digest(file, 'sha256').hexdigest()}")
    except OSError:
        return None  # the folder is not in the digest: a copy of the files has the same one
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def write(path: Path, stamp: str, state: object) -> None:
    """Write a state (plain containers) as a prepared file stamped with its sources' digest."""
    shared: dict[object, object] = {}  # alive while marshal writes: every value is shared
    payload = marshal.dumps(_plain(state, shared), MARSHAL_VERSION)
    header = f"{FORMAT} {stamp} {len(payload)} {zlib.crc32(payload):08x}\n"
    path.write_bytes(header.encode("ascii") + payload)


class Unusable(Exception):
    """A prepared file is missing, damaged or not of its sources; the message says which."""


def read(path: Path, stamp: str | None) -> object:
    """Return a prepared file's state (Unusable if it is missing, damaged or not of the
    sources whose digest is stamp; None: a source cannot be read)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise Unusable("is missing") from None
    except OSError as error:
        raise Unusable(f"cannot be read ({error})") from None
    end = data.find(b"\n", 0, HEADER_LIMIT)
    head = data[:max(end, 0)].decode("ascii", "replace").split(" ")
    payload = memoryview(data)[end + 1:]
    if len(head) != 4 or head[0] != FORMAT:
        raise Unusable("is damaged (no header)")
    if stamp is None:
        raise Unusable("cannot be checked (a file it is built from cannot be read)")
    if head[1] != stamp:
        raise Unusable("is not of these sources (the geodata or the code that builds from it "
                       "changed since it was written)")
    if head[2:] != [str(len(payload)), f"{zlib.crc32(payload):08x}"]:
        raise Unusable("is damaged (its length or checksum is wrong)")
    try:
        with uncollected():
            return marshal.loads(payload)
    except (ValueError, EOFError, TypeError) as error:  # what marshal raises on bad data
        raise Unusable(f"is damaged ({type(error).__name__})") from None


@contextmanager
def uncollected() -> Iterator[None]:
    """Pause the garbage collector while a state's objects are made: they live as long as the
    process, and collections started by every few hundred new objects would walk them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def unused(path: Path, why: object) -> None:
    """Warn that a prepared file was set aside (and the sources read instead), and why."""
    log.warning("%s %s: read the sources instead (%s).", shown(path), why, REBUILD)


def _uniform(text: str) -> str:
    """Return a string whose interning (which marshal writes) hangs on its value alone: a
    string of one letter is one object in a process, interned or not by whatever ran before,
    so it is interned; any other is a new copy, never interned."""
    return sys.intern(text) if len(text) < 2 else text.encode().decode()


def _plain(value: object, shared: dict[object, object]) -> object:
    """Return a copy of a state with new containers and one object per distinct value
    (TypeError if it holds anything but plain values: a set would be written in hash order)."""
    kind = type(value)
    if kind is str:
        return shared.get(value) or shared.setdefault(value, _uniform(value))
    if kind in SHARED:  # by type and repr: 1, 1.0 and True are equal keys, and 0.0 and -0.0
        return shared.setdefault((kind, repr(value)), value)
    if kind is list or kind is tuple:
        return kind(_plain(item, shared) for item in value)
    if kind is dict:
        return {_plain(key, shared): _plain(item, shared) for key, item in value.items()}
    if value is None or kind is bool:
        return value
    raise TypeError(f"a prepared file holds plain values only, not {kind.__name__}")
