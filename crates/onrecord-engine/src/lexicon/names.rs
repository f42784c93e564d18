//! First names with their likely gender, name suffixes, conjunctions,
//! documents that can be a source of words, and `-ly` nouns.

#[allow(unused_imports)]
use super::*;

/// The sex most babies given this first name had, from the US Social
/// Security Administration's birth counts (`src/data/first_names.tsv`, made
/// by `scripts/first_names.py`; names split closer than 90/10 are left
/// out). A prior only: what the text says of a person comes first.
pub fn first_name_gender(name: &str) -> Option<Gender> {
    static T: OnceLock<FxHashMap<&'static str, Gender>> = OnceLock::new();
    let table = T.get_or_init(|| {
        include_str!("data/first_names.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (n, g) = l.split_once('\t')?;
                let g = match g.trim() {
                    "f" => Gender::Female,
                    "m" => Gender::Male,
                    _ => return None,
                };
                Some((n, g))
            })
            .collect()
    });
    if name.len() > 24 || !name.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 24];
    for (d, c) in buf.iter_mut().zip(name.bytes()) {
        *d = c.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..name.len()]).ok()?;
    table.get(lower).copied()
}

/// Generational suffixes after a surname (`Jr.`, `III`).
pub fn is_name_suffix(lower: &str) -> bool {
    matches!(
        lower.trim_end_matches('.'),
        "jr" | "sr" | "ii" | "iii" | "iv"
    )
}

/// Words that join clauses: a noun phrase does not run across them.
pub fn is_conjunction(lower: &str) -> bool {
    matches!(
        lower,
        "and"
            | "but"
            | "or"
            | "while"
            | "whereas"
            | "as"
            | "when"
            | "because"
            | "after"
            | "before"
            | "since"
            | "although"
            | "though"
            | "if"
            | "so"
            | "then"
            | "that"
    )
}

/// Documents that carry words and can stand where a speaker does (`the
/// report said`, `the email read`); they speak for whoever owns them.
pub(super) const DOCUMENTS: &[&str] = &[
    "report",
    "statement",
    "letter",
    "memo",
    "ad",
    "advertisement",
    "note",
    "message",
    "website",
    "filing",
    "complaint",
    "lawsuit",
    "indictment",
    "release",
    "editorial",
    "study",
    "survey",
    "document",
    "documents",
    "email",
    "emails",
    "video",
    "sign",
    "banner",
    "petition",
    "ruling",
    "order",
    "caption",
    "post",
    "tweet",
    "text",
    "transcript",
    "column",
    "op-ed",
    "book",
    "spot",
];
word_set!(is_document, DOCUMENT);

/// Nouns ending in `-ly`, which the adverb rule would otherwise drop from
/// a speaker's description (`Roe's ally Ann Lee`, `a family friend`).
pub fn is_ly_noun(lower: &str) -> bool {
    matches!(
        lower,
        "ally"
            | "family"
            | "rally"
            | "supply"
            | "reply"
            | "assembly"
            | "anomaly"
            | "monopoly"
            | "bully"
            | "tally"
            | "folly"
            | "italy"
            | "july"
            | "homily"
            | "panoply"
    )
}
