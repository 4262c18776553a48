"""Screening patterns by kind across the five languages: plans said together, searches, places,
preparations, goodbyes, threats, self-harm and despair said in everyday words.

Written against normal.normalise (lower case, accents and apostrophes gone: "j'ai" -> "jai",
"não" -> "nao"). Each pattern names the kind, not a sentence: a plural plan ("our lives"), a
search for a dose ("how many ... to die"), a place named with oneself on it, a reported threat.
"""

from __future__ import annotations

from bot.safety import after, despair, intent, means, near, plain_words

# "How many pills to die", in the five languages: a dose asked for with a death or not waking.
_DOSE = r"(?:how (?:many|much)|cuant[oa]s?|quant[oa]s?|combien|wie (?:viele?|viel))"
_TO_DIE = (
    r"(?:to die|to not wake|to never wake|to kill (?:me|myself)|would kill me|is lethal|is fatal"
    r"|para (?:morir|no despertar|matarme)|pa morir|(?:pra|para) (?:morrer|nao acordar|me matar)"
    r"|pour (?:mourir|ne plus se reveiller|ne pas se reveiller|en finir|se tuer)"
    r"|um (?:nicht mehr )?(?:aufzuwachen|zu sterben)|todlich|to be enough|would be enough"
    r"|enough to)"
)

