//! Block quotations (a `<blockquote>`, a `>` block, a colon-introduced
//! paragraph) and their signatures.

#[allow(unused_imports)]
use super::*;

pub(super) fn block_quotation(
    text: &str,
    paras: &[Paragraph],
    a: usize,
    b: usize,
    intro: Option<u32>,
) -> Quotation {
    let start = paras[a]
        .lines
        .first()
        .map(|l| l.0)
        .unwrap_or(paras[a].start);
    let end = paras[b].end;
    let mut segments = segments_for(paras, text, start as usize, end as usize);
    let signature = signature(text, &mut segments);
    Quotation {
        kind: Kind::Block,
        segments,
        para: a as u32,
        last_para: b as u32,
        open: start,
        close: end,
        label: signature,
        ends_sentence: ends_sentence(text, end as usize),
        holds_quotes: false,
        intro_para: intro,
    }
}

/// A block that ends with a signed line (`— Jo Ray (@joray)`, as embedded
/// posts do) names its speaker there: the line leaves the quoted words and
/// the name's span is returned.
pub(super) fn signature(text: &str, segments: &mut Vec<Segment>) -> Option<(u32, u32)> {
    if segments.len() < 2 {
        return None;
    }
    let last = *segments.last()?;
    let (s, e) = signed_name(text, last.start as usize, last.end as usize)?;
    segments.pop();
    Some((s as u32, e as u32))
}

/// `"…" ― Jo Ray` at the end of a paragraph, or on the line right after a
/// quotation that is a paragraph of its own: reader responses, pull quotes
/// and epigraphs are signed with a dash and the speaker's name.
pub(super) fn trailing_signature(
    text: &str,
    paras: &[Paragraph],
    q: &Quotation,
) -> Option<(u32, u32)> {
    let para = paras.get(q.last_para as usize)?;
    let close = q.close as usize;
    let rest_end = para.end as usize;
    if close > rest_end {
        return None;
    }
    let rest = &text[close..rest_end];
    if !rest.trim().is_empty() {
        let lead = rest.len() - rest.trim_start().len();
        return signed_name(text, close + lead, rest_end).map(|(s, e)| (s as u32, e as u32));
    }
    // The signature as the next paragraph, under a quotation that fills
    // its own.
    let first = paras.get(q.para as usize)?;
    let opens = text[first.start as usize..q.open as usize]
        .trim()
        .is_empty();
    let next = paras.get(q.last_para as usize + 1)?;
    if !opens || next.label.is_some() || next.lines.len() != 1 {
        return None;
    }
    let (ls, le) = next.lines[0];
    signed_name(text, ls as usize, le as usize).map(|(s, e)| (s as u32, e as u32))
}

/// The name signed on `text[start..end]` (a dash, then one to five words
/// starting with a capital, then at most a short role or handle after a
/// comma or parenthesis), as a span of `text`.
pub(super) fn signed_name(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let line = &text[start..end];
    let rest = ['\u{2015}', '—', '–']
        .iter()
        .find_map(|d| line.strip_prefix(*d))
        .or_else(|| line.strip_prefix("--"))?;
    let name = rest.trim_start();
    let name_start = end - name.len();
    let name_len = name.find([',', '(', '|']).unwrap_or(name.len());
    let after = &name[name_len..];
    let name = name[..name_len].trim_end().trim_end_matches('.');
    let words = name.split_whitespace().count();
    if !name.starts_with(char::is_uppercase)
        || !(1..=5).contains(&words)
        || after.split_whitespace().count() > 16
        || after.contains(['"', '“', '”'])
    {
        return None;
    }
    Some((name_start, name_start + name.len()))
}

pub(super) fn words_lower(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
}

pub(super) fn last_sentence_has_block_cue(body: &str) -> bool {
    let trimmed = body.trim_end().trim_end_matches(':');
    let start = trimmed.rfind(['.', '!', '?']).map(|i| i + 1).unwrap_or(0);
    words_lower(&trimmed[start..])
        .any(|w| lexicon::cue(&w).is_some_and(|c| c.block || c.forward_only))
        || trimmed[start..].contains(" points out")
        || trimmed[start..].contains(" pointed out")
}

pub(super) fn has_first_person(s: &str) -> bool {
    words_lower(s).any(|w| lexicon::is_first_person(&w))
}
