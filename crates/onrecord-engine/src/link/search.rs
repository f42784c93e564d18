//! The trigram search shared by the linker and the draft checker: hits of
//! a quotation's trigrams are grouped into clusters that could be one
//! occurrence, and each cluster with enough hits on neighbouring diagonals
//! is confirmed by a local alignment. The two callers count in different
//! units (word positions, byte offsets) and need different limits; both
//! are given as [`SearchLimits`].

#[allow(unused_imports)]
use super::*;

/// A trigram hit: where it stands in the searched text (`at`, in the
/// caller's unit), and the position of the trigram in the quotation.
pub(crate) trait Hit: Copy {
    /// The article: hits in different articles never share a cluster.
    fn group(self) -> u32;
    fn at(self) -> u32;
    fn qp(self) -> u32;
}

/// (word position, quotation position), all in one article.
impl Hit for (u32, u32) {
    #[inline]
    fn group(self) -> u32 {
        0
    }
    #[inline]
    fn at(self) -> u32 {
        self.0
    }
    #[inline]
    fn qp(self) -> u32 {
        self.1
    }
}

/// (article, view offset, quotation position).
impl Hit for (u32, u32, u32) {
    #[inline]
    fn group(self) -> u32 {
        self.0
    }
    #[inline]
    fn at(self) -> u32 {
        self.1
    }
    #[inline]
    fn qp(self) -> u32 {
        self.2
    }
}

/// What one caller of [`search`] accepts as an occurrence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SearchLimits {
    /// Farthest apart two consecutive hits of one cluster may be.
    pub max_gap: u32,
    /// Units of `at` per word, and words read on either side of a
    /// cluster beyond what the quotation's length asks for.
    pub unit: usize,
    pub margin: usize,
    /// Distinct quotation positions a cluster must hit within `window`.
    pub need_hits: usize,
    /// Width of the range of diagonals (`at - qp`) the needed hits must
    /// lie in: the hits of one occurrence lie on a few neighbouring
    /// diagonals, stray hits of stock phrases do not.
    pub window: isize,
    /// Diagonals added on either side of the hits' for the alignment:
    /// words dropped or added between hits.
    pub slack: isize,
    /// Words an alignment must match.
    pub need_matched: usize,
}

/// Buffers reused from one search to the next.
#[derive(Default)]
pub(crate) struct SearchScratch {
    pub(super) dp: Vec<i32>,
    pub(super) diagonals: Vec<(isize, u32)>,
    pub(super) stamps: Vec<u32>,
    pub(super) stamp: u32,
}

/// Finds the occurrences of `qw` among `hits` (sorted by group, then `at`).
/// `region(first_hit, lo, hi)` gives the words from `lo` to `hi` (in the
/// hits' unit, clamped by the caller) of the first hit's article;
/// `word_index(region, lo, at)` the index in it of the word at `at`.
/// `found` receives each occurrence's first hit, region and alignment.
#[inline]
pub(crate) fn search<H: Hit, R: std::ops::Deref<Target = [Word]>>(
    qw: &[Word],
    hits: &[H],
    limits: &SearchLimits,
    scratch: &mut SearchScratch,
    mut region: impl FnMut(H, usize, usize) -> R,
    word_index: impl Fn(&[Word], usize, u32) -> usize,
    mut found: impl FnMut(H, &[Word], Alignment),
) {
    let m = qw.len();
    let mut k = 0;
    while k < hits.len() {
        let mut l = k;
        while l + 1 < hits.len()
            && hits[l + 1].group() == hits[k].group()
            && hits[l + 1].at() <= hits[l].at() + limits.max_gap
        {
            l += 1;
        }
        let cluster = &hits[k..=l];
        k = l + 1;
        let Some(window) = best_diagonals(cluster, limits, scratch) else {
            continue;
        };
        let (first, last) = (cluster[0], cluster[cluster.len() - 1]);
        let lo = (first.at() as usize)
            .saturating_sub((first.qp() as usize + limits.margin) * limits.unit);
        let hi = last.at() as usize + (m - last.qp() as usize + limits.margin) * limits.unit;
        let words = region(first, lo, hi);
        // The window's diagonals counted in words of the region.
        let (mut dlo, mut dhi) = (isize::MAX, isize::MIN);
        for &(d, qp) in &scratch.diagonals[window] {
            let at = (d + qp as isize) as u32;
            let d = word_index(&words, lo, at) as isize - qp as isize;
            dlo = dlo.min(d);
            dhi = dhi.max(d);
        }
        // Diagonals outside the quotation and region hold no cells.
        let (dlo, dhi) = (
            (dlo - limits.slack).max(-(m as isize)),
            (dhi + limits.slack).min(words.len() as isize),
        );
        let Some(a) = align(qw, &words, dlo, dhi, &mut scratch.dp) else {
            continue;
        };
        if a.matched < limits.need_matched {
            continue;
        }
        found(first, &words, a);
    }
}

/// The entries of `scratch.diagonals` in the window of `limits.window`
/// diagonals holding the most hits, if those hits cover at least
/// `limits.need_hits` distinct positions of the quotation.
#[inline]
fn best_diagonals<H: Hit>(
    hits: &[H],
    limits: &SearchLimits,
    scratch: &mut SearchScratch,
) -> Option<std::ops::Range<usize>> {
    let need = limits.need_hits;
    if hits.len() < need {
        return None;
    }
    let SearchScratch {
        diagonals,
        stamps,
        stamp,
        ..
    } = scratch;
    diagonals.clear();
    diagonals.extend(
        hits.iter()
            .map(|h| (h.at() as isize - h.qp() as isize, h.qp())),
    );
    diagonals.sort_unstable();
    let (mut best, mut best_at) = (0, 0);
    let mut a = 0;
    for b in 0..diagonals.len() {
        while diagonals[b].0 - diagonals[a].0 > limits.window {
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
    let window = best_at..best_at + best;
    // Distinct positions of the quotation, counted with a stamp per position.
    *stamp = stamp.wrapping_add(1);
    if *stamp == 0 {
        stamps.iter_mut().for_each(|s| *s = 0);
        *stamp = 1;
    }
    let mut distinct = 0;
    for &(_, qp) in &diagonals[window.clone()] {
        let q = qp as usize;
        if q >= stamps.len() {
            stamps.resize(q + 1, 0);
        }
        if stamps[q] != *stamp {
            stamps[q] = *stamp;
            distinct += 1;
        }
    }
    (distinct >= need).then_some(window)
}
