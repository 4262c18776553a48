"""A choice typed rather than pressed: its id, its number, or a yes/no word, and a note (pure).

"2 and maybe write notes beforehand" is choice 2 with the note "maybe write notes
beforehand"; "yep" is "yes" where a yes is offered. The words are what people type, so
they live in code rather than in prompts/.
"""

from __future__ import annotations

import re

from bot.intents import Intent, free_text
from bot.wording import normalise

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})

# A number that leads, followed by the end, punctuation or a joining word (not "2 weeks").
_JOINING = r"and|but|because|cause|cos|bc|plus|with|then|so|maybe|or|also|too|as|since|i'd|i'll"
# "1/2", "1.2", "2-3" and "10:00" are dates, ranges and times, not a choice with a note.
_SEPARATED = rf"(?!\s*[/.:\-–]\s*\d)(?=$|\s*[,;:+&.!)\-–—]|\s+(?:{_JOINING})\b)"
# A number then plain words ("2 next cycle") is a choice and its note, unless the word says
# what the number counts ("2 weeks", "3 days", "5 people", "10am"): then it is an answer.
_COUNTED = (
    r"(?:s|st|nd|rd|th|am|pm|a\.m|p\.m|h|hrs?|hours?|mins?|minutes?|secs?|seconds?|days?|"
    r"nights?|wks?|weeks?|fortnights?|mo|mos|months?|yrs?|years?|times?|x|%|percent|k|m|"
    r"o'clock|people|persons?|of|or|to|out|more|less|extra|ppl|kids?|children|"
    r"hundred|thousand|million|dollars?|euros?|pounds?|bucks|grand|quid|jobs?|roles?|"
    r"offers?|steps?|things?|ways?|options?|ideas?|reasons?|"
    r"jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|"
    r"september|oct|october|nov|november|dec|december|mon|monday|tue|tues|tuesday|wed|"
    r"wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday|"
    r"(?:this|next|last|the) (?:week|weekend|month|year|quarter|day|morning|afternoon|evening))"
)
_WORDS_AFTER = rf"(?=\s+(?!{_COUNTED}\b)[^\W\d])"
_NUMBER = re.compile(
    rf"^(?:(?:option|number|choice|no\.?|nr\.?|#)\s*)?(\d{{1,2}})(?:\s*[.)])?"
    # "2 or 3 weeks" counts twice: two dates, not the choice 2 with a note.
    rf"(?!\s+or\s+\d{{1,3}}\s+{_COUNTED}\b)"
    rf"(?:{_SEPARATED}|{_WORDS_AFTER})"
)
_NOTE_LEAD = re.compile(
    r"^[\s,;:/+&.!)\-–—]+|^(?:and|plus|also|because|cause|cos|bc|since|as|so)\b\s*"
)
# Yes and no as people type them (English first, then es/de/fr/pt), repeated letters allowed.
_YES = re.compile(
    r"^(?:y+e+s+|y+e+p+|y+u+p+|y+a+h*|y+e+a+h*|ye+|yas+|y|aye|sure|of course|absolutely|"
    r"definitely|go ahead|do it|please do|yes please|correct|that's right|"
    r"s[ií]|claro|ja+|jawohl|genau|oui|ouais|sim)"
    r"(?=$|[\s,;:.!\-–—]+)"
)
_NO = re.compile(
    r"^(?:no way|no chance|not at all|no+|n|nope|nah+|no thanks|no thank you|not really|"
    r"don't|please don't|never|"
    r"nein|non|não|nao)(?=$|[\s,;:.!\-–—]+)"
)


# Maybe as people type it, in English and in es/de/fr/pt.
_MAYBE = re.compile(
    r"^(?:maybe|perhaps|possibly|might|could be|kind of|sort of|50/50|"
    r"quiz[aá]s?|tal vez|a lo mejor|puede ser|vielleicht|eventuell|kann sein|m[öo]glicherweise|"
    r"peut[- ][êe]tre|talvez|pode ser|quem sabe)(?=$|[\s,;:.!\-–—]+)"
)


def _note(rest: str) -> str:
    """The user's words after the choice, without the separator that joined them."""
    previous = None
    while previous != rest:
        previous = rest
        rest = _NOTE_LEAD.sub("", rest).strip()
    return rest


