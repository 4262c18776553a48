"""Spanish, German, French and Portuguese screening patterns, by tier and concern.

Written against normal.normalise: lower case, accents and apostrophes gone ("j'ai" -> "jai",
"möchte" -> "mochte", "não" -> "nao"). Idioms that must not fire ("me muero de ganas",
"die Deadline bringt mich um", "ce boulot me tue", "esse trabalho está me matando") are
kept out by asking for a wish, a plan or a reported threat around the violent word.
"""

from __future__ import annotations

# Wanting, planning or deciding, in the four languages.
_ES_WANT = (
    r"(?:quiero|quisiera|queria|kiero|qiero|qero|deseo|tengo ganas de|ganas de|voy a|vamos a"
    r"|pienso en|pensando en|he decidido|decidi|necesito|prefiero|me gustaria)"
)
_PT_WANT = (
    r"(?:quero|queria|qro|kero|qero|vou|vo|penso em|pensando em|tenho vontade de|vontade de"
    r"|decidi|preciso|prefiro|gostaria de)"
)
_FR_WANT = (
    r"(?:veux|veu|voudrais|vais|jveux|jvais|envie de|pense a|compte|prefererais|prefere"
    r"|ai decide de|aimerais)"
)
_DE_WANT = r"(?:will|mochte|moechte|mocht|wurde gern|werde|wunsche mir|mag)"

