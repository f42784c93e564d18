//! Protocol tests: the real service over an in-memory duplex pipe, driven
//! with framed JSON-RPC, asserting on the JSON that comes back.

mod pipe;
mod stress;

use pipe::{Peer, Workspace};
use serde_json::{json, Value};

const SOURCE_A: &str = "\
Harbor board delays vote on dredging plan

By Mara Quist

PORT ELLIS — The harbor board postponed its vote on the dredging plan on Tuesday after fishermen crowded the meeting.

\"We will not vote on a plan that the people who work this harbor have not seen,\" board chair Oskar Lindqvist said.

Lindqvist said the board would publish the full engineering report next week. \"Every page of it will be online before we meet again,\" he said.
";

const SOURCE_B: &str = "\
Dredging vote put off

PORT ELLIS (Coastline Wire) — A vote on deepening the shipping channel was delayed.

\"We will not vote on a plan that the people who work this harbor have not seen,\" said Oskar Lindqvist, who chairs the board.

Fisherman Ada Brenner welcomed the delay. \"The silt they want to dig up is where the cod spawn,\" she said.
";

fn draft_text() -> String {
    // Line 2: an unattributed exact quote after a line of non-ASCII text.
    // Line 4: a misquote. Line 6: invented words.
    "# Harbor vote\n\
     Café owners 😀 中文 — \"We will not vote on a plan that the people who work this harbor have not seen.\"\n\
     \n\
     \"Every page of it will be on the website before we meet again,\" Lindqvist said.\n\
     \n\
     \"The channel will be deeper than any harbor on this coast by next spring,\" Brenner said.\n"
        .to_string()
}

fn workspace() -> Workspace {
    let ws = Workspace::new();
    ws.write("sources/harbor-a.txt", SOURCE_A);
    ws.write("sources/harbor-b.txt", SOURCE_B);
    ws.write("drafts/story.md", &draft_text());
    ws
}

