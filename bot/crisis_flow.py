"""The safety flow around the reframe: the direct question, the crisis reply, and listening after.

Pure like the engine: step(session, inbound, screening, now, country_known) -> Transition, or
None when safety has nothing to do and the engine should take the message.

- A possible risk gets the direct question, "are you thinking about ending your life?"
  (yes / no / not sure, pressed or typed). "No" goes back to the reframe where it was; "yes"
  or "not sure" gets the crisis reply.
- A crisis reply pauses an open conversation (a closed one stays closed), cancels its nudges,
  keeps the message in the session's answers (so export and forget cover it), and asks once
  which country the user is in when that is unknown.
- After it, every message is read for safety first: danger repeats the emergency line first;
  only the user's own words that they are safe right now lead back to coaching; "stop"
  repeats the lines before it ends.

Every reply is in the language of the message that started the flow, or of a later one when
the person switches (es, de, fr, pt; else English): bot/language.py tells it, the flow keeps it
in `pending_data`, and the keys name it ("crisis.stop_es", prompts/safety_es.toml).
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from types import MappingProxyType

from bot import dialogue, engine, intents, language
from bot.choice_words import read_choice
from bot.commands import CommandName, parse_command
from bot.crisis_lines import OTHER_COUNTRY
from bot.domain import (
    CancelNudges,
    Choice,
    Inbound,
    InboundKind,
    Pending,
    Reply,
    Session,
    SetCountry,
    Status,
    Step,
    Transition,
)
from bot.safety import Concern, Screening, Tier
from bot.safety.answers import (
    FollowUp,
    RiskAnswer,
    declined,
    follow_up,
    named_means_or_time,
    risk_answer,
)
from bot.text import as_number

RISK_STEP = Pending.RISK_CHECK.value
RISK_CHOICES = ("yes", "no", "unsure")
CRISIS_STEP = Pending.CRISIS.value
CRISIS_CHOICES = ("lines", "stop")
COUNTRY_STEP = "country"
# A short list (the countries with the most users of the five languages) plus "other";
# any country in prompts/crisis_resources.toml may also be typed by name.
COUNTRY_CHOICES = ("US", "GB", "CA", "AU", "IE", "IN", "DE", "FR", "ES", "BR", "other")
CRISIS_ANSWER = "crisis_message"
LISTENING = (Pending.CRISIS, Pending.CRISIS_CHECK)
SAFETY_PENDING = (*LISTENING, Pending.RISK_CHECK)
# Every prompt key this module can emit (checked by the prompt loader).
PROMPT_KEYS = (
    *(f"crisis.{concern.value}" for concern in Concern),
    "crisis.danger_now",
    "crisis.check",
    "crisis.make_sure",
    "crisis.make_sure_danger",
    "crisis.lines",
    "crisis.safe",
    "crisis.safe_closed",
    "crisis.stop",
    "crisis.quiet",
    "risk.ask",
    "risk.reprompt",
    "risk.no",
    "risk.declined",
    "country.ask",
    "country.set",
    *(f"{RISK_STEP}.choice.{choice}" for choice in RISK_CHOICES),
    *(f"{CRISIS_STEP}.choice.{choice}" for choice in CRISIS_CHOICES),
    *(f"{COUNTRY_STEP}.choice.{choice}" for choice in COUNTRY_CHOICES),
)
# Commands that would leave the flow without the user's word that they are safe.
_HELD_COMMANDS = (CommandName.RESTART, CommandName.BACK, CommandName.SKIP)


def _choices(prefix: str, ids: tuple[str, ...], lang: str) -> tuple[Choice, ...]:
    return tuple(
        Choice(choice, language.keyed(f"{prefix}.choice.{choice}", lang)) for choice in ids
    )


def _lines(key: str, concern: str, lang: str) -> Reply:
    """A reply that carries the crisis lines for a concern (the service fills them in)."""
    return Reply(
        language.keyed(key, lang),
        {"concern": concern},
        choices=_choices(CRISIS_STEP, CRISIS_CHOICES, lang),
        choice_step=CRISIS_STEP,
    )


def _concern(session: Session) -> str:
    """The concern of the crisis reply being listened after ("suicide")."""
    return (session.pending_data or Concern.SUICIDE.value).split()[0]


def _language(session: Session, inbound: Inbound | None = None) -> str:
    """The flow's language: the message's own when it tells one, else the one kept."""
    said = language.spoken(inbound.text) if inbound is not None and inbound.text else None
    if said is not None:
        return said
    if session.pending is Pending.RISK_CHECK:
        return str(json.loads(session.pending_data or "{}").get("language", "en"))
    if session.pending in LISTENING:
        # "suicide es": the concern, then the language (older sessions kept the concern only).
        return ((session.pending_data or "").split()[1:] or ["en"])[0]
    return "en"


def step(
    session: Session,
    inbound: Inbound,
    found: Screening | None,
    now: datetime,
    *,
    country_known: bool,
    country_typed: str | None = None,
) -> Transition | None:
    """Safety's answer to one thing the user did, or None to let the engine answer.

    `found` is the screening of the message with the earlier ones; `country_typed` is the
    country code the message names, if it names one.
    """
    if session.pending in LISTENING:
        return _listening(session, _typed_choice(inbound, country_known), found, now, country_typed)
    if session.pending is Pending.RISK_CHECK:
        return _risk_answer(session, inbound, found, now, country_known)
    if found is None:
        return None
    lang = _language(session, inbound)
    if found.tier is Tier.CRISIS:
        return crisis(
            session, found.concern.value, inbound.text, now, country_known=country_known, lang=lang
        )
    held = {"concern": found.concern.value, "text": inbound.text, "language": lang}
    asked = replace(
        session, updated_at=now, pending=Pending.RISK_CHECK, pending_data=json.dumps(held)
    )
    return Transition(asked, (_risk_question("risk.ask", lang),))


def _risk_question(key: str, lang: str) -> Reply:
    return Reply(
        language.keyed(key, lang),
        choices=_choices(RISK_STEP, RISK_CHOICES, lang),
        choice_step=RISK_STEP,
    )


def crisis(
    session: Session,
    concern: str,
    text: str,
    now: datetime,
    *,
    country_known: bool,
    lang: str = "en",
) -> Transition:
    """The crisis reply: pause an open conversation, keep the message, cancel nudges."""
    paused = replace(
        _kept(session, text, now),
        # A crisis never revives a conversation that was cancelled or finished.
        status=Status.PAUSED if session.is_open else session.status,
        pending=Pending.CRISIS,
        pending_data=concern if lang == "en" else f"{concern} {lang}",
    )
    replies = [_lines(f"crisis.{concern}", concern, lang)]
    if not country_known:
        replies.append(
            Reply(
                language.keyed("country.ask", lang),
                choices=_choices(COUNTRY_STEP, COUNTRY_CHOICES, lang),
                choice_step=COUNTRY_STEP,
            )
        )
    return Transition(paused, tuple(replies), (CancelNudges(),))


def _kept(session: Session, text: str, now: datetime) -> Session:
    """The session with a message of the crisis added to its history (export and forget see it)."""
    if not text:
        return replace(session, updated_at=now)
    answers = dict(session.answers)
    earlier = answers.get(CRISIS_ANSWER)
    answers[CRISIS_ANSWER] = f"{earlier}\n{text}" if earlier else text
    return replace(session, updated_at=now, answers=MappingProxyType(answers))


def _risk_answer(
    session: Session, inbound: Inbound, found: Screening | None, now: datetime, known: bool
) -> Transition:
    """The answer to the direct question."""
    held = json.loads(session.pending_data or "{}")
    concern = str(held.get("concern", Concern.SUICIDE.value))
    lang = _language(session, inbound)
    number = as_number(inbound.text.strip()) if inbound.kind is InboundKind.MESSAGE else None
    if inbound.kind is InboundKind.BUTTON:
        answer = RiskAnswer(inbound.choice) if inbound.choice in RISK_CHOICES else None
    elif number is not None and 1 <= number <= len(RISK_CHOICES):
        # The terminal numbers the choices: "3" is "I'm not sure".
        answer = RiskAnswer(RISK_CHOICES[number - 1])
    elif found is not None and found.tier is Tier.CRISIS:
        answer = RiskAnswer.YES
    elif declined(inbound.text):
        # "No quiero hablar de eso" starts with a no but answers nothing.
        answer = None
    else:
        answer = risk_answer(inbound.text, risky=found is not None)
    if answer is None:
        return _not_an_answer(session, inbound, concern, now, lang)
    if answer is not RiskAnswer.NO:
        text = str(held.get("text", ""))
        return crisis(session, concern, text, now, country_known=known, lang=lang)
    return _carry_on(session, inbound, now, Reply(language.keyed("risk.no", lang)))


def _carry_on(session: Session, inbound: Inbound, now: datetime, first: Reply) -> Transition:
    """Back to the reframe after the direct question, `first` said before its next question."""
    held = json.loads(session.pending_data or "{}")
    cleared = replace(session, updated_at=now, pending=None, pending_data=None)
    said = str(held.get("text", ""))
    if not _was_an_answer(cleared, said):
        # Words of distress typed at an open question are not its answer: asked again.
        return Transition(cleared, (first, *_ask_again(cleared)))
    # The message the question interrupted goes on as it would have: the setback, or a
    # choice typed with a note ("soft, he caves if you nag him") - never lost.
    story = Inbound(session.user, text=said, timezone=inbound.timezone)
    taken = engine.step(cleared, story, now)
    return replace(taken, replies=(first, *taken.replies))


def _was_an_answer(session: Session, said: str) -> bool:
    """Whether the message held at the direct question told the setback or named a choice."""
    if not said.strip() or not session.is_open:
        return False
    if session.step in (Step.WELCOME, Step.SETBACK):
        return True
    question = engine.QUESTIONS.get(session.step)
    if question is None or not question.choices:
        return False
    offered = dialogue.choices(session.step, session.answers)
    return read_choice(said, offered)[0] is not None


def _not_an_answer(
    session: Session, inbound: Inbound, concern: str, now: datetime, lang: str
) -> Transition:
    """Anything but yes, no or not sure at the direct question: nobody is held there.

    Stopping ends the conversation with the lines once more; declining to answer is
    respected, with the lines, and the reframe goes on; a command is carried out and the
    question asked again; anything else asks it again.
    """
    command = parse_command(inbound.text) if inbound.kind is InboundKind.MESSAGE else None
    wants = intents.free_text(inbound.text) if inbound.text.strip() else None
    if (command is not None and command.name is CommandName.CANCEL) or (
        command is None and wants is intents.Intent.EXIT and not declined(inbound.text)
    ):
        return _stop(session, concern, now, lang)
    if (command is not None and command.name is CommandName.SKIP) or (
        command is None and (wants is intents.Intent.SKIP or declined(inbound.text))
    ):
        declining = Reply(language.keyed("risk.declined", lang), {"concern": concern})
        return _carry_on(session, inbound, now, declining)
    if command is not None and command.name not in _HELD_COMMANDS:
        # help, export, plan, forget me...: done, then the question again if it still stands.
        done = engine.step(replace(session, pending=None), inbound, now)
        if done.session.pending is None:
            kept = replace(
                done.session, pending=Pending.RISK_CHECK, pending_data=session.pending_data
            )
            again = _risk_question("risk.reprompt", lang)
            return replace(done, session=kept, replies=(*done.replies, again))
        return done
    held = {**json.loads(session.pending_data or "{}"), "language": lang}
    asked = replace(session, pending_data=json.dumps(held))
    return Transition(asked, (_risk_question("risk.reprompt", lang),))


def _ask_again(session: Session) -> tuple[Reply, ...]:
    if session.is_open and session.step in engine.QUESTIONS:
        return (engine.ask(session.step, session),)
    return ()


def _typed_choice(inbound: Inbound, country_known: bool) -> Inbound:
    """A typed number or label of the last menu shown after a crisis reply, as its button."""
    if inbound.kind is not InboundKind.MESSAGE:
        return inbound
    typed = inbound.text.strip().lower().rstrip(".")
    # The country question comes last while the country is unknown; then the two ways on.
    step, choices = (
        (COUNTRY_STEP, COUNTRY_CHOICES)
        if not country_known
        else (
            CRISIS_STEP,
            CRISIS_CHOICES,
        )
    )
    number = as_number(typed)
    if number is not None and 1 <= number <= len(choices):
        chosen = choices[number - 1]
    elif typed in _TYPED_CRISIS_CHOICES:
        step, chosen = CRISIS_STEP, _TYPED_CRISIS_CHOICES[typed]
    else:
        return inbound
    return replace(inbound, kind=InboundKind.BUTTON, choice=chosen, button_step=step)


# The buttons' words, typed (prompts/safety*.toml [crisis.choice]).
_TYPED_CRISIS_CHOICES = {
    "show the lines again": "lines",
    "lines": "lines",
    "stop for today": "stop",
    "ver las líneas otra vez": "lines",
    "parar por hoy": "stop",
    "die stellen noch einmal zeigen": "lines",
    "für heute aufhören": "stop",
    "revoir les lignes": "lines",
    "arrêter pour aujourd'hui": "stop",
    "ver as linhas de novo": "lines",
    "parar por hoje": "stop",
}


def _listening(
    session: Session,
    inbound: Inbound,
    found: Screening | None,
    now: datetime,
    country_typed: str | None,
) -> Transition | None:
    """After a crisis reply: safety first, for every message."""
    concern = _concern(session)
    lang = _language(session, inbound)
    # A switch of language is kept for the next replies.
    session = replace(session, pending_data=concern if lang == "en" else f"{concern} {lang}")
    if inbound.kind is InboundKind.BUTTON:
        if inbound.button_step == COUNTRY_STEP and inbound.choice in COUNTRY_CHOICES:
            return _country(session, inbound.choice, concern, lang)
        if inbound.button_step == CRISIS_STEP and inbound.choice == "stop":
            return _stop(session, concern, now, lang)
        # "Show the lines again", or a button from before the crisis: never a way out.
        return Transition(session, (_lines("crisis.lines", concern, lang),))
    command = parse_command(inbound.text)
    if command is not None and command.name is CommandName.CANCEL:
        return _stop(session, concern, now, lang)
    if command is not None and command.name not in _HELD_COMMANDS:
        return None  # help, export, forget me, status... answered by the engine
    if country_typed is not None:
        return _country(session, country_typed, concern, lang)
    if found is not None and found.tier is Tier.CRISIS and found.concern.value != concern:
        # A new kind of danger ("he hits me" after talk of suicide) gets its own lines.
        return crisis(
            session, found.concern.value, inbound.text, now, country_known=True, lang=lang
        )
    earlier = session.answers.get(CRISIS_ANSWER, "")
    said = follow_up(inbound.text, found, immediate=named_means_or_time(earlier))
    if said is FollowUp.DANGER:
        kept = _kept(session, inbound.text, now)
        return Transition(kept, (_lines("crisis.danger_now", concern, lang),))
    if said is FollowUp.MINIMISING:
        # A bare "I'm fine" after the pills or "tonight" were named: asked once more, plainly.
        key = "crisis.make_sure_danger" if concern == Concern.DANGER.value else "crisis.make_sure"
        return Transition(session, (_lines(key, concern, lang),))
    if said is FollowUp.SAFE:
        return _safe(session, now, lang)
    if said is FollowUp.STOP:
        return _stop(session, concern, now, lang)
    if said is FollowUp.QUIET:
        # Not wanting to talk is respected, and is no way out: the coach stays, the lines in
        # view, and only asks whether they are safe; "stop" still ends it.
        return Transition(session, (_lines("crisis.quiet", concern, lang),))
    return Transition(session, (_lines("crisis.check", concern, lang),))


def _country(session: Session, code: str, concern: str, lang: str) -> Transition:
    chosen = OTHER_COUNTRY if code == "other" else code
    return Transition(session, (_lines("country.set", concern, lang),), (SetCountry(chosen),))


def _safe(session: Session, now: datetime, lang: str) -> Transition:
    """The user's own word that they are safe right now: back to coaching, gently."""
    cleared = replace(session, updated_at=now, pending=None, pending_data=None)
    if session.status is Status.PAUSED:
        resumed = replace(cleared, status=Status.ACTIVE)
        safe = Reply(language.keyed("crisis.safe", lang))
        return Transition(resumed, (safe, *_ask_again(resumed)))
    return Transition(cleared, (Reply(language.keyed("crisis.safe_closed", lang)),))


def _stop(session: Session, concern: str, now: datetime, lang: str) -> Transition:
    """Stop: the lines once more, then the conversation ends."""
    stopped = replace(
        session,
        updated_at=now,
        pending=None,
        pending_data=None,
        status=Status.CANCELLED if session.is_open else session.status,
    )
    stop = Reply(language.keyed("crisis.stop", lang), {"concern": concern})
    return Transition(stopped, (stop,), (CancelNudges(),))


def greet(session: Session) -> Transition | None:
    """What to say when the user opens the chat inside the safety flow, or None."""
    lang = _language(session)
    if session.pending in LISTENING:
        return Transition(session, (_lines("crisis.check", _concern(session), lang),))
    if session.pending is Pending.RISK_CHECK:
        return Transition(session, (_risk_question("risk.reprompt", lang),))
    return None
