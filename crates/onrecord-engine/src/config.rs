//! What is the corpus, what is a draft, and how loud each finding is.
//!
//! Settings come from a workspace's `onrecord.toml`, then from the editor
//! (`initializationOptions`, `workspace/didChangeConfiguration`), each layer
//! overriding the keys it sets. Parsing is pure; the caller reads the file.

use serde::Deserialize;
use std::collections::BTreeMap;

/// The name of the workspace settings file.
pub const FILE_NAME: &str = "onrecord.toml";

/// Folders that hold the corpus when no setting names one.
pub const DEFAULT_CORPUS: &[&str] = &["sources", "corpus", "test-corpus"];

/// Left out of the corpus when no setting says otherwise: write-ups kept
/// beside their sources are drafts, not sources.
pub const DEFAULT_EXCLUDE: &[&str] = &["drafts/"];

/// The kinds of finding on a draft. The names are stable: settings, disable
/// comments and CI output use them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    UnattributedQuote,
    Misquote,
    MisattributedQuote,
    UnknownQuote,
}

impl Code {
    pub const ALL: [Code; 4] = [
        Code::UnattributedQuote,
        Code::Misquote,
        Code::MisattributedQuote,
        Code::UnknownQuote,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::UnattributedQuote => "unattributed-quote",
            Code::Misquote => "misquote",
            Code::MisattributedQuote => "misattributed-quote",
            Code::UnknownQuote => "unknown-quote",
        }
    }

    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == s)
    }

    pub fn default_severity(self) -> Severity {
        match self {
            Code::UnknownQuote => Severity::Information,
            _ => Severity::Warning,
        }
    }

    /// One line on what the finding means, for rule lists (SARIF, docs).
    pub fn description(self) -> &'static str {
        match self {
            Code::UnattributedQuote => {
                "A quotation with no speaker in its sentence or in the sentence that introduces it."
            }
            Code::Misquote => "The words are close to a source but not the same.",
            Code::MisattributedQuote => {
                "The draft names a speaker that no source gives for these words."
            }
            Code::UnknownQuote => "The quotation appears in no source article.",
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Off,
    Hint,
    Information,
    Warning,
    Error,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        Some(match s.to_ascii_lowercase().as_str() {
            "off" | "none" | "ignore" | "false" => Severity::Off,
            "hint" => Severity::Hint,
            "info" | "information" => Severity::Information,
            "warn" | "warning" => Severity::Warning,
            "error" => Severity::Error,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Off => "off",
            Severity::Hint => "hint",
            Severity::Information => "information",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The settings in effect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Corpus files and folders, relative to the workspace root unless
    /// absolute. `None`: the default folders that exist.
    pub corpus_paths: Option<Vec<String>>,
    /// The corpus paths come from the editor's settings, the user's own:
    /// only those may name a folder outside the workspace. A workspace's
    /// `onrecord.toml` comes with the files the user opened, and may not.
    pub corpus_paths_from_editor: bool,
    /// Gitignore-style patterns left out of the corpus.
    pub exclude: Vec<String>,
    pub severity: BTreeMap<Code, Severity>,
    /// Quotations shorter than this many words are not checked.
    pub min_words: usize,
}

/// Keys of `onrecord.toml` that only the editor side reads (the server
/// parses them from the same file): known here, so that they are not
/// reported as unknown, but not the engine's settings.
pub const EDITOR_KEYS: &[&str] = &["check.inlay_hints", "check.debounce_ms"];

impl Default for Config {
    fn default() -> Self {
        Config {
            corpus_paths: None,
            corpus_paths_from_editor: false,
            exclude: DEFAULT_EXCLUDE
                .iter()
                .map(std::string::ToString::to_string)
                .collect(),
            severity: Code::ALL
                .into_iter()
                .map(|c| (c, c.default_severity()))
                .collect(),
            min_words: 4,
        }
    }
}

/// A settings file that could not be read as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// 1-based line of the problem, when known.
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "line {l}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// One layer of settings, as a file or an editor gives it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Layer {
    corpus: CorpusLayer,
    check: CheckLayer,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CorpusLayer {
    paths: Option<Vec<String>>,
    exclude: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CheckLayer {
    severity: Option<BTreeMap<String, String>>,
    min_words: Option<usize>,
}

impl Config {
    /// Applies an `onrecord.toml`. On a syntax error nothing is applied.
    /// Unknown codes or severities are reported and skipped.
    pub fn apply_toml(&mut self, text: &str) -> Result<Vec<String>, ConfigError> {
        let as_error = |e: toml::de::Error| ConfigError {
            line: e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1),
            message: e.message().lines().next().unwrap_or("invalid TOML").into(),
        };
        // A key the settings do not have (a typo such as `corpuss`) is
        // reported, not silently dropped.
        let mut unknown = Vec::new();
        let de = toml::de::Deserializer::parse(text).map_err(as_error)?;
        let layer: Layer = serde_ignored::deserialize(de, |path| {
            let path = path.to_string();
            if !EDITOR_KEYS.contains(&path.as_str()) {
                unknown.push(format!("unknown setting `{path}`; ignored"));
            }
        })
        .map_err(as_error)?;
        let mut skipped = unknown;
        let names_paths = layer.corpus.paths.is_some();
        skipped.extend(self.apply(layer));
        if names_paths {
            self.corpus_paths_from_editor = false;
        }
        Ok(skipped)
    }

    /// Applies settings sent by an editor: the same keys as the file, either
    /// at the top level or under `onrecord`. Returns what was skipped.
    pub fn apply_json(&mut self, value: &serde_json::Value) -> Result<Vec<String>, ConfigError> {
        let value = value.get("onrecord").unwrap_or(value);
        if value.is_null() {
            return Ok(Vec::new());
        }
        let layer: Layer = serde_json::from_value(value.clone()).map_err(|e| ConfigError {
            line: None,
            message: e.to_string(),
        })?;
        let names_paths = layer.corpus.paths.is_some();
        let skipped = self.apply(layer);
        if names_paths {
            self.corpus_paths_from_editor = true;
        }
        Ok(skipped)
    }

    fn apply(&mut self, layer: Layer) -> Vec<String> {
        let mut skipped = Vec::new();
        if let Some(p) = layer.corpus.paths {
            self.corpus_paths = Some(p);
        }
        if let Some(e) = layer.corpus.exclude {
            self.exclude = e;
        }
        if let Some(n) = layer.check.min_words {
            self.min_words = n.max(1);
        }
        for (code, sev) in layer.check.severity.unwrap_or_default() {
            match (Code::parse(&code), Severity::parse(&sev)) {
                (Some(c), Some(s)) => {
                    self.severity.insert(c, s);
                }
                (None, _) => skipped.push(format!("unknown diagnostic code `{code}`")),
                (_, None) => skipped.push(format!(
                    "unknown severity `{sev}` for `{code}` (expected error, warning, information, hint or off)"
                )),
            }
        }
        skipped
    }

    pub fn severity_of(&self, code: Code) -> Severity {
        self.severity
            .get(&code)
            .copied()
            .unwrap_or(code.default_severity())
    }

    /// [`Config::corpus_under`], less the paths that lead out of the
    /// workspace (by `..`, an absolute path or a symbolic link) when the
    /// workspace itself named them: each of those comes back as a one-line
    /// reason instead. Paths the editor's settings name are the user's
    /// choice and are kept.
    pub fn corpus_confined(
        &self,
        root: &std::path::Path,
    ) -> (Vec<std::path::PathBuf>, Vec<String>) {
        let paths = self.corpus_under(root);
        if self.corpus_paths_from_editor {
            return (paths, Vec::new());
        }
        let home = root.canonicalize().unwrap_or_else(|_| lexical(root));
        let mut refused = Vec::new();
        let kept = paths
            .into_iter()
            .filter(|p| {
                let real = p.canonicalize().unwrap_or_else(|_| lexical(p));
                let inside = real.starts_with(&home);
                if !inside {
                    refused.push(format!(
                        "corpus path {} is outside the workspace ({}); not read. To read it, name it in your editor's settings (`onrecord.corpus.paths`), not in {FILE_NAME}",
                        p.display(),
                        real.display()
                    ));
                }
                inside
            })
            .collect();
        (kept, refused)
    }

    /// The corpus paths under a workspace root: the configured ones, or the
    /// default folders that exist there.
    pub fn corpus_under(&self, root: &std::path::Path) -> Vec<std::path::PathBuf> {
        match &self.corpus_paths {
            Some(p) => p.iter().map(|p| root.join(p)).collect(),
            None => DEFAULT_CORPUS
                .iter()
                .map(|d| root.join(d))
                .filter(|p| p.is_dir())
                .collect(),
        }
    }
}

/// A path with `.` and `..` resolved without the file system (for a path
/// that does not exist yet).
fn lexical(p: &std::path::Path) -> std::path::PathBuf {
    use std::path::Component;
    let mut out = std::path::PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn unknown_settings_are_reported_not_dropped_silently() {
        // Caught: a typo in a key was ignored without a word.
        let mut c = Config::default();
        let skipped = c
            .apply_toml("corpuss = [\"x\"]\n[check]\nmin_wrds = 3\nmin_words = 5\n")
            .expect("valid TOML");
        assert!(
            skipped.iter().any(|s| s.contains("`corpuss`")),
            "{skipped:?}"
        );
        assert!(
            skipped.iter().any(|s| s.contains("`check.min_wrds`")),
            "{skipped:?}"
        );
        assert_eq!(c.min_words, 5, "known keys still apply");
    }
    use super::*;

    #[test]
    fn the_editor_s_keys_are_known_but_not_the_engine_s() {
        let mut c = Config::default();
        let skipped = c
            .apply_toml(
                "[check]
inlay_hints = false
debounce_ms = 40
inlay_hint = true
",
            )
            .expect("valid TOML");
        assert_eq!(
            skipped,
            ["unknown setting `check.inlay_hint`; ignored".to_string()]
        );
        assert_eq!(c, Config::default(), "the engine's settings are untouched");
    }

    #[test]
    fn file_overrides_defaults_key_by_key() {
        let mut c = Config::default();
        let skipped = c
            .apply_toml(
                "[corpus]\npaths = [\"wire\"]\n[check]\nmin_words = 6\n[check.severity]\nmisquote = \"error\"\nunknown-quote = \"off\"\n",
            )
            .unwrap();
        assert!(skipped.is_empty());
        assert_eq!(c.corpus_paths, Some(vec!["wire".to_string()]));
        assert_eq!(c.exclude, vec!["drafts/".to_string()]);
        assert_eq!(c.min_words, 6);
        assert_eq!(c.severity_of(Code::Misquote), Severity::Error);
        assert_eq!(c.severity_of(Code::UnknownQuote), Severity::Off);
        assert_eq!(c.severity_of(Code::UnattributedQuote), Severity::Warning);
    }

    #[test]
    fn syntax_error_names_the_line_and_changes_nothing() {
        let mut c = Config::default();
        let e = c
            .apply_toml("[corpus]\npaths = [\"a\"]\nmin_words = = 3\n")
            .unwrap_err();
        assert_eq!(e.line, Some(3));
        assert_eq!(c, Config::default());
    }

    #[test]
    fn unknown_codes_are_reported_not_fatal() {
        let mut c = Config::default();
        let skipped = c
            .apply_json(&serde_json::json!({"onrecord": {"check": {"severity": {"nope": "error", "misquote": "loud"}}}}))
            .unwrap();
        assert_eq!(skipped.len(), 2);
        assert_eq!(c.severity_of(Code::Misquote), Severity::Warning);
    }
}
