"""Crisis screening: two tiers, five languages, context, figures on the tuning and blind sets."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.crisis import (
    ANY_RISK_RECALL,
    BLIND,
    CRISIS_RECALL,
    FALSE_ALARMS,
    LANGUAGES,
    TUNING,
    evaluate,
    load,
)
from bot.safety import PATTERNS, PREFILTER, Concern, Screening, Tier, screen
from bot.safety.normal import normalise

# The blind set (tests/data/blind/crisis_7.jsonl, by blind7) was written by another author
# before this round's tuning and never read by the detector's authors; the integrator measured it
# once, after tuning froze (2026-12-01 05:51 UTC): clear crises at once 61.9 % (68.2 % at either
# tier), all risk flagged 73.7 %, false alarms 1.5 % (3 of 205). Blind set 6, measured a second
# time in the same run (73.4 %, 82.1 %, 5.6 %), waits in tests/data/crisis_retired_6.jsonl for the
# next round to tune on, as sets 1 to 5 were, each after two measurements.
# The floors and the ceiling sit just beyond the figures: they guard against getting worse, not
# the issue's targets (100 % / 95 % / 5 %), which blind set 7 does not meet. Tighten them as the
# figures improve; never the other way.
BLIND_FLOORS: tuple[float, float] | None = (0.61, 0.73)
BLIND_FALSE_ALARMS_CEILING = 0.02


def test_tuning_set_is_split_by_kind_and_language() -> None:
    """The tuning set holds every tier in all five languages, and many kinds."""
    examples = load(TUNING)
    for lang in LANGUAGES:
        tiers = {e.tier for e in examples if e.lang == lang}
        assert tiers == {"crisis", "possible", "none"}, lang
    assert len({e.kind for e in examples}) >= 15
    assert sum(1 for e in examples if e.context) >= 5


def test_tuning_set_meets_the_targets() -> None:
    """On the tuning set: every clear crisis at once, 95% of all risk caught, 5% false alarms."""
    overall, by_lang = evaluate(load(TUNING))
    print(f"tuning: crisis {overall.crisis_recall:.1%} risk {overall.risk_recall:.1%}")
    assert overall.crisis_recall >= CRISIS_RECALL
    assert overall.risk_recall >= ANY_RISK_RECALL
    assert overall.false_alarms <= FALSE_ALARMS
    for lang, figures in by_lang.items():
        assert figures.crisis_recall >= CRISIS_RECALL, lang


def test_blind_set_figures_are_reported_and_hold_their_floor() -> None:
    """The blind set is screened; only aggregate figures are shown, per tier and language."""
    if BLIND_FLOORS is None:
        pytest.skip("crisis_7 is measured once, after this round's tuning freezes")
    overall, by_lang = evaluate(load(BLIND))
    for lang, figures in by_lang.items():
        print(
            f"{BLIND.stem} {lang}: crisis at once {figures.crisis_recall:.1%},"
            f" risk {figures.risk_recall:.1%}, false alarms {figures.false_alarms:.1%}"
        )
    crisis_floor, risk_floor = BLIND_FLOORS
    assert overall.false_alarms <= BLIND_FALSE_ALARMS_CEILING
    assert overall.crisis_recall >= crisis_floor
    assert overall.risk_recall >= risk_floor


@pytest.mark.parametrize(
    ("text", "tier", "concern"),
    [
        ("quiero morir", Tier.CRISIS, Concern.SUICIDE),
        ("ich will nicht mehr leben", Tier.CRISIS, Concern.SUICIDE),
        ("je veux en finir ce soir", Tier.CRISIS, Concern.SUICIDE),
        ("não quero mais viver", Tier.CRISIS, Concern.SUICIDE),
        ("giving my things away", Tier.CRISIS, Concern.SUICIDE),
        ("burned my arm again last night", Tier.CRISIS, Concern.SELF_HARM),
        ("letters to my kids explaining why", Tier.CRISIS, Concern.SUICIDE),
        ("pills saved up for tonight", Tier.CRISIS, Concern.SUICIDE),
        ("the last message you'll get from me", Tier.CRISIS, Concern.SUICIDE),
        ("looking up ways to kill myself", Tier.CRISIS, Concern.SUICIDE),
        ("I can't see any way out", Tier.POSSIBLE, Concern.SUICIDE),
        ("I can't do this anymore", Tier.POSSIBLE, Concern.SUICIDE),
        ("I want to disappear", Tier.POSSIBLE, Concern.SUICIDE),
        ("better off without me around", Tier.POSSIBLE, Concern.SUICIDE),
        ("I'm not going to kill myself but I think about it", Tier.POSSIBLE, Concern.SUICIDE),
        ("my husband hits me", Tier.CRISIS, Concern.DANGER),
    ],
)
def test_the_issues_examples_get_their_tier(text: str, tier: Tier, concern: Concern) -> None:
    """Each kind the issue saw missed is caught at its tier, with its concern."""
    assert screen(text) == Screening(tier, concern)


@pytest.mark.parametrize(
    "idiom",
    [
        "My manager hit me with a flat no on remote work",
        "this deadline is killing me",
        "I'm dying to know",
        "my boss killed the proposal",
        "me muero de ganas de saberlo",
        "die Deadline bringt mich um",
        "ce boulot me tue",
        "esse trabalho está me matando",
        "I'm not suicidal, just frustrated",
        "I can't do this job anymore",
    ],
)
def test_false_alarm_idioms_pass(idiom: str) -> None:
    """Violent idioms and plain denials about a setback are not flagged."""
    assert screen(idiom) is None


def test_earlier_messages_are_read_with_the_new_one() -> None:
    """A time after a preparation is a crisis; a split phrase is read whole; a joke stays calm."""
    assert screen("tonight's the night", ["I have pills saved"]) == Screening(
        Tier.CRISIS, Concern.SUICIDE
    )
    assert screen("die", ["I just want to"]) == Screening(Tier.CRISIS, Concern.SUICIDE)
    assert screen("tonight's the night") is None
    assert screen("it's killing me", ["my manager rejected my proposal"]) is None


@pytest.mark.parametrize(
    ("text", "concern"),
    [
        ("I DONT WANT TO BE HERE ANYMORE", Concern.SUICIDE),
        ("I don\u2019t want to be here anymore", Concern.SUICIDE),
        ("i\u200b want to die", Concern.SUICIDE),
        ("i want to dieeeee", Concern.SUICIDE),
        ("\uff49 \uff57\uff41\uff4e\uff54 \uff54\uff4f \uff44\uff49\uff45", Concern.SUICIDE),
        ("ich möchte sterben", Concern.SUICIDE),
        ("ich moechte sterben", Concern.SUICIDE),
        ("ive been cutting myself", Concern.SELF_HARM),
    ],
)
def test_case_accents_apostrophes_and_stretching_are_normalised(
    text: str, concern: Concern
) -> None:
    """Case, curly apostrophes, accents, zero-width, full-width, stretched letters hide nothing."""
    found = screen(text)
    assert found is not None and found.concern is concern


def test_the_prefilter_never_skips_a_pattern_that_matches() -> None:
    """On every tuning text, each pattern that matches is among the prefilter's candidates."""
    compiled = [re.compile(r"\b(?:" + pattern + ")") for pattern in PATTERNS]
    for example in load(TUNING):
        normal = normalise(example.text)
        candidates = PREFILTER.candidates(normal)
        for index, pattern in enumerate(compiled):
            if pattern.search(normal):
                assert index in candidates, (example.text, PATTERNS[index][:60])


