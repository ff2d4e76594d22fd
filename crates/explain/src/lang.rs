//! Per-language data tables: speech verbs, pronouns, number words, scale words, abbreviations,
//! function words and credit-line vocabulary.
//!
//! Input → output: a language code (`en`, `es`, `pt`, `fr`, `ro`, `de`, …) → static word lists.
//! Method: plain tables, all lowercase and diacritic-folded (see [`wiretrace_text::fold`]), so lookups
//! fold the word first. Unknown languages get the union of every table, which costs a little precision
//! and no recall. Guarantees: lookups are pure and deterministic.

use wiretrace_text::fold;

/// The languages that have their own tables.
pub const LANGUAGES: &[&str] = &["en", "es", "pt", "fr", "ro", "de", "it"];

/// Speech verbs (folded inflected forms) that attribute a quotation to a speaker.
fn speech_verbs(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &[
            "said",
            "says",
            "say",
            "told",
            "tells",
            "added",
            "adds",
            "wrote",
            "writes",
            "explained",
            "explains",
            "stated",
            "states",
            "asked",
            "asks",
            "insisted",
            "insists",
            "warned",
            "warns",
            "claimed",
            "claims",
            "argued",
            "argues",
            "declared",
            "declares",
            "noted",
            "notes",
            "replied",
            "replies",
            "continued",
            "announced",
            "admitted",
            "admits",
            "commented",
            "remarked",
            "recalled",
            "suggested",
            "informed",
            "believes",
            "believed",
            "acknowledged",
            "conceded",
            "stressed",
            "urged",
            "tweeted",
            "posted",
            "confirmed",
            "concluded",
            "observed",
            "reported",
            "maintained",
            "quipped",
            "joked",
            "predicted",
        ],
        "es" => &[
            "dijo",
            "dice",
            "afirmo",
            "afirma",
            "declaro",
            "declara",
            "explico",
            "explica",
            "anadio",
            "anade",
            "senalo",
            "senala",
            "aseguro",
            "asegura",
            "indico",
            "indica",
            "escribio",
            "escribe",
            "comento",
            "comenta",
            "sostuvo",
            "sostiene",
            "advirtio",
            "advierte",
            "manifesto",
            "pregunto",
            "respondio",
            "insistio",
            "subrayo",
            "destaco",
            "agrego",
            "agrega",
            "expreso",
            "conto",
            "reconocio",
        ],
        "pt" => &[
            "disse",
            "diz",
            "afirmou",
            "afirma",
            "declarou",
            "declara",
            "explicou",
            "explica",
            "acrescentou",
            "acrescenta",
            "escreveu",
            "escreve",
            "comentou",
            "comenta",
            "garantiu",
            "garante",
            "sublinhou",
            "destacou",
            "referiu",
            "salientou",
            "observou",
            "respondeu",
            "perguntou",
            "avisou",
            "alertou",
            "contou",
            "reconheceu",
            "frisou",
            "sustentou",
        ],
        "fr" => &[
            "a dit",
            "dit",
            "declare",
            "a declare",
            "affirme",
            "a affirme",
            "explique",
            "a explique",
            "ajoute",
            "a ajoute",
            "ecrit",
            "a ecrit",
            "souligne",
            "a souligne",
            "indique",
            "a indique",
            "estime",
            "a estime",
            "precise",
            "a precise",
            "assure",
            "a assure",
            "raconte",
            "confie",
            "lance",
            "martele",
            "commente",
            "repond",
            "avertit",
            "insiste",
            "reconnait",
            "admet",
            "poursuit",
            "conclut",
            "note",
            "rappelle",
            "observe",
            "declarait",
            "disait",
        ],
        "ro" => &[
            "a spus",
            "spune",
            "a declarat",
            "declara",
            "a afirmat",
            "afirma",
            "a explicat",
            "explica",
            "a adaugat",
            "adauga",
            "a scris",
            "scrie",
            "a precizat",
            "precizeaza",
            "a subliniat",
            "subliniaza",
            "a aratat",
            "arata",
            "a comentat",
            "a mentionat",
            "mentioneaza",
            "a raspuns",
            "a intrebat",
            "a avertizat",
            "a sustinut",
            "sustine",
            "a recunoscut",
            "a transmis",
            "a anuntat",
        ],
        "de" => &[
            "sagte",
            "sagt",
            "erklarte",
            "erklart",
            "betonte",
            "betont",
            "schrieb",
            "schreibt",
            "fugte",
            "hinzu",
            "meinte",
            "meint",
            "sagten",
            "erklarten",
            "warnte",
            "warnt",
            "antwortete",
            "fragte",
            "berichtete",
            "behauptete",
            "behauptet",
            "kritisierte",
            "so",
            "teilte",
            "mit",
            "erzahlte",
            "versicherte",
            "unterstrich",
            "raumte",
            "bekraftigte",
            "ergänzte",
            "erganzte",
        ],
        "it" => &[
            "ha detto",
            "detto",
            "dice",
            "ha dichiarato",
            "dichiara",
            "ha affermato",
            "afferma",
            "ha spiegato",
            "spiega",
            "ha aggiunto",
            "aggiunge",
            "ha scritto",
            "scrive",
            "ha sottolineato",
            "sottolinea",
        ],
        _ => &[],
    }
}

