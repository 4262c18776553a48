"""Despair said as being at the end of one's strength with everything, in the five languages.

"at the end of my rope with all of this", "estoy al límite con todo", "ich bin am Ende mit
allem", "au bout du rouleau avec tout ça", "tô no meu limite com tudo": asked about. With a
landlord, a client or a project named instead, it is a complaint. Written against
normal.normalise.
"""

from __future__ import annotations

POSSIBLE: tuple[str, ...] = (
    r"\b(?:end of my (?:rope|tether)|al limite|no (?:meu )?limite|am ende|au bout du rouleau"
    r"|a bout|no fim da linha|sin fuerzas|sem forcas|a bout de forces)"
    r" (?:with|con|com|mit|avec) (?:all of (?:this|it)|all this|everything|todo|tudo|allem"
    r"|alles|tout(?: ca)?|la vida|a vida|dem leben|la vie|life)\b",
)
