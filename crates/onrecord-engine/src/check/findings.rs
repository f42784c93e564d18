//! The findings a quotation's check yields, with their messages: what the
//! sources say, in words a reporter reads.

#[allow(unused_imports)]
use super::*;

pub(super) fn findings(
    corpus: &Corpus,
    draft: &Document,
    qc: &QuoteCheck,
    entity: Option<&DocEntity>,
    config: &Config,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut push = |code: Code, (message, mut fixes): (String, Vec<Fix>)| {
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
    let attributable = !matches!(qc.kind, Kind::Fragment | Kind::Transcript);
    let sure = sure_speakers(corpus, qc);
    if !qc.attributed && attributable {
        push(
            Code::UnattributedQuote,
            unattributed(corpus, draft, qc, &sure),
        );
    }
    match qc.status {
        Status::Unknown => push(
            Code::UnknownQuote,
            ("Quotation appears in no source article.".into(), Vec::new()),
        ),
        Status::Differs => {
            if let Some(m) = misquote(corpus, draft, qc) {
                push(Code::Misquote, m);
            }
        }
        _ => {}
    }
    if let (Some(sp), Some(e)) = (&qc.speaker, entity) {
        if let Some(m) = misattribution(corpus, draft, qc, sp, e, &sure) {
            push(Code::MisattributedQuote, m);
        }
    }
    out
}

/// The message and fixes for a quotation without attribution: what the
/// sources say about who spoke, and a fix only when they name one speaker
/// with certainty.
fn unattributed(
    corpus: &Corpus,
    draft: &Document,
    qc: &QuoteCheck,
    sure: &[(SpeakerId, SourcePlace)],
) -> (String, Vec<Fix>) {
    let who = speaker_names(corpus, &qc.said_by);
    match sure {
        // One speaker the sources name with certainty: a fix can say so.
        [(only, place)] => {
            let phrase = speaker_phrase(corpus.analysis.speaker(*only));
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
                        speaker_phrase(corpus.analysis.speaker(*s)),
                        why(corpus, place)
                    ))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            Vec::new(),
        ),
    }
}

/// The message and fix for words that differ from every source: the
/// closest source's wording, offered as a replacement unless the quotation
/// is elided.
fn misquote(corpus: &Corpus, draft: &Document, qc: &QuoteCheck) -> Option<(String, Vec<Fix>)> {
    let best = closest_source(qc)?;
    let source = wording(corpus, best);
    let doc = corpus.analysis.doc(best.doc);
    let message = format!(
        "Wording differs from every source; {}:{} has \u{201c}{source}\u{201d}.",
        corpus.display_path(best.doc),
        doc.line_of(best.start)
    );
    let (ws, we) = (
        qc.segments.first().map(|s| s.0).unwrap_or(qc.open),
        qc.segments.last().map(|s| s.1).unwrap_or(qc.close),
    );
    let inner = draft.raw().get(ws.as_usize()..we.as_usize()).unwrap_or("");
    let (lead, trail) = word_bounds(inner);
    let fix = Fix::repair(
        format!("Use the source wording: \u{201c}{source}\u{201d}"),
        Edit {
            start: ws + lead as u32,
            end: ws + trail as u32,
            replacement: source,
        },
    );
    // The source wording of an elided quotation is not its words.
    let elided = has_ellipsis(&qc.text);
    Some((message, [fix].into_iter().filter(|_| !elided).collect()))
}

/// The message and fix for a quotation the draft attributes to someone the
/// sources do not. Any source's speaker that the draft's can be, sure or
/// not, clears it: a misattribution is claimed only against identified
/// people the sources name with certainty, none of whom the draft names.
fn misattribution(
    corpus: &Corpus,
    draft: &Document,
    qc: &QuoteCheck,
    sp: &DraftSpeaker,
    e: &DocEntity,
    sure: &[(SpeakerId, SourcePlace)],
) -> Option<(String, Vec<Fix>)> {
    let speakers = &corpus.analysis.speakers;
    let agrees = qc
        .said_by
        .iter()
        .any(|&s| same_speaker(sp, &e.heads, &speakers[s.index()]));
    let people: Vec<&(SpeakerId, SourcePlace)> = sure
        .iter()
        .filter(|(s, _)| is_identified_person(&speakers[s.index()]))
        .collect();
    if agrees || sp.anonymous || people.is_empty() {
        return None;
    }
    if let [(first, place)] = people.as_slice() {
        let first = &speakers[first.index()];
        let fixes = rename_fix(draft, sp, first).into_iter().collect();
        let message = format!(
            "Attributed to {}, but the sources attribute these words to {} ({}).",
            sp.name,
            speaker_phrase(first),
            why(corpus, place)
        );
        return Some((message, fixes));
    }
    let message = format!(
        "Attributed to {}, but the sources attribute these words to others, and disagree among themselves: {}.",
        sp.name,
        people
            .iter()
            .map(|(s, place)| format!(
                "{} ({})",
                speaker_phrase(&speakers[s.index()]),
                why(corpus, place)
            ))
            .collect::<Vec<_>>()
            .join("; ")
    );
    Some((message, Vec::new()))
}

/// A fix that names the sources' speaker where the draft names its own,
/// capitalised only where a sentence starts.
fn rename_fix(draft: &Document, sp: &DraftSpeaker, to: &engine::SpeakerEntity) -> Option<Fix> {
    let (ms, me) = sp.mention?;
    let before = draft.raw()[..ms.as_usize()].trim_end_matches([' ', '\t']);
    let starts_sentence = before.is_empty() || before.ends_with(['.', '!', '?', '\n']);
    let mut replacement = speaker_phrase(to);
    if starts_sentence {
        replacement = capitalize(&replacement);
    }
    Some(Fix::repair(
        format!("Attribute to {}", speaker_phrase(to)),
        Edit {
            start: ms,
            end: me,
            replacement,
        },
    ))
}

/// Why the sources say so: where, and the words that attribute it there.
pub(super) fn why(corpus: &Corpus, place: &SourcePlace) -> String {
    let a = &corpus.analysis;
    let doc = a.doc(place.doc);
    let clause = place
        .quote
        .and_then(|q| attributing_clause(a, q))
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
pub fn attributing_clause(a: &Analysis, id: QuoteId) -> Option<String> {
    let qi = id.index();
    let info = &a.quotes[qi];
    let sp = info.speaker.as_ref()?;
    let doc = a.doc(info.doc);
    let text = &doc.text;
    let name = &a.speaker(sp.who).name;
    let named_line = sp
        .named_at()
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
                    .is_some_and(|s| s.who == sp.who && s.mention.is_some())
        });
        // A quotation with no cue of its own: whom it is given to, and
        // where the article named that person.
        return match (earlier, named_line) {
            (Some(o), _) => attributing_clause(a, QuoteId::new(o)),
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

pub(super) fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Byte offsets of the first and past the last letter or digit in `s`.
pub(super) fn word_bounds(s: &str) -> (usize, usize) {
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