_WORDS = st.sampled_from(
    [
        "i",
        "want",
        "to",
        "die",
        "kill",
        "myself",
        "my",
        "me",
        "he",
        "hit",
        "pills",
        "tonight",
        "no",
        "point",
        "quiero",
        "morir",
        "ich",
        "will",
        "sterben",
        "je",
        "veux",
        "mourir",
        "quero",
        "morrer",
        "cut",
        "burn",
        "arm",
        "bridge",
        "jump",
        "goodbye",
        "letters",
    ]
)


@given(st.lists(_WORDS, min_size=1, max_size=8))
@settings(max_examples=300, deadline=None)
def test_the_prefilter_is_a_superset_on_random_word_salad(words: list[str]) -> None:
    """For random sentences of risk words, the prefilter keeps every pattern that matches."""
    normal = normalise(" ".join(words))
    candidates = PREFILTER.candidates(normal)
    for index, pattern in enumerate(PATTERNS):
        if re.search(r"\b(?:" + pattern + ")", normal):
            assert index in candidates


@given(st.text(), st.lists(st.text(), max_size=3))
@settings(max_examples=200, deadline=None)
def test_screen_never_raises(text: str, context: list[str]) -> None:
    """Any strings give a Screening or None, never an exception."""
    found = screen(text, context)
    assert found is None or isinstance(found, Screening)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00\x01\x02\x1b[31m\x7f",
        "\ud800 lone surrogate",
        "\U0001f624" * 10_000,
        "a" * 100_000,
        "kill me " * 12_500,
        "scared he " * 10_000,
        "want to " * 12_500,
    ],
)
def test_extreme_inputs_are_handled_quickly(text: str) -> None:
    """Empty, control, emoji and 100k-character inputs return quickly without raising."""
    start = time.perf_counter()
    screen(text, [text])
    assert time.perf_counter() - start < 3.0


