//! onrecord: finds every quotation in a folder of news articles, who said
//! it, and every other article that carries the same words.
//!
//! The engine (`corpus`, `extract`, `attribute`, `link`, `engine`) is plain
//! synchronous Rust: it knows nothing of editors or protocols. Offsets
//! inside it are UTF-8 byte offsets into each article's view.

pub mod attribute;
pub mod check;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod crafted;
pub mod engine;
pub mod eval;
pub mod extract;
mod html;
pub mod lexicon;
pub mod link;
pub mod lsp;
pub mod output;
pub mod report;
pub mod synth;
