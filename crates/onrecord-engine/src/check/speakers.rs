//! Whether the draft's speaker is one the sources give, and how to name a
//! corpus speaker in the draft's prose.

#[allow(unused_imports)]
use super::*;

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
pub(super) fn names_agree(x: &str, y: &str) -> bool {
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
pub fn distinct_speakers(corpus: &Corpus, said_by: &[SpeakerId]) -> Vec<SpeakerId> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for &s in said_by {
        let sp = corpus.analysis.speaker(s);
        let key = plain_name(sp);
        if !seen.contains(&key) {
            seen.push(key);
            out.push(s);
        }
    }
    out
}

pub(super) fn speaker_names(corpus: &Corpus, said_by: &[SpeakerId]) -> String {
    let names: Vec<String> = distinct_speakers(corpus, said_by)
        .into_iter()
        .map(|s| speaker_phrase(corpus.analysis.speaker(s)))
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}

/// The source wording at a place, on one line.
pub fn wording(corpus: &Corpus, s: &SourcePlace) -> String {
    let raw = corpus.analysis.doc(s.doc).raw();
    let text = raw.get(s.start.as_usize()..s.end.as_usize()).unwrap_or("");
    text.split_whitespace()
        .filter(|w| *w != ">")
        .collect::<Vec<_>>()
        .join(" ")
}

/// The speakers the sources name with confidence, one place each, told
/// apart as a reader would: those named at the cue of the quoted sentence
/// (or by a transcript label or a signature), and those two or more
/// articles give through a pronoun or an earlier sentence.
pub(super) fn sure_speakers(corpus: &Corpus, qc: &QuoteCheck) -> Vec<(SpeakerId, SourcePlace)> {
    let a = &corpus.analysis;
    let confidence_at = |p: &SourcePlace| {
        p.quote
            .and_then(|q| a.quote(q).speaker.as_ref().map(|sp| sp.confidence))
    };
    let mut out: Vec<(SpeakerId, SourcePlace)> = Vec::new();
    // In the order of `said_by`: primary sources and the most reports first.
    for &s in &qc.said_by {
        let places: Vec<&SourcePlace> =
            qc.sources.iter().filter(|p| p.speaker == Some(s)).collect();
        let certain = places
            .iter()
            .find(|p| confidence_at(p) == Some(Confidence::Certain));
        let mut articles: Vec<DocId> = places.iter().map(|p| p.doc).collect();
        articles.sort_unstable();
        articles.dedup();
        let this = a.speaker(s);
        let place = match certain {
            Some(p) => *p,
            None if articles.len() >= 2 && !this.anonymous => places[0],
            None => continue,
        };
        let seen = out.iter().any(|(o, _)| {
            let other = a.speaker(*o);
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
pub(super) fn plain_name(sp: &engine::SpeakerEntity) -> String {
    sp.name.to_lowercase().replace("unnamed ", "")
}

/// Two corpus speakers are the same person when one's name is the other's
/// surname (`Kelly`, `Ian Kelly`) or the names are equal.
pub(super) fn same_person(a: &engine::SpeakerEntity, b: &engine::SpeakerEntity) -> bool {
    if a.anonymous || b.anonymous {
        return false;
    }
    let (x, y) = (a.name.to_lowercase(), b.name.to_lowercase());
    x == y || names_agree(&x, &y)
}

/// A person the sources name, not a description (`a State Department
/// official`), an organisation or a document: only such a speaker can
/// contradict the name a draft gives.
pub(super) fn is_identified_person(sp: &engine::SpeakerEntity) -> bool {
    !sp.anonymous && sp.kind != EntityKind::Organization
}
