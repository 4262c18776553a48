"""Confusion, objections and indifference at a question are answered and never kept."""

from __future__ import annotations

import pytest

from bot import engine, intents, pushback
from bot.domain import Step
from tests.conftest import START, say
from tests.test_engine import keys, walk_to


@pytest.mark.parametrize(
    "typed",
    [
        "what do u mean offer them, they said no. its over",
        "wait what. i asked u a question",
        "wdym offer them?? they already said no",
        "que? respect?? he is obligated por ley, no? the contract says he must fix",
        "qué? no entiendo",
        "hein? je comprends pas",
        "was? ich verstehe nicht",
        "huh??",
        "wait what?",
    ],
)
@pytest.mark.parametrize("at", [Step.OFFER, Step.GAIN, Step.TIMING, Step.OPTION_DETAIL])
def test_confusion_gets_the_question_explained_and_nothing_kept(typed: str, at: Step) -> None:
    """A confused question back at any question explains it (in the language it was asked
    in), asks again and keeps nothing."""
    session = walk_to(at)
    moved = engine.step(session, say(typed), START)
    assert moved.session.answers == session.answers
    assert moved.session.step is at
    assert keys(moved)[-1].startswith(f"{at.value}.explain")


def test_a_no_called_final_in_confusion_is_heard_before_the_explanation() -> None:
    """ "they said no. its over" beside the confusion is answered before the question."""
    typed = "what do u mean offer them, they said no. its over"
    moved = engine.step(walk_to(Step.OFFER), say(typed), START)
    assert keys(moved) == ["listen.still_open", "offer.explain_home"]


@pytest.mark.parametrize(
    "typed",
    [
        "i didn't pick anything",
        "wait what would WHAT look like, i didnt pick anything",
        "that's not what i said",
        "no wait, i never said that",
        "no elegí nada",
        "das habe ich nicht gesagt",
        "j'ai rien choisi",
        "não foi isso que eu disse",
    ],
)
@pytest.mark.parametrize("at", [Step.OPTION_DETAIL, Step.DONE, Step.TIMING])
def test_an_objection_is_acknowledged_and_the_question_asked_again(typed: str, at: Step) -> None:
    """An objection gets an apology and the question again; nothing is kept as an answer."""
    session = walk_to(at)
    moved = engine.step(session, say(typed), START)
    assert moved.session.answers == session.answers
    # Said in another language, the explanation is in it ("explain_de").
    assert keys(moved)[-2] == "listen.objection"
    assert keys(moved)[-1].startswith(f"{at.value}.explain")


@pytest.mark.parametrize(
    "typed", ["sure whatever", "whatever", "idc", "you pick", "me da igual", "egal", "peu importe"]
)
@pytest.mark.parametrize("at", [Step.OPTION, Step.TIMING])
def test_indifference_at_a_menu_is_not_a_choice(typed: str, at: Step) -> None:
    """ "sure whatever" at a menu picks nothing: the menu is offered again."""
    session = walk_to(at)
    moved = engine.step(session, say(typed), START)
    assert moved.session.answers == session.answers
    assert moved.session.step is at
    assert keys(moved)[-2:] == ["listen.indifferent", f"{at.value}.ask"]


@pytest.mark.parametrize(
    ("at", "typed"),
    [
        (Step.OFFER, "What? I bring ten years of loyalty"),
        (Step.UNSEEN, "what? they said no to me again, maybe the budget"),
        (Step.OPTION_DETAIL, "i didn't pick anything yet but i'd ask in spring with new numbers"),
        (Step.QUESTION, "what do you mean by soon?"),
        (Step.OPTION, "any chance of a later start date"),
    ],
)
def test_answers_that_borrow_such_words_are_kept(at: Step, typed: str) -> None:
    """An answer that only opens with or holds such words is still kept as the answer."""
    moved = engine.step(walk_to(at), say(typed), START)
    assert moved.session.step is not at


def test_the_question_to_ask_them_keeps_a_question_about_meaning() -> None:
    """Where the answer is a question, "what do you mean by soon?" is not confusion."""
    assert pushback.confused("what do you mean by soon?", strict=True) is False
    assert intents.free_text("wait what?", answer_is_a_question=True) is intents.Intent.QUESTION


@pytest.mark.parametrize(
    ("typed", "chosen", "note"),
    [
        ("idk maybe?", "maybe", ""),
        ("i guess so", "yes", ""),
        ("probably not", "no", ""),
        ("not sure, maybe after Q2", "maybe", "after Q2"),
        ("no se... creo que sí", "yes", ""),
    ],
)
def test_a_hedged_choice_is_taken_and_said_back(typed: str, chosen: str, note: str) -> None:
    """ "idk maybe?" at yes/maybe/no is taken as maybe, said back, with its note kept."""
    moved = engine.step(walk_to(Step.TIMING), say(typed), START)
    assert moved.session.answers["timing"] == chosen
    assert moved.session.answers.get("timing_note", "") == note
    said = next(reply for reply in moved.replies if reply.key == "listen.hedged")
    assert said.labels["answer"] == f"timing.choice.{chosen}"


def test_a_question_beside_a_hedged_choice_is_answered_not_kept() -> None:
    """ "idk maybe? is this gonna take long" is a maybe, and says how many questions are left."""
    moved = engine.step(walk_to(Step.TIMING), say("idk maybe? is this gonna take long"), START)
    assert moved.session.answers["timing"] == "maybe"
    assert "timing_note" not in moved.session.answers
    assert keys(moved)[0] == "listen.hedged_left"
    assert int(moved.replies[0].variables["total"]) > 3


@pytest.mark.parametrize(
    ("typed", "chosen"),
    [
        ("no se... creo que es duro", "hard"),
        ("je sais pas... dur je pense", "hard"),
        ("idk, soft i think", "soft"),
        ("keine ahnung... eher weich", "soft"),
    ],
)
def test_a_hedged_boundary_is_taken(typed: str, chosen: str) -> None:
    """A hedged boundary in five languages is taken as the boundary it names and said back."""
    moved = engine.step(walk_to(Step.BOUNDARY), say(typed), START)
    assert moved.session.answers["boundary"] == chosen
    assert "listen.hedged" in keys(moved)


@pytest.mark.parametrize(
    ("at", "typed"),
    [
        (Step.BOUNDARY, "how would i even know that lol. they dont exactly send u a memo"),
        (Step.BOUNDARY, "¿cómo lo voy a saber?"),
        (Step.TIMING, "how am i supposed to know"),
        (Step.TIMING, "woher soll ich das wissen"),
    ],
)
def test_asking_how_to_choose_gets_help_deciding(at: Step, typed: str) -> None:
    """ "how would i even know" at a choice gets clues for deciding and the choices again."""
    session = walk_to(at)
    moved = engine.step(session, say(typed), START)
    assert moved.session.answers == session.answers
    assert keys(moved)[-1] == f"{at.value}.decide"
    assert moved.replies[-1].choices


@pytest.mark.parametrize(
    "typed", ["idk maybe? is this gonna take long", "no idea. how many more of these"]
)
def test_not_knowing_and_asking_how_long_in_free_text_keeps_nothing(typed: str) -> None:
    """ "idk maybe? is this gonna take long" at an open question says how many are left and
    asks again; nothing is kept."""
    session = walk_to(Step.UNSEEN)
    moved = engine.step(session, say(typed), START)
    assert moved.session.answers == session.answers
    assert keys(moved) == ["listen.impatient", "unseen.ask"]
