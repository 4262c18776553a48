"""How a setback is told, for the words that answer it: a loss, and the filler around it (pure).

A loss ("my dad died and…") gets a gentler opening than an ordinary no, with nothing quoted
back; filler and requests at the start ("ok new one:", "so,") are never quoted as the no.
"""

from __future__ import annotations

import re

_PEOPLE = (
    r"mum|mom|mother|dad|father|parents?|husband|wife|partner|boyfriend|girlfriend|fianc[eé]e?|"
    r"son|daughter|child|kid|baby|brother|sister|grand(?:ma|mother|pa|father|parent)|nan|"
    r"granny|aunt|uncle|cousin|friend|best friend|dog|cat|pet"
)
_LOSS = re.compile(
    rf"\b(?:passed away|passed on(?=\s*(?:$|[,.;!]|and\b|last\b|recently\b))|funeral|"
    rf"bereave\w*|grie(?:f|ving)|miscarr\w*|"
    rf"stillb(?:orn|irth)|terminal(?:ly ill| cancer| diagnosis)|"
    rf"(?:lost|death of|losing) (?:my|our|her|his) (?:{_PEOPLE})|"
    rf"(?:my|our) (?:late|dear late) (?:{_PEOPLE})|"
    # A person (or a pet) who died: "my dad died", "my grandma passed", "our dog was put down".
    rf"(?:{_PEOPLE})(?:'s)?(?:\W+\w+){{0,2}}?\W+(?:died|is dying|was killed|got killed|"
    rf"was put down|had to be put down|"
    rf"passed(?=\s*(?:$|[,.;!]|and\b|last\b|recently\b|yesterday\b|suddenly\b|this\b)))|"
    rf"(?:{_PEOPLE})'s (?:death|passing|funeral))\b",
    re.IGNORECASE,
)
# Words said before the story starts, and requests for a new reframe, never the no itself.
_LEAD = re.compile(
    r"^(?:(?:hi there|hey there|hello there|"
    r"ok(?:ay)?|ok so|so|well|right|alright|hi|hey|hello|um+|uh+|erm|anyway|here goes|"
    r"oh(?! no\b)|ah|btw|by the way|p\.?s\.?|"
    r"hola|buenas|ol[aá]|oi|hallo|bonjour|salut|coucou|"
    r"(?:another|one more) thing|otra cosa|outra coisa|autre chose|noch (?:was|etwas)|"
    r"(?:that|this|it)(?: is|'s| was) (?:the|their|my|a) no|"
    r"here(?:'s| is) (?:the|their|his|her|my) (?:e-?mail|message|letter|text|reply|dm)"
    r"(?: (?:they|he|she|it|my \w+|the \w+) (?:sent|wrote)(?: me)?)?|"
    r"yes|yeah|sure|fine|also|and|then|please|pls|thanks|thank you|"
    r"(?:a |another |a new |new )(?:one|no|setback|reframe)|start (?:a )?(?:new|another|over)|"
    r"(?:can|could) (?:we|i) (?:do|try|start) (?:another|a new)(?: one)?|one more|"
    r"i have another(?: one)?|i've got another(?: one)?|let's go|let's do (?:it|this)|"
    r"here(?:'s| is| goes) (?:one|another|the thing|what happened))\b"
    r"[\s,.:;!?\-–—]*)+",
    re.IGNORECASE,
)


def is_loss(text: str) -> bool:
    """Whether the words tell of a death or a loss of that weight."""
    return _LOSS.search(text) is not None


def without_lead(text: str) -> str:
    """The words after any filler or request that opens them ("ok new one: my boss…")."""
    return _LEAD.sub("", text.strip()).strip()


def tells_nothing(text: str) -> bool:
    """Whether the words are only filler or a request for a reframe, with no no told."""
    return not any(ch.isalnum() for ch in without_lead(text))


# A line that announces pasted words rather than telling anything: "client email below:",
# "here's what they sent:", "Forwarded message", "they wrote:".
_PASTE_INTRO = re.compile(
    r"^[^\n:.!?]{0,60}\b(?:e-?mails?|messages?|letter|dm|sms|below|pasted?|pasting|forwarded|"
    r"copied|copy(?:ing)?|(?:their|the|his|her) (?:reply|response|answer|note|text)|"
    r"what (?:they|he|she|it|my \w+|the \w+) (?:wrote|sent|said|says|replied)|"
    r"(?:they|he|she) (?:wrote|replied)|(?:here(?:'s| is)|this is) (?:the|their|his|her|what))"
    r"\b[^\n:.!?]{0,30}(?::|\s*\n)\s*|^-{2,}[^\n]*forwarded message[^\n]*\n\s*",
    re.IGNORECASE,
)
# An email's header lines and a salutation on a line of its own ("Hi Sam,", "Dear Ms Lee,").
_HEADER = re.compile(
    r"^(?:(?:from|to|cc|bcc|sent|date|subject|re|fwd?)\s*:[^\n]*\n\s*)+", re.IGNORECASE
)
_SALUTATION = re.compile(
    r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^\n.!?]{0,40}[,!\n]\s*",
    re.IGNORECASE,
)
# The sentence of a pasted refusal that carries it ("Unfortunately we won't be renewing…").
_REFUSAL = re.compile(
    r"\b(?:unfortunately|regret|decided (?:not|against)|not (?:be )?(?:able|moving|going|"
    r"proceeding|renewing|approv\w+)|unable|won't|will not|can't|cannot|declin\w+|"
    r"reject\w*|turn(?:ed)? down|no longer|not (?:been )?successful|other candidates?|"
    r"not (?:at this time|right now))\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def substance(text: str) -> str:
    """What a setback says, for quoting it back: without an announcement of pasted words
    ("client email below:"), email headers or a salutation; from a pasted message, its
    sentence that refuses. Other words come back as they are (after the filler lead)."""
    told = without_lead(text)
    pasted = _PASTE_INTRO.match(told)
    if pasted is None or not told[pasted.end() :].strip():
        return told
    body = _HEADER.sub("", told[pasted.end() :].strip())
    body = _SALUTATION.sub("", body).strip()
    sentences = [found.strip() for found in _SENTENCE.findall(body) if found.strip()]
    refusing = next((sentence for sentence in sentences if _REFUSAL.search(sentence)), None)
    return refusing or (sentences[0] if sentences else told)
