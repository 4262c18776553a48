"""Screening patterns by kind for risk said in everyday words, in the five languages.

Indifference to one's own fate ("i don't care what happens to me"), taking up space, feeling
empty, thinking about death, a blade in hand now, self-harm begun again, danger from an ex or
a partner reported plainly, and the euphemisms of chat ("check out for good", "the easy way
out", "log off from life"). Written against normal.normalise (lower case, accents and
apostrophes gone). Each pattern names the kind, not a sentence.
"""

from __future__ import annotations

_BLADE = r"(?:blade|razor|cuchilla|navaja|klinge|rasierklinge|lame|lamina|gilete|faca|knife)"
_CUT = (
    r"(?:cut\w*|cortar\w*|corte\w*|cortei|ritz\w*|geritzt|geschnitten|scarifi\w*|coupe\w*"
    r"|machuc\w*|hurt\w*|burn\w*|queim\w*|quem\w*|brul\w*|verbrenn\w*|self ?harm\w*|sh)"
)

SUICIDE: tuple[str, ...] = (
    # Ending one's life said with "pôr fim" / "poner fin" / "mettre fin" and the life named.
    r"\b(?:por|poner|pondre) fim a (?:minha|a minha) vida\b|\bponer fin a mi vida\b",
    # Euphemisms with a time or for good.
    r"\bcheck(?:ing)? out (?:for good|permanently|of life)\b|\bplanning my exit\b"
    r"|\b(?:date|day) is set\b[^.]{0,30}\b(?:exit|end|bye|goodbye)\b",
    r"\b(?:tchau|adeus|adios|goodbye|bye) (?:pra|para|for) (?:sempre|siempre|ever|good)\b"
    r"|\bme despedir antes de (?:ir|partir) de vez\b|\bir de vez\b[^.]{0,20}\b(?:hoje|hj|amanha)\b",
    # Possessions given away and affairs settled "for after".
    r"\b(?:doei|dei) (?:as )?(?:minhas|todas as minhas) coisas\b"
    r"|\b(?:deixei|ja deixei) tudo (?:organizado|arrumado|resolvido) (?:pra|para)"
    r" (?:depois|quando)\b",
    # A searched way or height with death in it, in Portuguese.
    r"\b(?:pesquisei|procurei|googlei) como (?:fazer|morrer|me matar)\b"
    r"|\bqual (?:a )?altura (?:que )?mata\b|\bja sei de qual ponte\b",
    # Every pill taken: "je prends toutes les pilules", "tomo todos os remedios".
    r"\b(?:prends|prendre|tomo|tomar|tomarme|me tomo|take|taking|nehm\w*|schluck\w*|avale\w*"
    r"|engolir|engulo|tragar|trago)\b (?:\w+ )?(?:toutes les|todas las|todos os|todas as|all (?:the"
    r"|my)|alle|la boite de|a caixa de|the whole (?:box|bottle|pack)|die ganze packung)"
    r" (?:\w+ )?(?:pilules|cachets|medicaments|comprimes|medocs|pastillas|pildoras|remedios"
    r"|comprimidos|pills|tablets|meds|tabletten|medikamente)\b(?! (?:every|each|cada|jeden|chaque"
    r"|todo|todos|tous)\b)",
    # A place chosen or scouted, a ligature point, an ending dated: "i know where i'll do it".
    r"\bwhere (?:ill|i will|im going to|im gonna|i want to) do it\b"
    r"|\b(?:scoped|scouted|checked) out\b[^.]{0,60}\b(?:high enough|tall enough|no fence)\b"
    r"|\b(?:belt|cord|cable|scarf|rope|lead)\b[^.]{0,20}\b(?:door handle|doorknob|door knob"
    r"|hook|beam|banister|bannister|curtain rail|rail in the)\b"
    r"|\bby this time (?:tomorrow|next week)\b[^.]{0,20}\b(?:ill (?:have ended it|be gone"
    r"|be dead)|i wont be here)\b",
    # "Catch the bus" with a goodbye: a chat euphemism for suicide.
    r"\b(?:time to |gonna |going to )?catch(?:ing)? the bus\b[^.]{0,20}"
    r"\b(?:bye|goodbye|farewell)\b",
    # Telling someone before one goes: "i just wanted someone to know before i go".
    r"\b(?:wanted|want|needed) (?:someone|somebody|you|people|one person) to know before i go\b"
    r"|\bnobody knows (?:its|it is|that its) for good\b",
    # A note left, in Portuguese: "deixei o bilhete", "uma carta pra cada um ... explicando".
    # (Not a note of where one is: "deixei um bilhete pra minha mãe avisando que cheguei".)
    r"\bdeixei (?:o|um|meu) bilhete\b(?![^.]{0,30}\b(?:avisando|dizendo que (?:cheguei|sai"
    r"|volto|vou)|sobre (?:o|a) (?:aluguel|conta|entrega))\b)"
    r"|\b(?:carta|cartas) (?:pra|para) cada (?:um|uma)\b",
    # A last message to someone loved, read after one is gone: "if you ever read this, i love
    # you, i'm sorry", "si algún día lees esto", "wenn du das je liest".
    # The one addressed may open it ("mom, if you ever read this"): not a third person's words.
    r"\b(?:(?:mom|mum|mommy|mama|mami|mae|mamae|maman|mutti|dad|daddy|papa|papi|pai|vati|babe"
    r"|baby|honey|love|amor|schatz|cherie|sis|bro) )?"
    r"(?:if you (?:ever )?(?:read|see|find) this(?: \w+)?"
    r"|si (?:alguna vez|algun dia|un dia)? ?lees esto"
    r"|wenn du (?:das|dies) (?:je |jemals |irgendwann |mal )?liest|si (?:un jour )?tu lis (?:ca"
    r"|ceci|ce message)|se (?:um dia |algum dia )?(?:voce|vc|tu) (?:ler|leres) (?:isso|isto)"
    r"|when you (?:read|find) this)\b(?:[^.]|\. ){0,80}?\b(?:i love you|love you|im (?:so )?sorry"
    r"|forgive me|te quiero|te amo|lo siento|perdoname|perdoname|ich liebe dich|es tut mir leid"
    r"|verzeih mir|je taime|pardonne moi|desole\w*|eu te amo|me perdoa|desculpa)\b",
    # The means got, and "enough": "bought a second bottle of pills, that should be enough".
    r"\b(?:pills|tablets|sleeping pills|painkillers|paracetamol|pastillas|tabletten|cachets"
    r"|comprimes|comprimidos|remedios|poison|veneno|gift|rattengift)\b[^.]{0,40}\b(?:should be"
    r" enough|is enough|be enough|enough to|deberia bastar|basta\w*|suficientes? para|reicht"
    r"|reichen|genug|suffira|suffisent|assez pour|devem bastar|da pra|suficiente)\b"
    # Not enough for a stretch of time: "enough for the week", "para el viaje".
    r"(?! (?:for|para|pour|fur|pra|bis) (?:the |a |this |one |two |el |la |o |a |le |die |\d+ )?"
    r"(?:week|weeks|month|months|trip|days?|holidays?|vacation|weekend|semanas?|mes|meses|viaje"
    r"|semaines?|mois|wochen?|monate?|reise|urlaub|viagem|ferias|vacances|vacaciones)\b)",
    # Poison got to be taken: "comprei veneno de rato e vou tomar hoje", "bought bleach to drink".
    r"\b(?:poison|rat poison|bleach|antifreeze|veneno|lejia|gift|rattengift|poison|mort aux rats"
    r"|javel|agua sanitaria|chumbinho)\b[^.]{0,40}\b(?:take|drink|swallow|tomar\w*|beber\w*|trink"
    r"\w*|nehm\w*|schluck\w*|boire|prendre|avaler|engolir|vou tomar|voy a tomar)\b",
    # A letter that explains why, in the other languages: "une lettre pour expliquer pourquoi".
    r"\b(?:lettre|lettres|carta|cartas|brief|briefe|bilhete|nota)\b[^.]{0,40}"
    r"\b(?:expliquer pourquoi|explicando (?:por que|porque)|explicar (?:por que|porque)"
    r"|erklar\w* warum)\b",
    # Gone by the time a message arrives: "scheduled emails for thursday. by then i'll be gone".
    r"\bby then (?:ill|i will|im|i am|ill already) (?:be )?(?:gone|dead|not here|no longer here)\b"
    r"(?! (?:on|for|to|in|until|till|away|from|at)\b)"
    r"|\bpara entonces (?:ya )?no (?:estare|voy a estar)\b|\bdann bin ich (?:schon )?(?:nicht"
    r" mehr da|tot)\b|\bdici la je (?:ne )?serai (?:plus la|morte?)\b|\bate la eu (?:ja )?(?:nao"
    r" vou estar|nao estarei|vou estar morto|vou estar morta)\b",
    # A lethal dose searched: "which meds are most deadly in a big dose", "dosis letal de".
    r"\b(?:deadly|lethal|fatal|letal|letale?|todliche?|mortelle?)\b[^.]{0,30}\b(?:dose|dosis"
    r"|amount|overdose|menge|quantite|quantidade|cantidad)\b(?! (?:of|de|von|an) (?:caffeine"
    r"|coffee|espresso|energy|sugar|vitamin\w*|salt|water|chocolate|cafe|cafeina|cafeine|koffein"
    r"|kaffee|zucker|sucre|acucar|azucar)\b)|\b(?:dose|dosis|quantite|quantidade|cantidad)"
    r" (?:\w+ )?(?:letal\w*|mortel\w*|fatal|lethal)\b(?! (?:de|of) (?:cafe|cafeina|cafeine"
    r"|caffeine|coffee|sucre|azucar|acucar)\b)|\b(?:meds|pills|drugs|medication"
    r"|tablets|pastillas|tabletten|medicaments|remedios|comprimidos)\b[^.]{0,30}\b(?:most|more"
    r"|mas|am meisten|le plus|mais) (?:deadly|lethal|fatal|letal\w*|todlich|mortel\w*)\b",
    # Not planning to be alive: "im not planning on being alive after the 30th".
    r"\b(?:not planning on|dont plan on|not planning to|dont intend to|no plans? (?:on|to)|wont"
    r" be|will not be|not going to be) (?:being |be |stay |staying )?alive (?:after|by|past|for"
    r"|much longer|next)\b|\bno (?:pienso|planeo) seguir viv[oa]\b|\bnao (?:pretendo|vou)"
    r" (?:estar|continuar) viv[oa]\b|\bje (?:ne )?(?:compte|serai) (?:pas|plus) (?:etre )?en vie\b"
    r"|\bhabe? nicht vor,? (?:noch )?(?:lange )?(?:zu leben|am leben zu bleiben)\b",
    # A number of pills taken: "already took like 30 tylenol an hour ago".
    r"\b(?:took|taken|swallowed|downed|ate|tome|me tome|tomei|engoli|trague|genommen|geschluckt"
    r"|pris|avale)\b[^.]{0,15}\b(?:[1-9]\d|\d{3}|twenty|thirty|forty|fifty|veinte|treinta"
    r"|cuarenta|zwanzig|dreissig|vierzig|vingt|trente|quarante|vinte|trinta|quarenta)\b[^.]{0,15}"
    r"\b(?:pills|tablets|tylenol|paracetamol|ibuprofen|advil|aspirin|xanax|painkillers|pastillas"
    r"|tabletten|cachets|comprimes|comprimidos|remedios|pilulas)\b"
    # German puts the verb last: "hab gerade zwanzig Tabletten geschluckt".
    r"|\b(?:[1-9]\d|\d{3}|zwanzig|dreissig|vierzig|funfzig)\b[^.]{0,15}\b(?:tabletten|pillen"
    r"|schlaftabletten|schmerztabletten)\b[^.]{0,10}\b(?:geschluckt|genommen|eingenommen)\b",
    # A goodbye to everyone: "sorry everyone. bye", "perdón a todos. adiós".
    r"\b(?:sorry|forgive me|perdon|perdonadme|lo siento|entschuldigung|verzeiht mir|pardon"
    r"|desolee?|desculpa\w*|me perdoem)\b (?:to )?(?:everyone|everybody|all|guys|a todos"
    r"|an alle|euch allen|a tous|a todos)\b(?:[^.]|\. ){0,30}?\b(?:bye|goodbye|farewell|adios"
    r"|tschuss|lebt wohl|adieu|tchau|adeus)\b"
    r"(?! (?:for now|for today|see|talk|till|until|hasta|bis|a demain|a plus|ate))",
    # Standing on a height now: "ich stehe gerade auf dem Dach", "je suis sur le toit".
    r"\b(?:ich stehe|ich bin|ich sitze) (?:gerade |jetzt )?(?:auf dem dach|auf der brucke|am gleis"
    r"|an der kante)\b|\bje suis (?:sur le toit|sur le pont|au bord du)\b",
    # The means kept at hand: "i keep the pills under my pillow", "la cuerda en el armario".
    r"\b(?:pills|tablets|rope|noose|gun|pastillas|cuerda|soga|tabletten|seil|strick|cachets"
    r"|corde|comprimidos|remedios|corda)\b[^.]{0,20}\b(?:under my pillow|next to my bed|by my"
    r" bed|beside my bed|bajo (?:la|mi) almohada|unter (?:dem|meinem) kissen|sous mon oreiller"
    r"|debaixo do travesseiro)\b",
    # The means, and a time when nobody is there: "found the rope. saturday, nobody's home".
    r"\b(?:rope|noose|pills|tablets|gun|razor|blades?|cuerda|soga|pastillas|seil|strick"
    r"|tabletten|corde|cachets|corda|comprimidos|remedios)\b(?:[^.]|\. ){0,80}?\b(?:nobodys"
    r" home|nobody (?:is |will be )?home|no ones? (?:is |will be )?(?:home|around)|home alone"
    r"|no hay nadie en casa|nadie (?:va a estar |estara )?en casa|niemand (?:ist )?(?:da|zu"
    r" hause)|personne (?:ne sera |nest )?a la maison|ninguem (?:vai estar |esta )?em casa)\b",
)

