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

fn check_draft(
    corpus: &Corpus,
    config: &Config,
    case: usize,
    test: Test,
    text: String,
    note: String,
) -> Outcome {
    let (doc, _) = corpus::parse_document(
        "draft.md",
        format!("{text}\n").as_bytes(),
        None,
        &LoadOptions::default(),
    );
    let mut out = Outcome {
        case,
        test,
        draft: text,
        findings: Vec::new(),
        draft_speakers: Vec::new(),
        said_by: Vec::new(),
        said_by_surnames: Vec::new(),
        note,
    };
    let Some(doc) = doc else {
        return out;
    };
    let report = check::check(corpus, &doc, config);
    let speakers = &corpus.analysis.speakers;
    for q in &report.quotes {
        out.draft_speakers
            .push(q.speaker.as_ref().map(|s| s.name.clone()));
        out.said_by.push(
            q.said_by
                .iter()
                .map(|&s| speakers[s.index()].name.clone())
                .collect(),
        );
        for &s in &q.said_by {
            let sp = &speakers[s.index()];
            out.said_by_surnames.push(surname(&sp.name));
            out.said_by_surnames
                .extend(sp.aliases.iter().map(|a| surname(a)));
        }
    }
    out.findings = report
        .findings
        .iter()
        .map(|f| (f.code, f.severity, f.message.clone()))
        .collect();
    out
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
    let e = &r.attribution.entities[sp.entity as usize];
    if !accuracy::names_match(&e.name, &e.aliases, name) {
        return None;
    }
    e.gender
}

