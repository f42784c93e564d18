//! Paragraphs and lines of an article's view, and the transcript labels
//! (`KELLY:`) that start a speaker's turn.

#[allow(unused_imports)]
use super::*;

pub(super) fn is_blank(line: &str) -> bool {
    line.bytes().all(|b| b.is_ascii_whitespace())
}

/// Splits the view into paragraphs: blank lines separate them, and so does a
/// speaker label or a change into or out of a `>` block. A run of long lines
/// (no hard wrapping) is one paragraph per line.
pub fn paragraphs(text: &str, labels: &LabelRules) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut group: Vec<(usize, usize)> = Vec::new();
    let mut group_block = false;
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        let nl = memchr::memchr(b'\n', &bytes[pos..]).map(|i| pos + i);
        let line_end = nl.unwrap_or(bytes.len());
        let mut content_end = line_end;
        if content_end > pos && bytes[content_end - 1] == b'\r' {
            content_end -= 1;
        }
        let line = &text[pos..content_end];
        // A `>` line with nothing else separates the paragraphs of a block.
        let blank_in_block = line.trim_start().starts_with('>')
            && is_blank(line.trim_start().trim_start_matches('>'));
        if is_blank(line) || (blank_in_block && group_block) {
            flush(text, labels, &mut group, group_block, &mut out);
        } else {
            let block = line.trim_start().starts_with('>');
            let starts_turn = labels.label_at(text, pos, content_end).is_some();
            if !group.is_empty() && (block != group_block || starts_turn) {
                flush(text, labels, &mut group, group_block, &mut out);
            }
            if group.is_empty() {
                group_block = block;
            }
            group.push((pos, content_end));
        }
        pos = line_end + 1;
    }
    flush(text, labels, &mut group, group_block, &mut out);
    out
}

/// Ends a group of lines: one paragraph, or one per line when a line is
/// long (a run of long lines is paragraphs without blank lines between).
fn flush(
    text: &str,
    labels: &LabelRules,
    group: &mut Vec<(usize, usize)>,
    block: bool,
    out: &mut Vec<Paragraph>,
) {
    if group.is_empty() {
        return;
    }
    let long = group.iter().any(|(s, e)| e - s > 160);
    let parts: Vec<Vec<(usize, usize)>> = if long {
        group.iter().map(|l| vec![*l]).collect()
    } else {
        vec![group.clone()]
    };
    for lines in parts {
        let mut p = Paragraph {
            start: lines[0].0 as u32,
            end: lines[lines.len() - 1].1 as u32,
            lines: Vec::with_capacity(lines.len()),
            md_block: block,
            label: None,
        };
        for (i, (s, e)) in lines.iter().enumerate() {
            let mut cs = *s;
            if block {
                let l = &text[*s..*e];
                let lead = l.len() - l.trim_start().len();
                cs = s + lead;
                while text.as_bytes().get(cs) == Some(&b'>') {
                    cs += 1;
                    if text.as_bytes().get(cs) == Some(&b' ') {
                        cs += 1;
                    }
                }
            }
            if i == 0 {
                if let Some((ls, le, content)) = labels.label_at(text, cs, *e) {
                    p.label = Some((ls as u32, le as u32));
                    cs = content;
                }
            }
            let line = &text[cs..*e];
            let ce = cs + line.trim_end().len();
            let cs = cs + (line.len() - line.trim_start().len()).min(ce - cs);
            p.lines.push((cs as u32, ce.max(cs) as u32));
        }
        out.push(p);
    }
    group.clear();
}

/// Which speaker labels open transcript turns in this document.
#[derive(Default)]
pub struct LabelRules {
    /// Title-case labels (`Kelly:`) that recur often enough in the document
    /// to be a transcript's, not a sentence's.
    pub(super) title_case: rustc_hash::FxHashSet<String>,
    /// The document has a run of labelled turns, so all-capitals labels are
    /// speakers: two voices or more over three turns, or a questioner's
    /// label. A lone `EDITOR'S NOTE:` or `WATCH BELOW:` is not a turn.
    pub(super) caps_turns: bool,
}

