//! `onrecord quotes` as a user runs it: the built binary, its output and
//! its exit codes.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    test_utils::workspace_root()
}

fn onrecord(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run onrecord")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// `onrecord serve` in `dir`, its standard input and output piped.
fn serve(dir: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .arg("serve")
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start the server")
}

fn scratch(name: &str) -> test_utils::Scratch {
    test_utils::Scratch::new(&format!("cli-{name}"))
}

#[test]
fn json_output_follows_the_contract() {
    let o = onrecord(&["quotes", "test-corpus", "--format", "json"], &root());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let records = v.as_array().expect("array of records");
    assert!(records.len() > 30);
    for r in records {
        for key in [
            "file",
            "start",
            "end",
            "line",
            "column",
            "text",
            "kind",
            "speaker",
            "statement",
            "sources",
        ] {
            assert!(r.get(key).is_some(), "missing {key} in {r}");
        }
        let kind = r["kind"].as_str().expect("kind");
        assert!(
            ["quote", "fragment", "block", "transcript"].contains(&kind),
            "{kind}"
        );
        let file = r["file"].as_str().expect("file");
        let text = std::fs::read_to_string(root().join(file)).expect("file exists");
        let (s, e) = (
            r["start"].as_u64().expect("start") as usize,
            r["end"].as_u64().expect("end") as usize,
        );
        let first_line = r["text"]
            .as_str()
            .expect("text")
            .split('\n')
            .next()
            .expect("line");
        assert!(text[s..e].starts_with(first_line));
        if let Some(sp) = r["speaker"].as_object() {
            for key in ["name", "mention", "start", "end", "cue"] {
                assert!(sp.contains_key(key), "speaker lacks {key}: {r}");
            }
        }
        for src in r["sources"].as_array().expect("sources") {
            for key in ["file", "line", "start", "end"] {
                assert!(src.get(key).is_some(), "source lacks {key}");
            }
        }
    }
    // The statement id is shared by the same words in two articles.
    let find = |file: &str, prefix: &str| {
        records
            .iter()
            .find(|r| {
                r["file"].as_str().unwrap().ends_with(file)
                    && r["text"].as_str().unwrap().starts_with(prefix)
            })
            .unwrap_or_else(|| panic!("{file} {prefix}"))
    };
    let a = find("002_0c5362f621e694e9.txt", "We don’t want to be seen");
    let b = find("003_0c2ef44d899710dd.txt", "We don't want to be seen");
    assert_eq!(a["statement"], b["statement"]);
    assert_eq!(a["speaker"]["name"], "Ian Kelly");
}

#[test]
fn jsonl_has_one_record_per_line_and_matches_json() {
    let json = onrecord(&["quotes", "test-corpus", "--format", "json"], &root());
    let jsonl = onrecord(&["quotes", "test-corpus", "--format", "jsonl"], &root());
    assert!(jsonl.status.success());
    let all: Vec<Value> = serde_json::from_str(&stdout(&json)).expect("JSON");
    let lines: Vec<Value> = stdout(&jsonl)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON record per line"))
        .collect();
    assert_eq!(all, lines);
}

#[test]
fn text_output_names_place_speaker_words_and_other_articles() {
    let o = onrecord(&["quotes", "test-corpus"], &root());
    assert!(o.status.success());
    let out = stdout(&o);
    let line = out
        .lines()
        .find(|l| l.contains("003_0c2ef44d899710dd.txt:40:2"))
        .expect("the quotation on line 40 of 003");
    assert!(line.contains("Ian Kelly"), "{line}");
    assert!(
        line.contains("“We don't want to be seen as interfering,”"),
        "{line}"
    );
    assert!(line.contains("[also in 2 other articles]"), "{line}");
    let summary = out.lines().last().expect("summary");
    assert!(summary.contains("in 5 articles"), "{summary}");
}

#[test]
fn html_offsets_point_into_the_file_on_disk() {
    let dir = scratch("html");
    let html = "<html><head><title>T</title></head><body>\n<p>&ldquo;We&rsquo;re staying open,&rdquo; said store owner Mia Holt.</p>\n</body></html>\n";
    std::fs::write(dir.join("page.html"), html).expect("write");
    let o = onrecord(&["quotes", ".", "--format", "json"], &dir);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let r = &v[0];
    assert_eq!(r["text"], "We’re staying open,");
    let (s, e) = (
        r["start"].as_u64().unwrap() as usize,
        r["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&html[s..e], "We&rsquo;re staying open,");
    assert_eq!(r["line"], 2);
    assert_eq!(r["speaker"]["name"], "Mia Holt");
    let (ms, me) = (
        r["speaker"]["start"].as_u64().unwrap() as usize,
        r["speaker"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&html[ms..me], "store owner Mia Holt");
}

#[test]
fn bad_files_are_named_and_the_rest_still_loads() {
    let dir = scratch("bad");
    std::fs::write(
        dir.join("good.txt"),
        "\"We will be back next year,\" organiser Rosa Lee said.\n",
    )
    .expect("write");
    std::fs::write(dir.join("binary.txt"), b"abc\0\x01\x02").expect("write");
    std::fs::write(
        dir.join("latin1.txt"),
        b"\"Caf\xe9 prices are going up again,\" owner Ben Ode said.\n",
    )
    .expect("write");
    std::fs::write(dir.join(".gitignore"), "ignored.txt\n").expect("write");
    std::fs::write(
        dir.join("ignored.txt"),
        "\"This file is ignored by git rules,\" she said.\n",
    )
    .expect("write");
    let o = onrecord(&["quotes", ".", "--format", "json"], &dir);
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    let warnings: Vec<&str> = err.lines().collect();
    assert_eq!(warnings.len(), 2, "{err}");
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("warning: binary.txt: binary file")),
        "{err}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("warning: latin1.txt: not valid UTF-8")),
        "{err}"
    );
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let files: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, vec!["good.txt", "latin1.txt"]);
}

#[test]
fn missing_path_is_a_usage_error() {
    let dir = scratch("missing");
    let o = onrecord(&["quotes", "no-such-folder"], &dir);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("no-such-folder: no such file or folder"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn unknown_format_is_rejected_with_exit_code_2() {
    let o = onrecord(&["quotes", "test-corpus", "--format", "xml"], &root());
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_speaker_pinned_in_the_sidecar_overrides_the_engine() {
    let dir = scratch("pins");
    std::fs::write(
        dir.join("story.txt"),
        "Maria Lopez met Tom Reed at the union office.\n\n\"We agreed on nothing except the date of the next meeting,\" she said.\n",
    )
    .unwrap();
    // Before the pin: the pronoun goes to Maria Lopez.
    let o = onrecord(&["quotes", "story.txt", "--format", "json"], &dir);
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v[0]["speaker"]["name"], "Maria Lopez");
    std::fs::write(
        dir.join("story.txt.meta.toml"),
        "title = \"Talks\"\n\n[[speaker]]\nquote = \"agreed on nothing\"\nname = \"Tom Reed\"\n",
    )
    .unwrap();
    let o = onrecord(&["quotes", "story.txt", "--format", "json"], &dir);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v[0]["speaker"]["name"], "Tom Reed");
    assert_eq!(v[0]["speaker"]["via"], "pinned");
    assert_eq!(v[0]["speaker"]["confidence"], "certain");
    // A pin without a name is reported, naming the file, and the rest loads.
    std::fs::write(
        dir.join("story.txt.meta.toml"),
        "[[speaker]]\nquote = \"agreed on nothing\"\n",
    )
    .unwrap();
    let o = onrecord(&["quotes", "story.txt", "--format", "json"], &dir);
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("story.txt.meta.toml") && err.contains("needs `quote`"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Caught: `--max-file-size 18446744073709551615` wrapped round to a limit
/// of nothing, so every file read as empty and a CI gate passed with no
/// findings; and the size warning stated a size the file does not have.
#[test]
fn the_largest_file_size_limit_reads_whole_files() {
    let dir = scratch("max-size");
    std::fs::write(
        dir.join("a.txt"),
        "\"We will rebuild the bridge before winter,\" Ana Vidal said.\n",
    )
    .unwrap();
    let o = onrecord(
        &["quotes", "a.txt", "--max-file-size", "18446744073709551615"],
        &dir,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).contains("Ana Vidal"), "{}", stdout(&o));
    let small = onrecord(&["quotes", "a.txt", "--max-file-size", "20"], &dir);
    let err = String::from_utf8_lossy(&small.stderr);
    assert!(err.contains("over the 20 byte limit"), "{err}");
    assert!(!err.contains("21 bytes"), "{err}");
}

/// Caught: a NUL character in a draft made the check panic in the server
/// (`plain text always parses`) and skipped the draft in the CLI; NUL is
/// text in an editor buffer, so the draft is checked.
#[test]
fn a_draft_with_a_nul_character_is_checked() {
    let dir = scratch("nul-draft");
    std::fs::create_dir_all(dir.join("sources")).unwrap();
    std::fs::write(
        dir.join("sources/a.txt"),
        "\"We will rebuild the bridge before winter,\" Ana Vidal said.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("draft.md"),
        "Notes\u{0} here.\n\n\"We will rebuild the bridge before winter,\" Petra Lusk said.\n",
    )
    .unwrap();
    let o = onrecord(
        &[
            "check", "draft.md", "--corpus", "sources", "--format", "json",
        ],
        &dir,
    );
    let out = stdout(&o);
    assert!(
        out.contains("misattributed-quote"),
        "{out}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Caught: `exit` without `shutdown` ended the server with code 0; the
/// protocol says 1, so an editor can tell a crash from a clean stop.
#[test]
fn serve_exits_1_without_shutdown_and_0_after_it() {
    use std::io::Write;
    let dir = scratch("serve-exit");
    let frame = |body: &str| format!("Content-Length: {}\r\n\r\n{body}", body.len());
    let init = r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#;
    let shutdown = r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#;
    let exit = r#"{"jsonrpc":"2.0","method":"exit"}"#;
    for (messages, want) in [(vec![init, exit], 1), (vec![init, shutdown, exit], 0)] {
        let mut child = serve(&dir);
        let mut stdin = child.stdin.take().unwrap();
        for m in &messages {
            stdin.write_all(frame(m).as_bytes()).unwrap();
            stdin.flush().unwrap();
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        drop(stdin);
        let out = child.wait_with_output().expect("the server ends");
        assert_eq!(out.status.code(), Some(want), "{messages:?}");
    }
}

/// Caught: a FIFO named like an article or a sidecar hung `onrecord
/// quotes`, and a symlink to `/dev/zero` was read until memory ran out.
/// Only regular files are read; the others are named in one warning each.
#[cfg(unix)]
#[test]
fn special_files_are_skipped_with_a_warning_not_read() {
    let dir = scratch("special-files");
    std::fs::write(
        dir.join("a.txt"),
        "\"We will rebuild the bridge before winter,\" Ana Vidal said.\n",
    )
    .unwrap();
    for fifo in ["b.txt", "a.txt.meta.toml"] {
        let made = Command::new("mkfifo").arg(dir.join(fifo)).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo {fifo}");
    }
    std::os::unix::fs::symlink("/dev/zero", dir.join("c.txt")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(["quotes", "."])
        .current_dir(&dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run onrecord");
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(30) {
            let _ = child.kill();
            panic!("onrecord quotes hung on a special file");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(stdout(&out).contains("Ana Vidal"), "{err}");
    assert!(err.contains("b.txt: not a regular file; skipped"), "{err}");
    assert!(err.contains("c.txt: a symbolic link; skipped"), "{err}");
    assert!(
        err.contains("a.txt.meta.toml: sidecar ignored: not a regular file"),
        "{err}"
    );
}

/// Caught: one malformed message (a body that is not JSON, a bad
/// `Content-Length`, a lone surrogate, a float id, no `jsonrpc`) got one
/// error and then the server stopped reading and exited. Now each gets its
/// JSON-RPC error and the session goes on; an unknown `$/` request with an
/// id is answered too.
#[test]
fn malformed_messages_get_errors_and_the_server_keeps_reading() {
    use std::io::{Read, Write};
    let dir = scratch("serve-malformed");
    let frame = |body: &[u8]| {
        let mut f = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        f.extend_from_slice(body);
        f
    };
    let mut input: Vec<u8> = Vec::new();
    input.extend(frame(b"this is not json"));
    input.extend(b"Content-Length: twelve\r\n\r\n");
    input.extend(frame(
        br#"{"jsonrpc":"2.0","id":1,"method":"x","params":"\ud800"}"#,
    ));
    input.extend(frame(&[0xff, 0xfe, 0xfd]));
    input.extend(frame(
        br#"{"jsonrpc":"2.0","id":2.5,"method":"initialize"}"#,
    ));
    input.extend(frame(
        br#"{"id":3,"method":"initialize","params":{"capabilities":{}}}"#,
    ));
    input.extend(frame(
        br#"{"jsonrpc":"2.0","id":4,"method":"$/somethingUnknown"}"#,
    ));
    input.extend(frame(
        br#"{"jsonrpc":"2.0","id":5,"method":"initialize","params":{"capabilities":{}}}"#,
    ));
    let rest = frame(br#"{"jsonrpc":"2.0","id":6,"method":"shutdown"}"#);
    let exit = frame(br#"{"jsonrpc":"2.0","method":"exit"}"#);
    let mut child = serve(&dir);
    // As a client does: wait for `initialize` to be answered before
    // `shutdown`, and for that before `exit`.
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(&input).unwrap();
    stdin.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    stdin.write_all(&rest).unwrap();
    stdin.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    stdin.write_all(&exit).unwrap();
    drop(stdin);
    let mut out = Vec::new();
    child.stdout.take().unwrap().read_to_end(&mut out).unwrap();
    let status = child.wait().unwrap();
    let text = String::from_utf8_lossy(&out);
    let replies: Vec<Value> = text
        .split("Content-Length: ")
        .filter_map(|f| f.split_once("\r\n\r\n"))
        .filter_map(|(_, body)| serde_json::from_str(body).ok())
        .collect();
    let errors: Vec<i64> = replies
        .iter()
        .filter_map(|r| r["error"]["code"].as_i64())
        .collect();
    assert_eq!(
        errors,
        vec![-32700, -32700, -32700, -32700, -32600, -32600, -32601],
        "{text}"
    );
    assert!(
        replies
            .iter()
            .any(|r| r["id"] == 5 && r["result"]["capabilities"].is_object()),
        "initialize after the bad frames: {text}"
    );
    assert!(
        replies.iter().any(|r| r["id"] == 6),
        "shutdown answered: {text}"
    );
    assert_eq!(status.code(), Some(0));
}

/// Caught: a file whose name is not UTF-8 was read under a lossy name (or,
/// in the editor, could not be linked back to). It is named in a warning,
/// and the rest of the folder is read.
#[cfg(target_os = "linux")]
#[test]
fn a_file_name_that_is_not_utf8_is_reported_and_skipped() {
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch("non-utf8-name");
    std::fs::write(
        dir.join("a.txt"),
        "\"We will rebuild the bridge before winter,\" Ana Vidal said.\n",
    )
    .unwrap();
    let odd = dir.join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
    std::fs::write(
        &odd,
        "\"Not to be read under a guessed name,\" Ivo Marek said.\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(["quotes", "."])
        .current_dir(&dir)
        .output()
        .expect("run onrecord");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(stdout(&out).contains("Ana Vidal"), "{err}");
    assert!(!stdout(&out).contains("Ivo Marek"));
    assert!(
        err.contains("caf\u{fffd}.txt: file name is not UTF-8; skipped"),
        "{err}"
    );
}

/// A small corpus whose quotations reach every `via` of the contract and
/// every kind, with a sidecar pin, an HTML page and a statement carried by
/// two articles.
fn contract_corpus(name: &str) -> test_utils::Scratch {
    let dir = scratch(name);
    let write = |rel: &str, text: &str| {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write(
        "sources/wire.txt",
        "Quay to reopen\n\nBy Oskar Lindqvist\n\n\
         \"We will open the eastern quay to ferries by the end of the month,\" Ana Vidal said.\n\n\
         Ivo Marek said \"the fees will stay as they are for the whole winter.\"\n\n\
         \"Nobody asked the crews,\" Petra Lusk said. \"Nobody asked the people who load the ships.\"\n\n\
         Lusk, the dockers' union secretary, underlined that the crews would not give up.\n\n\
         \"We will be back here in the spring, with every crew behind us.\"\n\n\
         The mayor called the plan \"a fair start\" and an aide read out a statement.\n\n\
         \"The council agreed on nothing tonight and will meet again,\" the aide said.\n",
    );
    write(
        "sources/wire.txt.meta.toml",
        "[[speaker]]\nquote = \"agreed on nothing tonight\"\nname = \"Jonas Brandt\"\n",
    );
    write(
        "sources/blog.md",
        "---\ntitle: Notes from the quay\nauthor: Ana Vidal\n---\n\n\
         Ana Vidal wrote on her blog:\n\n\
         I have walked the eastern quay every morning this year and I know what it needs.\n\n\
         > The harbour belongs to everyone who works on it, and we will keep it that way.\n\
         > — Petra Lusk\n\n\
         \"We will open the eastern quay to ferries by the end of the month,\" Vidal said.\n",
    );
    write(
        "sources/briefing.txt",
        "Harbour briefing, transcript\n\n\
         MR. MAREK: The fees will stay as they are for the whole winter, and then we will see.\n\n\
         QUESTION: And after the winter?\n\n\
         MR. MAREK: We will publish the new fees in March, not before then.\n",
    );
    write(
        "sources/page.html",
        "<html><head><title>Quay &amp; ferries</title></head><body>\
         <p>&ldquo;We will open the eastern quay to ferries by the end of the month,&rdquo; Ana Vidal said.</p>\
         </body></html>\n",
    );
    dir
}

/// Every field and value of the `onrecord quotes --format json` contract,
/// in one snapshot: a change to any of them shows here.
#[test]
fn quotes_json_contract_snapshot() {
    let dir = contract_corpus("contract-quotes");
    let o = onrecord(&["quotes", "sources", "--format", "json"], &dir);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let pretty = serde_json::to_string_pretty(&v).unwrap();
    // Every `via` of the contract is reached.
    for via in [
        "after",
        "before",
        "continued",
        "previous-paragraph",
        "introduction",
        "label",
        "signature",
        "pinned",
    ] {
        assert!(
            pretty.contains(&format!("\"via\": \"{via}\"")),
            "no quotation with via {via}"
        );
    }
    for kind in ["quote", "fragment", "block", "transcript"] {
        assert!(
            pretty.contains(&format!("\"kind\": \"{kind}\"")),
            "no quotation of kind {kind}"
        );
    }
    for confidence in ["certain", "likely"] {
        assert!(pretty.contains(&format!("\"confidence\": \"{confidence}\"")));
    }
    expect_test::expect_file!["../../../tests/data/contract.quotes.json"].assert_eq(&pretty);
}

/// Every field and value of the `onrecord check --format json` contract,
/// in one snapshot: each code, its fixes, and a clean quotation.
#[test]
fn check_json_contract_snapshot() {
    let dir = contract_corpus("contract-check");
    std::fs::write(
        dir.join("draft.md"),
        "# Quay draft\n\nThe council met on Monday night.\n\n\
         \"The fees will stay as they are for the whole winter.\"\n\n\
         \"We will open the eastern quay to ferries by the end of the month,\" Ana Vidal said.\n\n\
         \"We will open the western quay to ferries by the end of the month,\" Vidal said.\n\n\
         \"Nobody asked the people who load the ships,\" Ivo Marek said.\n\n\
         \"We will build a second bridge over the river by next summer,\" Marek said.\n",
    )
    .unwrap();
    let o = onrecord(
        &[
            "check", "draft.md", "--corpus", "sources", "--format", "json",
        ],
        &dir,
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON record per line"))
        .collect();
    let pretty = serde_json::to_string_pretty(&lines).unwrap();
    for code in [
        "unattributed-quote",
        "misquote",
        "misattributed-quote",
        "unknown-quote",
    ] {
        assert!(
            pretty.contains(&format!("\"code\": \"{code}\"")),
            "no finding {code}"
        );
    }
    expect_test::expect_file!["../../../tests/data/contract.check.json"].assert_eq(&pretty);
}
