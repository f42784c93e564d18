//! Engine benchmarks over the synthetic corpus of `onrecord_synth::synth`.
//!
//! `cargo bench --bench engine`

use divan::counter::ItemsCount;
use divan::{black_box, Bencher};
use onrecord_engine::corpus::Document;
use onrecord_engine::engine::{self, DocResult};
use onrecord_engine::extract::Kind;
use onrecord_engine::link::{self, LinkOptions, QuoteRef};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

/// The 10,000-article corpus, built once for the benchmarks that share it.
fn docs_10k() -> &'static [Document] {
    static DOCS: OnceLock<Vec<Document>> = OnceLock::new();
    DOCS.get_or_init(|| onrecord_synth::synth::documents(10_000))
}

fn words(docs: &[Document]) -> usize {
    docs.iter().map(|d| d.text.split_whitespace().count()).sum()
}

/// Extraction and attribution, one article after another on one core.
/// Throughput is in words (whitespace-separated tokens of the view).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn extract_and_attribute(bencher: Bencher) {
    let docs = onrecord_synth::synth::documents(2000);
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

/// The 10,000-article corpus analysed and indexed for checking drafts.
fn corpus_10k() -> &'static onrecord_engine::check::Corpus {
    static CORPUS: OnceLock<onrecord_engine::check::Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let a = engine::analyze(docs_10k().to_vec(), Vec::new(), &LinkOptions::default());
        onrecord_engine::check::Corpus::new(a)
    })
}

/// Building the word index that drafts are checked against, on top of an
/// analysis (what the server does after indexing).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn draft_index_10k(bencher: Bencher) {
    let docs = docs_10k();
    bencher
        .with_inputs(|| engine::analyze(docs.to_vec(), Vec::new(), &LinkOptions::default()))
        .bench_values(|a| black_box(onrecord_engine::check::Corpus::new(a)));
}

fn draft_of_40() -> onrecord_engine::corpus::Document {
    let a = &corpus_10k().analysis;
    let mut draft = String::from("# Draft\n\n");
    for (k, q) in a
        .quotes
        .iter()
        .step_by(a.quotes.len() / 40)
        .take(40)
        .enumerate()
    {
        let doc = a.doc(q.doc);
        let mut words = q.quote.text(&doc.text);
        if k % 3 == 1 {
            words = words.replacen(' ', " really ", 1);
        }
        if k % 4 == 0 {
            draft.push_str(&format!("\"{words}\"\n\n"));
        } else {
            draft.push_str(&format!("\"{words}\" Jo Smith said.\n\n"));
        }
    }
    onrecord_engine::corpus::parse_document(
        "draft.md",
        draft.as_bytes(),
        None,
        &onrecord_engine::corpus::LoadOptions::default(),
    )
    .0
    .unwrap()
}

/// Checking a draft of 40 quotations (copied from the corpus, some with a
/// word added, some unattributed) against 10,000 articles for the first
/// time: every quotation looked up.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn check_draft_first_time_10k(bencher: Bencher) {
    let corpus = corpus_10k();
    let doc = draft_of_40();
    let config = onrecord_engine::config::Config::default();
    // A fresh memo each time: every quotation is looked up.
    bencher
        .with_inputs(onrecord_engine::check::PlaceMemo::default)
        .bench_refs(|memo| {
            black_box(onrecord_engine::check::check_unless(
                corpus,
                Some(memo),
                black_box(&doc),
                &config,
                &|| false,
            ))
        });
}

/// The same draft checked again after an edit that changed one quotation:
/// the work done after each pause in typing.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn check_draft_after_an_edit_10k(bencher: Bencher) {
    let corpus = corpus_10k();
    let doc = draft_of_40();
    let config = onrecord_engine::config::Config::default();
    let memo = onrecord_engine::check::PlaceMemo::default();
    let _ = onrecord_engine::check::check_unless(corpus, Some(&memo), &doc, &config, &|| false);
    let n = std::sync::atomic::AtomicU32::new(0);
    bencher
        .with_inputs(|| {
            let n = n.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let raw = doc
                .raw()
                .replacen("\" Jo Smith", &format!(" {n}\" Jo Smith"), 1);
            onrecord_engine::corpus::parse_document(
                "draft.md",
                raw.as_bytes(),
                None,
                &onrecord_engine::corpus::LoadOptions::default(),
            )
            .0
            .unwrap()
        })
        .bench_refs(|d| {
            black_box(onrecord_engine::check::check_unless(
                corpus,
                Some(&memo),
                black_box(d),
                &config,
                &|| false,
            ))
        });
}
