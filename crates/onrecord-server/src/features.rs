//! The engine's answers ([`onrecord_engine::ide`]) as protocol types:
//! file offsets become positions in the client's encoding, corpus
//! articles become URIs. No answer is worked out here.

use super::position::{Encoding, Positions};
use super::{severity_to_lsp, Indexed, View};
use onrecord_engine::check::{self, SourcePlace};
use onrecord_engine::corpus::{Document, FileOffset};
use onrecord_engine::ide::{self, Target};
use onrecord_engine::ids::DocId;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;

/// The document a view's offsets belong to.
fn doc_of<'a>(view: &'a View, indexed: &'a Indexed) -> &'a Document {
    match view {
        View::Draft { doc, .. } => doc,
        View::Source { doc } => indexed.corpus.doc(*doc),
    }
}

/// What the engine's questions are about.
fn target(view: &View) -> Target<'_> {
    match view {
        View::Draft { report, .. } => Target::Draft(report),
        View::Source { doc } => Target::Source(*doc),
    }
}

/// The byte offset of a position, or an error naming the problem.
fn offset_of(doc: &Document, enc: Encoding, pos: Position) -> Result<FileOffset> {
    Positions::new(doc, enc).offset(pos).ok_or_else(|| {
        Error::invalid_params(format!(
            "position {}:{} is past the end of the document ({} lines)",
            pos.line,
            pos.character,
            doc.raw().matches('\n').count() + 1
        ))
    })
}

/// The file offset of a position in a view.
fn offset_in(view: &View, indexed: &Indexed, enc: Encoding, pos: Position) -> Result<FileOffset> {
    offset_of(doc_of(view, indexed), enc, pos)
}

pub fn quote_range_at(
    view: &View,
    indexed: &Indexed,
    enc: Encoding,
    pos: Position,
) -> Result<Option<Range>> {
    let off = offset_in(view, indexed, enc, pos)?;
    let doc = doc_of(view, indexed);
    Ok(ide::quote_at(&indexed.corpus, target(view), off)
        .map(|q| Positions::new(doc, enc).range(q.open, q.close)))
}

fn location(
    indexed: &Indexed,
    doc: DocId,
    start: FileOffset,
    end: FileOffset,
    enc: Encoding,
) -> Option<Location> {
    let d = indexed.corpus.doc(doc);
    let uri = indexed.uri_of(doc)?;
    Some(Location::new(uri, Positions::new(d, enc).range(start, end)))
}

fn place_location(indexed: &Indexed, s: &SourcePlace, enc: Encoding) -> Option<Location> {
    location(indexed, s.doc, s.start, s.end, enc)
}

/// The corpus places that carry the words under a position, primary first.
pub fn sources_at(
    view: &View,
    indexed: &Indexed,
    enc: Encoding,
    pos: Position,
) -> Result<Vec<Location>> {
    Ok(source_places_at(view, indexed, pos, enc)?
        .iter()
        .filter_map(|s| place_location(indexed, s, enc))
        .collect())
}

pub fn source_places_at(
    view: &View,
    indexed: &Indexed,
    pos: Position,
    enc: Encoding,
) -> Result<Vec<SourcePlace>> {
    let off = offset_in(view, indexed, enc, pos)?;
    Ok(ide::sources_at(&indexed.corpus, target(view), off))
}

/// Quotations of another open draft that share a corpus place with `places`.
pub fn drafts_sharing(
    view: &View,
    uri: &Uri,
    places: &[SourcePlace],
    enc: Encoding,
) -> Vec<Location> {
    let View::Draft { doc, report } = view else {
        return Vec::new();
    };
    let p = Positions::new(doc, enc);
    ide::quotes_sharing(report, places)
        .into_iter()
        .map(|(open, close)| Location::new(uri.clone(), p.range(open, close)))
        .collect()
}

/// A finding as a diagnostic, without its related places.
fn diagnostic_of(p: &Positions, f: &check::Finding) -> Diagnostic {
    Diagnostic {
        range: p.range(f.start, f.end),
        severity: Some(severity_to_lsp(f.severity)),
        code: Some(NumberOrString::String(f.code.as_str().into())),
        source: Some("onrecord".into()),
        message: f.message.clone(),
        ..Default::default()
    }
}

pub fn diagnostics(view: &View, indexed: &Indexed, enc: Encoding) -> Vec<Diagnostic> {
    let View::Draft { doc, report } = view else {
        return Vec::new();
    };
    let p = Positions::new(doc, enc);
    report
        .findings
        .iter()
        .map(|f| {
            let related: Vec<DiagnosticRelatedInformation> =
                ide::related(&indexed.corpus, &report.quotes[f.quote])
                    .into_iter()
                    .filter_map(|r| {
                        Some(DiagnosticRelatedInformation {
                            location: place_location(indexed, &r.place, enc)?,
                            message: r.message,
                        })
                    })
                    .collect();
            Diagnostic {
                related_information: (!related.is_empty()).then_some(related),
                ..diagnostic_of(&p, f)
            }
        })
        .collect()
}

