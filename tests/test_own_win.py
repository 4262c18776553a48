"""The two-part revisit: how did it go, then did the win the user named happen; the journal."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from types import MappingProxyType

import pytest

from bot import engine, own_win
from bot.clock import ManualClock
from bot.domain import Outcome, OwnWin, Session, Status, Step
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage import repos
from bot.storage.db import Database
from bot.userdata import wins_reply
from tests.conftest import ALICE, START, press, say
from tests.scheduler_harness import nudged

WIN = "Getting clear criteria for the promotion"


def finished(number: int = 1, success: str = WIN, **changes: object) -> Session:
    """A finished plan whose own win is `success`."""
    session = Session(
        user=ALICE,
        number=number,
        step=Step.SUMMARY,
        status=Status.FINISHED,
        answers=MappingProxyType(
            {"setback": f"No number {number}", "ask": "A raise", "success": success}
        ),
        started_at=START,
        updated_at=START,
    )
    return replace(session, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize("outcome", ["yes", "maybe", "no"])
def test_every_outcome_is_followed_by_the_own_win_question(outcome: str) -> None:
    """A yes, a maybe or still a no is recorded, dated, then the named win is asked about."""
    transition = engine.answer_nudge(finished(), outcome, START, "UTC")
    assert transition.session.outcome is Outcome(outcome)
    assert transition.session.outcome_at == START
    asked = transition.replies[-1]
    assert asked.key == "nudge_win.ask" and asked.variables["success"] == WIN
    assert [choice.id for choice in asked.choices] == ["yes", "partly", "not_yet"]
    assert asked.choice_step == own_win.STEP


@pytest.mark.parametrize("outcome", ["snooze", "stop"])
def test_snooze_and_stop_do_not_ask_about_the_win(outcome: str) -> None:
    """Not yet / stop reminding me record no outcome and ask nothing more."""
    transition = engine.answer_nudge(finished(), outcome, START, "UTC")
    assert transition.session.outcome is None
    assert all(reply.key != "nudge_win.ask" for reply in transition.replies)


@pytest.mark.parametrize("success", ["", "dunno", "skip"])
def test_no_named_win_means_no_question(success: str) -> None:
    """A skipped or "dunno" win is not asked about."""
    transition = engine.answer_nudge(finished(success=success), "yes", START, "UTC")
    assert [reply.key for reply in transition.replies] == ["nudge.yes"]


@pytest.mark.parametrize("answer", ["yes", "partly", "not_yet"])
def test_the_own_win_answer_is_kept_with_its_date(answer: str) -> None:
    """Yes, partly or not yet is kept on the session, dated, with a fitting word."""
    revisited = engine.answer_nudge(finished(), "no", START, "UTC").session
    later = START + timedelta(minutes=3)
    transition = own_win.answer(revisited, answer, later)
    assert transition.session.own_win is OwnWin(answer)
    assert transition.session.own_win_at == later
    assert [reply.key for reply in transition.replies] == [f"nudge_win.{answer}"]


def test_an_unknown_own_win_answer_asks_again() -> None:
    """A choice that is not yes / partly / not yet changes nothing and asks again."""
    revisited = engine.answer_nudge(finished(), "yes", START, "UTC").session
    transition = own_win.answer(revisited, "maybe", START)
    assert transition.session == revisited
    assert transition.replies[0].key == "nudge_win.ask"


def test_the_question_waits_two_days_for_a_typed_answer() -> None:
    """A typed answer counts while the question is recent and unanswered."""
    revisited = engine.answer_nudge(finished(), "yes", START, "UTC").session
    assert own_win.awaiting(revisited, START + timedelta(days=1))
    assert not own_win.awaiting(revisited, START + timedelta(days=3))
    answered = own_win.answer(revisited, "yes", START).session
    assert not own_win.awaiting(answered, START)


def test_the_journal_counts_both_kinds_of_win(catalog: Catalog) -> None:
    """5 plans: 3 became a maybe or a yes, 4 own wins reached; own wins listed with dates."""
    day = START + timedelta(days=20)
    outcomes = [Outcome.YES, Outcome.MAYBE, Outcome.YES, Outcome.NO, Outcome.NO]
    wins = [OwnWin.YES, OwnWin.YES, OwnWin.PARTLY, OwnWin.YES, OwnWin.YES]
    sessions = [
        finished(n, outcome=o, outcome_at=day, own_win=w, own_win_at=day + timedelta(hours=n))
        for n, (o, w) in enumerate(zip(outcomes, wins, strict=True), 1)
    ]
    text = catalog.render(wins_reply(sessions), "UTC")
    lines = text.splitlines()
    assert lines[0] == (
        "3 of your 5 noes became a maybe or a yes; you reached your own win 4 times."
    )
    assert lines[1] == f"Reached your own win: {WIN} (on Tuesday 15 December, 14:00)"
    assert f"Partly reached your own win: {WIN} (on Tuesday 15 December, 12:00)" in lines
    assert sum(line.startswith("Got a") for line in lines) == 3


def test_one_own_win_and_none_read_naturally(catalog: Catalog) -> None:
    """One own win says "once"; an own win with no turned no still fills the journal."""
    once = [finished(outcome=Outcome.NO, own_win=OwnWin.YES, own_win_at=START)]
    assert catalog.render(wins_reply(once), "UTC").startswith(
        "Your no hasn't become a maybe or a yes yet, but you reached your own win."
    )
    none = [finished(outcome=Outcome.YES, own_win=OwnWin.NOT_YET, own_win_at=START)]
    assert "your own win is still ahead" in catalog.render(wins_reply(none), "UTC")


def test_a_partly_reached_win_is_never_called_still_ahead(catalog: Catalog) -> None:
    """An own win partly reached is said as partly reached, not "still ahead"."""
    one = [finished(outcome=Outcome.YES, own_win=OwnWin.PARTLY, own_win_at=START)]
    text = catalog.render(wins_reply(one), "UTC")
    assert text.startswith("Your no became a maybe or a yes, and you partly reached your own win.")
    two = [
        finished(1, outcome=Outcome.MAYBE, own_win=OwnWin.PARTLY, own_win_at=START),
        finished(2, outcome=Outcome.NO),
    ]
    text = catalog.render(wins_reply(two), "UTC")
    assert "still ahead" not in text and "partly reached your own win." in text.splitlines()[0]


def test_one_reframe_in_all_is_not_counted_as_one_of_one(catalog: Catalog) -> None:
    """With a single reframe the journal says "your no", never "1 of your 1 no"."""
    for outcome in (Outcome.YES, Outcome.NO):
        for win in (OwnWin.YES, OwnWin.PARTLY):
            one = [finished(outcome=outcome, own_win=win, own_win_at=START)]
            text = catalog.render(wins_reply(one), "UTC")
            assert text.startswith("Your no ") and " of your " not in text
    two = [finished(1, outcome=Outcome.YES), finished(2, outcome=Outcome.NO)]
    assert catalog.render(wins_reply(two), "UTC").startswith("1 of your 2 noes")


async def test_a_typed_partly_answers_the_own_win_question(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """After "Got a maybe", typing "partly" records the own win; a second answer changes nothing."""
    await nudged(service, db, catalog, clock)
    result = await service.handle(press("maybe", "nudge", 1))
    assert result.messages[-1].text.startswith("And the win you named")
    typed = await service.handle(say("Partly"))
    assert typed.messages[0].text == catalog.text("nudge_win.partly")
    again = await service.handle(press("yes", own_win.STEP, 1))
    assert again.messages[0].text == catalog.text("button.already")
    async with db.autocommit() as conn:
        record = await repos.load_user(conn, user=ALICE)
    assert record is not None and record.session is not None
    assert record.session.outcome is Outcome.MAYBE and record.session.own_win is OwnWin.PARTLY


async def test_a_typed_yes_in_a_new_reframe_answers_the_dialogue(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """Mid-conversation, "yes" answers the current question, not the own-win question."""
    await nudged(service, db, catalog, clock)
    await service.handle(press("no", "nudge", 1))
    for line in ("The bank declined my loan", "A small loan", "soft"):
        await service.handle(say(line))
    await service.handle(say("yes"))
    async with db.autocommit() as conn:
        record = await repos.load_user(conn, user=ALICE)
        assert record is not None
        first = await repos.load_session(conn, user_ref=record.ref, user=ALICE, number=1)
    assert first is not None and first.own_win is None
    assert record.session is not None and record.session.answers["timing"] == "yes"


async def test_outcomes_and_own_wins_survive_the_purge_and_are_exported(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """After the retention purge the journal still counts both; export carries them, dated."""
    await nudged(service, db, catalog, clock)
    await service.handle(press("yes", "nudge", 1))
    await service.handle(press("yes", own_win.STEP, 1))
    async with db.transaction() as conn:
        purged, _ = await repos.purge_answers(
            conn, before=clock.now() + timedelta(days=1), now=clock.now(), limit=10
        )
    assert purged == 1
    wins = await service.handle(say("wins"))
    assert wins.messages[0].text.startswith(
        "Your no became a maybe or a yes, and you reached your own win."
    )
    assert "removed after the retention period" in wins.messages[0].text
    exported = await service.handle(say("export"))
    attachment = exported.messages[0].attachment
    assert attachment is not None
    [session] = json.loads(attachment.content)["sessions"]
    assert session["answers"] == {}
    assert session["outcome"] == "yes" and session["own_win"] == "yes"
    assert session["outcome_at"] == session["own_win_at"] == clock.now().isoformat()


async def test_the_terminal_answers_the_own_win_and_the_date_by_typing(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """In the terminal, after "Got a maybe", "partly" answers the own win and "2w" the date."""
    import io

    from bot.adapters.console import ConsoleChat

    outbox = await nudged(service, db, catalog, clock)
    chat = ConsoleChat(service, ALICE, stdin=io.StringIO(), stdout=io.StringIO(), interactive=False)
    chat.show([message for _, message in outbox.sent])
    chat.show((await service.handle(chat.to_inbound("2"))).messages)
    win = chat.to_inbound("partly")
    assert (win.button_step, win.choice) == (own_win.STEP, "partly")
    chat.show((await service.handle(win)).messages)
    date = chat.to_inbound("2w")
    assert (date.button_step, date.choice) == (engine.NUDGE_DATE_STEP, "2w")
    await service.handle(date)
    async with db.autocommit() as conn:
        record = await repos.load_user(conn, user=ALICE)
    assert record is not None and record.session is not None
    assert record.session.own_win is OwnWin.PARTLY
    assert record.session.revisit_at is not None and record.session.revisit_at > clock.now()


async def test_the_own_win_question_outlives_a_command_and_takes_words_after_the_answer(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """After `wins`, the own-win question is asked again, and "partly, i asked but…" answers it."""
    await nudged(service, db, catalog, clock)
    await service.handle(press("yes", "nudge", 1))
    wins = await service.handle(say("wins"))
    assert wins.messages[0].text.startswith("Your no became")
    asked = wins.messages[-1]
    assert asked.text.startswith("And the win you named")
    assert (asked.step, asked.session_number) == (own_win.STEP, 1)
    typed = await service.handle(say("partly, i asked but kind of mumbled"))
    assert typed.messages[0].text == catalog.text("nudge_win.partly")
    async with db.autocommit() as conn:
        record = await repos.load_user(conn, user=ALICE)
        assert record is not None
        sessions = await repos.list_sessions(conn, user_ref=record.ref, user=ALICE)
    assert [(s.number, s.own_win) for s in sessions] == [(1, OwnWin.PARTLY)]
    again = await service.handle(say("wins"))
    assert again.messages[0].text.startswith("Your no became a maybe or a yes")
    assert len(again.messages) == 1


async def test_words_that_answer_nothing_ask_the_own_win_question_again(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """Between conversations, words that are no answer get the own-win question, not a reframe."""
    await nudged(service, db, catalog, clock)
    await service.handle(press("yes", "nudge", 1))
    result = await service.handle(say("hmm I asked but kind of mumbled it"))
    assert result.messages[-1].text.startswith("And the win you named")
    async with db.autocommit() as conn:
        record = await repos.load_user(conn, user=ALICE)
    assert record is not None and record.session is not None
    assert record.session.number == 1 and record.session.own_win is None
