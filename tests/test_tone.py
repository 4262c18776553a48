"""The words that answer a setback fit it: no filler quoted back, a gentler opening for a loss."""

from __future__ import annotations

import pytest

from bot import engine
from bot.domain import Step
from bot.plan import card_reply
from tests.conftest import START, say
from tests.test_engine import fresh, keys, walk_to


@pytest.mark.parametrize("typed", ["ok new one", "another one", "new reframe please", "so, hi"])
@pytest.mark.parametrize("first", [True, False])
def test_filler_or_a_request_is_not_taken_as_the_no(typed: str, first: bool) -> None:
    """ "ok new one" asks for the no again; nothing is stored and nothing is quoted back."""
    session = fresh() if first else walk_to(Step.SETBACK)
    transition = engine.step(session, say(typed), START)
    assert "setback" not in transition.session.answers
    assert keys(transition)[-1] == "setback.ask"
    assert "setback.heard" not in keys(transition)


@pytest.mark.parametrize(
    ("typed", "gist"),
    [
        ("ok new one: my boss said no to a raise", "my boss said no to a raise"),
        ("So, the landlord refused the repair", "the landlord refused the repair"),
        (
            "Next week's trip was refused by my manager",
            "Next week's trip was refused by my manager",
        ),
    ],
)
def test_the_echo_quotes_the_no_without_the_filler_before_it(typed: str, gist: str) -> None:
    """The setback is kept as typed; the line that reflects it quotes only the no itself."""
    transition = engine.step(walk_to(Step.SETBACK), say(typed), START)
    assert transition.session.answers["setback"] == typed
    heard = transition.replies[0]
    assert (heard.key, heard.variables["gist"]) == ("setback.heard", gist)


@pytest.mark.parametrize(
    "typed",
    [
        "my dad died and my manager said no to more leave",
        "We lost our baby last month and HR refused my request",
        "my mum passed away, and the airline won't refund the flight",
        "after the funeral my landlord said no to paying late",
        "my grandma passed last week, and HR said no",
        "our dog had to be put down and the vet bill was refused",
    ],
)
@pytest.mark.parametrize("first", [True, False])
def test_a_loss_gets_a_gentle_opening_with_nothing_quoted(typed: str, first: bool) -> None:
    """A no told with a death in it is met gently, not with the upbeat "a real no" line."""
    session = fresh() if first else walk_to(Step.SETBACK)
    transition = engine.step(session, say(typed), START)
    assert "setback.heard_loss" in keys(transition)
    assert "setback.heard" not in keys(transition)
    assert transition.session.answers["setback"] == typed


@pytest.mark.parametrize(
    "typed",
    [
        "the project died and my boss said no",
        "my friend passed the exam but I failed mine",
        "my dad passed on the offer to co-sign the loan",
        "they killed my proposal",
    ],
)
def test_a_no_that_only_borrows_words_of_loss_keeps_the_usual_echo(typed: str) -> None:
    """ "The project died" or "passed the exam" are no bereavement: the usual line quotes them."""
    transition = engine.step(walk_to(Step.SETBACK), say(typed), START)
    assert keys(transition)[0] == "setback.heard"


EMAIL = (
    "client email below:\nHi Sam,\nThanks for sending this over. After some thought we have "
    "decided not to renew the contract this year.\nBest,\nJo"
)


@pytest.mark.parametrize(
    ("typed", "gist"),
    [
        (EMAIL, "After some thought we have decided not to renew the contract this year"),
        (
            "here is what my landlord sent: We cannot approve the repair until spring.",
            "We cannot approve the repair until spring",
        ),
        (
            "Forwarded message\nFrom: hr@example.com\nSubject: Your application\nDear Alex, "
            "thank you for applying. We regret to say we chose other candidates.",
            "We regret to say we chose other candidates",
        ),
        ("My manager said no: not this year", "My manager said no: not this year"),
    ],
)
def test_a_pasted_message_is_quoted_by_its_substance_not_its_preamble(
    typed: str, gist: str
) -> None:
    """ "client email below: …" is kept whole; the echo quotes the refusal, not the preamble."""
    transition = engine.step(walk_to(Step.SETBACK), say(typed), START)
    assert transition.session.answers["setback"] == typed
    heard = transition.replies[0]
    assert heard.variables["gist"] == gist
    assert "below" not in heard.variables["gist"]


def test_the_plan_card_shows_the_substance_of_a_pasted_no() -> None:
    """The plan card's no is the email's refusal, not "client email below"."""
    session = engine.step(walk_to(Step.SETBACK), say(EMAIL), START).session
    shown = card_reply(session).variables["setback"]
    assert shown.startswith("After some thought we have decided not to renew")


@pytest.mark.parametrize(
    ("typed", "gist"),
    [
        (
            "After some thought we have decided not to renew the contract this year",
            "After some thought we have decided not to renew the contract this year",
        ),
        (
            "my boss said no to me working remote two days a week because the team needs us "
            "in the office together",
            "my boss said no to me working remote two days a week…",
        ),
        (
            "the landlord said no, he wants the flat back for his son who moves to the city",
            "the landlord said no…",
        ),
    ],
)
def test_a_long_no_is_quoted_whole_or_cut_at_a_clause_or_word_that_ends_a_phrase(
    typed: str, gist: str
) -> None:
    """A long no is said back whole when nearly short enough, else cut where a phrase ends."""
    transition = engine.step(walk_to(Step.SETBACK), say(typed), START)
    assert transition.replies[0].variables["gist"] == gist


@pytest.mark.parametrize(
    ("typed", "gist"),
    [
        (
            "hola! so my jefe said no to me working remoto",
            "my jefe said no to me working remoto",
        ),
        ("that IS the no. they said not this year", "they said not this year"),
        (
            "here's the email they sent. We cannot approve the repair until spring.",
            "We cannot approve the repair until spring",
        ),
        ("another thing: my sister said no to hosting xmas", "my sister said no to hosting xmas"),
        ("oh and btw my landlord said no to the repair", "my landlord said no to the repair"),
        ("oi, meu chefe recusou o aumento", "meu chefe recusou o aumento"),
    ],
)
def test_a_greeting_or_lead_in_before_the_no_is_not_quoted_as_it(typed: str, gist: str) -> None:
    """ "hola! so my jefe said no…" is said back by its substance, never as "hola"."""
    transition = engine.step(walk_to(Step.SETBACK), say(typed), START)
    assert transition.session.answers["setback"] == typed
    heard = next(reply for reply in transition.replies if reply.key == "setback.heard")
    assert heard.variables["gist"] == gist
