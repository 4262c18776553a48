"""The learned layer: its features, its file, and that training reproduces what is shipped."""

from __future__ import annotations

import gzip
import json
from importlib.resources import files

import pytest

from bot.safety import Concern, learned, screen
from bot.safety.learned import MODEL_FILE, Model, Scores, dump, features, parse, shipped
from bot.safety.normal import normalise
from bot.safety.scan import COMPILED as _COMPILED
from bot.safety.train import MIN_WEIGHT, fit, rows
from bot.safety.train_fit import folds


def test_features_are_the_character_ngrams_of_the_padded_text() -> None:
    """Every 4- and 6-character piece of ' text ' is a feature (4 alone when asked); with
    concepts, those too."""
    grams = features("no way")
    padded = " no way "
    expected = {padded[i : i + n] for n in (4, 6) for i in range(len(padded) - n + 1)}
    assert grams == expected
    assert features("no way", with_concepts=True) == expected | {"@neg"}
    assert " no " in grams and " no wa" in grams and "way " in grams and " no" not in grams
    assert features("no way", sizes=(4,)) == {g for g in expected if len(g) == 4}
    assert features("a") == set() and shipped().classify("a") is None


def test_the_model_file_travels_inside_the_package() -> None:
    """The model is read through importlib.resources from bot.bundled, weights and thresholds."""
    raw = files("bot.bundled").joinpath(MODEL_FILE).read_bytes()
    model = parse(raw)
    assert len(model.weights) > 1000 and len(model.intercepts) == len(learned.CLASSES)
    assert 0.5 < model.risk_threshold < 1.0 and 0.5 < model.crisis_threshold < 1.0
    assert model == shipped()


def test_the_file_round_trips_and_is_written_the_same_every_time() -> None:
    """Dumping the shipped model gives the shipped bytes (sorted JSON, gzip without a date)."""
    raw = files("bot.bundled").joinpath(MODEL_FILE).read_bytes()
    assert dump(parse(raw)) == raw


def test_a_file_of_another_shape_is_refused() -> None:
    """A model file whose classes differ from the code's raises ValueError, not a wrong score."""
    data = json.loads(gzip.decompress(dump(shipped())))
    data["classes"] = ["none", "crisis"]
    with pytest.raises(ValueError, match="classes"):
        Model.from_json(data)


@pytest.mark.parametrize("sizes", [[6, 4], [], [1], [4, 4], "4"])
def test_a_file_with_n_gram_sizes_the_code_cannot_read_is_refused(sizes: object) -> None:
    """N-gram sizes must be ascending, distinct, from 2 to 8: anything else raises ValueError."""
    data = json.loads(gzip.decompress(dump(shipped())))
    data["ngrams"] = sizes
    with pytest.raises(ValueError, match="n-grams"):
        Model.from_json(data)


def test_a_model_reads_the_n_gram_sizes_its_file_names() -> None:
    """A model of 4-grams alone (as measured with the concepts) keeps its sizes through its
    file and never weighs a 6-gram."""
    weights: dict[str, tuple[int, ...]] = {" no wa": (0, 3000, 0, 0, 0)}
    six = parse(dump(Model(weights, (0.0,) * 5, 0.5, 0.5, ngrams=(4, 6)))).scores("no way")
    four = parse(dump(Model(weights, (0.0,) * 5, 0.5, 0.5, ngrams=(4,))))
    assert four.ngrams == (4,)
    # " no wa", a 6-gram, makes "possible" likelier than the even odds of an unknown text.
    assert six is not None and six.crisis < 0.5 < six.risk
    assert four.scores("no way") == Scores(0.8, 0.6, "suicide")


def test_refitting_gives_the_shipped_model() -> None:
    """python -m bot.safety.train --no-cv fits the same weights (within rounding) and decisions.

    Slow (two fits, several seconds): it is what keeps the shipped file honest.
    """
    model = shipped()
    batch = rows()
    again = fit(batch, model.risk_threshold, model.crisis_threshold, model.concepts, model.ngrams)
    # Another machine's floating point may move a weight by a thousandth, no more.
    small = MIN_WEIGHT + 2
    assert all(
        max(map(abs, (model.weights.get(gram) or again.weights[gram]))) <= small
        for gram in model.weights.keys() ^ again.weights.keys()
    )
    for gram, weights in model.weights.items():
        if gram in again.weights:
            assert max(abs(a - b) for a, b in zip(weights, again.weights[gram], strict=True)) <= 2
    for row in batch:
        assert again.classify(row.normal) == model.classify(row.normal), row.kind


def test_holding_out_by_file_holds_out_one_authors_file_whole() -> None:
    """Each `--by-file` fold is one crisis tuning file whole; coaching texts are never held out."""
    batch = rows()
    held = folds(batch, "file")
    sources = {row.source for row in batch if row.kind != "coaching"}
    assert len(held) == len(sources) > 10
    for fold in held:
        (source,) = {batch[i].source for i in fold}
        assert source.startswith("crisis_")
        assert sorted(fold) == [i for i, row in enumerate(batch) if row.source == source]


@pytest.mark.parametrize(
    "text",
    ["ya no aguanto esta vida", "je n'en peux plus de cette vie", "je veux plus être là"],
)
def test_a_message_no_pattern_reads_gets_the_direct_question(text: str) -> None:
    """Words written into no pattern, but like the tuning set's, are flagged by the learned layer
    alone: the direct question, or the crisis reply when it reads them as clearly as "ich will
    nicht mehr da sein" (the refit of 2026-12-01 06:05 read "je veux plus être là" so)."""
    normal = normalise(text)
    assert not any(pattern.search(normal) for pattern in _COMPILED)
    found = screen(text)
    assert found is not None and found.concern is Concern.SUICIDE


def test_a_denial_the_patterns_read_is_not_overruled() -> None:
    """A plain denial that a pattern matched stays unflagged, whatever the learned layer says."""
    assert screen("I'm not suicidal, just frustrated with my boss") is None
    assert screen("I would never hurt myself over a job") is None


def test_the_learned_layer_reads_the_tuning_set_as_recorded() -> None:
    """The shipped model, with the patterns, keeps the tuning figures README gives."""
    flagged = {"crisis": 0, "possible": 0, "none": 0}
    total = {"crisis": 0, "possible": 0, "none": 0}
    for row in rows():
        if row.kind == "coaching":
            continue
        tier = row.label if row.label in ("none", "possible") else "crisis"
        total[tier] += 1
        flagged[tier] += screen(row.normal) is not None
    assert flagged["crisis"] == total["crisis"]
    assert flagged["possible"] >= 0.95 * total["possible"]
    assert flagged["none"] <= 0.05 * total["none"]
