//! `onrecord check` in process: the input is source articles and a draft,
//! `SOURCES 0xFF DRAFT` (no 0xFF: split half-way), the sources split at
//! 0xFE into up to four articles (`.txt`, `.md`, `.html`, `.txt`). The
//! corpus and the draft are built as `cli::check` builds them (sources with
//! the default load options, drafts with `nul_is_text`), the draft is
//! checked as `draft.md` and as `draft.txt`, and all four output formats
//! are rendered.
//!
//! Invariants: nothing panics; every finding's span and every fix's edit
//! lies within the draft, ordered and on character boundaries; applying
//! any fix leaves valid UTF-8; the JSON and SARIF outputs are JSON; and the
//! fix that disables a finding does disable it (checked again, the draft
//! with that fix applied has fewer findings of that code for those words).
//!
//! Offsets are file offsets (a byte order mark counted, each byte that is
//! not UTF-8 read as one U+001A): they are checked against the draft's
//! text as the checker kept it (`Document::raw`), which must have the
//! file's length, and fixes are applied to the file's bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onrecord_engine::check::{self, Corpus, DraftReport};
use onrecord_engine::config::{Code, Config};
use onrecord_engine::corpus::{parse_document, Document, FileOffset, LoadOptions};
use onrecord_engine::engine;
use onrecord_engine::link::LinkOptions;
use onrecord_cli::output::{self, Checked};

const EXTS: [&str; 4] = ["txt", "md", "html", "txt"];

fn split(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => data.split_at(data.len() / 2),
    }
}

fn draft_opts() -> LoadOptions {
    LoadOptions {
        nul_is_text: true,
        ..LoadOptions::default()
    }
}

fn parse_draft(name: &str, bytes: &[u8]) -> Document {
    let (doc, _) = parse_document(name, bytes, None, &draft_opts());
    doc.expect("a draft (.md, .txt, NUL read as text) always parses")
}

/// The file's bytes with `start..end` replaced.
fn splice(bytes: &[u8], start: FileOffset, end: FileOffset, with: &str) -> Vec<u8> {
    let mut out = bytes[..start.as_usize()].to_vec();
    out.extend_from_slice(with.as_bytes());
    out.extend_from_slice(&bytes[end.as_usize()..]);
    out
}

fn slices(text: &str, s: FileOffset, e: FileOffset) -> bool {
    let (s, e) = (s.as_usize(), e.as_usize());
    s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
}

/// Findings of `code` whose quotation has these words.
fn count(report: &DraftReport, code: Code, words: &str) -> usize {
    report
        .findings
        .iter()
        .filter(|f| f.code == code && report.quotes[f.quote].text == words)
        .count()
}

fn check_report(corpus: &Corpus, config: &Config, name: &str, bytes: &[u8], doc: &Document, report: &DraftReport) {
    let file_text = std::str::from_utf8(bytes).ok();
    if let Some(t) = file_text {
        assert_eq!(doc.raw(), t, "the draft's text is the file's");
    }
    let text = doc.raw();
    if text.len() != bytes.len() {
        // Only an incomplete last character is dropped.
        let e = std::str::from_utf8(bytes).unwrap_err();
        assert!(e.error_len().is_none() && e.valid_up_to() == text.len(), "{text:?}");
    }
    for f in &report.findings {
        assert!(f.quote < report.quotes.len(), "{f:?}");
        assert!(slices(text, f.start, f.end), "finding span: {f:?}");
        assert!(!f.fixes.is_empty(), "every finding can at least be disabled: {f:?}");
        for fix in &f.fixes {
            let (s, e) = (fix.edit.start, fix.edit.end);
            assert!(slices(text, s, e), "fix edit: {fix:?} of {f:?}");
            assert!(
                !fix.edit.replacement.contains(['\u{1a}', '\u{fffd}']),
                "a fix writes a stand-in: {fix:?}"
            );
            if file_text.is_some() {
                let fixed = splice(bytes, s, e, &fix.edit.replacement);
                assert!(std::str::from_utf8(&fixed).is_ok(), "{fix:?}");
            }
        }
    }
    for q in &report.quotes {
        assert!(q.open <= q.close && q.close.as_usize() <= text.len(), "{q:?}");
        for &(s, e) in &q.segments {
            assert!(slices(text, s, e), "segment: {q:?}");
        }
        if let Some((s, e)) = q.speaker.as_ref().and_then(|sp| sp.mention) {
            assert!(slices(text, s, e), "speaker mention: {q:?}");
        }
    }

    // The disable fix disables. A stray `<!--` or `-->`
    // in the draft can swallow the comment; those drafts are left out.
    if text.contains("<!--") || text.contains("-->") || text.len() != bytes.len() {
        return;
    }
    for f in report.findings.iter().take(2) {
        let fix = f.disable().expect("every finding has a disable fix");
        let words = &report.quotes[f.quote].text;
        let fixed = splice(bytes, fix.edit.start, fix.edit.end, &fix.edit.replacement);
        let doc2 = parse_draft(name, &fixed);
        let fixed = String::from_utf8_lossy(&fixed);
        let again = check::check(corpus, &doc2, config);
        assert!(
            count(&again, f.code, words) < count(report, f.code, words),
            "the fix {:?} did not disable {} on {words:?}; draft after the fix: {fixed:?}",
            fix,
            f.code
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let (sources, draft) = split(data);
    let mut docs = Vec::new();
    for (i, part) in sources.split(|&b| b == 0xFE).take(EXTS.len()).enumerate() {
        let name = format!("sources/s{i}.{}", EXTS[i]);
        let (doc, _warnings) = parse_document(&name, part, None, &LoadOptions::default());
        docs.extend(doc);
    }
    if docs.is_empty() {
        // `onrecord check` refuses an empty corpus.
        return;
    }
    let corpus = Corpus::new(engine::analyze(docs, Vec::new(), &LinkOptions::default()));
    let config = Config::default();

    let mut checked = Vec::new();
    for name in ["drafts/draft.md", "drafts/draft.txt"] {
        let doc = parse_draft(name, draft);
        let report = check::check(&corpus, &doc, &config);
        check_report(&corpus, &config, name, draft, &doc, &report);
        checked.push(Checked { doc, report });
    }

    let findings: usize = checked.iter().map(|c| c.report.findings.len()).sum();
    let human = output::human(&corpus, &checked);
    assert!(human.ends_with('\n'));
    let json = output::json_lines(&corpus, &checked);
    assert_eq!(json.lines().count(), findings);
    for line in json.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        assert!(v["start"].as_u64() <= v["end"].as_u64(), "{v}");
    }
    let sarif: serde_json::Value =
        serde_json::from_str(&output::sarif(&corpus, &checked)).expect("SARIF is JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let github = output::github(&corpus, &checked);
    assert_eq!(github.lines().count(), findings, "one line per finding");
});
