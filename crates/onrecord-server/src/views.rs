//! A document's view for a request: its text, the index and the settings
//! that answer it, waiting for the first index when there is none yet.

#[allow(unused_imports)]
use super::*;

impl Backend {
    /// The view of a document at its current version, computing it when
    /// needed. Documents that are not open but belong to the corpus are
    /// answered from the corpus.
    pub(super) async fn view(
        &self,
        uri: &Uri,
    ) -> Result<(Arc<View>, Arc<Indexed>, Encoding, Config)> {
        let (snapshot, indexed, enc, config, generation) = {
            let s = self.state.lock().await;
            let snap = match s.docs.get(uri) {
                Some(d) => match &d.view {
                    Some((e, g, view)) if *e == d.edits && *g == s.generation => {
                        return Ok((
                            view.clone(),
                            s.indexed.clone(),
                            s.encoding,
                            s.config.clone(),
                        ));
                    }
                    _ => Some((d.rope.to_string(), d.language.clone(), d.edits)),
                },
                None => None,
            };
            (
                snap,
                s.indexed.clone(),
                s.encoding,
                s.config.clone(),
                s.generation,
            )
        };
        let Some((text, language, edits)) = snapshot else {
            if let Some(path) = uri.to_file_path() {
                if let Some(&doc) = indexed.by_path.get(path.as_ref()) {
                    return Ok((Arc::new(View::Source { doc }), indexed, enc, config));
                }
            }
            return Err(Error::invalid_params(format!(
                "document not open and not in the corpus: {}",
                uri.as_str()
            )));
        };
        let (idx, cfg, u) = (indexed.clone(), config.clone(), uri.clone());
        let view = tokio::task::spawn_blocking(move || {
            compute_view(&idx, &cfg, &u, &language, &text, &|| false)
        })
        .await
        .ok()
        .flatten()
        .ok_or_else(Error::internal_error)?;
        let view = Arc::new(view);
        let mut s = self.state.lock().await;
        let current = s.generation;
        if let Some(d) = s.docs.get_mut(uri) {
            if d.edits == edits && current == generation {
                d.view = Some((edits, generation, view.clone()));
            }
        }
        Ok((view, indexed, enc, config))
    }

    /// Whether the corpus has been indexed: before that, every quotation
    /// would look unknown, so answers about sources wait (the end of
    /// indexing asks clients to fetch hints and lenses again).
    pub(super) async fn indexed_once(&self) -> bool {
        self.state.lock().await.generation > 0
    }
}
