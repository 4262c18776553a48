"""English screening patterns for self-harm, tier "crisis" (written against normal.normalise)."""

from __future__ import annotations

# --------------------------------------------------------------------------------------
# Self-harm. "Cut/hurt/burn myself" unless it is plainly an accident or an idiom
# ("cut myself a slice", "hurt myself at the gym", "burning myself out").
# --------------------------------------------------------------------------------------

SELF_HARM = (
    r"\bself ?(?:harm\w*|injur\w*|mutilat\w*|hurt\w*|inflicted)\b",
    r"\b(?:cut|cuts|cutting|cutted|slash|slashing|slashed|slice|slicing|sliced|carve|carving"
    r"|carved|scratch|scratching|scratched|burn|burning|burned|burnt|bruise|bruising|bruised"
    r"|hit|hitting|hits|punch|punching|punched|punches|bang|banging|banged|stab|stabbing"
    r"|stabbed|hurt|hurting|hurts|harm|harming|harmed|injure|injuring|injured|starve"
    r"|starving|starved) ?<ME>\b"
    r"(?! (?:a|an|some|off|short|free|loose|slack|out|up|shaving|chopping|cooking|slicing"
    r"|cutting|gardening|by accident|accidentally|on (?:a|the|some|broken|glass|paper|my desk)"
    r"|at (?:the|work|football|gym|training|rugby|hockey|practice|home while)|playing|lifting"
    r"|running|skiing|skating|climbing|falling|while|during|in a (?:fall|crash|match|game)"
    r"|with (?:the|a|some|hot) (?:oven|stove|hob|kettle|iron|pan|tea|coffee|soup|water)"
    r"|in the (?:foot|kitchen|garden)|out of|over (?:this|it|nothing|that|work)|trying"
    r"|too hard at|to sleep|into)\b)",
    r"\b(?:i|ive|i have|been|im|i am|i was|i keep|keep|kept|started|start|stop|stopped|quit"
    r"|relapsed and|relapsed into|urges? <TO>|urge for|feel like|felt like|tempted <TO>"
    r"|<WANT> <TO>|back <TO>|thinking about|thought about|miss|missing|and)"
    r"(?: been| started| just| really| badly)? (?:cutting|cut|self harming|burning <ME>"
    r"|scratching <ME>)(?: (?:again|<ME>|my (?:arms?|wrists?|legs?|thighs?|skin|stomach"
    r"|body|hips?)))?<END>",
    r"\b(?:cut|cutting|slash\w*|slit|slic\w*|carv\w*|scratch\w*|burn\w*) (?:up )?my"
    r" (?:wrists?|arms?|thighs?|legs?|skin|stomach)\b"
    r"(?! (?:on|open on|while|shaving|by accident|accidentally|in the|at|doing|cooking|ironing"
    r"|baking|gardening|when i fell|with (?:the|a) (?:oven|stove|iron|kettle|pan|tray))\b)",
    r"\bcuts? (?:that )?i (?:made|gave myself|did myself)\b",
    r"\b(?:arms?|legs?|wrists?|thighs?)\b[^.]{0,20}\bcovered in (?:cuts|scars|burns)\b",
    r"\b(?:shd|shed again|relapsed (?:on|with) sh|sh relapse|back to sh|clean from sh)\b",
    r"\b(?:until|till|til|so) (?:it|they|i|my \w+) (?:bleeds?|bled|start(?:s|ed)? bleeding)\b",
    r"\bmake (?:myself|me) bleed\b",
    r"\b(?:sh|self harm|cutting) urges?\b",
    r"\b(?:<WANT>|wanna|need|needed|deserve|deserves) (?:<TO> )?feel (?:physical )?pain\b",
    r"\bdeserve <TO> (?:hurt|be hurt|bleed|feel pain)\b",
    r"\bbang\w* my head\b",
    r"\bcuts on my\b",
    r"\bpunish(?:ing)? myself\b(?! (?:for|with) (?:work|extra|overtime|long hours)\b)",
    r"\b(?:took|take|taking) a (?:blade|razor|knife) to my\b",
    r"\bclean from (?:cutting|self harm|sh)\b",
)
