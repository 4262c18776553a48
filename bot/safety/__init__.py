"""Crisis screening for every user message, run before the engine sees it.

Two tiers. "crisis": a clear statement of suicidal intent, method, plan, preparation,
goodbye, current self-harm, or danger from someone else; the coach gives the crisis reply
at once. "possible": hopelessness, being a burden, wanting to disappear or not wake up,
ambiguous or negated mentions; the coach asks directly whether the person is thinking about
ending their life. English, Spanish, German, French and Portuguese are screened whatever
language the coaching is in, and the last few messages are read together with the new one.

Patterns first (english.py, other.py, and kinds.py for the five languages by kind: precise,
explainable, denials understood), run only where the prefilter finds the words they need
(prefilter.py). A match is set aside when a third person, a topic ("suicide prevention") or
an idiom ("dying of shame", a week away) frames it; a crisis long past and not now is asked
about. A possible risk said with a time, a place or the means at hand is a crisis. A message
that no pattern reads goes to the learned layer (learned.py: character n-grams, so words and
spellings never written into a pattern still count): a high risk score asks the direct
question, a high crisis score gives the crisis reply, and it also turns a possible risk a
pattern read into a crisis when its crisis score is high.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from bot.safety import english, kinds, learned, other
from bot.safety.normal import expand, normalise
from bot.safety.prefilter import Prefilter, anchored

__all__ = ["Concern", "Screening", "Tier", "screen"]


class Concern(StrEnum):
    """What kind of risk a message shows."""

    SUICIDE = "suicide"
    SELF_HARM = "self_harm"
    DANGER = "danger"  # danger from someone else: abuse, threats, violence against the user


class Tier(StrEnum):
    """How clear the risk is: a crisis reply at once, or a direct question first."""

    CRISIS = "crisis"
    POSSIBLE = "possible"


@dataclass(frozen=True, slots=True)
class Screening:
    """What screening found in a message: its tier and its concern."""

    tier: Tier
    concern: Concern


# Most acute first: a message that shows several gets the reply for the gravest.
_RULES: tuple[tuple[Tier, Concern, tuple[str, ...]], ...] = (
    (Tier.CRISIS, Concern.SUICIDE, english.SUICIDE + other.SUICIDE + kinds.SUICIDE),
    (Tier.CRISIS, Concern.SELF_HARM, english.SELF_HARM + other.SELF_HARM + kinds.SELF_HARM),
    (Tier.CRISIS, Concern.DANGER, english.DANGER + other.DANGER + kinds.DANGER),
    (Tier.POSSIBLE, Concern.SUICIDE, english.POSSIBLE + other.POSSIBLE + kinds.POSSIBLE),
    (Tier.POSSIBLE, Concern.SELF_HARM, kinds.POSSIBLE_SELF_HARM),
    (Tier.POSSIBLE, Concern.SUICIDE, english.NET),
)
# Every pattern on its own, gravest first, with what it means when it matches.
PATTERNS: tuple[str, ...] = tuple(expand(p) for _, _, group in _RULES for p in group)
_MEANING: tuple[Screening, ...] = tuple(
    Screening(tier, concern) for tier, concern, group in _RULES for _ in group
)
_COMPILED = tuple(anchored(pattern) for pattern in PATTERNS)
# The safety net's patterns come last; their matches are checked against common idioms.
_NET_FROM = len(PATTERNS) - len(english.NET)
_NET_IDIOMS = re.compile(
    r"\b(?:phone|battery|laptop|plant|hopes?|deal|project|idea|market|car|startup|career)"
    r"(?: \w+){0,3} (?:is |are |was |were )?dead\b|\bdead body\b|\brather die than\b"
    r"|\bto death\b|\bcould (?:just )?die\b[^.]{0,20}\bembarrass|\bend (?:things|it) with\b"
    r"|\bend of my rope\b|\b(?:doctor|gp|prescri\w*|upped|take|taking|on|pick up|collect"
    r"|refill|get) (?:my )?(?:pills"
    r"|tablets)\b|\b(?:pills|tablets) for (?:my )?(?:blood|pain|sleep|allergies|headache)"
    # "I'm dead lol": laughing at oneself.
    r"|\bim (?:literally |actually |so |just )?dead\b[^.]{0,60}\b(?:lol|lmao|haha\w*|rofl)\b"
)
# Disappearing for a while or to somewhere is a holiday, not a wish to be gone; dying of
# shame, hunger or laughter is an idiom. Both are checked against every possible risk.
_AWAY = re.compile(
    r"\b(?:disappear\w*|vanish|desaparecer|sumir|verschwinden|disparaitre)\b(?: \w+){0,4}"
    r" (?:for (?:a|an|two|2|the|few|\d+) |off (?:slack|teams|social|the grid|email)|to (?:a|the)"
    r" (?:beach|mountains?|island|cabin|countryside)|(?:una|uma|une|eine|deux|zwei) (?:semana"
    r"|semaine|woche|semanas|semaines|wochen)|(?:unos|uns) dias|ein paar tage|pra praia"
    r"|a la playa|en la playa|am meer)"
)
_DIE_OF = re.compile(
    r" (?:de|of|from|vor) (?:la |)(?:verguenza|risa|hambre|sed|calor|frio|aburrimiento|ganas"
    r"|envidia|miedo|honte|rire|faim|soif|chaud|ennui|peur|vergonha|rir|fome|sede|tedio|medo"
    r"|scham|lachen|hunger|langeweile|embarrassment|boredom|laughter|hunger|thirst)\b"
    r"|(?<=fighting) (?:with|for|over|against)\b"
)
# Someone else's words or acts ("my uncle died by suicide", "she wants to die lol", "el chico
# se suicida"): a third person just before the words, with no "I" between. Not the user's risk.
_FIRST = r"(?:i|im|ive|id|ill|me|my|myself|yo|ich|je|jai|eu|moi|mich|mir|mi|meu|minha|mein)"
_THIRD = re.compile(
    r"(?:\b(?:he|she|they|hes|shes|theyre|character|villain|hero|guy|girl|boy|friend|uncle"
    r"|aunt|cousin|brother|sister|dad|father|mum|mom|mother|grandad|grandpa|grandma|coworker"
    r"|colleague|neighbour|neighbor|son|daughter|chico|chica|abuelo|abuela|amigo|amiga|hermano"
    r"|hermana|ella|ele|ela|il|elle|er|sie|kollege|kollegin|freund|freundin|bruder|schwester"
    r"|onkel|ami|amie|oncle|irmao|irma|primo|prima|detective|protagonist|protagonista|narrator"
    r"|someone|somebody|people|personnage|personagem|personaje)"
    rf"(?: (?!{_FIRST}\b)\w+){{0,4}}|\b(?:se|sest|sich)"
    # "suicide prevention" said the other way round, in the other languages.
    r"|\b(?:prevencion|prevention|prevencao|sensibilisation|awareness) (?:del|du|de|ao|do|of)"
    r"(?: la)?) $"
)
# "suicide prevention training", "suicide rates": the word as a topic, not a wish.
_TOPIC = re.compile(
    r"\w* (?:prevention|rates?|awareness|hotline|helpline|statistics|stats|research|training"
    r"|course|figures|policy|month|day|article|documentary|podcast)\b"
)
_COMPOUND = re.compile(r"(?:pravention|praevention|forschung|statistik)\b")
# Ordinary errands that share a crisis's words: a letter or a last message to the recruiter
# or about the holidays, a goodbye to the team, no way out of a contract. Read just after a
# match (or anywhere, for the learned layer) when the match names a letter, a message, a
# goodbye or a way out; a letter "explaining why" or "to my kids" is still read.
_RECIPIENT = (
    r"(?:recruiter|recruteur|reclutador\w*|recrutador\w*|team|equipo|equipe|equipa|client\w*"
    r"|customers?|kunden|landlord|casero|vermieter|proprio|proprietaire|senhorio|hr|rrhh|rh"
    r"|boss|manager|chef\w*|jef[ae]|patron\w*|colleagues?|coworkers?|kollegen|collegues"
    r"|colegas|company|empresa|firma|entreprise|boite|bank|banco|banque|insurance|seguro"
    r"|versicherung|assurance|seguradora|school|escuela|schule|ecole|escola|university"
    r"|universidad|uni|universite|universidade|professor\w*|profesor\w*|lehrer\w*|prof"
    r"|agent|agente|editor\w*|publisher|verlag|editeur|interviewer|hiring \w+|council"
    r"|ayuntamiento|amt|mairie|prefeitura)"
)
_THING = (
    r"(?:project\w*|proyecto|projekt|projet|projeto|contract|contrato|contrat|vertrag|lease"
    r"|alquiler|aluguel|bail|mietvertrag|job|trabajo|boulot|travail|emploi|arbeit|trabalho"
    r"|emprego|stelle|deal|meeting|reunion|reuniao|besprechung|holidays?|vacations?"
    r"|vacaciones|ferien|urlaub|vacances|ferias|trip|viaje|reise|voyage|viagem|raise|aumento"
    r"|gehaltserhohung|augmentation|promotion|ascenso|beforderung|promocao|offer|oferta"
    r"|angebot|offre|proposta|interview|entrevista|gesprach|entretien|schedule|horario"
    r"|dienstplan|planning|escala|rent|renta|miete|loyer|bills?|factura|rechnung|facture"
    r"|conta|situation at work|job news|news|noticias|nachrichten|nouvelles|novidades"
    r"|cv|resume|lebenslauf|curriculo|application|solicitud|bewerbung|candidature"
    r"|candidatura|complaint|reclamacion|beschwerde|reclamation|reclamacao|resignation"
    r"|renuncia|kundigung|demission|demissao|bug|spreadsheet|deadline|exam|examen|prufung"
    r"|prova|thesis|tesis|these|tese|semester|course|curso|kurs|cours)"
)
_DET = (
    r"(?:(?:this|that|the|my|our|a|este|esta|ese|esa|el|la|los|las|mi|nuestro|nuestra|un|una"
    r"|diesem|dieser|diesen|dem|der|den|die|das|meinem|meiner|meinen|unserem|ce|cette|ces|le"
    r"|les|mon|ma|mes|notre|un|une|esse|essa|este|esta|o|os|as|meu|minha|nosso|nossa|um|uma)"
    r" )?(?:\w+ )?"
)
_ERRAND_WORD = re.compile(
    r"\b(?:letters?|notes?|messages?|emails?|mails?|goodbyes?|farewell|cartas?|mensajes?"
    r"|correos?|despedida|briefe?|nachricht(?:en)?|abschied|lettres?|adieux?|mensage\w*|dissue"
    r"|way (?:out|through)|salida|saida|ausweg|issue|sortie)\b"
)
_ERRAND = re.compile(
    r"[^.]{0,40}?\b(?:(?:about|regarding|re|concerning|asking|sobre|acerca de|uber|ueber|von"
    r"|zu|zum|zur|a propos d\w*|au sujet d\w*|sur|pour|to|for|al|a|an|au|aux|pro|pra|para"
    rf"|ao|of|out of|from|aus|de|del|do|da|in|en|im|em|with|con|mit|avec|com) {_DET}"
    rf"(?:{_RECIPIENT}|{_THING})\b|new job|contract ended|leaving do|last day)"
)


def _errand(normal: str, start: int) -> bool:
    """Whether the words from `start` on make a letter, message or way out an errand."""
    return _ERRAND.match(normal, start) is not None


# Long ago and over: "i attempted suicide years ago, better now" gets the question, not the
# crisis reply.
_PAST = re.compile(
    r"\b(?:years ago|year ago|as a (?:teen|kid|child|teenager)|when i was (?:younger|a teen"
    r"|a kid|at school|in school|\d+)|in the past|used to|hace (?:anos|mucho)|vor (?:jahren"
    r"|langer zeit)|il y a (?:des annees|longtemps)|(?:ha|faz) (?:anos|muito tempo)"
    r"|anos atras)\b"
)
_STILL = re.compile(
    r"\b(?:again|still|tonight|right now|otra vez|de nuevo|wieder|encore|de novo)\b"
)
PREFILTER = Prefilter(PATTERNS)

# "I'm not going to kill myself", "je ne suis pas suicidaire": a denial just before the words.
_NEGATED = re.compile(
    r"\b(?:not|never|wouldnt|wont|dont|didnt|nicht|nie|pas|nunca|jamais|jamas|nao"
    r"|no (?:soy|estoy|voy a|pienso|me voy a))(?: \w+){0,2} $"
)
# "...just frustrated", "...over a job": the denial is plainly meant; nothing is flagged.
_REASSURED = re.compile(
    r"\b(?:just|only|simply|merely|solo|nur|juste|so) (?:\w+ )?(?:frustrated|angry|annoyed"
    r"|venting|stressed|upset|tired|mad|disappointed|fed up|pissed|gutted|exhausted|frustrad\w*"
    r"|enfadad\w*|cansad\w*|frustriert|wutend|mude|frustre\w*|enerve\w*|fatigue\w*)\b"
    r"|\bdont worry\b|\bover (?:a|this|the|my) (?:job|raise|promotion|rejection|no|landlord"
    r"|boss|interview|deal)\b"
)
_BUT = re.compile(r"\b(?:but|though|although|pero|aber|mais|mas|sometimes)\b")
# Words that turn an earlier risk into now: "tonight's the night" after "I have pills saved".
_NOW = re.compile(
    r"\b(?:tonight|tonite|tn|tonights the night|its time|today is the day|this is it|im ready"
    r"|i am ready|goodbye|bye forever|farewell|do it|doing it|going to do it|gonna do it"
    r"|did it|right now|this weekend|in an hour|after (?:everyone|they) (?:is |are )?(?:asleep"
    r"|sleeps?|leaves?)|esta noche|es hoy|hoy es el dia|ahora mismo|lo hago|adios|heute nacht"
    r"|heute noch|jetzt gleich|lebt wohl|ich machs|ce soir|maintenant|je le fais|adieu"
    r"|esta noite|hoje a noite|hoje eu|agora mesmo|adeus|ive decided|i decided|i mean it"
    r"|i meant it|for real|im serious|already have|made up my mind|decidi|decidido"
    r"|entschieden|beschlossen|decide|resolvo|(?:es|is|ist|e) (?:el |der |o )?(?:dia|day|tag)"
    r"|cest le jour|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) then"
    # Or a search that follows it: "which one is the highest".
    r"|highest|tallest|how many|how much|going back there|back there now"
    # Or the means, a place or a goal that follows it: "anyway i've got the pills sorted",
    # "that's where i'm going after work", "finish it now", "it's not for anything good".
    r"|pills|tablets|meds|rope|noose|razor|blades?|pastillas|tabletten|cachets|comprimidos"
    r"|remedios|where im going|after work|finish it|end it|not for anything good|manana"
    r"|morgen|demain|amanha|tomorrow|not just (?:look|to look)|nicht nur schauen)\b"
)
# Self-harm long past, and now begun again: "started again this week".
_AGAIN = re.compile(
    r"\b(?:again|relapsed?|started back|otra vez|de nuevo|recai\w*|wieder|rückfall|ruckfall"
    r"|encore|rechute|recommence\w*|de novo|voltei)\b"
)
# After danger from someone: a weapon at hand is danger now ("ele ta com a faca").
_WEAPON = re.compile(
    r"\b(?:knife|gun|weapon|cuchillo|navaja|pistola|arma|messer|waffe|pistole|couteau|flingue"
    r"|faca|revolver)\b"
)
# A shrug after an earlier risk ("anyway whatever, the landlord said no"): the risk still
# stands; the words moved on, not the person.
_SHRUG = re.compile(
    r"^(?:anyway|anyways|whatever|so yeah|idk|just saying|nvm|never mind|bref|bon|enfin"
    r"|tanto faz|enfim|bueno|en fin|da igual|egal|naja|wie auch immer)\b"
)
# After danger from someone: that person arriving or near is danger now.
_ARRIVING = re.compile(
    r"\b(?:he|she|they|hes|shes|theyre|el|ella|er|sie|il|elle|ele|ela)\b[^.]{0,30}"
    r"\b(?:home|here|back|outside|driveway|door|coming|arriv\w*|llega|chega|kommt|rentre"
    r"|en casa|em casa|zu hause|a la maison)\b"
)
# A possible risk said with a time, a place or the means at hand is a plan: the crisis tier.
_PLAN = re.compile(
    r"\b(?:tonight|tonite|tn|right now|this weekend|tomorrow night|after my shift|when (?:everyone"
    r"|they)(?:s| is| are)? (?:asleep|gone|out)|pills|tablets|meds|rope|noose|gun|razor|blades?"
    r"|bridge|roof|ledge|train tracks|esta noche|pastillas|cuerda|puente|azotea|arma|heute nacht"
    r"|tabletten|seil|strick|brucke|pistole|ce soir|cachets|medocs|corde|pont|esta noite"
    r"|hoje a noite|remedios|comprimidos|corda|ponte|predio)\b"
)
# Earlier messages read together with the new one; each is cut to keep the cost bounded.
CONTEXT_MESSAGES = 3
_CONTEXT_CHARS = 500
# The learned layer reads this much of a message: its cost grows with the length.
_LEARNED_CHARS = 4000
# A message of one or two words gives character n-grams too little to weigh ("me" and
# "nothing" scored as risk): short clear statements are the patterns' job.
LEARNED_MIN_WORDS = 3
_WORD = re.compile(r"\w+")


def _scan(normal: str) -> tuple[Screening, re.Match[str]] | None:
    """The gravest pattern that matches an already normalised text, and where."""
    for index in sorted(PREFILTER.candidates(normal)):
        found = _COMPILED[index].search(normal)
        if found is None or (index >= _NET_FROM and _NET_IDIOMS.search(normal)):
            continue
        if _DIE_OF.match(normal, found.end()):
            continue
        if _MEANING[index].tier is Tier.POSSIBLE and _AWAY.search(normal):
            continue
        if _ERRAND_WORD.search(found.group()) and _errand(normal, found.start()):
            continue
        if _MEANING[index].concern is not Concern.DANGER and (
            _THIRD.search(normal, max(0, found.start() - 60), found.start())
            or _TOPIC.match(normal, found.end())
            or _COMPOUND.search(found.group())
        ):
            continue
        return _MEANING[index], found
    return None


def _learned(normal: str) -> Screening | None:
    """The learned layer's reading of a text no pattern matched (idioms asked nothing)."""
    found = learned.shipped().classify(normal[:_LEARNED_CHARS])
    if found is None:
        return None
    tier, concern = found
    if tier == Tier.POSSIBLE and (_NET_IDIOMS.search(normal) or _AWAY.search(normal)):
        return None
    errand = _ERRAND_WORD.search(normal)
    if errand is not None and _errand(normal, errand.start()):
        return None
    return Screening(Tier(tier), Concern(concern))