/// Phrases ("according to") that introduce a speaker after them.
fn according_to(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &["according to", "quoted by", "in the words of"],
        "es" => &["segun", "de acuerdo con", "en palabras de"],
        "pt" => &["segundo", "de acordo com", "conforme", "nas palavras de"],
        "fr" => &["selon", "d'apres", "aux dires de", "pour"],
        "ro" => &[
            "potrivit lui",
            "potrivit",
            "conform",
            "dupa cum a spus",
            "in opinia lui",
        ],
        "de" => &["laut", "zufolge", "nach angaben von", "so"],
        "it" => &["secondo", "stando a"],
        _ => &[],
    }
}

/// Personal pronouns (third person) that point back to the last named speaker.
fn pronouns(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &["he", "she", "they", "him", "her"],
        "es" => &["el", "ella", "ellos", "ellas"],
        "pt" => &["ele", "ela", "eles", "elas"],
        "fr" => &["il", "elle", "ils", "elles"],
        "ro" => &["el", "ea", "ei", "ele", "acesta", "aceasta"],
        "de" => &["er", "sie"],
        "it" => &["lui", "lei", "egli", "ella"],
        _ => &[],
    }
}

/// Written-out numbers: (folded word, value, is_scale). Scales multiply what precedes them.
fn number_words(lang: &str) -> &'static [(&'static str, f64, bool)] {
    match lang {
        "en" => &[
            ("zero", 0.0, false),
            ("one", 1.0, false),
            ("two", 2.0, false),
            ("three", 3.0, false),
            ("four", 4.0, false),
            ("five", 5.0, false),
            ("six", 6.0, false),
            ("seven", 7.0, false),
            ("eight", 8.0, false),
            ("nine", 9.0, false),
            ("ten", 10.0, false),
            ("eleven", 11.0, false),
            ("twelve", 12.0, false),
            ("thirteen", 13.0, false),
            ("fourteen", 14.0, false),
            ("fifteen", 15.0, false),
            ("sixteen", 16.0, false),
            ("seventeen", 17.0, false),
            ("eighteen", 18.0, false),
            ("nineteen", 19.0, false),
            ("twenty", 20.0, false),
            ("thirty", 30.0, false),
            ("forty", 40.0, false),
            ("fifty", 50.0, false),
            ("sixty", 60.0, false),
            ("seventy", 70.0, false),
            ("eighty", 80.0, false),
            ("ninety", 90.0, false),
            ("hundred", 100.0, true),
            ("thousand", 1e3, true),
            ("million", 1e6, true),
            ("billion", 1e9, true),
            ("trillion", 1e12, true),
            ("dozen", 12.0, false),
            ("millions", 1e6, true),
            ("billions", 1e9, true),
        ],
        "es" => &[
            ("cero", 0.0, false),
            ("uno", 1.0, false),
            ("una", 1.0, false),
            ("dos", 2.0, false),
            ("tres", 3.0, false),
            ("cuatro", 4.0, false),
            ("cinco", 5.0, false),
            ("seis", 6.0, false),
            ("siete", 7.0, false),
            ("ocho", 8.0, false),
            ("nueve", 9.0, false),
            ("diez", 10.0, false),
            ("once", 11.0, false),
            ("doce", 12.0, false),
            ("trece", 13.0, false),
            ("catorce", 14.0, false),
            ("quince", 15.0, false),
            ("veinte", 20.0, false),
            ("treinta", 30.0, false),
            ("cuarenta", 40.0, false),
            ("cincuenta", 50.0, false),
            ("sesenta", 60.0, false),
            ("setenta", 70.0, false),
            ("ochenta", 80.0, false),
            ("noventa", 90.0, false),
            ("cien", 100.0, false),
            ("ciento", 100.0, false),
            ("mil", 1e3, true),
            ("millon", 1e6, true),
            ("millones", 1e6, true),
            ("billon", 1e12, true),
            ("billones", 1e12, true),
        ],
        "pt" => &[
            ("zero", 0.0, false),
            ("um", 1.0, false),
            ("uma", 1.0, false),
            ("dois", 2.0, false),
            ("duas", 2.0, false),
            ("tres", 3.0, false),
            ("quatro", 4.0, false),
            ("cinco", 5.0, false),
            ("seis", 6.0, false),
            ("sete", 7.0, false),
            ("oito", 8.0, false),
            ("nove", 9.0, false),
            ("dez", 10.0, false),
            ("onze", 11.0, false),
            ("doze", 12.0, false),
            ("vinte", 20.0, false),
            ("trinta", 30.0, false),
            ("quarenta", 40.0, false),
            ("cinquenta", 50.0, false),
            ("cem", 100.0, false),
            ("mil", 1e3, true),
            ("milhao", 1e6, true),
            ("milhoes", 1e6, true),
            ("bilhao", 1e9, true),
            ("bilhoes", 1e9, true),
            ("milhares", 1e3, true),
        ],
        "fr" => &[
            ("zero", 0.0, false),
            ("un", 1.0, false),
            ("une", 1.0, false),
            ("deux", 2.0, false),
            ("trois", 3.0, false),
            ("quatre", 4.0, false),
            ("cinq", 5.0, false),
            ("six", 6.0, false),
            ("sept", 7.0, false),
            ("huit", 8.0, false),
            ("neuf", 9.0, false),
            ("dix", 10.0, false),
            ("onze", 11.0, false),
            ("douze", 12.0, false),
            ("vingt", 20.0, false),
            ("trente", 30.0, false),
            ("quarante", 40.0, false),
            ("cinquante", 50.0, false),
            ("soixante", 60.0, false),
            ("cent", 100.0, true),
            ("mille", 1e3, true),
            ("million", 1e6, true),
            ("millions", 1e6, true),
            ("milliard", 1e9, true),
            ("milliards", 1e9, true),
        ],
        "ro" => &[
            ("zero", 0.0, false),
            ("unu", 1.0, false),
            ("doi", 2.0, false),
            ("doua", 2.0, false),
            ("trei", 3.0, false),
            ("patru", 4.0, false),
            ("cinci", 5.0, false),
            ("sase", 6.0, false),
            ("sapte", 7.0, false),
            ("opt", 8.0, false),
            ("noua", 9.0, false),
            ("zece", 10.0, false),
            ("douazeci", 20.0, false),
            ("treizeci", 30.0, false),
            ("suta", 100.0, true),
            ("sute", 100.0, true),
            ("mie", 1e3, true),
            ("mii", 1e3, true),
            ("milion", 1e6, true),
            ("milioane", 1e6, true),
            ("miliard", 1e9, true),
            ("miliarde", 1e9, true),
        ],
        "de" => &[
            ("null", 0.0, false),
            ("eins", 1.0, false),
            ("zwei", 2.0, false),
            ("drei", 3.0, false),
            ("vier", 4.0, false),
            ("funf", 5.0, false),
            ("sechs", 6.0, false),
            ("sieben", 7.0, false),
            ("acht", 8.0, false),
            ("neun", 9.0, false),
            ("zehn", 10.0, false),
            ("elf", 11.0, false),
            ("zwolf", 12.0, false),
            ("zwanzig", 20.0, false),
            ("dreissig", 30.0, false),
            ("hundert", 100.0, true),
            ("tausend", 1e3, true),
            ("million", 1e6, true),
            ("millionen", 1e6, true),
            ("milliarde", 1e9, true),
            ("milliarden", 1e9, true),
            ("mio", 1e6, true),
            ("mrd", 1e9, true),
        ],
        "it" => &[
            ("uno", 1.0, false),
            ("due", 2.0, false),
            ("tre", 3.0, false),
            ("quattro", 4.0, false),
            ("cinque", 5.0, false),
            ("sei", 6.0, false),
            ("sette", 7.0, false),
            ("otto", 8.0, false),
            ("nove", 9.0, false),
            ("dieci", 10.0, false),
            ("venti", 20.0, false),
            ("cento", 100.0, true),
            ("mille", 1e3, true),
            ("mila", 1e3, true),
            ("milione", 1e6, true),
            ("milioni", 1e6, true),
            ("miliardo", 1e9, true),
            ("miliardi", 1e9, true),
        ],
        _ => &[],
    }
}

