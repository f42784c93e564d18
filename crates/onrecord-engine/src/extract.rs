//! Finding quotations in an article's text: quote marks of every common
//! style, quotes that run over several paragraphs, block quotes and
//! transcript turns.
//!
//! The scan is a single pass over each paragraph's bytes; quote marks are
//! told from apostrophes by the characters around them.

use crate::corpus::MarkedRegion;
use crate::lexicon;
use rustc_hash::FxHashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
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

fn is_blank(line: &str) -> bool {
    line.bytes().all(|b| b.is_ascii_whitespace())
}

/// Splits the view into paragraphs: blank lines separate them, and so does a
/// speaker label or a change into or out of a `>` block. A run of long lines
/// (no hard wrapping) is one paragraph per line.
pub fn paragraphs(text: &str, labels: &LabelRules) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut group: Vec<(usize, usize)> = Vec::new();
    let mut group_block = false;
    let flush = |group: &mut Vec<(usize, usize)>, block: bool, out: &mut Vec<Paragraph>| {
        if group.is_empty() {
            return;
        }
        let long = group.iter().any(|(s, e)| e - s > 160);
        let parts: Vec<Vec<(usize, usize)>> = if long {
            group.iter().map(|l| vec![*l]).collect()
        } else {
            vec![group.clone()]
        };
        for lines in parts {
            let mut p = Paragraph {
                start: lines[0].0 as u32,
                end: lines[lines.len() - 1].1 as u32,
                lines: Vec::with_capacity(lines.len()),
                md_block: block,
                label: None,
            };
            for (i, (s, e)) in lines.iter().enumerate() {
                let mut cs = *s;
                if block {
                    let l = &text[*s..*e];
                    let lead = l.len() - l.trim_start().len();
                    cs = s + lead;
                    while text.as_bytes().get(cs) == Some(&b'>') {
                        cs += 1;
                        if text.as_bytes().get(cs) == Some(&b' ') {
                            cs += 1;
                        }
                    }
                }
                if i == 0 {
                    if let Some((ls, le, content)) = labels.label_at(text, cs, *e) {
                        p.label = Some((ls as u32, le as u32));
                        cs = content;
                    }
                }
                let line = &text[cs..*e];
                let ce = cs + line.trim_end().len();
                let cs = cs + (line.len() - line.trim_start().len()).min(ce - cs);
                p.lines.push((cs as u32, ce.max(cs) as u32));
            }
            out.push(p);
        }
        group.clear();
    };
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        let nl = memchr::memchr(b'\n', &bytes[pos..]).map(|i| pos + i);
        let line_end = nl.unwrap_or(bytes.len());
        let mut content_end = line_end;
        if content_end > pos && bytes[content_end - 1] == b'\r' {
            content_end -= 1;
        }
        let line = &text[pos..content_end];
        // A `>` line with nothing else separates the paragraphs of a block.
        let blank_in_block = line.trim_start().starts_with('>')
            && is_blank(line.trim_start().trim_start_matches('>'));
        if is_blank(line) || (blank_in_block && group_block) {
            flush(&mut group, group_block, &mut out);
        } else {
            let block = line.trim_start().starts_with('>');
            let starts_turn = labels.label_at(text, pos, content_end).is_some();
            if !group.is_empty() && (block != group_block || starts_turn) {
                flush(&mut group, group_block, &mut out);
            }
            if group.is_empty() {
                group_block = block;
            }
            group.push((pos, content_end));
        }
        pos = line_end + 1;
    }
    flush(&mut group, group_block, &mut out);
    out
}

/// Which speaker labels open transcript turns in this document.
#[derive(Default)]
pub struct LabelRules {
    /// Title-case labels (`Kelly:`) that recur often enough in the document
    /// to be a transcript's, not a sentence's.
    title_case: rustc_hash::FxHashSet<String>,
    /// The document has a run of labelled turns, so all-capitals labels are
    /// speakers: two voices or more over three turns, or a questioner's
    /// label. A lone `EDITOR'S NOTE:` or `WATCH BELOW:` is not a turn.
    caps_turns: bool,
}

