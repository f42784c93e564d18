//! `onrecord check` as a user or a CI job runs it: the built binary, from
//! the repository root, against `test-corpus` and its sample drafts (see
//! `tests/data/drafts.expected.md`), in every output format, and its exit
//! codes. Made-up inputs go to a scratch folder under the temp dir.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    test_utils::workspace_root()
}

fn onrecord(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run onrecord")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn scratch(name: &str) -> test_utils::Scratch {
    test_utils::Scratch::new(&format!("check-cli-{name}"))
}

fn path_arg(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

const ISSUES: &str = "test-corpus/drafts/issues.md";
const CLEAN: &str = "test-corpus/drafts/clean.md";
const UNATTRIBUTED: &str = "test-corpus/drafts/unattributed.md";

/// The JSON records of one run.
fn records(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect()
}

fn set<'a>(k: &[&'a str]) -> BTreeSet<&'a str> {
    k.iter().copied().collect()
}

fn u(v: &Value) -> usize {
    v.as_u64().unwrap_or_else(|| panic!("not a number: {v}")) as usize
}

/// (line, code) of each record.
fn lines_and_codes(rs: &[Value]) -> Vec<(u64, &str)> {
    rs.iter()
        .map(|r| (r["line"].as_u64().unwrap(), r["code"].as_str().unwrap()))
        .collect()
}

/// A line and column counted by hand: 1-based, in characters.
fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let before = &text[..byte];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

// ---------------------------------------------------------------- human

