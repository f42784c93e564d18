//! Data-driven tests of the draft checker. Each fixture is a small corpus
//! of source articles (`//- sources/….txt`) and one draft (`//- draft.md`),
//! in the inline multi-file format of `tests/fixtures.rs`. What the checker
//! makes of the draft is an `expect!` snapshot (`UPDATE_EXPECT=1 cargo test
//! --test check_fixtures` rewrites them; read the diff before keeping it).
//!
//! The snapshot lists every quotation of the draft, then every finding:
//!
//! ```text
//! line:col status kind «first words» draft: speaker; sources: speakers
//! ! line:col-line:col severity code «the draft's bytes start..end» message
//!     source file:line (speaker) “source wording”
//!     fix line:col-line:col "replacement"
//!     fixed: the draft line with the fix applied
//! ```
//!
//! Columns are 1-based characters (held to a count made by hand); a clean
//! quotation shows as `exact` or `unchecked` with no `!` line. Every fix of
//! every finding is also applied to the draft and the draft checked again:
//! the repairing fix must leave no finding of that code on the quotation,
//! and the disable comment must silence that code on that line and change
//! nothing else.
//!
//! The invented story: a dock strike in Callow, reported by a local paper,
//! a wire service and a community radio station.

use expect_test::{expect, Expect};
use onrecord_engine::check::{self, Corpus, DraftReport, Edit, Finding};
use onrecord_engine::config::{Code, Config};
use onrecord_engine::corpus::{parse_document, Document, FileOffset, LoadOptions};
use onrecord_engine::engine;
use onrecord_engine::ids::SpeakerId;
use test_utils::files;

fn document(name: &str, text: &str) -> Document {
    let (doc, warnings) = parse_document(name, text.as_bytes(), None, &LoadOptions::default());
    assert!(warnings.is_empty(), "{name}: {warnings:?}");
    doc.unwrap_or_else(|| panic!("{name} is not an article"))
}

/// The corpus of a fixture's `sources/` files and its draft.
fn load(fixture: &str) -> (Corpus, Document) {
    let mut sources = Vec::new();
    let mut draft = None;
    for (name, text) in files(fixture) {
        if name.starts_with("sources/") {
            sources.push(document(&name, &text));
        } else {
            assert!(draft.is_none(), "one draft per fixture");
            draft = Some(document(&name, &text));
        }
    }
    assert!(!sources.is_empty(), "a fixture needs sources");
    // The checker needs no links: it runs on the unlinked analysis, as
    // `onrecord check` does.
    let corpus = Corpus::new(engine::analyze_unlinked(sources, Vec::new()));
    (corpus, draft.expect("a fixture needs a draft"))
}

fn apply(text: &str, e: &Edit) -> String {
    let (s, t) = (e.start.as_usize(), e.end.as_usize());
    assert!(s <= t && t <= text.len(), "edit {e:?} outside the draft");
    assert!(
        text.is_char_boundary(s) && text.is_char_boundary(t),
        "{e:?}"
    );
    format!("{}{}{}", &text[..s], e.replacement, &text[t..])
}

fn line_text(doc: &Document, line: u32) -> &str {
    let s = doc.line_start(line).as_usize();
    let e = doc.line_start(line + 1).as_usize();
    doc.raw()[s..e].trim_end_matches(['\n', '\r'])
}

fn range(doc: &Document, start: FileOffset, end: FileOffset) -> String {
    let (l1, c1) = doc.line_col(start);
    let (l2, c2) = doc.line_col(end);
    format!("{l1}:{c1}-{l2}:{c2}")
}

/// Column of a file offset counted the slow way, to hold `line_col` to it.
fn column(raw: &str, at: FileOffset) -> u32 {
    let before = &raw[..at.as_usize()];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    before[line_start..].chars().count() as u32 + 1
}

fn speaker_name(corpus: &Corpus, s: SpeakerId) -> &str {
    &corpus.analysis.speaker(s).name
}

/// Every quotation of the draft (where, status, kind, words, who the draft
/// says said it, who the sources say), then every finding.
fn render(corpus: &Corpus, draft: &Document, report: &DraftReport) -> String {
    let a = &corpus.analysis;
    let mut out = String::new();
    for q in &report.quotes {
        let (l, c) = draft.line_col(q.open);
        let mut words: String = q.text.replace('\n', " ");
        if words.chars().count() > 48 {
            words = words.chars().take(47).collect::<String>() + "…";
        }
        let said_by: Vec<&str> = q.said_by.iter().map(|&s| speaker_name(corpus, s)).collect();
        out.push_str(&format!(
            "{l}:{c} {} {} «{words}» draft: {}; sources: {}\n",
            format!("{:?}", q.status).to_lowercase(),
            q.kind.as_str(),
            q.speaker.as_ref().map_or("?", |s| s.name.as_str()),
            if said_by.is_empty() {
                "?".to_string()
            } else {
                said_by.join(", ")
            },
        ));
    }
    for f in &report.findings {
        for at in [f.start, f.end] {
            assert_eq!(
                draft.line_col(at).1,
                column(draft.raw(), at),
                "column of {at}"
            );
        }
        out.push_str(&format!(
            "! {} {} {} «{}» {}\n",
            range(draft, f.start, f.end),
            f.severity.as_str(),
            f.code,
            &draft.raw()[f.start.as_usize()..f.end.as_usize()].replace('\n', " ¶ "),
            f.message
        ));
        for s in &report.quotes[f.quote].sources {
            let d = a.doc(s.doc);
            let who = s.speaker.map_or("?", |x| speaker_name(corpus, x));
            out.push_str(&format!(
                "    source {}:{} ({who}) “{}”\n",
                d.path,
                d.line_of(s.start),
                check::wording(corpus, s)
            ));
        }
        for fix in f.repairs() {
            let e = &fix.edit;
            out.push_str(&format!(
                "    fix {} {:?}\n",
                range(draft, e.start, e.end),
                e.replacement
            ));
            let fixed = document(&draft.path, &apply(draft.raw(), e));
            let line = fixed.line_of(e.start);
            out.push_str(&format!("    fixed: {}\n", line_text(&fixed, line)));
        }
    }
    out
}

/// Where the quotation that starts at `open` is after `e`.
fn shifted(open: FileOffset, e: &Edit) -> FileOffset {
    if e.end <= open {
        FileOffset(
            (i64::from(open.get()) + e.replacement.len() as i64 - i64::from(e.end - e.start))
                as u32,
        )
    } else {
        open
    }
}

