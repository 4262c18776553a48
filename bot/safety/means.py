"""The means gathered or named, and used next, in the five languages.

Pills gathered over weeks ("ich sammle seit wochen meine tabletten", "tenho andado a juntar
os meus comprimidos") is a possible risk on its own; "enough now" or a day after it is a plan
(carried.py). A means named in an earlier message, even in its place ("there's a rope in the
garage", "my dad's old gun is still in the wardrobe"), and now its use ("maybe i'll use it",
"it'll be quick") is a plan. Written against normal.normalise.
"""

from __future__ import annotations

import re

_MEDS = (
    r"(?:pills|tablets|meds|medication|sleeping pills|painkillers|pastillas|pildoras"
    r"|medicamentos|medicinas|tabletten|medikamente|pillen|schlaftabletten|cachets|medicaments"
    r"|medocs|comprimes|somniferes|comprimidos|remedios|pilulas|calmantes|beruhigungsmittel"
    r"|calmants|tranquilizantes)"
)

POSSIBLE: tuple[str, ...] = (
    # Medicine gathered, kept back or counted up, said of oneself.
    r"\b(?:(?:been |im |i am |ive been )?(?:saving|stockpiling|hoarding|collecting|gathering"
    r"|keeping|putting aside)(?: up)?|(?:estoy |he estado |llevo \w+ )?(?:juntando|guardando"
    r"|acumulando|ahorrando)|(?:ich )?(?:sammle|sammel|horte|hebe)|(?:je )?(?:garde|stocke"
    r"|accumule|mets de cote|collectionne)|jaccumule|jai accumule|jai garde|je stocke"
    r"|(?:tenho andado a |ando |estou |to |tou )?(?:juntar"
    r"|juntando|guardar|guardando|acumular|acumulando))"
    rf" (?:\w+ ){{0,4}}?{_MEDS}\b(?! (?:for (?:the|my) (?:trip|holiday|travel)|para (?:el|la|a|o)"
    r" viaje|fur (?:die|den) (?:reise|urlaub)|pour le voyage)\b)",
    rf"\b{_MEDS}\b[^.]{{0,30}}\b(?:gesammelt|zur seite gelegt|mis de cote|de cote|guardad[oa]s"
    r"|juntad[oa]s|saved up|stockpiled|set aside|hoarded)\b",
)

# A means in an earlier message, in any place ("the rope in the garage").
NAMED = re.compile(
    rf"\b(?:{_MEDS}|rope|noose|gun|pistol|rifle|shotgun|knife|razor|blades?|cuerda|soga|arma"
    r"|pistola|escopeta|cuchillo|navaja|seil|strick|waffe|pistole|gewehr|messer|rasierklinge\w*"
    r"|corde|arme|fusil|couteau|lame\w*|corda|faca|lamina|gilete|bridge|puente|brucke|pont"
    r"|ponte|tracks|vias|gleise|rails|trilhos|linha do comboio)\b"
)
# Its use, now or soon: "maybe i'll use it", "it'll be quick", "es wird schnell gehen".
USE = re.compile(
    r"\b(?:(?:ill|i will|im going to|im gonna|gonna|might|i might|maybe ill|could) use (?:it|them)"
    r"(?! (?:for|to|on|at|in|with|as|when|instead|at work)\b)"
    r"|(?:itll|it will|it ll|will) be (?:quick|fast|painless|over (?:soon|quickly))"
    r"|(?:la|lo|las|los) (?:voy a usar|usare|podria usar)|(?:va a|sera|vai) ser (?:rapido|rapida"
    r"|indoloro)|(?:sera|seria) rapido|vou usar|vou usa|(?:geht|wird) (?:\w+ )?schnell"
    r"|(?:ich )?(?:benutze|nehme|nehm|werde) (?:sie|es|ihn)(?: benutzen)?(?: jetzt| heute| bald)?"
    r"|(?:ca|ce) (?:ira|sera) (?:vite|rapide)|je vais (?:men servir|lutiliser|les utiliser)"
    r"|je men sers)\b"
    # Not for a purpose named after it ("la voy a usar para cocinar", "vou usar no acampamento").
    r"(?! (?:\w+ )?(?:for|to|on|at|in|with|as|when|instead|para|pra|pro|no|na|en|con|zum|zur"
    r"|fur|beim|mit|pour|dans|avec|au|com)\b)"
)

SELF_HARM: tuple[str, ...] = (
    # Burns counted or fresh, with a lighter or a cigarette: "the lighter again, three burns".
    r"\b(?:lighter|cigarette|mechero|encendedor|cigarro|cigarrillo|feuerzeug|zigarette|briquet"
    r"|clope|isqueiro)\b[^.]{0,40}(?:\. )?[^.]{0,20}\b(?:two|three|four|five|\d+|new|fresh|more"
    r"|dos|tres|cuatro|cinco|nuevas|mas|zwei|drei|vier|funf|neue|noch mehr|deux|trois|quatre"
    r"|cinq|nouvelles|encore des|duas|quatro|novas|mais) (?:burns|quemaduras|brandwunden"
    r"|verbrennungen|brandmale|brulures|queimaduras)\b",
)
