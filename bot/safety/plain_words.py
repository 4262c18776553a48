"""Screening patterns by kind for acts said in plain words, in the five languages: hurting
oneself by hitting, scratching or banging one's head, being pushed, kicked or slapped at home,
fear of someone there, the fastest or surest way to die searched, and a goodbye that clears
others of blame.

Written against normal.normalise (lower case, accents and apostrophes gone). Each pattern names
the kind, not a sentence; kinds.py adds them to its tuples.
"""

from __future__ import annotations

from bot.safety.other import AGENTS

# Fastest, easiest, surest, least painful, in the five languages.
_BEST = (
    r"(?:fastest|quickest|easiest|surest|best|simplest|cleanest|painless|rapid[oa]s?|rapide"
    r"|facil|faciles?|segur[oa]|simple|schnellste\w*|einfachste\w*|sicherste\w*|beste\w*"
    r"|schmerzlos\w*|sure?|douce|indolor|sem dor|sin dolor|sans douleur)"
)
_WAY = (
    r"(?:ways?|methods?|options?|formas?|maneras?|modos?|metodos?|jeitos?|weg|wege|art"
    r"|methoden?|moglichkeit\w*|facons?|manieres?|moyens?)"
)
_TO_DIE = (
    r"(?:to die|of dying|to kill myself|to end (?:it|my life)|de morir|para morir|de matarme"
    r"|de suicidarme|de quitarme la vida|zu sterben|um zu sterben|sich umzubringen|mich"
    r" umzubringen|de mourir|pour mourir|de me tuer|de me suicider|pour en finir|den finir"
    r"|de morrer|pra morrer|para morrer|de me matar|de se matar)"
)

SUICIDE: tuple[str, ...] = (
    # The fastest or surest way to die, searched: "cual es la forma mas rapida de morir", "was
    # ist der schnellste Weg zu sterben" (not in a game, not "to end it with the landlord").
    rf"\b(?:{_BEST}\b[^.]{{0,15}}\b{_WAY}|{_WAY}\b[^.]{{0,15}}\b{_BEST})\b[^.]{{0,15}}\b{_TO_DIE}\b"
    r"(?! (?:in|im|en|dans|no|na) (?:the |this |that |dem |ce |o |a |el )?(?:game|spiel|jeu"
    r"|jogo|juego|level|raid|boss|match)\b| with\b)",
    # A goodbye that clears others: "if anyone asks, tell them it wasn't their fault".
    r"\b(?:tell|let) (?:them|her|him|everyone|my \w+)(?: know)? (?:that )?(?:it|its|this)"
    r" (?:wasnt|isnt|was not|is not|not) (?:their|his|her|anyones|your) fault\b"
    r"(?! (?:the|that|this|about|for|with|my|our|if|when)\b)"
    r"|\b(?:diles|dile|decile|diganle) (?:a \w+ )?que no (?:fue|es) (?:su|culpa de nadie)"
    r"|\bsag (?:ihnen|ihr|ihm|allen) (?:\w+ )?(?:es|das) war nicht (?:ihre|seine|deren) schuld"
    r"|\bdis (?:leur|lui) que ce (?:netait|nest) pas (?:sa|leur) faute"
    r"|\b(?:diga|diz|fala|fale)(?: pra| para| a)? (?:eles|ela|ele|todos) que nao foi culpa",
)

