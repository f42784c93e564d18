//! Files the editor says changed: which of them are corpus articles (a
//! sidecar stands for its article, `onrecord.toml` for the settings), and
//! re-reading only those, keeping the rest of the corpus.

#[allow(unused_imports)]
use super::*;

/// The changed paths, each with whether it is gone, and whether the
/// settings file was among them.
pub(super) fn sort_changes(changes: &[FileEvent]) -> (Vec<(PathBuf, bool)>, bool) {
    let mut changed: Vec<(PathBuf, bool)> = Vec::new();
    let mut settings_touched = false;
    for ev in changes {
        let Some(path) = ev.uri.to_file_path().map(std::borrow::Cow::into_owned) else {
            continue;
        };
        if path.file_name().is_some_and(|n| n == config::FILE_NAME) {
            settings_touched = true;
            continue;
        }
        // A sidecar (`a.txt.meta.toml`: metadata, pinned speakers) changes
        // its article.
        if let Some(article) = path.to_str().and_then(|p| p.strip_suffix(".meta.toml")) {
            let article = PathBuf::from(article);
            let deleted = !article.exists();
            changed.push((article, deleted));
            continue;
        }
        changed.push((path, ev.typ == FileChangeType::DELETED));
    }
    (changed, settings_touched)
}

/// The changes that concern the corpus: articles it holds, or articles
/// under its folders and not excluded. A symbolic link counts as gone: it
/// is not followed here, as the folder walk does not follow one (it could
/// lead out of the corpus).
pub(super) fn relevant(
    changed: Vec<(PathBuf, bool)>,
    indexed: &Indexed,
    config: &Config,
    root: &Path,
) -> Vec<(PathBuf, bool)> {
    let (roots, _) = config.corpus_confined(root);
    let is_link = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
    changed
        .into_iter()
        .filter(|(p, _)| {
            indexed.by_path.contains_key(p)
                || (Format::from_path(p).is_some()
                    && roots
                        .iter()
                        .any(|r| p.starts_with(r) && !corpus::is_excluded(r, p, &config.exclude)))
        })
        .map(|(p, deleted)| {
            let gone = deleted || is_link(&p);
            (p, gone)
        })
        .collect()
}

/// A new index with only the changed files read again (blocking: run off
/// the request handlers).
pub(super) fn reread(
    indexed: &Indexed,
    relevant: Vec<(PathBuf, bool)>,
    config: &Config,
    root: &Path,
) -> Indexed {
    let opts = LoadOptions {
        max_bytes: corpus::DEFAULT_MAX_BYTES,
        exclude: config.exclude.clone(),
        nul_is_text: false,
    };
    let mut docs: Vec<Document> = indexed.corpus.docs().to_vec();
    let mut warnings = Vec::new();
    for (path, deleted) in relevant {
        let key = corpus::display_path(&path);
        docs.retain(|d| d.path != key);
        if !deleted {
            let (doc, w) = corpus::load_file(&path, &opts);
            warnings.extend(w);
            docs.extend(doc);
        }
    }
    docs.sort_by(|a, b| a.path.cmp(&b.path));
    Indexed::unlinked(docs, warnings, root)
}