def _screen_one(normal: str, *, learn: bool = False) -> Screening | None:
    """One normalised text on its own, with denials taken into account.

    With `learn`, a text no pattern matched goes to the learned layer (only the new message
    does: earlier ones were screened when they came, and each reading costs time).
    """
    found = _scan(normal)
    if found is None:
        enough = learn and len(_WORD.findall(normal)) >= LEARNED_MIN_WORDS
        return _learned(normal) if enough else None
    meaning, match = found
    if meaning.concern is not Concern.DANGER and _NEGATED.search(normal[: match.start()]):
        after = normal[match.end() :]
        if _REASSURED.search(normal) and not _BUT.search(after):
            return None
        # A denial, then more: ask rather than assume.
        return Screening(Tier.POSSIBLE, meaning.concern)
    if meaning.tier is Tier.CRISIS and _PAST.search(normal) and not _STILL.search(normal):
        return Screening(Tier.POSSIBLE, meaning.concern)
    if meaning.tier is Tier.POSSIBLE:
        if match.re is not _COMPILED[-1] and _PLAN.search(normal):
            return Screening(Tier.CRISIS, meaning.concern)
        if learn:
            # Despair a pattern read, and the learned layer reads a crisis in the same words
            # ("i wanna dye tonite, got evrything ready"): the crisis reply, not a question.
            crisis = learned.shipped().crisis(normal[:_LEARNED_CHARS])
            if crisis is not None:
                return Screening(Tier.CRISIS, Concern(crisis))
    return meaning


