"""The frames around a pattern's match that set it aside or change its tier.

Idioms the safety net meets ("my phone is dead"), a trip away ("disappear for a week"),
dying of shame, a third person or a story just before the words, the word as a topic
("suicide prevention"), long ago and over, a denial just before ("not going to"), a plain
reassurance ("just frustrated"), and a time, place or means that makes a possible risk a plan.
Written against normal.normalise.
"""

from __future__ import annotations

import re

NET_IDIOMS = re.compile(
    r"\b(?:phone|battery|laptop|plant|hopes?|deal|project|idea|market|car|startup|career)"
    r"(?: \w+){0,3} (?:is |are |was |were )?dead\b|\bdead body\b|\brather die than\b"
    r"|\bto death\b|\bcould (?:just )?die\b[^.]{0,20}\bembarrass|\bend (?:things|it) with\b"
    r"|\bend of my rope (?:with|about|over) (?!everything|life|it all|all of (?:it|this)|all this)"
    # Deaths counted in a game ("going to die like 50 more times before i beat him", "me han
    # matado veinte veces"): no one's own death is that many.
    r"|\b(?:die|died|dying|killed|kill me|matado|matan|muerto|mori|morri|morto|morrendo|mataram"
    r"|gestorben|sterbe|getotet|mort|meurs|tue)\b[^.]{0,15}\b(?:\d+|two|three|five|ten|twenty"
    r"|fifty|hundred|dos|tres|cinco|diez|veinte|cincuenta|cien|zwei|drei|funf|zehn|zwanzig"
    r"|hundert|deux|trois|cinq|dix|vingt|cent|duas|cinco|dez|vinte|cem)(?: more)? (?:times"
    r"|veces|vezes|mal|fois)\b"
    r"|\b(?:doctor|gp|prescri\w*|upped|take|taking|on|pick up|collect"
    r"|refill|get) (?:my )?(?:pills"
    r"|tablets)\b|\b(?:pills|tablets) for (?:my )?(?:blood|pain|sleep|allergies|headache)"
    # "I'm dead lol": laughing at oneself.
    r"|\bim (?:literally |actually |so |just )?dead\b[^.]{0,60}\b(?:lol|lmao|haha\w*|rofl)\b"
    # ...or opening a story ("i'm dead, the recruiter spelled my name wrong"): the emoji
    # that says it is gone after normalising, the words after it are not about oneself.
    r"|^(?:omg |lol |lmao |bro |ok )?im (?:literally |actually |so |lowkey |fr )?(?:dead|dying"
    r"|deceased)(?! inside| \.| *$)"
    # A thing that dies or is dead: a phone, a battery, a cv "dead on arrival".
    r"|\b(?:phones?|battery|batteries|laptop|computer|pc|plants?|cv|resume|inbox|chat|group"
    r"|motivation|career|car|wifi|internet|server|startup)(?: \w+){0,5} (?:about to die|dying"
    r"|dies|died|dead)\b|\bdead (?:on arrival|silence|end|weight|man walking)\b"
    # Idioms of dying and killing: "i'll die on this hill", "dead to him", "knocked 'em dead",
    # "dying to get this sorted", "dying for a coffee", "thought i was going to die in that
    # presentation", "overdosing on coffee".
    r"|\bdie on (?:this|that|the|my) hill\b|\bdead to (?:him|her|them|me|us|my \w+)\b"
    r"|\bknock\w* (?:\w+ )?dead\b|\bdying (?:to (?!die|end|disappear|kill|be dead|be gone)\w+"
    r"|for (?:a|an|some|my) \w+)|\b(?:going to|gonna|about to) die (?:in|during|at) (?:that"
    r"|the|this|my) (?:presentation|meeting|interview|exam|call|class|talk|speech|game|match"
    r"|standup|review|pitch)\b|\boverdos\w* on (?!(?:my |the |his |her |all |some )?(?:pills"
    r"|meds|tablets|medication|drugs|heroin|insulin|paracetamol|sleeping|painkillers|opioids)"
    r"\b)\w+"
    # Medicine in ordinary life: "my migraine pills aren't working", "prescribed sleeping
    # pills", "i take my meds every morning".
    r"|\b(?:migraine|allergy|allergies|blood pressure|thyroid|iron|vitamin|birth control"
    r"|heart|adhd|cold|flu|asthma|diabetes|cholesterol|acne|period) (?:pills|tablets|meds"
    r"|medication)\b|\b(?:prescri\w*|doctor gave me|refill\w*) (?:me )?(?:some |new |my )?(?:\w+ )?"
    r"(?:pills|tablets|meds|medication)\b|\b(?:pills|tablets|meds|medication)\b[^.]{0,20}"
    r"\b(?:arent|are not|isnt|not|stopped|dont|wont) (?:working|helping|covered|cover)"
    r"|\b(?:pills|tablets|meds|medication) (?:every|each) (?:morning|day|night|evening)\b"
    # The means in its ordinary place or use: "my razor is in my drawer", "left my razor in
    # the gym bag", "my climbing rope is in the car" (under a pillow or in hand is no idiom).
    r"|\b(?:razors?|blades?|pills|tablets|meds|rope|knife|knives)\b(?: \w+){0,2} (?:is|are|was"
    r"|were|sits?|stays?|lives?|kept|stored)(?: still| always)? (?:in|on|inside|at) (?:the|my|a"
    r"|our) (?:\w+ )?(?:drawer|cabinet|cupboard|shelf|bathroom|kitchen|bag|car|desk|suitcase"
    r"|sink|shower|garage|shed|toolbox|locker|closet|wardrobe|pantry|counter|office|gym)\b"
    r"|\b(?:left|forgot|packed|put|found|lost|bought|ordered) (?:my |the |a |new |some )?(?:\w+ )?"
    r"(?:razors?|blades?|rope|pills|tablets)\b (?:in|at|on|for|from) (?:the|my|a) (?:\w+ )?"
    r"(?:gym|bag|car|office|hotel|shop|store|pharmacy|drawer|cabinet|trip|tent|boat|camping"
    r"|climbing|suitcase|locker)\b|\b(?:climbing|jump|skipping|tow|washing|safety) rope\b"
    # The point of a task not seen: "i don't see the point of the new expense rules".
    r"|\bsee the point (?:of|in) (?:(?:any|all|some|most|half|one) of )?"
    r"(?:this|that|the|a|an|these|those|my|our|their|doing|going"
    r"|having) (?!(?:\w+ )?(?:life|living|anything|everything|it all|going on|trying|me|myself"
    r"|existing|being)\b)\w+"
    # "…an email, i'm dying": dying of a workload, the heat or a commute is a complaint.
    r"|\b(?:emails?|meetings?|deadlines?|interviews?|applications?|cover letters?|forms|paperwork"
    r"|calls|reports?|slides|spreadsheets?|inbox|heat|traffic|commute|homework|exams?|shifts?"
    r"|overtime|workload|tasks|hangover|cramps)\b[^.]{0,40}\bim (?:\w+ ){0,2}?dying\b"
    r"(?! inside| to (?:die|end|disappear|kill))"
)
# Disappearing for a while or to somewhere is a holiday, not a wish to be gone; dying of
# shame, hunger or laughter is an idiom. Both are checked against every possible risk.
_DISAPPEAR = r"(?:disappear\w*|vanish|desaparecer|sumir|verschwinden|disparaitre)"
# Where one goes: "disappear for a while to the beach", "ans Meer verschwinden". "For a
# while" alone names no trip: "i kinda want to just disappear for a while lol" is asked about.
_TRIP = (
    r"(?:beach|mountains?|island|cabin|countryside|road trip|holiday|vacation|playa|praia"
    r"|meer|strand|berge|montagne|plage|urlaub|vacaciones|ferias|vacances|viaje|viagem|reise)"
)
AWAY = re.compile(
    rf"\b{_DISAPPEAR}\b[^.]{{0,60}}\b{_TRIP}\b|\b{_TRIP}\b[^.]{{0,40}}\b{_DISAPPEAR}\b"
    rf"|\b{_DISAPPEAR}\b(?: \w+){{0,4}}"
    r" (?:for (?:a (?!(?:little )?(?:bit|while)\b)|an |two |2 |the |few |\d+ )"
    r"|off (?:slack|teams|social|the grid|email)"
    r"|from (?:the |this |that |our |my )?(?:group ?chat|chat|slack|teams|meeting|call|thread"
    r"|convo|conversation|internet|socials|social media|office|party)|to (?:a|the)"
    r" (?:beach|mountains?|island|cabin|countryside)|(?:una|uma|une|eine|deux|zwei) (?:semana"
    r"|semaine|woche|semanas|semaines|wochen)|(?:unos|uns) dias|ein paar tage|pra praia"
    r"|a la playa|en la playa|am meer)"
)
DIE_OF = re.compile(
    r"(?: (?:jaja\w*|haha\w*|lol|lmao|xd|kk\w*|mdr|rs))? (?:de|of|from|vor) (?:la |)"
    r"(?:verguenza|risa|hambre|sed|calor|frio|aburrimiento|ganas"
    r"|envidia|miedo|honte|rire|faim|soif|chaud|ennui|peur|vergonha|rir|fome|sede|tedio|medo"
    r"|scham|lachen|hunger|langeweile|embarrassment|boredom|laughter|hunger|thirst)\b"
    r"|(?<=fighting) (?:with|for|over|against)\b"
)
# Dying of shame anywhere in a message, for the learned layer's possible risk ("me quiero
# morir de la vergüenza" read as despair when no pattern was left standing).
DYING_OF = re.compile(
    r"\b(?:die|dying|died|dead|morir\w*|muero|muerto|muerta|sterbe\w*|mourir|meurs|mort\w*"
    r"|morrer|morrendo|morto|morta|morri)(?=" + DIE_OF.pattern + ")"
)
# Conflict said to be absent ("we talked without fighting", "a gente conversou sem brigar"):
# good news at a check-in, which the learned layer alone must not read as danger.
PEACEFUL = re.compile(
    r"\b(?:without|sin|sem|ohne|sans)(?: (?:any|a|an|zu|se|nos|nous))?"
    r" (?:fighting|fight|fights|yelling|shouting|arguing|an argument|drama|pelear|pelearnos"
    r"|discutir|gritar|gritos|peleas|brigar|brigas|gritaria|streit|streiten|schreien"
    r"|disputer|dispute|cris|crier|engueuler)\b"
)
# A partner leaving ("my wife left me last night", "mi novia me dejó", "m'a quittée"): a
# breakup, the coach's everyday matter, which the learned layer alone must not read as danger
# unless harm, fear or a threat is said beside it (HARM).
BREAKUP = re.compile(
    r"\b(?:left me|leaving me|walked out(?: on me)?|moved out|broke up with me|dumped me"
    r"|ended (?:it|things) with me|wants a divorce|asked for a divorce|cheated on me"
    r"|me (?:dejo|dejaron|abandono)|me pidio el divorcio|termino conmigo|rompio conmigo"
    r"|(?:hat|ist) (?:mich verlassen|ausgezogen|schluss gemacht)|hat mit mir schluss gemacht"
    r"|ma quitte\w*|est partie?|veut divorcer|a rompu"
    r"|me deixou|terminou comigo|foi embora|pediu o divorcio)\b"
)
HARM = re.compile(
    r"\b(?:hit|hits|hurt|hurts|beat|beats|bruise\w*|push\w*|shov\w*|chok\w*|grab\w*|threat\w*"
    r"|scared|afraid|terrified|kill|knife|gun|weapon|police|cops|safe|unsafe|danger|follow\w*"
    r"|stalk\w*|locked|broke (?:in|down|the door)|blood|bleeding|pega\w*|golpe\w*|amenaz\w*"
    r"|miedo|schlag\w*|geschlagen|droh\w*|angst|frapp\w*|menac\w*|peur|bat\w*|ameac\w*|medo)\b"
)
# Someone else's words or acts ("my uncle died by suicide", "she wants to die lol", "el chico
# se suicida"): a third person just before the words, with no "I" between. Not the user's risk.
_FIRST = r"(?:i|im|ive|id|ill|me|my|myself|yo|ich|je|jai|eu|moi|mich|mir|mi|meu|minha|mein)"
THIRD = re.compile(
    r"(?:\b(?:he|she|they|hes|shes|theyre|character|villain|hero|guy|girl|boy|friend|uncle"
    r"|aunt|cousin|brother|sister|dad|father|mum|mom|mother|grandad|grandpa|grandma|coworker"
    r"|colleague|neighbour|neighbor|son|daughter|chico|chica|abuelo|abuela|amigo|amiga|hermano"
    r"|hermana|ella|ele|ela|il|elle|er|sie|kollege|kollegin|freund|freundin|bruder|schwester"
    r"|onkel|ami|amie|oncle|irmao|irma|primo|prima|detective|protagonist|protagonista|narrator"
    r"|someone|somebody|people|personnage|personagem|personaje|cat|dog|kitten|puppy|gato|perro"
    r"|katze|hund|chat|chien|cachorro)"
    rf"(?: (?!{_FIRST}\b)\w+){{0,4}}|\b(?:se|sest|sich)"
    # "suicide prevention" said the other way round, in the other languages.
    r"|\b(?:prevencion|prevention|prevencao|sensibilisation|awareness) (?:del|du|de|ao|do|of)"
    r"(?: la)?) $"
)
# "suicide prevention training", "suicide rates": the word as a topic, not a wish.
TOPIC = re.compile(
    r"\w* (?:prevention|rates?|awareness|hotline|helpline|statistics|stats|research|training"
    r"|course|figures|policy|month|day|article|documentary|podcast)\b"
)
COMPOUND = re.compile(r"(?:pravention|praevention|forschung|statistik)\b")
# Long ago and over: "i attempted suicide years ago, better now" gets the question, not the
# crisis reply.
PAST = re.compile(
    r"\b(?:years ago|year ago|as a (?:teen|kid|child|teenager)|when i was (?:younger|a teen"
    r"|a kid|at school|in school|\d+)|in the past|used to|hace (?:anos|mucho)|vor (?:jahren"
    r"|langer zeit)|il y a (?:des annees|longtemps)|(?:ha|faz) (?:anos|muito tempo)"
    r"|anos atras)\b"
)
STILL = re.compile(r"\b(?:again|still|tonight|right now|otra vez|de nuevo|wieder|encore|de novo)\b")
# "I'm not going to kill myself", "je ne suis pas suicidaire": a denial just before the words.
# Someone else's "no" ("you don't understand, i want to die", "vc n entende, eu quero...") is
# not a denial: no other subject before it, and no "I" between it and the words.
_OTHER_SUBJECT = r"(?<!\byou )(?<!\bu )(?<!\bvc )(?<!\bvoce )(?<!\btu )(?<!\bdu )(?<!\busted )"
# Not being able to take it any more is despair, not a denial: "já não aguento mais, quero
# acabar com tudo", "ich kann nicht mehr, ich will sterben", "i dont care anymore, i want to die".
_CANT_GO_ON_BEFORE = (
    r"(?<!\bkann )(?<!\bkanns )(?<!\bhalte es )(?<!\bhalt es )(?<!\bhalte das )"
    r"(?<!\bertrage es )(?<!\bertrag es )"
)
_CANT_GO_ON_AFTER = (
    r"(?! (?:aguento|aguenta|aguentar|consigo|posso|know|care|aguanto|aguantar|soporto"
    r"|supporte|can|could)\b)"
)
NEGATED = re.compile(
    rf"{_OTHER_SUBJECT}{_CANT_GO_ON_BEFORE}\b(?:not|never|wouldnt|wont|dont|didnt|nicht|nie|pas"
    r"|nunca|jamais|jamas|nao|n|no (?:soy|estoy|voy a|pienso|me voy a))"
    rf"{_CANT_GO_ON_AFTER}(?: (?!(?:i|eu|yo|ich|je|jai)\b)\w+){{0,2}} $"
)
# "...just frustrated", "...over a job": the denial is plainly meant; nothing is flagged.
REASSURED = re.compile(
    r"\b(?:just|only|simply|merely|solo|nur|juste|so) (?:\w+ )?(?:frustrated|angry|annoyed"
    r"|venting|stressed|upset|tired|mad|disappointed|fed up|pissed|gutted|exhausted|frustrad\w*"
    r"|enfadad\w*|cansad\w*|frustriert|wutend|mude|frustre\w*|enerve\w*|fatigue\w*|puto|puta"
    r"|irritad\w*|chatead\w*|brav[oa]|harto|harta|hart\w*|enojad\w*|sauer|genervt|gestresst"
    r"|agace\w*|stresse\w*|estresad\w*|estressad\w*)\b"
    # "Don't worry" in the five languages: the denial is meant as reassurance.
    r"|\b(?:dont worry|relax|relaxa|tranqui\w*|no te preocupes|nao se preocupa\w*|keine sorge"
    r"|ne tinquiete pas|tinquiete|tkt|pas de panique)\b"
    r"|\bover (?:a|this|the|my) (?:job|raise|promotion|rejection|no|landlord"
    r"|boss|interview|deal)\b"
)
BUT = re.compile(r"\b(?:but|though|although|pero|aber|mais|mas|sometimes)\b")
# A denial hedged after it ("i'm not gonna kms. probably"): asked about, not set aside.
HEDGE = re.compile(
    r"\b(?:probably|prob|maybe|i guess|i think|idk|for now|quizas|quiza|tal vez|capaz|creo"
    r"|vielleicht|wahrscheinlich|glaub ich|peut etre|je crois|pour linstant|talvez|acho"
    r"|provavelmente|por enquanto|por ahora)\b"
)
# A possible risk said with a time, a place or the means at hand is a plan: the crisis tier.
PLAN = re.compile(
    r"\b(?:tonight|tonite|tn|right now|this weekend|tomorrow night|after my shift|when (?:everyone"
    r"|they)(?:s| is| are)? (?:asleep|gone|out)|pills|tablets|meds|rope|noose|gun|razor|blades?"
    r"|bridge|roof|ledge|train tracks|esta noche|pastillas|cuerda|puente|azotea|arma|heute nacht"
    r"|tabletten|seil|strick|brucke|pistole|ce soir|cachets|medocs|corde|pont|esta noite"
    r"|hoje a noite|remedios|comprimidos|corda|ponte|predio"
    # Today, said with despair: "vou acabar com isso hoje".
    r"|today|hoy|heute|aujourdhui|hoje|hj)\b"
)
