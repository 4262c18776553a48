"""The pure state machine, walked transition by transition (no I/O, no clock)."""

from __future__ import annotations

import ast
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import MappingProxyType

import pytest

from bot import dialogue, engine
from bot.domain import (
    Inbound,
    InboundKind,
    Origin,
    Pending,
    ScheduleNudge,
    Session,
    SetQuietHours,
    SetTimezone,
    ShareNote,
    ShowData,
    Status,
    Step,
    Transition,
)
from tests.conftest import ALICE, START, press, say

# The questions of a soft no from someone the user can go back to, in order.
OPEN_PATH = dialogue.counted({})

# The answer typed at each step in a plain walk (choice steps take their ids).
ANSWERS: dict[Step, str] = {
    Step.SETBACK: "The landlord refused to fix the heating",
    Step.ASK: "A repair before winter",
    Step.BOUNDARY: "soft",
    Step.TIMING: "yes",
    Step.UNSEEN: "Maybe their contractor is booked",
    Step.OFFER: "I always pay on time",
    Step.DONE: "I reported it in writing twice",
    Step.GAIN: "A tenant who stays",
    Step.OPTION: "bundle",
    Step.OPTION_DETAIL: "Offer to share the cost of a cheaper fix",
    Step.REVISIT: "1w",
    Step.QUESTION: "What would make a repair possible this month?",
    Step.CALM: "breathe",
    Step.SUCCESS: "A date for the repair",
}


def fresh() -> Session:
    """A brand-new user's first session."""
    return engine.new_session(ALICE, 1, START, welcome=True)


def walk_to(target: Step) -> Session:
    """A session that has answered every question before target."""
    transition = engine.step(fresh(), say("hello"), START)
    session = transition.session
    while session.step is not target:
        session = engine.step(session, say(ANSWERS[session.step]), START).session
    return session


def keys(transition: Transition) -> list[str]:
    """The prompt keys of a transition's replies."""
    return [reply.key for reply in transition.replies]


def test_first_contact_welcomes_then_asks_for_the_setback() -> None:
    """A new user's first message gets the welcome and the setback question."""
    transition = engine.step(fresh(), say("hi"), START)
    assert keys(transition) == ["welcome.intro", "setback.ask"]
    assert transition.session.step is Step.SETBACK


@pytest.mark.parametrize(
    ("at", "following"),
    [(at, OPEN_PATH[i + 1]) for i, at in enumerate(OPEN_PATH[:-1])],
)
def test_each_answer_moves_to_the_next_state_in_order(at: Step, following: Step) -> None:
    """Answering a question stores the answer and asks the next question of the table."""
    session = walk_to(at)
    transition = engine.step(session, say(ANSWERS[at]), START)
    assert transition.session.step is following
    assert transition.session.answers[at.value] in (
        ANSWERS[at],
        transition.session.answers[at.value],
    )
    assert keys(transition)[-1] in (f"{following.value}.ask", "option.ask_hard")


def test_the_last_answer_finishes_with_a_card_of_the_users_words() -> None:
    """The success answer ends the session with the summary card holding the user's words."""
    transition = engine.step(walk_to(Step.SUCCESS), say(ANSWERS[Step.SUCCESS]), START)
    assert transition.session.status is Status.FINISHED
    card = transition.replies[0]
    assert card.key == "plan.card"
    for name in ("setback", "option_detail", "question", "success"):
        assert card.variables[name] == ANSWERS[Step(name)]
    assert card.labels["option"] == f"option.choice.{ANSWERS[Step.OPTION]}"
    assert transition.replies[1].key == "summary.closing.soft"
    assert transition.effects == (ScheduleNudge(transition.session.revisit_at),)  # type: ignore[arg-type]


@pytest.mark.parametrize("typed", ["soft", "SOFT", "2", " 2 "])
def test_a_choice_can_be_typed_as_its_id_or_number(typed: str) -> None:
    """'soft' in any case, or its number 2, chooses the soft boundary."""
    transition = engine.step(walk_to(Step.BOUNDARY), say(typed), START)
    assert transition.session.answers["boundary"] == "soft"


def test_a_pressed_choice_is_taken() -> None:
    """A button press with the current step and session chooses that option."""
    session = walk_to(Step.BOUNDARY)
    transition = engine.step(session, press("unsure", "boundary", session.number), START)
    assert transition.session.answers["boundary"] == "unsure"


