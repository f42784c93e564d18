//! The faults a round trip plants in a draft: a changed word, an invented
//! quotation, a removed attribution.

#[allow(unused_imports)]
use super::*;

#[rustfmt::skip]
pub(super) const STOP_WORDS: &[&str] = &[
    "about", "above", "after", "again", "also", "been", "before", "being", "both", "could",
    "does", "doing", "down", "during", "each", "even", "ever", "from", "have", "having", "here",
    "into", "just", "more", "most", "much", "must", "only", "other", "over", "same", "should",
    "some", "such", "than", "that", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "under", "until", "very", "were", "what", "when", "where", "which",
    "while", "will", "with", "would", "your", "yours", "because", "every", "whether", "shall",
    "might", "upon", "onto", "ourselves", "themselves", "itself", "within", "without",
];

/// Replacement words by the ending of the word they replace, so that the
/// changed sentence still reads as English.
#[rustfmt::skip]
pub(super) const BY_ENDING: &[(&str, &[&str])] = &[
    ("ly", &["really", "clearly", "certainly", "simply", "probably", "entirely", "deeply", "truly"]),
    ("ing", &["making", "doing", "taking", "building", "fighting", "working", "running", "looking"]),
    ("ed", &["wanted", "needed", "decided", "started", "changed", "helped", "worked", "planned"]),
    ("s", &["people", "problems", "things", "voters", "leaders", "issues", "families", "workers"]),
    ("", &["important", "serious", "simple", "strong", "country", "problem", "decision", "great"]),
];

/// Words after which a word in -s is a verb (`it makes`).
#[rustfmt::skip]
pub(super) const THIRD_PERSON: &[&str] = &[
    "he", "she", "it", "that", "this", "who", "which", "what", "everyone", "everybody", "nobody",
    "one", "someone", "somebody",
];
pub(super) const VERBS_S: &[&str] = &[
    "keeps", "helps", "leaves", "shows", "turns", "brings", "gives", "sends",
];

/// Words after which a word is a verb's base form (`to come`, `we need`).
#[rustfmt::skip]
pub(super) const BEFORE_VERB: &[&str] = &[
    "to", "will", "would", "can", "could", "should", "must", "might", "may", "not", "don't",
    "doesn't", "didn't", "won't", "can't", "don’t", "doesn’t", "didn’t", "won’t", "can’t", "we",
    "i", "you", "they",
];
pub(super) const VERBS_BASE: &[&str] = &[
    "keep", "help", "leave", "show", "turn", "bring", "give", "send",
];

/// The letters of a token without the punctuation around it.
pub(super) fn core(token: &str) -> (usize, &str) {
    let lead = token.len()
        - token
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let inner = token[lead..].trim_end_matches(|c: char| !c.is_alphanumeric());
    (lead, inner)
}

/// Replaces one content word (four letters or more, neither the first nor
/// the last word, not a stop word) with a word of the same ending that the
/// quotation does not hold. Lowercase words are preferred to names. Returns
/// the changed words, the word taken out and the word put in.
pub fn change_word(words: &str, rng: &mut Rng) -> Option<(String, String, String)> {
    let tokens: Vec<&str> = words.split_whitespace().collect();
    let wordy: Vec<usize> = (0..tokens.len())
        .filter(|&i| tokens[i].chars().any(char::is_alphanumeric))
        .collect();
    if wordy.len() < 3 {
        return None;
    }
    let inner = &wordy[1..wordy.len() - 1];
    let content = |i: usize, lower: bool| {
        let (_, c) = core(tokens[i]);
        c.chars().count() >= 4
            && c.chars().all(char::is_alphabetic)
            && (!lower || c.chars().next().is_some_and(char::is_lowercase))
            && !STOP_WORDS.contains(&c.to_lowercase().as_str())
    };
    let mut candidates: Vec<usize> = inner
        .iter()
        .copied()
        .filter(|&i| content(i, true))
        .collect();
    if candidates.is_empty() {
        candidates = inner
            .iter()
            .copied()
            .filter(|&i| content(i, false))
            .collect();
    }
    if candidates.is_empty() {
        return None;
    }
    let at = candidates[rng.below(candidates.len())];
    let (lead, old) = core(tokens[at]);
    let lower_old = old.to_lowercase();
    let prev = core(tokens[at - 1]).1.to_lowercase();
    let suffix = |end: &str| lower_old.ends_with(end);
    let list: &[&str] = if suffix("ly") || suffix("ing") || suffix("ed") {
        BY_ENDING
            .iter()
            .find(|(end, _)| suffix(end))
            .map(|(_, l)| *l)
            .unwrap_or(BY_ENDING[BY_ENDING.len() - 1].1)
    } else if suffix("s") && !suffix("ss") && THIRD_PERSON.contains(&prev.as_str()) {
        VERBS_S
    } else if BEFORE_VERB.contains(&prev.as_str()) {
        VERBS_BASE
    } else if suffix("s") && !suffix("ss") {
        BY_ENDING[3].1
    } else {
        BY_ENDING[4].1
    };
    let present: Vec<String> = tokens.iter().map(|t| core(t).1.to_lowercase()).collect();
    let start = rng.below(list.len());
    let new = (0..list.len())
        .map(|k| list[(start + k) % list.len()])
        .find(|w| !present.iter().any(|p| p == w))?;
    let new = if old.chars().next().is_some_and(char::is_uppercase) {
        let mut c = new.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    } else {
        new.to_string()
    };
    let token = tokens[at];
    let replaced = format!("{}{}{}", &token[..lead], new, &token[lead + old.len()..]);
    let mut out: Vec<String> = tokens
        .iter()
        .map(std::string::ToString::to_string)
        .collect();
    out[at] = replaced;
    Some((out.join(" "), old.to_string(), new))
}

pub(super) const SUBJECTS: &[&str] = &[
    "We",
    "They",
    "Our neighbors",
    "The volunteers",
    "Everyone here",
];
pub(super) const MODALS: &[&str] = &["will", "should", "can", "would", "might"];
pub(super) const VERBS: &[&str] = &[
    "repaint", "rebuild", "sweep", "plant", "measure", "decorate",
];
pub(super) const OBJECTS: &[&str] = &[
    "the old bandstand",
    "every quiet garden",
    "the yellow footbridge",
    "the wooden benches",
    "the little harbor gate",
];
pub(super) const TAILS: &[&str] = &[
    "before the autumn fair",
    "with borrowed ladders and brushes",
    "after the morning rain stops",
    "on a sunny weekend",
    "while the children sing",
];

/// A sentence of 8 to 12 words that no news article says, from fixed
/// lists of everyday words.
pub fn invented(rng: &mut Rng) -> String {
    loop {
        let s = format!(
            "{} {} {} {} {}",
            rng.pick(SUBJECTS),
            rng.pick(MODALS),
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(TAILS)
        );
        if (8..=12).contains(&s.split_whitespace().count()) {
            return s;
        }
    }
}

/// The surname of a name: its last word, lowercase, without punctuation.
/// Not the engine's `attribute::surname_key`, which splits at single
/// spaces only and keeps punctuation (`Jr.`, `Roe,`): here a name's
/// surname must equal the one in the sources whatever punctuation follows
/// it.
pub(super) fn surname(name: &str) -> String {
    name.split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Whether a Source reads as a person's name to use as a wrong speaker:
/// two to four capitalised words, no commas or parentheses.
pub(super) fn person_like(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        })
}

// ---------------------------------------------------------------------
// The run.
