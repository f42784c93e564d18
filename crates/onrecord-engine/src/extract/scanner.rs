//! The scan that pairs opening and closing marks within a paragraph, and
//! joins quotations that run on over paragraphs.

#[allow(unused_imports)]
use super::*;

pub(super) struct Scanner<'a> {
    pub(super) text: &'a str,
    pub(super) paras: &'a [Paragraph],
    pub(super) out: Vec<Quotation>,
}

impl<'a> Scanner<'a> {
    pub(super) fn emit(
        &mut self,
        open: &Open,
        content_end: usize,
        close_end: usize,
        last_para: usize,
    ) {
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
    pub(super) fn paragraph(&mut self, pi: usize, carried: Option<Open>) -> Option<Open> {
        let p = &self.paras[pi];
        let text = self.text;
        let b = text.as_bytes();
        let mut scan = ParaScan {
            text,
            pi,
            ps: p.start as usize,
            pe: p.end as usize,
            singles: None,
        };
        let mut open = carried;
        let mut i = match &open {
            Some(o) => match o.para_starts.last() {
                Some(&(p, at)) if p == pi => at,
                _ => scan.ps,
            },
            None => scan.ps,
        };
        while i < scan.pe {
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
            let at = MarkAt {
                m,
                i,
                len,
                ctx: around(text, i, len, scan.ps, scan.pe),
            };
            if open.is_some() {
                self.mark_inside(&mut scan, &mut open, at);
            } else if scan.opens(&at) {
                let family = family_opened_by(m).unwrap_or(Family::Double);
                let straight = matches!(m, Mark::Straight | Mark::StraightSingle);
                open = Some(open_at(family, straight, &at, pi));
            }
            i += len;
        }
        open
    }

    /// A mark met inside an open quotation: it closes the quotation or a
    /// nested one, opens a nested one, or (an opening mark where a closing
    /// one was due) ends the quotation and starts the next.
    fn mark_inside(&mut self, scan: &mut ParaScan, open: &mut Option<Open>, at: MarkAt) {
        let Some(o) = open.as_mut() else {
            return;
        };
        let MarkAt { m, i, len, ctx } = at;
        let (prev, next) = ctx;
        let text = scan.text;
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
            && scan.closers().punctuated_close_later(i + len);
        if can_close && !possessive {
            if o.nested.pop().is_none() {
                let o = open.take().expect("open quote");
                self.emit(&o, i, i + len, scan.pi);
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
            self.emit(&o, end, end, scan.pi);
            *open = Some(open_at(Family::Double, false, &at, scan.pi));
        } else if !is_apostrophe {
            let nested_family = family_opened_by(m);
            let opens_nested = match m {
                Mark::LeftDouble | Mark::LeftSingle | Mark::LeftGuillemet | Mark::LowDouble => true,
                Mark::Straight | Mark::StraightSingle => opens(prev, next),
                _ => false,
            };
            let elision = m == Mark::StraightSingle && is_elision(text, i + len, scan.pe);
            if opens_nested && !elision && nested_family.is_some_and(|f| f != inner) {
                o.nested.push(nested_family.unwrap_or(Family::Double));
            }
        }
    }

    pub(super) fn run(mut self) -> Vec<Quotation> {
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
    pub(super) fn finish_unclosed(&mut self, o: Open, end: usize) {
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

/// A quote mark found in a paragraph: which, where, how many bytes, and
/// the characters on either side.
#[derive(Clone, Copy)]
struct MarkAt {
    m: Mark,
    i: usize,
    len: usize,
    ctx: (Ctx, Ctx),
}

/// The paragraph being scanned, shared by the steps of its scan.
struct ParaScan<'a> {
    text: &'a str,
    pi: usize,
    ps: usize,
    pe: usize,
    /// Where its single marks close, found only once a single mark is in
    /// doubt: most paragraphs never need it.
    singles: Option<SingleCloses>,
}

impl ParaScan<'_> {
    fn closers(&mut self) -> &SingleCloses {
        let (text, ps, pe) = (self.text, self.ps, self.pe);
        self.singles
            .get_or_insert_with(|| SingleCloses::of(text, ps, pe))
    }

    /// Whether a mark outside any quotation opens one.
    fn opens(&mut self, at: &MarkAt) -> bool {
        let MarkAt { m, i, len, ctx } = *at;
        let (prev, next) = ctx;
        let (text, pe) = (self.text, self.pe);
        match m {
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
                !matches!(next, Ctx::Space | Ctx::Edge) && !is_elision(text, i + len, pe)
            }
            Mark::StraightSingle | Mark::RightSingle => {
                opens(prev, next)
                    && !matches!(prev, Ctx::Letter | Ctx::Digit)
                    && !is_elision(text, i + len, pe)
                    && self.closers().has_closer(i + len)
            }
        }
    }
}

/// A quotation opened by the mark `at` in paragraph `pi`.
fn open_at(family: Family, straight: bool, at: &MarkAt, pi: usize) -> Open {
    Open {
        family,
        straight,
        mark: at.i,
        content: at.i + at.len,
        nested: Vec::new(),
        para: pi,
        para_starts: vec![(pi, at.i + at.len)],
    }
}

/// Segments of a multi-paragraph quotation skip the reopening marks: the
/// scanner records the content start of each paragraph it continues into.
pub(super) fn fix_continuations(text: &str, paras: &[Paragraph], quotes: &mut [Quotation]) {
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
