//! Deciding a quotation's status from the places that carry its words:
//! exact, joined halves of a split quotation, differing wording, or none,
//! and which place is the primary source.

#[allow(unused_imports)]
use super::*;

/// Turns the places found for a quotation into its sources and status.
pub(super) fn resolve(
    corpus: &Corpus,
    draft: &Document,
    qc: &mut QuoteCheck,
    qw: &[Word],
    places: Vec<Place>,
    ellipsis: bool,
) {
    let a = &corpus.analysis;
    // A draft may join the halves of a split quotation (`"A," she said.
    // "B."` quoted as `"A. B."`): source words left out are fine when they
    // stand outside the source's quote marks.
    let exact_at = |p: &Place| {
        let gaps_ok = p.differ_r.is_empty()
            || ellipsis
            || merged_gaps(&a.doc(p.doc).text, &p.differ_r)
                .iter()
                .all(|&(s, e)| outside_quotes(a, p.doc, s, e));
        (p.matched == p.total && p.differ_q.is_empty() && gaps_ok)
            || (gaps_ok && completes_split(a, p, qw))
            || in_joined_halves(a, p, qw)
    };
    let mut sources: Vec<(SourcePlace, u32)> = places
        .iter()
        .map(|p| (source_place(a, p, exact_at(p)), p.matched))
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
        // The words are the draft's view spans; the result speaks of its
        // file.
        qc.differs = differing_words(a, &places, &sources[0].0, qw)
            .into_iter()
            .map(|span| draft.raw_span(span))
            .collect();
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
    qc.said_by = said_by(&kept);
    qc.sources = kept;
}

/// A place that carries the words, as the report gives it: file offsets,
/// the corpus quotation there and its speaker.
fn source_place(a: &Analysis, p: &Place, exact: bool) -> SourcePlace {
    let doc = a.doc(p.doc);
    let quote = a.quote_at(p.doc, p.start, p.end);
    let speaker = quote.and_then(|q| a.quote(q).speaker.as_ref().map(|s| s.who));
    SourcePlace {
        doc: p.doc,
        start: doc.raw_start(p.start),
        end: doc.raw_end(p.end),
        quote,
        speaker,
        exact,
        differs: p
            .differ_r
            .iter()
            .map(|&(s, e)| (doc.raw_start(s), doc.raw_end(e)))
            .collect(),
        primary: a.is_primary(quote, speaker, p.doc),
    }
}

/// Spans of the draft's words that the closest source does not have.
fn differing_words(
    a: &Analysis,
    places: &[Place],
    closest: &SourcePlace,
    qw: &[Word],
) -> Vec<(u32, u32)> {
    let best = places
        .iter()
        .filter(|p| {
            let d = a.doc(p.doc);
            d.raw_start(p.start) == closest.start && p.doc == closest.doc
        })
        .max_by_key(|p| p.matched);
    let Some(p) = best else {
        return Vec::new();
    };
    let mut differs: Vec<usize> = p.differ_q.iter().map(|&x| x as usize).collect();
    // Words left out of the local alignment at either end differ too.
    differs.extend((0..p.q_start as usize).chain(p.q_end as usize..qw.len()));
    differs.sort_unstable();
    differs.dedup();
    link::spans_of(qw, &differs)
}

/// Who the sources say said it: a speaker of a primary source first, then
/// by how many places give each.
fn said_by(kept: &[SourcePlace]) -> Vec<SpeakerId> {
    let mut counts: Vec<(SpeakerId, usize, bool)> = Vec::new();
    for s in kept {
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
    counts.into_iter().map(|c| c.0).collect()
}

/// Whether a place that matches only part of a draft's quotation, word for
/// word, is one half of a split quotation whose other half, just before or
/// after it in the same article and by the same speaker, holds the rest:
/// the draft joined `"A," she said. "B."` into `"A B"`.
pub(super) fn completes_split(a: &Analysis, p: &Place, qw: &[Word]) -> bool {
    let (qs, qe) = (p.q_start as usize, p.q_end as usize);
    if !p.differ_q.is_empty() || qe > qw.len() || qs >= qe || (qs == 0 && qe == qw.len()) {
        return false;
    }
    if p.matched as usize != qe - qs {
        return false;
    }
    let quotes = a.quotes_of(p.doc);
    let text = &a.doc(p.doc).text;
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
pub(super) fn in_joined_halves(a: &Analysis, p: &Place, qw: &[Word]) -> bool {
    let quotes = a.quotes_of(p.doc);
    let text = &a.doc(p.doc).text;
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
pub(super) fn runs_through(halves: &[Vec<u64>], m: usize, o: usize, want: &[u64]) -> bool {
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
pub(super) fn split_halves(text: &str, b: &engine::QuoteInfo, n: &engine::QuoteInfo) -> bool {
    matches!((&b.speaker, &n.speaker), (Some(x), Some(y)) if x.who == y.who)
        && split_gap(text, b, n)
}

/// The normalized word hashes of a corpus quotation's words.
pub(super) fn quote_word_hashes(text: &str, q: &engine::QuoteInfo) -> Vec<u64> {
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
pub(super) fn split_gap(text: &str, b: &engine::QuoteInfo, n: &engine::QuoteInfo) -> bool {
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
pub(super) fn outside_quotes(a: &Analysis, doc: DocId, start: u32, end: u32) -> bool {
    let quotes = a.quotes_of(doc);
    let text = &a.doc(doc).text;
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
pub(super) fn merged_gaps(text: &str, spans: &[(u32, u32)]) -> Vec<(u32, u32)> {
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
