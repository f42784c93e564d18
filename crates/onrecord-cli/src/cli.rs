//! The `onrecord` command line.

use crate::output::{self, Checked};
use crate::report;
use clap::{Parser, Subcommand, ValueEnum};
use onrecord_engine::check::{self, Corpus};
use onrecord_engine::config::{self, Config, Severity};
use onrecord_engine::corpus::{self, Document, LoadOptions, Warning};
use onrecord_engine::engine;
use onrecord_engine::link::LinkOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Parser, Debug)]
#[command(
    name = "onrecord",
    version,
    about = "Checks quotations against the source articles they came from."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List every quotation in a corpus, with its speaker and the other
    /// places that carry the same words.
    Quotes {
        /// Files and folders of source articles (default: the current folder).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Files larger than this many bytes are read only up to it.
        #[arg(long, default_value_t = corpus::DEFAULT_MAX_BYTES)]
        max_file_size: usize,
    },
    /// Check drafts against the corpus: quotations with no attribution,
    /// wording that differs from every source, speakers no source gives,
    /// and quotations found in no source.
    Check {
        /// Draft files or folders of drafts.
        #[arg(required = true)]
        drafts: Vec<PathBuf>,
        /// Source articles (default: from onrecord.toml, else the folders
        /// sources/, corpus/ and test-corpus/ that exist).
        #[arg(long = "corpus", value_name = "PATH")]
        corpus: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Settings file (default: onrecord.toml in the current folder, if any).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Files larger than this many bytes are read only up to it.
        #[arg(long, default_value_t = corpus::DEFAULT_MAX_BYTES)]
        max_file_size: usize,
    },
    /// Run the language server on standard input and output.
    Serve,
    /// Measure the engine against annotated news (for maintainers).
    #[command(hide = true, subcommand)]
    Eval(EvalCommand),
    /// Write a synthetic corpus (for benchmarks) into a folder.
    #[command(hide = true)]
    Synth {
        out: PathBuf,
        #[arg(long, default_value_t = 1000)]
        articles: usize,
    },
}

#[derive(Subcommand, Debug)]
pub enum EvalCommand {
    /// Extraction and speaker accuracy on a folder of brat-annotated
    /// articles (`text/*.txt`, `attributions/*.ann`).
    Accuracy {
        split: PathBuf,
        /// Referents of pronoun Sources (`ann<TAB>start<TAB>end<TAB>pronoun<TAB>name`).
        #[arg(long)]
        referents: Option<PathBuf>,
        /// List every miss, every wrong speaker and every unannotated quotation.
        #[arg(long)]
        errors: bool,
        /// Fail (exit 1) when recall of direct quotations is below this.
        #[arg(long)]
        min_recall: Option<f64>,
        /// Fail when speaker accuracy on found quotations is below this.
        #[arg(long)]
        min_speaker: Option<f64>,
        /// Fail when accuracy on pronoun sources (by resolved name) is below this.
        #[arg(long)]
        min_pronoun: Option<f64>,
    },
    /// The checker on drafts that quote the annotated quotations: correct
    /// sentences in several styles must pass, planted errors must be found.
    Roundtrip {
        split: PathBuf,
        /// List every false alarm and every missed detection (with article
        /// text: for the terminal only).
        #[arg(long)]
        errors: bool,
        /// Fail (exit 1) when the false-alarm rate on correct sentences is above this.
        #[arg(long)]
        max_false_alarm: Option<f64>,
        /// Fail when the detection rate of any planted error is below this.
        #[arg(long)]
        min_detection: Option<f64>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum CheckFormat {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Jsonl,
}

/// Runs the command line; returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Quotes {
            paths,
            format,
            max_file_size,
        } => quotes(paths, format, max_file_size),
        Command::Check {
            drafts,
            corpus,
            format,
            config,
            max_file_size,
        } => check(drafts, corpus, format, config, max_file_size),
        Command::Serve => onrecord_server::serve_stdio(),
        Command::Eval(cmd) => eval(cmd),
        Command::Synth { out, articles } => {
            match onrecord_synth::synth::write_corpus(&out, articles) {
                Ok(n) => {
                    eprintln!("wrote {n} articles to {}", out.display());
                    0
                }
                Err(e) => {
                    eprintln!("error: {}: {e}", out.display());
                    2
                }
            }
        }
    }
}