SUICIDE: tuple[str, ...] = (
    # Plural and shared plans: "end our lives together", "nos vamos a quitar la vida".
    r"\b(?:end|ending|take|taking) our (?:own )?lives\b",
    r"\b(?:die|kill ourselves|end it|end things) together\b|\b(?:suicide )?pact to die\b",
    r"\bnos (?:vamos a|queremos) (?:matar|quitar la vida|suicidar)\b"
    r"|\b(?:quitar(?:nos)?|terminar con) (?:la vida|nuestras vidas) juntos\b",
    r"\bmettre fin a nos jours\b|\bon (?:va|veut) (?:se|nous) (?:tuer|suicider)\b",
    r"\btirar nossas vidas\b|\bvamos nos matar\b|\bnos matar juntos\b",
    r"\buns (?:zusammen |gemeinsam )?(?:das leben nehmen|umbringen)\b",
    # Searches for a dose, a height or a way.
    rf"\b{_DOSE}\b[^.]{{0,50}}\b{_TO_DIE}",
    r"\b(?:tallest|highest) (?:bridge|building|roof|car park|parking garage)\b"
    r"|\bbridge\b[^.]{0,20}\bno (?:fence|railing|barrier)\b|\bqual altura mata\b",
    r"\b(?:cherch\w*|busqu\w*|busca\w*|pesquis\w*|gegoogelt|gesucht|googl\w*)"
    r" (?:\w+ ){0,2}?(?:comment|como|wie man) (?:se |sich )?(?:pendre|tuer|suicider|ahorcar\w*"
    r"|matar\w*|enforcar|morrer|morir|erhangt|umbringt|totet)\b",
    # A place or a method named with oneself there now or next.
    r"\b(?:sitting|standing|stood|sat|im|i am) (?:\w+ ){0,2}?(?:on|at) the (?:edge of the )?"
    r"(?:bridge|railing|bridge railing|ledge|rooftop|roof of|platform edge|overpass|cliff"
    r"|train tracks|tracks)\b",
    r"\b(?:next time|tonight|tomorrow) im (?:stepping|jumping) (?:off|in front)\b",
    r"\b(?:i|im|ill|i plan to|planning to|going to|gonna)\b(?: \w+){0,2}? jump"
    r" (?:off|from) (?:the |a |my )?(?:\w+ )?(?:garage|car park|parking|platform|station"
    r"|motorway|highway|bridge|building|roof|balcony|window|cliff)\b",
    r"\b(?:hose|exhaust|charcoal)\b[^.]{0,40}\b(?:garage|car|engine|tape)\b"
    r"|\bgarage with the engine running\b",
    r"\b(?:pienso|voy a|vou|quiero|quero) (?:me )?(?:tirarme|jogar|me jogar|lanzarme|pular)"
    r" (?:de|da|do|desde|por|a|na|no) (?:un |una |el |la |a |o )?(?:puente|ponte|edificio"
    r"|predio|azotea|balcon|janela|ventana|tren|metro|trem|vias|trilhos)\b",
    r"\bich spring\w* (?:\w+ ){0,2}?(?:von|vor) (?:der|die|den|dem|einer|einen|einem)"
    r" (?:brucke|dach|hochhaus|zug|bahn|klippe)\b",
    # Preparations: medicines set out, notes left to be found, things settled "for after".
    r"\b(?:separei|juntei|guardei) (?:os|meus|todos os) (?:remedios|comprimidos)\b"
    r"|\bvou tomar (?:tudo|todos)\b",
    r"\b(?:medicaments|medocs|cachets|medicamentos|pastillas|remedios|comprimidos)"
    r" (?:sont|estan|estao|ja estao|ya estan) (?:prets|listos|prontos|separados|preparados)\b",
    r"\b(?:note|notes|letters?)\b[^.]{0,40}\bfor (?:my )?\w+ to find\b"
    r"|\bwhere theyll find (?:them|it) after\b",
    r"\b(?:everythings?|everything is|all) (?:sorted|ready|arranged|organised|organized)"
    r" for after\b|\brehomed (?:the|my) (?:cat|dog)\b",
    r"\b(?:razor|blades?|pills|rope)\b[^.]{0,40}\b(?:im ready|ready now|next to the bath)\b",
    r"\bnot (?:going to|gonna) be (?:alive|here|around) for\b.{0,80}\bmade sure\b",
    r"\b(?:station|platform|tracks)\b.{0,30}\bnext (?:express |fast |freight )?train"
    r"(?= \.|$| thats it)",
    # How an overdose harms, asked: a search for a method.
    r"\b(?:how (?:fast|long|much|quickly)|too much)\b[^.]{0,20}\b(?:acetaminophen|paracetamol"
    r"|tylenol|insulin|ibuprofen|pills|tablets|meds)\b[^.]{0,40}\b(?:liver|kills?|die|fatal"
    r"|lethal|wrecks?)\b",
    r"\b(?:gone|dead) by (?:morning|tomorrow)\b|\bdont (?:try to )?(?:find|look for) me\b",
    # Goodbyes: love sent through someone else, in the five languages.
    r"\btell (?:my )?(?:mum|mom|mother|dad|father|sister|brother|kids|children|wife|husband"
    r"|son|daughter|family|partner) (?:that )?i (?:love|loved|am sorry|m sorry)\b",
    r"\b(?:dile|diganle|decile) a mi (?:mama|madre|papa|padre|hermana|familia)\b"
    r"|\bdites a (?:ma|mon) (?:mere|pere|soeur|frere|famille)\b"
    r"|\bsagt meine[mr]? (?:mutter|mama|vater|papa|schwester|familie)\b"
    r"|\bfala pra (?:minha|meu) (?:mae|pai|irma|familia)\b",
    # Self-inflicted, said the way people write it.
    r"\bwerd(?:e)? ich mich\b|\bbring mich (?:heut\w*|morgen|jetzt|bald) um\b",
    r"\b(?:vo|vou) me mata\b|\bme tuer\b[^.]{0,20}\bseule solution\b"
    r"|\btirar minha (?:propria )?vida\b",
)