/// A label candidate at the start of a line: `(label start, label end
/// without the colon, content start)`, and whether it is all capitals.
pub(super) fn label_candidate(
    text: &str,
    start: usize,
    end: usize,
) -> Option<(usize, usize, usize, bool)> {
    let line = &text[start..end];
    // `> MR. KELLY: …`: a transcript quoted in a block keeps its turns.
    let unquoted = line.trim_start().trim_start_matches(['>', ' ']);
    let lead = line.len() - unquoted.len();
    let s = start + lead;
    let rest = &text[s..end];
    let colon = rest.find(':')?;
    if colon == 0 || colon > 40 {
        return None;
    }
    let label = &rest[..colon];
    let after = &rest[colon + 1..];
    if !after.starts_with([' ', '\t']) || after.trim().is_empty() {
        return None;
    }
    let words: Vec<&str> = label.split(' ').collect();
    if words.len() > 4 || words.iter().any(|w| w.is_empty()) {
        return None;
    }
    let mut letters = 0;
    let mut all_caps = true;
    for w in &words {
        let mut chars = w.chars();
        let first = chars.next()?;
        if !first.is_uppercase() {
            return None;
        }
        for c in w.chars() {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_lowercase() {
                    all_caps = false;
                }
            } else if !matches!(c, '.' | '\'' | '’' | '-') {
                return None;
            }
        }
    }
    if letters == 0 {
        return None;
    }
    let lower = label.to_lowercase();
    if lexicon::is_not_label(lower.trim_end_matches('.')) {
        return None;
    }
    let content = s + colon + 1 + (after.len() - after.trim_start().len());
    Some((s, s + colon, content, all_caps))
}

impl LabelRules {
    pub fn for_text(text: &str) -> LabelRules {
        let mut counts: FxHashMap<String, usize> = FxHashMap::default();
        let mut pos = 0;
        let bytes = text.as_bytes();
        let mut caps_labels = 0;
        let mut caps_distinct: Vec<String> = Vec::new();
        let mut questioner = false;
        while pos < bytes.len() {
            let end = memchr::memchr(b'\n', &bytes[pos..])
                .map(|i| pos + i)
                .unwrap_or(bytes.len());
            if let Some((s, e, _, caps)) = label_candidate(text, pos, end) {
                if caps {
                    caps_labels += 1;
                    let label = text[s..e].to_lowercase();
                    questioner |= label
                        .split_whitespace()
                        .any(|w| lexicon::is_questioner_label(w.trim_end_matches('.')));
                    if caps_distinct.len() < 3 && !caps_distinct.contains(&label) {
                        caps_distinct.push(label);
                    }
                } else {
                    *counts.entry(text[s..e].to_string()).or_default() += 1;
                }
            }
            pos = end + 1;
        }
        let repeated: Vec<String> = counts
            .iter()
            .filter(|(_, n)| **n >= 2)
            .map(|(k, _)| k.clone())
            .collect();
        // A dialogue has at least two voices that each speak more than once,
        // or title-case labels mixed with capital ones.
        let title_case: rustc_hash::FxHashSet<String> =
            if repeated.len() >= 2 || (!repeated.is_empty() && caps_labels > 0) {
                repeated.into_iter().collect()
            } else {
                Default::default()
            };
        let caps_turns = (caps_labels >= 3 && caps_distinct.len() >= 2)
            || (questioner && caps_labels >= 2)
            || (!title_case.is_empty() && caps_labels > 0);
        LabelRules {
            title_case,
            caps_turns,
        }
    }

    /// The label at the start of this line, if it opens a transcript turn.
    pub fn label_at(&self, text: &str, start: usize, end: usize) -> Option<(usize, usize, usize)> {
        let (s, e, c, caps) = label_candidate(text, start, end)?;
        let label = &text[s..e];
        if caps {
            // Outside a run of turns, only a titled name (`MR. OKAFOR:`)
            // is a speaker's label.
            let titled = label
                .split_whitespace()
                .next()
                .is_some_and(|w| lexicon::is_title_word(&w.to_lowercase()));
            if !self.caps_turns && !titled {
                return None;
            }
            // One capital letter alone is only a label as Q or A.
            let letters = label.chars().filter(|c| c.is_alphabetic()).count();
            if letters == 1 && !matches!(label, "Q" | "A") {
                return None;
            }
            return Some((s, e, c));
        }
        self.title_case.contains(label).then_some((s, e, c))
    }
}
