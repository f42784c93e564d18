//! The language server: the only module that knows LSP. It keeps the open
//! documents and the indexed corpus, runs the engine off the async threads,
//! and translates its findings into protocol types.
//!
//! Every change of state goes through [`State`] behind one lock, and each
//! open document carries its version: a result computed for an older
//! version is dropped, never published.

mod features;
mod guard;
pub mod position;
mod transport;

use onrecord_engine::check::{self, Corpus, DraftReport};
use onrecord_engine::config::{self, Config};
use onrecord_engine::corpus::{self, Document, Format, LoadOptions};
use onrecord_engine::engine;
use onrecord_engine::link::LinkOptions;
use position::Encoding;
use ropey::Rope;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Mutex;
use tokio::task::JoinHandle;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

/// Runs the server on stdin and stdout until the client exits.
pub fn serve_stdio() -> i32 {
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the server: {e}");
            return 2;
        }
    };
    let shut_down = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let seen = shut_down.clone();
    rt.block_on(async {
        let (service, socket) = service_with(seen);
        // Frames pass through `transport`, which answers malformed ones
        // itself and keeps reading, before the crate's server sees them.
        let (to_server, server_in) = tokio::io::duplex(1 << 16);
        let (server_out, from_server) = tokio::io::duplex(1 << 16);
        let out = Arc::new(Mutex::new(tokio::io::stdout()));
        tokio::spawn(transport::read_client(
            tokio::io::stdin(),
            to_server,
            out.clone(),
        ));
        let writer = tokio::spawn(transport::write_server(from_server, out));
        Server::new(server_in, server_out, socket)
            .serve(guard::CatchPanics(service))
            .await;
        // The server's last replies (to `shutdown`) reach the client before
        // the process ends.
        let _ = tokio::time::timeout(Duration::from_secs(2), writer).await;
    });
    // A read of standard input may still be waiting on its thread; the
    // process does not wait for it.
    rt.shutdown_background();
    // The protocol's rule: `exit` (or the client going away) without a
    // `shutdown` first is an abnormal end.
    if shut_down.load(std::sync::atomic::Ordering::SeqCst) {
        0
    } else {
        1
    }
}

/// The service, for serving over any pipe (tests use an in-memory one).
pub fn service() -> (LspService<Backend>, tower_lsp_server::ClientSocket) {
    service_with(Arc::new(std::sync::atomic::AtomicBool::new(false)))
}

/// The service, setting `shut_down` when the client sends `shutdown`.
fn service_with(
    shut_down: Arc<std::sync::atomic::AtomicBool>,
) -> (LspService<Backend>, tower_lsp_server::ClientSocket) {
    LspService::build(|client| Backend {
        client,
        state: Arc::new(Mutex::new(State::default())),
        shut_down,
    })
    .custom_method("onrecord/sources", Backend::sources_request)
    .finish()
}

/// A custom notification with the indexing state, for status bars.
pub enum StatusNotification {}

impl notification::Notification for StatusNotification {
    type Params = serde_json::Value;
    const METHOD: &'static str = "onrecord/status";
}

pub struct Backend {
    client: Client,
    state: Arc<Mutex<State>>,
    /// Set by `shutdown`, read for the exit code.
    shut_down: Arc<std::sync::atomic::AtomicBool>,
}

/// The corpus as the server holds it.
pub struct Indexed {
    pub corpus: Corpus,
    /// Absolute path of each corpus article.
    by_path: HashMap<PathBuf, u32>,
}

impl Indexed {
    /// Ready for checking drafts, but with no links between the corpus
    /// quotations yet: [`link_in_background`] adds them in place.
    fn unlinked(docs: Vec<Document>, warnings: Vec<corpus::Warning>, root: &Path) -> Indexed {
        Indexed::of(engine::analyze_unlinked(docs, warnings), root)
    }

    fn of(analysis: engine::Analysis, root: &Path) -> Indexed {
        let mut corpus = Corpus::new(analysis);
        if !root.as_os_str().is_empty() {
            corpus = corpus.with_display_root(&corpus::display_path(root));
        }
        let by_path = corpus
            .docs()
            .iter()
            .enumerate()
            .map(|(i, d)| (PathBuf::from(&d.path), i as u32))
            .collect();
        Indexed { corpus, by_path }
    }

