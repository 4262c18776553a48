"""The concept lexicon: the same kind said in five languages gives the same concepts."""

from __future__ import annotations

import pytest

from bot.safety.concepts import WORDS, concepts, features
from bot.safety.learned import features as learned_features
from bot.safety.normal import normalise


@pytest.mark.parametrize(
    "text",
    [
        "i want to die",
        "quiero morir",
        "ich will sterben",
        "je veux mourir",
        "eu quero morrer",
        "vc sabe q eu quero morrer",
    ],
)
def test_a_wish_to_die_is_the_same_pair_of_concepts_in_every_language(text: str) -> None:
    """'want' and 'die' are found, and read as the pair '@die+@want', whatever the language."""
    found = features(normalise(text))
    assert {"@want", "@die", "@die+@want"} <= found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tengo las pastillas guardadas", ["pills", "saved"]),
        ("ich hab Tabletten gesammelt", ["self", "pills", "saved"]),
        ("je vais me tuer ce soir", ["self", "suicide", "now"]),
        ("tô cansada de viver", ["tired", "live"]),
        ("i feel like a burden to everyone", ["self", "burden", "everyone"]),
    ],
)
def test_words_phrases_and_stems_map_to_concepts_in_order(text: str, expected: list[str]) -> None:
    """Two-word phrases, whole words and stems ('pastillas', 'cansada') give concepts in order."""
    assert concepts(normalise(text)) == expected


def test_ordinary_words_give_no_concept_and_no_feature_contains_a_space() -> None:
    """Words outside the lexicon give nothing; a concept feature can never be a character n-gram."""
    assert concepts("the quarterly spreadsheet is late") == []
    grams = learned_features(normalise("i want to die tonight"), with_concepts=True)
    assert {g for g in grams if g.startswith("@")} == features("i want to die tonight")
    assert all(" " not in g for g in grams if g.startswith("@"))


def test_the_lexicon_covers_the_issues_concepts() -> None:
    """Dying, pills, tonight, goodbyes, notes, disappearing and being a burden are all in it."""
    for concept in ("die", "pills", "now", "goodbye", "note", "disappear", "burden"):
        assert len(WORDS[concept].split()) >= 5, concept