fn codes_and_lines(diags: &Value) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = diags
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["range"]["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

/// The (line, UTF-16 column) of a byte offset in `text`.
fn utf16_pos(text: &str, byte: usize) -> (u64, u64) {
    let line = text[..byte].matches('\n').count();
    let start = text[..byte].rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line as u64, text[start..byte].encode_utf16().count() as u64)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_editing_session() {
    let ws = workspace();
    let mut peer = Peer::start().await;
    let refresh = json!({"workspace": {
        "inlayHint": {"refreshSupport": true},
        "codeLens": {"refreshSupport": true},
    }});
    let init = peer.initialize(&ws, refresh).await;
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["capabilities"]["textDocumentSync"]["change"], 2);

    // Indexing reports progress, registers the watcher, and says when ready.
    let status = peer
        .wait_notification("onrecord/status", |p| p["state"] == "ready")
        .await;
    assert_eq!(status["articles"], 2);
    assert!(peer
        .seen_requests
        .iter()
        .any(|r| r["method"] == "client/registerCapability"
            && r["params"]["registrations"][0]["method"] == "workspace/didChangeWatchedFiles"));
    let progress: Vec<&Value> = peer
        .notifications
        .iter()
        .filter(|n| n["method"] == "$/progress")
        .collect();
    assert_eq!(
        progress.first().unwrap()["params"]["value"]["kind"],
        "begin"
    );
    assert!(progress
        .iter()
        .any(|p| p["params"]["value"]["message"] == "2/2 files"));
    assert_eq!(progress.last().unwrap()["params"]["value"]["kind"], "end");

    // Diagnostics on open, with exact ranges after non-ASCII characters.
    let text = draft_text();
    let uri = ws.uri("drafts/story.md");
    peer.open(&uri, "markdown", 1, &text).await;
    let diags = peer.diagnostics_for(&uri, 1).await;
    assert_eq!(
        codes_and_lines(&diags),
        vec![
            ("misquote".to_string(), 3),
            ("unattributed-quote".to_string(), 1),
            ("unknown-quote".to_string(), 5),
        ]
    );
    let unattributed = diags
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "unattributed-quote")
        .unwrap()
        .clone();
    let open = text.find("\"We will").unwrap();
    let close = text.find("seen.\"").unwrap() + "seen.\"".len();
    let (l, c) = utf16_pos(&text, open);
    assert_eq!(
        unattributed["range"]["start"],
        json!({"line": l, "character": c})
    );
    assert_eq!(
        c, 20,
        "the emoji counts two UTF-16 units, the rest one each"
    );
    let (l2, c2) = utf16_pos(&text, close);
    assert_eq!(
        unattributed["range"]["end"],
        json!({"line": l2, "character": c2})
    );
    assert_eq!(unattributed["source"], "onrecord");
    assert!(unattributed["message"]
        .as_str()
        .unwrap()
        .contains("Oskar Lindqvist"));
    // Messages name sources relative to the workspace.
    let misquote = diags
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "misquote")
        .unwrap();
    let m = misquote["message"].as_str().unwrap();
    assert!(m.contains("; sources/harbor-a.txt:9 has"), "{m}");
    let related = unattributed["relatedInformation"].as_array().unwrap();
    assert_eq!(related.len(), 2);
    assert!(related.iter().all(|r| r["location"]["uri"]
        .as_str()
        .unwrap()
        .contains("/sources/harbor-")));

    // Hover names the speaker and both articles.
    let inside = json!({"line": l, "character": c + 5});
    let hover = peer
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": inside}),
        )
        .await;
    let md = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(md.contains("Said by **Oskar Lindqvist**"), "{md}");
    assert!(md.contains("harbor-a.txt:7"), "{md}");
    assert!(md.contains("harbor-b.txt:5"), "{md}");
    assert_eq!(
        hover["result"]["range"]["start"],
        json!({"line": l, "character": c})
    );

    // Definition lands on the quoted words in the first report.
    let def = peer
        .request(
            "textDocument/definition",
            json!({"textDocument": {"uri": uri}, "position": inside}),
        )
        .await;
    let target = &def["result"];
    assert_eq!(target["uri"], ws.uri("sources/harbor-a.txt"));
    let words = "We will not vote on a plan that the people who work this harbor have not seen";
    let at = SOURCE_A.find(words).unwrap();
    let (sl, sc) = utf16_pos(SOURCE_A, at);
    let (el, ec) = utf16_pos(SOURCE_A, at + words.len());
    assert_eq!(
        target["range"],
        json!({"start": {"line": sl, "character": sc}, "end": {"line": el, "character": ec}})
    );

    // References: both articles.
    let refs = peer
        .request(
            "textDocument/references",
            json!({"textDocument": {"uri": uri}, "position": inside, "context": {"includeDeclaration": false}}),
        )
        .await;
    let uris: Vec<&str> = refs["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["uri"].as_str().unwrap())
        .collect();
    assert_eq!(uris.len(), 2);
    assert!(uris[1].ends_with("sources/harbor-b.txt"));
    let at_b = SOURCE_B.find(words).unwrap();
    let (bl, bc) = utf16_pos(SOURCE_B, at_b);
    assert_eq!(
        refs["result"][1]["range"]["start"],
        json!({"line": bl, "character": bc})
    );

    // Code action: insert the attribution, as an exact edit.
    let actions = peer
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": unattributed["range"], "context": {"diagnostics": [unattributed]}}),
        )
        .await;
    let first = &actions["result"][0];
    assert_eq!(first["kind"], "quickfix");
    assert_eq!(first["title"], "Attribute to Oskar Lindqvist");
    let edit = &first["edit"]["changes"][uri.as_str()][0];
    let dot = text.find("seen.\"").unwrap() + "seen".len();
    let (dl, dc) = utf16_pos(&text, dot);
    assert_eq!(
        edit["range"],
        json!({"start": {"line": dl, "character": dc}, "end": {"line": l2, "character": c2}})
    );
    assert_eq!(edit["newText"], ",\" Oskar Lindqvist said.");
    let titles: Vec<&str> = actions["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"Disable unattributed-quote for this line"));

    // The misquote's fix puts back the source wording.
    let mis_line = 3;
    let actions = peer
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": {"start": {"line": mis_line, "character": 3}, "end": {"line": mis_line, "character": 3}}, "context": {"diagnostics": []}}),
        )
        .await;
    let edit = &actions["result"][0]["edit"]["changes"][uri.as_str()][0];
    assert_eq!(
        edit["newText"],
        "Every page of it will be online before we meet again"
    );
    assert_eq!(edit["range"]["start"], json!({"line": 3, "character": 1}));

    // Inlay hints, lenses, symbols.
    let hints = peer
        .request(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}}}),
        )
        .await;
    let hint = &hints["result"][0];
    assert_eq!(hint["label"], "— Oskar Lindqvist");
    assert_eq!(hint["position"], json!({"line": l2, "character": c2}));
    let lenses = peer
        .request(
            "textDocument/codeLens",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    assert_eq!(
        lenses["result"][0]["command"]["title"],
        "2 sources · Oskar Lindqvist"
    );
    assert_eq!(lenses["result"][2]["command"]["title"], "no source");
    let symbols = peer
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    assert_eq!(symbols["result"].as_array().unwrap().len(), 3);
    assert_eq!(symbols["result"][1]["detail"], "Lindqvist");
    let ws_symbols = peer
        .request("workspace/symbol", json!({"query": "brenner"}))
        .await;
    let found = ws_symbols["result"].as_array().unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["containerName"], "Ada Brenner");
    assert!(found[0]["name"]
        .as_str()
        .unwrap()
        .starts_with("“The silt they want"));

    // Completion offers the exact source wording after a few typed words.
    let typed = "She added: \"the silt they";
    let new_text = format!("{text}\n{typed}");
    peer.change_full(&uri, 2, &new_text).await;
    let last_line = new_text.matches('\n').count() as u64;
    let cursor = json!({"line": last_line, "character": typed.encode_utf16().count()});
    let completion = peer
        .request(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri}, "position": cursor}),
        )
        .await;
    let item = &completion["result"][0];
    assert_eq!(
        item["textEdit"]["newText"],
        "The silt they want to dig up is where the cod spawn,\" Ada Brenner said."
    );
    assert_eq!(
        item["textEdit"]["range"]["start"],
        json!({"line": last_line, "character": 12})
    );
    // A cursor past the end of the line: the edit ends where the line does.
    let past_end = peer
        .request(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri},
                   "position": {"line": last_line, "character": 500}}),
        )
        .await;
    let edit = &past_end["result"][0]["textEdit"];
    assert_eq!(edit["newText"], item["textEdit"]["newText"]);
    assert_eq!(edit["range"], item["textEdit"]["range"]);

    // A new source that carries the invented words: the unknown quote is
    // found once the watcher reports the file.
    let _ = peer.diagnostics_for(&uri, 2).await;
    ws.write(
        "sources/harbor-c.txt",
        "Interview\n\n\"The channel will be deeper than any harbor on this coast by next spring,\" Ada Brenner said.\n",
    );
    peer.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": ws.uri("sources/harbor-c.txt"), "type": 1}]}),
    )
    .await;
    let status = peer
        .wait_notification("onrecord/status", |p| p["articles"] == 3)
        .await;
    assert_eq!(status["state"], "ready");
    let diags = peer.diagnostics_for(&uri, 2).await;
    assert!(!codes_and_lines(&diags)
        .iter()
        .any(|(c, _)| c == "unknown-quote"));

    // Each new index asks the client to fetch hints and lenses again.
    for method in ["workspace/inlayHint/refresh", "workspace/codeLens/refresh"] {
        let asked = peer
            .seen_requests
            .iter()
            .filter(|r| r["method"] == method)
            .count();
        assert!(asked >= 1, "{method} sent {asked} times");
    }

    peer.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn utf8_positions_when_the_client_offers_them() {
    let ws = workspace();
    let mut peer = Peer::start().await;
    let init = peer
        .initialize(
            &ws,
            json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}),
        )
        .await;
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    peer.wait_notification("onrecord/status", |p| p["state"] == "ready")
        .await;
    let text = draft_text();
    let uri = ws.uri("drafts/story.md");
    peer.open(&uri, "markdown", 1, &text).await;
    let diags = peer.diagnostics_for(&uri, 1).await;
    let d = diags
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "unattributed-quote")
        .unwrap();
    let open = text.find("\"We will").unwrap();
    let line_start = text[..open].rfind('\n').unwrap() + 1;
    assert_eq!(
        d["range"]["start"],
        json!({"line": 1, "character": open - line_start})
    );
    peer.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_during_a_check_wins_over_the_older_result() {
    let ws = workspace();
    let mut peer = Peer::ready(&ws).await;
    let uri = ws.uri("drafts/story.md");
    // A long draft keeps the first check busy while the edits arrive.
    let filler = "The board met again. \"We will not vote on a plan that the people who work this harbor have not seen,\" Lindqvist said.\n\n".repeat(400);
    let v1 =
        format!("{filler}\"Invented words that no source has ever carried anywhere at all.\"\n");
    peer.open(&uri, "markdown", 1, &v1).await;
    // Incremental edit: delete the invented quotation.
    let last = v1.matches('\n').count() - 1;
    peer.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": last, "character": 0}, "end": {"line": last + 1, "character": 0}}, "text": ""}
        ]}),
    )
    .await;
    let published = peer
        .wait_notification("textDocument/publishDiagnostics", |p| p["uri"] == uri)
        .await;
    assert_eq!(
        published["version"], 2,
        "the result for version 1 was dropped"
    );
    assert_eq!(published["diagnostics"], json!([]));
    peer.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_requests_get_clear_answers_and_the_server_keeps_going() {
    let ws = workspace();
    ws.write(
        "onrecord.toml",
        "[corpus]\npaths = [\"sources\", \"missing\"]\n[check\nmin_words = 3\n",
    );
    let mut peer = Peer::start().await;
    peer.initialize(&ws, json!({})).await;
    let msg = peer
        .wait_notification("window/showMessage", |p| {
            p["message"]
                .as_str()
                .unwrap_or("")
                .contains("onrecord.toml")
        })
        .await;
    assert!(msg["message"].as_str().unwrap().contains("line 3"), "{msg}");
    assert_eq!(msg["type"], 1);
    // Defaults are used: sources/ is found anyway.
    let status = peer
        .wait_notification("onrecord/status", |p| p["state"] == "ready")
        .await;
    assert_eq!(status["articles"], 2);

    let unknown = peer
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": "file:///nowhere/x.md"}, "position": {"line": 0, "character": 0}}),
        )
        .await;
    assert!(unknown["error"]["message"]
        .as_str()
        .unwrap()
        .contains("not open"));
    let uri = ws.uri("drafts/story.md");
    peer.open(&uri, "markdown", 1, &draft_text()).await;
    let far = peer
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 400, "character": 3}}),
        )
        .await;
    assert!(far["error"]["message"]
        .as_str()
        .unwrap()
        .contains("past the end"));
    // Still answering.
    let diags = peer.diagnostics_for(&uri, 1).await;
    assert_eq!(diags.as_array().unwrap().len(), 3);
    peer.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_corpus_folder_is_reported_once() {
    let ws = workspace();
    let mut peer = Peer::ready(&ws).await;
    peer.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"onrecord": {"corpus": {"paths": ["gone"]}}}}),
    )
    .await;
    let msg = peer
        .wait_notification("window/showMessage", |p| {
            p["message"]
                .as_str()
                .unwrap_or("")
                .contains("does not exist")
        })
        .await;
    assert!(msg["message"].as_str().unwrap().contains("gone"));
    let status = peer
        .wait_notification("onrecord/status", |p| p["articles"] == 0)
        .await;
    assert_eq!(status["state"], "ready");
    peer.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_50_mb_single_line_draft_is_checked() {
    let ws = workspace();
    let mut peer = Peer::ready(&ws).await;
    let uri = ws.uri("drafts/huge.md");
    let mut text = "word ".repeat(10 * 1024 * 1024);
    text.push_str("\"Invented words that no source has ever carried anywhere at all.\"");
    peer.open(&uri, "markdown", 1, &text).await;
    let diags = peer.diagnostics_for(&uri, 1).await;
    let d = diags
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "unknown-quote")
        .expect("the quotation at the end is found");
    assert_eq!(d["range"]["start"]["character"], 50 * 1024 * 1024);
    peer.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_source_file_open_in_the_editor_gets_hover_and_jumps() {
    let ws = workspace();
    let mut peer = Peer::ready(&ws).await;
    let uri = ws.uri("sources/harbor-a.txt");
    peer.open(&uri, "plaintext", 1, SOURCE_A).await;
    let diags = peer.diagnostics_for(&uri, 1).await;
    assert_eq!(diags, json!([]), "sources are not checked as drafts");
    let at = SOURCE_A.find("We will not vote").unwrap();
    let (l, c) = utf16_pos(SOURCE_A, at);
    let pos = json!({"line": l, "character": c + 3});
    let md = peer.hover_markdown(&uri, pos.clone()).await;
    assert!(md.contains("Oskar Lindqvist"), "{md}");
    assert!(md.contains("harbor-b.txt:5"), "{md}");
    let refs = peer
        .request(
            "textDocument/references",
            json!({"textDocument": {"uri": uri}, "position": pos, "context": {"includeDeclaration": true}}),
        )
        .await;
    let found = refs["result"].as_array().unwrap();
    assert_eq!(found.len(), 2);
    assert_eq!(found[0]["uri"], uri);
    assert_eq!(found[1]["uri"], ws.uri("sources/harbor-b.txt"));
    peer.shutdown().await;
}

