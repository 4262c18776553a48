"""The engine listens at every step: questions back, not knowing, exits, thanks are no answers."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot import dialogue, engine, examples, plan
from bot.domain import Session, ShowData, Status, Step
from bot.prompts import Catalog
from tests.conftest import ALICE, START, say
from tests.test_engine import keys, walk_to

OPEN_PATH = dialogue.counted({})
FREE_TEXT = [at for at in OPEN_PATH if not engine.QUESTIONS[at].choices]
EVERY_STEP = [at for at in OPEN_PATH if at is not Step.SETBACK] + [Step.SETBACK]


def explain_key(at: Step) -> str:
    """The explanation said at a step of the plain walk: its no is a landlord's, so the
    questions with an example for each kind of no give the one about a home."""
    return f"{at.value}.explain_home" if at in examples.FITTED else f"{at.value}.explain"


@pytest.mark.parametrize("at", EVERY_STEP)
@pytest.mark.parametrize("typed", ["what do you mean?", "like what?", "can you give an example?"])
def test_a_question_back_is_explained_and_the_question_stays_open(at: Step, typed: str) -> None:
    """A question back gets the step's own explanation with an example; nothing is stored."""
    session = walk_to(at)
    transition = engine.step(session, say(typed), START)
    assert keys(transition) == [explain_key(at)]
    assert transition.session == session


@pytest.mark.parametrize("at", EVERY_STEP)
@pytest.mark.parametrize("typed", ["I don't know", "no idea", "dunno"])
def test_not_knowing_gets_a_gentler_rephrasing(at: Step, typed: str) -> None:
    """Not knowing gets the step's gentle text (with skip where optional); nothing is stored."""
    session = walk_to(at)
    transition = engine.step(session, say(typed), START)
    if at is Step.BOUNDARY:
        # At the boundary, not knowing is the "Not sure" choice itself.
        assert transition.session.answers["boundary"] == "unsure"
        return
    assert keys(transition) == [f"{at.value}.gentle"]
    assert transition.session == session


@pytest.mark.parametrize("at", EVERY_STEP)
@pytest.mark.parametrize(
    "typed", ["skip this one", "next question", "can we skip?", "pass on this"]
)
def test_asking_to_skip_skips_where_optional_and_is_not_knowing_elsewhere(
    at: Step, typed: str
) -> None:
    """'Skip this one' does what `skip` does where optional, else what not knowing does."""
    session = walk_to(at)
    transition = engine.step(session, say(typed), START)
    if engine.QUESTIONS[at].optional:
        assert transition == engine.step(session, say("skip"), START)
        assert transition.session.answers[at.value] == ""
    elif at is Step.BOUNDARY:
        assert transition.session.answers["boundary"] == "unsure"
    else:
        assert keys(transition) == [f"{at.value}.gentle"]
        assert transition.session == session


@pytest.mark.parametrize("at", EVERY_STEP)
@pytest.mark.parametrize(
    "typed",
    ["could you reword that?", "I don't get what you're asking", "is this about me or them?"],
)
def test_a_question_back_in_other_words_is_explained_too(at: Step, typed: str) -> None:
    """Asking back in words never seen (reword, what counts, me or them) is not stored."""
    session = walk_to(at)
    transition = engine.step(session, say(typed), START)
    assert keys(transition) == [explain_key(at)]
    assert transition.session == session


@pytest.mark.parametrize("at", EVERY_STEP)
@pytest.mark.parametrize("typed", ["stop", "quit", "exit", "I want to stop", "leave me alone"])
def test_an_exit_wish_ends_the_conversation_keeping_the_answers(at: Step, typed: str) -> None:
    """Wanting to stop is a cancel that says the answers are kept; no exit word is stored."""
    session = walk_to(at)
    transition = engine.step(session, say(typed), START)
    assert keys(transition) == ["cancel.done"]
    assert transition.session.status is Status.CANCELLED
    assert transition.session.answers == session.answers


@pytest.mark.parametrize("at", EVERY_STEP)
@pytest.mark.parametrize("typed", ["ok", "thanks!"])
def test_thanks_nudges_back_to_the_question(at: Step, typed: str) -> None:
    """A thank-you or ok gets a nudge and the same question again."""
    session = walk_to(at)
    transition = engine.step(session, say(typed), START)
    assert keys(transition)[0] in ("listen.ack", f"{at.value}.reprompt")
    assert transition.session == session


