//! A round trip of the checker on real quotations: for every annotated
//! direct quotation whose speaker is named, drafts that quote it correctly
//! in the ways reporters write must pass (`onrecord check` finds nothing
//! at warning or above), and drafts with a planted error must get the
//! finding for that error.
//!
//! Correct drafts, one sentence each (`WORDS` the gold quotation's words,
//! `NAME` its annotated Source):
//!
//! | style | sentence |
//! |---|---|
//! | `after` | `"WORDS," NAME said.` |
//! | `inverted-with-role` | `"WORDS," said NAME, who spoke to reporters.` |
//! | `colon-said` | `NAME said: "WORDS."` |
//! | `colon-no-cue` | `NAME went further: "WORDS."` |
//! | `according-to` | `According to NAME, "WORDS."` |
//! | `pronoun-next-sentence` | `NAME spoke on Tuesday. "WORDS," he said.` (`she` when the article or the first name says so) |
//! | `split` | `"FIRST," NAME said, "SECOND."` (8 words or more) |
//!
//! A Source annotated with an appositive (`Jo Roe, a harbor pilot`) keeps it,
//! closed by a comma (`Jo Roe, a harbor pilot, said`); the inverted style then
//! adds no apposition of its own. The pieces of a Content annotated in
//! several pieces (`"A," she said. "B."`) are joined by a space, so such
//! drafts quote as one what the article quotes in parts: the report gives
//! their figures apart from those of quotations of one piece.
//!
//! Planted errors, on the `after` sentence: a changed word (`misquote`), a
//! speaker named as a Source in another article, whose surname is neither
//! the true one nor one the sources give (`misattributed-quote`), no
//! attribution (`unattributed-quote`), and invented words
//! (`unknown-quote`).
//!
//! Everything is deterministic: choices come from a fixed seed mixed with
//! the article's name and the quotation's offset. The report prints
//! article text only with `--errors`, for the terminal.

use super::accuracy::{self, SourceForm};
use super::brat::{self, Article, Span};
use super::ratio;
use onrecord_engine::check::{self, Corpus};
use onrecord_engine::config::{Code, Config, Severity};
use onrecord_engine::corpus::{self, Document, LoadOptions};
use onrecord_engine::engine::{self, DocResult};
use onrecord_engine::lexicon::Gender;
use onrecord_engine::link;
use rayon::prelude::*;
use std::fmt::Write as _;

mod text;
pub use text::*;
mod plant;
pub use plant::*;
mod report;
pub use report::*;
mod run;
pub use run::*;
#[cfg(test)]
mod tests;

/// The seed every choice is drawn from.
pub const SEED: u64 = 0x6f6e_7265_636f_7264;

/// How a correct draft quotes the words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Style {
    After,
    InvertedWithRole,
    ColonSaid,
    ColonNoCue,
    AccordingTo,
    PronounNextSentence,
    Split,
}

impl Style {
    pub const ALL: [Style; 7] = [
        Style::After,
        Style::InvertedWithRole,
        Style::ColonSaid,
        Style::ColonNoCue,
        Style::AccordingTo,
        Style::PronounNextSentence,
        Style::Split,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Style::After => "after",
            Style::InvertedWithRole => "inverted-with-role",
            Style::ColonSaid => "colon-said",
            Style::ColonNoCue => "colon-no-cue",
            Style::AccordingTo => "according-to",
            Style::PronounNextSentence => "pronoun-next-sentence",
            Style::Split => "split",
        }
    }
}

/// An error planted in the `after` sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Plant {
    ChangedWord,
    WrongSpeaker,
    AttributionRemoved,
    InventedSentence,
}

impl Plant {
    pub const ALL: [Plant; 4] = [
        Plant::ChangedWord,
        Plant::WrongSpeaker,
        Plant::AttributionRemoved,
        Plant::InventedSentence,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Plant::ChangedWord => "changed word",
            Plant::WrongSpeaker => "wrong speaker",
            Plant::AttributionRemoved => "attribution removed",
            Plant::InventedSentence => "invented sentence",
        }
    }

    /// The finding that must report it.
    pub fn expected(self) -> Code {
        match self {
            Plant::ChangedWord => Code::Misquote,
            Plant::WrongSpeaker => Code::MisattributedQuote,
            Plant::AttributionRemoved => Code::UnattributedQuote,
            Plant::InventedSentence => Code::UnknownQuote,
        }
    }
}

/// What one draft tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Test {
    Correct(Style),
    Planted(Plant),
}

// ---------------------------------------------------------------------
// Deterministic choices.

