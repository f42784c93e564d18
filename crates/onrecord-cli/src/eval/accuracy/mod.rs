//! How well extraction and attribution read annotated news: recall and
//! precision of direct quotations, and how often the speaker is right.
//!
//! A gold direct quotation is an annotated Content wholly inside quote
//! marks. It is found when every piece of it is mostly covered by one of
//! the engine's quotations. Its speaker is right when the engine's mention
//! lies on the annotated Source, or when the engine's resolved name is the
//! person the Source names (for a pronoun, the person a referent table
//! gives).

use super::brat::{self, Article, GoldAttribution, Span};
use super::ratio;
use onrecord_engine::attribute::{Speaker, Via};
use onrecord_engine::corpus::{self, LoadOptions};
use onrecord_engine::engine::{self, DocResult};
use onrecord_engine::extract::Kind;
use rayon::prelude::*;
use std::collections::HashMap;
use std::fmt::Write as _;

mod report;
pub use report::*;
#[cfg(test)]
mod tests;

/// What kind of words the annotated Source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceForm {
    Name,
    Description,
    Pronoun,
    Missing,
}

/// Where the annotated Source stands relative to the quotation: how a
/// reader finds the speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Placement {
    /// A name at the cue, in the quotation's sentence.
    NameAtCue,
    /// A description at the cue (`the official said`).
    Description,
    /// A pronoun at the cue (`he said`).
    Pronoun,
    /// In an earlier sentence or paragraph.
    Inherited,
    /// A sentence ending in a colon that introduces the quotation.
    Colon,
    /// A transcript label.
    Label,
    /// No Source annotated.
    NoSource,
}

impl Placement {
    fn label(self) -> &'static str {
        match self {
            Placement::NameAtCue => "name at the cue",
            Placement::Description => "description at the cue",
            Placement::Pronoun => "pronoun at the cue",
            Placement::Inherited => "earlier sentence or paragraph",
            Placement::Colon => "colon introduction",
            Placement::Label => "label",
            Placement::NoSource => "no source annotated",
        }
    }
}

/// The judgement of one found quotation's speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Right,
    /// The engine named someone else.
    Wrong,
    /// The engine named nobody.
    Unknown,
}

/// Referents of pronoun Sources: (annotation file, Source start in code
/// points) to the name of the person meant.
#[derive(Clone, Debug, Default)]
pub struct Referents(HashMap<(String, usize), String>);

impl Referents {
    /// Reads `ann_file<TAB>start<TAB>end<TAB>pronoun<TAB>referent` lines;
    /// `#` lines are comments.
    pub fn parse(tsv: &str) -> Referents {
        let mut map = HashMap::new();
        for line in tsv.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 5 {
                continue;
            }
            if let Ok(start) = cols[1].trim().parse::<usize>() {
                map.insert(
                    (cols[0].trim().to_string(), start),
                    cols[4].trim().to_string(),
                );
            }
        }
        Referents(map)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn get(&self, ann: &str, start_chars: usize) -> Option<&str> {
        self.0
            .get(&(ann.to_string(), start_chars))
            .map(String::as_str)
    }
}

/// One gold direct quotation and what the engine made of it.
#[derive(Clone, Debug)]
pub struct Judged {
    pub article: usize,
    pub pieces: Vec<Span>,
    pub source: Vec<Span>,
    pub cue: Vec<Span>,
    pub form: SourceForm,
    pub placement: Placement,
    pub found: bool,
    pub verdict: Option<Verdict>,
    /// For pronoun Sources with a known referent: whether the engine's
    /// resolved name is that person.
    pub pronoun_resolved: Option<bool>,
    pub engine_speaker: Option<String>,
    pub engine_via: Option<Via>,
    pub engine_mention: Option<Span>,
    pub referent: Option<String>,
    /// For a pronoun the engine resolved: whether the name it chose is
    /// close (same paragraph, this sentence or the one before).
    pub close_antecedent: Option<bool>,
}

/// One quotation the engine found that no annotation covers.
#[derive(Clone, Debug)]
pub struct Extra {
    pub article: usize,
    pub span: Span,
}

pub struct Evaluation {
    pub articles: Vec<Article>,
    pub judged: Vec<Judged>,
    /// Engine quotations (not fragments) and how many of them overlap an
    /// annotated Content.
    pub engine_quotes: usize,
    pub engine_quotes_annotated: usize,
    pub extras: Vec<Extra>,
}

