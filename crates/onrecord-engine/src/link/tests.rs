#[allow(unused_imports)]
use super::*;

fn norm(s: &str) -> Vec<u64> {
    let mut v = Vec::new();
    words(s, 0, s.len(), &mut v);
    v.into_iter().map(|w| w.hash).collect()
}

#[test]
fn contractions_marks_and_case_fold() {
    assert_eq!(norm("We’re NOT"), norm("we are not"));
    assert_eq!(norm("don't"), norm("do not"));
    assert_eq!(norm("It’s"), norm("it is"));
}

#[test]
fn british_spellings_fold_to_american() {
    assert_eq!(
        norm("the colour of organisation"),
        norm("the color of organization")
    );
    assert_eq!(norm("they analysed it"), norm("they analyzed it"));
    // An `-ise` word that is not a British spelling keeps its `s`.
    assert_ne!(norm("surprise"), norm("surprize"));
}

#[test]
fn bracketed_insertions_are_dropped() {
    assert_eq!(
        norm("the secretary [of state Jane Doe] has"),
        norm("the secretary has")
    );
}

#[test]
fn nfkc_folds_compatibility_characters() {
    assert_eq!(norm("ﬁnal"), norm("final"));
}
