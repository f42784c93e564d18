//! The protocol's requests and notifications, each translated to the
//! engine's plain data and back.

#[allow(unused_imports)]
use super::*;

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let mut s = self.state.lock().await;
        s.root = capabilities::workspace_root(&params);
        let utf8 = capabilities::note_client(&mut s, &params.capabilities);
        s.init_options = params.initialization_options.clone();
        let encoding = if utf8 {
            PositionEncodingKind::UTF8
        } else {
            PositionEncodingKind::UTF16
        };
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "onrecord".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: capabilities::server(encoding),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        self.reload_config().await;
        let watch_dynamic = self.state.lock().await.watch_dynamic;
        if watch_dynamic {
            let options = DidChangeWatchedFilesRegistrationOptions {
                watchers: vec![FileSystemWatcher {
                    glob_pattern: GlobPattern::String(
                        "**/*.{txt,text,md,markdown,html,htm,xhtml,toml}".into(),
                    ),
                    kind: None,
                }],
            };
            let registration = Registration {
                id: "onrecord-watch".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(options).ok(),
            };
            if let Err(e) = self.client.register_capability(vec![registration]).await {
                self.client
                    .log_message(
                        MessageType::WARNING,
                        format!("onrecord: could not watch files: {e}"),
                    )
                    .await;
            }
        }
        self.reindex().await;
    }

    async fn shutdown(&self) -> Result<()> {
        self.shut_down
            .store(true, std::sync::atomic::Ordering::SeqCst);
        let mut s = self.state.lock().await;
        s.shut_down = true;
        if let Some(t) = s.indexing.take() {
            t.abort();
        }
        for d in s.docs.values_mut() {
            if let Some(t) = d.task.take() {
                t.stop();
            }
        }
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let td = params.text_document;
        {
            let mut s = self.state.lock().await;
            // Opened again without a close: the old check must not publish
            // for the new text.
            let edits = match s.docs.remove(&td.uri) {
                Some(mut old) => {
                    if let Some(t) = old.task.take() {
                        t.stop();
                    }
                    old.edits + 1
                }
                None => 0,
            };
            s.docs.insert(
                td.uri.clone(),
                OpenDoc {
                    rope: Rope::from_str(&td.text),
                    version: td.version,
                    edits,
                    language: td.language_id,
                    task: None,
                    view: None,
                },
            );
        }
        schedule(&self.client, &self.state, td.uri, Duration::ZERO).await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let backwards = {
            let mut s = self.state.lock().await;
            let enc = s.encoding;
            let Some(d) = s.docs.get_mut(&uri) else {
                drop(s);
                self.client
                    .log_message(
                        MessageType::WARNING,
                        format!(
                            "onrecord: change to a document that is not open: {}",
                            uri.as_str()
                        ),
                    )
                    .await;
                return;
            };
            // A version that goes backwards is the client's mistake, but the
            // editor has applied the change: so does the server, or its
            // text would differ from the user's from then on.
            let backwards = (params.text_document.version < d.version)
                .then_some((d.version, params.text_document.version));
            for change in params.content_changes {
                match change.range {
                    Some(range) => {
                        let a = position::rope_char(&d.rope, range.start, enc);
                        let b = position::rope_char(&d.rope, range.end, enc).max(a);
                        d.rope.remove(a..b);
                        d.rope.insert(a, &change.text);
                    }
                    None => d.rope = Rope::from_str(&change.text),
                }
            }
            d.version = params.text_document.version;
            d.edits += 1;
            d.view = None;
            backwards
        };
        if let Some((was, now)) = backwards {
            self.client
                .log_message(
                    MessageType::WARNING,
                    format!(
                        "onrecord: {} went from version {was} back to {now}; the change was applied",
                        uri.as_str()
                    ),
                )
                .await;
        }
        let delay = Duration::from_millis(self.state.lock().await.config.debounce_ms);
        schedule(&self.client, &self.state, uri, delay).await;
    }

    async fn did_save(&self, _: DidSaveTextDocumentParams) {}

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let removed = self.state.lock().await.docs.remove(&uri);
        if let Some(mut d) = removed {
            if let Some(t) = d.task.take() {
                t.stop();
            }
        }
        self.client.publish_diagnostics(uri, Vec::new(), None).await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let old = {
            let mut s = self.state.lock().await;
            s.settings = Some(params.settings);
            s.config.clone()
        };
        self.reload_config().await;
        let (new, uris, hints, lenses) = {
            let s = self.state.lock().await;
            (
                s.config.clone(),
                s.docs.keys().cloned().collect::<Vec<_>>(),
                s.refresh_hints,
                s.refresh_lenses,
            )
        };
        if new.corpus_paths != old.corpus_paths || new.exclude != old.exclude {
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

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
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

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
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

    async fn goto_definition(
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

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
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

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        if !self.indexed_once().await {
            return Ok(Some(Vec::new()));
        }
        let (view, _, enc, _) = self.view(&uri).await?;
        Ok(Some(features::code_actions(&view, &uri, enc, params.range)))
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        if !self.indexed_once().await {
            return Ok(Some(Vec::new()));
        }
        let (view, indexed, enc, config) = self.view(&params.text_document.uri).await?;
        if !config.inlay_hints {
            return Ok(Some(Vec::new()));
        }
        Ok(Some(features::inlay_hints(
            &view,
            &indexed,
            enc,
            params.range,
        )))
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        let uri = params.text_document.uri;
        if !self.indexed_once().await {
            return Ok(Some(Vec::new()));
        }
        let (view, indexed, enc, _) = self.view(&uri).await?;
        Ok(Some(features::code_lenses(&view, &indexed, &uri, enc)))
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let (view, indexed, enc, _) = self.view(&params.text_document.uri).await?;
        Ok(Some(DocumentSymbolResponse::Nested(
            features::document_symbols(&view, &indexed, enc),
        )))
    }

    async fn symbol(
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

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
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
