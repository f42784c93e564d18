//! Findings on drafts as `onrecord check` prints them: a compiler-style
//! report for people, JSON records, SARIF 2.1.0 and GitHub workflow
//! annotations for CI. Pure: each format is built as a string.

use onrecord_engine::check::{self, Corpus, DraftReport, Finding};
use onrecord_engine::config::{Code, Severity};
use onrecord_engine::corpus::Document;
use serde::Serialize;

/// A draft with its findings.
pub struct Checked {
    pub doc: Document,
    pub report: DraftReport,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct SourceRecord {
    pub file: String,
    pub line: u32,
    pub text: String,
    pub speaker: Option<String>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct FixRecord {
    pub start: u32,
    pub end: u32,
    pub replacement: String,
}

/// One finding, as `--format json` prints it.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct FindingRecord {
    pub file: String,
    /// 1-based, in characters.
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    /// UTF-8 byte offsets in the file.
    pub start: u32,
    pub end: u32,
    pub severity: &'static str,
    pub code: &'static str,
    pub message: String,
    /// Who the sources say said it.
    pub speaker: Option<String>,
    pub sources: Vec<SourceRecord>,
    pub fix: Option<FixRecord>,
}

pub fn record(corpus: &Corpus, c: &Checked, f: &Finding) -> FindingRecord {
    let q = &c.report.quotes[f.quote];
    let (line, column) = c.doc.line_col(f.start);
    let (end_line, end_column) = c.doc.line_col(f.end);
    let a = &corpus.analysis;
    FindingRecord {
        file: c.doc.path.clone(),
        line,
        column,
        end_line,
        end_column,
        start: f.start.get(),
        end: f.end.get(),
        severity: f.severity.as_str(),
        code: f.code.as_str(),
        message: f.message.clone(),
        speaker: q.said_by.first().map(|&s| a.speaker(s).name.clone()),
        sources: q
            .sources
            .iter()
            .map(|s| {
                let d = a.doc(s.doc);
                SourceRecord {
                    file: d.path.clone(),
                    line: d.line_of(s.start),
                    text: check::wording(corpus, s),
                    speaker: s.speaker.map(|x| a.speaker(x).name.clone()),
                }
            })
            .collect(),
        fix: main_fix(f).map(|x| FixRecord {
            start: x.edit.start.get(),
            end: x.edit.end.get(),
            replacement: x.edit.replacement.clone(),
        }),
    }
}

/// The fix that repairs the quotation, if there is one (not the one that
/// only silences the check).
pub fn main_fix(f: &Finding) -> Option<&check::Fix> {
    f.preferred()
}

pub fn json_lines(corpus: &Corpus, checked: &[Checked]) -> String {
    let mut out = String::new();
    for c in checked {
        for f in &c.report.findings {
            out.push_str(&serde_json::to_string(&record(corpus, c, f)).unwrap_or_default());
            out.push('\n');
        }
    }
    out
}

/// A compiler-style report: the draft line, a caret under the quotation,
/// and the source wording.
pub fn human(corpus: &Corpus, checked: &[Checked]) -> String {
    use codespan_reporting::diagnostic::{Diagnostic, Label};
    use codespan_reporting::files::SimpleFiles;
    use codespan_reporting::term;
    let mut files = SimpleFiles::new();
    let config = term::Config::default();
    let mut out = String::new();
    let mut counts = [0usize; 5];
    for c in checked {
        let id = files.add(c.doc.path.clone(), c.doc.raw());
        for f in &c.report.findings {
            counts[f.severity as usize] += 1;
            let r = record(corpus, c, f);
            let d = match f.severity {
                Severity::Error => Diagnostic::error(),
                Severity::Warning => Diagnostic::warning(),
                Severity::Information => Diagnostic::note(),
                _ => Diagnostic::help(),
            };
            let mut notes = Vec::new();
            for s in r.sources.iter().take(3) {
                let who = s.speaker.as_deref().unwrap_or("no speaker given");
                notes.push(format!(
                    "{}:{} ({who}): \u{201c}{}\u{201d}",
                    s.file, s.line, s.text
                ));
            }
            if r.sources.len() > 3 {
                notes.push(format!("and {} more sources", r.sources.len() - 3));
            }
            if let Some(fix) = main_fix(f) {
                notes.push(format!("fix: {}", fix.title));
            }
            let d = d
                .with_code(f.code.as_str())
                .with_message(&f.message)
                .with_labels(vec![Label::primary(
                    id,
                    f.start.as_usize()..f.end.as_usize(),
                )])
                .with_notes(notes);
            let mut s = String::new();
            if term::emit_to_string(&mut s, &config, &files, &d).is_ok() {
                out.push_str(&s);
            }
        }
    }
    let drafts = checked.len();
    let total: usize = counts.iter().sum();
    out.push_str(&format!(
        "{} finding{} in {} draft{} ({} error, {} warning, {} information)\n",
        total,
        if total == 1 { "" } else { "s" },
        drafts,
        if drafts == 1 { "" } else { "s" },
        counts[Severity::Error as usize],
        counts[Severity::Warning as usize],
        counts[Severity::Information as usize] + counts[Severity::Hint as usize],
    ));
    out
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub Actions workflow commands, one per finding.
pub fn github(corpus: &Corpus, checked: &[Checked]) -> String {
    let mut out = String::new();
    for c in checked {
        for f in &c.report.findings {
            let r = record(corpus, c, f);
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                _ => "notice",
            };
            out.push_str(&format!(
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                escape_property(&r.file),
                r.line,
                r.column,
                r.end_line,
                r.end_column,
                escape_property(&format!("onrecord {}", r.code)),
                escape_data(&r.message)
            ));
        }
    }
    out
}

/// A SARIF 2.1.0 log with one run.
pub fn sarif(corpus: &Corpus, checked: &[Checked]) -> String {
    use serde_json::json;
    let rules: Vec<_> = Code::ALL
        .iter()
        .map(|c| {
            json!({
                "id": c.as_str(),
                "name": c.as_str(),
                "shortDescription": {"text": c.description()},
                "defaultConfiguration": {"level": level(c.default_severity())},
            })
        })
        .collect();
    let results: Vec<_> = checked
        .iter()
        .flat_map(|c| {
            c.report
                .findings
                .iter()
                .map(move |f| sarif_result(corpus, c, f))
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "onrecord",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/onrecord/onrecord",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

/// One finding as a SARIF result: its place, the sources as related
/// locations, and its main fix.
fn sarif_result(corpus: &Corpus, c: &Checked, f: &Finding) -> serde_json::Value {
    use serde_json::json;
    let r = record(corpus, c, f);
    let related: Vec<_> = r
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            json!({
                "id": i,
                "message": {"text": format!("{}: \u{201c}{}\u{201d}", s.speaker.as_deref().unwrap_or("source"), s.text)},
                "physicalLocation": {
                    "artifactLocation": {"uri": uri_path(&s.file)},
                    "region": {"startLine": s.line},
                },
            })
        })
        .collect();
    let mut result = json!({
        "ruleId": r.code,
        "ruleIndex": Code::ALL.iter().position(|c| c == &f.code).unwrap_or(0),
        "level": level(f.severity),
        "message": {"text": r.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": uri_path(&r.file)},
                "region": {
                    "startLine": r.line,
                    "startColumn": r.column,
                    "endLine": r.end_line,
                    "endColumn": r.end_column,
                    "charOffset": char_offset(&c.doc, r.start),
                    "charLength": char_offset(&c.doc, r.end) - char_offset(&c.doc, r.start),
                },
            },
        }],
    });
    if !related.is_empty() {
        result["relatedLocations"] = json!(related);
    }
    if let Some(fix) = main_fix(f) {
        let (sl, sc) = c.doc.line_col(fix.edit.start);
        let (el, ec) = c.doc.line_col(fix.edit.end);
        result["fixes"] = json!([{
            "description": {"text": fix.title},
            "artifactChanges": [{
                "artifactLocation": {"uri": uri_path(&r.file)},
                "replacements": [{
                    "deletedRegion": {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec},
                    "insertedContent": {"text": fix.edit.replacement},
                }],
            }],
        }]);
    }
    result
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
        Severity::Off => "none",
    }
}

fn char_offset(doc: &Document, byte: u32) -> usize {
    doc.raw()
        .get(..byte as usize)
        .map(|s| s.chars().count())
        .unwrap_or(0)
}

/// A relative path as a URI reference: separators kept, the rest escaped.
fn uri_path(p: &str) -> String {
    let mut out = String::new();
    for b in p.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