SUICIDE = (
    # Spanish
    rf"\b{_ES_WANT} (?:morir\w*|matarme|suicidarme|quitarme la vida|acabar con mi vida"
    r"|acabar con todo|terminar con mi vida|desaparecer para siempre|dejar de vivir)\b",
    r"\bme (?:quiero|kiero|qiero|voy a|pienso|gustaria) (?:morir|matar|suicidar|quitar la vida)\b",
    r"\b(?:kiero|qiero|qero) morir\w*",
    r"\bno (?:quiero|kiero|qiero) (?:vivir|seguir viviendo|estar viv[oa]|existir|seguir aqui"
    r"|despertar nunca)\b",
    r"\b(?:ojala|quisiera|desearia|me gustaria) (?:estar|estuviera) muert[oa]\b",
    r"\b(?:estaria|estaria mucho) mejor muert[oa]\b",
    r"\b(?:juntando|guardando|acumulando|ahorrando) (?:las |unas |mis )?(?:pastillas|pildoras"
    r"|medicamentos)\b",
    r"\b(?:pastillas|pildoras|medicamentos)\b[^.]{0,30}\b(?:guardad|juntad|acumulad)\w*",
    r"\bcartas? de despedida\b",
    r"\bcompre (?:la|una) cuerda\b",
    r"\bregalando (?:todas )?mis cosas\b",
    r"\bmi ultimo mensaje\b",
    r"\bya no estare (?:aqui|mas|manana)\b",
    r"\badios (?:para siempre|a todos|mundo)\b",
    r"\bbusc\w* (?:formas|maneras|como) (?:de )?(?:morir|matarme|suicidarme)\b",
    r"\bcuantas pastillas\b[^.]{0,30}\b(?:morir|matar)\w*",
    r"\b(?:tirarme|lanzarme|aventarme|arrojarme) (?:de|desde|por|a) (?:un |una |el |la |las )?"
    r"(?:puente|edificio|balcon|ventana|via|vias|tren|azotea|metro)\b",
    r"\b(?:tomar|tomarme) todas (?:las|mis) (?:pastillas|pildoras)\b",
    r"\b(?:ahorcarme|cortarme las venas)\b",
    # German
    rf"\bich {_DE_WANT} (?:nur noch |einfach )?(?:sterben|sterbn|tot sein)\b",
    # "er will mich umbringen" is danger from him, not suicide.
    r"(?<!er will )(?<!sie will )(?<!er wird )(?<!sie wird )(?<!er droht )"
    r"\bmich (?:umbringen|umbrigen|umbring|toten|erhangen|aufhangen)\b",
    r"\b(?:ich|wegen|weg|wege)\b(?:(?! er | sie )[^.]){0,40}\bmich\b[^.]{0,25}"
    r"\b(?:umzubringen|umbringen|umbring|toten|erhangen)\b",
    r"\bich bring(?:e)? mich um\b",
    r"\b(?:selbstmord|suizid|freitod)\w*",
    r"\bnich?t? mehr (?:leben|am leben sein)\b(?! (?:in|mit|bei|als|ohne)\b)",
    r"\bmir das leben (?:nehmen|zu nehmen)\b",
    r"\bich mach(?:e)? (?:heute |heute nacht |jetzt |bald )?schluss(?= \.|$| heute| jetzt)",
    r"\b(?:wunschte|wunsche),? ich ware tot\b",
    r"\bware lieber tot\b",
    r"\btabletten (?:gesammelt|gehortet|gespart|zusammengespart)\b",
    r"\babschiedsbrief\w*",
    r"\bverschenke (?:alle )?meine sachen\b",
    r"\bein seil gekauft\b",
    r"\bmeine letzte nachricht\b",
    r"\bnie wieder von mir\b",
    r"\blebt wohl\b",
    r"\b(?:von (?:der|einer) brucke|vom dach|aus dem fenster) (?:springen|springe|sturzen)\b",
    r"\bspringe? von (?:der|einer) brucke\b",
    r"\balle (?:meine )?tabletten (?:nehmen|schlucken)\b",
    r"\bvor (?:den|einen) zug\b",
    # French
    rf"\b{_FR_WANT} (?:de )?(?:mourir|me tuer|me suicider|d?en finir|mettre fin a mes jours"
    r"|me foutre en lair|etre morte?|disparaitre pour toujours)\b",
    r"\b(?:je |j)?(?:ne )?veux plus vivre\b",
    r"\bidees? (?:noires|suicidaires)\b",
    r"\bd?en finir avec la vie\b",
    r"\bmettre fin a mes jours\b",
    r"\bmedicaments? de cote\b",
    r"\blettres? dadieu\b",
    r"\bdonne (?:toutes )?mes affaires\b",
    r"\bmon dernier message\b",
    r"\badieu (?:a tous|pour toujours|tout le monde)\b",
    r"\bvous ne me reverrez (?:plus|jamais)\b",
    r"\bsauter (?:dun|du|de la|par la|depuis le) (?:pont|immeuble|fenetre|balcon|toit)\b",
    r"\bprendre tou(?:te)?s mes (?:pilules|medicaments|cachets|comprimes)\b",
    r"\bme jeter sous (?:un|le) (?:train|metro)\b",
    r"\bme pendre\b",
    # Portuguese
    rf"\b{_PT_WANT} (?:morrer|morre|me matar|me suicidar|tirar (?:a )?minha (?:propria )?vida"
    r"|acabar com (?:a )?minha vida|acabar com tudo|sumir para sempre)\b",
    r"\bnao quero (?:mais )?(?:viver|estar viv[oa]|existir|continuar vivendo)\b",
    r"\bqueria estar mort[oa]\b",
    r"\bmelhor mort[oa]\b",
    r"\b(?:juntei|guardei|acumulei|juntando|guardando) (?:os |uns |varios |meus )?(?:remedios"
    r"|comprimidos|pilulas)\b",
    r"\bdando (?:todas )?(?:as )?minhas coisas\b",
    r"\bminha ultima mensagem\b",
    r"\badeus (?:a todos|para sempre|mundo)\b",
    r"\bpular (?:da|de uma|do|de um) (?:ponte|predio|janela|sacada|viaduto)\b",
    r"\btomar todos os (?:comprimidos|remedios)\b",
    r"\bme jogar (?:na frente|debaixo) d\w+ (?:trem|metro|carro|onibus)\b",
    r"\bme enforcar\b",
    r"\bno quiero (?:seguir |estar mas )?(?:estar )?(?:en este mundo|aqui|viv[oa])\b"
    r"(?! (?:en|con|hasta|trabajando|mas tiempo|de)\b)",
    r"\bnao quero (?:mais )?(?:estar )?(?:neste mundo|aqui|viv[oa])\b"
    r"(?! (?:nesse|neste|nessa|nesta|no|na|com|trabalhando|de)\b)",
    r"\bne veux plus (?:etre )?(?:dans ce monde|sur cette terre|la|en vie)\b"
    r"(?! (?:bas|dedans|demain|au|a|dans|pour|avec)\b)",
    r"\bnicht mehr (?:auf dieser welt|da|hier|am leben) sein\b",
    r"\bsaltar (?:del|de un|de una|desde el|desde la|por la) (?:puente|edificio|balcon|ventana"
    r"|azotea)\b",
    r"\btodo listo para (?:esta noche|hoy)\b",
    r"\b(?:cartas?|notas?|mensajes?) de despedida\b",
    r"\balle (?:meine )?tabletten zu (?:schlucken|nehmen)\b",
    r"\b(?:alles )?fur heute (?:nacht )?vorbereitet\b",
    r"\bavaler tou(?:te)?s mes (?:pilules|medicaments|cachets|comprimes)\b",
    r"\btout prepare pour ce soir\b",
    r"\bmots? dadieu\b",
    r"\btudo pronto para (?:hoje|esta noite)\b",
    r"\bbilhetes? de despedida\b",
    # Preparations, goodbyes and searches said in more ways.
    r"\bya (?:escribi|deje) (?:las |mis )?cartas\b",
    r"\b(?:una |la )?cuerda (?:guardada|escondida|lista|preparada|comprada)\b",
    r"\b(?:he |ya )?(?:juntado|guardado|acumulado|ahorrado|escondido|junte|guarde|acumule"
    r"|escondi)(?: \w+)? (?:pastillas|pildoras|medicamentos|remedios)\b",
    r"\bno (?:sabran|sabreis|vas a saber|van a saber) (?:nada )?mas de mi\b",
    r"\bdi(?:ganle|le|dle)s? a mi (?:madre|mama|padre|papa|familia|hij[oa]s?|herman[oa]) que"
    r" (?:l[aeo]s? )?(?:quiero|quise|amo)\b",
    r"\b(?:que|q) ganas (?:de|d) (?:morir\w*|matarme|suicidarme|desaparecer)\b",
    r"\bnicht mehr weiter ?leben\b",
    r"\b(?:tabletten|pillen|medikamente|das seil|der strick)(?: \w+){0,2} (?:schon|bereits)"
    r" (?:bereit|parat|griffbereit)\b",
    r"\bdas (?:wars|war es) von mir\b",
    r"\bsag(?:t)? (?:meiner|meinem|meinen) \w+ (?:dass|das) ich (?:sie|ihn|euch) (?:liebe"
    r"|geliebt habe)\b",
    rf"\b{_DE_WANT} mich umbr\w*",
    r"\bmis de cote (?:des |mes |les )?(?:medicaments|cachets|pilules|comprimes)\b",
    r"\b(?:merci pour tout|gracias por todo|obrigad[oa] por tudo|danke fur alles) (?:adieu"
    r"|adios|adeus|lebt wohl|tschuss)\b",
    r"\bn?entendr(?:ez|as) plus (?:jamais )?parler de moi\b",
    r"\b(?:comment|facon de|moyen de) (?:mourir|me tuer|me suicider)\b|\bmourir sans souffrir\b",
    r"\benvie de crever\b(?! de)",
    r"\b(?:como|jeito de|forma de|maneira de) (?:morrer|me matar|me suicidar)\b"
    r"|\bmorrer sem dor\b",
    # "When you read this I'll be gone", a rope bought, goodbye for good.
    r"\bcuando (?:leas|lean|leais) esto\b[^.]{0,20}\bno (?:estare|estoy)\b",
    r"\bwenn (?:ihr|du|sie) das (?:lest|liest|lesen)\b[^.]{0,20}\bnicht mehr (?:da|hier)\b",
    r"\bquand (?:vous lirez|tu liras)\b[^.]{0,20}\bne serai plus\b",
    r"\bquando (?:lerem|ler|voce ler|voces lerem)\b[^.]{0,20}\bnao (?:vou estar|estarei)\b",
    r"\b(?:compre|comprei|jai achete|achete) (?:une |uma |una )?(?:corde|corda|cuerda)\b",
    r"\b(?:einen strick|ein seil) (?:besorgt|gekauft)\b",
    r"\b(?:au revoir|verabschieden|despedir)\b[^.]{0,20}\b(?:pour de bon|pour toujours"
    r"|fur immer|para sempre|para siempre)\b",
    r"\b(?:guardei|juntei) todos os meus (?:comprimidos|remedios)\b",
    r"\b(?:garde|gardee) tous mes (?:somniferes|medicaments|cachets)\b",
)

