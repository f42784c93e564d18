//! Indexing the corpus off the request handlers: the unlinked analysis
//! first, so that checks can start, then the links in the background.

#[allow(unused_imports)]
use super::*;

impl Backend {
    /// Indexes the whole corpus in the background, reporting progress.
    pub(super) async fn reindex(&self) {
        let (root, config, progress_supported) = {
            let s = self.state.lock().await;
            (s.root.clone(), s.config.clone(), s.progress_supported)
        };
        let root = root.unwrap_or_else(|| PathBuf::from("."));
        let (paths, refused) = config.corpus_confined(&root);
        for why in refused {
            self.client
                .show_message(MessageType::WARNING, format!("onrecord: {why}"))
                .await;
        }
        for p in &paths {
            if !p.exists() {
                self.client
                    .show_message(
                        MessageType::WARNING,
                        format!("onrecord: corpus path {} does not exist", p.display()),
                    )
                    .await;
            }
        }
        let handle = tokio::spawn(index_corpus(
            self.client.clone(),
            self.state.clone(),
            paths,
            config.exclude.clone(),
            root,
            progress_supported,
        ));
        let mut s = self.state.lock().await;
        if let Some(old) = s.indexing.replace(handle) {
            old.abort();
        }
    }
}

/// Puts a new index in place: reports its warnings and size, checks every
/// open document against it, and asks the client to fetch hints and lenses
/// again.
pub(super) async fn adopt(client: &Client, state: &Arc<Mutex<State>>, indexed: Indexed) {
    for w in &indexed.corpus.analysis.warnings {
        client
            .log_message(MessageType::WARNING, format!("onrecord: {w}"))
            .await;
    }
    let empty = indexed.corpus.docs().is_empty();
    let (uris, refresh_hints, refresh_lenses, tell_empty) = {
        let mut s = state.lock().await;
        let tell_empty = empty && !s.reported_empty_corpus;
        s.reported_empty_corpus = empty;
        s.indexed = Arc::new(indexed);
        s.generation += 1;
        (
            s.docs.keys().cloned().collect::<Vec<Uri>>(),
            s.refresh_hints,
            s.refresh_lenses,
            tell_empty,
        )
    };
    if tell_empty {
        // As the command line refuses the same situation: said once, where
        // the user sees it.
        client
            .show_message(
                MessageType::WARNING,
                "onrecord: no source articles (.txt, .md, .html) found in the corpus; \
                 quotations are not checked. Open the project folder, or set [corpus] paths \
                 in onrecord.toml.",
            )
            .await;
    }
    for uri in uris {
        schedule(client, state, uri, Duration::ZERO).await;
    }
    refresh(client, refresh_hints, refresh_lenses);
}

/// The number of quotations and articles in the index.
pub(super) async fn size_of_index(state: &Arc<Mutex<State>>) -> (usize, usize) {
    let s = state.lock().await;
    (
        s.indexed.corpus.analysis.quotes.len(),
        s.indexed.corpus.docs().len(),
    )
}

pub(super) fn summary(quotations: usize, articles: usize) -> String {
    format!("{quotations} quotations in {articles} articles")
}

/// Tells the client the index is complete: a log line and the `ready`
/// status, with the size of the corpus.
pub(super) async fn announce(client: &Client, state: &Arc<Mutex<State>>) {
    let (quotations, articles) = size_of_index(state).await;
    client
        .log_message(
            MessageType::INFO,
            format!("onrecord: {}", summary(quotations, articles)),
        )
        .await;
    let status = serde_json::json!({
        "state": "ready",
        "quotations": quotations,
        "articles": articles,
    });
    let _ = client.send_notification::<StatusNotification>(status).await;
}

/// Links the corpus quotations of the index (the same words across
/// articles, which hovers and jumps from a source article use), after
/// drafts were first checked without them: checking a draft needs only the
/// word index, and linking is the longest part of indexing. The links are
/// set once into the analysis through a shared reference
/// (`Analysis::set_links`), so nothing waits for the requests reading the
/// index meanwhile. Returns false when a newer index took its place: the
/// old one got the links and is dropped with its last reader.
pub(super) async fn link_in_background(client: &Client, state: &Arc<Mutex<State>>) -> bool {
    let indexed = state.lock().await.indexed.clone();
    let reading = indexed.clone();
    let Ok(links) =
        tokio::task::spawn_blocking(move || reading.corpus.analysis.link(&LinkOptions::default()))
            .await
    else {
        return false;
    };
    indexed.corpus.analysis.set_links(links);
    let mut s = state.lock().await;
    if !Arc::ptr_eq(&s.indexed, &indexed) {
        return false;
    }
    // Views computed before the links are stale now.
    s.generation += 1;
    let uris: Vec<Uri> = s.docs.keys().cloned().collect();
    let (hints, lenses) = (s.refresh_hints, s.refresh_lenses);
    drop(s);
    for uri in uris {
        schedule(client, state, uri, Duration::ZERO).await;
    }
    refresh(client, hints, lenses);
    true
}

/// Reads and indexes the corpus off the request handlers, with progress
/// where the client shows it: the unlinked analysis first, so that drafts
/// are checked at once, then the links, after which the corpus is ready.
async fn index_corpus(
    client: Client,
    state: Arc<Mutex<State>>,
    paths: Vec<PathBuf>,
    exclude: Vec<String>,
    root: PathBuf,
    progress_supported: bool,
) {
    let token = NumberOrString::String("onrecord/index".into());
    let progress = if progress_supported
        && client
            .create_work_done_progress(token.clone())
            .await
            .is_ok()
    {
        Some(
            client
                .progress(token, "onrecord: indexing sources")
                .with_percentage(0)
                .begin()
                .await,
        )
    } else {
        None
    };
    let _ = client
        .send_notification::<StatusNotification>(serde_json::json!({"state": "indexing"}))
        .await;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(usize, usize)>();
    let opts = LoadOptions {
        max_bytes: corpus::DEFAULT_MAX_BYTES,
        exclude,
        nul_is_text: false,
    };
    let work = tokio::task::spawn_blocking(move || {
        let (docs, warnings) = corpus::load_with_progress(&paths, &opts, &|done, total| {
            let _ = tx.send((done, total));
        });
        Indexed::unlinked(docs, warnings, &root)
    });
    let mut last_pct = u32::MAX;
    while let Some((done, total)) = rx.recv().await {
        let pct = (done * 100).checked_div(total).unwrap_or(100) as u32;
        if let Some(p) = &progress {
            if pct != last_pct || done == total {
                p.report_with_message(format!("{done}/{total} files"), pct)
                    .await;
            }
        }
        last_pct = pct;
    }
    let Ok(indexed) = work.await else { return };
    // Drafts are checked as soon as the words are indexed; the
    // corpus is `ready` once its quotations are linked too.
    adopt(&client, &state, indexed).await;
    if let Some(p) = &progress {
        p.report_with_message("linking quotations", 100).await;
    }
    let linked = link_in_background(&client, &state).await;
    if let Some(p) = progress {
        let (quotations, articles) = size_of_index(&state).await;
        p.finish_with_message(summary(quotations, articles)).await;
    }
    if linked {
        announce(&client, &state).await;
    }
}
