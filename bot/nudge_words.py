"""A typed answer to the revisit's "How did it go?" read as its outcome (pure, no I/O).

yes | maybe | no | snooze ("not yet", "remind me later") | stop ("stop reminding me") |
unclear. The words are what people type, so they live in code rather than in prompts/.
"""

from __future__ import annotations

import re

from bot.intents import Intent
from bot.wording import has_words, normalise

_STOP = re.compile(
    r"\b(?:stop (?:reminding|the reminders|asking|nudging|these|messaging|sending)|"
    r"no more (?:reminders|nudges|messages)|don't remind me|do not remind me|unsubscribe|"
    r"stop it|leave me alone|don't (?:message|nudge|ask) me|turn (?:it|this|them) off|"
    r"no need to remind|stop$|^stop\b|opt out|reminders? off|turn off|"
    r"(?:don't|do not) (?:want|need) (?:any )?(?:more )?(?:reminders|check[- ]?ins|nudges|these)|"
    r"no (?:more )?(?:reminders|check[- ]?ins|nudges|pings)|no more of (?:these|this)|"
    r"(?:don't|do not) check (?:in|on me)|stop (?:bugging|pinging|pestering|checking)|"
    r"rather you didn't (?:remind|ask|check)|(?:don't|do not) (?:contact|text|dm|ping) me|"
    r"not interested|no longer (?:relevant|needed|applies|matters|an issue)|"
    r"(?:doesn't|does not) matter (?:anymore|now)|(?:don't|do not) care (?:anymore|now)|"
    r"moved on|forget (?:it|about it)|never ?mind|drop it|mute|"
    r"cancel(?: (?:the|this|these|my|that))?(?: (?:reminders?|check[- ]?ins?|nudges?|it|this))?$|"
    r"no need (?:anymore|to (?:check|remind|ask))|(?:switch|turn) (?:these|them|it|this) off|"
    r"switch off|"
    r"not relevant|(?:don't|do not) need (?:this|it|these)|quit (?:reminding|asking|messaging)|"
    r"delete (?:this|the|it)|(?:don't|do not) follow up|stop following up|done with (?:this|it)|"
    r"^leave it$|unsub\w*)"
)
_SNOOZE = re.compile(
    r"\b(?:not yet|nothing yet|still waiting|waiting (?:for|on|to hear)|haven't (?:asked|talked|"
    r"spoken|heard|had|done|got|gotten)|didn't (?:get a chance|have time|ask|talk|manage)|"
    r"no (?:news|answer|reply|response|word)(?: yet)?|ask me (?:again|later|next|on|in|tomorrow)|"
    r"remind me(?! (?:what|who|which|why|how|about))|"
    r"later|next week|postponed|rescheduled|pushed (?:back|out)|delayed|still pending|"
    r"hasn't happened|not happened|didn't happen yet|not had the (?:chance|meeting|talk)|"
    r"meeting is (?:next|on|tomorrow)|give me (?:a|another|more) (?:week|few days|time)|"
    r"snooze|too early|haven't heard back|no update|in a week|soon|"
    r"(?:got|was|been|is) (?:moved|postponed|rescheduled|delayed)|scheduled for|"
    r"haven't (?:met|brought|raised|had a chance|gotten|been able)|not had a chance|"
    r"(?:still )?need to (?:talk|ask|speak|see|meet)|(?:get|got|gotten) (?:round|around) to|"
    r"(?:few|couple) more days|more time|tomorrow|todav[ií]a no|a[uú]n no|noch nicht|"
    r"pas encore|ainda n[aã]o|ma[nñ]ana|morgen|demain|amanh[aã]|still to (?:do|ask|talk|come)|"
    r"will (?:ask|talk|try|do it) (?:after|later|next|when|once|soon|on)|"
    r"(?:meet|meeting|seeing|see|talking|talk|speaking) (?:\w+ )?(?:on|next|this|tomorrow|later|"
    r"in|at) ?(?:mon|tue|wed|thu|fri|sat|sun|week|month|\d)\w*|"
    r"(?:haven't|hasn't|not|nothing)\b(?:(?! decided| decision)[\w' ]){0,30}\byet|"
    r"put(?:ting)? (?:it |this |that )?off|(?:right|good) (?:moment|time|opportunity|chance)|"
    r"after the (?:holidays?|weekend|break|meeting|summer|review)|"
    r"get (?:to|round to|around to) it|(?:not|haven't|hadn't|didn't) (?:had|have) (?:the )?time|"
    r"no time|been (?:too )?busy|too busy|chicken(?:ed)? out|lost my nerve|haven't dared)\b"
)
# Their decision still to come ("they'll decide next month", "she needs to check with HR"):
# they answered with a maybe, even when a time word follows.
_THEY_PENDING = re.compile(
    r"\b(?:they|he|she|boss|manager|landlord|hr|company|client|team|it)\b[\w' ,]{0,40}?\b"
    r"(?:decid\w*|think\w* (?:about|it over|on it|it through)|consider\w*|get back|let me know|"
    r"see what|weigh\w*|run it (?:by|past)|sign[- ]off|approv\w* from|"
    r"discuss\w*|talk (?:more|about it|again)|check\w* with|review\w*|look\w* into|"
    r"more time|negotiat\w*|under review|in discussion)\b"
)
_MAYBE = re.compile(
    r"\b(?:maybe|a maybe|perhaps|possibly|think(?:ing)? about it|consider(?:ing|ed)?|"
    # Maybe in Spanish, German, French and Portuguese.
    r"quiz[aá]s?|tal vez|a lo mejor|vielleicht|eventuell|peut[- ][êe]tre|talvez|"
    r"partly|partially|part of it|half|kind of|kinda|sort of|sorta|somewhat|depends|"
    r"we'll see|open to it|not a no|not a clear|undecided|on the fence|mixed|"
    r"come back (?:to|in|after)|revisit|in (?:q[1-4]|the new year|spring|summer|autumn|fall)|"
    r"conditional|if i|only if|sort of yes|progress|closer|halfway|counter ?offer|"
    r"compromise|middle ground|some of it|not sure yet|pending approval|let me know|"
    r"offered (?:me )?(?:something|part|half|less|a smaller|a different)|partial|"
    r"think(?:ing)? it over|still deciding|deciding|complicated|get back to me|"
    r"will consider|meh|trial|(?:not|haven't|hasn't|have not) (?:yet )?(?:decided|made up)|"
    r"up in the air|under review|negotiat\w*|in discussion|discussing|tbd|to be decided|"
    r"soft yes|might|probably|possibly|vague|hard to (?:say|tell)|looking into|"
    r"in progress|not (?:a )?yes(?: but| or|,)? (?:not )?(?:a )?no|in the middle|"
    r"think(?:ing)? (?:on|about) it|(?:smaller|lower|reduced|different|counter) offer|"
    r"came back with|hopeful|(?:not|un)confirmed|promising|no decision)\b"
)
_NO = re.compile(
    r"^(?:no+|nope|nah|nay|nein|non|n[aã]o)\b|"
    r"\b(?:still (?:a )?no|said no|a no|no again|refused|rejected|"
    r"declined|turned (?:me |it )?down|didn't work|did not work|no luck|no dice|no go|"
    r"failed|denied|not happening|same answer|still won't|won't budge|shot (?:it |me )?down|"
    r"didn't go well|went badly|flat no|hard no|not this time|they passed|unsuccessful|"
    r"got nothing|no change|not approved|wasn't approved|didn't get it|no deal|"
    r"not going to happen|(?:isn't|not) happening|nothing changed|no joy|badly|"
    r"shut (?:it |me |that |this )?down|(?:not|no) good|"
    r"same as (?:before|last time)|"
    r"said the same|no chance|didn't go (?:well|great|to plan)|bad news|fell through|"
    r"didn't work out|dead end|knocked back|negative|refus\w*|dead|"
    r"not (?:going|moving) (?:ahead|forward))\b"
)
_YES = re.compile(
    r"^(?:y+e+s+|yep|yup|yeah|ya|yay|woo+|hooray|hurray|s[ií]|ja|oui|sim)\b|\b(?:said yes|a yes|"
    r"worked(?! on)|aceptaron|acept[oó]|geklappt|zugestimmt|dit oui|accept[ée]|deu certo|"
    r"aceitaram|aprovad[oa]|"
    r"got (?:it|the|my|a (?!no\b|maybe\b))|gave (?:me|us) (?:the|a|my|what)|"
    r"agreed|approved|accepted|they're in|it worked|worked out|success|succeeded|"
    r"we did it|i did it|nailed it|landed (?:it|the)|won(?!')|went (?:well|great)|they said ok|"
    r"green light|signed|deal is done|on board|promoted|hired|offer came|they loved it|"
    r"it's a yes|got a raise|good news|great news|they agreed|went for it|go[- ]ahead|"
    r"ok(?:ay)?(?:ed|'d)|(?:it's )?happening|sorted|fixed|better than expected|done deal|"
    r"said (?:sure|ok|okay|yes)|they did|all set|(?:we're|it's) on|gave in|came through|yes|"
    r"(?:moving|going|go) (?:forward|ahead)|it's done|all done|done and dusted|positive)\b"
)
# An outcome said plainly, which a pending decision beside it does not turn into a maybe.
_STATED = re.compile(r"\b(?:said (?:yes|no)|it's a (?:yes|no)|refused|rejected|approved|agreed)\b")
_ELSEWHERE = re.compile(
    r"^(?:something else|another thing|a different thing|unrelated|on another note|"
    r"different (?:topic|story|thing)|new (?:problem|thing|no))\b"
)
# "They won't" alone is the answer; in a longer sentence it may tell of something else.
_WONT = re.compile(r"\b(?:won't|will not)\b(?! (?:know|hear|decide|find out|be able))")
_CELEBRATE = frozenset("🎉🥳🙌✅💪🎊👏😀😃😄😁🤩👍")
_SAD = frozenset("👎😞😢😭☹🙁😔💔❌")


