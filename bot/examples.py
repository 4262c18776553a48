"""Examples that fit the setback: a job rejection is explained with a job, never a landlord (pure).

A question's explanation gives an example answer. The setback and the ask tell what kind of
no it is (a job applied for, a request at work, a home, a relationship, a client or deal,
read in five languages); where a question has an example for that kind
(`<step>.explain_<kind>`) it is used, else the question's own. Asked in another language, the
explanation comes in it (`<step>.explain_<code>`, prompts/asked_back.toml).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot import dialogue, language
from bot.domain import Reply, Session, Step
from bot.steps import choices

# The kinds of no, tried in this order: the first whose words the setback or ask holds.
_KINDS: dict[str, re.Pattern[str]] = {
    "love": re.compile(
        r"\b(?:girlfriend|boyfriend|gf|bf|partner|wife|husband|fianc[ée]e?|date|dating|crush|"
        r"broke up|break up|breakup|move in together|moving in together|marry|"
        r"novia|novio|pareja|esposa|marido|freundin|freund|partnerin|ehefrau|ehemann|"
        r"copine|copain|ma femme|mon mari|namorada|namorado)\b",
        re.IGNORECASE,
    ),
    "home": re.compile(
        r"\b(?:landlord|landlady|rent|lease|flat|apartment|tenant|tenancy|deposit|heating|"
        r"letting agent|casero|casera|alquiler|piso|arrendador|fianza|vermieter(?:in)?|miete|"
        r"wohnung|kaution|propri[ée]taire|proprio|loyer|appartement|senhori[oa]|aluguel|"
        r"apartamento|inquilino|cau[çc][ãa]o)\b",
        re.IGNORECASE,
    ),
    "client": re.compile(
        r"\b(?:clients?|customers?|deal|contract|proposal|pitch|quote|investors?|funding|"
        r"cliente|clientes|contrato|propuesta|inversor|kunden?|kundin|auftrag|investor|"
        r"contrat|devis|investisseur|proposta|investidor)\b",
        re.IGNORECASE,
    ),
    "work": re.compile(
        r"\b(?:raise|promotion|promoted|salary|pay rise|manager|boss|remote|wfh|time off|"
        r"bonus|transfer|aumento|ascenso|jefe|jefa|sueldo|salario|teletrabajo|"
        r"gehaltserh[öo]hung|gehalt|bef[öo]rderung|chef(?:in)?|homeoffice|augmentation|"
        r"salaire|patron(?:ne)?|t[ée]l[ée]travail|promo[çc][ãa]o|chefe|sal[áa]rio)\b",
        re.IGNORECASE,
    ),
    "job": re.compile(
        r"\b(?:jobs?|position|role|interview(?:ed|s)?|hired|hire|hiring|recruiter|"
        r"application|applied|candidate|internship|trabajo|empleo|puesto|entrevista|"
        r"contrataron|stelle|bewerbung|vorstellungsgespr[äa]ch|eingestellt|absage|poste|"
        r"emploi|candidature|entretien|embauch\w*|vaga|emprego|contrataram|candidatura)\b",
        re.IGNORECASE,
    ),
}
KINDS = tuple(_KINDS)
# The questions with an example for each kind of no.
FITTED = (
    Step.ASK,
    Step.TIMING,
    Step.UNSEEN,
    Step.OFFER,
    Step.DONE,
    Step.GAIN,
    Step.OPTION_DETAIL,
)
KEYS = (
    *(f"{at.value}.explain_{kind}" for at in FITTED for kind in KINDS),
    "option.explain_hard",
)


def kind_of(answers: Mapping[str, str]) -> str | None:
    """The kind of no the setback and the ask tell ("job", "work", "home", "love",
    "client"); None when they tell none."""
    told = f"{answers.get(Step.SETBACK.value, '')} {answers.get(Step.ASK.value, '')}"
    return next((kind for kind, words in _KINDS.items() if words.search(told)), None)


def with_choices(session: Session, current: Step, text: str) -> Reply:
    """One of the step's own texts (`explain`, `gentle`), with the step's choices."""
    offered = dialogue.choices(current, session.answers)
    return Reply(
        f"{current.value}.{text}",
        choices=choices(current.value, offered),
        choice_step=current.value if offered else None,
    )


def explained(session: Session, current: Step, asked: str = "") -> Reply:
    """The step's explanation, with its choices: in the language it was asked in ("o que
    você quer dizer?" -> `explain_pt`), else with an example that fits the setback."""
    code = language.which(asked) if asked else None
    if code is not None:
        return with_choices(session, current, language.keyed("explain", code))
    kind = kind_of(session.answers)
    if current in FITTED and kind is not None:
        return with_choices(session, current, f"explain_{kind}")
    if current is Step.OPTION and dialogue.path_of(session.answers) is dialogue.Path.HARD:
        # The door is closed: the third option looks elsewhere, not for a middle way with them.
        return with_choices(session, current, "explain_hard")
    return with_choices(session, current, "explain")