/// Named after what it caught: two articles' unnamed officials, one of them
/// described as "unnamed", read as two speakers in the hover.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_names_an_unnamed_speaker_once() {
    let ws = Workspace::new();
    ws.write(
        "sources/a.txt",
        "Port talks stall\n\nThe official said the port would stay closed. \"Nobody will load a ship here until the cranes are inspected,\" the official said.\n",
    );
    ws.write(
        "sources/b.txt",
        "Cranes idle\n\nAn unnamed official spoke to reporters. \"Nobody will load a ship here until the cranes are inspected,\" said the unnamed official.\n",
    );
    let mut peer = Peer::ready(&ws).await;
    let uri = ws.uri("draft.md");
    let text = "\"Nobody will load a ship here until the cranes are inspected.\"\n";
    peer.open(&uri, "markdown", 1, text).await;
    peer.diagnostics_for(&uri, 1).await;
    let md = peer
        .hover_markdown(&uri, json!({"line": 0, "character": 5}))
        .await;
    let said = md.lines().next().unwrap();
    assert!(said.starts_with("Said by **"), "{md}");
    assert!(!said.contains(" or "), "one speaker, named once: {said}");
    peer.shutdown().await;
}

/// Before the corpus is indexed every quotation would look unknown: hover
/// says so, lenses wait, and the end of indexing (and a change of
/// settings) asks the client to fetch hints and lenses again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_wait_for_the_first_index() {
    let ws = workspace();
    let mut peer = Peer::start().await;
    let root = format!("file://{}", ws.root.display());
    peer.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": root,
            "capabilities": {"workspace": {"inlayHint": {"refreshSupport": true}}},
        }),
    )
    .await;
    let uri = ws.uri("drafts/story.md");
    let text = draft_text();
    peer.open(&uri, "markdown", 1, &text).await;
    let pos = json!({"line": 3, "character": 5});
    let md = peer.hover_markdown(&uri, pos.clone()).await;
    assert!(md.contains("still indexing"), "{md}");
    let lenses = peer
        .request(
            "textDocument/codeLens",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    assert_eq!(lenses["result"], json!([]));

    // `initialized` starts indexing; then answers come from the corpus.
    peer.notify("initialized", json!({})).await;
    peer.wait_notification("onrecord/status", |p| p["state"] == "ready")
        .await;
    peer.diagnostics_for(&uri, 1).await;
    let md = peer.hover_markdown(&uri, pos).await;
    assert!(md.contains("Oskar Lindqvist"), "{md}");
    let refreshes = |peer: &Peer| {
        peer.seen_requests
            .iter()
            .filter(|r| r["method"] == "workspace/inlayHint/refresh")
            .count()
    };
    let after_index = refreshes(&peer);
    assert!(after_index >= 1);

    peer.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"onrecord": {"check": {"inlay_hints": false}}}}),
    )
    .await;
    peer.diagnostics_for(&uri, 1).await;
    let hints = peer
        .request(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}}}),
        )
        .await;
    assert_eq!(hints["result"], json!([]));
    // A settings change refreshes hints (it times out if none comes).
    peer.wait_requests("workspace/inlayHint/refresh", after_index + 1)
        .await;
    assert!(refreshes(&peer) > after_index);
    peer.shutdown().await;
}

