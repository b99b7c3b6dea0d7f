"""A heavy article analysed in a process of its own gives exactly the analysis made here."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from dashboard.core import documents, offload
from dashboard.core.analysis import analyse

REPO_ROOT = Path(__file__).resolve().parents[1]
SEED = REPO_ROOT / "seeds" / "niger-russia-military-cooperation.txt"
FRENCH = sorted((REPO_ROOT / "tests" / "corpora" / "fr").glob("*.md"))[0]


def test_an_analysis_made_apart_is_the_one_made_here():
    for path in (SEED, FRENCH):
        doc = documents.load(path)
        assert offload.analyse_apart(doc) == analyse(doc)


def test_a_process_that_fails_is_said_so(monkeypatch):
    monkeypatch.setattr(offload, "__name__", "dashboard.core.no_such_module")
    with pytest.raises(offload.OffloadError, match="the analysing process failed"):
        offload.analyse_apart(documents.load(SEED))


def test_only_a_long_text_is_analysed_apart():
    doc = documents.load(SEED)
    assert not offload.is_heavy(doc)
    assert offload.is_heavy(replace(doc, text=doc.text + " " * offload.HEAVY_CHARACTERS))