SUICIDE += (
    # Word order: the death first, the wish after ("dead is what i want").
    r"\b(?:dead|to die|dying|morir|morrer|mourir|sterben|muert[oa])\b[^.]{0,20}"
    r"\b(?:what i want|all i want|lo (?:unico )?que quiero|(?:so )?o que eu quero"
    r"|tout ce que je veux|will ich)\b|\bich sterben will\b",
    r"\bme (?:quito|quitare|voy a quitar) la vida\b",
    # A height named and a jump said, in either order.
    r"\b(?:azotea|puente|pont|ponte|predio|brucke|dach|bridge|roof|rooftop|ledge|toit|tejado"
    r"|edificio|telhado|balcony|balcon|varanda)\b[^.]{0,40}\b(?:voy a saltar|vou pular"
    r"|je vais sauter|spring\w*|ill jump|im going to jump|gonna jump|going to jump|me tiro"
    r"|me jogo|je saute)\b",
    # Everything swallowed at once.
    r"\b(?:swallowed|took|taken|avale|trague|engoli|tomei|me tome|geschluckt|genommen)"
    r" (?:\w+ ){0,2}?(?:a whole|the whole|everything|every|toute la|tout|todas|todos|tudo|todo"
    r"|toda|alle|die ganze)\b[^.]{0,25}\b(?:pills|tablets|meds|medicine|box|strip|bottle|packet"
    r"|boite|medocs|cachets|pastillas|comprimidos|remedios|tabletten|packung|cartela|frasco"
    r"|caja|caixa|flacon|flasche|schachtel|blister)\b",
    # Letters to the family, written.
    r"\b(?:lettres|cartas|briefe|letters|notes)\b[^.]{0,30}\b(?:sont ecrites|escritas"
    r"|geschrieben|are written|written)\b|\b(?:ja escrevi|ya escribi|jai ecrit) (?:as|las|les)"
    r" (?:cartas|lettres)\b",
    r"\b(?:wrote|written|left) (?:the |my )?(?:notes|letters) (?:to|for) my (?:parents|mum|mom"
    r"|dad|kids|children|family|wife|husband|sister|brother|partner|son|daughter)\b",
    # The least painful way, searched.
    r"\b(?:least painful|most painless|moins douloureuse?|menos doloros[oa]|schmerzlos\w*"
    r"|sans douleur|sin dolor|sem dor)\b[^.]{0,30}\b(?:way|method|methode|facon|forma|manera"
    r"|jeito|metodo|weg|to die|mourir|morir|morrer|sterben|to go)\b",
    # Goodbyes in everyday words.
    r"\blast time (?:we|well|i) (?:talk|speak)\b|\bwont be here in the morning\b"
    r"|\bsigning off for good\b|\bcouldnt hold on\b",
    r"\bnao (?:vao|vai) mais me ver\b|\bya no me (?:van|vas) a ver\b"
    r"|\bne me (?:reverrez|reverras) plus\b|\bwerdet mich nicht mehr sehen\b",
    # A letter left so someone knows it is not their fault: a goodbye told as a kindness.
    r"\b(?:letters?|notes?|cartas?|nota|briefe?|lettres?|bilhetes?)\b[^.]{0,60}"
    r"\b(?:(?:not|none of (?:this|it) (?:is|was)) (?:her|his|their|your|anyones|anybodys"
    r"|my (?:mums?|moms?|dads?|parents)) fault"
    r"|no (?:es|fue|era) (?:su|tu) culpa|nicht (?:ihre|seine|deine|eure) schuld"
    r"|pas (?:sa|ta|leur) faute|nao (?:e|foi) culpa (?:dela|dele|sua|deles|tua))\b"
    r"(?: (?:ist|war|sei))?(?=$| \.| and\b| but\b| y\b| und\b| et\b| e\b)",
)

