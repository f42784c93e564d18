//! The editor questions of `onrecord_engine::ide`, tested below the
//! protocol as texlab tests its features: each fixture is a few source
//! articles (`//- sources/…`) and a draft (`//- draft.md`) in which `|`
//! marks the cursor and a line of `^^^` marks the range the answer must
//! cover. What the engine answers is an `expect!` snapshot
//! (`UPDATE_EXPECT=1 cargo test --test ide` rewrites them; read the diff).
//!
//! The invented story: the council of Wendmere votes to close its library.

use expect_test::{expect, Expect};
use onrecord_engine::check::{self, Corpus, DraftReport};
use onrecord_engine::config::Config;
use onrecord_engine::corpus::{parse_document, Document, FileOffset, LoadOptions};
use onrecord_engine::engine;
use onrecord_engine::ide::{self, Target};
use onrecord_engine::ids::DocId;
use onrecord_engine::link::LinkOptions;
use std::fmt::Write as _;
use test_utils::{marked, MarkedFile};

const LIBRARY: &str = r#"
//- sources/courier.txt
Wendmere council votes to close the Mill Lane library

By Tomas Reyne, Wendmere Courier

WENDMERE — The town council voted six to three on Monday night to close the Mill Lane library at the end of the summer.

"Every child in this town deserves a room full of books and somebody who knows them," said Odile Marsh, who chairs the Friends of Mill Lane.

Council leader Bram Hollis said the building needed a new roof the town could not afford. "We are not closing a library, we are moving it into the school," Hollis said.

//- sources/wire.txt
Town votes to shut library

WENDMERE (Valley Wire) — Wendmere's council has voted to close its only public library.

Odile Marsh, who leads a campaign to save it, told the meeting: "Every child in this town deserves a room full of books and somebody who knows them."

Bram Hollis, the council leader, said the service would move into the primary school. "We are not closing a library, we are moving it into the school," he said.

//- sources/meeting.txt
Wendmere council meeting, Monday: public questions

ODILE MARSH: Every child in this town deserves a room full of books and somebody who knows them. I ask the council to think again.

BRAM HOLLIS: We are not closing a library, we are moving it into the school.

ODILE MARSH: Then the school had better have room for forty thousand books.
"#;

fn document(name: &str, text: &str) -> Document {
    let (doc, warnings) = parse_document(name, text.as_bytes(), None, &LoadOptions::default());
    assert!(warnings.is_empty(), "{name}: {warnings:?}");
    doc.unwrap_or_else(|| panic!("{name} is not an article"))
}

/// A fixture's linked corpus (completion needs the links), and its draft
/// with the draft's markers.
struct Fixture {
    corpus: Corpus,
    draft: Document,
    report: DraftReport,
    marks: MarkedFile,
}

impl Fixture {
    fn new(draft: &str) -> Fixture {
        let mut sources = Vec::new();
        let mut marks = None;
        for file in marked(&format!("{LIBRARY}{draft}")) {
            if file.path.starts_with("sources/") {
                sources.push(document(&file.path, &file.text));
            } else {
                marks = Some(file);
            }
        }
        let marks = marks.expect("a fixture needs a draft");
        let corpus = Corpus::new(engine::analyze(
            sources,
            Vec::new(),
            &LinkOptions::default(),
        ));
        let draft = document(&marks.path, &marks.text);
        let report = check::check(&corpus, &draft, &Config::default());
        Fixture {
            corpus,
            draft,
            report,
            marks,
        }
    }

    fn target(&self) -> Target<'_> {
        Target::Draft(&self.report)
    }

    fn cursor(&self) -> FileOffset {
        FileOffset::at(self.marks.cursor.expect("a `|` in the draft"))
    }

    /// The one `^^^` range of the draft.
    fn range(&self) -> (FileOffset, FileOffset) {
        let [(s, e)] = self.marks.ranges[..] else {
            panic!("one `^^^` range in the draft: {:?}", self.marks.ranges);
        };
        (FileOffset::at(s), FileOffset::at(e))
    }

    /// `file:line «words»` for a corpus place.
    fn place(&self, doc: DocId, start: FileOffset, end: FileOffset) -> String {
        let d = self.corpus.doc(doc);
        let words = d.raw()[start.as_usize()..end.as_usize()].replace('\n', " ");
        format!("{}:{} «{words}»", d.path, d.line_of(start))
    }
}

