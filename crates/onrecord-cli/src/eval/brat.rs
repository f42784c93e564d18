//! Reading brat-standoff attribution annotations (the format of PolNeAR and
//! similar corpora) into spans over an article's text.
//!
//! brat offsets count Unicode code points; everything here is converted to
//! UTF-8 byte offsets into the article, the engine's unit.

use std::path::Path;

/// A byte span of an article's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn len(&self) -> u32 {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn overlap(&self, other: &Span) -> u32 {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }
}

/// One annotated attribution: what was said, by whom, through which cue.
/// Each part may be discontinuous (a split quotation is one Content of two
/// pieces).
#[derive(Clone, Debug, Default)]
pub struct GoldAttribution {
    pub content: Vec<Span>,
    pub source: Vec<Span>,
    pub cue: Vec<Span>,
}

/// An article with its annotation.
#[derive(Clone, Debug)]
pub struct Article {
    /// The text file's name, without folder.
    pub name: String,
    /// The annotation file's name, without folder.
    pub ann: String,
    pub text: String,
    pub attributions: Vec<GoldAttribution>,
}

/// Byte offset of each code point offset, one past the end included.
pub struct CharIndex(Vec<u32>);

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        let mut v: Vec<u32> = text.char_indices().map(|(b, _)| b as u32).collect();
        v.push(text.len() as u32);
        CharIndex(v)
    }

    /// The byte offset of code point `c`, clamped to the text.
    pub fn byte(&self, c: usize) -> u32 {
        self.0[c.min(self.0.len() - 1)]
    }
}

/// Parses one `.ann` file. Lines it does not understand are skipped; an
/// attribution whose Content is missing is dropped.
pub fn parse_ann(ann: &str, text: &str) -> Vec<GoldAttribution> {
    let index = CharIndex::new(text);
    let mut spans: Vec<(String, Vec<Span>)> = Vec::new();
    let mut ids: std::collections::HashMap<String, usize> = Default::default();
    let mut events: Vec<Vec<(String, String)>> = Vec::new();
    for line in ann.lines() {
        let mut cols = line.splitn(3, '\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((label, ranges)) = body.split_once(' ') else {
                continue;
            };
            let pieces: Vec<Span> = ranges
                .split(';')
                .filter_map(|r| {
                    let (a, b) = r.trim().split_once(' ')?;
                    let (a, b): (usize, usize) = (a.parse().ok()?, b.parse().ok()?);
                    Some(Span {
                        start: index.byte(a),
                        end: index.byte(b),
                    })
                })
                .collect();
            ids.insert(id.to_string(), spans.len());
            spans.push((label.to_string(), pieces));
        } else if id.starts_with('E') {
            events.push(
                body.split_whitespace()
                    .filter_map(|a| a.split_once(':'))
                    .map(|(r, t)| (r.to_string(), t.to_string()))
                    .collect(),
            );
        }
    }
    let get = |t: &str| ids.get(t).map(|&i| spans[i].1.clone()).unwrap_or_default();
    events
        .into_iter()
        .filter_map(|args| {
            let mut g = GoldAttribution::default();
            for (role, t) in &args {
                match role.as_str() {
                    "Content" => g.content = get(t),
                    "Source" => g.source = get(t),
                    "Cue" => g.cue = get(t),
                    _ => {}
                }
            }
            // Pieces in text order: annotators do not always list them so.
            g.content.sort();
            g.source.sort();
            g.cue.sort();
            (!g.content.is_empty()).then_some(g)
        })
        .collect()
}

/// Reads a split folder: `text/NAME.txt` and `attributions/NAME_XXXX.ann`.
/// Where a text was annotated twice, the first annotation in sorted order
/// is used. Errors name the file.
pub fn read_split(dir: &Path) -> Result<Vec<Article>, String> {
    let ann_dir = dir.join("attributions");
    let text_dir = dir.join("text");
    let mut anns: Vec<String> = std::fs::read_dir(&ann_dir)
        .map_err(|e| format!("{}: {e}", ann_dir.display()))?
        .filter_map(std::result::Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ann"))
        .collect();
    anns.sort();
    let mut out: Vec<Article> = Vec::new();
    for ann in anns {
        let Some((base, _)) = ann.trim_end_matches(".ann").rsplit_once('_') else {
            continue;
        };
        let name = format!("{base}.txt");
        if out.last().is_some_and(|a| a.name == name) {
            continue;
        }
        let text_path = text_dir.join(&name);
        let text = std::fs::read_to_string(&text_path)
            .map_err(|e| format!("{}: {e}", text_path.display()))?;
        let ann_path = ann_dir.join(&ann);
        let ann_text = std::fs::read_to_string(&ann_path)
            .map_err(|e| format!("{}: {e}", ann_path.display()))?;
        let attributions = parse_ann(&ann_text, &text);
        out.push(Article {
            name,
            ann,
            text,
            attributions,
        });
    }
    if out.is_empty() {
        return Err(format!("{}: no annotated articles", dir.display()));
    }
    Ok(out)
}

fn is_open_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '«' | '„')
}

