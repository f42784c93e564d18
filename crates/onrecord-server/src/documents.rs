//! Open drafts: their path, their parse, and the memoised view of their
//! findings.

#[allow(unused_imports)]
use super::*;

/// The file name a document is parsed as: its own, or one that tells its
/// format from the editor's language id.
pub(super) fn draft_path(uri: &Uri, language: &str) -> String {
    let path = uri
        .to_file_path()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|| uri.as_str().to_string());
    if Format::from_path(Path::new(&path)).is_some_and(|f| f != Format::Html) {
        return path;
    }
    match language {
        "markdown" => format!("{path}.md"),
        _ => format!("{path}.txt"),
    }
}

pub(super) fn parse_draft(path: &str, text: &str) -> Document {
    let opts = LoadOptions {
        max_bytes: usize::MAX,
        exclude: Vec::new(),
        nul_is_text: true,
    };
    match corpus::parse_document(path, text.as_bytes(), None, &opts).0 {
        Some(d) => d,
        // Drafts are never refused: a file the corpus rules would skip is
        // read as plain text.
        None => corpus::parse_document("draft.txt", text.as_bytes(), None, &opts)
            .0
            .expect("plain text always parses"),
    }
}

/// The view of a document's text; `None` when `cancelled` said to stop.
pub(super) fn compute_view(
    indexed: &Indexed,
    config: &Config,
    uri: &Uri,
    language: &str,
    text: &str,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<View> {
    if let Some(path) = uri.to_file_path() {
        if let Some(&doc) = indexed.by_path.get(path.as_ref()) {
            return Some(View::Source { doc });
        }
    }
    let doc = parse_draft(&draft_path(uri, language), text);
    let mut report = check::check_unless(
        &indexed.corpus,
        Some(&indexed.memo),
        &doc,
        config,
        cancelled,
    )?;
    // With no source articles every quotation would be "found in no
    // source": the editor is told once instead (see `adopt`).
    if indexed.corpus.docs().is_empty() {
        report.findings.clear();
    }
    Some(View::Draft {
        doc: Box::new(doc),
        report,
    })
}
