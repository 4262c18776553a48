"""What a person means by a message sent after a crisis reply, in English, Spanish, German,
French and Portuguese.

It leans to safety: a message that could mean danger is read as danger. (Answers to the
direct question are read in bot.safety.risk_answers.)
"""

from __future__ import annotations

import re
from enum import StrEnum

from bot.safety import Screening, Tier, carried, screen, worded
from bot.safety.followup_words import (
    ABOUT_LINES,
    DANGER_MORE,
    FINE_MORE,
    MEANS_AWAY,
    MOVE_ON,
    SAFE_SAID_MORE,
    STOP_MORE,
    without_safe_time,
)
from bot.safety.normal import normalise
from bot.safety.not_danger import NO_TALK, ORDINARY_PLAN, no_more_talk, without_questions

__all__ = ["FollowUp", "follow_up", "named_means_or_time"]


class FollowUp(StrEnum):
    """What a message after a crisis reply says about the person's safety."""

    DANGER = "danger"
    SAFE = "safe"
    # "lol jk im fine" or a bare "I'm ok" after means or a time were named: asked once more.
    MINIMISING = "minimising"
    STOP = "stop"
    # "What happens if I call?", "is it free?", "will they send the police?": answered.
    ABOUT_LINES = "about_lines"
    # "no sé, no quiero hablar": not wanting to talk is no wish to end, and says nothing of
    # safety; the coach stays, asks nothing more than whether they are safe, lines in view.
    QUIET = "quiet"
    OTHER = "other"


