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

mod words;
pub use words::*;
mod align;
pub(crate) use align::*;
mod search;
pub(crate) use search::*;
#[cfg(test)]
mod tests;

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

/// The links of quotations before linking: each its own statement, found
/// nowhere else. Read through the accessors below, which answer for any
/// quotation.
pub static UNLINKED: Links = Links {
    statement: Vec::new(),
    text_of: Vec::new(),
    members: Vec::new(),
    places: Vec::new(),
    inside: Vec::new(),
};

impl Links {
    /// The statement of quotation `qi`: its own number until it is linked.
    pub fn statement_of(&self, qi: usize) -> u32 {
        self.statement
            .get(qi)
            .copied()
            .unwrap_or_else(|| u32::try_from(qi).unwrap_or(u32::MAX))
    }

    /// The text of quotation `qi`, if it is linked and long enough.
    pub fn text_of(&self, qi: usize) -> Option<u32> {
        self.text_of.get(qi).copied().flatten()
    }

    /// The other texts found inside quotation `qi`.
    pub fn inside_of(&self, qi: usize) -> &[u32] {
        self.inside.get(qi).map_or(&[], Vec::as_slice)
    }

    /// The places that carry a quotation's words, other than its own.
    pub fn found<'a>(
        &'a self,
        qi: usize,
        doc: u32,
        start: u32,
        end: u32,
    ) -> impl Iterator<Item = &'a Found> + 'a {
        self.text_of(qi)
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

/// Links every quotation to the other places in the corpus that carry its
/// words. `texts` are the articles' views, indexed by `QuoteRef::doc`.
pub fn link(texts: &[&str], quotes: &[QuoteRef], opts: &LinkOptions) -> Links {
    let qwords: Vec<Vec<Word>> = quotes
        .par_iter()
        .map(|q| quotation_words(texts[q.doc as usize], &q.segments))
        .collect();
    let (members, seq_of) = distinct_texts(&qwords, opts.min_words);
    let reps: Vec<u32> = members.iter().map(|v| v[0]).collect();
    let (index, kept) = trigram_index(&qwords, &reps);
    let (quoted_in_doc, reach_in_doc) = quoted_spans(texts.len(), quotes);
    let linker = Linker {
        texts,
        opts,
        qwords: &qwords,
        reps: &reps,
        index: &index,
        kept: &kept,
        quoted_in_doc: &quoted_in_doc,
    };
    // Scan every article once.
    let per_doc: Vec<Vec<(u32, Found)>> = (0..texts.len())
        .into_par_iter()
        .map_init(
            || Scratch::new(reps.len()),
            |scratch, d| linker.scan(d, scratch),
        )
        .collect();
    // Gather per distinct text.
    let mut places: Vec<Vec<Found>> = vec![Vec::new(); reps.len()];
    for doc_found in per_doc {
        for (sid, f) in doc_found {
            places[sid as usize].push(f);
        }
    }
    let joiner = Joiner {
        quotes,
        members: &members,
        seq_of: &seq_of,
        quoted_in_doc: &quoted_in_doc,
        reach_in_doc: &reach_in_doc,
    };
    let (statement, inside) = joiner.statements(&places, texts.len());
    Links {
        statement,
        text_of: seq_of
            .iter()
            .map(|&s| (s != u32::MAX).then_some(s))
            .collect(),
        members,
        places,
        inside,
    }
}

/// The distinct word sequences of the quotations long enough to link: for
/// each, the quotations that have it; and for each quotation, its sequence
/// or `u32::MAX`.
fn distinct_texts(qwords: &[Vec<Word>], min_words: usize) -> (Vec<Vec<u32>>, Vec<u32>) {
    let mut distinct: FxHashMap<Vec<u64>, u32> = FxHashMap::default();
    let mut texts_of: Vec<Vec<u32>> = Vec::new();
    let mut seq_of = vec![u32::MAX; qwords.len()];
    for (qi, w) in qwords.iter().enumerate() {
        if w.len() < min_words {
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
    (texts_of, seq_of)
}

/// Trigram postings: for each trigram, the distinct texts (by their first
/// quotation, `reps`) that have it, with its first position there.
type TrigramIndex = FxHashMap<u64, Vec<(u32, u32)>>;

/// A trigram shared by more distinct texts than this is a stock phrase: it
/// would make every article a candidate for all of them.
const MAX_POSTINGS: usize = 64;

/// The trigram index over the distinct texts, stock phrases left out, and
/// how many trigram positions of each text are still indexed.
fn trigram_index(qwords: &[Vec<Word>], reps: &[u32]) -> (TrigramIndex, Vec<usize>) {
    let mut index: TrigramIndex = FxHashMap::default();
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
    index.retain(|_, v| v.len() <= MAX_POSTINGS);
    let mut kept = vec![0usize; reps.len()];
    for list in index.values() {
        for &(sid, _) in list {
            kept[sid as usize] += 1;
        }
    }
    (index, kept)
}

/// Quotation spans of each article as (start, end, quotation), to tell
/// quoted places from the rest. Sorted by start (quotations come in
/// article order), with the furthest end so far, so that the spans at a
/// place are found without a full scan.
#[allow(clippy::type_complexity)]
fn quoted_spans(docs: usize, quotes: &[QuoteRef]) -> (Vec<Vec<(u32, u32, u32)>>, Vec<Vec<u32>>) {
    let mut quoted_in_doc: Vec<Vec<(u32, u32, u32)>> = vec![Vec::new(); docs];
    for (qi, q) in quotes.iter().enumerate() {
        if let (Some(f), Some(l)) = (q.segments.first(), q.segments.last()) {
            quoted_in_doc[q.doc as usize].push((f.0, l.1, qi as u32));
        }
    }
    let reach_in_doc: Vec<Vec<u32>> = quoted_in_doc
        .iter_mut()
        .map(|spans| {
            spans.sort_by_key(|&(s, _, _)| s);
            crate::extract::furthest_ends(spans.iter().map(|&(_, e, _)| e))
        })
        .collect();
    (quoted_in_doc, reach_in_doc)
}

/// What the scan of every article reads: the quotations' words, the
/// trigram index over the distinct texts, and the quoted spans.
struct Linker<'a> {
    texts: &'a [&'a str],
    opts: &'a LinkOptions,
    qwords: &'a [Vec<Word>],
    reps: &'a [u32],
    index: &'a TrigramIndex,
    kept: &'a [usize],
    quoted_in_doc: &'a [Vec<(u32, u32, u32)>],
}

impl Linker<'_> {
    /// The places in article `d` that carry a distinct text's words, as
    /// (text, place).
    fn scan(&self, d: usize, scratch: &mut Scratch) -> Vec<(u32, Found)> {
        let text = self.texts[d];
        let mut dw = Vec::with_capacity(text.len() / 5);
        words(text, 0, text.len(), &mut dw);
        for p in 0..dw.len().saturating_sub(N - 1) {
            if let Some(list) = self.index.get(&gram(&dw[p..p + N])) {
                for &(sid, qp) in list {
                    scratch.push(sid, (p as u32, qp));
                }
            }
        }
        let mut out = Vec::new();
        scratch.touched.sort_unstable();
        let Scratch {
            slot,
            hits,
            touched,
            search: search_scratch,
            ..
        } = scratch;
        for &sid in touched.iter() {
            let h = &hits[slot[sid as usize] as usize];
            self.find_text(d, sid, h, &dw, search_scratch, &mut out);
        }
        scratch.clear();
        out
    }

    /// The places in article `d` (words `dw`) of distinct text `sid`, from
    /// its trigram hits `h` there.
    #[inline]
    fn find_text(
        &self,
        d: usize,
        sid: u32,
        h: &[(u32, u32)],
        dw: &[Word],
        scratch: &mut SearchScratch,
        out: &mut Vec<(u32, Found)>,
    ) {
        let opts = self.opts;
        let qw = &self.qwords[self.reps[sid as usize] as usize];
        let m = qw.len();
        // An occurrence that matches `min_share` of the words keeps
        // most of its trigrams: each differing word breaks at most
        // three. Regions with fewer hits are not worth aligning.
        let need = ((m as f32) * opts.min_share).ceil() as usize;
        let differing = m - need;
        // Stock phrases are not indexed: a text made mostly of
        // them must be hit on every trigram it still has.
        let kept = self.kept[sid as usize];
        let need_hits = m
            .saturating_sub(N - 1)
            .saturating_sub(3 * differing)
            .max(kept * 2 / 5)
            .min(kept)
            .max(1);
        let limits = SearchLimits {
            max_gap: MAX_GAP,
            unit: 1,
            margin: 4,
            need_hits,
            window: 2 * BAND as isize,
            slack: BAND as isize,
            need_matched: need.max(opts.min_words),
        };
        let quoted = &self.quoted_in_doc[d];
        search(
            qw,
            h,
            &limits,
            scratch,
            |_, lo, hi| &dw[lo..hi.min(dw.len())],
            |_, lo, at| at as usize - lo,
            |_, region, a| {
                let (ps, pe) = (region[a.r_start].start, region[a.r_end - 1].end);
                let is_quoted = quoted.iter().any(|&(s, e, _)| s < pe && ps < e);
                if !is_quoted && m < opts.min_words_unquoted {
                    return;
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
            },
        );
    }
}

/// What statements are joined from: quotations with the same words, and
/// quotations whose words were found at each other's places.
struct Joiner<'a> {
    quotes: &'a [QuoteRef],
    members: &'a [Vec<u32>],
    seq_of: &'a [u32],
    quoted_in_doc: &'a [Vec<(u32, u32, u32)>],
    reach_in_doc: &'a [Vec<u32>],
}

