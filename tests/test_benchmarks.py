"""Tests for benchmarks/report.py: the interval printed beside the page's visit ratios."""

from __future__ import annotations

import random

from benchmarks.report import ratio_interval


def samples(centre: float, spread: float, count: int, seed: int) -> list[float]:
    """Return count visit times around centre (ms), uniformly within ± spread."""
    rng = random.Random(seed)
    return [centre + rng.uniform(-spread, spread) for _ in range(count)]


def test_the_interval_holds_the_true_ratio():
    """Pages 1.3 times apart give an interval around 1.3, and the same page one around 1."""
    floor = samples(1250, 60, 20, seed=1)
    low, high = ratio_interval(samples(1625, 80, 20, seed=2), floor)
    assert low < 1.3 < high
    low, high = ratio_interval(samples(1250, 60, 20, seed=3), floor)
    assert low < 1.0 < high


def test_noisier_or_fewer_visits_give_a_wider_interval():
    """The interval narrows with steadier times and with more visits."""
    def width(spread: float, count: int) -> float:
        low, high = ratio_interval(samples(1600, spread, count, seed=4),
                                   samples(1250, spread, count, seed=5))
        return high - low

    assert width(20, 20) < width(150, 20)
    assert width(150, 80) < width(150, 20)


def test_the_desk_benchmark_makes_distinct_readable_articles(tmp_path):
    """Its copies differ (no two hashes alike), spread over two years and a dozen sources,
    and read back as the articles they were made from."""
    from benchmarks.desk import DAYS, FIRST_DAY, SOURCES, variant, write_markdown
    from dashboard.core import documents
    from dashboard.core.store import content_hash, day_of

    made = [variant(["Niger and Mali met.", "Chad: talks in N'Djamena."], n) for n in range(60)]
    write_markdown(tmp_path / "out", made)
    docs = [documents.load(path) for path in sorted((tmp_path / "out").iterdir())]
    assert len({content_hash(doc) for doc in docs}) == 60
    assert {doc.source for doc in docs} == set(SOURCES)
    assert all(FIRST_DAY.isoformat() <= day_of(doc.published) < "2025-01-01" for doc in docs)
    assert DAYS == 730 and docs[1].title == made[1]["title"]
    assert sum("Wagner" in doc.text for doc in docs) == 3
