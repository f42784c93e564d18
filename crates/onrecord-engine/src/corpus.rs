//! Source articles: reading them from disk, and turning each into the text
//! the engine reads (its *view*) with the metadata it carries.
//!
//! [`parse_document`] is pure: it takes bytes and returns a document and its
//! warnings. [`load`] is the only function here that touches the file system.
//! Offsets in the view are UTF-8 bytes; for plain text and markdown the view
//! has the same bytes as the file (front matter and code are blanked, not
//! removed), for HTML a map turns view offsets back into file offsets.

use crate::html;
use std::path::{Path, PathBuf};

/// Files larger than this are truncated unless the caller sets another limit.
pub const DEFAULT_MAX_BYTES: usize = 20 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// The format a file name implies, or `None` for files that are not articles.
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".meta.toml") {
            return None;
        }
        let ext = name.rsplit_once('.')?.1;
        match ext {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }
}

/// What an article says about itself.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Meta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    /// The news agency of a wire credit (`WASHINGTON (AFP) —`).
    pub wire: Option<String>,
    /// The place of a wire credit.
    pub dateline: Option<String>,
    /// Speakers a user pinned in the sidecar, where the engine got them
    /// wrong: `[[speaker]] quote = "…" name = "…"`.
    #[serde(skip)]
    pub pins: Vec<SpeakerPin>,
}

/// A user's correction: the quotation whose words contain `quote` was said
/// by `name`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerPin {
    pub quote: String,
    pub name: String,
}

/// A stretch of the view that markup marks as a quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkedRegion {
    pub start: u32,
    pub end: u32,
    /// `true` for `<blockquote>`, `false` for `<q>`.
    pub block: bool,
}

/// A problem with one input file. The file is skipped or read in part; the
/// rest of the corpus is unaffected.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    pub file: String,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

#[derive(Clone, Debug)]
pub struct Document {
    /// The path as the user named it, with `/` separators.
    pub path: String,
    pub format: Format,
    /// The file's text as read (lossily decoded when it was not UTF-8),
    /// when it differs from `text`: plain text is kept once.
    raw: Option<String>,
    /// The text the engine reads.
    pub text: String,
    /// For HTML: for each view byte, the file offset of the character it
    /// belongs to, and one past that character's end in the file.
    pub map: Option<ViewMap>,
    pub meta: Meta,
    pub marked: Vec<MarkedRegion>,
    line_starts: Vec<u32>,
}

/// For HTML: where each view byte came from in the file. Stored as runs in
/// which both offsets stay put (the bytes of one character) or advance by
/// one per byte (text copied from the file), so that a page costs a few
/// words per tag, entity or non-ASCII character instead of eight bytes per
/// byte of text.
#[derive(Clone, Debug, Default)]
pub struct ViewMap {
    /// First view byte of each run.
    views: Vec<u32>,
    /// File offsets (start of the character, one past its end) at a run's
    /// first byte.
    starts: Vec<u32>,
    ends: Vec<u32>,
    /// Whether the offsets advance with the view inside the run.
    steps: Vec<bool>,
    len: u32,
}

impl ViewMap {
    /// The map of view bytes whose file offsets are `starts[i]..ends[i]`.
    pub fn from_offsets(starts: &[u32], ends: &[u32]) -> ViewMap {
        let mut m = ViewMap {
            len: starts.len() as u32,
            ..ViewMap::default()
        };
        let mut i = 0;
        while i < starts.len() {
            let (s, e) = (starts[i], ends[i]);
            let step = i + 1 < starts.len()
                && starts[i + 1] == s.wrapping_add(1)
                && ends[i + 1] == e.wrapping_add(1);
            let mut j = i + 1;
            while j < starts.len() {
                let k = (j - i) as u32 * step as u32;
                if starts[j] != s + k || ends[j] != e + k {
                    break;
                }
                j += 1;
            }
            m.views.push(i as u32);
            m.starts.push(s);
            m.ends.push(e);
            m.steps.push(step);
            i = j;
        }
        m.views.shrink_to_fit();
        m.starts.shrink_to_fit();
        m.ends.shrink_to_fit();
        m.steps.shrink_to_fit();
        m
    }