/// Caught: open documents counted U+2028, U+0085, vertical tab and form
/// feed as line breaks (the rope's default) while the protocol and the
/// engine count `\n`, `\r\n` and `\r`; after such a character the editor's
/// next edit landed on the wrong line and diagnostics pointed at the wrong
/// words.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_protocol_s_line_breaks_split_lines() {
    let ws = workspace();
    let mut peer = Peer::ready(&ws).await;
    let uri = ws.uri("drafts/story.md");
    let quote =
        "\"We will not vote on a plan that the people who work this harbor have not seen.\"";
    let v1 =
        format!("# Harbor vote\nNotes\u{2028}from the meeting\u{c} and\u{85} more.\n{quote}\n");
    peer.open(&uri, "markdown", 1, &v1).await;
    let first = peer
        .wait_notification("textDocument/publishDiagnostics", |p| {
            p["uri"] == uri && p["version"] == 1
        })
        .await;
    let at = |text: &str, diags: &Value| -> (u64, u64, u64, u64) {
        let d = diags["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "unattributed-quote")
            .cloned()
            .expect("an unattributed-quote diagnostic");
        let want = utf16_pos(text, text.find(quote).unwrap());
        (
            d["range"]["start"]["line"].as_u64().unwrap(),
            d["range"]["start"]["character"].as_u64().unwrap(),
            want.0,
            want.1,
        )
    };
    let (l, c, wl, wc) = at(&v1, &first);
    assert_eq!((l, c), (wl, wc));
    // An edit at the start of the quotation's line, as the editor counts it.
    peer.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}, "text": "Today: "}
        ]}),
    )
    .await;
    let v2 = v1.replacen(quote, &format!("Today: {quote}"), 1);
    let second = peer
        .wait_notification("textDocument/publishDiagnostics", |p| {
            p["uri"] == uri && p["version"] == 2
        })
        .await;
    let (l, c, wl, wc) = at(&v2, &second);
    assert_eq!((l, c), (wl, wc), "the edit landed where the editor put it");
    peer.shutdown().await;
}

