"""The plan in the dialogue: the summary card, `back` after it, and `plan` to see it again."""

from __future__ import annotations

import json
from dataclasses import replace
from types import MappingProxyType

from bot import engine, plan
from bot.commands import Command, CommandName, parse_command
from bot.domain import CancelNudges, ScheduleNudge, Status, Step
from bot.service import CoachService
from bot.storage.db import Database, from_db
from tests.conftest import FULL_DIALOGUE, START, say
from tests.test_engine import ANSWERS, walk_to


async def texts_of(service: CoachService, *lines: str) -> list[str]:
    """Send each line and collect the reply texts."""
    texts: list[str] = []
    for line in lines:
        result = await service.handle(say(line))
        texts.extend(message.text for message in result.messages)
    return texts


async def pending_sends(db: Database) -> list[str]:
    """send_after of every pending reminder."""
    async with db.autocommit() as conn:
        rows = await conn.fetch_all("SELECT send_after FROM reminders WHERE status = 'pending'")
    return [row["send_after"] for row in rows]


def test_plan_is_a_command_only_alone_or_with_a_number() -> None:
    """`plan` and `plan 2` are commands; "plan to ask again" is an answer."""
    assert parse_command("plan") == Command(CommandName.PLAN)
    assert parse_command("/plan 2") == Command(CommandName.PLAN, "2")
    assert parse_command("plan to ask again in March") is None
    assert parse_command("Plan B") is None


def test_back_right_after_the_summary_reopens_the_last_question() -> None:
    """`back` on a just-finished plan reopens the win question and cancels its nudge."""
    session = engine.step(walk_to(Step.SUCCESS), say(ANSWERS[Step.SUCCESS]), START).session
    assert session.status is Status.FINISHED
    back = engine.step(session, say("back"), START)
    assert back.session.status is Status.ACTIVE and back.session.step is Step.SUCCESS
    assert back.effects == (CancelNudges(),)
    assert [reply.key for reply in back.replies] == ["back.showing", "success.ask"]
    again = engine.step(back.session, say("Two clear criteria, in writing"), START)
    assert again.session.status is Status.FINISHED
    assert again.replies[0].variables["success"] == "Two clear criteria, in writing"
    assert again.effects == (ScheduleNudge(session.revisit_at),)  # type: ignore[arg-type]


def test_back_long_after_the_summary_changes_nothing() -> None:
    """A day after the summary, `back` no longer reopens the plan (nor cancels its nudge)."""
    session = engine.step(walk_to(Step.SUCCESS), say(ANSWERS[Step.SUCCESS]), START).session
    later = engine.step(session, say("back"), START + engine.BACK_AFTER_SUMMARY * 24)
    assert later.session.status is Status.FINISHED and later.effects == ()
    assert later.replies[0].key == "back.nothing"


def test_back_after_a_revisited_plan_changes_nothing() -> None:
    """Once the revisit has an outcome, `back` no longer reopens the plan."""
    session = engine.step(walk_to(Step.SUCCESS), say(ANSWERS[Step.SUCCESS]), START).session
    answered = engine.answer_nudge(session, "yes", START, "UTC").session
    back = engine.step(answered, say("back"), START)
    assert back.session == answered
    # Said plainly: the check-in answer stands, and how to change it.
    assert back.replies[0].key == "back.after_check_in"


async def test_back_after_the_summary_rebuilds_the_card(
    service: CoachService, db: Database
) -> None:
    """Changing the last answer after the summary shows a new card and keeps one nudge."""
    await texts_of(service, *FULL_DIALOGUE)
    texts = await texts_of(service, "back", "Two clear criteria, in writing")
    card = next(text for text in texts if text.startswith("Your plan"))
    assert "Your own win: Two clear criteria, in writing" in card
    assert len(await pending_sends(db)) == 1


