//! `initialize`, `initialized` and `shutdown`: what the client and the
//! server offer each other, the first indexing, and stopping work.

#[allow(unused_imports)]
use super::*;

impl Backend {
    pub(super) async fn on_initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let mut s = self.state.lock().await;
        s.root = capabilities::workspace_root(&params);
        let utf8 = capabilities::note_client(&mut s, &params.capabilities);
        s.init_options = params.initialization_options.clone();
        let encoding = if utf8 {
            PositionEncodingKind::UTF8
        } else {
            PositionEncodingKind::UTF16
        };
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "onrecord".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: capabilities::server(encoding),
            offset_encoding: None,
        })
    }

    pub(super) async fn on_initialized(&self, _: InitializedParams) {
        self.read_settings_file().await;
        self.reload_config().await;
        let watch_dynamic = self.state.lock().await.watch_dynamic;
        if watch_dynamic {
            let options = DidChangeWatchedFilesRegistrationOptions {
                watchers: vec![FileSystemWatcher {
                    glob_pattern: GlobPattern::String(
                        "**/*.{txt,text,md,markdown,html,htm,xhtml,toml}".into(),
                    ),
                    kind: None,
                }],
            };
            let registration = Registration {
                id: "onrecord-watch".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(options).ok(),
            };
            if let Err(e) = self.client.register_capability(vec![registration]).await {
                self.client
                    .log_message(
                        MessageType::WARNING,
                        format!("onrecord: could not watch files: {e}"),
                    )
                    .await;
            }
        }
        self.reindex().await;
    }

    pub(super) async fn on_shutdown(&self) -> Result<()> {
        self.shut_down
            .store(true, std::sync::atomic::Ordering::SeqCst);
        let mut s = self.state.lock().await;
        s.shut_down = true;
        if let Some(t) = s.indexing.take() {
            t.abort();
        }
        for d in s.docs.values_mut() {
            if let Some(t) = d.task.take() {
                t.stop();
            }
        }
        Ok(())
    }
}
