//! The engine over `test-corpus/`, compared with the project's expected
//! annotation in `tests/data/test-corpus.expected.json`.

use onrecord_cli::report::{self, QuoteRecord};
use onrecord_engine::corpus::{self, LoadOptions};
use onrecord_engine::engine;
use onrecord_engine::link::LinkOptions;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

struct Expected {
    file: String,
    text: String,
    speaker: String,
    also_accept: Vec<String>,
    statement: Option<String>,
    minor: bool,
    transcript: bool,
}

fn root() -> PathBuf {
    test_utils::workspace_root()
}

type Accept = BTreeMap<String, Vec<String>>;
type Contained = Vec<(String, String)>;

fn load_expected() -> (Vec<Expected>, Accept, Contained) {
    let raw = std::fs::read_to_string(root().join("tests/data/test-corpus.expected.json"))
        .expect("expected annotation");
    let v: Value = serde_json::from_str(&raw).expect("valid JSON");
    let accept: Accept = v["speakers"]
        .as_object()
        .expect("speakers")
        .iter()
        .map(|(k, s)| {
            let words = s["accept"]
                .as_array()
                .expect("accept")
                .iter()
                .map(|w| w.as_str().expect("word").to_string())
                .collect();
            (k.clone(), words)
        })
        .collect();
    let mut out = Vec::new();
    for (list, transcript) in [("quotes", false), ("transcript", true)] {
        for q in v[list].as_array().expect("list") {
            let mut text = q["text"].as_str().expect("text").trim().to_string();
            if let Some(c) = q["continues"].as_str() {
                text = format!("{text}\n{}", c.trim());
            }
            out.push(Expected {
                file: q["file"].as_str().expect("file").to_string(),
                text,
                speaker: q["speaker"].as_str().expect("speaker").to_string(),
                also_accept: q["also_accept"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|x| x.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default(),
                statement: q["statement"].as_str().map(str::to_string),
                minor: q["minor"].as_bool().unwrap_or(false),
                transcript,
            });
        }
    }
    let contained = v["contained"]
        .as_array()
        .expect("contained")
        .iter()
        .map(|p| {
            (
                p[0].as_str().expect("part").to_string(),
                p[1].as_str().expect("whole").to_string(),
            )
        })
        .collect();
    (out, accept, contained)
}

fn analyze() -> Vec<QuoteRecord> {
    // Drafts kept beside the sources are left out, as the default settings do.
    let opts = LoadOptions {
        exclude: onrecord_engine::config::Config::default().exclude,
        ..LoadOptions::default()
    };
    let (docs, warnings) = corpus::load(&[root().join("test-corpus")], &opts);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(docs.len(), 5);
    let a = engine::analyze(docs, warnings, &LinkOptions::default());
    report::records(&a)
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn find<'a>(records: &'a [QuoteRecord], e: &Expected) -> Option<&'a QuoteRecord> {
    records
        .iter()
        .find(|r| file_name(&r.file) == e.file && r.text.trim() == e.text)
}

fn speaker_ok(r: &QuoteRecord, e: &Expected, accept: &Accept) -> bool {
    let Some(s) = &r.speaker else { return false };
    let name = s.name.to_lowercase();
    let mut words = accept[&e.speaker].clone();
    for other in &e.also_accept {
        words.extend(accept[other].iter().cloned());
    }
    words.iter().any(|w| name.contains(w.as_str()))
}

#[test]
fn every_expected_quotation_is_found() {
    let records = analyze();
    let (expected, _, _) = load_expected();
    let missing: Vec<String> = expected
        .iter()
        .filter(|e| !e.minor && find(&records, e).is_none())
        .map(|e| format!("{}: {:?}", e.file, e.text))
        .collect();
    assert!(missing.is_empty(), "not found:\n{}", missing.join("\n"));
    // Minor ones are allowed to be missed, but these are all found today.
    let minor_found = expected
        .iter()
        .filter(|e| e.minor && find(&records, e).is_some())
        .count();
    assert_eq!(minor_found, expected.iter().filter(|e| e.minor).count());
}

#[test]
fn speakers_match_the_annotation() {
    let records = analyze();
    let (expected, accept, _) = load_expected();
    let scored: Vec<&Expected> = expected.iter().filter(|e| !e.minor).collect();
    let wrong: Vec<String> = scored
        .iter()
        .filter_map(|e| {
            let r = find(&records, e)?;
            (!speaker_ok(r, e, &accept)).then(|| {
                format!(
                    "{}: {:?} -> {:?}, expected {}",
                    e.file,
                    e.text,
                    r.speaker.as_ref().map(|s| &s.name),
                    e.speaker
                )
            })
        })
        .collect();
    let right = scored.len() - wrong.len();
    // Minor quotations may go without a speaker, but never get a wrong one.
    let wrong_minor: Vec<String> = expected
        .iter()
        .filter(|e| e.minor)
        .filter_map(|e| find(&records, e).map(|r| (r, e)))
        .filter(|(r, e)| r.speaker.is_some() && !speaker_ok(r, e, &accept))
        .map(|(r, _)| format!("{:?} -> {:?}", r.text, r.speaker.as_ref().map(|s| &s.name)))
        .collect();
    assert!(
        wrong_minor.is_empty(),
        "wrong speakers on minor quotations: {wrong_minor:?}"
    );
    // The bar is 95%; every speaker is right today.
    assert!(
        right * 100 >= scored.len() * 95,
        "{right}/{} right:\n{}",
        scored.len(),
        wrong.join("\n")
    );
    assert!(wrong.is_empty(), "wrong speakers:\n{}", wrong.join("\n"));
}