# "not sure I'm safe", "I don't feel safe", "no estoy segura", "nicht sicher".
_NOT_SAFE = re.compile(
    r"\b(?:not|dont|do not|never|isnt|arent|cant|cannot|no longer|unsure|not sure)\b"
    r"(?: \w+){0,6}? (?:safe|ok|okay|alright|fine)\b|\bnot sure\b|\bunsafe\b|\bin danger\b"
    r"|\bno (?:estoy|me siento) (?:\w+ )?(?:segur[oa]|a salvo|bien)\b|\bnicht (?:mehr )?sicher\b"
    r"|\bnicht (?:mehr )?(?:ok|okay|gut)\b|\bpas en securite\b|\bpas (?:sure|sur|ok|okay|bien)\b"
    r"|\bnao (?:estou|me sinto|to|tou) (?:\w+ )?(?:segur[oa]|bem|ok)\b"
)
# Means at hand, an act begun, or the danger arriving.
_AT_HAND = re.compile(
    r"\b(?:pills|tablets|meds|rope|knife|blade|razor|gun|bridge|ledge|roof|bleach|noose"
    r"|pastillas|tabletten|cachets|medicaments|comprimidos|remedios|cuchillo|messer|couteau"
    r"|faca|cuerda|seil|corde|corda)\b"
    r"|\b(?:have|holding|hold|counted|counting|took|take|taking|swallowed|bought|looking at"
    r"|staring at|lined up) (?:them|it|all of them)\b|\bin my hand\b"
    r"|\b(?:jump|jumping|hang|hanging|overdose|od|train|tracks|shoot|drown|garage|exhaust"
    r"|cliff|balcony|ledge|poison|bleach|pastillas|tabletten|cachets|comprimidos)\b"
    r"|\bin front of me\b|\b(?:already )?(?:took|swallowed|taken)\b"
    r"|\bbleeding\b|\b(?:hes|shes|theyre|he is|she is) (?:here|back|outside|coming|home)\b"
    r"|\bon (?:his|her|their) way\b|\b(?:going|gonna|about) to do it\b|\bdoing it\b"
    r"|\b(?:scared|afraid|terrified|frightened)\b|\bcant promise\b|\bdont trust myself\b"
    r"|\bmade up my mind\b|\btoo late\b|\bstill (?:want|thinking|think|planning|feel like)\b"
    r"|\b(?:standing|sitting|am|im) (?:on|at) (?:the )?(?:edge|roof|bridge|tracks|station|ledge)\b"
    r"|\b(?:did|done) something\b|\bhurt myself\b|\bcut (?:myself|again)\b"
    r"|\b(?:everything|its all|all) (?:is )?ready\b"
    r"|\bno one can stop me\b|\bcant stop thinking\b|\bbanging\b|\bbreaking in\b"
    r"|\balready (?:did|done)\b"
    r"|\bgoodbye\b|\bgoing now\b|\bnot ok(?:ay)?\b|\bmiedo\b|\bangst\b|\bpeur\b|\bmedo\b"
    # The means beside one, named by a pronoun, in the five languages ("las tengo aca").
    + "|"
    + carried.AT_HAND.pattern
)
# A time that makes it now.
_SOON = re.compile(
    r"\b(?:tonight|tonite|right now|now|today|soon|this weekend|esta noche|ahora|hoy|heute"
    r"|jetzt|ce soir|maintenant|hoje|agora|esta noite)\b"
)
# "I won't do anything", "not gonna hurt myself": a promise about the act itself.
_WONT_DO = (
    r"\b(?:i wont|i will not|im not going to|im not gonna|i promise (?:i wont|not to)"
    r"|i dont want to|not going to|not gonna|wont) (?:do anything|hurt myself|do it|kill myself"
    r"|act on it|harm myself)\b"
)
# Safety said in so many words in the five languages, but for the English word "safe" itself.
_SAFE_SAID = (
    r"\bno longer in danger\b|"
    + _WONT_DO
    + r"|\bestoy (?:\w+ ){0,2}?(?:a salvo|segur[oa])\b|\bno voy a hacer nada\b"
    r"|\bich (?:bin|fuhle mich) (?:\w+ ){0,2}?(?:in )?sicher(?:heit)?\b"
    r"|\bich (?:werde|tue) (?:mir )?nichts (?:tun|an)\b"
    r"|\bje suis (?:\w+ ){0,2}?en securite\b|\bje ne (?:vais|ferai) rien\b"
    r"|\bestou (?:\w+ ){0,2}?(?:em )?segur(?:[oa]|anca)\b|\bnao vou fazer nada\b"
)
# Safe in words, or only "fine", "ok", "better" ("estoy bien", "mir geht es gut").
_SAFE = re.compile(
    r"\b(?:im|i am|i feel|feeling|ill be|i will be|i think im|were|we are)(?: \w+){0,4}?"
    r" (?:safe|ok|okay|alright|all right|fine|better|good)\b(?! (?:at|with|for)\b)|\bi feel safe\b"
    r"|\ball good\b|\bsafe now\b|\bsafe place\b|\b(?:ill|i will) be (?:ok|okay|alright|fine)\b"
    r"|\bestoy (?:\w+ ){0,2}?(?:bien|mejor|ok|okay)\b|\bmir geht(?:s| es) (?:wieder )?(?:gut"
    r"|besser|ok)\b|\bich bin (?:(?!nicht\b)\w+ ){0,2}?(?:ok|okay|okey)\b"
    r"|\bca va(?: mieux| bien)?(?= \.|$)|\bje (?:vais bien|suis (?:\w+ )?(?:ok|okay))\b"
    r"|\b(?:estou|to|tou) (?:\w+ ){0,2}?(?:em )?(?:bem|melhor|ok)\b|" + _SAFE_SAID
)
# Safety said in so many words ("I'm safe", "I won't do anything"), as against a bare "fine".
_SAFE_IN_WORDS = re.compile(r"\bsafe\b|" + _SAFE_SAID)
# Brushing it off: a joke, "whatever", "don't worry about it", in the five languages.
_BRUSHED_OFF = re.compile(
    r"\b(?:jk|j k|(?:i was |im |i am |only |just )(?:just )?(?:kidding|joking)|(?:it was |was )?"
    r"(?:just )?a joke|lol|lmao|haha|hahaha|whatever|w/e"
    r"|dont worry(?: about (?:it|me))?|forget (?:it|i said|what i said)|its nothing|nevermind"
    r"|never mind|no big deal|didnt mean it|era broma|es broma|bromeando|da igual|no importa"
    r"|nur ein scherz|war ein scherz|nur spass|egal|vergiss es|je rigole|cetait pour rire"
    r"|laisse tomber|peu importe|brincadeira|to brincando|estou brincando|deixa pra la"
    r"|tanto faz|kkk+)\b"
)


_STOP = re.compile(
    r"^(?:please )?(?:stop|quit|end|exit|leave me alone|go away|bye|stop it|enough|cancel"
    r"|i want to stop|stop talking|stop this|no more|para|parar|basta|dejame en paz|hor auf"
    r"|lass mich in ruhe|stopp|schluss|arrete|laisse moi tranquille|fiche moi la paix|pare"
    r"|chega|me deixa em paz|forget it|never mind|nevermind|leave it|drop it|im out|end this"
    r"|quit this|tchau)(?: please| now| thanks| thank you)?(?: \.)?$"
    r"|\bdone talking\b|\bstop (?:messaging|texting|sending|writing)\b"
    r"|\bno more (?:questions|messages)\b|\bthats enough\b|\bno quiero seguir\b"
    r"|\bleave me alone\b|\bdejame en paz\b|\blass mich in ruhe\b|\blaisse moi tranquille\b"
    r"|\bme deixa em paz\b"
)