async def test_the_card_date_is_when_the_nudge_will_really_be_sent(
    service: CoachService, db: Database
) -> None:
    """With quiet hours over the revisit's 10:00, the card shows the end of those quiet hours."""
    await texts_of(service, "quiet 09:00-12:30")
    texts = await texts_of(service, *FULL_DIALOGUE)
    card = next(text for text in texts if text.startswith("Your plan"))
    [send_after] = await pending_sends(db)
    assert from_db(send_after).hour == 12 and from_db(send_after).minute == 30
    assert "I'll check in with you: Wednesday 9 December, 12:30" in card


async def test_plan_shows_the_latest_plan_and_a_list_of_older_ones(service: CoachService) -> None:
    """`plan` shows the newest card with the recent plans listed; `plan 2` the one before."""
    [none] = await texts_of(service, "plan")
    assert none.startswith("You don't have a plan yet")
    await texts_of(service, *FULL_DIALOGUE)
    [only] = await texts_of(service, "plan")
    assert only.startswith("Your plan\nThe no: My manager said no to the promotion")
    assert "Your recent plans" not in only
    [one] = await texts_of(service, "plan 2")
    assert one == "You have one plan so far: `plan` shows it."
    await texts_of(service, "The bank declined my loan", *FULL_DIALOGUE[2:])
    [latest] = await texts_of(service, "plan")
    assert "The no: The bank declined my loan" in latest
    assert "1. The bank declined my loan" in latest
    assert "2. My manager said no to the promotion" in latest
    [older] = await texts_of(service, "plan 2")
    assert "The no: My manager said no to the promotion" in older
    [unknown] = await texts_of(service, "plan 9")
    assert unknown.startswith("There's no plan with that number: you have 2")


async def test_plan_mid_conversation_leaves_the_question_open(service: CoachService) -> None:
    """`plan` in the middle of a reframe answers and leaves the current question as it was."""
    await texts_of(service, *FULL_DIALOGUE)
    await texts_of(service, "The bank declined my loan", "A small loan")
    [shown, again] = await texts_of(service, "plan")
    assert "The no: My manager said no to the promotion" in shown
    assert "boundary" in again.lower() or "firm" in again.lower()
    texts = await texts_of(service, "soft")
    assert any("timing" in text.lower() for text in texts)


async def test_show_my_plan_in_words_is_the_plan_command(service: CoachService) -> None:
    """After a plan, "what was my plan?" in words shows the same card as `plan`."""
    await texts_of(service, *FULL_DIALOGUE)
    [command] = await texts_of(service, "plan")
    words = await texts_of(service, "what was my plan?")
    assert command in words


async def test_a_purged_plan_says_its_words_are_gone(service: CoachService, db: Database) -> None:
    """After the retention purge, `plan` says the words were removed; the list marks it too."""
    await texts_of(service, *FULL_DIALOGUE)
    await texts_of(service, "The bank declined my loan", *FULL_DIALOGUE[2:])
    async with db.transaction() as conn:
        state = json.loads(await conn.fetch_value("SELECT state FROM sessions WHERE number = 1"))
        await conn.execute(
            "UPDATE sessions SET state = :state WHERE number = 1",
            {"state": json.dumps({**state, "answers": {}})},
        )
    [older] = await texts_of(service, "plan 2")
    assert older.startswith("The words of that plan (started Wednesday 25 November")
    assert "2. Details removed after the retention period" in older


def test_the_home_card_is_the_newest_plan_with_its_words() -> None:
    """The home screen's card: the newest finished plan, none once its words are purged."""
    session = engine.step(walk_to(Step.SUCCESS), say(ANSWERS[Step.SUCCESS]), START).session
    [card] = plan.latest_plan([session], None)
    assert card.labels["title"] == "plan.title_home" and card.items == ()
    [with_next] = plan.latest_plan([session], START)
    assert with_next.items[0].key == "plan.next_revisit"
    purged = replace(session, answers=MappingProxyType({}))
    assert plan.latest_plan([purged], START) == ()
    assert plan.latest_plan([], None) == ()