@pytest.mark.parametrize("text", ["me", "nothing", "I can't", "just me", "nothing really"])
def test_a_one_or_two_word_answer_is_not_weighed_by_the_learned_layer(text: str) -> None:
    """A message of one or two everyday words (an answer such as "nothing") raises no alarm."""
    assert screen(text) is None


@pytest.mark.parametrize(
    ("text", "concern"),
    [
        ("my boyfriend and i are going to end our lives together", Concern.SUICIDE),
        ("cuantas pastillas necesito para no despertar", Concern.SUICIDE),
        ("wie viele tabletten brauch ich um nicht mehr aufzuwachen", Concern.SUICIDE),
        ("i feel hopeless and the pills are right here", Concern.SUICIDE),
        ("je suis sur le toit et je vais sauter", Concern.SUICIDE),
        ("my brother threatened to beat me if i tell mum", Concern.DANGER),
        ("burnt my wrists with a lighter again", Concern.SELF_HARM),
    ],
)
def test_plans_said_in_everyday_words_get_the_crisis_reply(text: str, concern: Concern) -> None:
    """A shared plan, a dose searched, despair with the means at hand, a threat: crisis at once."""
    assert screen(text) == Screening(Tier.CRISIS, concern)


@pytest.mark.parametrize(
    "text",
    [
        "quiero desaparecer unos dias a la playa",
        "i want to disappear for a week after this launch",
        "j'avais envie de mourir de honte pendant la démo",
        "I burned myself on the oven making dinner",
        "they hit me with a 2% raise this year",
    ],
)
def test_holidays_shame_and_kitchen_burns_pass(text: str) -> None:
    """Disappearing on holiday, dying of shame, a kitchen burn, a small raise: nothing flagged."""
    assert screen(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "my boss said no. i have the pills for tonight",
        "mi jefe me dijo que no otra vez. ya tengo las pastillas para esta noche",
    ],
)
def test_a_risk_told_after_a_setback_in_one_message_is_a_crisis(text: str) -> None:
    """A setback told first does not hide a plan said after it: each sentence is read too."""
    found = screen(text)
    assert found is not None and found.tier is Tier.CRISIS
