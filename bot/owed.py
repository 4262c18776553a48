"""A no about something the other side may owe, and a wish for a plain plan (pure).

A repair, a deposit, wages, a refund, what a contract or the law says: a hard no there is not
the end of it, so the coach names the levers (a written request, the person's rights, the body
that enforces them) instead of "respect it". The words are what people type, in five
languages, so they live here rather than in prompts/.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.wording import normalise

# Where a duty may stand behind the no (the setback, what was asked, the notes beside choices).
_READ = ("setback", "ask", "boundary_note", "timing_note", "unseen")

_DUTY = re.compile(
    r"\b(?:"
    # English
    r"repairs?|fix(?:ing|ed)? (?:the|my|it|our)|heating|heater|boiler|hot water|no water|mou?ld|"
    r"damp|leak(?:s|ing)?|deposit|wages?|salary|unpaid|back ?pay|overtime|paycheck|payslip|"
    r"owe[sd]?|owing|"
    r"refund|warranty|guarantee|contract(?:ual)?|lease says|legal(?:ly)?|by law|the law|"
    r"obligat(?:ed|ion)|entitled|my rights|"
    # Spanish
    r"arregl\w*|repar\w*|calefacci[oó]n|caldera|fr[ií]o|humedad|moho|gotera|fianza|dep[oó]sito|"
    r"sueldo|salario|n[oó]mina|horas extra|me debe\w*|reembolso|garant[ií]a|contrato|por ley|"
    r"la ley|obligad[oa]|derechos?|"
    # German
    r"kaputt|heizung|schimmel|kaution|lohn|gehalt|[üu]berstunden|schuldet|erstattung|"
    r"gew[äa]hrleistung|garantie|vertrag|gesetz\w*|verpflichtet|meine rechte|"
    # French
    r"r[ée]par\w*|chauffage|moisissure|fuite|caution|salaire|heures sup\w*|me doit|"
    r"remboursement|contrat|la loi|oblig[ée]e?|mes droits|"
    # Portuguese
    r"consert\w*|aquecimento|mofo|bolor|infiltra[çc][aã]o|cau[çc][aã]o|sal[aá]rio|"
    r"horas extras?|me deve|reembolso|garantia|contrato|pela lei|a lei|obrigad[oa]|meus direitos"
    r")\b"
)


def owed(answers: Mapping[str, str]) -> bool:
    """Whether the no is about something the other side may owe (a repair, a deposit, wages,
    a refund, a contract's or the law's duty), read in the person's own answers."""
    said = " ".join(answers.get(name, "") for name in _READ)
    return _DUTY.search(normalise(said)) is not None


# "i want a concrete plan pls, not a pep talk": the card without the encouragement.
_PLAIN = re.compile(
    r"\b(?:(?:no|not a|not the|without|skip the|less|enough|stop the|spare me the) "
    r"(?:pep ?talks?|motivational|motivation|cheerleading|fluff|therapy talk|platitudes|"
    r"inspirational)|pep ?talks?|just (?:the|give me the|a) (?:steps|plan|facts)|"
    r"(?:concrete|practical|plain|actual|real) (?:plan|steps)|"
    r"sin (?:rollos|discursos|charla motivacional)|nur (?:die )?fakten|pas de (?:blabla|discours)|"
    r"sem (?:discurso|conversa motivacional))\b"
)
PLAIN_KEY = "style"


def wants_plain(text: str) -> bool:
    """Whether a message asks for a plain, concrete plan rather than encouragement."""
    return len(text) <= 200 and _PLAIN.search(normalise(text)) is not None


def plain(answers: Mapping[str, str]) -> bool:
    """Whether the person asked for the plain card."""
    return answers.get(PLAIN_KEY) == "plain"
