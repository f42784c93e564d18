//! The server's state behind one lock: the indexed corpus, the open
//! documents with their versions, the settings and the pending checks.

#[allow(unused_imports)]
use super::*;

/// The corpus as the server holds it.
pub struct Indexed {
    pub corpus: Corpus,
    /// Absolute path of each corpus article.
    pub(super) by_path: HashMap<PathBuf, DocId>,
    /// The places drafts' quotations were found at in this corpus: a draft
    /// is checked after every pause in typing.
    pub(super) memo: check::PlaceMemo,
}

impl Indexed {
    /// Ready for checking drafts, but with no links between the corpus
    /// quotations yet: [`link_in_background`] adds them in place.
    pub(super) fn unlinked(
        docs: Vec<Document>,
        warnings: Vec<corpus::Warning>,
        root: &Path,
    ) -> Indexed {
        Indexed::of(engine::analyze_unlinked(docs, warnings), root)
    }

    pub(super) fn of(analysis: engine::Analysis, root: &Path) -> Indexed {
        let mut corpus = Corpus::new(analysis);
        if !root.as_os_str().is_empty() {
            corpus = corpus.with_display_root(&corpus::display_path(root));
        }
        let by_path = corpus
            .docs()
            .iter()
            .enumerate()
            .map(|(i, d)| (PathBuf::from(&d.path), DocId::new(i)))
            .collect();
        Indexed {
            corpus,
            by_path,
            memo: check::PlaceMemo::default(),
        }
    }

    pub(super) fn empty() -> Indexed {
        Indexed::unlinked(Vec::new(), Vec::new(), Path::new(""))
    }

    pub fn uri_of(&self, doc: DocId) -> Option<Uri> {
        Uri::from_file_path(&self.corpus.doc(doc).path)
    }
}

/// What the server knows about one open document, for one version.
pub enum View {
    Draft {
        doc: Box<Document>,
        report: DraftReport,
    },
    /// A corpus article open in the editor: answers come from the corpus.
    Source { doc: DocId },
}

pub(super) struct OpenDoc {
    pub(super) rope: Rope,
    /// The client's version, given back with the diagnostics.
    pub(super) version: i32,
    /// Counts the changes the server applied: what a result is checked
    /// against before it is kept or published, since a client may send a
    /// version number twice or go back.
    pub(super) edits: u64,
    pub(super) language: String,
    /// The pending check of this document.
    pub(super) task: Option<PendingCheck>,
    /// The view computed for (edits, corpus generation).
    pub(super) view: Option<(u64, u64, Arc<View>)>,
}

/// A check on its way: the task that will publish it, and the flag that
/// stops the engine between quotations once a newer version supersedes it
/// (aborting the task alone would leave the engine running on its thread).
pub(super) struct PendingCheck {
    pub(super) task: JoinHandle<()>,
    pub(super) cancel: Arc<AtomicBool>,
}

impl PendingCheck {
    pub(super) fn stop(self) {
        self.cancel.store(true, Ordering::Relaxed);
        self.task.abort();
    }
}

pub(super) struct State {
    pub(super) root: Option<PathBuf>,
    pub(super) encoding: Encoding,
    pub(super) config: Config,
    /// The settings only the editor side uses.
    pub(super) editor: EditorSettings,
    /// `onrecord.toml` as last read: its text, or why it could not be
    /// read; `None` when there is none.
    pub(super) settings_file: Option<std::result::Result<String, String>>,
    pub(super) init_options: Option<serde_json::Value>,
    pub(super) settings: Option<serde_json::Value>,
    pub(super) reported_config_error: Option<String>,
    /// The last index held no articles, and the user was told.
    pub(super) reported_empty_corpus: bool,
    pub(super) indexed: Arc<Indexed>,
    /// Bumped each time the corpus changes.
    pub(super) generation: u64,
    pub(super) indexing: Option<JoinHandle<()>>,
    pub(super) docs: HashMap<Uri, OpenDoc>,
    pub(super) progress_supported: bool,
    pub(super) watch_dynamic: bool,
    /// The client re-asks for hints and lenses when told the index changed.
    pub(super) refresh_hints: bool,
    pub(super) refresh_lenses: bool,
    pub(super) shut_down: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            root: None,
            encoding: Encoding::Utf16,
            config: Config::default(),
            editor: EditorSettings::default(),
            settings_file: None,
            init_options: None,
            settings: None,
            reported_config_error: None,
            reported_empty_corpus: false,
            indexed: Arc::new(Indexed::empty()),
            generation: 0,
            indexing: None,
            docs: HashMap::new(),
            progress_supported: false,
            watch_dynamic: false,
            refresh_hints: false,
            refresh_lenses: false,
            shut_down: false,
        }
    }
}