/// A label candidate at the start of a line: `(label start, label end
/// without the colon, content start)`, and whether it is all capitals.
fn label_candidate(text: &str, start: usize, end: usize) -> Option<(usize, usize, usize, bool)> {
    let line = &text[start..end];
    // `> MR. KELLY: …`: a transcript quoted in a block keeps its turns.
    let unquoted = line.trim_start().trim_start_matches(['>', ' ']);
    let lead = line.len() - unquoted.len();
    let s = start + lead;
    let rest = &text[s..end];
    let colon = rest.find(':')?;
    if colon == 0 || colon > 40 {
        return None;
    }
    let label = &rest[..colon];
    let after = &rest[colon + 1..];
    if !after.starts_with([' ', '\t']) || after.trim().is_empty() {
        return None;
    }
    let words: Vec<&str> = label.split(' ').collect();
    if words.len() > 4 || words.iter().any(|w| w.is_empty()) {
        return None;
    }
    let mut letters = 0;
    let mut all_caps = true;
    for w in &words {
        let mut chars = w.chars();
        let first = chars.next()?;
        if !first.is_uppercase() {
            return None;
        }
        for c in w.chars() {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_lowercase() {
                    all_caps = false;
                }
            } else if !matches!(c, '.' | '\'' | '’' | '-') {
                return None;
            }
        }
    }
    if letters == 0 {
        return None;
    }
    let lower = label.to_lowercase();
    if lexicon::is_not_label(lower.trim_end_matches('.')) {
        return None;
    }
    let content = s + colon + 1 + (after.len() - after.trim_start().len());
    Some((s, s + colon, content, all_caps))
}

impl LabelRules {
    pub fn for_text(text: &str) -> LabelRules {
        let mut counts: FxHashMap<String, usize> = FxHashMap::default();
        let mut pos = 0;
        let bytes = text.as_bytes();
        let mut caps_labels = 0;
        let mut caps_distinct: Vec<String> = Vec::new();
        let mut questioner = false;
        while pos < bytes.len() {
            let end = memchr::memchr(b'\n', &bytes[pos..])
                .map(|i| pos + i)
                .unwrap_or(bytes.len());
            if let Some((s, e, _, caps)) = label_candidate(text, pos, end) {
                if caps {
                    caps_labels += 1;
                    let label = text[s..e].to_lowercase();
                    questioner |= label
                        .split_whitespace()
                        .any(|w| lexicon::is_questioner_label(w.trim_end_matches('.')));
                    if caps_distinct.len() < 3 && !caps_distinct.contains(&label) {
                        caps_distinct.push(label);
                    }
                } else {
                    *counts.entry(text[s..e].to_string()).or_default() += 1;
                }
            }
            pos = end + 1;
        }
        let repeated: Vec<String> = counts
            .iter()
            .filter(|(_, n)| **n >= 2)
            .map(|(k, _)| k.clone())
            .collect();
        // A dialogue has at least two voices that each speak more than once,
        // or title-case labels mixed with capital ones.
        let title_case: rustc_hash::FxHashSet<String> =
            if repeated.len() >= 2 || (!repeated.is_empty() && caps_labels > 0) {
                repeated.into_iter().collect()
            } else {
                Default::default()
            };
        let caps_turns = (caps_labels >= 3 && caps_distinct.len() >= 2)
            || (questioner && caps_labels >= 2)
            || (!title_case.is_empty() && caps_labels > 0);
        LabelRules {
            title_case,
            caps_turns,
        }
    }

