"""Words after a crisis reply that resemble danger or safety and are neither, in English,
Spanish, German, French and Portuguese: a refusal to talk with its own time ("no quiero
hablar ahora"), an ordinary plan ("I'm still going to the interview tomorrow"), and a question
that holds reassuring words ("ça va?", "are you ok?").

The refusal and the plan are set aside (with the times that belong to them) and the rest of
the message is read as before, so words of danger beside them still count. The patterns run
on text normalised by bot.safety.normal; questions are found in the raw text, whose "?" the
normal form drops.
"""

from __future__ import annotations

import re

__all__ = ["NO_TALK", "ORDINARY_PLAN", "no_more_talk", "without_questions"]

# A time or an "anyway" that belongs to the words beside it ("not now", "igual", "trotzdem").
_WHEN = (
    r"(?:right now|now|today|tonight|tomorrow|later|anyway|anyways|regardless|still"
    r"|this (?:morning|afternoon|evening|week)|first thing|at the moment|anymore|any more"
    r"|ahora(?: mismo)?|ahorita|hoy|esta noche|manana|luego|despues|igual|igualmente"
    r"|de todos modos|de todas formas|aun asi|mas|por ahora"
    r"|jetzt|gerade|grad|heute(?: abend| nacht)?|morgen(?: fruh)?|gleich|nachher|spater"
    r"|trotzdem|sowieso|immer noch|noch|einfach|mehr|erst mal|erstmal"
    r"|maintenant|ce soir|aujourdhui|demain|plus tard|quand meme|tout de meme|pour l instant"
    r"|pour linstant|pour le moment"
    r"|agora|hoje|esta noite|amanha|depois|mesmo assim|assim mesmo|ainda|de qualquer jeito"
    r"|de qualquer forma|por enquanto)"
)

# Where a time said after the words still belongs to them: the message or sentence ends, or
# only thanks or a new clause follow (commas are gone from the normal form, so "no quiero
# hablar esta noche lo hago" keeps its "esta noche" for the rest: danger).
_ENDS = (
    r"(?= \.|$| (?:and|but|then|so|y|pero|luego|und|aber|dann|et|mais|puis|e|mas|entao"
    r"|thanks|thank you|gracias|danke|merci|obrigad[oa]|please|por favor|bitte|sorry|ok|okay)\b)"
)
# Times before the words count only at the start of the message or of a sentence.
_LEAD = rf"(?:(?:^|(?<=\. ))(?:{_WHEN} )+)?"

# Not wanting to talk, with what it is about and its time: no wish to end, nothing of safety.
NO_TALK = re.compile(
    _LEAD + r"(?:"
    r"\b(?:i )?(?:dont|do not|dont really|really dont|didnt|would rather not|d rather not"
    r"|rather not|cant|cannot|wont|not in the mood to|am not ready to|im not ready to)"
    r" (?:want to |wanna |feel like |)(?:talk|talking|chat|chatting|discuss|speak|speaking"
    r"|get into it|go into it)"
    r"|\bnot (?:talking|ready to talk|in the mood to talk)"
    r"|\b(?:no )?(?:quiero|tengo ganas de|me apetece|puedo|prefiero no|estoy para)"
    r" (?:seguir )?(?:hablar|hablando|conversar|platicar)(?:lo)?"
    r"|\bprefiero no hablar"
    r"|\b(?:ich )?(?:will|mochte|moechte|mag|kann|darf|werde)(?: (?:jetzt|gerade|grad|heute"
    r"|daruber|druber|davon|mit dir|einfach|echt|wirklich|so))* (?:nicht|nich|net|kein wort)"
    r"(?: (?:jetzt|gerade|grad|heute|mehr|daruber|druber|davon|mit dir|so))*"
    r" (?:reden|sprechen|quatschen|schreiben|erzahlen)"
    r"|\b(?:hab |habe )?keine lust(?: \w+){0,2}? (?:zu |zum |auf )?(?:reden|sprechen|quatschen)"
    r"|\b(?:je )?(?:ne )?(?:veux|peux|souhaite|prefere|ai) (?:pas|plus|pas envie|plus envie)"
    r"(?: envie)?(?: d| de)? ?(?:en )?(?:parler|discuter|causer)"
    r"|\b(?:j ?ai |jai )?(?:pas|plus) envie (?:d ?en|den|de) (?:parler|discuter)"
    r"|\bprefere ne pas (?:en )?parler"
    r"|\b(?:eu )?(?:nao )?(?:quero|consigo|to a fim de|estou a fim de|prefiro nao|posso)"
    r" (?:mais )?(?:falar|conversar)"
    r")(?: (?:about (?:it|this|that)|de (?:eso|esto|ello|eso ahora)|sobre (?:eso|esto|isso|isto)"
    r"|disso|disto|nisso|daruber|druber|davon|den|d en|de ca|de tout ca|about anything"
    r"|with you|contigo|mit dir|avec toi|com voce|more|mas|mais|plus))*"
    + rf"(?:(?: {_WHEN})+{_ENDS})?\b"
)

_NO_MORE = re.compile(r"\b(?:anymore|any more|mehr|plus|mas|mais)\b")