#[test]
fn transcript_turns_of_mr_kelly_are_ian_kelly() {
    let records = analyze();
    let turns: Vec<&QuoteRecord> = records
        .iter()
        .filter(|r| r.kind == onrecord_cli::report::KindRecord::Transcript)
        .filter(|r| {
            let doc = std::fs::read_to_string(root().join(&r.file)).expect("file");
            let line_start = doc[..r.start as usize]
                .rfind('\n')
                .map(|i| i + 1)
                .unwrap_or(0);
            doc[line_start..r.start as usize].starts_with("MR. KELLY:")
        })
        .collect();
    assert!(turns.len() >= 6, "{} turns", turns.len());
    for t in turns {
        let s = t.speaker.as_ref().expect("speaker");
        assert_eq!(s.name, "Ian Kelly", "{:?}", t.text);
        assert_eq!(s.mention.as_deref(), Some("MR. KELLY"));
    }
}

/// The statement ids of the expected groups: equal inside a group (and
/// between a contained group and its container), different across groups.
#[test]
fn statements_group_the_same_words() {
    let records = analyze();
    let (expected, _, contained) = load_expected();
    // Expected classes: statements joined through containment.
    let mut class: BTreeMap<String, String> = BTreeMap::new();
    for e in &expected {
        if let Some(s) = &e.statement {
            class.insert(s.clone(), s.clone());
        }
    }
    for (part, whole) in &contained {
        let target = class[whole].clone();
        for v in class.values_mut() {
            if *v == *part {
                *v = target.clone();
            }
        }
    }
    let mut ids: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    for e in expected.iter().filter(|e| !e.minor) {
        let Some(s) = &e.statement else { continue };
        let r = find(&records, e).unwrap_or_else(|| panic!("not found: {:?}", e.text));
        ids.entry(class[s].clone()).or_default().insert(r.statement);
    }
    for (c, set) in &ids {
        assert_eq!(set.len(), 1, "statement {c} is split into {set:?}");
    }
    let mut seen: BTreeMap<u32, &String> = BTreeMap::new();
    for (c, set) in &ids {
        let id = *set.iter().next().expect("id");
        if let Some(other) = seen.insert(id, c) {
            panic!("statements {other} and {c} were merged into {id}");
        }
    }
    assert!(ids.len() >= 9, "{ids:?}");
}

/// A contained quotation lists its container among its sources, and the
/// container lists it back.
#[test]
fn fragments_and_merged_quotes_list_each_other_as_sources() {
    let records = analyze();
    let (expected, _, contained) = load_expected();
    let by_statement = |s: &str| -> Vec<&QuoteRecord> {
        expected
            .iter()
            .filter(|e| e.statement.as_deref() == Some(s) && !e.transcript)
            .filter_map(|e| find(&records, e))
            .collect()
    };
    for (part, whole) in &contained {
        for p in by_statement(part) {
            for w in by_statement(whole) {
                let has = |a: &QuoteRecord, b: &QuoteRecord| {
                    a.sources
                        .iter()
                        .any(|s| s.file == b.file && s.start < b.end && b.start < s.end)
                };
                assert!(has(p, w), "{:?} lacks source {:?}", p.text, w.text);
                assert!(has(w, p), "{:?} lacks source {:?}", w.text, p.text);
            }
        }
    }
}

#[test]
fn offsets_point_at_the_quoted_words_in_the_file() {
    let records = analyze();
    for r in &records {
        let doc = std::fs::read_to_string(root().join(&r.file)).expect("file");
        let slice = &doc[r.start as usize..r.end as usize];
        let first_line = r.text.split('\n').next().expect("line");
        assert!(
            slice.starts_with(first_line),
            "{}: {slice:?} vs {first_line:?}",
            r.file
        );
        if let Some(s) = &r.speaker {
            if let (Some(a), Some(b), Some(m)) = (s.start, s.end, &s.mention) {
                assert_eq!(&doc[a as usize..b as usize], m);
            }
        }
        let (line, col) = (r.line as usize, r.column as usize);
        let line_text = doc.lines().nth(line - 1).expect("line");
        let at: String = line_text
            .chars()
            .skip(col - 1)
            .take(first_line.chars().count())
            .collect();
        assert_eq!(
            at,
            first_line
                .chars()
                .take(at.chars().count())
                .collect::<String>()
        );
    }
}
