//! Checking a draft against the corpus: for each quotation in a write-up,
//! where the sources carry its words, who they say said them, and what is
//! wrong with how the draft quotes them.
//!
//! Pure: a [`Corpus`] is built from an [`Analysis`], a draft is a parsed
//! [`Document`]; results carry file offsets (UTF-8 bytes) of the draft and
//! of the corpus files, never editor positions.

use crate::attribute::{Confidence, DocEntity, EntityKind, KnownPeople};
use crate::config::{Code, Config, Severity};
use crate::corpus::Document;
use crate::engine::{self, Analysis};
use crate::extract::Kind;
use crate::link::{self, Word};
use rayon::prelude::*;

/// A corpus ready for checking drafts: its analysis, and every word of
/// every article indexed by trigram, so that a draft's quotation is found
/// even where a source carries it without quote marks.
pub struct Corpus {
    pub analysis: Analysis,
    /// (trigram, corpus offset of its first word), sorted. A corpus offset
    /// is an article's view offset plus the sum of the view lengths of
    /// the articles before it: eight bytes a word.
    grams: Vec<(u32, u32)>,
    /// The corpus offset of each article's first byte.
    bases: Vec<u32>,
    /// Places already found, by quotation text: a draft is checked again
    /// after every pause in typing, and most of its quotations are unchanged.
    memo: std::sync::Mutex<rustc_hash::FxHashMap<String, Vec<Place>>>,
    /// A folder prefix left out of paths in messages (the editor's
    /// workspace), with its trailing separator.
    display_root: Option<String>,
    /// The people the corpus names in full, for reading drafts.
    known: KnownPeople,
}

/// The memo is emptied when it holds more quotations than this.
const MEMO_LIMIT: usize = 20_000;

/// A trigram's hash folded to 32 bits. A collision only adds a candidate
/// that alignment then rejects.
fn short_gram(w: &[Word]) -> u32 {
    let g = link::gram(w);
    (g ^ (g >> 32)) as u32
}