/// Abbreviations (folded, without the dot) after which a full stop does not end a sentence.
fn abbreviations(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &[
            "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "col", "lt", "sgt", "capt", "rev",
            "gov", "sen", "rep", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
            "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e", "approx",
            "est", "fig", "mt",
        ],
        "es" => &[
            "sr", "sra", "srta", "dr", "dra", "d", "da", "lic", "ing", "pag", "etc", "ee.uu", "uu",
        ],
        "pt" => &["sr", "sra", "dr", "dra", "prof", "eng", "etc", "pag"],
        "fr" => &[
            "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "st", "ste", "etc", "p", "cf",
        ],
        "ro" => &["dl", "dna", "dr", "prof", "ing", "etc", "nr", "str"],
        "de" => &[
            "hr", "fr", "dr", "prof", "nr", "bzw", "ca", "usw", "z.b", "d.h", "st", "str",
        ],
        "it" => &["sig", "sigg", "dott", "prof", "ing", "avv", "etc"],
        _ => &[],
    }
}

/// Frequent function words (folded); they carry no story content.
fn function_words(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &[
            "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "by", "with", "from",
            "as", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those",
            "he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "your", "not", "no", "has",
            "have", "had", "will", "would", "can", "could", "should", "may", "do", "does", "did", "so", "if",
            "than", "then", "there", "which", "who", "what", "all", "up", "out", "about", "into", "over",
            "more", "also", "said",
        ],
        "es" => &[
            "el", "la", "los", "las", "un", "una", "y", "o", "de", "del", "a", "al", "en", "por", "para",
            "con", "que", "se", "su", "sus", "es", "son", "fue", "lo", "le", "les", "no", "como", "mas",
            "pero", "este",
        ],
        "pt" => &[
            "o", "a", "os", "as", "um", "uma", "e", "ou", "de", "do", "da", "dos", "das", "em", "no", "na",
            "por", "para", "com", "que", "se", "seu", "sua", "e", "foi", "nao", "como", "mais", "mas",
        ],
        "fr" => &[
            "le", "la", "les", "un", "une", "des", "et", "ou", "de", "du", "a", "au", "aux", "en", "par",
            "pour", "avec", "que", "qui", "se", "sa", "son", "ses", "est", "sont", "ne", "pas", "plus",
            "mais", "ce",
        ],
        "ro" => &[
            "si", "sau", "de", "la", "in", "pe", "cu", "din", "pentru", "ca", "care", "un", "o", "este",
            "sunt", "a", "al", "ai", "ale", "nu", "mai", "dar", "se",
        ],
        "de" => &[
            "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "und", "oder", "von", "zu",
            "in", "im", "auf", "mit", "fur", "ist", "sind", "war", "nicht", "auch", "sich", "es", "als",
            "aber",
        ],
        "it" => &[
            "il", "lo", "la", "i", "gli", "le", "un", "una", "e", "o", "di", "del", "a", "in", "per", "con",
        ],
        _ => &[],
    }
}

