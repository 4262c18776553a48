"""Words that change what an earlier message's risk means, read in the new message.

A time, the means, a goodbye or a goal after a risk is a plan; "again" after self-harm long
past is self-harm now; thoughts "back" after a risk are a crisis; going "up there" after
asking for the tallest building is a plan; after danger from someone, that person arriving
or a weapon in hand is
danger now; a shrug just after a risk leaves it standing. Written against normal.normalise.
"""

from __future__ import annotations

import re

from bot.safety.errands import medicine

# Words that turn an earlier risk into now: "tonight's the night" after "I have pills saved".
NOW = re.compile(
    r"\b(?:tonight|tonite|tn|tonights the night|its time|today is the day|this is it|im ready"
    r"|i am ready|goodbye|bye forever|farewell|do it|doing it|going to do it|gonna do it"
    r"|did it|right now|this weekend|in an hour|after (?:everyone|they) (?:is |are )?(?:asleep"
    r"|sleeps?|leaves?)|esta noche|es hoy|hoy es el dia|ahora mismo|lo hago|adios|heute nacht"
    r"|heute noch|jetzt gleich|lebt wohl|ich machs|ce soir|maintenant|je le fais|adieu"
    r"|esta noite|hoje a noite|hoje eu|agora mesmo|adeus|ive decided|i decided|i mean it"
    r"|i meant it|for real|im serious|already have|made up my mind|decidi|decidido"
    # Or a yes to it, meant: "si, lo digo en serio", "ja, ernst gemeint", "oui je suis serieuse".
    r"|lo digo en serio|hablo en serio|ernst gemeint|ich meine? es ernst|ich meins ernst"
    r"|je suis serieu\w*|cest serieux|je le pense vraiment|(?:to|estou) falando serio"
    r"|falo serio|e serio|serio mesmo"
    r"|entschieden|beschlossen|decide|resolvo|(?:es|is|ist|e) (?:el |der |o )?(?:dia|day|tag)"
    r"|cest le jour|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) then"
    # Or a search that follows it: "which one is the highest".
    r"|highest|tallest|how many|how much|going back there|back there now"
    # Or the means, a place or a goal that follows it: "anyway i've got the pills sorted",
    # "that's where i'm going after work", "finish it now", "it's not for anything good".
    r"|pills|tablets|meds|rope|noose|razor|blades?|pastillas|tabletten|cachets|comprimidos"
    r"|remedios|where im going|finish it|end it|not for anything good"
    # A place visited, and next time not only to look: "tomorrow i won't just look".
    r"|not just (?:look|to look)|nicht nur (?:schauen|gucken)|pas juste (?:regarder|voir)"
    r"|no solo a mirar|nao so (?:olhar|pra olhar))\b"
)
# Self-harm long past, and now begun again: "started again this week".
AGAIN = re.compile(
    r"\b(?:again|relapsed?|started back|otra vez|de nuevo|recai\w*|wieder|rückfall|ruckfall"
    r"|encore|rechute|recommence\w*|de novo|voltei)\b"
)
# After danger from someone: a weapon at hand is danger now ("ele ta com a faca").
WEAPON = re.compile(
    r"\b(?:knife|gun|weapon|cuchillo|navaja|pistola|arma|messer|waffe|pistole|couteau|flingue"
    r"|faca|revolver)\b"
)
# A shrug after an earlier risk ("anyway whatever, the landlord said no"): the risk still
# stands; the words moved on, not the person.
SHRUG = re.compile(
    r"^(?:(?:k|ok|okay|lol|lmao|haha|ah|eh|meh|ta|tá|ya|bah|pff|jaja|kkk|mdr) )?(?:anyway|anyways"
    r"|whatever|so yeah|idk|just saying|nvm|never mind|ignore (?:that|me|this|it)|forget (?:it"
    r"|that|i said)|bref|bon|enfin|oublie|laisse tomber|tanto faz|enfim|esquece|deixa (?:pra la"
    r"|quieto)|bueno|en fin|da igual|olvidalo|olvida(?:lo)? lo que dije|egal|naja|vergiss es"
    r"|wie auch immer|im ok now i think|im fine i guess)\b"
)
# After danger from someone: that person arriving or near is danger now.
ARRIVING = re.compile(
    r"\b(?:he|she|they|hes|shes|theyre|el|ella|er|sie|il|elle|ele|ela)\b[^.]{0,30}"
    r"\b(?:home|here|back|outside|driveway|door|coming|arriv\w*|llega|chega|kommt|rentre"
    r"|en casa|em casa|zu hause|a la maison)\b"
)
# A height asked for earlier ("whats the tallest parking garage near 5th street") and now
# going there ("im going up there after the call"): a plan, whatever the earlier words said.
HEIGHT = re.compile(
    r"\b(?:tallest|highest|how (?:high|tall)|mas alt[oa]|hochste\w*|wie hoch|le plus haut"
    r"|la plus haute|mais alt[oa])\b[^.]{0,40}\b(?:building|bridge|garage|parking|car park|roof"
    r"|rooftop|tower|cliff|floor|hotel|edificio|puente|azotea|torre|predio|ponte|terraco"
    r"|brucke|hochhaus|dach|parkhaus|turm|pont|immeuble|toit|falaise|tour)\b"
)
GOING = re.compile(
    r"\b(?:im|i am|ill|i will|gonna|going to) (?:go |going |head |heading )?(?:up )?there\b"
    r"|\b(?:going|heading) up(?: there)?\b|\bvoy a (?:subir|ir alli|ir ahi)\b|\bvou (?:subir"
    r"|la)\b|\bich geh\w* (?:da |dort )?(?:hoch|hin|rauf)\b|\bje (?:monte|vais y aller|y vais)\b"
)
# After a risk: the thoughts or urges back, stronger ("the same thoughts are back").
BACK = re.compile(
    r"\b(?:thoughts|urges|feelings|ideas|pensamientos|impulsos|gedanken|drang|idees|pensees"
    r"|envies|pensamentos|vontades)\b[^.]{0,20}\b(?:back|returning|again|stronger|worse"
    r"|volvi\w*|vuelto|wieder|zuruck|revenu\w*|voltaram|voltou|pior|peor|schlimmer|pire)\b"
)
# After a risk: the means at hand, named by a pronoun or a place beside one ("las tengo aca al
# lado de la cama", "i have them right here", "ich hab sie hier", "tô com elas aqui").
AT_HAND = re.compile(
    r"\b(?:i have them|ive got them|i got them|got them|have them|theyre|they are)\b[^.]{0,20}"
    r"\b(?:here|with me|next to (?:me|my bed|the bed)|beside (?:me|my bed)|in front of me"
    r"|in my (?:hand|pocket|bag|room))\b|\b(?:las|los|la|lo) tengo (?:aca|aqui|aca al lado|al"
    r" lado|conmigo|en la mano|encima)\b|\b(?:estan|esta) (?:aca|aqui) al lado\b|\bal lado de"
    r" (?:la|mi) cama\b|\bich hab\w* (?:sie|die|es) (?:hier|da|neben mir|bei mir)\b|\bneben"
    r" (?:dem|meinem) bett\b|\bje les ai (?:ici|la|sur moi|a cote)\b|\ba cote (?:du|de mon) lit\b"
    r"|\b(?:to|tou|estou) com (?:elas|eles) aqui\b|\btenho (?:elas|eles) aqui\b|\b(?:do|ao) lado"
    r" da (?:minha )?cama\b"
)


def plan_now(normal: str) -> bool:
    """Whether words after an earlier risk make it a plan now: a time, the means, a goodbye, or
    the means at hand; medicine taken as every day is none ("i take my meds every morning")."""
    return bool(NOW.search(normal) and not medicine(normal)) or AT_HAND.search(normal) is not None