/// Loads the corpus, builds every draft and checks it.
pub fn evaluate(articles: Vec<Article>) -> RoundTrip {
    let config = Config::default();
    let parsed: Vec<Option<Document>> = articles
        .par_iter()
        .map(|a| {
            corpus::parse_document(&a.name, a.text.as_bytes(), None, &LoadOptions::default()).0
        })
        .collect();
    let per_doc: Vec<Option<DocResult>> = parsed
        .par_iter()
        .map(|d| d.as_ref().map(engine::analyze_document))
        .collect();

    // The cases.
    let mut skipped = Skipped::default();
    let mut cases = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        let text = &a.text;
        for g in &a.attributions {
            let Some(pieces) = brat::direct_quote(text, &g.content) else {
                continue;
            };
            skipped.gold += 1;
            match accuracy::classify_source(text, &g.source) {
                SourceForm::Name => {}
                SourceForm::Pronoun => {
                    skipped.pronoun += 1;
                    continue;
                }
                SourceForm::Description => {
                    skipped.description += 1;
                    continue;
                }
                SourceForm::Missing => {
                    skipped.no_source += 1;
                    continue;
                }
            }
            let piece_texts: Vec<String> = pieces
                .iter()
                .enumerate()
                .map(|(k, p)| {
                    let mut t = span_text(text, p).to_string();
                    if k + 1 < pieces.len() {
                        t.push_str(sentence_end_after(text, p));
                    }
                    t
                })
                .collect();
            if chains_fragments(&piece_texts.join(" ")) {
                skipped.fragments += 1;
                continue;
            }
            let words = clean_words(&piece_texts.iter().map(String::as_str).collect::<Vec<_>>());
            let name = clean_name(
                &g.source
                    .iter()
                    .map(|p| span_text(text, p))
                    .collect::<Vec<_>>(),
            );
            if word_count(&words) < config.min_words || name.is_empty() {
                skipped.short += 1;
                continue;
            }
            let first = pieces[0];
            let gender = per_doc[ai]
                .as_ref()
                .and_then(|r| article_gender(r, &first, &name))
                .or_else(|| gender_of_name(&name));
            cases.push(Case {
                article: ai,
                pieces: pieces.len(),
                start: first.start,
                line: text[..first.start as usize].matches('\n').count() + 1,
                words,
                name,
                pronoun: if gender == Some(Gender::Female) {
                    "she"
                } else {
                    "he"
                },
            });
        }
    }
    drop(per_doc);

    let docs: Vec<Document> = parsed.into_iter().flatten().collect();
    let corpus = Corpus::new(engine::analyze_unlinked(docs, Vec::new()));

    // Correct drafts, and the plants that need nothing from the checker.
    let mut not_planted = Vec::new();
    let mut drafts: Vec<(usize, Test, String, String)> = Vec::new();
    for (ci, c) in cases.iter().enumerate() {
        let aname = &articles[c.article].name;
        for style in Style::ALL {
            if let Some(s) = sentence(style, &c.words, &c.name, c.pronoun) {
                drafts.push((ci, Test::Correct(style), s, String::new()));
            }
        }
        let mut rng = Rng::for_case(aname, c.start, "changed word");
        match change_word(&c.words, &mut rng) {
            Some((changed, old, new)) => drafts.push((
                ci,
                Test::Planted(Plant::ChangedWord),
                sentence(Style::After, &changed, &c.name, c.pronoun).unwrap_or_default(),
                format!("{old} -> {new}"),
            )),
            None => not_planted.push((Plant::ChangedWord, ci)),
        }
        drafts.push((
            ci,
            Test::Planted(Plant::AttributionRemoved),
            unattributed(&c.words),
            String::new(),
        ));
        let mut rng = Rng::for_case(aname, c.start, "invented sentence");
        let words = invented(&mut rng);
        drafts.push((
            ci,
            Test::Planted(Plant::InventedSentence),
            sentence(Style::After, &words, &c.name, c.pronoun).unwrap_or_default(),
            String::new(),
        ));
    }
    let mut outcomes: Vec<Outcome> = drafts
        .into_par_iter()
        .map(|(ci, t, s, note)| check_draft(&corpus, &config, ci, t, s, note))
        .collect();

    // Wrong speakers: a person named as a Source in another article, whose
    // surname is neither the true one nor one the sources give.
    let mut pool: Vec<(String, usize)> = cases
        .iter()
        .filter(|c| person_like(&c.name))
        .map(|c| (c.name.clone(), c.article))
        .collect();
    pool.sort();
    pool.dedup_by(|a, b| a.0 == b.0);
    let mut wrong: Vec<(usize, Test, String, String)> = Vec::new();
    for o in outcomes
        .iter()
        .filter(|o| o.test == Test::Correct(Style::After))
    {
        let c = &cases[o.case];
        let true_surname = surname(&c.name);
        let mut rng = Rng::for_case(&articles[c.article].name, c.start, "wrong speaker");
        let from = if pool.is_empty() {
            0
        } else {
            rng.below(pool.len())
        };
        let pick = (0..pool.len())
            .map(|k| &pool[(from + k) % pool.len()])
            .find(|(n, a)| {
                let s = surname(n);
                *a != c.article
                    && s != true_surname
                    && !c.name.to_lowercase().split_whitespace().any(|w| w == s)
                    && !o.said_by_surnames.contains(&s)
            });
        match pick {
            Some((n, _)) => wrong.push((
                o.case,
                Test::Planted(Plant::WrongSpeaker),
                sentence(Style::After, &c.words, n, c.pronoun).unwrap_or_default(),
                n.clone(),
            )),
            None => not_planted.push((Plant::WrongSpeaker, o.case)),
        }
    }
    outcomes.extend(
        wrong
            .into_par_iter()
            .map(|(ci, t, s, note)| check_draft(&corpus, &config, ci, t, s, note))
            .collect::<Vec<_>>(),
    );
    // One order for the report: by case, then test.
    let rank = |t: Test| match t {
        Test::Correct(s) => s as usize,
        Test::Planted(p) => 10 + p as usize,
    };
    outcomes.sort_by_key(|o| (o.case, rank(o.test)));
    RoundTrip {
        articles,
        cases,
        skipped,
        outcomes,
        not_planted,
    }
}
