//! `textDocument/definition` and `textDocument/references`: from a
//! quotation to every other report of its words, primary source first.

#[allow(unused_imports)]
use super::*;

impl Backend {
    pub(super) async fn on_goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        if !self.indexed_once().await {
            return Ok(None);
        }
        let (view, indexed, enc, _) = self.view(&p.text_document.uri).await?;
        let locs = features::sources_at(&view, &indexed, enc, p.position)?;
        Ok(locs.into_iter().next().map(GotoDefinitionResponse::Scalar))
    }

    pub(super) async fn on_references(
        &self,
        params: ReferenceParams,
    ) -> Result<Option<Vec<Location>>> {
        let p = params.text_document_position;
        let uri = p.text_document.uri.clone();
        if !self.indexed_once().await {
            return Ok(Some(Vec::new()));
        }
        let (view, indexed, enc, _) = self.view(&uri).await?;
        let mut locs = features::sources_at(&view, &indexed, enc, p.position)?;
        let Some(here) = features::quote_range_at(&view, &indexed, enc, p.position)? else {
            return Ok(Some(locs));
        };
        // The same words in the other open drafts.
        let others: Vec<(Uri, Arc<View>)> = {
            let s = self.state.lock().await;
            s.docs
                .iter()
                .filter(|(u, _)| **u != uri)
                .filter_map(|(u, d)| d.view.as_ref().map(|(_, _, v)| (u.clone(), v.clone())))
                .collect()
        };
        let places = features::source_places_at(&view, &indexed, p.position, enc)?;
        for (u, v) in others {
            locs.extend(features::drafts_sharing(&v, &u, &places, enc));
        }
        if params.context.include_declaration {
            locs.insert(0, Location::new(uri, here));
        }
        Ok(Some(locs))
    }

    /// `onrecord/sources`: every other report of the quotation at a
    /// position, as locations (for editors' "show other reporting").
    pub(crate) async fn sources_request(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Vec<Location>> {
        let r = self
            .references(ReferenceParams {
                text_document_position: params,
                work_done_progress_params: Default::default(),
                partial_result_params: Default::default(),
                context: ReferenceContext {
                    include_declaration: false,
                },
            })
            .await?;
        Ok(r.unwrap_or_default())
    }
}
