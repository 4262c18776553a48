"""Shared pieces of the benchmarks: a table printer, JSON results, percentiles, the machine."""

from __future__ import annotations

import json
import os
import platform
import resource
import sqlite3
import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


def percentile(values: Sequence[float], fraction: float) -> float:
    """The value below which `fraction` of the values fall (nearest rank)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def median(values: Sequence[float]) -> float:
    """The median, or NaN for no values."""
    return statistics.median(values) if values else float("nan")


def rss_mb() -> float:
    """Resident memory of this process now, in MB (Linux /proc), else the peak."""
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    return {
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
        "system": f"{platform.system()} {platform.release()}",
    }


def print_table(title: str, rows: Sequence[tuple[str, str, str, str]]) -> None:
    """Print rows of (measure, value, target, verdict) under a title."""
    header = ("measure", "value", "target", "")
    widths = [max(len(str(row[i])) for row in (header, *rows)) for i in range(4)]
    print(f"\n{title}")
    for row in (header, *rows):
        print(
            "  "
            + "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
        )


def write_json(name: str, payload: dict[str, Any]) -> Path:
    """Write results to bench/results/<name>.json and return the path."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps({"machine": machine(), **payload}, indent=2))
    return path


def verdict(ok: bool) -> str:
    """A word for a met or missed target."""
    return "ok" if ok else "MISSED"
