//! Linking the same words across articles.
//!
//! Every article's text is turned into a stream of normalized words (case,
//! punctuation, quote marks, Unicode NFKC, contractions and British
//! spellings folded). The distinct quotations are indexed by word trigrams;
//! each article is scanned once against that index, and each candidate
//! region is confirmed by a local alignment that also tells which words
//! differ. Cost grows with the number of words in the corpus, not with the
//! number of quotation pairs.
//!
//! Quotations found in each other's places form a *statement*: the same
//! words, however many articles carry them.

use crate::lexicon;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::{Hash, Hasher};
use unicode_normalization::UnicodeNormalization;

/// A normalized word with its place in the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    pub hash: u64,
    pub start: u32,
    pub end: u32,
}

fn hash_str(s: &str) -> u64 {
    let mut h = FxHasher::default();
    s.hash(&mut h);
    h.finish()
}

/// Splits a contraction into the words it stands for; a possessive keeps
/// only its word.
fn expand(word: &str) -> Option<(String, &'static str)> {
    let (stem, tail) = word.rsplit_once('\'')?;
    let pair = |a: &str, b: &'static str| Some((a.to_string(), b));
    match (stem, tail) {
        ("won", "t") => pair("will", "not"),
        ("can", "t") => pair("can", "not"),
        ("shan", "t") => pair("shall", "not"),
        ("ain", "t") => pair("is", "not"),
        (s, "t") if s.ends_with('n') => pair(&s[..s.len() - 1], "not"),
        (s, "re") => pair(s, "are"),
        (s, "ve") => pair(s, "have"),
        (s, "ll") => pair(s, "will"),
        (s, "m") => pair(s, "am"),
        (s, "d") => pair(s, "would"),
        ("let", "s") => pair("let", "us"),
        (s, "s")
            if matches!(
                s,
                "it" | "he" | "she" | "that" | "what" | "there" | "here" | "who" | "where" | "how"
            ) =>
        {
            pair(s, "is")
        }
        (s, "s") => pair(s, ""),
        ("", _) => pair(tail, ""),
        (s, "") => pair(s, ""),
        _ => None,
    }
}

