"""English screening patterns for danger from someone else, tier "crisis" (written against
normal.normalise)."""

from __future__ import annotations

# --------------------------------------------------------------------------------------
# Danger from someone else. A person (pronoun or role) doing violence to "me", threats,
# fear of a named person, and plain words (rape, domestic abuse). "Hit me with a rent
# increase", "beat me to the promotion" and "pushed me to apply" are carved out.
# --------------------------------------------------------------------------------------

DANGER = (
    r"\bburn the house down with me\b",
    r"\b<PRON>(?: \w+){0,4}? (?:coming for me|come for me|coming after me)\b",
    r"\b(?:smashed|broke|took) my phone\b",
    # "last time it got tense he threw my phone": a partner's violence to things is danger too.
    r"\b(?:he|she|they|<CLOSE>)(?: \w+){0,2}? (?:threw|throws|hurled|hurls) my phone\b",
    # "im scared of what he'll do if i ask again" (not "…do about the budget").
    r"\b(?:scared|afraid|terrified|frightened|petrified) (?:of )?what <PRON>(?: \w+)?"
    r"(?:ll| will| would|d| might| could| is going to| s going to)? do\b"
    r"(?! (?:about|with|next|for|to (?:the|my|our) (?:project|team|budget|plan|deal|offer))\b)",
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
