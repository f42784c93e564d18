#[allow(unused_imports)]
use super::*;

#[test]
fn places_are_sorted_and_found() {
    assert!(PLACES.windows(2).all(|w| w[0] < w[1]));
    assert!(is_place("west virginia"));
    assert!(is_place("mexico"));
    assert!(!is_place("jordan"));
}

#[test]
fn indefinite_article_follows_the_sound() {
    assert_eq!(indefinite_article("official"), "an");
    assert_eq!(indefinite_article("U.S. arms control official"), "a");
    assert_eq!(indefinite_article("US official"), "a");
    assert_eq!(indefinite_article("FBI agent"), "an");
    assert_eq!(indefinite_article("union leader"), "a");
    assert_eq!(indefinite_article("honest broker"), "an");
    assert_eq!(indefinite_article("State Department official"), "a");
}
#[test]
fn cue_kinds_are_distinguished() {
    assert!(!cue("said").unwrap().weak);
    assert!(cue("asked").unwrap().weak);
    assert!(cue("adding").unwrap().participle);
    assert!(cue("according").unwrap().forward_only);
    assert!(cue("table").is_none());
}

#[test]
fn every_form_of_a_speech_verb_is_a_cue() {
    for w in [
        "say", "says", "said", "saying", "quipped", "quips", "replies", "replied",
    ] {
        assert!(cue(w).is_some(), "{w}");
    }
    assert!(cue("saying").unwrap().participle);
    assert!(!cue("said").unwrap().participle);
    assert_eq!(
        verb_forms("admit"),
        ["admit", "admits", "admitted", "admitting"]
    );
    assert_eq!(
        verb_forms("reply"),
        ["reply", "replies", "replied", "replying"]
    );
    assert_eq!(verb_forms("note"), ["note", "notes", "noted", "noting"]);
    // Verbs that are usually nouns in their base form.
    assert!(cue("blog").is_none() && cue("blogged").is_some());
    assert!(cue("protests").is_none() && cue("protested").is_some());
}

#[test]
fn phrasal_cues_start_from_any_form() {
    assert!(phrasal_cues("took").iter().any(|r| r == &["to", "twitter"]));
    assert!(phrasal_cues("quoted")
        .iter()
        .any(|r| r == &["as", "saying"]));
    assert_eq!(phrasal_cues("went")[0], &["on", "to", "say"][..]);
    assert!(entry("took").is(WordClass::PHRASE_START) && cue("took").is_none());
}

#[test]
fn first_names_give_a_prior_only_when_clear() {
    assert_eq!(first_name_gender("Hillary"), Some(Gender::Female));
    assert_eq!(first_name_gender("donald"), Some(Gender::Male));
    assert_eq!(first_name_gender("Jordan"), None);
    assert_eq!(first_name_gender("Zürich"), None);
}