/// Words by which a text speaks about the publication, the article or its reader rather than the
/// story (self-reference: newsletters, subscriptions, sharing, sponsorship, editorial process).
/// Folded single words, and folded two-word phrases (`this article`). Used by the content model of
/// page furniture ([`crate::boilerplate::furniture_score`]).
fn meta_words(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &[
            "subscribe",
            "subscribed",
            "subscribers",
            "subscription",
            "newsletter",
            "newsletters",
            "inbox",
            "unsubscribe",
            "signup",
            "sign up",
            "advertisement",
            "advertising",
            "sponsored",
            "methodology",
            "editorial",
            "verified",
            "verification",
            "podcast",
            "follow us",
            "share this",
            "readers",
            "click",
            "paywall",
            "cookies",
            "this article",
            "this story",
            "this page",
            "our journalism",
            "our team",
            "our newsroom",
            "editorial team",
            "editorial board",
            "read more",
            "don't miss",
            "never miss",
            "exclusive offer",
        ],
        "es" => &[
            "suscribase",
            "suscribete",
            "suscribirse",
            "suscripcion",
            "suscriptores",
            "boletin",
            "newsletter",
            "bandeja",
            "publicidad",
            "patrocinado",
            "patrocinada",
            "anuncio",
            "metodologia",
            "editorial",
            "verificado",
            "verificada",
            "verificacion",
            "comparte",
            "compartir",
            "siguenos",
            "registrate",
            "lectores",
            "descarga",
            "haz clic",
            "este articulo",
            "esta noticia",
            "esta nota",
            "nuestro equipo",
            "nuestra redaccion",
            "equipo editorial",
            "consejo editorial",
            "lee mas",
            "no te pierdas",
            "te gusto",
        ],
        "pt" => &[
            "assine",
            "subscreva",
            "assinatura",
            "assinantes",
            "newsletter",
            "boletim",
            "publicidade",
            "patrocinado",
            "patrocinada",
            "anuncio",
            "metodologia",
            "editorial",
            "verificado",
            "verificada",
            "verificacao",
            "partilhe",
            "compartilhe",
            "partilhar",
            "compartilhar",
            "siga-nos",
            "registe-se",
            "cadastre-se",
            "leitores",
            "descarregue",
            "baixe",
            "clique",
            "este artigo",
            "deste artigo",
            "desta noticia",
            "esta noticia",
            "nossa equipa",
            "nossa equipe",
            "nossa redacao",
            "equipa editorial",
            "equipe editorial",
            "leia mais",
            "nao perca",
            "caixa de",
        ],
        "fr" => &[
            "abonnez-vous",
            "abonnez",
            "abonnement",
            "abonnes",
            "newsletter",
            "infolettre",
            "publicite",
            "sponsorise",
            "annonce",
            "methodologie",
            "editorial",
            "editoriale",
            "verifie",
            "verifiee",
            "verification",
            "partagez",
            "partager",
            "suivez-nous",
            "inscrivez-vous",
            "lecteurs",
            "telechargez",
            "cliquez",
            "cet article",
            "notre redaction",
            "notre equipe",
            "equipe editoriale",
            "lire aussi",
            "lire la suite",
            "ne manquez",
            "boite de",
            "lettre d'information",
        ],
        "ro" => &[
            "abonati-va",
            "abonati",
            "abonare",
            "abonament",
            "newsletter",
            "buletin",
            "inbox",
            "publicitate",
            "sponsorizat",
            "reclama",
            "metodologie",
            "editorial",
            "editoriala",
            "verificat",
            "verificata",
            "verificare",
            "distribuie",
            "urmariti-ne",
            "inregistrati-va",
            "cititori",
            "cititorii",
            "descarcati",
            "apasati",
            "acest articol",
            "aceasta stire",
            "echipa noastra",
            "redactia noastra",
            "echipa editoriala",
            "citeste si",
            "nu ratati",
        ],
        "de" => &[
            "abonnieren",
            "abonnement",
            "abonnenten",
            "newsletter",
            "postfach",
            "posteingang",
            "anzeige",
            "werbung",
            "gesponsert",
            "methodik",
            "redaktion",
            "redaktionell",
            "redaktionelle",
            "verifiziert",
            "teilen",
            "folgen sie",
            "registrieren",
            "leser",
            "herunterladen",
            "klicken",
            "dieser artikel",
            "diesen artikel",
            "dieses artikels",
            "unsere redaktion",
            "unser team",
            "lesen sie",
            "verpassen sie",
        ],
        "it" => &[
            "iscriviti",
            "abbonati",
            "abbonamento",
            "newsletter",
            "casella",
            "pubblicita",
            "sponsorizzato",
            "annuncio",
            "metodologia",
            "redazione",
            "editoriale",
            "verificato",
            "verificata",
            "verifica",
            "condividi",
            "seguici",
            "registrati",
            "lettori",
            "scarica",
            "clicca",
            "questo articolo",
            "la nostra",
            "nostra redazione",
            "leggi anche",
            "non perdere",
        ],
        _ => &[],
    }
}

