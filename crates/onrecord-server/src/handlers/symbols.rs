//! `textDocument/documentSymbol` and `workspace/symbol`: quotations as
//! symbols.

#[allow(unused_imports)]
use super::*;

impl Backend {
    pub(super) async fn on_document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let (view, indexed, enc, _) = self.view(&params.text_document.uri).await?;
        Ok(Some(DocumentSymbolResponse::Nested(
            features::document_symbols(&view, &indexed, enc),
        )))
    }

    pub(super) async fn on_symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        let (indexed, enc) = {
            let s = self.state.lock().await;
            (s.indexed.clone(), s.encoding)
        };
        Ok(Some(WorkspaceSymbolResponse::Nested(
            features::workspace_symbols(&indexed, enc, &params.query),
        )))
    }
}
