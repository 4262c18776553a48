"""Pure translation between Discord's payload values and the coach's types; never raises.

Every function takes plain values (ids, strings, None), not discord.py objects, so each can be
fuzzed without a client. Malformed input gives None, never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.adapters.base import split_text
from bot.commands import CommandName, parse_command
from bot.domain import Attachment, Button, Inbound, InboundKind, Message, Origin, UserKey

PLATFORM = "discord"
# Discord user ids are global snowflakes, so one workspace for every user: a person gets the
# same key (and the same conversation, reminders and export) from a DM and from /reframe in
# any guild. A DM carries no guild, so a per-guild key would split one person in two.
WORKSPACE = "discord"

MESSAGE_LIMIT = 2000
BUTTONS_PER_ROW = 5
MAX_ROWS = 5
LABEL_LIMIT = 80
CUSTOM_ID_LIMIT = 100

# rf:{session}:{step}:{choice}. discord.py full-matches this template against every pressed
# custom_id, so a button works after a restart with no view kept in memory.
CUSTOM_ID_TEMPLATE = (
    r"rf:(?P<session>[0-9]{1,9})"
    r":(?P<step>[a-z][a-z_]{0,31})"
    r":(?P<choice>[A-Za-z0-9][A-Za-z0-9_-]{0,39})"
)
_CUSTOM_ID = re.compile(CUSTOM_ID_TEMPLATE)
_SNOWFLAKE = re.compile(r"[0-9]{1,20}")
# Message types a person writes (https://discord.com/developers/docs/resources/message
# #message-object-message-types): DEFAULT 0 and REPLY 19. Every other type is a system
# notice in the channel (a pin, a call, a thread created) with no words for the coach.
USER_MESSAGE_TYPES = (0, 19)


@dataclass(frozen=True, slots=True)
class ButtonRef:
    """What a button's custom_id names: the session, the step it answers, the choice."""

    session_number: int
    step: str
    choice: str

    @property
    def custom_id(self) -> str:
        """The custom_id Discord stores on the button."""
        return f"rf:{self.session_number}:{self.step}:{self.choice}"


@dataclass(frozen=True, slots=True)
class Piece:
    """One Discord message to send: at most 2,000 characters, buttons and file on the last."""

    text: str
    buttons: tuple[tuple[Button, ButtonRef], ...] = ()
    attachment: Attachment | None = None


def snowflake(value: object) -> str | None:
    """A Discord id as a decimal string, or None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value) if 0 < value < 2**64 else None
    if isinstance(value, str) and _SNOWFLAKE.fullmatch(value) and 0 < int(value) < 2**64:
        return str(int(value))
    return None


def user_key(user_id: object) -> UserKey | None:
    """The coach's key for a Discord user, the same in DMs and in every guild."""
    found = snowflake(user_id)
    return UserKey(PLATFORM, WORKSPACE, found) if found is not None else None


def dm_inbound(
    *,
    author_id: object,
    author_is_bot: object,
    own_id: object,
    in_dm: object,
    content: object,
    message_id: object,
    message_type: object = 0,
) -> Inbound | None:
    """A message the coach should answer: only a person's DM to the bot, never a channel's,
    and only one they wrote (a default message or a reply), not a pin notice or a call."""
    if in_dm is not True or author_is_bot is not False or not isinstance(content, str):
        return None
    if type(message_type) is not int or message_type not in USER_MESSAGE_TYPES:
        return None
    user = user_key(author_id)
    event = snowflake(message_id)
    if user is None or event is None or user.user_id == snowflake(own_id):
        return None
    return Inbound(user, InboundKind.MESSAGE, text=content, event_id=f"discord:{event}")


def command_inbound(
    *,
    user_id: object,
    guild_id: object,
    channel_id: object,
    setback: object,
    interaction_id: object,
    locale: object = None,
) -> Inbound | None:
    """A /reframe [setback]: a start, with the channel as origin when typed in a guild."""
    user = user_key(user_id)
    event = snowflake(interaction_id)
    if user is None or event is None:
        return None
    text = setback if isinstance(setback, str) else ""
    channel = snowflake(channel_id) if guild_id is not None else None
    return Inbound(
        user,
        InboundKind.START,
        text=text,
        origin=Origin(channel),
        event_id=f"discord:{event}",
        locale_hint=_locale(locale),
    )


def answered_in_place(setback: object) -> bool:
    """Whether a /reframe is answered where it was typed, seen only by the caller (`plan`).

    Everything else moves to the DM; a plan is only shown, so it needs no conversation.
    """
    command = parse_command(setback) if isinstance(setback, str) else None
    return command is not None and command.name is CommandName.PLAN


def parse_custom_id(custom_id: object) -> ButtonRef | None:
    """The session, step and choice a button names, or None for anything else."""
    if not isinstance(custom_id, str):
        return None
    match = _CUSTOM_ID.fullmatch(custom_id)
    if match is None:
        return None
    return ButtonRef(int(match["session"]), match["step"], match["choice"])


def make_ref(session_number: int | None, step: str | None, choice: str) -> ButtonRef | None:
    """A button reference for a rendered choice, or None when it cannot be a valid custom_id."""
    if session_number is None or step is None:
        return None
    return parse_custom_id(f"rf:{session_number}:{step}:{choice}")


def _locale(value: object) -> str | None:
    """The user's client locale of an interaction ("en-US"), if plausible."""
    text = str(value) if value is not None else ""
    return text if 0 < len(text) <= 32 and text.isprintable() else None


def button_inbound(
    *, user_id: object, custom_id: object, interaction_id: object, locale: object = None
) -> Inbound | None:
    """A pressed coach button, or None when the custom_id is not one of ours."""
    user = user_key(user_id)
    ref = parse_custom_id(custom_id)
    event = snowflake(interaction_id)
    if user is None or ref is None or event is None:
        return None
    return Inbound(
        user,
        InboundKind.BUTTON,
        choice=ref.choice,
        session_number=ref.session_number,
        button_step=ref.step,
        event_id=f"discord:{event}",
        locale_hint=_locale(locale),
    )


def pieces(message: Message) -> list[Piece]:
    """A coach message cut to Discord's limits: buttons and the attachment on the last piece."""
    texts = [text for text in split_text(message.text, MESSAGE_LIMIT) if text.strip()]
    buttons: list[tuple[Button, ButtonRef]] = []
    for button in message.buttons[: BUTTONS_PER_ROW * MAX_ROWS]:
        ref = make_ref(message.session_number, message.step, button.id)
        if ref is not None:
            buttons.append((Button(button.id, button.label[:LABEL_LIMIT] or button.id), ref))
    if not texts:
        if not buttons and message.attachment is None:
            return []
        texts = ["\u200b"]  # Discord refuses a message with components but no content.
    out = [Piece(text) for text in texts[:-1]]
    out.append(Piece(texts[-1], tuple(buttons), message.attachment))
    return out