@pytest.mark.parametrize("at", FREE_TEXT)
def test_a_real_answer_containing_those_words_is_kept(at: Step) -> None:
    """'I don't know why they said no, maybe the budget' is an answer, stored as typed."""
    typed = "I don't know why they said no, maybe the budget"
    transition = engine.step(walk_to(at), say(typed), START)
    assert transition.session.answers[at.value] == typed


def _plan_text(session: Session) -> dict[str, str]:
    return dict(plan.card_reply(session).variables)


def test_a_choice_with_a_note_keeps_both_and_the_plan_shows_them() -> None:
    """'soft, she said budget is frozen until Q2' keeps soft and the note, both on the plan."""
    session = walk_to(Step.BOUNDARY)
    moved = engine.step(session, say("soft, she said budget is frozen until Q2"), START).session
    assert moved.answers["boundary"] == "soft"
    assert moved.answers["boundary_note"] == "she said budget is frozen until Q2"
    card = plan.card_reply(moved)
    assert card.labels["boundary"] == "boundary.choice.soft"
    assert card.variables["boundary_note"] == "she said budget is frozen until Q2"


def test_a_typed_third_option_of_their_own_is_their_option() -> None:
    """An option that matches no button is kept as the user's own third option."""
    session = walk_to(Step.OPTION)
    moved = engine.step(session, say("a smaller pilot project first"), START).session
    assert moved.answers["option"] == "a smaller pilot project first"
    assert moved.step is Step.OPTION_DETAIL
    assert _plan_text(moved)["option"] == "a smaller pilot project first"


def test_the_third_option_offers_the_full_set() -> None:
    """Compromise, pivot, timeline, bundling, revisiting later and something else are offered."""
    asked = engine.ask(Step.OPTION, walk_to(Step.OPTION))
    assert [choice.id for choice in asked.choices] == [
        "compromise",
        "pivot",
        "timeline",
        "bundle",
        "later",
        "other",
    ]


def test_the_setback_is_reflected_in_one_short_line() -> None:
    """The acknowledgement after the setback quotes its gist, and the next question follows."""
    session = walk_to(Step.SETBACK)
    transition = engine.step(session, say("My manager said no to the promotion. Again."), START)
    assert keys(transition) == ["setback.heard", "ask.ask"]
    assert transition.replies[0].variables["gist"] == "My manager said no to the promotion"


def test_the_welcome_promises_as_many_questions_as_status_counts() -> None:
    """The welcome's 'at most N questions' is the total status reports on the longest path."""
    welcome = engine.step(engine.new_session(ALICE, 1, START, welcome=True), say("hi"), START)
    promised = welcome.replies[0].variables["total"]
    status = engine.step(walk_to(Step.OFFER), say("status"), START).replies[0]
    assert status.variables["total"] == promised == str(len(OPEN_PATH))


def test_restart_with_answers_asks_first_and_no_keeps_them() -> None:
    """restart after answers asks for confirmation; 'no' carries on with nothing lost."""
    session = walk_to(Step.OFFER)
    asked = engine.step(session, say("restart"), START)
    assert keys(asked) == ["restart.confirm"]
    kept = engine.step(asked.session, say("no"), START)
    assert keys(kept) == ["restart.kept", "offer.ask"]
    assert kept.session.number == session.number and kept.session.answers == session.answers


def test_nobody_to_go_back_to_follows_its_own_path() -> None:
    """With nobody to negotiate with: control, helpers, a next step and step 5; no offer talk."""
    session = engine.step(
        walk_to(Step.SETBACK), say("The doctors refused my dad's treatment"), START
    )
    session = engine.step(session.session, say("That they'd try it"), START)
    transition = engine.step(session.session, say("closed"), START)
    assert keys(transition) == ["boundary.heard_closed", "control.ask"]
    steps: list[Step] = []
    current = transition.session
    for answer in ("I can get a second opinion", "My sister", "Call the clinic on Monday"):
        steps.append(current.step)
        current = engine.step(current, say(answer), START).session
    assert steps == [Step.CONTROL, Step.HELPERS, Step.NEXT_MOVE]
    assert current.step is Step.SUCCESS
    done = engine.step(current, say("Being there for him"), START)
    assert keys(done) == ["plan.card", "summary.closing.self"]
    card = done.replies[0].variables
    assert card["next_move"] == "Call the clinic on Monday" and card["control"]
    assert done.effects == ()


