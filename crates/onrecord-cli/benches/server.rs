//! Language-server benchmarks: the release binary (`onrecord serve`) over
//! stdio, on a 10,000-article generated corpus written to disk, with a
//! 5,000-word draft of 100 quotations.
//!
//! `cargo bench --bench server`
//!
//! Times are wall clock from the moment the request is written to the pipe
//! until the answer is read back, JSON and process boundary included. The
//! edit benchmark sets `debounce_ms` to 0; in an editor the default 150 ms
//! pause after typing comes on top. Cold start ends at the first
//! diagnostics; the corpus quotations are linked after them. Once the index
//! is complete, the server's resident memory is printed next to the corpus
//! size.

use divan::Bencher;
use onrecord_engine::engine;
use onrecord_engine::link::LinkOptions;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

fn main() {
    divan::main();
}

const ARTICLES: usize = 10_000;
const DRAFT_QUOTES: usize = 100;
const DRAFT_WORDS: usize = 5_000;

/// The server never takes this long to answer; a bench that waits longer
/// has found a hang.
const PATIENCE: Duration = Duration::from_secs(300);

/// A workspace on disk: `sources/` holds the generated corpus.
struct Workspace {
    root: PathBuf,
    corpus_bytes: u64,
    draft: String,
}

impl Drop for Workspace {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn workspace() -> &'static Workspace {
    static WS: OnceLock<Workspace> = OnceLock::new();
    WS.get_or_init(|| {
        let root = std::env::temp_dir().join(format!("onrecord-bench-{}", std::process::id()));
        let sources = root.join("sources");
        onrecord_synth::synth::write_corpus(&sources, ARTICLES).expect("write the corpus");
        let corpus_bytes = std::fs::read_dir(&sources)
            .unwrap()
            .filter_map(|e| e.ok()?.metadata().ok())
            .map(|m| m.len())
            .sum();
        Workspace {
            root: root.canonicalize().unwrap(),
            corpus_bytes,
            draft: draft(),
        }
    })
}

/// Narrative sentences that quote nobody, to bring the draft to length.
const FILLER: &[&str] = &[
    "The meeting ran past its scheduled end as members worked through the remaining items on the agenda.",
    "Several residents who attended said they had learned about the plan only a few days earlier.",
    "Officials did not say when a final decision would be made or who would make it.",
    "The figures released on Monday were broadly in line with what analysts had expected.",
    "A spokeswoman for the agency declined to comment further on the timing of the announcement.",
];

/// A 5,000-word draft quoting 100 statements of the corpus: most exact and
/// attributed as the sources attribute them, every fifth unattributed,
/// every seventh with a word changed.
fn draft() -> String {
    let docs: Vec<_> = onrecord_synth::synth::documents(ARTICLES)
        .into_iter()
        .step_by(ARTICLES / 200)
        .collect();
    let a = engine::analyze(docs, Vec::new(), &LinkOptions::default());
    let picked: Vec<_> = a
        .quotes
        .iter()
        .filter(|q| q.speaker.is_some())
        .filter(|q| {
            let n = q.quote.text(&a.doc(q.doc).text).split_whitespace().count();
            (8..=30).contains(&n)
        })
        .collect();
    assert!(
        picked.len() >= DRAFT_QUOTES,
        "the corpus has too few quotations"
    );
    let step = picked.len() / DRAFT_QUOTES;
    let mut out = String::from("# What happened\n\n");
    let mut words = 0;
    for (k, q) in picked.iter().step_by(step).take(DRAFT_QUOTES).enumerate() {
        let mut text = q.quote.text(&a.doc(q.doc).text);
        text = text.trim_end_matches([',', '.']).to_string();
        if k % 7 == 3 {
            text = text.replacen(' ', " really ", 1);
        }
        let who = &a.speaker(q.speaker.as_ref().unwrap().who).name;
        let mut para = String::new();
        let target = (DRAFT_WORDS - words) / (DRAFT_QUOTES - k);
        let mut f = k;
        while para.split_whitespace().count() + text.split_whitespace().count() + 3 < target {
            para.push_str(FILLER[f % FILLER.len()]);
            para.push(' ');
            f += 1;
        }
        if k % 5 == 0 {
            para.push_str(&format!("\u{201c}{text}.\u{201d}"));
        } else {
            para.push_str(&format!("\u{201c}{text},\u{201d} {who} said."));
        }
        words += para.split_whitespace().count();
        out.push_str(&para);
        out.push_str("\n\n");
    }
    out
}

/// The server process and a thread that reads its messages.
struct Server {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
}

