"""Coach choices as persistent Discord buttons, and the disabled copy shown once one is pressed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

import discord

from bot.adapters.discord_payloads import (
    BUTTONS_PER_ROW,
    CUSTOM_ID_TEMPLATE,
    ButtonRef,
    parse_custom_id,
)
from bot.domain import Button


@runtime_checkable
class ChoiceHandler(Protocol):
    """The client that turns a pressed coach button into a turn."""

    async def on_choice(self, interaction: discord.Interaction[Any], ref: ButtonRef) -> None:
        """Handle one press of a coach button."""
        ...


class ChoiceButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=CUSTOM_ID_TEMPLATE
):
    """A coach choice whose custom_id says all that is needed to handle it, even after a restart."""

    def __init__(self, ref: ButtonRef, label: str, *, row: int | None = None) -> None:
        super().__init__(
            discord.ui.Button(
                label=label, custom_id=ref.custom_id, style=discord.ButtonStyle.primary
            ),
            row=row,
        )
        self.ref = ref

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> ChoiceButton:
        """Rebuild the button from a pressed custom_id (the template already matched it)."""
        ref = parse_custom_id(match.string)
        if ref is None:  # Unreachable: the same regex matched; discord.py logs what we raise.
            raise ValueError("not a coach button")
        label = getattr(item, "label", None)
        return cls(ref, label if isinstance(label, str) and label else ref.choice)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Hand the press to the coach client."""
        client = interaction.client
        if isinstance(client, ChoiceHandler):
            await client.on_choice(interaction, self.ref)


def choice_view(buttons: Sequence[tuple[Button, ButtonRef]]) -> discord.ui.View | None:
    """A view with one coach button per choice, five to a row; None when there are none."""
    if not buttons:
        return None
    view = discord.ui.View(timeout=None)
    for index, (button, ref) in enumerate(buttons):
        view.add_item(ChoiceButton(ref, button.label, row=index // BUTTONS_PER_ROW))
    # Presses are routed by the registered ChoiceButton template, so discord.py need not keep
    # this view in memory for the message's lifetime: a stopped view is sent but not stored.
    view.stop()
    return view


def disabled_view(message: discord.Message, chosen: str) -> discord.ui.View:
    """The message's buttons, all disabled, the pressed one highlighted."""
    view = discord.ui.View(timeout=None)
    for row, component in enumerate(message.components[:5]):
        if not isinstance(component, discord.ActionRow):
            continue
        for child in component.children:
            if not isinstance(child, discord.components.Button) or child.custom_id is None:
                continue
            style = (
                discord.ButtonStyle.success
                if child.custom_id == chosen
                else discord.ButtonStyle.secondary
            )
            view.add_item(
                discord.ui.Button(
                    label=child.label,
                    custom_id=child.custom_id,
                    style=style,
                    disabled=True,
                    row=row,
                )
            )
    view.stop()  # Nothing to dispatch: every button is disabled.
    return view