SELF_HARM: tuple[str, ...] = (
    r"\b(?:burnt|burned|burning|carving|carved|scratching|scratched) (?:into )?(?:myself"
    r"|my skin|my arms?|my wrists?|my thighs?)\b(?! (?:out|on|while|cooking|making|at work|by"
    r" accident|accidentally)\b)|\b(?:hurt|punched|hit|cut|burnt|burned)"
    r" (?:myself|the wall)\b[^.]{0,40}\bon purpose\b",
    r"\bcuttin\b|\b(?:i|ive|i have|i) cut (?:\w+ )?(?:deep|too deep)\b|\bcut deep enough\b"
    r"|\bcut\b[^.]{0,40}\bstitches\b",
    r"\b(?:burning|burnt|burned) my (?:hands?|arms?|legs?|skin|wrists?|thighs?)\b"
    r"|\b(?:to|tou|estou) me queimando\b|\bme estoy quemando\b|\bje me brule\b"
    r"|\bich verbrenne mich\b",
    r"\bopened up my (?:arms?|legs?|wrists?|thighs?|skin)\b|\bme suis scarifi\w*\b",
)

DANGER: tuple[str, ...] = (
    r"\b(?:threatened|threatening|threatens) (?:to )?(?:beat|hurt|kill|hit|attack|stab|break)\b"
    r"|\b(?:gedroht|droht|bedroht)\b[^.]{0,40}\b(?:zusammenzuschlagen|umzubringen|schlagen"
    r"|toten|verletzen)\b",
    r"\bmena[cs]\w*\b[^.]{0,20}\bde me (?:casser|frapper|tuer|buter|defoncer)\b"
    r"|\bamea[cs]ou (?:me )?(?:agredir|bater|matar|espancar)\b|\bme ameacou\b"
    r"|\bamenaz\w* (?:con )?(?:matarme|pegarme|partirme)\b",
    r"\bknows where i live\b[^.]{0,40}\bregret\b|\bsort me out (?:properly|tonight)\b"
    r"|\bsays (?:im|i am) next\b",
    r"\bcornered me\b[^.]{0,50}\b(?:let me leave|let me go|let me out)\b",
)

POSSIBLE: tuple[str, ...] = (
    # "If I died nobody would notice", in the five languages.
    r"\bif i died\b[^.]{0,40}\b(?:nobody|no one|save everyone|easier|better)\b"
    r"|\bsi me muero\b[^.]{0,30}\bnadie\b|\bse eu morresse\b[^.]{0,30}\bninguem\b"
    r"|\bsi je (?:mourais|disparaissais)\b[^.]{0,30}\bpersonne\b"
    r"|\bwenn es mich nicht (?:mehr )?gabe\b",
    r"\b(?:the world|el mundo|o mundo|le monde|die welt)\b[^.]{0,20}\b(?:doesnt need me"
    r"|no me necesita|nao precisa de mim|na pas besoin de moi|braucht mich nicht)\b",
    r"\bwhat is there left for me\b|\bmight as well be dead\b"
    r"|\bno point in (?:anything|trying again)\b",
    r"\bfall asleep for a (?:very )?long time\b|\bdrive off and never (?:stop|come back)\b",
    r"\b(?:sem|sin) (?:forcas|fuerzas) (?:pra|para) (?:continuar|seguir)\b"
    r"|\bkeine kraft mehr\b|\bplus la force de continuer\b",
    r"\bwozu (?:uberhaupt )?noch\b(?! (?:ein|eine|einen|mehr|so|das|die|der|diese\w*)\b)"
    r"|\bpara (?:q|que) seguir\b|\ba quoi bon (?:continuer|vivre)\b"
    r"|\bpra que continuar\b",
    r"\bje sers a rien\b|\bje devrais (?:meme )?pas etre la\b|\bjen peu\w* plus?\b"
    r"(?! de (?:ce|cet|mon|cette|mes|ma|la|le|ces|son|sa|ses|leur|leurs|mon|ton|ta|tes)\b)",
    r"\bdont want to do this any ?more\b(?! (?:job|role|work|at|with)\b)",
    r"\b(?:jaimerais|je voudrais|jai envie de) disparaitre\b",
)

