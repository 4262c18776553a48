"""Whether a message is clearly written in another language than English (pure, no I/O).

The coaching is in English (crisis screening reads five languages: bot/safety/). A message
is called foreign only when its common little words are clearly those of Spanish, German,
French or Portuguese and not English: names, places and a borrowed word ("ciao") do not
count. Commands typed in those languages ("ayuda", "abbrechen") count as foreign too.
"""

from __future__ import annotations

import re
import unicodedata

from bot.wording import normalise, word_set

# Function words frequent in each language and rare in English text (accents optional).
_BY_LANGUAGE = {
    "es": word_set(
        "el la los las un una unos unas y o pero porque que qué como cómo cuando cuándo donde "
        "dónde por para con sin sobre mi mis tu tus su sus es son está están estoy fue era ser "
        "estar hay muy más también ya no sí yo me te se nos lo le les del al este esta esto eso "
        "ese esa quiero puedo tengo necesito dijo dice jefe trabajo gracias hola ayuda cancelar "
        "sé hacer tal vez después negó nada "
        # Asking what a question means ("¿qué quieres decir?", "no entiendo la pregunta").
        "quieres decir entiendo pregunta"
    ),
    "de": word_set(
        "der die das den dem des ein eine einen einem einer und oder aber weil dass wie wann wo "
        "mit ohne für auf ist sind war bin hat habe haben nicht nein ja ich du er sie wir ihr "
        "mich mir dich dir sich auch noch schon sehr mein meine dein deine kein keine chef "
        "arbeit gesagt danke hallo hilfe abbrechen möchte will kann muss weiß weiss bitte warum "
        "nichts "
        # Asking what a question means ("was meinst du?", "ich verstehe die Frage nicht").
        "meinst meinen bedeutet verstehe frage"
    ),
    "fr": word_set(
        "le la les un une des et ou mais parce qu que est sont était suis je tu il elle nous "
        "vous ils elles pas ne ce cette ces mon ma mes ton ta tes son sa ses avec sans pour dans "
        "sur aussi très merci bonjour aide annuler patron travail veux peux dit sais rien "
        # Asking what a question means ("qu'est-ce que tu veux dire ?", "je comprends pas").
        "dire comprends veut"
    ),
    "pt": word_set(
        "os um uma e ou mas porque que é são foi era eu ele ela nós eles elas não sim meu "
        "minha com sem pra para também muito obrigado obrigada olá ajuda chefe disse quero posso "
        "sei nada "
        # Asking what a question means ("o que você quer dizer?", "não entendi a pergunta"):
        # without these, "que" alone made it Spanish.
        "você voce vocês isso isto quer dizer entendi entendo perguntar"
    ),
}
# The languages besides English the coach can tell, and say its safety texts in.
LANGUAGES = tuple(_BY_LANGUAGE)
_FOREIGN = frozenset().union(*_BY_LANGUAGE.values())
_ENGLISH = word_set(
    "the a an and or but because that what how when where with without for on in of to is "
    "are was were be been am i you he she we they it my your his her our their me him us "
    "them not no yes this these those have has had do does did will would can could should "
    "just about said told asked want wanted boss job work from at by as if so too very also "
    "again"
)
_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# More everyday English, for telling a message written in English that quotes or slips into
# another language ("Manager refused my raise. Me dijo que no hay presupuesto") from one
# written in that language: words the other languages share are left out below.
_ENGLISH_MORE = word_set(
    "i'm i've i'd it's don't didn't can't won't isn't wasn't doesn't that's there's they're "
    "we're you're she's he's got get gets getting had went going gone go come came left "
    "think thought know knew feel felt really honestly basically literally whatever anyway "
    "then now there here who which why still maybe though even only some any all more much "
    "other than into over after before again never always because since until while well "
    "manager landlord boss client partner company team meeting raise promotion rent salary "
    "refused rejected declined turned down asked told says said say tell talk talked reply "
    "replied walked answer answered next week month year today tomorrow yesterday time "
    "money budget offer plan hope hoped need needed like just annoyed angry sad upset "
    "frustrated okay ok yeah yep nope lol idk tbh so what now her him their our out up "
    "something nothing anything everything someone nobody one two first last new old good bad"
)


