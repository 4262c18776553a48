"""English screening patterns, tier "possible": hopelessness, burden, disappearing, not
waking up; and the safety net that asks about a word of death said of oneself (written against
normal.normalise)."""

from __future__ import annotations

# --------------------------------------------------------------------------------------
# Suicide, tier "possible": hopelessness, burden, disappearing, not waking up. The coach
# asks directly whether the person is thinking about ending their life.
# --------------------------------------------------------------------------------------

POSSIBLE = (
    r"\b(?:wish|wished|wishing|hope|hoping|pray|praying)(?: that)? (?:i|id)"
    r"(?: (?:could|would|will|just|had|did|do|was|were)){0,2}"
    r" (?:dont|didnt|wont|wouldnt|never|not|wasnt|werent|hadnt)(?: \w+)?"
    r" (?:wake up|been born|born|alive|exist|existed|here|around)\b"
    r"(?! (?:at|in|with|for|on|today|this|late|early|before|on time|in time|hungover"
    r"|tired|sick|grumpy|feeling|to (?:see|hear|read))\b)",
    r"\b(?:life|living|my life|existence) (?:is|feels|seems) (?:\w+ )?(?:pointless|meaningless"
    r"|hopeless)\b",
    r"\b<WANT> out of (?:this |my )?(?:life|existence|world)\b",
    # "no reason to go on", "what's the point of living", "lost the will to live".
    r"\b(?:no|dont see (?:the|any|a)|cant see (?:the|any|a)|do not see (?:the|any|a)"
    r"|whats(?: even| really)? the|what is(?: even)? the|wheres the|lost (?:the|my|all|any)"
    r"|without (?:a|any)|not (?:any|a))"
    r" (?:point|reason|purpose|will|desire|motivation)(?: (?:anymore|at all|left|whatsoever))?"
    r" (?:in |of |to |for )?(?:living|to live|live|life|being alive|be alive|staying alive"
    r"|stay alive|going on|go on|carrying on|carry on|keep going|keep living|existing|exist)\b"
    r"(?! (?:with|in|at|here|there|this|that|the|like|on|off|for|to|working|doing|paycheck"
    r"|pay|studying|applying)\b)",
    r"\bnothing (?:left )?(?:to live for|worth living for)\b",
    # The point of everything gone: "i dont see the point of anything anymore".
    r"\b(?:dont|cant|do not|cannot|no longer|dont really) see (?:the|any|a) point (?:in|of|to)"
    r" (?:anything|it all|any of (?:it|this)|trying anymore|getting up|waking up|going on)"
    r"(?= \.|$| anymore| any more| now| honestly| tbh| at all| and| but| lol)",
    r"\b(?:life|living|my life|being alive)(?: (?:is|isnt|is not|aint|just isnt|doesnt feel"
    r"|does not feel|no longer feels?|no longer|not|isnt really|feels))? (?:\w+ )?worth"
    r" (?:living|it anymore|it any more)\b(?! (?:in|with|at|for)\b)",
    r"\bnot worth living\b(?! (?:in|with|at)\b)",
    # "I can't go on", but not "can't go on working these hours".
    r"\b(?:cant|can not|cannot|cnt) (?:\w+ )?(?:go on|keep going|carry on|keep living"
    r"|live like this|be alive|exist)(?: (?:anymore|any more|any longer|like this))?\b"
    r"(?! (?:with|at|in|working|doing|to|for|the|this|my|like this at|applying|paying"
    r"|living)\b)",
    r"\b(?:dont|do not|cant|cannot|no longer)(?: \w+)? (?:<WANT> <TO> )?(?:go on|carry on"
    r"|keep going)(?: any ?more| any longer)?(?= \.|$| but\b| and\b| because\b| without\b)",
    # "everyone would be better off without me" / "nobody would notice if I was gone".
    r"\b(?:better off|better|happier|easier|best) (?:\w+ ){0,2}?without me\b"
    r"(?! (?:on|in|at|as|for|there|running|leading|managing)\b)",
    r"\b(?:better off|better|happier|easier|relieved|glad|care|cares|miss me|notice|notices"
    r"|noticed|matter|miss it)(?: \w+){0,4}? (?:if|when|once) (?:i|id|im)"
    r" (?:(?:was|were|am|was just|were just)? ?(?:gone|dead|not here|not around|not alive"
    r"|no longer (?:here|around|alive)|never born|out of the picture)|died|disappeared"
    r"|killed myself|just died|just disappeared|vanished|left this world"
    r"|wasnt (?:here|around|alive|born)|werent (?:here|around|alive|born)|didnt exist"
    r"|never existed|ended it|ended my life|was to die|were to die|never been born)\b"
    r"(?! (?:for|from|on holiday|on vacation|at|in the|early|to the|off to)\b)",
    r"\b(?:im|i am|i feel|feel|ive become|i have become|i was|being|i became) (?:\w+ ){0,3}?"
    r"burden(?: (?:to|on|for)\b|(?= \.|$))"
    r"(?! (?:my |the |our )?(?:team|colleagues|coworkers|manager|boss|company|project"
    r"|department|employer|business)\b)",
    r"\b(?:to|and|hope i|wish i|so i|pray i|n) (?:never|not|dont|wont|just not|just never)"
    r" (?:wake up|wake(?= \.|$)|open my eyes)\b"
    r"(?! (?:late|early|at|before|on time|in time|too|with|hungover|tired|sick|grumpy"
    r"|feeling|until|till)\b)",
    r"\b(?:think\w*|thought|dream\w*|fantasi[sz]\w*|obsess\w*) (?:a lot |constantly |often )?"
    r"(?:about|of) (?:just )?(?:not (?:existing|being (?:here|alive|around))|dying|death"
    r"|my (?:own )?death|killing <ME>|ending (?:it|my life|things)|disappearing forever"
    r"|being dead)\b(?! (?:my|your|her|his) hair\b)(?! (?:with|things with|it with)\b)",
    r"\b(?:tired|sick|done|finished|exhausted|weary)(?: \w+)? (?:of|with) (?:living|life"
    r"|being alive|existing|being here|this life)\b"
    r"(?! (?:with|in|at|here|there|paycheck|pay cheque|pay check|like(?! this)|on|off|under"
    r"|out|as a|near|so|alone|without)\b)",
    # Hopelessness without a word of death.
    r"\b(?:cant|can not|cannot|cnt) (?:see )?(?:any |a |the )?way out\b",
    r"\bno way out\b(?! of (?:this|the|my) (?:contract|lease|deal|meeting|job|role)\b)",
    r"\b(?:cant|can not|cannot|cnt) (?:\w+ )?do (?:this|it|life) (?:any ?more|any longer)\b"
    r"(?! (?:at|with|for)\b)",
    r"\bcant (?:any ?more|go on like this|keep going like this|do it anymore)(?= \.|$| tbh"
    r"| honestly| i\b)",
    r"\bwhats (?:even )?(?:the )?point(?: (?:anymore|any more|of anything|of it all|of trying"
    r"|of me|of anything anymore|of any of it))?(?= \.|$| tbh| honestly| anymore)",
    r"\b(?:like|want) <TO> just stop(?= \.|$| everything)",
    r"\bnothing (?:will )?(?:ever )?(?:gets?|get) better\b",
    r"\btired of (?:everything|it all|all of it|being me|being alive|fighting)\b",
    r"\bgiv(?:e|ing) up on (?:everything|life|myself|living)\b",
    r"\b(?:dont|cant|do not|cannot) see (?:a|any) future (?:for me|for myself|anymore)\b",
    r"\bno future for me\b",
    r"\b(?:everything|life|it all|i) (?:is|feel|feels|am) (?:\w+ )?hopeless\b",
    r"\bdone with everything\b(?! (?:at|for today|on)\b)",
    r"\b(?:a|such a|just a) (?:weight|drain|waste of space|waste of oxygen) (?:on|to|for)"
    r" (?:my family|everyone|everybody|them|my (?:kids|wife|husband|partner|parents))\b",
    r"\bi (?:only |just )?make (?:things|everything|it) worse for (?:everyone|everybody"
    r"|my family|them all)\b",
    r"\b(?:<WANT> <TO>|wish i could|wish to|wanna) (?:just )?(?:disappear|vanish|fade away"
    r"|stop existing|not exist|cease to exist)\b(?! (?:for a (?:week|day|few)"
    r"|on holiday|from (?:work|the office|social media|this meeting)|under|into|for the"
    r" weekend|to (?:a|the|my))\b)",
    r"\b(?:fall asleep|sleep|go to sleep) (?:and never wake up|forever)\b",
    r"\bif (?:i|id|im) just (?:wasnt|werent|was not|were not) (?:here|around|alive)\b",
    r"\bnot sure (?:i|if i) (?:\w+ )?<WANT> <TO> (?:be alive|live|be here|exist|go on"
    r"|keep going)\b",
    r"\bhow (?:much )?(?:longer|long) (?:i|ill) (?:can|be able to) (?:keep going|go on"
    r"|hold on|take (?:this|it))\b",
    r"\bkys\b",
    # Means at hand, said without a plan: with a time in the next message it is a plan.
    r"\b(?:got|have|ive got) (?:the|enough|all the|my) (?:pills|tablets|rope)(?= \.|$| here"
    r"| now| in front)",
    r"\bwrote (?:the|my) (?:letters|notes)\b",
    r"\b(?:out of|lost all|lost|theres no|no more|have no|no) hope\b"
    r"(?! (?:for|of|on) (?:the|this|that|a|my) (?:job|promotion|deal|raise|offer|role)\b)",
    r"\bno hope left\b",
    r"\btrapped\b[^.]{0,30}\bno (?:escape|way out)\b",
    r"\bnothing matters (?:anymore|any more)\b",
    r"\bwhy bother (?:anymore|any more|with anything|living)\b",
    r"\bdont care what happens to me\b",
    r"\bcant keep doing this\b(?! (?:job|role|work|commute)\b)",
    r"\brunning out of reasons\b",
    r"\bnothing to look forward to\b",
    r"\bbreaking point\b",
    r"\bcant cope any ?more\b",
    r"\bhad enough of everything\b",
    r"\bempty inside\b",
    r"\bcant take (?:it|this|any of this|it all) any ?more\b",
    r"\bwish i could just not be\b",
    r"\bwish (?:a|the) (?:car|bus|train|truck|lorry) would hit me\b",
    r"\bwouldnt mind if i (?:didnt|did not|never) wake\b",
    r"\brun away and never come back\b",
    r"\b<WANT> <TO> be gone\b",
    r"\bswitch off (?:forever|for good)\b",
    r"\bruin everything for everyone\b",
    r"\b(?:all|everyone|they|theyd|everybody)(?: \w+)? (?:be )?(?:fine|better|happier)"
    r" without me\b",
    r"\bworld would be better without me\b",
    r"\bwaste of (?:space|oxygen)\b",
    r"\bdeserves? better than me\b",
    r"\b(?:no one|nobody|noone) would (?:miss|notice) me\b",
    r"\bdead weight\b",
    r"\b(?:urge|urges|want|wanting|keep wanting) <TO> (?:hurt|cut|harm) (?:<ME>|again)\b",
)

