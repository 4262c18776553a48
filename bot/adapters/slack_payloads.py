"""Pure Slack payload parsing: event, command and action dicts in, coach inputs out.

Every function here takes whatever JSON Slack (or an attacker, or a fuzzer) sent and returns
a value or None; none of them raises, whatever the shape of the input.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.domain import Inbound, InboundKind, Origin, UserKey

PLATFORM = "slack"
COMMAND = "/reframe"
ACTION_PREFIX = "reframe:"
ACTION_PATTERN = re.compile("^" + re.escape(ACTION_PREFIX))
# Slack itself caps a message at 40,000 characters; anything far longer is not from Slack.
MAX_TEXT = 100_000
_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
_WORD = re.compile(r"[a-z0-9_]{1,40}")
_TS = re.compile(r"[0-9]{1,20}\.[0-9]{1,10}")
_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))


@dataclass(frozen=True, slots=True)
class DirectMessage:
    """A message a user typed in their DM with the coach: its words (a file's caption), the
    thread it was written in (None at the DM's root), and whether files came with it."""

    inbound: Inbound | None
    channel_id: str
    thread_ts: str | None = None
    files: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """The coach @-mentioned in a channel: the user is pointed to their DM."""

    inbound: Inbound
    channel_id: str


@dataclass(frozen=True, slots=True)
class SlashCommand:
    """`/reframe [text]`, typed in a channel or in a DM."""

    inbound: Inbound
    channel_id: str
    in_dm: bool
    response_url: str | None


@dataclass(frozen=True, slots=True)
class ButtonPress:
    """A pressed coach button, with what is needed to update the message it sat on."""

    inbound: Inbound
    channel_id: str
    message_ts: str | None
    label: str
    blocks: tuple[Mapping[str, Any], ...]
    thread_ts: str | None = None


def unescape(text: str) -> str:
    """Slack's HTML entities back to the characters the user typed."""
    for entity, char in _ENTITIES:
        text = text.replace(entity, char)
    return text


def _get(data: object, *path: str) -> object:
    """The value at a path of keys, or None wherever a level is missing or not a dict."""
    for key in path:
        if not isinstance(data, Mapping):
            return None
        data = data.get(key)
    return data


def _id(data: object, *path: str) -> str | None:
    """A Slack id (user, team, channel, event) at a path, if it looks like one."""
    value = _get(data, *path)
    return value if isinstance(value, str) and _ID.fullmatch(value) else None


def _text(data: object, *path: str) -> str | None:
    """User text at a path: a string of sane length, or None."""
    value = _get(data, *path)
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        return None
    return unescape(value)


def _org_wide(body: object) -> bool:
    """Whether the payload is for an org-wide installation, as Bolt reads it: events say so
    in authorizations[0], other payloads at the top (a bool, or "true" in a form)."""
    authorizations = _get(body, "authorizations")
    if isinstance(authorizations, list) and authorizations:
        body = authorizations[0]
    flag = _get(body, "is_enterprise_install")
    return flag is True or flag == "true"


def workspace_of(body: object) -> str | None:
    """The workspace part of a user's key for any payload (see _team)."""
    return _team(body)


def _team(body: object) -> str | None:
    """The workspace part of a user's key, the same for every payload kind.

    For an org-wide (Enterprise Grid) installation it is the organization's id: Slack's
    payloads for those installs carry `enterprise_id` or `enterprise.id` and may carry
    `team: null` (https://api.slack.com/enterprise/apps/reference), and an organization's user
    ids are global across its workspaces (https://api.slack.com/methods/migration.exchange).
    Otherwise it is the workspace: `team_id`, `team.id`, or the user's `team_id`.
    """
    if _org_wide(body):
        authorizations = _get(body, "authorizations")
        first = authorizations[0] if isinstance(authorizations, list) and authorizations else None
        enterprise = (
            _id(body, "enterprise_id")
            or _id(body, "enterprise", "id")
            or _id(first, "enterprise_id")
        )
        if enterprise:
            return enterprise
    return _id(body, "team_id") or _id(body, "team", "id") or _id(body, "user", "team_id")


def direct_message(body: object) -> DirectMessage | None:
    """A message.im event worth a turn: typed by a person, not edited, deleted or a bot's."""
    event = _get(body, "event")
    if _get(event, "type") != "message" or _get(event, "channel_type") != "im":
        return None
    # Edits, deletions, joins, bot posts: all carry a subtype or a bot_id. A file shared
    # with a caption (file_share) is a person writing: its caption is the message.
    subtype = _get(event, "subtype")
    if subtype not in (None, "file_share") or _get(event, "bot_id") is not None:
        return None
    user, team, channel = _id(event, "user"), _team(body), _id(event, "channel")
    event_id, text = _id(body, "event_id"), _text(event, "text")
    if not (user and team and channel and event_id) or text is None:
        return None
    # A reply in a thread of the DM is answered in that thread; the conversation is the same.
    thread = _get(event, "thread_ts")
    thread_ts = thread if isinstance(thread, str) and _TS.fullmatch(thread) else None
    files = subtype == "file_share"
    if not text.strip():
        return DirectMessage(None, channel, thread_ts, files) if files else None
    inbound = Inbound(UserKey(PLATFORM, team, user), InboundKind.MESSAGE, text, event_id=event_id)
    return DirectMessage(inbound, channel, thread_ts, files)


def mention(body: object) -> Mention | None:
    """An app_mention in a channel: a START in the DM that remembers the channel."""
    event = _get(body, "event")
    if _get(event, "type") != "app_mention" or _get(event, "bot_id") is not None:
        return None
    user, team, channel = _id(event, "user"), _team(body), _id(event, "channel")
    event_id = _id(body, "event_id")
    if not (user and team and channel and event_id) or channel.startswith("D"):
        return None
    # The mention's words are not taken as a setback: they were written in public.
    inbound = Inbound(
        UserKey(PLATFORM, team, user),
        InboundKind.START,
        origin=Origin(channel),
        event_id=event_id,
    )
    return Mention(inbound, channel)


def home_opened(body: object) -> UserKey | None:
    """The user who opened the coach's Home tab (not its Messages tab)."""
    event = _get(body, "event")
    if _get(event, "type") != "app_home_opened" or _get(event, "tab") != "home":
        return None
    user, team = _id(event, "user"), _team(body)
    return UserKey(PLATFORM, team, user) if user and team else None


def slash_command(body: object) -> SlashCommand | None:
    """`/reframe [text]`: a START in the user's DM, remembering a channel it came from."""
    if _get(body, "command") != COMMAND:
        return None
    user, team, channel = _id(body, "user_id"), _team(body), _id(body, "channel_id")
    text = _text(body, "text")
    if not (user and team and channel) or text is None:
        return None
    in_dm = channel.startswith("D")
    response_url = _get(body, "response_url")
    inbound = Inbound(
        UserKey(PLATFORM, team, user),
        InboundKind.START,
        text.strip(),
        origin=Origin(None if in_dm else channel),
    )
    return SlashCommand(
        inbound,
        channel,
        in_dm,
        response_url if isinstance(response_url, str) and len(response_url) < 2000 else None,
    )


def encode_button(step: str, choice: str, session_number: int | None) -> tuple[str, str]:
    """A button's action_id (unique within its message) and value, both far under limits."""
    number = "" if session_number is None else str(session_number)
    return f"{ACTION_PREFIX}{step}:{choice}", f"{number}|{step}|{choice}"


def decode_button(value: object) -> tuple[int | None, str, str] | None:
    """The session number, step and choice a button value carries, or None if it is not ours."""
    if not isinstance(value, str) or len(value) > 200:
        return None
    parts = value.split("|")
    if len(parts) != 3:
        return None
    number, step, choice = parts
    if not (_WORD.fullmatch(step) and _WORD.fullmatch(choice)):
        return None
    if number == "":
        return None, step, choice
    if not (number.isascii() and number.isdigit() and len(number) <= 9):
        return None
    return int(number), step, choice


def button_press(body: object) -> ButtonPress | None:
    """A block_actions payload for one of the coach's buttons."""
    if _get(body, "type") != "block_actions":
        return None
    actions = _get(body, "actions")
    if not isinstance(actions, list) or not actions:
        return None
    action = actions[0]
    action_id = _get(action, "action_id")
    if not isinstance(action_id, str) or not action_id.startswith(ACTION_PREFIX):
        return None
    decoded = decode_button(_get(action, "value"))
    user, team = _id(body, "user", "id"), _team(body)
    channel = _id(body, "channel", "id") or _id(body, "container", "channel_id")
    if decoded is None or not (user and team and channel):
        return None
    number, step, choice = decoded
    ts = _get(body, "message", "ts") or _get(body, "container", "message_ts")
    thread = _get(body, "message", "thread_ts") or _get(body, "container", "thread_ts")
    label = _get(action, "text", "text")
    blocks = _get(body, "message", "blocks")
    inbound = Inbound(
        UserKey(PLATFORM, team, user),
        InboundKind.BUTTON,
        choice=choice,
        session_number=number,
        button_step=step,
    )
    return ButtonPress(
        inbound,
        channel,
        ts if isinstance(ts, str) and _TS.fullmatch(ts) else None,
        label[:200] if isinstance(label, str) else choice,
        tuple(b for b in blocks if isinstance(b, Mapping)) if isinstance(blocks, list) else (),
        thread if isinstance(thread, str) and _TS.fullmatch(thread) else None,
    )


def user_timezone(data: object) -> str | None:
    """The IANA zone in a users.info answer, if there is a plausible one."""
    zone = _get(data, "user", "tz")
    if isinstance(zone, str) and 0 < len(zone) <= 64 and zone.isprintable():
        return zone
    return None


def user_locale(data: object) -> str | None:
    """The locale ("en-US") in a users.info answer asked with include_locale, if plausible."""
    locale = _get(data, "user", "locale")
    if isinstance(locale, str) and 0 < len(locale) <= 32 and locale.isprintable():
        return locale
    return None


def channel_id(data: object) -> str | None:
    """The channel id in a conversations.open answer."""
    return _id(data, "channel", "id")
