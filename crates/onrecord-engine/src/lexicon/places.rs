//! Capitalised words that are not people: title abbreviations, group
//! plurals, headline words, places, abbreviations and initials.

#[allow(unused_imports)]
use super::*;

/// Titles that are abbreviated with a period (`Sen.`, `Dr.`).
pub(super) const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "sen", "rep", "gov", "gen", "col", "capt", "lt", "sgt",
    "rev", "st", "supt", "insp", "det", "cmdr", "adm", "maj", "pres", "amb", "jr", "sr", "del",
    "hon",
];
word_set!(is_title_abbreviation, TITLE_ABBREVIATION);

/// Titles only with their period: `Del. Mara Quist` (a delegate),
/// `Hon. Jo Roe`; without it they are first names (`Del Shannon`).
pub fn is_dotted_title(l: &str) -> bool {
    matches!(l, "del" | "hon")
}

/// `a` or `an` before a phrase, by how its first word sounds: `an
/// official`, `a US official`, `an FBI agent`, `a union leader`.
pub fn indefinite_article(phrase: &str) -> &'static str {
    let word = phrase.split_whitespace().next().unwrap_or("");
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    let initialism =
        letters.len() >= 2 && letters.len() <= 5 && letters.chars().all(char::is_uppercase)
            || (word.contains('.') && letters.chars().all(char::is_uppercase));
    let first = letters.chars().next().unwrap_or('x');
    if initialism {
        // Letters named with a vowel sound: `an FBI agent`, `an MP`.
        return if "AEFHILMNORSX".contains(first) {
            "an"
        } else {
            "a"
        };
    }
    let lower = letters.to_lowercase();
    let consonant_sound = [
        "uni", "use", "usu", "uti", "eu", "one", "once", "ubi", "ura",
    ];
    let vowel_sound = ["hour", "honest", "honor", "honour", "heir"];
    if vowel_sound.iter().any(|p| lower.starts_with(p)) {
        "an"
    } else if consonant_sound.iter().any(|p| lower.starts_with(p)) {
        "a"
    } else if lower.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// Plural nouns for groups of people by party, creed or nation: a
/// capitalised name that ends in one (`Fellow Republicans`, `House
/// Democrats`, `many Iranians`) is a group, never one person.
pub(super) const GROUP_PLURALS: &[&str] = &[
    "republicans",
    "democrats",
    "conservatives",
    "liberals",
    "progressives",
    "socialists",
    "communists",
    "tories",
    "independents",
    "libertarians",
    "nationalists",
    "loyalists",
    "unionists",
    "evangelicals",
    "catholics",
    "protestants",
    "muslims",
    "christians",
    "jews",
    "hindus",
    "sikhs",
    "buddhists",
    "mormons",
    "americans",
    "canadians",
    "mexicans",
    "britons",
    "iranians",
    "iraqis",
    "israelis",
    "palestinians",
    "syrians",
    "russians",
    "ukrainians",
    "chinese",
    "indians",
    "pakistanis",
    "afghans",
    "africans",
    "europeans",
    "australians",
    "germans",
    "italians",
    "nigerians",
    "kenyans",
    "koreans",
    "brazilians",
    "cubans",
    "venezuelans",
    "latinos",
    "latinas",
    "hispanics",
    "asians",
    "arabs",
    "kurds",
    "saudis",
    "egyptians",
    "turks",
    "greeks",
    "poles",
];

pub fn is_group_plural(lower: &str) -> bool {
    GROUP_PLURALS.contains(&lower)
}

/// Small words that prose leaves lowercase inside a sentence and headline
/// style capitalises (`Fires Back On The Ferry Plan At The Council`).
pub fn is_headline_small_word(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "on"
            | "to"
            | "of"
            | "in"
            | "for"
            | "and"
            | "with"
            | "his"
            | "her"
            | "at"
            | "by"
            | "from"
            | "is"
            | "are"
            | "was"
            | "its"
            | "their"
            | "after"
            | "over"
    )
}

