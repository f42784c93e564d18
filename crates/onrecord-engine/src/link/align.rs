//! Trigrams and local alignment: where a quotation's words run in another
//! text, and which of them differ.

#[allow(unused_imports)]
use super::*;

pub(crate) const N: usize = 3;

/// Diagonals on either side of the hits that an alignment may use: words
/// dropped or added between two trigram hits.
pub(super) const BAND: usize = 8;

/// Whether a place is strong enough evidence to join two statements, not
/// just to be listed as a source. Statements join by chains of places, so
/// one loose match between short quotations (`on top of the timetable`)
/// would merge unrelated stories: short texts join only on all their words.
pub(super) fn joins_statement(f: &Found) -> bool {
    f.matched == f.total || f.total >= 10
}

/// Per-thread hit lists, reused from one article to the next.
pub(super) struct Scratch {
    /// For each text, its index in `hits`, or `u32::MAX`.
    pub(super) slot: Vec<u32>,
    pub(super) hits: Vec<Vec<(u32, u32)>>,
    pub(super) used: usize,
    pub(super) touched: Vec<u32>,
    pub(super) search: SearchScratch,
}

impl Scratch {
    pub(super) fn new(texts: usize) -> Self {
        Scratch {
            slot: vec![u32::MAX; texts],
            hits: Vec::new(),
            used: 0,
            touched: Vec::new(),
            search: SearchScratch::default(),
        }
    }

    pub(super) fn push(&mut self, sid: u32, hit: (u32, u32)) {
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

    pub(super) fn clear(&mut self) {
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
pub(super) const MAX_GAP: u32 = 16;

pub(crate) fn gram(w: &[Word]) -> u64 {
    let mut h = FxHasher::default();
    for x in w {
        x.hash.hash(&mut h);
    }
    h.finish()
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

const MATCH: i32 = 2;
const MISMATCH: i32 = -1;
const GAP: i32 = -1;

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
    let (m, n) = (q.len(), r.len());
    if m == 0 || n == 0 || hi < lo {
        return None;
    }
    let band = Band {
        lo,
        hi,
        w: (hi - lo + 1) as usize,
    };
    let (score, i, j) = fill(q, r, band, buf);
    if score == 0 {
        return None;
    }
    Some(trace_back(q, r, band, buf, i, j))
}

/// The diagonals an alignment fills. Row i holds diagonals lo..=hi at
/// 1..=w, with a zero on either side so that every neighbour read stays in
/// the row.
#[derive(Clone, Copy)]
struct Band {
    lo: isize,
    hi: isize,
    w: usize,
}

impl Band {
    #[inline]
    fn stride(self) -> usize {
        self.w + 2
    }

    #[inline]
    fn cell(self, i: usize, j: usize) -> usize {
        i * self.stride() + (j as isize - i as isize - self.lo) as usize + 1
    }

    /// The score at (i, j), zero outside the band.
    #[inline]
    fn get(self, h: &[i32], i: usize, j: usize) -> i32 {
        let k = j as isize - i as isize - self.lo;
        if i > 0 && j > 0 && k >= 0 && (k as usize) < self.w {
            h[self.cell(i, j)]
        } else {
            0
        }
    }
}

/// Fills the band's scores into `buf`; the best score and its cell.
#[inline]
fn fill(q: &[Word], r: &[Word], band: Band, buf: &mut Vec<i32>) -> (i32, usize, usize) {
    let (m, n) = (q.len(), r.len());
    let stride = band.stride();
    buf.clear();
    buf.resize((m + 1) * stride, 0);
    let h = buf;
    let mut best = (0i32, 0usize, 0usize);
    for i in 1..=m {
        let from = (i as isize + band.lo).max(1);
        let to = (i as isize + band.hi).min(n as isize);
        let qh = q[i - 1].hash;
        for j in from..=to {
            let j = j as usize;
            let x = band.cell(i, j);
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
    best
}

/// Walks back from the best cell (i, j) to where the local alignment
/// starts, counting matched words and noting the ones that differ.
fn trace_back(q: &[Word], r: &[Word], band: Band, h: &[i32], i: usize, j: usize) -> Alignment {
    let get = |i: usize, j: usize| band.get(h, i, j);
    let (mut i, mut j) = (i, j);
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
    Alignment {
        q_start: i,
        q_end,
        r_start: j,
        r_end,
        matched,
        diff_q,
        diff_r,
    }
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