def foreign(text: str) -> bool:
    """Whether the message is clearly not English (at least two different foreign little
    words, and more of them than English ones)."""
    found = _WORDS.findall(normalise(text))
    if not found:
        return False
    theirs = len({word for word in found if word in _FOREIGN and word not in _ENGLISH})
    ours = sum(1 for word in found if word in _ENGLISH)
    if len(found) == 1:
        return found[0] in _COMMANDS
    return theirs >= 2 and theirs > ours and not _mostly_english(text)


_ALL_ENGLISH = (_ENGLISH | _ENGLISH_MORE) - _FOREIGN
_ONLY_FOREIGN = _FOREIGN - _ENGLISH - _ENGLISH_MORE
# Where one language may give way to another inside a message: a clause, a quote.
_SEGMENTS = re.compile(r"[.,;:!?()\"\u201c\u201d\u00ab\u00bb]+|\s'|'\s|\s-+\s|\bbut\b")


def _mostly_english(text: str) -> bool:
    """Whether a message is written in English around another language's words: at least as
    many everyday English words as words only the other languages use, or a clause of its
    own with three English words ("we had the meeting, il a dit que ce n'est pas possible")."""
    found = _WORDS.findall(normalise(text))
    english = sum(word in _ALL_ENGLISH for word in found)
    if english >= max(2, sum(word in _ONLY_FOREIGN for word in found)):
        return True
    return any(
        sum(word in _ALL_ENGLISH for word in _WORDS.findall(normalise(part))) >= 3
        for part in _SEGMENTS.split(text)
    )


def which(text: str) -> str | None:
    """The language a foreign message is in ("es", "de", "fr", "pt"); None when not foreign or
    when its little words fit two languages equally ("no sé" could be either)."""
    if not foreign(text):
        return None
    found = set(_WORDS.findall(normalise(text)))
    if len(found) == 1 and next(iter(found)) in _COMMANDS:
        return _COMMANDS[next(iter(found))]
    counts = sorted(
        ((len(found & words), code) for code, words in _BY_LANGUAGE.items()), reverse=True
    )
    (best, code), (second, _) = counts[0], counts[1]
    return code if best > second else None


# Words that alone are another language: commands (understood, and answered with the English
# note) and greetings English speakers seldom use.
_COMMANDS = {
    **dict.fromkeys(("ayuda", "cancelar", "hola", "atrás", "atras", "volver"), "es"),
    **dict.fromkeys(("hilfe", "abbrechen", "zurück", "zuruck", "zurueck"), "de"),
    **dict.fromkeys(("aide", "annuler", "retour"), "fr"),
    **dict.fromkeys(("ajuda", "olá", "voltar"), "pt"),
}