/// Caught: a watched-files batch that held `onrecord.toml` dropped the
/// batch's other changes, so a new article next to an unchanged settings
/// file was never read.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_settings_file_in_a_watched_batch_keeps_the_other_changes() {
    let ws = workspace();
    ws.write("onrecord.toml", "[corpus]\npaths = [\"sources\"]\n");
    let mut peer = Peer::ready(&ws).await;
    let uri = ws.uri("drafts/story.md");
    let text = "\"The channel will be deeper than any harbor on this coast by next spring,\" Ada Brenner said.\n";
    peer.open(&uri, "markdown", 1, text).await;
    let diags = peer.diagnostics_for(&uri, 1).await;
    assert!(codes_and_lines(&diags)
        .iter()
        .any(|(c, _)| c == "unknown-quote"));
    ws.write(
        "sources/harbor-c.txt",
        "Interview\n\n\"The channel will be deeper than any harbor on this coast by next spring,\" Ada Brenner said.\n",
    );
    peer.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [
            {"uri": ws.uri("onrecord.toml"), "type": 2},
            {"uri": ws.uri("sources/harbor-c.txt"), "type": 1}
        ]}),
    )
    .await;
    let status = peer
        .wait_notification("onrecord/status", |p| p["articles"] == 3)
        .await;
    assert_eq!(status["state"], "ready");
    peer.shutdown().await;
}

