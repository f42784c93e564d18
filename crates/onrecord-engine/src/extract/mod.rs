//! Finding quotations in an article's text: quote marks of every common
//! style, quotes that run over several paragraphs, block quotes and
//! transcript turns.
//!
//! The scan is a single pass over each paragraph's bytes; quote marks are
//! told from apostrophes by the characters around them.

use crate::corpus::MarkedRegion;
use crate::lexicon;
use rustc_hash::FxHashMap;

mod paragraphs;
pub use paragraphs::*;
mod marks;
pub use marks::*;
mod scanner;
use scanner::*;
mod blocks;
use blocks::*;
#[cfg(test)]
mod tests;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Words between quote marks.
    Quote,
    /// A single word, a scare quote or another short phrase in quote marks.
    Fragment,
    /// A block quote: markdown `>`, HTML `<blockquote>`, or paragraphs that a
    /// colon introduces.
    Block,
    /// A turn of a transcript, after a speaker label.
    Transcript,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Quote => "quote",
            Kind::Fragment => "fragment",
            Kind::Block => "block",
            Kind::Transcript => "transcript",
        }
    }
}

/// A piece of a quotation's words in the view, within one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub start: u32,
    pub end: u32,
    /// This segment starts a new paragraph of the quotation.
    pub new_paragraph: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotation {
    pub kind: Kind,
    pub segments: Vec<Segment>,
    /// Paragraph where it starts and where it ends.
    pub para: u32,
    pub last_para: u32,
    /// View offset of the opening mark (or of the first word when unmarked).
    pub open: u32,
    /// View offset just past the closing mark (or the last word).
    pub close: u32,
    /// The speaker label of a transcript turn, or the signature that ends a
    /// block (`— Jo Ray`).
    pub label: Option<(u32, u32)>,
    /// The words end a sentence (`.`, `!` or `?` before the closing mark).
    pub ends_sentence: bool,
    /// A block that holds other quotations (an excerpt of another article).
    pub holds_quotes: bool,
    /// For colon blocks: the paragraph that introduces it.
    pub intro_para: Option<u32>,
}

impl Quotation {
    pub fn start(&self) -> u32 {
        self.segments.first().map(|s| s.start).unwrap_or(self.open)
    }
    pub fn end(&self) -> u32 {
        self.segments.last().map(|s| s.end).unwrap_or(self.close)
    }

