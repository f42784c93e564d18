//! The engine's answers as protocol types: diagnostics, hover text,
//! locations, edits, hints, lenses, symbols and completions.

use super::position::{Encoding, Positions};
use super::{severity_to_lsp, Indexed, View};
use onrecord_engine::attribute::Confidence;
use onrecord_engine::check::{self, QuoteCheck, SourcePlace, Status};
use onrecord_engine::corpus::Document;
use onrecord_engine::extract::Kind;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;

/// The document a view's offsets belong to.
fn doc_of<'a>(view: &'a View, indexed: &'a Indexed) -> &'a Document {
    match view {
        View::Draft { doc, .. } => doc,
        View::Source { doc } => &indexed.corpus.docs()[*doc as usize],
    }
}

/// Every quotation of a view, with what the corpus says of it.
fn quotes(view: &View, indexed: &Indexed) -> Vec<QuoteCheck> {
    match view {
        View::Draft { report, .. } => report.quotes.clone(),
        View::Source { doc } => {
            let a = &indexed.corpus.analysis;
            a.doc_quotes(*doc)
                .map(|qi| check::corpus_quote(&indexed.corpus, qi))
                .collect()
        }
    }
}

/// The byte offset of a position, or an error naming the problem.
fn offset_of(doc: &Document, enc: Encoding, pos: Position) -> Result<u32> {
    Positions::new(doc, enc).offset(pos).ok_or_else(|| {
        Error::invalid_params(format!(
            "position {}:{} is past the end of the document ({} lines)",
            pos.line,
            pos.character,
            doc.raw().matches('\n').count() + 1
        ))
    })
}

/// The quotation under a position.
fn quote_at(
    view: &View,
    indexed: &Indexed,
    enc: Encoding,
    pos: Position,
) -> Result<Option<QuoteCheck>> {
    let doc = doc_of(view, indexed);
    let off = offset_of(doc, enc, pos)?;
    Ok(match view {
        View::Draft { report, .. } => report
            .quotes
            .iter()
            .filter(|q| q.open <= off && off <= q.close)
            .min_by_key(|q| q.close - q.open)
            .cloned(),
        View::Source { doc } => check::corpus_quote_at(&indexed.corpus, *doc, off)
            .map(|qi| check::corpus_quote(&indexed.corpus, qi)),
    })
}

pub fn quote_range_at(
    view: &View,
    indexed: &Indexed,
    enc: Encoding,
    pos: Position,
) -> Result<Option<Range>> {
    let doc = doc_of(view, indexed);
    Ok(quote_at(view, indexed, enc, pos)?.map(|q| Positions::new(doc, enc).range(q.open, q.close)))
}

fn location(indexed: &Indexed, s: &SourcePlace, enc: Encoding) -> Option<Location> {
    let doc = &indexed.corpus.docs()[s.doc as usize];
    let uri = indexed.uri_of(s.doc)?;
    Some(Location::new(
        uri,
        Positions::new(doc, enc).range(s.start, s.end),
    ))
}

/// The corpus places that carry the words under a position, primary first.
pub fn sources_at(
    view: &View,
    indexed: &Indexed,
    enc: Encoding,
    pos: Position,
) -> Result<Vec<Location>> {
    Ok(quote_at(view, indexed, enc, pos)?
        .map(|q| {
            q.sources
                .iter()
                .filter_map(|s| location(indexed, s, enc))
                .collect()
        })
        .unwrap_or_default())
}

pub fn source_places_at(
    view: &View,
    indexed: &Indexed,
    pos: Position,
    enc: Encoding,
) -> Result<Vec<SourcePlace>> {
    Ok(quote_at(view, indexed, enc, pos)?
        .map(|q| q.sources)
        .unwrap_or_default())
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
    report
        .quotes
        .iter()
        .filter(|q| {
            q.sources.iter().any(|s| {
                places
                    .iter()
                    .any(|o| o.doc == s.doc && o.start < s.end && s.start < o.end)
            })
        })
        .map(|q| Location::new(uri.clone(), p.range(q.open, q.close)))
        .collect()
}

