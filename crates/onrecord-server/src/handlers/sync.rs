//! The open documents: opened, changed (incremental edits on the rope) and
//! closed.

#[allow(unused_imports)]
use super::*;

impl Backend {
    pub(super) async fn on_did_open(&self, params: DidOpenTextDocumentParams) {
        let td = params.text_document;
        {
            let mut s = self.state.lock().await;
            // Opened again without a close: the old check must not publish
            // for the new text.
            let edits = match s.docs.remove(&td.uri) {
                Some(mut old) => {
                    if let Some(t) = old.task.take() {
                        t.stop();
                    }
                    old.edits + 1
                }
                None => 0,
            };
            s.docs.insert(
                td.uri.clone(),
                OpenDoc {
                    rope: Rope::from_str(&td.text),
                    version: td.version,
                    edits,
                    language: td.language_id,
                    task: None,
                    view: None,
                },
            );
        }
        schedule(&self.client, &self.state, td.uri, Duration::ZERO).await;
    }

    pub(super) async fn on_did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let backwards = {
            let mut s = self.state.lock().await;
            let enc = s.encoding;
            let Some(d) = s.docs.get_mut(&uri) else {
                drop(s);
                self.client
                    .log_message(
                        MessageType::WARNING,
                        format!(
                            "onrecord: change to a document that is not open: {}",
                            uri.as_str()
                        ),
                    )
                    .await;
                return;
            };
            // A version that goes backwards is the client's mistake, but the
            // editor has applied the change: so does the server, or its
            // text would differ from the user's from then on.
            let backwards = (params.text_document.version < d.version)
                .then_some((d.version, params.text_document.version));
            for change in params.content_changes {
                match change.range {
                    Some(range) => {
                        let a = position::rope_char(&d.rope, range.start, enc);
                        let b = position::rope_char(&d.rope, range.end, enc).max(a);
                        d.rope.remove(a..b);
                        d.rope.insert(a, &change.text);
                    }
                    None => d.rope = Rope::from_str(&change.text),
                }
            }
            d.version = params.text_document.version;
            d.edits += 1;
            d.view = None;
            backwards
        };
        if let Some((was, now)) = backwards {
            self.client
                .log_message(
                    MessageType::WARNING,
                    format!(
                        "onrecord: {} went from version {was} back to {now}; the change was applied",
                        uri.as_str()
                    ),
                )
                .await;
        }
        let delay = Duration::from_millis(self.state.lock().await.editor.debounce_ms);
        schedule(&self.client, &self.state, uri, delay).await;
    }

    pub(super) async fn on_did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let removed = self.state.lock().await.docs.remove(&uri);
        if let Some(mut d) = removed {
            if let Some(t) = d.task.take() {
                t.stop();
            }
        }
        self.client.publish_diagnostics(uri, Vec::new(), None).await;
    }
}
