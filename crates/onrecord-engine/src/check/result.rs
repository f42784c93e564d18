//! What a check finds: each quotation's status, where the sources carry
//! it, and the findings with their fixes. Plain data, file offsets only.

#[allow(unused_imports)]
use super::*;

/// A place in the corpus that carries a draft quotation's words.
#[derive(Clone, Debug)]
pub(super) struct Place {
    pub(super) doc: DocId,
    pub(super) start: u32,
    pub(super) end: u32,
    pub(super) matched: u32,
    pub(super) total: u32,
    pub(super) q_start: u32,
    pub(super) q_end: u32,
    pub(super) differ_q: Vec<u32>,
    pub(super) differ_r: Vec<(u32, u32)>,
}

/// A place in the corpus that carries a quotation's words, as shown to the
/// user. Offsets are file bytes of that article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourcePlace {
    pub doc: DocId,
    pub start: FileOffset,
    pub end: FileOffset,
    /// The corpus quotation at that place, when it is quoted there.
    pub quote: Option<QuoteId>,
    /// Who that article says said it.
    pub speaker: Option<SpeakerId>,
    /// The words there are the same as the quotation's.
    pub exact: bool,
    /// File spans of the words there that differ.
    pub differs: Vec<(FileOffset, FileOffset)>,
    /// A transcript, or the speaker's own article.
    pub primary: bool,
}

/// Who a draft says said a quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftSpeaker {
    pub name: String,
    /// File span of the name, pronoun or description in the draft.
    pub mention: Option<(FileOffset, FileOffset)>,
    pub anonymous: bool,
    pub kind: EntityKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Too short to check.
    Unchecked,
    /// The words are in the corpus as quoted.
    Exact,
    /// Close to a source, but not the same words.
    Differs,
    /// Found nowhere.
    Unknown,
}

/// A quotation of a draft (or of a corpus article) with what the corpus
/// says about it.
#[derive(Clone, Debug)]
pub struct QuoteCheck {
    pub kind: Kind,
    /// File offsets of the opening and just past the closing mark.
    pub open: FileOffset,
    pub close: FileOffset,
    /// File spans of the quoted words.
    pub segments: Vec<(FileOffset, FileOffset)>,
    pub text: String,
    pub speaker: Option<DraftSpeaker>,
    pub status: Status,
    /// Every place in the corpus that carries the words, primary first.
    pub sources: Vec<SourcePlace>,
    /// More places that carry the words, past the ones listed (a sentence
    /// the corpus repeats more than [`crate::engine::MAX_SOURCES`] times).
    pub unlisted: usize,
    /// Who the sources say said it (corpus speakers), most often first.
    pub said_by: Vec<SpeakerId>,
    /// File spans of the words here that differ from the closest source.
    pub differs: Vec<(FileOffset, FileOffset)>,
    /// The text attributes the quotation, even where the speaker could not
    /// be named.
    pub attributed: bool,
}

/// One text edit: replace `start..end` (file bytes) with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub start: FileOffset,
    pub end: FileOffset,
    pub replacement: String,
}

/// What applying a fix does to the finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixKind {
    /// Makes the draft agree with the sources: attributes the quotation,
    /// restores the source wording, or names the sources' speaker.
    Repair,
    /// Adds a comment that silences this finding's code on this line.
    Disable,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub kind: FixKind,
    pub title: String,
    pub edit: Edit,
}

impl Fix {
    pub fn repair(title: String, edit: Edit) -> Fix {
        Fix {
            kind: FixKind::Repair,
            title,
            edit,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Finding {
    /// Index into [`DraftReport::quotes`].
    pub quote: usize,
    pub code: Code,
    pub severity: Severity,
    /// File span of the quotation, marks included.
    pub start: FileOffset,
    pub end: FileOffset,
    pub message: String,
    /// The repairs, the most useful first, then the disable comment.
    pub fixes: Vec<Fix>,
}

impl Finding {
    /// The fixes that repair the quotation, the most useful first.
    pub fn repairs(&self) -> impl Iterator<Item = &Fix> {
        self.fixes.iter().filter(|f| f.kind == FixKind::Repair)
    }

    /// The repair to prefer, if there is one.
    pub fn preferred(&self) -> Option<&Fix> {
        self.repairs().next()
    }

    /// The fix that silences this finding on its line.
    pub fn disable(&self) -> Option<&Fix> {
        self.fixes.iter().find(|f| f.kind == FixKind::Disable)
    }
}

#[derive(Clone, Debug, Default)]
pub struct DraftReport {
    pub quotes: Vec<QuoteCheck>,
    /// In the order of the draft.
    pub findings: Vec<Finding>,
}
