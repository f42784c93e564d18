//! The corpus as the checker searches it: every word of every article
//! indexed by trigram, and the search that finds a draft's quotation,
//! whole, in pieces around an ellipsis, or without quote marks.

#[allow(unused_imports)]
use super::*;

/// A corpus ready for checking drafts: its analysis, and every word of
/// every article indexed by trigram, so that a draft's quotation is found
/// even where a source carries it without quote marks.
pub struct Corpus {
    pub analysis: Analysis,
    /// (trigram, corpus offset of its first word), sorted. A corpus offset
    /// is an article's view offset plus the sum of the view lengths of
    /// the articles before it: eight bytes a word.
    pub(super) grams: Vec<(u32, u32)>,
    /// The corpus offset of each article's first byte.
    pub(super) bases: Vec<u32>,
    /// A folder prefix left out of paths in messages (the editor's
    /// workspace), with its trailing separator.
    pub(super) display_root: Option<String>,
    /// The people the corpus names in full, for reading drafts.
    pub(super) known: KnownPeople,
}

/// Places already found in one corpus, by quotation text: a draft is
/// checked again after every pause in typing, and most of its quotations
/// are unchanged. Kept beside its [`Corpus`] by whoever checks drafts
/// against it again and again (the server); a check without one looks
/// every quotation up, and a new corpus needs a new memo.
#[derive(Default)]
pub struct PlaceMemo(std::sync::Mutex<rustc_hash::FxHashMap<String, Vec<Place>>>);

/// The memo is emptied when it holds more quotations than this.
const MEMO_LIMIT: usize = 20_000;

impl PlaceMemo {
    fn get(&self, text: &str) -> Option<Vec<Place>> {
        self.0.lock().ok().and_then(|m| m.get(text).cloned())
    }

    fn keep(&self, text: &str, places: &[Place]) {
        if let Ok(mut m) = self.0.lock() {
            if m.len() >= MEMO_LIMIT {
                m.clear();
            }
            m.insert(text.to_string(), places.to_vec());
        }
    }
}

/// A trigram's hash folded to 32 bits. A collision only adds a candidate
/// that alignment then rejects.
pub(super) fn short_gram(w: &[Word]) -> u32 {
    let g = link::gram(w);
    (g ^ (g >> 32)) as u32
}

/// A trigram in more places than this is a stock phrase and is not looked up.
pub(super) const MAX_POSTINGS: usize = 256;

impl Corpus {
    pub fn new(analysis: Analysis) -> Corpus {
        // Corpus offsets are 32-bit: articles past 4 GiB of text are not
        // indexed for unquoted places.
        let mut bases = Vec::with_capacity(analysis.docs.len());
        let mut total = 0u64;
        for d in &analysis.docs {
            bases.push(total.min(u32::MAX as u64) as u32);
            total += d.text.len() as u64;
        }
        let indexed =
            |d: usize| (bases[d] as u64 + analysis.docs[d].text.len() as u64) < u32::MAX as u64;
        // Count, then fill in place: the index is the largest structure
        // the server holds, so it is allocated once, at its final size.
        let counts: Vec<usize> = (0..analysis.docs.len())
            .into_par_iter()
            .map(|d| {
                if !indexed(d) {
                    return 0;
                }
                let text = &analysis.docs[d].text;
                let mut w = Vec::new();
                link::words(text, 0, text.len(), &mut w);
                w.len().saturating_sub(link::N - 1)
            })
            .collect();
        let mut grams = vec![(0u32, 0u32); counts.iter().sum()];
        let mut chunks = Vec::with_capacity(counts.len());
        let mut rest = grams.as_mut_slice();
        for &n in &counts {
            let (chunk, tail) = rest.split_at_mut(n);
            chunks.push(chunk);
            rest = tail;
        }
        chunks.into_par_iter().enumerate().for_each(|(d, chunk)| {
            if chunk.is_empty() {
                return;
            }
            let text = &analysis.docs[d].text;
            let mut w = Vec::new();
            link::words(text, 0, text.len(), &mut w);
            for (p, slot) in chunk.iter_mut().enumerate() {
                *slot = (short_gram(&w[p..p + link::N]), bases[d] + w[p].start);
            }
        });
        grams.par_sort_unstable();
        // Stock phrases are never looked up: leave them out.
        let mut kept = 0;
        let mut i = 0;
        while i < grams.len() {
            let j = i + grams[i..].partition_point(|x| x.0 == grams[i].0);
            if j - i <= MAX_POSTINGS {
                grams.copy_within(i..j, kept);
                kept += j - i;
            }
            i = j;
        }
        grams.truncate(kept);
        grams.shrink_to_fit();
        let mut known = KnownPeople::default();
        for q in &analysis.quotes {
            if let Some(sp) = &q.speaker {
                let sp = analysis.speaker(sp.who);
                if !sp.anonymous && sp.kind != EntityKind::Organization {
                    known.add(&sp.name, 1);
                }
            }
        }
        Corpus {
            analysis,
            grams,
            bases,
            display_root: None,
            known,
        }
    }

