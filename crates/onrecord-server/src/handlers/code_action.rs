//! `textDocument/codeAction`: the findings' fixes as quick fixes.

#[allow(unused_imports)]
use super::*;

impl Backend {
    pub(super) async fn on_code_action(
        &self,
        params: CodeActionParams,
    ) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        if !self.indexed_once().await {
            return Ok(Some(Vec::new()));
        }
        let (view, _, enc, _) = self.view(&uri).await?;
        Ok(Some(features::code_actions(&view, &uri, enc, params.range)))
    }
}
