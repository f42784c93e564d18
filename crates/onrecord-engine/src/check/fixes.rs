//! Quick fixes as edits of the draft's bytes: attribute a quotation, and
//! disable a finding with a comment.

#[allow(unused_imports)]
use super::*;

/// An edit that adds `, Name said.` after a quotation, when the sentence
/// allows it: the quotation ends the sentence, or ends its line.
pub(super) fn attribution_fix(draft: &Document, qc: &QuoteCheck, who: &str) -> Option<Fix> {
    if qc.kind == Kind::Block {
        return None;
    }
    let raw = &draft.raw();
    let close = qc.close.as_usize();
    let open = qc.open.as_usize();
    let before_close = raw.get(open..close)?;
    let mark = before_close.chars().next_back()?;
    let mark_at = close - mark.len_utf8();
    let inner_last = raw[..mark_at].chars().next_back()?;
    let after = raw.get(close..).unwrap_or("");
    let rest = after.trim_start_matches([' ', '\t']);
    let ends_line = rest.is_empty() || rest.starts_with(['\n', '\r']);
    // After `,"` or `?"` the sentence may go on (`"…," read the sign.`).
    let sentence_ends = match inner_last {
        ',' => ends_line,
        '?' | '!' => ends_line || rest.starts_with(char::is_uppercase),
        _ => true,
    };
    if !sentence_ends {
        return None;
    }
    let title = format!("Attribute to {who}");
    let edit = if inner_last == '.' || inner_last == ',' {
        // "… situation." → "… situation," Name said.
        let dot = mark_at - 1;
        let tail = if after.starts_with(|c: char| c.is_whitespace()) || after.is_empty() {
            "."
        } else {
            ""
        };
        Edit {
            start: FileOffset::at(dot),
            end: FileOffset::at(close),
            replacement: format!(",{mark} {who} said{tail}"),
        }
    } else if inner_last == '?' || inner_last == '!' {
        Edit {
            start: FileOffset::at(close),
            end: FileOffset::at(close),
            replacement: format!(" {who} said."),
        }
    } else if let Some(rest) = after.strip_prefix('.') {
        let _ = rest;
        Edit {
            start: FileOffset::at(close),
            end: FileOffset::at(close + 1),
            replacement: format!(", {who} said."),
        }
    } else if after
        .trim_start_matches([' ', '\t'])
        .starts_with(['\n', '\r'])
        || after.trim().is_empty()
    {
        Edit {
            start: FileOffset::at(close),
            end: FileOffset::at(close),
            replacement: format!(", {who} said."),
        }
    } else {
        return None;
    };
    Some(Fix::repair(title, edit))
}

/// An edit that puts `<!-- onrecord-disable-next-line CODE -->` on its own
/// line above the line of `at`, with the same indentation. When the line
/// above already ends with such a comment for other codes, the code is
/// added to it instead: a line put between them would end its effect.
pub(super) fn disable_fix(draft: &Document, at: FileOffset, code: Code) -> Fix {
    let line = draft.line_of(at);
    let start = draft.line_start(line);
    let title = format!("Disable {code} for this line");
    if line > 1 {
        let above_start = draft.line_start(line - 1).as_usize();
        let above = draft.raw()[above_start..start.as_usize()].trim_end();
        let comment = above.rfind("<!--").map(|s| &above[s + 4..]);
        if let Some(body) = comment.and_then(|c| c.strip_suffix("-->")) {
            let mut words = body.split_whitespace();
            if words.next() == Some("onrecord-disable-next-line")
                && words.next().is_some()
                && !body.contains("-->")
            {
                let at = above_start + above.len() - 3 - (body.len() - body.trim_end().len());
                return Fix {
                    kind: FixKind::Disable,
                    title,
                    edit: Edit {
                        start: FileOffset::at(at),
                        end: FileOffset::at(at),
                        replacement: format!(" {code}"),
                    },
                };
            }
        }
    }
    let indent: String = draft.raw()[start.as_usize()..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let line_end = draft.line_start(line + 1).as_usize();
    // The line's own break, so the comment sits on a line of its own in
    // the one line model (`\n`, `\r\n` or a lone `\r`).
    let before_next = &draft.raw()[..line_end];
    let eol = if before_next.ends_with("\r\n") {
        "\r\n"
    } else if before_next.ends_with('\r') {
        "\r"
    } else {
        "\n"
    };
    Fix {
        kind: FixKind::Disable,
        title,
        edit: Edit {
            start,
            end: start,
            replacement: format!("{indent}<!-- onrecord-disable-next-line {code} -->{eol}"),
        },
    }
}
