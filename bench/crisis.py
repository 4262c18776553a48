"""Crisis screening: recall per tier and language, false alarms, and time per message.

python -m bench crisis. Figures for the tuning sets (tests/data/crisis_tuning*.jsonl, among
them the five retired blind sets), each tuning file on its own, blind set 6 retired after its
second measurement and not yet tuned on (tests/data/crisis_retired_6.jsonl), and the blind set
(tests/data/blind/crisis_7.jsonl, written by a separate author before this round of tuning and
never used to tune): aggregate
figures only, never the texts of misses. `--quick` leaves the blind set out (a smoke run of the
timing), and so does BENCH_NO_BLIND=1 (full timing, for the detector's author while the set is
kept unmeasured). A blind set not written yet is reported as "not measured yet".
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import median, percentile, write_json
from bot.safety import Screening, Tier, screen

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
# Every tuning file: the first set, the retired blind sets 1 to 5, later rounds' additions.
TUNING = tuple(sorted(DATA.glob("crisis_tuning*.jsonl")))
# Blind set 6, measured twice, waits outside them until the next round tunes on it.
RETIRED = DATA / "crisis_retired_6.jsonl"
BLIND = DATA / "blind" / "crisis_7.jsonl"
LANGUAGES = ("en", "es", "de", "fr", "pt")
# Targets from issue 14.
CRISIS_RECALL = 1.0
ANY_RISK_RECALL = 0.95
FALSE_ALARMS = 0.05
# The screening this replaced (one regex set, English only) is timed in the same run, read
# from git; without git, its time measured on the tuning set on 2026-11-30 stands in.
BEFORE_COMMIT = "da2a063"
BEFORE_US = 86.5


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled message: its text, earlier messages, tier ("none" too), concern, language."""

    text: str
    tier: str
    concern: str | None
    lang: str
    kind: str
    context: tuple[str, ...] = ()


def load(paths: Path | Sequence[Path]) -> list[Example]:
    """Read labelled examples from one JSON-lines file or several, in order."""
    examples = []
    lines = [
        line
        for path in ([paths] if isinstance(paths, Path) else paths)
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    for line in lines:
        if line.strip():
            row = json.loads(line)
            examples.append(
                Example(
                    text=row["text"],
                    tier=row["tier"],
                    concern=row.get("concern"),
                    lang=row.get("lang", "en"),
                    kind=row.get("kind", ""),
                    context=tuple(row.get("context") or ()),
                )
            )
    return examples


@dataclass(slots=True)
class Figures:
    """Counts of what screening said for each labelled tier."""

    said: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, label: str, result: Screening | None) -> None:
        """Count one example: its label and what screening returned."""
        self.said.setdefault(label, Counter())[result.tier.value if result else "none"] += 1

    def count(self, label: str) -> int:
        """How many examples carry this label."""
        return sum(self.said.get(label, Counter()).values())

    def rate(self, label: str, *answers: str) -> float:
        """The share of examples with this label that screening answered with one of `answers`."""
        total = self.count(label)
        hits = sum(self.said.get(label, Counter())[answer] for answer in answers)
        return hits / total if total else 1.0

    @property
    def crisis_recall(self) -> float:
        """Clear crises given the crisis reply at once."""
        return self.rate("crisis", Tier.CRISIS.value)

    @property
    def crisis_caught(self) -> float:
        """Clear crises flagged at any tier (the rest were asked the direct question)."""
        return self.rate("crisis", Tier.CRISIS.value, Tier.POSSIBLE.value)

    @property
    def risk_recall(self) -> float:
        """Clear and possible risk flagged at any tier."""
        hits = sum(
            self.said.get(label, Counter())[t]
            for label in ("crisis", "possible")
            for t in (Tier.CRISIS.value, Tier.POSSIBLE.value)
        )
        total = self.count("crisis") + self.count("possible")
        return hits / total if total else 1.0

    @property
    def false_alarms(self) -> float:
        """Ordinary setbacks flagged at any tier."""
        return 1.0 - self.rate("none", "none")


def evaluate(examples: Sequence[Example]) -> tuple[Figures, dict[str, Figures]]:
    """Screen every example; figures overall and per language."""
    overall, by_lang = Figures(), {lang: Figures() for lang in LANGUAGES}
    for example in examples:
        result = screen(example.text, example.context)
        overall.add(example.tier, result)
        by_lang.setdefault(example.lang, Figures()).add(example.tier, result)
    return overall, by_lang


def time_per_message(
    texts: Sequence[str], *fns: Callable[[str], object], rounds: int = 9
) -> list[float]:
    """Microseconds per message for each function, best of `rounds` interleaved passes.

    Interleaving gives each function the same share of a busy machine's bad moments.
    """
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for index, fn in enumerate(fns):
            start = time.perf_counter()
            for text in texts:
                fn(text)
            best[index] = min(best[index], (time.perf_counter() - start) / len(texts) * 1e6)
    return best