def screen(text: str, context: Sequence[str] = ()) -> Screening | None:
    """The gravest risk a message shows, read with up to three earlier ones (oldest first).

    Returns None when it shows none. Never raises; any string is fine.
    """
    normal = normalise(text[: _CONTEXT_CHARS * 20])
    if not normal:
        return None
    found = _screen_one(normal, learn=True)
    earlier = [normalise(line[:_CONTEXT_CHARS]) for line in context[-CONTEXT_MESSAGES:]]
    earlier = [line for line in earlier if line]
    if not earlier or (found is not None and found.tier is Tier.CRISIS):
        return found
    # A thought split over two messages: "I just want to" then "die".
    # Each earlier message is read once, the learned layer included (a risk it alone read
    # is carried forward too); the last one also joined with the new.
    readings = [_earlier(line) for line in earlier]
    joined = _screen_one(f"{earlier[-1]} {normal}")
    if joined is not None and joined != readings[-1] and _rank(joined) > _rank(found):
        found = joined
    risky = [s for s in readings if s is not None]
    if not risky:
        return found
    worst = max(risky, key=_rank)
    danger = Screening(Tier.CRISIS, Concern.DANGER)
    if found is None and danger in risky and (_ARRIVING.search(normal) or _WEAPON.search(normal)):
        return danger
    if _NOW.search(normal):
        # Earlier risk, and now a time, the means or a goodbye: that is a plan.
        return Screening(Tier.CRISIS, worst.concern if worst != danger else Concern.SUICIDE)
    if worst.concern is Concern.SELF_HARM and _AGAIN.search(normal):
        # Self-harm said earlier (even long past), and now begun again.
        return Screening(Tier.CRISIS, Concern.SELF_HARM)
    if found is not None and any(s.tier is Tier.CRISIS for s in risky):
        return Screening(Tier.CRISIS, found.concern)
    if found is None and readings[-1] is not None and _SHRUG.search(normal):
        # The message just before showed risk and this one shrugs it off: still ask. (In the
        # coach the message after a possible risk answers the direct question, read alone.)
        return Screening(Tier.POSSIBLE, readings[-1].concern)
    return found


@lru_cache(maxsize=1024)
def _earlier(normal: str) -> Screening | None:
    """An earlier message's own reading, remembered: it was screened when it came."""
    return _screen_one(normal, learn=len(_WORD.findall(normal)) >= LEARNED_MIN_WORDS)


def _rank(found: Screening | None) -> int:
    """Orders screenings: nothing < possible < crisis."""
    if found is None:
        return 0
    return 2 if found.tier is Tier.CRISIS else 1


def warm() -> None:
    """Load the learned layer now (about 0.6 s), so the first message screened does not wait."""
    learned.shipped()
