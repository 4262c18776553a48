"""After a crisis reply and at the direct question: how well messages are read, per label.

python -m bench crisis_answers. Tuning sets: tests/data/crisis_followups_tuning.jsonl and
risk_answers_tuning.jsonl, with the first blind sets retired into them on 2026-12-01
(crisis_followups_retired_1.jsonl, risk_answers_retired_1.jsonl); the second blind sets, measured
twice, wait outside them until the next round tunes on them (crisis_followups_retired_2.jsonl,
risk_answers_retired_2.jsonl); blind sets, by a separate author and never used to tune:
tests/data/blind/crisis_followups_3.jsonl and risk_answers_3.jsonl (aggregate figures only).

At the direct question "yes" and "not sure" lead to the same crisis reply, so besides recall
per label the figure that matters is `risk kept`: the share of yes or not sure answers read
as either (never as a no, nor as no answer).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from bench.common import write_json
from bot.safety import screen
from bot.safety.answers import FollowUp, follow_up
from bot.safety.risk_answers import risk_answer

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SETS: dict[str, tuple[tuple[Path, ...], Path]] = {
    "followups": (
        (DATA / "crisis_followups_tuning.jsonl", DATA / "crisis_followups_retired_1.jsonl"),
        DATA / "blind" / "crisis_followups_3.jsonl",
    ),
    "risk_answers": (
        (DATA / "risk_answers_tuning.jsonl", DATA / "risk_answers_retired_1.jsonl"),
        DATA / "blind" / "risk_answers_3.jsonl",
    ),
}


def read_follow_up(text: str) -> str:
    """What the flow makes of a message after a crisis reply."""
    said = follow_up(text, screen(text))
    # A question about the lines is answered, and not wanting to talk is respected; both
    # then ask whether they are safe: "other" in the sets.
    return "other" if said in (FollowUp.ABOUT_LINES, FollowUp.QUIET) else said.value


def read_risk_answer(text: str) -> str:
    """What the flow makes of an answer to the direct question ("none": asked again)."""
    answer = risk_answer(text, risky=screen(text) is not None)
    return answer.value if answer is not None else "none"


READERS: dict[str, Callable[[str], str]] = {
    "followups": read_follow_up,
    "risk_answers": read_risk_answer,
}


def confusion(name: str, paths: Path | tuple[Path, ...]) -> dict[str, Counter[str]]:
    """Label -> what the reader said, counted over one labelled file or several."""
    said: dict[str, Counter[str]] = {}
    for path in (paths,) if isinstance(paths, Path) else paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                said.setdefault(row["label"], Counter())[READERS[name](row["text"])] += 1
    return said


def risk_kept(said: dict[str, Counter[str]]) -> float:
    """The share of yes and not sure answers read as yes or not sure: the crisis reply."""
    risky = [said.get(label, Counter()) for label in ("yes", "unsure")]
    total = sum(sum(counts.values()) for counts in risky)
    kept = sum(counts["yes"] + counts["unsure"] for counts in risky)
    return kept / total if total else 1.0


def recall(said: dict[str, Counter[str]], label: str) -> float:
    """The share of examples with this label read as this label."""
    total = sum(said.get(label, Counter()).values())
    return said[label][label] / total if total else 1.0


def run(quick: bool = False) -> None:
    """Print recall per label on the tuning and blind sets; write bench/results."""
    result: dict[str, object] = {}
    # The blind sets are measured once, by the integrator: the detector's author leaves them out.
    no_blind = quick or os.environ.get("BENCH_NO_BLIND", "") not in ("", "0")
    for name, (tuning, blind) in SETS.items():
        chosen: list[tuple[str, Path | tuple[Path, ...]]] = [("tuning", tuning)]
        if not no_blind and blind.exists():
            chosen.append(("blind", blind))
        for kind, path in chosen:
            said = confusion(name, path)
            figures = {label: recall(said, label) for label in sorted(said)}
            if name == "risk_answers":
                figures["risk kept"] = risk_kept(said)
            shown = ", ".join(f"{label} {value:.0%}" for label, value in figures.items())
            print(f"{name} {kind}: recall {shown}")
            result[f"{name} {kind}"] = figures
    write_json("crisis_answers", result)
