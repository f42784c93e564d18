//! What onrecord's tests share, so that no test file keeps its own copy.

use std::path::PathBuf;

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