    fn empty() -> Indexed {
        Indexed::unlinked(Vec::new(), Vec::new(), Path::new(""))
    }

    pub fn uri_of(&self, doc: u32) -> Option<Uri> {
        Uri::from_file_path(&self.corpus.docs()[doc as usize].path)
    }
}

/// What the server knows about one open document, for one version.
pub enum View {
    Draft {
        doc: Box<Document>,
        report: DraftReport,
    },
    /// A corpus article open in the editor: answers come from the corpus.
    Source { doc: u32 },
}

struct OpenDoc {
    rope: Rope,
    /// The client's version, given back with the diagnostics.
    version: i32,
    /// Counts the changes the server applied: what a result is checked
    /// against before it is kept or published, since a client may send a
    /// version number twice or go back.
    edits: u64,
    language: String,
    /// The pending check of this document.
    task: Option<PendingCheck>,
    /// The view computed for (edits, corpus generation).
    view: Option<(u64, u64, Arc<View>)>,
}

/// A check on its way: the task that will publish it, and the flag that
/// stops the engine between quotations once a newer version supersedes it
/// (aborting the task alone would leave the engine running on its thread).
struct PendingCheck {
    task: JoinHandle<()>,
    cancel: Arc<AtomicBool>,
}

impl PendingCheck {
    fn stop(self) {
        self.cancel.store(true, Ordering::Relaxed);
        self.task.abort();
    }
}

struct State {
    root: Option<PathBuf>,
    encoding: Encoding,
    config: Config,
    init_options: Option<serde_json::Value>,
    settings: Option<serde_json::Value>,
    reported_config_error: Option<String>,
    /// The last index held no articles, and the user was told.
    reported_empty_corpus: bool,
    indexed: Arc<Indexed>,
    /// Bumped each time the corpus changes.
    generation: u64,
    indexing: Option<JoinHandle<()>>,
    docs: HashMap<Uri, OpenDoc>,
    progress_supported: bool,
    watch_dynamic: bool,
    /// The client re-asks for hints and lenses when told the index changed.
    refresh_hints: bool,
    refresh_lenses: bool,
    shut_down: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            root: None,
            encoding: Encoding::Utf16,
            config: Config::default(),
            init_options: None,
            settings: None,
            reported_config_error: None,
            reported_empty_corpus: false,
            indexed: Arc::new(Indexed::empty()),
            generation: 0,
            indexing: None,
            docs: HashMap::new(),
            progress_supported: false,
            watch_dynamic: false,
            refresh_hints: false,
            refresh_lenses: false,
            shut_down: false,
        }
    }
}

/// The file name a document is parsed as: its own, or one that tells its
/// format from the editor's language id.
fn draft_path(uri: &Uri, language: &str) -> String {
    let path = uri
        .to_file_path()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|| uri.as_str().to_string());
    if Format::from_path(Path::new(&path)).is_some_and(|f| f != Format::Html) {
        return path;
    }
    match language {
        "markdown" => format!("{path}.md"),
        _ => format!("{path}.txt"),
    }
}

fn parse_draft(path: &str, text: &str) -> Document {
    let opts = LoadOptions {
        max_bytes: usize::MAX,
        exclude: Vec::new(),
        nul_is_text: true,
    };
    match corpus::parse_document(path, text.as_bytes(), None, &opts).0 {
        Some(d) => d,
        // Drafts are never refused: a file the corpus rules would skip is
        // read as plain text.
        None => corpus::parse_document("draft.txt", text.as_bytes(), None, &opts)
            .0
            .expect("plain text always parses"),
    }
}

