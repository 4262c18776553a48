"""Ordinary errands that share a crisis's words, in the five languages.

A letter or a last message to the recruiter or about the holidays, a goodbye to the team, no
way out of a contract or a project: set aside when the match names a letter, a message, a
goodbye or a way out and an ordinary recipient or thing follows it. Written against
normal.normalise.
"""

from __future__ import annotations

import re

# Ordinary errands that share a crisis's words: a letter or a last message to the recruiter
# or about the holidays, a goodbye to the team, no way out of a contract. Read just after a
# match (or anywhere, for the learned layer) when the match names a letter, a message, a
# goodbye or a way out; a letter "explaining why" or "to my kids" is still read.
_RECIPIENT = (
    r"(?:recruiter|recruteur|reclutador\w*|recrutador\w*|team|equipo|equipe|equipa|client\w*"
    r"|customers?|kunden|landlord|casero|vermieter|proprio|proprietaire|senhorio|hr|rrhh|rh"
    r"|boss|manager|chef\w*|jef[ae]|patron\w*|colleagues?|coworkers?|kollegen|collegues"
    r"|colegas|company|empresa|firma|entreprise|lentreprise|lequipe|lagence|boite|bank|banco|banque|insurance|seguro"
    r"|versicherung|assurance|lassurance|seguradora|school|escuela|schule|ecole|lecole|escola"
    r"|university"
    r"|universidad|uni|universite|universidade|professor\w*|profesor\w*|lehrer\w*|prof"
    r"|agent|agente|editor\w*|publisher|verlag|editeur|interviewer|hiring \w+|council"
    r"|ayuntamiento|amt|mairie|prefeitura|housemates?|roommates?|flatmates?|neighbou?rs?"
    r"|companeros|companeras|compis|mitbewohner\w*|nachbarn|colocs?|colocataires|voisins"
    r"|vizinhos|everyone at (?:the |my )?(?:\w+ )?(?:office|work|job|company))"
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
ERRAND_WORD = re.compile(
    r"\b(?:letters?|notes?|messages?|emails?|mails?|goodbyes?|farewell|cartas?|mensajes?"
    r"|correos?|despedida|briefe?|nachricht(?:en)?|abschied\w*|lettres?|d?adieux?|mensage\w*|dissue"
    r"|way (?:out|through)|salida|saida|ausweg|issue|sortie)\b"
)
ERRAND = re.compile(
    r"[^.]{0,40}?\b(?:(?:about|regarding|re|concerning|asking|sobre|acerca de|uber|ueber|von"
    r"|zu|zum|zur|a propos d\w*|au sujet d\w*|sur|pour|to|for|al|a|an|au|aux|pro|pra|pros"
    r"|pras|aos|para"
    rf"|ao|of|out of|from|aus|de|del|do|da|in|en|im|em|with|con|mit|avec|com|on) {_DET}"
    rf"(?:{_RECIPIENT}|{_THING})\b|new job|contract ended|leaving do|last day|moving out"
    r"|ultimo dia|letzter tag|letzten tag|dernier jour|ultima semana|me mudo|vou me mudar"
    r"|pot de depart|leaving drinks|despedida de la empresa|ausstand|festa de despedida"
    r"|ziehe? (?:um|aus)|demenage\w*)"
)


# The recipient named just before: "wrote my manager a letter explaining why i deserve the
# raise", "escribí al casero una carta".
_ADDRESSED = re.compile(
    rf"\b{_RECIPIENT} (?:\w+ )?(?:a|an|the|one|my|una|uma|um|une|un|ein|eine|einen|mi|ma|mon) $"
)


def errand_match(normal: str, found: re.Match[str]) -> bool:
    """Whether a pattern's match names a letter, message or way out that is an errand."""
    word = ERRAND_WORD.search(found.group())
    return word is not None and errand(normal, found.start() + word.start())


def errand(normal: str, start: int) -> bool:
    """Whether the words at `start` (a letter, message or way out) make it an errand: an
    ordinary recipient or thing after them, or a recipient just before."""
    return (
        ERRAND.match(normal, start) is not None
        or _ADDRESSED.search(normal, max(0, start - 40), start) is not None
    )


# Medicine in ordinary life: taken every morning, with breakfast, as prescribed, forgotten, a
# course finished ("i take all my meds every morning", "ich habe meine Tabletten vergessen").
# Set aside when no death word, time tonight, hoard or "at once" stands beside it.
MEDS = re.compile(
    r"\b(?:pills?|tablets?|meds|medication|medicine|medicines|antibiotics|pastillas|pildoras"
    r"|medicamentos?|medicinas|tabletten|medikamente?|pillen|cachets|medicaments?|medocs"
    r"|comprimes|comprimidos|remedios|pilulas|painkillers|analgesicos|schmerzmittel"
    r"|antidouleurs|dose)\b"
)
_ROUTINE = re.compile(
    r"\b(?:(?:every|each|cada|jeden|jede|jedes|chaque|tous les|toutes les|todas las|todos los"
    r"|todos os|todas as|todo|toda) (?:morning|day|night|evening|manana|dia|noche|morgen|tag"
    r"|abend|matin|soir|jour|manha|noite)|in the morning|le matin|de manha|pela manha"
    r"|por la manana|am morgen|morgens|abends|daily|diario|taglich|quotidien\w*|diariamente"
    r"|with (?:breakfast|food|dinner|lunch)|con el desayuno|zum fruhstuck|au petit dejeuner"
    r"|no cafe da manha|as prescribed|like the doctor said|doctors orders|como (?:me )?dijo el"
    r" medico|wie verschrieben|comme prescrit|como o medico mandou|forgot|forgotten|vergessen"
    r"|olvide|oublie\w*|esqueci|remember\w*|lembrei|erinner\w*|recorde|tratamiento|tratamento"
    r"|traitement|antibiotic\w*|antibiotique\w*"
    # A dose as prescribed, after an operation: "took my evening dose", "tomei a dose da noite".
    r"|(?:evening|morning|night|usual|normal) dose|dosis de la (?:noche|manana)|abenddosis"
    r"|morgendosis|dose du (?:soir|matin)|dose da (?:noite|manha)|surgery|operation|operacion"
    r"|cirugia|cirurgia|op|chirurgie|painkillers|analgesicos|schmerzmittel|antidouleurs"
    r"|antibiotik\w*|antibiotico\w*)\b"
)
_INTENT = re.compile(
    r"\b(?:die|dying|dead|death|kill|end|overdose|od|suicid\w*|forever|wake|morir\w*|muer\w*"
    r"|matar\w*|sterb\w*|tod|umbring\w*|mourir|mort|tuer|morrer|morte|acabar|schluss|finir"
    r"|tonight|tonite|esta noche|heute nacht|ce soir|esta noite|at once|de una vez|auf einmal"
    r"|dun coup|de uma vez|de golpe|saved|saving|stockpil\w*|hoard\w*|guarde\w*|guardei|juntei"
    r"|juntando|gesammelt|sammle|gardees?|enough|suficientes?|genug|assez|whole|inteira|entera"
    r"|ganze|entiere|goodbye|adios|adeus|tschuss|adieu|bye)\b"
)


def medicine(normal: str) -> bool:
    """Whether a text speaks of medicine in ordinary life, with nothing of death beside it."""
    return (
        MEDS.search(normal) is not None
        and _ROUTINE.search(normal) is not None
        and _INTENT.search(normal) is None
    )