fn american(w: &str) -> Option<String> {
    static SPELLINGS: std::sync::OnceLock<FxHashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    let table = SPELLINGS.get_or_init(|| lexicon::BRITISH_AMERICAN.iter().copied().collect());
    if let Some(a) = table.get(w) {
        return Some((*a).to_string());
    }
    const SUFFIXES: &[(&str, &str)] = &[
        ("isation", "ization"),
        ("isations", "izations"),
        ("ise", "ize"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ising", "izing"),
        ("yse", "yze"),
        ("ysed", "yzed"),
    ];
    let (suffix, repl) = SUFFIXES
        .iter()
        .find(|(s, _)| w.len() > s.len() + 2 && w.ends_with(s))?;
    let stem = &w[..w.len() - suffix.len()];
    let base = format!(
        "{stem}{}",
        if suffix.starts_with('y') {
            "yse"
        } else {
            "ise"
        }
    );
    if lexicon::is_ise_exception(&base) || lexicon::is_ise_exception(w) {
        return None;
    }
    Some(format!("{stem}{repl}"))
}

/// Pushes the normalized form of one word (one or two words after
/// expanding a contraction).
fn push_word(raw: &str, start: u32, end: u32, out: &mut Vec<Word>) {
    // Most words are short, ASCII and have no apostrophe: no allocation.
    let b = raw.as_bytes();
    if b.len() <= 32 && raw.is_ascii() && !b.contains(&b'\'') {
        let mut lower = [0u8; 32];
        for (d, s) in lower.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        let w = std::str::from_utf8(&lower[..b.len()]).unwrap_or("");
        let hash = match (w.len() > 4).then(|| american(w)).flatten() {
            Some(a) => hash_str(&a),
            None => hash_str(w),
        };
        out.push(Word { hash, start, end });
        return;
    }
    let mut buf = String::with_capacity(raw.len());
    if raw.is_ascii() {
        for c in raw.chars() {
            buf.push(c.to_ascii_lowercase());
        }
    } else {
        for c in raw.nfkc() {
            let c = match c {
                '’' | '‘' | 'ʼ' | '`' | '´' => '\'',
                c => c,
            };
            buf.extend(c.to_lowercase());
        }
    }
    if buf.contains('\'') {
        if let Some((a, b)) = expand(&buf) {
            out.push(Word {
                hash: hash_str(&a),
                start,
                end,
            });
            if !b.is_empty() {
                out.push(Word {
                    hash: hash_str(b),
                    start,
                    end,
                });
            }
            return;
        }
        buf.retain(|c| c != '\'');
    }
    if buf.len() > 4 {
        if let Some(a) = american(&buf) {
            out.push(Word {
                hash: hash_str(&a),
                start,
                end,
            });
            return;
        }
    }
    out.push(Word {
        hash: hash_str(&buf),
        start,
        end,
    });
}

/// The normalized words of `start..end` of a text. Words in square brackets
/// (an editor's insertion) are left out; hyphens and dashes separate words.
pub fn words(text: &str, start: usize, end: usize, out: &mut Vec<Word>) {
    let b = text.as_bytes();
    let mut i = start;
    let mut bracket_depth = 0u32;
    let mut bracket_start = 0usize;
    let mut mark = out.len();
    while i < end {
        let c = b[i];
        if c == b'[' {
            if bracket_depth == 0 {
                bracket_start = i;
                mark = out.len();
            }
            bracket_depth += 1;
            i += 1;
            continue;
        }
        if c == b']' && bracket_depth > 0 {
            bracket_depth -= 1;
            if bracket_depth == 0 && i - bracket_start < 120 {
                out.truncate(mark);
            }
            i += 1;
            continue;
        }
        let is_start = if c < 0x80 {
            c.is_ascii_alphanumeric()
        } else {
            text[i..].chars().next().is_some_and(char::is_alphanumeric)
        };
        if !is_start {
            i += if c < 0x80 {
                1
            } else {
                text[i..].chars().next().map_or(1, char::len_utf8)
            };
            continue;
        }
        let s = i;
        while i < end {
            let c = b[i];
            if c < 0x80 {
                let apostrophe = c == b'\'' && i + 1 < end && b[i + 1].is_ascii_alphabetic();
                if c.is_ascii_alphanumeric() || apostrophe {
                    i += 1;
                } else {
                    break;
                }
            } else {
                let ch = text[i..].chars().next().unwrap_or(' ');
                if ch.is_alphanumeric() {
                    i += ch.len_utf8();
                } else if ch == '’' && i + 3 < end && b[i + 3].is_ascii_alphabetic() {
                    i += 3;
                } else {
                    break;
                }
            }
        }
        push_word(&text[s..i], s as u32, i as u32, out);
    }
}

pub(crate) const N: usize = 3;

/// Diagonals on either side of the hits that an alignment may use: words
/// dropped or added between two trigram hits.
const BAND: usize = 8;

/// Whether a place is strong enough evidence to join two statements, not
/// just to be listed as a source. Statements join by chains of places, so
/// one loose match between short quotations (`on top of the timetable`)
/// would merge unrelated stories: short texts join only on all their words.
fn joins_statement(f: &Found) -> bool {
    f.matched == f.total || f.total >= 10
}

/// Per-thread hit lists, reused from one article to the next.
struct Scratch {
    /// For each text, its index in `hits`, or `u32::MAX`.
    slot: Vec<u32>,
    hits: Vec<Vec<(u32, u32)>>,
    used: usize,
    touched: Vec<u32>,
    stamps: Vec<u32>,
    stamp: u32,
    dp: Vec<i32>,
    diagonals: Vec<(isize, u32)>,
}

impl Scratch {
    fn new(texts: usize) -> Self {
        Scratch {
            slot: vec![u32::MAX; texts],
            hits: Vec::new(),
            used: 0,
            touched: Vec::new(),
            stamps: Vec::new(),
            stamp: 0,
            dp: Vec::new(),
            diagonals: Vec::new(),
        }
    }

    fn push(&mut self, sid: u32, hit: (u32, u32)) {
        let mut s = self.slot[sid as usize];
        if s == u32::MAX {
            if self.used == self.hits.len() {
                self.hits.push(Vec::new());
            }
            s = self.used as u32;
            self.used += 1;
            self.slot[sid as usize] = s;
            self.touched.push(sid);
        }
        self.hits[s as usize].push(hit);
    }

    fn clear(&mut self) {
        for &sid in &self.touched {
            self.slot[sid as usize] = u32::MAX;
        }
        for h in &mut self.hits[..self.used] {
            h.clear();
        }
        self.used = 0;
        self.touched.clear();
    }
}

/// Words of other text an occurrence may have between two matching runs
/// (`"A," the official said. "B."` quoted elsewhere as one quotation).
const MAX_GAP: u32 = 16;

type DiagonalScratch<'a> = (&'a mut Vec<(isize, u32)>, &'a mut Vec<u32>, &'a mut u32);

