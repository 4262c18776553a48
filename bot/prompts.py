"""Loads and checks the coach's texts in prompts/*.toml, and renders replies with them."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.domain import Button, Message, Reply
from bot.errors import PromptError
from bot.preferences import Preferences, QuietHours, delivery_time
from bot.prompt_files import PROMPT_FILES, TRANSLATED, placeholders, read_all, translated_file
from bot.prompt_keys import KNOWN_PLACEHOLDERS, required_keys
from bot.text import as_number
from bot.timeparse import zone

# The files and their reading live in prompt_files.py; these names are used from here too.
__all__ = [
    "PROMPT_FILES",
    "TRANSLATED",
    "Catalog",
    "format_date",
    "load_catalog",
    "placeholders",
    "translated_file",
]

# Dates that are scheduled nudges: shown as they will really be sent (after quiet hours).
SCHEDULED_DATES = frozenset({"revisit_at"})
# Dates offered as a choice of day ("1 February or 2 January?"): shown without the time.
DAY_DATES = frozenset({"first", "second", "move_day"})


def format_date(iso: str, tz_name: str, now: datetime | None = None) -> str:
    """An ISO datetime shown in the user's zone, e.g. 'Friday 5 December, 10:00'."""
    try:
        moment = datetime.fromisoformat(iso).astimezone(zone(tz_name))
    except ValueError:
        return iso
    year = (
        ""
        if now is None or now.astimezone(moment.tzinfo).year == moment.year
        else f" {moment.year}"
    )
    return f"{moment:%A} {moment.day} {moment:%B}{year}, {moment:%H:%M}"


_FORMATTER = string.Formatter()
# `{count:noun|nouns}`: a count said with its noun in the right number.
PLURAL = "|"
_PUNCTUATION = re.compile(r"[\s.!?,;:]+$")
_SEPARATOR = re.compile(r"^[\s,;:.\-–—]+")
_DASH_BEFORE = re.compile(r"\s+[–—]\s*$")


@dataclass(frozen=True, slots=True)
class Catalog:
    """The validated coach texts and the extra words people may type for each choice."""

    texts: Mapping[str, str]
    aliases: Mapping[str, tuple[str, ...]]

    def text(self, key: str) -> str:
        """The raw text of a key."""
        return self.texts[key]

    def render(
        self,
        reply: Reply,
        tz_name: str,
        *,
        now: datetime | None = None,
        extra: Mapping[str, str] | None = None,
        quiet: QuietHours | None = None,
    ) -> str:
        """The words of a reply: variables filled in, empty optional lines dropped.

        With the user's quiet hours, a scheduled date is shown as it will really be sent.
        """
        values = self._values(reply, tz_name, now, quiet)
        if extra:
            values.update(extra)
        template = self.texts[reply.key]
        lines = template.split("\n")
        if len(lines) > 1:
            lines = [line for line in lines if not _all_empty(line, values)]
        filled = [self._fill(line, values) for line in lines]
        filled.extend(self.render(item, tz_name, now=now, quiet=quiet) for item in reply.items)
        return "\n".join(line.rstrip() for line in filled)

    def _values(
        self, reply: Reply, tz_name: str, now: datetime | None, quiet: QuietHours | None
    ) -> dict[str, str]:
        """What a reply's placeholders say: its words, its labels' texts, its dates shown."""
        values: dict[str, str] = dict(reply.variables)
        values.update({name: self.texts[key] for name, key in reply.labels.items()})
        for name, iso in reply.dates.items():
            if quiet is not None and name in SCHEDULED_DATES:
                values[name] = self.sent_date(iso, tz_name, quiet, now)
            elif name in DAY_DATES:
                values[name] = format_date(iso, tz_name, now).rsplit(",", 1)[0]
            else:
                values[name] = format_date(iso, tz_name, now)
        return values

    def sent_date(
        self, iso: str, tz_name: str, quiet: QuietHours, now: datetime | None = None
    ) -> str:
        """A nudge's date as it will really go out, saying so when quiet hours move it."""
        try:
            due = datetime.fromisoformat(iso)
        except ValueError:
            return iso
        prefs = Preferences(timezone=tz_name, quiet=quiet)
        sent = delivery_time(due, prefs)
        values = {"date": format_date(sent.isoformat(), tz_name, now)}
        if sent == due:
            return self._fill(self.texts["when.sent"], values)
        values.update(
            asked=f"{due.astimezone(zone(tz_name)):%H:%M}", start=quiet.start, end=quiet.end
        )
        return self._fill(self.texts["when.moved"], values)

    def _fill(self, line: str, values: Mapping[str, str]) -> str:
        parts: list[str] = []
        for literal, field, spec, _ in _FORMATTER.parse(line):
            value = counted(values.get(field, ""), spec or "") if field is not None else ""
            # "{choice} — {note}" without a note reads as the choice alone, with no dangling dash.
            parts.append(_DASH_BEFORE.sub("", literal) if field and not value else literal)
            parts.append(value)
        return "".join(parts)

    def message(
        self,
        reply: Reply,
        tz_name: str,
        *,
        session_number: int | None,
        now: datetime | None = None,
        extra: Mapping[str, str] | None = None,
        quiet: QuietHours | None = None,
    ) -> Message:
        """A rendered message with its buttons."""
        # A label may name the reply's values too ("{first}": a day offered as a choice).
        values = self._values(reply, tz_name, now, quiet) if reply.choices else {}
        buttons = tuple(
            Button(choice.id, self._fill(self.texts[choice.label_key], values))
            for choice in reply.choices
        )
        return Message(
            self.render(reply, tz_name, now=now, extra=extra, quiet=quiet),
            buttons=buttons,
            step=reply.choice_step,
            session_number=session_number if buttons else None,
            attachment=reply.attachment,
        )

    def match_choice(
        self, prefix: str, ids: Sequence[str], text: str, *, allow_rest: bool
    ) -> tuple[str, str] | None:
        """A typed choice: by id, number, label or alias; with allow_rest, words may follow."""
        typed = _PUNCTUATION.sub("", text.strip().lower())
        if not typed:
            return None
        number = as_number(typed)
        if number is not None:
            return (ids[number - 1], "") if 1 <= number <= len(ids) else None
        best: tuple[int, str, str] | None = None
        for choice_id in ids:
            key = f"{prefix}.choice.{choice_id}"
            words = {choice_id, self.texts.get(key, "").lower(), *self.aliases.get(key, ())}
            for word in filter(None, words):
                if typed == word:
                    return choice_id, ""
                if allow_rest and typed.startswith(word) and not typed[len(word)].isalnum():
                    rest = _SEPARATOR.sub("", text.strip()[len(word) :]).strip()
                    if best is None or len(word) > best[0]:
                        best = (len(word), choice_id, rest)
        return (best[1], best[2]) if best else None