SELF_HARM: tuple[str, ...] = (
    # A blade kept at hand: "i keep the razor under my pillow now".
    # (A kitchen knife or a razor in a drawer is where they belong: not these.)
    r"\b(?:razor|razor blade|blades?|cuchilla|klinge|rasierklinge|lame|gilete|lamina)\b[^.]{0,20}"
    r"\b(?:under my pillow|next to my bed|by my bed|beside my bed|in my wallet|bajo (?:la|mi)"
    r" almohada|unter (?:dem|meinem) kissen|sous mon oreiller|debaixo do travesseiro)\b",
    # A blade in hand now.
    rf"\b(?:holding|have|got|tengo|tenho|hab|halte?|jai|estou com|to com|ich hab)\b[^.]{{0,20}}"
    rf"\b{_BLADE}\b[^.]{{0,25}}\b(?:right now|now|in my hand|in der hand|en la mano|na mao"
    r"|dans la main|ahora|agora|grad|gerade|jetzt|la|aqui)\b"
    rf"|\b(?:holding|ich halt\w*|halte) (?:\w+ )?(?:the |die |grad die |gerade die )?{_BLADE}\b",
    # Self-harm begun again: relapsed, broke the streak, "me volvi a cortar".
    rf"\b(?:relapsed?|recai\w*|ruckfall|rechute|rechute\w*|broke my streak)\b[^.]{{0,50}}\b{_CUT}"
    rf"|\b{_CUT}\b[^.]{{0,30}}\b(?:relapsed?|recai\w*|ruckfall|rechute)\b",
    r"\b(?:me volvi a|volvi a|voltei a|recomece a) (?:me )?(?:cortar\w*|lastimar\w*|machucar)\b"
    r"|\bcut (?:twice|again|three times)\b",
    # Fresh marks on one's body: "2 new ones on my wrist", "cortes nuevos en el brazo".
    r"\b(?:new|fresh|\d+ new|two new|three new|more) (?:ones|cuts|marks|burns|lines)\b[^.]{0,10}"
    r"\b(?:on|in) (?:my |the )?(?:wrists?|arms?|legs?|thighs?|stomach|skin|hips?)\b"
    r"|\b(?:cortes|marcas|quemaduras|queimaduras) (?:nuev[oa]s|nov[oa]s|frescos)\b[^.]{0,15}"
    r"\b(?:muneca|brazo|pierna|pulso|braco|perna|coxa)\b|\bneue (?:schnitte|narben|ritzer)\b"
    r"|\bnouvelles? (?:coupures|marques|cicatrices)\b[^.]{0,15}\b(?:poignet|bras|cuisse)\b",
    # A burn done on purpose.
    r"\b(?:queimei|burned|burnt|queme|verbrannt|brule)\b[^.]{0,40}\b(?:de proposito|a proposito"
    r"|on purpose|absichtlich|expres|expres)\b",
)