/// Imperative verbs (folded) that open calls to action addressed to the reader ("Subscribe…",
/// "Share…", "Follow us…").
fn call_to_action(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &[
            "subscribe",
            "sign",
            "share",
            "follow",
            "join",
            "download",
            "click",
            "tap",
            "read",
            "get",
            "register",
            "support",
            "donate",
            "listen",
            "watch",
            "enjoyed",
            "like",
            "never",
            "don't",
            "want",
            "log",
        ],
        "es" => &[
            "suscribete",
            "suscribase",
            "registrate",
            "comparte",
            "comparta",
            "siguenos",
            "sigue",
            "descarga",
            "haz",
            "lee",
            "apoya",
            "unete",
            "escucha",
            "mira",
            "no",
        ],
        "pt" => &[
            "assine",
            "subscreva",
            "partilhe",
            "compartilhe",
            "siga",
            "siga-nos",
            "descarregue",
            "baixe",
            "clique",
            "leia",
            "apoie",
            "junte-se",
            "registe-se",
            "cadastre-se",
            "ouca",
            "veja",
            "nao",
        ],
        "fr" => &[
            "abonnez-vous",
            "abonnez",
            "inscrivez-vous",
            "partagez",
            "suivez-nous",
            "suivez",
            "telechargez",
            "cliquez",
            "lisez",
            "soutenez",
            "rejoignez",
            "ecoutez",
            "regardez",
            "ne",
        ],
        "ro" => &[
            "abonati-va",
            "abonati",
            "inregistrati-va",
            "distribuie",
            "urmariti-ne",
            "urmariti",
            "descarcati",
            "apasati",
            "cititi",
            "sustineti",
            "alaturati-va",
            "ascultati",
            "nu",
        ],
        "de" => &[
            "abonnieren",
            "melden",
            "teilen",
            "folgen",
            "laden",
            "klicken",
            "lesen",
            "unterstutzen",
            "registrieren",
            "horen",
            "verpassen",
        ],
        "it" => &[
            "iscriviti",
            "abbonati",
            "condividi",
            "seguici",
            "segui",
            "scarica",
            "clicca",
            "leggi",
            "sostieni",
            "unisciti",
            "ascolta",
            "guarda",
            "non",
        ],
        _ => &[],
    }
}

/// Second-person words (folded): text addressed to the reader.
fn second_person(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &["you", "your", "yours", "you're", "you'll"],
        "es" => &["tu", "tus", "usted", "ustedes", "te", "ti", "vosotros"],
        "pt" => &["voce", "voces", "teu", "tua", "seu", "sua"],
        "fr" => &["vous", "votre", "vos", "tu", "ton", "ta", "tes"],
        "ro" => &["tu", "dumneavoastra", "voi", "tau", "ta", "va"],
        "de" => &["du", "dein", "deine", "ihr", "euch", "ihnen"],
        "it" => &["tu", "tuo", "tua", "voi", "vostro", "vostra", "ti"],
        _ => &[],
    }
}

