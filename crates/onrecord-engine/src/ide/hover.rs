//! The hover over a quotation: who said it, how the text's words compare
//! with the closest source, and every source with how it attributes them.

use super::{quote_at, Target};
use crate::attribute::Confidence;
use crate::check::{self, Corpus, QuoteCheck, SourcePlace, Status};
use crate::corpus::FileOffset;
use crate::extract::Kind;
use std::fmt::Write as _;

/// Sources listed one by one in a hover; past this, a count.
const LISTED: usize = 12;

/// A hover: the quotation's file span and its text in Markdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    pub open: FileOffset,
    pub close: FileOffset,
    pub markdown: String,
}

/// The hover of the quotation at a file offset of the target.
pub fn hover(corpus: &Corpus, target: Target<'_>, offset: FileOffset) -> Option<Hover> {
    let q = quote_at(corpus, target, offset)?;
    Some(Hover {
        open: q.open,
        close: q.close,
        markdown: hover_markdown(corpus, &q),
    })
}

/// The hover's text for one quotation.
pub fn hover_markdown(corpus: &Corpus, q: &QuoteCheck) -> String {
    let mut md = said_by_line(corpus, q);
    md.push('\n');
    match q.status {
        Status::Unknown => md.push_str("\nFound in no source article.\n"),
        Status::Unchecked => md.push_str("\nToo short to check against the sources.\n"),
        Status::Differs => {
            if let Some(best) = check::closest_source(q) {
                let _ = writeln!(
                    md,
                    "\nThe sources have: \u{201c}{}\u{201d}",
                    marked_wording(corpus, best)
                );
            }
        }
        Status::Exact => {}
    }
    let total = q.sources.len() + q.unlisted;
    if total > 0 {
        let _ = writeln!(md, "\n{total} source{}:", if total == 1 { "" } else { "s" });
    }
    for s in q.sources.iter().take(LISTED) {
        md.push_str(&source_line(corpus, s));
    }
    if total > LISTED {
        let _ = writeln!(md, "- and {} more", total - LISTED);
    }
    md
}

/// Who the sources say said it, and whom the text credits when that is
/// someone else.
fn said_by_line(corpus: &Corpus, q: &QuoteCheck) -> String {
    let a = &corpus.analysis;
    let said = check::distinct_speakers(corpus, &q.said_by)
        .into_iter()
        .map(|s| {
            let sp = a.speaker(s);
            match &sp.role {
                Some(r) if !sp.anonymous => format!("**{}** ({r})", sp.name),
                _ => format!("**{}**", sp.name),
            }
        })
        .collect::<Vec<_>>();
    let mut line = if said.is_empty() {
        "**Speaker unknown**: no source names one".to_string()
    } else {
        format!("Said by {}", said.join(" or "))
    };
    // Compared as the checker compares them, so that `Hollis` is not
    // shown as someone other than the sources' `Bram Hollis`.
    if let Some(sp) = &q.speaker {
        if !q
            .said_by
            .iter()
            .any(|&s| check::same_speaker(sp, &[], a.speaker(s)))
        {
            let _ = write!(line, " · this text credits {}", sp.name);
        }
    }
    line
}

/// One source in the hover: its title, outlet, place, and how it gives
/// the speaker.
fn source_line(corpus: &Corpus, s: &SourcePlace) -> String {
    let d = corpus.doc(s.doc);
    let file = d.path.rsplit('/').next().unwrap_or(&d.path);
    let outlet = d
        .meta
        .outlet
        .as_deref()
        .or(d.meta.wire.as_deref())
        .map(|o| format!(", {o}"))
        .unwrap_or_default();
    let mark = if s.primary { " · primary" } else { "" };
    let exact = if s.exact { "" } else { " · different wording" };
    format!(
        "- *{}*{outlet} — `{file}:{}` — {}{mark}{exact}\n",
        d.title().replace('*', "\\*"),
        d.line_of(s.start),
        attribution(corpus, s)
    )
}

/// How a source gives the speaker: the name, the attributing clause with
/// what a pronoun there stands for (so the reader can judge it), and
/// whether the engine is less than sure.
fn attribution(corpus: &Corpus, s: &SourcePlace) -> String {
    let a = &corpus.analysis;
    match (s.quote, s.speaker) {
        (Some(qi), Some(sp)) => {
            let info = a.quote(qi);
            let name = &a.speaker(sp).name;
            if info.quote.kind == Kind::Transcript {
                return format!("transcript: {name}");
            }
            let clause = check::attributing_clause(a, qi)
                .map(|c| format!(": \u{201c}{}\u{201d}", c.replace('*', "\\*")))
                .unwrap_or_default();
            let likely = info
                .speaker
                .as_ref()
                .is_some_and(|x| x.confidence == Confidence::Likely);
            let sure = if likely { " (likely)" } else { "" };
            format!("{name}{clause}{sure}")
        }
        (Some(_), None) => "quoted, no speaker given".into(),
        (None, _) => "not quoted".into(),
    }
}

/// A source's wording with the words that differ from the text in bold.
fn marked_wording(corpus: &Corpus, s: &SourcePlace) -> String {
    let raw = corpus.doc(s.doc).raw();
    let mut out = String::new();
    let mut at = s.start.as_usize();
    for &(ds, de) in &s.differs {
        let (ds, de) = (ds.as_usize(), de.as_usize());
        if ds < at || de > s.end.as_usize() {
            continue;
        }
        out.push_str(raw.get(at..ds).unwrap_or(""));
        out.push_str("**");
        out.push_str(raw.get(ds..de).unwrap_or(""));
        out.push_str("**");
        at = de;
    }
    out.push_str(raw.get(at..s.end.as_usize()).unwrap_or(""));
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
