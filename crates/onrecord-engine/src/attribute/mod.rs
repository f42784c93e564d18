//! Deciding who said each quotation.
//!
//! Each paragraph outside quotations is cut into tokens, with one token
//! standing for each quotation, and into sentences. Every cue verb (`said`,
//! `according to`, …) gets a subject: a name, a description, or a pronoun
//! resolved to the most recent fitting speaker. A quotation then takes the
//! speaker of the cue right after it, else of the cue before it in its
//! sentence, else of the quotation or sentence that leads into it. When none
//! applies the speaker stays unknown: a wrong name is worse than none.

use crate::extract::{Extraction, Kind, Quotation};
use crate::lexicon::{self, Cue, Definiteness, Entry, Gender, Pronoun};

mod tokens;
use tokens::*;
mod article;
use article::Attributor;
mod context;
pub use context::*;
mod cues;
mod entities;
mod phrases;
mod pronouns;
use cues::*;
mod mentions;
pub(crate) use mentions::surname_key;
use mentions::*;
mod subjects;
use subjects::*;
mod labels;
use labels::*;
mod pins;
pub use pins::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityKind {
    Person,
    Organization,
    /// A single capitalised name that could be either.
    Unknown,
}

/// One speaker as this article names or describes them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocEntity {
    /// A name (`Ian Kelly`) or, for an unnamed speaker, the description
    /// (`State Department official`).
    pub name: String,
    pub kind: EntityKind,
    pub anonymous: bool,
    pub role: Option<String>,
    /// Lowercase head nouns this speaker has been described by (`official`).
    pub heads: Vec<String>,
    pub gender: Option<Gender>,
    pub aliases: Vec<String>,
}

/// How a quotation's speaker was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// A cue right after the quotation: `"…," the official said`.
    After,
    /// A cue before it in the same sentence: `Kelly said that "…"`.
    Before,
    /// The other half of a split quotation, or a quotation that follows an
    /// attributed one in the same paragraph.
    Continued,
    /// A quotation paragraph after a sentence that names the speaker.
    PreviousParagraph,
    /// The paragraph that introduces a block with a colon.
    Introduction,
    /// A transcript's speaker label.
    Label,
    /// The signed last line of a block (`— Jo Ray`).
    Signature,
    /// A user's correction in the article's sidecar.
    Pinned,
}

/// Who said a quotation, and where the text says so: the one shape of the
/// speaker at a quotation, whether `who` is one of an article's entities
/// ([`Speaker`], what attribution finds) or a speaker of the whole corpus
/// (`engine::QuoteSpeaker`, what the analysis keeps).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerAt<Who> {
    pub who: Who,
    /// View span of the words that name the speaker here (a name, pronoun,
    /// description or label), when they are in the quotation's own
    /// sentence or label.
    pub mention: Option<(u32, u32)>,
    pub cue: Option<String>,
    pub via: Via,
    pub confidence: Confidence,
    /// For a pronoun at the cue, or a speaker carried over from an earlier
    /// quotation, where the article named that person.
    pub antecedent: Option<Antecedent>,
}

impl<Who> SpeakerAt<Who> {
    /// The same speaker at the same place, named by another index: an
    /// article's entity becomes a corpus speaker.
    pub fn known_as<Other>(&self, who: Other) -> SpeakerAt<Other> {
        SpeakerAt {
            who,
            mention: self.mention,
            cue: self.cue.clone(),
            via: self.via,
            confidence: self.confidence,
            antecedent: self.antecedent,
        }
    }

    /// The view span where the article named the person a pronoun or a
    /// carried-over speaker stands for.
    pub fn named_at(&self) -> Option<(u32, u32)> {
        self.antecedent.map(|a| (a.start, a.end))
    }
}

/// The speaker at a quotation of one article: `who` indexes
/// [`Attribution::entities`].
pub type Speaker = SpeakerAt<u32>;

/// How sure the engine is of a quotation's speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Confidence {
    /// Named at the cue of the quotation's own sentence, by a transcript
    /// label, or by a signature.
    Certain,
    /// Through a pronoun, a description, or carried over from an earlier
    /// quotation, sentence or paragraph.
    Likely,
}

