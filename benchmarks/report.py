"""Record benchmark figures in RESULTS.md, one section per benchmark, with the machine; and
the interval printed beside a ratio of medians."""

from __future__ import annotations

import os
import platform
import random
import re
import statistics
import subprocess
from datetime import UTC, datetime
from pathlib import Path


def machine() -> str:
    """Describe the machine the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    chromium = ""
    try:
        chromium = subprocess.run(["chromium", "--version"], capture_output=True, text=True,
                                  timeout=20, check=False).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        pass
    return (f"{cpu}, {os.cpu_count()} cores{memory}; Python {platform.python_version()}; "
            f"{platform.system()} {platform.release()}" + (f"; {chromium}" if chromium else ""))


def ratio_interval(ours: list[float], floor: list[float], rounds: int = 2000,
                   seed: int = 1) -> tuple[float, float]:
    """Return a 95% bootstrap interval of median(ours) / median(floor), each resampled alone."""
    rng = random.Random(seed)
    ratios = sorted(
        statistics.median(rng.choices(ours, k=len(ours)))
        / statistics.median(rng.choices(floor, k=len(floor)))
        for _ in range(rounds))
    return ratios[int(0.025 * rounds)], ratios[int(0.975 * rounds) - 1]


def record(path: Path, section: str, body: str) -> None:
    """Replace (or add) one section of RESULTS.md with new figures."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    block = f"## {section}\n\nMeasured {stamp} on {machine()}.\n\n{body.strip()}\n"
    text = path.read_text(encoding="utf-8") if path.exists() else (
        "# Benchmark results\n\nWritten by the scripts in benchmarks/; "
        "each section holds the latest run.\n")
    pattern = re.compile(rf"^## {re.escape(section)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: block + "\n", text)
    else:
        text = text.rstrip() + "\n\n" + block
    path.write_text(text.rstrip() + "\n", encoding="utf-8")
