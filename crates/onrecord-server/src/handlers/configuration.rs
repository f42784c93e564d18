//! `workspace/didChangeConfiguration`: the editor's settings layer, and a
//! new index when they change the corpus.

#[allow(unused_imports)]
use super::*;

impl Backend {
    pub(super) async fn on_did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let old = {
            let mut s = self.state.lock().await;
            s.settings = Some(params.settings);
            (s.config.clone(), s.editor.clone())
        };
        self.reload_config().await;
        let (new, uris, hints, lenses) = {
            let s = self.state.lock().await;
            (
                (s.config.clone(), s.editor.clone()),
                s.docs.keys().cloned().collect::<Vec<_>>(),
                s.refresh_hints,
                s.refresh_lenses,
            )
        };
        if new.0.corpus_paths != old.0.corpus_paths || new.0.exclude != old.0.exclude {
            self.reindex().await;
        } else if new != old {
            {
                let mut s = self.state.lock().await;
                for d in s.docs.values_mut() {
                    d.view = None;
                }
            }
            for uri in uris {
                schedule(&self.client, &self.state, uri, Duration::ZERO).await;
            }
            refresh(&self.client, hints, lenses);
        }
    }
}