    /// Messages name articles relative to `root` (an editor's workspace).
    pub fn with_display_root(mut self, root: &str) -> Corpus {
        let mut r = root.to_string();
        if !r.ends_with('/') {
            r.push('/');
        }
        self.display_root = Some(r);
        self
    }

    /// An article's path as messages show it.
    pub fn display_path(&self, doc: DocId) -> &str {
        let path = &self.analysis.doc(doc).path;
        self.display_root
            .as_deref()
            .and_then(|r| path.strip_prefix(r))
            .unwrap_or(path)
    }

    /// The article and view offset of a corpus offset.
    fn locate(&self, at: u32) -> (u32, u32) {
        let d = self.bases.partition_point(|&b| b <= at) - 1;
        (d as u32, at - self.bases[d])
    }

    /// The places of a draft quotation, remembered by its text in `memo`.
    pub(super) fn places_of(
        &self,
        memo: Option<&PlaceMemo>,
        text: &str,
        qw: &[Word],
        view: &str,
        segments: &[(u32, u32)],
    ) -> Vec<Place> {
        if let Some(p) = memo.and_then(|m| m.get(text)) {
            return p;
        }
        let ellipsis = has_ellipsis(text);
        let mut places = self.find(qw, CLOSE_SHARE);
        if places.is_empty() && !ellipsis {
            // `"A B," Roe said` joining the halves of `"A," Roe, a long
            // description of her, said. "B."`: no one place holds most of
            // the words; a place holding one half, read through the
            // halves, does.
            places = self
                .find(qw, HALF_SHARE)
                .into_iter()
                .filter(|p| in_joined_halves(&self.analysis, p, qw))
                .collect();
        }
        if ellipsis {
            places = self.find_elided(view, segments, places);
        } else {
            places.iter_mut().for_each(|p| self.widen(p));
        }
        if let Some(m) = memo {
            m.keep(text, &places);
        }
        places
    }

    pub fn docs(&self) -> &[Document] {
        &self.analysis.docs
    }

    /// Where each trigram of `qw` stands in the corpus, as (article, view
    /// offset, position in `qw`), sorted; stock phrases are left out.
    #[inline]
    fn trigram_hits(&self, qw: &[Word]) -> Vec<(u32, u32, u32)> {
        let mut hits: Vec<(u32, u32, u32)> = Vec::new();
        for p in 0..=qw.len() - link::N {
            let g = short_gram(&qw[p..p + link::N]);
            let lo = self.grams.partition_point(|x| x.0 < g);
            let hi = self.grams.partition_point(|x| x.0 <= g);
            if hi - lo > MAX_POSTINGS {
                continue;
            }
            hits.extend(self.grams[lo..hi].iter().map(|x| {
                let (doc, at) = self.locate(x.1);
                (doc, at, p as u32)
            }));
        }
        hits.sort_unstable();
        hits
    }

