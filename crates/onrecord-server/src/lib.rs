//! The language server: the only module that knows LSP. It keeps the open
//! documents and the indexed corpus, runs the engine off the async threads,
//! and translates its findings into protocol types.
//!
//! Every change of state goes through [`State`] behind one lock, and each
//! open document carries its version: a result computed for an older
//! version is dropped, never published.

mod features;
mod guard;
pub mod pipe;
pub mod position;
mod transport;
pub use transport::forwarded;

use onrecord_engine::check::{self, Corpus, DraftReport};
use onrecord_engine::config::{self, Config};
use onrecord_engine::corpus::{self, Document, Format, LoadOptions};
use onrecord_engine::engine;
use onrecord_engine::ids::DocId;
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

mod state;
pub use state::*;
mod documents;
use documents::*;
mod indexing;
mod settings;
use indexing::*;
pub use settings::EditorSettings;
mod diagnostics;
mod views;
use diagnostics::*;
mod capabilities;
mod handlers;
mod watched;

/// Runs the server on stdin and stdout until the client exits; the exit
/// code: 0 after `shutdown`, 1 without it, 2 when it cannot start.
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
    let shut_down = rt.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    // A read of standard input may still be waiting on its thread; the
    // process does not wait for it.
    rt.shutdown_background();
    // The protocol's rule: `exit` (or the client going away) without a
    // `shutdown` first is an abnormal end.
    if shut_down {
        0
    } else {
        1
    }
}

/// Runs the server over any reader and writer (standard input and output,
/// an in-memory pipe in tests and fuzzing) until the client exits or its
/// input ends. Frames pass through the framing layer, which answers
/// malformed ones itself and keeps reading, and the service sits behind the
/// panic boundary. Returns whether the client sent `shutdown` first.
pub async fn serve<R, W>(input: R, output: W) -> bool
where
    R: tokio::io::AsyncRead + Unpin + Send + 'static,
    W: tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let shut_down = Arc::new(AtomicBool::new(false));
    let (service, socket) = service_with(shut_down.clone());
    let (to_server, server_in) = tokio::io::duplex(1 << 16);
    let (server_out, from_server) = tokio::io::duplex(1 << 16);
    let out = Arc::new(Mutex::new(output));
    let reader = tokio::spawn(transport::read_client(input, to_server, out.clone()));
    let writer = tokio::spawn(transport::write_server(from_server, out));
    Server::new(server_in, server_out, socket)
        .serve(guard::CatchPanics(service))
        .await;
    // The server's last replies (to `shutdown`) reach the client before
    // this returns.
    let _ = tokio::time::timeout(Duration::from_secs(2), writer).await;
    reader.abort();
    shut_down.load(Ordering::SeqCst)
}

/// The bare service, without the framing layer and the panic boundary
/// that [`serve`] puts around it.
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
