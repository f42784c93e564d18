//! The readable text of an HTML article, with a map from every byte of that
//! text back to the file, so that quotations found in it are reported where
//! they stand on disk.
//!
//! Tokenizing is done by `html5gum` (a WHATWG tokenizer that reports the
//! source span of each token). Entities are decoded by it; the map is kept
//! right by walking each text token's raw bytes beside its decoded text.

use super::{MarkedRegion, Meta, ViewMap};
use html5gum::{DefaultEmitter, Token, Tokenizer};

pub struct HtmlView {
    pub text: String,
    pub map: ViewMap,
    pub meta: Meta,
    pub marked: Vec<MarkedRegion>,
}

/// Elements whose content is never article text.
fn is_dropped(name: &[u8]) -> bool {
    matches!(
        name,
        b"script"
            | b"style"
            | b"nav"
            | b"footer"
            | b"noscript"
            | b"template"
            | b"svg"
            | b"head"
            | b"iframe"
            | b"button"
            | b"form"
            | b"select"
            | b"aside"
    )
}

/// Elements that end a paragraph.
fn is_block(name: &[u8]) -> bool {
    matches!(
        name,
        b"p" | b"div"
            | b"br"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"li"
            | b"ul"
            | b"ol"
            | b"blockquote"
            | b"tr"
            | b"table"
            | b"section"
            | b"article"
            | b"header"
            | b"figure"
            | b"figcaption"
            | b"pre"
            | b"hr"
            | b"dd"
            | b"dt"
            | b"dl"
            | b"main"
            | b"td"
            | b"th"
            | b"address"
            | b"body"
            | b"html"
            | b"title"
    )
}

fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"br"
            | b"hr"
            | b"img"
            | b"meta"
            | b"link"
            | b"input"
            | b"source"
            | b"wbr"
            | b"area"
            | b"base"
            | b"col"
            | b"embed"
            | b"track"
    )
}

struct Builder {
    text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
}

impl Builder {
    fn push_char(&mut self, c: char, raw_start: u32, raw_end: u32) {
        let c = if c == '\u{a0}' { ' ' } else { c };
        if c.is_whitespace() {
            if self.text.is_empty() || self.text.ends_with(' ') || self.text.ends_with('\n') {
                return;
            }
            self.push_raw(' ', raw_start, raw_end);
        } else {
            self.push_raw(c, raw_start, raw_end);
        }
    }

    fn push_raw(&mut self, c: char, raw_start: u32, raw_end: u32) {
        for _ in 0..c.len_utf8() {
            self.starts.push(raw_start);
            self.ends.push(raw_end);
        }
        self.text.push(c);
    }

    fn paragraph_break(&mut self, at: u32) {
        if self.text.is_empty() || self.text.ends_with("\n\n") {
            return;
        }
        while self.text.ends_with(' ') {
            self.text.pop();
            self.starts.pop();
            self.ends.pop();
        }
        while !self.text.ends_with("\n\n") {
            self.push_raw('\n', at, at);
        }
    }
}

/// Maps each character of a decoded text token to its bytes in the file.
fn push_decoded(b: &mut Builder, raw: &str, span_start: usize, span_end: usize, decoded: &str) {
    let rb = raw.as_bytes();
    let chars: Vec<char> = decoded.chars().collect();
    let mut i = span_start;
    for (j, &c) in chars.iter().enumerate() {
        let mut buf = [0u8; 4];
        let enc = c.encode_utf8(&mut buf).as_bytes();
        loop {
            if i >= span_end {
                b.push_char(c, span_end as u32, span_end as u32);
                break;
            }
            if rb[i..span_end].starts_with(enc) {
                b.push_char(c, i as u32, (i + enc.len()) as u32);
                i += enc.len();
                break;
            }
            if rb[i] == b'&' {
                let k = entity_end(rb, i, span_end, chars.get(j + 1).copied());
                b.push_char(c, i as u32, k as u32);
                i = k;
                break;
            }
            // A byte the tokenizer dropped or normalised (\r, NUL): skip it.
            i += 1;
            while i < span_end && !raw.is_char_boundary(i) {
                i += 1;
            }
        }
    }
}

/// Where the entity at `rb[at]` ends: the whole `&name;` when the text goes
/// on with the next decoded character there, else the shortest name after
/// which it does (`&regx` is `&reg` and an `x`; `&notit;` is `&not` and
/// `it;`). Bounded to 40 bytes, so the walk stays linear.
fn entity_end(rb: &[u8], at: usize, span_end: usize, next: Option<char>) -> usize {
    let limit = (at + 40).min(span_end);
    let mut run = at + 1;
    while run < limit && (rb[run].is_ascii_alphanumeric() || rb[run] == b'#') {
        run += 1;
    }
    let greedy = if run < span_end && rb[run] == b';' {
        run + 1
    } else {
        run
    };
    let Some(next) = next else {
        return greedy;
    };
    let mut buf = [0u8; 4];
    let enc = next.encode_utf8(&mut buf).as_bytes();
    let goes_on = |k: usize| k < span_end && (rb[k..span_end].starts_with(enc) || rb[k] == b'&');
    if goes_on(greedy) {
        return greedy;
    }
    (at + 2..run).find(|&k| goes_on(k)).unwrap_or(greedy)
}

