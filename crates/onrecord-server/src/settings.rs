//! Settings: `onrecord.toml` in the workspace and the editor's own,
//! applied in layers. The engine's `Config` takes what the checker uses;
//! `EditorSettings` takes the keys only the editor side reads, from the
//! same layers (the engine knows them as `config::EDITOR_KEYS`, so it does
//! not report them as unknown).

#[allow(unused_imports)]
use super::*;
use serde::Deserialize;

/// The settings only the editor side uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditorSettings {
    /// Show the speaker after each quotation.
    pub inlay_hints: bool,
    /// How long after the last change a draft is checked.
    pub debounce_ms: u64,
}

impl Default for EditorSettings {
    fn default() -> Self {
        EditorSettings {
            inlay_hints: true,
            debounce_ms: 150,
        }
    }
}

/// The editor's keys of one layer; every other key is the engine's.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct EditorLayer {
    check: EditorCheck,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct EditorCheck {
    inlay_hints: Option<bool>,
    debounce_ms: Option<u64>,
}

/// Checks run at most this long after the last change.
const MAX_DEBOUNCE_MS: u64 = 10_000;

impl EditorSettings {
    fn apply(&mut self, layer: EditorLayer) {
        if let Some(b) = layer.check.inlay_hints {
            self.inlay_hints = b;
        }
        if let Some(ms) = layer.check.debounce_ms {
            self.debounce_ms = ms.min(MAX_DEBOUNCE_MS);
        }
    }

    /// Applies an `onrecord.toml` (whose syntax the engine has reported on).
    pub fn apply_toml(&mut self, text: &str) -> std::result::Result<(), String> {
        let layer: EditorLayer = toml::from_str(text).map_err(|e| e.message().to_string())?;
        self.apply(layer);
        Ok(())
    }

    /// Applies settings sent by an editor, at the top level or under
    /// `onrecord`, as the engine reads them.
    pub fn apply_json(&mut self, value: &serde_json::Value) -> std::result::Result<(), String> {
        let value = value.get("onrecord").unwrap_or(value);
        if value.is_null() {
            return Ok(());
        }
        let layer: EditorLayer =
            serde_json::from_value(value.clone()).map_err(|e| e.to_string())?;
        self.apply(layer);
        Ok(())
    }
}

impl Backend {
    /// Reads `onrecord.toml` from the workspace into the state, for
    /// [`Backend::reload_config`]: when the server is initialized and when
    /// the watched file changes, never for a request. It cannot block:
    /// only a small regular file is read.
    pub(super) async fn read_settings_file(&self) {
        let root = self.state.lock().await.root.clone();
        let read = root.map(|root| corpus::read_small_text(&root.join(config::FILE_NAME)));
        let file = match read {
            None => None,
            Some(Err(e)) if e.kind() == std::io::ErrorKind::NotFound => None,
            Some(read) => Some(read.map_err(|e| e.to_string())),
        };
        self.state.lock().await.settings_file = file;
    }

    /// Settings in effect: defaults, then `onrecord.toml` as last read,
    /// then the editor's. Reports a broken settings file once.
    pub(super) async fn reload_config(&self) {
        let (file, init, settings) = {
            let s = self.state.lock().await;
            (
                s.settings_file.clone(),
                s.init_options.clone(),
                s.settings.clone(),
            )
        };
        let mut config = Config::default();
        let mut editor = EditorSettings::default();
        let mut problems = Vec::new();
        match file {
            None => {}
            Some(Err(e)) => {
                problems.push(format!("{}: {e}; using the defaults", config::FILE_NAME));
            }
            Some(Ok(text)) => match config.apply_toml(&text) {
                Ok(skipped) => {
                    problems.extend(
                        skipped
                            .into_iter()
                            .map(|s| format!("{}: {s}", config::FILE_NAME)),
                    );
                    // Only a file the engine could read: it reports a
                    // broken one.
                    if let Err(e) = editor.apply_toml(&text) {
                        problems.push(format!("{}: {e}", config::FILE_NAME));
                    }
                }
                Err(e) => {
                    let msg = format!("{}: {e}; using the defaults", config::FILE_NAME);
                    let mut s = self.state.lock().await;
                    if s.reported_config_error.as_deref() != Some(&msg) {
                        s.reported_config_error = Some(msg.clone());
                        drop(s);
                        self.client.show_message(MessageType::ERROR, msg).await;
                    }
                }
            },
        }
        for layer in [init, settings].into_iter().flatten() {
            match config.apply_json(&layer) {
                Ok(skipped) => problems.extend(skipped),
                Err(e) => problems.push(format!("settings: {e}")),
            }
            if let Err(e) = editor.apply_json(&layer) {
                problems.push(format!("settings: {e}"));
            }
        }
        for p in problems {
            self.client.log_message(MessageType::WARNING, p).await;
        }
        let mut s = self.state.lock().await;
        s.config = config;
        s.editor = editor;
    }
}