POSSIBLE += (
    r"\bwant it (?:all )?to be over\b",
    # Wanting everything to end or stop, in the five languages ("i just need it all to stop",
    # "quiero que todo termine", "ich will dass alles aufhört", "je veux que tout s'arrête");
    # never a meeting or a week, nor everything ending well.
    r"\b(?:<WANT>|need|needed|wish|wished|hope)(?: (?:is|was))?(?: for)? (?:it all|everything"
    r"|all of (?:this|it)|all this|this all)(?: \w+)? (?:to|would|could|will)? ?(?:just )?"
    r"(?:end|stop|be over|finish|cease)\b(?! (?:by|before|on|at|so|with|ringing|changing)\b)",
    r"\b(?:(?:quiero|quisiera|queria|necesito|deseo|quero|preciso|gostaria|desejo) que|ojala"
    r"|tomara)(?: que)? (?:todo|tudo)(?: esto| eso| isto| isso)? (?:se )?(?:acab\w*|termin\w*"
    r"|pare|parara|parase|parasse|parar|deje de \w+|pare de \w+)\b"
    r"(?! (?:bien|bem|a tiempo|a tempo|pronto para|logo para|para (?:el|la|o|a) )\b)",
    r"\b(?:ich will|ich mochte|ich wunschte|ich wurde gern|will nur noch|ich will nur"
    r"|ich brauche|ich hoffe)\b[^.]{0,15}\balles (?:endlich |einfach )?(?:aufhort|aufhoren"
    r" wurde|vorbei (?:ist|ware|sein)|ware vorbei|endet|zu ende (?:ist|geht|ware))\b",
    r"\b(?:je veux|je voudrais|jaimerais|jai besoin|je souhaite|vivement)(?: juste| seulement)?"
    r" que tout(?: ca| cela)? (?:sarrete|s arrete|se termine|finisse|soit fini|cesse"
    r"|sacheve|s acheve)\b",
    # No way out, in the five languages, said of oneself (not of a contract or a project).
    r"\b(?:no veo|no le veo|nao vejo|je (?:ne )?vois pas|ich seh\w* keinen|cant see a|dont see a)"
    r" (?:ninguna |nenhuma )?d?(?:salida|saida|issue|ausweg|way (?:out|through))\b"
    r"(?! (?:a|aus|de|du|a ce|pra|para|from|out of|of|to|in|with|for) (?:\w+ ){0,2}?"
    r"(?:contrato|vertrag|projekt|proyecto|conflit|contrat|contract|project|job|deal|problem"
    r"|lease|mess|situation at work|aluguel|emprego|trabajo|arbeit|boulot))",
    # Dark thoughts, fear of oneself.
    r"\b(?:dark|scary|bad|black) thoughts\b|\bpensamientos (?:oscuros|negros|feos)\b"
    r"|\bdunkle gedanken\b|\bidees noires\b|\bpensamentos (?:ruins|sombrios|escuros)\b"
    r"|\b(?:dont|do not) trust myself\b|\bscared of what i (?:might|could) do\b",
    # Stopping existing, in the five languages.
    r"\b(?:dejar de existir|deixar de existir|ne plus exister|nicht mehr (?:da sein|existieren)"
    r"|tired of existing|why (?:am i|im) even here|why i (?:even )?bother waking up"
    r"|wish i was(?:nt| not) (?:here|alive)|ware ich nicht mehr da)\b",
    # Being a burden or in the way, in the other four languages.
    r"\b(?:una carga|um fardo|un fardeau|eine last|nur im weg|dead weight)\b"
    r"(?! (?:de trabajo|de travail|de trabalho|an arbeit)\b)",
    r"\bbeen (?:to|on) the (?:bridge|tracks|cliff|rooftop|roof)\b[^.]{0,20}\btimes\b",
    r"\b(?:tengo|tenho|have|got|ive got|hab|jai) (?:\w+ )?(?:todo|tudo|everything|alles|tout)"
    r" (?:listo|preparado|pronto|ready|prepared|planned|vorbereitet|prepare|pret)"
    r" (?:para irme|pra ir embora|para ir|to go|pour partir|um zu gehen)\b",
    # The means at hand, said without a plan: with a time in the next message it is a plan.
    r"\b(?:i have|ive got|i got|tengo|tenho|jai|ich habe|ich hab|hab)"
    r" (?:a |an |the |my |un |una |uma |une |eine |las |unas |os |des |die )?(?:\w+ )?(?:gun|pistol"
    r"|arma|pistola|arme|waffe|pastillas|remedios|comprimidos|cachets|medocs|tabletten)"
    r"\b[^.]{0,40}\b(?:en casa|em casa|a la maison|chez moi|zu hause|at home|de mi \w+"
    r"|do meu \w+|da minha \w+|in the house|saved|guardad\w*|guardad\w*|no paro|nao paro)\b",
)

