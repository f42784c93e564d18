//! `onrecord-disable` comments in a draft: which lines they silence.

#[allow(unused_imports)]
use super::*;

/// Lines where the draft turns checks off with HTML comments:
/// `<!-- onrecord-disable-next-line [code…] -->`, and
/// `<!-- onrecord-disable [code…] -->` … `<!-- onrecord-enable -->`.
#[derive(Debug, Default)]
pub(super) struct Disabled {
    /// 1-based first and last line, and the codes (empty: all).
    ranges: Vec<(u32, u32, Vec<Code>)>,
}

impl Disabled {
    /// Lines as the document counts them (its line table: one line model).
    pub(super) fn parse(draft: &Document) -> Disabled {
        let raw = draft.raw();
        let mut ranges = Vec::new();
        let mut open: Option<(u32, Vec<Code>)> = None;
        let mut pos = 0usize;
        while let Some(found) = raw[pos..].find("<!--") {
            let s = pos + found;
            let line = draft.line_of(FileOffset::at(s));
            let Some(len) = raw[s + 4..].find("-->") else {
                break;
            };
            let body = &raw[s + 4..s + 4 + len];
            let end_line = draft.line_of(FileOffset::at(s + 4 + len));
            let mut words = body.split_whitespace();
            let directive = words.next().unwrap_or("");
            let codes: Vec<Code> = words.filter_map(Code::parse).collect();
            match directive {
                "onrecord-disable-next-line" => ranges.push((end_line + 1, end_line + 1, codes)),
                "onrecord-disable-line" => ranges.push((line, end_line, codes)),
                "onrecord-disable" if open.is_none() => open = Some((line, codes)),
                "onrecord-enable" => {
                    if let Some((from, codes)) = open.take() {
                        ranges.push((from, end_line, codes));
                    }
                }
                _ => {}
            }
            pos = s + 4 + len + 3;
        }
        if let Some((from, codes)) = open {
            ranges.push((from, u32::MAX, codes));
        }
        Disabled { ranges }
    }

    pub(super) fn covers(&self, line: u32, code: Code) -> bool {
        self.ranges.iter().any(|(a, b, codes)| {
            *a <= line && line <= *b && (codes.is_empty() || codes.contains(&code))
        })
    }
}
