"""Prepared files: what the app would otherwise build from the geodata at start-up, written by
geodata/build.py and stamped with a digest of everything it is built from.

A prepared file is one header line (format, the sources' digest, the payload's length and
CRC-32), then the state in marshal's format (version 4) made of plain built-in values only:
dict, list, tuple, str, bytes, int, float, bool and None. marshal reads those a third faster
than pickle and never calls code a file names; like pickle it is fit for these files only
because they are ours (committed, rebuilt by geodata/build.py, checked byte for byte in CI),
never for anything a user supplies. The bytes depend on the values alone: sets are stored as
sorted lists (a set is written in hash order, which changes with each process's hash seed),
and the state is written as a copy made of new objects, one per distinct value, so what
marshal writes once and refers to after (what something else refers to) and what it says is
interned hang on the values, not on the objects the build happened to make.
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
SHARED = (int, float, bytes)  # values copied like strings (None, True, False are one object)

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
    payload = marshal.dumps(_plain(state, {}), MARSHAL_VERSION)  # the copies' only holder
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


def _copy(value: str | int | float | bytes) -> object:
    """Return a new object equal to a value, held by nothing else (so marshal refers back to
    it only if the state holds it twice); or, for the empty string, a Latin-1 letter and a
    small int, the process's one object, interned (whatever ran before may have interned it,
    and marshal writes whether a string is)."""
    kind = type(value)
    if kind is str:
        if len(value) < 2 and value <= "\xff":
            return sys.intern(value)
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass")
    return bytes(bytearray(value)) if kind is bytes else kind(repr(value))


def _plain(value: object, shared: dict[object, object]) -> object:
    """Return a copy of a state, all new objects, one per distinct value (TypeError if it
    holds anything but plain values: a set would be written in hash order)."""
    kind = type(value)
    if kind is str or kind in SHARED:  # by type and repr: 1, 1.0 and True are equal keys
        key = value if kind is str else (kind, repr(value))
        found = shared.get(key)
        if found is None:
            found = shared[key] = _copy(value)
        return found
    if kind is list or kind is tuple:
        return kind(_plain(item, shared) for item in value)
    if kind is dict:
        return {_plain(key, shared): _plain(item, shared) for key, item in value.items()}
    if value is None or kind is bool:
        return value
    raise TypeError(f"a prepared file holds plain values only, not {kind.__name__}")