    /// The file offsets of the character that view byte `v` belongs to.
    pub fn get(&self, v: u32) -> Option<(u32, u32)> {
        if v >= self.len {
            return None;
        }
        let r = self.views.partition_point(|&x| x <= v) - 1;
        let k = if self.steps[r] { v - self.views[r] } else { 0 };
        Some((self.starts[r] + k, self.ends[r] + k))
    }
}

impl Document {
    /// The file's text as read (lossily decoded when it was not UTF-8).
    pub fn raw(&self) -> &str {
        self.raw.as_deref().unwrap_or(&self.text)
    }

    /// The file offset of a view offset that starts something.
    pub fn raw_start(&self, view: u32) -> u32 {
        match &self.map {
            None => view,
            Some(m) => m.get(view).map_or(self.raw().len() as u32, |(s, _)| s),
        }
    }

    /// The file offset of a view offset that ends something (exclusive).
    pub fn raw_end(&self, view: u32) -> u32 {
        match &self.map {
            None => view,
            Some(m) => {
                if view == 0 {
                    return m.get(0).map_or(0, |(s, _)| s);
                }
                m.get(view - 1).map_or(self.raw().len() as u32, |(_, e)| e)
            }
        }
    }

    /// 1-based line of a file offset.
    pub fn line_of(&self, raw: u32) -> u32 {
        self.line_starts.partition_point(|&s| s <= raw) as u32
    }

    /// 1-based line and 1-based column in characters of a file offset.
    pub fn line_col(&self, raw: u32) -> (u32, u32) {
        let line = self.line_of(raw);
        let start = self.line_starts[line as usize - 1];
        (line, count_chars(self.raw(), start, raw) + 1)
    }

    /// Like [`Document::line_col`], continuing from an earlier answer on the
    /// same line so that many offsets on one long line cost one pass.
    pub fn line_col_from(&self, raw: u32, cursor: &mut ColumnCursor) -> (u32, u32) {
        let line = self.line_of(raw);
        if cursor.line != line || cursor.offset > raw {
            cursor.line = line;
            cursor.offset = self.line_starts[line as usize - 1];
            cursor.col = 0;
        }
        cursor.col += count_chars(self.raw(), cursor.offset, raw);
        cursor.offset = raw;
        (line, cursor.col + 1)
    }

    /// File offset where a 1-based line starts (the end of the file past
    /// the last line).
    /// How many lines the file has, as the protocol counts them (a text
    /// that ends with a line break has an empty last line).
    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }

    pub fn line_start(&self, line: u32) -> u32 {
        let i = (line.max(1) - 1) as usize;
        self.line_starts
            .get(i)
            .copied()
            .unwrap_or(self.raw().len() as u32)
    }

    /// The title to show for this article.
    pub fn title(&self) -> &str {
        self.meta.title.as_deref().unwrap_or(&self.path)
    }
}

/// Where [`Document::line_col_from`] left off.
#[derive(Clone, Copy, Debug, Default)]
pub struct ColumnCursor {
    line: u32,
    offset: u32,
    col: u32,
}

/// Characters in `raw[start..end]`, counting UTF-8 lead bytes.
fn count_chars(raw: &str, start: u32, end: u32) -> u32 {
    let b = raw.as_bytes();
    let (s, e) = (start as usize, (end as usize).min(b.len()));
    b.get(s..e)
        .map(|x| x.iter().filter(|&&c| (c & 0xC0) != 0x80).count() as u32)
        .unwrap_or(0)
}

