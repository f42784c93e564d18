//! The real language server (`onrecord_server::serve`: the framing layer,
//! the panic boundary and the service) in process, over an in-memory pipe
//! as tests/lsp drives it: `initialize` (UTF-16 or UTF-8
//! positions), a small corpus indexed from a folder, `didOpen` of a draft,
//! then a sequence of `didChange` (incremental edits whose ranges may be
//! out of bounds, reversed, inside surrogate pairs or `\r\n`, with
//! non-ASCII, `\r`, `\r\n`, U+2028 and a BOM in the text; versions that go
//! up, repeat or go back), hover, code actions, completion, inlay hints,
//! lenses, symbols, definition, references, settings changes and
//! well-framed bodies that are not messages.
//!
//! The client keeps a model of the text: each edit applied to a `String`
//! the way the protocol defines positions (lines broken at `\n`, `\r\n`
//! and `\r` only; a column past the end of its line is the end of the
//! line; a line past the end is the end of the text; inside a character,
//! its start).
//!
//! Invariants:
//! - the server never panics, never closes the pipe, and answers every
//!   request within `PATIENCE`, with a well-formed JSON-RPC response;
//! - a request about a position inside the document is never an error;
//! - every range and position it gives for the draft is inside the model's
//!   text (not past a line's end, not inside a character);
//! - the server's text is the model's. The server has no way to read its
//!   text back, so this is checked by difference: a second document opened
//!   with the model's text must get the same symbols, lenses, hints, code
//!   actions, completions and diagnostics as the edited one.
//!
//! Raw messages are sent only when the framing layer would pass them on
//! (`onrecord_server::forwarded`, the crate's own rule), so that every
//! answer the client reads is one it can account for.
//! `ONRECORD_FUZZ_DEBUG=1` prints each session.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use onrecord_server::pipe::Received;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

/// How long any one answer may take before the server is taken for hung.
const PATIENCE: Duration = Duration::from_secs(60);
const MAX_OPS: usize = 40;
const MAX_TEXT: usize = 6 * 1024;

// ---------------------------------------------------------------- input

/// Pieces of text that trip quote scanners, line models and position
/// conversions, and the words of the corpus (so that drafts quote it,
/// misquote it and misattribute it).
const PIECES: &[&str] = &[
    "\"", "“", "”", "‘", "’", "'", "«", "»", "„", " ", "\n", "\n\n", "\r", "\r\n", "\u{2028}",
    "\u{85}", "\u{b}", "\u{c}", "\u{feff}", "😀", "𝒳", "é", "e\u{301}", "漢字", "\t", "> ",
    ", ", ". ", ": ", "—", "…", "Q: ", "MR. KELLY: ", " said.", " said ", "he said", "she said",
    "the official said", "according to ", "Rosa Lee", "Ian Kelly", "Lee", "Kelly", "the mayor",
    "We will not stop until every family has a home",
    "We will not stop until every family has a house",
    "The river is rising faster than anyone expected",
    "We are ready for the worst",
    "the largest in a generation",
    "<!-- onrecord-disable-next-line misquote -->",
    "<!-- onrecord-disable unknown-quote -->", "<!-- onrecord-enable -->", "---\n", "```",
    "# ", "word", "The", "It",
];

#[derive(Arbitrary, Debug)]
enum Piece {
    Known(u8),
    Char(char),
    Text(String),
}

#[derive(Arbitrary, Debug)]
struct Text(Vec<Piece>);

impl Text {
    fn render(&self) -> String {
        let mut s = String::new();
        for p in &self.0 {
            match p {
                Piece::Known(i) => s.push_str(PIECES[*i as usize % PIECES.len()]),
                Piece::Char(c) => s.push(*c),
                Piece::Text(t) => s.push_str(t),
            }
            if s.len() > MAX_TEXT {
                let mut cut = MAX_TEXT;
                while !s.is_char_boundary(cut) {
                    cut -= 1;
                }
                s.truncate(cut);
                break;
            }
        }
        s
    }
}

/// A position: small lines and columns mostly, sometimes far out.
#[derive(Arbitrary, Debug, Clone, Copy)]
struct Pos {
    line: u8,
    character: u8,
}