/// What kind of words a Source is: a name (capitalised, not a pronoun, not
/// led by a determiner), a description, a pronoun, or missing.
pub fn classify_source(text: &str, source: &[Span]) -> SourceForm {
    let Some(first) = source.first() else {
        return SourceForm::Missing;
    };
    let last = source.last().unwrap_or(first);
    let words = &text[first.start as usize..last.end as usize];
    if brat::is_pronoun(words) {
        return SourceForm::Pronoun;
    }
    let first_word = words.split_whitespace().next().unwrap_or("");
    let starts_cap = first_word.chars().next().is_some_and(char::is_uppercase);
    let determiner = matches!(
        first_word.to_lowercase().as_str(),
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "one" | "some" | "two" | "this"
    );
    if starts_cap && !determiner {
        SourceForm::Name
    } else {
        SourceForm::Description
    }
}

/// Whether a stretch of text between a Source and its quotation crosses a
/// sentence or paragraph end.
fn crosses_sentence(gap: &str) -> bool {
    if gap.contains('\n') {
        return true;
    }
    let b = gap.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if matches!(c, b'.' | b'?' | b'!') && i > 2 {
            let rest = gap[i + 1..].trim_start_matches(['"', '\'', '”', '’']);
            let next = rest.trim_start();
            let opens = next.is_empty()
                || next.starts_with(|ch: char| ch.is_uppercase() || matches!(ch, '"' | '“' | '‘'));
            if rest.starts_with(' ') && opens {
                return true;
            }
        }
    }
    false
}

fn placement(text: &str, pieces: &[Span], source: &[Span], form: SourceForm) -> Placement {
    let (Some(src), Some(first), Some(last)) = (source.first(), pieces.first(), pieces.last())
    else {
        return Placement::NoSource;
    };
    let src_end = source.last().map_or(src.end, |s| s.end);
    if src_end <= first.start {
        let gap = &text[src_end as usize..first.start as usize];
        let line_start = text[..src.start as usize].rfind('\n').map_or(0, |i| i + 1);
        if text[line_start..src.start as usize].trim().is_empty()
            && gap.trim_start().starts_with(':')
        {
            return Placement::Label;
        }
        let trimmed = gap.trim_end().trim_end_matches(['"', '“', '\'', ' ']);
        if trimmed.trim_end().ends_with(':') && !trimmed.contains('\n') {
            return Placement::Colon;
        }
        if crosses_sentence(gap) {
            return Placement::Inherited;
        }
    } else if src.start >= last.end {
        let gap = &text[last.end as usize..src.start as usize];
        if crosses_sentence(gap) {
            return Placement::Inherited;
        }
    }
    match form {
        SourceForm::Name => Placement::NameAtCue,
        SourceForm::Description => Placement::Description,
        SourceForm::Pronoun => Placement::Pronoun,
        SourceForm::Missing => Placement::NoSource,
    }
}

