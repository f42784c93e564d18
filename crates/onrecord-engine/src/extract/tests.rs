#[allow(unused_imports)]
use super::*;

fn texts(src: &str) -> Vec<(Kind, String)> {
    let e = extract(src, &[]);
    e.quotes.iter().map(|q| (q.kind, q.text(src))).collect()
}

#[test]
fn apostrophes_are_not_quote_marks() {
    let t = texts("We don't know about the '90s or the Iranians’ plight, he said.");
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn british_single_quotes_with_inner_apostrophes() {
    let t = texts("He said: ‘We don’t want the protesters’ anger, frankly,’ and left.");
    assert_eq!(
        t,
        vec![(
            Kind::Quote,
            "We don’t want the protesters’ anger, frankly,".into()
        )]
    );
}

#[test]
fn nested_quotes_stay_inside_the_outer_one() {
    let t = texts("She said, “He told me ‘never again’ and I believed him.”");
    assert_eq!(
        t,
        vec![(
            Kind::Quote,
            "He told me ‘never again’ and I believed him.".into()
        )]
    );
}

#[test]
fn multi_paragraph_quote_is_one_quotation() {
    let src = "He said \"First part here.\n\n\"Second part here.\" Then more.";
    let e = extract(src, &[]);
    assert_eq!(e.quotes.len(), 1);
    assert_eq!(e.quotes[0].text(src), "First part here.\nSecond part here.");
}
