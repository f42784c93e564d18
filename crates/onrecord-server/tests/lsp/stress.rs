//! A protocol stress test: a thousand random edits (insertions, deletions,
//! line breaks of every kind, non-ASCII text, quotations) interleaved with
//! hovers and code actions. After each batch, the diagnostics the server
//! publishes for the last version are exactly what the engine says of the
//! client's own copy of the text, so the server's text is the client's;
//! and every quick fix it offers lands inside that text.

use crate::pipe::{Peer, Workspace};
use crate::{draft_text, workspace};
use onrecord_engine::check::{self, Corpus};
use onrecord_engine::config::Config;
use onrecord_engine::corpus::{self, LoadOptions};
use onrecord_engine::engine;
use onrecord_engine::link::LinkOptions;
use onrecord_synth::synth::Rng;
use serde_json::{json, Value};

const PIECES: &[&str] = &[
    "",
    " ",
    "word ",
    "the harbor ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{2028}",
    "\u{85}",
    "\u{c}",
    "é",
    "😀",
    "中文",
    "\"",
    "“",
    "”",
    "'",
    " said Lindqvist.",
    ", he said.",
    "\"We will not vote on a plan that the people who work this harbor have not seen,\" ",
    "\"Every page of it will be online before we meet again,\" Lindqvist said.\n\n",
    "\"The silt they want to dig up is where the cod spawn,\" she said.\n",
];

/// The protocol's position of a byte offset: lines break at `\n`, `\r\n`
/// and a lone `\r`; columns count UTF-16 units.
fn position(text: &str, offset: usize) -> (u32, u32) {
    let (mut line, mut col) = (0u32, 0u32);
    let mut prev_cr = false;
    for c in text[..offset].chars() {
        match c {
            '\n' if prev_cr => {}
            '\n' | '\r' => {
                line += 1;
                col = 0;
            }
            _ => col += c.len_utf16() as u32,
        }
        prev_cr = c == '\r';
    }
    (line, col)
}

/// The byte offset of a protocol position, if it is inside the text and
/// not inside a character.
fn offset(text: &str, line: u32, col: u32) -> Option<usize> {
    let mut starts = vec![0];
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\r' if b.get(i + 1) == Some(&b'\n') => {
                starts.push(i + 2);
                i += 2;
                continue;
            }
            b'\r' | b'\n' => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    let start = *starts.get(line as usize)?;
    let end = starts
        .get(line as usize + 1)
        .map(|&n| {
            if text[..n].ends_with("\r\n") {
                n - 2
            } else {
                n - 1
            }
        })
        .unwrap_or(text.len());
    let mut units = 0;
    for (k, c) in text[start..end].char_indices() {
        if units == col {
            return Some(start + k);
        }
        units += c.len_utf16() as u32;
        if units > col {
            return None;
        }
    }
    (units == col).then_some(end)
}

/// A char boundary that does not split a `\r\n`.
fn boundary(rng: &mut Rng, text: &str) -> usize {
    if text.is_empty() {
        return 0;
    }
    let mut at = rng.below(text.len() + 1);
    while !text.is_char_boundary(at)
        || (at > 0 && text[..at].ends_with('\r') && text[at..].starts_with('\n'))
    {
        at -= 1;
    }
    at
}

fn lsp_range(text: &str, a: usize, b: usize) -> Value {
    let (l1, c1) = position(text, a);
    let (l2, c2) = position(text, b);
    json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}})
}

/// A diagnostic as compared here: its code, and where it starts and ends
/// (line, UTF-16 column).
type Published = (String, (u32, u32), (u32, u32));

/// What the engine says of the text, as the server publishes it.
fn expected(corpus: &Corpus, path: &str, text: &str) -> Vec<Published> {
    let opts = LoadOptions {
        nul_is_text: true,
        ..LoadOptions::default()
    };
    let (doc, _) = corpus::parse_document(path, text.as_bytes(), None, &opts);
    let report = check::check(corpus, &doc.expect("a draft"), &Config::default());
    let mut v: Vec<_> = report
        .findings
        .iter()
        .map(|f| {
            (
                f.code.as_str().to_string(),
                position(text, f.start.as_usize()),
                position(text, f.end.as_usize()),
            )
        })
        .collect();
    v.sort();
    v
}

