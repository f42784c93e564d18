//! Crafted but plausible inputs that once took time quadratic in their
//! size: each is a unit repeated up to a size. The engine's benchmarks time
//! them at 1× and 4×, and its tests run them, so that a scan that looks at
//! the rest of a paragraph, a line or an article for every mark shows up.

use onrecord_engine::corpus::{self, Document, LoadOptions};

/// One crafted input: a name, the file type it is read as, and how it is
/// made.
#[derive(Clone, Copy, Debug)]
pub struct Crafted {
    pub name: &'static str,
    /// The extension the file is read by (`txt`, `md`, `html`).
    pub ext: &'static str,
    head: &'static str,
    unit: Unit,
    tail: &'static str,
}

#[derive(Clone, Copy, Debug)]
enum Unit {
    Text(&'static str),
    /// The first half of the size in one unit, the rest in another.
    Halves(&'static str, &'static str),
    /// Synthetic articles one after another, as one file.
    Articles,
}

/// Every crafted input.
pub const ALL: &[Crafted] = &[
    // A straight single quote looking for its closer on one long line.
    text("single-quote-word", "txt", "", " 'word", "\n"),
    // An open curly single quote, then possessives that each ask whether the
    // quotation closes later.
    text(
        "possessives-in-single-quote",
        "txt",
        "‘a ",
        "cats' ",
        " end.’\n",
    ),
    // A straight double quote opening every line of one paragraph.
    text(
        "double-quote-every-line",
        "txt",
        "",
        "\"word and more\n",
        "",
    ),
    // Paragraphs whose quotations never close (the continuation rule).
    text(
        "unclosed-paragraphs",
        "txt",
        "",
        "“alpha bravo charlie\n\n",
        "",
    ),
    text("comment-openers", "md", "", "<!--", ""),
    text("backtick-openers", "md", "", "` word ", "\n"),
    Crafted {
        name: "unmatched-end-tags",
        ext: "html",
        head: "",
        unit: Unit::Halves("<div>", "</span>"),
        tail: "",
    },
    text("many-q-elements", "html", "", "<q>a</q> ", ""),
    text(
        "blockquotes-and-quotations",
        "html",
        "",
        "<blockquote>x</blockquote><p>\"Quote here,\" he said.</p>\n",
        "",
    ),
    text(
        "block-runs-and-quotations",
        "md",
        "",
        "> x\n\n\"Quote here,\" he said.\n\n",
        "",
    ),
    text(
        "colon-introductions",
        "txt",
        "",
        "Ana Vidal said:\n\nWe will win this vote, and I know that we will.\n\n",
        "",
    ),
    text(
        "long-transcript",
        "txt",
        "",
        "VIDAL: We will see about that today.\n\nQUESTION: Is that so, and why not?\n\n",
        "",
    ),
    text(
        "one-quotation-repeated",
        "txt",
        "",
        "\"We will not back down from this fight,\" said Ana Vidal.\n\n",
        "",
    ),
    Crafted {
        name: "articles-in-one-file",
        ext: "txt",
        head: "",
        unit: Unit::Articles,
        tail: "",
    },
];

const fn text(
    name: &'static str,
    ext: &'static str,
    head: &'static str,
    unit: &'static str,
    tail: &'static str,
) -> Crafted {
    Crafted {
        name,
        ext,
        head,
        unit: Unit::Text(unit),
        tail,
    }
}

impl Crafted {
    /// The input at about `bytes` bytes (never more).
    pub fn text(&self, bytes: usize) -> String {
        let body = bytes.saturating_sub(self.head.len() + self.tail.len());
        let mut s = String::with_capacity(bytes);
        s.push_str(self.head);
        match self.unit {
            Unit::Text(u) => repeat(&mut s, u, body),
            Unit::Halves(a, b) => {
                repeat(&mut s, a, body / 2);
                repeat(&mut s, b, body - body / 2);
            }
            Unit::Articles => {
                let sample: usize = crate::synth::corpus(16).iter().map(|a| a.len() + 2).sum();
                let n = body / (sample / 16).max(1) + 16;
                for article in crate::synth::corpus(n) {
                    if s.len() + article.len() + 2 > self.head.len() + body {
                        break;
                    }
                    s.push_str(&article);
                    s.push_str("\n\n");
                }
            }
        }
        s.push_str(self.tail);
        s
    }

    /// The input parsed as the engine reads a file of its type.
    pub fn document(&self, bytes: usize) -> Document {
        let path = format!("crafted/{}.{}", self.name, self.ext);
        let text = self.text(bytes);
        let (doc, _) =
            corpus::parse_document(&path, text.as_bytes(), None, &LoadOptions::default());
        doc.expect("a crafted input is always readable")
    }
}

/// Whole copies of `unit` up to `bytes` bytes.
fn repeat(s: &mut String, unit: &str, bytes: usize) {
    let n = bytes / unit.len().max(1);
    for _ in 0..n {
        s.push_str(unit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_input_comes_at_the_size_asked() {
        for c in ALL {
            let t = c.text(64 * 1024);
            assert!(t.len() <= 64 * 1024, "{}", c.name);
            assert!(t.len() >= 48 * 1024, "{}: {}", c.name, t.len());
        }
    }
}