def per_message_us(
    texts: Sequence[str], *fns: Callable[[str], object], rounds: int = 6
) -> list[tuple[float, float]]:
    """(median, p99) microseconds a message for each function: each message timed on its own,
    its best of `rounds` interleaved passes (so a busy machine's pauses do not count).

    The order of the functions turns each round: the first to read a message is slower (by a
    fifth on this machine, whichever it is), so each takes that place as often as the others.
    """
    best = [[float("inf")] * len(texts) for _ in fns]
    clock = time.perf_counter_ns
    for turn in range(rounds):
        order = [(turn + k) % len(fns) for k in range(len(fns))]
        for index, text in enumerate(texts):
            for which in order:
                fn = fns[which]
                start = clock()
                fn(text)
                best[which][index] = min(best[which][index], (clock() - start) / 1000)
    return [(median(times), percentile(times, 0.99)) for times in best]


def _before() -> Callable[[str], object] | None:
    """The replaced screening function, loaded from git, or None when git cannot give it."""
    try:
        source = subprocess.run(
            ["git", "show", f"{BEFORE_COMMIT}:bot/safety.py"],
            capture_output=True,
            check=True,
            cwd=DATA,
            text=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(source)
    spec = importlib.util.spec_from_file_location("screening_before", handle.name)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    Path(handle.name).unlink()
    check: Callable[[str], object] = module.check_message
    return check


def _row(name: str, figures: Figures) -> str:
    return (
        f"{name:<14} crisis {figures.count('crisis'):>4} at once {figures.crisis_recall:6.1%}"
        f" any tier {figures.crisis_caught:6.1%} | possible {figures.count('possible'):>4}"
        f" | risk recall {figures.risk_recall:6.1%} | none {figures.count('none'):>4}"
        f" false alarms {figures.false_alarms:6.1%}"
    )


def run(quick: bool = False) -> None:
    """Print the figures for both sets and the time per message; write bench/results."""
    result: dict[str, object] = {}
    # The blind set is measured once, by the integrator: the detector's author leaves it out.
    no_blind = quick or os.environ.get("BENCH_NO_BLIND", "") not in ("", "0")
    sets: tuple[tuple[str, Path | tuple[Path, ...]], ...] = (
        (("tuning", TUNING),)
        if no_blind
        else (("tuning", TUNING), ("retired 6", RETIRED), ("blind 7", BLIND))
    )
    for name, path in sets:
        if isinstance(path, Path) and not path.exists():
            print(f"{name}: not measured yet ({path.name} not written)")
            continue
        overall, by_lang = evaluate(load(path))
        print(_row(f"{name}", overall))
        for lang, figures in by_lang.items():
            if figures.said:
                print(_row(f"  {name} {lang}", figures))
        if name == "tuning":
            # Each tuning file on its own: a retired blind set tuned on shows here what it gained.
            for each in TUNING:
                print(
                    _row(
                        f"  {each.stem.removeprefix('crisis_tuning')[1:] or 'first'}",
                        evaluate(load(each))[0],
                    )
                )
        result[name] = {
            lang: {
                "crisis_at_once": figures.crisis_recall,
                "crisis_any_tier": figures.crisis_caught,
                "risk_recall": figures.risk_recall,
                "false_alarms": figures.false_alarms,
            }
            for lang, figures in (("all", overall), *by_lang.items())
            if figures.said
        }
    texts = [example.text for example in load(TUNING)]
    ordinary = [example.text for example in load(TUNING) if example.tier == "none"]
    texts, ordinary = (texts[:100], ordinary[:50]) if quick else (texts, ordinary)
    old = _before()
    rows = []
    for name, sample in (("tuning set", texts), ("ordinary setbacks", ordinary)):
        if old is not None:
            now, before = time_per_message(sample, screen, old)
        else:
            [now], before = time_per_message(sample, screen), BEFORE_US
        verdict = "met" if now < before else "missed"
        rows.append(f"{name}: {now:.1f} us/message, before {before:.1f} us: {verdict}")
        result[f"us_per_message {name}"] = {"now": now, "before": before}
    print("screening time (best of 9, interleaved): " + "; ".join(rows))
    if old is not None:
        (now_median, now_p99), (old_median, old_p99) = per_message_us(texts, screen, old)
        print(
            f"per message, tuning set: median {now_median:.1f} us, p99 {now_p99:.1f} us;"
            f" before: median {old_median:.1f} us, p99 {old_p99:.1f} us"
        )
        result["us_per_message_each"] = {
            "now": {"median": now_median, "p99": now_p99},
            "before": {"median": old_median, "p99": old_p99},
        }
    write_json("crisis", result)
