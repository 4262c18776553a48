"""The learned layer's held-out figures, printed by `python -m bot.safety.train`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from bot.safety.train_data import Row


def report(
    title: str,
    batch: Sequence[Row],
    scored: Sequence[tuple[float, float]],
    limits: tuple[float, float],
    *,
    brief: bool = False,
) -> None:
    """Print out-of-fold figures at the (risk, crisis) thresholds `limits`: by tier, language
    and kind (unless `brief`), then a summary by language."""
    by: dict[str, Counter[str]] = {}
    for row, (risk, crisis) in zip(batch, scored, strict=True):
        said = "crisis" if crisis >= limits[1] else "possible" if risk >= limits[0] else "none"
        truth = (
            "none" if row.label == "none" else "possible" if row.label == "possible" else "crisis"
        )
        keys = [f"all {truth}", f"{row.lang} {truth}", f"kind {row.kind} {truth}"]
        if row.setback:
            keys += ["all setback", f"{row.lang} setback"]
        for key in keys:
            by.setdefault(key, Counter())[said] += 1
    print(f"{title} (flagged = either tier; the learned layer alone, without the patterns):")
    for key in [] if brief else sorted(by):
        counts = by[key]
        total = sum(counts.values())
        flagged = (counts["crisis"] + counts["possible"]) / total
        print(
            f"  {key:<28} {total:>5}  crisis {counts['crisis'] / total:6.1%}"
            f"  flagged {flagged:6.1%}"
        )
    summary(by, sorted({row.lang for row in batch}))


def summary(by: dict[str, Counter[str]], langs: Sequence[str]) -> None:
    """Print, per language, clear crises given the crisis reply, clear + possible flagged, and
    ordinary setbacks flagged (false alarms; the coaching texts left out)."""
    print("  summary: crisis at once / all risk flagged / false alarms on setbacks")
    for lang in ("all", *langs):
        crisis, possible, none = (
            by.get(f"{lang} {truth}", Counter()) for truth in ("crisis", "possible", "setback")
        )
        risky = sum(crisis.values()) + sum(possible.values())
        if not risky:
            continue
        at_once = crisis["crisis"] / max(1, sum(crisis.values()))
        flagged = (risky - crisis["none"] - possible["none"]) / risky
        alarms = 1 - none["none"] / max(1, sum(none.values()))
        print(f"  {lang:<4} {at_once:6.1%} {flagged:6.1%} {alarms:6.1%}")