DANGER: tuple[str, ...] = (
    # Violence from someone expected: "ele vai me bater", "he's going to hit me".
    r"\b(?:ele|el|er|il|he|hes|she|shes) (?:vai|va a|wird|va|is going to|going to|gonna|will)"
    r" (?:me |mich )?(?:bater|pegar|golpear\w*|pegarme|schlagen|frapper|hit me|beat me"
    r"|hurt me|me faire du mal|me machucar)\b",
    # An ex or partner at the door, following, or threatening with a weapon.
    r"\b(?:my|mi|mein|meine|mon|ma|meu|minha|o meu|a minha) (?:ex|ex boyfriend|ex husband"
    r"|ex girlfriend|exfreund|exmann|ex freund|marido|husband|partner|mann|freund|copain|mari"
    r"|namorado|companheiro|pareja|novio)\b[^.]{0,40}\b(?:vor meiner tur|outside my|at my door"
    r"|en mi puerta|a mi puerta|devant chez moi|na minha porta"
    r"|me (?:esta |ta |fica )?(?:seguindo|segue|sigue"
    r"|siguiendo|suit)|following me|folgt mir|verfolgt mich|apareceu no meu|showed up at my"
    r"|showing up at my|showing up outside)\b",
    r"\b(?:si|se|if|wenn|si je) (?:lo|le|o|him|ihn|te|la|a)? ?(?:dejo|deixo|leave|verlasse"
    r"|quitte|termino|terminar)\b[^.]{0,20}\b(?:me mata|me matar|kill me|bringt er mich um"
    r"|me tue|me tuera)\b",
    r"\b(?:arma|gun|waffe|arme|pistola)\b[^.]{0,30}\b(?:ameacou|threatened|drohte|menace"
    r"|amenazo)\b|\b(?:ameacou|threatened|drohte|amenazo) (?:usar|to use|damit|con usarla)\b",
    r"\b(?:empurrou me|empurrou|me empujo|pushed me|hat mich gestossen|ma poussee?)\b"
    r"[^.]{0,30}\b(?:parede|pared|wall|wand|mur|escada|stairs|escaleras|treppe|escalier)\b",
    # Someone with a weapon at the door or in the house: "er steht unten mit nem messer und
    # klingelt", "il est en bas avec un couteau", "ele ta com a faca na mao gritando".
    r"\b(?:he|she|hes|shes|is|er|sie|il|elle|ele|ela|el|ella|ta|esta|steht|est)\b[^.]{0,30}"
    r"\b(?:with|has|holding|mit|hat|avec|a|com|con|tiene|tem) (?:a |an |the |nem |einem |einer"
    r" |ein |un |une |uma |um |o |a |una |la |sa |seu |sua )?(?:knife|gun|bat|axe|messer|waffe"
    r"|pistole|knarre|couteau|arme|flingue|faca|arma|revolver|cuchillo|navaja|pistola)\b"
    r"[^.]{0,50}\b(?:door|downstairs|outside|knocking|banging|shouting|screaming|yelling"
    r"|threaten\w*|tur|unten|drauss\w*|klingelt|hammert|schreit|droht|porte|en bas|dehors"
    r"|tape|frappe|crie|menace|porta|la fora|la embaixo|gritando|grita|ameac\w*|bate|batendo"
    r"|puerta|abajo|afuera|golpea\w*|amenaz\w*|trancad[ao]|locked|encerrad[ao]|eingesperrt"
    r"|enferme\w*|vai me pegar|va a por mi|kill me|hurt me)\b",
)

