//! What `onrecord quotes` prints: one record per quotation, as JSON for
//! tools (a stable contract) or as lines for people.

use onrecord_engine::attribute::{Confidence, Via};
use onrecord_engine::corpus::ColumnCursor;
use onrecord_engine::engine::Analysis;
use onrecord_engine::extract::Kind;
use onrecord_engine::ids::QuoteId;
use serde::Serialize;

/// How the speaker was found, as the JSON contract spells it. The engine's
/// `Via` may grow or be renamed; this may not without a new contract, and
/// the exhaustive `From` makes a new engine variant a compile error here.
#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ViaRecord {
    After,
    Before,
    Continued,
    PreviousParagraph,
    Introduction,
    Label,
    Signature,
    Pinned,
}

impl From<Via> for ViaRecord {
    fn from(via: Via) -> ViaRecord {
        match via {
            Via::After => ViaRecord::After,
            Via::Before => ViaRecord::Before,
            Via::Continued => ViaRecord::Continued,
            Via::PreviousParagraph => ViaRecord::PreviousParagraph,
            Via::Introduction => ViaRecord::Introduction,
            Via::Label => ViaRecord::Label,
            Via::Signature => ViaRecord::Signature,
            Via::Pinned => ViaRecord::Pinned,
        }
    }
}

/// How sure the engine is of the speaker, as the contract spells it.
#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ConfidenceRecord {
    Certain,
    Likely,
}

impl From<Confidence> for ConfidenceRecord {
    fn from(c: Confidence) -> ConfidenceRecord {
        match c {
            Confidence::Certain => ConfidenceRecord::Certain,
            Confidence::Likely => ConfidenceRecord::Likely,
        }
    }
}

/// The kind of quotation, as the contract spells it.
#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum KindRecord {
    Quote,
    Fragment,
    Block,
    Transcript,
}

impl From<Kind> for KindRecord {
    fn from(k: Kind) -> KindRecord {
        match k {
            Kind::Quote => KindRecord::Quote,
            Kind::Fragment => KindRecord::Fragment,
            Kind::Block => KindRecord::Block,
            Kind::Transcript => KindRecord::Transcript,
        }
    }
}

impl KindRecord {
    pub fn as_str(self) -> &'static str {
        match self {
            KindRecord::Quote => "quote",
            KindRecord::Fragment => "fragment",
            KindRecord::Block => "block",
            KindRecord::Transcript => "transcript",
        }
    }
}

#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct SpeakerRecord {
    pub name: String,
    /// The words that name the speaker at this quotation, if any.
    pub mention: Option<String>,
    /// File byte offsets of the mention; null when the speaker is inferred.
    pub start: Option<u32>,
    pub end: Option<u32>,
    pub cue: Option<String>,
    pub role: Option<String>,
    pub anonymous: bool,
    /// How the speaker was found (`after`, `before`, `continued`, …).
    pub via: ViaRecord,
    /// `certain` (named at the cue, a label or a signature) or `likely`
    /// (a pronoun, a description, an earlier sentence).
    pub confidence: ConfidenceRecord,
}

#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct SourceRecord {
    pub file: String,
    pub line: u32,
    pub start: u32,
    pub end: u32,
    /// The words are quoted there (not only present in the text).
    pub quoted: bool,
    /// The speaker that place gives, when it is a quotation.
    pub speaker: Option<String>,
    /// Same words, word for word, after normalization.
    pub exact: bool,
}

#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct QuoteRecord {
    pub file: String,
    pub start: u32,
    pub end: u32,
    pub line: u32,
    pub column: u32,
    pub text: String,
    pub kind: KindRecord,
    /// The quotation sits inside the reporter's own sentence.
    pub partial: bool,
    pub speaker: Option<SpeakerRecord>,
    pub statement: u32,
    pub sources: Vec<SourceRecord>,
    /// More places that carry the words and are not listed: a sentence the
    /// corpus repeats more than a hundred times lists the first hundred.
    pub unlisted_sources: usize,
}

/// The records of every quotation, in corpus order.
pub fn records(a: &Analysis) -> Vec<QuoteRecord> {
    let mut cursor = (None, ColumnCursor::default());
    a.quote_ids()
        .map(|i| {
            let d = &a.quote(i).doc;
            if cursor.0 != Some(d) {
                cursor = (Some(d), ColumnCursor::default());
            }
            record_with(a, i, &mut cursor.1)
        })
        .collect()
}

/// The record of one quotation.
pub fn record(a: &Analysis, qi: QuoteId) -> QuoteRecord {
    record_with(a, qi, &mut ColumnCursor::default())
}

fn record_with(a: &Analysis, qi: QuoteId, cursor: &mut ColumnCursor) -> QuoteRecord {
    let q = a.quote(qi);
    let doc = a.doc(q.doc);
    let start = doc.raw_start(q.quote.start());
    let end = doc.raw_end(q.quote.end());
    let (line, column) = doc.line_col_from(start, cursor);
    let speaker = q.speaker.as_ref().map(|sp| {
        let ent = a.speaker(sp.who);
        SpeakerRecord {
            name: ent.name.clone(),
            mention: sp
                .mention
                .map(|(s, e)| doc.text[s as usize..e as usize].to_string()),
            start: sp.mention.map(|(s, _)| doc.raw_start(s).get()),
            end: sp.mention.map(|(_, e)| doc.raw_end(e).get()),
            cue: sp.cue.clone(),
            role: ent.role.clone(),
            anonymous: ent.anonymous,
            via: sp.via.into(),
            confidence: sp.confidence.into(),
        }
    });
    let found = a.sources(qi);
    let sources = found
        .listed
        .into_iter()
        .map(|s| {
            let sd = a.doc(s.doc);
            let rs = sd.raw_start(s.start);
            SourceRecord {
                file: sd.path.clone(),
                line: sd.line_of(rs),
                start: rs.get(),
                end: sd.raw_end(s.end).get(),
                quoted: s.quote.is_some(),
                speaker: s
                    .quote
                    .and_then(|o| a.quote(o).speaker.as_ref())
                    .map(|sp| a.speaker(sp.who).name.clone()),
                exact: s.exact,
            }
        })
        .collect();
    QuoteRecord {
        file: doc.path.clone(),
        start: start.get(),
        end: end.get(),
        line,
        column,
        text: q.quote.text(&doc.text),
        kind: q.quote.kind.into(),
        partial: q.partial,
        speaker,
        statement: a.links().statement_of(qi.index()),
        sources,
        unlisted_sources: found.unlisted,
    }
}

fn shorten(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let mut out: String = flat.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// One line per quotation: where, who, the words, how many other articles.
pub fn text_line(r: &QuoteRecord) -> String {
    let who = match &r.speaker {
        Some(s) => s.name.clone(),
        None => "(speaker unknown)".to_string(),
    };
    let mut files: Vec<&str> = r
        .sources
        .iter()
        .map(|s| s.file.as_str())
        .filter(|f| *f != r.file)
        .collect();
    files.sort_unstable();
    files.dedup();
    let more = if r.unlisted_sources > 0 { "+" } else { "" };
    let others = match files.len() {
        0 if more.is_empty() => String::new(),
        1 if more.is_empty() => "  [also in 1 other article]".to_string(),
        n => format!("  [also in {n}{more} other articles]"),
    };
    format!(
        "{}:{}:{}  {}  {}  “{}”{}",
        r.file,
        r.line,
        r.column,
        r.kind.as_str(),
        who,
        shorten(&r.text, 100),
        others
    )
}