def read_choice(text: str, offered: tuple[str, ...]) -> tuple[str | None, str]:
    """The offered choice a typed text picks and the note typed beside it; (None, "") if none.

    A choice is picked by its id ("soft"), its 1-based number ("2", "#2", "option 2"),
    or, where "yes"/"no" are offered, by a yes/no word ("yep", "nah", "ja"); words after
    it ("2 and maybe write notes beforehand") are the note. "yeah no" picks nothing.
    """
    typed = normalise(text)
    if not typed or not offered:
        return None, ""
    if typed in offered:
        return typed, ""
    # Matched on the text as typed (only lower-cased) so the note keeps the user's words.
    said = text.strip()
    plain = said.lower().translate(_APOSTROPHES)
    if len(plain) != len(said):
        plain = said
    number = _NUMBER.match(plain)
    if number is not None:
        index = int(number.group(1))
        if 1 <= index <= len(offered):
            return offered[index - 1], _note(said[number.end() :])
        return None, ""
    for choice in offered:
        found = re.match(rf"{re.escape(choice)}{_SEPARATED}", plain)
        if found is not None:
            return choice, _note(said[found.end() :])
    if free_text(text) in (Intent.DONT_KNOW, Intent.QUESTION, Intent.EXIT):
        return None, ""
    found = _MAYBE.match(plain)
    if "maybe" in offered and found is not None:
        return "maybe", _note(said[found.end() :])
    for choice, word, other in (("yes", _YES, _NO), ("no", _NO, _YES)):
        found = word.match(plain)
        if choice not in offered or found is None:
            continue
        if other.match(plain[found.end() :].strip(" ,;:.!-–—")):
            # "yeah no" or "no yes": said both ways, so neither is taken.
            return None, ""
        return choice, _note(said[found.end() :])
    return None, ""


# Two choices named at once: "3 or 5 idk", "either hard or soft", "2, maybe 3", "1 vs 2".
_EITHER = (
    r"(?:(?:either|between|maybe|perhaps|probably|prob|possibly|idk|hmm+|um+|like|rather|"
    r"vielleicht|eher|quiz[aá]s|talvez|peut-[eê]tre|plut[oô]t|m[aá]s bien|sei l[aá]|"
    r"entre|entweder|soit)[,.…]*\s+)*"
)
_OR = (
    r"\s*(?:[,.…]*\s*(?:or|ou|oder|o|or rather|or maybe|ou ent[aã]o)|,|vs\.?|versus|and|&|\+)"
    r"[.…]*\s*"
)
_PICK = r"(?:option |number |choice |#)?(\d{1,2}|[a-z][\w-]*)"
# Not followed by what the numbers count ("2 or 3 weeks" is two dates, not choices 2 and 3).
_NOT_COUNTED = rf"(?=$|[^\w/.:\-])(?!\s+{_COUNTED}\b)"
_TWO = re.compile(rf"^{_EITHER}{_PICK}{_OR}{_EITHER}{_PICK}{_NOT_COUNTED}")
_ONE_MORE = re.compile(rf"^{_OR}{_EITHER}{_PICK}{_NOT_COUNTED}")


def _offered(word: str, offered: tuple[str, ...]) -> str | None:
    """The offered choice a number or an id names, or None."""
    if word.isdigit():
        index = int(word)
        return offered[index - 1] if 1 <= index <= len(offered) else None
    return word if word in offered else None


# One choice for one part and another for the other ("hard for the retainer but soft for the
# campaign", "duro para el contrato pero blando para la campaña"): two choices named.
_SCOPE = r"(?:for|para|f[üu]r|pour|on|with|about|con|sur|com|mit|bei)"
_SPLIT = re.compile(
    rf"^{_EITHER}{_PICK}\s+{_SCOPE}\b[^,;.?!]{{0,40}}?[,;]?\s+"
    r"(?:but|and|pero|y|aber|und|mais|et|mas|e|while|whereas)\s+"
    rf"{_EITHER}{_PICK}\s+{_SCOPE}\b"
)


def two_picked(chosen: str | None, text: str, offered: tuple[str, ...]) -> tuple[str, str] | None:
    """Two different offered choices named at once ("3 or 5 idk"), first as typed; None when
    one or none is named. With `chosen` already read from the text's start (a label the
    service matched), `text` is what followed it ("or soft idk")."""
    plain = text.strip().lower().translate(_APOSTROPHES)
    if chosen is None:
        found = _TWO.match(plain) or _SPLIT.match(plain)
        first = _offered(found.group(1), offered) if found else None
        second = _offered(found.group(2), offered) if found else None
    elif _SPLIT.match(f"{chosen} {plain}"):
        # "hard" read by the service from "hard for the retainer but soft for the campaign".
        found = _SPLIT.match(f"{chosen} {plain}")
        first, second = chosen, _offered(found.group(2), offered) if found else None
    else:
        found = _ONE_MORE.match(plain)
        first, second = chosen, _offered(found.group(1), offered) if found else None
    if first is None or second is None or first == second:
        return None
    return first, second