SELF_HARM = (
    r"\bme (?:corto|corte|he cortado|he vuelto a cortar|vuelto a cortar|hago cortes"
    r"|hice cortes|autolesion\w*|hago dano|hice dano|quemo|queme)\b"
    r"(?! (?:el dedo|cocinando|sin querer|con el cuchillo de cocina)\b)",
    r"\bautolesi\w*",
    r"\bhacerme dano\b",
    r"\b(?:ritze|geritzt|ritzen)\b",
    r"\bverletze mich(?: selbst)?\b",
    r"\bselbstverletz\w*",
    r"\bschneide mich\b(?! (?:beim|aus versehen)\b)",
    r"\bmir (?:den arm|die arme|die haut) verbrannt\b",
    r"\bme scarifi\w*",
    r"\bscarification\w*",
    r"\bme (?:suis )?(?:encore )?coupee?s?\b(?! (?:en (?:cuisinant|me rasant)|le doigt|avec le"
    r" couteau de cuisine|les cheveux)\b)",
    r"\bme fais du mal\b",
    r"\bme mutile\b",
    r"\bautomutil\w*",
    r"\bme coupe les (?:bras|poignets|veines)\b",
    r"\bme (?:corto|cortei|cortar|cortando|machuco|machucando|machuquei)\b"
    r"(?! (?:o dedo|cozinhando|sem querer|fazendo)\b)",
    r"\bautolesao\b",
    r"\bme estoy (?:cortando|lastimando|haciendo dano)\b",
    r"\bme (?:lastimo|lastime|hago dano|corto|quemo) a proposito\b",
    r"\bschneide mir (?:die arme|den arm|die haut)\b",
    r"\bme brule (?:expres|volontairement)\b",
)

