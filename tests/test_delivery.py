"""Dates confirmed as they will really be sent; zone and quiet-hour changes keep the local time."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot import engine
from bot.domain import Message, Step
from bot.preferences import Defaults, Preferences, QuietHours, delivery_time, resolve
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage.db import Database, from_db
from bot.timeparse import add_local, same_wall_time
from tests.conftest import ALICE, FULL_DIALOGUE, say
from tests.test_service import stored

BERLIN = Preferences("Europe/Berlin", QuietHours("21:00", "08:00"))


async def finish(service: CoachService, revisit: str, zone: str = "UTC") -> list[str]:
    """Run the whole dialogue with the given revisit answer; return every reply's text."""
    lines = list(FULL_DIALOGUE)
    lines[11] = revisit
    texts: list[str] = []
    for line in lines:
        texts.extend(m.text for m in (await service.handle(say(line, zone=zone))).messages)
    return texts


async def due_and_send_after(db: Database) -> list[tuple[datetime, datetime]]:
    """(due_at, send_after) of every pending reminder, soonest first."""
    async with db.autocommit() as conn:
        rows = await conn.fetch_all(
            "SELECT due_at, send_after FROM reminders WHERE status = 'pending' ORDER BY due_at"
        )
    return [(from_db(row["due_at"]), from_db(row["send_after"])) for row in rows]


def test_delivery_time_is_the_due_time_outside_quiet_hours() -> None:
    """10:00 Berlin goes out at 10:00; 03:00 Berlin goes out at 08:00 the same local day."""
    ten = datetime(2026, 12, 15, 9, 0, tzinfo=UTC)
    three = datetime(2026, 12, 15, 2, 0, tzinfo=UTC)
    assert delivery_time(ten, BERLIN) == ten
    assert delivery_time(three, BERLIN) == datetime(2026, 12, 15, 7, 0, tzinfo=UTC)


def test_preferences_take_the_users_own_zone_first_then_the_platforms_then_the_default() -> None:
    """The zone rule in one place: set > reported now > reported before > default (unknown)."""
    defaults = Defaults("Europe/Paris", "en_GB", QuietHours("22:00", "07:00"))
    assert resolve(defaults, zone="Asia/Tokyo", zone_hint="UTC").timezone == "Asia/Tokyo"
    assert resolve(defaults, zone_hint="UTC", platform_zone="Asia/Tokyo").timezone == "UTC"
    fallback = resolve(defaults)
    assert (fallback.timezone, fallback.zone_known) == ("Europe/Paris", False)
    assert (fallback.quiet, fallback.locale) == (QuietHours("22:00", "07:00"), "en_GB")
    assert resolve(defaults, quiet_start="23:00", quiet_end="06:00").quiet.start == "23:00"


@pytest.mark.parametrize(
    ("zone", "start", "local_hour"),
    [
        # Berlin falls back on 25 October 2026; Sydney springs forward on 4 October 2026.
        ("Europe/Berlin", datetime(2026, 10, 22, 8, 0, tzinfo=UTC), 10),
        ("Australia/Sydney", datetime(2026, 9, 30, 23, 0, tzinfo=UTC), 9),
        ("America/New_York", datetime(2026, 10, 29, 14, 0, tzinfo=UTC), 10),
        ("Pacific/Auckland", datetime(2026, 9, 23, 21, 0, tzinfo=UTC), 9),
    ],
)
def test_a_week_later_is_the_same_local_hour_across_a_dst_change(
    zone: str, start: datetime, local_hour: int
) -> None:
    """add_local keeps the wall time across a daylight-saving change, in both hemispheres."""
    later = add_local(start, timedelta(days=7), zone)
    local = later.astimezone(ZoneInfo(zone))
    assert (local.hour, local.minute) == (local_hour, 0)
    assert later - start != timedelta(days=7)


def test_a_snooze_from_berlin_before_the_clocks_change_keeps_ten_oclock() -> None:
    """Remind me in a week, pressed at 10:00 on 22 October, comes back at 10:00 on 29 October."""
    pressed = datetime(2026, 10, 22, 8, 0, tzinfo=UTC)
    session = engine.new_session(ALICE, 1, pressed, welcome=False)
    moved = engine.answer_nudge(session, "snooze", pressed, "Europe/Berlin")
    assert moved.session.revisit_at == datetime(2026, 10, 29, 9, 0, tzinfo=UTC)


def test_same_wall_time_moves_the_instant_not_the_clock() -> None:
    """10:00 New York becomes 10:00 Berlin."""
    ten_ny = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
    moved = same_wall_time(ten_ny, "America/New_York", "Europe/Berlin")
    assert moved == datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


