//! The only code of the engine that touches the file system: walking the
//! corpus folders and reading regular files under a size limit.

#[allow(unused_imports)]
use super::*;

/// Reads every article under the given paths. Folders are walked with the
/// rules of `.gitignore`; files named directly are read whatever their name.
pub fn load(paths: &[PathBuf], opts: &LoadOptions) -> (Vec<Document>, Vec<Warning>) {
    load_with_progress(paths, opts, &|_, _| {})
}

/// Like [`load`], calling `progress(files read, files in all)` as it goes.
pub fn load_with_progress(
    paths: &[PathBuf],
    opts: &LoadOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> (Vec<Document>, Vec<Warning>) {
    let (files, mut warnings) = collect_files(paths, &opts.exclude);
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let done = AtomicUsize::new(0);
    let total = files.len();
    progress(0, total);
    let results: Vec<_> = files
        .par_iter()
        .map(|p| {
            let r = load_file(p, opts);
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            r
        })
        .collect();
    let mut docs = Vec::new();
    for (doc, w) in results {
        warnings.extend(w);
        docs.extend(doc);
    }
    (docs, warnings)
}

/// The article files under the given paths, sorted, each once. `exclude`
/// holds gitignore-style patterns for files inside folders.
pub fn collect_files(paths: &[PathBuf], exclude: &[String]) -> (Vec<PathBuf>, Vec<Warning>) {
    let mut warnings = Vec::new();
    let mut files = Vec::new();
    for p in paths {
        if !p.exists() {
            warnings.push(Warning {
                file: display_path(p),
                message: "no such file or folder".into(),
            });
            continue;
        }
        if p.is_file() {
            files.push(p.clone());
            continue;
        }
        for entry in walk(p, exclude, &mut warnings) {
            match entry {
                Ok(e) => note_entry(e, &mut files, &mut warnings),
                Err(e) => warnings.push(Warning {
                    file: display_path(p),
                    message: one_line(&e.to_string()),
                }),
            }
        }
    }
    files.sort();
    files.dedup();
    (files, warnings)
}

/// The walk of one corpus folder, in path order, without what `exclude`
/// leaves out (a bad pattern is a warning).
fn walk(folder: &Path, exclude: &[String], warnings: &mut Vec<Warning>) -> ignore::Walk {
    let mut over = ignore::overrides::OverrideBuilder::new(folder);
    for pat in exclude {
        if let Err(e) = over.add(&format!("!{pat}")) {
            warnings.push(Warning {
                file: pat.clone(),
                message: format!("bad exclude pattern: {}", one_line(&e.to_string())),
            });
        }
    }
    let over = over
        .build()
        .unwrap_or_else(|_| ignore::overrides::Override::empty());
    ignore::WalkBuilder::new(folder)
        .overrides(over)
        .hidden(true)
        // `.gitignore` files inside the corpus folders apply, read as
        // plain ignore files: git's own rules would also read the ones
        // above the folder, up to `/`, and the user's global excludes,
        // which are outside the corpus.
        .git_ignore(false)
        .git_exclude(false)
        .git_global(false)
        .parents(false)
        .add_custom_ignore_filename(".gitignore")
        .sort_by_file_path(std::cmp::Ord::cmp)
        .build()
}

/// Takes an article the walk met, or says why it is skipped; folders and
/// files of other formats pass silently.
fn note_entry(e: ignore::DirEntry, files: &mut Vec<PathBuf>, warnings: &mut Vec<Warning>) {
    let kind = e.file_type();
    if kind.is_some_and(|t| t.is_dir()) {
        return;
    }
    // Such a name cannot be given back exactly, in JSON or as an editor's
    // URI: said, not read under a guess.
    if e.path().to_str().is_none() {
        warnings.push(Warning {
            file: display_path(e.path()),
            message: "file name is not UTF-8; skipped".into(),
        });
        return;
    }
    if Format::from_path(e.path()).is_none() {
        return;
    }
    if kind.is_some_and(|t| t.is_file()) {
        files.push(e.into_path());
    } else {
        // A FIFO would block the read and a device never end; a symlink
        // may lead out of the corpus.
        let what = if kind.is_some_and(|t| t.is_symlink()) {
            "a symbolic link"
        } else {
            "not a regular file"
        };
        warnings.push(Warning {
            file: display_path(e.path()),
            message: format!("{what}; skipped"),
        });
    }
}

/// Whether a file under a corpus folder is left out by exclude patterns.
pub fn is_excluded(root: &Path, file: &Path, exclude: &[String]) -> bool {
    let mut over = ignore::overrides::OverrideBuilder::new(root);
    for pat in exclude {
        let _ = over.add(&format!("!{pat}"));
    }
    let Ok(over) = over.build() else {
        return false;
    };
    // A pattern can name any folder between the root and the file.
    let mut p = file;
    loop {
        if over.matched(p, p != file).is_ignore() {
            return true;
        }
        match p.parent() {
            Some(parent) if parent.starts_with(root) && parent != root => p = parent,
            _ => return false,
        }
    }
}

pub fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// Reads one file and its sidecar.
pub fn load_file(p: &Path, opts: &LoadOptions) -> (Option<Document>, Vec<Warning>) {
    let path = display_path(p);
    let bytes = match read_limited(p, opts.max_bytes) {
        Ok(b) => b,
        Err(e) => {
            return (
                None,
                vec![Warning {
                    file: path,
                    message: format!("cannot read: {}", one_line(&e.to_string())),
                }],
            )
        }
    };
    let mut sidecar_path = p.as_os_str().to_owned();
    sidecar_path.push(".meta.toml");
    let sidecar_path = PathBuf::from(sidecar_path);
    let mut sidecar_warnings = Vec::new();
    // A sidecar is read where it is: a symbolic link could lead anywhere.
    let linked = std::fs::symlink_metadata(&sidecar_path).is_ok_and(|m| m.file_type().is_symlink());
    let read = if linked {
        Err(std::io::Error::other("a symbolic link, not followed"))
    } else {
        read_small_text(&sidecar_path)
    };
    let sidecar = match read {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            sidecar_warnings.push(Warning {
                file: display_path(&sidecar_path),
                message: format!("sidecar ignored: {}", one_line(&e.to_string())),
            });
            None
        }
    };
    let (doc, mut warnings) = parse_document(&path, &bytes, sidecar.as_deref(), opts);
    warnings.extend(sidecar_warnings);
    (doc, warnings)
}

/// Sidecars and settings files are small; a larger one is refused whole.
pub const SMALL_FILE_MAX: usize = 1 << 20;

/// A sidecar or settings file as text: a regular file of at most
/// [`SMALL_FILE_MAX`] bytes in UTF-8. The error never quotes the contents.
pub fn read_small_text(p: &Path) -> std::io::Result<String> {
    let bytes = read_limited(p, SMALL_FILE_MAX)?;
    if bytes.len() > SMALL_FILE_MAX {
        return Err(std::io::Error::other(format!(
            "larger than {SMALL_FILE_MAX} bytes"
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        std::io::Error::other(format!(
            "not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Reads at most one byte past the limit, so a huge file is never held
/// whole; only a regular file (a FIFO would block the read, a device such
/// as `/dev/zero` would never end), whatever a symlink points to.
pub(super) fn read_limited(p: &Path, max: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    if !std::fs::metadata(p)?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let f = std::fs::File::open(p)?;
    let mut buf = Vec::new();
    // One byte past the limit tells a file that is too long; a limit of
    // `u64::MAX` must not wrap round to reading nothing.
    f.take((max as u64).saturating_add(1))
        .read_to_end(&mut buf)?;
    Ok(buf)
}
