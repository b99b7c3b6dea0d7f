"""Analyses too big to run beside the page's visitors: each in a Python process of its own, one
at a time, so a heavy article costs one core for its seconds (the other visitors keep the rest)
and the memory its analysis passed through goes back to the system when that process ends.

The process is `python -m dashboard.core.offload SLUG`: the packed document on its standard
input, the analysis as JSON rows (mentions, journeys, stops) on its standard output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from .analysis import Analysis, analyse
from .geoparse import default_gazetteer
from .models import Document
from .store.packed import Packed, pack, unpack
from .store.rows import analysis_from, prepare

HEAVY_CHARACTERS = 200_000  # a longer text is analysed in its own process (about a second)
TIMEOUT = 600  # s: an analysis is bounded (analysis.READ_CHARACTERS); this is a safety net
ROOT = Path(__file__).resolve().parents[2]  # where `dashboard` is imported from
ONE_AT_A_TIME = threading.Lock()


class OffloadError(RuntimeError):
    """The analysing process could not be started or did not answer."""


def is_heavy(doc: Document) -> bool:
    """Tell whether a document is long enough to be analysed away from the page's process."""
    return len(doc.text) > HEAVY_CHARACTERS


def rows(doc: Document) -> tuple[list, list, list]:
    """Return a document's analysis as plain rows: mentions, journeys, stops."""
    found = prepare(analyse(doc, default_gazetteer()), doc.slug)
    return found.mentions, found.journeys, found.stops


def analyse_apart(doc: Document) -> Analysis:
    """Return a document's analysis made in a process of its own (after any other's), rebuilt
    here exactly; OffloadError if that process fails."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    with ONE_AT_A_TIME:
        try:
            done = subprocess.run([sys.executable, "-m", __name__, doc.slug],
                                  input=pack(doc).data, capture_output=True, cwd=ROOT, env=env,
                                  timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise OffloadError(f"the analysing process failed: {error}") from None
    if done.returncode != 0:
        last = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
        raise OffloadError(f"the analysing process failed ({done.returncode}): {last[0]}")
    mentions, journeys, stops = json.loads(done.stdout)
    return analysis_from(doc, mentions, journeys, stops)


def main() -> None:
    """Analyse the packed document on standard input; write its rows as JSON."""
    doc = unpack(Packed(sys.argv[1], "", "", sys.stdin.buffer.read()))
    json.dump(rows(doc), sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
