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