fn speaker_name(indexed: &Indexed, s: u32) -> String {
    indexed.corpus.analysis.speakers[s as usize].name.clone()
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
            let q = &report.quotes[f.quote];
            let related: Vec<DiagnosticRelatedInformation> = q
                .sources
                .iter()
                .take(10)
                .filter_map(|s| {
                    let who = s
                        .speaker
                        .map(|x| speaker_name(indexed, x))
                        .unwrap_or_else(|| "no speaker given".into());
                    Some(DiagnosticRelatedInformation {
                        location: location(indexed, s, enc)?,
                        message: format!(
                            "{who}: \u{201c}{}\u{201d}",
                            check::wording(&indexed.corpus, s)
                        ),
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

/// Markdown: the speaker, the closest source wording with the differing
/// words in bold, and every article that carries the words.
pub fn hover(
    view: &View,
    indexed: &Indexed,
    enc: Encoding,
    pos: Position,
) -> Result<Option<Hover>> {
    let Some(q) = quote_at(view, indexed, enc, pos)? else {
        return Ok(None);
    };
    let doc = doc_of(view, indexed);
    let md = hover_markdown(indexed, &q);
    Ok(Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: md,
        }),
        range: Some(Positions::new(doc, enc).range(q.open, q.close)),
    }))
}

/// The hover's text: who said it, how the draft's words compare, and
/// every source with how it attributes the words.
fn hover_markdown(indexed: &Indexed, q: &QuoteCheck) -> String {
    let a = &indexed.corpus.analysis;
    let mut md = String::new();
    let said = check::distinct_speakers(&indexed.corpus, &q.said_by)
        .into_iter()
        .map(|s| {
            let sp = &a.speakers[s as usize];
            match &sp.role {
                Some(r) if !sp.anonymous => format!("**{}** ({r})", sp.name),
                _ => format!("**{}**", sp.name),
            }
        })
        .collect::<Vec<_>>();
    if said.is_empty() {
        md.push_str("**Speaker unknown**: no source names one");
    } else {
        md.push_str(&format!("Said by {}", said.join(" or ")));
    }
    if let Some(sp) = &q.speaker {
        if !q
            .said_by
            .iter()
            .any(|&s| a.speakers[s as usize].name == sp.name)
        {
            md.push_str(&format!(" · this text credits {}", sp.name));
        }
    }
    md.push('\n');
    match q.status {
        Status::Unknown => md.push_str("\nFound in no source article.\n"),
        Status::Unchecked => md.push_str("\nToo short to check against the sources.\n"),
        Status::Differs => {
            if let Some(best) = check::closest_source(q) {
                md.push_str(&format!(
                    "\nThe sources have: \u{201c}{}\u{201d}\n",
                    marked_wording(indexed, best)
                ));
            }
        }
        Status::Exact => {}
    }
    let total = q.sources.len() + q.unlisted;
    if total > 0 {
        md.push_str(&format!(
            "\n{} source{}:\n",
            total,
            if total == 1 { "" } else { "s" }
        ));
    }
    for s in q.sources.iter().take(12) {
        md.push_str(&source_line(indexed, s));
    }
    if total > 12 {
        md.push_str(&format!("- and {} more\n", total - 12));
    }
    md
}

/// One source in the hover: its title, outlet, place, and how it gives
/// the speaker.
fn source_line(indexed: &Indexed, s: &SourcePlace) -> String {
    let a = &indexed.corpus.analysis;
    let d = &indexed.corpus.docs()[s.doc as usize];
    let file = d.path.rsplit('/').next().unwrap_or(&d.path);
    let outlet = d
        .meta
        .outlet
        .as_deref()
        .or(d.meta.wire.as_deref())
        .map(|o| format!(", {o}"))
        .unwrap_or_default();
    let how = match (s.quote, s.speaker) {
        (Some(qi), Some(sp)) => {
            let info = &a.quotes[qi as usize];
            // How the article attributes the words, and what a pronoun
            // there stands for, so the reader can judge it.
            let clause = check::attributing_clause(a, qi as usize)
                .map(|c| format!(": \u{201c}{}\u{201d}", c.replace('*', "\\*")))
                .unwrap_or_default();
            let likely = info
                .speaker
                .as_ref()
                .is_some_and(|x| x.confidence == Confidence::Likely);
            let sure = if likely { " (likely)" } else { "" };
            if info.quote.kind == Kind::Transcript {
                format!("transcript: {}", speaker_name(indexed, sp))
            } else {
                format!("{}{clause}{sure}", speaker_name(indexed, sp))
            }
        }
        (Some(_), None) => "quoted, no speaker given".into(),
        (None, _) => "not quoted".into(),
    };
    let mark = if s.primary { " · primary" } else { "" };
    let exact = if s.exact { "" } else { " · different wording" };
    format!(
        "- *{}*{outlet} — `{file}:{}` — {how}{mark}{exact}\n",
        d.title().replace('*', "\\*"),
        d.line_of(s.start)
    )
}

/// A source's wording with the words that differ from the draft in bold.
fn marked_wording(indexed: &Indexed, s: &SourcePlace) -> String {
    let raw = &indexed.corpus.docs()[s.doc as usize].raw();
    let mut out = String::new();
    let mut at = s.start as usize;
    for &(ds, de) in &s.differs {
        let (ds, de) = (ds as usize, de as usize);
        if ds < at || de > s.end as usize {
            continue;
        }
        out.push_str(raw.get(at..ds).unwrap_or(""));
        out.push_str("**");
        out.push_str(raw.get(ds..de).unwrap_or(""));
        out.push_str("**");
        at = de;
    }
    out.push_str(raw.get(at..s.end as usize).unwrap_or(""));
    out.split_whitespace().collect::<Vec<_>>().join(" ")
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
        for (i, fix) in f.fixes.iter().enumerate() {
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
                is_preferred: Some(i == 0 && f.fixes.len() > 1),
                ..Default::default()
            }));
        }
    }
    out
}

fn in_range(p: &Positions, off: u32, range: Range) -> bool {
    let pos = p.position(off);
    pos >= range.start && pos <= range.end
}