#[derive(Clone, Debug, Default)]
pub struct Attribution {
    pub entities: Vec<DocEntity>,
    /// One per quotation of the extraction, in the same order.
    pub speakers: Vec<Option<Speaker>>,
    /// Full names given with a role or title (`spokesman Ian Kelly`), and
    /// that role, whether or not they speak here.
    pub introduced: Vec<(String, Option<String>)>,
    /// One per quotation: it sits inside the reporter's own sentence (`said
    /// she has "every confidence in the process"`) rather than standing as
    /// the speaker's sentence.
    pub partial: Vec<bool>,
    /// One per quotation: its sentence attributes it, even where the
    /// speaker could not be named (`he said` with nobody to stand for).
    pub attributed: Vec<bool>,
}

/// Attributes every quotation of one article. `author` is the byline, used
/// for first-person cues in the reporter's own voice.
pub fn attribute(text: &str, ex: &Extraction, author: Option<&str>) -> Attribution {
    attribute_with(text, ex, author, None)
}

/// People a corpus names in full, by lowercase surname, for reading a
/// draft written from it: the draft's `Trump spoke on Tuesday. "…," he
/// said.` is about the Donald Trump of the sources. A surname two people
/// share maps to nobody.
#[derive(Clone, Debug, Default)]
pub struct KnownPeople {
    /// Full names by lowercase surname, with how many quotations each has.
    by_surname: rustc_hash::FxHashMap<String, Vec<(String, u32)>>,
}

impl KnownPeople {
    /// Counts one quotation of a person the corpus names in full.
    pub fn add(&mut self, full_name: &str, quotations: u32) {
        let Some((_, surname)) = full_name.rsplit_once(' ') else {
            return;
        };
        let list = self.by_surname.entry(surname.to_lowercase()).or_default();
        match list.iter_mut().find(|(n, _)| n == full_name) {
            Some(entry) => entry.1 += quotations,
            None => list.push((full_name.to_string(), quotations)),
        }
    }

    /// The person a lone surname means: the only one the corpus gives it,
    /// or one quoted at least four times as often as all the others.
    fn full_name(&self, surname: &str) -> Option<&str> {
        let list = self.by_surname.get(&surname.to_lowercase())?;
        let (best, n) = list.iter().max_by_key(|(_, n)| *n)?;
        let others: u32 = list.iter().map(|(_, n)| n).sum::<u32>() - n;
        (*n >= 4 * others.max(1) || others == 0).then_some(best.as_str())
    }
}

/// [`attribute`] for a draft, knowing the people of the corpus it was
/// written from.
pub fn attribute_with(
    text: &str,
    ex: &Extraction,
    author: Option<&str>,
    known: Option<&KnownPeople>,
) -> Attribution {
    let mut reader = Attributor::new(text, ex, author, known);
    for (pi, p) in ex.paragraphs.iter().enumerate() {
        reader.paragraph(pi, p);
    }
    reader.attribute_blocks();
    reader.settle_confidence();
    reader.finish()
}

/// Certain when the quotation's own sentence names the speaker at its cue
/// (or a label or signature does); likely through a pronoun, a
/// description standing for a named person, or an earlier sentence.
fn confidence_of(text: &str, sp: &Speaker, ent: &DocEntity) -> Confidence {
    match sp.via {
        Via::Label | Via::Signature | Via::Pinned => Confidence::Certain,
        Via::Continued | Via::PreviousParagraph => Confidence::Likely,
        Via::After | Via::Before | Via::Introduction => {
            let Some((s, e)) = sp.mention else {
                return Confidence::Likely;
            };
            let mention = text.get(s as usize..e as usize).unwrap_or("");
            let lower = mention.to_lowercase();
            if lexicon::pronoun(lower.trim()).is_some() {
                return Confidence::Likely;
            }
            if ent.anonymous {
                return Confidence::Certain;
            }
            let surname = surname_key(&ent.name);
            if !surname.is_empty() && lower.contains(&surname) {
                Confidence::Certain
            } else {
                Confidence::Likely
            }
        }
    }
}
