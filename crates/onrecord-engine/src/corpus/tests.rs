#[allow(unused_imports)]
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
    assert_eq!(doc.line_col(FileOffset(off)), (2, 4));
    assert_eq!(doc.line_col(FileOffset(0)), (1, 1));
}