POSSIBLE_SELF_HARM = (
    # Self-harm urges: "want to sh again", "the urge is back", "me machucar".
    r"\b(?:want|wanna|urge) (?:to )?sh\b|\bused to cut\b[^.]{0,30}\burge\b"
    r"|\bpenso em me machucar\b|\bvontade de me machucar\b|\bhacerme dano\b"
    r"|\bme faire du mal\b|\bmir wehzutun\b",
    # Self-harm long past ("i used to cut in high school"): asked about; "again" after it in a
    # later message is a crisis (read in screen with the earlier messages).
    r"\bused to (?:cut|self ?harm|burn|hurt)\b|\b(?:me cortaba|me hacia cortes)\b"
    r"|\b(?:eu )?me cortava\b|\bich habe mich (?:\w+ ){0,2}(?:geritzt|geschnitten)\b"
    r"|\bje me (?:scarifiais|coupais|mutilais)\b",
)

POSSIBLE += (
    # A height searched: "how tall is the X bridge", "wie hoch ist die brucke".
    r"\bhow (?:tall|high) is (?:the |that )?(?:\w+ ){0,2}?(?:bridge|building|tower|cliff"
    r"|car park|parking garage)\b|\b(?:que|cual es la) altura (?:tiene |del? )(?:el |la )?"
    r"(?:\w+ )?(?:puente|edificio|torre)\b|\bwie hoch ist (?:die|das|der) (?:\w+ )?"
    r"(?:brucke|hochhaus|turm)\b|\bquelle (?:est la )?hauteur (?:fait |a |du |de )"
    r"(?:le |la |ce )?(?:\w+ )?(?:pont|immeuble|tour)\b|\bqual (?:e )?a altura d[ao]"
    r" (?:\w+ )?(?:ponte|predio|torre)\b",
    # The note already written, said alone: asked about; with a time next it is a plan.
    r"\b(?:already )?(?:wrote|written|finished|left) (?:the|my) (?:note|letter)\b"
    r"|\b(?:ya )?(?:escribi|deje) (?:la|mi) (?:nota|carta)\b|\b(?:ja )?(?:escrevi|deixei)"
    r" (?:a|minha) (?:nota|carta|bilhete)\b|\bjai (?:deja )?(?:ecrit|laisse) (?:la|ma)"
    r" (?:lettre|note)\b|\bden (?:abschiedsbrief|brief) (?:schon )?geschrieben\b",
)

# Acts said in plain words (plain_words.py): the same kinds, written there by act.
SUICIDE += plain_words.SUICIDE
SELF_HARM += plain_words.SELF_HARM
DANGER += plain_words.DANGER
# The means gathered (means.py) and danger from someone near now (near.py).
POSSIBLE += means.POSSIBLE + despair.POSSIBLE
SUICIDE += intent.SUICIDE + after.SUICIDE
POSSIBLE += after.POSSIBLE + intent.POSSIBLE
SELF_HARM += means.SELF_HARM
DANGER += near.DANGER