/// Caught: started outside a project, the server found no articles, said
/// so only in a log line, then marked every quotation "found in no source
/// article". It now says so once, where the user sees it, and publishes
/// no findings it cannot stand behind.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_corpus_is_said_once_not_flagged_on_every_quotation() {
    let ws = Workspace::new();
    ws.write("drafts/story.md", &draft_text());
    let mut peer = Peer::ready(&ws).await;
    let message = peer
        .wait_notification("window/showMessage", |p| {
            p["message"]
                .as_str()
                .is_some_and(|m| m.contains("no source articles"))
        })
        .await;
    assert_eq!(message["type"], 2, "a warning");
    let uri = ws.uri("drafts/story.md");
    peer.open(&uri, "markdown", 1, &draft_text()).await;
    let diags = peer.diagnostics_for(&uri, 1).await;
    assert_eq!(diags, json!([]));
    let told = peer
        .notifications
        .iter()
        .filter(|n| {
            n["method"] == "window/showMessage"
                && n["params"]["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("no source articles"))
        })
        .count();
    assert!(told <= 1, "told {told} times");
    peer.shutdown().await;
}

/// Caught: a change whose version went backwards was dropped, so the
/// server's text differed from the editor's from then on, and only a log
/// line said so. The change is applied (and still reported in the log).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_version_that_goes_backwards_still_changes_the_text() {
    let ws = workspace();
    let mut peer = Peer::ready(&ws).await;
    let uri = ws.uri("drafts/story.md");
    let quote =
        "\"We will not vote on a plan that the people who work this harbor have not seen.\"";
    let v5 = format!("# Harbor vote\n{quote}\n");
    peer.open(&uri, "markdown", 5, &v5).await;
    let first = peer.diagnostics_for(&uri, 5).await;
    assert!(codes_and_lines(&first).contains(&("unattributed-quote".to_string(), 1)));
    // The editor adds an attribution, numbering the change 3.
    let end = quote.encode_utf16().count();
    peer.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [
            {"range": {"start": {"line": 1, "character": end}, "end": {"line": 1, "character": end}},
             "text": " Oskar Lindqvist said."}
        ]}),
    )
    .await;
    let after = peer.diagnostics_for(&uri, 3).await;
    assert!(
        !codes_and_lines(&after)
            .iter()
            .any(|(c, _)| c == "unattributed-quote"),
        "the server's text has the attribution: {after}"
    );
    peer.shutdown().await;
}