# Someone close who may be the danger: spouse, partner, parent, ex, "he"/"she".
AGENTS = (
    r"(?:il|elle|mari|copain|copine|pere|mere|conjoint|compagnon|ex|femme|beau pere"
    r"|el|ella|marido|esposo|novio|novia|pareja|padre|madre|padrastro"
    r"|er|sie|mann|freund|freundin|vater|mutter|partner|partnerin|stiefvater"
    r"|ele|namorado|namorada|pai|mae|companheiro|padrasto)"
)

DANGER = (
    r"\bhat mich (?:die treppe )?(?:runter|hinunter)gesto\w*",
    r"\bme (?:enforcou|enforca|estrangulou|estrangula|sufocou)\b",
    rf"\b{AGENTS} (?:me|ma|nos|m a) (?:frappe\w*|battu\w*|bat|battent|etrangl\w*|viol\w*"
    r"|tabass\w*|pega|pego|pegaba|golpea|golpeo|golpeaba|maltrata|maltrato|viola|violo"
    r"|estrangula|estrangulo|ahorca|bate|bateu|batia|espanc\w*|estupr\w*|estrangul\w*"
    r"|agride|agrediu)\b(?! (?:un|una|el|la|con|um|uma|o|a) (?:susto|grito|bronca|subida"
    r"|noticia|grande)\b)",
    rf"\b{AGENTS} (?:schlagt|schlug|wurgt|wurgte|tritt|trat|verprugelt|misshandelt) mich\b",
    r"\b(?:hat|haben) mich (?:geschlagen|gewurgt|vergewaltigt|verprugelt|getreten"
    r"|misshandelt|bedroht)\b",
    r"\bwerde (?:zu hause |daheim )?(?:geschlagen|misshandelt|verprugelt)\b",
    r"\b(?:gedroht|droht|drohte|bedroht)\b[^.]{0,30}\b(?:umzubringen|umbringen|toten|messer)\b",
    r"\b(?:sagt|sagte|schreibt|hat gesagt),? (?:er|sie) (?:bringt|bringe|werde) mich um\b",
    r"\bangst,? dass (?:er|sie) mich\b",
    r"\b(?:er|sie) (?:will|wird|wollte) mich (?:umbringen|toten|schlagen)\b",
    r"\bamenaz\w* (?:con|de) matarme\b",
    r"\bme amenazo con (?:un|una) (?:cuchillo|pistola|arma|navaja)\b",
    r"\b(?:dice|dijo|me dijo) que me va a (?:matar|pegar)\b",
    r"\bmiedo (?:de )?que (?:me mate|me pegue|me haga dano)\b",
    r"\bme (?:violo|violaron|maltrata|maltrato)\b",
    r"\bmenac\w* de (?:me tuer|mort)\b",
    r"\b(?:dit|dis|a dit|ecrit) quil va me tuer\b",
    r"\bpeur quil (?:me tue|me frappe|revienne)\b",
    r"\bma menacee? avec (?:un|une) (?:couteau|arme|pistolet)\b",
    r"\bsuis battue?\b",
    r"\bameac\w* (?:de )?me matar\b",
    r"\bme ameac\w* com (?:uma|um) (?:faca|arma|revolver)\b",
    r"\b(?:disse|diz|falou) que vai me matar\b",
    r"\bmedo (?:de )?que ele me (?:mate|bata)\b",
)