impl Server {
    fn start(ws: &Workspace, options: Value) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_onrecord"))
            .arg("serve")
            .current_dir(&ws.root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start onrecord serve");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, messages) = mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = 0usize;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse().unwrap_or(0);
                    }
                }
                let mut body = vec![0u8; len];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                let Ok(v) = serde_json::from_slice(&body) else {
                    return;
                };
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        let mut s = Server {
            child,
            stdin,
            messages,
            next_id: 1,
        };
        let root = format!("file://{}", ws.root.display());
        s.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root,
                "workspaceFolders": [{"uri": root, "name": "bench"}],
                "capabilities": {},
                "initializationOptions": options,
            }),
        );
        s.notify("initialized", json!({}));
        s
    }

    fn send(&mut self, msg: Value) {
        let body = serde_json::to_vec(&msg).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(&body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Waits for a message that passes `pred`, answering server requests.
    fn wait(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        loop {
            let m = self
                .messages
                .recv_timeout(PATIENCE)
                .expect("the server stopped answering");
            if m.get("method").is_some() && m.get("id").is_some() {
                let id = m["id"].clone();
                self.send(json!({"jsonrpc": "2.0", "id": id, "result": null}));
            }
            if pred(&m) {
                return m;
            }
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let r = self.wait(|m| m["id"] == id && m.get("method").is_none());
        assert!(r.get("error").is_none(), "{method} failed: {r}");
        r["result"].clone()
    }

    fn diagnostics(&mut self, uri: &str, version: i64) -> Value {
        let m = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        m["params"]["diagnostics"].clone()
    }

    fn open_draft(&mut self, ws: &Workspace) -> String {
        let uri = format!("file://{}", ws.root.join("draft.md").display());
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": ws.draft}}),
        );
        uri
    }

    /// Peak and current resident memory of the server process, in bytes.
    fn memory(&self) -> (u64, u64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        let kb = |key: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
                .unwrap_or(0)
                * 1024
        };
        (kb("VmHWM:"), kb("VmRSS:"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A server that has indexed the corpus and checked the draft once.
struct Ready {
    server: Server,
    uri: String,
    version: i64,
}

fn ready() -> &'static Mutex<Ready> {
    static READY: OnceLock<Mutex<Ready>> = OnceLock::new();
    READY.get_or_init(|| {
        let ws = workspace();
        let mut server = Server::start(ws, json!({"onrecord": {"check": {"debounce_ms": 0}}}));
        let uri = server.open_draft(ws);
        let d = server.diagnostics(&uri, 1);
        assert!(!d.as_array().unwrap().is_empty(), "the draft has findings");
        // Linking goes on after the first diagnostics; the timed requests
        // start once the index is complete.
        server.wait(|m| m["method"] == "onrecord/status" && m["params"]["state"] == "ready");
        let (hwm, rss) = server.memory();
        eprintln!(
            "server memory with the index complete: {:.0} MB resident, {:.0} MB at the peak of indexing; \
             corpus on disk {:.0} MB ({ARTICLES} articles); 2 x corpus + 100 MB = {:.0} MB",
            mb(rss),
            mb(hwm),
            mb(ws.corpus_bytes),
            mb(2 * ws.corpus_bytes) + 100.0
        );
        Mutex::new(Ready {
            server,
            uri,
            version: 1,
        })
    })
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

/// From starting the process to the draft's first diagnostics: reading and
/// indexing the corpus, then checking every quotation of the draft.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn cold_start_to_first_diagnostics(bencher: Bencher) {
    let ws = workspace();
    bencher.bench(|| {
        let mut server = Server::start(ws, json!({}));
        let uri = server.open_draft(ws);
        let d = server.diagnostics(&uri, 1);
        assert!(!d.as_array().unwrap().is_empty());
    });
}

/// An edit to one quotation of the draft (a new first word each time, so
/// that the quotation is looked up afresh), to the diagnostics for the new
/// version.
#[divan::bench(sample_count = 30, sample_size = 1)]
fn change_to_diagnostics(bencher: Bencher) {
    let r = ready();
    let mut guard = r.lock().unwrap();
    let Ready {
        server,
        uri,
        version,
    } = &mut *guard;
    let pos = quotation_position(&workspace().draft, DRAFT_QUOTES / 2);
    let (line, col) = (pos["line"].clone(), pos["character"].as_u64().unwrap() - 2);
    let mut inserted = 0u64;
    bencher.bench_local(|| {
        *version += 1;
        let word = format!("{} ", *version);
        server.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": *version},
                "contentChanges": [{
                    "range": {"start": {"line": line, "character": col},
                              "end": {"line": line, "character": col + inserted}},
                    "text": word,
                }],
            }),
        );
        inserted = word.len() as u64;
        server.diagnostics(uri, *version)
    });
}

/// Hover on a quotation in the checked draft.
#[divan::bench(sample_count = 50, sample_size = 1)]
fn hover(bencher: Bencher) {
    let r = ready();
    let mut guard = r.lock().unwrap();
    let Ready { server, uri, .. } = &mut *guard;
    // The first hover brings the draft's view up to date; the timed ones
    // answer from it.
    let pos = quotation_position(&workspace().draft, DRAFT_QUOTES / 3);
    let params = json!({"textDocument": {"uri": uri}, "position": pos});
    let first = server.request("textDocument/hover", params.clone());
    assert!(
        first["contents"]["value"].as_str().is_some(),
        "no hover: {first}"
    );
    bencher.bench_local(|| server.request("textDocument/hover", params.clone()));
}

/// The position (UTF-16) just inside the opening mark of the `k`th
/// quotation of the draft.
fn quotation_position(draft: &str, k: usize) -> Value {
    let (line, text) = draft
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains('\u{201c}'))
        .nth(k)
        .unwrap();
    let col = text[..text.find('\u{201c}').unwrap()]
        .encode_utf16()
        .count()
        + 3;
    json!({"line": line, "character": col})
}
