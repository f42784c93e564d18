#[allow(unused_imports)]
use super::*;

#[test]
fn sentences_per_style() {
    let w = "we will rebuild the pier before the winter storms";
    let n = "Jo Roe";
    let s = |st| sentence(st, w, n, "she").unwrap();
    assert_eq!(
        s(Style::After),
        "\"we will rebuild the pier before the winter storms,\" Jo Roe said."
    );
    assert_eq!(
        s(Style::InvertedWithRole),
        "\"we will rebuild the pier before the winter storms,\" said Jo Roe, who spoke to reporters."
    );
    assert_eq!(
        s(Style::ColonSaid),
        "Jo Roe said: \"we will rebuild the pier before the winter storms.\""
    );
    assert_eq!(
        s(Style::ColonNoCue),
        "Jo Roe went further: \"we will rebuild the pier before the winter storms.\""
    );
    assert_eq!(
        s(Style::AccordingTo),
        "According to Jo Roe, \"we will rebuild the pier before the winter storms.\""
    );
    assert_eq!(
        s(Style::PronounNextSentence),
        "Jo Roe spoke on Tuesday. \"we will rebuild the pier before the winter storms,\" she said."
    );
    assert_eq!(
        s(Style::Split),
        "\"we will rebuild the pier,\" Jo Roe said, \"before the winter storms.\""
    );
    assert_eq!(
        sentence(Style::Split, "far too few words here", n, "he"),
        None
    );
    assert_eq!(unattributed("far too few words"), "\"far too few words.\"");
    // An appositive in the Source is closed with a comma.
    let a = "Jo Roe, a harbor pilot";
    let w = "the pier will stand";
    let s = |st| sentence(st, w, a, "he").unwrap();
    assert_eq!(
        s(Style::After),
        "\"the pier will stand,\" Jo Roe, a harbor pilot, said."
    );
    assert_eq!(
        s(Style::InvertedWithRole),
        "\"the pier will stand,\" said Jo Roe, a harbor pilot."
    );
    assert_eq!(
        s(Style::ColonSaid),
        "Jo Roe, a harbor pilot, said: \"the pier will stand.\""
    );
    assert_eq!(
        s(Style::AccordingTo),
        "According to Jo Roe, a harbor pilot, \"the pier will stand.\""
    );
    assert_eq!(
        s(Style::PronounNextSentence),
        "Jo Roe, a harbor pilot, spoke on Tuesday. \"the pier will stand,\" he said."
    );
}

#[test]
fn split_prefers_a_comma_near_the_middle() {
    let (a, b) = split_words("one two three four, five six seven eight nine", 4).unwrap();
    assert_eq!(a, "one two three four");
    assert_eq!(b, "five six seven eight nine");
    let (a, b) = split_words("one two three four five, six seven eight nine ten", 4).unwrap();
    assert_eq!(a, "one two three four five");
    assert_eq!(b, "six seven eight nine ten");
    // Both halves keep four words.
    let (a, b) = split_words("a b c d e f g, h", 4).unwrap();
    assert_eq!((a.as_str(), b.as_str()), ("a b c d", "e f g, h"));
    // Dashes do not count as words.
    assert_eq!(split_words("a b c — d e f g", 4), None);
}

#[test]
fn one_content_word_changes() {
    let w = "Our harbor needs careful planning, she insisted firmly";
    for seed in 0..20 {
        let mut rng = Rng::new(seed);
        let (changed, old, new) = change_word(w, &mut rng).unwrap();
        let a: Vec<&str> = w.split_whitespace().collect();
        let b: Vec<&str> = changed.split_whitespace().collect();
        assert_eq!(a.len(), b.len());
        let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        assert_eq!(diff.len(), 1, "{changed}");
        let i = diff[0];
        assert!(i > 0 && i + 1 < a.len(), "not the first or last: {changed}");
        assert!(old.len() >= 4 && !w.to_lowercase().contains(&new.to_lowercase()));
        // Punctuation stays where it was.
        assert_eq!(a[i].ends_with(','), b[i].ends_with(','));
    }
    // The same seed, the same change.
    let one = change_word(w, &mut Rng::new(7));
    assert_eq!(one, change_word(w, &mut Rng::new(7)));
    // By ending: an -ing word gets an -ing word.
    let (_, old, new) = change_word("we are building it", &mut Rng::new(1)).unwrap();
    assert_eq!(old, "building");
    assert!(new.ends_with("ing") && new != "building");
    assert_eq!(change_word("we do it", &mut Rng::new(1)), None);
    // After a pronoun a word in -s is a verb; after `to`, a base verb.
    let (_, old, new) = change_word("She takes the ferry", &mut Rng::new(3)).unwrap();
    assert_eq!(old, "takes");
    assert!(VERBS_S.contains(&new.as_str()), "{new}");
    let (_, old, new) = change_word("It is time to come home", &mut Rng::new(3)).unwrap();
    assert!(old == "come" || old == "time", "{old}");
    if old == "come" {
        assert!(VERBS_BASE.contains(&new.as_str()), "{new}");
    }
    let (_, _, new) = change_word("Rain doesn't stop the ferry", &mut Rng::new(3)).unwrap();
    assert!(VERBS_BASE.contains(&new.as_str()), "{new}");
}

