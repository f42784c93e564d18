//! The markdown view: front matter and code blanked, so that offsets stay
//! the file's.

#[allow(unused_imports)]
use super::*;

/// Blanks bytes with spaces, keeping newlines, so offsets stay those of the file.
pub(super) fn blank(bytes: &mut [u8]) {
    for b in bytes {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// The markdown view: the file with front matter, fenced code, inline code and
/// HTML comments blanked out, so that nothing in them is read as a quotation.
pub(super) fn markdown_view(raw: &str) -> (String, Option<FrontMatter>) {
    let mut bytes = raw.as_bytes().to_vec();
    let front = blank_front_matter(raw, &mut bytes);
    blank_fenced_code(raw, &mut bytes);
    blank_code_spans_and_comments(&mut bytes);
    // Only ASCII bytes were replaced by ASCII spaces over whole characters.
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (text, front)
}

/// Blanks front matter (`---` YAML or `+++` TOML at the very start) and
/// returns it.
fn blank_front_matter(raw: &str, bytes: &mut [u8]) -> Option<FrontMatter> {
    let mut front = None;
    for (fence, toml) in [("---", false), ("+++", true)] {
        if raw.starts_with(fence) && raw[3..].starts_with(['\n', '\r']) {
            let body_start = raw[3..].find('\n').map(|i| i + 4).unwrap_or(raw.len());
            let mut pos = body_start;
            while pos < raw.len() {
                let line_end = raw[pos..]
                    .find('\n')
                    .map(|i| pos + i + 1)
                    .unwrap_or(raw.len());
                let line = raw[pos..line_end].trim_end();
                if line == fence || (!toml && line == "...") {
                    let inner = raw[body_start..pos].to_string();
                    front = Some(if toml {
                        FrontMatter::Toml(inner)
                    } else {
                        FrontMatter::Yaml(inner)
                    });
                    blank(&mut bytes[..line_end]);
                    break;
                }
                pos = line_end;
            }
            break;
        }
    }
    front
}

/// Blanks fenced code blocks (an unclosed fence runs to the end).
fn blank_fenced_code(raw: &str, bytes: &mut [u8]) {
    let mut pos = 0;
    let mut fence_open: Option<(usize, u8, usize)> = None;
    while pos < raw.len() {
        let line_end = raw[pos..]
            .find('\n')
            .map(|i| pos + i + 1)
            .unwrap_or(raw.len());
        let trimmed = raw[pos..line_end].trim_start();
        let indent = line_end - pos - trimmed.len();
        let fence_char = trimmed.as_bytes().first().copied();
        let run = trimmed
            .bytes()
            .take_while(|b| Some(*b) == fence_char)
            .count();
        match fence_open {
            None if indent < 4 && matches!(fence_char, Some(b'`' | b'~')) && run >= 3 => {
                fence_open = Some((pos, fence_char.unwrap_or(b'`'), run));
            }
            Some((start, c, n))
                if fence_char == Some(c) && run >= n && trimmed[run..].trim().is_empty() =>
            {
                blank(&mut bytes[start..line_end]);
                fence_open = None;
            }
            _ => {}
        }
        pos = line_end;
    }
    if let Some((start, _, _)) = fence_open {
        blank(&mut bytes[start..]);
    }
}

/// Blanks inline code spans and HTML comments.
fn blank_code_spans_and_comments(bytes: &mut [u8]) {
    // A search that failed is not repeated where it must fail again: no
    // `-->` after one point means none after any later one, and a run of
    // backticks with no match on its line has none from a later run of the
    // same length on that line. That keeps `<!--` or `` ` `` repeated
    // without a closer linear.
    let mut i = 0;
    let mut comment_unclosed = false;
    let mut line_end = 0;
    let mut unmatched_runs: Vec<usize> = Vec::new();
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let run = bytes[i..].iter().take_while(|b| **b == b'`').count();
            if i >= line_end {
                line_end = memchr::memchr(b'\n', &bytes[i..])
                    .map(|p| i + p)
                    .unwrap_or(bytes.len());
                unmatched_runs.clear();
            }
            let search_end = line_end.max(i + run);
            if !unmatched_runs.contains(&run) {
                let needle = vec![b'`'; run];
                if let Some(off) = memchr::memmem::find(&bytes[i + run..search_end], &needle) {
                    let end = i + run + off + run;
                    blank(&mut bytes[i..end]);
                    i = end;
                    continue;
                }
                unmatched_runs.push(run);
            }
            i += run;
        } else if !comment_unclosed && bytes[i..].starts_with(b"<!--") {
            if let Some(off) = memchr::memmem::find(&bytes[i + 4..], b"-->") {
                let end = i + 4 + off + 3;
                blank(&mut bytes[i..end]);
                i = end;
                continue;
            }
            comment_unclosed = true;
            i += 4;
        } else {
            i += 1;
        }
    }
}