def counted(value: str, spec: str) -> str:
    """A count with its noun: `{n:answer|answers}` gives "1 answer", "3 answers"; no spec, n."""
    if not spec:
        return value
    one, _, many = spec.partition(PLURAL)
    return f"{value} {one if value.strip() == '1' else many}"


def _all_empty(line: str, values: Mapping[str, str]) -> bool:
    names = placeholders(line)
    return bool(names) and all(not values.get(name, "").strip() for name in names)


def _bad_plural(spec: str | None) -> bool:
    one, bar, many = (spec or "").partition(PLURAL)
    return bool(spec) and not (bar and one.strip() and many.strip() and PLURAL not in many)


def load_catalog(directory: Path, required: Iterable[str] | None = None) -> Catalog:
    """Read and check every prompt file; raise one PromptError listing every problem."""
    problems: list[str] = []
    flat = read_all(directory, problems)

    texts: dict[str, str] = {}
    aliases: dict[str, tuple[str, ...]] = {}
    reported: set[str] = set()
    for key, value in flat.items():
        head, _, last = key.rpartition(".")
        if head.endswith(".aliases") and isinstance(value, list):
            words = tuple(str(word).strip().lower() for word in value if str(word).strip())
            aliases[f"{head.removesuffix('.aliases')}.choice.{last}"] = words
        elif not isinstance(value, str):
            problems.append(f"'{key}' must be a text")
        elif not value.strip():
            problems.append(f"'{key}' is empty")
            reported.add(key)
        else:
            try:
                unknown = sorted(set(placeholders(value)) - KNOWN_PLACEHOLDERS)
            except ValueError as error:
                problems.append(f"'{key}' has a broken placeholder ({error})")
                reported.add(key)
                continue
            if unknown:
                problems.append(f"'{key}' uses unknown placeholder(s): {', '.join(unknown)}")
            if any(_bad_plural(spec) for _, _, spec, _ in _FORMATTER.parse(value)):
                problems.append(f"'{key}' has a count spec other than {{count:noun|nouns}}")
            texts[key] = value
    wanted = set(required if required is not None else required_keys())
    for key in sorted(wanted - texts.keys() - reported):
        problems.append(f"'{key}' is missing")
    for key in sorted(aliases.keys() - texts.keys()):
        problems.append(f"aliases for '{key}' belong to no choice")
    if problems:
        raise PromptError(directory, problems)
    return Catalog(texts=texts, aliases=aliases)