/// The range of diagonals (`p - qp`) holding the most hits within a window
/// `2 * BAND` wide, if those hits cover at least `need` distinct positions
/// of the text.
fn best_diagonals(
    hits: &[(u32, u32)],
    need: usize,
    scratch: DiagonalScratch,
) -> Option<(isize, isize)> {
    let (diagonals, stamps, stamp) = scratch;
    if hits.len() < need {
        return None;
    }
    diagonals.clear();
    diagonals.extend(hits.iter().map(|&(p, qp)| (p as isize - qp as isize, qp)));
    diagonals.sort_unstable();
    let width = 2 * BAND as isize;
    let (mut best, mut best_at) = (0, 0);
    let mut a = 0;
    for b in 0..diagonals.len() {
        while diagonals[b].0 - diagonals[a].0 > width {
            a += 1;
        }
        if b + 1 - a > best {
            best = b + 1 - a;
            best_at = a;
        }
    }
    if best < need {
        return None;
    }
    let window = &diagonals[best_at..best_at + best];
    // Distinct positions of the text, counted with a stamp per position.
    *stamp = stamp.wrapping_add(1);
    if *stamp == 0 {
        stamps.iter_mut().for_each(|s| *s = 0);
        *stamp = 1;
    }
    let mut distinct = 0;
    for &(_, qp) in window {
        let q = qp as usize;
        if q >= stamps.len() {
            stamps.resize(q + 1, 0);
        }
        if stamps[q] != *stamp {
            stamps[q] = *stamp;
            distinct += 1;
        }
    }
    (distinct >= need).then_some((window[0].0, window[window.len() - 1].0))
}

pub(crate) fn gram(w: &[Word]) -> u64 {
    let mut h = FxHasher::default();
    for x in w {
        x.hash.hash(&mut h);
    }
    h.finish()
}

/// One place where the words of a quotation were found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub doc: u32,
    /// View span in that article.
    pub start: u32,
    pub end: u32,
    /// Words of the quotation matched exactly, and its length in words.
    pub matched: u32,
    pub total: u32,
    /// Words that differ: indices into the quotation's normalized words
    /// (see [`quotation_words`]), and view spans at the place.
    pub differ_words: Box<[u32]>,
    pub differ_in_place: Box<[(u32, u32)]>,
}

/// A quotation as the linker sees it.
#[derive(Clone, Debug)]
pub struct QuoteRef {
    pub doc: u32,
    /// View spans of its words.
    pub segments: Vec<(u32, u32)>,
    /// Blocks that hold other quotations link but do not join statements.
    pub joins: bool,
}

/// The links of a corpus. Quotations with the same normalized words share
/// one *text*; places are kept per text, so that a statement quoted in a
/// thousand articles costs a thousand places, not a million pairs.
#[derive(Clone, Debug, Default)]
pub struct Links {
    /// The statement of each quotation.
    pub statement: Vec<u32>,
    /// The text of each quotation, or `None` when it is too short to link.
    pub text_of: Vec<Option<u32>>,
    /// For each text, the quotations that have it.
    pub members: Vec<Vec<u32>>,
    /// For each text, every place its words were found (its quotations'
    /// own places included).
    pub places: Vec<Vec<Found>>,
    /// For each quotation, the other texts whose words were found inside it
    /// (a fragment inside a longer quotation, each half of a merged one).
    pub inside: Vec<Vec<u32>>,
}