# Hedges around a choice ("idk maybe?", "no se... creo que es duro", "dur je pense").
_HEDGE_LEAD = re.compile(
    r"^(?:(?:idk|idek|i don't know|i dont know|dunno|i dunno|not sure|i'm not sure|hmm+|um+|uh+|"
    r"i guess|i think|i suppose|i'd say|probably|prob|honestly|tbh|well|so|ok|okay|eh|"
    r"no s[eé]|no lo s[eé]|creo que(?: es)?|supongo que(?: es)?|diría que|"
    r"je (?:ne )?sais pas|j'sais pas|chais pas|je pense que(?: c'est)?|je crois que(?: c'est)?|"
    r"keine ahnung|wei(?:ß|ss) (?:ich )?nicht|ich glaube(?:,? es ist)?|ich denke(?:,? es ist)?|"
    r"eher|n[aã]o sei|acho que(?: [eé])?|sei l[aá]|it's|its|it is)(?:[\s,;:.!?…]+|$))+"
)
_HEDGE_TAIL = re.compile(
    r"(?:[\s,;:.!?…]+(?:i guess|i think|i suppose|probably|prob|lol|idk|creo|supongo|"
    r"je pense|je crois|ich glaube|glaube ich|denke ich|acho|eu acho))+[\s.!?…]*$"
)
# A hedged yes said whole ("i guess so", "creo que sí").
_HEDGED_YES = re.compile(
    r"^(?:i (?:guess|think|suppose) so|probably(?: yes| yeah)?|creo que s[ií]|supongo que s[ií]|"
    r"ich glaube (?:schon|ja)|je (?:pense|crois) que oui|acho que sim)\W*$"
)


_HEDGED_NO = re.compile(
    r"^(?:probably not|i (?:don't|dont) think so|i guess not|i doubt it|prob not|creo que no|"
    r"ich glaube nicht|eher nicht|je (?:ne )?(?:pense|crois) pas|acho que n[aã]o)\W*$"
)


def unhedged(text: str) -> str | None:
    """What a hedged answer says once its hedges are left out ("idk maybe? is this long" ->
    "maybe? is this long"; "i guess so" -> "yes"); None when no hedge leads or trails."""
    plain = text.strip().lower().translate(_APOSTROPHES)
    if _HEDGED_YES.match(plain):
        return "yes"
    if _HEDGED_NO.match(plain):
        return "no"
    rest = _HEDGE_TAIL.sub("", _HEDGE_LEAD.sub("", plain)).strip()
    if not rest or rest == plain:
        return None
    # The user's own letters kept ("after Q2"), where lower-casing kept the length.
    said, start = text.strip(), plain.find(rest)
    return said[start : start + len(rest)] if len(said) == len(plain) else rest


def only_hedge(text: str) -> bool:
    """Whether words beside a choice only hedge it ("I think", "creo", "glaube ich", "je
    pense"): nothing there to keep as its note."""
    plain = text.strip().lower().translate(_APOSTROPHES)
    # The tail's hedges follow a separator: one is put before what the lead leaves.
    bare = _HEDGE_TAIL.sub("", " " + _HEDGE_LEAD.sub("", f"{plain} ").strip())
    return bool(plain) and not bare.strip(" ,;:.!?…-\u2013\u2014")


def hedged_choice(text: str, offered: tuple[str, ...]) -> tuple[str, str] | None:
    """The offered yes, maybe or no a hedged answer picks and the words after it ("idk maybe?
    is this gonna take long" -> ("maybe", "is this gonna take long")); None when it picks none."""
    rest = unhedged(text)
    if rest is None:
        return None
    probe = rest.lower().replace("?", " ")
    for choice, word in (("maybe", _MAYBE), ("yes", _YES), ("no", _NO)):
        found = word.match(probe)
        if choice in offered and found is not None:
            after = rest[found.end() :]
            if choice != "maybe" and _MAYBE.match(_note(probe[found.end() :])):
                return None
            return choice, _note(after.lstrip("?"))
    return None
