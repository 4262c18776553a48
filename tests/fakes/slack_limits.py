"""Slack's message and Block Kit limits, as the fake Web API enforces them.

Figures from https://api.slack.com/reference/block-kit/blocks,
https://api.slack.com/reference/block-kit/block-elements#button and
https://api.slack.com/methods/chat.postMessage (errors `invalid_blocks`, `msg_too_long`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

MESSAGE_TEXT = 40_000
MESSAGE_BLOCKS = 50
HOME_BLOCKS = 100
SECTION_TEXT = 3000
HEADER_TEXT = 150
BUTTON_TEXT = 75
ACTION_ID = 255
BUTTON_VALUE = 2000
ACTIONS_ELEMENTS = 25
CONTEXT_ELEMENTS = 10
BLOCK_TYPES = ("section", "actions", "context", "divider", "header")
# Methods that post a message (text and blocks) and the one that publishes a view.
MESSAGE_METHODS = ("chat.postMessage", "chat.postEphemeral", "chat.update")
VIEW_METHOD = "views.publish"


def _text_problem(where: str, text: object, limit: int) -> list[str]:
    if not isinstance(text, Mapping):
        return [f"{where}: a text object is required"]
    value = text.get("text")
    if not isinstance(value, str) or not value:
        return [f"{where}/text: must be a non-empty string"]
    if len(value) > limit:
        return [f"{where}/text: must be less than {limit + 1} characters"]
    return []


def _element_problems(where: str, element: Mapping[str, Any]) -> list[str]:
    problems = _text_problem(f"{where}/text", element.get("text"), BUTTON_TEXT)
    if len(str(element.get("action_id", ""))) > ACTION_ID:
        problems.append(f"{where}/action_id: must be less than {ACTION_ID + 1} characters")
    if len(str(element.get("value", ""))) > BUTTON_VALUE:
        problems.append(f"{where}/value: must be less than {BUTTON_VALUE + 1} characters")
    return problems


def block_problems(blocks: object, most: int) -> list[str]:
    """What Slack would find wrong with these blocks ([] when it would accept them)."""
    if not isinstance(blocks, Sequence):
        return ["blocks: must be an array"]
    problems = [f"blocks: must have at most {most} items"] if len(blocks) > most else []
    for index, block in enumerate(blocks):
        where = f"/blocks/{index}"
        kind = block.get("type") if isinstance(block, Mapping) else None
        if kind not in BLOCK_TYPES:
            problems.append(f"{where}: unknown block type {kind!r}")
        elif kind == "section":
            problems += _text_problem(where, block.get("text"), SECTION_TEXT)
        elif kind == "header":
            problems += _text_problem(where, block.get("text"), HEADER_TEXT)
        elif kind in ("actions", "context"):
            elements = block.get("elements") or []
            most_elements = ACTIONS_ELEMENTS if kind == "actions" else CONTEXT_ELEMENTS
            if not elements or len(elements) > most_elements:
                problems.append(f"{where}/elements: 1 to {most_elements} items")
            if kind == "actions":
                for number, element in enumerate(elements):
                    problems += _element_problems(f"{where}/elements/{number}", element)
    return problems


def refusal(method: str, args: Mapping[str, Any]) -> tuple[str, list[str]] | None:
    """Slack's error code and details for a call it would refuse over its limits, or None."""
    if method in MESSAGE_METHODS:
        if len(str(args.get("text", ""))) > MESSAGE_TEXT:
            return "msg_too_long", []
        if "blocks" in args:
            problems = block_problems(args["blocks"], MESSAGE_BLOCKS)
            if problems:
                return "invalid_blocks", problems
    if method == VIEW_METHOD:
        view = args.get("view")
        blocks = view.get("blocks") if isinstance(view, Mapping) else None
        problems = block_problems(blocks, HOME_BLOCKS)
        if problems:
            return "invalid_blocks", problems
    return None