fn attr(tag: &html5gum::StartTag<usize>, name: &str) -> Option<String> {
    tag.attributes
        .get(name.as_bytes())
        .map(|v| String::from_utf8_lossy(&v.value).trim().to_string())
        .filter(|v| !v.is_empty())
}

/// The readable text of an HTML article, its metadata, and the regions its
/// markup declares quotations.
pub fn view(raw: &str) -> HtmlView {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let tokenizer = Tokenizer::new_with_emitter(raw, emitter);
    let mut walk = Walk {
        b: Builder {
            text: String::with_capacity(raw.len() / 2),
            starts: Vec::with_capacity(raw.len() / 2),
            ends: Vec::with_capacity(raw.len() / 2),
        },
        meta: Meta::default(),
        marked: Vec::new(),
        stack: Vec::new(),
        open_count: Default::default(),
        dropped_depth: 0,
        in_title: false,
        title: String::new(),
        h1: None,
        h1_open: None,
        open_marks: Vec::new(),
    };
    for token in tokenizer.flatten() {
        match token {
            Token::StartTag(tag) => walk.start_tag(tag),
            Token::EndTag(tag) => walk.end_tag(&tag.name, tag.span.start as u32),
            Token::String(s) => {
                let decoded = String::from_utf8_lossy(&s.value);
                if walk.in_title {
                    walk.title.push_str(&decoded);
                }
                if walk.dropped_depth > 0 {
                    continue;
                }
                let end = s.span.end.min(raw.len());
                let start = s.span.start.min(end);
                push_decoded(&mut walk.b, raw, start, end, &decoded);
            }
            _ => {}
        }
    }
    walk.finish()
}

/// The state of one walk through an article's tokens: the text so far and
/// the elements open around it.
struct Walk {
    b: Builder,
    meta: Meta,
    marked: Vec<MarkedRegion>,
    stack: Vec<Vec<u8>>,
    /// How many of each element are open: an end tag with none open (a stray
    /// `</span>` under a thousand `<div>`s) is known without a scan.
    open_count: rustc_hash::FxHashMap<Vec<u8>, usize>,
    /// Open elements inside a dropped one (a dropped one included).
    dropped_depth: usize,
    in_title: bool,
    title: String,
    h1: Option<String>,
    /// Where the text of the first `<h1>` starts, while it is open.
    h1_open: Option<usize>,
    /// Open `<q>` (false) and `<blockquote>` (true), with where each starts.
    open_marks: Vec<(bool, u32)>,
}

impl Walk {
    fn start_tag(&mut self, tag: html5gum::StartTag<usize>) {
        let name = tag.name.to_vec();
        let at = tag.span.start as u32;
        if name == b"meta" {
            self.read_meta(&tag);
        }
        if name == b"link" && attr(&tag, "rel").as_deref() == Some("canonical") {
            self.meta.url = self.meta.url.take().or(attr(&tag, "href"));
        }
        if name == b"title" {
            self.in_title = true;
        }
        if self.dropped_depth > 0 || is_dropped(&name) {
            if !is_void(&name) && !tag.self_closing {
                self.dropped_depth += 1;
                self.push_open(name);
            }
            return;
        }
        if is_block(&name) {
            self.b.paragraph_break(at);
        }
        if name == b"h1" && self.h1.is_none() {
            self.h1_open = Some(self.b.text.len());
        }
        if name == b"q" || name == b"blockquote" {
            self.open_marks
                .push((name == b"blockquote", self.b.text.len() as u32));
        }
        if !is_void(&name) && !tag.self_closing {
            self.push_open(name);
        }
    }

    fn push_open(&mut self, name: Vec<u8>) {
        *self.open_count.entry(name.clone()).or_default() += 1;
        self.stack.push(name);
    }

    /// Author, outlet, date, address and title from a `<meta>` tag; the
    /// first of each wins.
    fn read_meta(&mut self, tag: &html5gum::StartTag<usize>) {
        let key = attr(tag, "name")
            .or_else(|| attr(tag, "property"))
            .unwrap_or_default()
            .to_ascii_lowercase();
        let content = attr(tag, "content");
        let meta = &mut self.meta;
        match key.as_str() {
            "author" | "article:author" => meta.author = meta.author.take().or(content),
            "og:site_name" | "application-name" => {
                meta.outlet = meta.outlet.take().or(content);
            }
            "article:published_time" | "date" | "pubdate" => {
                meta.date = meta.date.take().or(content);
            }
            "og:url" => meta.url = meta.url.take().or(content),
            "og:title" => meta.title = meta.title.take().or(content),
            _ => {}
        }
    }

