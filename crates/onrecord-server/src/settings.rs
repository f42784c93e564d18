//! Settings: `onrecord.toml` in the workspace and the editor's own,
//! applied in layers.

#[allow(unused_imports)]
use super::*;

impl Backend {
    /// Settings in effect: defaults, then `onrecord.toml`, then the
    /// editor's. Reports a broken settings file once.
    pub(super) async fn reload_config(&self) {
        let (root, init, settings) = {
            let s = self.state.lock().await;
            (s.root.clone(), s.init_options.clone(), s.settings.clone())
        };
        let mut config = Config::default();
        let mut problems = Vec::new();
        if let Some(root) = &root {
            let path = root.join(config::FILE_NAME);
            // Read here, in order with the messages after it (a request
            // that follows a settings change sees the new settings); it
            // cannot block: only a small regular file is read.
            let read = corpus::read_small_text(&path);
            if let Err(e) = &read {
                if e.kind() != std::io::ErrorKind::NotFound {
                    problems.push(format!("{}: {e}; using the defaults", config::FILE_NAME));
                }
            }
            if let Ok(text) = read {
                match config.apply_toml(&text) {
                    Ok(skipped) => problems.extend(
                        skipped
                            .into_iter()
                            .map(|s| format!("{}: {s}", config::FILE_NAME)),
                    ),
                    Err(e) => {
                        let msg = format!("{}: {e}; using the defaults", config::FILE_NAME);
                        let mut s = self.state.lock().await;
                        if s.reported_config_error.as_deref() != Some(&msg) {
                            s.reported_config_error = Some(msg.clone());
                            drop(s);
                            self.client.show_message(MessageType::ERROR, msg).await;
                        }
                    }
                }
            }
        }
        for layer in [init, settings].into_iter().flatten() {
            match config.apply_json(&layer) {
                Ok(skipped) => problems.extend(skipped),
                Err(e) => problems.push(format!("settings: {e}")),
            }
        }
        for p in problems {
            self.client.log_message(MessageType::WARNING, p).await;
        }
        self.state.lock().await.config = config;
    }
}
