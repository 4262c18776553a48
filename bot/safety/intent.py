"""Intent said as a plan or with a time, in the five languages.

"tô planejando me matar no fim de semana", "estoy planeando quitarme la vida", "ich plane,
mich umzubringen", "aujourd'hui je me tue" (the time makes it no idiom of work). Written
against normal.normalise.
"""

from __future__ import annotations

SUICIDE: tuple[str, ...] = (
    r"\b(?:planning|planning on|plan|planned|planeando|planeo|tengo pensado|planejando|planejo"
    r"|plane|plant|geplant|prevois|projette|compte)\b (?:\w+ )?(?:to )?(?:de )?"
    r"(?:kill(?:ing)? myself"
    r"|end(?:ing)? my life|matarme|quitarme la vida|suicidarme|me matar|tirar (?:a )?minha vida"
    r"|me suicidar|mich (?:umzubringen|zu toten)|mir das leben zu nehmen|me tuer|me suicider"
    r"|en finir)\b",
    r"\b(?:aujourdhui|ce soir|demain|cette nuit) (?:je me tue|je me suicide|je vais me tuer)\b"
    r"(?! (?:au|a la|pour|de) (?:travail|boulot|tache|taf))",
)

POSSIBLE: tuple[str, ...] = (
    # Ending it, in French as people say it: "ce soir j'en finis" (a time makes it a plan).
    r"\b(?:jen finis|je vais en finir|jvais en finir|jen finirai|jai envie den finir)\b"
    # ("j'en finis avec lui", with a game's boss or a task, is no such thing).
    r"(?! avec (?!(?:la |ma )?vie\b|tout\b|moi\b))",
)