    /// Every place in the corpus whose words match at least `share` of
    /// `qw` (a draft quotation's normalized words), best first per article.
    fn find(&self, qw: &[Word], share: f32) -> Vec<Place> {
        let m = qw.len();
        if m < link::N {
            return Vec::new();
        }
        let need = ((m as f32) * share).ceil() as usize;
        let differing = m - need.min(m);
        // Each differing word can break three trigrams, so a loose match
        // may keep few; still, a place sharing under a quarter of the
        // quotation's trigrams is not worth aligning.
        let grams_in = m - (link::N - 1);
        let need_hits = grams_in
            .saturating_sub(3 * differing)
            .max(grams_in.div_ceil(4))
            .max(1);
        // Hits within 300 bytes of each other form one cluster, whatever
        // their diagonals; the region around it is read at 24 bytes a
        // word. Alignment follows the diagonals the hits lie on, widened
        // by the words that may differ: the cost is the quotation's length
        // times that band, not times the region.
        let limits = link::SearchLimits {
            max_gap: 300,
            unit: 24,
            margin: 3,
            need_hits,
            window: isize::MAX,
            slack: differing as isize + 2,
            need_matched: need.max(m.min(3)),
        };
        let hits = self.trigram_hits(qw);
        let mut out = Vec::new();
        link::search(
            qw,
            &hits,
            &limits,
            &mut link::SearchScratch::default(),
            |first, lo, hi| words_around(&self.analysis.doc(DocId(first.0)).text, lo, hi),
            |region, _, at| region.partition_point(|w| w.start < at),
            |first, region, a| {
                out.push(Place {
                    doc: DocId(first.0),
                    start: region[a.r_start].start,
                    end: region[a.r_end - 1].end,
                    matched: a.matched as u32,
                    total: m as u32,
                    q_start: a.q_start as u32,
                    q_end: a.q_end as u32,
                    differ_q: a.diff_q.iter().map(|&x| x as u32).collect(),
                    differ_r: link::spans_of(region, &a.diff_r),
                });
            },
        );
        out
    }
}

/// Source words an ellipsis may stand for.
pub(super) const MAX_ELIDED: usize = 120;

impl Corpus {
    /// Quotation words left out of the alignment at either end stand for
    /// as many source words there (`stand idle` for `stand still`), within
    /// the source quotation, or in unquoted text within the sentence.
    fn widen(&self, p: &mut Place) {
        let before = p.q_start as usize;
        let after = p.total.saturating_sub(p.q_end) as usize;
        if before == 0 && after == 0 {
            return;
        }
        let text = &self.analysis.doc(p.doc).text;
        let (lo, hi) = match self.analysis.quote_at(p.doc, p.start, p.end) {
            Some(q) => {
                let q = &self.analysis.quote(q).quote;
                (q.start() as usize, q.end() as usize)
            }
            None => {
                let stop = |c: char| matches!(c, '.' | '!' | '?' | '\n');
                let (s, e) = (p.start as usize, p.end as usize);
                (
                    text[..s].rfind(stop).map_or(0, |i| i + 1),
                    text[e..].find(stop).map_or(text.len(), |i| e + i),
                )
            }
        };
        let mut w = Vec::new();
        if before > 0 && lo < p.start as usize {
            link::words(text, lo, p.start as usize, &mut w);
            let extra = &w[w.len().saturating_sub(before)..];
            if let Some(first) = extra.first() {
                p.start = first.start;
            }
            p.differ_r.extend(extra.iter().map(|x| (x.start, x.end)));
        }
        w.clear();
        if after > 0 && (p.end as usize) < hi {
            link::words(text, p.end as usize, hi, &mut w);
            let extra = &w[..after.min(w.len())];
            if let Some(last) = extra.last() {
                p.end = last.end;
            }
            p.differ_r.extend(extra.iter().map(|x| (x.start, x.end)));
        }
        p.differ_r.sort_unstable();
        p.differ_r.dedup();
    }

