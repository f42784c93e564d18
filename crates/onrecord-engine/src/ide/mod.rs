//! The questions an editor asks, answered as plain data: the quotation at
//! a place and its hover text, every other report of its words, hints and
//! lenses, symbols, and completions of a quotation being typed.
//!
//! The server turns these answers into protocol types; nothing here knows
//! of positions in an editor's encoding. Every offset is a file offset
//! (UTF-8 bytes of the raw file) of the target or of a corpus article.

use crate::check::DraftReport;
use crate::ids::DocId;

mod annotations;
pub use annotations::*;
mod completion;
pub use completion::*;
mod hover;
pub use hover::*;
mod navigation;
pub use navigation::*;
mod quotes;
pub use quotes::*;
mod symbols;
pub use symbols::*;

/// What a question is about: a draft, checked against the corpus, or one
/// of the corpus's own articles.
#[derive(Clone, Copy, Debug)]
pub enum Target<'a> {
    Draft(&'a DraftReport),
    /// A corpus article, by its index in the analysis.
    Source(DocId),
}

/// `text` on one line, cut to `max` characters with an ellipsis: for menus
/// and outlines.
fn short(text: &str, max: usize) -> String {
    let one: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= max {
        return one;
    }
    let cut: String = one.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}