    /// The quoted words: lines joined by a space, paragraphs by a newline.
    pub fn text(&self, view: &str) -> String {
        let mut s = String::new();
        for (i, seg) in self.segments.iter().enumerate() {
            if i > 0 {
                s.push(if seg.new_paragraph { '\n' } else { ' ' });
            }
            s.push_str(&view[seg.start as usize..seg.end as usize]);
        }
        s
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub start: u32,
    pub end: u32,
    /// Content of each line, without block markers or a speaker label.
    pub lines: Vec<(u32, u32)>,
    /// A markdown `>` paragraph.
    pub md_block: bool,
    /// The speaker label that opens a transcript turn.
    pub label: Option<(u32, u32)>,
}

#[derive(Clone, Debug, Default)]
pub struct Extraction {
    pub paragraphs: Vec<Paragraph>,
    /// In order of their start.
    pub quotes: Vec<Quotation>,
}

/// Finds every quotation in a view. `marked` are regions that markup (HTML
/// `<q>`, `<blockquote>`) declares quotations.
pub fn extract(text: &str, marked: &[MarkedRegion]) -> Extraction {
    let labels = LabelRules::for_text(text);
    let paras = paragraphs(text, &labels);
    let mut quotes = Scanner {
        text,
        paras: &paras,
        out: Vec::new(),
    }
    .run();
    fix_continuations(text, &paras, &mut quotes);
    for q in &mut quotes {
        if matches!(q.kind, Kind::Quote | Kind::Fragment) && q.label.is_none() {
            q.label = trailing_signature(text, &paras, q);
        }
    }
    push_transcript_turns(text, &paras, &mut quotes);
    push_unmarked_regions(text, &paras, marked, &mut quotes);
    let blocks = block_runs(&paras, marked);
    push_blocks(text, &paras, &blocks, &mut quotes);
    push_colon_blocks(text, &paras, &blocks, &mut quotes);
    sort_and_mark_holders(&mut quotes);
    Extraction {
        paragraphs: paras,
        quotes,
    }
}

/// Transcript turns: the words after each speaker label, which carry no
/// quote marks.
fn push_transcript_turns(text: &str, paras: &[Paragraph], quotes: &mut Vec<Quotation>) {
    for (pi, p) in paras.iter().enumerate() {
        if let Some((ls, le)) = p.label {
            let segments = segments_for(paras, text, p.lines[0].0 as usize, p.end as usize);
            if segments.is_empty() {
                continue;
            }
            let end = segments.last().map(|s| s.end).unwrap_or(p.end);
            quotes.push(Quotation {
                kind: Kind::Transcript,
                segments,
                para: pi as u32,
                last_para: pi as u32,
                open: ls,
                close: end,
                label: Some((ls, le)),
                ends_sentence: ends_sentence(text, end as usize),
                holds_quotes: false,
                intro_para: None,
            });
        }
    }
}

/// HTML <q> regions that carry no quote marks of their own: the scan did
/// not see them, so they are added unless a quotation already covers them.
fn push_unmarked_regions(
    text: &str,
    paras: &[Paragraph],
    marked: &[MarkedRegion],
    quotes: &mut Vec<Quotation>,
) {
    // Spans of the quotations so far, by start, with the furthest end up to
    // each: one bisection tells whether a region overlaps any of them.
    let mut spans: Vec<(u32, u32)> = quotes.iter().map(|q| (q.start(), q.end())).collect();
    spans.sort_unstable();
    let reach = furthest_ends(spans.iter().map(|&(_, e)| e));
    // Regions come by start, so an earlier one overlaps this one exactly
    // when it reaches past this one's start.
    let mut marked_reach = 0;
    for m in marked.iter().filter(|m| !m.block) {
        let before = spans.partition_point(|&(s, _)| s < m.end);
        let covered = (before > 0 && reach[before - 1] > m.start) || marked_reach > m.start;
        if covered {
            continue;
        }
        let segments = segments_for(paras, text, m.start as usize, m.end as usize);
        if segments.is_empty() {
            continue;
        }
        let para = paras.partition_point(|p| p.end <= m.start) as u32;
        let words = count_words(&text[m.start as usize..m.end as usize]);
        quotes.push(Quotation {
            kind: if words <= 3 {
                Kind::Fragment
            } else {
                Kind::Quote
            },
            segments,
            para,
            last_para: para,
            open: m.start,
            close: m.end,
            label: None,
            ends_sentence: ends_sentence(text, m.end as usize),
            holds_quotes: false,
            intro_para: None,
        });
        marked_reach = marked_reach.max(m.end);
    }
}

/// Block quotes as (first, last) paragraph: markdown `>` runs and HTML
/// <blockquote>.
fn block_runs(paras: &[Paragraph], marked: &[MarkedRegion]) -> Vec<(usize, usize)> {
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < paras.len() {
        if paras[i].md_block {
            let mut j = i;
            while j + 1 < paras.len() && paras[j + 1].md_block {
                j += 1;
            }
            // A quoted transcript is its turns, not one block.
            if !(i..=j).any(|k| paras[k].label.is_some()) {
                blocks.push((i, j));
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    for m in marked.iter().filter(|m| m.block) {
        let first = paras.partition_point(|p| p.end <= m.start);
        let last = paras.partition_point(|p| p.start < m.end);
        if last > first {
            blocks.push((first, last - 1));
        }
    }
    blocks
}

/// Adds a quotation for each block, unless the block is one quotation in
/// marks already.
fn push_blocks(
    text: &str,
    paras: &[Paragraph],
    blocks: &[(usize, usize)],
    quotes: &mut Vec<Quotation>,
) {
    // The quotations so far by start, to find the ones inside each block
    // without a scan of all of them (blocks do not overlap one another).
    let mut by_start: Vec<(u32, u32, usize)> = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| (q.start(), q.end(), i))
        .collect();
    by_start.sort_unstable();
    for &(a, b) in blocks {
        let intro = a
            .checked_sub(1)
            .filter(|ip| {
                let ip = &paras[*ip];
                text[ip.start as usize..ip.end as usize]
                    .trim_end()
                    .ends_with(':')
            })
            .map(|x| x as u32);
        let bq = block_quotation(text, paras, a, b, intro);
        if bq.segments.is_empty() {
            continue;
        }
        let from = by_start.partition_point(|&(s, _, _)| s < bq.start());
        let inner: Vec<&Quotation> = by_start[from..]
            .iter()
            .take_while(|&&(s, _, _)| s < bq.end())
            .filter(|&&(_, e, _)| e <= bq.end())
            .take(2)
            .map(|&(_, _, i)| &quotes[i])
            .collect();
        if !(inner.len() == 1 && mostly_covers(inner[0], &bq)) {
            quotes.push(bq);
        }
    }
}

/// Whether a quotation in marks holds at least 80% of a block's words, so
/// that the block is that quotation.
fn mostly_covers(inner: &Quotation, block: &Quotation) -> bool {
    let covered: usize = inner
        .segments
        .iter()
        .map(|s| (s.end - s.start) as usize)
        .sum();
    let total: usize = block
        .segments
        .iter()
        .map(|s| (s.end - s.start) as usize)
        .sum();
    covered * 10 >= total * 8
}

/// Colon blocks: a paragraph that ends with a colon after a cue verb
/// introduces the paragraphs after it. The first is always part of the
/// block; later ones only while they speak in the first person, as a
/// quoted post does and a reporter's prose does not, and are more than a
/// sign-off (`Let me know in the comments.`).
fn push_colon_blocks(
    text: &str,
    paras: &[Paragraph],
    blocks: &[(usize, usize)],
    quotes: &mut Vec<Quotation>,
) {
    let mut in_block = vec![false; paras.len()];
    for &(a, b) in blocks {
        in_block[a..=b].fill(true);
    }
    let mut has_quote = vec![false; paras.len()];
    for q in quotes.iter() {
        if let Some(h) = has_quote.get_mut(q.para as usize) {
            *h = true;
        }
    }
    for pi in 0..paras.len().saturating_sub(1) {
        let p = &paras[pi];
        if p.md_block || p.label.is_some() {
            continue;
        }
        let body = &text[p.start as usize..p.end as usize];
        if !body.trim_end().ends_with(':') || !last_sentence_has_block_cue(body) {
            continue;
        }
        let next = &paras[pi + 1];
        if next.label.is_some()
            || next.md_block
            || in_block[pi + 1]
            || leading_mark(text, next).is_some()
        {
            continue;
        }
        let last = colon_block_end(text, paras, &has_quote, pi);
        let bq = block_quotation(text, paras, pi + 1, last, Some(pi as u32));
        if !bq.segments.is_empty() {
            if let Some(h) = has_quote.get_mut(bq.para as usize) {
                *h = true;
            }
            quotes.push(bq);
        }
    }
}

/// The last paragraph of the colon block introduced by paragraph `pi`: at
/// most six paragraphs, while they read as the quoted writer's own words.
fn colon_block_end(text: &str, paras: &[Paragraph], has_quote: &[bool], pi: usize) -> usize {
    let mut last = pi + 1;
    while last + 1 < paras.len() && last - pi < 6 {
        let np = &paras[last + 1];
        let nb = &text[np.start as usize..np.end as usize];
        if np.label.is_some()
            || np.md_block
            || leading_mark(text, np).is_some()
            || !has_first_person(nb)
            || count_words(nb) < 8
            || has_quote[last + 1]
        {
            break;
        }
        last += 1;
    }
    last
}

/// Puts the quotations in order of start (longest first), drops repeats,
/// and marks the blocks that hold other quotations.
fn sort_and_mark_holders(quotes: &mut Vec<Quotation>) {
    quotes.sort_by_key(|q| (q.start(), std::cmp::Reverse(q.end())));
    quotes.dedup_by(|a, b| a.start() == b.start() && a.end() == b.end() && a.kind == b.kind);
    let spans: Vec<(u32, u32, Kind)> = quotes
        .iter()
        .map(|q| (q.start(), q.end(), q.kind))
        .collect();
    // Spans are sorted by start: the ones inside a block follow it.
    for q in quotes.iter_mut().filter(|q| q.kind == Kind::Block) {
        let from = spans.partition_point(|&(s, _, _)| s < q.start());
        q.holds_quotes = spans[from..]
            .iter()
            .take_while(|&&(s, _, _)| s < q.end())
            .any(|&(_, e, k)| k != Kind::Block && e <= q.end());
    }
}
