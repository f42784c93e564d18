//! A document and its view: the text the engine reads, the map from view
//! offsets back to file offsets, and lines and columns of the file.

#[allow(unused_imports)]
use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
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
    pub(super) raw: Option<String>,
    /// The text the engine reads.
    pub text: String,
    /// For HTML: for each view byte, the file offset of the character it
    /// belongs to, and one past that character's end in the file.
    pub map: Option<ViewMap>,
    pub meta: Meta,
    pub marked: Vec<MarkedRegion>,
    pub(super) line_starts: Vec<u32>,
}

/// For HTML: where each view byte came from in the file. Stored as runs in
/// which both offsets stay put (the bytes of one character) or advance by
/// one per byte (text copied from the file), so that a page costs a few
/// words per tag, entity or non-ASCII character instead of eight bytes per
/// byte of text.
#[derive(Clone, Debug, Default)]
pub struct ViewMap {
    /// First view byte of each run.
    pub(super) views: Vec<u32>,
    /// File offsets (start of the character, one past its end) at a run's
    /// first byte.
    pub(super) starts: Vec<u32>,
    pub(super) ends: Vec<u32>,
    /// Whether the offsets advance with the view inside the run.
    pub(super) steps: Vec<bool>,
    pub(super) len: u32,
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
    pub fn raw_start(&self, view: u32) -> FileOffset {
        FileOffset(match &self.map {
            None => view,
            Some(m) => m.get(view).map_or(self.raw().len() as u32, |(s, _)| s),
        })
    }

    /// The file offset of a view offset that ends something (exclusive).
    pub fn raw_end(&self, view: u32) -> FileOffset {
        FileOffset(match &self.map {
            None => view,
            Some(m) => {
                if view == 0 {
                    m.get(0).map_or(0, |(s, _)| s)
                } else {
                    m.get(view - 1).map_or(self.raw().len() as u32, |(_, e)| e)
                }
            }
        })
    }

    /// The file span of a view span.
    pub fn raw_span(&self, (start, end): (u32, u32)) -> (FileOffset, FileOffset) {
        (self.raw_start(start), self.raw_end(end))
    }

    /// 1-based line of a file offset.
    pub fn line_of(&self, raw: FileOffset) -> u32 {
        self.line_starts.partition_point(|&s| s <= raw.0) as u32
    }

    /// 1-based line and 1-based column in characters of a file offset.
    pub fn line_col(&self, raw: FileOffset) -> (u32, u32) {
        let line = self.line_of(raw);
        let start = self.line_starts[line as usize - 1];
        (line, count_chars(self.raw(), start, raw.0) + 1)
    }

    /// Like [`Document::line_col`], continuing from an earlier answer on the
    /// same line so that many offsets on one long line cost one pass.
    pub fn line_col_from(&self, raw: FileOffset, cursor: &mut ColumnCursor) -> (u32, u32) {
        let raw = raw.0;
        let line = self.line_of(FileOffset(raw));
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

    pub fn line_start(&self, line: u32) -> FileOffset {
        let i = (line.max(1) - 1) as usize;
        FileOffset(
            self.line_starts
                .get(i)
                .copied()
                .unwrap_or(self.raw().len() as u32),
        )
    }

    /// The title to show for this article.
    pub fn title(&self) -> &str {
        self.meta.title.as_deref().unwrap_or(&self.path)
    }
}

/// Where [`Document::line_col_from`] left off.
#[derive(Clone, Copy, Debug, Default)]
pub struct ColumnCursor {
    pub(super) line: u32,
    pub(super) offset: u32,
    pub(super) col: u32,
}

/// Characters in `raw[start..end]`, counting UTF-8 lead bytes.
pub(super) fn count_chars(raw: &str, start: u32, end: u32) -> u32 {
    let b = raw.as_bytes();
    let (s, e) = (start as usize, (end as usize).min(b.len()));
    b.get(s..e)
        .map(|x| x.iter().filter(|&&c| (c & 0xC0) != 0x80).count() as u32)
        .unwrap_or(0)
}

/// Where each line starts, by the protocol's line breaks and no others:
/// `\n`, `\r\n` and a lone `\r` (not U+2028, U+0085 or a form feed, which
/// editors and the protocol leave inside a line).
pub(super) fn line_starts(raw: &str) -> Vec<u32> {
    let b = raw.as_bytes();
    let mut v = vec![0u32];
    v.extend(memchr::memchr2_iter(b'\n', b'\r', b).filter_map(|i| {
        let crlf = b[i] == b'\r' && b.get(i + 1) == Some(&b'\n');
        (!crlf).then_some(i as u32 + 1)
    }));
    v.shrink_to_fit();
    v
}