@pytest.mark.parametrize("typed", ["banana", "7", "0", ""])
def test_anything_else_in_a_choice_state_reasks_listing_the_options(typed: str) -> None:
    """A non-choice in a choice state re-asks with all the options and changes nothing."""
    session = walk_to(Step.BOUNDARY)
    transition = engine.step(session, say(typed), START)
    assert transition.session == session
    assert [choice.id for choice in transition.replies[-1].choices] == [
        "hard",
        "soft",
        "unsure",
        "closed",
    ]


def test_empty_text_gets_a_gentle_reask() -> None:
    """A blank message in a free-text state re-asks the same question."""
    session = walk_to(Step.ASK)
    transition = engine.step(session, say("   "), START)
    assert keys(transition) == ["empty.reask", "ask.ask"]
    assert transition.session == session


def test_a_hard_boundary_is_respected_and_the_third_option_looks_elsewhere() -> None:
    """A hard no is acknowledged, never asked about timing, and its options look elsewhere
    (the walk's no is a repair refused, so the acknowledgement names the levers)."""
    session = walk_to(Step.BOUNDARY)
    transition = engine.step(session, say("hard"), START)
    assert keys(transition) == ["boundary.heard_hard_owed", "unseen.ask"]
    session = transition.session
    seen: list[Step] = []
    while session.step is not Step.OPTION:
        seen.append(session.step)
        session = engine.step(session, say(ANSWERS[session.step]), START).session
    assert Step.TIMING not in seen
    asked = engine.ask(Step.OPTION, session)
    assert asked.key == "option.ask_owed"
    assert [choice.id for choice in asked.choices] == ["elsewhere", "someone", "pivot", "other"]
    session = engine.step(session, say("elsewhere"), START).session
    session = engine.step(session, say("Ask the team next door"), START).session
    assert engine.ask(Step.REVISIT, session).key == "revisit.ask_hard"


@pytest.mark.parametrize("at", OPEN_PATH)
def test_help_works_everywhere_and_changes_nothing(at: Step) -> None:
    """help answers with the command list and re-asks, in every state."""
    session = walk_to(at)
    transition = engine.step(session, say("help"), START)
    assert keys(transition)[0] == "help.text"
    assert transition.session == session


@pytest.mark.parametrize("at", OPEN_PATH)
def test_status_says_where_we_are_everywhere(at: Step) -> None:
    """status names the current step and the count of answers."""
    transition = engine.step(walk_to(at), say("status"), START)
    reply = transition.replies[0]
    assert reply.key == "status.at"
    assert reply.labels["step"] == f"{at.value}.label"
    assert reply.variables["answered"] == str(OPEN_PATH.index(at))


@pytest.mark.parametrize("at", OPEN_PATH)
def test_cancel_ends_the_conversation_from_every_state(at: Step) -> None:
    """cancel closes the session, keeping its answers."""
    session = walk_to(at)
    transition = engine.step(session, say("cancel"), START)
    assert transition.session.status is Status.CANCELLED
    assert transition.session.answers == session.answers


@pytest.mark.parametrize("at", OPEN_PATH)
def test_restart_opens_a_new_session_from_every_state(at: Step) -> None:
    """restart (confirmed once answers would be left behind) starts a new session at the setback."""
    session = walk_to(at)
    transition = engine.step(session, say("restart"), START)
    if at is not Step.SETBACK:
        assert keys(transition) == ["restart.confirm"]
        assert transition.session.number == session.number
        transition = engine.step(transition.session, say("yes"), START)
    assert transition.session.number == session.number + 1
    assert transition.session.step is Step.SETBACK
    assert transition.session.answers == {}


@pytest.mark.parametrize("at", OPEN_PATH[1:])
def test_back_returns_to_the_previous_question_showing_the_answer(at: Step) -> None:
    """back moves one question back and shows what was answered there."""
    session = walk_to(at)
    transition = engine.step(session, say("back"), START)
    previous = OPEN_PATH[OPEN_PATH.index(at) - 1]
    assert transition.session.step is previous
    shown = transition.replies[0]
    assert shown.key.startswith("back.showing")
    if previous is Step.REVISIT:
        assert shown.key == "back.showing_date"
        assert shown.dates["answer"] == session.answers["revisit"]
        assert transition.session.revisit_at is None
        return
    given = ANSWERS[previous]
    assert given in shown.variables.values() or shown.labels["answer"].endswith(given)


def test_back_at_the_first_question_says_there_is_nothing_before() -> None:
    """back on the setback question changes nothing and says so."""
    session = walk_to(Step.SETBACK)
    transition = engine.step(session, say("back"), START)
    assert keys(transition)[0] == "back.nothing"
    assert transition.session.step is Step.SETBACK