# Danger denied in the person's own words ("I'm not in danger", "I won't hurt myself", "no
# estoy en peligro"): the words of risk in it are not risk, the rest of the message still is.
_DENIED = re.compile(
    r"\b(?:(?:im|i am|were|we are) )?(?:not|no longer|never) (?:in (?:any )?danger|suicidal"
    r"|at risk|going to (?:do anything|hurt myself|kill myself|do it|harm myself|end it))"
    r"|\b(?:i wont|i will not|i would never|i dont want to|im not going to|im not gonna"
    r"|i promise (?:i wont|not to)|not going to|not gonna|wont) (?:do anything(?: stupid)?"
    r"|hurt myself|do it|kill myself|act on it|harm myself|end (?:it|my life))"
    r"|\bno (?:estoy|me siento) en peligro|\bno (?:soy|estoy) suicida|\bno voy a hacerme dano"
    r"|\bnicht in gefahr|\bnicht suizidal|\bich (?:werde|will) mir nichts (?:antun|tun)"
    r"|\bpas en danger|\bpas suicidaire|\bje ne vais pas me faire du mal"
    r"|\bnao (?:estou|me sinto) em perigo|\bnao (?:sou|estou) suicida|\bnao vou me machucar"
)
# A time said with the denial belongs to it ("not in danger tonight").
_DENIED_TIME = (
    r"(?: (?:right now|now|tonight|today|anymore|any more|at all|ahora(?: mismo)?|hoy|esta noche"
    r"|jetzt|gerade|heute(?: nacht)?|maintenant|aujourdhui|ce soir|agora|hoje|esta noite))?\b"
)
_DENIAL = re.compile(f"(?:{_DENIED.pattern}){_DENIED_TIME}")
# A denial with a "but" or a later time ("not tonight, but tomorrow") is no word of safety.
_HEDGED = re.compile(
    r"\b(?:but|though|yet|until|unless|tomorrow|later|pero|aber|mais|mas|manana|morgen"
    r"|demain|amanha)\b"
)


def follow_up(text: str, found: Screening | None = None, *, immediate: bool = False) -> FollowUp:
    """Read a message sent after a crisis reply; `found` is what screening saw in it alone.

    `immediate`: means or a time were named earlier in this crisis ("the pills", "tonight").
    Then, or when it is brushed off ("lol jk"), a bare "I'm fine" is MINIMISING: safety must
    be said in so many words ("I'm safe", "I won't do anything") before coaching goes on.
    """
    said = _follow_up(text, found)
    if said is FollowUp.SAFE and without_questions(text) != text:
        # "ça va?", "are you ok?": a question is not their word; the statements must say it.
        rest = without_questions(text)
        if _follow_up(rest, screen(rest)) is not FollowUp.SAFE:
            return FollowUp.OTHER
    if said is FollowUp.SAFE and _taken_back(text):
        return FollowUp.OTHER
    if said is FollowUp.SAFE:
        normal = normalise(text)
        brushed_off = _BRUSHED_OFF.search(normal) is not None
        in_words = _said_safe(normal) or (_DENIAL.search(normal) is not None and not brushed_off)
        if not in_words and (immediate or brushed_off):
            return FollowUp.MINIMISING
    return said


def _taken_back(text: str) -> bool:
    """A word of safety hedged or taken back in the same message ("safe, but I don't know about
    tomorrow", "im safe, i just want to sleep and not wake up"): it is asked about again."""
    normal = normalise(text)
    if MOVE_ON.search(normal) is not None:
        # "I'm safe, but can we talk about the job now": a wish to move on, not a hedge.
        return False
    return _HEDGED.search(normal) is not None or _PASSIVE_WISH.search(normal) is not None


# A wish not to wake up or to vanish, said beside "I'm safe", in the five languages.
_PASSIVE_WISH = re.compile(
    r"\b(?:(?:not|never) (?:to )?wake up|sleep forever|disappear|vanish|no despertar\w*"
    r"|desaparecer|nicht (?:mehr )?aufwachen|verschwinden|(?:pas|plus) me reveiller"
    r"|disparaitre|nao acordar|sumir)\b"
)


