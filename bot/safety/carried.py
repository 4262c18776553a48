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
# More words that make an earlier risk a plan now, by kind, in the five languages: the day or
# an hour ("é hoje", "heute abend ist es so weit", "the last one passes at 11:40"), a goodbye
# or thanks for everything, how quick it will be, the means to be used ("maybe i'll use it"),
# being up there now ("windy up here"), and things given away.
NOW_TOO = re.compile(
    r"\b(?:today|hoy|heute(?: abend)?|aujourdhui|hoje|hj|(?:es|ist) (?:es )?so weit|so weit ist"
    r"|at \d{1,2}(?: \d{2}|h\d{0,2})?|a las \d{1,2}|um \d{1,2}(?: uhr)?|a \d{1,2} ?h|as \d{1,2}"
    r"(?: ?h)?|last (?:one|train|bus)|el ultimo (?:tren|metro)|der letzte zug|le dernier (?:train"
    r"|metro)|o ultimo (?:trem|comboio|metro)"
    r"|bye|bye then|ok bye|thanks? (?:you )?for everything|gracias por todo|chau|chao|hasta"
    r" siempre|danke fur alles|tschuss|machts gut|merci pour tout|au revoir|obrigad[oa] por tudo"
    r"|tchau|valeu por tudo"
    r"|(?:itll|it will|it ll|will) be (?:quick|fast|over soon)|(?:va a ser|sera) rapido"
    r"|(?:geht|wird) (?:\w+ )?schnell (?:gehen|vorbei)?|(?:ca|ce) (?:ira|sera) (?:vite|rapide)"
    r"|vai ser rapido"
    r"|(?:ill|i will|im going to|im gonna|gonna|might|i might|maybe ill) use (?:it|them)"
    r"|(?:la|lo|las|los) (?:voy a usar|usare|uso)|usarla\w*|usarlo\w*|vou usar|vou usa"
    r"|(?:ich )?(?:benutze|nehme|nehm) (?:sie|es|ihn)(?: jetzt| heute)?|werde (?:sie|es|ihn)"
    r" benutzen|je vais (?:men servir|lutiliser|les utiliser)"
    r"|up here|aqui arriba|aca arriba|hier oben|ici en haut|aqui em cima"
    r"|(?:already )?gave (?:my|away)|regale|ya (?:le )?di (?:mi|mis)|verschenkt|weggegeben"
    r"|jai donne|donne (?:mon|ma|mes)|dei (?:o meu|a minha|meu|minha|meus|minhas)|doei)\b"
)
# After self-harm said (an urge, or long past): given in to it, blood ("gave in. there's blood
# on the sink", "cedi", "hab nachgegeben", "j'ai craqué").
GAVE_IN = re.compile(
    r"\b(?:gave in|caved|i caved|blood\w*|bleed\w*|sangr\w*|cedi|ceder|recai|nachgegeben"
    r"|blut\w*|craque|jai craque|sang|saigne\w*|sangue|me corte|me cortei|geritzt|je me suis"
    r" coupee?)\b"
)
# Self-harm long past, and now begun again: "started again this week".
AGAIN = re.compile(
    r"\b(?:again|relapsed?|started back|otra vez|de nuevo|recai\w*|wieder|rückfall|ruckfall"
    r"|encore|rechute|recommence\w*|de novo|voltei)\b"
)
# After danger from someone: a weapon at hand is danger now ("ele ta com a faca").
WEAPON = re.compile(
    r"\b(?:knife|gun|weapon|cuchillo|navaja|pistola|arma|messer|waffe|pistole|couteau|flingue"
    r"|faca|revolver|bat|baseball bat|bate|baseballschlager|schlagstock|batte|taco|crowbar"
    r"|palanca|brecheisen|pied de biche|pe de cabra|hammer|martillo|marteau|martelo)\b"
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
    r"\b(?:home|here|back|outside|driveway|door|downstairs|doorbell|bell|coming|arriv\w*|llega"
    r"|chega|kommt|rentre"
    r"|en casa|em casa|zu hause|a la maison)\b"
    # Said without a pronoun (Spanish and Portuguese leave it out) or with "da" and "la": "ya
    # llegó, está en la puerta", "chegou", "er ist gleich da", "il est là".
    r"|\b(?:ya )?(?:llego|llegando|esta (?:aqui|aca|afuera|fuera|en la puerta|abajo)|chegou"
    r"|chegando|(?:esta|ta) (?:aqui|la fora|na porta|chegando)|ist (?:gleich |schon |jetzt )?(?:da"
    r"|hier|unten|drau(?:ss|ß)en|vor der tur)|steht (?:vor der tur|unten|drau(?:ss|ß)en)|klingelt"
    r"|est (?:la|ici|devant la porte|en bas|dehors)|(?:is|s) (?:at the door|outside|downstairs"
    r"|here)|pulled up|parked outside|at the door|en la puerta|na porta|devant la porte"
    r"|vor der tur|sonne|toca el timbre|tocou a campainha)\b"
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
    timed = NOW.search(normal) or NOW_TOO.search(normal)
    return bool(timed and not medicine(normal)) or AT_HAND.search(normal) is not None
