//! What the server offers and what it learns of the client at
//! `initialize`: the workspace root, the position encoding, and which
//! requests the client supports.

#[allow(unused_imports)]
use super::*;

/// The first workspace folder, else the root URI, as a path.
pub(super) fn workspace_root(params: &InitializeParams) -> Option<PathBuf> {
    #[allow(deprecated)]
    params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .and_then(|f| f.uri.to_file_path().map(std::borrow::Cow::into_owned))
        .or_else(|| {
            params
                .root_uri
                .as_ref()
                .and_then(|u| u.to_file_path().map(std::borrow::Cow::into_owned))
        })
}

/// Notes in the state what the client supports; whether positions are in
/// UTF-8 (else UTF-16, the protocol's default).
pub(super) fn note_client(s: &mut State, caps: &ClientCapabilities) -> bool {
    let utf8 = caps
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|e| e.contains(&PositionEncodingKind::UTF8));
    s.encoding = if utf8 {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    s.progress_supported = caps
        .window
        .as_ref()
        .and_then(|w| w.work_done_progress)
        .unwrap_or(false);
    s.watch_dynamic = caps
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false);
    let ws = caps.workspace.as_ref();
    s.refresh_hints = ws
        .and_then(|w| w.inlay_hint.as_ref())
        .and_then(|h| h.refresh_support)
        .unwrap_or(false);
    s.refresh_lenses = ws
        .and_then(|w| w.code_lens.as_ref())
        .and_then(|l| l.refresh_support)
        .unwrap_or(false);
    utf8
}

/// What the server answers.
pub(super) fn server(encoding: PositionEncodingKind) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..Default::default()
        })),
        inlay_hint_provider: Some(OneOf::Left(true)),
        code_lens_provider: Some(CodeLensOptions {
            resolve_provider: Some(false),
        }),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(
                ["\"", "\u{201c}", "\u{ab}", " "]
                    .iter()
                    .map(std::string::ToString::to_string)
                    .collect(),
            ),
            ..Default::default()
        }),
        ..Default::default()
    }
}