#[test]
fn invented_sentences_are_8_to_12_words_and_repeatable() {
    for seed in 0..50 {
        let s = invented(&mut Rng::new(seed));
        let n = s.split_whitespace().count();
        assert!((8..=12).contains(&n), "{s}");
        assert_eq!(s, invented(&mut Rng::new(seed)));
    }
    let a = Rng::for_case("x.txt", 10, "p").next_u64();
    assert_eq!(a, Rng::for_case("x.txt", 10, "p").next_u64());
    assert_ne!(a, Rng::for_case("x.txt", 11, "p").next_u64());
}

#[test]
fn words_and_names_are_cleaned() {
    assert_eq!(
        clean_words(&["it was \u{201c}a mess\u{201d} all along,"]),
        "it was \u{2018}a mess\u{2019} all along"
    );
    assert_eq!(
        clean_words(&["the first part", "and the second."]),
        "the first part and the second"
    );
    assert_eq!(
        clean_words(&["one paragraph ends\n\n\u{201c}and the next goes on"]),
        "one paragraph ends and the next goes on"
    );
    assert_eq!(
        clean_words(&["he said ''no way'' twice"]),
        "he said 'no way' twice"
    );
    assert_eq!(clean_name(&["Jo Roe's"]), "Jo Roe");
    assert_eq!(clean_name(&["Jo  Ross'"]), "Jo Ross");
    assert_eq!(clean_name(&["Gov. Jo Roe,"]), "Gov. Jo Roe");
    assert_eq!(word_count("one two [three] four"), 3);
    // As the extractor counts: a contraction or a hyphenated word is one.
    assert_eq!(word_count("It's our turn"), 3);
    assert_eq!(word_count("a re-run, re-count"), 3);
}

#[test]
fn nested_quotations_stay_whole() {
    // The closing mark of a nested quotation at the end comes back.
    assert_eq!(
        clean_words(&["the plan you called \u{201c}a triumph"]),
        "the plan you called \u{2018}a triumph\u{2019}"
    );
    assert_eq!(
        clean_words(&["she said, 'If it rains, the fair is off.'"]),
        "she said, 'If it rains, the fair is off'"
    );
    assert_eq!(
        inner_marks("don\u{2019}t say \u{2018}never\u{2019} to \u{2019}90s kids"),
        vec![(12, true), (20, false)]
    );
    assert_eq!(inner_marks("it's the Iranians' turn"), vec![]);
    // A split never falls inside the nested quotation.
    let w = "and then he said 'we will never give up on this town' today";
    let (a, b) = split_words(w, 4).unwrap();
    assert_eq!(a, "and then he said");
    assert_eq!(b, "'we will never give up on this town' today");
    assert_eq!(
        split_words("he said 'we will never give up on this fine town'", 4),
        None
    );
}

#[test]
fn chained_fragments_and_sentence_ends() {
    assert!(chains_fragments("a mess,\u{201d} and \u{201c}a disgrace"));
    assert!(chains_fragments("a mess,\" and \"a disgrace"));
    assert!(chains_fragments("a mess,'' and ''a disgrace"));
    assert!(!chains_fragments(
        "he called it \u{201c}a mess\u{201d} twice"
    ));
    assert!(!chains_fragments("he called it \"a mess\" twice"));
    assert!(!chains_fragments("he called it ''a mess'' twice"));
    assert!(!chains_fragments("no inner marks, it's plain"));
    let p = Span { start: 1, end: 10 };
    assert_eq!(sentence_end_after("\"One thing,\" she said.", &p), "");
    assert_eq!(sentence_end_after("\"One thing.\" She went on.", &p), ".");
    assert_eq!(sentence_end_after("\"One thing?\" She went on.", &p), "?");
}

#[test]
fn pronoun_from_title_or_given_name() {
    assert_eq!(gender_of_name("Ms. Roe"), Some(Gender::Female));
    assert_eq!(gender_of_name("Mr. Roe"), Some(Gender::Male));
    assert_eq!(gender_of_name("Susan Roe"), Some(Gender::Female));
    assert_eq!(gender_of_name("Sen. Susan Roe"), Some(Gender::Female));
    assert_eq!(gender_of_name("Pat Roe"), None);
    // A surname is not a given name.
    assert_eq!(gender_of_name("Jo Kelly"), None);
}

#[test]
fn wrong_speakers_look_like_people() {
    assert!(person_like("Jo Roe"));
    assert!(person_like("Sen. Jo Roe"));
    assert!(!person_like("Roe"));
    assert!(!person_like("Jo Roe, R-Texas"));
    assert!(!person_like("the Roe campaign"));
    assert_eq!(surname("Sen. Jo O'Roe"), "o'roe");
}