/// Where each line starts, by the protocol's line breaks and no others:
/// `\n`, `\r\n` and a lone `\r` (not U+2028, U+0085 or a form feed, which
/// editors and the protocol leave inside a line).
fn line_starts(raw: &str) -> Vec<u32> {
    let b = raw.as_bytes();
    let mut v = vec![0u32];
    v.extend(memchr::memchr2_iter(b'\n', b'\r', b).filter_map(|i| {
        let crlf = b[i] == b'\r' && b.get(i + 1) == Some(&b'\n');
        (!crlf).then_some(i as u32 + 1)
    }));
    v.shrink_to_fit();
    v
}

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
fn decode_substituting(bytes: &[u8]) -> String {
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
    let mut warnings = Vec::new();
    let warn = |warnings: &mut Vec<Warning>, message: String| {
        warnings.push(Warning {
            file: path.to_string(),
            message,
        });
    };
    let Some(format) = Format::from_path(Path::new(path)) else {
        warn(
            &mut warnings,
            "not an article (expected .txt, .md or .html); skipped".into(),
        );
        return (None, warnings);
    };
    let sniff = &bytes[..bytes.len().min(64 * 1024)];
    if !opts.nul_is_text && memchr::memchr(0, sniff).is_some() {
        warn(
            &mut warnings,
            "binary file (contains NUL bytes); skipped".into(),
        );
        return (None, warnings);
    }
    let mut bytes = bytes;
    let truncated = bytes.len() > opts.max_bytes;
    if truncated {
        warn(
            &mut warnings,
            format!(
                "file is over the {} byte limit; only the first {} bytes were read",
                opts.max_bytes, opts.max_bytes
            ),
        );
        bytes = &bytes[..opts.max_bytes];
    }
    let raw = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) if e.error_len().is_none() && truncated => {
            // The size limit cut a character: drop the partial one (the
            // warning above names the limit).
            decode_substituting(&bytes[..e.valid_up_to()])
        }
        Err(e) => {
            warn(
                &mut warnings,
                format!(
                    "not valid UTF-8 (first bad byte at offset {}); each bad byte is read as U+001A",
                    e.valid_up_to()
                ),
            );
            decode_substituting(bytes)
        }
    };
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
                    Err(e) => warn(&mut warnings, format!("front matter ignored: {e}")),
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
    let text = match format {
        Format::Text | Format::Markdown if bom => {
            format!("   {}", &text[text.len() - body.len()..])
        }
        _ => text,
    };
    if let Some(s) = sidecar {
        match parse_toml_meta(s) {
            Ok(m) => meta.merge_over(m),
            Err(e) => warn(&mut warnings, format!("{path}.meta.toml ignored: {e}")),
        }
    }
    find_credits(&text, format, &mut meta);
    // A corpus article is kept for the life of the server: no spare room.
    let mut text = text;
    text.shrink_to_fit();
    let doc = Document {
        path: path.to_string(),
        format,
        line_starts: line_starts(&raw),
        raw: (raw != text).then_some(raw),
        text,
        map,
        meta,
        marked,
    };
    (Some(doc), warnings)
}

impl Meta {
    /// Fills the fields this one lacks.
    fn merge(&mut self, other: Meta) {
        macro_rules! fill {
            ($($f:ident),*) => { $( if self.$f.is_none() { self.$f = other.$f; } )* };
        }
        fill!(title, outlet, author, date, url, wire, dateline);
    }

    /// Takes every field the other one has.
    fn merge_over(&mut self, other: Meta) {
        macro_rules! take {
            ($($f:ident),*) => { $( if other.$f.is_some() { self.$f = other.$f; } )* };
        }
        take!(title, outlet, author, date, url, wire, dateline);
        if !other.pins.is_empty() {
            self.pins = other.pins;
        }
    }
}

fn meta_from_pairs(pairs: impl Iterator<Item = (String, String)>) -> Meta {
    let mut m = Meta::default();
    for (k, v) in pairs {
        let v = Some(v.trim().to_string()).filter(|v| !v.is_empty());
        match k.to_ascii_lowercase().as_str() {
            "title" => m.title = v,
            "outlet" | "publication" | "publisher" | "site" | "source" => m.outlet = v,
            "author" | "byline" | "by" => m.author = v,
            "date" | "published" => m.date = v,
            "url" | "link" | "canonical" => m.url = v,
            _ => {}
        }
    }
    m
}

