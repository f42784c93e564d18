//! `workspace/didChangeWatchedFiles`: corpus files and `onrecord.toml`
//! changed on disk.

#[allow(unused_imports)]
use super::*;

impl Backend {
    pub(super) async fn on_did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let (root, config, indexed) = {
            let s = self.state.lock().await;
            (s.root.clone(), s.config.clone(), s.indexed.clone())
        };
        let root = root.unwrap_or_else(|| PathBuf::from("."));
        let (changed, settings_touched) = watched::sort_changes(&params.changes);
        // The settings file in the batch: new settings re-read the whole
        // corpus (which covers the batch's other files); unchanged ones
        // leave those files to be handled below.
        let mut config = config;
        if settings_touched {
            let old = config.clone();
            self.read_settings_file().await;
            self.reload_config().await;
            let new = self.state.lock().await.config.clone();
            if new != old {
                self.reindex().await;
                return;
            }
            config = new;
        }
        let relevant = watched::relevant(changed, &indexed, &config, &root);
        if relevant.is_empty() {
            return;
        }
        let work = tokio::task::spawn_blocking(move || {
            watched::reread(&indexed, relevant, &config, &root)
        });
        let Ok(new) = work.await else { return };
        adopt(&self.client, &self.state, new).await;
        let (client, state) = (self.client.clone(), self.state.clone());
        tokio::spawn(async move {
            if link_in_background(&client, &state).await {
                announce(&client, &state).await;
            }
        });
    }
}
