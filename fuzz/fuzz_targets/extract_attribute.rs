//! Any text (bytes decoded lossily) through `extract::extract` and
//! `attribute::attribute`, as `engine::analyze_document` calls them, and
//! through `attribute::attribute_with` with a byline and the people of a
//! corpus, as `engine::analyze_draft` calls it.
//!
//! Invariants: nothing panics; paragraphs, lines, quotation segments,
//! marks and labels are in bounds, on character boundaries and ordered;
//! quotations come in order of their start; the attribution has one entry
//! per quotation, and every speaker names an entity of the article and a
//! mention inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onrecord_engine::attribute::{self, Attribution, KnownPeople};
use onrecord_engine::extract::{self, Extraction};

fn span_ok(text: &str, s: u32, e: u32) -> bool {
    let (s, e) = (s as usize, e as usize);
    s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
}

fn check_extraction(text: &str, ex: &Extraction) {
    let mut last_end = 0u32;
    for (i, p) in ex.paragraphs.iter().enumerate() {
        assert!(span_ok(text, p.start, p.end), "paragraph {i}: {p:?}");
        assert!(p.start >= last_end, "paragraphs overlap at {i}: {p:?}");
        last_end = p.end;
        let mut at = p.start;
        for &(s, e) in &p.lines {
            assert!(span_ok(text, s, e), "line {s}..{e} of paragraph {i}");
            assert!(s >= at && e <= p.end, "line {s}..{e} outside paragraph {p:?}");
            at = e;
        }
        if let Some((s, e)) = p.label {
            assert!(span_ok(text, s, e), "label of paragraph {i}: {p:?}");
        }
    }
    let n = ex.paragraphs.len() as u32;
    let mut last_start = 0u32;
    for (i, q) in ex.quotes.iter().enumerate() {
        assert!(!q.segments.is_empty(), "quotation {i} has no words: {q:?}");
        let mut at = 0u32;
        for (k, seg) in q.segments.iter().enumerate() {
            assert!(span_ok(text, seg.start, seg.end), "segment {k} of {i}: {q:?}");
            assert!(seg.start >= at, "segments out of order in {i}: {q:?}");
            at = seg.end;
        }
        assert!(q.start() >= last_start, "quotations out of order at {i}");
        last_start = q.start();
        assert!(
            span_ok(text, q.open, q.close),
            "marks of quotation {i}: {q:?}"
        );
        assert!(
            q.open <= q.start() && q.end() <= q.close,
            "words outside the marks in {i}: {q:?}"
        );
        assert!(q.para <= q.last_para && q.last_para < n, "paragraphs of {i}: {q:?}");
        if let Some(ip) = q.intro_para {
            assert!(ip < n, "intro paragraph of {i}: {q:?}");
        }
        if let Some((s, e)) = q.label {
            assert!(span_ok(text, s, e), "label of {i}: {q:?}");
        }
        let words = q.text(text);
        assert!(!words.trim().is_empty(), "quotation {i} has only space: {q:?}");
    }
}

fn check_attribution(text: &str, ex: &Extraction, at: &Attribution) {
    let n = ex.quotes.len();
    assert_eq!(at.speakers.len(), n, "one speaker slot per quotation");
    assert_eq!(at.partial.len(), n, "one partial flag per quotation");
    for (i, sp) in at.speakers.iter().enumerate() {
        let Some(sp) = sp else { continue };
        assert!(
            (sp.who as usize) < at.entities.len(),
            "speaker of {i} names no entity: {sp:?}"
        );
        if let Some((s, e)) = sp.mention {
            assert!(span_ok(text, s, e), "mention of {i}: {sp:?}");
        }
    }
    for e in &at.entities {
        assert!(!e.name.trim().is_empty(), "nameless entity: {e:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    let ex = extract::extract(text, &[]);
    check_extraction(text, &ex);

    let at = attribute::attribute(text, &ex, None);
    check_attribution(text, &ex, &at);

    // As for a draft: a byline, and the people a corpus names in full.
    let mut known = KnownPeople::default();
    for (name, n) in [("Jane Doe", 3), ("Ian Kelly", 5), ("Ana Vidal", 1), ("Jo Doe", 1)] {
        known.add(name, n);
    }
    let at = attribute::attribute_with(text, &ex, Some("Rosa Lee"), Some(&known));
    check_attribution(text, &ex, &at);
});
