"""The note that the coaching is in English, said once a conversation in the person's
language (prompts: `language.english_<code>`, `language.after_crisis_<code>`) (pure).

Screening and the safety texts read and speak five languages; the coaching questions are
English only for now. The note comes with the first message in another language, or, after
a crisis reply in another language, where the flow hands back to the English questions.
"""

from __future__ import annotations

from dataclasses import replace

from bot import language
from bot.domain import Inbound, InboundKind, Reply, Session, Transition


def note_once(transition: Transition, key: str, *, after: int = 0) -> Transition:
    """The transition with `key` said (after its first `after` replies), and the session
    marked as told; unchanged when the conversation was told already."""
    if transition.session.language_noted:
        return transition
    replies = transition.replies
    noted = replace(transition.session, language_noted=True)
    return replace(
        transition, session=noted, replies=(*replies[:after], Reply(key), *replies[after:])
    )


def on_a_message(before: Session, inbound: Inbound, moved: Transition) -> Transition:
    """A message typed in another language: the note, first (once a conversation)."""
    if inbound.kind is InboundKind.BUTTON or before.language_noted:
        return moved
    if not language.foreign(inbound.text):
        return moved
    code = language.which(inbound.text)
    return note_once(moved, language.keyed("language.english", code))


def after_crisis(before: Session, inbound: Inbound, moved: Transition) -> Transition:
    """Back to the questions after a crisis flow in es/de/fr/pt: the note in that language,
    after the flow's own first reply, before the (English) question; unchanged otherwise."""
    session = moved.session
    if session.pending is not None or not session.is_open or before.language_noted:
        return moved
    # Their words, else (a button pressed, "ok") the newest earlier message that tells one.
    told = (language.spoken(text) for text in (inbound.text, *reversed(before.recent)) if text)
    code = next((code for code in told if code is not None), None)
    if code not in language.LANGUAGES:
        return moved
    return note_once(moved, language.keyed("language.after_crisis", code), after=1)