async def test_a_date_moved_by_quiet_hours_is_confirmed_as_it_will_be_sent(
    service: CoachService, db: Database
) -> None:
    """'in 2 weeks at 3am' is confirmed as 08:00 with the reason, stored so, and listed so."""
    texts = await finish(service, "in 2 weeks at 3am", zone="Europe/Berlin")
    said = "Wednesday 9 December, 08:00 your time (03:00 falls in your quiet hours, 21:00-08:00)"
    assert any(said in text for text in texts)
    [(due, send_after)] = await due_and_send_after(db)
    assert (due.hour, send_after.hour) == (2, 7)
    listing = (await service.handle(say("reminders", zone="Europe/Berlin"))).messages[0].text
    assert said in listing


async def test_changing_the_zone_keeps_the_local_wall_time_and_says_so(
    service: CoachService, db: Database
) -> None:
    """A 10:00 New York revisit stays 10:00 after `timezone Europe/Berlin`; the user is told."""
    await service.handle(say("timezone America/New_York"))
    await finish(service, "1")
    reply = (await service.handle(say("timezone Europe/Berlin"))).messages[0].text
    assert "keeps its local time: Wednesday 2 December, 10:00 your time" in reply
    [(due, send_after)] = await due_and_send_after(db)
    assert due == send_after == datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    listing = (await service.handle(say("reminders"))).messages[0].text
    assert "Wednesday 2 December, 10:00 your time" in listing


async def test_new_quiet_hours_move_when_a_pending_nudge_is_sent(
    service: CoachService, db: Database
) -> None:
    """A 10:00 revisit is sent at 11:00 once quiet hours run until 11:00, and listed so."""
    await finish(service, "1")
    await service.handle(say("quiet 22:00-11:00"))
    [(due, send_after)] = await due_and_send_after(db)
    assert send_after - due == timedelta(hours=1)
    listing = (await service.handle(say("reminders"))).messages[0].text
    assert "11:00 your time (10:00 falls in your quiet hours, 22:00-11:00)" in listing


async def test_new_quiet_hours_that_move_a_check_in_say_so(
    service: CoachService, db: Database
) -> None:
    """A revisit quiet hours held to 11:00 goes back to 10:00 under new hours, and the reply
    says so; hours that move nothing say nothing."""
    await finish(service, "1")
    await service.handle(say("quiet 05:00-11:00"))
    [(due, send_after)] = await due_and_send_after(db)
    assert send_after - due == timedelta(hours=1)
    messages = (await service.handle(say("quiet 03:00-04:00"))).messages
    said = "\n".join(message.text for message in messages)
    assert "That moves when your check-in goes out:" in said
    assert "10:00 your time" in said
    [(due, send_after)] = await due_and_send_after(db)
    assert send_after == due
    unchanged = (await service.handle(say("quiet 02:00-04:00"))).messages
    assert not any("check-in goes out" in message.text for message in unchanged)


async def test_quiet_alone_shows_the_current_hours(service: CoachService) -> None:
    """`quiet` with nothing shows the defaults, then the hours the user set."""
    shown = (await service.handle(say("quiet"))).messages[0].text
    assert "21:00 to 08:00" in shown
    await service.handle(say("quiet 22:30-07:00"))
    assert "22:30 to 07:00" in (await service.handle(say("quiet"))).messages[0].text


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        ("en-GB", "Okay: we'll come back to this on Monday 1 February 2027, 10:00 your time."),
        ("en-US", "Okay: we'll come back to this on Saturday 2 January 2027, 10:00 your time."),
        (None, "Do you mean Monday 1 February 2027 or Saturday 2 January 2027?"),
    ],
)
async def test_the_users_locale_reaches_the_date_reader(
    service: CoachService, locale: str | None, said: str
) -> None:
    """'1/2' follows the locale the platform reports; with none known, the coach asks which."""
    lines = list(FULL_DIALOGUE)
    texts: list[str] = []
    for line in lines[:12]:
        inbound = replace(say("1/2" if line == lines[11] else line), locale_hint=locale)
        texts = [m.text for m in (await service.handle(inbound)).messages]
    assert said in texts[0]


async def test_discords_default_english_locale_does_not_decide_the_date_order(
    service: CoachService,
) -> None:
    """Every English Discord client says en-US, so '1/2' from Discord is asked about."""
    lines = list(FULL_DIALOGUE)
    texts: list[str] = []
    user = replace(ALICE, platform="discord")
    for line in lines[:12]:
        typed = replace(say("1/2" if line == lines[11] else line, user), locale_hint="en-US")
        texts = [m.text for m in (await service.handle(typed)).messages]
    assert "Do you mean Monday 1 February 2027 or Saturday 2 January 2027?" in texts[0]