# Preparations already made: a letter left, things given away ("j'ai laissé une lettre").
_PREPARED = re.compile(
    r"\b(?:letters?|notes?|cartas?|nota|bilhetes?|briefe?|abschiedsbrief\w*|lettres?"
    r"|goodbye|adios|adieu|adeus|abschied|despedida|gave away|giving away|regale|verschenkt"
    r"|doei|donne mes)\b"
)


def named_means_or_time(text: str) -> bool:
    """Whether crisis messages name means at hand, a time or a preparation made ("the pills",
    "tonight", "I left a letter")."""
    normal = normalise(text)
    return any(found.search(normal) is not None for found in (_AT_HAND, _SOON, _PREPARED))


def _said_safe(normal: str) -> bool:
    """Safety said in so many words ("I'm safe", "I won't do anything"), not a bare "fine"."""
    return _SAFE_IN_WORDS.search(normal) is not None or SAFE_SAID_MORE.search(normal) is not None


def _safe(normal: str) -> bool:
    """Safe, or only fine or better, in words ("I'm safe for now", "tô bem", "safe.")."""
    timeless = without_safe_time(normal)
    return any(pattern.search(timeless) for pattern in (_SAFE, SAFE_SAID_MORE, FINE_MORE))


def _soon(normal: str) -> bool:
    """A time that makes it now, but for one that belongs to "I'm safe" ("safe tonight") and
    "now" in a wish to talk of something else ("I'd rather talk about work now")."""
    return _SOON.search(without_safe_time(normal)) is not None and not MOVE_ON.search(normal)


def _at_hand(normal: str) -> bool:
    """Not safe in words, the means at hand, or danger arriving or still meant."""
    return bool(_NOT_SAFE.search(normal) or _AT_HAND.search(normal) or DANGER_MORE.search(normal))


def _unless_said_safe(found: Screening | None, normal: str) -> Screening | None:
    """None when safety is said and only the learned layer read risk ("I won't do it. I'm safe
    and going to bed"): the wording resembles risk, the person says the opposite."""
    return None if found is not None and _safe(normal) and not worded(normal) else found


def _follow_up(text: str, found: Screening | None) -> FollowUp:
    """Danger, safe, stop or other, before a bare "fine" is weighed against what came before."""
    normal = normalise(text)
    if MEANS_AWAY.search(normal):
        # "Put the pills away and called my friend": a step toward safety, read without it.
        normal = MEANS_AWAY.sub(" , ", normal)
        found = screen(normal)
    said = normal
    refused = NO_TALK.search(normal) is not None
    if refused or ORDINARY_PLAN.search(normal):
        # "ich will jetzt nicht reden", "still going to the interview tomorrow": no intent
        # and no time of danger; what is left beside them is read as any message is.
        normal = ORDINARY_PLAN.sub(" , ", NO_TALK.sub(" , ", normal))
        found = screen(normal)
    found = _unless_said_safe(found, normal)
    if _DENIAL.search(normal):
        # Judge what is left once the denial is set aside: "I'm not in danger but I have the
        # pills" is still danger; "he was joking, I'm not in danger" is their word of safety.
        normal = _DENIAL.sub(" , ", normal)
        found = _unless_said_safe(screen(normal), normal)
        if found is None and not (_at_hand(normal) or _soon(normal) or _HEDGED.search(normal)):
            return FollowUp.SAFE
    at_hand = _at_hand(normal)
    if ABOUT_LINES.search(normal) and not at_hand and not _soon(normal) and not worded(normal):
        # A question about the lines, in no words of risk: earlier messages carried into the
        # screening (or the learned layer's reading of "call") do not make it danger.
        return FollowUp.ABOUT_LINES
    if at_hand or (found is not None and found.tier is Tier.CRISIS):
        return FollowUp.DANGER
    if _HEDGED.search(normal) and _soon(normal):
        # "I'm safe but tonight is bad": the time after the "but" outweighs the word.
        return FollowUp.DANGER
    if _safe(normal):
        return FollowUp.SAFE
    if found is not None or _soon(normal):
        # Any risk in the words counts as danger here: the person is already in crisis.
        return FollowUp.DANGER
    if _STOP.search(said) or STOP_MORE.search(said) or no_more_talk(said):
        return FollowUp.STOP
    if refused:
        return FollowUp.QUIET
    return FollowUp.OTHER
