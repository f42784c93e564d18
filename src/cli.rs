//! The `onrecord` command line.

use crate::corpus::{self, LoadOptions};
use crate::engine;
use crate::link::LinkOptions;
use crate::report;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

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
    /// Write a synthetic corpus (for benchmarks) into a folder.
    #[command(hide = true)]
    Synth {
        out: PathBuf,
        #[arg(long, default_value_t = 1000)]
        articles: usize,
    },
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
        Command::Synth { out, articles } => match crate::synth::write_corpus(&out, articles) {
            Ok(n) => {
                eprintln!("wrote {n} articles to {}", out.display());
                0
            }
            Err(e) => {
                eprintln!("error: {}: {e}", out.display());
                2
            }
        },
    }
}

fn quotes(paths: Vec<PathBuf>, format: Format, max_bytes: usize) -> i32 {
    let paths = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths
    };
    let (docs, warnings) = corpus::load(&paths, &LoadOptions { max_bytes });
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