fn quotes(paths: Vec<PathBuf>, format: Format, max_bytes: usize) -> i32 {
    let paths = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths
    };
    let config = match load_config(None) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let (docs, warnings) = corpus::load(
        &paths,
        &LoadOptions {
            max_bytes,
            exclude: config.exclude.clone(),
            nul_is_text: false,
        },
    );
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    if docs.is_empty() {
        eprintln!(
            "error: no articles (.txt, .md, .html) found in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        return 2;
    }
    let analysis = engine::analyze(docs, warnings, &LinkOptions::default());
    let records = report::records(&analysis);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = match format {
        Format::Json => serde_json::to_writer_pretty(&mut out, &records)
            .map_err(std::io::Error::other)
            .and_then(|_| writeln!(out)),
        Format::Jsonl => records.iter().try_for_each(|r| {
            serde_json::to_writer(&mut out, r).map_err(std::io::Error::other)?;
            writeln!(out)
        }),
        Format::Text => {
            let r = records
                .iter()
                .try_for_each(|r| writeln!(out, "{}", report::text_line(r)));
            let statements = {
                let mut s: Vec<u32> = records.iter().map(|r| r.statement).collect();
                s.sort_unstable();
                s.dedup();
                s.len()
            };
            r.and_then(|_| {
                writeln!(
                    out,
                    "{} quotations in {} articles, {} statements",
                    records.len(),
                    analysis.docs.len(),
                    statements
                )
            })
        }
    };
    match result.and_then(|_| out.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("error: writing output: {e}");
            2
        }
    }
}

/// The annotated articles of a split, or the error on one line.
fn read_split(split: &Path) -> Option<Vec<crate::eval::brat::Article>> {
    crate::eval::brat::read_split(split)
        .map_err(|e| eprintln!("error: {e}"))
        .ok()
}

fn eval(cmd: EvalCommand) -> i32 {
    use crate::eval::{accuracy, roundtrip};
    match cmd {
        EvalCommand::Accuracy {
            split,
            referents,
            errors,
            min_recall,
            min_speaker,
            min_pronoun,
        } => {
            let Some(articles) = read_split(&split) else {
                return 2;
            };
            let referents = match referents {
                Some(p) => match std::fs::read_to_string(&p) {
                    Ok(t) => accuracy::Referents::parse(&t),
                    Err(e) => {
                        eprintln!("error: {}: {e}", p.display());
                        return 2;
                    }
                },
                None => accuracy::Referents::default(),
            };
            let ev = accuracy::evaluate(articles, &referents);
            print!("{}", ev.report(errors));
            let f = ev.figures();
            let mut code = 0;
            for (what, got, floor) in [
                ("recall", f.recall, min_recall),
                ("speaker accuracy", f.speaker_accuracy, min_speaker),
                ("pronoun accuracy", f.pronoun_accuracy, min_pronoun),
            ] {
                if let Some(floor) = floor {
                    if got < floor {
                        eprintln!("error: {what} {got:.3} is below the floor {floor:.3}");
                        code = 1;
                    }
                }
            }
            code
        }
        EvalCommand::Roundtrip {
            split,
            errors,
            max_false_alarm,
            min_detection,
        } => {
            let Some(articles) = read_split(&split) else {
                return 2;
            };
            let rt = roundtrip::evaluate(articles);
            print!("{}", rt.report(errors));
            let f = rt.figures();
            let mut code = 0;
            if let Some(max) = max_false_alarm {
                if f.false_alarm_rate > max {
                    eprintln!(
                        "error: false-alarm rate {:.3} is above the ceiling {max:.3}",
                        f.false_alarm_rate
                    );
                    code = 1;
                }
            }
            if let Some(min) = min_detection {
                for (p, _, _, rate) in &f.detection {
                    if *rate < min {
                        eprintln!(
                            "error: detection of {} {rate:.3} is below the floor {min:.3}",
                            p.label()
                        );
                        code = 1;
                    }
                }
            }
            code
        }
    }
}