def test_asking_for_the_plan_after_the_summary_is_the_plan_command() -> None:
    """'show my plan' after a summary asks for the plan; no new reframe is started."""
    done = engine.step(walk_to(Step.SUCCESS), say("A date"), START).session
    for typed in ("show my plan", "what was my plan?"):
        asked = engine.step(done, say(typed), START)
        assert asked.effects == (ShowData("plan"),)
        assert asked.session == done


def test_the_path_without_a_counterpart_never_speaks_of_offers(catalog: Catalog) -> None:
    """Nothing said on the nobody-to-go-back-to path asks what they offer or calls it an offer."""
    session = engine.step(walk_to(Step.SETBACK), say("My father's treatment was refused"), START)
    said: list[str] = []
    transition = session
    for typed in ("That he'd get it", "closed", "A second opinion", "skip", "Call on Monday"):
        transition = engine.step(transition.session, say(typed), START)
        said += [catalog.render(reply, "UTC") for reply in transition.replies]
    transition = engine.step(transition.session, say("Being there for him"), START)
    said += [catalog.render(reply, "UTC") for reply in transition.replies[1:]]
    words = " ".join(said).lower()
    assert "offer" not in words and "timing" not in words


def test_a_number_with_a_note_at_a_choice_step_is_the_choice_and_its_note() -> None:
    """ "2 and maybe write notes beforehand" at the calm step keeps choice 2 and the note."""
    session = walk_to(Step.CALM)
    answers = engine.step(session, say("2 and maybe write notes beforehand"), START).session.answers
    assert answers["calm"] == "breathe"
    assert answers["calm_note"] == "maybe write notes beforehand"


@pytest.mark.parametrize("typed", ["ya", "yep", "yup", "yeah!"])
def test_a_casual_yes_answers_a_yes_question(typed: str) -> None:
    """A casual yes at the timing question is read as its "yes" choice."""
    session = walk_to(Step.TIMING)
    assert engine.step(session, say(typed), START).session.answers["timing"] == "yes"


@pytest.mark.parametrize(
    ("at", "typed"), [(Step.TIMING, "2 next cycle"), (Step.CALM, "1 count to five")]
)
def test_a_number_and_words_without_punctuation_answer_the_choice(at: Step, typed: str) -> None:
    """A menu number followed by a note with no punctuation picks the choice and keeps the note."""
    session = walk_to(at)
    transition = engine.step(session, say(typed), START)
    number, note = typed.split(" ", 1)
    offered = dialogue.choices(at, session.answers)
    assert transition.session.answers[at.value] == offered[int(number) - 1]
    assert transition.session.answers[f"{at.value}_note"] == note


@pytest.mark.parametrize("at", EVERY_STEP)
@pytest.mark.parametrize("typed", ["👍", "😢😢", "🙃 ...", "❤️"])
def test_an_emoji_alone_is_acknowledged_and_the_question_asked_again(at: Step, typed: str) -> None:
    """An emoji-only message gets its own line (not "no rush") and the question again."""
    session = walk_to(at)
    transition = engine.step(session, say(typed), START)
    assert keys(transition)[0] == "listen.emoji"
    assert keys(transition)[1] == engine.ask(at, session).key
    assert transition.session == session


# At the boundary not knowing is the "Not sure" choice itself.
@pytest.mark.parametrize("at", [at for at in EVERY_STEP if at is not Step.BOUNDARY])
def test_not_knowing_twice_gets_an_example_and_a_way_on_the_second_time(at: Step) -> None:
    """A second "idk" in a row gets the example and a way on, not the same paragraph again."""
    session = walk_to(at)
    first = engine.step(session, say("idk"), START)
    second = engine.step(replace(first.session, recent=("idk",)), say("no idea"), START)
    assert keys(first) == [f"{at.value}.gentle"]
    assert keys(second)[0] == explain_key(at)
    way_on = "listen.stuck_skip" if engine.QUESTIONS[at].optional else "listen.stuck_draft"
    assert keys(second)[1] == way_on
    assert second.session.answers == session.answers