async def ask_which_day(service: CoachService) -> list[Message]:
    """Walk to the revisit date and answer "1/2" with no locale known: the coach asks which."""
    lines = list(FULL_DIALOGUE)
    for line in lines[:11]:
        await service.handle(say(line))
    return list((await service.handle(say("1/2"))).messages)


@pytest.mark.parametrize(
    ("typed", "month"),
    [
        ("2", 1),
        ("1", 2),
        ("the second one", 1),
        ("The first one.", 2),
        ("february", 2),
        ("feb", 2),
        ("january", 1),
        ("the 1st of feb", 2),
        ("Saturday 2 January", 1),
    ],
)
async def test_the_two_readings_of_a_numeric_date_are_its_choices(
    service: CoachService, db: Database, typed: str, month: int
) -> None:
    """Both readings of "1/2" are offered as choices; a number, an ordinal or a month picks one."""
    [asked] = await ask_which_day(service)
    labels = [button.label for button in asked.buttons]
    assert labels == ["Monday 1 February 2027", "Saturday 2 January 2027"]
    said = (await service.handle(say(typed))).messages
    assert said[0].text.startswith("Okay: we'll come back to this on")
    record = await stored(db)
    assert record.session is not None and record.session.revisit_at is not None
    assert (record.session.revisit_at.month, record.session.step) == (month, Step.QUESTION)


@pytest.mark.parametrize("typed", ["hmm", "the blue one", "3"])
async def test_anything_else_asks_the_same_two_days_again(
    service: CoachService, db: Database, typed: str
) -> None:
    """Words that are no choice, month, date nor refusal re-ask the same two choices."""
    await ask_which_day(service)
    [again] = (await service.handle(say(typed))).messages
    assert "Monday 1 February 2027 or Saturday 2 January 2027" in again.text
    assert [button.id for button in again.buttons] == ["first", "second"]
    record = await stored(db)
    assert record.session is not None and record.session.revisit_at is None


async def test_a_new_zone_from_the_platform_keeps_revisits_at_their_local_time(
    service: CoachService, db: Database
) -> None:
    """A Slack profile moved from New York to Berlin: the 10:00 revisit stays 10:00, and is said."""
    await finish(service, "1", zone="America/New_York")
    reply = (await service.handle(say("reminders", zone="Europe/Berlin"))).messages
    assert "now Europe/Berlin, as your profile says" in reply[0].text
    assert "keeps its local time: Wednesday 2 December, 10:00 your time" in reply[0].text
    [(due, _)] = await due_and_send_after(db)
    assert due == datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


async def test_a_new_zone_mid_conversation_keeps_the_revisit_time_the_user_chose(
    service: CoachService, db: Database
) -> None:
    """03:00 London chosen, then New York: the revisit is 03:00 there, sent at 07:00 (quiet)."""
    lines = ["timezone London", "quiet 10pm-7am", *FULL_DIALOGUE[:11], "in 2 weeks at 3am"]
    lines += ["timezone America/New_York", *FULL_DIALOGUE[12:]]
    texts: list[str] = []
    for line in lines:
        texts.extend(m.text for m in (await service.handle(say(line))).messages)
    moved = "(03:00 falls in your quiet hours, 22:00-07:00)"
    card = next(text for text in texts if text.startswith("Your plan"))
    assert f"Wednesday 9 December, 07:00 your time {moved}" in card
    assert "keeps its local time: Wednesday 9 December, 07:00" in "\n".join(texts)
    [(due, send_after)] = await due_and_send_after(db)
    assert (due, send_after) == (
        datetime(2026, 12, 9, 8, tzinfo=UTC),
        datetime(2026, 12, 9, 12, tzinfo=UTC),
    )
    back = (await service.handle(say("timezone London"))).messages[0].text
    assert f"Wednesday 9 December, 07:00 your time {moved}" in back


async def test_reminders_show_the_revisit_of_an_unfinished_plan_as_pending(
    service: CoachService, catalog: Catalog
) -> None:
    """Once its date is confirmed, `reminders` lists the revisit, set when the plan is finished."""
    for line in FULL_DIALOGUE[:12]:
        await service.handle(say(line))
    listed = (await service.handle(say("reminders"))).messages[0].text
    assert listed != catalog.text("reminders.none")
    assert "Wednesday 9 December, 10:00 your time: A promotion to senior engineer" in listed
    assert "set once you finish the plan" in listed
    for line in FULL_DIALOGUE[12:]:
        await service.handle(say(line))
    done = (await service.handle(say("reminders"))).messages[0].text
    assert "1. Wednesday 9 December, 10:00 your time: A promotion to senior engineer" in done
    assert "set once you finish the plan" not in done