/// Month names and their usual abbreviations (folded, no dot) with their number, so a dateline
/// day ("12 nov", "7 abr", "March 3") is read as a date rather than a figure of the story.
fn months(lang: &str) -> &'static [(&'static str, u8)] {
    match lang {
        "en" => &[
            ("january", 1),
            ("jan", 1),
            ("february", 2),
            ("feb", 2),
            ("march", 3),
            ("mar", 3),
            ("april", 4),
            ("apr", 4),
            ("may", 5),
            ("june", 6),
            ("jun", 6),
            ("july", 7),
            ("jul", 7),
            ("august", 8),
            ("aug", 8),
            ("september", 9),
            ("sep", 9),
            ("sept", 9),
            ("october", 10),
            ("oct", 10),
            ("november", 11),
            ("nov", 11),
            ("december", 12),
            ("dec", 12),
        ],
        "es" => &[
            ("enero", 1),
            ("ene", 1),
            ("febrero", 2),
            ("feb", 2),
            ("marzo", 3),
            ("mar", 3),
            ("abril", 4),
            ("abr", 4),
            ("mayo", 5),
            ("may", 5),
            ("junio", 6),
            ("jun", 6),
            ("julio", 7),
            ("jul", 7),
            ("agosto", 8),
            ("ago", 8),
            ("septiembre", 9),
            ("setiembre", 9),
            ("sep", 9),
            ("sept", 9),
            ("octubre", 10),
            ("oct", 10),
            ("noviembre", 11),
            ("nov", 11),
            ("diciembre", 12),
            ("dic", 12),
        ],
        "pt" => &[
            ("janeiro", 1),
            ("jan", 1),
            ("fevereiro", 2),
            ("fev", 2),
            ("marco", 3),
            ("mar", 3),
            ("abril", 4),
            ("abr", 4),
            ("maio", 5),
            ("mai", 5),
            ("junho", 6),
            ("jun", 6),
            ("julho", 7),
            ("jul", 7),
            ("agosto", 8),
            ("ago", 8),
            ("setembro", 9),
            ("set", 9),
            ("outubro", 10),
            ("out", 10),
            ("novembro", 11),
            ("nov", 11),
            ("dezembro", 12),
            ("dez", 12),
        ],
        "fr" => &[
            ("janvier", 1),
            ("janv", 1),
            ("fevrier", 2),
            ("fevr", 2),
            ("mars", 3),
            ("avril", 4),
            ("avr", 4),
            ("mai", 5),
            ("juin", 6),
            ("juillet", 7),
            ("juil", 7),
            ("aout", 8),
            ("septembre", 9),
            ("sept", 9),
            ("octobre", 10),
            ("oct", 10),
            ("novembre", 11),
            ("nov", 11),
            ("decembre", 12),
            ("dec", 12),
        ],
        "ro" => &[
            ("ianuarie", 1),
            ("ian", 1),
            ("februarie", 2),
            ("feb", 2),
            ("martie", 3),
            ("mar", 3),
            ("aprilie", 4),
            ("apr", 4),
            ("mai", 5),
            ("iunie", 6),
            ("iun", 6),
            ("iulie", 7),
            ("iul", 7),
            ("august", 8),
            ("aug", 8),
            ("septembrie", 9),
            ("sep", 9),
            ("octombrie", 10),
            ("oct", 10),
            ("noiembrie", 11),
            ("nov", 11),
            ("decembrie", 12),
            ("dec", 12),
        ],
        "de" => &[
            ("januar", 1),
            ("jan", 1),
            ("janner", 1),
            ("februar", 2),
            ("feb", 2),
            ("marz", 3),
            ("mar", 3),
            ("april", 4),
            ("apr", 4),
            ("mai", 5),
            ("juni", 6),
            ("jun", 6),
            ("juli", 7),
            ("jul", 7),
            ("august", 8),
            ("aug", 8),
            ("september", 9),
            ("sep", 9),
            ("sept", 9),
            ("oktober", 10),
            ("okt", 10),
            ("november", 11),
            ("nov", 11),
            ("dezember", 12),
            ("dez", 12),
        ],
        "it" => &[
            ("gennaio", 1),
            ("gen", 1),
            ("febbraio", 2),
            ("feb", 2),
            ("marzo", 3),
            ("mar", 3),
            ("aprile", 4),
            ("apr", 4),
            ("maggio", 5),
            ("mag", 5),
            ("giugno", 6),
            ("giu", 6),
            ("luglio", 7),
            ("lug", 7),
            ("agosto", 8),
            ("ago", 8),
            ("settembre", 9),
            ("set", 9),
            ("ottobre", 10),
            ("ott", 10),
            ("novembre", 11),
            ("nov", 11),
            ("dicembre", 12),
            ("dic", 12),
        ],
        _ => &[],
    }
}

/// News agencies (folded names and abbreviations), credit-line words in every language.
const AGENCIES: &[&str] = &[
    "afp",
    "ap",
    "reuters",
    "dpa",
    "efe",
    "ansa",
    "lusa",
    "agerpres",
    "mediafax",
    "xinhua",
    "kyodo",
    "bloomberg",
    "belga",
    "anp",
    "apa",
    "sda",
    "ats",
    "ips",
    "epa",
    "upi",
    "pa",
    "tass",
    "ria",
    "yonhap",
    "aap",
    "cp",
    "europa",
    "agencia",
    "agence",
    "agentia",
    "agenzia",
    "agentur",
    "france-presse",
    "presse",
    "press",
    "notimex",
    "adnkronos",
    "kna",
    "epd",
    "ctk",
    "pap",
];

