//! Questions an editor asks of the corpus, answered as plain data: the
//! quotation at a place, completions of typed words, and search.

#[allow(unused_imports)]
use super::*;

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
                primary: a.is_primary(s.quote, speaker, s.doc),
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

impl Suggestion {
    /// What completing the quotation inserts: the wording, the closing
    /// mark and, when the corpus names the speaker, the attribution in the
    /// words the checker's messages and fixes use (`an official`).
    pub fn completion(&self, corpus: &Corpus, close: char) -> String {
        let Some(sp) = self.speaker.map(|x| &corpus.analysis.speakers[x as usize]) else {
            return format!("{}{close}", self.wording);
        };
        let mut words = self.wording.clone();
        if words.ends_with('.') {
            words.pop();
            words.push(',');
        } else if !words.ends_with(['?', '!', ',']) {
            words.push(',');
        }
        format!("{words}{close} {} said.", speaker_phrase(sp))
    }
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
