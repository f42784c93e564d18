//! Quotations as symbols: a document's outline, and a search over the
//! corpus by words or speaker.

use super::{quotes, search, short, Target};
use crate::check::Corpus;
use crate::corpus::FileOffset;
use crate::ids::DocId;

/// Characters of a quotation's words shown as a symbol's name.
const NAME_CHARS: usize = 60;
/// Matches a corpus search returns at most.
const SEARCH_LIMIT: usize = 200;

/// A quotation as a symbol: its words and who said it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    /// The corpus article, for a corpus search; `None` in an outline.
    pub doc: Option<DocId>,
    pub open: FileOffset,
    pub close: FileOffset,
    /// The words, shortened, in quotation marks.
    pub name: String,
    /// The speaker: the one the text names, else the sources' first.
    pub speaker: Option<String>,
}

/// The target's quotations, in order.
pub fn document_symbols(corpus: &Corpus, target: Target<'_>) -> Vec<Symbol> {
    quotes(corpus, target)
        .iter()
        .map(|q| Symbol {
            doc: None,
            open: q.open,
            close: q.close,
            name: quoted(&q.text),
            speaker: q.speaker.as_ref().map(|s| s.name.clone()).or_else(|| {
                q.said_by
                    .first()
                    .map(|&s| corpus.analysis.speaker(s).name.clone())
            }),
        })
        .collect()
}

/// Corpus quotations whose words or speaker hold `query`.
pub fn workspace_symbols(corpus: &Corpus, query: &str) -> Vec<Symbol> {
    let a = &corpus.analysis;
    search(corpus, query, SEARCH_LIMIT)
        .into_iter()
        .map(|qi| {
            let info = a.quote(qi);
            let doc = a.doc(info.doc);
            Symbol {
                doc: Some(info.doc),
                open: doc.raw_start(info.quote.open),
                close: doc.raw_end(info.quote.close),
                name: quoted(&info.quote.text(&doc.text)),
                speaker: info.speaker.as_ref().map(|s| a.speaker(s.who).name.clone()),
            }
        })
        .collect()
}

fn quoted(text: &str) -> String {
    format!("\u{201c}{}\u{201d}", short(text, NAME_CHARS))
}
