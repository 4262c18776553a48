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
ERRAND_WORD = re.compile(
    r"\b(?:letters?|notes?|messages?|emails?|mails?|goodbyes?|farewell|cartas?|mensajes?"
    r"|correos?|despedida|briefe?|nachricht(?:en)?|abschied|lettres?|adieux?|mensage\w*|dissue"
    r"|way (?:out|through)|salida|saida|ausweg|issue|sortie)\b"
)
ERRAND = re.compile(
    r"[^.]{0,40}?\b(?:(?:about|regarding|re|concerning|asking|sobre|acerca de|uber|ueber|von"
    r"|zu|zum|zur|a propos d\w*|au sujet d\w*|sur|pour|to|for|al|a|an|au|aux|pro|pra|para"
    rf"|ao|of|out of|from|aus|de|del|do|da|in|en|im|em|with|con|mit|avec|com) {_DET}"
    rf"(?:{_RECIPIENT}|{_THING})\b|new job|contract ended|leaving do|last day)"
)


def errand(normal: str, start: int) -> bool:
    """Whether the words from `start` on make a letter, message or way out an errand."""
    return ERRAND.match(normal, start) is not None
