//! The crafted inputs that once took quadratic time (`onrecord_synth::crafted`)
//! are read whole, every quotation's offsets slice its words from the file,
//! and what is found grows with the input: four times the input, about four
//! times the quotations. Their time at 1× and 4× is `cargo bench --bench
//! growth`, which fails on quadratic growth.

use onrecord_cli::report;
use onrecord_engine::engine;
use onrecord_engine::link::LinkOptions;
use onrecord_synth::crafted::ALL;

const KB: usize = 1024;

fn quotations(name: &str, ext: &str, text: &str) -> usize {
    let path = format!("crafted/{name}.{ext}");
    let (doc, warnings) = onrecord_engine::corpus::parse_document(
        &path,
        text.as_bytes(),
        None,
        &onrecord_engine::corpus::LoadOptions::default(),
    );
    assert!(warnings.is_empty(), "{name}: {warnings:?}");
    let a = engine::analyze(
        doc.into_iter().collect(),
        Vec::new(),
        &LinkOptions::default(),
    );
    let records = report::records(&a);
    for r in &records {
        let words = &text[r.start as usize..r.end as usize];
        let first = r.text.split_whitespace().next().unwrap_or_default();
        assert!(
            words.contains(first),
            "{name}: {:?} does not hold {first:?}",
            &words[..words.len().min(80)]
        );
        assert!(r.sources.len() <= engine::MAX_SOURCES, "{name}");
    }
    records.len()
}

#[test]
fn crafted_inputs_are_read_whole_and_what_is_found_grows_with_them() {
    for c in ALL {
        let small = quotations(c.name, c.ext, &c.text(32 * KB));
        let large = quotations(c.name, c.ext, &c.text(128 * KB));
        // Inputs made of one quotation or none find as many at any size.
        if small <= 2 {
            assert!(large <= 2, "{}: {small} then {large}", c.name);
        } else {
            let growth = large as f64 / small as f64;
            assert!(
                (3.5..=4.5).contains(&growth),
                "{}: {small} then {large}",
                c.name
            );
        }
    }
}
