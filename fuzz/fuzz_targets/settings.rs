//! Settings as a user or an editor can write them: the bytes as
//! `onrecord.toml` (`Config::apply_toml`), as the JSON an editor sends in
//! `initializationOptions` or `workspace/didChangeConfiguration`
//! (`Config::apply_json`, also under an `onrecord` key), the server's
//! own keys from both (`EditorSettings`), and as an article's
//! `<file>.meta.toml` sidecar (`corpus::parse_toml_meta`).
//!
//! Invariants: nothing panics; a settings file that fails leaves the
//! settings as they were ("On a syntax error nothing is applied"), and its
//! error names a line of the file; what is applied stays in range
//! (`min_words` at least 1, `debounce_ms` at most 10 s).
#![no_main]

use libfuzzer_sys::fuzz_target;
use onrecord_engine::config::{Code, Config, Severity};
use onrecord_server::EditorSettings;

fn in_range(c: &Config) {
    assert!(c.min_words >= 1, "{c:?}");
    for code in Code::ALL {
        let _ = c.severity_of(code);
        assert_eq!(Code::parse(code.as_str()), Some(code));
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);

    // onrecord.toml, over the defaults and over settings already changed.
    let mut changed = Config::default();
    changed.min_words = 7;
    changed.severity.insert(Code::Misquote, Severity::Error);
    for base in [Config::default(), changed] {
        let mut c = base.clone();
        match c.apply_toml(&text) {
            Ok(_skipped) => in_range(&c),
            Err(e) => {
                assert_eq!(c, base, "a failed settings file changed the settings: {e}");
                if let Some(line) = e.line {
                    assert!(line >= 1 && line <= text.split('\n').count(), "{e:?}");
                }
                let _ = e.to_string();
            }
        }
    }

    // The server's keys of the same file: applied whole or not at all.
    let mut editor = EditorSettings::default();
    match editor.apply_toml(&text) {
        Ok(()) => assert!(editor.debounce_ms <= 10_000, "{editor:?}"),
        Err(e) => assert_eq!(editor, EditorSettings::default(), "{e}"),
    }

    // The editor's JSON: as sent, and under `onrecord`.
    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(data) {
        for v in [v.clone(), serde_json::json!({ "onrecord": v })] {
            let mut c = Config::default();
            match c.apply_json(&v) {
                Ok(_) => in_range(&c),
                Err(e) => assert_eq!(c, Config::default(), "{e}"),
            }
            let mut editor = EditorSettings::default();
            match editor.apply_json(&v) {
                Ok(()) => assert!(editor.debounce_ms <= 10_000, "{editor:?}"),
                Err(e) => assert_eq!(editor, EditorSettings::default(), "{e}"),
            }
        }
    }

    // A sidecar.
    if let Ok(meta) = onrecord_engine::corpus::parse_toml_meta(&text) {
        for pin in &meta.pins {
            let _ = (&pin.quote, &pin.name);
        }
    }

    let _ = Severity::parse(&text);
    let _ = Code::parse(&text);
});
