//! Quote marks: which characters open and close a quotation, told from
//! apostrophes by the characters around them.

#[allow(unused_imports)]
use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Family {
    Double,
    Single,
    Guillemet,
    GuillemetReversed,
    Low,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mark {
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

pub(super) fn mark_at(b: &[u8], i: usize) -> Option<(Mark, usize)> {
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
pub(super) enum Ctx {
    Edge,
    Space,
    OpenPunct,
    Letter,
    Digit,
    Punct,
    Mark,
}

pub(super) fn ctx_of(c: Option<char>) -> Ctx {
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

pub(super) fn prev_char(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

pub(super) fn next_char(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// The characters around a mark at `i..i+len`, looking past any `>` block
/// marker at the start of a line.
pub(super) fn around(
    text: &str,
    i: usize,
    len: usize,
    para_start: usize,
    para_end: usize,
) -> (Ctx, Ctx) {
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

pub(super) fn opens(prev: Ctx, next: Ctx) -> bool {
    matches!(prev, Ctx::Edge | Ctx::Space | Ctx::OpenPunct | Ctx::Mark)
        && !matches!(next, Ctx::Space | Ctx::Edge)
}

pub(super) fn closes(prev: Ctx, next: Ctx) -> bool {
    !matches!(prev, Ctx::Edge | Ctx::Space | Ctx::OpenPunct)
        && !matches!(next, Ctx::Letter | Ctx::Digit)
}

/// A closing `”` within the next few hundred words of the paragraph; the
/// window keeps a line of stray marks from being scanned once per mark.
pub(super) fn closed_within(text: &str, from: usize, para_end: usize) -> bool {
    let mut end = (from + 2000).min(para_end);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[from..end].contains('”')
}

/// An apostrophe that starts an elision (`'90s`, `'em`) rather than a quote.
pub(super) fn is_elision(text: &str, after: usize, end: usize) -> bool {
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

pub(super) struct Open {
    pub(super) family: Family,
    /// The mark was a straight `"` or `'`.
    pub(super) straight: bool,
    pub(super) mark: usize,
    pub(super) content: usize,
    pub(super) nested: Vec<Family>,
    pub(super) para: usize,
    /// Content start of each paragraph it spans.
    pub(super) para_starts: Vec<(usize, usize)>,
}

pub(super) fn family_opened_by(m: Mark) -> Option<Family> {
    match m {
        Mark::Straight | Mark::LeftDouble => Some(Family::Double),
        Mark::LowDouble => Some(Family::Low),
        Mark::LeftSingle | Mark::StraightSingle | Mark::RightSingle => Some(Family::Single),
        Mark::LeftGuillemet => Some(Family::Guillemet),
        Mark::RightGuillemet => Some(Family::GuillemetReversed),
        Mark::RightDouble => Some(Family::Double),
    }
}

pub(super) fn closes_family(m: Mark, f: Family) -> bool {
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
pub(super) fn reopens(m: Mark, f: Family) -> bool {
    match f {
        Family::Double => matches!(m, Mark::Straight | Mark::LeftDouble),
        Family::Low => matches!(m, Mark::LowDouble | Mark::LeftDouble),
        Family::Single => matches!(m, Mark::LeftSingle | Mark::StraightSingle),
        Family::Guillemet => matches!(m, Mark::LeftGuillemet | Mark::RightGuillemet),
        Family::GuillemetReversed => matches!(m, Mark::RightGuillemet),
    }
}

pub(super) fn count_words(s: &str) -> usize {
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
pub(super) fn segments_for(
    paras: &[Paragraph],
    text: &str,
    start: usize,
    end: usize,
) -> Vec<Segment> {
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

pub(super) fn ends_sentence(text: &str, end: usize) -> bool {
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
pub(super) struct SingleCloses {
    /// The last closing single mark with a closer's surroundings, not
    /// followed by a letter: a straight single quote opening before it has
    /// a closer.
    pub(super) last_closer: Option<usize>,
    /// In order: closing single marks after punctuation (`true`), and
    /// opening single marks (`false`).
    pub(super) punctuated_or_open: Vec<(usize, bool)>,
}

impl SingleCloses {
    pub(super) fn of(text: &str, start: usize, end: usize) -> Self {
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
    pub(super) fn has_closer(&self, from: usize) -> bool {
        self.last_closer.is_some_and(|j| j >= from)
    }

    /// A closing single mark after punctuation comes at or after `from`,
    /// before any opening single mark, so that `the protesters’ demands` is
    /// read as a possessive when the quotation plainly closes further on.
    pub(super) fn punctuated_close_later(&self, from: usize) -> bool {
        let k = self.punctuated_or_open.partition_point(|&(j, _)| j < from);
        self.punctuated_or_open
            .get(k)
            .is_some_and(|&(_, close)| close)
    }
}

/// The first mark of a paragraph, if the paragraph begins with one.
pub(super) fn leading_mark(text: &str, p: &Paragraph) -> Option<(Mark, usize, usize)> {
    let (ls, le) = *p.lines.first()?;
    let b = text.as_bytes();
    let i = ls as usize;
    if i >= le as usize {
        return None;
    }
    mark_at(b, i).map(|(m, len)| (m, i, len))
}
