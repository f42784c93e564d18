//! `textDocument/hover`: who said the quotation under the cursor, and
//! every source.

#[allow(unused_imports)]
use super::*;

impl Backend {
    pub(super) async fn on_hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        if !self.indexed_once().await {
            return Ok(Some(Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: "onrecord is still indexing the sources.".into(),
                }),
                range: None,
            }));
        }
        let (view, indexed, enc, _) = self.view(&p.text_document.uri).await?;
        features::hover(&view, &indexed, enc, p.position)
    }
}
