//! What an editor shows inline: a hint after each quotation naming who
//! said it, and a lens above it counting its sources.

use super::{quotes, Target};
use crate::check::{Corpus, Status};
use crate::corpus::FileOffset;

/// A label to show at a file offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    pub at: FileOffset,
    pub label: String,
}

/// After each quotation whose speaker the sources give: `— name`.
pub fn inlay_hints(corpus: &Corpus, target: Target<'_>) -> Vec<Hint> {
    quotes(corpus, target)
        .iter()
        .filter_map(|q| {
            let who = q.said_by.first()?;
            Some(Hint {
                at: q.close,
                label: format!("— {}", corpus.analysis.speaker(*who).name),
            })
        })
        .collect()
}

/// A line above a quotation, over its file span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lens {
    pub open: FileOffset,
    pub close: FileOffset,
    pub title: String,
}

/// Over each checked quotation: how many sources carry it, and who said
/// it.
pub fn lenses(corpus: &Corpus, target: Target<'_>) -> Vec<Lens> {
    quotes(corpus, target)
        .iter()
        .filter(|q| q.status != Status::Unchecked)
        .map(|q| {
            let mut title = match q.sources.len() + q.unlisted {
                0 => "no source".to_string(),
                1 => "1 source".to_string(),
                n => format!("{n} sources"),
            };
            if let Some(&s) = q.said_by.first() {
                title.push_str(" · ");
                title.push_str(&corpus.analysis.speaker(s).name);
            }
            Lens {
                open: q.open,
                close: q.close,
                title,
            }
        })
        .collect()
}
