#[allow(unused_imports)]
use super::*;

#[test]
fn disable_comments_cover_the_right_lines() {
    let doc = |t: &str| {
        crate::corpus::parse_document("d.md", t.as_bytes(), None, &Default::default())
            .0
            .expect("a draft")
    };
    // `\n`, `\r\n` and a lone `\r` each end a line, as everywhere else.
    for eol in ["\n", "\r\n", "\r"] {
        let text = "a\n<!-- onrecord-disable-next-line -->\nb\nc\n<!-- onrecord-disable misquote -->\nd\n<!-- onrecord-enable -->\ne\n"
            .replace('\n', eol);
        let d = Disabled::parse(&doc(&text));
        assert!(d.covers(3, Code::UnknownQuote), "{eol:?}");
        assert!(!d.covers(4, Code::UnknownQuote), "{eol:?}");
        assert!(d.covers(6, Code::Misquote), "{eol:?}");
        assert!(!d.covers(6, Code::UnknownQuote), "{eol:?}");
        assert!(!d.covers(8, Code::Misquote), "{eol:?}");
    }
}

#[test]
fn names_agree_on_initials_and_compound_surnames_only() {
    assert!(names_agree("Rafael P. Montes", "Rafael P Montes"));
    assert!(names_agree("Rafael Montes", "rafael p. montes"));
    assert!(names_agree("Vega Ortiz", "Rosa M. Vega Ortiz"));
    assert!(names_agree("Clinton", "Hillary Clinton"));
    assert!(!names_agree("Bill Clinton", "Hillary Clinton"));
    assert!(!names_agree("George H. W. Bush", "George W. Bush"));
    assert!(!names_agree("Ann Lee", "Ann Leeds"));
}

#[test]
fn word_bounds_skip_punctuation() {
    assert_eq!(word_bounds("We are here."), (0, 11));
    assert_eq!(word_bounds("…and so, "), (3, 9));
}
