"""The normal form the screening patterns are written against, and their shared vocabulary."""

from __future__ import annotations

import re
import unicodedata

# --------------------------------------------------------------------------------------
# Normalisation
#
# Every pattern below is written against the normalised form: case-folded, apostrophes
# deleted (so "don't", "don’t" and "dont" are the same token, and "he'll" becomes "hell"),
# sentence punctuation turned into a " . " token (so gaps never leap into the next
# sentence), every other symbol turned into a space, and single spaces between words.
# That lets patterns use a literal " " and fixed-width look-behinds.
# --------------------------------------------------------------------------------------

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
    }
)
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_SENTENCE_END = re.compile(r"[.!?;\n\r\u2026]+")
_NON_WORD = re.compile(r"[^\w.]+")
_UNDERSCORE = re.compile(r"_+")
# "dieeee", "pleeease", "killll": stretched letters are common in distress, so squash
# runs of three or more to one; no English word needs a tripled letter.
_STRETCHED = re.compile(r"(\w)\1{2,}")
_SPACES = re.compile(r" {2,}")
_COMBINING = unicodedata.combining


def normalise(text: str) -> str:
    """Return the canonical lower-case form that the patterns are written against."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    # Accents off ("não" -> "nao", "möchte" -> "mochte"): people type without them, and the
    # patterns of every language are written bare.
    if not text.isascii():  # most messages are: they skip the slowest steps
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not _COMBINING(ch))
        text = _INVISIBLE.sub("", text)  # every invisible character is outside ASCII
    text = text.replace("'", "").replace('"', " ")
    text = _SENTENCE_END.sub(" . ", text)
    text = _NON_WORD.sub(" ", text)
    if "_" in text:
        text = _UNDERSCORE.sub(" ", text)
    text = _STRETCHED.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()


# --------------------------------------------------------------------------------------
# Vocabulary shared by the patterns. Written as <NAME> in a pattern and expanded once at
# import. Every gap is bounded ({0,3} words, {0,60} characters) so matching stays linear.
# --------------------------------------------------------------------------------------

VOCAB: dict[str, str] = {
    "ME": r"(?:my ?self|me ?self|myslef|myelf|mysefl|mysel|meself)",
    "TO": r"(?:to|too|2)",
    "WANT": r"(?:want|wants|wanted|wanting|wnat|wana|wanna|wont to)",
    "ADV": (
        r"(?:(?:just|really|honestly|literally|actually|simply|so|kinda|fucking|fkn"
        r"|genuinely|seriously|truly|sometimes|kind of|sort of) ){0,3}"
    ),
    # The end of a clause: a sentence mark, the end of the text, or a joining word.
    "END": (
        r"(?= \.|$| and\b| but\b| because\b| since\b| so\b| when(?:ever)?\b| lately\b"
        r"| recently\b| every\b| last night\b| tonight\b| now\b| again\b| until\b| lol\b)"
    ),
    "PRON": (
        r"(?:he|hes|hed|hell|she|shes|shed|shell|they|theyre|theyve|theyd|theyll"
        r"|him|her|them)"
    ),
    # People close enough to be a danger at home.
    "CLOSE": (
        r"(?:partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|ex husband|ex wife"
        r"|ex boyfriend|ex girlfriend|ex partner|fiance|fiancee|spouse|dad|father|mum|mom"
        r"|mother|stepdad|stepfather|step dad|step father|stepmum|stepmom|step mum|step mom"
        r"|stepmother|brother|sister|uncle|landlord|landlady|flatmate|roommate|housemate"
        r"|neighbour|neighbor|family|son|daughter|parents?|carer|caregiver|grandad|grandpa)"
    ),
    "OTHERS": (
        r"(?:boss|manager|supervisor|coworker|co worker|colleague|someone|somebody|man|guy"
        r"|men|people|client|customer|stranger|bloke|woman|teacher|cousin|aunt|gang)"
    ),
    "KIN": (
        r"(?:kids|children|child|baby|son|daughter|family|dog|cat|pets?|mum|mom|mother|dad"
        r"|father|sister|brother|parents|partner|wife|husband|friend|friends)"
    ),
    "BODY": r"(?:legs?|arms?|face|nose|neck|jaw|bones|teeth|kneecaps|head|skull|fingers|ribs)",
    "HARM_VERB": (
        r"(?:kill|murder|hurt|beat|stab|shoot|hit|harm|attack|rape|burn|strangle|choke|punch"
        r"|kick|slap|smash|break|bash|batter|cut|disfigure|drown|bury|end|come after|strangle)"
    ),
    # Things one is "hit with" or "slapped with" that are not a blow.
    "PAPER": (
        r"(?:fees?|fines?|bills?|rent|increase|hike|charges?|emails?|feedback|news|questions?"
        r"|deadlines?|requests?|surprise|lawsuit|notice|letter|demands?|tasks?|work|projects?"
        r"|offer|reply|ultimatum|criticism|invoice|penalty|cuts?|changes?|paperwork|review"
        r"|survey|meetings?|policy|audit|targets?|ticket|truth|reality|facts|list|memo"
        r"|counter ?offer|responsibilit\w+|workload|promotion|decision|redundancy|eviction"
        # A refusal is not a blow: "my manager hit me with a flat no".
        r"|no|nos|rejection|refusal|answer|veto|denial|pay cut|layoff|bombshell|raise|pay rise"
        r"|(?:\d+ )?(?:percent|pct) \w+|bonus)"
    ),
}
# "I'd rather die than work for him" is hyperbole; "rather die than feel like this" is not.
VOCAB["IDIOM_THAN"] = (
    r"than (?!(?:keep |go on |continue |carry on |to )?(?:feel|feeling|live|living|wake"
    r"|waking|go on|going on|carry on|exist|existing|suffer|suffering|face another)\b)"
)
# "dead" as an intensifier: "dead rich", "dead serious", "dead on time".
VOCAB["DEAD_ADJ"] = (
    r"(?:rich|famous|serious|wrong|right|tired|good|lucky|sure|set|certain|on|last|easy|keen"
    r"|proud|jealous|bored|funny|quiet|busy|cool|ahead|centre|center|even)"
)
# "and"/"then" stand in for a subject named earlier: "someone broke in and attacked me".
VOCAB["AGENT"] = f"(?:{VOCAB['PRON']}|{VOCAB['CLOSE']}|{VOCAB['OTHERS']}|and|then)"
VOCAB["TARGET"] = (
    rf"(?:me|us|you|my {VOCAB['KIN']}|my {VOCAB['BODY']}|the (?:kids|children|baby)"
    r"|our (?:kids|children|baby|son|daughter))"
)
_PLACEHOLDER = re.compile(r"<([A-Z_]+)>")


def expand(pattern: str) -> str:
    """Replace <NAME> placeholders with their vocabulary, recursively."""
    while True:
        expanded = _PLACEHOLDER.sub(lambda m: VOCAB[m.group(1)], pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
