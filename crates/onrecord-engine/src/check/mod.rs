//! Checking a draft against the corpus: for each quotation in a write-up,
//! where the sources carry its words, who they say said them, and what is
//! wrong with how the draft quotes them.
//!
//! Pure: a [`Corpus`] is built from an [`Analysis`], a draft is a parsed
//! [`Document`]; results carry file offsets (UTF-8 bytes) of the draft and
//! of the corpus files, never editor positions.

use crate::attribute::{Confidence, DocEntity, EntityKind, KnownPeople};
use crate::config::{Code, Config, Severity};
use crate::corpus::{Document, FileOffset};
use crate::engine::{self, Analysis};
use crate::extract::Kind;
use crate::ids::{DocId, QuoteId, SpeakerId};
use crate::link::{self, Word};
use rayon::prelude::*;

mod index;
pub use index::*;
mod result;
pub use result::*;
mod resolve;
use resolve::*;
mod speakers;
pub use speakers::*;
mod findings;
pub use findings::*;
mod fixes;
use fixes::*;
mod suppress;
use suppress::*;
#[cfg(test)]
mod tests;

/// Whether a quotation marks words left out (`...` or `…`): its words
/// are then looked for in pieces.
fn has_ellipsis(text: &str) -> bool {
    text.contains("...") || text.contains('…')
}

/// Quotations must share this much of their words with a source to count
/// as a (mis)quotation of it rather than as new words.
const CLOSE_SHARE: f32 = 0.6;
/// Share of a draft quotation's words one half of a split source quotation
/// must hold for the halves to be tried together.
const HALF_SHARE: f32 = 0.3;

/// Checks every quotation of a draft against the corpus.
pub fn check(corpus: &Corpus, draft: &Document, config: &Config) -> DraftReport {
    check_unless(corpus, None, draft, config, &|| false).unwrap_or_default()
}

/// [`check`], giving up (with `None`) as soon as `cancelled` says so: it is
/// asked after the draft is read and before each quotation, so that a check
/// a newer version of the draft has superseded stops instead of finishing
/// on a busy thread.
/// With a `memo`, quotations already looked up in this corpus are not
/// looked up again.
pub fn check_unless(
    corpus: &Corpus,
    memo: Option<&PlaceMemo>,
    draft: &Document,
    config: &Config,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<DraftReport> {
    let result = engine::analyze_draft(draft, &corpus.known);
    if cancelled() {
        return None;
    }
    let disabled = Disabled::parse(draft);
    let mut report = DraftReport::default();
    // Look the quotations up in parallel first; the rest is cheap.
    let mut lookups: Vec<Option<Vec<Place>>> = result
        .extraction
        .quotes
        .par_iter()
        .map(|q| {
            // The outer `None` stops the lookups: the check was cancelled.
            if cancelled() {
                return None;
            }
            if q.kind == Kind::Block && q.holds_quotes {
                return Some(None);
            }
            let segments: Vec<(u32, u32)> = q.segments.iter().map(|s| (s.start, s.end)).collect();
            let qw = link::quotation_words(&draft.text, &segments);
            Some(
                (qw.len() >= config.min_words.max(link::N)).then(|| {
                    corpus.places_of(memo, &q.text(&draft.text), &qw, &draft.text, &segments)
                }),
            )
        })
        .while_some()
        .collect();
    if lookups.len() < result.extraction.quotes.len() {
        return None;
    }
    for (qi, q) in result.extraction.quotes.iter().enumerate() {
        if cancelled() {
            return None;
        }
        if q.kind == Kind::Block && q.holds_quotes {
            continue;
        }
        let segments: Vec<(u32, u32)> = q.segments.iter().map(|s| (s.start, s.end)).collect();
        let qw = link::quotation_words(&draft.text, &segments);
        let mut qc = draft_quote(draft, &result, qi, &segments);
        if qw.len() >= config.min_words.max(link::N) {
            let ellipsis = has_ellipsis(&qc.text);
            let places = lookups[qi].take().unwrap_or_default();
            resolve(corpus, draft, &mut qc, &qw, places, ellipsis);
        }
        let entity = result.attribution.speakers[qi]
            .as_ref()
            .map(|sp| &result.attribution.entities[sp.who as usize]);
        let index = report.quotes.len();
        for mut f in findings(corpus, draft, &qc, entity, config) {
            // A source read with undecodable bytes would write them into
            // the draft as stand-ins: such a fix is not offered.
            f.fixes
                .retain(|x| !x.edit.replacement.contains(['\u{1a}', '\u{fffd}']));
            let line = draft.line_of(f.start);
            if f.severity != Severity::Off && !disabled.covers(line, f.code) {
                report.findings.push(Finding { quote: index, ..f });
            }
        }
        report.quotes.push(qc);
    }
    Some(report)
}

/// A draft quotation as its check starts: its places in the draft's file,
/// its words, and the speaker the draft gives it.
fn draft_quote(
    draft: &Document,
    result: &engine::DocResult,
    qi: usize,
    segments: &[(u32, u32)],
) -> QuoteCheck {
    let q = &result.extraction.quotes[qi];
    let speaker = result.attribution.speakers[qi].as_ref().map(|sp| {
        let e = &result.attribution.entities[sp.who as usize];
        DraftSpeaker {
            name: e.name.clone(),
            mention: sp
                .mention
                .map(|(s, e)| (draft.raw_start(s), draft.raw_end(e))),
            anonymous: e.anonymous,
            kind: e.kind,
        }
    });
    QuoteCheck {
        kind: q.kind,
        open: draft.raw_start(q.open),
        close: draft.raw_end(q.close),
        segments: segments
            .iter()
            .map(|&(s, e)| (draft.raw_start(s), draft.raw_end(e)))
            .collect(),
        text: q.text(&draft.text),
        attributed: speaker.is_some()
            || result
                .attribution
                .attributed
                .get(qi)
                .copied()
                .unwrap_or(false),
        speaker,
        status: Status::Unchecked,
        sources: Vec::new(),
        unlisted: 0,
        said_by: Vec::new(),
        differs: Vec::new(),
    }
}

impl Corpus {
    /// A corpus article.
    #[inline]
    pub fn doc(&self, id: DocId) -> &Document {
        self.analysis.doc(id)
    }
}
