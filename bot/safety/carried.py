"""Words that change what an earlier message's risk means, read in the new message.

A time, the means, a goodbye or a goal after a risk is a plan; "again" after self-harm long
past is self-harm now; after danger from someone, that person arriving or a weapon in hand is
danger now; a shrug just after a risk leaves it standing. Written against normal.normalise.
"""

from __future__ import annotations

import re

# Words that turn an earlier risk into now: "tonight's the night" after "I have pills saved".
NOW = re.compile(
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
    r"^(?:anyway|anyways|whatever|so yeah|idk|just saying|nvm|never mind|bref|bon|enfin"
    r"|tanto faz|enfim|bueno|en fin|da igual|egal|naja|wie auch immer)\b"
)
# After danger from someone: that person arriving or near is danger now.
ARRIVING = re.compile(
    r"\b(?:he|she|they|hes|shes|theyre|el|ella|er|sie|il|elle|ele|ela)\b[^.]{0,30}"
    r"\b(?:home|here|back|outside|driveway|door|coming|arriv\w*|llega|chega|kommt|rentre"
    r"|en casa|em casa|zu hause|a la maison)\b"
)