/// Applies every fix of every finding and checks the draft again.
fn check_fixes(corpus: &Corpus, draft: &Document, config: &Config, report: &DraftReport) {
    for f in &report.findings {
        let disable = f.disable().expect("a disable fix");
        assert_eq!(
            disable.title,
            format!("Disable {} for this line", f.code),
            "the disable fix disables the check"
        );
        let repairs: Vec<&check::Fix> = f.repairs().collect();
        assert_eq!(
            repairs.len() + 1,
            f.fixes.len(),
            "one disable fix, every other fix a repair: {:?}",
            f.fixes
        );
        for fix in repairs.iter().copied().chain([disable]) {
            let fixed = document(&draft.path, &apply(draft.raw(), &fix.edit));
            let again = check::check(corpus, &fixed, config);
            let open = shifted(f.start, &fix.edit);
            let left: Vec<&Finding> = again
                .findings
                .iter()
                .filter(|g| g.code == f.code && g.start == open)
                .collect();
            assert!(
                left.is_empty(),
                "{} still reported after “{}”:\n{}",
                f.code,
                fix.title,
                fixed.raw()
            );
            if std::ptr::eq(fix, disable) {
                // The comment silences this code on this line, nothing else.
                let line = draft.line_of(f.start);
                let others = |r: &DraftReport| {
                    r.findings
                        .iter()
                        .filter(|g| !(g.code == f.code && draft.line_of(g.start) == line))
                        .count()
                };
                assert_eq!(
                    others(report),
                    again.findings.len(),
                    "“{}” changed other findings:\n{}",
                    fix.title,
                    fixed.raw()
                );
            }
        }
    }
}

fn check_with(fixture: &str, config: &Config, expect: Expect) {
    let (corpus, draft) = load(fixture);
    let report = check::check(&corpus, &draft, config);
    expect.assert_eq(&render(&corpus, &draft, &report));
    check_fixes(&corpus, &draft, config, &report);
}

fn check(fixture: &str, expect: Expect) {
    check_with(fixture, &Config::default(), expect);
}

fn config(toml: &str) -> Config {
    let mut c = Config::default();
    let skipped = c.apply_toml(toml).expect("valid settings");
    assert!(skipped.is_empty(), "{skipped:?}");
    c
}

// ---------------------------------------------------------------- a shared corpus

/// A dock strike in an invented port town, as three outlets reported it.
const DOCKS: &str = r#"
//- sources/gazette.txt
Callow dockworkers walk out over night-shift safety

By Petra Lusk, Callow Harbour Gazette

CALLOW — Dockworkers at the Port of Callow walked off the job on Thursday, leaving eleven container ships waiting in the bay, after talks on night-shift safety broke down for the third time this month.

"We will not unload a single ship until the safety rules are signed," said Imogen Thale, the general secretary of the Callow Dockworkers' Union.

Thale said the union had asked for floodlights on every berth and a second crane operator on each night crew. "The organisation of the night shifts put lives at risk, and everyone on the quay knew it," she said.

Port director Rafael Oduya said the strike was costing the port about two million a day. "Our door has been open since March, and it remains open tonight," Oduya said.

The port employs about 1,400 people. A hand-painted banner on the main gate carried the slogan "Safety first, ships second, profits last of all" in red letters.

A senior port official, who asked not to be named because the talks were confidential, said management would accept the lighting plan. "The second crane operator is where the money runs out," the official said.

//- sources/wire.txt
Strike shuts Port of Callow

CALLOW (Northern Wire) — A strike by dockworkers closed the Port of Callow on Thursday.

Imogen Thale, who leads the Callow Dockworkers' Union, told a rally at the main gate: "We will not unload a single ship until the safety rules are signed."

Rafael Oduya, the port's director, said management had offered to review lighting on the berths by the end of the year. "Our door has been open since March, and it remains open tonight," he said.

A spokesman for the regional transport ministry said the government was "watching closely" and urged both sides to return to talks, adding: "Nobody gains from ships sitting idle in the bay while the shelves empty in our shops."

//- sources/radio.txt
Callow port strike: union and management trade blame

Callow Community Radio

Union leader Imogen Thale said the dispute was about more than lighting. "For ten years the night crews have been told to wait for next year's budget, and next year never comes," Thale said. "The organisation of the night shifts put lives at risk, and everyone on the quay knew it."

Asked about the cost to local businesses, Rafael Oduya said the port would keep its promises to shippers. "We will honour every contract we have signed with our customers, strike or no strike," he said. "We are losing customers every hour the cranes stand still."
"#;

fn docks(draft: &str, expect: Expect) {
    check(&format!("{DOCKS}{draft}"), expect);
}

fn docks_with(config: &Config, draft: &str, expect: Expect) {
    check_with(&format!("{DOCKS}{draft}"), config, expect);
}

// ---------------------------------------------------------------- each code

