//! Completing a quotation as it is typed: the source wordings that carry
//! the words typed so far, and the attribution the checker would write.

use crate::check::{speaker_phrase, Corpus};
use crate::ids::{QuoteId, SpeakerId};
use crate::link;

/// A source wording to offer while the user types a quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The words from the first typed word to the end of the quotation.
    pub wording: String,
    pub speaker: Option<SpeakerId>,
    /// The corpus quotation it comes from.
    pub quote: QuoteId,
}

impl Suggestion {
    /// What completing the quotation inserts: the wording, the closing
    /// mark and, when the corpus names the speaker, the attribution in the
    /// words the checker's messages and fixes use (`an official`).
    pub fn completion(&self, corpus: &Corpus, close: char) -> String {
        let Some(sp) = self.speaker.map(|x| corpus.analysis.speaker(x)) else {
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
    let links = a.links();
    for members in &links.members {
        let qi = members[0] as usize;
        let q = &a.quotes[qi];
        let doc = a.doc(q.doc);
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
                let reach = links.places[links.text_of(qi).unwrap_or(0) as usize].len();
                found.push((
                    reach,
                    Suggestion {
                        wording,
                        speaker: q.speaker.as_ref().map(|s| s.who),
                        quote: QuoteId::new(qi),
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

/// The quotation marks a typed quotation may open with, and their closers.
const OPENERS: &[(char, char)] = &[('"', '"'), ('\u{201c}', '\u{201d}'), ('\u{ab}', '\u{bb}')];

/// What to offer at the end of `before` (a line up to the cursor) when it
/// holds an open quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completions {
    /// Byte offset in `before` where the typed words begin: the items
    /// replace `before[typed_from..]`.
    pub typed_from: usize,
    pub items: Vec<Completion>,
}

/// One source wording to complete the quotation with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    /// The wording, shortened for a menu.
    pub label: String,
    /// Who the corpus says said it.
    pub speaker: Option<String>,
    /// The whole wording.
    pub wording: String,
    /// What choosing it inserts in place of the typed words.
    pub insert: String,
}

/// Source wordings for the quotation being typed at the end of `before`,
/// most widely reported first; `None` when no quotation is open there.
pub fn completions(corpus: &Corpus, before: &str, limit: usize) -> Option<Completions> {
    let (typed_from, close) = open_quotation(before)?;
    let typed = &before[typed_from..];
    let items = suggest(corpus, typed, limit)
        .into_iter()
        .map(|s| Completion {
            label: super::short(&s.wording, 70),
            speaker: s.speaker.map(|x| corpus.analysis.speaker(x).name.clone()),
            insert: s.completion(corpus, close),
            wording: s.wording,
        })
        .collect();
    Some(Completions { typed_from, items })
}

/// The last opening mark of `line` that is not closed after it: where the
/// words after it start, and the mark that would close it.
fn open_quotation(line: &str) -> Option<(usize, char)> {
    let mut open: Option<(usize, char)> = None;
    for (i, c) in line.char_indices() {
        match open {
            Some((_, close)) if c == close => open = None,
            None => {
                if let Some(&(_, close)) = OPENERS.iter().find(|(o, _)| *o == c) {
                    open = Some((i + c.len_utf8(), close));
                }
            }
            _ => {}
        }
    }
    open
}
