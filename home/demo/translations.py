"""The demo content's Spanish and French, translated by hand.

Each entry is (English, Spanish, French), the English exactly as it is in `content.py` (and so in the segments
wagtail-localize extracts from the pages and snippets). The command stores them as manual StringTranslations, so a
translator opening these pages in wagtail-localize's editor finds every segment translated.

Only the pages named in HAND_TRANSLATED_PAGES (and every snippet) use them; the other pages are synced with their
English text until someone translates them.
"""

# The pages translated in full: the home page, the section pages, #SisterCitySunday, the Fort Lauderdale–Mataró
# partnership and its story. Keys as in content.py.
HAND_TRANSLATED_PAGES = (
    "home",
    "campaigns",
    "stories",
    "partnerships",
    "sister-city-sunday",
    "fort-lauderdale-mataro",
    "fort-lauderdale-mataro-trade-mission",
)

_ENTRIES = [
    # Focus areas.
    ("Arts & culture", "Artes y cultura", "Arts et culture"),
    (
        "Music, festivals, exhibitions and the artists who travel between partner cities.",
        "Música, festivales, exposiciones y los artistas que viajan entre ciudades hermanadas.",
        "Musique, festivals, expositions et les artistes qui voyagent entre villes jumelles.",
    ),
    ("Economic development & trade", "Desarrollo económico y comercio", "Développement économique et commerce"),
    (
        "Trade missions, business partnerships and the exchange of know-how between local economies.",
        "Misiones comerciales, alianzas empresariales y el intercambio de conocimientos entre economías locales.",
        "Missions commerciales, partenariats d'entreprises et échange de savoir-faire entre économies locales.",
    ),
    ("Peace & diplomacy", "Paz y diplomacia", "Paix et diplomatie"),
    (
        "Citizen diplomacy: the people-to-people ties that make peace between nations more likely.",
        "Diplomacia ciudadana: los lazos entre personas que hacen más probable la paz entre las naciones.",
        "Diplomatie citoyenne : les liens entre les personnes qui rendent la paix entre les nations plus probable.",
    ),
    ("Youth & education", "Juventud y educación", "Jeunesse et éducation"),
    (
        "School and university exchanges, youth leadership and study tours.",
        "Intercambios escolares y universitarios, liderazgo juvenil y viajes de estudio.",
        "Échanges scolaires et universitaires, leadership des jeunes et voyages d'études.",
    ),
    # Cities: the names stay as they are; the regions have their own names.
    ("Anderson", "Anderson", "Anderson"),
    ("South Carolina", "Carolina del Sur", "Caroline du Sud"),
    ("Carrickfergus", "Carrickfergus", "Carrickfergus"),
    ("Northern Ireland", "Irlanda del Norte", "Irlande du Nord"),
    ("Fort Lauderdale", "Fort Lauderdale", "Fort Lauderdale"),
    ("Florida", "Florida", "Floride"),
    ("Mataró", "Mataró", "Mataró"),
    ("Catalonia", "Cataluña", "Catalogne"),
    ("Nashville", "Nashville", "Nashville"),
    ("Tennessee", "Tennessee", "Tennessee"),
    ("Tamworth", "Tamworth", "Tamworth"),
    ("New South Wales", "Nueva Gales del Sur", "Nouvelle-Galles du Sud"),
    # Member associations and partner organisations.
    (
        "Anderson Sister Cities Association",
        "Asociación de Ciudades Hermanas de Anderson",
        "Association des villes jumelles d'Anderson",
    ),
    ("Sister Cities of Nashville", "Ciudades Hermanas de Nashville", "Villes jumelles de Nashville"),
    (
        "Delegation of the European Union to the United States",
        "Delegación de la Unión Europea en los Estados Unidos",
        "Délégation de l'Union européenne aux États-Unis",
    ),
    ("Sister Cities International", "Sister Cities International", "Sister Cities International"),
    # Calls to action.
    ("Take action", "Pasa a la acción", "Agir"),
    (
        "Join a campaign, host a visiting delegation or start a partnership in your own town.",
        "Súmate a una campaña, acoge a una delegación o pon en marcha un hermanamiento en tu ciudad.",
        "Rejoignez une campagne, accueillez une délégation ou lancez un jumelage dans votre ville.",
    ),
    ("Donate", "Donar", "Faire un don"),
    (
        "Your gift pays for youth exchanges, training for citizen diplomats and the tools members use.",
        "Tu donativo financia intercambios juveniles, la formación de diplomáticos ciudadanos y las herramientas que "
        "usan los miembros.",
        "Votre don finance des échanges de jeunes, la formation de diplomates citoyens et les outils dont se servent "
        "les membres.",
    ),
    # The home page.
    ("Home", "Inicio", "Accueil"),
    ("home", "inicio", "accueil"),
    (
        "Sister-city partnerships, the stories they produce and the campaigns that bring them together.",
        "Hermanamientos entre ciudades, las historias que generan y las campañas que los unen.",
        "Les jumelages entre villes, les histoires qu'ils font naître et les campagnes qui les rassemblent.",
    ),
    (
        "Peace through people, one partnership at a time",
        "La paz a través de las personas, un hermanamiento tras otro",
        "La paix par les peuples, un jumelage après l'autre",
    ),
    (
        "Twinning brings together the cities, towns and volunteers who keep sister-city partnerships alive: trade "
        "missions and harbour visits, songwriters' exchanges and study tours. Find a partnership near you, read what "
        "members have done, and join a campaign.",
        "Twinning reúne a las ciudades, los pueblos y los voluntarios que mantienen vivos los hermanamientos: "
        "misiones comerciales y visitas a puertos, intercambios de compositores y viajes de estudio. Encuentra un "
        "hermanamiento cerca de ti, lee lo que han hecho los miembros y súmate a una campaña.",
        "Twinning rassemble les villes, les villages et les bénévoles qui font vivre les jumelages : missions "
        "commerciales et visites de ports, échanges d'auteurs-compositeurs et voyages d'études. Trouvez un jumelage "
        "près de chez vous, découvrez ce que les membres ont accompli et rejoignez une campagne.",
    ),
    # The section pages.
    ("Campaigns", "Campañas", "Campagnes"),
    ("campaigns", "campanas", "campagnes"),
    (
        "Campaigns the network runs with its partners, online and in member cities. Those running now come first; "
        "the ones that have ended stay here as a record of what members did.",
        "Las campañas que la red lleva a cabo con sus socios, en internet y en las ciudades miembro. Primero "
        "aparecen las que están en curso; las que ya terminaron se quedan aquí como testimonio de lo que hicieron "
        "los miembros.",
        "Les campagnes que le réseau mène avec ses partenaires, en ligne et dans les villes membres. Celles qui sont "
        "en cours apparaissent en premier ; celles qui sont terminées restent ici, en souvenir de ce que les membres "
        "ont accompli.",
    ),
    ("Stories", "Historias", "Histoires"),
    ("stories", "historias", "histoires"),
    (
        "What members have done with their partnerships: trade missions, concerts, port tours and the friendships "
        "that come out of them. Written by members and staff, and sometimes first published elsewhere.",
        "Lo que los miembros han hecho con sus hermanamientos: misiones comerciales, conciertos, visitas a puertos y "
        "las amistades que nacen de ellos. Escritas por miembros y por el equipo, y a veces publicadas antes en "
        "otros medios.",
        "Ce que les membres ont fait de leurs jumelages : missions commerciales, concerts, visites de ports et les "
        "amitiés qui en naissent. Écrites par des membres et par l'équipe, et parfois publiées d'abord ailleurs.",
    ),
    ("Partnerships", "Hermanamientos", "Jumelages"),
    ("partnerships", "hermanamientos", "jumelages"),
    (
        "The partnerships between member cities and their sisters abroad. Filter by country or focus area to find "
        "one near you, or one working on what you care about.",
        "Los hermanamientos entre las ciudades miembro y sus ciudades hermanas en el extranjero. Filtra por país o "
        "por área de trabajo para encontrar uno cerca de ti, o uno que se dedique a lo que te importa.",
        "Les jumelages entre les villes membres et leurs villes jumelles à l'étranger. Filtrez par pays ou par "
        "domaine d'action pour en trouver un près de chez vous, ou un qui travaille sur ce qui vous tient à cœur.",
    ),
    # #SisterCitySunday.
    (
        "#SisterCitySunday",
        "#SisterCitySunday, el domingo de las ciudades hermanas",
        "#SisterCitySunday, le dimanche des villes jumelles",
    ),
    ("sister-city-sunday", "domingo-ciudades-hermanas", "dimanche-villes-jumelles"),
    (
        "#SisterCitySunday: sister-city stories from both sides of the Atlantic",
        "#SisterCitySunday: historias de ciudades hermanas a ambos lados del Atlántico",
        "#SisterCitySunday : histoires de villes jumelles des deux côtés de l'Atlantique",
    ),
    (
        "The 2016 online campaign by the EU Delegation to the United States and Sister Cities International.",
        "La campaña en línea de 2016 de la Delegación de la UE en los Estados Unidos y Sister Cities International.",
        "La campagne en ligne de 2016 de la Délégation de l'UE aux États-Unis et de Sister Cities International.",
    ),
    (
        "One hashtag, many friendships: the stories behind Europe's and America's sister cities.",
        "Un hashtag, muchas amistades: las historias que hay detrás de las ciudades hermanas de Europa y América.",
        "Un hashtag, de nombreuses amitiés : les histoires des villes jumelles d'Europe et d'Amérique.",
    ),
    (
        "An online campaign by the Delegation of the European Union to the United States and Sister Cities "
        "International, on the part people-to-people ties play in building peace.",
        "Una campaña en línea de la Delegación de la Unión Europea en los Estados Unidos y Sister Cities "
        "International sobre el papel que desempeñan los lazos entre personas en la construcción de la paz.",
        "Une campagne en ligne de la Délégation de l'Union européenne aux États-Unis et de Sister Cities "
        "International sur le rôle que jouent les liens entre les personnes dans la construction de la paix.",
    ),
    ("Why a hashtag", "¿Por qué un hashtag?", "Pourquoi un hashtag ?"),
    (
        "Peace between countries is usually told as a story of treaties and summits. #SisterCitySunday told another "
        "one: of the exchange students, the mayors, the musicians and the business owners whose friendships across "
        "the Atlantic have lasted longer than many governments.",
        "La paz entre países suele contarse como una historia de tratados y cumbres. #SisterCitySunday contó otra: "
        "la de los estudiantes de intercambio, los alcaldes, los músicos y los empresarios cuyas amistades a ambos "
        "lados del Atlántico han durado más que muchos gobiernos.",
        "La paix entre les pays se raconte d'ordinaire comme une histoire de traités et de sommets. "
        "#SisterCitySunday en a raconté une autre : celle des étudiants en échange, des maires, des musiciens et des "
        "chefs d'entreprise dont les amitiés par-delà l'Atlantique ont duré plus longtemps que bien des "
        "gouvernements.",
    ),
    (
        "From Sunday 2 October 2016, the campaign invited members on both sides of the ocean to share those stories "
        "online, with one hashtag, so that they could be seen together for once.",
        "A partir del domingo 2 de octubre de 2016, la campaña invitó a los miembros de ambos lados del océano a "
        "compartir esas historias en internet, con un mismo hashtag, para que por una vez pudieran verse todas "
        "juntas.",
        "À partir du dimanche 2 octobre 2016, la campagne a invité les membres des deux côtés de l'océan à partager "
        "ces histoires en ligne, avec un seul hashtag, pour qu'on puisse enfin les voir toutes ensemble.",
    ),
    (
        "Illustration: a ring of yellow stars on blue beside two speech bubbles, one with a hashtag.",
        "Ilustración: un círculo de estrellas amarillas sobre fondo azul junto a dos bocadillos, uno de ellos con un "
        "hashtag.",
        "Illustration : un cercle d'étoiles jaunes sur fond bleu à côté de deux bulles, dont l'une porte un hashtag.",
    ),
    (
        "#SisterCitySunday began on 2 October 2016.",
        "#SisterCitySunday comenzó el 2 de octubre de 2016.",
        "#SisterCitySunday a commencé le 2 octobre 2016.",
    ),
    ("Who ran it", "Quién la organizó", "Qui l'a organisée"),
    (
        "The campaign was a partnership between the Delegation of the European Union to the United States and "
        "Sister Cities International. Many American cities have a sister in a European Union country, and the "
        "campaign set out to show what those ties have built.",
        "La campaña fue una colaboración entre la Delegación de la Unión Europea en los Estados Unidos y Sister "
        "Cities International. Muchas ciudades estadounidenses tienen una ciudad hermana en un país de la Unión "
        "Europea, y la campaña se propuso mostrar lo que esos lazos han construido.",
        "La campagne était un partenariat entre la Délégation de l'Union européenne aux États-Unis et Sister Cities "
        "International. De nombreuses villes américaines ont une ville jumelle dans un pays de l'Union européenne, "
        "et la campagne a voulu montrer ce que ces liens ont permis de bâtir.",
    ),
    (
        "Partnerships across the Atlantic",
        "Hermanamientos a ambos lados del Atlántico",
        "Des jumelages par-delà l'Atlantique",
    ),
    # Fort Lauderdale – Mataró.
    ("Fort Lauderdale – Mataró", "Fort Lauderdale – Mataró", "Fort Lauderdale – Mataró"),
    ("fort-lauderdale-mataro", "fort-lauderdale-mataro", "fort-lauderdale-mataro"),
    (
        "Fort Lauderdale and Mataró: a sister-city partnership built on boats",
        "Fort Lauderdale y Mataró: un hermanamiento construido sobre barcos",
        "Fort Lauderdale et Mataró : un jumelage construit autour des bateaux",
    ),
    (
        "How Fort Lauderdale, Florida, and Mataró, Catalonia, share marine know-how, visits and students.",
        "Cómo Fort Lauderdale (Florida) y Mataró (Cataluña) comparten conocimientos náuticos, visitas y estudiantes.",
        "Comment Fort Lauderdale, en Floride, et Mataró, en Catalogne, partagent savoir-faire nautique, visites et "
        "étudiants.",
    ),
    (
        "Two harbour cities, an ocean apart, linked by the yachts they look after.",
        "Dos ciudades portuarias, separadas por un océano y unidas por los yates que cuidan.",
        "Deux villes portuaires, séparées par un océan et reliées par les yachts qu'elles entretiennent.",
    ),
    (
        "Two harbour cities, one on Florida's Atlantic coast and one on the Catalan Mediterranean, whose partnership "
        "is built on the boats they repair, service and berth.",
        "Dos ciudades portuarias, una en la costa atlántica de Florida y otra en el Mediterráneo catalán, cuyo "
        "hermanamiento se basa en los barcos que reparan, mantienen y amarran.",
        "Deux villes portuaires, l'une sur la côte atlantique de la Floride, l'autre sur la Méditerranée catalane, "
        "dont le jumelage repose sur les bateaux qu'elles réparent, entretiennent et accueillent à quai.",
    ),
    ("Built on marine industries", "Sobre los cimientos de la industria náutica", "Bâti sur les métiers de la mer"),
    (
        "Fort Lauderdale likes to call itself the yachting capital of the world, and its waterways back the claim: "
        "boatyards, marine engineers, riggers and upholsterers make a living from repairing and servicing yachts, "
        "many of which cross the Atlantic every year.",
        "A Fort Lauderdale le gusta llamarse la capital mundial del yate, y sus canales lo confirman: astilleros, "
        "ingenieros navales, aparejadores y tapiceros viven de reparar y mantener yates, muchos de los cuales cruzan "
        "el Atlántico cada año.",
        "Fort Lauderdale aime se présenter comme la capitale mondiale du yachting, et ses canaux lui donnent raison : "
        "chantiers navals, ingénieurs marins, gréeurs et selliers vivent de la réparation et de l'entretien de "
        "yachts, dont beaucoup traversent l'Atlantique chaque année.",
    ),
    (
        "Mataró, on the Maresme coast north of Barcelona, has turned its marina into the heart of a seafront that "
        "once belonged to textile mills. Its moorings, dry docks and the businesses around them serve the same kind "
        "of boats, on the other side of the ocean.",
        "Mataró, en la costa del Maresme, al norte de Barcelona, ha convertido su puerto deportivo en el corazón de "
        "un frente marítimo que antes pertenecía a las fábricas textiles. Sus amarres, sus diques secos y las "
        "empresas que los rodean atienden al mismo tipo de barcos, al otro lado del océano.",
        "Mataró, sur la côte du Maresme au nord de Barcelone, a fait de son port de plaisance le cœur d'un front de "
        "mer autrefois occupé par les filatures. Ses amarrages, ses cales sèches et les entreprises qui les "
        "entourent servent le même genre de bateaux, de l'autre côté de l'océan.",
    ),
    (
        "Illustration: sailing boats moored at the pontoons of a Mediterranean marina below a hillside town.",
        "Ilustración: veleros amarrados a los pantalanes de un puerto deportivo mediterráneo, al pie de un pueblo "
        "en la ladera.",
        "Illustration : des voiliers amarrés aux pontons d'un port de plaisance méditerranéen, au pied d'une ville à "
        "flanc de colline.",
    ),
    (
        "The marina is where Mataró's partnership with Fort Lauderdale began.",
        "El hermanamiento de Mataró con Fort Lauderdale comenzó en el puerto deportivo.",
        "C'est au port de plaisance qu'a commencé le jumelage de Mataró avec Fort Lauderdale.",
    ),
    (
        "The two cities found each other through that shared trade. A yacht that winters in Florida often spends "
        "its summer in the Mediterranean, and the people who look after it on each side have much to learn from one "
        "another: how to train young technicians, how to run a marina that welcomes visiting crews, how to keep a "
        "working waterfront alive next to homes and hotels.",
        "Las dos ciudades se encontraron gracias a ese oficio compartido. Un yate que pasa el invierno en Florida "
        "suele pasar el verano en el Mediterráneo, y quienes lo cuidan a cada lado tienen mucho que aprender unos de "
        "otros: cómo formar a jóvenes técnicos, cómo gestionar un puerto deportivo que acoja a las tripulaciones de "
        "paso, cómo mantener vivo un frente marítimo de trabajo junto a viviendas y hoteles.",
        "Les deux villes se sont trouvées grâce à ce métier commun. Un yacht qui hiverne en Floride passe souvent "
        "l'été en Méditerranée, et ceux qui s'en occupent de chaque côté ont beaucoup à apprendre les uns des "
        "autres : comment former de jeunes techniciens, comment gérer un port de plaisance qui accueille les "
        "équipages de passage, comment garder un port actif bien vivant à côté des logements et des hôtels.",
    ),
    (
        "Today the partnership brings together boatyards, marinas, schools and the two city halls. Members exchange "
        "visits, introduce businesses to their counterparts and welcome each other's students.",
        "Hoy el hermanamiento reúne a astilleros, puertos deportivos, escuelas y los dos ayuntamientos. Los miembros "
        "se visitan, ponen en contacto a las empresas con sus homólogas y acogen a los estudiantes de la otra "
        "ciudad.",
        "Aujourd'hui, le jumelage réunit chantiers navals, ports de plaisance, écoles et les deux mairies. Les "
        "membres échangent des visites, présentent les entreprises à leurs homologues et accueillent les élèves de "
        "l'autre ville.",
    ),
    (
        "Illustration: a motor yacht lifted out of the water for repairs, more yachts and palm trees at dusk.",
        "Ilustración: un yate a motor sacado del agua para su reparación, otros yates y palmeras al atardecer.",
        "Illustration : un yacht à moteur sorti de l'eau pour réparation, d'autres yachts et des palmiers au "
        "crépuscule.",
    ),
    (
        "Repair and servicing yards line Fort Lauderdale's waterways.",
        "Los talleres de reparación y mantenimiento se suceden a lo largo de los canales de Fort Lauderdale.",
        "Les chantiers de réparation et d'entretien bordent les canaux de Fort Lauderdale.",
    ),
    ("The partnership at a glance", "El hermanamiento de un vistazo", "Le jumelage en un coup d'œil"),
    ("2", "2", "2"),
    (
        "harbour cities, one on each side of the Atlantic",
        "ciudades portuarias, una a cada lado del Atlántico",
        "villes portuaires, une de chaque côté de l'Atlantique",
    ),
    ("Yachts", "Yates", "Yachts"),
    (
        "repaired and serviced in Fort Lauderdale",
        "reparados y mantenidos en Fort Lauderdale",
        "réparés et entretenus à Fort Lauderdale",
    ),
    ("Marina", "Puerto deportivo", "Port de plaisance"),
    (
        "at the heart of Mataró's seafront",
        "en el corazón del frente marítimo de Mataró",
        "au cœur du front de mer de Mataró",
    ),
    ("1", "1", "1"),
    (
        "trade mission that set new business afloat",
        "misión comercial que puso a flote nuevos negocios",
        "mission commerciale qui a mis à flot de nouvelles affaires",
    ),
    # The trade-mission story.
    (
        "How a trade mission to Mataró set new business afloat",
        "Cómo una misión comercial a Mataró puso a flote nuevos negocios",
        "Comment une mission commerciale à Mataró a mis à flot de nouvelles affaires",
    ),
    (
        "fort-lauderdale-mataro-trade-mission",
        "mision-comercial-fort-lauderdale-mataro",
        "mission-commerciale-fort-lauderdale-mataro",
    ),
    (
        "A Fort Lauderdale trade mission to Mataró",
        "Una misión comercial de Fort Lauderdale a Mataró",
        "Une mission commerciale de Fort Lauderdale à Mataró",
    ),
    (
        "Marine businesses from Fort Lauderdale visit Mataró's marina and come home with plans.",
        "Empresas náuticas de Fort Lauderdale visitan el puerto deportivo de Mataró y vuelven a casa con proyectos.",
        "Des entreprises nautiques de Fort Lauderdale visitent le port de plaisance de Mataró et rentrent avec des "
        "projets.",
    ),
    (
        "Boatyards, a sailmaker and a marine engineer cross the Atlantic, and business follows.",
        "Astilleros, un fabricante de velas y un ingeniero naval cruzan el Atlántico, y los negocios llegan después.",
        "Des chantiers navals, un maître voilier et un ingénieur marin traversent l'Atlantique, et les affaires "
        "suivent.",
    ),
    (
        "Marine businesses from Fort Lauderdale crossed the Atlantic to meet their counterparts in Mataró. They "
        "came home with more than business cards.",
        "Empresas náuticas de Fort Lauderdale cruzaron el Atlántico para conocer a sus homólogas de Mataró. "
        "Volvieron a casa con algo más que tarjetas de visita.",
        "Des entreprises nautiques de Fort Lauderdale ont traversé l'Atlantique pour rencontrer leurs homologues de "
        "Mataró. Elles sont rentrées avec bien plus que des cartes de visite.",
    ),
    (
        "The delegation was small: boatyard owners, a marine engineer, a sailmaker and people from the city's "
        "economic development office. Their hosts in Mataró walked them along the marina, through the dry docks and "
        "into the workshops where the yachts that summer in the Mediterranean are kept in shape.",
        "La delegación era pequeña: propietarios de astilleros, un ingeniero naval, un fabricante de velas y "
        "personal de la oficina de desarrollo económico de la ciudad. Sus anfitriones en Mataró los llevaron a "
        "recorrer el puerto deportivo, los diques secos y los talleres donde se ponen a punto los yates que veranean "
        "en el Mediterráneo.",
        "La délégation était modeste : des patrons de chantiers navals, un ingénieur marin, un maître voilier et des "
        "agents du service de développement économique de la ville. Leurs hôtes à Mataró les ont emmenés le long du "
        "port de plaisance, à travers les cales sèches et jusque dans les ateliers où l'on entretient les yachts qui "
        "passent l'été en Méditerranée.",
    ),
    (
        "Illustration: a dotted sea route between two coasts, a yacht on the way and two hands shaking.",
        "Ilustración: una ruta marítima punteada entre dos costas, un yate en camino y dos manos que se estrechan.",
        "Illustration : une route maritime en pointillés entre deux côtes, un yacht en chemin et deux mains qui se "
        "serrent.",
    ),
    (
        "The mission followed the route many yachts take every year.",
        "La misión siguió la ruta que muchos yates recorren cada año.",
        "La mission a suivi la route que de nombreux yachts empruntent chaque année.",
    ),
    ("From visits to business", "De las visitas a los negocios", "Des visites aux affaires"),
    (
        "What started as courtesy visits turned into a list of plans. Yards on each side agreed to refer yachts to "
        "one another as they cross the ocean with the seasons. Two businesses began talking about a joint stand at "
        "boat shows in Europe and the United States. And the marine-trades schools in both cities looked at how "
        "their apprentices might spend a season on the other side.",
        "Lo que empezó como visitas de cortesía se convirtió en una lista de proyectos. Los astilleros de ambas "
        "orillas acordaron recomendarse yates cuando estos cruzan el océano con el cambio de estación. Dos empresas "
        "empezaron a hablar de un estand conjunto en salones náuticos de Europa y de los Estados Unidos. Y las "
        "escuelas de oficios náuticos de las dos ciudades estudiaron cómo sus aprendices podrían pasar una temporada "
        "al otro lado.",
        "Ce qui avait commencé par des visites de courtoisie s'est transformé en une liste de projets. Les chantiers "
        "de chaque côté ont convenu de se recommander des yachts lorsqu'ils traversent l'océan au gré des saisons. "
        "Deux entreprises ont commencé à parler d'un stand commun dans des salons nautiques en Europe et aux "
        "États-Unis. Et les écoles des métiers de la mer des deux villes ont étudié comment leurs apprentis "
        "pourraient passer une saison de l'autre côté.",
    ),
    (
        "None of it needed a treaty or a large budget. It needed people who already knew each other, and a "
        "partnership that gave them a reason to meet.",
        "Nada de esto necesitó un tratado ni un gran presupuesto. Bastó con personas que ya se conocían y un "
        "hermanamiento que les dio un motivo para encontrarse.",
        "Rien de tout cela n'a demandé de traité ni de gros budget. Il a suffi de gens qui se connaissaient déjà, et "
        "d'un jumelage qui leur a donné une raison de se rencontrer.",
    ),
    (
        "Back home in Fort Lauderdale, the referrals began to arrive.",
        "De vuelta en Fort Lauderdale, empezaron a llegar los primeros clientes recomendados.",
        "De retour à Fort Lauderdale, les premières recommandations ont commencé à arriver.",
    ),
    ("The mission in brief", "La misión en pocas palabras", "La mission en bref"),
    ("week in Mataró", "semana en Mataró", "semaine à Mataró"),
    ("3", "3", "3"),
    (
        "new initiatives between the two waterfronts",
        "nuevas iniciativas entre los dos puertos",
        "nouvelles initiatives entre les deux fronts de mer",
    ),
]

# {language code: {English: translation}}
TRANSLATIONS = {
    "es": {english: spanish for english, spanish, _french in _ENTRIES},
    "fr": {english: french for english, _spanish, french in _ENTRIES},
}