# Two outcomes named as alternatives ("yes or maybe?", "a maybe or a no").
_EITHER_OUTCOME = re.compile(
    r"^\W*(?:(?:idk|hmm+|um+|like|either|kind of|sort of),?\s+)*(?:a |an )?(yes|maybe|no)\W+or"
    r"\W+(?:a |an )?(yes|maybe|no)\b"
)


# The outcome named outright, first or as what it is ("maybe - he said march", "partly, she
# agreed to half", "is that a maybe?", "i'd call it a no"): that outcome, whatever else the
# sentence tells (a call next week, a question tacked on), never taken as "not yet".
_NAMED_OUTCOME = re.compile(
    r"^\W*(?:(?:so|well|hmm+|um+|ok|okay|i guess|i think|wait|no wait|honestly|still)\W+)*"
    r"(maybe|partly|partially|kind of|sort of|quiz[aá]s|vielleicht|peut[- ][êe]tre|talvez)\b"
    r"|\b(?:is (?:that|this|it)|that's|thats|it's|its|(?:i'd|i would) (?:say|call (?:it|that)))"
    r"(?: (?:a|an))? (maybe|yes|no)\b"
)
_NAMED = {"yes": Intent.YES, "no": Intent.NO}


def named_outcome(text: str) -> Intent | None:
    """The outcome a check-in answer names outright ("maybe - …", "is that a maybe?"), or None."""
    found = _NAMED_OUTCOME.search(normalise(text))
    if found is None:
        return None
    return _NAMED.get(found.group(2) or "", Intent.MAYBE)


