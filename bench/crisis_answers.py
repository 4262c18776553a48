"""After a crisis reply and at the direct question: how well messages are read, per label.

python -m bench crisis_answers. Tuning sets: tests/data/crisis_followups_tuning.jsonl and
risk_answers_tuning.jsonl; blind sets: tests/data/blind/crisis_followups.jsonl and
risk_answers.jsonl (never used to tune; aggregate figures only).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from bench.common import write_json
from bot.safety import screen
from bot.safety.answers import follow_up, risk_answer

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SETS = {
    "followups": (
        DATA / "crisis_followups_tuning.jsonl",
        DATA / "blind" / "crisis_followups.jsonl",
    ),
    "risk_answers": (DATA / "risk_answers_tuning.jsonl", DATA / "blind" / "risk_answers.jsonl"),
}


def read_follow_up(text: str) -> str:
    """What the flow makes of a message after a crisis reply."""
    return follow_up(text, screen(text)).value


def read_risk_answer(text: str) -> str:
    """What the flow makes of an answer to the direct question ("none": asked again)."""
    answer = risk_answer(text, risky=screen(text) is not None)
    return answer.value if answer is not None else "none"


READERS: dict[str, Callable[[str], str]] = {
    "followups": read_follow_up,
    "risk_answers": read_risk_answer,
}


def confusion(name: str, path: Path) -> dict[str, Counter[str]]:
    """Label -> what the reader said, counted over a labelled file."""
    said: dict[str, Counter[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            said.setdefault(row["label"], Counter())[READERS[name](row["text"])] += 1
    return said


def recall(said: dict[str, Counter[str]], label: str) -> float:
    """The share of examples with this label read as this label."""
    total = sum(said.get(label, Counter()).values())
    return said[label][label] / total if total else 1.0


def run(quick: bool = False) -> None:
    """Print recall per label on the tuning and blind sets; write bench/results."""
    result: dict[str, object] = {}
    for name, paths in SETS.items():
        for kind, path in zip(("tuning", "blind"), paths, strict=True):
            if not path.exists():
                continue
            said = confusion(name, path)
            figures = {label: recall(said, label) for label in sorted(said)}
            shown = ", ".join(f"{label} {value:.0%}" for label, value in figures.items())
            print(f"{name} {kind}: recall {shown}")
            result[f"{name} {kind}"] = figures
    write_json("crisis_answers", result)