impl Links {
    /// The links of `n` quotations before linking: each its own statement,
    /// found nowhere else.
    pub fn unlinked(n: usize) -> Links {
        Links {
            statement: (0..n as u32).collect(),
            text_of: vec![None; n],
            members: Vec::new(),
            places: Vec::new(),
            inside: vec![Vec::new(); n],
        }
    }

    /// The places that carry a quotation's words, other than its own.
    pub fn found<'a>(
        &'a self,
        qi: usize,
        doc: u32,
        start: u32,
        end: u32,
    ) -> impl Iterator<Item = &'a Found> + 'a {
        self.text_of[qi]
            .map(|t| self.places[t as usize].as_slice())
            .unwrap_or(&[])
            .iter()
            .filter(move |f| !(f.doc == doc && f.start < end && start < f.end))
    }
}

/// The normalized words of a quotation, as [`Found::differ_words`] counts them.
pub fn quotation_words(text: &str, segments: &[(u32, u32)]) -> Vec<Word> {
    let mut v = Vec::new();
    for &(s, e) in segments {
        words(text, s as usize, e as usize, &mut v);
    }
    v.truncate(MAX_QUOTE_WORDS);
    v
}

/// Longer quotations are linked by their first words.
const MAX_QUOTE_WORDS: usize = 600;

#[derive(Clone, Copy, Debug)]
pub struct LinkOptions {
    /// Quotations shorter than this (in normalized words) are not linked.
    pub min_words: usize,
    /// Quotations shorter than this link only to other quotations, not to
    /// unquoted text, where short phrases recur by chance.
    pub min_words_unquoted: usize,
    /// Share of a quotation's words that must match.
    pub min_share: f32,
}

impl Default for LinkOptions {
    fn default() -> Self {
        LinkOptions {
            min_words: 5,
            min_words_unquoted: 6,
            min_share: 0.8,
        }
    }
}

pub(crate) struct Alignment {
    /// The aligned words of the quotation: `q_start..q_end`.
    pub q_start: usize,
    pub q_end: usize,
    pub r_start: usize,
    pub r_end: usize,
    pub matched: usize,
    pub diff_q: Vec<usize>,
    pub diff_r: Vec<usize>,
}

/// Smith–Waterman local alignment of word hashes, within a band of
/// diagonals (`j - i` from `lo` to `hi`, 1-based) around the one the
/// trigram hits lie on. `buf` is reused between calls.
pub(crate) fn align(
    q: &[Word],
    r: &[Word],
    lo: isize,
    hi: isize,
    buf: &mut Vec<i32>,
) -> Option<Alignment> {
    const MATCH: i32 = 2;
    const MISMATCH: i32 = -1;
    const GAP: i32 = -1;
    let (m, n) = (q.len(), r.len());
    if m == 0 || n == 0 || hi < lo {
        return None;
    }
    // Row i holds diagonals lo..=hi at 1..=w, with a zero on either side so
    // that every neighbour read stays in the row.
    let w = (hi - lo + 1) as usize;
    let stride = w + 2;
    buf.clear();
    buf.resize((m + 1) * stride, 0);
    let h = buf;
    let cell = |i: usize, j: usize| i * stride + (j as isize - i as isize - lo) as usize + 1;
    let mut best = (0i32, 0usize, 0usize);
    for i in 1..=m {
        let from = (i as isize + lo).max(1);
        let to = (i as isize + hi).min(n as isize);
        let qh = q[i - 1].hash;
        for j in from..=to {
            let j = j as usize;
            let x = cell(i, j);
            // (i-1, j-1) sits at the same offset in the row above, (i-1, j)
            // one to the right of it, (i, j-1) one to the left in this row.
            let score = if qh == r[j - 1].hash { MATCH } else { MISMATCH };
            let (diag, left) = if j > 1 {
                (h[x - stride], h[x - 1])
            } else {
                (0, 0)
            };
            let v = (diag + score)
                .max(h[x - stride + 1] + GAP)
                .max(left + GAP)
                .max(0);
            h[x] = v;
            if v > best.0 {
                best = (v, i, j);
            }
        }
    }
    if best.0 == 0 {
        return None;
    }
    let get = |i: usize, j: usize| {
        let k = j as isize - i as isize - lo;
        if i > 0 && j > 0 && k >= 0 && (k as usize) < w {
            h[cell(i, j)]
        } else {
            0
        }
    };
    let (mut i, mut j) = (best.1, best.2);
    let r_end = j;
    let q_end = i;
    let mut matched = 0;
    let mut diff_q = Vec::new();
    let mut diff_r = Vec::new();
    while i > 0 && j > 0 && get(i, j) > 0 {
        let v = get(i, j);
        let same = q[i - 1].hash == r[j - 1].hash;
        if v == get(i - 1, j - 1) + if same { MATCH } else { MISMATCH } {
            if same {
                matched += 1;
            } else {
                diff_q.push(i - 1);
                diff_r.push(j - 1);
            }
            i -= 1;
            j -= 1;
        } else if v == get(i - 1, j) + GAP {
            diff_q.push(i - 1);
            i -= 1;
        } else {
            diff_r.push(j - 1);
            j -= 1;
        }
    }
    diff_q.reverse();
    diff_r.reverse();
    Some(Alignment {
        q_start: i,
        q_end,
        r_start: j,
        r_end,
        matched,
        diff_q,
        diff_r,
    })
}

