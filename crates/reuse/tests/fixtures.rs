//! Fictional articles for the integration tests, and helpers to build corpora from them.

use wiretrace_model::{Article, ArticleId};

/// A wire story (fictional), eight paragraphs.
pub const WIRE_FLOOD: &str = "Floodwaters rose through the centre of Marrowby on Tuesday after the River Esk burst its banks for the second time this winter, forcing 340 residents from their homes.\n\n\
Emergency crews in small boats moved from street to street through the morning, lifting elderly residents from upstairs windows while volunteers stacked sandbags outside the town's only pharmacy.\n\n\
\"We have never seen the water come up this quickly,\" said Helen Ashcroft, who runs the bakery on Bridge Street. \"By nine o'clock the ovens were standing in a foot of brown water.\"\n\n\
The regional council opened three rest centres in school halls on higher ground and said buses would run every hour from the market square until the evening.\n\n\
Forecasters warned that a further 40 millimetres of rain could fall on the upper valley overnight, and the environment agency kept its severe warning in place for the lower reaches of the river.\n\n\
Engineers have spent the past two years designing a flood wall for the town, but construction was delayed last autumn when the contractor went into administration.\n\n\
Councillor Tom Brierley said the wall would now be built by a new firm starting in March, with the cost of 6.2 million pounds shared between the council and central government.\n\n\
Insurers said they expected hundreds of claims and urged homeowners to photograph damage before beginning any clean-up work.";

/// A different story on the same topic (flooding), written independently.
pub const OTHER_FLOOD: &str = "Heavy rain caused flooding across the coastal villages of Saltmere and Dunwick overnight, closing the main road and cutting power to about 1,200 homes.\n\n\
Fire crews pumped water from a care home in Dunwick where staff had carried residents to the first floor, and no injuries were reported, a spokesman for the fire service said.\n\n\
The county council said its highways teams were clearing fallen trees and that the coast road would stay closed until the tide turned in the afternoon.\n\n\
Residents complained that drains along the seafront had not been cleared since the summer. \"Every time it rains we get a lake outside the post office,\" said shop owner Priya Nandakumar.\n\n\
Forecasters expect drier weather from Thursday, although strong winds could bring more disruption to ferry services at the weekend.";

/// A short wire item (fictional), one paragraph.
pub const SHORT_ITEM: &str = "The state railway company will raise fares on its intercity routes by four percent from the first of April, citing higher energy costs and the expense of replacing its ageing fleet of diesel trains, a spokeswoman confirmed on Monday evening.";

/// A Spanish wire story (fictional).
pub const ES_WIRE: &str = "El Ayuntamiento de Villaverde aprobó el jueves un plan para rehabilitar el antiguo mercado de abastos, cerrado desde hace más de una década por problemas en la estructura del tejado.\n\n\
Las obras costarán 3,4 millones de euros y se financiarán en parte con fondos europeos, según explicó la concejala de Urbanismo, Marta Echeverría, en una rueda de prensa.\n\n\
Los comerciantes del barrio recibieron la noticia con alivio. \"Llevamos años esperando que alguien se acordara de nosotros\", dijo Julián Ortega, que regenta una frutería frente al edificio.\n\n\
El proyecto prevé recuperar los puestos de la planta baja y abrir en el primer piso una escuela de cocina y un espacio para asociaciones vecinales.";

/// A Romanian wire story (fictional).
pub const RO_WIRE: &str = "Primăria orașului Vâlcele a anunțat marți că podul peste râul Olteț va fi închis circulației timp de trei luni, pentru lucrări de consolidare a pilonilor afectați de inundațiile din primăvară.\n\n\
Șoferii vor fi direcționați pe un drum ocolitor prin satul Bărbătești, ceea ce adaugă aproximativ doisprezece kilometri la traseul obișnuit spre reședința de județ.\n\n\
Primarul Ionel Dumitrescu a declarat că lucrările, în valoare de 8,5 milioane de lei, sunt finanțate integral de la bugetul de stat și că antreprenorul a promis finalizarea înainte de începerea anului școlar.\n\n\
Localnicii s-au plâns însă că transportul public nu a fost suplimentat, iar elevii navetiști vor pierde zilnic aproape o oră pe drum.";

/// A site boilerplate line that an outlet prints under every article.
pub const BOILERPLATE: &str = "Get the Valley Courier morning briefing delivered free to your inbox every weekday: sign up now and never miss a story from our newsroom.";

