//! Bytes to a document, with no file system: decoding, size limits, and
//! the view of each format.

#[allow(unused_imports)]
use super::*;

/// Files larger than this are truncated unless the caller sets another limit.
pub const DEFAULT_MAX_BYTES: usize = 20 * 1024 * 1024;

#[derive(Clone, Debug)]
pub struct LoadOptions {
    pub max_bytes: usize,
    /// Gitignore-style patterns left out when walking folders.
    pub exclude: Vec<String>,
    /// Read a file with NUL bytes as text instead of skipping it as binary:
    /// a draft is what the writer's editor holds, and NUL is text there.
    pub nul_is_text: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            exclude: Vec::new(),
            nul_is_text: false,
        }
    }
}

/// The file's text with each byte that is not UTF-8 read as U+001A
/// SUBSTITUTE: one byte for one byte, so that every offset into the text is
/// the same offset in the file (a replacement character would take three).
pub(super) fn decode_substituting(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        s.push_str(chunk.valid());
        for _ in chunk.invalid() {
            s.push('\u{1a}');
        }
    }
    s
}

/// Builds a document from a file's bytes. `sidecar` is the text of
/// `<file>.meta.toml` when there is one.
pub fn parse_document(
    path: &str,
    bytes: &[u8],
    sidecar: Option<&str>,
    opts: &LoadOptions,
) -> (Option<Document>, Vec<Warning>) {
    let mut messages = Vec::new();
    let doc = match Format::from_path(Path::new(path)) {
        None => {
            messages.push("not an article (expected .txt, .md or .html); skipped".to_string());
            None
        }
        Some(format) => decode(bytes, opts, &mut messages)
            .map(|raw| build(path, format, raw, sidecar, &mut messages)),
    };
    let warnings = messages
        .into_iter()
        .map(|message| Warning {
            file: path.to_string(),
            message,
        })
        .collect();
    (doc, warnings)
}

/// The file's text: its bytes up to the size limit, each byte that is not
/// UTF-8 read as U+001A. `None` for a binary file, which is skipped.
fn decode(bytes: &[u8], opts: &LoadOptions, messages: &mut Vec<String>) -> Option<String> {
    let sniff = &bytes[..bytes.len().min(64 * 1024)];
    if !opts.nul_is_text && memchr::memchr(0, sniff).is_some() {
        messages.push("binary file (contains NUL bytes); skipped".into());
        return None;
    }
    let mut bytes = bytes;
    let truncated = bytes.len() > opts.max_bytes;
    if truncated {
        messages.push(format!(
            "file is over the {} byte limit; only the first {} bytes were read",
            opts.max_bytes, opts.max_bytes
        ));
        bytes = &bytes[..opts.max_bytes];
    }
    Some(match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) if e.error_len().is_none() && truncated => {
            // The size limit cut a character: drop the partial one (the
            // warning above names the limit).
            decode_substituting(&bytes[..e.valid_up_to()])
        }
        Err(e) => {
            messages.push(format!(
                "not valid UTF-8 (first bad byte at offset {}); each bad byte is read as U+001A",
                e.valid_up_to()
            ));
            decode_substituting(bytes)
        }
    })
}

/// The document of a file's text: its view in its format, and what it
/// says of itself (front matter, HTML meta, the sidecar, credits).
fn build(
    path: &str,
    format: Format,
    raw: String,
    sidecar: Option<&str>,
    messages: &mut Vec<String>,
) -> Document {
    // A byte-order mark stays in the file's text, so that offsets are the
    // file's; the engine reads it as three spaces.
    let bom = raw.starts_with('\u{feff}');
    let body = if bom { &raw[3..] } else { raw.as_str() };

    let mut meta = Meta::default();
    let (text, map, marked) = match format {
        Format::Text => (raw.clone(), None, Vec::new()),
        Format::Markdown => {
            let (text, front) = markdown_view(body);
            if let Some(front) = front {
                match parse_front_matter(&front) {
                    Ok(m) => meta.merge(m),
                    Err(e) => messages.push(format!("front matter ignored: {e}")),
                }
            }
            (text, None, Vec::new())
        }
        Format::Html => {
            let v = html::view(&raw);
            meta.merge(v.meta);
            (v.text, Some(v.map), v.marked)
        }
    };
    let mut text = match format {
        Format::Text | Format::Markdown if bom => {
            format!("   {}", &text[text.len() - body.len()..])
        }
        _ => text,
    };
    if let Some(s) = sidecar {
        match parse_toml_meta(s) {
            Ok(m) => meta.merge_over(m),
            Err(e) => messages.push(format!("{path}.meta.toml ignored: {e}")),
        }
    }
    find_credits(&text, format, &mut meta);
    // A corpus article is kept for the life of the server: no spare room.
    text.shrink_to_fit();
    Document {
        path: path.to_string(),
        format,
        line_starts: line_starts(&raw),
        raw: (raw != text).then_some(raw),
        text,
        map,
        meta,
        marked,
    }
}
