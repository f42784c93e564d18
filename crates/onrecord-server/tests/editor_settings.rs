//! The VS Code extension's settings against the server's, which are the
//! engine's `Config` and the server's own `EditorSettings`: every finding
//! code, every severity, the defaults, and every key the extension sends,
//! so that neither side can change without the other.

use onrecord_engine::config::{Code, Config, Severity};
use onrecord_server::EditorSettings;
use serde_json::{json, Value};

fn package() -> Value {
    let path = test_utils::workspace_root().join("editors/vscode/package.json");
    let text = std::fs::read_to_string(&path).expect("editors/vscode/package.json");
    serde_json::from_str(&text).expect("package.json is JSON")
}

fn properties(package: &Value) -> &serde_json::Map<String, Value> {
    let configuration = &package["contributes"]["configuration"];
    let configuration = configuration.get(0).unwrap_or(configuration);
    configuration["properties"]
        .as_object()
        .expect("contributes.configuration.properties")
}

#[test]
fn the_extension_offers_every_code_and_severity_the_engine_knows() {
    let package = package();
    let severity = properties(&package)["onrecord.check.severity"]["properties"]
        .as_object()
        .expect("a property per code");
    let mut codes: Vec<&str> = severity.keys().map(String::as_str).collect();
    codes.sort_unstable();
    let mut engine_codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    engine_codes.sort_unstable();
    assert_eq!(codes, engine_codes);
    for (code, p) in severity {
        let levels: Vec<&str> = p["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("{code}: an enum of severities"))
            .iter()
            .map(|v| v.as_str().expect("a severity name"))
            .collect();
        let known: Vec<Severity> = levels.iter().filter_map(|l| Severity::parse(l)).collect();
        assert_eq!(known.len(), levels.len(), "{code}: {levels:?}");
        for s in [
            Severity::Off,
            Severity::Hint,
            Severity::Information,
            Severity::Warning,
            Severity::Error,
        ] {
            assert!(levels.contains(&s.as_str()), "{code} lacks {}", s.as_str());
        }
    }
}

#[test]
fn the_extension_s_defaults_are_the_server_s() {
    let package = package();
    let props = properties(&package);
    let defaults = Config::default();
    let editor = EditorSettings::default();
    assert_eq!(
        props["onrecord.check.minWords"]["default"],
        json!(defaults.min_words)
    );
    assert_eq!(
        props["onrecord.check.debounceMs"]["default"],
        json!(editor.debounce_ms)
    );
    assert_eq!(
        props["onrecord.inlayHints.enabled"]["default"],
        json!(editor.inlay_hints)
    );
}

#[test]
fn every_key_the_extension_sends_is_one_the_server_reads() {
    // The server-side keys the extension maps its settings to
    // (editors/vscode/src/settings.ts), one value of each.
    let severity: serde_json::Map<String, Value> = Code::ALL
        .iter()
        .map(|c| (c.as_str().to_string(), json!("hint")))
        .collect();
    let sent = json!({
        "corpus": {"paths": ["sources"], "exclude": ["drafts/"]},
        "check": {
            "severity": severity,
            "min_words": 6,
            "debounce_ms": 300,
            "inlay_hints": false
        }
    });
    let mut config = Config::default();
    let warnings = config.apply_json(&sent).expect("settings apply");
    assert!(warnings.is_empty(), "{warnings:?}");
    let mut editor = EditorSettings::default();
    editor
        .apply_json(&sent)
        .expect("the editor's settings apply");
    assert_eq!(config.min_words, 6);
    assert_eq!(editor.debounce_ms, 300);
    assert!(!editor.inlay_hints);
    assert_eq!(config.exclude, vec!["drafts/".to_string()]);
    assert_eq!(config.corpus_paths, Some(vec!["sources".to_string()]));
    for c in Code::ALL {
        assert_eq!(config.severity_of(c), Severity::Hint);
    }
    // Every setting of the extension is accounted for: a new one needs a
    // line here (and a key the engine or the server reads).
    let package = package();
    let mut names: Vec<&str> = properties(&package).keys().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "onrecord.check.debounceMs",
            "onrecord.check.minWords",
            "onrecord.check.severity",
            "onrecord.corpus.exclude",
            "onrecord.corpus.paths",
            "onrecord.inlayHints.enabled",
            "onrecord.server.path",
            "onrecord.trace.server",
        ]
    );
}

#[test]
fn the_file_s_editor_keys_reach_the_server_and_wrong_types_are_reported() {
    let mut editor = EditorSettings::default();
    editor
        .apply_toml("[check]\ninlay_hints = false\ndebounce_ms = 99999\nmin_words = 3\n")
        .expect("valid settings");
    assert!(!editor.inlay_hints);
    assert_eq!(editor.debounce_ms, 10_000, "at most ten seconds");
    let e = editor
        .apply_json(&json!({"onrecord": {"check": {"debounce_ms": "soon"}}}))
        .expect_err("a string is no delay");
    assert!(e.contains("invalid type"), "{e}");
    assert_eq!(editor.debounce_ms, 10_000, "a bad layer changes nothing");
}
