"""Words read after a crisis reply and at the direct question, beside those in answers.py:
danger arriving or still meant, means put away, a time that belongs to "I'm safe", wanting
to stop or to talk of something else, and thoughts admitted "at times", in five languages.

All patterns run on text normalised by bot.safety.normal (lower case, no accents, no
apostrophes, punctuation spaced out as " . ").
"""

from __future__ import annotations

import re

__all__ = [
    "ABOUT_LINES",
    "AT_TIMES",
    "DANGER_MORE",
    "FINE_MORE",
    "MEANS_AWAY",
    "MOVE_ON",
    "NOT_SURE_MORE",
    "SAFE_SAID_MORE",
    "SAFE_TIME",
    "STOP_MORE",
    "without_safe_time",
]

# Danger from someone who has found them or is at the door, an intent still held ("nothing
# has changed, I'm still going to"), a promise they cannot make, a car's engine left running.
DANGER_MORE = re.compile(
    r"\b(?:found|find|finds|knows|know|figured) (?:out )?where (?:i|we) (?:am|live|m|are|stay)"
    r"|\b(?:at|outside|in front of|banging on) (?:my|the|our) (?:door|house|flat|window|room)\b"
    r"|\bvor (?:der|meiner|unserer) (?:tur|wohnung|haustur)\b"
    r"|\b(?:a|devant) (?:la|ma|notre) porte\b|\ben (?:la|mi) puerta\b|\bna (?:minha )?porta\b"
    r"|\b(?:descobriu|descobriram|sabe|sabem) onde (?:eu )?(?:moro|estou|vivo)\b"
    r"|\b(?:sabe|descubrio|encontro|averiguo) donde (?:vivo|estoy)\b"
    r"|\b(?:weiss|rausgefunden|herausgefunden) wo ich (?:wohne|bin)\b"
    r"|\b(?:sait|trouve) ou (?:j ?habite|je suis|je vis|j ?suis)\b"
    r"|\bnothing (?:has )?changed\b|\bstill (?:going to|gonna|will|mean it|plan)\b"
    r"|\bkann (?:es |das )?(?:dir )?nicht versprechen\b"
    r"|\bno (?:te |lo |te lo |se lo )?puedo prometer(?:te|lo|telo)?\b"
    r"|\bpeux pas (?:te )?(?:le )?promettre\b|\bnao (?:posso|consigo) (?:te )?prometer\b"
    r"|\bengine (?:running|on|still on)\b|\bmotor (?:lauft|an|encendido|ligado)\b"
    r"|\bmoteur (?:allume|tourne)\b"
)
# Means put away, thrown out or handed to someone: a step toward safety, not danger.
MEANS_AWAY = re.compile(
    r"\b(?:put|threw|thrown|flushed|gave|given|handed|locked|hid|got rid of|gotten rid of)"
    r"(?: \w+){0,4}? (?:away|out|up|to (?:my|a|the) \w+)\b"
    r"|\b(?:flushed|binned|dumped|got rid of|gotten rid of|threw out) (?:the|my|all|them|it)\b"
    r"(?: \w+){0,2}"
    r"|\b(?:tire|guarde|le di|regale) (?:las?|los|el|mis) \w+\b"
    r"|\b(?:(?:die|meine|das|den|alle) \w+ )?(?:weggeworfen|weggeschlossen|weggelegt|weggegeben"
    r"|abgegeben)\b"
    r"|\b(?:jete|range|donne|enferme) (?:les|le|la|mes) \w+\b"
    r"|\b(?:joguei fora|guardei|dei|entreguei) (?:os|as|o|a|meus|minhas) \w+\b"
)
# Safety said in so many words where answers.py misses it: "ich tu mir nichts an",
# Brazilian "tô seguro" (normalised "to seguro").
SAFE_SAID_MORE = re.compile(
    r"\bich (?:tu|tue|mache) (?:mir )?nichts\b|(?<!nao )\b(?:to|tou) (?:\w+ )?segur[oa]\b"
    r"|^safe(?: now)?(?: \.|$| and\b)"
)
# Only "fine" or "better", in words answers.py misses ("mir gehts besser", "tô bem").
FINE_MORE = re.compile(
    r"\bmir gehts (?:jetzt |wieder )?(?:gut|besser)\b"
    r"|(?<!nao )\b(?:to|tou) (?:\w+ )?(?:bem|melhor)\b"
)
# A time that belongs to a word of safety ("safe tonight", "ok for now", "jetzt besser"),
# removed before a time alone is read as danger.
SAFE_TIME = re.compile(
    r"\b(?P<word>safe|ok|okay|fine|better|alright|segur[oa]|a salvo|bien|mejor|gut|besser|sicher"
    r"|en securite|bem|melhor)(?: for)? (?:right now|now|tonight|today|ahora|esta noche"
    r"|jetzt|heute(?: nacht)?|maintenant|ce soir|agora|hoje|esta noite)\b"
    r"|\b(?:now|jetzt|ahora|agora|maintenant) (?:(?:much|viel|muito|bien) )?"
    r"(?P<after>better|besser|mejor|melhor|mieux)\b"
)