@pytest.mark.parametrize("at", [at for at in OPEN_PATH if engine.QUESTIONS[at].optional])
def test_skip_moves_past_an_optional_question(at: Step) -> None:
    """skip on an optional question stores nothing and asks the next one."""
    transition = engine.step(walk_to(at), say("skip"), START)
    assert transition.session.answers[at.value] == ""
    assert transition.session.step is OPEN_PATH[OPEN_PATH.index(at) + 1]


@pytest.mark.parametrize("at", [at for at in OPEN_PATH if not engine.QUESTIONS[at].optional])
def test_skip_is_refused_clearly_on_a_required_question(at: Step) -> None:
    """skip on a required question says it can't be skipped and re-asks."""
    session = walk_to(at)
    transition = engine.step(session, say("skip"), START)
    assert keys(transition)[0] == "skip.not_allowed"
    assert transition.session == session


def test_a_button_from_a_finished_session_gets_a_polite_note() -> None:
    """A button whose session number is old is answered, not applied."""
    session = walk_to(Step.BOUNDARY)
    transition = engine.step(session, press("hard", "boundary", session.number - 1 or 99), START)
    assert keys(transition) == ["button.stale"]
    assert transition.session == session


def test_a_double_click_changes_nothing() -> None:
    """The same button pressed twice: the second press is told the question is answered."""
    session = walk_to(Step.BOUNDARY)
    first = engine.step(session, press("soft", "boundary", session.number), START)
    second = engine.step(first.session, press("soft", "boundary", session.number), START)
    assert keys(second) == ["button.already"]
    assert second.session == first.session


def test_returning_after_the_idle_time_is_offered_resume_or_fresh() -> None:
    """After more than the idle time, a message gets the choice to pick up or start fresh."""
    session = walk_to(Step.OFFER)
    later = START + timedelta(days=8)
    offered = engine.step(session, say("hello again"), later)
    assert offered.session.pending is Pending.RESUME
    assert [c.id for c in offered.replies[0].choices] == ["resume", "fresh"]
    resumed = engine.step(offered.session, say("resume"), later)
    assert resumed.session.step is Step.OFFER and resumed.session.pending is None
    assert resumed.session.answers == session.answers
    restarted = engine.step(offered.session, say("fresh"), later)
    assert restarted.session.number == session.number + 1
    assert restarted.session.step is Step.SETBACK


def test_within_the_idle_time_the_dialogue_simply_goes_on() -> None:
    """Six days later an answer is taken as usual."""
    session = walk_to(Step.OFFER)
    transition = engine.step(session, say("My calm"), START + timedelta(days=6))
    assert transition.session.step is Step.DONE


def test_revisit_in_one_week_is_ten_oclock_local_a_week_later() -> None:
    """The 'in 1 week' button sets the revisit to 10:00 in the user's zone, seven days on."""
    session = walk_to(Step.REVISIT)
    inbound = replace(say("1w"), timezone="Europe/Berlin")
    transition = engine.step(session, inbound, START)
    assert transition.session.revisit_at == datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "expected_key"),
    [("last year", "revisit.past"), ("purple monkey", "revisit.unreadable")],
)
def test_an_unusable_revisit_date_reasks_with_an_example(typed: str, expected_key: str) -> None:
    """A past or unreadable date is re-asked and nothing is stored."""
    session = walk_to(Step.REVISIT)
    transition = engine.step(session, say(typed), START)
    assert keys(transition)[0] == expected_key
    assert transition.session == session


def test_a_revisit_more_than_a_year_out_asks_for_confirmation() -> None:
    """A date beyond a year is confirmed before it is kept."""
    session = walk_to(Step.REVISIT)
    asked = engine.step(session, say("March 3 2029"), START)
    assert asked.session.pending is Pending.FAR_DATE
    confirmed = engine.step(asked.session, say("yes"), START)
    assert confirmed.session.step is Step.QUESTION
    assert confirmed.session.revisit_at is not None
    assert confirmed.session.revisit_at.year == 2029


def test_dont_schedule_finishes_without_a_nudge() -> None:
    """'none' at the revisit step leads to a summary with no nudge effect."""
    session = walk_to(Step.REVISIT)
    session = engine.step(session, say("none"), START).session
    while session.is_open:
        transition = engine.step(session, say(ANSWERS[session.step]), START)
        session = transition.session
    assert transition.effects == ()
    assert session.revisit_at is None


def test_commands_that_read_data_become_effects() -> None:
    """wins, reminders and export are answered by the service from stored data."""
    session = walk_to(Step.ASK)
    for word in ("wins", "reminders", "export"):
        assert engine.step(session, say(word), START).effects == (ShowData(word),)