# A change of mind about the check-in answer just given ("wait no thats a maybe").
_CHANGED_MIND = re.compile(
    r"^\W*(?:wait|no wait|hold on|actually|sorry|oops|i mean|i meant|correction|scratch that|"
    r"hmm+ no|no no)\b|\bi meant\b|\bactually\b"
)


def corrected(text: str) -> Intent | None:
    """The outcome a change of mind right after a check-in answer names, or None when the
    words name none ("wait no thats a maybe" -> MAYBE; "maybe" alone is one too)."""
    named = named_outcome(text)
    if named is not None:
        return named
    if not _CHANGED_MIND.search(normalise(text)):
        return None
    meant = nudge(_CHANGED_MIND.sub(" ", normalise(text)))
    return meant if meant in (Intent.YES, Intent.MAYBE, Intent.NO) else None


def nudge(text: str) -> Intent:
    """Read a typed answer to "How did it go?" at a revisit nudge."""
    lowered = normalise(text)
    symbols = set(text)
    if not has_words(text):
        if symbols & _CELEBRATE:
            return Intent.YES
        if symbols & _SAD:
            return Intent.NO
        if "🤷" in text or "🤔" in text:
            return Intent.MAYBE
        return Intent.UNCLEAR
    if _STOP.search(lowered):
        return Intent.STOP
    either = _EITHER_OUTCOME.match(lowered)
    if either is not None and either.group(1) != either.group(2):
        # "yes or maybe": two outcomes offered, neither said; the buttons again, not a guess.
        return Intent.UNCLEAR
    if _ELSEWHERE.match(lowered):
        # "Something else: my bank won't give me a loan" is a new story, not this outcome.
        return Intent.UNCLEAR
    named = named_outcome(text)
    if named is not None:
        return named
    negated_no = re.search(r"\bnot (?:a|exactly a) no\b|\bnot a flat no\b", lowered)
    if _THEY_PENDING.search(lowered) and not _STATED.search(lowered):
        return Intent.MAYBE
    if _SNOOZE.search(lowered) and not re.search(r"\bsaid (?:yes|no)\b", lowered):
        return Intent.SNOOZE
    plain_yes = re.search(r"\b(?:said yes|it's a yes|they agreed|approved)\b", lowered)
    # "partially, they agreed to half": a part of it is a maybe, even when agreed.
    in_part = re.search(r"\b(?:partial\w*|half|part of)\b", lowered)
    if (negated_no or _MAYBE.search(lowered)) and (not plain_yes or in_part):
        return Intent.MAYBE
    if re.search(
        r"\b(?:not|never|didn't|wasn't) (?:a )?(?:yes|agreed|approved|accepted)\b", lowered
    ):
        return Intent.NO
    yes = _YES.search(lowered)
    no = _NO.search(lowered)
    if yes and re.search(r"\bdidn't (?:get|work)\b", lowered):
        yes = None
    if yes and no:
        # "got a yes, no problem" or "a no, then a yes": the first one said counts.
        return Intent.YES if yes.start() < no.start() else Intent.NO
    if yes:
        return Intent.YES
    if no or symbols & _SAD or (len(lowered.split()) <= 5 and _WONT.search(lowered)):
        return Intent.NO
    if symbols & _CELEBRATE:
        return Intent.YES
    return Intent.UNCLEAR