/// The view of a document's text; `None` when `cancelled` said to stop.
fn compute_view(
    indexed: &Indexed,
    config: &Config,
    uri: &Uri,
    language: &str,
    text: &str,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<View> {
    if let Some(path) = uri.to_file_path() {
        if let Some(&doc) = indexed.by_path.get(path.as_ref()) {
            return Some(View::Source { doc });
        }
    }
    let doc = parse_draft(&draft_path(uri, language), text);
    let mut report = check::check_unless(&indexed.corpus, &doc, config, cancelled)?;
    // With no source articles every quotation would be "found in no
    // source": the editor is told once instead (see `adopt`).
    if indexed.corpus.docs().is_empty() {
        report.findings.clear();
    }
    Some(View::Draft {
        doc: Box::new(doc),
        report,
    })
}

impl Backend {
    /// Settings in effect: defaults, then `onrecord.toml`, then the
    /// editor's. Reports a broken settings file once.
    async fn reload_config(&self) {
        let (root, init, settings) = {
            let s = self.state.lock().await;
            (s.root.clone(), s.init_options.clone(), s.settings.clone())
        };
        let mut config = Config::default();
        let mut problems = Vec::new();
        if let Some(root) = &root {
            let path = root.join(config::FILE_NAME);
            // Read here, in order with the messages after it (a request
            // that follows a settings change sees the new settings); it
            // cannot block: only a small regular file is read.
            let read = corpus::read_small_text(&path);
            if let Err(e) = &read {
                if e.kind() != std::io::ErrorKind::NotFound {
                    problems.push(format!("{}: {e}; using the defaults", config::FILE_NAME));
                }
            }
            if let Ok(text) = read {
                match config.apply_toml(&text) {
                    Ok(skipped) => problems.extend(
                        skipped
                            .into_iter()
                            .map(|s| format!("{}: {s}", config::FILE_NAME)),
                    ),
                    Err(e) => {
                        let msg = format!("{}: {e}; using the defaults", config::FILE_NAME);
                        let mut s = self.state.lock().await;
                        if s.reported_config_error.as_deref() != Some(&msg) {
                            s.reported_config_error = Some(msg.clone());
                            drop(s);
                            self.client.show_message(MessageType::ERROR, msg).await;
                        }
                    }
                }
            }
        }
        for layer in [init, settings].into_iter().flatten() {
            match config.apply_json(&layer) {
                Ok(skipped) => problems.extend(skipped),
                Err(e) => problems.push(format!("settings: {e}")),
            }
        }
        for p in problems {
            self.client.log_message(MessageType::WARNING, p).await;
        }
        self.state.lock().await.config = config;
    }

    /// Indexes the whole corpus in the background, reporting progress.
    async fn reindex(&self) {
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
        let client = self.client.clone();
        let state = self.state.clone();
        let handle = tokio::spawn(async move {
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
                exclude: config.exclude.clone(),
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
        });
        let mut s = self.state.lock().await;
        if let Some(old) = s.indexing.replace(handle) {
            old.abort();
        }
    }

    /// The view of a document at its current version, computing it when
    /// needed. Documents that are not open but belong to the corpus are
    /// answered from the corpus.
    async fn view(&self, uri: &Uri) -> Result<(Arc<View>, Arc<Indexed>, Encoding, Config)> {
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
    async fn indexed_once(&self) -> bool {
        self.state.lock().await.generation > 0
    }

    /// `onrecord/sources`: every other report of the quotation at a
    /// position, as locations (for editors' "show other reporting").
    async fn sources_request(&self, params: TextDocumentPositionParams) -> Result<Vec<Location>> {
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

/// Puts a new index in place: reports its warnings and size, checks every
/// open document against it, and asks the client to fetch hints and lenses
/// again.
async fn adopt(client: &Client, state: &Arc<Mutex<State>>, indexed: Indexed) {
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
async fn size_of_index(state: &Arc<Mutex<State>>) -> (usize, usize) {
    let s = state.lock().await;
    (
        s.indexed.corpus.analysis.quotes.len(),
        s.indexed.corpus.docs().len(),
    )
}

fn summary(quotations: usize, articles: usize) -> String {
    format!("{quotations} quotations in {articles} articles")
}

/// Tells the client the index is complete: a log line and the `ready`
/// status, with the size of the corpus.
async fn announce(client: &Client, state: &Arc<Mutex<State>>) {
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

/// Links the corpus quotations of the index in place (the same words across
/// articles, which hovers and jumps from a source article use), after
/// drafts were first checked without them: checking a draft needs only the
/// word index, and linking is the longest part of indexing.
/// Returns false when a newer index took its place meanwhile.
async fn link_in_background(client: &Client, state: &Arc<Mutex<State>>) -> bool {
    let indexed = state.lock().await.indexed.clone();
    let which = Arc::as_ptr(&indexed) as usize;
    let Ok(links) =
        tokio::task::spawn_blocking(move || indexed.corpus.analysis.link(&LinkOptions::default()))
            .await
    else {
        return false;
    };
    // Requests in flight hold the index for a few milliseconds at most;
    // wait until this is the only holder, unless a newer index came.
    let mut links = Some(links);
    for _ in 0..1000 {
        {
            let mut s = state.lock().await;
            if Arc::as_ptr(&s.indexed) as usize != which {
                return false;
            }
            if let Some(ix) = Arc::get_mut(&mut s.indexed) {
                ix.corpus.analysis.links = links.take().unwrap_or_default();
                s.generation += 1;
                let uris: Vec<Uri> = s.docs.keys().cloned().collect();
                let (hints, lenses) = (s.refresh_hints, s.refresh_lenses);
                drop(s);
                for uri in uris {
                    schedule(client, state, uri, Duration::ZERO).await;
                }
                refresh(client, hints, lenses);
                return true;
            }
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    client
        .log_message(
            MessageType::WARNING,
            "onrecord: the index stayed busy; source articles show no other reports until the next change",
        )
        .await;
    true
}

/// Asks the client to fetch inlay hints and code lenses again, where it
/// said it can. The answers are of no use; a client that fails them keeps
/// its old hints.
fn refresh(client: &Client, hints: bool, lenses: bool) {
    let client = client.clone();
    tokio::spawn(async move {
        if hints {
            let _ = client.inlay_hint_refresh().await;
        }
        if lenses {
            let _ = client.code_lens_refresh().await;
        }
    });
}

/// Checks a document after `delay`, replacing any pending check, and
/// publishes the diagnostics only if the document is still at the version
/// that was checked.
async fn schedule(client: &Client, state: &Arc<Mutex<State>>, uri: Uri, delay: Duration) {
    let client2 = client.clone();
    let state2 = state.clone();
    let uri2 = uri.clone();
    let cancel = Arc::new(AtomicBool::new(false));
    let cancelled = cancel.clone();
    let task = tokio::spawn(async move {
        tokio::time::sleep(delay).await;
        let (text, language, version, edits, indexed, config, generation, enc) = {
            let s = state2.lock().await;
            let Some(d) = s.docs.get(&uri2) else { return };
            // Before the first index every quotation would look unknown;
            // the end of indexing checks every open document.
            if s.generation == 0 {
                return;
            }
            (
                d.rope.to_string(),
                d.language.clone(),
                d.version,
                d.edits,
                s.indexed.clone(),
                s.config.clone(),
                s.generation,
                s.encoding,
            )
        };
        let (idx, cfg, u) = (indexed.clone(), config.clone(), uri2.clone());
        let checked = tokio::task::spawn_blocking(move || {
            let view = compute_view(&idx, &cfg, &u, &language, &text, &|| {
                cancelled.load(Ordering::Relaxed)
            })?;
            let diagnostics = features::diagnostics(&view, &idx, enc);
            Some((view, diagnostics))
        })
        .await;
        // Publish under the lock, so that no newer version can be stored
        // between the check and the send.
        let mut s = state2.lock().await;
        let current = s.generation;
        let Some(d) = s.docs.get_mut(&uri2) else {
            return;
        };
        if d.edits != edits || current != generation {
            return;
        }
        match checked {
            Ok(None) => {}
            Ok(Some((view, diagnostics))) => {
                d.view = Some((edits, generation, Arc::new(view)));
                client2
                    .publish_diagnostics(uri2, diagnostics, Some(version))
                    .await;
            }
            // The check panicked (the panic boundary of a spawned task):
            // the diagnostics of an older version must not stay on this
            // text, so they are cleared, and the log says why.
            Err(e) if e.is_panic() => {
                let what = guard::panic_message(e.into_panic().as_ref());
                client2
                    .log_message(
                        MessageType::ERROR,
                        format!(
                            "onrecord: internal error checking {} (version {version}): {what}; its diagnostics are cleared",
                            uri2.as_str()
                        ),
                    )
                    .await;
                client2
                    .publish_diagnostics(uri2, Vec::new(), Some(version))
                    .await;
            }
            Err(_) => {}
        }
    });
    let mut s = state.lock().await;
    let pending = PendingCheck { task, cancel };
    match s.docs.get_mut(&uri) {
        Some(d) => {
            if let Some(old) = d.task.replace(pending) {
                old.stop();
            }
        }
        None => pending.stop(),
    }
}

fn severity_to_lsp(s: config::Severity) -> DiagnosticSeverity {
    match s {
        config::Severity::Error => DiagnosticSeverity::ERROR,
        config::Severity::Warning => DiagnosticSeverity::WARNING,
        config::Severity::Information => DiagnosticSeverity::INFORMATION,
        _ => DiagnosticSeverity::HINT,
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let mut s = self.state.lock().await;
        #[allow(deprecated)]
        let root = params
            .workspace_folders
            .as_ref()
            .and_then(|f| f.first())
            .and_then(|f| f.uri.to_file_path().map(std::borrow::Cow::into_owned))
            .or_else(|| {
                params
                    .root_uri
                    .as_ref()
                    .and_then(|u| u.to_file_path().map(std::borrow::Cow::into_owned))
            });
        s.root = root;
        let caps = &params.capabilities;
        let utf8 = caps
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|e| e.contains(&PositionEncodingKind::UTF8));
        s.encoding = if utf8 {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        };
        s.progress_supported = caps
            .window
            .as_ref()
            .and_then(|w| w.work_done_progress)
            .unwrap_or(false);
        s.watch_dynamic = caps
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        let ws = caps.workspace.as_ref();
        s.refresh_hints = ws
            .and_then(|w| w.inlay_hint.as_ref())
            .and_then(|h| h.refresh_support)
            .unwrap_or(false);
        s.refresh_lenses = ws
            .and_then(|w| w.code_lens.as_ref())
            .and_then(|l| l.refresh_support)
            .unwrap_or(false);
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
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                        ..Default::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        ..Default::default()
                    },
                )),
                inlay_hint_provider: Some(OneOf::Left(true)),
                code_lens_provider: Some(CodeLensOptions {
                    resolve_provider: Some(false),
                }),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(
                        ["\"", "\u{201c}", "\u{ab}", " "]
                            .iter()
                            .map(std::string::ToString::to_string)
                            .collect(),
                    ),
                    ..Default::default()
                }),
                ..Default::default()
            },
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
        let mut changed: Vec<(PathBuf, bool)> = Vec::new();
        let mut settings_touched = false;
        for ev in &params.changes {
            let Some(path) = ev.uri.to_file_path().map(std::borrow::Cow::into_owned) else {
                continue;
            };
            if path.file_name().is_some_and(|n| n == config::FILE_NAME) {
                settings_touched = true;
                continue;
            }
            // A sidecar (`a.txt.meta.toml`: metadata, pinned speakers)
            // changes its article.
            if let Some(article) = path.to_str().and_then(|p| p.strip_suffix(".meta.toml")) {
                let article = PathBuf::from(article);
                let deleted = !article.exists();
                changed.push((article, deleted));
                continue;
            }
            changed.push((path, ev.typ == FileChangeType::DELETED));
        }
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
        let (roots, _) = config.corpus_confined(&root);
        // A symbolic link is not followed here, as the folder walk does not
        // follow one: it could lead out of the corpus.
        let is_link =
            |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
        let relevant: Vec<(PathBuf, bool)> = changed
            .into_iter()
            .filter(|(p, _)| {
                indexed.by_path.contains_key(p)
                    || (Format::from_path(p).is_some()
                        && roots.iter().any(|r| {
                            p.starts_with(r) && !corpus::is_excluded(r, p, &config.exclude)
                        }))
            })
            .map(|(p, deleted)| {
                let gone = deleted || is_link(&p);
                (p, gone)
            })
            .collect();
        if relevant.is_empty() {
            return;
        }
        // Re-read only the changed files; the rest of the corpus is kept.
        let opts = LoadOptions {
            max_bytes: corpus::DEFAULT_MAX_BYTES,
            exclude: config.exclude.clone(),
            nul_is_text: false,
        };
        let work = tokio::task::spawn_blocking(move || {
            let mut docs: Vec<Document> = indexed.corpus.docs().to_vec();
            let mut warnings = Vec::new();
            for (path, deleted) in relevant {
                let key = corpus::display_path(&path);
                docs.retain(|d| d.path != key);
                if !deleted {
                    let (doc, w) = corpus::load_file(&path, &opts);
                    warnings.extend(w);
                    docs.extend(doc);
                }
            }
            docs.sort_by(|a, b| a.path.cmp(&b.path));
            Indexed::unlinked(docs, warnings, &root)
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
