//! A test client: the real service on one end of an in-memory pipe,
//! framed JSON-RPC on the other.

use onrecord_server::pipe::Received;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::Duration;

/// How long to wait for the server before failing a test.
const PATIENCE: Duration = Duration::from_secs(120);

/// A workspace folder on disk, removed when dropped.
pub struct Workspace {
    pub root: PathBuf,
    _dir: test_utils::Scratch,
}

impl Workspace {
    pub fn new() -> Workspace {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = test_utils::Scratch::new(&format!("lsp-{}", N.fetch_add(1, Ordering::Relaxed)));
        Workspace {
            root: dir.canonicalize().unwrap(),
            _dir: dir,
        }
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    pub fn uri(&self, rel: &str) -> String {
        format!("file://{}", self.root.join(rel).display())
    }
}

pub struct Peer {
    pipe: onrecord_server::pipe::Pipe,
    next_id: i64,
    /// Every notification received so far, in order.
    pub notifications: Vec<Value>,
    /// Notifications not yet consumed by a wait.
    unread: Vec<Value>,
    /// Requests the server sent us (answered with `null`).
    pub seen_requests: Vec<Value>,
}

impl Peer {
    pub async fn start() -> Peer {
        let (pipe, _server) = onrecord_server::pipe::Pipe::start();
        Peer {
            pipe,
            next_id: 1,
            notifications: Vec::new(),
            unread: Vec::new(),
            seen_requests: Vec::new(),
        }
    }

    async fn send(&mut self, msg: Value) {
        self.pipe.send(&msg).await;
    }

    /// Reads one message: answers server requests, keeps notifications,
    /// and returns responses.
    async fn pump(&mut self) -> Option<Value> {
        match self.pipe.receive(PATIENCE).await {
            Received::Response(r) => Some(r),
            Received::Request(r) => {
                self.seen_requests.push(r);
                None
            }
            Received::Notification(n) => {
                self.notifications.push(n.clone());
                self.unread.push(n);
                None
            }
        }
    }

    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        loop {
            if let Some(r) = self.pump().await {
                if r["id"] == id {
                    return r;
                }
            }
        }
    }

    pub async fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    /// Waits for a notification whose params pass `pred`, consuming it and
    /// everything before it of the same method.
    pub async fn wait_notification(
        &mut self,
        method: &str,
        pred: impl Fn(&Value) -> bool,
    ) -> Value {
        loop {
            if let Some(i) = self
                .unread
                .iter()
                .position(|n| n["method"] == method && pred(&n["params"]))
            {
                let found = self.unread.remove(i);
                return found["params"].clone();
            }
            self.pump().await;
        }
    }

    /// Waits until the server has sent `count` requests of `method` in all
    /// (answered as they come): a server request and the diagnostics that
    /// follow a change may come in either order.
    pub async fn wait_requests(&mut self, method: &str, count: usize) {
        while self
            .seen_requests
            .iter()
            .filter(|r| r["method"] == method)
            .count()
            < count
        {
            self.pump().await;
        }
    }

    /// A server initialized on `ws` that has indexed its corpus.
    pub async fn ready(ws: &Workspace) -> Peer {
        let mut peer = Peer::start().await;
        peer.initialize(ws, json!({})).await;
        peer.wait_notification("onrecord/status", |p| p["state"] == "ready")
            .await;
        peer
    }

    pub async fn initialize(&mut self, ws: &Workspace, general: Value) -> Value {
        let mut caps = json!({
            "window": {"workDoneProgress": true},
            "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
        });
        if let Some(g) = general.get("general") {
            caps["general"] = g.clone();
        }
        if let Some(w) = general.get("workspace").and_then(Value::as_object) {
            for (k, v) in w {
                caps["workspace"][k] = v.clone();
            }
        }
        let root = format!("file://{}", ws.root.display());
        let r = self
            .request(
                "initialize",
                json!({
                    "processId": null,
                    "rootUri": root,
                    "workspaceFolders": [{"uri": root, "name": "ws"}],
                    "capabilities": caps,
                }),
            )
            .await;
        self.notify("initialized", json!({})).await;
        r["result"].clone()
    }

    pub async fn open(&mut self, uri: &str, language: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}}),
        )
        .await;
    }

    pub async fn change_full(&mut self, uri: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        )
        .await;
    }

    /// The diagnostics published for a document at a version.
    pub async fn diagnostics_for(&mut self, uri: &str, version: i64) -> Value {
        let p = self
            .wait_notification("textDocument/publishDiagnostics", |p| {
                p["uri"] == uri && p["version"] == version
            })
            .await;
        p["diagnostics"].clone()
    }

    /// The markdown of a hover at a position.
    pub async fn hover_markdown(&mut self, uri: &str, pos: Value) -> String {
        let r = self
            .request(
                "textDocument/hover",
                json!({"textDocument": {"uri": uri}, "position": pos}),
            )
            .await;
        match r["result"]["contents"]["value"].as_str() {
            Some(md) => md.to_string(),
            None => panic!("no hover markdown: {r}"),
        }
    }

    pub async fn shutdown(mut self) {
        let r = self.request("shutdown", json!(null)).await;
        assert_eq!(r["result"], Value::Null);
        assert!(r.get("error").is_none());
        self.notify("exit", json!(null)).await;
    }
}