/// Countries, US states and world regions: a capitalised name that is one
/// of these (`West Virginia`, `Mexico`) is a place, never `he` or `she`.
pub(super) const PLACES: &[&str] = &[
    "afghanistan",
    "africa",
    "alabama",
    "alaska",
    "albania",
    "algeria",
    "america",
    "angola",
    "argentina",
    "arizona",
    "arkansas",
    "armenia",
    "asia",
    "australia",
    "austria",
    "azerbaijan",
    "bahrain",
    "balkans",
    "bangladesh",
    "belarus",
    "belgium",
    "bolivia",
    "bosnia",
    "brazil",
    "bulgaria",
    "california",
    "cambodia",
    "cameroon",
    "canada",
    "caribbean",
    "chile",
    "china",
    "colombia",
    "colorado",
    "congo",
    "connecticut",
    "croatia",
    "cuba",
    "cyprus",
    "czechia",
    "delaware",
    "denmark",
    "ecuador",
    "egypt",
    "england",
    "estonia",
    "ethiopia",
    "europe",
    "finland",
    "florida",
    "france",
    "germany",
    "ghana",
    "greece",
    "guatemala",
    "gulf",
    "haiti",
    "hawaii",
    "honduras",
    "hungary",
    "iceland",
    "idaho",
    "illinois",
    "india",
    "indiana",
    "indonesia",
    "iowa",
    "iran",
    "iraq",
    "ireland",
    "italy",
    "jamaica",
    "japan",
    "kansas",
    "kazakhstan",
    "kentucky",
    "korea",
    "kosovo",
    "kuwait",
    "latin america",
    "latvia",
    "lebanon",
    "libya",
    "lithuania",
    "louisiana",
    "luxembourg",
    "maine",
    "malaysia",
    "mali",
    "maryland",
    "massachusetts",
    "mexico",
    "michigan",
    "middle east",
    "minnesota",
    "mississippi",
    "missouri",
    "moldova",
    "mongolia",
    "montana",
    "montenegro",
    "morocco",
    "mozambique",
    "myanmar",
    "nebraska",
    "nepal",
    "netherlands",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "new zealand",
    "nicaragua",
    "niger",
    "nigeria",
    "north carolina",
    "north dakota",
    "north korea",
    "norway",
    "ohio",
    "oklahoma",
    "oman",
    "oregon",
    "pakistan",
    "palestine",
    "panama",
    "paraguay",
    "pennsylvania",
    "peru",
    "philippines",
    "poland",
    "portugal",
    "qatar",
    "rhode island",
    "romania",
    "russia",
    "rwanda",
    "saudi arabia",
    "scandinavia",
    "scotland",
    "senegal",
    "serbia",
    "singapore",
    "slovakia",
    "slovenia",
    "somalia",
    "south africa",
    "south carolina",
    "south dakota",
    "south korea",
    "south sudan",
    "spain",
    "sri lanka",
    "sudan",
    "sweden",
    "switzerland",
    "syria",
    "taiwan",
    "tanzania",
    "tennessee",
    "texas",
    "thailand",
    "tunisia",
    "turkey",
    "uganda",
    "ukraine",
    "united kingdom",
    "united states",
    "uruguay",
    "utah",
    "uzbekistan",
    "venezuela",
    "vermont",
    "vietnam",
    "wales",
    "west virginia",
    "wisconsin",
    "wyoming",
    "yemen",
    "zambia",
    "zimbabwe",
];

/// Whether a lowercase name is a country, a US state or a world region.
pub fn is_place(lower: &str) -> bool {
    PLACES.binary_search(&lower).is_ok()
}

/// A lowercase word, with its period if it has one, that is a title
/// before a name: `sen.`, `senator`, `del.`.
pub fn is_title_word(l: &str) -> bool {
    match l.strip_suffix('.') {
        Some(base) => is_title(base) || is_dotted_title(base),
        None => is_title(l),
    }
}

/// Abbreviations whose period does not end a sentence.
pub(super) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "prof",
    "jr", "sr", "inc", "co", "corp", "ltd", "u.s", "u.n", "u.k", "e.u", "no", "vs", "etc", "jan",
    "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "a.m", "p.m", "mt", "ft",
    "rev", "fig", "approx", "dept", "est", "govt", "e.g", "i.e", "d.c", "l.a", "n.y", "n.j",
    "u.a.e",
];
word_set!(is_abbreviation, ABBREVIATION);

/// A name's initials as a word: `L` in `Janet L. Yellen`, `J.R` in
/// `J.R. Okafor` (the last period is a token of its own). Place
/// initialisms (`U.S`, `D.C`) are abbreviations, not initials.
pub fn is_initials(w: &str) -> bool {
    let mut letters = 0;
    let mut expect_letter = true;
    for c in w.chars() {
        if expect_letter && c.is_uppercase() {
            letters += 1;
            expect_letter = false;
        } else if !expect_letter && c == '.' {
            expect_letter = true;
        } else {
            return false;
        }
    }
    letters == 1 || (letters > 1 && !expect_letter && !is_abbreviation(&w.to_lowercase()))
}