# --------------------------------------------------------------------------------------
# The safety net, tier "possible": a word of death, harm or despair said about oneself,
# in a sentence none of the patterns above read. It costs one gentle question.
# --------------------------------------------------------------------------------------

NET = (
    # "my cousin", "my players", "my phone": the words that follow are about them, not me.
    r"\b(?:i|im|ive|id|ill|me|my(?! (?:best |old |little |big |younger |older )?(?:<KIN>|<CLOSE>"
    r"|<OTHERS>|players|team|character|characters|phone|phones|battery|laptop|plants?|novel"
    r"|book|story|cv|resume|car)\b)|myself)\b(?: (?!\.)\S+){0,8}? (?:die|dying|dead|death"
    r"|suicid\w*|overdos\w*|noose|rope|blades?|razors?|bleed\w*|pills|tablets"
    r"|disappear\w*|vanish\w*|hopeless\w*|worthless|pointless|burden|numb|trapped"
    r"|goodbye|not wake|never wake|sleep forever|not be here|not be around|give up on life"
    r"|gone for good|no future|no way out|end it|end things|hurt myself|harm myself)\b"
    r"(?! (?:of|for|from|laughing|inside|tired|serious|end|line|to know|to see|to hear"
    r"|to try|to go|to tell|to ask|to meet|on my feet|in the water|weight|set|right|wrong"
    r"|on time|early|late|at work|at the|from work|from the office|for a (?:bit|while|week|day)"
    r"|under|into|with (?:work|the|my (?:job|boss|manager|landlord)))\b)",
)