/// Caught: paths in a workspace's `onrecord.toml` that led out of it
/// (`../..`, `/etc`, a symbolic link) were read, and their contents offered
/// in workspace symbols. The workspace may name only its own folders; the
/// editor's settings (the user's own) may name any.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn corpus_paths_outside_the_workspace_are_refused_unless_the_editor_names_them() {
    let outside = Workspace::new();
    outside.write("elsewhere/harbor-a.txt", SOURCE_A);
    let ws = Workspace::new();
    ws.write("drafts/story.md", &draft_text());
    let escape = format!(
        "../{}/elsewhere",
        outside.root.file_name().unwrap().to_str().unwrap()
    );
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.root.join("elsewhere"), ws.root.join("linked")).unwrap();
    ws.write(
        "onrecord.toml",
        &format!(
            "[corpus]\npaths = [\"{escape}\", \"{}\", \"linked\"]\n",
            outside.root.join("elsewhere").display()
        ),
    );
    let mut peer = Peer::start().await;
    peer.initialize(&ws, json!({})).await;
    let status = peer
        .wait_notification("onrecord/status", |p| p["state"] == "ready")
        .await;
    assert_eq!(status["articles"], 0, "{status}");
    let refusals: Vec<String> = peer
        .notifications
        .iter()
        .filter(|n| n["method"] == "window/showMessage")
        .filter_map(|n| n["params"]["message"].as_str())
        .filter(|m| m.contains("outside the workspace"))
        .map(str::to_string)
        .collect();
    let expected = if cfg!(unix) { 3 } else { 2 };
    assert_eq!(refusals.len(), expected, "{refusals:?}");
    assert!(refusals.iter().all(|m| m.contains("onrecord.corpus.paths")));
    // The user's own settings may name the folder outside.
    peer.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"onrecord": {"corpus": {"paths": [outside.root.join("elsewhere")]}}}}),
    )
    .await;
    let status = peer
        .wait_notification("onrecord/status", |p| {
            p["state"] == "ready" && p["articles"] == 1
        })
        .await;
    assert_eq!(status["articles"], 1);
    peer.shutdown().await;
}
