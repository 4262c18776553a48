"""The coach's own words around a crisis line, in the person's language: "Text 988, or chat at
…", "Call 116 123 (free)", the hours, a note, and what a line is for ("young people, any
crisis"). A service's own name, its numbers, keywords and addresses stay as they are.

prompts/crisis_resources.toml writes each line's ways in English, in a small fixed grammar
(below); its [words.XX] tables say the same words in es, de, fr and pt. Loading reads every
line with the grammar and renders it in each language, and refuses a line whose English does
not fit the grammar or uses a phrase a language does not have (so nothing is left in English).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["TEMPLATE_KEYS", "localise", "words_table"]

# The words every [words.XX] table must give, with their placeholders.
TEMPLATE_KEYS: Mapping[str, tuple[str, ...]] = {
    "text": ("number",),
    "text_word": ("word", "number"),
    "chat": ("url",),
    "chat_mail": ("url",),
    "whatsapp": ("number",),
    "call": ("number",),
    "or": (),
    "more": ("part",),
}
# The grammar of the English ways: one part of `text`, and `call`.
_TEXT_PARTS = (
    ("text_word", re.compile(r"Text (?P<word>[A-Z]+) to (?P<number>[\d ()+-]+)")),
    ("text", re.compile(r"Text (?P<number>[\w ()+-]+)")),
    ("chat", re.compile(r"[Cc]hat at (?P<url>https?://\S+)")),
    ("chat_mail", re.compile(r"[Cc]hat or mail at (?P<url>https?://\S+)")),
    ("whatsapp", re.compile(r"WhatsApp (?P<number>[\d ()+-]+)")),
)
_CALL = re.compile(r"Call (?P<numbers>[\d ()+-]+?(?: or [\d ()+-]+?)*)(?: \((?P<extra>[^)]+)\))?")
# "Kids Help Phone (young people, any crisis)": the name, and what it is for.
_ABOUT = re.compile(r"(?P<name>.+?) \((?P<about>[^)]+)\)")


def words_table(table: object, where: str) -> dict[str, str]:
    """One [words.XX] table, checked: every template with its placeholders, no empty text."""
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise ValueError(f"{where} must be a table of strings")
    for key, names in TEMPLATE_KEYS.items():
        if key not in table:
            raise ValueError(f"{where} is missing {key}")
        for name in names:
            if "{" + name + "}" not in table[key]:
                raise ValueError(f"{where}.{key} needs {{{name}}}")
    empty = [key for key, value in table.items() if key != "or" and not value.strip()]
    if empty:
        raise ValueError(f"{where}.{empty[0]} is empty")
    return dict(table)


def _phrase(words: Mapping[str, str], english: str, where: str) -> str:
    """A fixed English phrase (hours, a note, what a line is for) in the table's language."""
    if english not in words:
        raise ValueError(f"{where}: no wording for {english!r}")
    return words[english]


def _text(words: Mapping[str, str], english: str, where: str) -> str:
    """`text` ("Text 988, or chat at https://…") in the table's language."""
    parts: list[str] = []
    for part in english.split(", or "):
        for key, grammar in _TEXT_PARTS:
            found = grammar.fullmatch(part)
            if found is not None:
                parts.append(words[key].format(**found.groupdict()))
                break
        else:
            raise ValueError(f"{where}: text {part!r} fits no known way (Text …, Chat at …)")
    more = (words["more"].format(part=part[:1].lower() + part[1:]) for part in parts[1:])
    return parts[0] + "".join(more)


def _call(words: Mapping[str, str], english: str, where: str) -> str:
    """`call` ("Call 116 123 (free)") in the table's language."""
    found = _CALL.fullmatch(english)
    if found is None:
        raise ValueError(f"{where}: call {english!r} is not 'Call <number>[ or <number>] (…)'")
    numbers = words["or"].join(found["numbers"].split(" or "))
    extra = found["extra"]
    said = words["call"].format(number=numbers)
    return f"{said} ({_phrase(words, extra, where)})" if extra else said


def localise(
    words: Mapping[str, str], *, name: str, text: str, call: str, hours: str, note: str, where: str
) -> str:
    """One line as a bullet in the table's language, the same shape as Line.render's."""
    about = _ABOUT.fullmatch(name)
    shown = f"{about['name']} ({_phrase(words, about['about'], where)})" if about else name
    ways = " · ".join(
        part
        for part in (
            _text(words, text, where) if text else "",
            _call(words, call, where) if call else "",
        )
        if part
    )
    extra = f" ({_phrase(words, hours, where)})" if hours else ""
    said = f" {_phrase(words, note, where)}" if note else ""
    return f"- {shown}: {ways}{extra}.{said}"