pub fn inlay_hints(view: &View, indexed: &Indexed, enc: Encoding, range: Range) -> Vec<InlayHint> {
    let doc = doc_of(view, indexed);
    let p = Positions::new(doc, enc);
    quotes(view, indexed)
        .iter()
        .filter(|q| in_range(&p, q.close, range))
        .filter_map(|q| {
            let who = q.said_by.first().map(|&s| speaker_name(indexed, s))?;
            Some(InlayHint {
                position: p.position(q.close),
                label: InlayHintLabel::String(format!("— {who}")),
                kind: None,
                text_edits: None,
                tooltip: None,
                padding_left: Some(true),
                padding_right: None,
                data: None,
            })
        })
        .collect()
}

pub fn code_lenses(view: &View, indexed: &Indexed, uri: &Uri, enc: Encoding) -> Vec<CodeLens> {
    let doc = doc_of(view, indexed);
    let p = Positions::new(doc, enc);
    quotes(view, indexed)
        .iter()
        .filter(|q| q.status != Status::Unchecked)
        .map(|q| {
            let n = q.sources.len() + q.unlisted;
            let mut title = match n {
                0 => "no source".to_string(),
                1 => "1 source".to_string(),
                n => format!("{n} sources"),
            };
            if let Some(&s) = q.said_by.first() {
                title.push_str(&format!(" · {}", speaker_name(indexed, s)));
            }
            let range = p.range(q.open, q.close);
            CodeLens {
                range,
                command: Some(Command {
                    title,
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

fn short(text: &str, max: usize) -> String {
    let one: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= max {
        return one;
    }
    let cut: String = one.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

#[allow(deprecated)]
pub fn document_symbols(view: &View, indexed: &Indexed, enc: Encoding) -> Vec<DocumentSymbol> {
    let doc = doc_of(view, indexed);
    let p = Positions::new(doc, enc);
    quotes(view, indexed)
        .iter()
        .map(|q| {
            let range = p.range(q.open, q.close);
            DocumentSymbol {
                name: format!("\u{201c}{}\u{201d}", short(&q.text, 60)),
                detail: q
                    .speaker
                    .as_ref()
                    .map(|s| s.name.clone())
                    .or_else(|| q.said_by.first().map(|&s| speaker_name(indexed, s))),
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
    let a = &indexed.corpus.analysis;
    check::search(&indexed.corpus, query, 200)
        .into_iter()
        .filter_map(|qi| {
            let info = &a.quotes[qi];
            let doc = &a.docs[info.doc as usize];
            let uri = indexed.uri_of(info.doc)?;
            let range = Positions::new(doc, enc).range(
                doc.raw_start(info.quote.open),
                doc.raw_end(info.quote.close),
            );
            Some(WorkspaceSymbol {
                name: format!("\u{201c}{}\u{201d}", short(&info.quote.text(&doc.text), 60)),
                kind: SymbolKind::STRING,
                tags: None,
                container_name: info
                    .speaker
                    .as_ref()
                    .map(|s| a.speakers[s.speaker as usize].name.clone()),
                location: OneOf::Left(Location::new(uri, range)),
                data: None,
            })
        })
        .collect()
}

const OPENERS: &[(char, char)] = &[('"', '"'), ('\u{201c}', '\u{201d}'), ('\u{ab}', '\u{bb}')];

/// Source wordings for the quotation being typed: `before` is the line up
/// to the cursor.
pub fn completions(
    indexed: &Indexed,
    before: &str,
    cursor: Position,
    enc: Encoding,
) -> Vec<CompletionItem> {
    // The last opening mark that is not closed before the cursor.
    let mut open: Option<(usize, char)> = None;
    for (i, c) in before.char_indices() {
        match open {
            Some((_, close)) if c == close => open = None,
            None => {
                if let Some(&(_, close)) = OPENERS.iter().find(|(o, _)| *o == c) {
                    open = Some((i + c.len_utf8(), close));
                }
            }
            _ => {}
        }
    }
    let Some((after_mark, close)) = open else {
        return Vec::new();
    };
    let typed = &before[after_mark..];
    let typed_units: u32 = typed
        .chars()
        .map(|c| match enc {
            Encoding::Utf8 => c.len_utf8() as u32,
            Encoding::Utf16 => c.len_utf16() as u32,
        })
        .sum();
    let start = Position::new(cursor.line, cursor.character.saturating_sub(typed_units));
    let range = Range::new(start, cursor);
    let a = &indexed.corpus.analysis;
    check::suggest(&indexed.corpus, typed, 10)
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let who = s.speaker.map(|x| &a.speakers[x as usize]);
            let text = s.completion(&indexed.corpus, close);
            CompletionItem {
                label: short(&s.wording, 70),
                kind: Some(CompletionItemKind::TEXT),
                detail: who.map(|sp| sp.name.clone()),
                documentation: Some(Documentation::String(s.wording.clone())),
                filter_text: Some(typed.to_string()),
                sort_text: Some(format!("{i:03}")),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, text))),
                ..Default::default()
            }
        })
        .collect()
}
