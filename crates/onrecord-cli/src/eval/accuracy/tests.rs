#[allow(unused_imports)]
use super::*;

#[test]
fn names_match_by_surname_or_head() {
    assert!(names_match("Donald Trump", &[], "Mr. Trump"));
    assert!(names_match("Trump", &[], "Donald J. Trump"));
    assert!(names_match("campaign official", &[], "a campaign official"));
    assert!(!names_match("Mike Pence", &[], "Trump"));
    assert!(!names_match("Mike Pence", &[], ""));
    assert!(names_match("McAlister", &[], "Fiona McAllister"));
    assert!(!names_match("Bush", &[], "Rush"));
}

#[test]
fn placements() {
    let text = "Jo Roe spoke first. \"We will win,\" she said.";
    let q = text.find("We").unwrap() as u32;
    let pieces = [Span {
        start: q,
        end: q + 11,
    }];
    let she = text.find("she").unwrap() as u32;
    let src = [Span {
        start: she,
        end: she + 3,
    }];
    assert_eq!(
        placement(text, &pieces, &src, SourceForm::Pronoun),
        Placement::Pronoun
    );
    let src = [Span { start: 0, end: 6 }];
    assert_eq!(
        placement(text, &pieces, &src, SourceForm::Name),
        Placement::Inherited
    );
    let colon = "Jo Roe put it this way: \"We will win.\"";
    let q = colon.find("We").unwrap() as u32;
    let pieces = [Span {
        start: q,
        end: q + 11,
    }];
    assert_eq!(
        placement(colon, &pieces, &src, SourceForm::Name),
        Placement::Colon
    );
}
