//! Diagnostics: a check scheduled after each pause in typing, published
//! only for the version it was computed for.

#[allow(unused_imports)]
use super::*;

/// Asks the client to fetch inlay hints and code lenses again, where it
/// said it can. The answers are of no use; a client that fails them keeps
/// its old hints.
pub(super) fn refresh(client: &Client, hints: bool, lenses: bool) {
    let client = client.clone();
    tokio::spawn(async move {
        if hints {
            let _ = client.inlay_hint_refresh().await;
        }
        if lenses {
            let _ = client.code_lens_refresh().await;
        }
    });
}

/// Checks a document after `delay`, replacing any pending check, and
/// publishes the diagnostics only if the document is still at the version
/// that was checked.
pub(super) async fn schedule(
    client: &Client,
    state: &Arc<Mutex<State>>,
    uri: Uri,
    delay: Duration,
) {
    let cancel = Arc::new(AtomicBool::new(false));
    let task = tokio::spawn(run_check(
        client.clone(),
        state.clone(),
        uri.clone(),
        delay,
        cancel.clone(),
    ));
    let mut s = state.lock().await;
    let pending = PendingCheck { task, cancel };
    match s.docs.get_mut(&uri) {
        Some(d) => {
            if let Some(old) = d.task.replace(pending) {
                old.stop();
            }
        }
        None => pending.stop(),
    }
}

/// One scheduled check: waits out the pause, checks the text as it is
/// then (stopping when `cancelled` is set), and publishes only if the
/// document is still at that version.
async fn run_check(
    client: Client,
    state: Arc<Mutex<State>>,
    uri: Uri,
    delay: Duration,
    cancelled: Arc<AtomicBool>,
) {
    tokio::time::sleep(delay).await;
    let (text, language, version, edits, indexed, config, generation, enc) = {
        let s = state.lock().await;
        let Some(d) = s.docs.get(&uri) else { return };
        // Before the first index every quotation would look unknown;
        // the end of indexing checks every open document.
        if s.generation == 0 {
            return;
        }
        (
            d.rope.to_string(),
            d.language.clone(),
            d.version,
            d.edits,
            s.indexed.clone(),
            s.config.clone(),
            s.generation,
            s.encoding,
        )
    };
    let (idx, cfg, u) = (indexed.clone(), config.clone(), uri.clone());
    let checked = tokio::task::spawn_blocking(move || {
        let view = compute_view(&idx, &cfg, &u, &language, &text, &|| {
            cancelled.load(Ordering::Relaxed)
        })?;
        let diagnostics = features::diagnostics(&view, &idx, enc);
        Some((view, diagnostics))
    })
    .await;
    // Publish under the lock, so that no newer version can be stored
    // between the check and the send.
    let mut s = state.lock().await;
    let current = s.generation;
    let Some(d) = s.docs.get_mut(&uri) else {
        return;
    };
    if d.edits != edits || current != generation {
        return;
    }
    match checked {
        Ok(None) => {}
        Ok(Some((view, diagnostics))) => {
            d.view = Some((edits, generation, Arc::new(view)));
            client
                .publish_diagnostics(uri, diagnostics, Some(version))
                .await;
        }
        // The check panicked (the panic boundary of a spawned task):
        // the diagnostics of an older version must not stay on this
        // text, so they are cleared, and the log says why.
        Err(e) if e.is_panic() => {
            let what = guard::panic_message(e.into_panic().as_ref());
            client
                .log_message(
                    MessageType::ERROR,
                    format!(
                        "onrecord: internal error checking {} (version {version}): {what}; its diagnostics are cleared",
                        uri.as_str()
                    ),
                )
                .await;
            client
                .publish_diagnostics(uri, Vec::new(), Some(version))
                .await;
        }
        Err(_) => {}
    }
}

pub(super) fn severity_to_lsp(s: config::Severity) -> DiagnosticSeverity {
    match s {
        config::Severity::Error => DiagnosticSeverity::ERROR,
        config::Severity::Warning => DiagnosticSeverity::WARNING,
        config::Severity::Information => DiagnosticSeverity::INFORMATION,
        _ => DiagnosticSeverity::HINT,
    }
}
