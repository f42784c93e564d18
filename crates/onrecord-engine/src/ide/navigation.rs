//! Jumping from a quotation: the corpus places that carry its words
//! (primary source first), the drafts that quote the same places, and the
//! places a finding points to.

use super::{quote_at, Target};
use crate::check::{self, Corpus, DraftReport, QuoteCheck, SourcePlace};
use crate::corpus::FileOffset;

/// Places a finding lists beside its message; past this, the hover has
/// them all.
const RELATED: usize = 10;

/// The corpus places that carry the words of the quotation at a file
/// offset of the target, primary first.
pub fn sources_at(corpus: &Corpus, target: Target<'_>, offset: FileOffset) -> Vec<SourcePlace> {
    quote_at(corpus, target, offset)
        .map(|q| q.sources)
        .unwrap_or_default()
}

/// The file spans of a draft's quotations that share a corpus place with
/// `places`: other write-ups quoting the same words.
pub fn quotes_sharing(
    report: &DraftReport,
    places: &[SourcePlace],
) -> Vec<(FileOffset, FileOffset)> {
    report
        .quotes
        .iter()
        .filter(|q| {
            q.sources.iter().any(|s| {
                places
                    .iter()
                    .any(|o| o.doc == s.doc && o.start < s.end && s.start < o.end)
            })
        })
        .map(|q| (q.open, q.close))
        .collect()
}

/// A source to show beside a finding, and what it says.
#[derive(Clone, Debug)]
pub struct Related {
    pub place: SourcePlace,
    /// The speaker the source gives and its wording.
    pub message: String,
}

/// The sources a finding on the quotation points to, with who each says
/// spoke and its wording.
pub fn related(corpus: &Corpus, q: &QuoteCheck) -> Vec<Related> {
    q.sources
        .iter()
        .take(RELATED)
        .map(|s| {
            let who = s.speaker.map_or_else(
                || "no speaker given".to_string(),
                |x| corpus.analysis.speaker(x).name.clone(),
            );
            Related {
                place: s.clone(),
                message: format!("{who}: \u{201c}{}\u{201d}", check::wording(corpus, s)),
            }
        })
        .collect()
}
