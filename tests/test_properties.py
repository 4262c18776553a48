"""Random messages, commands and buttons: sessions stay valid, every message is answered."""

from __future__ import annotations

import asyncio
import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import engine
from bot.clock import ManualClock
from bot.commands import CommandName
from bot.domain import Inbound, InboundKind, Pending, Session, Status, Step
from bot.prompts import Catalog, load_catalog
from bot.service import CoachService
from bot.steps import ANSWERED_IN_WORDS
from bot.storage import repos
from bot.storage.db import Database
from bot.storage.migrate import migrate
from tests.conftest import ALICE, MIGRATIONS, PROMPTS, START

CATALOG: Catalog = load_catalog(PROMPTS)
CHOICE_WORDS = sorted(
    {c for q in engine.QUESTIONS.values() for c in q.choices}
    | {c for cs in engine.PENDING_CHOICES.values() for c in cs}
    | set(engine.NUDGE_CHOICES)
)
STEP_NAMES = (
    [s.value for s in Step] + [p.value for p in Pending] + ["nudge", "nudge_date", "summary"]
)
# Each answer, the note a choice may keep beside it (dialogue.py's `note`), and "shared".
ANSWER_KEYS = (
    {s.value for s in engine.DIALOGUE}
    | {f"{at.value}_note" for at, question in engine.QUESTIONS.items() if question.note}
    | {"shared"}
)

commands = st.sampled_from(
    [c.value for c in CommandName if c is not CommandName.FORGET]
    + [
        "timezone Europe/Berlin",
        "timezone Nowhere",
        "quiet 22:00-07:00",
        "quiet x",
        "reminders cancel 1",
    ]
)
typed = st.one_of(
    st.text(max_size=60),
    st.sampled_from(CHOICE_WORDS),
    st.sampled_from(
        ["1", "2", "3", "4", "5", "0", "99", "next Friday", "in two weeks", "yes", "no"]
    ),
    commands,
)
inbounds = st.one_of(
    typed.map(lambda text: Inbound(ALICE, InboundKind.MESSAGE, text=text)),
    st.builds(
        lambda choice, step, number: Inbound(
            ALICE, InboundKind.BUTTON, choice=choice, button_step=step, session_number=number
        ),
        st.sampled_from([*CHOICE_WORDS, "share", "garbage"]),
        st.sampled_from(STEP_NAMES),
        st.integers(min_value=0, max_value=4),
    ),
    st.text(max_size=40).map(lambda text: Inbound(ALICE, InboundKind.START, text=text)),
)
moves = st.lists(
    st.tuples(inbounds, st.integers(min_value=0, max_value=9 * 24 * 3600)), max_size=25
)


def assert_valid(session: Session) -> None:
    """The invariants every stored session keeps."""
    assert isinstance(session.step, Step) and isinstance(session.status, Status)
    assert session.number >= 1
    if session.status is Status.FINISHED:
        assert session.step is Step.SUMMARY
    if session.pending is not None:
        assert session.pending in engine.PENDING_CHOICES or session.pending in ANSWERED_IN_WORDS
    assert set(session.answers) <= ANSWER_KEYS
    positions = [engine.DIALOGUE.index(at) for at in session.history]
    assert positions == sorted(positions) and len(set(positions)) == len(positions)
    if session.step in engine.QUESTIONS:
        assert all(position < engine.DIALOGUE.index(session.step) for position in positions)


@settings(max_examples=300, deadline=None)
@given(moves)
def test_the_engine_keeps_every_session_valid_and_renderable(
    sequence: list[tuple[Inbound, int]],
) -> None:
    """Any sequence of inputs leaves a valid session, and every reply renders from the prompts."""
    session = engine.new_session(ALICE, 1, START, welcome=True)
    now = START
    for inbound, seconds in sequence:
        now += timedelta(seconds=seconds)
        transition = engine.step(session, inbound, now)
        session = transition.session
        assert_valid(session)
        for reply in transition.replies:
            CATALOG.message(reply, "Europe/Berlin", session_number=session.number)


async def _play(sequence: list[tuple[Inbound, int]], folder: Path) -> None:
    clock = ManualClock(START)
    async with Database(folder / "p.db") as db:
        await migrate(db, MIGRATIONS)
        service = CoachService(db, CATALOG, clock)
        for inbound, seconds in sequence:
            clock.set(clock.now() + timedelta(seconds=seconds))
            result = await service.handle(inbound)
            assert result.messages, f"no reply to {inbound!r}"
            assert all(message.text.strip() for message in result.messages)
            async with db.autocommit() as conn:
                record = await repos.load_user(conn, user=ALICE)
            if record is not None and record.session is not None:
                assert_valid(record.session)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(moves)
def test_the_service_answers_every_message_and_stores_valid_sessions(
    sequence: list[tuple[Inbound, int]],
) -> None:
    """Through the real service and database, every message gets at least one reply."""
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(_play(sequence, Path(folder)))