fn toml_pairs(table: &toml::Table) -> Vec<(String, String)> {
    table
        .iter()
        .filter_map(|(k, v)| {
            let s = match v {
                toml::Value::String(s) => s.clone(),
                toml::Value::Datetime(d) => d.to_string(),
                toml::Value::Integer(i) => i.to_string(),
                toml::Value::Array(a) => a
                    .iter()
                    .filter_map(|x| x.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => return None,
            };
            Some((k.clone(), s))
        })
        .collect()
}

/// Reads a `<file>.meta.toml` sidecar.
pub fn parse_toml_meta(s: &str) -> Result<Meta, String> {
    let table: toml::Table = s
        .parse()
        .map_err(|e: toml::de::Error| one_line(&e.to_string()))?;
    let mut meta = meta_from_pairs(toml_pairs(&table).into_iter());
    if let Some(pins) = table.get("speaker") {
        let toml::Value::Array(pins) = pins else {
            return Err("`speaker` must be an array of tables: [[speaker]]".into());
        };
        for (i, pin) in pins.iter().enumerate() {
            let field = |k: &str| pin.get(k).and_then(toml::Value::as_str).map(str::trim);
            match (field("quote"), field("name")) {
                (Some(q), Some(n)) if !q.is_empty() && !n.is_empty() => {
                    meta.pins.push(SpeakerPin {
                        quote: q.to_string(),
                        name: n.to_string(),
                    });
                }
                _ => {
                    return Err(format!(
                        "[[speaker]] number {} needs `quote` (words of the quotation) and `name`",
                        i + 1
                    ))
                }
            }
        }
    }
    Ok(meta)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

enum FrontMatter {
    Yaml(String),
    Toml(String),
}

fn parse_front_matter(front: &FrontMatter) -> Result<Meta, String> {
    match front {
        FrontMatter::Toml(s) => parse_toml_meta(s),
        FrontMatter::Yaml(s) => {
            let docs =
                yaml_rust2::YamlLoader::load_from_str(s).map_err(|e| one_line(&e.to_string()))?;
            let Some(yaml_rust2::Yaml::Hash(h)) = docs.into_iter().next() else {
                return Ok(Meta::default());
            };
            let pairs = h.into_iter().filter_map(|(k, v)| {
                let k = k.as_str()?.to_string();
                let v = match v {
                    yaml_rust2::Yaml::String(s) | yaml_rust2::Yaml::Real(s) => s,
                    yaml_rust2::Yaml::Integer(i) => i.to_string(),
                    yaml_rust2::Yaml::Array(a) => a
                        .iter()
                        .filter_map(|x| x.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    _ => return None,
                };
                Some((k, v))
            });
            Ok(meta_from_pairs(pairs))
        }
    }
}

/// Blanks bytes with spaces, keeping newlines, so offsets stay those of the file.
fn blank(bytes: &mut [u8]) {
    for b in bytes {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// The markdown view: the file with front matter, fenced code, inline code and
/// HTML comments blanked out, so that nothing in them is read as a quotation.
fn markdown_view(raw: &str) -> (String, Option<FrontMatter>) {
    let mut bytes = raw.as_bytes().to_vec();
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
    // Fenced code blocks.
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
    // Inline code spans and HTML comments. A search that failed is not
    // repeated where it must fail again: no `-->` after one point means none
    // after any later one, and a run of backticks with no match on its line
    // has none from a later run of the same length on that line. That keeps
    // `<!--` or `` ` `` repeated without a closer linear.
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
    // Only ASCII bytes were replaced by ASCII spaces over whole characters.
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (text, front)
}

/// Finds the title, byline and wire credit in the article's opening lines.
fn find_credits(text: &str, format: Format, meta: &mut Meta) {
    use std::sync::OnceLock;
    static BYLINE: OnceLock<regex::Regex> = OnceLock::new();
    static CREDIT: OnceLock<regex::Regex> = OnceLock::new();
    let byline = BYLINE.get_or_init(|| {
        regex::Regex::new(
            r"^(?:[Bb][Yy]|Written by|Words by)[:\s]+((?:\p{Lu}[\p{L}.'’-]*\s?){1,4})\s*$",
        )
        .expect("byline pattern")
    });
    let credit = CREDIT.get_or_init(|| {
        regex::Regex::new(r"(\p{Lu}{2,}(?:[ ,]+\p{Lu}{2,})*)\s*\(([\p{L}.]{2,20})\)\s*[—–-]")
            .expect("wire credit pattern")
    });
    let head_len = text
        .char_indices()
        .nth(6000)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let head = &text[..head_len];
    let mut first_line = None;
    let mut heading = None;
    for line in head.lines().take(60) {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if first_line.is_none() {
            first_line = Some(t.to_string());
        }
        if format == Format::Markdown && heading.is_none() {
            if let Some(h) = t.strip_prefix("# ") {
                heading = Some(h.trim().to_string());
            }
        }
        if meta.author.is_none() && t.len() < 80 {
            if let Some(c) = byline.captures(t) {
                meta.author = Some(c[1].trim().to_string());
            }
        }
        if meta.wire.is_none() {
            if let Some(c) = credit.captures(t) {
                meta.dateline = Some(c[1].trim().to_string());
                meta.wire = Some(c[2].to_string());
            }
        }
    }
    if meta.title.is_none() {
        meta.title = heading.or(first_line);
    }
}

/// Reads every article under the given paths. Folders are walked with the
/// rules of `.gitignore`; files named directly are read whatever their name.
pub fn load(paths: &[PathBuf], opts: &LoadOptions) -> (Vec<Document>, Vec<Warning>) {
    load_with_progress(paths, opts, &|_, _| {})
}

/// Like [`load`], calling `progress(files read, files in all)` as it goes.
pub fn load_with_progress(
    paths: &[PathBuf],
    opts: &LoadOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> (Vec<Document>, Vec<Warning>) {
    let (files, mut warnings) = collect_files(paths, &opts.exclude);
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let done = AtomicUsize::new(0);
    let total = files.len();
    progress(0, total);
    let results: Vec<_> = files
        .par_iter()
        .map(|p| {
            let r = load_file(p, opts);
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            r
        })
        .collect();
    let mut docs = Vec::new();
    for (doc, w) in results {
        warnings.extend(w);
        docs.extend(doc);
    }
    (docs, warnings)
}

/// The article files under the given paths, sorted, each once. `exclude`
/// holds gitignore-style patterns for files inside folders.
pub fn collect_files(paths: &[PathBuf], exclude: &[String]) -> (Vec<PathBuf>, Vec<Warning>) {
    let mut warnings = Vec::new();
    let mut files = Vec::new();
    for p in paths {
        if !p.exists() {
            warnings.push(Warning {
                file: display_path(p),
                message: "no such file or folder".into(),
            });
            continue;
        }
        if p.is_file() {
            files.push(p.clone());
            continue;
        }
        let mut over = ignore::overrides::OverrideBuilder::new(p);
        for pat in exclude {
            if let Err(e) = over.add(&format!("!{pat}")) {
                warnings.push(Warning {
                    file: pat.clone(),
                    message: format!("bad exclude pattern: {}", one_line(&e.to_string())),
                });
            }
        }
        let over = over
            .build()
            .unwrap_or_else(|_| ignore::overrides::Override::empty());
        let walker = ignore::WalkBuilder::new(p)
            .overrides(over)
            .hidden(true)
            // `.gitignore` files inside the corpus folders apply, read as
            // plain ignore files: git's own rules would also read the ones
            // above the folder, up to `/`, and the user's global excludes,
            // which are outside the corpus.
            .git_ignore(false)
            .git_exclude(false)
            .git_global(false)
            .parents(false)
            .add_custom_ignore_filename(".gitignore")
            .sort_by_file_path(std::cmp::Ord::cmp)
            .build();
        for entry in walker {
            match entry {
                Ok(e) => {
                    let kind = e.file_type();
                    if kind.is_some_and(|t| t.is_dir()) {
                        continue;
                    }
                    // Such a name cannot be given back exactly, in JSON or
                    // as an editor's URI: said, not read under a guess.
                    if e.path().to_str().is_none() {
                        warnings.push(Warning {
                            file: display_path(e.path()),
                            message: "file name is not UTF-8; skipped".into(),
                        });
                        continue;
                    }
                    if Format::from_path(e.path()).is_none() {
                        continue;
                    }
                    if kind.is_some_and(|t| t.is_file()) {
                        files.push(e.into_path());
                    } else {
                        // A FIFO would block the read and a device never
                        // end; a symlink may lead out of the corpus.
                        let what = if kind.is_some_and(|t| t.is_symlink()) {
                            "a symbolic link"
                        } else {
                            "not a regular file"
                        };
                        warnings.push(Warning {
                            file: display_path(e.path()),
                            message: format!("{what}; skipped"),
                        });
                    }
                }
                Err(e) => warnings.push(Warning {
                    file: display_path(p),
                    message: one_line(&e.to_string()),
                }),
            }
        }
    }
    files.sort();
    files.dedup();
    (files, warnings)
}

/// Whether a file under a corpus folder is left out by exclude patterns.
pub fn is_excluded(root: &Path, file: &Path, exclude: &[String]) -> bool {
    let mut over = ignore::overrides::OverrideBuilder::new(root);
    for pat in exclude {
        let _ = over.add(&format!("!{pat}"));
    }
    let Ok(over) = over.build() else {
        return false;
    };
    // A pattern can name any folder between the root and the file.
    let mut p = file;
    loop {
        if over.matched(p, p != file).is_ignore() {
            return true;
        }
        match p.parent() {
            Some(parent) if parent.starts_with(root) && parent != root => p = parent,
            _ => return false,
        }
    }
}

pub fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// Reads one file and its sidecar.
pub fn load_file(p: &Path, opts: &LoadOptions) -> (Option<Document>, Vec<Warning>) {
    let path = display_path(p);
    let bytes = match read_limited(p, opts.max_bytes) {
        Ok(b) => b,
        Err(e) => {
            return (
                None,
                vec![Warning {
                    file: path,
                    message: format!("cannot read: {}", one_line(&e.to_string())),
                }],
            )
        }
    };
    let mut sidecar_path = p.as_os_str().to_owned();
    sidecar_path.push(".meta.toml");
    let sidecar_path = PathBuf::from(sidecar_path);
    let mut sidecar_warnings = Vec::new();
    // A sidecar is read where it is: a symbolic link could lead anywhere.
    let linked = std::fs::symlink_metadata(&sidecar_path).is_ok_and(|m| m.file_type().is_symlink());
    let read = if linked {
        Err(std::io::Error::other("a symbolic link, not followed"))
    } else {
        read_small_text(&sidecar_path)
    };
    let sidecar = match read {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            sidecar_warnings.push(Warning {
                file: display_path(&sidecar_path),
                message: format!("sidecar ignored: {}", one_line(&e.to_string())),
            });
            None
        }
    };
    let (doc, mut warnings) = parse_document(&path, &bytes, sidecar.as_deref(), opts);
    warnings.extend(sidecar_warnings);
    (doc, warnings)
}

/// Sidecars and settings files are small; a larger one is refused whole.
pub const SMALL_FILE_MAX: usize = 1 << 20;

/// A sidecar or settings file as text: a regular file of at most
/// [`SMALL_FILE_MAX`] bytes in UTF-8. The error never quotes the contents.
pub fn read_small_text(p: &Path) -> std::io::Result<String> {
    let bytes = read_limited(p, SMALL_FILE_MAX)?;
    if bytes.len() > SMALL_FILE_MAX {
        return Err(std::io::Error::other(format!(
            "larger than {SMALL_FILE_MAX} bytes"
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        std::io::Error::other(format!(
            "not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Reads at most one byte past the limit, so a huge file is never held
/// whole; only a regular file (a FIFO would block the read, a device such
/// as `/dev/zero` would never end), whatever a symlink points to.
fn read_limited(p: &Path, max: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    if !std::fs::metadata(p)?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let f = std::fs::File::open(p)?;
    let mut buf = Vec::new();
    // One byte past the limit tells a file that is too long; a limit of
    // `u64::MAX` must not wrap round to reading nothing.
    f.take((max as u64).saturating_add(1))
        .read_to_end(&mut buf)?;
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_break_at_lf_crlf_and_a_lone_cr_only() {
        // A lone `\r` ends a line as the protocol says; U+2028 and a form
        // feed do not.
        assert_eq!(line_starts("a\rb\r\nc\nd"), vec![0, 2, 5, 7]);
        assert_eq!(line_starts("a\u{2028}b\u{c}c"), vec![0]);
    }

    #[test]
    fn view_map_runs_give_back_every_byte() {
        // "a&eacute;bc" read as "aébc": a copied byte, a two-byte character
        // from an eight-byte entity, then two copied bytes.
        let starts = [0, 1, 1, 9, 10];
        let ends = [1, 9, 9, 10, 11];
        let m = ViewMap::from_offsets(&starts, &ends);
        for v in 0..starts.len() {
            assert_eq!(m.get(v as u32), Some((starts[v], ends[v])), "byte {v}");
        }
        assert_eq!(m.get(5), None);
        assert!(m.views.len() <= 3, "runs: {:?}", m.views);
    }

    fn parse(path: &str, s: &str) -> (Option<Document>, Vec<Warning>) {
        parse_document(path, s.as_bytes(), None, &LoadOptions::default())
    }

    #[test]
    fn markdown_front_matter_gives_meta_and_is_blanked() {
        let (doc, w) = parse(
            "a.md",
            "---\ntitle: Hello\noutlet: The Daily\nauthor: Jo Bloggs\n---\n# Heading\n\nText \"here\".\n",
        );
        let doc = doc.unwrap();
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(doc.meta.title.as_deref(), Some("Hello"));
        assert_eq!(doc.meta.outlet.as_deref(), Some("The Daily"));
        assert_eq!(doc.meta.author.as_deref(), Some("Jo Bloggs"));
        assert_eq!(doc.text.len(), doc.raw().len());
        assert!(!doc.text.contains("outlet"));
    }

    #[test]
    fn toml_front_matter_and_sidecar_override() {
        let (doc, _) = parse_document(
            "b.md",
            b"+++\ntitle = \"From front\"\n+++\nBody\n",
            Some("outlet = \"Wire\"\ntitle = \"From sidecar\"\n"),
            &LoadOptions::default(),
        );
        let doc = doc.unwrap();
        assert_eq!(doc.meta.title.as_deref(), Some("From sidecar"));
        assert_eq!(doc.meta.outlet.as_deref(), Some("Wire"));
    }

    #[test]
    fn byline_and_wire_credit_are_found() {
        let (doc, _) = parse(
            "c.txt",
            "Headline here\n\nBy Jane Q Public\n\nLONDON (Reuters) — Something happened.\n",
        );
        let doc = doc.unwrap();
        assert_eq!(doc.meta.title.as_deref(), Some("Headline here"));
        assert_eq!(doc.meta.author.as_deref(), Some("Jane Q Public"));
        assert_eq!(doc.meta.wire.as_deref(), Some("Reuters"));
        assert_eq!(doc.meta.dateline.as_deref(), Some("LONDON"));
    }

    #[test]
    fn binary_files_are_skipped_with_a_warning() {
        let (doc, w) = parse_document("x.txt", b"abc\0def", None, &LoadOptions::default());
        assert!(doc.is_none());
        assert_eq!(w.len(), 1);
        assert!(w[0].to_string().starts_with("x.txt: binary file"));
    }

    #[test]
    fn invalid_utf8_is_read_byte_for_byte_with_a_warning() {
        let (doc, w) = parse_document("l.txt", b"caf\xe9 \"ok\"", None, &LoadOptions::default());
        // One stand-in per bad byte: the text is as long as the file.
        assert_eq!(doc.unwrap().text, "caf\u{1a} \"ok\"");
        assert!(w[0].message.contains("not valid UTF-8"), "{w:?}");
    }

    #[test]
    fn a_cut_last_character_is_reported_and_kept_byte_for_byte() {
        // The file ends in the first byte of "é" (a cut download): read
        // as a stand-in with a warning, never dropped silently.
        let (doc, w) = parse_document("cut.txt", b"\"ok\" caf\xc3", None, &LoadOptions::default());
        assert_eq!(doc.unwrap().text, "\"ok\" caf\u{1a}");
        assert!(w[0].message.contains("not valid UTF-8"), "{w:?}");
    }

    #[test]
    fn oversized_files_are_truncated_on_a_character_boundary() {
        let text = "é".repeat(100);
        let (doc, w) = parse_document(
            "big.txt",
            text.as_bytes(),
            None,
            &LoadOptions {
                max_bytes: 51,
                ..Default::default()
            },
        );
        let doc = doc.unwrap();
        assert_eq!(doc.text.chars().count(), 25);
        assert!(w[0].message.contains("over the 51 byte limit"), "{w:?}");
    }

    #[test]
    fn code_in_markdown_is_blanked() {
        let (doc, _) = parse("d.md", "Say `\"x\"` and\n\n```\n\"quoted\"\n```\nend\n");
        let doc = doc.unwrap();
        assert!(!doc.text.contains('"'));
        assert_eq!(doc.text.len(), doc.raw().len());
    }

    #[test]
    fn line_and_column_count_characters() {
        let (doc, _) = parse("e.txt", "ab\n“é”x\n");
        let doc = doc.unwrap();
        let off = doc.raw().find('x').unwrap() as u32;
        assert_eq!(doc.line_col(off), (2, 4));
        assert_eq!(doc.line_col(0), (1, 1));
    }
}