POSSIBLE: tuple[str, ...] = (
    # Ending it, in German words that also end a relationship: a time makes it a plan.
    r"\b(?:mach ich|ich mach\w*) (?:jetzt |heute |einfach )?schluss\b(?! mit\b)",
    # Indifference to one's own fate.
    r"\b(?:i dont care|i dont really care|dont care) what happens to me\b"
    r"|\bme da igual lo que me pase\b|\bmir ist (?:egal|alles egal),? was mit mir passiert\b"
    r"|\bje men fiche de ce qui marrive\b|\btanto faz o que acontece comigo\b"
    r"|\b(?:wenn mir was passiert|sil marrivait (?:un truc|quelque chose)|si me pasa algo"
    r"|se me acontecer algo|if something happened to me)\b[^.]{0,20}\b(?:egal|tant pis|mejor"
    r"|melhor|tanto faz|fine|whatever|good)\b",
    # Taking up space, feeling empty, a ghost.
    r"\b(?:just taking up space|solo ocupo espacio|nehm\w* nur platz weg|prendre de la place"
    r" pour rien|so ocupo espaco|ocupando espaco a toa)\b",
    r"\b(?:i feel|me siento|ich fuhl\w* mich|je me sens|me sinto|sinto me) (?:so |tan |so |si"
    r" |tao )?(?:empty|vaci[oa]|leer|vide|vazi[oa])\b[^.]{0,30}\b(?:nothing|nada|nichts|rien"
    r"|ghost|fantasma|geist|fantome)\b",
    # Thinking of death, often, lately.
    r"\b(?:think\w* about death|pienso (?:mucho )?en la muerte|denke? (?:oft |viel )?an den tod"
    r"|pense (?:souvent )?a la mort|penso (?:muito )?na morte)\b",
    # Tired of life, weary of going on.
    r"\b(?:marre de la vie|harto de la vida|harta de la vida|farto da vida|farta da vida"
    r"|sick of life|lebensmude|tired of life)\b",
    r"\bwozu (?:das alles|ich uberhaupt) noch\b|\bwozu ich (?:uberhaupt )?noch aufstehe\b"
    r"|\b(?:ja )?nem sei (?:pq|porque|por que) continuo\b|\bno se para que sigo\b",
    r"\bnao faco falta a ninguem\b|\bno le hago falta a nadie\b|\bmanque a personne\b"
    r"|\bvermisst mich (?:eh )?keiner\b|\b(?:nobody|no one) (?:would|will|is going to) miss me\b",
    # Finality said of oneself, with a time or "much longer": "it'll all be over by tomorrow".
    r"\b(?:it ?ll|it will|its|it s|it is|it) all (?:going to |gonna |will )?be over"
    r" (?:soon|tomorrow|by tomorrow|tonight|by tonight|by morning|by the weekend|this week)\b"
    r"|\b(?:you|they|nobody|no one|everyone) (?:wont|will not|wouldnt) (?:have to )?(?:deal"
    r" with|put up with|worry about) me (?:for )?(?:much longer|anymore|any more)\b"
    r"|\bsoon (?:it|none of this|nothing) (?:wont|will not|will) matter\b"
    r"|\b(?:pronto|manana|esta noche) (?:todo )?(?:habra terminado|se acaba todo|va a terminar"
    r" todo|todo va a terminar)\b|\b(?:bald|morgen|heute nacht) ist (?:alles|es) vorbei\b"
    r"|\b(?:bientot|demain|ce soir) (?:tout )?(?:sera|ce sera) (?:fini|termine)\b"
    r"|\b(?:logo|amanha|hoje a noite) (?:tudo )?vai (?:tudo )?(?:acabar|terminar)\b",
    # Euphemisms said without a plan.
    r"\b(?:the )?easy way out\b|\blog off from life\b|\b(?:go to sleep|ir a dormir) (?:forever"
    r"|para siempre|fur immer|pour toujours|para sempre)\b",
    # Knowing how one will do "it": "i finally know how i'm going to do it" (a time makes it a
    # plan).
    r"\b(?:finally |now )?know how (?:im|i am|ill|i will) (?:going to |gonna )?do it\b"
    r"|\bya se como lo voy a hacer\b|\bich weiss jetzt,? wie ich es (?:mache|tue)\b"
    r"|\bje sais comment je vais le faire\b|\bja sei como (?:vou|eu vou) fazer\b",
    # Stopping everything, "not just work": "j'ai envie de tout arrêter, pas juste le boulot".
    r"\b(?:tout arreter|tout lacher|en finir avec tout|dejarlo todo|acabar con todo|alles"
    r" hinschmeissen|alles beenden|largar tudo|acabar com tudo|done with everything|quit everything"
    r"|stop everything)\b[^.]{0,30}\b(?:pas (?:juste|seulement)|no solo|nicht nur|nao so"
    r"|not just|not only)\b",
    # No sense in living on: "no le encuentro sentido a seguir viviendo".
    r"\bno (?:le )?(?:encuentro|veo|tiene) (?:ningun )?sentido (?:a |en )?(?:seguir viviendo|vivir"
    r"|la vida|seguir aqui)\b|\bnao (?:vejo|encontro) (?:mais )?sentido em (?:viver|continuar"
    r" vivendo|seguir vivendo)\b|\bkeinen sinn (?:mehr )?(?:zu leben|weiterzuleben)\b|\bplus"
    r" (?:de|aucun) sens a (?:vivre|continuer a vivre)\b|\bno (?:point|sense) (?:in|to) (?:living"
    r"|going on|staying alive)\b",
    # In case one never sees them again, or leaving for ever: a goodbye, asked about (a time
    # or the means beside it makes it a plan).
    # The one held or called may be named first ("hugged my mum in case..."): it is the
    # speaker who may not see them again, not a third person's words.
    r"\b(?:(?:hugged|called|visited|saw|kissed|abrace|llame|visite|vi|bese|umarmt|angerufen"
    r"|besucht|embrasse|appele|vu|abracei|liguei|visitei|vi|beijei)\b[^.]{0,30})?"
    r"(?:in case i (?:dont|never) see (?:her|him|them|you) again|por si no (?:la |lo |los |las"
    r" |te )?vuelvo a ver\w*|falls ich (?:sie|ihn|dich|euch) nicht (?:mehr|wieder) sehe|au cas ou"
    r" je ne (?:la|le|les|te) (?:revois|reverrai) pas|caso eu nao (?:a|o|te|os) veja (?:de novo"
    r"|mais))\b|\b(?:je pars|partir|me voy|irme|ich gehe|gehen|vou embora|ir embora|leaving|leave)"
    r" (?:pour toujours|para siempre|fur immer|para sempre|forever|for good)\b"
    # A move or a new job is no goodbye: "leaving for good, new job in berlin".
    r"(?![^.]{0,40}\b(?:job|trabajo|arbeit|stelle|boulot|travail|emprego|trabalho|move|moving"
    r"|umzug|mudo|mudanza|mudanca|demenage\w*|country|pais|land|pays)\b)(?! (?:to|nach|au|en|em"
    r"|para|pra|in|a) \w)",
    # Better if one were not here: "ce serait mieux si j'étais plus là", "wenn ich nicht da wäre".
    r"\b(?:mieux|better|mejor|besser|melhor) (?:off )?(?:si|if|wenn|se) (?:je netais plus la"
    r"|jetais plus la|je netais pas la|i wasnt (?:here|around)|i werent (?:here|around)|yo no"
    r" estuviera|no estuviera|ich nicht mehr da (?:ware|bin)|ich nicht da (?:ware|bin)"
    r"|eu nao estivesse (?:aqui|mais aqui)|eu sumisse|eu nao existisse)\b",
    # The thoughts back, the point gone, a pain that never stops, release in death.
    r"\b(?:the |those |these |same |dark |old |suicidal )(?:thoughts|urges) (?:are|r|have|came"
    r"|come|keep coming) (?:back|coming back|returning)\b"
    r"|\blos (?:pensamientos|impulsos) (?:han )?(?:volvi\w*|vuelto|regresado)\b"
    r"|\bdie gedanken sind (?:wieder )?(?:da|zuruck)\b|\bles (?:idees|pensees) (?:noires )?sont"
    r" revenues\b|\bos pensamentos voltaram\b",
    r"\bnot sure (?:what|whats) the point (?:is|of anything|of any of (?:it|this))\b"
    r"|\bnot sure (?:theres|there is) (?:a |any )?(?:point|reason) (?:to|in) (?:keep|keeping"
    r"|go|going|stay|staying|live|living|carry)\b|\bno se si (?:tiene sentido|hay razon para)"
    r" seguir\b|\bweiss nicht,? wozu (?:ich )?(?:noch|weitermachen)\b|\bje sais pas a quoi bon"
    r" continuer\b|\bnao sei (?:se )?(?:pra que|para que|vale a pena) continuar\b",
    r"\b(?:never|not ever) (?:going to|gonna|will) stop hurting\b|\bsweet release of death\b"
    r"|\bstop being a person\b|\bnunca va a dejar de doler\b|\bhort nie auf weh zu tun\b"
    r"|\bca ne (?:va )?(?:jamais|pas) arreter de faire mal\b|\bnunca vai parar de doer\b",
    r"\bexhausted from pretending\b|\blife feels like a waiting room\b"
    r"|\bfundo do poco\b[^.]{0,20}\bsaida\b",
)
