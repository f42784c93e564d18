//! The onrecord engine: finds every quotation in a folder of news articles,
//! who said it, and every other article that carries the same words, and
//! checks a draft's quotations against them.
//!
//! Plain synchronous Rust: it knows nothing of editors or protocols (its
//! `Cargo.toml` has no async runtime or protocol crate). Offsets inside it
//! are UTF-8 byte offsets into each article's view.

pub mod attribute;
pub mod check;
pub mod config;
pub mod corpus;
pub mod engine;
pub mod extract;
pub mod ide;
pub mod ids;
pub mod lexicon;
pub mod link;