/// Words of credit lines (agency attribution, copyright, reporting and editing credits). A short
/// paragraph made of these and names is article attribution, not page furniture.
fn credit_words(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &[
            "copyright",
            "rights",
            "reserved",
            "reporting",
            "editing",
            "contributed",
            "report",
            "writer",
            "additional",
            "source",
            "compiled",
            "wire",
            "staff",
            "agencies",
            "agency",
            "press",
        ],
        "es" => &[
            "derechos",
            "reservados",
            "informacion",
            "redaccion",
            "fuente",
            "agencia",
            "edicion",
        ],
        "pt" => &[
            "direitos",
            "reservados",
            "reportagem",
            "edicao",
            "fonte",
            "agencia",
            "redacao",
        ],
        "fr" => &[
            "droits",
            "reserves",
            "reportage",
            "edition",
            "source",
            "agence",
            "redaction",
            "avec",
        ],
        "ro" => &[
            "drepturile",
            "rezervate",
            "sursa",
            "agentia",
            "redactare",
            "editare",
            "reproducerea",
        ],
        "de" => &[
            "rechte",
            "vorbehalten",
            "quelle",
            "agentur",
            "redaktion",
            "bearbeitung",
            "mitarbeit",
        ],
        "it" => &["diritti", "riservati", "fonte", "agenzia", "redazione"],
        _ => &[],
    }
}

/// Regional spellings of one word (folded letter groups, either may replace the other): British and
/// American English write `cheque`/`check`, `colour`/`color`, `organise`/`organize`, `travelled`/`traveled`,
/// `centre`/`center`, `licence`/`license`, `programme`/`program`. A copy localising its spelling has not
/// altered what a quotation says.
fn spelling_variants(lang: &str) -> &'static [(&'static str, &'static str)] {
    match lang {
        "en" => &[
            ("que", "ck"),
            ("our", "or"),
            ("is", "iz"),
            ("ys", "yz"),
            ("lled", "led"),
            ("lling", "ling"),
            ("llor", "lor"),
            ("tre", "ter"),
            ("bre", "ber"),
            ("ence", "ense"),
            ("mme", "m"),
            ("ogue", "og"),
        ],
        _ => &[],
    }
}

/// Whether two folded words are the same word in two regional spellings of `lang` (see
/// [`spelling_variants`]): one letter group of `x` swapped for its variant gives `y`.
pub fn are_spelling_variants(lang: Option<&str>, x: &str, y: &str) -> bool {
    if x == y {
        return false;
    }
    let lang = lang.map(|l| l.get(..2).unwrap_or(l));
    let swaps = for_lang(lang, spelling_variants);
    let one_way = |a: &str, b: &str| {
        swaps.iter().any(|(p, q)| {
            [(*p, *q), (*q, *p)].iter().any(|(from, to)| {
                a.match_indices(from)
                    .any(|(i, _)| format!("{}{}{}", &a[..i], to, &a[i + from.len()..]) == b)
            })
        })
    };
    one_way(x, y)
}

fn for_lang<T: Copy>(lang: Option<&str>, f: fn(&str) -> &'static [T]) -> Vec<T> {
    match lang {
        Some(l) if LANGUAGES.contains(&l) => f(l).to_vec(),
        _ => LANGUAGES.iter().flat_map(|l| f(l).iter().copied()).collect(),
    }
}

