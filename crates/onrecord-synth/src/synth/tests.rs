#[allow(unused_imports)]
use super::*;

use onrecord_engine::corpus::Format;

#[test]
fn same_articles_every_time_and_as_many_as_asked() {
    let a = corpus(45);
    assert_eq!(a.len(), 45);
    assert_eq!(a, corpus(45));
    assert_eq!(&a[..7], &corpus(7)[..]);
    assert_eq!(documents(3).len(), 3);
    let words: usize = a.iter().map(|t| t.split_whitespace().count()).sum();
    let mean = words / a.len();
    assert!((350..=800).contains(&mean), "mean words per article {mean}");
}

#[test]
fn every_kind_among_the_first_forty() {
    let docs = documents(40);
    let transcript = |d: &Document| d.text.contains("QUESTION: ") || d.text.contains("Question: ");
    let wire = docs
        .iter()
        .filter(|d| d.format == Format::Text && !transcript(d))
        .count();
    let transcripts = docs.iter().filter(|d| transcript(d)).count();
    let blogs = docs
        .iter()
        .filter(|d| d.format == Format::Markdown && d.meta.author.is_some())
        .count();
    let html = docs
        .iter()
        .filter(|d| d.format == Format::Html && !d.text.contains("dataLayer"))
        .count();
    assert!(
        wire >= 10 && transcripts >= 2 && blogs >= 4 && html >= 4,
        "wire {wire}, transcripts {transcripts}, blogs {blogs}, html {html}"
    );
    assert!(
        docs.iter().any(|d| !d.marked.is_empty()),
        "no <q> or <blockquote>"
    );
    assert!(
        docs.iter().any(|d| d.text.contains('‘')),
        "no British quotes"
    );
}

#[test]
fn statements_recur_across_articles() {
    let ev = Event::new(0);
    let texts = corpus(PER_EVENT);
    let norm = |s: &str| {
        let mut v = Vec::new();
        onrecord_engine::link::words(s, 0, s.len(), &mut v);
        v.into_iter().map(|w| w.hash).collect::<Vec<u64>>()
    };
    let streams: Vec<Vec<u64>> = texts.iter().map(|t| norm(t)).collect();
    let mut best = 0;
    for st in &ev.statements {
        let mut s = String::new();
        render(&st.src, false, false, &mut s);
        let w = norm(&s);
        let mid = w.len() / 2;
        let window = &w[mid.saturating_sub(3)..(mid + 2).min(w.len())];
        let found = streams
            .iter()
            .filter(|t| t.windows(window.len()).any(|x| x == window))
            .count();
        best = best.max(found);
    }
    assert!(best >= 3, "no statement of event 0 appears in 3 articles");
}