/// Lowercase words without possessives or punctuation.
fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|w| {
            w.to_lowercase()
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .trim_matches(['\'', '’', '-'])
                .to_string()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether the engine's speaker is the person (or body) the words name:
/// the surname of one is among the words of the other.
pub fn names_match(engine_name: &str, engine_aliases: &[String], gold: &str) -> bool {
    let gold_words = words_of(gold);
    let Some(gold_head) = gold_words.last() else {
        return false;
    };
    let mut names: Vec<&str> = vec![engine_name];
    names.extend(engine_aliases.iter().map(String::as_str));
    // An article may misspell a surname once (`McAllister`, `McAlister`):
    // one letter off in a long surname is the same name.
    let near = |a: &str, b: &str| {
        a.chars().count() >= 6 && b.chars().count() >= 6 && strsim::levenshtein(a, b) <= 1
    };
    names.iter().any(|n| {
        let w = words_of(n);
        w.last()
            .is_some_and(|last| gold_words.iter().any(|g| g == last || near(g, last)))
            || w.contains(gold_head)
    })
}

fn doc_result(article: &Article) -> Option<(corpus::Document, DocResult)> {
    let (doc, _) = corpus::parse_document(
        &article.name,
        article.text.as_bytes(),
        None,
        &LoadOptions::default(),
    );
    let doc = doc?;
    let r = engine::analyze_document(&doc);
    Some((doc, r))
}

/// Runs the engine over each article and judges it against the annotation.
pub fn evaluate(articles: Vec<Article>, referents: &Referents) -> Evaluation {
    let per_article: Vec<(Vec<Judged>, usize, usize, Vec<Extra>)> = articles
        .par_iter()
        .enumerate()
        .map(|(ai, a)| judge_article(ai, a, referents))
        .collect();
    let mut judged = Vec::new();
    let mut engine_quotes = 0;
    let mut engine_quotes_annotated = 0;
    let mut extras = Vec::new();
    for (j, n, ok, ex) in per_article {
        judged.extend(j);
        engine_quotes += n;
        engine_quotes_annotated += ok;
        extras.extend(ex);
    }
    Evaluation {
        articles,
        judged,
        engine_quotes,
        engine_quotes_annotated,
        extras,
    }
}

/// Whether an annotated Source is a single speech verb (`said`).
fn source_is_cue_word(text: &str, source: &[Span]) -> bool {
    let words: Vec<String> = source
        .iter()
        .flat_map(|s| text[s.start as usize..s.end as usize].split_whitespace())
        .map(str::to_lowercase)
        .collect();
    matches!(words.as_slice(), [w] if onrecord_engine::lexicon::cue(w).is_some())
}

/// Judges one article: every gold direct quotation against the engine's
/// reading, and the engine's quotations for precision (how many, how many
/// an annotation covers, and those none covers).
fn judge_article(
    ai: usize,
    a: &Article,
    referents: &Referents,
) -> (Vec<Judged>, usize, usize, Vec<Extra>) {
    let Some((_doc, r)) = doc_result(a) else {
        return (Vec::new(), 0, 0, Vec::new());
    };
    let spans: Vec<Vec<Span>> = r
        .extraction
        .quotes
        .iter()
        .map(|q| {
            q.segments
                .iter()
                .map(|s| Span {
                    start: s.start,
                    end: s.end,
                })
                .collect()
        })
        .collect();
    let judged = a
        .attributions
        .iter()
        .filter_map(|g| {
            let pieces = brat::direct_quote(&a.text, &g.content)?;
            Some(judge_gold(ai, a, &r, &spans, g, pieces, referents))
        })
        .collect();
    let (n, ok, extras) = precision(ai, a, &r, &spans);
    (judged, n, ok, extras)
}

/// Judges one gold direct quotation (its `pieces`): whether the engine
/// found it and, where it did and a Source is annotated, its speaker.
fn judge_gold(
    ai: usize,
    a: &Article,
    r: &DocResult,
    spans: &[Vec<Span>],
    g: &GoldAttribution,
    pieces: Vec<Span>,
    referents: &Referents,
) -> Judged {
    let text = &a.text;
    let form = classify_source(text, &g.source);
    let placement = placement(text, &pieces, &g.source, form);
    let matched = match_pieces(r, spans, &pieces);
    let found = matched.iter().all(Option::is_some);
    let mut j = Judged {
        article: ai,
        pieces,
        source: g.source.clone(),
        cue: g.cue.clone(),
        form,
        placement,
        found,
        verdict: None,
        pronoun_resolved: None,
        engine_speaker: None,
        engine_via: None,
        engine_mention: None,
        referent: None,
        close_antecedent: None,
    };
    let source_text = g
        .source
        .iter()
        .map(|s| &text[s.start as usize..s.end as usize])
        .collect::<Vec<_>>()
        .join(" ");
    if form == SourceForm::Pronoun {
        if let Some(s) = g.source.first() {
            // The referent table is keyed by code point offset.
            let start = text[..s.start as usize].chars().count();
            j.referent = referents.get(&a.ann, start).map(str::to_string);
        }
    }
    if found && form != SourceForm::Missing {
        judge_speaker(&mut j, text, r, &matched, g, &source_text);
    }
    j
}

/// For each piece of a gold quotation, the engine quotation that covers
/// most of it, if that is at least half of it. A fragment counts only for
/// a short piece: a long piece it touches was not found.
fn match_pieces(r: &DocResult, spans: &[Vec<Span>], pieces: &[Span]) -> Vec<Option<usize>> {
    let quotes = &r.extraction.quotes;
    let overlap =
        |qi: usize, piece: &Span| -> u32 { spans[qi].iter().map(|s| s.overlap(piece)).sum() };
    pieces
        .iter()
        .map(|p| {
            (0..quotes.len())
                .filter(|&qi| quotes[qi].kind != Kind::Fragment || p.len() < 40)
                .map(|qi| (overlap(qi, p), qi))
                .max()
                .filter(|&(o, _)| o * 2 >= p.len())
                .map(|(_, qi)| qi)
        })
        .collect()
}

/// The verdict on a found quotation's speaker, from the first of its
/// matched engine quotations that has one; and, for a pronoun Source with
/// a known referent, whether the engine resolved it to that person.
fn judge_speaker(
    j: &mut Judged,
    text: &str,
    r: &DocResult,
    matched: &[Option<usize>],
    g: &GoldAttribution,
    source_text: &str,
) {
    let qi = matched
        .iter()
        .flatten()
        .copied()
        .find(|&qi| r.attribution.speakers[qi].is_some());
    j.verdict = match qi.and_then(|qi| r.attribution.speakers[qi].as_ref()) {
        None => Some(Verdict::Unknown),
        Some(sp) => named_verdict(j, text, r, sp, g, source_text),
    };
    if j.verdict == Some(Verdict::Unknown) && j.form == SourceForm::Pronoun && j.referent.is_some()
    {
        j.pronoun_resolved = Some(false);
    }
}

/// The verdict on a speaker the engine named, noting what the engine said
/// in `j`. Right when the engine's mention lies on the Source or its name
/// is the person the Source (or the pronoun's referent) names; none when
/// there is nothing to judge by.
fn named_verdict(
    j: &mut Judged,
    text: &str,
    r: &DocResult,
    sp: &Speaker,
    g: &GoldAttribution,
    source_text: &str,
) -> Option<Verdict> {
    let ent = &r.attribution.entities[sp.who as usize];
    j.engine_speaker = Some(ent.name.clone());
    j.engine_via = Some(sp.via);
    j.close_antecedent = sp.antecedent.map(|a| a.close);
    j.engine_mention = sp.mention.map(|(s, e)| Span { start: s, end: e });
    let on_source = sp
        .mention
        .is_some_and(|(s, e)| mention_on_source(text, g, Span { start: s, end: e }));
    let by_name = match j.form {
        SourceForm::Pronoun => j
            .referent
            .as_deref()
            .map(|rf| names_match(&ent.name, &ent.aliases, rf)),
        _ => Some(names_match(&ent.name, &ent.aliases, source_text)),
    };
    if j.form == SourceForm::Pronoun {
        j.pronoun_resolved = by_name;
    }
    if on_source || by_name == Some(true) {
        Some(Verdict::Right)
    } else if by_name.is_none() && sp.mention.is_none() {
        // A pronoun whose referent nobody annotated, and a speaker found
        // elsewhere: nothing to judge by.
        None
    } else {
        Some(Verdict::Wrong)
    }
}

/// Whether the engine's mention `m` of the speaker is the annotated
/// Source.
fn mention_on_source(text: &str, g: &GoldAttribution, m: Span) -> bool {
    // `said Jo Roe, the architect of …`: a Source that is the appositive
    // of the named mention is that person.
    let beside = |gs: &Span| {
        let gap = if m.end <= gs.start {
            text.get(m.end as usize..gs.start as usize)
        } else if gs.end <= m.start {
            text.get(gs.end as usize..m.start as usize)
        } else {
            None
        };
        gap.is_some_and(|g| g.trim() == ",")
    };
    // A few annotations swap the two spans (Source `said`, Cue `Roe`): a
    // Source that is one speech verb is read with its Cue.
    let swapped = source_is_cue_word(text, &g.source) && g.cue.iter().any(|c| c.overlap(&m) > 0);
    g.source.iter().any(|gs| gs.overlap(&m) > 0 || beside(gs)) || swapped
}

/// Precision: how many engine quotations (not fragments) there are and
/// how many overlap some annotated Content by half at least; those that
/// do not are extras.
fn precision(
    ai: usize,
    a: &Article,
    r: &DocResult,
    spans: &[Vec<Span>],
) -> (usize, usize, Vec<Extra>) {
    let contents: Vec<Span> = a
        .attributions
        .iter()
        .flat_map(|g| g.content.iter().copied())
        .collect();
    let mut n = 0;
    let mut ok = 0;
    let mut extras = Vec::new();
    for (qi, q) in r.extraction.quotes.iter().enumerate() {
        if q.kind == Kind::Fragment {
            continue;
        }
        n += 1;
        let len: u32 = spans[qi].iter().map(Span::len).sum();
        let covered: u32 = spans[qi]
            .iter()
            .map(|s| contents.iter().map(|c| c.overlap(s)).sum::<u32>())
            .sum();
        if covered * 2 >= len {
            ok += 1;
        } else {
            extras.push(Extra {
                article: ai,
                span: Span {
                    start: q.start(),
                    end: q.end(),
                },
            });
        }
    }
    (n, ok, extras)
}