/// Reads the settings file named, or `onrecord.toml` in the current folder
/// when there is one. Unknown keys are reported on stderr.
fn load_config(path: Option<&Path>) -> Result<Config, String> {
    let mut config = Config::default();
    let (path, named) = match path {
        Some(p) => (p.to_path_buf(), true),
        None => (PathBuf::from(config::FILE_NAME), false),
    };
    let text = match corpus::read_small_text(&path) {
        Ok(t) => t,
        Err(e) if !named && e.kind() == std::io::ErrorKind::NotFound => return Ok(config),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    match config.apply_toml(&text) {
        Ok(skipped) => {
            for s in skipped {
                eprintln!("warning: {}: {s}", path.display());
            }
            Ok(config)
        }
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// Loads a corpus, with a progress bar on a terminal when it is large.
pub fn load_corpus(paths: &[PathBuf], opts: &LoadOptions) -> (Vec<Document>, Vec<Warning>) {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return corpus::load(paths, opts);
    }
    // The bar appears once the walk has counted the files, if they are many.
    let bar: std::sync::OnceLock<Option<indicatif::ProgressBar>> = std::sync::OnceLock::new();
    let r = corpus::load_with_progress(paths, opts, &|done, total| {
        let bar = bar.get_or_init(|| {
            (total >= 500).then(|| {
                let b = indicatif::ProgressBar::new(total as u64);
                b.set_style(
                    indicatif::ProgressStyle::with_template("indexing {bar:30} {pos}/{len} files")
                        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
                );
                b
            })
        });
        if let Some(b) = bar {
            b.set_position(done as u64);
        }
    });
    if let Some(Some(b)) = bar.get() {
        b.finish_and_clear();
    }
    r
}

fn check(
    drafts: Vec<PathBuf>,
    corpus_paths: Vec<PathBuf>,
    format: CheckFormat,
    config_path: Option<PathBuf>,
    max_bytes: usize,
) -> i32 {
    let config = match load_config(config_path.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let loaded = checked_corpus(&drafts, corpus_paths, &config, max_bytes).and_then(|corpus| {
        let drafts = load_drafts(&drafts, max_bytes)?;
        Ok((corpus, drafts))
    });
    let (corpus, draft_docs) = match loaded {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let checked: Vec<Checked> = draft_docs
        .into_iter()
        .map(|doc| {
            let report = check::check(&corpus, &doc, &config);
            Checked { doc, report }
        })
        .collect();
    let text = match format {
        CheckFormat::Human => output::human(&corpus, &checked),
        CheckFormat::Json => output::json_lines(&corpus, &checked),
        CheckFormat::Sarif => output::sarif(&corpus, &checked),
        CheckFormat::Github => output::github(&corpus, &checked),
    };
    if let Err(e) = write_stdout(&text) {
        eprintln!("error: writing output: {e}");
        return 2;
    }
    let failing = checked
        .iter()
        .flat_map(|c| &c.report.findings)
        .any(|f| f.severity >= Severity::Warning);
    i32::from(failing)
}

/// The corpus `onrecord check` reads, analysed without links (a check needs
/// none), or the one-line reason it cannot be read.
fn checked_corpus(
    drafts: &[PathBuf],
    corpus_paths: Vec<PathBuf>,
    config: &Config,
    max_bytes: usize,
) -> Result<Corpus, String> {
    let corpus_paths = if corpus_paths.is_empty() {
        config.corpus_under(Path::new("."))
    } else {
        corpus_paths
    };
    if corpus_paths.is_empty() {
        return Err(format!(
            "no corpus: pass --corpus PATH, set [corpus] paths in {}, or keep the sources in sources/ or corpus/",
            config::FILE_NAME
        ));
    }
    if let Some(p) = corpus_paths.iter().chain(drafts).find(|p| !p.exists()) {
        return Err(format!(
            "{}: no such file or folder",
            corpus::display_path(p)
        ));
    }
    let opts = LoadOptions {
        max_bytes,
        exclude: config.exclude.clone(),
        nul_is_text: false,
    };
    let (docs, warnings) = load_corpus(&corpus_paths, &opts);
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    if docs.is_empty() {
        return Err("no articles (.txt, .md, .html) found in the corpus".into());
    }
    Ok(Corpus::new(engine::analyze_unlinked(docs, warnings)))
}

/// The drafts to check; NUL is text in an editor buffer, so in a draft.
fn load_drafts(drafts: &[PathBuf], max_bytes: usize) -> Result<Vec<Document>, String> {
    let opts = LoadOptions {
        max_bytes,
        exclude: Vec::new(),
        nul_is_text: true,
    };
    let (docs, warnings) = corpus::load(drafts, &opts);
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    if docs.is_empty() {
        return Err("no drafts (.txt, .md) found".into());
    }
    Ok(docs)
}

/// Writes to standard output; a reader that stopped early (`| head`) is
/// not an error.
fn write_stdout(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e),
        _ => Ok(()),
    }
}
