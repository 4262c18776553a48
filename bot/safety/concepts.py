"""A small multilingual concept lexicon: words of the five languages mapped to shared concepts.

The learned layer sees a message's concepts ("@die", "@pills", "@tonight"...) and pairs of
nearby concepts ("@die+@want") beside its character n-grams, so a kind learned in one
language carries to the others: "quiero morir", "ich will sterben" and "i want to die" share
"@die+@want". Written against normal.normalise (lower case, accents and apostrophes gone).
Two-word phrases are looked up first, then whole words, then stems (a word's first letters).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

# concept -> its words in en, es, de, fr, pt, with common spellings and abbreviations; a word
# ending in "*" is a stem (the word's first four to seven letters).
WORDS: dict[str, str] = {
    "die": "die dying died dead death dye ded morir muero muera morirme muerte muerto morirse"
    " sterben sterbe tot tod mourir meurs meure mort morte crever morrer morro morra morto",
    "suicide": "suicid* kms ctb sewerslide unalive selbstmord freitod suizid* matarme"
    " suicidarme umbringen",
    "live": "live living alive life vivir vida vivo viva leben lebe lebendig vivre vie vivant"
    " viver",
    "want": "want wanna wish wished quiero quisiera queria ganas will willst mochte wunsche"
    " wollte veux voudrais envie quero vontade",
    "neg": "not no dont never nao nunca nie nicht kein keine keinen pas jamais nada nothing"
    " nobody nadie niemand personne ninguem nem ni",
    "more": "anymore longer mas mehr plus mais",
    "pills": "pill* tablet* meds medication* overdos* od pastilla* pildora* tabletten"
    " medikament* cachet* comprime* medoc* medicament* comprimido* remedio* sobredosis"
    " uberdosis surdose paracetamol",
    "now": "tonight tonite tn now today noche hoy ahora heute nacht jetzt gleich soir"
    " maintenant aujourdhui noite hoje agora",
    "later": "tomorrow tmrw manana morgen demain amanha weekend",
    "goodbye": "goodbye goodbyes bye farewell adios despedida despedirme abschied lebewohl"
    " verabschieden adieu adieux adeus despedir tchau",
    "note": "note notes letter letters carta cartas nota notas brief briefe abschiedsbrief"
    " lettre lettres bilhete",
    "last": "last final ultimo ultima letzte letzten letztes dernier derniere",
    "disappear": "disappear* vanish* gone desaparec* verschwind* weg disparai* sumir sumi sumiu",
    "burden": "burden* carga lasten fardeau fardo peso",
    "tired": "tired exhausted cansad* harto harta mude erschopft fatigue* epuise* exaust*",
    "point": "point pointless sentido sinn sinnlos sens",
    "cant": "cant cannot puedo kann peux consigo aguanto aguento ertrage supporte aguantar"
    " aguentar ertragen",
    "wake": "wake waking despertar aufwachen aufwache reveiller acordar",
    "forever": "forever siempre immer toujours sempre",
    "sleep": "sleep asleep dormir schlafen einschlafen",
    "cut": "cut cutting cuts razor* blade* cortarme cortes cortando cuchilla* ritzen geritzt"
    " ritze klinge* scarifi* lame lames cortar cortei gilete lamina* burn burning quemarme"
    " verbrennen bruler queimar selfharm sh autolesion autolesao automutil* selbstverletz*",
    "hit": "hit hits hitting beat beats beaten punch* chok* strangl* slap* kick* pega pego"
    " golpea* golpe* schlagt geschlagen schlagen frappe frapper bat battu bate batia bateu"
    " agride agred* empurr* stosst",
    "threat": "threat* amenaz* droht bedroht drohung menace* ameac*",
    "partner": "husband wife boyfriend girlfriend ex partner marido esposo esposa novio novia"
    " pareja mann frau freund freundin ehemann exmann mari femme copain copine conjoint"
    " namorado namorada companheiro",
    "weapon": "knife gun weapon cuchillo arma pistola messer waffe pistole couteau arme"
    " flingue faca revolver",
    "follow": "following follows followed stalk* sigue siguiendo persigue verfolgt suit"
    " segue seguindo persegue",
    "rope": "rope noose cuerda soga seil strick corde corda",
    "height": "bridge roof jump ledge cliff tracks puente tirarme azotea vias brucke springen"
    " dach klippe gleise pont sauter toit falaise ponte pular jogar predio telhado trilhos",
    "ready": "plan planned planning ready decided prepared listo lista decidido preparado"
    " bereit entschieden vorbereitet pret prete decide prepare pronto pronta decidi preparei",
    "saved": "saved stockpil* collected hoarded guardad* juntad* ahorrad* gesammelt gespart"
    " gehortet garde gardes economise guardei juntei",
    "give_away": "regalando regale verschenk* doando doei",
    "hope": "hope hopeless esperanza hoffnung hoffnungslos espoir esperanca desesper*",
    "way_out": "salida ausweg issue saida sortie",
    "search": "search* googl* busqu* busca* gesucht suche cherch* pesquis* cuantas cuantos"
    " combien quantos quantas",
    "self": "i me my myself im ive id yo mi mis ich mich mir mein meine je moi jai eu mim"
    " meu minha",
    "third": "he she they hes shes el ella er sie il elle ele ela",
    "everyone": "everyone everybody todos alle tout",
    "joke": "lol lmao haha hahaha jk xd jaja jajaja kkk kkkk mdr ptdr rofl",
    "work": "job work boss manager project meeting deadline client recruiter trabajo jefe"
    " proyecto reunion cliente arbeit chef projekt kunde travail boulot patron projet"
    " trabalho chefe projeto reuniao emprego",
    "again": "again relapse* wieder encore recai*",
    "end": "end ending over finish acabar terminar fin ende beenden schluss finir terminer fim",
}
# concept -> two-word phrases, read before the words one by one.
PHRASES: dict[str, str] = {
    "suicide": "kill myself, off myself, me matar, mich umbringen, me tuer, me suicider,"
    " mettre fin, en finir, end it, end things, finish it",
    "better_off": "better off, mejor sin, besser ohne, mieux sans, melhor sem, happier without,"
    " easier without",
    "self_harm": "hurt myself, harm myself, hacerme dano, me machucar, me lastimar, me blesser,"
    " mich verletzen",
    "threat": "kill me, me mata, me matar, mich um",
    "give_away": "giving away, gave away, give away, donne mes",
    "way_out": "way out",
    "search": "looked up, looking up, how many, how much, wie viele",
    "again": "otra vez, de nuevo, de novo",
    "everyone": "todo mundo",
}

# Concepts this near each other (in concepts, not words) are also read as a pair.
WINDOW = 3


@dataclass(frozen=True, slots=True)
class _Tables:
    """The lexicon as lookups, every concept written "@name": word -> concept ("" for none,
    filled in as words are seen), stem -> concept, the stems' lengths, two-word phrase ->
    concept, phrases' first words, and (concept, concept) -> their pair's feature."""

    words: dict[str, str]
    stems: dict[str, str]
    sizes: tuple[int, ...]
    pairs: dict[str, str]
    firsts: frozenset[str]
    joined: dict[tuple[str, str], str]


@cache
def _tables() -> _Tables:
    """The lookups, built once from WORDS and PHRASES."""
    words: dict[str, str] = {}
    stems: dict[str, str] = {}
    for concept, entries in WORDS.items():
        for entry in entries.split():
            if entry.endswith("*"):
                stems.setdefault(entry[:-1], f"@{concept}")
            else:
                words.setdefault(entry, f"@{concept}")
    pairs = {
        phrase.strip(): f"@{concept}"
        for concept, entries in PHRASES.items()
        for phrase in entries.split(",")
    }
    sizes = tuple(sorted({len(stem) for stem in stems}, reverse=True))
    names = sorted({*words.values(), *stems.values(), *pairs.values()})
    # Built once so that reading a message makes no new strings for its pairs.
    joined = {(a, b): f"{min(a, b)}+{max(a, b)}" for a in names for b in names if a != b}
    firsts = frozenset(phrase.split(" ")[0] for phrase in pairs)
    return _Tables(words, stems, sizes, pairs, firsts, joined)


# Words seen are remembered with their concept (or none) up to this many: a dictionary look-up
# is then all a word costs; beyond it, unknown words are looked up by stem every time.
_REMEMBERED = 200_000


def _concept(tables: _Tables, token: str) -> str:
    """The concept of one word not yet in the table ("" for none), remembered."""
    found = ""
    for size in tables.sizes:
        if len(token) >= size:
            found = tables.stems.get(token[:size], "")
            if found:
                break
    if len(tables.words) < _REMEMBERED:
        tables.words[token] = found
    return found


def _found(normal: str) -> list[str]:
    """The concepts ("@name") of a normalised text in order, one per word or two-word phrase."""
    tables = _tables()
    words, firsts = tables.words, tables.firsts
    tokens = normal.split(" ")
    found: list[str] = []
    index, size = 0, len(tokens)
    while index < size:
        token = tokens[index]
        index += 1
        if token in firsts and index < size:
            pair = tables.pairs.get(f"{token} {tokens[index]}")
            if pair is not None:
                found.append(pair)
                index += 1
                continue
        concept = words.get(token)
        if concept is None:
            concept = _concept(tables, token)
        if concept:
            found.append(concept)
    return found


def concepts(normal: str) -> list[str]:
    """The names of the concepts of a normalised text in order ("die", "want", ...)."""
    return [concept[1:] for concept in _found(normal)]


def features(normal: str) -> set[str]:
    """'@concept' for each concept of the text, and '@a+@b' (sorted) for concepts close by."""
    found = _found(normal)
    grams = set(found)
    if len(grams) > 1:
        joined = _tables().joined
        for index, first in enumerate(found):
            for second in found[index + 1 : index + 1 + WINDOW]:
                if first != second:
                    grams.add(joined[first, second])
    return grams