pub fn hover(
    view: &View,
    indexed: &Indexed,
    enc: Encoding,
    pos: Position,
) -> Result<Option<Hover>> {
    let off = offset_in(view, indexed, enc, pos)?;
    let doc = doc_of(view, indexed);
    Ok(
        ide::hover(&indexed.corpus, target(view), off).map(|h| Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: h.markdown,
            }),
            range: Some(Positions::new(doc, enc).range(h.open, h.close)),
        }),
    )
}

pub fn code_actions(view: &View, uri: &Uri, enc: Encoding, range: Range) -> CodeActionResponse {
    let View::Draft { doc, report } = view else {
        return Vec::new();
    };
    let p = Positions::new(doc, enc);
    let (Some(a), Some(b)) = (p.offset(range.start), p.offset(range.end)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for f in &report.findings {
        if !(f.start <= b && a <= f.end) {
            continue;
        }
        let diagnostic = diagnostic_of(&p, f);
        for fix in &f.fixes {
            let edit = TextEdit::new(
                p.range(fix.edit.start, fix.edit.end),
                fix.edit.replacement.clone(),
            );
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: Some(WorkspaceEdit {
                    changes: Some([(uri.clone(), vec![edit])].into_iter().collect()),
                    ..Default::default()
                }),
                is_preferred: Some(f.preferred().is_some_and(|p| std::ptr::eq(p, fix))),
                ..Default::default()
            }));
        }
    }
    out
}

fn in_range(p: &Positions, off: FileOffset, range: Range) -> bool {
    let pos = p.position(off);
    pos >= range.start && pos <= range.end
}

pub fn inlay_hints(view: &View, indexed: &Indexed, enc: Encoding, range: Range) -> Vec<InlayHint> {
    let p = Positions::new(doc_of(view, indexed), enc);
    ide::inlay_hints(&indexed.corpus, target(view))
        .into_iter()
        .filter(|h| in_range(&p, h.at, range))
        .map(|h| InlayHint {
            position: p.position(h.at),
            label: InlayHintLabel::String(h.label),
            kind: None,
            text_edits: None,
            tooltip: None,
            padding_left: Some(true),
            padding_right: None,
            data: None,
        })
        .collect()
}

pub fn code_lenses(view: &View, indexed: &Indexed, uri: &Uri, enc: Encoding) -> Vec<CodeLens> {
    let p = Positions::new(doc_of(view, indexed), enc);
    ide::lenses(&indexed.corpus, target(view))
        .into_iter()
        .map(|l| {
            let range = p.range(l.open, l.close);
            CodeLens {
                range,
                command: Some(Command {
                    title: l.title,
                    command: "onrecord.showSources".into(),
                    arguments: Some(vec![
                        serde_json::json!(uri.as_str()),
                        serde_json::to_value(range.start).unwrap_or_default(),
                    ]),
                }),
                data: None,
            }
        })
        .collect()
}

#[allow(deprecated)]
pub fn document_symbols(view: &View, indexed: &Indexed, enc: Encoding) -> Vec<DocumentSymbol> {
    let p = Positions::new(doc_of(view, indexed), enc);
    ide::document_symbols(&indexed.corpus, target(view))
        .into_iter()
        .map(|s| {
            let range = p.range(s.open, s.close);
            DocumentSymbol {
                name: s.name,
                detail: s.speaker,
                kind: SymbolKind::STRING,
                tags: None,
                deprecated: None,
                range,
                selection_range: range,
                children: None,
            }
        })
        .collect()
}

pub fn workspace_symbols(indexed: &Indexed, enc: Encoding, query: &str) -> Vec<WorkspaceSymbol> {
    ide::workspace_symbols(&indexed.corpus, query)
        .into_iter()
        .filter_map(|s| {
            let doc = s.doc?;
            Some(WorkspaceSymbol {
                name: s.name,
                kind: SymbolKind::STRING,
                tags: None,
                container_name: s.speaker,
                location: OneOf::Left(location(indexed, doc, s.open, s.close, enc)?),
                data: None,
            })
        })
        .collect()
}

/// Completions offered in a menu at once.
const COMPLETIONS: usize = 10;

/// Source wordings for the quotation being typed: `before` is the line up
/// to the cursor.
pub fn completions(
    indexed: &Indexed,
    before: &str,
    cursor: Position,
    enc: Encoding,
) -> Vec<CompletionItem> {
    let Some(found) = ide::completions(&indexed.corpus, before, COMPLETIONS) else {
        return Vec::new();
    };
    let typed = &before[found.typed_from..];
    let typed_units: u32 = typed
        .chars()
        .map(|c| match enc {
            Encoding::Utf8 => c.len_utf8() as u32,
            Encoding::Utf16 => c.len_utf16() as u32,
        })
        .sum();
    let start = Position::new(cursor.line, cursor.character.saturating_sub(typed_units));
    let range = Range::new(start, cursor);
    found
        .items
        .into_iter()
        .enumerate()
        .map(|(i, c)| CompletionItem {
            label: c.label,
            kind: Some(CompletionItemKind::TEXT),
            detail: c.speaker,
            documentation: Some(Documentation::String(c.wording)),
            filter_text: Some(typed.to_string()),
            sort_text: Some(format!("{i:03}")),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, c.insert))),
            ..Default::default()
        })
        .collect()
}
