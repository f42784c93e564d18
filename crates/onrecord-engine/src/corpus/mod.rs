//! Source articles: reading them from disk, and turning each into the text
//! the engine reads (its *view*) with the metadata it carries.
//!
//! [`parse_document`] is pure: it takes bytes and returns a document and its
//! warnings. [`load`] is the only function here that touches the file system.
//! Offsets in the view are UTF-8 bytes; for plain text and markdown the view
//! has the same bytes as the file (front matter and code are blanked, not
//! removed), for HTML a map turns view offsets back into file offsets.

mod html;
use std::path::{Path, PathBuf};

mod parse;
pub use parse::*;
mod offsets;
pub use offsets::FileOffset;
mod document;
pub use document::*;
mod meta;
pub use meta::*;
mod markdown;
use markdown::*;
mod load;
pub use load::*;
#[cfg(test)]
mod tests;