/// A trigram in more places than this is a stock phrase and is not looked up.
const MAX_POSTINGS: usize = 256;

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
                let sp = &analysis.speakers[sp.speaker as usize];
                if !sp.anonymous && sp.kind != EntityKind::Organization {
                    known.add(&sp.name, 1);
                }
            }
        }
        Corpus {
            analysis,
            grams,
            bases,
            memo: Default::default(),
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
    pub fn display_path(&self, doc: u32) -> &str {
        let path = &self.analysis.docs[doc as usize].path;
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

    /// Forgets the places found so far (for measuring a first check).
    pub fn forget(&self) {
        if let Ok(mut m) = self.memo.lock() {
            m.clear();
        }
    }

    /// The places of a draft quotation, remembered by its text.
    fn places_of(
        &self,
        text: &str,
        qw: &[Word],
        view: &str,
        segments: &[(u32, u32)],
    ) -> Vec<Place> {
        if let Some(p) = self.memo.lock().ok().and_then(|m| m.get(text).cloned()) {
            return p;
        }
        let ellipsis = text.contains("...") || text.contains('…');
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
        if let Ok(mut m) = self.memo.lock() {
            if m.len() >= MEMO_LIMIT {
                m.clear();
            }
            m.insert(text.to_string(), places.clone());
        }
        places
    }

    pub fn docs(&self) -> &[Document] {
        &self.analysis.docs
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
        let mut hits: Vec<(u32, u32, u32)> = Vec::new();
        for p in 0..=m - link::N {
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
        let mut out = Vec::new();
        let mut buf = Vec::new();
        let mut k = 0;
        while k < hits.len() {
            let mut l = k;
            while l + 1 < hits.len()
                && hits[l + 1].0 == hits[k].0
                && hits[l + 1].1 <= hits[l].1 + 300
            {
                l += 1;
            }
            let cluster = &hits[k..=l];
            k = l + 1;
            let mut distinct: Vec<u32> = cluster.iter().map(|h| h.2).collect();
            distinct.sort_unstable();
            distinct.dedup();
            if distinct.len() < need_hits {
                continue;
            }
            let doc = cluster[0].0;
            let text = &self.analysis.docs[doc as usize].text;
            let first = cluster[0];
            let last = cluster[cluster.len() - 1];
            let region = words_around(
                text,
                (first.1 as usize).saturating_sub((first.2 as usize + 3) * 24),
                last.1 as usize + (m - last.2 as usize + 3) * 24,
            );
            // Align only along the diagonals the hits lie on, widened by
            // the words that may differ: the cost is the quotation's length
            // times that band, not times the region.
            let (mut lo, mut hi) = (isize::MAX, isize::MIN);
            for h in cluster {
                let at = region.partition_point(|w| w.start < h.1) as isize;
                lo = lo.min(at - h.2 as isize);
                hi = hi.max(at - h.2 as isize);
            }
            let slack = differing as isize + 2;
            let (lo, hi) = (
                (lo - slack).max(-(m as isize)),
                (hi + slack).min(region.len() as isize),
            );
            let Some(a) = link::align(qw, &region, lo, hi, &mut buf) else {
                continue;
            };
            if a.matched < need.max(m.min(3)) {
                continue;
            }
            out.push(Place {
                doc,
                start: region[a.r_start].start,
                end: region[a.r_end - 1].end,
                matched: a.matched as u32,
                total: m as u32,
                q_start: a.q_start as u32,
                q_end: a.q_end as u32,
                differ_q: a.diff_q.iter().map(|&x| x as u32).collect(),
                differ_r: link::spans_of(&region, &a.diff_r),
            });
        }
        out
    }
}

/// Source words an ellipsis may stand for.
const MAX_ELIDED: usize = 120;

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
        let text = &self.analysis.docs[p.doc as usize].text;
        let (lo, hi) = match self.analysis.quote_at(p.doc, p.start, p.end) {
            Some(q) => {
                let q = &self.analysis.quotes[q as usize].quote;
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
        let text = &self.analysis.docs[p.doc as usize].text;
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
fn ellipsis_pieces(text: &str, segments: &[(u32, u32)]) -> Vec<Vec<Word>> {
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
fn words_around(text: &str, mut start: usize, end: usize) -> Vec<Word> {
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

/// A place in the corpus that carries a draft quotation's words.
#[derive(Clone, Debug)]
struct Place {
    doc: u32,
    start: u32,
    end: u32,
    matched: u32,
    total: u32,
    q_start: u32,
    q_end: u32,
    differ_q: Vec<u32>,
    differ_r: Vec<(u32, u32)>,
}

/// A place in the corpus that carries a quotation's words, as shown to the
/// user. Offsets are file bytes of that article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourcePlace {
    pub doc: u32,
    pub start: u32,
    pub end: u32,
    /// The corpus quotation at that place, when it is quoted there.
    pub quote: Option<u32>,
    /// Who that article says said it.
    pub speaker: Option<u32>,
    /// The words there are the same as the quotation's.
    pub exact: bool,
    /// File spans of the words there that differ.
    pub differs: Vec<(u32, u32)>,
    /// A transcript, or the speaker's own article.
    pub primary: bool,
}

/// Who a draft says said a quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftSpeaker {
    pub name: String,
    /// File span of the name, pronoun or description in the draft.
    pub mention: Option<(u32, u32)>,
    pub anonymous: bool,
    pub kind: EntityKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Too short to check.
    Unchecked,
    /// The words are in the corpus as quoted.
    Exact,
    /// Close to a source, but not the same words.
    Differs,
    /// Found nowhere.
    Unknown,
}

/// A quotation of a draft (or of a corpus article) with what the corpus
/// says about it.
#[derive(Clone, Debug)]
pub struct QuoteCheck {
    pub kind: Kind,
    /// File offsets of the opening and just past the closing mark.
    pub open: u32,
    pub close: u32,
    /// File spans of the quoted words.
    pub segments: Vec<(u32, u32)>,
    pub text: String,
    pub speaker: Option<DraftSpeaker>,
    pub status: Status,
    /// Every place in the corpus that carries the words, primary first.
    pub sources: Vec<SourcePlace>,
    /// More places that carry the words, past the ones listed (a sentence
    /// the corpus repeats more than [`crate::engine::MAX_SOURCES`] times).
    pub unlisted: usize,
    /// Who the sources say said it (corpus speakers), most often first.
    pub said_by: Vec<u32>,
    /// File spans of the words here that differ from the closest source.
    pub differs: Vec<(u32, u32)>,
    /// The text attributes the quotation, even where the speaker could not
    /// be named.
    pub attributed: bool,
}

/// One text edit: replace `start..end` (file bytes) with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub start: u32,
    pub end: u32,
    pub replacement: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edit: Edit,
}

#[derive(Clone, Debug)]
pub struct Finding {
    /// Index into [`DraftReport::quotes`].
    pub quote: usize,
    pub code: Code,
    pub severity: Severity,
    /// File span of the quotation, marks included.
    pub start: u32,
    pub end: u32,
    pub message: String,
    /// Fixes, the most useful first; the last one disables the check here.
    pub fixes: Vec<Fix>,
}

#[derive(Clone, Debug, Default)]
pub struct DraftReport {
    pub quotes: Vec<QuoteCheck>,
    /// In the order of the draft.
    pub findings: Vec<Finding>,
}

/// Quotations must share this much of their words with a source to count
/// as a (mis)quotation of it rather than as new words.
const CLOSE_SHARE: f32 = 0.6;
/// Share of a draft quotation's words one half of a split source quotation
/// must hold for the halves to be tried together.
const HALF_SHARE: f32 = 0.3;

/// Checks every quotation of a draft against the corpus.
pub fn check(corpus: &Corpus, draft: &Document, config: &Config) -> DraftReport {
    check_unless(corpus, draft, config, &|| false).unwrap_or_default()
}

/// [`check`], giving up (with `None`) as soon as `cancelled` says so: it is
/// asked after the draft is read and before each quotation, so that a check
/// a newer version of the draft has superseded stops instead of finishing
/// on a busy thread.
pub fn check_unless(
    corpus: &Corpus,
    draft: &Document,
    config: &Config,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<DraftReport> {
    let result = engine::analyze_draft(draft, &corpus.known);
    if cancelled() {
        return None;
    }
    let disabled = Disabled::parse(draft);
    let mut report = DraftReport::default();
    // Look the quotations up in parallel first; the rest is cheap.
    let mut lookups: Vec<Option<Vec<Place>>> = result
        .extraction
        .quotes
        .par_iter()
        .map(|q| {
            // The outer `None` stops the lookups: the check was cancelled.
            if cancelled() {
                return None;
            }
            if q.kind == Kind::Block && q.holds_quotes {
                return Some(None);
            }
            let segments: Vec<(u32, u32)> = q.segments.iter().map(|s| (s.start, s.end)).collect();
            let qw = link::quotation_words(&draft.text, &segments);
            Some(
                (qw.len() >= config.min_words.max(link::N))
                    .then(|| corpus.places_of(&q.text(&draft.text), &qw, &draft.text, &segments)),
            )
        })
        .while_some()
        .collect();
    if lookups.len() < result.extraction.quotes.len() {
        return None;
    }
    for (qi, q) in result.extraction.quotes.iter().enumerate() {
        if cancelled() {
            return None;
        }
        if q.kind == Kind::Block && q.holds_quotes {
            continue;
        }
        let segments: Vec<(u32, u32)> = q.segments.iter().map(|s| (s.start, s.end)).collect();
        let qw = link::quotation_words(&draft.text, &segments);
        let speaker = result.attribution.speakers[qi].as_ref().map(|sp| {
            let e = &result.attribution.entities[sp.entity as usize];
            DraftSpeaker {
                name: e.name.clone(),
                mention: sp
                    .mention
                    .map(|(s, e)| (draft.raw_start(s), draft.raw_end(e))),
                anonymous: e.anonymous,
                kind: e.kind,
            }
        });
        let mut qc = QuoteCheck {
            kind: q.kind,
            open: draft.raw_start(q.open),
            close: draft.raw_end(q.close),
            segments: segments
                .iter()
                .map(|&(s, e)| (draft.raw_start(s), draft.raw_end(e)))
                .collect(),
            text: q.text(&draft.text),
            attributed: speaker.is_some()
                || result
                    .attribution
                    .attributed
                    .get(qi)
                    .copied()
                    .unwrap_or(false),
            speaker,
            status: Status::Unchecked,
            sources: Vec::new(),
            unlisted: 0,
            said_by: Vec::new(),
            differs: Vec::new(),
        };
        if qw.len() >= config.min_words.max(link::N) {
            let ellipsis = qc.text.contains("...") || qc.text.contains('…');
            let places = lookups[qi].take().unwrap_or_default();
            resolve(corpus, &mut qc, &qw, places, ellipsis);
        }
        let entity = result.attribution.speakers[qi]
            .as_ref()
            .map(|sp| &result.attribution.entities[sp.entity as usize]);
        let index = report.quotes.len();
        for mut f in findings(corpus, draft, &qc, entity, config) {
            // A source read with undecodable bytes would write them into
            // the draft as stand-ins: such a fix is not offered.
            f.fixes
                .retain(|x| !x.edit.replacement.contains(['\u{1a}', '\u{fffd}']));
            let line = draft.line_of(f.start);
            if f.severity != Severity::Off && !disabled.covers(line, f.code) {
                report.findings.push(Finding { quote: index, ..f });
            }
        }
        report.quotes.push(qc);
    }
    Some(report)
}

/// Turns the places found for a quotation into its sources and status.
fn resolve(corpus: &Corpus, qc: &mut QuoteCheck, qw: &[Word], places: Vec<Place>, ellipsis: bool) {
    let a = &corpus.analysis;
    // A draft may join the halves of a split quotation (`"A," she said.
    // "B."` quoted as `"A. B."`): source words left out are fine when they
    // stand outside the source's quote marks.
    let exact_at = |p: &Place| {
        let gaps_ok = p.differ_r.is_empty()
            || ellipsis
            || merged_gaps(&a.docs[p.doc as usize].text, &p.differ_r)
                .iter()
                .all(|&(s, e)| outside_quotes(a, p.doc, s, e));
        (p.matched == p.total && p.differ_q.is_empty() && gaps_ok)
            || (gaps_ok && completes_split(a, p, qw))
            || in_joined_halves(a, p, qw)
    };
    let mut sources: Vec<(SourcePlace, u32)> = places
        .iter()
        .map(|p| {
            let doc = &a.docs[p.doc as usize];
            let quote = a.quote_at(p.doc, p.start, p.end);
            let speaker =
                quote.and_then(|q| a.quotes[q as usize].speaker.as_ref().map(|s| s.speaker));
            let primary = is_primary(a, quote, speaker, p.doc);
            (
                SourcePlace {
                    doc: p.doc,
                    start: doc.raw_start(p.start),
                    end: doc.raw_end(p.end),
                    quote,
                    speaker,
                    exact: exact_at(p),
                    differs: p
                        .differ_r
                        .iter()
                        .map(|&(s, e)| (doc.raw_start(s), doc.raw_end(e)))
                        .collect(),
                    primary,
                },
                p.matched,
            )
        })
        .collect();
    if sources.is_empty() {
        qc.status = Status::Unknown;
        return;
    }
    // Exact places first, then the closest; primary sources first within.
    sources.sort_by_key(|(s, matched)| {
        (
            !s.exact,
            std::cmp::Reverse(*matched),
            !s.primary,
            s.quote.is_none(),
            s.doc,
            s.start,
        )
    });
    qc.status = if sources[0].0.exact {
        Status::Exact
    } else {
        Status::Differs
    };
    if qc.status == Status::Differs {
        // The draft's words that the closest source does not have.
        let best = places
            .iter()
            .filter(|p| {
                let d = &a.docs[p.doc as usize];
                d.raw_start(p.start) == sources[0].0.start && p.doc == sources[0].0.doc
            })
            .max_by_key(|p| p.matched);
        if let Some(p) = best {
            let mut differs: Vec<usize> = p.differ_q.iter().map(|&x| x as usize).collect();
            // Words left out of the local alignment at either end differ too.
            differs.extend((0..p.q_start as usize).chain(p.q_end as usize..qw.len()));
            differs.sort_unstable();
            differs.dedup();
            qc.differs = link::spans_of(qw, &differs);
        }
    }
    let mut kept: Vec<SourcePlace> = Vec::new();
    for (s, _) in sources {
        if !kept
            .iter()
            .any(|k| k.doc == s.doc && k.start < s.end && s.start < k.end)
        {
            kept.push(s);
        }
    }
    // Primary first, then quoted places, then unquoted text, each in corpus
    // order; the closest exact place is among them.
    kept.sort_by_key(|s| (!s.primary, s.quote.is_none(), !s.exact, s.doc, s.start));
    let mut counts: Vec<(u32, usize, bool)> = Vec::new();
    for s in &kept {
        if let Some(sp) = s.speaker {
            match counts.iter_mut().find(|c| c.0 == sp) {
                Some(c) => {
                    c.1 += 1;
                    c.2 |= s.primary;
                }
                None => counts.push((sp, 1, s.primary)),
            }
        }
    }
    counts.sort_by_key(|c| (!c.2, std::cmp::Reverse(c.1)));
    qc.said_by = counts.into_iter().map(|c| c.0).collect();
    qc.sources = kept;
}

/// Whether a place that matches only part of a draft's quotation, word for
/// word, is one half of a split quotation whose other half, just before or
/// after it in the same article and by the same speaker, holds the rest:
/// the draft joined `"A," she said. "B."` into `"A B"`.
fn completes_split(a: &Analysis, p: &Place, qw: &[Word]) -> bool {
    let (qs, qe) = (p.q_start as usize, p.q_end as usize);
    if !p.differ_q.is_empty() || qe > qw.len() || qs >= qe || (qs == 0 && qe == qw.len()) {
        return false;
    }
    if p.matched as usize != qe - qs {
        return false;
    }
    let quotes = &a.quotes[a.doc_quotes(p.doc)];
    let text = &a.docs[p.doc as usize].text;
    let words_of = |q: &engine::QuoteInfo| quote_word_hashes(text, q);
    let hashes = |ws: &[Word]| -> Vec<u64> { ws.iter().map(|w| w.hash).collect() };
    // The quotation holding the place, which must hold nothing more of the
    // draft's words at the joined end.
    let Some(here) = quotes
        .iter()
        .position(|q| q.quote.start() <= p.start && p.end <= q.quote.end())
    else {
        return false;
    };
    let joined = |b: &engine::QuoteInfo, n: &engine::QuoteInfo| split_halves(text, b, n);
    let inner = link::quotation_words(
        text,
        &quotes[here]
            .quote
            .segments
            .iter()
            .map(|s| (s.start, s.end))
            .collect::<Vec<_>>(),
    );
    if qs > 0 {
        // The draft's first words end the quotation before.
        let starts_here = inner.first().is_some_and(|w| w.start >= p.start);
        // The half before, past a title or scare quote in the attribution
        // (`Trump told NBC's "Today"`).
        let want = hashes(&qw[..qs]);
        let fits = |prev: &engine::QuoteInfo| {
            joined(prev, &quotes[here]) && words_of(prev).ends_with(&want)
        };
        let nearest = here.checked_sub(1).map(|i| &quotes[i]);
        let whole = quotes[..here]
            .iter()
            .rev()
            .find(|q| q.quote.kind != Kind::Fragment);
        if !starts_here || !(nearest.is_some_and(fits) || whole.is_some_and(fits)) {
            return false;
        }
    }
    if qe < qw.len() {
        let ends_here = inner.last().is_some_and(|w| w.end <= p.end);
        let want = hashes(&qw[qe..]);
        let fits = |next: &engine::QuoteInfo| {
            joined(&quotes[here], next) && words_of(next).starts_with(&want)
        };
        let nearest = quotes.get(here + 1);
        let whole = quotes[here + 1..]
            .iter()
            .find(|q| q.quote.kind != Kind::Fragment);
        if !ends_here || !(nearest.is_some_and(fits) || whole.is_some_and(fits)) {
            return false;
        }
    }
    true
}

/// Whether the draft's words run through the halves of one split
/// quotation around the place, read as one (`"A," Roe said on Radio
/// Callow's "Morning Desk." "B."` quoted as `"A B"`). The alignment alone
/// can miss this when a word of the attribution is also a word of the
/// quotation.
fn in_joined_halves(a: &Analysis, p: &Place, qw: &[Word]) -> bool {
    let quotes = &a.quotes[a.doc_quotes(p.doc)];
    let text = &a.docs[p.doc as usize].text;
    let Some(here) = quotes
        .iter()
        .position(|q| q.quote.start() < p.end && p.start < q.quote.end())
    else {
        return false;
    };
    let joined = |b: &engine::QuoteInfo, n: &engine::QuoteInfo| split_halves(text, b, n);
    // The halves around `here`, stepping over at most two titles between.
    let mut chain = vec![here];
    let mut i = here;
    'back: while i > 0 && chain.len() < 8 {
        for j in (i.saturating_sub(3)..i).rev() {
            let skipped_titles = (j + 1..i).all(|k| quotes[k].quote.kind == Kind::Fragment);
            if skipped_titles && joined(&quotes[j], &quotes[i]) {
                chain.insert(0, j);
                i = j;
                continue 'back;
            }
        }
        break;
    }
    let mut i = here;
    'fwd: while chain.len() < 8 {
        for j in i + 1..(i + 4).min(quotes.len()) {
            let skipped_titles = (i + 1..j).all(|k| quotes[k].quote.kind == Kind::Fragment);
            if skipped_titles && joined(&quotes[i], &quotes[j]) {
                chain.push(j);
                i = j;
                continue 'fwd;
            }
        }
        break;
    }
    if chain.len() < 2 {
        return false;
    }
    let halves: Vec<Vec<u64>> = chain
        .iter()
        .map(|&k| quote_word_hashes(text, &quotes[k]))
        .collect();
    let want: Vec<u64> = qw.iter().map(|w| w.hash).collect();
    // Start inside one half, go on through whole halves (a title may be
    // left out), and end inside one.
    (0..halves.len()).any(|m| (0..halves[m].len()).any(|o| runs_through(&halves, m, o, &want)))
}

/// Whether `want` reads from `halves[m][o..]` on through the halves after
/// it, each next piece starting at the first word of a later half.
fn runs_through(halves: &[Vec<u64>], m: usize, o: usize, want: &[u64]) -> bool {
    let first = &halves[m][o..];
    let n = first.len().min(want.len());
    if first[..n] != want[..n] {
        return false;
    }
    let rest = &want[n..];
    if rest.is_empty() {
        return true;
    }
    if n < first.len() {
        return false;
    }
    // Skip at most two halves (titles) before the next piece.
    (m + 1..(m + 4).min(halves.len())).any(|next| {
        !halves[next].is_empty()
            && halves[next][0] == rest[0]
            && runs_through(halves, next, 0, rest)
    })
}

/// Two quotations that are the halves of one split quotation: the same
/// speaker, and only an attribution between them.
fn split_halves(text: &str, b: &engine::QuoteInfo, n: &engine::QuoteInfo) -> bool {
    matches!((&b.speaker, &n.speaker), (Some(x), Some(y)) if x.speaker == y.speaker)
        && split_gap(text, b, n)
}

/// The normalized word hashes of a corpus quotation's words.
fn quote_word_hashes(text: &str, q: &engine::QuoteInfo) -> Vec<u64> {
    let segs: Vec<(u32, u32)> = q.quote.segments.iter().map(|s| (s.start, s.end)).collect();
    link::quotation_words(text, &segs)
        .iter()
        .map(|w| w.hash)
        .collect()
}

/// Whether the text between two quotations is the attribution of a split
/// quotation rather than narrative: in one paragraph, a clause of up to 40
/// words (`"A," Roe, a former candidate, told the station on Sunday. "B."`);
/// across a paragraph break, up to 15.
fn split_gap(text: &str, b: &engine::QuoteInfo, n: &engine::QuoteInfo) -> bool {
    let limit = if n.quote.para == b.quote.last_para {
        40
    } else if n.quote.para == b.quote.last_para + 1 {
        15
    } else {
        return false;
    };
    text.get(b.quote.end() as usize..n.quote.start() as usize)
        .is_some_and(|t| t.split_whitespace().count() <= limit)
}

/// Whether a view span of a corpus article lies outside every quotation
/// of it: the attribution between the halves of a split quotation. A
/// title or scare quote wholly inside that attribution (`said on Fox
/// Callow's "Morning Desk."`) is part of it.
fn outside_quotes(a: &Analysis, doc: u32, start: u32, end: u32) -> bool {
    let quotes = &a.quotes[a.doc_quotes(doc)];
    let text = &a.docs[doc as usize].text;
    let within = |q: &engine::QuoteInfo| {
        q.quote.kind == Kind::Fragment
            && start <= q.quote.start()
            && text
                .get(end as usize..(q.quote.end() as usize).max(end as usize))
                .is_some_and(|rest| !rest.chars().any(char::is_alphanumeric))
    };
    // Quotations are in order of their start within an article.
    let from = quotes.partition_point(|q| q.quote.end() <= start);
    let inside = quotes[from..]
        .iter()
        .take_while(|q| q.quote.start() < end)
        .filter(|q| !within(q))
        .any(|q| {
            q.quote
                .segments
                .iter()
                .any(|seg| seg.start < end && start < seg.end)
        });
    // Between two quotations of one speaker, in the same or the next
    // paragraph, and short: an attribution, not a stretch of narrative.
    let before = quotes[..from].last();
    let after = quotes[from..].iter().find(|q| !within(q));
    let between = matches!((before, after), (Some(b), Some(n)) if split_halves(text, b, n));
    !inside && between
}

/// Source spans that differ from the draft, with runs separated only by
/// spaces, punctuation and quote marks made one: the whole attribution
/// between the halves of a split quotation.
fn merged_gaps(text: &str, spans: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    for &(s, e) in spans {
        if let Some(last) = out.last_mut() {
            let between = text.get(last.1 as usize..s as usize).unwrap_or("x");
            if !between.chars().any(char::is_alphanumeric) {
                last.1 = last.1.max(e);
                continue;
            }
        }
        out.push((s, e));
    }
    out
}

fn is_primary(a: &Analysis, quote: Option<u32>, speaker: Option<u32>, doc: u32) -> bool {
    if quote.is_some_and(|q| a.quotes[q as usize].quote.kind == Kind::Transcript) {
        return true;
    }
    let author = a.docs[doc as usize].meta.author.as_deref();
    match (speaker, author) {
        (Some(s), Some(au)) => a.speakers[s as usize].name.eq_ignore_ascii_case(au),
        _ => false,
    }
}

/// Whether the draft's speaker can be the corpus speaker: the same name,
/// a surname of it, an alias, or for organizations and descriptions, words
/// that the corpus speaker's name or role holds.
pub fn same_speaker(draft: &DraftSpeaker, heads: &[String], sp: &engine::SpeakerEntity) -> bool {
    let d = draft.name.to_lowercase();
    let n = sp.name.to_lowercase();
    if d == n || sp.aliases.iter().any(|a| a.to_lowercase() == d) {
        return true;
    }
    // `Elijah Roe and Ann Lee` speak together: either may be named.
    if sp.name.contains(" and ") {
        return sp.name.split(" and ").any(|part| {
            let one = engine::SpeakerEntity {
                name: part.trim().to_string(),
                aliases: Vec::new(),
                ..sp.clone()
            };
            same_speaker(draft, heads, &one)
        });
    }
    let role = sp.role.as_deref().unwrap_or("").to_lowercase();
    if draft.anonymous {
        return sp.anonymous
            || heads
                .iter()
                .any(|h| n.contains(h.as_str()) || role.contains(h.as_str()));
    }
    if draft.kind == EntityKind::Organization {
        return n.contains(&d) || role.contains(&d);
    }
    if sp.anonymous {
        return false;
    }
    names_agree(&d, &n)
}

/// Two names of one person: equal once case and the dots of initials are
/// set aside; or one is the other's surname, simple or compound (`Kelly`,
/// `Vega Ortiz`); or both give the same first name and surname and a
/// middle initial only one of them has (`Rafael P. Montes`, `Rafael
/// Montes`). `Hillary Clinton` and `Bill Clinton` stay two people.
fn names_agree(x: &str, y: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (a, b) = (words(x), words(y));
    if a.is_empty() || b.is_empty() || a.last() != b.last() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.ends_with(short) {
        return true;
    }
    let initial = |w: &&String| w.chars().count() == 1;
    let (ia, ib) = (
        a.iter().filter(initial).count(),
        b.iter().filter(initial).count(),
    );
    if ia > 0 && ib > 0 {
        return false;
    }
    let full = |v: &[String]| -> Vec<String> {
        v.iter()
            .filter(|w| w.chars().count() > 1)
            .cloned()
            .collect()
    };
    full(&a) == full(&b)
}

/// How to name a corpus speaker in a sentence of the draft: `a State
/// Department official`, but `the transport ministry` (one of a kind).
pub fn speaker_phrase(sp: &engine::SpeakerEntity) -> String {
    if sp.anonymous {
        // `unnamed` is how some outlets flag an anonymous source; the draft
        // needs only the description.
        let name = sp.name.trim();
        let name = name.strip_prefix("unnamed ").unwrap_or(name);
        let article = if sp.kind == EntityKind::Organization {
            "the"
        } else {
            crate::lexicon::indefinite_article(name)
        };
        format!("{article} {name}")
    } else {
        sp.name.clone()
    }
}

/// The source wording nearest a quotation's: the fewest differing words,
/// a primary source first among equals.
pub fn closest_source(qc: &QuoteCheck) -> Option<&SourcePlace> {
    qc.sources
        .iter()
        .filter(|s| !s.exact)
        .min_by_key(|s| (s.differs.len(), !s.primary, s.doc, s.start))
        .or(qc.sources.first())
}

/// The speakers of `said_by` as a reader tells them apart: unnamed speakers
/// are one per article, and the same description read twice is one
/// speaker.
pub fn distinct_speakers(corpus: &Corpus, said_by: &[u32]) -> Vec<u32> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for &s in said_by {
        let sp = &corpus.analysis.speakers[s as usize];
        let key = plain_name(sp);
        if !seen.contains(&key) {
            seen.push(key);
            out.push(s);
        }
    }
    out
}

fn speaker_names(corpus: &Corpus, said_by: &[u32]) -> String {
    let names: Vec<String> = distinct_speakers(corpus, said_by)
        .into_iter()
        .map(|s| speaker_phrase(&corpus.analysis.speakers[s as usize]))
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}

/// The source wording at a place, on one line.
pub fn wording(corpus: &Corpus, s: &SourcePlace) -> String {
    let raw = &corpus.analysis.docs[s.doc as usize].raw();
    let text = raw.get(s.start as usize..s.end as usize).unwrap_or("");
    text.split_whitespace()
        .filter(|w| *w != ">")
        .collect::<Vec<_>>()
        .join(" ")
}

fn findings(
    corpus: &Corpus,
    draft: &Document,
    qc: &QuoteCheck,
    entity: Option<&DocEntity>,
    config: &Config,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut push = |code: Code, message: String, mut fixes: Vec<Fix>| {
        fixes.push(disable_fix(draft, qc.open, code));
        out.push(Finding {
            quote: 0,
            code,
            severity: config.severity_of(code),
            start: qc.open,
            end: qc.close,
            message,
            fixes,
        });
    };
    if qc.status == Status::Unchecked {
        return out;
    }
    let who = speaker_names(corpus, &qc.said_by);
    let attributable = !matches!(qc.kind, Kind::Fragment | Kind::Transcript);
    let sure = sure_speakers(corpus, qc);
    if !qc.attributed && attributable {
        let (message, fixes) = match sure.as_slice() {
            // One speaker the sources name with certainty: a fix can say so.
            [(only, place)] => {
                let phrase = speaker_phrase(&corpus.analysis.speakers[*only as usize]);
                (
                    format!(
                        "Quotation has no attribution; the sources attribute it to {who} ({}).",
                        why(corpus, place)
                    ),
                    attribution_fix(draft, qc, &phrase).into_iter().collect(),
                )
            }
            [] if !qc.said_by.is_empty() => {
                // Why only a suggestion: the first source's clause (`he said:
                // he is Tom Marek, named on line 1`).
                let because = qc
                    .sources
                    .iter()
                    .find(|p| p.speaker.is_some())
                    .map(|p| format!(" ({})", why(corpus, p)))
                    .unwrap_or_default();
                (
                    format!(
                        "Quotation has no attribution; the sources suggest {who}, without naming them at the words{because}."
                    ),
                    Vec::new(),
                )
            }
            [] => (
                "Quotation has no attribution, and the sources name no speaker for it.".into(),
                Vec::new(),
            ),
            several => (
                format!(
                    "Quotation has no attribution, and the sources disagree on the speaker: {}.",
                    several
                        .iter()
                        .map(|(s, place)| format!(
                            "{} ({})",
                            speaker_phrase(&corpus.analysis.speakers[*s as usize]),
                            why(corpus, place)
                        ))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
                Vec::new(),
            ),
        };
        push(Code::UnattributedQuote, message, fixes);
    }
    match qc.status {
        Status::Unknown => push(
            Code::UnknownQuote,
            "Quotation appears in no source article.".into(),
            Vec::new(),
        ),
        Status::Differs => {
            let best = closest_source(qc);
            if let Some(best) = best {
                let source = wording(corpus, best);
                let doc = &corpus.analysis.docs[best.doc as usize];
                let message = format!(
                    "Wording differs from every source; {}:{} has \u{201c}{source}\u{201d}.",
                    corpus.display_path(best.doc),
                    doc.line_of(best.start)
                );
                let (ws, we) = (
                    qc.segments.first().map(|s| s.0).unwrap_or(qc.open),
                    qc.segments.last().map(|s| s.1).unwrap_or(qc.close),
                );
                let inner = draft.raw().get(ws as usize..we as usize).unwrap_or("");
                let (lead, trail) = word_bounds(inner);
                let fix = Fix {
                    title: format!("Use the source wording: \u{201c}{source}\u{201d}"),
                    edit: Edit {
                        start: ws + lead as u32,
                        end: ws + trail as u32,
                        replacement: source,
                    },
                };
                // The source wording of an elided quotation is not its words.
                let elided = qc.text.contains("...") || qc.text.contains('…');
                push(
                    Code::Misquote,
                    message,
                    [fix].into_iter().filter(|_| !elided).collect(),
                );
            }
        }
        _ => {}
    }
    if let (Some(sp), Some(e)) = (&qc.speaker, entity) {
        let speakers = &corpus.analysis.speakers;
        // Any source's speaker that the draft's can be, sure or not, clears
        // it: a misattribution is claimed only against identified people the
        // sources name with certainty, none of whom the draft names.
        let agrees = qc
            .said_by
            .iter()
            .any(|&s| same_speaker(sp, &e.heads, &speakers[s as usize]));
        let people: Vec<&(u32, SourcePlace)> = sure
            .iter()
            .filter(|(s, _)| is_identified_person(&speakers[*s as usize]))
            .collect();
        if !agrees && !sp.anonymous && !people.is_empty() {
            let mut fixes = Vec::new();
            let message = if let [(first, place)] = people.as_slice() {
                let first = &speakers[*first as usize];
                if let Some((ms, me)) = sp.mention {
                    // Capitalised only where a sentence starts.
                    let before = draft.raw()[..ms as usize].trim_end_matches([' ', '\t']);
                    let starts_sentence =
                        before.is_empty() || before.ends_with(['.', '!', '?', '\n']);
                    let mut replacement = speaker_phrase(first);
                    if starts_sentence {
                        replacement = capitalize(&replacement);
                    }
                    fixes.push(Fix {
                        title: format!("Attribute to {}", speaker_phrase(first)),
                        edit: Edit {
                            start: ms,
                            end: me,
                            replacement,
                        },
                    });
                }
                format!(
                    "Attributed to {}, but the sources attribute these words to {} ({}).",
                    sp.name,
                    speaker_phrase(first),
                    why(corpus, place)
                )
            } else {
                format!(
                    "Attributed to {}, but the sources attribute these words to others, and disagree among themselves: {}.",
                    sp.name,
                    people
                        .iter()
                        .map(|(s, place)| format!(
                            "{} ({})",
                            speaker_phrase(&speakers[*s as usize]),
                            why(corpus, place)
                        ))
                        .collect::<Vec<_>>()
                        .join("; ")
                )
            };
            push(Code::MisattributedQuote, message, fixes);
        }
    }
    out
}

/// The speakers the sources name with confidence, one place each, told
/// apart as a reader would: those named at the cue of the quoted sentence
/// (or by a transcript label or a signature), and those two or more
/// articles give through a pronoun or an earlier sentence.
fn sure_speakers(corpus: &Corpus, qc: &QuoteCheck) -> Vec<(u32, SourcePlace)> {
    let a = &corpus.analysis;
    let confidence_at = |p: &SourcePlace| {
        p.quote.and_then(|q| {
            a.quotes[q as usize]
                .speaker
                .as_ref()
                .map(|sp| sp.confidence)
        })
    };
    let mut out: Vec<(u32, SourcePlace)> = Vec::new();
    // In the order of `said_by`: primary sources and the most reports first.
    for &s in &qc.said_by {
        let places: Vec<&SourcePlace> =
            qc.sources.iter().filter(|p| p.speaker == Some(s)).collect();
        let certain = places
            .iter()
            .find(|p| confidence_at(p) == Some(Confidence::Certain));
        let mut articles: Vec<u32> = places.iter().map(|p| p.doc).collect();
        articles.sort_unstable();
        articles.dedup();
        let this = &a.speakers[s as usize];
        let place = match certain {
            Some(p) => *p,
            None if articles.len() >= 2 && !this.anonymous => places[0],
            None => continue,
        };
        let seen = out.iter().any(|(o, _)| {
            let other = &a.speakers[*o as usize];
            (this.anonymous && other.anonymous && plain_name(this) == plain_name(other))
                || same_person(this, other)
        });
        if !seen {
            out.push((s, place.clone()));
        }
    }
    out
}

/// A description without the `unnamed` some outlets add.
fn plain_name(sp: &engine::SpeakerEntity) -> String {
    sp.name.to_lowercase().replace("unnamed ", "")
}

/// Two corpus speakers are the same person when one's name is the other's
/// surname (`Kelly`, `Ian Kelly`) or the names are equal.
fn same_person(a: &engine::SpeakerEntity, b: &engine::SpeakerEntity) -> bool {
    if a.anonymous || b.anonymous {
        return false;
    }
    let (x, y) = (a.name.to_lowercase(), b.name.to_lowercase());
    x == y || names_agree(&x, &y)
}

/// A person the sources name, not a description (`a State Department
/// official`), an organisation or a document: only such a speaker can
/// contradict the name a draft gives.
fn is_identified_person(sp: &engine::SpeakerEntity) -> bool {
    !sp.anonymous && sp.kind != EntityKind::Organization
}

/// Why the sources say so: where, and the words that attribute it there.
fn why(corpus: &Corpus, place: &SourcePlace) -> String {
    let a = &corpus.analysis;
    let doc = &a.docs[place.doc as usize];
    let clause = place
        .quote
        .and_then(|q| attributing_clause(a, q as usize))
        .unwrap_or_default();
    let at = format!(
        "{}:{}",
        corpus.display_path(place.doc),
        doc.line_of(place.start)
    );
    if clause.is_empty() {
        at
    } else {
        format!("{at}: \u{201c}{clause}\u{201d}")
    }
}

/// The words of a corpus article that attribute one of its quotations: from
/// the quotation to the name and cue after it, or from the name and cue to
/// the quotation; with `he said`, whom the pronoun stands for.
pub fn attributing_clause(a: &Analysis, qi: usize) -> Option<String> {
    let info = &a.quotes[qi];
    let sp = info.speaker.as_ref()?;
    let doc = &a.docs[info.doc as usize];
    let text = &doc.text;
    let name = &a.speakers[sp.speaker as usize].name;
    let named_line = sp
        .named_at
        .map(|(s, _)| doc.line_of(doc.raw_start(s)))
        .filter(|&l| l != doc.line_of(doc.raw_start(info.quote.open)));
    let Some((ms, me)) = sp.mention else {
        // A split quotation's second half: the clause of the first.
        let earlier = (0..qi).rev().take(4).find(|&o| {
            let q = &a.quotes[o];
            q.doc == info.doc
                && q.quote.last_para == info.quote.para
                && q.speaker
                    .as_ref()
                    .is_some_and(|s| s.speaker == sp.speaker && s.mention.is_some())
        });
        // A quotation with no cue of its own: whom it is given to, and
        // where the article named that person.
        return match (earlier, named_line) {
            (Some(o), _) => attributing_clause(a, o),
            (None, Some(line)) => Some(format!("{name}, named on line {line}")),
            (None, None) => None,
        };
    };
    let (qs, qe) = (info.quote.open as usize, info.quote.close as usize);
    let (ms, me) = (ms as usize, me as usize);
    let span = if ms >= qe {
        // `…," the official said`: up to the cue when it follows the name.
        let mut end = me;
        if let Some(cue) = &sp.cue {
            let mut stop = text.len().min(me + 40);
            while !text.is_char_boundary(stop) {
                stop -= 1;
            }
            let window = text.get(me..stop).unwrap_or("");
            if let Some(at) = window.to_lowercase().find(cue.as_str()) {
                end = me + at + cue.len();
            }
        }
        text.get(ms.min(qe)..end)?
    } else if me <= qs {
        text.get(ms..qs)?
    } else {
        text.get(ms..me)?
    };
    let mut clause: String = span.split_whitespace().collect::<Vec<_>>().join(" ");
    clause = clause
        .trim_matches(|c: char| c == ',' || c == ':' || c.is_whitespace())
        .to_string();
    if clause.chars().count() > 80 {
        clause = clause.chars().take(80).collect::<String>() + "…";
    }
    let mention = text.get(ms..me).unwrap_or("");
    if crate::lexicon::pronoun(&mention.to_lowercase()).is_some() {
        clause = match named_line {
            Some(line) => format!("{clause}: {mention} is {name}, named on line {line}"),
            None => format!("{clause}: {mention} is {name}"),
        };
    }
    Some(clause)
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Byte offsets of the first and past the last letter or digit in `s`.
fn word_bounds(s: &str) -> (usize, usize) {
    let lead = s
        .char_indices()
        .find(|(_, c)| c.is_alphanumeric())
        .map(|(i, _)| i)
        .unwrap_or(0);
    let trail = s
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(s.len());
    (lead, trail.max(lead))
}

/// An edit that adds `, Name said.` after a quotation, when the sentence
/// allows it: the quotation ends the sentence, or ends its line.
fn attribution_fix(draft: &Document, qc: &QuoteCheck, who: &str) -> Option<Fix> {
    if qc.kind == Kind::Block {
        return None;
    }
    let raw = &draft.raw();
    let close = qc.close as usize;
    let open = qc.open as usize;
    let before_close = raw.get(open..close)?;
    let mark = before_close.chars().next_back()?;
    let mark_at = close - mark.len_utf8();
    let inner_last = raw[..mark_at].chars().next_back()?;
    let after = raw.get(close..).unwrap_or("");
    let rest = after.trim_start_matches([' ', '\t']);
    let ends_line = rest.is_empty() || rest.starts_with(['\n', '\r']);
    // After `,"` or `?"` the sentence may go on (`"…," read the sign.`).
    let sentence_ends = match inner_last {
        ',' => ends_line,
        '?' | '!' => ends_line || rest.starts_with(char::is_uppercase),
        _ => true,
    };
    if !sentence_ends {
        return None;
    }
    let title = format!("Attribute to {who}");
    let edit = if inner_last == '.' || inner_last == ',' {
        // "… situation." → "… situation," Name said.
        let dot = mark_at - 1;
        let tail = if after.starts_with(|c: char| c.is_whitespace()) || after.is_empty() {
            "."
        } else {
            ""
        };
        Edit {
            start: dot as u32,
            end: close as u32,
            replacement: format!(",{mark} {who} said{tail}"),
        }
    } else if inner_last == '?' || inner_last == '!' {
        Edit {
            start: close as u32,
            end: close as u32,
            replacement: format!(" {who} said."),
        }
    } else if let Some(rest) = after.strip_prefix('.') {
        let _ = rest;
        Edit {
            start: close as u32,
            end: close as u32 + 1,
            replacement: format!(", {who} said."),
        }
    } else if after
        .trim_start_matches([' ', '\t'])
        .starts_with(['\n', '\r'])
        || after.trim().is_empty()
    {
        Edit {
            start: close as u32,
            end: close as u32,
            replacement: format!(", {who} said."),
        }
    } else {
        return None;
    };
    Some(Fix { title, edit })
}

/// An edit that puts `<!-- onrecord-disable-next-line CODE -->` on its own
/// line above the line of `at`, with the same indentation. When the line
/// above already ends with such a comment for other codes, the code is
/// added to it instead: a line put between them would end its effect.
fn disable_fix(draft: &Document, at: u32, code: Code) -> Fix {
    let line = draft.line_of(at);
    let start = draft.line_start(line);
    let title = format!("Disable {code} for this line");
    if line > 1 {
        let above_start = draft.line_start(line - 1) as usize;
        let above = draft.raw()[above_start..start as usize].trim_end();
        let comment = above.rfind("<!--").map(|s| &above[s + 4..]);
        if let Some(body) = comment.and_then(|c| c.strip_suffix("-->")) {
            let mut words = body.split_whitespace();
            if words.next() == Some("onrecord-disable-next-line")
                && words.next().is_some()
                && !body.contains("-->")
            {
                let at = above_start + above.len() - 3 - (body.len() - body.trim_end().len());
                return Fix {
                    title,
                    edit: Edit {
                        start: at as u32,
                        end: at as u32,
                        replacement: format!(" {code}"),
                    },
                };
            }
        }
    }
    let indent: String = draft.raw()[start as usize..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let line_end = draft.line_start(line + 1) as usize;
    // The line's own break, so the comment sits on a line of its own in
    // the one line model (`\n`, `\r\n` or a lone `\r`).
    let before_next = &draft.raw()[..line_end];
    let eol = if before_next.ends_with("\r\n") {
        "\r\n"
    } else if before_next.ends_with('\r') {
        "\r"
    } else {
        "\n"
    };
    Fix {
        title,
        edit: Edit {
            start,
            end: start,
            replacement: format!("{indent}<!-- onrecord-disable-next-line {code} -->{eol}"),
        },
    }
}

/// Lines where the draft turns checks off with HTML comments:
/// `<!-- onrecord-disable-next-line [code…] -->`, and
/// `<!-- onrecord-disable [code…] -->` … `<!-- onrecord-enable -->`.
#[derive(Debug, Default)]
struct Disabled {
    /// 1-based first and last line, and the codes (empty: all).
    ranges: Vec<(u32, u32, Vec<Code>)>,
}

impl Disabled {
    /// Lines as the document counts them (its line table: one line model).
    fn parse(draft: &Document) -> Disabled {
        let raw = draft.raw();
        let mut ranges = Vec::new();
        let mut open: Option<(u32, Vec<Code>)> = None;
        let mut pos = 0usize;
        while let Some(found) = raw[pos..].find("<!--") {
            let s = pos + found;
            let line = draft.line_of(s as u32);
            let Some(len) = raw[s + 4..].find("-->") else {
                break;
            };
            let body = &raw[s + 4..s + 4 + len];
            let end_line = draft.line_of((s + 4 + len) as u32);
            let mut words = body.split_whitespace();
            let directive = words.next().unwrap_or("");
            let codes: Vec<Code> = words.filter_map(Code::parse).collect();
            match directive {
                "onrecord-disable-next-line" => ranges.push((end_line + 1, end_line + 1, codes)),
                "onrecord-disable-line" => ranges.push((line, end_line, codes)),
                "onrecord-disable" if open.is_none() => open = Some((line, codes)),
                "onrecord-enable" => {
                    if let Some((from, codes)) = open.take() {
                        ranges.push((from, end_line, codes));
                    }
                }
                _ => {}
            }
            pos = s + 4 + len + 3;
        }
        if let Some((from, codes)) = open {
            ranges.push((from, u32::MAX, codes));
        }
        Disabled { ranges }
    }

    fn covers(&self, line: u32, code: Code) -> bool {
        self.ranges.iter().any(|(a, b, codes)| {
            *a <= line && line <= *b && (codes.is_empty() || codes.contains(&code))
        })
    }
}

/// What the corpus says about one of its own quotations, in the shape of a
/// draft's: for hovering and jumping from a source article.
pub fn corpus_quote(corpus: &Corpus, qi: usize) -> QuoteCheck {
    let a = &corpus.analysis;
    let q = &a.quotes[qi];
    let doc = &a.docs[q.doc as usize];
    let found = a.sources(qi);
    let mut sources: Vec<SourcePlace> = found
        .listed
        .into_iter()
        .map(|s| {
            let sd = &a.docs[s.doc as usize];
            let speaker = s
                .quote
                .and_then(|o| a.quotes[o as usize].speaker.as_ref().map(|x| x.speaker));
            SourcePlace {
                doc: s.doc,
                start: sd.raw_start(s.start),
                end: sd.raw_end(s.end),
                quote: s.quote,
                speaker,
                exact: s.exact,
                differs: s
                    .differs
                    .iter()
                    .map(|&(x, y)| (sd.raw_start(x), sd.raw_end(y)))
                    .collect(),
                primary: is_primary(a, s.quote, speaker, s.doc),
            }
        })
        .collect();
    sources.sort_by_key(|s| (!s.primary, s.quote.is_none(), s.doc, s.start));
    let own = q.speaker.as_ref().map(|s| s.speaker);
    let mut said_by: Vec<u32> = own.into_iter().collect();
    for s in &sources {
        if let Some(sp) = s.speaker {
            if !said_by.contains(&sp) {
                said_by.push(sp);
            }
        }
    }
    QuoteCheck {
        kind: q.quote.kind,
        open: doc.raw_start(q.quote.open),
        close: doc.raw_end(q.quote.close),
        segments: q
            .quote
            .segments
            .iter()
            .map(|s| (doc.raw_start(s.start), doc.raw_end(s.end)))
            .collect(),
        text: q.quote.text(&doc.text),
        speaker: q.speaker.as_ref().map(|s| {
            let e = &a.speakers[s.speaker as usize];
            DraftSpeaker {
                name: e.name.clone(),
                mention: s.mention.map(|(x, y)| (doc.raw_start(x), doc.raw_end(y))),
                anonymous: e.anonymous,
                kind: e.kind,
            }
        }),
        status: Status::Exact,
        sources,
        unlisted: found.unlisted,
        said_by,
        differs: Vec::new(),
        attributed: q.speaker.is_some(),
    }
}

/// The corpus quotation at a file offset of a corpus article.
pub fn corpus_quote_at(corpus: &Corpus, doc: u32, offset: u32) -> Option<usize> {
    let a = &corpus.analysis;
    let d = &a.docs[doc as usize];
    a.doc_quotes(doc)
        .filter(|&i| {
            let q = &a.quotes[i].quote;
            d.raw_start(q.open) <= offset && offset <= d.raw_end(q.close)
        })
        // The innermost quotation: a quote inside a block wins.
        .min_by_key(|&i| {
            let q = &a.quotes[i].quote;
            q.close - q.open
        })
}

/// A source wording to offer while the user types a quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The words from the first typed word to the end of the quotation.
    pub wording: String,
    pub speaker: Option<u32>,
    /// The corpus quotation it comes from.
    pub quote: u32,
}

/// Corpus quotations that carry `typed` (two or more words) at any word,
/// with the wording from there on. Most widely reported first.
pub fn suggest(corpus: &Corpus, typed: &str, limit: usize) -> Vec<Suggestion> {
    let mut tw = Vec::new();
    link::words(typed, 0, typed.len(), &mut tw);
    if tw.len() < 2 {
        return Vec::new();
    }
    // A last word still being typed matches as a prefix.
    let typed_last = typed[tw[tw.len() - 1].start as usize..]
        .trim_end()
        .to_lowercase();
    let ends_mid_word = !typed.ends_with(|c: char| c.is_whitespace());
    let a = &corpus.analysis;
    let mut found: Vec<(usize, Suggestion)> = Vec::new();
    for members in &a.links.members {
        let qi = members[0] as usize;
        let q = &a.quotes[qi];
        let doc = &a.docs[q.doc as usize];
        let segs: Vec<(u32, u32)> = q.quote.segments.iter().map(|s| (s.start, s.end)).collect();
        let qw = link::quotation_words(&doc.text, &segs);
        let n = tw.len();
        let full = if ends_mid_word { n - 1 } else { n };
        for p in 0..qw.len().saturating_sub(n - 1) {
            if (0..full).all(|k| qw[p + k].hash == tw[k].hash)
                && (full == n || {
                    let w = &doc.text[qw[p + n - 1].start as usize..qw[p + n - 1].end as usize];
                    w.to_lowercase().starts_with(&typed_last)
                })
            {
                let end = q.quote.end() as usize;
                let wording = doc.text[qw[p].start as usize..end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                let reach = a.links.places[a.links.text_of[qi].unwrap_or(0) as usize].len();
                found.push((
                    reach,
                    Suggestion {
                        wording,
                        speaker: q.speaker.as_ref().map(|s| s.speaker),
                        quote: qi as u32,
                    },
                ));
                break;
            }
        }
    }
    found.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.quote.cmp(&y.1.quote)));
    let mut out: Vec<Suggestion> = Vec::new();
    for (_, s) in found {
        if !out.iter().any(|o| o.wording == s.wording) {
            out.push(s);
        }
        if out.len() == limit {
            break;
        }
    }
    out
}

/// Corpus quotations whose words or speaker hold `query` (case-insensitive).
pub fn search(corpus: &Corpus, query: &str, limit: usize) -> Vec<usize> {
    let a = &corpus.analysis;
    let q = query.trim().to_lowercase();
    let mut out = Vec::new();
    for (i, info) in a.quotes.iter().enumerate() {
        if out.len() == limit {
            break;
        }
        let doc = &a.docs[info.doc as usize];
        let speaker = info
            .speaker
            .as_ref()
            .map(|s| a.speakers[s.speaker as usize].name.to_lowercase())
            .unwrap_or_default();
        if q.is_empty()
            || speaker.contains(&q)
            || info.quote.text(&doc.text).to_lowercase().contains(&q)
        {
            out.push(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disable_comments_cover_the_right_lines() {
        let doc = |t: &str| {
            crate::corpus::parse_document("d.md", t.as_bytes(), None, &Default::default())
                .0
                .expect("a draft")
        };
        // `\n`, `\r\n` and a lone `\r` each end a line, as everywhere else.
        for eol in ["\n", "\r\n", "\r"] {
            let text = "a\n<!-- onrecord-disable-next-line -->\nb\nc\n<!-- onrecord-disable misquote -->\nd\n<!-- onrecord-enable -->\ne\n"
                .replace('\n', eol);
            let d = Disabled::parse(&doc(&text));
            assert!(d.covers(3, Code::UnknownQuote), "{eol:?}");
            assert!(!d.covers(4, Code::UnknownQuote), "{eol:?}");
            assert!(d.covers(6, Code::Misquote), "{eol:?}");
            assert!(!d.covers(6, Code::UnknownQuote), "{eol:?}");
            assert!(!d.covers(8, Code::Misquote), "{eol:?}");
        }
    }

    #[test]
    fn names_agree_on_initials_and_compound_surnames_only() {
        assert!(names_agree("Rafael P. Montes", "Rafael P Montes"));
        assert!(names_agree("Rafael Montes", "rafael p. montes"));
        assert!(names_agree("Vega Ortiz", "Rosa M. Vega Ortiz"));
        assert!(names_agree("Clinton", "Hillary Clinton"));
        assert!(!names_agree("Bill Clinton", "Hillary Clinton"));
        assert!(!names_agree("George H. W. Bush", "George W. Bush"));
        assert!(!names_agree("Ann Lee", "Ann Leeds"));
    }

    #[test]
    fn word_bounds_skip_punctuation() {
        assert_eq!(word_bounds("We are here."), (0, 11));
        assert_eq!(word_bounds("…and so, "), (3, 9));
    }
}