    /// The label at the start of this line, if it opens a transcript turn.
    pub fn label_at(&self, text: &str, start: usize, end: usize) -> Option<(usize, usize, usize)> {
        let (s, e, c, caps) = label_candidate(text, start, end)?;
        let label = &text[s..e];
        if caps {
            // Outside a run of turns, only a titled name (`MR. OKAFOR:`)
            // is a speaker's label.
            let titled = label
                .split_whitespace()
                .next()
                .is_some_and(|w| lexicon::is_title_word(&w.to_lowercase()));
            if !self.caps_turns && !titled {
                return None;
            }
            // One capital letter alone is only a label as Q or A.
            let letters = label.chars().filter(|c| c.is_alphabetic()).count();
            if letters == 1 && !matches!(label, "Q" | "A") {
                return None;
            }
            return Some((s, e, c));
        }
        self.title_case.contains(label).then_some((s, e, c))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
    GuillemetReversed,
    Low,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Straight,
    LeftDouble,
    RightDouble,
    LowDouble,
    LeftSingle,
    RightSingle,
    StraightSingle,
    LeftGuillemet,
    RightGuillemet,
}

fn mark_at(b: &[u8], i: usize) -> Option<(Mark, usize)> {
    match b[i] {
        b'"' => Some((Mark::Straight, 1)),
        // Two apostrophes stand for a double mark in some outlets' copy.
        b'\'' if b.get(i + 1) == Some(&b'\'') => Some((Mark::Straight, 2)),
        b'\'' => Some((Mark::StraightSingle, 1)),
        0xE2 if b.get(i..i + 6) == Some("‘‘".as_bytes()) => Some((Mark::LeftDouble, 6)),
        0xE2 if b.get(i..i + 6) == Some("’’".as_bytes()) => Some((Mark::RightDouble, 6)),
        0xE2 if i + 2 < b.len() && b[i + 1] == 0x80 => match b[i + 2] {
            0x9C | 0x9F => Some((Mark::LeftDouble, 3)),
            0x9D => Some((Mark::RightDouble, 3)),
            0x9E => Some((Mark::LowDouble, 3)),
            0x98 | 0x9B => Some((Mark::LeftSingle, 3)),
            0x99 => Some((Mark::RightSingle, 3)),
            0x9A => Some((Mark::LowDouble, 3)),
            _ => None,
        },
        0xC2 if i + 1 < b.len() => match b[i + 1] {
            0xAB => Some((Mark::LeftGuillemet, 2)),
            0xBB => Some((Mark::RightGuillemet, 2)),
            _ => None,
        },
        _ => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ctx {
    Edge,
    Space,
    OpenPunct,
    Letter,
    Digit,
    Punct,
    Mark,
}

fn ctx_of(c: Option<char>) -> Ctx {
    match c {
        None | Some('\n') => Ctx::Edge,
        Some(c) if c.is_whitespace() => Ctx::Space,
        Some('(' | '[' | '{' | '—' | '–' | '-' | '/' | '\u{2026}' | ':') => Ctx::OpenPunct,
        Some('"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„') => Ctx::Mark,
        Some(c) if c.is_alphabetic() => Ctx::Letter,
        Some(c) if c.is_numeric() => Ctx::Digit,
        Some(_) => Ctx::Punct,
    }
}

fn prev_char(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

fn next_char(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// The characters around a mark at `i..i+len`, looking past any `>` block
/// marker at the start of a line.
fn around(text: &str, i: usize, len: usize, para_start: usize, para_end: usize) -> (Ctx, Ctx) {
    let p = if i <= para_start {
        None
    } else {
        prev_char(text, i)
    };
    let n = if i + len >= para_end {
        None
    } else {
        next_char(text, i + len)
    };
    (ctx_of(p), ctx_of(n))
}

fn opens(prev: Ctx, next: Ctx) -> bool {
    matches!(prev, Ctx::Edge | Ctx::Space | Ctx::OpenPunct | Ctx::Mark)
        && !matches!(next, Ctx::Space | Ctx::Edge)
}

fn closes(prev: Ctx, next: Ctx) -> bool {
    !matches!(prev, Ctx::Edge | Ctx::Space | Ctx::OpenPunct)
        && !matches!(next, Ctx::Letter | Ctx::Digit)
}

/// A closing `”` within the next few hundred words of the paragraph; the
/// window keeps a line of stray marks from being scanned once per mark.
fn closed_within(text: &str, from: usize, para_end: usize) -> bool {
    let mut end = (from + 2000).min(para_end);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[from..end].contains('”')
}

/// An apostrophe that starts an elision (`'90s`, `'em`) rather than a quote.
fn is_elision(text: &str, after: usize, end: usize) -> bool {
    let rest = &text[after..end];
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return true;
    }
    lexicon::is_elision(&word)
}

struct Open {
    family: Family,
    /// The mark was a straight `"` or `'`.
    straight: bool,
    mark: usize,
    content: usize,
    nested: Vec<Family>,
    para: usize,
    /// Content start of each paragraph it spans.
    para_starts: Vec<(usize, usize)>,
}

fn family_opened_by(m: Mark) -> Option<Family> {
    match m {
        Mark::Straight | Mark::LeftDouble => Some(Family::Double),
        Mark::LowDouble => Some(Family::Low),
        Mark::LeftSingle | Mark::StraightSingle | Mark::RightSingle => Some(Family::Single),
        Mark::LeftGuillemet => Some(Family::Guillemet),
        Mark::RightGuillemet => Some(Family::GuillemetReversed),
        Mark::RightDouble => Some(Family::Double),
    }
}

fn closes_family(m: Mark, f: Family) -> bool {
    match f {
        Family::Double => matches!(m, Mark::Straight | Mark::RightDouble),
        Family::Low => matches!(m, Mark::LeftDouble | Mark::RightDouble | Mark::Straight),
        Family::Single => matches!(m, Mark::RightSingle | Mark::StraightSingle),
        Family::Guillemet => m == Mark::RightGuillemet,
        Family::GuillemetReversed => m == Mark::LeftGuillemet,
    }
}

/// Whether the mark can reopen a quote of this family at the start of a
/// continuation paragraph.
fn reopens(m: Mark, f: Family) -> bool {
    match f {
        Family::Double => matches!(m, Mark::Straight | Mark::LeftDouble),
        Family::Low => matches!(m, Mark::LowDouble | Mark::LeftDouble),
        Family::Single => matches!(m, Mark::LeftSingle | Mark::StraightSingle),
        Family::Guillemet => matches!(m, Mark::LeftGuillemet | Mark::RightGuillemet),
        Family::GuillemetReversed => matches!(m, Mark::RightGuillemet),
    }
}

fn count_words(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        let w = c.is_alphanumeric();
        if w && !in_word {
            n += 1;
        }
        in_word = w || (in_word && matches!(c, '\'' | '’' | '-'));
    }
    n
}

/// Cuts `start..end` into the parts that lie inside the paragraphs' lines.
fn segments_for(paras: &[Paragraph], text: &str, start: usize, end: usize) -> Vec<Segment> {
    let mut out = Vec::new();
    let first = paras.partition_point(|p| (p.end as usize) <= start);
    let mut prev_para = None;
    for (pi, p) in paras.iter().enumerate().skip(first) {
        if p.start as usize >= end {
            break;
        }
        // Lines are in order: skip to the first that reaches `start`, and
        // stop at the first past `end`, so long paragraphs cost no more.
        let from = p.lines.partition_point(|&(_, le)| (le as usize) <= start);
        for &(ls, le) in &p.lines[from..] {
            if ls as usize >= end {
                break;
            }
            let s = (ls as usize).max(start);
            let e = (le as usize).min(end);
            if s >= e {
                continue;
            }
            let seg = &text[s..e];
            let ts = s + (seg.len() - seg.trim_start().len());
            let te = s + seg.trim_end().len();
            if ts >= te {
                continue;
            }
            out.push(Segment {
                start: ts as u32,
                end: te as u32,
                new_paragraph: prev_para.is_some_and(|pp| pp != pi),
            });
            prev_para = Some(pi);
        }
    }
    out
}

fn ends_sentence(text: &str, end: usize) -> bool {
    text[..end]
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?'))
}

/// For spans sorted by start, the furthest end among each span and those
/// before it: a backward scan for the spans that reach a point can stop as
/// soon as this falls to the point, which keeps such look-ups from
/// rescanning everything before them.
pub fn furthest_ends(ends: impl Iterator<Item = u32>) -> Vec<u32> {
    ends.scan(0, |far, e| {
        *far = e.max(*far);
        Some(*far)
    })
    .collect()
}

/// Where the closing single marks of one paragraph lie, found in one pass:
/// asking at every opening mark whether one comes later would otherwise
/// rescan the rest of the paragraph each time (` 'word 'word 'word…`).
struct SingleCloses {
    /// The last closing single mark with a closer's surroundings, not
    /// followed by a letter: a straight single quote opening before it has
    /// a closer.
    last_closer: Option<usize>,
    /// In order: closing single marks after punctuation (`true`), and
    /// opening single marks (`false`).
    punctuated_or_open: Vec<(usize, bool)>,
}

impl SingleCloses {
    fn of(text: &str, start: usize, end: usize) -> Self {
        let b = text.as_bytes();
        let mut found = SingleCloses {
            last_closer: None,
            punctuated_or_open: Vec::new(),
        };
        let mut i = start;
        while i < end {
            let Some((m, len)) = mark_at(b, i) else {
                i += 1;
                continue;
            };
            if matches!(m, Mark::RightSingle | Mark::StraightSingle) {
                let n = if i + len >= end {
                    Ctx::Edge
                } else {
                    ctx_of(next_char(text, i + len))
                };
                let p = prev_char(text, i);
                if closes(ctx_of(p), n) && n != Ctx::Letter {
                    found.last_closer = Some(i);
                }
                if matches!(p, Some(',' | '.' | '!' | '?' | ';' | '—' | '–'))
                    && !matches!(n, Ctx::Letter | Ctx::Digit)
                {
                    found.punctuated_or_open.push((i, true));
                }
            } else if m == Mark::LeftSingle {
                found.punctuated_or_open.push((i, false));
            }
            i += len;
        }
        found
    }

    /// Whether a straight single quote opening before `from` has a closer.
    fn has_closer(&self, from: usize) -> bool {
        self.last_closer.is_some_and(|j| j >= from)
    }

    /// A closing single mark after punctuation comes at or after `from`,
    /// before any opening single mark, so that `the protesters’ demands` is
    /// read as a possessive when the quotation plainly closes further on.
    fn punctuated_close_later(&self, from: usize) -> bool {
        let k = self.punctuated_or_open.partition_point(|&(j, _)| j < from);
        self.punctuated_or_open
            .get(k)
            .is_some_and(|&(_, close)| close)
    }
}

/// The first mark of a paragraph, if the paragraph begins with one.
fn leading_mark(text: &str, p: &Paragraph) -> Option<(Mark, usize, usize)> {
    let (ls, le) = *p.lines.first()?;
    let b = text.as_bytes();
    let i = ls as usize;
    if i >= le as usize {
        return None;
    }
    mark_at(b, i).map(|(m, len)| (m, i, len))
}

struct Scanner<'a> {
    text: &'a str,
    paras: &'a [Paragraph],
    out: Vec<Quotation>,
}

impl<'a> Scanner<'a> {
    fn emit(&mut self, open: &Open, content_end: usize, close_end: usize, last_para: usize) {
        let segments = segments_for(self.paras, self.text, open.content, content_end);
        if segments.is_empty() {
            return;
        }
        let words: usize = segments
            .iter()
            .map(|s| count_words(&self.text[s.start as usize..s.end as usize]))
            .sum();
        if words == 0 {
            return;
        }
        let kind = if words <= 3 {
            Kind::Fragment
        } else {
            Kind::Quote
        };
        self.out.push(Quotation {
            kind,
            segments,
            para: open.para as u32,
            last_para: last_para as u32,
            open: open.mark as u32,
            close: close_end as u32,
            label: None,
            ends_sentence: ends_sentence(self.text, content_end),
            holds_quotes: false,
            intro_para: None,
        });
    }

    /// Scans one paragraph, carrying a quotation left open by the previous one.
    fn paragraph(&mut self, pi: usize, carried: Option<Open>) -> Option<Open> {
        let p = &self.paras[pi];
        let text = self.text;
        let b = text.as_bytes();
        let (ps, pe) = (p.start as usize, p.end as usize);
        let mut open = carried;
        let mut singles: Option<SingleCloses> = None;
        let mut i = match &open {
            Some(o) => match o.para_starts.last() {
                Some(&(p, at)) if p == pi => at,
                _ => ps,
            },
            None => ps,
        };
        while i < pe {
            let c = b[i];
            if c != b'"' && c != b'\'' && c != 0xE2 && c != 0xC2 {
                i += 1;
                continue;
            }
            let Some((mut m, mut len)) = mark_at(b, i) else {
                i += 1;
                continue;
            };
            // `''… 'at all,''' said`: inside a single quotation nested in
            // doubled marks, three marks close the single and then the double.
            if m == Mark::Straight
                && b.get(i + 2) == Some(&b'\'')
                && open.as_ref().and_then(|o| o.nested.last()) == Some(&Family::Single)
            {
                (m, len) = (Mark::StraightSingle, 1);
            }
            let (prev, next) = around(text, i, len, ps, pe);
            match open.as_mut() {
                None => {
                    let start = match m {
                        Mark::LeftDouble | Mark::LowDouble => {
                            !matches!(next, Ctx::Space | Ctx::Edge)
                                // `“ You know, …”`: a stray space inside a
                                // curly opening mark that is closed later.
                                || (m == Mark::LeftDouble
                                    && next == Ctx::Space
                                    && matches!(prev, Ctx::Edge | Ctx::Space | Ctx::OpenPunct)
                                    && closed_within(text, i + len, pe))
                        }
                        // French style puts a space inside the marks.
                        Mark::LeftGuillemet => next != Ctx::Edge,
                        Mark::RightGuillemet => opens(prev, next) && next == Ctx::Letter,
                        Mark::Straight | Mark::RightDouble => opens(prev, next),
                        Mark::LeftSingle => {
                            !matches!(next, Ctx::Space | Ctx::Edge)
                                && !is_elision(text, i + len, pe)
                        }
                        Mark::StraightSingle | Mark::RightSingle => {
                            opens(prev, next)
                                && !matches!(prev, Ctx::Letter | Ctx::Digit)
                                && !is_elision(text, i + len, pe)
                                && singles
                                    .get_or_insert_with(|| SingleCloses::of(text, ps, pe))
                                    .has_closer(i + len)
                        }
                    };
                    if start {
                        let family = family_opened_by(m).unwrap_or(Family::Double);
                        open = Some(Open {
                            family,
                            straight: matches!(m, Mark::Straight | Mark::StraightSingle),
                            mark: i,
                            content: i + len,
                            nested: Vec::new(),
                            para: pi,
                            para_starts: vec![(pi, i + len)],
                        });
                    }
                }
                Some(o) => {
                    let inner = *o.nested.last().unwrap_or(&o.family);
                    let is_apostrophe = matches!(m, Mark::RightSingle | Mark::StraightSingle)
                        && matches!(prev, Ctx::Letter | Ctx::Digit)
                        && matches!(next, Ctx::Letter);
                    let unambiguous_close = matches!(m, Mark::RightDouble | Mark::RightGuillemet)
                        || (m == Mark::LeftGuillemet && inner == Family::GuillemetReversed)
                        || (m == Mark::LeftDouble && inner == Family::Low);
                    let can_close = closes_family(m, inner)
                        && !is_apostrophe
                        && (unambiguous_close
                            || closes(prev, next)
                            || (m == Mark::Straight && inner == Family::Double));
                    let possessive = inner == Family::Single
                        && can_close
                        && matches!(prev_char(text, i), Some('s' | 'S'))
                        && matches!(next, Ctx::Space)
                        && singles
                            .get_or_insert_with(|| SingleCloses::of(text, ps, pe))
                            .punctuated_close_later(i + len);
                    if can_close && !possessive {
                        if o.nested.pop().is_none() {
                            let o = open.take().expect("open quote");
                            self.emit(&o, i, i + len, pi);
                        }
                    } else if m == Mark::LeftDouble
                        && inner == Family::Double
                        && !o.straight
                        && o.nested.is_empty()
                    {
                        // An opening mark where a closing one was due: the
                        // previous quotation lost its closing mark.
                        let o = open.take().expect("open quote");
                        let end = text[..i].trim_end().len();
                        self.emit(&o, end, end, pi);
                        open = Some(Open {
                            family: Family::Double,
                            straight: false,
                            mark: i,
                            content: i + len,
                            nested: Vec::new(),
                            para: pi,
                            para_starts: vec![(pi, i + len)],
                        });
                    } else if !is_apostrophe {
                        let nested_family = family_opened_by(m);
                        let opens_nested = match m {
                            Mark::LeftDouble
                            | Mark::LeftSingle
                            | Mark::LeftGuillemet
                            | Mark::LowDouble => true,
                            Mark::Straight | Mark::StraightSingle => opens(prev, next),
                            _ => false,
                        };
                        let elision = m == Mark::StraightSingle && is_elision(text, i + len, pe);
                        if opens_nested && !elision && nested_family.is_some_and(|f| f != inner) {
                            o.nested.push(nested_family.unwrap_or(Family::Double));
                        }
                    }
                }
            }
            i += len;
        }
        open
    }

    fn run(mut self) -> Vec<Quotation> {
        let mut carried: Option<Open> = None;
        let n = self.paras.len();
        for pi in 0..n {
            if self.paras[pi].label.is_some() {
                if let Some(o) = carried.take() {
                    let end =
                        self.paras[o.para_starts.last().map(|x| x.0).unwrap_or(pi)].end as usize;
                    self.finish_unclosed(o, end);
                }
                continue;
            }
            let left_open = self.paragraph(pi, carried.take());
            if let Some(mut o) = left_open {
                // Continues in the next paragraph when that one reopens with
                // a mark of the same kind.
                let next = self.paras.get(pi + 1);
                let reopen = next
                    .filter(|np| np.label.is_none())
                    .and_then(|np| leading_mark(self.text, np))
                    .filter(|(m, _, _)| reopens(*m, o.family));
                match reopen {
                    Some((_, at, len)) => {
                        o.nested.clear();
                        o.para_starts.push((pi + 1, at + len));
                        carried = Some(o);
                    }
                    None => {
                        let end = self.paras[pi].end as usize;
                        self.finish_unclosed(o, end);
                    }
                }
            }
        }
        if let Some(o) = carried.take() {
            let end = self.paras[o.para_starts.last().map(|x| x.0).unwrap_or(0)].end as usize;
            self.finish_unclosed(o, end);
        }
        self.out
    }

    /// A quotation whose closing mark never came: kept up to the end of its
    /// paragraph when it reads like one (several words after a clear opening).
    fn finish_unclosed(&mut self, o: Open, end: usize) {
        let words = count_words(&self.text[o.content..end]);
        if words >= 2 && (!o.straight || words >= 4) {
            let last = self
                .paras
                .partition_point(|p| (p.start as usize) < end)
                .saturating_sub(1);
            self.emit(&o, end, end, last);
        }
    }
}

/// Segments of a multi-paragraph quotation skip the reopening marks: the
/// scanner records the content start of each paragraph it continues into.
fn fix_continuations(text: &str, paras: &[Paragraph], quotes: &mut [Quotation]) {
    // Where each paragraph's first line starts, in order, for bisection.
    let firsts: Vec<usize> = paras
        .iter()
        .filter_map(|p| p.lines.first().map(|l| l.0 as usize))
        .collect();
    for q in quotes.iter_mut() {
        if q.last_para == q.para {
            continue;
        }
        for seg in &mut q.segments {
            let s = seg.start as usize;
            if let Some((_, len)) = mark_at(text.as_bytes(), s) {
                let para_first_line = firsts.binary_search(&s).is_ok();
                if para_first_line {
                    seg.start = (s + len) as u32;
                    let rest = &text[seg.start as usize..seg.end as usize];
                    seg.start += (rest.len() - rest.trim_start().len()) as u32;
                }
            }
        }
    }
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

    // Transcript turns.
    for (pi, p) in paras.iter().enumerate() {
        if let Some((ls, le)) = p.label {
            let segments = segments_for(&paras, text, p.lines[0].0 as usize, p.end as usize);
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

    // HTML <q> regions that carry no quote marks of their own. Spans of the
    // quotations so far, by start, with the furthest end up to each: one
    // bisection tells whether a region overlaps any of them.
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
        let segments = segments_for(&paras, text, m.start as usize, m.end as usize);
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

    // Block quotes: markdown `>` runs and HTML <blockquote>.
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
    // The quotations so far by start, to find the ones inside each block
    // without a scan of all of them (blocks do not overlap one another).
    let mut by_start: Vec<(u32, u32, usize)> = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| (q.start(), q.end(), i))
        .collect();
    by_start.sort_unstable();
    for &(a, b) in &blocks {
        let intro = a
            .checked_sub(1)
            .filter(|ip| {
                let ip = &paras[*ip];
                text[ip.start as usize..ip.end as usize]
                    .trim_end()
                    .ends_with(':')
            })
            .map(|x| x as u32);
        let bq = block_quotation(text, &paras, a, b, intro);
        if bq.segments.is_empty() {
            continue;
        }
        // A block that is one quotation in marks is that quotation.
        let from = by_start.partition_point(|&(s, _, _)| s < bq.start());
        let inner: Vec<&Quotation> = by_start[from..]
            .iter()
            .take_while(|&&(s, _, _)| s < bq.end())
            .filter(|&&(_, e, _)| e <= bq.end())
            .take(2)
            .map(|&(_, _, i)| &quotes[i])
            .collect();
        let whole = inner.len() == 1 && {
            let covered: usize = inner[0]
                .segments
                .iter()
                .map(|s| (s.end - s.start) as usize)
                .sum();
            let total: usize = bq.segments.iter().map(|s| (s.end - s.start) as usize).sum();
            covered * 10 >= total * 8
        };
        if !whole {
            quotes.push(bq);
        }
    }
    // Colon blocks: a paragraph that ends with a colon after a cue verb
    // introduces the paragraphs after it. The first is always part of the
    // block; later ones only while they speak in the first person, as a
    // quoted post does and a reporter's prose does not, and are more than a
    // sign-off (`Let me know in the comments.`).
    let mut in_block = vec![false; paras.len()];
    for &(a, b) in &blocks {
        in_block[a..=b].fill(true);
    }
    let mut has_quote = vec![false; paras.len()];
    for q in &quotes {
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
        let in_marked_block = in_block[pi + 1];
        if next.label.is_some()
            || next.md_block
            || in_marked_block
            || leading_mark(text, next).is_some()
        {
            continue;
        }
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
        let bq = block_quotation(text, &paras, pi + 1, last, Some(pi as u32));
        if !bq.segments.is_empty() {
            if let Some(h) = has_quote.get_mut(bq.para as usize) {
                *h = true;
            }
            quotes.push(bq);
        }
    }
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
    Extraction {
        paragraphs: paras,
        quotes,
    }
}

fn block_quotation(
    text: &str,
    paras: &[Paragraph],
    a: usize,
    b: usize,
    intro: Option<u32>,
) -> Quotation {
    let start = paras[a]
        .lines
        .first()
        .map(|l| l.0)
        .unwrap_or(paras[a].start);
    let end = paras[b].end;
    let mut segments = segments_for(paras, text, start as usize, end as usize);
    let signature = signature(text, &mut segments);
    Quotation {
        kind: Kind::Block,
        segments,
        para: a as u32,
        last_para: b as u32,
        open: start,
        close: end,
        label: signature,
        ends_sentence: ends_sentence(text, end as usize),
        holds_quotes: false,
        intro_para: intro,
    }
}

/// A block that ends with a signed line (`— Jo Ray (@joray)`, as embedded
/// posts do) names its speaker there: the line leaves the quoted words and
/// the name's span is returned.
fn signature(text: &str, segments: &mut Vec<Segment>) -> Option<(u32, u32)> {
    if segments.len() < 2 {
        return None;
    }
    let last = *segments.last()?;
    let (s, e) = signed_name(text, last.start as usize, last.end as usize)?;
    segments.pop();
    Some((s as u32, e as u32))
}

/// `"…" ― Jo Ray` at the end of a paragraph, or on the line right after a
/// quotation that is a paragraph of its own: reader responses, pull quotes
/// and epigraphs are signed with a dash and the speaker's name.
fn trailing_signature(text: &str, paras: &[Paragraph], q: &Quotation) -> Option<(u32, u32)> {
    let para = paras.get(q.last_para as usize)?;
    let close = q.close as usize;
    let rest_end = para.end as usize;
    if close > rest_end {
        return None;
    }
    let rest = &text[close..rest_end];
    if !rest.trim().is_empty() {
        let lead = rest.len() - rest.trim_start().len();
        return signed_name(text, close + lead, rest_end).map(|(s, e)| (s as u32, e as u32));
    }
    // The signature as the next paragraph, under a quotation that fills
    // its own.
    let first = paras.get(q.para as usize)?;
    let opens = text[first.start as usize..q.open as usize]
        .trim()
        .is_empty();
    let next = paras.get(q.last_para as usize + 1)?;
    if !opens || next.label.is_some() || next.lines.len() != 1 {
        return None;
    }
    let (ls, le) = next.lines[0];
    signed_name(text, ls as usize, le as usize).map(|(s, e)| (s as u32, e as u32))
}

/// The name signed on `text[start..end]` (a dash, then one to five words
/// starting with a capital, then at most a short role or handle after a
/// comma or parenthesis), as a span of `text`.
fn signed_name(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let line = &text[start..end];
    let rest = ['\u{2015}', '—', '–']
        .iter()
        .find_map(|d| line.strip_prefix(*d))
        .or_else(|| line.strip_prefix("--"))?;
    let name = rest.trim_start();
    let name_start = end - name.len();
    let name_len = name.find([',', '(', '|']).unwrap_or(name.len());
    let after = &name[name_len..];
    let name = name[..name_len].trim_end().trim_end_matches('.');
    let words = name.split_whitespace().count();
    if !name.starts_with(char::is_uppercase)
        || !(1..=5).contains(&words)
        || after.split_whitespace().count() > 16
        || after.contains(['"', '“', '”'])
    {
        return None;
    }
    Some((name_start, name_start + name.len()))
}

fn words_lower(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
}

fn last_sentence_has_block_cue(body: &str) -> bool {
    let trimmed = body.trim_end().trim_end_matches(':');
    let start = trimmed.rfind(['.', '!', '?']).map(|i| i + 1).unwrap_or(0);
    words_lower(&trimmed[start..])
        .any(|w| lexicon::cue(&w).is_some_and(|c| c.block || c.forward_only))
        || trimmed[start..].contains(" points out")
        || trimmed[start..].contains(" pointed out")
}

fn has_first_person(s: &str) -> bool {
    words_lower(s).any(|w| lexicon::is_first_person(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<(Kind, String)> {
        let e = extract(src, &[]);
        e.quotes.iter().map(|q| (q.kind, q.text(src))).collect()
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        let t = texts("We don't know about the '90s or the Iranians’ plight, he said.");
        assert!(t.is_empty(), "{t:?}");
    }

    #[test]
    fn british_single_quotes_with_inner_apostrophes() {
        let t = texts("He said: ‘We don’t want the protesters’ anger, frankly,’ and left.");
        assert_eq!(
            t,
            vec![(
                Kind::Quote,
                "We don’t want the protesters’ anger, frankly,".into()
            )]
        );
    }

    #[test]
    fn nested_quotes_stay_inside_the_outer_one() {
        let t = texts("She said, “He told me ‘never again’ and I believed him.”");
        assert_eq!(
            t,
            vec![(
                Kind::Quote,
                "He told me ‘never again’ and I believed him.".into()
            )]
        );
    }

    #[test]
    fn multi_paragraph_quote_is_one_quotation() {
        let src = "He said \"First part here.\n\n\"Second part here.\" Then more.";
        let e = extract(src, &[]);
        assert_eq!(e.quotes.len(), 1);
        assert_eq!(e.quotes[0].text(src), "First part here.\nSecond part here.");
    }
}
