//! A deterministic generator of news-like articles, for benchmarks.
//!
//! Everything here is invented: people, organisations, places, topics and
//! the words they say are assembled from the lists below by a small seeded
//! PRNG (splitmix64), so the same `n` gives the same articles on every run
//! and every machine, and article `i` does not depend on `n`.
//!
//! The corpus is organised in *events* of [`PER_EVENT`] consecutive
//! articles. An event has a few speakers and a few canonical statements; its
//! articles quote those statements the ways real copy does: curly or
//! straight marks, double or British single quotes, contracted or expanded,
//! British or American spelling, a dropped comma, a fragment, two statements
//! merged, an editor's `[bracket]`, an ellipsis. One article of each event is
//! a press-briefing transcript that carries the statements in full. Around
//! them: wire reports (plain text), blog posts (markdown with front matter
//! and `>` block quotes) and web pages (HTML with `<q>`, `<blockquote>`,
//! entities, a `<script>` and a `<nav>`), with narrative paragraphs that
//! quote nobody.

use onrecord_engine::corpus::{self, Document, LoadOptions};
use std::fmt::Write as _;
use std::path::Path;

mod names;
use names::*;
mod topics;
use topics::*;
mod words;
use words::*;
mod phrases;
use phrases::*;
mod event;
use event::*;
mod article;
use article::*;
mod layouts;
mod quotes;
mod transcript;
use transcript::*;
#[cfg(test)]
mod tests;

/// Articles per event.
pub const PER_EVENT: usize = 20;

const SEED: u64 = 0x6f6e_7265_636f_7264;

// Placeholders, turned into the marks of each article's style at the end.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';
const APOS: char = '\u{E002}';
/// `<q>` and `</q>` in HTML.
const QOPEN: char = '\u{E003}';
const QCLOSE: char = '\u{E004}';
const DASH: char = '\u{E005}';
const ELLIPSIS: char = '\u{E006}';

/// Writes `n` articles into `dir`; returns how many were written.
pub fn write_corpus(dir: &Path, n: usize) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    for (i, (kind, text)) in generate(n).into_iter().enumerate() {
        std::fs::write(dir.join(file_name(i, kind)), text)?;
    }
    Ok(n)
}

/// The texts of `n` articles.
pub fn corpus(n: usize) -> Vec<String> {
    generate(n).into_iter().map(|(_, t)| t).collect()
}

/// `n` articles parsed as the engine reads them, named
/// `synth/article-00000.txt` (or `.md`, `.html`).
pub fn documents(n: usize) -> Vec<Document> {
    generate(n)
        .into_iter()
        .enumerate()
        .map(|(i, (kind, text))| {
            let path = format!("synth/{}", file_name(i, kind));
            let (doc, _) =
                corpus::parse_document(&path, text.as_bytes(), None, &LoadOptions::default());
            doc.expect("a synthetic article is always readable")
        })
        .collect()
}

fn file_name(i: usize, kind: ArticleKind) -> String {
    format!("article-{i:05}.{}", kind.ext())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ArticleKind {
    Wire,
    Blog,
    Html,
    Transcript,
}

impl ArticleKind {
    fn of(i: usize) -> ArticleKind {
        match i % PER_EVENT {
            2 => ArticleKind::Transcript,
            j if j % 5 == 1 => ArticleKind::Html,
            j if j % 5 == 3 => ArticleKind::Blog,
            _ => ArticleKind::Wire,
        }
    }
    fn ext(self) -> &'static str {
        match self {
            ArticleKind::Wire | ArticleKind::Transcript => "txt",
            ArticleKind::Blog => "md",
            ArticleKind::Html => "html",
        }
    }
}

fn generate(n: usize) -> Vec<(ArticleKind, String)> {
    let mut out = Vec::with_capacity(n);
    let mut event: Option<Event> = None;
    for i in 0..n {
        let e = i / PER_EVENT;
        if event.as_ref().map(|ev| ev.id) != Some(e) {
            event = Some(Event::new(e));
        }
        let ev = event.as_ref().expect("event was just built");
        let kind = ArticleKind::of(i);
        let text = match kind {
            ArticleKind::Transcript => transcript(ev, Rng::new(2, i as u64)),
            _ => Art::new(ev, i, kind).write(),
        };
        out.push((kind, text));
    }
    out
}

/// splitmix64: small, fast and the same on every machine. Public so that
/// tests can draw random input from the same generator.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(stream: u64, index: u64) -> Rng {
        let mut r = Rng(SEED ^ stream.wrapping_mul(0xA24B_AED4_963E_E407));
        r.0 ^= index.wrapping_mul(0x9FB2_1C65_1E98_DF25);
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

// ---------------------------------------------------------------------------
// Word lists. All invented.