/// A tiny deterministic generator (splitmix64) for filler text.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xA5A5)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "harbour",
    "council",
    "ferry",
    "merger",
    "bank",
    "festival",
    "cathedral",
    "roof",
    "school",
    "meals",
    "tram",
    "depot",
    "wheat",
    "export",
    "ticket",
    "price",
    "dentist",
    "water",
    "survey",
    "station",
    "cattle",
    "market",
    "mill",
    "tender",
    "bus",
    "choir",
    "tour",
    "orchard",
    "bridge",
    "tunnel",
    "library",
    "museum",
    "stadium",
    "airport",
    "railway",
    "quarry",
    "vineyard",
    "brewery",
    "bakery",
    "clinic",
    "nurse",
    "teacher",
    "farmer",
    "miner",
    "sailor",
    "pilot",
    "judge",
    "budget",
    "loan",
    "tax",
    "grant",
    "pension",
    "salary",
    "rent",
    "mortgage",
    "invoice",
    "contract",
    "licence",
    "permit",
    "patent",
    "lawsuit",
    "verdict",
    "appeal",
    "election",
    "ballot",
    "senator",
    "minister",
    "governor",
    "mayor",
    "deputy",
    "committee",
    "union",
    "strike",
    "protest",
    "march",
    "rally",
    "storm",
    "drought",
    "frost",
    "harvest",
    "flood",
    "wildfire",
    "earthquake",
    "landslide",
    "avalanche",
    "heatwave",
    "monsoon",
    "typhoon",
    "blizzard",
    "copper",
    "steel",
    "cotton",
    "timber",
    "coffee",
    "cocoa",
    "sugar",
    "rice",
    "barley",
    "salmon",
    "cod",
    "oyster",
    "lamb",
    "cheese",
    "olive",
    "lemon",
    "apple",
    "violin",
    "piano",
    "opera",
    "ballet",
    "novel",
    "poem",
    "painting",
    "sculpture",
    "exhibition",
    "gallery",
    "theatre",
    "cinema",
    "concert",
    "engine",
    "battery",
    "turbine",
    "satellite",
    "rocket",
    "microchip",
    "software",
    "robot",
    "sensor",
    "cable",
    "antenna",
    "reactor",
    "pipeline",
    "glacier",
    "canyon",
    "island",
    "peninsula",
    "lagoon",
    "marsh",
    "forest",
    "meadow",
    "valley",
    "plateau",
    "volcano",
    "reef",
    "delta",
    "estuary",
    "announce",
    "reject",
    "welcome",
    "criticise",
    "postpone",
    "approve",
    "question",
    "defend",
    "review",
    "celebrate",
    "investigate",
    "predict",
    "fund",
    "abandon",
    "expand",
    "delay",
    "repair",
    "build",
    "close",
    "open",
    "sell",
    "buy",
    "lease",
    "inspect",
    "measure",
    "train",
    "hire",
    "dismiss",
    "elect",
    "appoint",
    "quickly",
    "rarely",
    "openly",
    "quietly",
    "sharply",
    "slowly",
    "firmly",
    "briefly",
    "fully",
    "partly",
    "northern",
    "southern",
    "eastern",
    "western",
    "coastal",
    "rural",
    "urban",
    "ancient",
    "modern",
    "private",
    "public",
    "local",
    "regional",
    "national",
    "cheaper",
    "costlier",
    "larger",
    "smaller",
    "older",
    "newer",
    "faster",
    "slower",
    "safer",
    "riskier",
    "busier",
    "quieter",
];
const FUNCTION: &[&str] = &[
    "the", "of", "and", "to", "in", "for", "on", "with", "by", "at", "from", "after", "before", "during",
    "about",
];

/// Returns an article-length text of random words (distinct for each seed): shares function words
/// and vocabulary with every other filler text, and practically never four words in a row.
pub fn filler(seed: u64, paragraphs: usize) -> String {
    let mut rng = Rng::new(seed);
    (0..paragraphs)
        .map(|_| {
            (0..3)
                .map(|_| {
                    let len = 12 + rng.below(10);
                    let mut s: Vec<String> = (0..len)
                        .map(|k| {
                            if k % 3 == 2 {
                                FUNCTION[rng.below(FUNCTION.len())].to_string()
                            } else {
                                WORDS[rng.below(WORDS.len())].to_string()
                            }
                        })
                        .collect();
                    let mut c = s[0].chars();
                    s[0] = c
                        .next()
                        .map(|f| f.to_uppercase().chain(c).collect())
                        .unwrap_or_default();
                    s.join(" ") + "."
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Returns an article with an id.
pub fn article(id: u32, text: impl Into<String>) -> Article {
    let mut a = Article::new(format!("fixtures/{id}.txt"), text);
    a.id = ArticleId(id);
    a
}

/// Returns the (a, b) ids of each pair.
pub fn ids(pairs: &[wiretrace_model::Pair]) -> Vec<(u32, u32)> {
    pairs.iter().map(|p| (p.a.0, p.b.0)).collect()
}
