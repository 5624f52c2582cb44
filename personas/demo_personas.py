"""The sixteen demo personas: fictional young people, written for this platform.

Each entry: slug, name, age, region slug, characteristic codes, quote, story,
situations {levensgebied slug: text}, what helps, what does not help.
"""

PERSONAS = [
    {
        "name": "Sanne",
        "age": 16,
        "region": "hengelo",
        "kenmerken": ["GSQ", "JH"],
        "quote": "Op school zag niemand dat het thuis misging.",
        "story": "Sanne zat in het derde jaar van het vmbo toen haar ouders uit elkaar gingen. "
        "Ze verhuisde twee keer in een jaar en haakte af.\n\nSinds een half jaar staat ze "
        "nergens meer ingeschreven. Een jeugdhulpverlener komt elke week langs, maar Sanne "
        "weet niet goed wat ze wil.",
        "situations": {
            "scholing": "Uitgeschreven van het vmbo, de leerplichtambtenaar zoekt contact.",
            "wonen": "Woont bij haar moeder in een te kleine huurwoning.",
            "vrienden": "Ziet vooral vrienden online; overdag is ze veel alleen.",
        },
        "helps": ["Eén vaste persoon die ook na haar 18e blijft", "Een opleiding die klein begint"],
        "not_helps": ["Steeds nieuwe hulpverleners", "Brieven met dreigende taal"],
    },
    {
        "name": "Milan",
        "age": 17,
        "region": "venlo",
        "kenmerken": ["GSQ", "JH", "NEET"],
        "quote": "Ik wil gewoon geld verdienen, niet nog een jaar in de klas.",
        "story": "Milan heeft een verleden in de jeugdzorg en wisselde vaak van school. Hij "
        "is handig met scooters en wil monteur worden.\n\nSinds de zomer doet hij niets: geen "
        "school, geen werk. Zijn oom laat hem soms meehelpen in de garage.",
        "situations": {
            "werk": "Klust zwart bij zijn oom en wil een echte baan.",
            "scholing": "Gestopt met de entreeopleiding.",
            "vrije-tijd": "Hangt 's avonds rond met oudere jongens.",
        },
        "helps": [
            "Leren in de werkplaats in plaats van in een lokaal",
            "Iemand die zijn taal spreekt",
        ],
        "not_helps": ["Lange wachtlijsten", "Praten over hem in plaats van met hem"],
    },
    {
        "name": "Aya",
        "age": 18,
        "region": "dordrecht",
        "kenmerken": ["JH", "NEZ", "UITK"],
        "quote": "Op mijn achttiende verjaardag moest ik ineens alles zelf regelen.",
        "story": "Aya woonde vier jaar in een leefgroep. Toen ze 18 werd, stopte haar "
        "jeugdhulp en moest ze een kamer, zorgverzekering en inkomen regelen.\n\nNu heeft ze "
        "een bijstandsuitkering en een kamer via een begeleid-wonenproject.",
        "situations": {
            "wonen": "Kamer in een project voor begeleid wonen, voor een jaar.",
            "inkomen": "Bijstandsuitkering, net genoeg voor de vaste lasten.",
            "zorg": "Wacht op een plek bij de ggz voor volwassenen.",
        },
        "helps": [
            "Een warme overdracht van jeugdhulp naar volwassenenzorg",
            "Hulp bij formulieren",
        ],
        "not_helps": ["Een harde grens op de dag dat ze 18 werd"],
    },
    {
        "name": "Daan",
        "age": 19,
        "region": "apeldoorn",
        "kenmerken": ["GSQ", "NEET", "NEZ", "UITK"],
        "quote": "Ze zeggen dat ik te langzaam ben, maar ik werk heel precies.",
        "story": "Daan heeft een licht verstandelijke beperking en haalde zijn diploma op het "
        "praktijkonderwijs. Een stage in een magazijn liep mis toen zijn begeleider vertrok."
        "\n\nSindsdien zit hij thuis met een uitkering en speelt hij veel games.",
        "situations": {
            "werk": "Zoekt werk met een vaste begeleider op de werkvloer.",
            "inkomen": "Uitkering; zijn moeder beheert zijn geld.",
            "vrienden": "Vrienden van school ziet hij bijna niet meer.",
        },
        "helps": ["Duidelijke taken en vaste tijden", "Een jobcoach die blijft"],
        "not_helps": ["Ingewikkelde brieven", "Een traject dat na drie maanden stopt"],
    },
    {
        "name": "Yusuf",
        "age": 20,
        "region": "arnhem",
        "kenmerken": ["GSQ", "NEZ"],
        "quote": "Ik wil mijn diploma uit Eritrea laten tellen, maar niemand weet hoe.",
        "story": "Yusuf kwam als minderjarige zonder ouders naar Nederland. Hij spreekt goed "
        "Nederlands en werkt parttime in een supermarkt.\n\nZijn schoolopleiding telt hier "
        "niet mee, dus officieel heeft hij geen startkwalificatie.",
        "situations": {
            "scholing": "Zoekt een mbo-opleiding in de techniek die past bij zijn werk.",
            "inkomen": "Parttime loon, te weinig om zelfstandig van te leven.",
            "relaties": "Mist zijn familie; belt elke week met zijn zus.",
        },
        "helps": ["Erkenning van wat hij al kan", "Een mentor uit de buurt"],
        "not_helps": ["Telkens opnieuw zijn verhaal moeten vertellen"],
    },
    {
        "name": "Lisa",
        "age": 21,
        "region": "leiden",
        "kenmerken": ["GSQ", "NEZ"],
        "quote": "Ik werk vijf dagen in de week en slaap nog steeds op de bank van een vriendin.",
        "story": "Lisa stopte op haar zestiende met school en werkt sindsdien in de horeca. "
        "Ze is betrouwbaar en haar baas wil haar houden.\n\nMaar zonder vast contract en "
        "met een laag loon vindt ze geen eigen woonruimte.",
        "situations": {
            "wonen": "Geen eigen adres; logeert bij vrienden.",
            "werk": "Werkt in een restaurant met een nulurencontract.",
            "inkomen": "Wisselend inkomen, geen buffer.",
        },
        "helps": [
            "Een briefadres en voorrang voor werkende jongeren",
            "Een leerwerkplek met diploma",
        ],
        "not_helps": ["Wachtlijsten van tien jaar voor een woning"],
    },
    {
        "name": "Kevin",
        "age": 22,
        "region": "dordrecht",
        "kenmerken": ["GSQ", "JH", "NEET", "NEZ", "UITK"],
        "quote": "Als de post binnenkomt, leg ik hem ongeopend in een la.",
        "story": "Kevin groeide op in een pleeggezin en heeft schulden van zijn telefoon en een "
        "boete die opliep. Hij raakte zijn kamer kwijt.\n\nHij heeft een uitkering, maar "
        "die gaat grotendeels op aan aflossingen.",
        "situations": {
            "inkomen": "Schulden bij vijf partijen; geen overzicht.",
            "wonen": "Dakloos, slaapt afwisselend bij vrienden en in de opvang.",
            "zorg": "Drinkt veel om te kunnen slapen.",
        },
        "helps": ["Eén plan voor schulden, wonen en zorg samen", "Een rustige plek om te slapen"],
        "not_helps": ["Eerst schulden oplossen voordat hij woonruimte krijgt"],
    },
    {
        "name": "Fatima",
        "age": 23,
        "region": "leiden",
        "kenmerken": ["GSQ", "NEZ", "UITK"],
        "quote": "Voor mijn zoon wil ik laten zien dat het anders kan.",
        "story": "Fatima werd op haar negentiende moeder en stopte toen met haar opleiding "
        "tot doktersassistent. Ze woont alleen met haar zoontje.\n\nZe wil graag weer "
        "leren, maar opvang en reistijd maken dat lastig.",
        "situations": {
            "scholing": "Wil haar mbo-opleiding afmaken in deeltijd.",
            "inkomen": "Bijstand en kindgebonden budget.",
            "relaties": "Haar moeder past twee dagen per week op.",
        },
        "helps": ["Kinderopvang die meebeweegt met lestijden", "Een opleiding dichtbij huis"],
        "not_helps": ["Een sollicitatieplicht die geen rekening houdt met haar kind"],
    },
    {
        "name": "Jesse",
        "age": 24,
        "region": "venlo",
        "kenmerken": ["NEET", "NEZ", "UITK"],
        "quote": "Op papier ben ik hoogopgeleid. In mijn hoofd was het chaos.",
        "story": "Jesse studeerde bouwkunde aan het hbo tot een depressie hem stillegde. Hij "
        "woont weer bij zijn ouders.\n\nMet behandeling gaat het beter, en hij wil "
        "voorzichtig iets gaan doen, maar weet niet waar hij moet beginnen.",
        "situations": {
            "zorg": "In behandeling bij de ggz, gaat elke twee weken.",
            "werk": "Wil vrijwilligerswerk als eerste stap.",
            "vrije-tijd": "Fietst veel; dat helpt hem om rustig te worden.",
        },
        "helps": ["Kleine stappen in zijn eigen tempo", "Werk waarbij hij iets kan maken"],
        "not_helps": ["De vraag waarom hij nog niet werkt"],
    },
    {
        "name": "Noor",
        "age": 25,
        "region": "arnhem",
        "kenmerken": ["GSQ", "JH", "NEZ", "UITK"],
        "quote": "Voor het eerst zegt iemand dat ik goed ben in iets.",
        "story": "Noor heeft jarenlang in de bijstand gezeten. Via de gemeente volgt ze nu een "
        "leerwerktraject in de zorg: drie dagen werken, een dag school.\n\nHaar uitkering "
        "wordt aangevuld zolang ze leert. Ze is bang dat ze bij een tegenvaller terugvalt.",
        "situations": {
            "werk": "Leerwerkplek in een verpleeghuis.",
            "scholing": "Volgt mbo-2 helpende zorg en welzijn.",
            "inkomen": "Aanvullende bijstand tijdens het traject.",
        },
        "helps": ["Een werkbegeleider die haar vertrouwt", "Inkomenszekerheid tijdens het leren"],
        "not_helps": ["Verrekeningen die elke maand anders uitvallen"],
    },
    {
        "name": "Ricardo",
        "age": 26,
        "region": "hengelo",
        "kenmerken": ["GSQ", "NEET", "NEZ", "UITK"],
        "quote": "Ik heb mijn straf uitgezeten. Nu wil ik een tweede kans.",
        "story": "Ricardo kwam een jaar geleden uit detentie. Hij heeft een VOG nodig voor de "
        "meeste banen en krijgt die niet.\n\nHij woont in een kamer via de reclassering "
        "en zoekt werk in de bouw of de groenvoorziening.",
        "situations": {
            "werk": "Solliciteert veel, maar wordt afgewezen op zijn verleden.",
            "wonen": "Tijdelijke kamer via de reclassering.",
            "vrienden": "Houdt afstand van oude vrienden om niet terug te vallen.",
        },
        "helps": ["Werkgevers die kijken naar wie hij nu is", "Een maatje buiten de hulpverlening"],
        "not_helps": ["Steeds opnieuw de deur dicht"],
    },
    {
        "name": "Emma",
        "age": 19,
        "region": "apeldoorn",
        "kenmerken": ["GSQ", "NEET"],
        "quote": "Iemand moet voor mama zorgen, en dat ben ik.",
        "story": "Emma zorgt sinds haar vijftiende voor haar moeder, die ernstig ziek is. Ze "
        "stopte met haar mbo-opleiding omdat ze te vaak afwezig was.\n\nZe voelt zich "
        "schuldig als ze iets voor zichzelf doet.",
        "situations": {
            "zorg": "Jonge mantelzorger, zonder eigen ondersteuning.",
            "scholing": "Gestopt in het eerste jaar van het mbo.",
            "vrije-tijd": "Heeft geen tijd voor sport of hobby's.",
        },
        "helps": ["Respijtzorg zodat ze even weg kan", "Een school die haar zorgtaak snapt"],
        "not_helps": ["Verzuimmeldingen zonder gesprek"],
    },
    {
        "name": "Tim",
        "age": 27,
        "region": "apeldoorn",
        "kenmerken": ["JH", "NEZ", "UITK"],
        "quote": "Ik heb het liefst elke dag hetzelfde rooster.",
        "story": "Tim heeft autisme en kreeg als kind veel jeugdhulp. Hij werkt vier ochtenden "
        "per week bij een fietsenmaker via een beschut-werkplek.\n\nHij woont zelfstandig "
        "met ambulante begeleiding en is daar trots op.",
        "situations": {
            "werk": "Beschut werk bij een fietsenmaker.",
            "wonen": "Eigen appartement met begeleiding aan huis.",
            "inkomen": "Loon aangevuld met een uitkering.",
        },
        "helps": ["Voorspelbaarheid en vaste gezichten", "Uitleg vooraf als er iets verandert"],
        "not_helps": ["Onaangekondigde wisselingen van begeleider"],
    },
    {
        "name": "Sara",
        "age": 20,
        "region": "venlo",
        "kenmerken": ["JH", "NEZ"],
        "quote": "Mijn pleegouders zijn er nog, ook al hoeft dat niet meer.",
        "story": "Sara woonde van haar achtste tot haar achttiende in een pleeggezin. Ze "
        "studeert nu voor verpleegkundige op het mbo.\n\nHaar studiefinanciering en "
        "bijbaan zijn net niet genoeg, en ze durft geen lening te nemen.",
        "situations": {
            "scholing": "Derdejaars mbo-4 verpleegkunde.",
            "inkomen": "Studiefinanciering en een bijbaan in de thuiszorg.",
            "relaties": "Nog steeds contact met haar pleegouders.",
        },
        "helps": ["Pleegzorg die tot 21 door kan lopen", "Uitleg over geldzaken zonder oordeel"],
        "not_helps": ["Het idee dat ze op haar achttiende klaar moest zijn"],
    },
    {
        "name": "Mohamed",
        "age": 18,
        "region": "dordrecht",
        "kenmerken": ["GSQ", "JH", "NEET"],
        "quote": "De straat is niet spannend, maar thuis is het nog saaier.",
        "story": "Mohamed verliet de school zonder diploma en kwam in beeld bij het RMC. Hij "
        "heeft hulp gehad na een paar incidenten in de buurt.\n\nDe jongerenwerker kent "
        "hem goed en probeert hem naar een sportopleiding te krijgen.",
        "situations": {
            "scholing": "Voortijdig schoolverlater, in contact met het RMC.",
            "vrije-tijd": "Voetbalt in het buurtteam van de jongerenwerker.",
            "vrienden": "Zijn vriendengroep trekt hem soms de verkeerde kant op.",
        },
        "helps": ["Een jongerenwerker die hij vertrouwt", "Sport als ingang naar opleiding"],
        "not_helps": ["Alleen aangesproken worden als er iets misgaat"],
    },
    {
        "name": "Lotte",
        "age": 23,
        "region": "hengelo",
        "kenmerken": ["NEET", "NEZ"],
        "quote": "Ik dacht dat ik alles tegelijk moest kunnen.",
        "story": "Lotte werkte naast haar studie twee banen en kreeg een burn-out. Ze stopte "
        "met allebei en woont weer bij haar ouders.\n\nNa een jaar rust wil ze opnieuw "
        "beginnen met een opleiding die beter bij haar past.",
        "situations": {
            "zorg": "Herstellende van een burn-out, met hulp van de huisarts.",
            "wonen": "Woont tijdelijk weer thuis.",
            "scholing": "Oriënteert zich op een nieuwe opleiding.",
        },
        "helps": ["Ruimte om te herstellen zonder haast", "Een studiekeuzegesprek zonder druk"],
        "not_helps": ["Vergelijkingen met leeftijdsgenoten die al werken"],
    },
]

KENMERKEN = [
    (
        "GSQ",
        "Geen startkwalificatie",
        "Jongere die niet meer leerplichtig is en geen havo-, vwo- of mbo-2-diploma heeft.",
    ),
    (
        "NEET",
        "Geen werk of opleiding",
        "Jongere die niet werkt en ook geen onderwijs of training volgt.",
    ),
    ("UITK", "Uitkering", "Ontvangt een bijstands-, WW- of arbeidsongeschiktheidsuitkering."),
    ("JH", "Jeugdhulp gehad", "Heeft in de afgelopen vijf jaar jeugdhulp ontvangen."),
    (
        "NEZ",
        "Niet economisch zelfstandig",
        "Het eigen inkomen ligt onder het niveau van de bijstand voor een alleenstaande.",
    ),
]
