"""Tests for the benchmarks' pure functions: the interval printed beside a ratio of medians,
the desk's articles, and what load.py reads from /proc and the command line."""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.harness import (
    CLOCK_TICKS,
    group_memory_mb,
    group_seconds,
    stat_fields,
    tree_seconds,
)
from benchmarks.loadreport import (
    busy_share,
    counts,
    cpu_fields,
    median_target,
    per,
    ratio,
    verdict,
)
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


# ---------------------------------------------------------------- benchmarks/load.py

STAT = ("4242 (streamlit run) x) S 1 4242 4242 0 -1 4194560 31 0 0 0 "
        "250 40 7 3 20 0 9 0 123 456 789 18446744073709551615")


@pytest.mark.parametrize("text, expected", [
    (STAT, (1, 4242, 250 + 40 + 7 + 3)),  # a name with a space and a parenthesis
    (STAT.replace("(streamlit run) x)", "(python)").replace(" 1 4242 4242 ", " 9 77 77 "),
     (9, 77, 300)),
])
def test_stat_fields_read_the_parent_group_and_cpu_ticks(text, expected):
    """The parent, the process group, and utime + stime + cutime + cstime, whatever the
    process's name."""
    assert stat_fields(text) == expected


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="no /proc here")
def test_stat_fields_read_this_process():
    """This process's own line gives its process group and, after some work, some CPU."""
    sum(i * i for i in range(2_000_000))
    parent, group, ticks = stat_fields(Path("/proc/self/stat").read_text())
    assert (parent, group) == (os.getppid(), os.getpgrp()) and ticks > 0


def test_stat_fields_refuse_a_short_line():
    with pytest.raises(ValueError, match="17 fields"):
        stat_fields("12 (x) S 1 2")


def test_a_group_and_a_tree_of_processes_add_up_their_cpu():
    """A server's group is counted alone; the tree below this process leaves it out."""
    tick = CLOCK_TICKS
    table = {
        10: (1, 10, 1 * tick),    # this process
        11: (10, 10, 2 * tick),   # its browser driver
        12: (11, 12, 4 * tick),   # a browser, in a group of its own
        20: (10, 20, 8 * tick),   # a server it started, in a session of its own
        21: (20, 20, 16 * tick),  # a child of the server
        30: (1, 30, 32 * tick),   # someone else's process
    }
    assert group_seconds(table, 20) == 24
    assert tree_seconds(table, 10) == 31
    assert tree_seconds(table, 10, {20}) == 7
    assert tree_seconds(table, 99) == 0


def test_cpu_fields_count_idle_and_iowait_as_not_busy():
    text = "cpu  100 5 50 800 20 3 2 0 0 0\ncpu0 50 2 25 400 10 1 1 0 0 0\nintr 1\n"
    assert cpu_fields(text) == (160, 980)
    assert busy_share((160, 980), (260, 1180)) == 0.5
    assert busy_share((1, 1), (1, 1)) is None
    with pytest.raises(ValueError, match="cpu"):
        cpu_fields("intr 1\n")


@pytest.mark.parametrize("text, expected", [
    ("1,4,8,16", (1, 4, 8, 16)),
    ("2", (2,)),
])
def test_counts_read_the_visitors_option(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text", ["", "1,,4", "four", "0,4", "-1"])
def test_counts_refuse_what_is_not_a_list_of_visitors(text):
    with pytest.raises(argparse.ArgumentTypeError, match=repr(text).replace("(", r"\(")):
        counts(text)


@pytest.mark.parametrize("visitors, target", [(1, None), (2, None), (4, 1.15), (8, 1.15),
                                              (16, 1.3), (32, 1.3)])
def test_median_targets_follow_the_issue(visitors, target):
    assert median_target(visitors) == target


@pytest.mark.parametrize("value, limit, expected", [
    (1.1, 1.15, "met"), (1.15, 1.15, "met"), (1.2, 1.15, "MISSED"),
    (None, 1.15, ""), (1.2, None, ""),
])
def test_verdicts(value, limit, expected):
    assert verdict(value, limit) == expected


def test_ratios_and_shares_of_missing_figures_are_missing():
    assert ratio(3.0, 2.0) == 1.5
    assert ratio(None, 2.0) is None and ratio(3.0, 0.0) is None
    assert ratio(float("nan"), 2.0) is None
    assert per(3.0, 2) == 1.5 and per(3.0, 0) is None


def test_the_memory_benchmarks_files_are_what_it_says():
    """Every file fits the upload limit; the alias bomb, the deep nesting and the binary file
    are refused by the reader, the others read (the benchmark's table says which)."""
    from benchmarks import memory
    from dashboard.core.documents import DocumentError, from_upload

    files = memory.hostile_files() + [memory.big_article(1)]
    assert all(len(data) <= 5_000_000 for _, data in files)
    refused = set()
    for name, data in files:
        try:
            from_upload(name, data)
        except DocumentError:
            refused.add(name)
    assert refused == {"laughs.md", "nested.md", "binary.txt"}
    assert memory.big_article(1)[1] != memory.big_article(2)[1]  # each visitor's own


def test_the_former_language_detector_is_kept_for_comparison():
    from benchmarks.language import function_words

    assert function_words("Le président s'est rendu à Moscou avec les ministres.") == "fr"
    assert function_words("The president travelled to Moscow with the ministers.") == "en"
    assert function_words("Moscou") == "en"  # too short to say: the default


def test_a_process_group_s_memory_counts_pages_a_forked_worker_shares_once():
    """A server that forks holds its pages once, not once per process that can see them."""
    script = ("import os, sys, time\n"
              "held = bytearray(os.urandom(1 << 20)) * 120\n"  # 120 MB, every page touched
              "if os.fork() == 0:\n"
              "    time.sleep(30); os._exit(0)\n"
              "print('ready', flush=True); time.sleep(30)\n")
    server = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                              start_new_session=True, text=True)
    try:
        assert server.stdout.readline().strip() == "ready"
        time.sleep(0.5)  # the child has forked
        held = group_memory_mb(server.pid)
        assert 120 <= held < 180, held  # one copy of the 120 MB, and two interpreters
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
