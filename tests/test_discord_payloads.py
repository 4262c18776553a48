"""Pure Discord payload translation: ids, DMs, /reframe, custom_ids and message pieces."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.adapters.discord_payloads import (
    CUSTOM_ID_LIMIT,
    MESSAGE_LIMIT,
    ButtonRef,
    button_inbound,
    command_inbound,
    dm_inbound,
    make_ref,
    parse_custom_id,
    pieces,
    user_key,
)
from bot.domain import Attachment, Button, InboundKind, Message, Origin, UserKey

USER = 424242424242424242
BOT = 900000000000000002
anything = st.one_of(st.none(), st.booleans(), st.integers(), st.text(), st.floats(), st.binary())


def dm(**changes: object) -> dict[str, object]:
    """The arguments of an ordinary DM from a person."""
    values: dict[str, object] = {
        "author_id": USER,
        "author_is_bot": False,
        "own_id": BOT,
        "in_dm": True,
        "content": "my boss said no",
        "message_id": 11,
    }
    return values | changes


def test_a_person_has_one_key_in_dms_and_every_guild() -> None:
    """The user key ignores where the user came from: DM and guild /reframe match."""
    from_dm = dm_inbound(**dm())
    from_guild = command_inbound(
        user_id=USER, guild_id=1, channel_id=2, setback="", interaction_id=3
    )
    assert from_dm is not None and from_guild is not None
    assert from_dm.user == from_guild.user == UserKey("discord", "discord", str(USER))


def test_a_dm_from_a_person_becomes_a_message() -> None:
    """A person's DM becomes a MESSAGE with its text and a discord: event id."""
    inbound = dm_inbound(**dm())
    assert inbound is not None
    assert (inbound.kind, inbound.text, inbound.event_id) == (
        InboundKind.MESSAGE,
        "my boss said no",
        "discord:11",
    )
    assert inbound.timezone_hint is None


def test_channel_messages_bots_and_the_bot_itself_are_ignored() -> None:
    """Guild messages, bots' messages and the bot's own messages give None."""
    assert dm_inbound(**dm(in_dm=False)) is None
    assert dm_inbound(**dm(author_is_bot=True)) is None
    assert dm_inbound(**dm(author_id=BOT)) is None


def test_only_default_messages_and_replies_are_read() -> None:
    """A default message (0) and a reply (19) are read; a pin notice (6), a call (3), a
    thread created (18) and anything not an int are not."""
    assert dm_inbound(**dm(message_type=0)) is not None
    assert dm_inbound(**dm(message_type=19)) is not None
    for other in (6, 3, 18, 7, "0", None, True, 0.0):
        assert dm_inbound(**dm(message_type=other, content="")) is None


def test_reframe_in_a_guild_keeps_the_channel_as_origin() -> None:
    """/reframe in a guild starts with the setback and the channel as origin; in a DM, none."""
    guild = command_inbound(
        user_id=USER, guild_id=1, channel_id=55, setback="landlord said no", interaction_id=9
    )
    direct = command_inbound(
        user_id=USER, guild_id=None, channel_id=66, setback=None, interaction_id=10
    )
    assert guild is not None and direct is not None
    assert (guild.kind, guild.text, guild.origin) == (
        InboundKind.START,
        "landlord said no",
        Origin("55"),
    )
    assert (direct.text, direct.origin) == ("", Origin(None))


def test_custom_ids_round_trip() -> None:
    """A button reference survives its custom_id, nudges included."""
    for ref in (ButtonRef(1, "boundary", "soft"), ButtonRef(12, "nudge_date", "1w")):
        assert parse_custom_id(ref.custom_id) == ref
        assert len(ref.custom_id) <= CUSTOM_ID_LIMIT


def test_foreign_or_malformed_custom_ids_are_refused() -> None:
    """Other bots' ids, missing parts and too-long parts give None."""
    for raw in (
        "",
        "rf:1:boundary",
        "xx:1:boundary:soft",
        "rf:a:boundary:soft",
        "rf:1:Boundary:soft",
        "rf:1:boundary:soft:extra",
        "rf:1:b:" + "c" * 41,
    ):
        assert parse_custom_id(raw) is None
    assert make_ref(None, "boundary", "soft") is None


def test_a_button_press_becomes_a_button_inbound() -> None:
    """A press of rf:3:nudge:yes is a BUTTON for session 3, step nudge, choice yes."""
    inbound = button_inbound(user_id=USER, custom_id="rf:3:nudge:yes", interaction_id=77)
    assert inbound is not None
    assert (inbound.kind, inbound.session_number, inbound.button_step, inbound.choice) == (
        InboundKind.BUTTON,
        3,
        "nudge",
        "yes",
    )


@given(anything, anything, anything, anything, anything, anything)
def test_malformed_payload_values_never_raise(
    a: object, b: object, c: object, d: object, e: object, f: object
) -> None:
    """Any values at all give an Inbound or None, never an exception."""
    dm_inbound(author_id=a, author_is_bot=b, own_id=c, in_dm=d, content=e, message_id=f)
    dm_inbound(**dm(message_type=a))
    command_inbound(user_id=a, guild_id=b, channel_id=c, setback=d, interaction_id=e)
    button_inbound(user_id=a, custom_id=b, interaction_id=c)
    parse_custom_id(a)
    user_key(b)


@given(st.text(max_size=9000))
def test_pieces_fit_discord_and_keep_buttons_last(text: str) -> None:
    """Every piece fits in 2,000 characters; only the last has the buttons and the file."""
    message = Message(
        text,
        buttons=(Button("soft", "Soft"),),
        step="boundary",
        session_number=1,
        attachment=Attachment("x.json", b"{}"),
    )
    out = pieces(message)
    assert out and all(0 < len(piece.text) <= MESSAGE_LIMIT for piece in out)
    assert all(not piece.buttons and piece.attachment is None for piece in out[:-1])
    assert out[-1].buttons and out[-1].attachment is not None


def test_the_bucket_sweep_runs_at_most_once_per_interval() -> None:
    """discord.py's bucket sweep, called on every new bucket, really runs once per interval."""
    import discord

    from bot.adapters.discord_client import throttle_bucket_sweep

    http = discord.http.HTTPClient(loop=None)  # type: ignore[arg-type]
    calls: list[int] = []
    http._try_clear_expired_ratelimits = lambda: calls.append(1)  # type: ignore[method-assign]
    throttle_bucket_sweep(http, interval=3600)
    for _ in range(1000):
        http._try_clear_expired_ratelimits()
    assert calls == [1]