POSSIBLE = (
    # Spanish
    r"\b(?:ya )?no (?:puedo|aguanto|soporto) mas\b(?! (?:(?:con|a|al|de) )?(?:este |esta |mi |el"
    r" |la |tanto )?(?:\w+ )?(?:trabajo|jefe|jefa|casero|cliente|clienta|proyecto|reunion|oficina"
    r"|vecinos?|trafico|ruido|calor|frio|horario|atasco|metro|papeleo|correos?|reuniones)\b)",
    r"\bno (?:veo|le veo|encuentro) (?:ninguna |una )?salida\b",
    r"\bno (?:le )?veo sentido a (?:nada|la vida|vivir|seguir)\b",
    r"\bnada tiene sentido\b",
    r"\bcansad[oa] de (?:todo|vivir|la vida)\b",
    r"\bmejor sin mi\b",
    r"\bsoy una carga\b",
    r"\b(?:quiero|quisiera|me gustaria) desaparecer\b(?! (?:de|del) \w+)",
    r"\bno despertar\b",
    r"\bno existir\b",
    # German
    r"\bich kann (?:einfach |echt |wirklich |so )?nicht mehr\b(?! (?:\w+en|mit)\b)",
    r"\bkeinen ausweg\b",
    r"\b(?:alles|es|das leben)(?: ist| hat)?(?: alles)? (?:sinnlos|keinen sinn mehr)\b",
    r"\bhalte (?:das|es) nicht mehr aus\b",
    r"\bbesser dran ohne mich\b",
    r"\bohne mich (?:waren|ware)\b",
    r"\beine last fur\b",
    r"\b(?:will|mochte|wurde) (?:einfach |nur )?verschwinden\b",
    r"\bnicht mehr aufwachen\b",
    r"\bnicht (?:mehr )?existieren\b",
    # French
    r"\b(?:j|je |je n|jn|n)?en peux plus\b(?! de (?:ce|mon|cette|mes|ma|la|le|ces)\b)",
    r"\bne vois (?:pas|plus) (?:d ?|de |dautre )issue\b",
    r"\b(?:plus rien|rien) na (?:plus )?de sens\b",
    r"\bsuis a bout\b",
    r"\bne supporte plus rien\b",
    r"\bmieux sans moi\b",
    r"\bun fardeau\b",
    r"\b(?:veux|voudrais|aimerais) disparaitre\b",
    r"\bne (?:jamais|plus) me reveiller\b",
    r"\bne plus exister\b",
    # Portuguese
    # Not "o meu chefe" or "esse transito": a thing one is fed up with is a setback.
    r"\bnao aguento mais\b(?! (?:o|a|os|as|esse|essa|esses|essas|este|esta|meu|minha|de|do|da"
    r"|dos|das|com o|com a|com esse|com essa) (?!vida|viver|tudo|nada|isso|mim|sofrer|dor)\w+)",
    r"\bnao vejo (?:nenhuma )?saida\b",
    r"\bnada (?:mais )?faz sentido\b",
    r"\bnao consigo mais\b(?! (?:\w+r)\b)",
    r"\bcansad[oa] de (?:tudo|viver)\b",
    r"\bmelhor sem mim\b",
    r"\bsou um peso\b",
    r"\b(?:quero|queria) (?:sumir|desaparecer)\b",
    r"\b(?:nao acordar mais|nunca mais acordar)\b",
    r"\bnao existir\b",
    r"\b(?:no tengo|sin|perdi (?:toda )?la) esperanza\b",
    r"\bhart[oa] de vivir\b",
    r"\bno vale la pena (?:seguir|vivir)\b",
    r"\bdormir para siempre\b",
    r"\bojala no existiera\b",
    r"\bkeine hoffnung mehr\b",
    r"\bwird nie besser\b",
    r"\bich will nicht mehr(?= \.|$)",
    r"\bich wunschte,? ich ware nicht (?:da|hier)\b",
    r"\beinfach weg sein\b",
    r"\bplus d ?espoir\b",
    r"\bne sert a rien de continuer\b",
    r"\bfatiguee? de vivre\b",
    r"\bne plus etre la\b",
    r"\bdormir pour toujours\b",
    r"\bnao tenho mais esperanca\b",
    r"\bnao vale a pena continuar\b",
    r"\bcansei de viver\b",
    r"\bdormir para sempre\b",
    r"\bnao estar aqui\b",
)