fn published(diags: &Value) -> Vec<Published> {
    let at = |p: &Value| {
        (
            p["line"].as_u64().unwrap() as u32,
            p["character"].as_u64().unwrap() as u32,
        )
    };
    let mut v: Vec<_> = diags
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                at(&d["range"]["start"]),
                at(&d["range"]["end"]),
            )
        })
        .collect();
    v.sort();
    v
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_random_edits_keep_the_server_s_text_the_client_s() {
    let ws: Workspace = workspace();
    let (sources, warnings) = corpus::load(&[ws.root.join("sources")], &LoadOptions::default());
    let corpus = Corpus::new(engine::analyze(sources, warnings, &LinkOptions::default()));
    let path = ws.root.join("drafts/story.md");
    let path = path.to_str().unwrap();
    let uri = ws.uri("drafts/story.md");
    let mut peer = Peer::ready(&ws).await;
    let mut model = draft_text();
    let mut version = 1;
    peer.open(&uri, "markdown", version, &model).await;
    let mut rng = Rng::new(0x57E55, 0);
    let mut fixes_checked = 0;
    for batch in 0..20 {
        for _ in 0..50 {
            let a = boundary(&mut rng, &model);
            let n = rng.below(30);
            let mut b = a + model[a..]
                .chars()
                .take(n)
                .map(char::len_utf8)
                .sum::<usize>();
            if model[..b].ends_with('\r') && model[b..].starts_with('\n') {
                b += 1;
            }
            let mut insert = String::new();
            for _ in 0..rng.below(3) {
                insert.push_str(rng.pick(PIECES));
            }
            let range = lsp_range(&model, a, b);
            model.replace_range(a..b, &insert);
            version += 1;
            peer.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri, "version": version},
                       "contentChanges": [{"range": range, "text": insert}]}),
            )
            .await;
        }
        // A hover and code actions anywhere: answers, never errors, and
        // every edit offered lies on the text's characters.
        let at = boundary(&mut rng, &model);
        let (line, character) = position(&model, at);
        let hover = peer
            .request(
                "textDocument/hover",
                json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
            )
            .await;
        assert!(hover.get("error").is_none(), "batch {batch}: {hover}");
        let actions = peer
            .request(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": uri}, "range": lsp_range(&model, 0, model.len()),
                       "context": {"diagnostics": []}}),
            )
            .await;
        assert!(actions.get("error").is_none(), "batch {batch}: {actions}");
        for action in actions["result"].as_array().into_iter().flatten() {
            for edit in action["edit"]["changes"][&uri]
                .as_array()
                .into_iter()
                .flatten()
            {
                let r = &edit["range"];
                let s = offset(
                    &model,
                    r["start"]["line"].as_u64().unwrap() as u32,
                    r["start"]["character"].as_u64().unwrap() as u32,
                );
                let e = offset(
                    &model,
                    r["end"]["line"].as_u64().unwrap() as u32,
                    r["end"]["character"].as_u64().unwrap() as u32,
                );
                let (Some(s), Some(e)) = (s, e) else {
                    panic!("batch {batch}: an edit outside the text or inside a character: {edit}");
                };
                assert!(s <= e, "{edit}");
                let mut fixed = model.clone();
                fixed.replace_range(s..e, edit["newText"].as_str().unwrap());
                fixes_checked += 1;
            }
        }
        let diags = peer.diagnostics_for(&uri, version as i64).await;
        assert_eq!(
            published(&diags),
            expected(&corpus, path, &model),
            "batch {batch}: the server's diagnostics are not those of the client's text"
        );
    }
    assert!(fixes_checked > 0, "no quick fix was offered in 20 batches");
    peer.shutdown().await;
}
