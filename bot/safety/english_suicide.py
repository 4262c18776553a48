"""English screening patterns, tier "crisis", concern suicide: intent, method, plan,
preparation, goodbye, search (written against normal.normalise)."""

from __future__ import annotations

# --------------------------------------------------------------------------------------
# Suicide, tier "crisis": intent, method, plan, preparation, goodbye, search.
# --------------------------------------------------------------------------------------

SUICIDE = (
    # The word itself, bar idioms about careers and sport drills.
    r"(?<!career )(?<!professional )(?<!political )(?<!social )(?<!commercial )"
    r"(?<!electoral )(?<!corporate )(?<!financial )"
    r"\b(?:suicid|sucid|suicd|suisid|suicied|suecid|sucicid)\w*\b"
    r"(?! (?:squad|doors?|missions?|runs?|sprints?|drills?|lane|burn|bomber|bombing|attack)\b)",
    r"\bsewer ?slide\b",
    r"\bunaliv\w*",
    # "kill myself", but not "killed myself laughing" or "killing myself to hit targets".
    r"\bki?l+(?:s|ed)? ?<ME>\b(?! laughing\b)",
    r"\bki?l+(?:ing|in) ?<ME>\b"
    r"(?! (?:laughing|to|trying|working|at work|for (?:this|that|the|a|my|them|him|her|nothing"
    r"|work|money)|with (?:work|overtime|stress|worry|hours|long hours|the workload"
    r"|this (?:job|workload|project)|these hours)|over (?:work|this job|a job|deadlines))\b)",
    r"(?<!\d )\bkms\b(?! (?:away|from|per|a day|an hour|each|of|to|in|on|and|or)\b)",
    # "end my life", "take my own life", but not "take my life back".
    r"\b(?:end|ending|ended|ends|take|taking|took|takes) (?:my|me) (?:own )?life\b"
    r"(?! (?:back|in|into|forward|seriously|to the next|a step|one day)\b)",
    r"\bend(?:ing|ed|s)? (?:it|this|everything|things) ?all\b",
    # "end it" / "end things" only with intent, and never "end it with my landlord".
    r"\b(?:<WANT> <TO>|going <TO>|gonna|ready <TO>|plan(?:ning|ned)? (?:<TO>|on)|thinking"
    r" (?:of|about)|think about|thought about|decided <TO>|need <TO>|just|might|will|ill|i"
    r"|should|could|about <TO>|urge <TO>|tempted <TO>|wanting <TO>|way <TO>|how <TO>"
    r"|feel like|felt like|feeling like)"
    r"(?: just)? end(?:ing)? (?:it|things|everything|my suffering|the pain|my pain)\b"
    r"(?! (?:with|between|off|on|early|for|there|here|at|in|by|before|after|soon|properly"
    r"|politely|amicably|nicely|gracefully|professionally|and (?:move|leave|find|look|start"
    r"|get|apply|go))\b)",
    r"\b(?:<WANT>|wish|need|hope) (?:it all|everything|this all|all of (?:this|it)|my life"
    r"|life|the pain) <TO> (?:just )?(?:end|stop|be over)\b"
    r"(?! (?:for a|early|on time|at|with|already|so (?:i|we) can)\b)",
    # "want to die", "ready to die", but not "I'd die for", "die of embarrassment",
    # "rather die than", "don't want to die", or "dye my hair" misspelt.
    r"(?<!dont )(?<!do not )(?<!didnt )(?<!never )(?<!not )"
    r"\b(?:<WANT>|wish|wishing|hope|hoping|ready|deserve|deserves|pray|praying|longing"
    r"|long|plan|planning|rather|prefer|need) (?:<TO> )?<ADV>(?:die+|be dead|drop dead"
    r"|stop existing|not exist|cease to exist|disappear forever|disappear for good"
    r"|disappear and never come back|(?:go to )?sleep forever|not be alive|be gone forever)\b"
    r"(?! (?:my|your|her|his|their|the) hair\b)"
    r"(?! (?:of|from|for|laughing|a little|inside|<IDIOM_THAN>"
    r"|in (?:the|a|this|that) (?:meeting|office|interview|room))\b)",
    r"\b(?:<WANT>|wish|hope) (?:for )?death\b",
    r"\b(?:wish|wished|wishing|hope|hoping|pray|praying)(?: that)? (?:i|id)"
    r"(?: (?:could|would|will|might|just|had|was|were|am|would just|could just)){0,2}"
    r" (?:die+|died|dead|drop dead|disappear forever|stop existing|sleep forever"
    r"|cease to exist)\b(?! (?:of|from|laughing|than|<DEAD_ADJ>)\b)",
    r"\bbetter off dead\b",
    r"\b(?:rather|prefer to|<WANT> <TO>|wish to) be dead\b(?! <IDIOM_THAN>)",
    r"\bfeel(?:ing)? like dying\b(?! (?:of|from|laughing|inside)\b)",
    r"\b(?:stockpil\w*|hoard\w*|sav(?:ing|ed)(?: up)?|stash\w*|hid(?:ing|den)?|collecting)"
    r" (?:my |the |some |all )?"
    r"(?:pills|tablets|meds|medication|painkillers|sleeping pills|paracetamol)\b",
    r"\b(?:have|got|ive got) (?:a|the) (?:plan|means) and (?:a|the) (?:plan|means)\b",
    r"\b(?:this is|its|thats) my (?:last|final) (?:message|goodbye|post|words)\b",
    r"\bgoodbye (?:cruel world|forever|world)\b",
    # "don't want to live / be here / wake up", but not "don't want to be here at this job".
    r"\b(?:dont|do not|didnt|did not|no longer|never|dnt)(?: \w+)? (?:<WANT>|wish) (?:<TO> )?"
    r"<ADV>(?:live|be alive|exist|be here|be around|keep living|go on living|wake up"
    r"|be on this earth|be in this world)\b"
    r"(?!(?: any ?more| any longer)? (?:with|in|at|near|there|for|on|today|until|till|by"
    r"|after|during|if|this|that|the|doing|working|paying|early|late|tomorrow at|before|like"
    r"|so early|when (?:i|my|the|its))\b)",
    # Methods.
    r"\b(?:hang|hanging|hanged|hung|shoot|shooting|shot|drown|drowning|drowned|poison"
    r"|poisoning|poisoned|gas|gassing|suffocate|suffocating|electrocute|electrocuting"
    r"|set fire to) ?<ME>\b"
    r"(?! (?:in the foot|out to dry|a (?:message|text|note|reminder|dm|email)|an email|in (?:work"
    r"|paperwork|tasks|emails|projects|coffee|debt))\b)",
    r"\b(?:jump|jumping|jumped|throw <ME>|throwing <ME>|threw <ME>|step|stepping|walk"
    r"|walking|drive|driving) (?:\w+ )?(?:off|from) (?:a |the |my |this |that |our )?(?:\w+ )?"
    r"(?:bridge|building|roof|rooftop|cliff|balcony|tower|window|ledge|car park|multi storey"
    r"|overpass|flyover)\b",
    r"\b(?:jump|jumping|jumped|throw <ME>|throwing <ME>|threw <ME>|step|stepping|lie|lying"
    r"|lay) (?:down )?(?:in front of|under) (?:a |the |an )?(?:\w+ )?(?:train|car|bus|lorry"
    r"|truck|tube|traffic|tram)\b",
    r"\b(?:walk|walking|walked|drive|driving|drove|jump|jumping|jumped) (?:\w+ )?into"
    r" (?:the |a )?(?:traffic|river|sea|ocean|lake|water|canal|oncoming)\b",
    r"\b(?:going <TO>|gonna|<WANT> <TO>|wanna|thinking (?:of|about)|ill|might|could just)"
    r" (?:drive|crash|steer|swerve) (?:my car |the car )?(?:into|off) (?:a |the )?(?:wall|tree"
    r"|bridge|cliff|river|lorry|truck|oncoming|road)\b",
    r"\bslit (?:my|me) (?:wrists?|throat)\b",
    r"\bnoose\b",
    r"\bblow (?:my|me) (?:brains|head) (?:out|off)\b",
    r"\b(?:i|id|ill|im|to|and|gonna)(?: \w+){0,2}? (?:put|hold|held|holding|putting) (?:a|the"
    r"|my) (?:gun|pistol|rifle|knife|blade) to my (?:own )?(?:head|throat|wrists?)\b",
    r"\boverdos\w*\b(?! on (?:coffee|caffeine|sugar|chocolate|netflix|tv|work|meetings|emails"
    r"|energy drinks|vitamins?|carbs|information|news)\b)",
    r"\bod (?:on|with) (?:my |the |some |all )?(?:pills|meds|tablets|painkillers"
    r"|sleeping pills|paracetamol|insulin|heroin|opioids)\b",
    r"\bhow many (?:\w+ ){0,2}?(?:pills|tablets|painkillers|paracetamol|sleeping pills|meds)\b"
    r"(?! (?:do i|should i|can i|am i supposed to|a day|per day|daily)\b)",
    r"\b(?:take|taking|took|swallow|swallowing|swallowed|down|downing|downed) (?:them |it )?"
    r"all (?:of )?(?:my |the |these |those |of my )?(?:pills|tablets|meds|medication"
    r"|painkillers|sleeping pills|paracetamol)\b"
    # Taken as prescribed: "i take all my meds every morning", "with breakfast", "on time".
    r"(?! (?:every|each|in the morning|at night|daily|on time|like (?:i should|im supposed to)"
    r"|as prescribed|with (?:food|breakfast|dinner|lunch|water))\b)",
    r"\b(?:pills|tablets|meds|medication|painkillers|paracetamol)\b[^.]{0,60}?"
    r"\b(?:take|taking|took|swallow|swallowing|swallowed) (?:them|it) all\b",
    r"\b(?:writ\w*|wrote|left|leave|leaving|prepared|drafted|drafting) (?:\w+ ){0,2}?"
    r"(?:goodbye|farewell) (?:letters?|notes?)\b"
    r"(?! (?:to|for) (?:the |my )?(?:team|colleagues|coworkers|co workers|office|clients"
    r"|staff|boss|manager|work|company)\b)",
    r"\bgiv\w* away (?:all )?(?:of )?my (?:stuff|things|belongings|possessions)\b"
    r"(?! (?:before|because|since|as) (?:i|im|we) (?:move|moving|relocate|emigrate|downsize"
    r"|downsizing)\b)",
    r"\bway out\b[^.]{0,30}?\b(?:dying|death|die|dead|killing <ME>|ending it|end it)\b",
    r"\b(?:except|other than|besides|apart from) (?:by )?(?:dying|death|to die|killing <ME>"
    r"|ending it all|ending my life)\b",
    r"\b(?:wont|will not|not going <TO>|not gonna|may not|might not) be (?:around|here|alive)"
    r"(?: for)? (?:much longer|for long|long|much more time)\b"
    r"(?! (?:at|in) (?:this|the|my) (?:job|company|role|team|office|flat|house|place)\b)",
    # Word order and number: "dying is what I want", "giving all my things away".
    r"\b(?:to )?(?:die|dying|death|be dead|suicide|killing <ME>|kill <ME>|ending it)\b[^.]{0,15}?"
    r"\b(?:all|what|the only thing|everything) (?:i|im) (?:\w+ ){0,2}?(?:want|wanted|need"
    r"|think about|planning|been planning|planned|dream of|long for)\b",
    r"\bmyself\b[^.]{0,6}\bi (?:<WANT> <TO>|wanna|will|am going <TO>|gonna) kill\b",
    r"\bgiv\w* (?:all )?(?:of )?my (?:stuff|things|belongings|possessions) away\b",
    r"\bmy (?:stuff|things|belongings|possessions)\b[^.]{0,20}\bgiv\w* (?:them|it all|it) away\b",
    # Preparation: letters, pills put by, a rope, affairs in order, a place chosen.
    r"\b(?:letters?|notes?|messages?)\b[^.]{0,30}\b(?:explaining why|saying goodbye"
    r"|to say goodbye|for after im gone|for when im gone|for when i am gone)\b",
    r"\bwrote (?:a|the|my) (?:note|letter|goodbye) (?:for|to) my (?:wife|husband|kids|children"
    r"|mum|mom|dad|family|partner|parents|son|daughter|girlfriend|boyfriend)\b",
    r"\b(?:pills|tablets|meds|medication|painkillers|paracetamol|sleeping pills)\b[^.]{0,20}"
    r"\b(?:saved|stored|hidden|stashed|set aside|put aside|collected|ready)\b"
    r"(?! (?:to collect|for (?:pick ?up|collection)|at the)\b)",
    r"\b(?:bought|got|have|ive got|tied|tying) (?:a |the |some )?rope\b(?! (?:for|to tie|swing"
    r"|ladder|climbing)\b)",
    r"\brope (?:ready|tied|is ready)\b",
    r"\b(?:put|putting|got|getting|sorted|sorting) (?:all )?my affairs in order\b",
    r"\b(?:sorted|wrote|written|made|updated|finished) (?:out )?my will\b",
    r"\b(?:picked|chosen|chose) (?:the |a )?(?:bridge|cliff|rooftop|method)\b",
    r"\bwhich (?:bridge|cliff|building|method)\b[^.]{0,20}\b(?:use|jump|do it)\b",
    # Goodbyes.
    r"\b(?:last|final) (?:message|text|thing) (?:you(?:ll| will)? (?:get|hear|read)|from me"
    r"|ill (?:send|write))\b",
    r"\b(?:you|nobody|no one|youll|you will) (?:wont|will not|will never|wont ever|never)? ?"
    r"(?:hear|see) (?:from )?me again\b",
    r"\bgoodbye (?:everyone|all|forever|for good|my friends|for ever)\b",
    r"\bthis is goodbye\b",
    r"\bsay(?:ing)? goodbye before i go\b",
    r"\bi(?:ll| will)? (?:be )?(?:go|gone) for good\b",
    r"\bby the time (?:anyone|you|someone|they|somebody) (?:reads?|sees?|finds?) this\b",
    r"\bwont be (?:here|around|alive) (?:tomorrow|by tomorrow|by morning|much longer)\b"
    r"(?! (?:at|in|for) (?:work|the office|the meeting|the call)\b)",
    # Searches.
    r"\b(?:look\w* up|googl\w*|search\w*|research\w*|read\w* about|watch\w*|find\w*|found)"
    r" (?:\w+ ){0,3}?(?:ways?|how|methods?) (?:<TO> )?(?:die|kill <ME>|end (?:it|my life)"
    r"|commit suicide|overdose|go(?= \.|$)|do it(?= \.|$))\b",
    r"\bhow (?:much|many) (?:\w+ ){0,3}?(?:is|are|would be|to be) (?:lethal|fatal|deadly)\b",
    r"\b(?:buildings?|bridges?|roofs?|cliffs?|places?|spots?)\b[^.]{0,25}\bto jump (?:from|off)\b",
    # Methods said another way; abbreviations and misspellings.
    r"\bslit\w* (?:my|me) (?:wrists?|throat)\b",
    r"\b(?:driv|crash|steer|swerv)\w* (?:my car |the car )?into (?:a |the )?(?:wall|tree"
    r"|bridge|lorry|truck|oncoming traffic)\b",
    r"\bctb\b",
    r"\b<WANT> (?:<TO> )?(?:dye|dei|dy)(?= \.|$)",
    r"\bend(?:ing)? (?:my|me) (?:own )?(?:lfe|lyf|lief|liffe|lif)\b",
    # Methods and places named around oneself; searches; preparations; goodbyes.
    r"\b(?:looking at|staring at|thinking about|think about|standing on|stood on|been on)"
    r" the (?:train )?(?:tracks|bridge|roof|ledge|edge|cliff|rooftop|railway)\b",
    r"\b(?:in front of|under) a (?:bus|train|lorry|truck)\b",
    r"\b(?:swallow|take|down) (?:the (?:whole|entire) (?:bottle|packet|box)"
    r"|every (?:pill|tablet))\b",
    r"\bgun\b[^.]{0,40}\b(?:on|to|at) myself\b",
    r"\b(?:hanging|jumping|overdosing|drowning|dying) (?:seems|is|feels|would be) (?:like )?"
    r"(?:the )?(?:easiest|best|only|quickest|fastest|right)\b",
    r"\bstaying under\b",
    r"\b(?:razor|blade|knife)s?\b[^.]{0,40}\b(?:looking at|staring at|holding|in my hand)\b",
    r"\b(?:googl\w*|search\w*|read\w*|look\w* (?:up|into)|research\w*)\b[^.]{0,40}"
    r"\b(?:bleed out|fatal|lethal|painless|overdos\w*|noose|kill (?:me|<ME>)|how high|the dose"
    r"|suicide)\b",
    r"\b(?:gave|given|giving|rehomed|rehoming) (?:away )?my (?:cat|dog|pets?)\b",
    r"\bpaid off (?:all )?my debts\b[^.]{0,40}\b(?:no one|nobody|noone)\b",
    r"\bwhere my passwords are\b",
    r"\b(?:left|leaving|wrote|writing) (?:\w+ )?notes? for my (?:family|kids|wife|husband"
    r"|parents|mum|mom|partner|children)\b",
    r"\b(?:everything|all) (?:is )?ready for tonight\b|\bgot everything ready\b",
    r"\bwhen im gone\b",
    r"\bwont need (?:them|it|these|those|anything)(?: (?:anymore|any more|where im going))?"
    r"(?= \.|$)",
    r"\bstockpil\w* (?:my |the )?\w+",
    r"\b(?:(?:saved|saving|all|enough|those|these) (?:of )?(?:my |the )?(?:sleeping )?(?:pills"
    r"|tablets)|rope|noose)\b[^.]{0,40}\btonight\b",
    r"\btonight\b[^.]{0,40}\b(?:(?:all|enough) (?:of )?(?:my |the )?(?:pills|tablets)|rope"
    r"|noose)\b",
    r"\bwont be needing (?:this|anything|it) (?:anymore|any more)\b",
    r"\btell (?:everyone|them|my \w+) (?:im sorry|i love them|goodbye)\b",
    r"\bbefore i go(?= \.|$)",
    r"\b(?:this is|its) the last time ill (?:write|talk|message)\b",
    r"\bsorry for everything goodbye\b",
    r"\bthis is it for me\b",
    r"\bwont be a (?:problem|burden) (?:for anyone |to anyone )?(?:much longer|for long"
    r"|anymore)\b",
    # Word order: the object first ("myself is who I want to kill").
    r"\b<ME> is (?:who|what|the one) i <WANT> <TO> (?:kill|hurt|end)\b",
    r"\bwhere (?:ill|i will|im going to|im gonna|i want to|i plan to) jump(?: from| off)?\b",
    r"\b(?:bridge|roof|rooftop|cliff|overpass|balcony|car park)\b[^.]{0,40}"
    r"\b(?:ill|i will|im going to|im gonna) jump\b",
    r"\b(?:everything|all) (?:i own|i have|my (?:things|stuff|belongings))(?: ive| i have| i)?"
    r" (?:given|giving|give|gave) (?:it )?away\b",
    # Number: a few, a handful, bottles and boxes of them.
    r"\btook (?:a few|some|a handful|a bunch|loads|lots|half|most|all|a load)(?: of)? (?:the |my )?"
    r"(?:sleeping )?(?:pills|tablets|meds)\b[^.]{0,30}\b(?:already|more later|too many)\b",
    r"\b(?:saved|saving|hidden|hid|stashed|hoarded|collected|kept)(?: up| away)?"
    r" (?:a (?:whole )?|two |three |several |some )?(?:bottles?|box(?:es)?|packs?|strips?) of"
    r" (?:my |the )?(?:pills|tablets|meds|medication|painkillers|paracetamol|sleeping pills)\b",
    r"\b(?:the|a|my) (?:rope|noose) is (?:in|ready|tied|up|hidden|under|waiting)\b",
    r"\bdecided how (?:im|i am|i) (?:going to |gonna )?(?:die|do it|end it|kill <ME>)\b",
    # Preparations and goodbyes said about what comes after.
    r"\bwhoever finds me\b",
    r"\b(?:take|have|look after) (?:my |the )?(?:dog|cat|pets?)\b[^.]{0,40}\bwont need\b",
    r"\btell (?:my )?<KIN> (?:that )?i loved (?:her|him|them|you)\b",
    r"\b(?:wont|will not) (?:even )?be (?:around|here|alive) (?:to see|for|by|when|next)\b",
    r"\bwont (?:ever )?hear from me (?:again|after|anymore|any more)\b",
    # Searches.
    r"\b(?:painless|quickest|easiest|fastest|quietest|surest) ways? (?:to|of) (?:go|die|do it"
    r"|end it)\b",
    r"\b(?:not|wont|never|to not) survive the fall\b",
    r"\b(?:which|what) veins?\b|\bbleed out\b",
    r"\bis (?:drowning|hanging|overdosing|an overdose) painful\b",
    # Goodbyes and affairs put in order.
    r"\b(?:said|saying|say) my goodbyes\b",
    r"\bim done (?:now|for good)(?= \.|$)|\bdone living\b",
    r"\blook after (?:my|the) (?:cat|dog|pets?|kids|children) when im (?:not here|gone)\b",
    r"\b(?:which|what) (?:bridge|building|train)\b[^.]{0,30}\b(?:what|which) time\b",
    r"\bmy (?:letters|notes?) (?:are|is) (?:written|ready|sealed|done)\b",
    r"\b(?:left|leaving) everything (?:organised|organized|sorted|ready|in order) for after\b",
    r"\b(?:sorted|sorting) (?:out )?my (?:life insurance|will)\b[^.]{0,40}\b(?:kids|children"
    r"|family|wife|husband|partner)\b",
)