#[test]
fn unattributed_quote_gets_the_speaker_of_the_sources() {
    docks(
        r#"
//- draft.md
# Callow port at a standstill

CALLOW — Eleven container ships were still waiting in the bay on Friday as the strike at the Port of Callow entered its second day.

"We will not unload a single ship until the safety rules are signed."

“Our door has been open since March, and it remains open tonight.”

Will the shelves stay stocked? "Nobody gains from ships sitting idle in the bay while the shelves empty in our shops!"

"We are losing customers every hour the cranes stand still"

"For ten years the night crews have been told to wait for next year's budget, and next year never comes".

"Safety first, ships second, profits last of all."
"#,
        expect![[r#"
            5:1 exact quote «We will not unload a single ship until the safe…» draft: ?; sources: Imogen Thale
            7:1 exact quote «Our door has been open since March, and it rema…» draft: ?; sources: Rafael Oduya
            9:32 exact quote «Nobody gains from ships sitting idle in the bay…» draft: ?; sources: regional transport ministry
            11:1 exact quote «We are losing customers every hour the cranes s…» draft: ?; sources: Rafael Oduya
            13:1 exact quote «For ten years the night crews have been told to…» draft: ?; sources: Imogen Thale
            15:1 exact quote «Safety first, ships second, profits last of all.» draft: ?; sources: ?
            ! 5:1-5:70 warning unattributed-quote «"We will not unload a single ship until the safety rules are signed."» Quotation has no attribution; the sources attribute it to Imogen Thale (sources/gazette.txt:7: “said Imogen Thale”).
                source sources/gazette.txt:7 (Imogen Thale) “We will not unload a single ship until the safety rules are signed”
                source sources/wire.txt:5 (Imogen Thale) “We will not unload a single ship until the safety rules are signed”
                fix 5:68-5:70 ",\" Imogen Thale said."
                fixed: "We will not unload a single ship until the safety rules are signed," Imogen Thale said.
            ! 7:1-7:67 warning unattributed-quote «“Our door has been open since March, and it remains open tonight.”» Quotation has no attribution; the sources attribute it to Rafael Oduya (sources/gazette.txt:11: “Oduya said”).
                source sources/gazette.txt:11 (Rafael Oduya) “Our door has been open since March, and it remains open tonight”
                source sources/wire.txt:7 (Rafael Oduya) “Our door has been open since March, and it remains open tonight”
                fix 7:65-7:67 ",” Rafael Oduya said."
                fixed: “Our door has been open since March, and it remains open tonight,” Rafael Oduya said.
            ! 9:32-9:119 warning unattributed-quote «"Nobody gains from ships sitting idle in the bay while the shelves empty in our shops!"» Quotation has no attribution; the sources attribute it to the regional transport ministry (sources/wire.txt:9: “the regional transport ministry said the government was "watching closely" and u…”).
                source sources/wire.txt:9 (regional transport ministry) “Nobody gains from ships sitting idle in the bay while the shelves empty in our shops”
                fix 9:119-9:119 " the regional transport ministry said."
                fixed: Will the shelves stay stocked? "Nobody gains from ships sitting idle in the bay while the shelves empty in our shops!" the regional transport ministry said.
            ! 11:1-11:60 warning unattributed-quote «"We are losing customers every hour the cranes stand still"» Quotation has no attribution; the sources suggest Rafael Oduya, without naming them at the words (sources/radio.txt:7: “he said: he is Rafael Oduya”).
                source sources/radio.txt:7 (Rafael Oduya) “We are losing customers every hour the cranes stand still”
            ! 13:1-13:105 warning unattributed-quote «"For ten years the night crews have been told to wait for next year's budget, and next year never comes"» Quotation has no attribution; the sources attribute it to Imogen Thale (sources/radio.txt:5: “Thale said”).
                source sources/radio.txt:5 (Imogen Thale) “For ten years the night crews have been told to wait for next year's budget, and next year never comes”
                fix 13:105-13:106 ", Imogen Thale said."
                fixed: "For ten years the night crews have been told to wait for next year's budget, and next year never comes", Imogen Thale said.
            ! 15:1-15:51 warning unattributed-quote «"Safety first, ships second, profits last of all."» Quotation has no attribution, and the sources name no speaker for it.
                source sources/gazette.txt:13 (?) “Safety first, ships second, profits last of all”
        "#]],
    );
}

#[test]
fn misquote_offers_the_source_wording() {
    docks(
        r#"
//- draft.md
# Callow port at a standstill

Port director Rafael Oduya struck a conciliatory note. "Our door has been open since January, and it remains open tonight," Oduya said.

"We will not unload one ship until the safety rules are signed," said Imogen Thale, the union's general secretary.

Thale told the rally: "Honestly, for ten years the night crews have been told to wait for next year's budget."

“We are losing customers every hour the cranes are still,” Oduya said.
"#,
        expect![[r#"
            3:56 differs quote «Our door has been open since January, and it re…» draft: Rafael Oduya; sources: Rafael Oduya
            5:1 differs quote «We will not unload one ship until the safety ru…» draft: Imogen Thale; sources: Imogen Thale
            7:23 differs quote «Honestly, for ten years the night crews have be…» draft: Imogen Thale; sources: Imogen Thale
            9:1 differs quote «We are losing customers every hour the cranes a…» draft: Rafael Oduya; sources: Rafael Oduya
            ! 3:56-3:124 warning misquote «"Our door has been open since January, and it remains open tonight,"» Wording differs from every source; sources/gazette.txt:11 has “Our door has been open since March, and it remains open tonight”.
                source sources/gazette.txt:11 (Rafael Oduya) “Our door has been open since March, and it remains open tonight”
                source sources/wire.txt:7 (Rafael Oduya) “Our door has been open since March, and it remains open tonight”
                fix 3:57-3:122 "Our door has been open since March, and it remains open tonight"
                fixed: Port director Rafael Oduya struck a conciliatory note. "Our door has been open since March, and it remains open tonight," Oduya said.
            ! 5:1-5:65 warning misquote «"We will not unload one ship until the safety rules are signed,"» Wording differs from every source; sources/gazette.txt:7 has “We will not unload a single ship until the safety rules are signed”.
                source sources/gazette.txt:7 (Imogen Thale) “We will not unload a single ship until the safety rules are signed”
                source sources/wire.txt:5 (Imogen Thale) “We will not unload a single ship until the safety rules are signed”
                fix 5:2-5:63 "We will not unload a single ship until the safety rules are signed"
                fixed: "We will not unload a single ship until the safety rules are signed," said Imogen Thale, the union's general secretary.
            ! 7:23-7:111 warning misquote «"Honestly, for ten years the night crews have been told to wait for next year's budget."» Wording differs from every source; sources/radio.txt:5 has “For ten years the night crews have been told to wait for next year's budget”.
                source sources/radio.txt:5 (Imogen Thale) “For ten years the night crews have been told to wait for next year's budget”
                fix 7:24-7:109 "For ten years the night crews have been told to wait for next year's budget"
                fixed: Thale told the rally: "For ten years the night crews have been told to wait for next year's budget."
            ! 9:1-9:59 warning misquote «“We are losing customers every hour the cranes are still,”» Wording differs from every source; sources/radio.txt:7 has “We are losing customers every hour the cranes stand still”.
                source sources/radio.txt:7 (Rafael Oduya) “We are losing customers every hour the cranes stand still”
                fix 9:2-9:57 "We are losing customers every hour the cranes stand still"
                fixed: “We are losing customers every hour the cranes stand still,” Oduya said.
        "#]],
    );
}

#[test]
fn misattributed_quote_offers_the_speaker_of_the_sources() {
    docks(
        r#"
//- draft.md
# Callow port at a standstill

"Our door has been open since March, and it remains open tonight," Thale said.

Oduya said: "The organisation of the night shifts put lives at risk, and everyone on the quay knew it."

"We will honour every contract we have signed with our customers, strike or no strike," said Imogen Thale.

"The second crane operator is where the money runs out," Oduya told reporters.
"#,
        expect![[r#"
            3:1 exact quote «Our door has been open since March, and it rema…» draft: Imogen Thale; sources: Rafael Oduya
            5:13 exact quote «The organisation of the night shifts put lives …» draft: Oduya; sources: Imogen Thale
            7:1 exact quote «We will honour every contract we have signed wi…» draft: Imogen Thale; sources: Rafael Oduya
            9:1 exact quote «The second crane operator is where the money ru…» draft: Oduya; sources: senior port official
            ! 3:1-3:67 warning misattributed-quote «"Our door has been open since March, and it remains open tonight,"» Attributed to Imogen Thale, but the sources attribute these words to Rafael Oduya (sources/gazette.txt:11: “Oduya said”).
                source sources/gazette.txt:11 (Rafael Oduya) “Our door has been open since March, and it remains open tonight”
                source sources/wire.txt:7 (Rafael Oduya) “Our door has been open since March, and it remains open tonight”
                fix 3:68-3:73 "Rafael Oduya"
                fixed: "Our door has been open since March, and it remains open tonight," Rafael Oduya said.
            ! 5:13-5:104 warning misattributed-quote «"The organisation of the night shifts put lives at risk, and everyone on the quay knew it."» Attributed to Oduya, but the sources attribute these words to Imogen Thale (sources/radio.txt:5: “Thale said”).
                source sources/gazette.txt:9 (Imogen Thale) “The organisation of the night shifts put lives at risk, and everyone on the quay knew it”
                source sources/radio.txt:5 (Imogen Thale) “The organisation of the night shifts put lives at risk, and everyone on the quay knew it”
                fix 5:1-5:6 "Imogen Thale"
                fixed: Imogen Thale said: "The organisation of the night shifts put lives at risk, and everyone on the quay knew it."
        "#]],
    );
}

#[test]
fn unknown_quote_is_information_with_no_repair() {
    docks(
        r#"
//- draft.md
# Callow port at a standstill

"We will raise wages for every crane operator by ten per cent next spring," said Rafael Oduya.

Shipping agents in the town were less sure of a quick end to the dispute.

"The harbour master has promised to close the bay to all traffic after dark."
"#,
        expect![[r#"
            3:1 unknown quote «We will raise wages for every crane operator by…» draft: Rafael Oduya; sources: ?
            7:1 unknown quote «The harbour master has promised to close the ba…» draft: ?; sources: ?
            ! 3:1-3:76 information unknown-quote «"We will raise wages for every crane operator by ten per cent next spring,"» Quotation appears in no source article.
            ! 7:1-7:78 warning unattributed-quote «"The harbour master has promised to close the bay to all traffic after dark."» Quotation has no attribution, and the sources name no speaker for it.
            ! 7:1-7:78 information unknown-quote «"The harbour master has promised to close the bay to all traffic after dark."» Quotation appears in no source article.
        "#]],
    );
}

// ---------------------------------------------------------------- clean drafts

#[test]
fn correctly_attributed_exact_quotes_are_clean() {
    docks(
        r#"
//- draft.md
# Callow port at a standstill

"We will not unload a single ship until the safety rules are signed," said Imogen Thale, the general secretary of the Callow Dockworkers' Union.

Port director Rafael Oduya said: "Our door has been open since March, and it remains open tonight."

"We are losing customers every hour the cranes stand still," Oduya said.

The union said "the organisation of the night shifts put lives at risk, and everyone on the quay knew it."

"The second crane operator is where the money runs out," a senior port official said.
"#,
        expect![[r#"
            3:1 exact quote «We will not unload a single ship until the safe…» draft: Imogen Thale; sources: Imogen Thale
            5:34 exact quote «Our door has been open since March, and it rema…» draft: Rafael Oduya; sources: Rafael Oduya
            7:1 exact quote «We are losing customers every hour the cranes s…» draft: Rafael Oduya; sources: Rafael Oduya
            9:16 exact quote «the organisation of the night shifts put lives …» draft: union; sources: Imogen Thale
            11:1 exact quote «The second crane operator is where the money ru…» draft: senior port official; sources: senior port official
        "#]],
    );
}

#[test]
fn pronoun_in_the_sentence_after_the_name_is_clean() {
    docks(
        r#"
//- draft.md
# Callow port at a standstill

Imogen Thale, who leads the Callow Dockworkers' Union, addressed a rally at the main gate on Friday morning. "For ten years the night crews have been told to wait for next year's budget, and next year never comes," she said.

Rafael Oduya met shipping agents in the afternoon. "We will honour every contract we have signed with our customers, strike or no strike," he said.
"#,
        expect![[r#"
            3:110 exact quote «For ten years the night crews have been told to…» draft: Imogen Thale; sources: Imogen Thale
            5:52 exact quote «We will honour every contract we have signed wi…» draft: Rafael Oduya; sources: Rafael Oduya
        "#]],
    );
}

#[test]
fn quote_paragraph_after_a_naming_sentence_is_clean() {
    docks(
        r#"
//- draft.md
# Callow port at a standstill

Rafael Oduya, the port's director, said management had offered to review lighting on the berths by the end of the year.

"Our door has been open since March, and it remains open tonight."

Imogen Thale, the union's general secretary, insisted that lighting was not enough.

"The organisation of the night shifts put lives at risk, and everyone on the quay knew it."
"#,
        expect![[r#"
            5:1 exact quote «Our door has been open since March, and it rema…» draft: Rafael Oduya; sources: Rafael Oduya
            9:1 exact quote «The organisation of the night shifts put lives …» draft: Imogen Thale; sources: Imogen Thale
        "#]],
    );
}

#[test]
fn quotes_in_code_are_not_checked() {
    docks(
        r#"
//- draft.md
# Callow port at a standstill

The union's statement opened with `"We will not unload a single ship until the safety rules are signed"` in bold.

```
"Our door has been open since January, and it remains open tonight," Thale said.
```

~~~text
"We will raise wages for every crane operator by ten per cent next spring."
~~~

The talks resume on Monday. "We are losing customers every hour the cranes stand still," Oduya said.
"#,
        expect![[r#"
            13:29 exact quote «We are losing customers every hour the cranes s…» draft: Oduya; sources: Rafael Oduya
        "#]],
    );
}

#[test]
fn disable_next_line_silences_one_line() {
    docks(
        r#"
//- draft.md
# Callow port at a standstill

<!-- onrecord-disable-next-line -->
"We will raise wages for every crane operator by ten per cent next spring," said Rafael Oduya.

"We will raise wages for every crane operator by ten per cent next spring," said Rafael Oduya.
"#,
        expect![[r#"
            4:1 unknown quote «We will raise wages for every crane operator by…» draft: Rafael Oduya; sources: ?
            6:1 unknown quote «We will raise wages for every crane operator by…» draft: Rafael Oduya; sources: ?
            ! 6:1-6:76 information unknown-quote «"We will raise wages for every crane operator by ten per cent next spring,"» Quotation appears in no source article.
        "#]],
    );
}

#[test]
fn disable_region_silences_every_line_until_enable_or_the_end() {
    docks(
        r#"
//- draft.md
# Callow port at a standstill

<!-- onrecord-disable -->
"We will raise wages for every crane operator by ten per cent next spring," said Rafael Oduya.

"Our door has been open since January, and it remains open tonight," Thale said.
<!-- onrecord-enable -->

"Our door has been open since January, and it remains open tonight," Thale said.

<!-- onrecord-disable unknown-quote -->
A region left open runs to the end of the draft.

"We will raise wages for every crane operator by ten per cent next spring," said Rafael Oduya.
"#,
        expect![[r#"
            4:1 unknown quote «We will raise wages for every crane operator by…» draft: Rafael Oduya; sources: ?
            6:1 differs quote «Our door has been open since January, and it re…» draft: Thale; sources: Rafael Oduya
            9:1 differs quote «Our door has been open since January, and it re…» draft: Thale; sources: Rafael Oduya
            14:1 unknown quote «We will raise wages for every crane operator by…» draft: Rafael Oduya; sources: ?
            ! 9:1-9:69 warning misquote «"Our door has been open since January, and it remains open tonight,"» Wording differs from every source; sources/gazette.txt:11 has “Our door has been open since March, and it remains open tonight”.
                source sources/gazette.txt:11 (Rafael Oduya) “Our door has been open since March, and it remains open tonight”
                source sources/wire.txt:7 (Rafael Oduya) “Our door has been open since March, and it remains open tonight”
                fix 9:2-9:67 "Our door has been open since March, and it remains open tonight"
                fixed: "Our door has been open since March, and it remains open tonight," Thale said.
            ! 9:1-9:69 warning misattributed-quote «"Our door has been open since January, and it remains open tonight,"» Attributed to Thale, but the sources attribute these words to Rafael Oduya (sources/gazette.txt:11: “Oduya said”).
                source sources/gazette.txt:11 (Rafael Oduya) “Our door has been open since March, and it remains open tonight”
                source sources/wire.txt:7 (Rafael Oduya) “Our door has been open since March, and it remains open tonight”
                fix 9:70-9:75 "Rafael Oduya"
                fixed: "Our door has been open since January, and it remains open tonight," Rafael Oduya said.
        "#]],
    );
}

#[test]
fn disable_with_a_code_silences_that_code_only() {
    docks(
        r#"
//- draft.md
# Callow port at a standstill

<!-- onrecord-disable-next-line misquote -->
"Our door has been open since January, and it remains open tonight," Oduya said.

<!-- onrecord-disable-next-line misquote -->
"Our door has been open since January, and it remains open tonight," Thale said.

<!-- onrecord-disable misattributed-quote unknown-quote -->
"Our door has been open since January, and it remains open tonight," Thale said.
<!-- onrecord-enable -->
"#,
        expect![[r#"
            4:1 differs quote «Our door has been open since January, and it re…» draft: Oduya; sources: Rafael Oduya
            7:1 differs quote «Our door has been open since January, and it re…» draft: Thale; sources: Rafael Oduya
            10:1 differs quote «Our door has been open since January, and it re…» draft: Thale; sources: Rafael Oduya
            ! 7:1-7:69 warning misattributed-quote «"Our door has been open since January, and it remains open tonight,"» Attributed to Thale, but the sources attribute these words to Rafael Oduya (sources/gazette.txt:11: “Oduya said”).
                source sources/gazette.txt:11 (Rafael Oduya) “Our door has been open since March, and it remains open tonight”
                source sources/wire.txt:7 (Rafael Oduya) “Our door has been open since March, and it remains open tonight”
                fix 7:70-7:75 "Rafael Oduya"
                fixed: "Our door has been open since January, and it remains open tonight," Rafael Oduya said.
            ! 10:1-10:69 warning misquote «"Our door has been open since January, and it remains open tonight,"» Wording differs from every source; sources/gazette.txt:11 has “Our door has been open since March, and it remains open tonight”.
                source sources/gazette.txt:11 (Rafael Oduya) “Our door has been open since March, and it remains open tonight”
                source sources/wire.txt:7 (Rafael Oduya) “Our door has been open since March, and it remains open tonight”
                fix 10:2-10:67 "Our door has been open since March, and it remains open tonight"
                fixed: "Our door has been open since March, and it remains open tonight," Thale said.
        "#]],
    );
}

#[test]
fn scare_quote_fragments_are_not_checked() {
    docks(
        r#"
//- draft.md
# Callow port at a standstill

The transport ministry said it was "watching closely", while the union dismissed the lighting review as "safety theatre" and a "stunt".
"#,
        expect![[r#"
            3:36 unchecked fragment «watching closely» draft: transport ministry; sources: ?
            3:105 unchecked fragment «safety theatre» draft: transport ministry; sources: ?
            3:128 unchecked fragment «stunt» draft: transport ministry; sources: ?
        "#]],
    );
}

#[test]
fn ellipsis_may_leave_out_source_words() {
    docks(
        r#"
//- draft.md
# Callow port at a standstill

"For ten years the night crews have been told to wait ... and next year never comes," Thale said.

"We will honour every contract … strike or no strike," Oduya said.

"... the night shifts put lives at risk, and everyone on the quay knew it," Thale said.

"We will not unload a single ship until the [...] rules are signed," Thale said.

"Our door has been open since April ... tonight," Oduya said.
"#,
        expect![[r#"
            3:1 exact quote «For ten years the night crews have been told to…» draft: Thale; sources: Imogen Thale
            5:1 exact quote «We will honour every contract … strike or no st…» draft: Oduya; sources: Rafael Oduya
            7:1 exact quote «... the night shifts put lives at risk, and eve…» draft: Thale; sources: Imogen Thale
            9:1 exact quote «We will not unload a single ship until the [...…» draft: Thale; sources: Imogen Thale
            11:1 differs quote «Our door has been open since April ... tonight,» draft: Oduya; sources: Rafael Oduya
            ! 11:1-11:50 warning misquote «"Our door has been open since April ... tonight,"» Wording differs from every source; sources/gazette.txt:11 has “Our door has been open since”.
                source sources/gazette.txt:11 (Rafael Oduya) “Our door has been open since”
                source sources/wire.txt:7 (Rafael Oduya) “Our door has been open since”
        "#]],
    );
}

#[test]
fn curly_marks_and_british_spellings_are_the_same_words() {
    docks(
        r#"
//- draft.md
# Callow port at a standstill

“The organization of the night shifts put lives at risk, and everyone on the quay knew it,” Thale said.

“We will honor every contract we’ve signed with our customers, strike or no strike,” Oduya said.

Thale added: ‘For ten years the night crews have been told to wait for next year’s budget, and next year never comes.’
"#,
        expect![[r#"
            3:1 exact quote «The organization of the night shifts put lives …» draft: Thale; sources: Imogen Thale
            5:1 exact quote «We will honor every contract we’ve signed with …» draft: Oduya; sources: Rafael Oduya
            7:14 exact quote «For ten years the night crews have been told to…» draft: Thale; sources: Imogen Thale
        "#]],
    );
}

// ---------------------------------------------------------------- settings

const SEVERITY_DRAFT: &str = r#"
//- draft.md
# Callow port at a standstill

"Our door has been open since January, and it remains open tonight," Oduya said.

"We will raise wages for every crane operator by ten per cent next spring," said Rafael Oduya.
"#;

#[test]
fn severity_off_drops_the_finding() {
    docks_with(
        &config("[check.severity]\nmisquote = \"off\"\n"),
        SEVERITY_DRAFT,
        expect![[r#"
            3:1 differs quote «Our door has been open since January, and it re…» draft: Rafael Oduya; sources: Rafael Oduya
            5:1 unknown quote «We will raise wages for every crane operator by…» draft: Rafael Oduya; sources: ?
            ! 5:1-5:76 information unknown-quote «"We will raise wages for every crane operator by ten per cent next spring,"» Quotation appears in no source article.
        "#]],
    );
}

#[test]
fn severity_setting_changes_the_level() {
    docks_with(
        &config("[check.severity]\nmisquote = \"error\"\nunknown-quote = \"warning\"\n"),
        SEVERITY_DRAFT,
        expect![[r#"
            3:1 differs quote «Our door has been open since January, and it re…» draft: Rafael Oduya; sources: Rafael Oduya
            5:1 unknown quote «We will raise wages for every crane operator by…» draft: Rafael Oduya; sources: ?
            ! 3:1-3:69 error misquote «"Our door has been open since January, and it remains open tonight,"» Wording differs from every source; sources/gazette.txt:11 has “Our door has been open since March, and it remains open tonight”.
                source sources/gazette.txt:11 (Rafael Oduya) “Our door has been open since March, and it remains open tonight”
                source sources/wire.txt:7 (Rafael Oduya) “Our door has been open since March, and it remains open tonight”
                fix 3:2-3:67 "Our door has been open since March, and it remains open tonight"
                fixed: "Our door has been open since March, and it remains open tonight," Oduya said.
            ! 5:1-5:76 warning unknown-quote «"We will raise wages for every crane operator by ten per cent next spring,"» Quotation appears in no source article.
        "#]],
    );
}

#[test]
fn min_words_leaves_short_quotations_unchecked() {
    // The misquote has 12 words and the invented quotation 14: with a
    // floor of 13 only the second is checked.
    docks_with(
        &config("[check]\nmin_words = 13\n"),
        SEVERITY_DRAFT,
        expect![[r#"
            3:1 unchecked quote «Our door has been open since January, and it re…» draft: Rafael Oduya; sources: ?
            5:1 unknown quote «We will raise wages for every crane operator by…» draft: Rafael Oduya; sources: ?
            ! 5:1-5:76 information unknown-quote «"We will raise wages for every crane operator by ten per cent next spring,"» Quotation appears in no source article.
        "#]],
    );
}

// ---------------------------------------------------------------- regressions

/// Caught: the quick fix put a new comment line between an existing
/// `disable-next-line misquote` comment and its line, so applying it
/// brought the silenced misquote back.
#[test]
fn disable_fix_adds_its_code_to_the_comment_above() {
    let fixture = format!(
        "{DOCKS}{}",
        r#"
//- draft.md
# Callow port at a standstill

<!-- onrecord-disable-next-line misquote -->
"Our door has been open since January, and it remains open tonight," Thale said.
"#
    );
    let (corpus, draft) = load(&fixture);
    let report = check::check(&corpus, &draft, &Config::default());
    let codes: Vec<Code> = report.findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, [Code::MisattributedQuote]);
    let disable = report.findings[0].disable().expect("a disable fix");
    let fixed = apply(draft.raw(), &disable.edit);
    assert!(
        fixed.contains(
            "<!-- onrecord-disable-next-line misquote misattributed-quote -->\n\"Our door"
        ),
        "{fixed}"
    );
    let fixed = document("draft.md", &fixed);
    assert!(check::check(&corpus, &fixed, &Config::default())
        .findings
        .is_empty());
}

/// Caught: `"…," read a note …` was offered `"…," X said. read a note …`.
#[test]
fn no_attribution_fix_where_the_sentence_goes_on() {
    docks(
        r#"
//- draft.md
# Callow port at a standstill

"The second crane operator is where the money runs out," read a note pinned to the union's office door.

"Will the port reopen before the shelves are empty?" asked a placard at the gate, above the slogan "Nobody gains from ships sitting idle in the bay while the shelves empty in our shops!" in red.

"Nobody gains from ships sitting idle in the bay while the shelves empty in our shops!" The union printed it on every placard.
"#,
        expect![[r#"
            3:1 exact quote «The second crane operator is where the money ru…» draft: ?; sources: senior port official
            5:1 unknown quote «Will the port reopen before the shelves are emp…» draft: ?; sources: ?
            5:100 exact quote «Nobody gains from ships sitting idle in the bay…» draft: ?; sources: regional transport ministry
            7:1 exact quote «Nobody gains from ships sitting idle in the bay…» draft: ?; sources: regional transport ministry
            ! 5:1-5:53 information unknown-quote «"Will the port reopen before the shelves are empty?"» Quotation appears in no source article.
            ! 5:100-5:187 warning unattributed-quote «"Nobody gains from ships sitting idle in the bay while the shelves empty in our shops!"» Quotation has no attribution; the sources attribute it to the regional transport ministry (sources/wire.txt:9: “the regional transport ministry said the government was "watching closely" and u…”).
                source sources/wire.txt:9 (regional transport ministry) “Nobody gains from ships sitting idle in the bay while the shelves empty in our shops”
            ! 7:1-7:88 warning unattributed-quote «"Nobody gains from ships sitting idle in the bay while the shelves empty in our shops!"» Quotation has no attribution; the sources attribute it to the regional transport ministry (sources/wire.txt:9: “the regional transport ministry said the government was "watching closely" and u…”).
                source sources/wire.txt:9 (regional transport ministry) “Nobody gains from ships sitting idle in the bay while the shelves empty in our shops”
                fix 7:88-7:88 " the regional transport ministry said."
                fixed: "Nobody gains from ships sitting idle in the bay while the shelves empty in our shops!" the regional transport ministry said. The union printed it on every placard.
        "#]],
    );
}

/// Caught: a description of an organisation took `a`: "a regional
/// transport ministry said".
#[test]
fn unnamed_organisation_is_named_with_the() {
    docks(
        r#"
//- draft.md
# Callow port at a standstill

"Nobody gains from ships sitting idle in the bay while the shelves empty in our shops," Oduya said.
"#,
        expect![[r#"
            3:1 exact quote «Nobody gains from ships sitting idle in the bay…» draft: Oduya; sources: regional transport ministry
        "#]],
    );
}

/// Caught: the disable comment ended with `\n` in a CRLF draft.
#[test]
fn crlf_draft_keeps_its_line_endings() {
    let fixture = format!(
        "{DOCKS}{}",
        "\n//- draft.md\n# Callow\n\n\"We will raise wages for every crane operator by ten per cent next spring,\" said Rafael Oduya.\n"
            .replace('\n', "\r\n")
    );
    let (corpus, draft) = load(&fixture);
    let report = check::check(&corpus, &draft, &Config::default());
    assert_eq!(report.findings.len(), 1);
    let f = &report.findings[0];
    assert_eq!(f.code, Code::UnknownQuote);
    assert_eq!(draft.line_col(f.start), (3, 1));
    let disable = &f.disable().expect("a disable fix").edit;
    assert_eq!(
        disable.replacement,
        "<!-- onrecord-disable-next-line unknown-quote -->\r\n"
    );
    check_fixes(&corpus, &draft, &Config::default(), &report);
}

/// Caught: a misquote whose first or last word differs was offered the
/// source wording without that word (`"… the cranes stand," Oduya said.`),
/// and its message quoted the source cut short.
#[test]
fn misquote_fix_replaces_a_differing_first_or_last_word() {
    docks(
        r#"
//- draft.md
# Callow port at a standstill

"We are losing customers every hour the cranes stand idle," Oduya said.

"Their door has been open since March, and it remains open tonight," Oduya said.

"We will not unload a single ship until the safety rules are signed, whatever it costs," Thale said.
"#,
        expect![[r#"
            3:1 differs quote «We are losing customers every hour the cranes s…» draft: Oduya; sources: Rafael Oduya
            5:1 differs quote «Their door has been open since March, and it re…» draft: Oduya; sources: Rafael Oduya
            7:1 differs quote «We will not unload a single ship until the safe…» draft: Thale; sources: Imogen Thale
            ! 3:1-3:60 warning misquote «"We are losing customers every hour the cranes stand idle,"» Wording differs from every source; sources/radio.txt:7 has “We are losing customers every hour the cranes stand still”.
                source sources/radio.txt:7 (Rafael Oduya) “We are losing customers every hour the cranes stand still”
                fix 3:2-3:58 "We are losing customers every hour the cranes stand still"
                fixed: "We are losing customers every hour the cranes stand still," Oduya said.
            ! 5:1-5:69 warning misquote «"Their door has been open since March, and it remains open tonight,"» Wording differs from every source; sources/gazette.txt:11 has “Our door has been open since March, and it remains open tonight”.
                source sources/gazette.txt:11 (Rafael Oduya) “Our door has been open since March, and it remains open tonight”
                source sources/wire.txt:7 (Rafael Oduya) “Our door has been open since March, and it remains open tonight”
                fix 5:2-5:67 "Our door has been open since March, and it remains open tonight"
                fixed: "Our door has been open since March, and it remains open tonight," Oduya said.
            ! 7:1-7:89 warning misquote «"We will not unload a single ship until the safety rules are signed, whatever it costs,"» Wording differs from every source; sources/gazette.txt:7 has “We will not unload a single ship until the safety rules are signed”.
                source sources/gazette.txt:7 (Imogen Thale) “We will not unload a single ship until the safety rules are signed”
                source sources/wire.txt:5 (Imogen Thale) “We will not unload a single ship until the safety rules are signed”
                fix 7:2-7:87 "We will not unload a single ship until the safety rules are signed"
                fixed: "We will not unload a single ship until the safety rules are signed," Thale said.
        "#]],
    );
}

/// Caught: an ellipsis over more source words than follow it in the draft
/// was a misquote, with a fix that dropped the words after the ellipsis.
#[test]
fn ellipsis_over_a_long_omission_before_a_short_tail() {
    docks(
        r#"
//- draft.md
# Callow port at a standstill

"Our door has been open since March ... tonight," Oduya said.

"For ten years the night crews have been told to wait … never comes," Thale said.
"#,
        expect![[r#"
            3:1 exact quote «Our door has been open since March ... tonight,» draft: Oduya; sources: Rafael Oduya
            5:1 exact quote «For ten years the night crews have been told to…» draft: Thale; sources: Imogen Thale
        "#]],
    );
}

// ---------------------------------------------------------------- precision on correct copy

#[test]
fn a_draft_may_join_the_halves_of_a_split_quotation() {
    docks(
        r#"
//- draft.md
# Callow port at a standstill

"For ten years the night crews have been told to wait for next year's budget, and next year never comes. The organisation of the night shifts put lives at risk, and everyone on the quay knew it," Thale said.
"#,
        expect![[r#"
            3:1 exact quote «For ten years the night crews have been told to…» draft: Thale; sources: Imogen Thale
        "#]],
    );
}

#[test]
fn a_pronoun_in_the_draft_after_a_lone_surname_is_attributed() {
    docks(
        r#"
//- draft.md
# Callow port at a standstill

Oduya spoke to reporters at the gate on Thursday. "Our door has been open since March, and it remains open tonight," he said.

Nobody was named in the next sentence. "We are losing customers every hour the cranes stand still," she said.
"#,
        expect![[r#"
            3:51 exact quote «Our door has been open since March, and it rema…» draft: Oduya; sources: Rafael Oduya
            5:40 exact quote «We are losing customers every hour the cranes s…» draft: ?; sources: Rafael Oduya
        "#]],
    );
}

#[test]
fn a_source_that_only_describes_the_speaker_is_no_conflict() {
    docks(
        r#"
//- draft.md
# Callow port at a standstill

"The second crane operator is where the money runs out," port director Rafael Oduya said.
"#,
        expect![[r#"
            3:1 exact quote «The second crane operator is where the money ru…» draft: Rafael Oduya; sources: senior port official
        "#]],
    );
}

#[test]
fn two_people_who_share_a_surname_are_told_apart_by_the_full_name() {
    check(
        r#"
//- sources/a.txt
Senator Jo Marsh spoke at the rally. "We will not let this mill close while I hold this seat," Jo Marsh said.

Her husband, Tom Marsh, was less certain. "Nobody can promise that the mill stays open for ever," Tom Marsh said.

//- draft.md
"We will not let this mill close while I hold this seat," Tom Marsh said.

"Nobody can promise that the mill stays open for ever," Marsh said.
"#,
        expect![[r#"
            1:1 exact quote «We will not let this mill close while I hold th…» draft: Tom Marsh; sources: Jo Marsh
            3:1 exact quote «Nobody can promise that the mill stays open for…» draft: Tom Marsh; sources: Tom Marsh
            ! 1:1-1:58 warning misattributed-quote «"We will not let this mill close while I hold this seat,"» Attributed to Tom Marsh, but the sources attribute these words to Jo Marsh (sources/a.txt:1: “Jo Marsh said”).
                source sources/a.txt:1 (Jo Marsh) “We will not let this mill close while I hold this seat”
                fix 1:59-1:68 "Jo Marsh"
                fixed: "We will not let this mill close while I hold this seat," Jo Marsh said.
        "#]],
    );
}

#[test]
fn sources_that_disagree_are_listed_without_a_fix() {
    check(
        r#"
//- sources/a.txt
"The harbour will reopen on Monday at the latest," said Ana Vidal, the port's director.

//- sources/b.txt
"The harbour will reopen on Monday at the latest," said Ivo Marek, the mayor.

//- draft.md
"The harbour will reopen on Monday at the latest," Petra Lusk said.
"#,
        expect![[r#"
            1:1 exact quote «The harbour will reopen on Monday at the latest,» draft: Petra Lusk; sources: Ana Vidal, Ivo Marek
            ! 1:1-1:51 warning misattributed-quote «"The harbour will reopen on Monday at the latest,"» Attributed to Petra Lusk, but the sources attribute these words to others, and disagree among themselves: Ana Vidal (sources/a.txt:1: “said Ana Vidal”); Ivo Marek (sources/b.txt:1: “said Ivo Marek”).
                source sources/a.txt:1 (Ana Vidal) “The harbour will reopen on Monday at the latest”
                source sources/b.txt:1 (Ivo Marek) “The harbour will reopen on Monday at the latest”
        "#]],
    );
}

#[test]
fn either_of_two_joint_speakers_may_be_named() {
    check(
        r#"
//- sources/a.txt
Councillor Ivo Marek and union leader Imogen Thale wrote to the mayor on Monday. "The letter raises more questions than it answers," Marek and Thale wrote.

//- draft.md
"The letter raises more questions than it answers," Thale said.

"The letter raises more questions than it answers," Petra Lusk said.
"#,
        expect![[r#"
            1:1 exact quote «The letter raises more questions than it answer…» draft: Thale; sources: Ivo Marek and Imogen Thale
            3:1 exact quote «The letter raises more questions than it answer…» draft: Petra Lusk; sources: Ivo Marek and Imogen Thale
            ! 3:1-3:52 warning misattributed-quote «"The letter raises more questions than it answers,"» Attributed to Petra Lusk, but the sources attribute these words to Ivo Marek and Imogen Thale (sources/a.txt:1: “Marek and Thale wrote”).
                source sources/a.txt:1 (Ivo Marek and Imogen Thale) “The letter raises more questions than it answers”
                fix 3:53-3:63 "Ivo Marek and Imogen Thale"
                fixed: "The letter raises more questions than it answers," Ivo Marek and Imogen Thale said.
        "#]],
    );
}

/// Caught on real news: a show's title inside the attribution between the
/// halves (`said on Radio Callow's "Morning Desk."`) made the joined
/// quotation a misquote.
#[test]
fn a_title_in_the_attribution_of_a_split_quotation() {
    check(
        r#"
//- sources/a.txt
"The cranes will stand still until the rules are signed," Thale, the union leader, said on Radio Callow's "Morning Desk." "We have waited long enough for the port to listen."

//- draft.md
"The cranes will stand still until the rules are signed. We have waited long enough for the port to listen," Thale said.
"#,
        expect![[r#"
            1:1 exact quote «The cranes will stand still until the rules are…» draft: Thale; sources: Thale
        "#]],
    );
}

/// A group (`Fellow Republicans`) is not a person the draft's name can
/// contradict, and the same person's name with or without a middle
/// initial's period is one name.
#[test]
fn groups_and_initials_do_not_contradict_a_named_speaker() {
    check(
        r#"
//- sources/a.txt
Fellow Conservatives have said the same. "The port needs new rules before the winter storms," Conservatives said in a joint letter.

"We have waited long enough for the port to listen," said Rafael P. Montes, a crane driver.

//- draft.md
"The port needs new rules before the winter storms," Petra Lusk said.

"We have waited long enough for the port to listen," Rafael P Montes said.
"#,
        expect![[r#"
            1:1 exact quote «The port needs new rules before the winter stor…» draft: Petra Lusk; sources: Conservatives
            3:1 exact quote «We have waited long enough for the port to list…» draft: Rafael P. Montes; sources: Rafael P. Montes
        "#]],
    );
}

/// Every finding says why: for a pronoun in the source, whom it stands for
/// and the line where the article named that person.
#[test]
fn the_message_says_where_a_pronoun_s_person_was_named() {
    check(
        r#"
//- sources/a.txt
Harbour master Tom Marek met the union on Monday.

The talks lasted four hours. "We will not close the port before the storm season ends," he said.

//- draft.md
"We will not close the port before the storm season ends."
"#,
        expect![[r#"
            1:1 exact quote «We will not close the port before the storm sea…» draft: ?; sources: Tom Marek
            ! 1:1-1:59 warning unattributed-quote «"We will not close the port before the storm season ends."» Quotation has no attribution; the sources suggest Tom Marek, without naming them at the words (sources/a.txt:3: “he said: he is Tom Marek, named on line 1”).
                source sources/a.txt:3 (Tom Marek) “We will not close the port before the storm season ends”
        "#]],
    );
}

/// Caught on real news: with a long description between the halves, no
/// one place held most of the draft's words, and a correct joined
/// quotation was reported as found in no source.
#[test]
fn joined_halves_around_a_long_attribution_are_found() {
    check(
        r#"
//- sources/a.txt
"The plan has one merit: it is cheap," Edgar L. Moss, director of the Harbour Policy Centre and a professor at the Callow School of Economics, said of the plan. "It leaves the old quay standing."

//- draft.md
"The plan has one merit: it is cheap. It leaves the old quay standing," Moss said.

"The plan has one merit: it is cheap. It leaves the old quay standing," Petra Lusk said.
"#,
        expect![[r#"
            1:1 exact quote «The plan has one merit: it is cheap. It leaves …» draft: Moss; sources: Edgar L. Moss
            3:1 exact quote «The plan has one merit: it is cheap. It leaves …» draft: Petra Lusk; sources: Edgar L. Moss
            ! 3:1-3:72 warning misattributed-quote «"The plan has one merit: it is cheap. It leaves the old quay standing,"» Attributed to Petra Lusk, but the sources attribute these words to Edgar L. Moss (sources/a.txt:1: “Edgar L. Moss”).
                source sources/a.txt:1 (Edgar L. Moss) “The plan has one merit: it is cheap”
                fix 3:73-3:83 "Edgar L. Moss"
                fixed: "The plan has one merit: it is cheap. It leaves the old quay standing," Edgar L. Moss said.
        "#]],
    );
}

/// A check that a newer version of the draft supersedes stops between
/// quotations instead of finishing: the server sets the flag this asks.
#[test]
fn a_superseded_check_stops_between_quotations() {
    let mut draft = String::from("//- draft.md\n# Callow port at a standstill\n\n");
    for _ in 0..50 {
        draft.push_str(
            "\"Our door has been open since January, and it remains open tonight,\" Thale said.\n\n",
        );
    }
    let fixture = format!("{DOCKS}\n{draft}");
    let (corpus, draft) = load(&fixture);
    let asked = std::sync::atomic::AtomicUsize::new(0);
    let after_three = || asked.fetch_add(1, std::sync::atomic::Ordering::Relaxed) >= 3;
    assert!(check::check_unless(&corpus, None, &draft, &Config::default(), &after_three).is_none());
    // Asked once per quotation until told to stop, not once for each of the
    // fifty: the rest of the work was not done.
    assert!(asked.into_inner() < 10);
    let whole = check::check_unless(&corpus, None, &draft, &Config::default(), &|| false)
        .expect("a check that is never cancelled finishes");
    assert_eq!(whole.quotes.len(), 50);
}

/// Completion writes the attribution as the checker's fixes do, naming
/// the speaker with `check::speaker_phrase` (`an official`, not `a
/// official`).
#[test]
fn completion_attributes_as_the_checker_does() {
    // Suggestions come from the linked statements.
    let source = "Harbour works\n\n\"The eastern quay will stay open through the winter,\" an official said.\n";
    let docs = vec![document("sources/wire.txt", source)];
    let linked = engine::analyze(
        docs,
        Vec::new(),
        &onrecord_engine::link::LinkOptions::default(),
    );
    let corpus = Corpus::new(linked);
    let found = onrecord_engine::ide::suggest(&corpus, "The eastern quay", 5);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].completion(&corpus, '"'),
        "The eastern quay will stay open through the winter,\" an official said."
    );
    // Without a speaker, the source wording and the closing mark only.
    let unattributed = onrecord_engine::ide::Suggestion {
        speaker: None,
        ..found[0].clone()
    };
    assert_eq!(
        unattributed.completion(&corpus, '”'),
        "The eastern quay will stay open through the winter,”"
    );
}

/// The server checks a draft after every pause in typing with a memo of
/// the places already found: a remembered check must say exactly what a
/// fresh one says, before and after an edit changes one quotation.
#[test]
fn a_check_with_a_memo_finds_what_a_fresh_check_finds() {
    let before = "# Callow port at a standstill\n\n\"We will not unload a single ship until the safety rules are signed,\" said Imogen Thale.\n\n\"Our door has been open since January, and it remains open tonight,\" Oduya said.\n";
    let after = before.replace("since January", "since March");
    let (corpus, _) = load(&format!("{DOCKS}//- draft.md\n{before}"));
    let memo = check::PlaceMemo::default();
    for text in [before, &after, before] {
        let draft = document("draft.md", text);
        let fresh = check::check(&corpus, &draft, &Config::default());
        let remembered =
            check::check_unless(&corpus, Some(&memo), &draft, &Config::default(), &|| false)
                .expect("never cancelled");
        assert_eq!(
            render(&corpus, &draft, &remembered),
            render(&corpus, &draft, &fresh),
            "{text}"
        );
    }
}

/// Caught when file offsets got their own type: the draft's words that
/// differ from the source were reported as view spans, which in an HTML
/// draft (entities and tags before them) point at the wrong bytes.
#[test]
fn differing_words_of_an_html_draft_are_file_spans() {
    let (corpus, _) = load(&format!("{DOCKS}//- draft.md\nNothing.\n"));
    let html = "<html><body><p>&ldquo;Dock&rdquo; &amp; <b>port</b>:</p>\n<p>\"We will not unload a single ship until the safety rulez are signed,\" said Imogen Thale.</p></body></html>\n";
    let draft = document("draft.html", html);
    let report = check::check(&corpus, &draft, &Config::default());
    let q = report
        .quotes
        .iter()
        .find(|q| q.text.contains("rulez"))
        .expect("the quotation is found");
    let words: Vec<&str> = q
        .differs
        .iter()
        .map(|&(s, e)| &html[s.as_usize()..e.as_usize()])
        .collect();
    assert_eq!(words, ["rulez"], "{q:?}");
}
