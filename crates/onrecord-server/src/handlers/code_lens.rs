//! `textDocument/codeLens`: how many sources carry each quotation.

#[allow(unused_imports)]
use super::*;

impl Backend {
    pub(super) async fn on_code_lens(
        &self,
        params: CodeLensParams,
    ) -> Result<Option<Vec<CodeLens>>> {
        let uri = params.text_document.uri;
        if !self.indexed_once().await {
            return Ok(Some(Vec::new()));
        }
        let (view, indexed, enc, _) = self.view(&uri).await?;
        Ok(Some(features::code_lenses(&view, &indexed, &uri, enc)))
    }
}