SELF_HARM: tuple[str, ...] = (
    # Hitting, scratching or banging one's head, in the five languages.
    r"\b(?:hit|hitting|punch\w*|slap\w*) myself\b(?! (?:on|with|in) (?:the|a|my) (?:door|cupboard"
    r"|shelf|ceiling|frame|desk|table|racket|ball)\b)|\b(?:bang\w*|hit\w*|smash\w*) my head"
    r" (?:against|on|into) (?:the )?wall\b"
    r"|\b(?:scratch\w*|claw\w*|pick\w*) (?:at )?(?:myself"
    r"|my (?:arms?|legs?|skin|face|wrists?|thighs?))\b[^.]{0,20}\b(?:bleed\w*|bled|blood\w*|raw)\b",
    r"\bme (?:golpeo|pego|doy golpes|arano|rasguno)\b[^.]{0,30}\b(?:pared|sangr\w*|cabeza"
    r"|mism[oa])\b|\b(?:me )?(?:golpeo|doy) (?:la cabeza|cabezazos) contra\b",
    r"\bich (?:schlag\w*|hau\w*) mich (?:selbst|blutig)\b|\bich schlage mich\b(?= \.|$| wenn)"
    r"|\bkopf gegen die wand\b|\bkratz\w* mich (?:\w+ )?blutig\b",
    r"\bje me (?:griffe|frappe|tape dessus|mords)\b|\bje me (?:gratte|tape la tete)\b[^.]{0,30}"
    r"\b(?:sang|mur)\b",
    r"\b(?:eu )?me (?:arranho|belisco|mordo)\b[^.]{0,20}\bsangr\w*|\b(?:eu )?me bato\b"
    r"(?! (?:com|na|no) (?:a |o )?(?:porta|mesa|quina|carro)\b)|\bbato (?:a|minha) cabeca na"
    r" parede\b",
)

DANGER: tuple[str, ...] = (
    # Pushed, kicked or shoved at home ("mi pareja me empuja", "il me bouscule"), not pushed
    # to do something ("me empuja a buscar otro trabajo").
    rf"\b{AGENTS} (?:me|ma|m a) (?:empuj\w*|pate\w*|zarande\w*|empurr\w*|chut\w*|pouss\w*"
    r"|bouscul\w*)\b(?! (?:a|pra|para) )",
    r"\b(?:locks?|locked) me (?:in|up|out)\b[^.]{0,40}\b(?:phone|keys|room|house|flat)\b",
    # Slapped ("me dio una bofetada", "hat mir eine Ohrfeige gegeben", "il m'a giflée", "ele me
    # deu um tapa"); not the figure of speech ("la respuesta fue una bofetada").
    r"\bme (?:dio|ha dado|pego|daba|da) (?:una |un )?(?:bofetada|cachetada|tortazo|guantazo"
    r"|galleta|cachete|chachetada)\b|\bme (?:abofete|cachete)\w*",
    r"\bmir (?:\w+ ){0,2}?(?:eine |ne )?(?:ohrfeige|backpfeife|schelle|watsche)n?\b"
    r"|\bohrfeigt mich\b|\bhat mich geohrfeigt\b",
    r"\b(?:m a|ma|me) gifl\w*|\b(?:m a|ma) (?:donne|mis|colle) une (?:gifle|claque|baffe)\b",
    r"\b(?:me deu|deu me) (?:um |uma )?(?:tapa|tabefe|bofetada|chapada|estalo|murro|soco)\b"
    r"|\bme esbofete\w*",
    # Afraid of him or her, or of going home ("tengo miedo de él", "ich hab Angst vor ihm",
    # "j'ai peur de lui", "tenho medo dele"), as the English patterns read "scared of him".
    r"\b(?:tengo|le tengo|me da) (?:mucho |tanto )?miedo (?:de el|a el|de mi (?:marido|novio"
    r"|pareja|esposo|ex)|volver a casa|llegar a casa)\b",
    r"\b(?:hab|habe) (?:solche |so |echt |richtig |total |voll )?angst (?:vor (?:ihm|meinem"
    r" (?:mann|freund|ex|partner|vater)|meiner (?:frau|freundin|partnerin))|nach hause zu"
    r" gehen|heimzugehen)\b",
    r"\bj ?ai (?:tellement |tres |trop |vraiment )?peur (?:de lui|d ?elle|de mon (?:mari|copain"
    r"|conjoint|ex)|de ma (?:femme|copine|conjointe)|de rentrer (?:a la maison|chez moi))\b",
    r"\b(?:tenho|to com|tou com|estou com) (?:muito |tanto )?medo (?:dele|dela|do meu (?:marido"
    r"|namorado|ex|companheiro)|da minha (?:mulher|namorada)|de voltar (?:pra|para) casa)\b",
)