impl Joiner<'_> {
    /// The statement of each quotation, numbered in order of first
    /// appearance, and for each quotation the texts found inside it.
    fn statements(&self, places: &[Vec<Found>], docs: usize) -> (Vec<u32>, Vec<Vec<u32>>) {
        let quotes = self.quotes;
        let mut uf = UnionFind::new(quotes.len());
        for members in self.members {
            if quotes[members[0] as usize].joins {
                for w in members.windows(2) {
                    uf.union(w[0], w[1]);
                }
            }
        }
        let mut inside: Vec<Vec<u32>> = vec![Vec::new(); quotes.len()];
        // Unquoted places per article, to join texts found at the same place.
        let mut unquoted: Vec<Vec<(u32, u32, u32)>> = vec![Vec::new(); docs];
        for (sid, fs) in places.iter().enumerate() {
            let rep = self.members[sid][0];
            for f in fs {
                let at_quote = self.join_at_quotes(sid as u32, rep, f, &mut uf, &mut inside);
                if !at_quote && joins_statement(f) && quotes[rep as usize].joins {
                    unquoted[f.doc as usize].push((f.start, f.end, rep));
                }
            }
        }
        for p in &mut unquoted {
            join_overlapping(p, &mut uf);
        }
        let mut ids: FxHashMap<u32, u32> = FxHashMap::default();
        let statement = (0..quotes.len() as u32)
            .map(|qi| {
                let root = uf.find(qi);
                let next = ids.len() as u32;
                *ids.entry(root).or_insert(next)
            })
            .collect();
        (statement, inside)
    }

    /// Joins text `sid` (first quotation `rep`) with the other quotations
    /// that mostly overlap its place `f`, and notes it inside them; whether
    /// the place overlaps any other quotation at all.
    fn join_at_quotes(
        &self,
        sid: u32,
        rep: u32,
        f: &Found,
        uf: &mut UnionFind,
        inside: &mut [Vec<u32>],
    ) -> bool {
        let quotes = self.quotes;
        let mut at_quote = false;
        let spans = &self.quoted_in_doc[f.doc as usize];
        let reach = &self.reach_in_doc[f.doc as usize];
        let hi = spans.partition_point(|&(s, _, _)| s < f.end);
        // Back from the place's end, while an earlier span still reaches it.
        for i in (0..hi).rev() {
            if reach[i] <= f.start {
                break;
            }
            let (s, e, other) = spans[i];
            if f.start < e && self.seq_of[other as usize] != sid {
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
                    if list.last() != Some(&sid) {
                        list.push(sid);
                    }
                }
            }
        }
        at_quote
    }
}

/// Joins the texts of unquoted places in one article (start, end, first
/// quotation) that mostly overlap one another.
fn join_overlapping(p: &mut [(u32, u32, u32)], uf: &mut UnionFind) {
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
