//! A deterministic generator of news-like articles, for benchmarks.

use std::path::Path;

/// Writes `n` articles into `dir`; returns how many were written.
pub fn write_corpus(dir: &Path, n: usize) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    for (i, text) in corpus(n).into_iter().enumerate() {
        std::fs::write(dir.join(format!("article-{i:05}.txt")), text)?;
    }
    Ok(n)
}

pub fn corpus(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!("Article {i}\n\n\"Words number {i} here,\" she said.\n"))
        .collect()
}