def test_settings_commands_become_effects() -> None:
    """timezone and quiet hours ask the service to store them."""
    session = walk_to(Step.ASK)
    zone = engine.step(session, say("timezone Europe/Berlin"), START)
    assert zone.effects == (SetTimezone("Europe/Berlin"),)
    quiet = engine.step(session, say("quiet 22:00-07:30"), START)
    assert quiet.effects == (SetQuietHours("22:00", "07:30"),)
    bad = engine.step(session, say("quiet later"), START)
    assert keys(bad) == ["quiet.invalid", "ask.ask"] and bad.effects == ()


def test_forget_me_asks_for_confirmation_first() -> None:
    """forget me asks; only yes deletes, no keeps everything."""
    session = walk_to(Step.ASK)
    asked = engine.step(session, say("forget me"), START)
    assert asked.session.pending is Pending.FORGET and asked.effects == ()
    kept = engine.step(asked.session, say("no"), START)
    assert kept.effects == () and kept.session.step is Step.ASK
    assert (
        engine.step(asked.session, say("yes"), START).effects[0].__class__.__name__ == "ForgetUser"
    )


def test_a_slash_start_with_text_takes_it_as_the_setback() -> None:
    """/reframe with words starts at the ask question, the words kept as the setback."""
    session = walk_to(Step.SETBACK)
    inbound = Inbound(ALICE, InboundKind.START, text="Client said no to the quote")
    transition = engine.step(replace(session, status=Status.FINISHED), inbound, START)
    assert transition.session.answers["setback"] == "Client said no to the quote"
    assert transition.session.step is Step.ASK


def test_a_slash_start_during_a_conversation_offers_to_resume() -> None:
    """/reframe in the middle of a reframe offers to pick up or start fresh with the new text."""
    session = walk_to(Step.OFFER)
    inbound = Inbound(ALICE, InboundKind.START, text="Another no")
    offered = engine.step(session, inbound, START)
    assert offered.session.pending is Pending.RESUME
    fresh_start = engine.step(offered.session, say("fresh"), START)
    assert fresh_start.session.answers["setback"] == "Another no"


def test_a_channel_start_offers_sharing_once() -> None:
    """From a channel, the summary offers to share; pressing it shares once, never twice."""
    session = replace(walk_to(Step.SUCCESS), origin=Origin("C123"))
    done = engine.step(session, say("A date"), START)
    assert [c.id for c in done.replies[-1].choices] == ["share"]
    shared = engine.step(done.session, press("share", "summary", session.number), START)
    assert shared.effects == (ShareNote("C123", session.number),)
    failed = engine.share_failed(shared.session, START)
    assert "shared" not in failed.session.answers
    retried = engine.step(failed.session, press("share", "summary", session.number), START)
    assert retried.effects == (ShareNote("C123", session.number),)
    again = engine.step(shared.session, press("share", "summary", session.number), START)
    assert again.effects == () and keys(again) == ["share.already"]


def test_a_dm_start_never_offers_sharing() -> None:
    """Without a channel origin the summary has no share button."""
    done = engine.step(walk_to(Step.SUCCESS), say("A date"), START)
    assert all(not reply.choices for reply in done.replies)


ENGINE_MODULES = (
    "engine",
    "steps",
    "opening",
    "answering",
    "side_questions",
    "commands_flow",
    "going_back",
    "moving_on",
    "revisit_answer",
    "said_before",
    "new_date_aside",
    "nudge_flow",
    "summary",
)


@pytest.mark.parametrize("module", ENGINE_MODULES)
def test_the_engine_imports_no_io_or_platform_library(module: str) -> None:
    """No module of the engine imports anything that does I/O, keeps time or uses a platform."""
    source = (Path(engine.__file__).parent / f"{module}.py").read_text()
    imported: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert not imported & {
        "asyncio",
        "aiosqlite",
        "sqlite3",
        "discord",
        "slack_bolt",
        "slack_sdk",
        "time",
        "os",
        "logging",
    }
    assert "datetime.now" not in source


@pytest.mark.parametrize(
    ("setback", "ask_text", "trap"),
    [
        ("My manager said no", "They'll never promote me", "all_or_nothing"),
        ("I didn't get the job", "It's because I'm not good enough", "personalizing"),
        ("The client walked", "My career is over", "catastrophizing"),
    ],
)
def test_the_boundary_step_reflects_one_trap_back(setback: str, ask_text: str, trap: str) -> None:
    """A thinking trap is reflected as a question of its own; the boundary question waits for it."""
    session = engine.step(walk_to(Step.SETBACK), say(setback), START).session
    transition = engine.step(session, say(ask_text), START)
    assert keys(transition) == [f"trap.{trap}"]
    assert transition.session.step is Step.REFLECT
    answered = engine.step(transition.session, say("Maybe not everything"), START)
    assert keys(answered) == ["boundary.ask"]
    assert answered.session.answers["reflect"] == "Maybe not everything"