pub(crate) fn spans_of(words: &[Word], idx: &[usize]) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    for &k in idx {
        let w = words[k];
        match out.last_mut() {
            Some(last) if last.0 == w.start && last.1 == w.end => {}
            _ => out.push((w.start, w.end)),
        }
    }
    out
}

/// Links every quotation to the other places in the corpus that carry its
/// words. `texts` are the articles' views, indexed by `QuoteRef::doc`.
pub fn link(texts: &[&str], quotes: &[QuoteRef], opts: &LinkOptions) -> Links {
    // Normalized words of each quotation, and the distinct sequences.
    let qwords: Vec<Vec<Word>> = quotes
        .par_iter()
        .map(|q| quotation_words(texts[q.doc as usize], &q.segments))
        .collect();
    let mut distinct: FxHashMap<Vec<u64>, u32> = FxHashMap::default();
    let mut texts_of: Vec<Vec<u32>> = Vec::new();
    let mut seq_of = vec![u32::MAX; quotes.len()];
    for (qi, w) in qwords.iter().enumerate() {
        if w.len() < opts.min_words {
            continue;
        }
        let key: Vec<u64> = w.iter().map(|x| x.hash).collect();
        let next = texts_of.len() as u32;
        let id = *distinct.entry(key).or_insert(next);
        if id == next {
            texts_of.push(Vec::new());
        }
        texts_of[id as usize].push(qi as u32);
        seq_of[qi] = id;
    }
    let reps: Vec<u32> = texts_of.iter().map(|v| v[0]).collect();
    // Trigram index over distinct sequences; very common trigrams are dropped.
    let mut index: FxHashMap<u64, Vec<(u32, u32)>> = FxHashMap::default();
    for (sid, &qi) in reps.iter().enumerate() {
        let w = &qwords[qi as usize];
        for p in 0..w.len().saturating_sub(N - 1) {
            let g = gram(&w[p..p + N]);
            let list = index.entry(g).or_default();
            if list.last().map(|x| x.0) != Some(sid as u32) {
                list.push((sid as u32, p as u32));
            }
        }
    }
    // A trigram shared by many distinct texts is a stock phrase: it would
    // make every article a candidate for all of them.
    const MAX_POSTINGS: usize = 64;
    index.retain(|_, v| v.len() <= MAX_POSTINGS);
    // How many trigram positions of each text are still indexed.
    let mut kept = vec![0usize; reps.len()];
    for list in index.values() {
        for &(sid, _) in list {
            kept[sid as usize] += 1;
        }
    }

    // Quotation spans of each article, to tell quoted places from the rest.
    let mut quoted_in_doc: Vec<Vec<(u32, u32, u32)>> = vec![Vec::new(); texts.len()];
    for (qi, q) in quotes.iter().enumerate() {
        if let (Some(f), Some(l)) = (q.segments.first(), q.segments.last()) {
            quoted_in_doc[q.doc as usize].push((f.0, l.1, qi as u32));
        }
    }
    // Sorted by start (quotations come in article order), with the furthest
    // end so far, so that the spans at a place are found without a full scan.
    let reach_in_doc: Vec<Vec<u32>> = quoted_in_doc
        .iter_mut()
        .map(|spans| {
            spans.sort_by_key(|&(s, _, _)| s);
            crate::extract::furthest_ends(spans.iter().map(|&(_, e, _)| e))
        })
        .collect();

    // Scan every article once.
    let per_doc: Vec<Vec<(u32, Found)>> = (0..texts.len())
        .into_par_iter()
        .map_init(
            || Scratch::new(reps.len()),
            |scratch, d| {
                let text = texts[d];
                let mut dw = Vec::with_capacity(text.len() / 5);
                words(text, 0, text.len(), &mut dw);
                for p in 0..dw.len().saturating_sub(N - 1) {
                    if let Some(list) = index.get(&gram(&dw[p..p + N])) {
                        for &(sid, qp) in list {
                            scratch.push(sid, (p as u32, qp));
                        }
                    }
                }
                let mut out = Vec::new();
                scratch.touched.sort_unstable();
                for &sid in &scratch.touched {
                    let h = &scratch.hits[scratch.slot[sid as usize] as usize];
                    let qw = &qwords[reps[sid as usize] as usize];
                    let m = qw.len();
                    // An occurrence that matches `min_share` of the words keeps
                    // most of its trigrams: each differing word breaks at most
                    // three. Regions with fewer hits are not worth aligning.
                    let differing = m - ((m as f32) * opts.min_share).ceil() as usize;
                    // Stock phrases are not indexed: a text made mostly of
                    // them must be hit on every trigram it still has.
                    let kept = kept[sid as usize];
                    let need_hits = m
                        .saturating_sub(N - 1)
                        .saturating_sub(3 * differing)
                        .max(kept * 2 / 5)
                        .min(kept)
                        .max(1);
                    // Cluster hits that could belong to one occurrence.
                    let mut k = 0;
                    while k < h.len() {
                        let mut l = k;
                        while l + 1 < h.len() && h[l + 1].0 <= h[l].0 + MAX_GAP {
                            l += 1;
                        }
                        let cluster = &h[k..=l];
                        let lo = (h[k].0 as i64 - h[k].1 as i64 - 4).max(0) as usize;
                        let hi = ((h[l].0 as usize) + (m - h[l].1 as usize) + 4).min(dw.len());
                        k = l + 1;
                        // The hits of one occurrence lie on a few neighbouring
                        // diagonals; stray hits of stock phrases do not.
                        let Some((dlo, dhi)) = best_diagonals(
                            cluster,
                            need_hits,
                            (
                                &mut scratch.diagonals,
                                &mut scratch.stamps,
                                &mut scratch.stamp,
                            ),
                        ) else {
                            continue;
                        };
                        let region = &dw[lo..hi];
                        let band = BAND as isize;
                        let (dlo, dhi) = (dlo - lo as isize - band, dhi - lo as isize + band);
                        let Some(a) = align(qw, region, dlo, dhi, &mut scratch.dp) else {
                            continue;
                        };
                        let need = ((m as f32) * opts.min_share).ceil() as usize;
                        if a.matched < need.max(opts.min_words) {
                            continue;
                        }
                        let (ps, pe) = (region[a.r_start].start, region[a.r_end - 1].end);
                        let quoted = quoted_in_doc[d].iter().any(|&(s, e, _)| s < pe && ps < e);
                        if !quoted && m < opts.min_words_unquoted {
                            continue;
                        }
                        out.push((
                            sid,
                            Found {
                                doc: d as u32,
                                start: ps,
                                end: pe,
                                matched: a.matched as u32,
                                total: m as u32,
                                differ_words: a.diff_q.iter().map(|&x| x as u32).collect(),
                                differ_in_place: spans_of(region, &a.diff_r).into(),
                            },
                        ));
                    }
                }
                scratch.clear();
                out
            },
        )
        .collect();

    // Gather per distinct text.
    let mut places: Vec<Vec<Found>> = vec![Vec::new(); reps.len()];
    for doc_found in per_doc {
        for (sid, f) in doc_found {
            places[sid as usize].push(f);
        }
    }

    // Statements: union quotations with the same words, and quotations whose
    // words were found at each other's places.
    let mut uf = UnionFind::new(quotes.len());
    for members in &texts_of {
        if quotes[members[0] as usize].joins {
            for w in members.windows(2) {
                uf.union(w[0], w[1]);
            }
        }
    }
    let mut inside: Vec<Vec<u32>> = vec![Vec::new(); quotes.len()];
    // Unquoted places per article, to join texts found at the same place.
    let mut unquoted: Vec<Vec<(u32, u32, u32)>> = vec![Vec::new(); texts.len()];
    for (sid, fs) in places.iter().enumerate() {
        let rep = texts_of[sid][0];
        for f in fs {
            let mut at_quote = false;
            let spans = &quoted_in_doc[f.doc as usize];
            let reach = &reach_in_doc[f.doc as usize];
            let hi = spans.partition_point(|&(s, _, _)| s < f.end);
            // Back from the place's end, while an earlier span still reaches it.
            for i in (0..hi).rev() {
                if reach[i] <= f.start {
                    break;
                }
                let (s, e, other) = spans[i];
                if f.start < e && seq_of[other as usize] != sid as u32 {
                    at_quote = true;
                    let overlap = f.end.min(e) - f.start.max(s);
                    let shorter = (f.end - f.start).min(e - s).max(1);
                    if overlap * 2 >= shorter {
                        if joins_statement(f)
                            && quotes[rep as usize].joins
                            && quotes[other as usize].joins
                        {
                            uf.union(rep, other);
                        }
                        // A text's places are gathered together, so a repeat
                        // can only be the last entry.
                        let list = &mut inside[other as usize];
                        if list.last() != Some(&(sid as u32)) {
                            list.push(sid as u32);
                        }
                    }
                }
            }
            if !at_quote && joins_statement(f) && quotes[rep as usize].joins {
                unquoted[f.doc as usize].push((f.start, f.end, rep));
            }
        }
    }
    for p in &mut unquoted {
        p.sort_unstable();
        for i in 0..p.len() {
            for j in i + 1..p.len() {
                if p[j].0 >= p[i].1 {
                    break;
                }
                let overlap = p[i].1.min(p[j].1) - p[j].0;
                let shorter = (p[i].1 - p[i].0).min(p[j].1 - p[j].0).max(1);
                if overlap * 2 >= shorter {
                    uf.union(p[i].2, p[j].2);
                }
            }
        }
    }

    // Statement ids in order of first appearance.
    let mut ids: FxHashMap<u32, u32> = FxHashMap::default();
    let statement = (0..quotes.len() as u32)
        .map(|qi| {
            let root = uf.find(qi);
            let next = ids.len() as u32;
            *ids.entry(root).or_insert(next)
        })
        .collect();
    Links {
        statement,
        text_of: seq_of
            .iter()
            .map(|&s| (s != u32::MAX).then_some(s))
            .collect(),
        members: texts_of,
        places,
        inside,
    }
}

