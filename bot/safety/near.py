"""Danger from someone near now, in the five languages.

Someone outside or at the door with a weapon ("he's parked outside and there's a bat on the
passenger seat", "er steht vor der Tür mit einem Messer"), or holding one locked in ("mi padre
me encierra en mi cuarto", "mein Mitbewohner hat mich eingesperrt"). Written against
normal.normalise.
"""

from __future__ import annotations

_OUTSIDE = (
    r"(?:outside|parked|at the door|downstairs|in the driveway|waiting for me|afuera|fuera|en la"
    r" puerta|abajo|esperandome|estacionado|aparcado|vor der tur|draussen|unten|vor dem haus"
    r"|wartet auf mich|devant (?:la porte|chez moi|limmeuble)|dehors|en bas|gare devant"
    r"|mattend|la fora|na porta|estacionado|me esperando|la embaixo|a porta|la em baixo)"
)
_ARMED = (
    r"(?:knife|gun|bat|baseball bat|crowbar|hammer|machete|axe|cuchillo|navaja|pistola|arma"
    r"|bate|martillo|machete|hacha|messer|waffe|pistole|baseballschlager|schlager|hammer|axt"
    r"|couteau|flingue|arme|batte|marteau|hache|faca|revolver|taco|martelo|machado|facao)"
)

DANGER: tuple[str, ...] = (
    rf"\b{_OUTSIDE}\b[^.]{{0,60}}(?:\. )?[^.]{{0,30}}\b{_ARMED}\b"
    rf"|\b{_ARMED}\b[^.]{{0,40}}\b{_OUTSIDE}\b",
    # Hit, and that person on the way now: "meine frau schlägt mich, sie kommt in zehn minuten
    # heim", "mon mari me tape et il arrive bientôt", "o meu marido bate-me e está a chegar".
    r"\b(?:hits? me|beats? me|hit me|beat me|punch(?:es|ed)? me|me (?:pega|pego|golpea|golpeo"
    r"|bate|bateu|espanca|frappe|tape|cogne|a frappee?)|bateme|bate me|schlagt mich|schlug mich"
    r"|verprugelt mich|hat mich geschlagen|ma frappee?)\b[^.]{0,60}\b(?:home|on (?:his|her|their)"
    r" way|arriv\w*|coming|pulled|llega\w*|viene|kommt|heim|nach hause|rentre|arrive|chega\w*"
    r"|vem|a caminho)\b",
    # Locked in by someone, and cut off: "me encierra en mi cuarto", "m'enferme", "me tranca".
    r"\b(?:locks? me (?:in|up)|locked me (?:in|up)|(?:me )?encierra(?:n)? en|me encerro"
    r"|me (?:tiene|tienen) encerrad[oa]|sperrt mich (?:\w+ ){0,4}ein|(?:hat|haben) mich"
    r" (?:\w+ ){0,3}eingesperrt|menferme|menfermait|ma enferme\w*|me tranca\w*|me trancou"
    r"|me prende no quarto|me fecha no quarto)\b",
    # No money or way out allowed: "takes my whole salary and i'm not allowed money for the bus".
    r"\b(?:takes|took|keeps) (?:all of |all |my whole |my entire )(?:my )?(?:salary|wages|pay"
    r"|money)\b[^.]{0,40}\bnot allowed\b"
    r"|\b(?:me quita|se queda con) (?:todo )?(?:mi sueldo|mi dinero)\b"
    r"|\bnimmt mir (?:mein ganzes |das ganze |mein )(?:gehalt|geld)\b"
    r"|\bprend (?:tout )?mon (?:salaire|argent)\b[^.]{0,40}\bpas le droit\b"
    r"|\b(?:pega|fica com) (?:todo o |o )?meu (?:salario|dinheiro)\b[^.]{0,40}"
    r"\bnao (?:me )?deixa\b",
)
