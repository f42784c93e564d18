//! What onrecord's tests share, so that no test file keeps its own copy:
//! the workspace's paths and the multi-file fixture parser.
//!
//! A fixture is one string holding several files, each after a line
//! `//- path`:
//!
//! ```text
//! //- sources/wire.txt
//! "We will build it," Ana Vidal said.
//! //- draft.md
//! "We will build |it," she said.
//!           ^^^^^
//! ```
//!
//! [`files`] reads the files as written. [`marked`] also reads markers: a
//! `|` is the cursor (removed from the text), and a line of only `^`s and
//! spaces marks a range in the line above it (the line is removed).

use std::path::{Path, PathBuf};

/// The workspace's root: where `test-corpus/` and `tests/data/` are, and
/// where the command-line tests run.
pub fn workspace_root() -> PathBuf {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    crate_dir
        .parent()
        .and_then(|crates| crates.parent())
        .map(PathBuf::from)
        .expect("test-utils lives in crates/test-utils")
}

/// A fresh folder under the system's temporary folder, removed with
/// everything in it when dropped: tests leave nothing behind.
pub struct Scratch(PathBuf);

impl Scratch {
    /// `<tmp>/onrecord-<name>-<process id>`, emptied if it was left over.
    pub fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("onrecord-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        Scratch(dir)
    }
}

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The fixture's files, `(path, text)`, in order.
pub fn files(fixture: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in fixture.split_inclusive('\n') {
        if let Some(name) = line.trim().strip_prefix("//- ") {
            out.push((name.trim().to_string(), String::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push_str(line);
        }
    }
    out
}

/// One file of a fixture with its markers read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkedFile {
    pub path: String,
    pub text: String,
    /// Byte offset of the `|` in `text`, if the file has one.
    pub cursor: Option<usize>,
    /// Byte ranges the `^^^` lines mark, in order.
    pub ranges: Vec<(usize, usize)>,
}

/// The fixture's files with their cursor and ranges.
pub fn marked(fixture: &str) -> Vec<MarkedFile> {
    files(fixture)
        .into_iter()
        .map(|(path, raw)| {
            let mut text = String::with_capacity(raw.len());
            let mut cursor = None;
            let mut ranges = Vec::new();
            let mut last_line_start = 0;
            // The cursor's column in the line above, which shifts the
            // carets after it by the `|` removed.
            let mut cursor_col: Option<usize> = None;
            for line in raw.split_inclusive('\n') {
                let body = line.trim_end_matches(['\n', '\r']);
                if body.contains('^') && body.chars().all(|c| c == '^' || c == ' ') {
                    let col = |c: usize| match cursor_col {
                        Some(at) if c > at => c - 1,
                        _ => c,
                    };
                    let first = col(body.find('^').expect("a caret"));
                    let last = col(body.rfind('^').expect("a caret") + 1);
                    ranges.push((last_line_start + first, last_line_start + last));
                    continue;
                }
                last_line_start = text.len();
                cursor_col = None;
                match line.find('|') {
                    Some(at) if cursor.is_none() => {
                        cursor = Some(text.len() + at);
                        cursor_col = Some(at);
                        text.push_str(&line[..at]);
                        text.push_str(&line[at + 1..]);
                    }
                    _ => text.push_str(line),
                }
            }
            MarkedFile {
                path,
                text,
                cursor,
                ranges,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scratch_folder_is_gone_after_its_test() {
        let kept = {
            let dir = Scratch::new("scratch-test");
            std::fs::write(dir.join("a.txt"), "x").unwrap();
            assert!(dir.join("a.txt").is_file());
            dir.to_path_buf()
        };
        assert!(!kept.exists());
    }

    #[test]
    fn files_split_at_their_headers() {
        let f = files("//- a.txt\none\n//- b/c.md\ntwo\nthree\n");
        assert_eq!(
            f,
            vec![
                ("a.txt".to_string(), "one\n".to_string()),
                ("b/c.md".to_string(), "two\nthree\n".to_string()),
            ]
        );
    }

    #[test]
    fn markers_give_the_cursor_and_ranges_and_leave_the_text() {
        let f = marked(
            "//- d.md\nfirst line\n\"We will |build it,\" she said.\n ^^^^^^^  ^^^^^\nend\n",
        );
        let d = &f[0];
        assert_eq!(d.text, "first line\n\"We will build it,\" she said.\nend\n");
        assert_eq!(&d.text[d.cursor.unwrap()..d.cursor.unwrap() + 5], "build");
        assert_eq!(d.ranges.len(), 1);
        let (s, e) = d.ranges[0];
        // One range from the first caret to the last, in the text without
        // the `|`.
        assert_eq!(&d.text[s..e], "We will build");
    }
}