/// The tables for one language, resolved once per text.
#[derive(Debug, Clone)]
pub struct LangData {
    /// Speech verbs (folded, may be two words).
    pub speech_verbs: Vec<&'static str>,
    /// "according to"-style phrases (folded).
    pub according_to: Vec<&'static str>,
    /// Third-person pronouns (folded).
    pub pronouns: Vec<&'static str>,
    /// Number words (folded word, value, is_scale).
    pub number_words: Vec<(&'static str, f64, bool)>,
    /// Abbreviations (folded, no dot).
    pub abbreviations: Vec<&'static str>,
    /// Function words (folded).
    pub function_words: Vec<&'static str>,
    /// Credit-line words (folded).
    pub credit_words: Vec<&'static str>,
    /// Self-reference words and two-word phrases (folded): the publication, article or reader.
    pub meta_words: Vec<&'static str>,
    /// Imperative verbs opening calls to action (folded).
    pub call_to_action: Vec<&'static str>,
    /// Second-person words (folded).
    pub second_person: Vec<&'static str>,
    /// Month names and abbreviations (folded) with their number.
    pub months: Vec<(&'static str, u8)>,
    /// True when the language writes decimals with a comma (`2,5`) and groups thousands with dots.
    pub decimal_comma: bool,
}

impl LangData {
    /// Returns the tables of `lang` (ISO 639-1); `None` or an unknown code gives the union of all.
    ///
    /// # Example
    /// ```
    /// let d = wiretrace_explain::lang::LangData::new(Some("es"));
    /// assert!(d.is_speech_verb("dijo"));
    /// assert!(d.decimal_comma);
    /// ```
    pub fn new(lang: Option<&str>) -> Self {
        let lang = lang.map(|l| l.get(..2).unwrap_or(l));
        LangData {
            speech_verbs: for_lang(lang, speech_verbs),
            according_to: for_lang(lang, according_to),
            pronouns: for_lang(lang, pronouns),
            number_words: for_lang(lang, number_words),
            abbreviations: for_lang(lang, abbreviations),
            function_words: for_lang(lang, function_words),
            credit_words: for_lang(lang, credit_words),
            meta_words: for_lang(lang, meta_words),
            call_to_action: for_lang(lang, call_to_action),
            second_person: for_lang(lang, second_person),
            months: for_lang(lang, months),
            decimal_comma: matches!(lang, Some("es" | "pt" | "fr" | "ro" | "de" | "it")),
        }
    }

    /// True when the (unfolded) word is a speech verb.
    pub fn is_speech_verb(&self, word: &str) -> bool {
        let f = fold(word);
        self.speech_verbs.iter().any(|v| *v == f)
    }

    /// True when the word is a third-person pronoun.
    pub fn is_pronoun(&self, word: &str) -> bool {
        let f = fold(word);
        self.pronouns.iter().any(|v| *v == f)
    }

    /// True when the word is a function word.
    pub fn is_function_word(&self, word: &str) -> bool {
        let f = fold(word);
        self.function_words.iter().any(|v| *v == f)
    }

    /// True when the word (without its dot) is an abbreviation.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        let f = fold(word);
        self.abbreviations.iter().any(|v| *v == f)
    }

    /// Returns the value of a written-out number word and whether it is a scale word.
    pub fn number_word(&self, word: &str) -> Option<(f64, bool)> {
        let f = fold(word);
        self.number_words
            .iter()
            .find(|(w, _, _)| *w == f)
            .map(|(_, v, s)| (*v, *s))
    }

    /// True when the (unfolded) word or two-word phrase speaks about the publication, the article
    /// or its reader.
    ///
    /// # Example
    /// ```
    /// let d = wiretrace_explain::lang::LangData::new(Some("fr"));
    /// assert!(d.is_meta_word("Cet article") && d.is_meta_word("abonnez-vous"));
    /// assert!(!d.is_meta_word("barrage"));
    /// ```
    pub fn is_meta_word(&self, word: &str) -> bool {
        let f = fold(word);
        self.meta_words.iter().any(|v| *v == f)
    }

    /// True when the (unfolded) word is an imperative that opens a call to action.
    pub fn is_call_to_action(&self, word: &str) -> bool {
        let f = fold(word);
        self.call_to_action.iter().any(|v| *v == f)
    }

    /// True when the (unfolded) word addresses the reader (second person).
    pub fn is_second_person(&self, word: &str) -> bool {
        let f = fold(word);
        self.second_person.iter().any(|v| *v == f)
    }

    /// Returns the month (1–12) a month name or abbreviation (dot optional) stands for.
    ///
    /// # Example
    /// ```
    /// let d = wiretrace_explain::lang::LangData::new(Some("pt"));
    /// assert_eq!(d.month("abr."), Some(4));
    /// assert_eq!(d.month("navio"), None);
    /// ```
    pub fn month(&self, word: &str) -> Option<u8> {
        let f = fold(word.trim_end_matches('.'));
        self.months.iter().find(|(m, _)| *m == f).map(|(_, n)| *n)
    }

    /// True when the word belongs to credit lines.
    pub fn is_credit_word(&self, word: &str) -> bool {
        let f = fold(word);
        self.credit_words.iter().any(|v| *v == f) || AGENCIES.contains(&f.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_speech_verbs_and_number_words() {
        for l in ["en", "es", "pt", "fr", "ro", "de"] {
            let d = LangData::new(Some(l));
            assert!(d.speech_verbs.len() > 10, "{l}");
            assert!(d.number_words.len() > 10, "{l}");
            assert!(!d.pronouns.is_empty(), "{l}");
        }
    }

    #[test]
    fn unknown_language_gets_the_union() {
        let d = LangData::new(None);
        assert!(d.is_speech_verb("said") && d.is_speech_verb("sagte") && d.is_speech_verb("disse"));
        assert_eq!(d.number_word("Million"), Some((1e6, true)));
        assert!(!d.decimal_comma);
    }

    #[test]
    fn regional_spellings_are_one_word_and_other_words_are_not() {
        for (a, b) in [
            ("cheque", "check"),
            ("colour", "color"),
            ("organisation", "organization"),
            ("travelled", "traveled"),
            ("centre", "center"),
            ("defence", "defense"),
            ("programme", "program"),
        ] {
            assert!(are_spelling_variants(Some("en"), a, b), "{a}/{b}");
            assert!(are_spelling_variants(Some("en"), b, a), "{b}/{a}");
        }
        for (a, b) in [
            ("wanted", "wants"),
            ("believe", "think"),
            ("said", "sad"),
            ("check", "check"),
        ] {
            assert!(!are_spelling_variants(Some("en"), a, b), "{a}/{b}");
        }
        // No table for the language: nothing is a spelling variant there.
        assert!(!are_spelling_variants(Some("de"), "cheque", "check"));
    }
}