fn is_close_mark(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '»' | '“')
}

/// The words of a direct quotation: for each piece of the Content, the span
/// inside its quote marks. `None` when the Content is not wholly inside
/// quote marks (indirect speech, a partly quoted sentence). Two apostrophes
/// (`''`) count as a double mark, as some outlets print them.
pub fn direct_quote(text: &str, content: &[Span]) -> Option<Vec<Span>> {
    let mut out = Vec::new();
    let n = content.len();
    for (k, piece) in content.iter().enumerate() {
        let mut s = piece.start as usize;
        let mut e = piece.end as usize;
        // Trim white space inside the span.
        while s < e && text[s..].starts_with(char::is_whitespace) {
            s += text[s..].chars().next().map_or(1, char::len_utf8);
        }
        while e > s && text[..e].ends_with(char::is_whitespace) {
            e -= text[..e].chars().next_back().map_or(1, char::len_utf8);
        }
        if s >= e {
            return None;
        }
        // The opening mark: first in the span, or just before it.
        let opens_inside =
            text[s..].starts_with("''") || text[s..e].chars().next().is_some_and(is_open_mark);
        if opens_inside {
            s += if text[s..].starts_with("''") {
                2
            } else {
                text[s..].chars().next().map_or(1, char::len_utf8)
            };
        } else {
            let before = text[..s].trim_end();
            let opens_before = before.ends_with("''")
                || before.chars().next_back().is_some_and(is_open_mark)
                || (before.ends_with('\'') && k > 0);
            if !opens_before {
                // A continuation piece of a split quotation may begin inside
                // the same pair of marks as the piece before.
                if k == 0 {
                    return None;
                }
            }
        }
        // The closing mark: last in the span (after any punctuation), or
        // just after it.
        let trimmed = text[s..e].trim_end_matches([',', '.', '?', '!', ';', ':', ' ', '—']);
        let closes_inside =
            trimmed.ends_with("''") || text[s..e].chars().next_back().is_some_and(is_close_mark);
        if closes_inside {
            let t = text[s..e].trim_end_matches("''");
            let t = t.trim_end_matches(is_close_mark);
            e = s + t.len();
        } else {
            let after = text[e..].trim_start_matches([',', '.', '?', '!', ';', ':', '—', ' ']);
            let closes_after = after.starts_with("''")
                || after.chars().next().is_some_and(is_close_mark)
                || after.starts_with('\'');
            if !closes_after && k + 1 == n {
                return None;
            }
        }
        let words = &text[s..e];
        let words_trim = words.trim_end_matches([',', '.', '?', '!', ';', ':', ' ', '—']);
        e = s + words_trim.len();
        // Marks inside must pair up; a Content of `that X said "Y"` is not
        // wholly quoted.
        let inner_doubles = words.matches(['"', '“', '”']).count() + words.matches("''").count();
        if inner_doubles % 2 == 1 || s >= e {
            return None;
        }
        out.push(Span {
            start: s as u32,
            end: e as u32,
        });
    }
    Some(out)
}

/// Words that stand for a speaker named elsewhere.
pub fn is_pronoun(source: &str) -> bool {
    matches!(
        source.trim().to_lowercase().as_str(),
        "he" | "she"
            | "they"
            | "it"
            | "we"
            | "i"
            | "him"
            | "her"
            | "his"
            | "its"
            | "their"
            | "them"
            | "you"
            | "who"
            | "us"
            | "me"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, needle: &str) -> Span {
        let s = text.find(needle).unwrap() as u32;
        Span {
            start: s,
            end: s + needle.len() as u32,
        }
    }

    #[test]
    fn parses_spans_in_code_points_and_events() {
        let text = "“Ça va,” she said.";
        let ann = "T1\tSource 9 12\tshe\nT2\tCue 13 17\tsaid\nT3\tContent 1 6\tÇa va\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
        let g = parse_ann(ann, text);
        assert_eq!(g.len(), 1);
        assert_eq!(
            &text[g[0].source[0].start as usize..g[0].source[0].end as usize],
            "she"
        );
        assert_eq!(
            &text[g[0].content[0].start as usize..g[0].content[0].end as usize],
            "Ça va"
        );
    }

    #[test]
    fn direct_quotes_need_marks_on_both_sides() {
        let text = "He said \"we will win,\" and she said that we would lose.";
        let q = direct_quote(text, &[span(text, "we will win,")]).unwrap();
        assert_eq!(&text[q[0].start as usize..q[0].end as usize], "we will win");
        assert!(direct_quote(text, &[span(text, "that we would lose")]).is_none());
        let partial = "She said that it was ''a disgrace,'' he recalled.";
        assert!(direct_quote(partial, &[span(partial, "that it was ''a disgrace,''")]).is_none());
        let doubled = "''It is over,'' she said.";
        let q = direct_quote(doubled, &[span(doubled, "''It is over,''")]).unwrap();
        assert_eq!(
            &doubled[q[0].start as usize..q[0].end as usize],
            "It is over"
        );
    }
}
