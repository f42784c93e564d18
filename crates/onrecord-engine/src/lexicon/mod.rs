//! Word lists for news prose, kept in one place so that rules elsewhere stay
//! generic and the lists can grow without touching the logic.
//!
//! Every list is lowercase; lookups lowercase the word first.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// `is_x(lower)`: whether a word has a class bit.
macro_rules! word_set {
    ($fn_name:ident, $bit:expr) => {
        pub fn $fn_name(lower: &str) -> bool {
            entry(lower).is($bit)
        }
    };
}

mod cues;
pub use cues::*;
mod roles;
pub use roles::*;
mod titles;
pub use titles::*;
mod phrases;
pub use phrases::*;
mod places;
pub use places::*;
mod labels;
pub use labels::*;
mod spelling;
pub use spelling::*;
mod names;
pub use names::*;
#[cfg(test)]
mod tests;

/// What the lexicon knows about one lowercase word: one lookup answers
/// every question the rules ask of a word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// Bits of the word classes below.
    pub class: u32,
    pub cue: Option<Cue>,
}

impl Entry {
    pub fn is(self, class: u32) -> bool {
        self.class & class != 0
    }
}

pub const PERSON_ROLE: u32 = 1 << 0;
pub const ORG_HEAD: u32 = 1 << 1;
pub const ORG_WORD: u32 = 1 << 2;
pub const TITLE: u32 = 1 << 3;
pub const NOT_NAME: u32 = 1 << 4;
pub const SKIPPABLE: u32 = 1 << 5;
pub const NP_STOP: u32 = 1 << 6;
pub const NOUN_MARKER: u32 = 1 << 7;
pub const TITLE_ABBREVIATION: u32 = 1 << 8;
pub const ABBREVIATION: u32 = 1 << 9;
pub const QUESTIONER: u32 = 1 << 10;
pub const NOT_LABEL: u32 = 1 << 11;
pub const FIRST_PERSON_WORD: u32 = 1 << 12;
pub const ISE_EXCEPTION: u32 = 1 << 13;
pub const ELISION: u32 = 1 << 14;
pub const DETERMINER: u32 = 1 << 15;
pub const PRONOUN: u32 = 1 << 16;
/// The first word of a multi-word cue (`took` of `took to Twitter`).
pub const PHRASE_START: u32 = 1 << 17;
/// A document that can be the source of words (`the report said`).
pub const DOCUMENT: u32 = 1 << 18;

const CLASSES: &[(&[&str], u32)] = &[
    (PERSON_ROLES, PERSON_ROLE),
    (ORG_HEADS, ORG_HEAD),
    (DOCUMENTS, ORG_HEAD | DOCUMENT),
    (ORG_WORDS, ORG_WORD),
    (TITLES, TITLE),
    (NOT_NAMES, NOT_NAME),
    (SKIPPABLE_BEFORE_VERB, SKIPPABLE),
    (NP_STOPS, NP_STOP),
    (NOUN_MARKERS, NOUN_MARKER),
    (TITLE_ABBREVIATIONS, TITLE_ABBREVIATION),
    (ABBREVIATIONS, ABBREVIATION),
    (QUESTIONER_LABELS, QUESTIONER),
    (NOT_LABELS, NOT_LABEL),
    (FIRST_PERSON, FIRST_PERSON_WORD),
    (ISE_EXCEPTIONS, ISE_EXCEPTION),
    (ELISIONS, ELISION),
    (
        &["the", "this", "that", "a", "an", "one", "another"],
        DETERMINER,
    ),
    (&["he", "she", "they", "it", "i", "we", "who"], PRONOUN),
];

fn table() -> &'static FxHashMap<String, Entry> {
    static T: OnceLock<FxHashMap<String, Entry>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m: FxHashMap<String, Entry> = FxHashMap::default();
        let plain = Cue {
            weak: false,
            participle: false,
            forward_only: false,
            block: true,
        };
        let mut cues: Vec<(String, Cue)> = Vec::new();
        for verb in SPEECH_VERBS {
            for f in verb_forms(verb).into_iter().filter(|f| cue_form(verb, f)) {
                let participle = f.ends_with("ing") && f != *verb;
                cues.push((
                    f,
                    Cue {
                        participle,
                        block: !participle,
                        ..plain
                    },
                ));
            }
        }
        for verb in PAST_ONLY {
            for f in [verb.to_string(), format!("{verb}s")] {
                cues.push((
                    f,
                    Cue {
                        weak: true,
                        block: false,
                        ..plain
                    },
                ));
            }
        }
        for verb in WEAK_VERBS {
            for f in verb_forms(verb).into_iter().filter(|f| cue_form(verb, f)) {
                let participle = f.ends_with("ing") && f != *verb;
                cues.push((
                    f,
                    Cue {
                        weak: true,
                        participle,
                        block: false,
                        ..plain
                    },
                ));
            }
        }
        cues.push((
            "according".to_string(),
            Cue {
                forward_only: true,
                block: false,
                ..plain
            },
        ));
        for (verb, _) in PHRASAL_CUES {
            for f in verb_forms(verb) {
                m.entry(f).or_default().class |= PHRASE_START;
            }
        }
        for (w, c) in cues {
            let e = m.entry(w).or_default();
            // A verb in both lists keeps its first, stronger reading.
            if e.cue.is_none() {
                e.cue = Some(c);
            }
        }
        for (words, bit) in CLASSES {
            for w in *words {
                m.entry(w.to_string()).or_default().class |= bit;
            }
        }
        m
    })
}

/// Everything the lexicon knows about a lowercase word.
pub fn entry(lower: &str) -> Entry {
    table().get(lower).copied().unwrap_or_default()
}

/// The cue verb this lowercase word is, if any.
pub fn cue(lower: &str) -> Option<Cue> {
    entry(lower).cue
}