#[test]
fn human_output_shows_the_line_a_caret_and_the_source_wording() {
    let o = onrecord(&["check", ISSUES, "--corpus", "test-corpus"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    // The misquote on line 15: header, place, the draft line, a caret
    // line under the quotation, then the sources and the fix.
    let head = lines
        .iter()
        .position(|l| l.starts_with("warning[misquote]: Wording differs from every source"))
        .unwrap_or_else(|| panic!("no misquote in\n{out}"));
    assert!(
        lines[head + 1].ends_with("test-corpus/drafts/issues.md:15:1"),
        "{}",
        lines[head + 1]
    );
    let draft_line = lines[head..]
        .iter()
        .position(|l| l.starts_with("15 │ "))
        .map(|i| head + i)
        .unwrap_or_else(|| panic!("no draft line in\n{out}"));
    assert!(lines[draft_line]
        .contains("\"We're of course watching the situation through a number of different media"));
    let carets = lines[draft_line + 1];
    let caret_col = carets.find('^').expect("a caret line under the draft line");
    assert_eq!(
        caret_col,
        lines[draft_line].find('"').unwrap(),
        "the carets start under the opening mark"
    );
    assert_eq!(carets.matches('^').count(), 136, "one caret per character");
    assert!(
        out.contains("= test-corpus/003_0c2ef44d899710dd.txt:44 (Ian Kelly): “We're of course monitoring the situation"),
        "{out}"
    );
    assert!(
        out.contains("= fix: Use the source wording: “We’re of course monitoring"),
        "{out}"
    );
    for header in [
        "warning[unattributed-quote]: Quotation has no attribution; the sources attribute it to a State Department official (test-corpus/001_3e6dcae349e62da4.txt:13: “the official said”).",
        "warning[misattributed-quote]: Attributed to Hillary Clinton, but the sources attribute these words to Barack Obama (test-corpus/002_0c5362f621e694e9.txt:17: “President Obama reiterated that message, adding that”).",
        "note[unknown-quote]: Quotation appears in no source article.",
    ] {
        assert!(out.contains(header), "{header}\n{out}");
    }
    assert_eq!(
        lines.last().copied(),
        Some("4 findings in 1 draft (0 error, 3 warning, 1 information)")
    );
}

#[test]
fn human_output_of_a_clean_draft_is_the_summary_alone() {
    let o = onrecord(&["check", CLEAN, "--corpus", "test-corpus"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "0 findings in 1 draft (0 error, 0 warning, 0 information)\n"
    );
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
}

// ---------------------------------------------------------------- json

#[test]
fn json_is_one_record_per_line_with_the_contract_keys() {
    let o = onrecord(&[
        "check",
        ISSUES,
        UNATTRIBUTED,
        "--corpus",
        "test-corpus",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let rs = records(&o);
    let record_keys = set(&[
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "severity",
        "code",
        "message",
        "speaker",
        "sources",
        "fix",
    ]);
    for r in &rs {
        assert_eq!(keys(r), record_keys, "{r}");
        let file = r["file"].as_str().expect("file");
        let text = std::fs::read_to_string(root().join(file)).expect("the draft");
        let (s, e) = (u(&r["start"]), u(&r["end"]));
        // The byte span is the quotation, marks included.
        let quoted = &text[s..e];
        assert!(quoted.starts_with(['"', '“']), "{quoted}");
        assert!(quoted.ends_with(['"', '”']), "{quoted}");
        assert_eq!((u(&r["line"]), u(&r["column"])), line_col(&text, s), "{r}");
        assert_eq!(
            (u(&r["end_line"]), u(&r["end_column"])),
            line_col(&text, e),
            "{r}"
        );
        assert!(r["message"].as_str().is_some_and(|m| !m.is_empty()));
        let severity = r["severity"].as_str().unwrap();
        let expected_severity = if r["code"] == "unknown-quote" {
            "information"
        } else {
            "warning"
        };
        assert_eq!(severity, expected_severity, "{r}");
        for src in r["sources"].as_array().expect("sources") {
            assert_eq!(keys(src), set(&["file", "line", "text", "speaker"]));
            let sfile = src["file"].as_str().unwrap();
            let stext = std::fs::read_to_string(root().join(sfile)).expect("the source");
            let line = stext
                .lines()
                .nth(u(&src["line"]) - 1)
                .expect("the source line");
            let first_word = src["text"].as_str().unwrap().split(' ').next().unwrap();
            assert!(line.contains(first_word), "{sfile}:{line} {src}");
        }
        match &r["fix"] {
            Value::Null => {}
            fix => {
                assert_eq!(keys(fix), set(&["start", "end", "replacement"]));
                assert!(u(&fix["start"]) <= u(&fix["end"]) && u(&fix["end"]) <= text.len());
            }
        }
    }
    let issues: Vec<Value> = rs.iter().filter(|r| r["file"] == ISSUES).cloned().collect();
    assert_eq!(
        lines_and_codes(&issues),
        [
            (7, "unattributed-quote"),
            (15, "misquote"),
            (19, "misattributed-quote"),
            (23, "unknown-quote"),
        ]
    );
    let unattributed: Vec<Value> = rs
        .iter()
        .filter(|r| r["file"] == UNATTRIBUTED)
        .cloned()
        .collect();
    assert_eq!(
        lines_and_codes(&unattributed),
        [(7, "unattributed-quote"), (15, "unattributed-quote")]
    );
    assert_eq!(rs.len(), 6, "nothing from other files");
    // Who the sources say said it, and what the fixes put in.
    assert_eq!(issues[0]["speaker"], "State Department official");
    assert_eq!(
        issues[0]["fix"]["replacement"],
        ",\" a State Department official said."
    );
    assert_eq!(issues[1]["speaker"], "Ian Kelly");
    assert_eq!(issues[2]["speaker"], "Barack Obama");
    assert_eq!(issues[2]["fix"]["replacement"], "Barack Obama");
    assert_eq!(issues[3]["speaker"], Value::Null);
    assert_eq!(issues[3]["sources"], Value::Array(Vec::new()));
    assert_eq!(issues[3]["fix"], Value::Null);
}

#[test]
fn json_fixes_repair_the_draft() {
    let dir = scratch("fixes");
    let text = std::fs::read_to_string(root().join(ISSUES)).expect("issues.md");
    let o = onrecord(&[
        "check",
        ISSUES,
        "--corpus",
        "test-corpus",
        "--format",
        "json",
    ]);
    let rs = records(&o);
    let mut repaired = 0;
    for (i, r) in rs.iter().enumerate() {
        let Some(fix) = r["fix"].as_object() else {
            continue;
        };
        let (s, e) = (u(&fix["start"]), u(&fix["end"]));
        let replacement = fix["replacement"].as_str().unwrap();
        let fixed = format!("{}{replacement}{}", &text[..s], &text[e..]);
        let path = dir.join(format!("fixed-{i}.md"));
        std::fs::write(&path, &fixed).expect("write");
        let again = onrecord(&[
            "check",
            path_arg(&path),
            "--corpus",
            "test-corpus",
            "--format",
            "json",
        ]);
        let left = records(&again);
        assert!(
            !left
                .iter()
                .any(|x| x["code"] == r["code"] && x["line"] == r["line"]),
            "{} still reported after its fix:\n{}",
            r["code"],
            stdout(&again)
        );
        assert_eq!(left.len(), rs.len() - 1, "{}", stdout(&again));
        repaired += 1;
    }
    assert_eq!(repaired, 3, "every finding but unknown-quote has a fix");
}

#[test]
fn json_columns_count_characters_and_offsets_count_bytes() {
    let dir = scratch("unicode");
    let draft = dir.join("draft.md");
    let text = "# Café notes\n\
        \n\
        The “calls” were made from Zoë’s office — late. \"They announced they were going to shut down their system for maintenance and we asked them not to.\"\n\
        \n\
        At the briefing — in Foggy Bottom — Ian Kelly spoke for the “department”. “We’re of course watching the situation through a number of different media, including social media networks like Facebook and Twitter,” Kelly said.\n";
    std::fs::write(&draft, text).expect("write");
    let o = onrecord(&["check", path_arg(&draft), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let rs = records(&o);
    assert_eq!(
        lines_and_codes(&rs),
        [(3, "unattributed-quote"), (5, "misquote")]
    );
    let quote = "\"They announced they were going to shut down their system for maintenance and we asked them not to.\"";
    let r = &rs[0];
    let s = text.find(quote).unwrap();
    assert_eq!((u(&r["start"]), u(&r["end"])), (s, s + quote.len()));
    // 48 characters (but 60 bytes) come before the quotation on its line.
    assert_eq!((u(&r["line"]), u(&r["column"])), (3, 49));
    assert_eq!((u(&r["end_line"]), u(&r["end_column"])), (3, 49 + 100));
    let fix = &r["fix"];
    let fixed = format!(
        "{}{}{}",
        &text[..u(&fix["start"])],
        fix["replacement"].as_str().unwrap(),
        &text[u(&fix["end"])..]
    );
    assert!(fixed.contains("we asked them not to,\" a State Department official said.\n"));
    let r = &rs[1];
    let (s, e) = (u(&r["start"]), u(&r["end"]));
    assert!(text[s..e].starts_with("“We’re of course watching"));
    assert!(text[s..e].ends_with("Facebook and Twitter,”"));
    assert_eq!((u(&r["line"]), u(&r["column"])), line_col(text, s));
    assert_eq!(u(&r["column"]), 75);
    // The fix replaces the words inside the curly marks, and only them.
    let fix = &r["fix"];
    assert_eq!(
        &text[u(&fix["start"])..u(&fix["end"])],
        "We’re of course watching the situation through a number of different media, including social media networks like Facebook and Twitter"
    );
}

// ---------------------------------------------------------------- sarif and github

#[test]
fn sarif_is_a_log_with_rules_and_results() {
    let o = onrecord(&[
        "check",
        ISSUES,
        "--corpus",
        "test-corpus",
        "--format",
        "sarif",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let log: Value = serde_json::from_str(&stdout(&o)).expect("SARIF is JSON");
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "onrecord");
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["id"].as_str().expect("rule id"))
        .collect();
    assert_eq!(
        rules,
        [
            "unattributed-quote",
            "misquote",
            "misattributed-quote",
            "unknown-quote"
        ]
    );
    let results = run["results"].as_array().expect("results");
    let seen: Vec<(u64, &str, &str)> = results
        .iter()
        .map(|r| {
            let loc = &r["locations"][0]["physicalLocation"];
            assert_eq!(loc["artifactLocation"]["uri"], ISSUES);
            assert!(r["message"]["text"].as_str().is_some_and(|t| !t.is_empty()));
            let rule = r["ruleId"].as_str().expect("ruleId");
            assert_eq!(rules[u(&r["ruleIndex"])], rule);
            (
                loc["region"]["startLine"].as_u64().expect("startLine"),
                rule,
                r["level"].as_str().expect("level"),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (7, "unattributed-quote", "warning"),
            (15, "misquote", "warning"),
            (19, "misattributed-quote", "warning"),
            (23, "unknown-quote", "note"),
        ]
    );
    // The same places as the JSON records.
    let json = records(&onrecord(&[
        "check",
        ISSUES,
        "--corpus",
        "test-corpus",
        "--format",
        "json",
    ]));
    for (r, j) in results.iter().zip(&json) {
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startColumn"], j["column"]);
        assert_eq!(region["endLine"], j["end_line"]);
        assert_eq!(region["endColumn"], j["end_column"]);
    }
}

#[test]
fn sarif_of_a_clean_draft_has_no_results() {
    let o = onrecord(&[
        "check",
        CLEAN,
        "--corpus",
        "test-corpus",
        "--format",
        "sarif",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let log: Value = serde_json::from_str(&stdout(&o)).expect("SARIF is JSON");
    assert_eq!(log["runs"][0]["results"], Value::Array(Vec::new()));
    assert_eq!(
        log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .map(Vec::len),
        Some(4)
    );
}

#[test]
fn github_lines_are_workflow_annotations() {
    let o = onrecord(&[
        "check",
        ISSUES,
        "--corpus",
        "test-corpus",
        "--format",
        "github",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    for l in &lines {
        assert!(
            l.starts_with("::warning file=") || l.starts_with("::notice file="),
            "{l}"
        );
        assert!(l.contains("file=test-corpus/drafts/issues.md,"), "{l}");
    }
    assert!(lines[0].starts_with(
        "::warning file=test-corpus/drafts/issues.md,line=7,col=1,endLine=7,endColumn=101,title=onrecord unattributed-quote::Quotation has no attribution"
    ));
    assert!(lines[1].contains(",line=15,") && lines[1].contains("title=onrecord misquote::"));
    assert!(lines[2].contains(",line=19,") && lines[2].contains("misattributed-quote::"));
    assert!(lines[3].starts_with("::notice file=test-corpus/drafts/issues.md,line=23,"));
    assert!(lines[3].ends_with("::Quotation appears in no source article."));
}

#[test]
fn github_output_of_a_clean_draft_is_empty() {
    let o = onrecord(&[
        "check",
        CLEAN,
        "--corpus",
        "test-corpus",
        "--format",
        "github",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "{}", stdout(&o));
}

// ---------------------------------------------------------------- corpus and drafts

#[test]
fn a_folder_of_drafts_and_the_default_corpus() {
    // Without --corpus, test-corpus/ is the corpus; its drafts/ folder is
    // left out of it.
    let o = onrecord(&["check", "test-corpus/drafts", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let rs = records(&o);
    let files: Vec<&str> = rs.iter().map(|r| r["file"].as_str().unwrap()).collect();
    assert_eq!(
        files,
        [ISSUES, ISSUES, ISSUES, ISSUES, UNATTRIBUTED, UNATTRIBUTED]
    );
    let explicit = onrecord(&[
        "check",
        ISSUES,
        UNATTRIBUTED,
        "--corpus",
        "test-corpus",
        "--format",
        "json",
    ]);
    assert_eq!(stdout(&o), stdout(&explicit));
}

// ---------------------------------------------------------------- exit codes

#[test]
fn exit_code_is_0_for_a_clean_draft_and_1_for_a_draft_with_warnings() {
    assert_eq!(
        onrecord(&["check", CLEAN, "--corpus", "test-corpus"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        onrecord(&["check", ISSUES, "--corpus", "test-corpus"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        onrecord(&["check", CLEAN, ISSUES, "--corpus", "test-corpus"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn information_alone_exits_0_unless_the_config_raises_it() {
    let dir = scratch("information");
    let draft = dir.join("draft.md");
    std::fs::write(
        &draft,
        "# Notes\n\n\"Nobody here expected a routine maintenance window to turn into a foreign policy question,\" said Dana Whitcomb, a network engineer.\n",
    )
    .expect("write");
    let o = onrecord(&[
        "check",
        path_arg(&draft),
        "--corpus",
        "test-corpus",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rs = records(&o);
    assert_eq!(lines_and_codes(&rs), [(3, "unknown-quote")]);
    assert_eq!(rs[0]["severity"], "information");

    let config = dir.join("strict.toml");
    std::fs::write(&config, "[check.severity]\nunknown-quote = \"error\"\n").expect("write");
    let o = onrecord(&[
        "check",
        path_arg(&draft),
        "--corpus",
        "test-corpus",
        "--config",
        path_arg(&config),
        "--format",
        "github",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("::error file="), "{}", stdout(&o));
}

#[test]
fn config_can_turn_codes_off_and_down() {
    let dir = scratch("quiet");
    let config = dir.join("onrecord.toml");
    std::fs::write(
        &config,
        "[check.severity]\nunattributed-quote = \"off\"\nmisquote = \"hint\"\nmisattributed-quote = \"info\"\n",
    )
    .expect("write");
    let o = onrecord(&[
        "check",
        ISSUES,
        "--corpus",
        "test-corpus",
        "--config",
        path_arg(&config),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rs = records(&o);
    let seen: Vec<(&str, &str)> = rs
        .iter()
        .map(|r| (r["code"].as_str().unwrap(), r["severity"].as_str().unwrap()))
        .collect();
    assert_eq!(
        seen,
        [
            ("misquote", "hint"),
            ("misattributed-quote", "information"),
            ("unknown-quote", "information"),
        ]
    );
}

/// Exit code 2, nothing on stdout, one `error: …` line on stderr that holds
/// `needle`.
fn usage_error(o: &Output, needle: &str) {
    assert_eq!(o.status.code(), Some(2), "{}", stderr(o));
    assert!(o.stdout.is_empty(), "{}", stdout(o));
    let err = stderr(o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "one line: {err}");
    assert!(lines[0].starts_with("error: "), "{err}");
    assert!(lines[0].contains(needle), "{needle} in {err}");
}

#[test]
fn missing_draft_file_is_a_usage_error() {
    let o = onrecord(&[
        "check",
        "drafts/no-such-draft.md",
        "--corpus",
        "test-corpus",
    ]);
    usage_error(&o, "drafts/no-such-draft.md: no such file or folder");
}

#[test]
fn missing_corpus_path_is_a_usage_error() {
    let o = onrecord(&["check", ISSUES, "--corpus", "no-such-corpus"]);
    usage_error(&o, "no-such-corpus: no such file or folder");
}

#[test]
fn broken_config_names_the_file_and_the_line() {
    let dir = scratch("broken");
    let config = dir.join("onrecord.toml");
    std::fs::write(
        &config,
        "[corpus]\npaths = [\"test-corpus\"]\n\n[check]\nmin_words = = 3\n",
    )
    .expect("write");
    let o = onrecord(&["check", ISSUES, "--config", path_arg(&config)]);
    usage_error(&o, &format!("{}: line 5: ", config.display()));
}

#[test]
fn missing_config_file_is_a_usage_error() {
    let dir = scratch("noconfig");
    let config = dir.join("missing.toml");
    let o = onrecord(&["check", ISSUES, "--config", path_arg(&config)]);
    usage_error(&o, &format!("{}: ", config.display()));
}

#[test]
fn unknown_format_is_a_usage_error() {
    let o = onrecord(&[
        "check",
        ISSUES,
        "--corpus",
        "test-corpus",
        "--format",
        "xml",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    // clap's own message: the value, then the values it takes.
    let err = stderr(&o);
    assert!(
        err.starts_with("error: invalid value 'xml' for '--format <FORMAT>'"),
        "{err}"
    );
    assert!(err.contains("human, json, sarif, github"), "{err}");
}

/// A byte-order mark and a byte that is not UTF-8 (a Latin-1 `é`) before
/// the findings: every offset moves by exactly the four bytes they add, and
/// each fix applied to the file's bytes repairs the finding and leaves both
/// in place. Before, the mark was dropped and the byte read as a
/// three-byte replacement character, so fixes landed a few bytes off.
#[test]
fn a_byte_order_mark_or_a_bad_byte_keeps_offsets_and_fixes_exact() {
    let dir = scratch("bom");
    let clean = std::fs::read(root().join(ISSUES)).expect("issues.md");
    let title_end = clean
        .iter()
        .position(|&b| b == b'\n')
        .expect("a first line");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(&clean[..title_end]);
    bytes.extend_from_slice(b" caf\xE9");
    bytes.extend_from_slice(&clean[title_end..]);
    let added = bytes.len() - clean.len();
    let path = dir.join("issues.md");
    std::fs::write(&path, &bytes).expect("write");
    let check = |p: &Path| {
        records(&onrecord(&[
            "check",
            path_arg(p),
            "--corpus",
            "test-corpus",
            "--format",
            "json",
        ]))
    };
    let before = records(&onrecord(&[
        "check",
        ISSUES,
        "--corpus",
        "test-corpus",
        "--format",
        "json",
    ]));
    let after = check(&path);
    assert_eq!(before.len(), after.len());
    let mut fixed_some = 0;
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(u(&a["start"]), u(&b["start"]) + added, "{a}");
        assert_eq!(u(&a["end"]), u(&b["end"]) + added, "{a}");
        let Some(fix) = a["fix"].as_object() else {
            continue;
        };
        assert_eq!(u(&fix["start"]), u(&b["fix"]["start"]) + added);
        let (s, e) = (u(&fix["start"]), u(&fix["end"]));
        let mut fixed = bytes.clone();
        fixed.splice(s..e, fix["replacement"].as_str().unwrap().bytes());
        assert!(fixed.starts_with(b"\xEF\xBB\xBF"));
        assert!(fixed.windows(4).any(|w| w == b"caf\xE9"));
        let again_path = dir.join(format!("fixed-{fixed_some}.md"));
        std::fs::write(&again_path, &fixed).expect("write");
        let again = check(&again_path);
        assert!(
            !again
                .iter()
                .any(|x| x["code"] == a["code"] && x["line"] == a["line"]),
            "{} still reported after its fix",
            a["code"]
        );
        fixed_some += 1;
    }
    assert_eq!(fixed_some, 3);
}