impl Pos {
    fn lsp(self) -> (u32, u32) {
        let far = |b: u8, modulo: u32| match b {
            255 => u32::MAX,
            254 => 1 << 20,
            b => b as u32 % modulo,
        };
        (far(self.line, 24), far(self.character, 200))
    }
}

#[derive(Arbitrary, Debug)]
enum Version {
    Next,
    Same,
    Back,
}

#[derive(Arbitrary, Debug)]
enum Change {
    Range(Pos, Pos, Text),
    /// A range given by the client's own character offsets in the model,
    /// so that edits land inside the text more often than at random.
    Offsets(u16, u16, Text),
    Full(Text),
}

#[derive(Arbitrary, Debug)]
enum Op {
    Change(Version, Vec<Change>),
    Hover(Pos),
    CodeAction(Pos, Pos),
    Completion(Pos),
    InlayHint(Pos, Pos),
    Symbols,
    Lenses,
    Definition(Pos),
    References(Pos, bool),
    Settings(u8, bool),
    /// A message built from odd parts (ids past `i64`, duplicate keys,
    /// params of the wrong shape, unknown methods, other documents'
    /// changes, responses to nothing), sent only when the server's own
    /// framing layer (`onrecord_server::forwarded`) would pass it on to the crate.
    Raw(Raw),
    Compare,
}

#[derive(Arbitrary, Debug)]
struct Raw {
    method: Option<u8>,
    id: Option<RawId>,
    params: Option<RawValue>,
    /// A response's `result` and/or `error`.
    result: Option<RawValue>,
    error: Option<RawValue>,
    /// A key written twice.
    duplicate: Option<u8>,
    extra: Option<(String, RawValue)>,
}

#[derive(Arbitrary, Debug)]
enum RawId {
    Small(i8),
    Big(u64),
    Text(String),
    Null,
}

#[derive(Arbitrary, Debug)]
enum RawValue {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
    Array(Vec<RawValue>),
    Doc { uri: u8, pos: Option<(i64, i64)>, range: Option<(Pos, Pos)>, extra: Option<Box<RawValue>> },
    Object(Vec<(u8, RawValue)>),
}

#[derive(Arbitrary, Debug)]
struct Session {
    utf8: bool,
    markdown: bool,
    initial: Text,
    ops: Vec<Op>,
}

// ---------------------------------------------------------------- raw messages

const METHODS: &[&str] = &[
    "textDocument/hover",
    "textDocument/definition",
    "textDocument/references",
    "textDocument/codeAction",
    "textDocument/completion",
    "textDocument/inlayHint",
    "textDocument/codeLens",
    "textDocument/documentSymbol",
    "workspace/symbol",
    "onrecord/sources",
    "codeLens/resolve",
    "textDocument/formatting",
    "no/such/method",
    "initialize",
    "initialized",
    "$/cancelRequest",
    "$/setTrace",
    "textDocument/didSave",
    "workspace/didChangeWatchedFiles",
    "workspace/didChangeConfiguration",
    "textDocument/didOpen",
    "textDocument/didChange",
    "textDocument/didClose",
    "",
    "$/progress",
    "window/workDoneProgress/cancel",
    "textDocument/diagnostic",
    "shutdown",
    "exit",
];

const KEYS: &[&str] = &[
    "textDocument", "position", "range", "context", "query", "settings", "changes", "text",
    "contentChanges", "uri", "version", "languageId", "id", "value", "onrecord", "check",
    "debounce_ms", "min_words", "severity", "includeDeclaration", "diagnostics", "type",
    "line", "character", "start", "end", "capabilities", "processId",
];