    fn end_tag(&mut self, name: &[u8], at: u32) {
        if name == b"title" {
            self.in_title = false;
        }
        // Close up to the matching open element, if there is one.
        let is_open = self.open_count.get(name).is_some_and(|&n| n > 0);
        if let Some(pos) = is_open
            .then(|| self.stack.iter().rposition(|n| n == name))
            .flatten()
        {
            // Innermost first, as `drain(pos..).rev()` would, without
            // holding a borrow of the stack.
            while self.stack.len() > pos {
                if let Some(closed) = self.stack.pop() {
                    self.close(&closed, at);
                }
            }
        } else if name == b"p" || name == b"br" {
            self.b.paragraph_break(at);
        }
    }

    /// One element closed by an end tag at `at`.
    fn close(&mut self, closed: &[u8], at: u32) {
        if let Some(n) = self.open_count.get_mut(closed) {
            *n -= 1;
        }
        if self.dropped_depth > 0 {
            self.dropped_depth -= 1;
            return;
        }
        if closed == b"h1" {
            if let Some(s) = self.h1_open.take() {
                let t = self.b.text[s..].trim().to_string();
                if !t.is_empty() {
                    self.h1 = Some(t);
                }
            }
        }
        if closed == b"q" || closed == b"blockquote" {
            if let Some((block, start)) = self.open_marks.pop() {
                let end = self.b.text.trim_end().len() as u32;
                if end > start {
                    self.marked.push(MarkedRegion { start, end, block });
                }
            }
        }
        if is_block(closed) {
            self.b.paragraph_break(at);
        }
    }

    /// The view: the `<title>` (or else the first `<h1>`) names the
    /// article unless its metadata does.
    fn finish(mut self) -> HtmlView {
        let title = self.title.split_whitespace().collect::<Vec<_>>().join(" ");
        if !title.is_empty() {
            self.meta.title = Some(title);
        } else if self.meta.title.is_none() {
            self.meta.title = self.h1;
        }
        self.marked
            .sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        HtmlView {
            text: self.b.text,
            map: ViewMap::from_offsets(&self.b.starts, &self.b.ends),
            meta: self.meta,
            marked: self.marked,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_legacy_entity_followed_by_letters_keeps_later_offsets() {
        // Caught: `&regx` mapped every later character of the run to its
        // end, so the quotation's range was empty.
        for raw in [
            "<p>See &regx and then \u{201c}we will rebuild the bridge\u{201d} here.</p>",
            "<p>Go to /a?x=1&region=us then \u{201c}we will rebuild the bridge\u{201d} here.</p>",
            "<p>Cats &notit; so \u{201c}we will rebuild the bridge\u{201d} here.</p>",
        ] {
            let v = view(raw);
            let at = v.text.find("we will").unwrap();
            for (k, ch) in v.text[at..at + 7].char_indices() {
                let (s, e) = v.map.get((at + k) as u32).unwrap();
                assert_eq!(&raw[s as usize..e as usize], ch.to_string(), "{raw}");
            }
        }
    }

    #[test]
    fn text_maps_back_to_file_offsets_through_entities() {
        let raw = "<html><head><title>T &amp; U</title><script>var x=\"no\";</script></head>\
                   <body><nav>Menu</nav><p>He said &ldquo;caf&eacute; time&rdquo; today.</p>\
                   <footer>(c)</footer></body></html>";
        let v = view(raw);
        assert_eq!(v.text.trim(), "He said “café time” today.");
        assert_eq!(v.meta.title.as_deref(), Some("T & U"));
        let open = v.text.find('“').unwrap();
        let in_file = |at: usize| {
            let (s, e) = v.map.get(at as u32).unwrap();
            &raw[s as usize..e as usize]
        };
        assert_eq!(in_file(open), "&ldquo;");
        let e = v.text.find('é').unwrap();
        assert_eq!(in_file(e), "&eacute;");
        assert_eq!(in_file(e + 1), "&eacute;", "both bytes of é");
        let t = v.text.find("time").unwrap();
        assert_eq!(in_file(t), "t");
        assert_eq!(in_file(t + 3), "e");
    }

    #[test]
    fn q_and_blockquote_are_marked() {
        let raw = "<p>She said <q>we will</q>.</p><blockquote><p>One.</p><p>Two.</p></blockquote>";
        let v = view(raw);
        assert_eq!(v.marked.len(), 2);
        let q = v.marked.iter().find(|m| !m.block).unwrap();
        assert_eq!(&v.text[q.start as usize..q.end as usize], "we will");
        let bq = v.marked.iter().find(|m| m.block).unwrap();
        assert_eq!(
            v.text[bq.start as usize..bq.end as usize].trim(),
            "One.\n\nTwo."
        );
    }

    #[test]
    fn blocks_become_paragraphs_and_whitespace_collapses() {
        let v = view("<div>a\n  b</div><p>c</p>");
        assert_eq!(v.text.trim_end(), "a b\n\nc");
    }
}
