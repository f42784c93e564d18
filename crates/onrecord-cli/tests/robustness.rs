//! The engine never panics on input and always reports offsets that slice
//! the file: random articles made of the pieces that trip quote scanners.

use onrecord_cli::report;
use onrecord_engine::corpus::{parse_document, LoadOptions};
use onrecord_engine::engine;
use onrecord_engine::link::LinkOptions;
use onrecord_synth::synth::Rng;

const PIECES: &[&str] = &[
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    "‚",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "> ",
    "MR. SMITH: ",
    "QUESTION: ",
    "Q: ",
    "Smith: ",
    "said",
    " said ",
    "he said",
    "the official",
    "Jane Doe",
    "Mr Doe",
    "according to",
    "told reporters that",
    ", ",
    ". ",
    "?",
    "!",
    ":",
    "—",
    "–",
    "-",
    "[",
    "]",
    "(",
    ")",
    "…",
    "...",
    "don't",
    "'90s",
    "Iranians’",
    "we're",
    "colour",
    "organise",
    "😀",
    "漢字",
    "e\u{301}",
    "\u{200b}",
    "\u{feff}",
    "ﬁ",
    "&amp;",
    "&rsquo;",
    "&#x201C;",
    "<p>",
    "</p>",
    "<q>",
    "</q>",
    "<blockquote>",
    "</blockquote>",
    "<script>",
    "</script>",
    "<br>",
    "```",
    "`",
    "<!--",
    "-->",
    "---\n",
    "# ",
    "word",
    "another word",
    "The",
    "A",
    "We",
    "It",
];

fn random_doc(rng: &mut Rng) -> String {
    let n = 5 + rng.below(120);
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(rng.pick(PIECES));
    }
    s
}

fn check_corpus(texts: &[(String, String)]) {
    let mut docs = Vec::new();
    for (name, text) in texts {
        let (doc, _) = parse_document(name, text.as_bytes(), None, &LoadOptions::default());
        docs.extend(doc);
    }
    let a = engine::analyze(docs, Vec::new(), &LinkOptions::default());
    for r in report::records(&a) {
        let raw = &texts.iter().find(|(n, _)| *n == r.file).expect("file").1;
        assert!(r.start <= r.end, "{r:?}");
        assert!(raw.is_char_boundary(r.start as usize), "{r:?}");
        assert!(raw.is_char_boundary(r.end as usize), "{r:?}");
        assert!(!r.text.trim().is_empty(), "{r:?}");
        if let Some(s) = &r.speaker {
            if let (Some(a), Some(b)) = (s.start, s.end) {
                assert!(
                    a <= b && raw.is_char_boundary(a as usize) && raw.is_char_boundary(b as usize)
                );
            }
        }
        for src in &r.sources {
            assert!(src.start <= src.end);
        }
    }
}

#[test]
fn random_articles_never_panic_and_offsets_slice_the_file() {
    let mut rng = Rng::new(0x5EED, 0);
    for round in 0..150 {
        let texts: Vec<(String, String)> = (0..4)
            .map(|i| {
                let ext = rng.pick(&["txt", "md", "html"]);
                (format!("r{round}-{i}.{ext}"), random_doc(&mut rng))
            })
            .collect();
        check_corpus(&texts);
    }
}

#[test]
fn a_huge_single_line_article_is_read() {
    let sentence = "“We will not stop,” said organiser Rosa Lee, and the crowd “cheered” loudly. ";
    let text = sentence.repeat(40_000);
    let texts = vec![("long.txt".to_string(), text)];
    check_corpus(&texts);
    let (doc, _) = parse_document(
        "long.txt",
        texts[0].1.as_bytes(),
        None,
        &LoadOptions::default(),
    );
    let a = engine::analyze(
        doc.into_iter().collect(),
        Vec::new(),
        &LinkOptions::default(),
    );
    assert_eq!(a.quotes.len(), 80_000);
}

#[test]
fn a_file_deleted_while_the_corpus_loads_is_one_warning() {
    let scratch = test_utils::Scratch::new("deleted");
    let dir = scratch.to_path_buf();
    for name in ["a.txt", "b.txt", "c.txt"] {
        std::fs::write(
            dir.join(name),
            "\"We will look at every page of the report,\" Jo Ray said.\n",
        )
        .unwrap();
    }
    let doomed = dir.join("b.txt");
    // The files are listed, then b.txt disappears before it is read.
    let (docs, warnings) = onrecord_engine::corpus::load_with_progress(
        std::slice::from_ref(&dir),
        &LoadOptions::default(),
        &|done, _| {
            if done == 0 {
                let _ = std::fs::remove_file(&doomed);
            }
        },
    );
    drop(scratch);
    assert_eq!(docs.len(), 2);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].file.ends_with("b.txt"));
    assert!(warnings[0].message.starts_with("cannot read"));
    assert!(!warnings[0].message.contains('\n'));
}

#[test]
fn random_drafts_never_panic_the_checker() {
    let mut rng = Rng::new(11, 0);
    let sources: Vec<_> = (0..20)
        .filter_map(|i| {
            let text = random_doc(&mut rng);
            parse_document(
                &format!("s{i}.txt"),
                text.as_bytes(),
                None,
                &LoadOptions::default(),
            )
            .0
        })
        .collect();
    let corpus = onrecord_engine::check::Corpus::new(engine::analyze(
        sources,
        Vec::new(),
        &LinkOptions::default(),
    ));
    let config = onrecord_engine::config::Config::default();
    for i in 0..200 {
        let text = random_doc(&mut rng);
        let Some(doc) = parse_document(
            &format!("d{i}.md"),
            text.as_bytes(),
            None,
            &LoadOptions::default(),
        )
        .0
        else {
            continue;
        };
        let report = onrecord_engine::check::check(&corpus, &doc, &config);
        for f in &report.findings {
            assert!(
                doc.raw().is_char_boundary(f.start.as_usize())
                    && doc.raw().is_char_boundary(f.end.as_usize())
            );
            for fix in &f.fixes {
                let (s, e) = (fix.edit.start.as_usize(), fix.edit.end.as_usize());
                assert!(s <= e && e <= doc.raw().len());
                assert!(
                    doc.raw().is_char_boundary(s) && doc.raw().is_char_boundary(e),
                    "{fix:?}"
                );
            }
        }
    }
}
