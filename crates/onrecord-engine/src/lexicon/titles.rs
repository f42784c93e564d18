//! Heads and words of organisation names, and titles of people, with
//! the gender a title or noun gives.

#[allow(unused_imports)]
use super::*;

/// Heads of descriptions that stand for an organisation (`the company said`).
pub(super) const ORG_HEADS: &[&str] = &[
    "company",
    "firm",
    "department",
    "ministry",
    "agency",
    "government",
    "administration",
    "group",
    "network",
    "site",
    "service",
    "organization",
    "organisation",
    "office",
    "campaign",
    "party",
    "university",
    "council",
    "commission",
    "committee",
    "board",
    "startup",
    "start-up",
    "embassy",
    "newspaper",
    "paper",
    "broadcaster",
    "union",
    "team",
    "club",
    "court",
    "police",
    "army",
    "military",
    "authorities",
    "regime",
    "white",
    "crowd",
    "audience",
];
word_set!(is_org_head, ORG_HEAD);

/// Words that, inside a capitalised name, make it an organisation.
pub(super) const ORG_WORDS: &[&str] = &[
    "department",
    "ministry",
    "agency",
    "inc",
    "corp",
    "corporation",
    "ltd",
    "llc",
    "news",
    "times",
    "post",
    "journal",
    "university",
    "council",
    "commission",
    "committee",
    "party",
    "office",
    "house",
    "bank",
    "institute",
    "foundation",
    "association",
    "union",
    "group",
    "company",
    "press",
    "network",
    "organization",
    "organisation",
    "service",
    "services",
    "court",
    "congress",
    "senate",
    "parliament",
    "government",
    "administration",
    "fund",
    "watch",
    "international",
    "reuters",
    "afp",
    "ap",
    "bbc",
    "cnn",
    "club",
    "league",
    "center",
    "centre",
    "coalition",
    "alliance",
    "federation",
];
word_set!(is_org_word, ORG_WORD);

/// Titles that stand before a name and are not part of it.
pub(super) const TITLES: &[&str] = &[
    "supt",
    "insp",
    "det",
    "cmdr",
    "adm",
    "maj",
    "pres",
    "amb",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "sen",
    "rep",
    "gov",
    "gen",
    "col",
    "capt",
    "lt",
    "sgt",
    "rev",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "secretary",
    "minister",
    "prime",
    "chancellor",
    "senator",
    "governor",
    "mayor",
    "ambassador",
    "judge",
    "justice",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "ayatollah",
    "sheikh",
    "chairman",
    "ceo",
    "representative",
    "congressman",
    "congresswoman",
    "professor",
    "doctor",
    "general",
    "colonel",
    "captain",
    "father",
    "sister",
    "brother",
    "imam",
    "rabbi",
    "premier",
    "commissioner",
    "councillor",
    "councilor",
    "councilman",
    "councilwoman",
    "alderman",
    "assemblyman",
    "assemblywoman",
    "director",
    "state",
];
word_set!(is_title, TITLE);

/// Titles that mark a man or a woman.
pub fn title_gender(lower: &str) -> Option<Gender> {
    match lower {
        "mr" | "sir" | "lord" | "king" | "prince" | "father" | "brother" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "sister" => {
            Some(Gender::Female)
        }
        _ => None,
    }
}

/// The gender a role noun states (`the wife`, `a spokesman`).
pub fn noun_gender(lower: &str) -> Option<Gender> {
    match lower {
        "man" | "husband" | "father" | "son" | "brother" | "boy" | "grandfather" | "uncle"
        | "nephew" | "widower" | "spokesman" | "congressman" | "chairman" | "businessman"
        | "councilman" | "assemblyman" | "boyfriend" | "king" | "prince" | "dad" => {
            Some(Gender::Male)
        }
        "woman" | "wife" | "mother" | "daughter" | "sister" | "girl" | "grandmother" | "aunt"
        | "niece" | "widow" | "spokeswoman" | "congresswoman" | "chairwoman" | "businesswoman"
        | "councilwoman" | "assemblywoman" | "girlfriend" | "queen" | "princess" | "mom"
        | "actress" => Some(Gender::Female),
        _ => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}
