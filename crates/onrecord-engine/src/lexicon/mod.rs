//! Word lists for news prose, kept in one place so that rules elsewhere stay
//! generic and the lists can grow without touching the logic.
//!
//! Every list is lowercase; lookups lowercase the word first.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// `is_x(lower)`: whether a word has a class bit.
macro_rules! word_set {
    ($fn_name:ident, $class:ident) => {
        pub fn $fn_name(lower: &str) -> bool {
            entry(lower).is(WordClass::$class)
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
    pub class: WordClass,
    pub cue: Option<Cue>,
}

impl Entry {
    /// Whether the word has any of the classes.
    pub fn is(self, class: WordClass) -> bool {
        self.class.intersects(class)
    }
}

bitflags::bitflags! {
    /// The classes a word belongs to; a word can have several.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    pub struct WordClass: u32 {
        const PERSON_ROLE = 1 << 0;
        const ORG_HEAD = 1 << 1;
        const ORG_WORD = 1 << 2;
        const TITLE = 1 << 3;
        const NOT_NAME = 1 << 4;
        const SKIPPABLE = 1 << 5;
        const NP_STOP = 1 << 6;
        const NOUN_MARKER = 1 << 7;
        const TITLE_ABBREVIATION = 1 << 8;
        const ABBREVIATION = 1 << 9;
        const QUESTIONER = 1 << 10;
        const NOT_LABEL = 1 << 11;
        const FIRST_PERSON_WORD = 1 << 12;
        const ISE_EXCEPTION = 1 << 13;
        const ELISION = 1 << 14;
        const DETERMINER = 1 << 15;
        const PRONOUN = 1 << 16;
        /// The first word of a multi-word cue (`took` of `took to Twitter`).
        const PHRASE_START = 1 << 17;
        /// A document that can be the source of words (`the report said`).
        const DOCUMENT = 1 << 18;
    }
}

const CLASSES: &[(&[&str], WordClass)] = &[
    (PERSON_ROLES, WordClass::PERSON_ROLE),
    (ORG_HEADS, WordClass::ORG_HEAD),
    (DOCUMENTS, WordClass::ORG_HEAD.union(WordClass::DOCUMENT)),
    (ORG_WORDS, WordClass::ORG_WORD),
    (TITLES, WordClass::TITLE),
    (NOT_NAMES, WordClass::NOT_NAME),
    (SKIPPABLE_BEFORE_VERB, WordClass::SKIPPABLE),
    (NP_STOPS, WordClass::NP_STOP),
    (NOUN_MARKERS, WordClass::NOUN_MARKER),
    (TITLE_ABBREVIATIONS, WordClass::TITLE_ABBREVIATION),
    (ABBREVIATIONS, WordClass::ABBREVIATION),
    (QUESTIONER_LABELS, WordClass::QUESTIONER),
    (NOT_LABELS, WordClass::NOT_LABEL),
    (FIRST_PERSON, WordClass::FIRST_PERSON_WORD),
    (ISE_EXCEPTIONS, WordClass::ISE_EXCEPTION),
    (ELISIONS, WordClass::ELISION),
    (
        &["the", "this", "that", "a", "an", "one", "another"],
        WordClass::DETERMINER,
    ),
    (
        &["he", "she", "they", "it", "i", "we", "who"],
        WordClass::PRONOUN,
    ),
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
                m.entry(f).or_default().class |= WordClass::PHRASE_START;
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
                m.entry(w.to_string()).or_default().class |= *bit;
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