fn other_uri(i: u8, a_uri: &str) -> String {
    match i % 10 {
        0 => a_uri.to_string(),
        1 => "file:///nowhere/x.md".into(),
        2 => "untitled:Untitled-1".into(),
        3 => "not a uri".into(),
        4 => "file://%zz/a b.txt".into(),
        5 => uri("sources/a.txt"),
        6 => String::new(),
        7 => "file:///".into(),
        8 => uri("sources/b.md"),
        _ => uri("drafts/other.txt"),
    }
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

impl RawValue {
    /// JSON text; `uris` collects the documents it names.
    fn render(&self, a_uri: &str, uris: &mut Vec<u8>, depth: u32) -> String {
        if depth > 4 {
            return "null".into();
        }
        match self {
            RawValue::Null => "null".into(),
            RawValue::Bool(b) => b.to_string(),
            RawValue::Int(i) => i.to_string(),
            RawValue::Float(f) if f.is_finite() => format!("{f:?}"),
            RawValue::Float(_) => "1e400".into(),
            RawValue::Text(t) => json_str(t),
            RawValue::Array(a) => format!(
                "[{}]",
                a.iter()
                    .take(6)
                    .map(|v| v.render(a_uri, uris, depth + 1))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            RawValue::Doc { uri, pos, range, extra } => {
                uris.push(uri % 10);
                let mut f = vec![format!("\"textDocument\":{{\"uri\":{}}}", json_str(&other_uri(*uri, a_uri)))];
                if let Some((l, c)) = pos {
                    f.push(format!("\"position\":{{\"line\":{l},\"character\":{c}}}"));
                }
                if let Some((a, b)) = range {
                    f.push(format!("\"range\":{{\"start\":{},\"end\":{}}}", lsp_pos(a.lsp()), lsp_pos(b.lsp())));
                }
                if let Some(x) = extra {
                    f.push(format!("\"context\":{}", x.render(a_uri, uris, depth + 1)));
                }
                format!("{{{}}}", f.join(","))
            }
            RawValue::Object(fields) => format!(
                "{{{}}}",
                fields
                    .iter()
                    .take(6)
                    .map(|(k, v)| format!(
                        "{}:{}",
                        json_str(KEYS[*k as usize % KEYS.len()]),
                        v.render(a_uri, uris, depth + 1)
                    ))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        }
    }
}

impl Raw {
    /// The body as the client writes it.
    fn render(&self, a_uri: &str) -> String {
        let mut uris = Vec::new();
        let mut fields: Vec<(String, String)> = vec![("jsonrpc".into(), "\"2.0\"".into())];
        let method = self.method.map(|m| METHODS[m as usize % METHODS.len()]);
        if let Some(m) = method {
            fields.push(("method".into(), json_str(m)));
        }
        if let Some(id) = &self.id {
            let v = match id {
                RawId::Small(i) => i.to_string(),
                RawId::Big(u) => u.to_string(),
                RawId::Text(t) => json_str(t),
                RawId::Null => "null".into(),
            };
            fields.push(("id".into(), v));
        }
        for (k, v) in [("params", &self.params), ("result", &self.result), ("error", &self.error)] {
            if let Some(v) = v {
                fields.push((k.into(), v.render(a_uri, &mut uris, 0)));
            }
        }
        if let Some((k, v)) = &self.extra {
            fields.push((k.clone(), v.render(a_uri, &mut uris, 0)));
        }
        if let Some(d) = self.duplicate {
            let f = fields[d as usize % fields.len()].clone();
            fields.push(f);
        }
        format!(
            "{{{}}}",
            fields
                .iter()
                .map(|(k, v)| format!("{}:{v}", json_str(k)))
                .collect::<Vec<_>>()
                .join(",")
        )
    }
}

/// What to do with a message the framing layer passed on.
enum Forward {
    /// It must not be sent: it ends the session (`exit`, `shutdown`),
    /// changes the edited document behind the model's back, or points the
    /// corpus somewhere else (a settings change with `paths` could index
    /// the whole disk).
    Skip,
    /// A request: its answer carries this id.
    Request(Value),
    /// A response, or a message the crate may take for one (with a
    /// `result` or an `error` the crate reads a message as a response to
    /// nothing, whatever its `method`); one it cannot read as a response
    /// (`"error": false`) it answers as a request with no method.
    Response(Option<Value>),
    Notification,
}

fn classify(body: &[u8], a_uri: &str) -> Forward {
    let v: Value = serde_json::from_slice(body).expect("the transport wrote JSON");
    let text = String::from_utf8_lossy(body);
    let id = v.get("id").cloned();
    match v.get("method").and_then(Value::as_str) {
        Some("exit" | "shutdown") => Forward::Skip,
        Some("textDocument/didOpen" | "textDocument/didChange" | "textDocument/didClose")
            if text.contains(a_uri) =>
        {
            Forward::Skip
        }
        Some("workspace/didChangeConfiguration" | "initialized") if text.contains("paths") => {
            Forward::Skip
        }
        _ if v.get("result").is_some() || v.get("error").is_some() => Forward::Response(id),
        Some(_) => match id {
            Some(id) => Forward::Request(id),
            None => Forward::Notification,
        },
        None => Forward::Response(id),
    }
}

// ---------------------------------------------------------------- model

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Enc {
    Utf8,
    Utf16,
}

fn units(c: char, enc: Enc) -> u32 {
    match enc {
        Enc::Utf8 => c.len_utf8() as u32,
        Enc::Utf16 => c.len_utf16() as u32,
    }
}

/// Byte offsets where lines start: after `\n`, `\r\n` and a lone `\r`.
fn line_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut v = vec![0];
    for i in 0..b.len() {
        match b[i] {
            b'\n' => v.push(i + 1),
            b'\r' if b.get(i + 1) != Some(&b'\n') => v.push(i + 1),
            _ => {}
        }
    }
    v
}

/// The end of a line's content (before its line break).
fn line_end(text: &str, start: usize) -> usize {
    text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| start + i)
}

/// The byte offset of a protocol position, clamped as the protocol says.
fn offset(text: &str, (line, character): (u32, u32), enc: Enc) -> usize {
    let starts = line_starts(text);
    let Some(&start) = starts.get(line as usize) else {
        return text.len();
    };
    let end = line_end(text, start);
    let mut left = character;
    let mut at = start;
    for c in text[start..end].chars() {
        let u = units(c, enc);
        if u > left {
            break;
        }
        left -= u;
        at += c.len_utf8();
    }
    at
}

/// The position of a byte offset on a character boundary.
fn position(text: &str, off: usize, enc: Enc) -> (u32, u32) {
    let starts = line_starts(text);
    let line = starts.partition_point(|&s| s <= off) - 1;
    let col = text[starts[line]..off].chars().map(|c| units(c, enc)).sum();
    (line as u32, col)
}

/// Whether a position the server gave names a place in the text: a line
/// that exists, a column inside its content or at its end, at the start
/// of a character.
fn valid_position(text: &str, (line, character): (u32, u32), enc: Enc) -> bool {
    let starts = line_starts(text);
    let Some(&start) = starts.get(line as usize) else {
        return false;
    };
    let end = line_end(text, start);
    let mut at = 0u32;
    if character == 0 {
        return true;
    }
    for c in text[start..end].chars() {
        at += units(c, enc);
        if at == character {
            return true;
        }
        if at > character {
            return false;
        }
    }
    false
}

fn char_offset(text: &str, chars: u16) -> usize {
    let n = text.chars().count().max(1);
    text.char_indices()
        .nth(chars as usize % (n + 1))
        .map_or(text.len(), |(i, _)| i)
}

// ---------------------------------------------------------------- workspace

const SOURCE_A: &str = "Housing plan unveiled\n\nBy Jo Ray\n\n\
\"We will not stop until every family has a home,\" said Rosa Lee, the housing minister.\n\n\
Lee added that the plan was \"the largest in a generation\".\n\n\
“The river is rising faster than anyone expected,” Ian Kelly told reporters on Tuesday.\n";

const SOURCE_B: &str = "---\ntitle: Flood warning\noutlet: Daily Post\n---\n\n# Flood warning\n\n\
Ian Kelly, a spokesman for the agency, said: “The river is rising faster than anyone expected.”\n\n\
\"We are ready for the worst,\" the mayor said. \"We will not stop until every family has a home.\"\n\
She said it twice.\n";

/// A workspace with a small corpus, made once per process.
fn root() -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        // The workspaces of processes that have ended (each run, merge or
        // minimization step is one) are removed.
        let tmp = std::env::temp_dir();
        for entry in std::fs::read_dir(&tmp).into_iter().flatten().flatten() {
            let name = entry.file_name();
            let Some(pid) = name
                .to_str()
                .and_then(|n| n.strip_prefix("onrecord-fuzz-server-"))
            else {
                continue;
            };
            if !Path::new("/proc").join(pid).exists() {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
        let root = tmp.join(format!("onrecord-fuzz-server-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("sources")).unwrap();
        std::fs::write(root.join("sources/a.txt"), SOURCE_A).unwrap();
        std::fs::write(root.join("sources/b.md"), SOURCE_B).unwrap();
        root.canonicalize().unwrap()
    })
}

fn uri(rel: &str) -> String {
    format!("file://{}/{rel}", root().display())
}

// ---------------------------------------------------------------- client

struct Peer {
    pipe: onrecord_server::pipe::Pipe,
    next_id: i64,
    unread: Vec<Value>,
    /// Ids of raw requests not answered yet.
    raw_ids: Vec<Value>,
    /// Ids of raw responses: the crate answers one it cannot read as a
    /// response (`"error": false`) as a request with no method.
    maybe_ids: Vec<Value>,
}

impl Peer {
    async fn send_body(&mut self, body: &[u8]) {
        self.pipe.send_body(body).await;
    }

    async fn send(&mut self, msg: Value) {
        self.pipe.send(&msg).await;
    }

    /// Reads one message: answers the server's requests, keeps
    /// notifications, returns responses.
    async fn pump(&mut self) -> Option<Value> {
        match self.pipe.receive(PATIENCE).await {
            Received::Response(r) => Some(r),
            Received::Request(_) => None,
            Received::Notification(n) => {
                self.unread.push(n);
                None
            }
        }
    }

    async fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        loop {
            if let Some(r) = self.pump().await {
                if r["id"] == id {
                    let has_result = r.get("result").is_some();
                    let error = r.get("error");
                    assert!(has_result != error.is_some(), "{method}: {r}");
                    if let Some(e) = error {
                        assert!(e["code"].is_i64() && e["message"].is_string(), "{method}: {r}");
                        assert_ne!(e["code"], -32603, "{method}: internal error: {r}");
                    }
                    return r;
                }
                self.answered_raw(&r);
            }
        }
    }

    /// Takes an answer to a raw request, or the crate's answer (id `null`)
    /// to a body it could not read.
    fn answered_raw(&mut self, r: &Value) {
        match self.raw_ids.iter().position(|x| *x == r["id"]) {
            Some(i) => {
                self.raw_ids.remove(i);
            }
            None if r["id"].is_null() && r.get("error").is_some() => {}
            None if self.maybe_ids.contains(&r["id"]) && r.get("error").is_some() => {}
            None => panic!("an answer to no request: {r}"),
        }
    }

    async fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    async fn wait_notification(&mut self, method: &str, pred: impl Fn(&Value) -> bool) -> Value {
        loop {
            if let Some(i) = self
                .unread
                .iter()
                .position(|n| n["method"] == method && pred(&n["params"]))
            {
                return self.unread.remove(i)["params"].clone();
            }
            self.pump().await;
        }
    }
}

// ---------------------------------------------------------------- checks

fn pos_of(v: &Value) -> Option<(u32, u32)> {
    Some((
        v.get("line")?.as_u64()? as u32,
        v.get("character")?.as_u64()? as u32,
    ))
}

/// Every range and position in an answer about the draft (not those of
/// locations in other files) is inside the model's text.
fn check_positions(v: &Value, text: &str, enc: Enc, what: &str) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| check_positions(x, text, enc, what)),
        Value::Object(o) => {
            if o.contains_key("uri") {
                return; // A location: in a corpus file.
            }
            for (k, x) in o {
                match k.as_str() {
                    "relatedInformation" | "arguments" | "changes" => {}
                    "range" | "selectionRange" => {
                        let s = pos_of(&x["start"]).expect("a range start");
                        let e = pos_of(&x["end"]).expect("a range end");
                        assert!(s <= e, "{what}: a reversed range {x}");
                        for p in [s, e] {
                            assert!(
                                valid_position(text, p, enc),
                                "{what}: position {p:?} is not in the text {text:?}: {v}"
                            );
                        }
                    }
                    "position" => {
                        let p = pos_of(x).expect("a position");
                        assert!(
                            valid_position(text, p, enc),
                            "{what}: position {p:?} is not in the text {text:?}: {v}"
                        );
                    }
                    _ => check_positions(x, text, enc, what),
                }
            }
            // The edits of a code action are for the draft.
            if let Some(Value::Object(ch)) = o.get("changes") {
                for edits in ch.values() {
                    check_positions(edits, text, enc, what);
                }
            }
        }
        _ => {}
    }
}