fn hover(draft: &str, expect: Expect) {
    let f = Fixture::new(draft);
    let h = ide::hover(&f.corpus, f.target(), f.cursor()).expect("a quotation at the cursor");
    assert_eq!(
        (h.open, h.close),
        f.range(),
        "the hover covers the quotation"
    );
    expect.assert_eq(&h.markdown);
}

#[test]
fn hover_names_the_speaker_and_lists_the_transcript_first() {
    hover(
        r#"
//- draft.md
The chair of the Friends of Mill Lane put it plainly: "Every child in this |town deserves a room full of books and somebody who knows them," Odile Marsh said.
                                                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
"#,
        expect![[r#"
            Said by **Odile Marsh**

            3 sources:
            - *Wendmere council meeting, Monday: public questions* — `meeting.txt:3` — transcript: Odile Marsh · primary
            - *Wendmere council votes to close the Mill Lane library* — `courier.txt:7` — Odile Marsh: “said Odile Marsh”
            - *Town votes to shut library* — `wire.txt:5` — Odile Marsh: “Odile Marsh, who leads a campaign to save it, told the meeting”
        "#]],
    );
}

#[test]
fn hover_shows_the_source_wording_with_the_changed_words_in_bold() {
    hover(
        r#"
//- draft.md
Hollis defended the plan. "We are not closing a library, we are |moving it into the college," he said.
                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
"#,
        expect![[r#"
            Said by **Bram Hollis** (Council leader)

            The sources have: “We are not closing a library, we are moving it into the **school**”

            3 sources:
            - *Wendmere council meeting, Monday: public questions* — `meeting.txt:5` — transcript: Bram Hollis · primary · different wording
            - *Wendmere council votes to close the Mill Lane library* — `courier.txt:9` — Bram Hollis: “Hollis said” · different wording
            - *Town votes to shut library* — `wire.txt:7` — Bram Hollis: “he said: he is Bram Hollis” (likely) · different wording
        "#]],
    );
}

#[test]
fn hover_says_when_the_text_credits_someone_the_sources_do_not() {
    hover(
        r#"
//- draft.md
"We are not closing a library, we are moving it |into the school," Odile Marsh said.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
"#,
        expect![[r#"
            Said by **Bram Hollis** (Council leader) · this text credits Odile Marsh

            3 sources:
            - *Wendmere council meeting, Monday: public questions* — `meeting.txt:5` — transcript: Bram Hollis · primary
            - *Wendmere council votes to close the Mill Lane library* — `courier.txt:9` — Bram Hollis: “Hollis said”
            - *Town votes to shut library* — `wire.txt:7` — Bram Hollis: “he said: he is Bram Hollis” (likely)
        "#]],
    );
}

#[test]
fn no_hover_outside_a_quotation() {
    let f = Fixture::new(
        r#"
//- draft.md
The vote |was six to three. "We are not closing a library, we are moving it into the school," Hollis said.
"#,
    );
    assert_eq!(ide::hover(&f.corpus, f.target(), f.cursor()), None);
    assert!(ide::sources_at(&f.corpus, f.target(), f.cursor()).is_empty());
}

#[test]
fn jumping_lists_every_report_primary_first() {
    let f = Fixture::new(
        r#"
//- draft.md
"Every child in this town |deserves a room full of books and somebody who knows them," Odile Marsh said.
"#,
    );
    let places = ide::sources_at(&f.corpus, f.target(), f.cursor());
    let mut out = String::new();
    for p in &places {
        let primary = if p.primary { " primary" } else { "" };
        writeln!(out, "{}{primary}", f.place(p.doc, p.start, p.end)).unwrap();
    }
    expect![[r#"
        sources/meeting.txt:3 «Every child in this town deserves a room full of books and somebody who knows them» primary
        sources/courier.txt:7 «Every child in this town deserves a room full of books and somebody who knows them»
        sources/wire.txt:5 «Every child in this town deserves a room full of books and somebody who knows them»
    "#]]
    .assert_eq(&out);
    // From a source article: the other places, the transcript first.
    let (doc, start) = (places[1].doc, places[1].start);
    let from_source = ide::sources_at(&f.corpus, Target::Source(doc), start);
    assert_eq!(from_source.len(), places.len() - 1, "{from_source:?}");
    assert!(from_source[0].primary, "{from_source:?}");
    assert!(from_source.iter().all(|p| p.doc != doc), "{from_source:?}");
}

#[test]
fn a_finding_points_to_the_sources_with_their_wording() {
    let f = Fixture::new(
        r#"
//- draft.md
"We are not closing a library, we are moving it into the college," Hollis said.
"#,
    );
    let finding = f
        .report
        .findings
        .first()
        .expect("the changed word is found");
    let mut out = String::new();
    for r in ide::related(&f.corpus, &f.report.quotes[finding.quote]) {
        writeln!(
            out,
            "{} — {}",
            f.place(r.place.doc, r.place.start, r.place.end),
            r.message
        )
        .unwrap();
    }
    expect![[r#"
        sources/meeting.txt:5 «We are not closing a library, we are moving it into the school» — Bram Hollis: “We are not closing a library, we are moving it into the school”
        sources/courier.txt:9 «We are not closing a library, we are moving it into the school» — Bram Hollis: “We are not closing a library, we are moving it into the school”
        sources/wire.txt:7 «We are not closing a library, we are moving it into the school» — Bram Hollis: “We are not closing a library, we are moving it into the school”
    "#]]
    .assert_eq(&out);
}

/// The draft with each hint written in at its place and each lens on a
/// line of its own above the quotation's line.
fn annotated(f: &Fixture) -> String {
    let raw = f.draft.raw();
    let mut hints = ide::inlay_hints(&f.corpus, f.target());
    hints.sort_by_key(|h| std::cmp::Reverse(h.at));
    let mut text = raw.to_string();
    for h in &hints {
        text.insert_str(h.at.as_usize(), &format!(" [{}]", h.label));
    }
    let mut out = String::new();
    for l in ide::lenses(&f.corpus, f.target()) {
        let (line, col) = f.draft.line_col(l.open);
        writeln!(out, "lens {line}:{col} {}", l.title).unwrap();
    }
    out + &text
}

#[test]
fn hints_name_the_speaker_and_lenses_count_the_sources() {
    let f = Fixture::new(
        r#"
//- draft.md
Wendmere will lose its library. "Every child in this town deserves a room full of books and somebody who knows them," a campaigner said.

"We are not closing a library, we are moving it into the school," the council leader said. He added: "The roof alone would cost more than the branch spends in ten years."

"Yes," he said.
"#,
    );
    expect![[r#"
        lens 1:33 3 sources · Odile Marsh
        lens 3:1 3 sources · Bram Hollis
        lens 3:102 no source
        Wendmere will lose its library. "Every child in this town deserves a room full of books and somebody who knows them," [— Odile Marsh] a campaigner said.

        "We are not closing a library, we are moving it into the school," [— Bram Hollis] the council leader said. He added: "The roof alone would cost more than the branch spends in ten years."

        "Yes," he said.
    "#]]
    .assert_eq(&annotated(&f));
}

#[test]
fn symbols_outline_the_draft_and_search_the_corpus() {
    let f = Fixture::new(
        r#"
//- draft.md
"We are not closing a library, we are moving it into the school," Hollis said.
"#,
    );
    let mut out = String::new();
    for s in ide::document_symbols(&f.corpus, f.target()) {
        writeln!(
            out,
            "draft {}-{} {} ({:?})",
            s.open, s.close, s.name, s.speaker
        )
        .unwrap();
    }
    for s in ide::workspace_symbols(&f.corpus, "marsh") {
        let doc = s.doc.expect("a corpus symbol names its article");
        writeln!(out, "{} {:?}", f.place(doc, s.open, s.close), s.speaker).unwrap();
    }
    expect![[r#"
        draft 0-65 “We are not closing a library, we are moving it into the scho…” (Some("Hollis"))
        sources/courier.txt:7 «"Every child in this town deserves a room full of books and somebody who knows them,"» Some("Odile Marsh")
        sources/wire.txt:5 «"Every child in this town deserves a room full of books and somebody who knows them."» Some("Odile Marsh")
        sources/meeting.txt:3 «ODILE MARSH: Every child in this town deserves a room full of books and somebody who knows them. I ask the council to think again.» Some("Odile Marsh")
        sources/meeting.txt:7 «ODILE MARSH: Then the school had better have room for forty thousand books.» Some("Odile Marsh")
    "#]]
    .assert_eq(&out);
}

#[test]
fn completion_offers_the_source_wording_and_its_attribution() {
    let f = Fixture::new(
        r#"
//- draft.md
Nothing yet.
"#,
    );
    let line = "At the meeting Marsh said: \u{201c}Every child in this to";
    let found = ide::completions(&f.corpus, line, 10).expect("an open quotation");
    assert_eq!(&line[found.typed_from..], "Every child in this to");
    let mut out = String::new();
    for c in &found.items {
        writeln!(out, "{} | {:?} | {}", c.label, c.speaker, c.insert).unwrap();
    }
    expect![[r#"
        Every child in this town deserves a room full of books and somebody wh… | Some("Odile Marsh") | Every child in this town deserves a room full of books and somebody who knows them,” Odile Marsh said.
        Every child in this town deserves a room full of books and somebody wh… | Some("Odile Marsh") | Every child in this town deserves a room full of books and somebody who knows them. I ask the council to think again,” Odile Marsh said.
    "#]]
    .assert_eq(&out);
    // A closed quotation, or one word, offers nothing.
    assert_eq!(
        ide::completions(&f.corpus, "\"Every child.\" Then", 10),
        None
    );
    let one_word = ide::completions(&f.corpus, "\"Every", 10).expect("an open quotation");
    assert!(one_word.items.is_empty(), "{one_word:?}");
}

#[test]
fn another_draft_quoting_the_same_words_is_found() {
    let f = Fixture::new(
        r#"
//- draft.md
"We are not closing a library, we are |moving it into the school," Hollis said. "Every child in this town deserves a room full of books and somebody who knows them," Marsh said.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
"#,
    );
    let places = ide::sources_at(&f.corpus, f.target(), f.cursor());
    assert_eq!(ide::quotes_sharing(&f.report, &places), vec![f.range()]);
}

/// The server checks drafts against the unlinked analysis first and puts
/// the links in later, through a shared reference, while requests read
/// it: before, a corpus quotation is found nowhere else and nothing is
/// offered as a completion; after, both are; and links are set only once.
#[test]
fn links_set_later_reach_jumps_and_completion() {
    let mut sources = Vec::new();
    for file in marked(LIBRARY) {
        sources.push(document(&file.path, &file.text));
    }
    let corpus = Corpus::new(engine::analyze_unlinked(sources, Vec::new()));
    let line = "\u{201c}Every child in this town";
    let wire = Target::Source(DocId(1));
    let at = corpus
        .doc(DocId(1))
        .raw()
        .find("Every child")
        .expect("the quotation") as u32;
    let offered = |c: &Corpus| ide::completions(c, line, 10).map_or(0, |f| f.items.len());
    assert_eq!(offered(&corpus), 0);
    assert!(ide::sources_at(&corpus, wire, FileOffset(at)).is_empty());

    let links = corpus.analysis.link(&LinkOptions::default());
    assert!(corpus.analysis.set_links(links.clone()));
    assert!(offered(&corpus) > 0);
    assert_eq!(ide::sources_at(&corpus, wire, FileOffset(at)).len(), 2);
    assert!(!corpus.analysis.set_links(links), "links are set once");
}
