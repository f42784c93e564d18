//! Editor positions (line and column in UTF-16 or UTF-8 code units) to
//! and from the engine's UTF-8 byte offsets.

use onrecord_engine::corpus::{Document, FileOffset};
use ropey::Rope;
use tower_lsp_server::ls_types::{Position, Range};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

pub fn units(c: char, enc: Encoding) -> u32 {
    match enc {
        Encoding::Utf8 => c.len_utf8() as u32,
        Encoding::Utf16 => c.len_utf16() as u32,
    }
}

/// Converts offsets of one document, remembering the last answer so that
/// many offsets on one long line cost one pass over it.
pub struct Positions<'a> {
    doc: &'a Document,
    enc: Encoding,
    last: std::cell::Cell<(u32, u32, u32)>,
}

impl<'a> Positions<'a> {
    pub fn new(doc: &'a Document, enc: Encoding) -> Self {
        Positions {
            doc,
            enc,
            last: std::cell::Cell::new((u32::MAX, 0, 0)),
        }
    }

    /// The position of a byte offset (clamped to the text, and moved back
    /// to a character boundary).
    pub fn position(&self, offset: FileOffset) -> Position {
        let raw = &self.doc.raw();
        let mut off = offset.as_usize().min(raw.len());
        while !raw.is_char_boundary(off) {
            off -= 1;
        }
        let off = off as u32;
        let line = self.doc.line_of(FileOffset(off));
        let (last_off, last_line, last_units) = self.last.get();
        let (from, mut count) = if last_line == line && last_off != u32::MAX && last_off <= off {
            (last_off, last_units)
        } else {
            (self.doc.line_start(line).get(), 0)
        };
        count += raw[from as usize..off as usize]
            .chars()
            .map(|c| units(c, self.enc))
            .sum::<u32>();
        self.last.set((off, line, count));
        Position::new(line - 1, count)
    }

    pub fn range(&self, start: FileOffset, end: FileOffset) -> Range {
        Range::new(self.position(start), self.position(end))
    }

    /// The byte offset of a position; `None` when the line is past the end.
    /// A column past the end of its line means the end of the line.
    pub fn offset(&self, pos: Position) -> Option<FileOffset> {
        let raw = &self.doc.raw();
        // The document's own line table: one line model, the protocol's
        // (`\n`, `\r\n` and a lone `\r`).
        if pos.line >= self.doc.line_count() {
            return None;
        }
        let start = self.doc.line_start(pos.line + 1).as_usize();
        let mut left = pos.character;
        let mut at = start;
        for c in raw[start..].chars() {
            if c == '\n' || c == '\r' || left == 0 {
                break;
            }
            let u = units(c, self.enc);
            if u > left {
                break;
            }
            left -= u;
            at += c.len_utf8();
        }
        Some(FileOffset::at(at))
    }
}

/// The char index in a rope of a position (clamped to the text).
pub fn rope_char(rope: &Rope, pos: Position, enc: Encoding) -> usize {
    let lines = rope.len_lines();
    if pos.line as usize >= lines {
        return rope.len_chars();
    }
    let line_start = rope.line_to_char(pos.line as usize);
    let line = rope.line(pos.line as usize);
    let mut left = pos.character;
    let mut idx = line_start;
    for c in line.chars() {
        if c == '\n' || c == '\r' || left == 0 {
            break;
        }
        let u = units(c, enc);
        if u > left {
            break;
        }
        left -= u;
        idx += 1;
    }
    idx
}

#[cfg(test)]
mod tests {
    use super::*;
    use onrecord_engine::corpus::{parse_document, LoadOptions};

    fn doc(s: &str) -> Document {
        parse_document("d.txt", s.as_bytes(), None, &LoadOptions::default())
            .0
            .unwrap()
    }

    #[test]
    fn utf16_counts_surrogate_pairs_and_utf8_counts_bytes() {
        let d = doc("a\n“Ünï 😀 中” x\n");
        let x = FileOffset::at(d.raw().find(" x").unwrap() + 1);
        let p16 = Positions::new(&d, Encoding::Utf16);
        let p8 = Positions::new(&d, Encoding::Utf8);
        assert_eq!(p16.position(x), Position::new(1, 11));
        assert_eq!(p8.position(x), Position::new(1, 21));
        assert_eq!(p16.offset(Position::new(1, 11)), Some(x));
        assert_eq!(p8.offset(Position::new(1, 21)), Some(x));
        // Inside a surrogate pair: the character's start.
        assert_eq!(
            p16.offset(Position::new(1, 6)),
            Some(FileOffset::at(d.raw().find('😀').unwrap()))
        );
        assert_eq!(p16.offset(Position::new(7, 0)), None);
        assert_eq!(
            p16.offset(Position::new(0, 99)),
            Some(FileOffset(1)),
            "past the end of a line is its end"
        );
    }

    /// Caught by the protocol stress test: `offset` counted lines by `\n`
    /// alone, so after a lone `\r` a position found no line, or the wrong
    /// one.
    #[test]
    fn offsets_and_positions_share_the_line_model() {
        let d = doc("a\rbc\r\nd\n");
        let p = Positions::new(&d, Encoding::Utf16);
        for (i, _) in d.raw().char_indices().chain([(d.raw().len(), ' ')]) {
            if d.raw()[..i].ends_with('\r') && d.raw()[i..].starts_with('\n') {
                continue;
            }
            assert_eq!(
                p.offset(p.position(FileOffset::at(i))),
                Some(FileOffset::at(i)),
                "at byte {i}"
            );
        }
        assert_eq!(
            p.offset(Position::new(1, 9)),
            Some(FileOffset(4)),
            "the end of `bc`"
        );
        assert_eq!(
            p.offset(Position::new(3, 0)),
            Some(FileOffset(8)),
            "the empty last line"
        );
        assert_eq!(p.offset(Position::new(4, 0)), None);
    }

    #[test]
    fn rope_positions_match_document_positions() {
        let text = "“Ünï 😀” é\nsecond — line\n";
        let rope = Rope::from_str(text);
        let d = doc(text);
        let p = Positions::new(&d, Encoding::Utf16);
        for (i, _) in text.char_indices() {
            let pos = p.position(FileOffset::at(i));
            let c = rope_char(&rope, pos, Encoding::Utf16);
            assert_eq!(rope.char_to_byte(c), i, "at byte {i}");
        }
    }
}