fn lsp_pos((line, character): (u32, u32)) -> Value {
    json!({"line": line, "character": character})
}

/// Runs one session; returns nothing, panics on a broken invariant.
async fn session(s: Session) {
    let enc = if s.utf8 { Enc::Utf8 } else { Enc::Utf16 };
    let (lang, ext) = if s.markdown {
        ("markdown", "md")
    } else {
        ("plaintext", "txt")
    };
    let (pipe, server) = onrecord_server::pipe::Pipe::start();
    let mut peer = Peer {
        pipe,
        // Far from the ids of raw requests.
        next_id: 1 << 40,
        unread: Vec::new(),
        raw_ids: Vec::new(),
        maybe_ids: Vec::new(),
    };

    let root_uri = uri("");
    let root_uri = root_uri.trim_end_matches('/');
    let mut caps = json!({});
    if s.utf8 {
        caps["general"] = json!({"positionEncodings": ["utf-8", "utf-16"]});
    }
    let init = peer
        .request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root_uri,
                "workspaceFolders": [{"uri": root_uri, "name": "ws"}],
                "capabilities": caps,
                "initializationOptions": {"check": {"debounce_ms": 0}},
            }),
        )
        .await;
    let negotiated = &init["result"]["capabilities"]["positionEncoding"];
    assert_eq!(negotiated, if s.utf8 { "utf-8" } else { "utf-16" }, "{init}");
    peer.notify("initialized", json!({})).await;
    peer.wait_notification("onrecord/status", |p| p["state"] == "ready")
        .await;

    let a_uri = uri(&format!("drafts/a/draft.{ext}"));
    let mut text = s.initial.render();
    let mut version = 1i32;
    let mut top = 1i32;
    peer.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": a_uri, "languageId": lang, "version": version, "text": text}}),
    )
    .await;
    let doc = json!({ "uri": a_uri });
    let mut compares = 0;

    for op in s.ops.iter().take(MAX_OPS) {
        match op {
            Op::Change(v, changes) => {
                version = match v {
                    Version::Next => {
                        top += 1;
                        top
                    }
                    Version::Same => version,
                    Version::Back => version - 1,
                };
                let mut sent = Vec::new();
                for c in changes.iter().take(8) {
                    match c {
                        Change::Full(t) => {
                            text = t.render();
                            sent.push(json!({"text": text}));
                        }
                        Change::Range(a, b, t) => {
                            let new = t.render();
                            let (pa, pb) = (a.lsp(), b.lsp());
                            let x = offset(&text, pa, enc);
                            let y = offset(&text, pb, enc).max(x);
                            if text.len() - (y - x) + new.len() > 4 * MAX_TEXT {
                                continue;
                            }
                            text.replace_range(x..y, &new);
                            sent.push(json!({"range": {"start": lsp_pos(pa), "end": lsp_pos(pb)}, "text": new}));
                        }
                        Change::Offsets(a, b, t) => {
                            let new = t.render();
                            let (x, y) = (char_offset(&text, *a), char_offset(&text, *b));
                            let (x, y) = (x.min(y), x.max(y));
                            // Between `\r` and `\n` is no position: the
                            // protocol's clamping decides where it lands.
                            let (pa, pb) = (position(&text, x, enc), position(&text, y, enc));
                            let x = offset(&text, pa, enc);
                            let y = offset(&text, pb, enc).max(x);
                            if text.len() - (y - x) + new.len() > 4 * MAX_TEXT {
                                continue;
                            }
                            text.replace_range(x..y, &new);
                            sent.push(json!({"range": {"start": lsp_pos(pa), "end": lsp_pos(pb)}, "text": new}));
                        }
                    }
                }
                peer.notify(
                    "textDocument/didChange",
                    json!({"textDocument": {"uri": a_uri, "version": version}, "contentChanges": sent}),
                )
                .await;
            }
            Op::Hover(p) => {
                let r = peer
                    .request("textDocument/hover", json!({"textDocument": doc, "position": lsp_pos(p.lsp())}))
                    .await;
                answer_ok(&r, &text, p.lsp(), enc, "hover");
            }
            Op::Definition(p) => {
                let r = peer
                    .request("textDocument/definition", json!({"textDocument": doc, "position": lsp_pos(p.lsp())}))
                    .await;
                answer_ok(&r, &text, p.lsp(), enc, "definition");
            }
            Op::References(p, decl) => {
                let r = peer
                    .request(
                        "textDocument/references",
                        json!({"textDocument": doc, "position": lsp_pos(p.lsp()), "context": {"includeDeclaration": decl}}),
                    )
                    .await;
                answer_ok(&r, &text, p.lsp(), enc, "references");
            }
            Op::Completion(p) => {
                let r = peer
                    .request("textDocument/completion", json!({"textDocument": doc, "position": lsp_pos(p.lsp())}))
                    .await;
                answer_ok(&r, &text, p.lsp(), enc, "completion");
            }
            Op::CodeAction(a, b) => {
                let r = peer
                    .request(
                        "textDocument/codeAction",
                        json!({"textDocument": doc, "range": {"start": lsp_pos(a.lsp()), "end": lsp_pos(b.lsp())},
                               "context": {"diagnostics": []}}),
                    )
                    .await;
                answer_ok(&r, &text, a.lsp(), enc, "codeAction");
            }
            Op::InlayHint(a, b) => {
                let r = peer
                    .request(
                        "textDocument/inlayHint",
                        json!({"textDocument": doc, "range": {"start": lsp_pos(a.lsp()), "end": lsp_pos(b.lsp())}}),
                    )
                    .await;
                answer_ok(&r, &text, a.lsp(), enc, "inlayHint");
            }
            Op::Symbols => {
                let r = peer
                    .request("textDocument/documentSymbol", json!({"textDocument": doc}))
                    .await;
                answer_ok(&r, &text, (0, 0), enc, "documentSymbol");
            }
            Op::Lenses => {
                let r = peer
                    .request("textDocument/codeLens", json!({"textDocument": doc}))
                    .await;
                answer_ok(&r, &text, (0, 0), enc, "codeLens");
            }
            Op::Settings(min_words, loud) => {
                let sev = if *loud { "error" } else { "information" };
                peer.notify(
                    "workspace/didChangeConfiguration",
                    json!({"settings": {"onrecord": {"check": {
                        "debounce_ms": 0,
                        "min_words": min_words % 12,
                        "severity": {"unknown-quote": sev}
                    }}}}),
                )
                .await;
            }
            Op::Raw(raw) => {
                let body = raw.render(&a_uri);
                if let Some(body) = onrecord_server::forwarded(body.as_bytes()) {
                    match classify(&body, &a_uri) {
                        Forward::Skip => continue,
                        Forward::Request(id) => peer.raw_ids.push(id),
                        Forward::Response(id) => peer.maybe_ids.extend(id),
                        Forward::Notification => {}
                    }
                    peer.send_body(&body).await;
                }
            }
            Op::Compare => {
                if compares < 2 {
                    compares += 1;
                    compare(&mut peer, &a_uri, &text, lang, ext, enc, compares, false).await;
                }
            }
        }
    }

    // The end: the server's text is the model's.
    compare(&mut peer, &a_uri, &text, lang, ext, enc, 9, true).await;
    // Every request was answered.
    while !peer.raw_ids.is_empty() {
        if let Some(r) = peer.pump().await {
            peer.answered_raw(&r);
        }
    }

    let r = peer.request("shutdown", Value::Null).await;
    assert_eq!(r["result"], Value::Null, "{r}");
    peer.notify("exit", Value::Null).await;
    let shut_down = tokio::time::timeout(PATIENCE, server)
        .await
        .expect("the server did not end after exit")
        .expect("the server task");
    assert!(shut_down, "the server ended without seeing `shutdown`");
}

