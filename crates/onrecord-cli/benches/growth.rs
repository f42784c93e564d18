//! Growth with input size: every crafted input of `onrecord_synth::crafted`, read,
//! analysed and listed as `onrecord quotes` does, at 1 MB and at 4 MB.
//! Linear work takes about four times as long at 4×, quadratic work sixteen;
//! this fails when any input grows more than twelve times, or takes more
//! than a second at 4 MB. The bounds are generous: the machines are noisy,
//! and an input whose work is mostly allocation runs faster per byte at
//! 1 MB, where more of it stays in cache (up to 10× growth seen for work
//! that is linear from 4 MB to 16 MB).
//!
//! `cargo bench --bench growth`

use onrecord_cli::report;
use onrecord_engine::corpus::{parse_document, LoadOptions};
use onrecord_engine::engine;
use onrecord_engine::link::LinkOptions;
use onrecord_synth::crafted::{Crafted, ALL};
use std::hint::black_box;
use std::time::{Duration, Instant};

const MB: usize = 1 << 20;
const MAX_GROWTH: f64 = 12.0;
const MAX_AT_4MB: Duration = Duration::from_secs(1);

/// The best of three runs: the least disturbed by the rest of the machine.
fn best_time(c: &Crafted, bytes: usize) -> Duration {
    let text = c.text(bytes);
    let path = format!("crafted/{}.{}", c.name, c.ext);
    (0..3)
        .map(|_| {
            let t = Instant::now();
            let (doc, _) = parse_document(&path, text.as_bytes(), None, &LoadOptions::default());
            let a = engine::analyze(
                doc.into_iter().collect(),
                Vec::new(),
                &LinkOptions::default(),
            );
            black_box(report::records(&a));
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    // `cargo bench` passes `--bench`; a name filters the inputs.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    println!(
        "{:<32} {:>9} {:>9} {:>7}",
        "input", "1 MB", "4 MB", "growth"
    );
    let mut failed = Vec::new();
    for c in ALL {
        if !filter.is_empty() && !filter.iter().any(|f| c.name.contains(f.as_str())) {
            continue;
        }
        let one = best_time(c, MB);
        let four = best_time(c, 4 * MB);
        // Below a millisecond the ratio is noise.
        let growth = four.as_secs_f64() / one.as_secs_f64().max(1e-3);
        println!(
            "{:<32} {:>8.3}s {:>8.3}s {:>6.1}×",
            c.name,
            one.as_secs_f64(),
            four.as_secs_f64(),
            growth
        );
        if growth > MAX_GROWTH || four > MAX_AT_4MB {
            failed.push(c.name);
        }
    }
    if !failed.is_empty() {
        eprintln!(
            "growth: more than {MAX_GROWTH}× from 1 MB to 4 MB, or over {} s at 4 MB: {}",
            MAX_AT_4MB.as_secs(),
            failed.join(", ")
        );
        std::process::exit(1);
    }
}