# Words people in distress write, for telling the language of a short message (spoken below);
# kept apart from the function words above so the coaching's note is said exactly as before.
_DISTRESS = {
    "es": word_set(
        "quiero morir morirme matarme vivir vida pastillas puedo aguanto aguantar noche hoy "
        "ahora mañana nadie solo sola miedo ayúdame dolor cortarme sí bien segura seguro "
        "estoy guardadas mañana despedirme perdón tomé frasco caja entera puente azotea tirarme "
        "saltar cuchillo cuerda soga veneno "
        # Self-harm and harm from someone else, said plainly ("me volví a cortar", "me pega").
        "matar cortar corto corté volví hago daño pega pegó golpea golpeó maltrata amenaza novio "
        "marido desaparecer "
        # Passive wishes, said with no word above ("a veces pienso que sería mejor no despertar").
        "veces pienso creo sería seria mejor despertar dormir cansado cansada harto harta"
    ),
    "de": word_set(
        "sterben umbringen leben tabletten heute nacht jetzt morgen niemand allein angst "
        "schmerz ritzen halte aus mehr kann bin sicher gut weiß weiss nicht nein ja mich "
        "tschüss abschied geschluckt genommen schachtel packung brücke dach springen seil "
        "strick gift messer hab gerade moment augenblick bett zimmer "
        # Passive wishes ("manchmal denke ich, es wäre besser, nicht aufzuwachen").
        "manchmal denke wäre waere besser aufwachen aufzuwachen einschlafen müde muede"
    ),
    "fr": word_set(
        "veux mourir tuer vivre vie cachets médicaments ce soir maintenant demain personne "
        "seul seule peur douleur plus suis oui non sais bien sécurité adieu aidez aide moi ai "
        "avalé toute tout boîte somnifères pont toit sauter corde lettre pardon couteau pris "
        # "ça va mieux, on peut reprendre ?": "on" alone made it English.
        "on ça va mieux reprendre reprend "
        # "je me fais du mal", "il me frappe": "me" is French too.
        "me fais mal scarifie scarifier coupe coupé coupée frappe frappé bat battu menace "
        "mari copain "
        # Asking about the lines: "ça se passe comment si j'appelle ? c'est gratuit ?"
        "passe comment quoi c'est j'appelle appelle appeler gratuit anonyme "
        # Passive wishes ("parfois je pense que ce serait mieux de ne pas me réveiller").
        "parfois pense serait mieux réveiller dormir fatigué fatiguée"
    ),
    "pt": word_set(
        "quero morrer matar viver vida remédios comprimidos hoje noite agora amanhã ninguém "
        "sozinho sozinha medo dor aguento mais estou segura seguro sim não sei bem adeus engoli "
        "caixa ponte telhado pular corda veneno faca vou "
        # "tô me cortando de novo", "ele me bate", "queria sumir": "me" is Portuguese too.
        "me tô to tá cortando cortei cortar machucando machuco machuquei consigo parar novo "
        "bate bateu batendo ameaçou ameaça marido namorado sumir queria fico melhor voltar "
        # Passive wishes ("às vezes acho que seria melhor não acordar").
        "vezes acho seria acordar dormir cansado cansada"
    ),
}
_LANGUAGE_OF = {code: _BY_LANGUAGE[code] | _DISTRESS[code] for code in _BY_LANGUAGE}


def _bare(word: str) -> str:
    """A word without its accents ("sí" is "si", "weiß" stays "weiß")."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


_BARE_OF = {code: frozenset(map(_bare, words)) for code, words in _LANGUAGE_OF.items()}
# "i'm" as the wording normal form writes "im" ("na im good" is English, not German "im").
_BARE_ENGLISH = frozenset(
    map(
        _bare,
        _ENGLISH
        | word_set("im i'm safe fine good alright nah yeah yep die kill myself pills tonight help"),
    )
)


def spoken(text: str) -> str | None:
    """The language a short message is most likely in ("en", "es", "de", "fr", "pt"), or None
    when its words tell none apart ("ok", "no", a name).

    Looser than `which`: one word of a language is enough when no other language has as
    many ("quiero morir", "ja"), so that a person in crisis is answered in their language.
    """
    words = [_bare(word) for word in _WORDS.findall(normalise(text))]
    counts = {code: sum(word in known for word in words) for code, known in _BARE_OF.items()}
    counts["en"] = sum(word in _BARE_ENGLISH for word in words)
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    (best, most), (_, second) = ranked[0], ranked[1]
    return best if most > second else None


def of_key(key: str) -> str:
    """The language a prompt key is in: "crisis.stop_es" is "es", "crisis.stop" is "en"."""
    code = key.rpartition("_")[2]
    return code if code in LANGUAGES else "en"


def keyed(key: str, code: str | None) -> str:
    """A prompt key in a language: "crisis.stop" in Spanish is "crisis.stop_es" (English and
    None are the key itself), as the language note's "language.english_es"."""
    return f"{key}_{code}" if code in LANGUAGES else key