def test_no_trap_no_reflection() -> None:
    """Plain words get no trap reflection: they are said back, then the boundary question."""
    session = engine.step(walk_to(Step.SETBACK), say("The bank declined the loan"), START).session
    transition = engine.step(session, say("A small business loan"), START)
    assert keys(transition) == ["ask.heard", "boundary.ask"]


@pytest.mark.parametrize(
    ("boundary", "success", "closing"),
    [
        ("soft", "A date", "summary.closing.soft"),
        # The walk's no is a repair refused: a hard no there closes on the levers.
        ("hard", "A date", "summary.closing.hard_owed"),
        ("unsure", "A date", "summary.closing.win"),
    ],
)
def test_the_summary_ends_with_a_line_fitted_to_the_answers(
    boundary: str, success: str, closing: str
) -> None:
    """The closing line follows what the user found: a soft or hard boundary, or their own win."""
    session = walk_to(Step.SUCCESS)
    answers = dict(session.answers)
    answers["boundary"] = boundary

    session = replace(session, answers=MappingProxyType(answers))
    transition = engine.step(session, say(success), START)
    assert transition.replies[1].key == closing
    assert transition.replies[0].variables["success"] == success


def test_a_first_dm_that_tells_the_story_is_taken_as_the_setback() -> None:
    """'My manager said no to the promotion' as a first message skips the setback question."""
    transition = engine.step(fresh(), say("My manager said no to the promotion"), START)
    assert keys(transition) == ["welcome.intro", "setback.heard", "ask.ask"]
    assert transition.session.answers["setback"] == "My manager said no to the promotion"


@pytest.mark.parametrize("greeting", ["hi", "Hello there!", "hey coach, how are you", "thanks"])
def test_a_greeting_is_not_mistaken_for_a_setback(greeting: str) -> None:
    """A hello gets the welcome and the setback question, and is not stored."""
    transition = engine.step(fresh(), say(greeting), START)
    assert keys(transition) == ["welcome.intro", "setback.ask"]
    assert "setback" not in transition.session.answers


def test_after_a_finished_reframe_thanks_gets_an_invitation_then_the_next_no_is_heard() -> None:
    """'thanks' after a summary invites a new story without opening one; a new no is heard."""
    done = engine.step(walk_to(Step.SUCCESS), say("A date"), START).session
    invited = engine.step(done, say("thanks!"), START)
    assert keys(invited) == ["start.prompt"]
    # Only the count of invitations said is kept (the next one is worded differently).
    assert replace(invited.session, pending_data=None) == done
    told = engine.step(invited.session, say("Rejected"), START)
    assert told.session.number == done.number + 1
    assert told.session.answers["setback"] == "Rejected"
    straight = engine.step(done, say("The landlord refused the repair"), START)
    assert straight.session.answers["setback"] == "The landlord refused the repair"


def test_a_far_date_asked_again_still_names_the_date() -> None:
    """An unclear answer to 'is that date right?' repeats the question with the date in it."""
    asked = engine.step(walk_to(Step.REVISIT), say("March 3 2029"), START)
    again = engine.step(asked.session, say("hmm"), START)
    assert again.replies[0].key == "far_date.reprompt"
    assert again.replies[0].dates["revisit_at"].startswith("2029-03-03")


def test_with_nobody_to_go_back_to_success_is_not_measured_against_a_yes() -> None:
    """The no-counterpart path asks about a win of the user's own, not "besides a yes"."""
    closed = Session(
        user=ALICE, number=1, step=Step.SUCCESS, answers=MappingProxyType({"boundary": "closed"})
    )
    assert engine.ask(Step.SUCCESS, closed).key == "success.ask_self"
    assert engine.ask(Step.SUCCESS, replace(closed, answers=MappingProxyType({}))).key == (
        "success.ask"
    )


@pytest.mark.parametrize("backs", [1, 3])
def test_status_after_going_back_counts_only_answers_behind_the_question(backs: int) -> None:
    """After `undo` back to an earlier question, `status` counts the questions before it only."""
    session = walk_to(Step.UNSEEN)
    for _ in range(backs):
        session = engine.step(session, say("undo"), START).session
    reply = engine.step(session, say("status"), START).replies[0]
    assert reply.variables["answered"] == str(OPEN_PATH.index(session.step))