def without_safe_time(normal: str) -> str:
    """The text with each time that belongs to a word of safety dropped: "im safe for now"
    becomes "im safe", "mir gehts jetzt besser" "mir gehts besser"."""
    return SAFE_TIME.sub(lambda found: found["word"] or found["after"], normal)


# Wanting to talk of something else ("I'd rather talk about work now"): not a time of danger.
MOVE_ON = re.compile(
    r"\b(?:rather|prefer to|want to|wanna|can we|could we|lets) (?:talk|get back|go back"
    r"|move on|focus)\b|\bback to (?:the|my|our) \w+"
    r"|\b(?:prefiero|quiero) hablar de\b|\blieber uber\b|\bprefere parler\b|\bprefiro falar\b"
)
# Wanting the conversation to end, in words the whole-message list in answers.py misses.
STOP_MORE = re.compile(
    r"\b(?:leave|let) me be\b|\bend (?:this|the) (?:chat|conversation|talk)\b"
    r"|\bshut up\b|\bstop talking to me\b|\benough (?:\. )?bye\b|^(?:stop ){1,}stop$"
    r"|^para (?:ya|com isso|con esto)$|\bwant to end (?:this|the) (?:chat|conversation)\b"
    r"|\bcallate\b|\bhalt die klappe\b|\btais toi\b|\bcala a boca\b|\bferme la\b"
)
# At the direct question, the thought admitted at times or partly: a yes.
AT_TIMES = re.compile(
    r"\b(?:sometimes|kind of|kinda|sort of|a little(?: bit)?|a bit|at times|some days"
    r"|cross(?:es|ed)? my mind|on and off|off and on|(?:havent|have not|not) decided"
    r"|a veces|un poco|algunas veces|manchmal|ein bisschen|ab und zu|parfois|un peu"
    r"|des fois|as vezes|um pouco|de vez em quando)\b"
)
# Not knowing, in words the list in answers.py misses ("I can't tell", "not really").
NOT_SURE_MORE = re.compile(
    r"\b(?:cant|can not|cannot) (?:tell|say)\b|\bnot really\b|\bno lo se\b|\bschwer zu sagen\b"
    r"|\bdifficile a dire\b|\bdificil dizer\b|\bdificil de decir\b"
)
# A question about the lines themselves: what happens on a call, whether it is free, whether
# they send the police, what to say. Answered plainly: not knowing keeps people from calling.
ABOUT_LINES = re.compile(
    r"\bwhat (?:happens|will happen|would happen) (?:if|when) i (?:call|text|ring|chat|phone)"
    r"|\b(?:is (?:it|that|this|the call)|are (?:they|the lines)) (?:really )?free\b"
    r"|\bdoes it cost\b|\bwill (?:they|it) (?:call|send|tell) (?:the )?(?:police|cops|someone"
    r"|an ambulance|my (?:parents|family|boss))\b|\b(?:do|will) i (?:have|need) to (?:give|say"
    r"|tell them) (?:my )?name\b|\bwho (?:answers|picks up|will answer)\b"
    r"|\bwhat (?:do|should|would) i (?:say|tell them|even say)\b"
    r"|\bque pasa si (?:los |les )?(?:llamo|escribo)\b|\b(?:es|son) gratis\b|\bcuesta dinero\b"
    r"|\b(?:llamaran|van a llamar) a la policia\b|\bque (?:les )?(?:digo|les diria)\b"
    r"|\bwas passiert,? wenn ich (?:anrufe|schreibe)\b|\bist (?:das|es) kostenlos\b"
    r"|\b(?:rufen|holen) (?:die|sie) (?:dann )?(?:die )?polizei\b|\bwas (?:soll|sage) ich\b"
    r"|\bque se passe t il si j ?appelle\b|\bsi j ?appelle,? (?:il se passe quoi|quoi)\b"
    r"|\bc ?est gratuit\b|\b(?:ils vont|vont ils) appeler la police\b|\bje (?:leur )?dis quoi\b"
    r"|\bo que acontece se eu (?:ligar|mandar mensagem)\b|\be (?:de graca|gratis|gratuito)\b"
    r"|\bvao chamar a policia\b|\bo que eu (?:digo|falo)\b"
)
