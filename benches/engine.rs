//! Engine benchmarks over the synthetic corpus of `onrecord::synth`.
//!
//! `cargo bench --bench engine`

use divan::counter::ItemsCount;
use divan::{black_box, Bencher};
use onrecord::corpus::Document;
use onrecord::engine::{self, DocResult};
use onrecord::extract::Kind;
use onrecord::link::{self, LinkOptions, QuoteRef};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

/// The 10,000-article corpus, built once for the benchmarks that share it.
fn docs_10k() -> &'static [Document] {
    static DOCS: OnceLock<Vec<Document>> = OnceLock::new();
    DOCS.get_or_init(|| onrecord::synth::documents(10_000))
}

fn words(docs: &[Document]) -> usize {
    docs.iter().map(|d| d.text.split_whitespace().count()).sum()
}

/// Extraction and attribution, one article after another on one core.
/// Throughput is in words (whitespace-separated tokens of the view).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn extract_and_attribute(bencher: Bencher) {
    let docs = onrecord::synth::documents(2000);
    bencher.counter(ItemsCount::new(words(&docs))).bench(|| {
        for d in &docs {
            black_box(engine::analyze_document(black_box(d)));
        }
    });
}

/// The quotations `engine::analyze` hands to the linker: a colon block
/// stands only when its introduction names a speaker.
fn quote_refs(per_doc: &[DocResult]) -> Vec<QuoteRef> {
    let mut refs = Vec::new();
    for (d, r) in per_doc.iter().enumerate() {
        for (qi, q) in r.extraction.quotes.iter().enumerate() {
            if q.kind == Kind::Block
                && q.intro_para.is_some()
                && r.attribution.speakers[qi].is_none()
            {
                continue;
            }
            refs.push(QuoteRef {
                doc: d as u32,
                segments: q.segments.iter().map(|s| (s.start, s.end)).collect(),
                joins: !(q.kind == Kind::Block && q.holds_quotes),
            });
        }
    }
    refs
}

/// Linking alone, over the quotations of 10,000 articles.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn link_10k(bencher: Bencher) {
    let docs = docs_10k();
    let per_doc: Vec<DocResult> = docs.iter().map(engine::analyze_document).collect();
    let refs = quote_refs(&per_doc);
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let opts = LinkOptions::default();
    bencher
        .counter(ItemsCount::new(refs.len()))
        .bench(|| link::link(black_box(&texts), black_box(&refs), &opts));
}

/// Everything `onrecord quotes` does after loading: extraction,
/// attribution, speakers and linking, on all cores.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn analyze_10k_end_to_end(bencher: Bencher) {
    let docs = docs_10k();
    let opts = LinkOptions::default();
    bencher
        .with_inputs(|| docs.to_vec())
        .bench_values(|docs| engine::analyze(docs, vec![], &opts));
}
