"""Rule-based detection of cognitive "thinking traps" in short first-person texts."""

from __future__ import annotations

from bot.traps.kinds import PRIORITY, Trap
from bot.traps.reading import clause_before, negated, normalise, sentences
from bot.traps.rules_beliefs import BELIEF_RULES
from bot.traps.rules_outcomes import OUTCOME_RULES
from bot.traps.vocabulary import Rule

_RULES: tuple[Rule, ...] = OUTCOME_RULES + BELIEF_RULES


def _fires(rule: Rule, sentence: str) -> bool:
    """Say whether the rule has an un-negated, un-vetoed match in the sentence."""
    if not rule.needs_after and not all(n.search(sentence) for n in rule.needs):
        return False
    for match in rule.pattern.finditer(sentence):
        if rule.needs_after and not all(n.search(sentence, match.end()) for n in rule.needs):
            continue
        clause = clause_before(sentence, match.start())
        if negated(clause):
            continue
        if rule.veto_before is not None and rule.veto_before.search(clause):
            continue
        return True
    return False


def detect_traps(text: str) -> frozenset[Trap]:
    """Return the thinking traps clearly present in the user's own words."""
    found: set[Trap] = set()
    # Repeated sentences (pasted logs, spam) cannot add anything, so check each once.
    for sentence in dict.fromkeys(sentences(normalise(text))):
        for rule in _RULES:
            if rule.trap not in found and _fires(rule, sentence):
                found.add(rule.trap)
    return frozenset(found)


def strongest_trap(*texts: str) -> Trap | None:
    """Return the highest-priority trap found across all texts, or None."""
    found: set[Trap] = set()
    for text in texts:
        found |= detect_traps(text)
    return next((trap for trap in PRIORITY if trap in found), None)
