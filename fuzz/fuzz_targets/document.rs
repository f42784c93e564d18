//! Any bytes, read as a `.txt`, a `.md` and an `.html` article of one
//! corpus: `parse_document`, `engine::analyze` (extraction, attribution,
//! speaker merging and linking across the three) and `report::records`.
//!
//! Invariants (those of tests/robustness.rs and tests/crafted.rs, on any
//! input):
//! - nothing panics;
//! - every record's `start..end` is ordered and on character boundaries of
//!   the file's text, and so are its speaker mention and its sources;
//! - `line`/`column` are those of `start` (1-based, columns in characters,
//!   lines broken at `\n`, `\r\n` and a lone `\r` only);
//! - for `.txt` and `.md`, the first word of a record's `text` is inside
//!   `file[start..end]`.
//!
//! "The file's text" is the bytes as UTF-8, a byte order mark included
//! (offsets are the file's: README, "Offsets are the file's bytes"). A
//! file that is not UTF-8 is checked against the text the engine kept
//! (`Document::raw`), which must be the file with each bad byte read as
//! one U+001A, so that its offsets are still the file's; a file that ends
//! inside a character (and has no other bad byte) is read without that
//! character.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onrecord_engine::corpus::{parse_document, LoadOptions};
use onrecord_engine::engine;
use onrecord_engine::link::LinkOptions;
use onrecord_cli::report;

const NAMES: [&str; 3] = ["f.txt", "f.md", "f.html"];

/// 1-based line and column (in characters) of a byte offset, by the
/// protocol's line breaks.
fn line_col(text: &str, at: usize) -> (u32, u32) {
    let b = text.as_bytes();
    let mut line = 1u32;
    let mut start = 0usize;
    let mut i = 0usize;
    while i < at {
        match b[i] {
            b'\n' => {
                line += 1;
                start = i + 1;
            }
            b'\r' if b.get(i + 1) != Some(&b'\n') => {
                line += 1;
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    (line, text[start..at].chars().count() as u32 + 1)
}

fn slices(text: &str, s: u32, e: u32) -> bool {
    let (s, e) = (s as usize, e as usize);
    s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
}

fuzz_target!(|data: &[u8]| {
    let opts = LoadOptions::default();
    let mut docs = Vec::new();
    for name in NAMES {
        let (doc, _warnings) = parse_document(name, data, None, &opts);
        docs.extend(doc);
    }
    if docs.is_empty() {
        // Binary (NUL bytes): skipped with a warning, never read.
        assert!(memchr_nul(data));
        return;
    }
    // The text every offset must slice: the file's, as the engine promises
    // to keep it.
    let expected = expected_raw(data);
    for d in &docs {
        assert_eq!(d.raw(), expected, "{}: the text kept is the file's", d.path);
    }
    let reference = |_file: &str| -> &str { &expected };

    let a = engine::analyze(docs, Vec::new(), &LinkOptions::default());
    let records = report::records(&a);
    assert_eq!(records.len(), a.quotes.len());
    for r in &records {
        let text = reference(&r.file);
        assert!(slices(text, r.start, r.end), "record offsets: {r:?}");
        assert!(!r.text.trim().is_empty(), "empty quotation: {r:?}");
        assert_eq!(
            (r.line, r.column),
            line_col(text, r.start as usize),
            "line and column of {r:?}"
        );
        if !r.file.ends_with(".html") {
            let words = &text[r.start as usize..r.end as usize];
            let first = r.text.split_whitespace().next().unwrap_or_default();
            assert!(
                words.contains(first),
                "{:?} does not hold {first:?}: {r:?}",
                words
            );
        }
        if let Some(s) = &r.speaker {
            if let (Some(a), Some(b)) = (s.start, s.end) {
                assert!(slices(text, a, b), "speaker offsets: {r:?}");
            }
            assert_eq!(s.start.is_some(), s.end.is_some(), "{r:?}");
        }
        assert!(r.sources.len() <= engine::MAX_SOURCES, "{r:?}");
        for src in &r.sources {
            let st = reference(&src.file);
            assert!(slices(st, src.start, src.end), "source offsets: {src:?} of {r:?}");
        }
        // The text form never panics either.
        let _ = report::text_line(r);
    }
    let _ = serde_json::to_string(&records).expect("records serialize");
});

/// The file's text as `parse_document` promises to keep it: UTF-8 as is,
/// each byte that is not UTF-8 as one U+001A, an incomplete last character
/// dropped.
/// Each byte that is not UTF-8 read as one U+001A, a cut last character
/// included (inputs here are far below the size limit, the only place a
/// partial character is dropped).
fn expected_raw(data: &[u8]) -> String {
    let mut s = String::new();
    for chunk in data.utf8_chunks() {
        s.push_str(chunk.valid());
        for _ in chunk.invalid() {
            s.push('\u{1a}');
        }
    }
    s
}

fn memchr_nul(data: &[u8]) -> bool {
    data[..data.len().min(64 * 1024)].contains(&0)
}
