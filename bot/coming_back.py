"""Coming back after a cancel, a crisis stop or a plan: a new no begins a new reframe (pure).

After a cancel the coach said "write any time to start a new one": a message that tells a
no ("my girlfriend broke up with me") begins one; words that want to talk but tell no no
("just want to sort out the gf thing") are asked for it; a greeting gets the invitation,
never worded the same way twice in a row (a new reframe opens only on a no told, so an
answer typed after a cancel never opens one by accident). After a crisis
stop the safety flow takes the first message back (crisis_reply.welcome_back).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot import opening_words, tone
from bot.domain import Reply, Session, Status
from bot.intents import Intent
from bot.wording import normalise
from bot.wording import words as _words

# The invitations in turn: the usual one, a plainer one, one that says exactly what to type.
INVITATIONS = ("start.prompt", "start.prompt_again", "start.prompt_plainly")
# Said first, after a cancel, to words that tell something but not the no itself.
TELL_ME = "start.tell_me"
# The count of invitations said since the conversation closed, kept after this mark at the end
# of `pending_data` (undo_cancel reads its own mark before it).
COUNT_MARK = "~said="
# Words of a no that opening_words' list of refusals does not hold: a break-up, a loss, a
# ghosting, a firing, in the five languages the coach reads.
_SETBACK_CUES = re.compile(
    r"\b(?:broke up|break up|breaking up|split up|dumped|ghosted|left me|cheated|"
    r"lost (?:my|our) (?:job|house|flat|apartment|home|contract|client|deal|place|spot|"
    r"position|chance|funding|scholarship|visa|lease|case)|"
    r"kicked (?:me )?out|evicted|let me go|cancell?ed on me|"
    r"(?:got|was|been) (?:rejected|fired|sacked|dumped|ghosted|turned down|passed over)|"
    r"me dej[oó]|termin[oó] conmigo|me despidi\w*|me echaron|"
    r"schluss gemacht|verlassen|gefeuert|entlassen|"
    r"m'a quitt[ée]e?|rompu|vir[ée]e?|licenci[ée]e?|"
    r"terminou comigo|me largou|me deixou|fui demitid[oa]|me demitiram)\b"
)
# A message after a cancel this long, not a greeting or question, tells something to work on.
_TELLS_WORDS = 5


def said_count(session: Session) -> int:
    """How many invitations were said since this conversation closed (0 when none)."""
    data = session.pending_data or ""
    _, mark, count = data.rpartition(COUNT_MARK)
    return int(count) if mark and count.isdigit() else 0


def without_count(data: str | None) -> str | None:
    """`pending_data` without the invitations' count ("" and None stay as they are)."""
    if not data or COUNT_MARK not in data:
        return data
    return data.rpartition(COUNT_MARK)[0] or None


def invite(session: Session, text: str = "") -> tuple[Session, tuple[Reply, ...]]:
    """The invitation to tell a no, worded unlike the last one, and the session counting it;
    after a cancel, words that tell something but no no ("just want to sort out the gf
    thing") are asked for the no itself first."""
    count = said_count(session)
    first = TELL_ME if _asks_for_the_no(session, text) else INVITATIONS[0]
    keys = (first, *INVITATIONS[1:])
    key = keys[count % len(keys)]
    kept = without_count(session.pending_data) or ""
    counted = replace(session, pending_data=f"{kept}{COUNT_MARK}{count + 1}")
    return counted, (Reply(key),)


def _asks_for_the_no(session: Session, text: str) -> bool:
    """Whether a message after a cancel tells something to work on, though not the no."""
    if session.status is not Status.CANCELLED or not text:
        return False
    if opening_words.first_message(text) is not Intent.SETBACK or tone.tells_nothing(text):
        return False
    return len(_words(text)) >= _TELLS_WORDS


def tells_a_no(text: str) -> bool:
    """Whether the words tell of a refusal, a break-up or a loss (the no itself, not a wish)."""
    lowered = normalise(text)
    return (
        opening_words.tells_new_no(text)
        or _SETBACK_CUES.search(lowered) is not None
        or tone.is_loss(text)
        or opening_words.after_summary(text) is Intent.NEW_SETBACK
    )
