"""English crisis screening patterns, by tier and concern (written against normal.normalise)."""

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
    r"|stop existing|not exist|cease to exist)\b(?! (?:for a (?:bit|while|week|day|few)"
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

# --------------------------------------------------------------------------------------
# Danger from someone else. A person (pronoun or role) doing violence to "me", threats,
# fear of a named person, and plain words (rape, domestic abuse). "Hit me with a rent
# increase", "beat me to the promotion" and "pushed me to apply" are carved out.
# --------------------------------------------------------------------------------------

DANGER = (
    r"\bburn the house down with me\b",
    r"\b<PRON>(?: \w+){0,4}? (?:coming for me|come for me|coming after me)\b",
    r"\b(?:smashed|broke|took) my phone\b",
    r"\b(?:grabbed|pulled) my hair\b|\bdragged me\b",
    r"\bpushed me down\b",
    r"\b<PRON>(?: \w+){0,2}? (?:outside|at) my (?:door|house|flat|window|apartment|home)\b"
    r"[^.]{0,30}\b(?:scared|afraid|terrified|frightened)\b",
    r"\b<AGENT>(?: \w+){0,3}? (?:hit|hits|hitting|beat|beats|beating|punch|punches|punched"
    r"|punching|kick|kicks|kicked|kicking|slap|slaps|slapped|slapping|choke|chokes|choked"
    r"|choking|strangle|strangles|strangled|strangling|smack|smacks|smacked|smacking|shove"
    r"|shoves|shoved|shoving|push|pushes|pushed|pushing|hurt|hurts|hurting|abuse|abuses|abused"
    r"|abusing|rape|rapes|raped|raping|assault|assaults|assaulted|assaulting|attack|attacks"
    r"|attacked|attacking|stab|stabs|stabbed|stabbing|burn|burns|burned|burnt|throttle"
    r"|throttles|throttled|batter|batters|battered|bite|bites|bit|molest|molests|molested"
    r"|headbutt\w*|thump|thumps|thumped|whack|whacks|whacked|spat on|spits on|spit on"
    r"|beat up|beats up|beaten up) (?:me|us)\b"
    r"(?! (?:up (?:on|about)|up\b(?<=hit me up)|with (?:a |an |the |another |more |some |this"
    r"|that |their |his |her )?(?:\w+ ){0,2}?<PAPER>|to (?!death\b)|at (?!home\b)|out\b|around"
    r"|into \w+ing|towards|by (?:\d|a (?:point|mile|vote|length))|on (?:time|price|points"
    r"|linkedin|twitter|whatsapp|insta|instagram|facebook|email|slack|teams|text|the phone)"
    r"|in (?:the |a |every |each )?(?:final|round|game|race|match|vote|election|interview"
    r"|competition|contest|argument|debate|chess|sales|numbers|back(?! with)|meeting|review"
    r"|email|writing)|so much (?:by|when)|by (?:saying|not|ignoring|leaving|choosing|cheating"
    r"|lying|(?!(?:choking|hitting|strangling|beating|punching|kicking|stabbing|burning|pushing"
    r"|throwing|grabbing|slapping)\b)\w+ing)|when (?:he|she|they) (?:said|left|chose|cheated"
    r"|lied|picked)|off (?:the|a|my|our|this)|emotionally"
    r"|deeply|where it hurts|like a ton|hard with (?:the|that)|verbally|in front of (?:everyone"
    r"|the (?:whole )?(?:team|office|board|client|clients)|my (?:team|colleagues|boss|manager)"
    r"|colleagues|clients))\b)",
    r"\b(?:i was|i got|ive been|i have been|i had been|im being|i am being|i keep getting"
    r"|i get|been|being|got|was) (?:\w+ ){0,2}?(?:raped|sexually assaulted|sexually abused"
    r"|molested|groped|assaulted|beaten|beaten up|beat up|battered|strangled|choked|stabbed"
    r"|abused|attacked|stalked|mugged|drugged|trafficked|held hostage|kidnapped)\b"
    r"(?! (?:in (?:the|a|every|each)|at (?!home\b)|to (?:it|the)"
    r"|on (?:twitter|social media|linkedin|reddit|the internet|online|the forum)|online"
    r"|by (?:the|a|an) (?:\w+ )?(?:deadline"
    r"|competition|clock|market|rival|competitor|team|algorithm|critics|press|media|reviews?"
    r"|recruiters|ads|spam|bot)|by (?:customers|clients|callers|the public|trolls|commenters"
    r"|strangers online|people online)|with (?:emails|requests|questions|calls|messages|work"
    r"|notifications|spam|offers|ads))\b)",
    r"\b(?:raped|rape|raping|rapist|sexually assaulted|sexual assault|sexually abused"
    r"|molested|molesting|groped|domestic violence|domestic abuse|coercive control"
    r"|intimate partner violence|marital rape|abusive relationship|abusive marriage)\b",
    r"\babusive (?:partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|home|household|father"
    r"|mother|dad|mum|mom|parents?|family|stepdad|stepfather|stepmum|stepmom|brother|sister"
    r"|situation|boss|landlord)\b",
    r"\b<AGENT>(?: \w+){0,3}? (?:\w+ )?(?:physically abusive|abusive|violent)\b"
    r"(?! (?:crime|video|games?|films?|movies?|shows?|storms?|weather|language|content"
    r"|reaction|coughing|turbulence|protests?|headache|sneeze)\b)",
    # Threats: "threatened to kill me", "threatened me with a knife".
    r"\bthreat\w*(?: \w+){0,2}? (?:to |that <PRON>(?: \w+){0,2}? )(?:\w+ )?<HARM_VERB>"
    r" ?<TARGET>\b(?! (?:out|off (?:the|a|my)|of)\b)",
    r"\bthreat\w* (?:me|us) with (?:a |his |her |their |the )?(?:knife|gun|weapon|bat|hammer"
    r"|machete|blade|violence|acid|a beating)\b",
    r"\bthreat\w* (?:me|us)(?= \.|$| and\b| every\b| again\b| constantly\b| all the time\b)",
    # Reported threats: "he said he'd kill me", "she told me she would hurt my kids".
    r"\b(?:said|says|say|saying|told me|tells me|telling me|told us|swore|swears|warned me"
    r"|promised|keeps saying|kept saying|texted|texts|messaged|screamed|screams|yelled|yells"
    r"|shouted|shouts|threatens|threatened|wrote|emailed|posted)(?: (?:that|me|to me))?"
    r"(?: (?:if|when|once) [^.]{0,30}?)? (?:<PRON>|id|ill|im|i)\b[^.]{0,50}?\b<HARM_VERB>"
    r" <TARGET>\b",
    # Fear of a person: "I'm scared he'll hurt me", "afraid my husband will kill me".
    r"\b(?:scared|afraid|terrified|frightened|fear|fearful|fearing|petrified|worried|worry"
    r"|panicking)\b[^.]{0,40}?\b(?:<PRON>|<CLOSE>|<OTHERS>)\b[^.]{0,40}?\b(?:<HARM_VERB>"
    r"|track down|hunt down) <TARGET>\b"
    r"(?! with (?:a |an |the |another |more |some |this |that |their |his |her )?"
    r"(?:\w+ ){0,2}?<PAPER>\b)",
    r"\b(?:scared|afraid|terrified|frightened|fearful|petrified)\b[^.]{0,40}?\b<PRON>"
    r"(?: \w+){0,3}? find me(?= \.|$| and\b| if\b| again\b| here\b| when\b)",
    r"\b(?:scared|afraid|terrified|frightened|fear|fearing|fearful|petrified|worried)"
    r" (?:\w+ )?(?:for my (?:life|safety|kids safety|childrens safety|childs safety"
    r"|own safety)|to go (?:back )?home(?! (?:and (?:tell|face|explain|admit|break)|early|late"
    r"|for)\b)"
    r"|to be (?:at home|alone with (?:him|her|them))"
    r"|of (?:him|her|them)(?= \.|$| and\b| but\b| because\b| now\b| when\b| so\b)"
    r"|of my (?:\w+ )?<CLOSE>(?= \.|$| and\b| but\b| because\b| now\b| when\b| so\b))",
    r"\blive in fear\b",
    r"\b(?:dont|do not|never|no longer|not) feel(?:ing)? (?:\w+ )?safe (?:at home|in my"
    r" (?:own )?(?:home|house|flat|apartment|bed|room|bedroom)|around (?:him|her|them|my)"
    r"|with (?:him|her|them)|going home|when (?:he|she|they)|living with|in the house"
    r"|anymore at home)\b",
    r"\b(?:not|isnt|is not|unsafe|never) (?:safe )?(?:at|in my|for me at) home\b",
    # Control and stalking.
    r"\b(?:<PRON>|my <CLOSE>)\b[^.]{0,40}? (?:wont|doesnt|will not|does not|never) let me"
    r" (?:leave|go out|go outside|out of|see (?:my )?(?:friends|family)|talk to|have (?:my )?"
    r"(?:phone|money|keys)|have any money|use (?:my|the) phone|go anywhere)\b"
    r"(?! (?:early|work|the office|the meeting|before|until|till|on time|the building"
    r"|at|without (?:finishing|a))\b)",
    r"\block(?:s|ed|ing)? me (?:in|inside|up)\b(?! (?:a|to|for|the office)\b)",
    r"\bstalk(?:s|ed|ing)? (?:me|us)\b(?! on (?:linkedin|twitter|insta|instagram|facebook"
    r"|social|tiktok)\b)",
    r"\b(?:being stalked|stalker)\b",
    r"\b(?:keeps|kept|keep) (?:turning|showing) up (?:at|outside) my\b",
    r"\b(?:following|watching) me (?:home|everywhere|from work)\b",
    r"\bforced (?:himself|herself|themselves) on (?:me|us)\b",
    r"\b(?:get|got|getting|been|being) (?:hit|beaten|slapped|punched|kicked|hurt|abused|choked)"
    r" (?:at home|by (?:my (?:\w+ )?<CLOSE>|him|her|them)\b)",
    r"\b(?:forced|forces|made|makes) me (?:to )?have sex\b",
    r"\bbruis\w* (?:from|where|after|because) [^.]{0,30}?\b<PRON>\b",
    # Weapons, grabbing, strangling, and explicit attempts.
    r"\b<AGENT>(?: \w+){0,2}? (?:pulled|held|holds|pointed|points|waved|got|has|had|brought"
    r"|grabbed|took out|came at me with|keeps|kept) (?:a|an|his|her|their|the) (?:knife|gun"
    r"|weapon|machete|blade|baseball bat|hammer|axe|pistol|rifle|shotgun)\b",
    r"\b(?:knife|gun|blade|weapon) (?:to|at) my (?:throat|head|neck|chest|face)\b",
    r"\bgrab(?:s|bed|bing)? me by (?:the |my )?(?:throat|neck|hair|arm|arms|wrist|wrists"
    r"|collar|shoulders)\b",
    r"\b(?:pinned|pins|pin|held|holds|hold) me (?:down|against)\b",
    r"\bput (?:his|her|their) hands (?:on|around) (?:me|my (?:neck|throat))\b",
    r"\bhands? (?:around|round) my (?:neck|throat)\b",
    r"\b(?:raised|raises|raise) (?:his|her|their) (?:hand|fist|fists) (?:to|at|against) me\b",
    r"\b(?:threw|throws|throwing|throw|hurled|hurls) (?:things|stuff|objects|plates?"
    r"|glass(?:es)?|bottles?|chairs?|a (?:plate|glass|bottle|chair|knife|mug|cup|phone|shoe"
    r"|lamp|remote)) at (?:me|us)\b",
    r"\bbeat (?:the )?(?:\w+ )?out of (?:me|us)\b",
    r"\b<AGENT>(?: \w+){0,2}? knock(?:s|ed)? me (?:out|down|over|unconscious|to the"
    r" (?:ground|floor))\b",
    r"\b(?:left|leaves) (?:\w+ )?(?:bruises|marks|a black eye) on (?:me|my)\b",
    r"\bgave me (?:a )?(?:black eye|bruises|split lip|concussion)\b",
    r"\b<AGENT>(?: \w+){0,2}? (?:tried|try|tries|trying|attempted) (?:<TO> )?(?:kill|murder"
    r"|strangle|choke|drown|stab|shoot|poison|run over|suffocate) (?:me|us)\b",
    # "he's going to kill me" only when it ends the thought; "my boss is going to kill
    # me when he sees this" is the idiom and keeps going.
    r"\b(?:he|she|they|hes|shes|theyre|hell|shell|theyll)(?: (?:is|are|will|s))?"
    r" (?:going <TO>|gonna|will|wants <TO>|is trying <TO>|might|could)"
    r" (?:actually |really |literally )?(?:kill|murder) (?:me|us)"
    r"(?= \.|$| one day\b| someday\b| eventually\b| i know\b| i swear\b| next time\b"
    r"| this time\b| for real\b| i think\b| seriously\b)",
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