/// FNV-1a: a hash that is the same on every platform and Rust version.
fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// splitmix64: a small generator, enough for picking words.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// A generator for one quotation and one purpose.
    pub fn for_case(article: &str, offset: u32, purpose: &str) -> Rng {
        Rng(SEED
            ^ fnv(article)
            ^ (offset as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
            ^ fnv(purpose))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

// ---------------------------------------------------------------------
// The words and the name.

/// One gold quotation to round-trip.
#[derive(Clone, Debug)]
pub struct Case {
    pub article: usize,
    /// How many pieces the annotated Content has (a split quotation, or
    /// quoted sentences with attributions between them, has several).
    pub pieces: usize,
    /// Byte offset of the quotation's first piece in the article.
    pub start: u32,
    /// 1-based line of that piece.
    pub line: usize,
    pub words: String,
    pub name: String,
    pub pronoun: &'static str,
}

/// Gold direct quotations left out, and why.
#[derive(Clone, Copy, Debug, Default)]
pub struct Skipped {
    pub gold: usize,
    pub pronoun: usize,
    pub description: usize,
    pub no_source: usize,
    pub short: usize,
    /// Several quoted fragments in one Content (`"A" and "B"`).
    pub fragments: usize,
}

/// One draft and what the checker said of it.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub case: usize,
    pub test: Test,
    pub draft: String,
    /// (code, severity, message), in the draft's order.
    pub findings: Vec<(Code, Severity, String)>,
    /// The speaker the checker read in the draft, per quotation.
    pub draft_speakers: Vec<Option<String>>,
    /// Who the sources say said it (corpus speaker names), per quotation.
    pub said_by: Vec<Vec<String>>,
    /// Surnames and aliases of those speakers.
    pub said_by_surnames: Vec<String>,
    /// Notes on the plant (`changed X to Y`, the wrong name).
    pub note: String,
}

impl Outcome {
    fn warnings(&self) -> impl Iterator<Item = &(Code, Severity, String)> {
        self.findings.iter().filter(|f| f.1 >= Severity::Warning)
    }

    fn infos(&self) -> impl Iterator<Item = &(Code, Severity, String)> {
        self.findings
            .iter()
            .filter(|f| f.1 < Severity::Warning && f.1 > Severity::Off)
    }

    pub fn false_alarm(&self) -> bool {
        self.warnings().next().is_some()
    }

    pub fn detected(&self, code: Code) -> bool {
        self.findings.iter().any(|f| f.0 == code)
    }
}

pub struct RoundTrip {
    pub articles: Vec<Article>,
    pub cases: Vec<Case>,
    pub skipped: Skipped,
    pub outcomes: Vec<Outcome>,
    /// Cases where no word could be changed or no wrong speaker found.
    pub not_planted: Vec<(Plant, usize)>,
}

/// The sentence end (`.`, `?`, `!`) that `direct_quote` trimmed from the
/// end of a piece, so that joined pieces keep their sentences apart; empty
/// when the piece ends with a comma or nothing.
fn sentence_end_after<'a>(text: &'a str, p: &Span) -> &'a str {
    let rest = &text[p.end as usize..];
    let run = rest
        .find(|c: char| !matches!(c, ',' | '.' | '?' | '!' | ';' | ':' | '—' | ' '))
        .unwrap_or(rest.len());
    match rest[..run].find(['.', '?', '!']) {
        Some(i) => &rest[i..i + 1],
        None => "",
    }
}

/// Whether quoted words hold several quotations chained by unquoted words
/// (`A," and "B`): the first inner double mark closes rather than opens.
pub fn chains_fragments(words: &str) -> bool {
    let chars: Vec<char> = words.chars().collect();
    let before = |i: usize| i.checked_sub(1).map(|j| chars[j]);
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\u{201d}' => return true,
            '\u{201c}' => return false,
            '"' => {
                let after = chars.get(i + 1).copied();
                let open_side = before(i).is_none_or(char::is_whitespace);
                let close_side = after.is_none_or(|a| a.is_whitespace() || ",.;:!?".contains(a));
                return close_side && !open_side;
            }
            '\'' if chars.get(i + 1) == Some(&'\'') => {
                return !before(i).is_none_or(char::is_whitespace);
            }
            _ => {}
        }
    }
    false
}

fn span_text<'a>(text: &'a str, s: &Span) -> &'a str {
    &text[s.start as usize..s.end as usize]
}

/// The gender the article's own reading gives the speaker of the
/// quotation at `at`, when that speaker is the person named.
fn article_gender(r: &DocResult, at: &Span, name: &str) -> Option<Gender> {
    let qi = r.extraction.quotes.iter().position(|q| {
        q.segments
            .iter()
            .any(|s| s.start < at.end && at.start < s.end)
    })?;
    let sp = r.attribution.speakers[qi].as_ref()?;
    let e = &r.attribution.entities[sp.who as usize];
    if !accuracy::names_match(&e.name, &e.aliases, name) {
        return None;
    }
    e.gender
}
