//! `textDocument/completion`: source wordings for the quotation being
//! typed.

#[allow(unused_imports)]
use super::*;

impl Backend {
    pub(super) async fn on_completion(
        &self,
        params: CompletionParams,
    ) -> Result<Option<CompletionResponse>> {
        let p = params.text_document_position;
        let (line, cursor, enc, indexed) = {
            let s = self.state.lock().await;
            let Some(d) = s.docs.get(&p.text_document.uri) else {
                return Err(Error::invalid_params(format!(
                    "document not open: {}",
                    p.text_document.uri.as_str()
                )));
            };
            if p.position.line as usize >= d.rope.len_lines() {
                return Ok(None);
            }
            let line_start = d.rope.line_to_char(p.position.line as usize);
            let at = position::rope_char(&d.rope, p.position, s.encoding);
            // Only the text before the cursor, and at most a few hundred
            // characters of it.
            let from = line_start.max(at.saturating_sub(400));
            let text: String = d.rope.slice(from..at).to_string();
            // The cursor as the text has it: a position past the end of
            // its line ends the edit at the line's end.
            let units: u32 = d
                .rope
                .slice(line_start..at)
                .chars()
                .map(|c| position::units(c, s.encoding))
                .sum();
            let cursor = Position::new(p.position.line, units);
            (text, cursor, s.encoding, s.indexed.clone())
        };
        let items = tokio::task::spawn_blocking(move || {
            features::completions(&indexed, &line, cursor, enc)
        })
        .await
        .map_err(|_| Error::internal_error())?;
        Ok(Some(CompletionResponse::Array(items)))
    }
}
