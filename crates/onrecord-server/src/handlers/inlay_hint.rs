//! `textDocument/inlayHint`: who said each quotation, after it.

#[allow(unused_imports)]
use super::*;

impl Backend {
    pub(super) async fn on_inlay_hint(
        &self,
        params: InlayHintParams,
    ) -> Result<Option<Vec<InlayHint>>> {
        if !self.indexed_once().await {
            return Ok(Some(Vec::new()));
        }
        if !self.state.lock().await.editor.inlay_hints {
            return Ok(Some(Vec::new()));
        }
        let (view, indexed, enc, _) = self.view(&params.text_document.uri).await?;
        Ok(Some(features::inlay_hints(
            &view,
            &indexed,
            enc,
            params.range,
        )))
    }
}
