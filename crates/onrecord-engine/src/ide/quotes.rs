//! The quotations of a target and the one at a place, in the checker's
//! shape whether they come from a draft or from the corpus; and search.

use super::Target;
use crate::check::{Corpus, DraftSpeaker, QuoteCheck, SourcePlace, Status};
use crate::corpus::FileOffset;
use crate::ids::{DocId, QuoteId, SpeakerId};
use std::borrow::Cow;

/// What the corpus says about one of its own quotations, in the shape of a
/// draft's: for hovering and jumping from a source article.
pub fn corpus_quote(corpus: &Corpus, qi: QuoteId) -> QuoteCheck {
    let a = &corpus.analysis;
    let q = a.quote(qi);
    let doc = a.doc(q.doc);
    let found = a.sources(qi);
    let mut sources: Vec<SourcePlace> = found
        .listed
        .into_iter()
        .map(|s| {
            let sd = a.doc(s.doc);
            let speaker = s
                .quote
                .and_then(|o| a.quote(o).speaker.as_ref().map(|x| x.who));
            SourcePlace {
                doc: s.doc,
                start: sd.raw_start(s.start),
                end: sd.raw_end(s.end),
                quote: s.quote,
                speaker,
                exact: s.exact,
                differs: s
                    .differs
                    .iter()
                    .map(|&(x, y)| (sd.raw_start(x), sd.raw_end(y)))
                    .collect(),
                primary: a.is_primary(s.quote, speaker, s.doc),
            }
        })
        .collect();
    sources.sort_by_key(|s| (!s.primary, s.quote.is_none(), s.doc, s.start));
    let own = q.speaker.as_ref().map(|s| s.who);
    let mut said_by: Vec<SpeakerId> = own.into_iter().collect();
    for s in &sources {
        if let Some(sp) = s.speaker {
            if !said_by.contains(&sp) {
                said_by.push(sp);
            }
        }
    }
    QuoteCheck {
        kind: q.quote.kind,
        open: doc.raw_start(q.quote.open),
        close: doc.raw_end(q.quote.close),
        segments: q
            .quote
            .segments
            .iter()
            .map(|s| (doc.raw_start(s.start), doc.raw_end(s.end)))
            .collect(),
        text: q.quote.text(&doc.text),
        speaker: q.speaker.as_ref().map(|s| {
            let e = a.speaker(s.who);
            DraftSpeaker {
                name: e.name.clone(),
                mention: s.mention.map(|(x, y)| (doc.raw_start(x), doc.raw_end(y))),
                anonymous: e.anonymous,
                kind: e.kind,
            }
        }),
        status: Status::Exact,
        sources,
        unlisted: found.unlisted,
        said_by,
        differs: Vec::new(),
        attributed: q.speaker.is_some(),
    }
}

/// The corpus quotation at a file offset of a corpus article.
pub fn corpus_quote_at(corpus: &Corpus, doc: DocId, offset: FileOffset) -> Option<QuoteId> {
    let a = &corpus.analysis;
    let d = a.doc(doc);
    a.doc_quotes(doc)
        .filter(|&i| {
            let q = &a.quote(i).quote;
            d.raw_start(q.open) <= offset && offset <= d.raw_end(q.close)
        })
        // The innermost quotation: a quote inside a block wins.
        .min_by_key(|&i| {
            let q = &a.quote(i).quote;
            q.close - q.open
        })
}

/// Corpus quotations whose words or speaker hold `query` (case-insensitive).
pub fn search(corpus: &Corpus, query: &str, limit: usize) -> Vec<QuoteId> {
    let a = &corpus.analysis;
    let q = query.trim().to_lowercase();
    let mut out = Vec::new();
    for (i, info) in a.quotes.iter().enumerate() {
        if out.len() == limit {
            break;
        }
        let doc = a.doc(info.doc);
        let speaker = info
            .speaker
            .as_ref()
            .map(|s| a.speaker(s.who).name.to_lowercase())
            .unwrap_or_default();
        if q.is_empty()
            || speaker.contains(&q)
            || info.quote.text(&doc.text).to_lowercase().contains(&q)
        {
            out.push(QuoteId::new(i));
        }
    }
    out
}

/// Every quotation of a target, with what the corpus says of it.
/// A draft's are borrowed: hints and lenses ask for them on every scroll.
pub fn quotes<'a>(corpus: &Corpus, target: Target<'a>) -> Cow<'a, [QuoteCheck]> {
    match target {
        Target::Draft(report) => Cow::Borrowed(&report.quotes),
        Target::Source(doc) => Cow::Owned(
            corpus
                .analysis
                .doc_quotes(doc)
                .map(|qi| corpus_quote(corpus, qi))
                .collect(),
        ),
    }
}

/// The quotation at a file offset of the target: the innermost one, so
/// that a quotation inside a block quotation wins.
pub fn quote_at(corpus: &Corpus, target: Target<'_>, offset: FileOffset) -> Option<QuoteCheck> {
    match target {
        Target::Draft(report) => report
            .quotes
            .iter()
            .filter(|q| q.open <= offset && offset <= q.close)
            .min_by_key(|q| q.close - q.open)
            .cloned(),
        Target::Source(doc) => {
            corpus_quote_at(corpus, doc, offset).map(|qi| corpus_quote(corpus, qi))
        }
    }
}