    /// The places of a quotation with ellipses: where its pieces appear in
    /// order, word for word, with source words left out only at the
    /// ellipses. An alignment stops at a long omission, so each piece is
    /// looked up too; `places` that are no such place are kept as found.
    fn find_elided(&self, text: &str, segments: &[(u32, u32)], places: Vec<Place>) -> Vec<Place> {
        let pieces = ellipsis_pieces(text, segments);
        if pieces.len() < 2 {
            return places;
        }
        let mut more = Vec::new();
        for piece in pieces.iter().filter(|p| p.len() >= link::N) {
            more.extend(
                self.find(piece, 1.0)
                    .iter()
                    .filter_map(|p| self.elided(&pieces, p)),
            );
        }
        let mut out: Vec<Place> = places
            .into_iter()
            .map(|p| self.elided(&pieces, &p).unwrap_or(p))
            .collect();
        out.extend(more);
        out
    }

    /// The pieces in order around `p`, each word for word, as one exact place.
    fn elided(&self, pieces: &[Vec<Word>], p: &Place) -> Option<Place> {
        let text = &self.analysis.doc(p.doc).text;
        let rw = words_around(
            text,
            (p.start as usize).saturating_sub(2000),
            p.end as usize + 2000,
        );
        let at = |from: usize, piece: &[Word]| {
            (from..(rw.len() + 1).saturating_sub(piece.len())).find(|&i| {
                rw[i..i + piece.len()]
                    .iter()
                    .zip(piece)
                    .all(|(a, b)| a.hash == b.hash)
            })
        };
        let mut from = 0;
        while let Some(first) = at(from, &pieces[0]) {
            from = first + 1;
            let mut end = first + pieces[0].len();
            let all = pieces[1..].iter().all(|piece| match at(end, piece) {
                Some(i) if i - end <= MAX_ELIDED => {
                    end = i + piece.len();
                    true
                }
                _ => false,
            });
            let (start, stop) = (rw[first].start, rw[end - 1].end);
            if all && start < p.end && p.start < stop {
                let total = pieces.iter().map(|x| x.len() as u32).sum();
                return Some(Place {
                    doc: p.doc,
                    start,
                    end: stop,
                    matched: total,
                    total,
                    q_start: 0,
                    q_end: total,
                    differ_q: Vec::new(),
                    differ_r: Vec::new(),
                });
            }
        }
        None
    }
}

/// The words of a quotation between its ellipses, piece by piece.
pub(super) fn ellipsis_pieces(text: &str, segments: &[(u32, u32)]) -> Vec<Vec<Word>> {
    let mut pieces = vec![Vec::new()];
    for &(s, e) in segments {
        let (s, e) = (s as usize, e as usize);
        let seg = &text[s..e];
        let mut cuts: Vec<(usize, usize)> = seg
            .match_indices("...")
            .chain(seg.match_indices('…'))
            .map(|(i, m)| (s + i, s + i + m.len()))
            .collect();
        cuts.sort_unstable();
        let mut from = s;
        for (a, b) in cuts {
            if a >= from {
                if let Some(last) = pieces.last_mut() {
                    link::words(text, from, a, last);
                }
                pieces.push(Vec::new());
                from = b;
            }
        }
        if let Some(last) = pieces.last_mut() {
            link::words(text, from, e, last);
        }
    }
    pieces.retain(|p| !p.is_empty());
    pieces
}

/// The normalized words of `text[start..end]`, the bounds clamped to the
/// text and widened to character boundaries.
pub(super) fn words_around(text: &str, mut start: usize, end: usize) -> Vec<Word> {
    let mut end = end.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let mut out = Vec::new();
    link::words(text, start, end, &mut out);
    out
}
