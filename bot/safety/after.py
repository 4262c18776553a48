"""Preparations for when one is gone, in the five languages: a letter written or left "for
after" (the verb before or after it: "hab einen Brief an meine Eltern geschrieben, für
danach"), things given away as no longer needed, and a letter left for someone close.

Written against normal.normalise.
"""

from __future__ import annotations

# A letter or note written or left, in the five languages, and who it is for.
_LETTER = (
    r"(?:letters?|notes?|cartas?|notas?|bilhetes?|briefe?|abschiedsbrief\w*|lettres?|mots?"
    r"|messages?|mensajes?|mensage\w*|nachricht\w*)"
)
_WRITTEN = (
    r"(?:wrote|write|writing|written|left|leaving|finished|escribi\w*|escrib\w*|deje|dejado"
    r"|escrevi|escrev\w*|deixei|deixado|geschrieben|schreib\w*|hinterlass\w*|ecrit\w*|ecri\w*"
    r"|laisse\w*)"
)
# For when one is gone ("they'll understand after", "para que la lea después", "für danach").
_FOR_AFTER = (
    r"(?:for after|afterwards|after im gone|when im gone|once im gone|(?:theyll|they will|she"
    r"|he|you|youll|shell|hell) (?:\w+ )?understand|para (?:despues|cuando)|(?:lea|lean|leer"
    r"|leas) despues|cuando (?:ya )?no (?:este|estoy)|fur danach|wenn ich (?:weg|nicht mehr da"
    r"|tot) bin|fur die zeit danach|pour apres|quand je (?:ne )?serai (?:plus la|partie?)"
    r"|(?:lire|liront|lise) apres|comprendront|pra depois|para depois|(?:ler|lerem|leia) depois"
    r"|quando eu (?:nao estiver|partir|me for)|vao entender|vai entender|entenderan|(?:va|van)"
    r" a entender|(?:wird|werden) es (?:\w+ )?verstehen|verstehen es dann|(?:va|vont) comprendre)"
)
_KIN = (
    r"(?:parents|mum|mom|mother|dad|father|kids|children|wife|husband|partner|family|sister"
    r"|brother|son|daughter|padres|madre|mama|papa|hijos|hijas|esposa|esposo|marido|mujer"
    r"|familia|hermana|hermano|eltern|mutter|vater|kinder|frau|mann|familie|schwester|bruder"
    r"|mere|pere|enfants|femme|mari|famille|soeur|frere|pais|mae|pai|filhos|irma|irmao)"
)

SUICIDE: tuple[str, ...] = (
    # A letter written or left for when one is gone, the verb before or after it (German).
    rf"\b(?:{_WRITTEN}\b[^.]{{0,40}}\b{_LETTER}|{_LETTER}\b[^.]{{0,40}}\b{_WRITTEN})\b"
    rf"(?:[^.]|\. ){{0,60}}?\b{_FOR_AFTER}\b",
    # Things given away, as no longer needed ("gave my guitar away, won't need it"); not when
    # a reason follows ("no longer need it since i moved").
    r"(?:\b(?:gave|giving|given|give) (?:\w+ ){0,4}?(?:away|to)\b|\b(?:regale|regalando|regalado|di"
    r"|doei|dei|doando|verschenkt|verschenke|weggegeben|donne|jai donne)\b)[^.]{0,50}"
    r"\b(?:(?:wont|will not|dont|not gonna|no longer) (?:be )?need(?:ing)?(?: (?:it|them|any of"
    r" (?:it|them)|that|this))?|no (?:las|los|la|lo) (?:voy a|vaya a) necesitar|ya no (?:las"
    r"|los|la|lo) necesito|nao vou (?:mais )?precisar(?: mais)?|nao preciso mais|brauch\w*"
    r" (?:ich )?(?:\w+ )?nicht mehr|n?en aurai plus besoin|naurai plus besoin)\b"
    r"(?!(?: mais| more| anymore| any more)? (?:because|since|cause|cos|as|now|with|porque|pq"
    r"|ya que|con|seit|weil|da|mit|avec"
    r"|car|puisque|depuis|com|desde|pois|que)\b)"
    r"|\b(?:alles|all meine sachen|meine sachen)\b[^.]{0,20}\bverschenkt\b",
)

POSSIBLE: tuple[str, ...] = (
    # A letter left for someone close, without a word of after: asked about.
    rf"\b(?:left|deje|deixei|jai laisse|laisse)\b (?:\w+ ){{0,2}}?{_LETTER}"
    rf" (?:for|to|para|pra|a|pour|an|fur) (?:\w+ )?{_KIN}\b"
    rf"|\b{_LETTER} (?:fur|an) (?:meine[nmr]?|die|den) {_KIN}\b[^.]{{0,20}}"
    r"\b(?:hinterlassen|dagelassen|hingelegt)\b",
)