struct UnionFind {
    parent: Vec<u32>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n as u32).collect(),
        }
    }
    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let p = self.parent[x as usize];
            self.parent[x as usize] = self.parent[p as usize];
            x = p;
        }
        x
    }
    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The earlier quotation is the root, so ids are stable.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi as usize] = lo;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> Vec<u64> {
        let mut v = Vec::new();
        words(s, 0, s.len(), &mut v);
        v.into_iter().map(|w| w.hash).collect()
    }

    #[test]
    fn contractions_marks_and_case_fold() {
        assert_eq!(norm("We’re NOT"), norm("we are not"));
        assert_eq!(norm("don't"), norm("do not"));
        assert_eq!(norm("It’s"), norm("it is"));
    }

    #[test]
    fn british_spellings_fold_to_american() {
        assert_eq!(
            norm("the colour of organisation"),
            norm("the color of organization")
        );
        assert_eq!(norm("they analysed it"), norm("they analyzed it"));
        // An `-ise` word that is not a British spelling keeps its `s`.
        assert_ne!(norm("surprise"), norm("surprize"));
    }

    #[test]
    fn bracketed_insertions_are_dropped() {
        assert_eq!(
            norm("the secretary [of state Jane Doe] has"),
            norm("the secretary has")
        );
    }

    #[test]
    fn nfkc_folds_compatibility_characters() {
        assert_eq!(norm("ﬁnal"), norm("final"));
    }
}