/// A request about a position: no error when the position is inside the
/// text, and every position in the answer is in the text.
fn answer_ok(r: &Value, text: &str, at: (u32, u32), enc: Enc, what: &str) {
    let inside = (at.0 as usize) < line_starts(text).len();
    if inside {
        assert!(
            r.get("error").is_none(),
            "{what} at {at:?}, a line of the text, failed: {r}; text {text:?}"
        );
    }
    if let Some(result) = r.get("result") {
        if what == "completion" && !valid_position(text, at, enc) {
            // The edit's range ends at the client's cursor as given.
            return;
        }
        check_positions(result, text, enc, what);
    }
}

/// Opens a second document with the model's text and asks both the same
/// questions: the answers must be the same (but for the uri).
#[allow(clippy::too_many_arguments)]
async fn compare(
    peer: &mut Peer,
    a_uri: &str,
    text: &str,
    lang: &str,
    ext: &str,
    enc: Enc,
    n: u32,
    diagnostics: bool,
) {
    let b_uri = uri(&format!("drafts/b{n}/draft.{ext}"));
    peer.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": b_uri, "languageId": lang, "version": 1, "text": text}}),
    )
    .await;
    let full = json!({"start": {"line": 0, "character": 0}, "end": {"line": u32::MAX, "character": 0}});
    let mut questions: Vec<(&str, Value)> = vec![
        ("textDocument/documentSymbol", json!({})),
        ("textDocument/codeLens", json!({})),
        ("textDocument/inlayHint", json!({"range": full})),
        ("textDocument/codeAction", json!({"range": full, "context": {"diagnostics": []}})),
    ];
    // Completion at the end of the first lines.
    for line in 0..line_starts(text).len().min(6) {
        let end = line_end(text, line_starts(text)[line]);
        let p = position(text, end, enc);
        questions.push(("textDocument/completion", json!({"position": lsp_pos(p)})));
    }
    for (method, mut params) in questions {
        params["textDocument"] = json!({"uri": a_uri});
        let ra = peer.request(method, params.clone()).await;
        params["textDocument"] = json!({"uri": b_uri});
        let rb = peer.request(method, params).await;
        let ra = ra["result"].to_string().replace(a_uri, &b_uri);
        let rb = rb["result"].to_string();
        assert_eq!(
            ra, rb,
            "{method}: the edited document and one opened with the model's text differ; \
             the server's text is not the client's. Model text: {text:?}"
        );
    }
    if diagnostics {
        // A version past every one used: no check of an older text can
        // publish under it.
        let v = 1_000_000;
        peer.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": a_uri, "version": v}, "contentChanges": []}),
        )
        .await;
        let da = peer
            .wait_notification("textDocument/publishDiagnostics", |p| {
                p["uri"] == a_uri && p["version"] == v
            })
            .await;
        let db = peer
            .wait_notification("textDocument/publishDiagnostics", |p| {
                p["uri"] == b_uri.as_str() && p["version"] == 1
            })
            .await;
        check_positions(&da["diagnostics"], text, enc, "diagnostics");
        let da = da["diagnostics"].to_string().replace(a_uri, &b_uri);
        assert_eq!(
            da,
            db["diagnostics"].to_string(),
            "diagnostics of the edited document and of one opened with the model's text differ. \
             Model text: {text:?}"
        );
    }
    peer.notify("textDocument/didClose", json!({"textDocument": {"uri": b_uri}}))
        .await;
}

fuzz_target!(|s: Session| {
    if std::env::var_os("ONRECORD_FUZZ_DEBUG").is_some() {
        eprintln!("{s:#?}");
    }
    root();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    rt.block_on(session(s));
});