def no_more_talk(normal: str) -> bool:
    """Whether a refusal to talk says "any more" ("ich will nicht mehr reden", "je veux plus
    en parler"): wanting the conversation to end, read as stop."""
    found = NO_TALK.search(normal)
    return found is not None and _NO_MORE.search(found.group()) is not None


# Places, events and everyday things people go to or do; none of them a means or a place of
# danger (bridge, roof, tracks, station, garage, river, sea: left out on purpose).
_ORDINARY = (
    r"(?:interview|meeting|appointment|appt|class|classes|lecture|exam|test|shift|job|work"
    r"|office|school|college|uni|university|campus|gym|doctor|doctors|dentist|therapist"
    r"|therapy|counsellor|counselor|gp|hospital|clinic|party|dinner|lunch|breakfast|wedding"
    r"|game|match|concert|movie|movies|cinema|church|mass|practice|training|rehearsal"
    r"|session|review|presentation|conference|store|shop|shops|supermarket|library|friends?"
    r"|mums?|moms?|mothers?|dads?|parents|sisters?|brothers?|family|date|course|recruiter"
    r"|entrevista|reunion|cita|trabajo|chamba|curro|oficina|clase|clases|escuela|colegio"
    r"|universidad|facultad|examen|medico|medica|doctora|dentista|terapia|terapeuta|psicologo"
    r"|psicologa|psiquiatra|gimnasio|fiesta|cena|comida|almuerzo|boda|partido|concierto|cine"
    r"|iglesia|misa|entrenamiento|ensayo|tienda|super|supermercado|biblioteca|casa"
    r"|termin|vorstellungsgesprach|bewerbungsgesprach|gesprach|besprechung|arbeit|buro"
    r"|schule|vorlesung|kurs|prufung|arzt|arztin|hausarzt|zahnarzt|therapie|therapeutin"
    r"|krankenhaus|klinik|fitnessstudio|feier|hochzeit|spiel|konzert|kino|kirche|probe"
    r"|bibliothek|hause|freundin|freund|eltern|mutter|mama|vater|papa|schwester|bruder"
    r"|lentretien|entretien|travail|boulot|taf|bureau|cours|lecole|ecole|fac|luniversite"
    r"|universite|medecin|docteur|psy|therapeute|lhopital|hopital|rendez vous|rdv|salle"
    r"|sport|fete|soiree|diner|dejeuner|mariage|cine|leglise|eglise|entrainement|repetition"
    r"|magasin|supermarche|bibliotheque|maison"
    r"|reuniao|consulta|servico|escritorio|aula|faculdade|facul|universidade|prova|academia"
    r"|festa|jantar|almoco|casamento|jogo|show|cinema|igreja|missa|treino|loja|mercado)"
)
# Everyday things people say they will do ("gonna eat", "voy a trabajar", "je vais courir").
# Sleep, rest and bed are left out: "going to sleep" can mean not waking up.
_DOING = (
    r"(?:work|study|cook|eat|shower|go for a (?:walk|run)|take a (?:walk|shower)"
    r"|watch (?:a|some|tv)|call (?:a friend|my \w+|the line|them)|talk to (?:my \w+|a friend"
    r"|someone)|apply|try again|ask (?:again|for it|my \w+)"
    r"|trabajar|estudiar|comer|cenar|ducharme|caminar|correr"
    r"|arbeiten|lernen|essen|duschen|spazieren|laufen|einkaufen"
    r"|travailler|etudier|manger|courir|marcher"
    r"|trabalhar|estudar|comer|jantar|correr|caminhar)"
)
# Going to a place or an event, or doing an everyday thing, said as a plan, with its times.
ORDINARY_PLAN = re.compile(
    _LEAD + r"\b(?:(?:im|i am|ill|i will|i m|were|we are|we will|yo|ich|je|eu) )?"
    rf"(?:{_WHEN} )*"
    r"(?:going to|gonna|goin to|heading to|off to|will go to|still go to|go to"
    r"|voy|vamos|ire|iremos|tengo que ir|gehe|geh|fahre|fahr|werde|muss|vais|irai|dois aller"
    r"|vou|irei|tenho que ir)"
    rf"(?: (?:{_WHEN}|go|ir|aller|a ir|la))*"
    r"(?: (?:to|a|al|a la|a l|ao|au|aux|na|no|para a|para o|pra|pro|chez|zum|zur|ins|in die"
    r"|in den|nach|the|an|my|our|this|that|tomorrows|todays|tonights|la|el|mi|una|un|le|l"
    r"|mon|ma|mes|o|minha|meu|die|den|das|meinem|meiner|meinen))*"
    r"(?: (?:job|second|first|final|big|new|weekly|team|follow up|morning|evening|night"
    r"|usual|next|segunda|primera|nueva|zweites|erstes|neues|deuxieme|premier|nouvel|segunda))?"
    rf" (?:{_ORDINARY}|{_DOING})\b(?: (?:gehen|fahren))?(?:(?: {_WHEN})+{_ENDS})?"
)

# A question: the words before a "?" back to the last stop or comma, or after a "¿".
_QUESTION = re.compile(r"¿[^?]*\??|[^,;.!?¡¿\n]*\?")


def without_questions(text: str) -> str:
    """The raw text with its questions taken out ("ça va? je suis en sécurité" keeps the
    statement; "¿estás bien?" leaves nothing)."""
    return _QUESTION.sub(" . ", text)
