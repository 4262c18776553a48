"""Any sequence of the kinds people type: no accidental new reframe, no non-answer kept."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot import dialogue, engine
from bot.domain import Pending, Session, Step
from tests.conftest import START, say
from tests.test_engine import ANSWERS, walk_to

EXITS = ("stop", "quit", "exit", "I want to stop", "leave me alone")
QUESTIONS_BACK = ("what do you mean?", "why?", "like what?", "can you give an example?")
NOT_KNOWING = ("I don't know", "no idea", "dunno", "not sure")
ACKS = ("👍", "ok", "thanks!", "cool thanks", "🙏")
PLAN_ASKS = ("show my plan", "what was my plan?")
GREETINGS = ("hi", "hello there")
NUDGE_WORDS = ("they said yes in the end!", "Got a maybe", "still a no", "not yet", "in 3 weeks")
NEW_SETBACKS = ("My landlord refused to fix the heating", "The bank declined my loan again")
NEVER_STORED = frozenset(EXITS + QUESTIONS_BACK + NOT_KNOWING)
KINDS = EXITS + QUESTIONS_BACK + NOT_KNOWING + ACKS + PLAN_ASKS + GREETINGS + NUDGE_WORDS

messages = st.lists(
    st.one_of(
        st.sampled_from(KINDS),
        st.sampled_from(NEW_SETBACKS),
        st.sampled_from(("restart", "yes", "no", "answer")),
    ),
    max_size=12,
)
starts = st.sampled_from([*dialogue.counted({}), Step.SUMMARY])


def _start_at(at: Step) -> Session:
    if at is Step.SUMMARY:
        return engine.step(walk_to(Step.SUCCESS), say(ANSWERS[Step.SUCCESS]), START).session
    return walk_to(at)


@settings(max_examples=150, deadline=None)
@given(starts, messages)
def test_no_second_session_by_accident_and_no_non_answer_kept(at: Step, typed: list[str]) -> None:
    """A second session starts only on a new no or a confirmed restart; exits, questions back
    and not knowing are never stored as answers."""
    session = _start_at(at)
    for text in typed:
        if text == "answer":
            text = ANSWERS.get(session.step, "A plain answer of my own")
        confirming = session.pending is Pending.RESTART and text == "yes"
        after = engine.step(session, say(text), START).session
        if after.number != session.number:
            told = text in NEW_SETBACKS or text == ANSWERS[Step.SETBACK]
            assert told or text == "restart" or confirming, text
        for at_step in dialogue.DIALOGUE:
            assert after.answers.get(at_step.value) not in NEVER_STORED, (at_step, text)
        session = after
