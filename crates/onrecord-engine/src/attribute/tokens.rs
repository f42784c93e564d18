//! A paragraph outside its quotations as tokens: words with their
//! lexicon entry and case, punctuation, and one token per quotation.

#[allow(unused_imports)]
use super::*;

pub(super) const CAP: u8 = 1;
pub(super) const ALLCAPS: u8 = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum T {
    Word,
    Punct(char),
    /// A quotation, by index into the extraction.
    Quote(u32),
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub(super) start: u32,
    pub(super) end: u32,
    pub(super) t: T,
    pub(super) flags: u8,
    /// What the lexicon says of the word, looked up once.
    pub(super) lex: Entry,
}

/// A lowercase word ending in `-ly` that is not a role: an adverb.
pub(super) const ADVERB: u8 = 4;

/// Looks a word up in the lexicon, lowercased (and without a title's period).
pub(super) fn classify(word: &str) -> (Entry, u8) {
    let mut buf = [0u8; 32];
    let mut owned = String::new();
    let l = lower(word, &mut buf, &mut owned);
    let dotted = l.strip_suffix('.');
    let l = dotted.unwrap_or(l);
    let mut lex = lexicon::entry(l);
    if dotted.is_some() && lexicon::is_dotted_title(l) {
        lex.class |= lexicon::WordClass::TITLE;
    }
    // `the 46-year-old`: an age stands for a person.
    if l.ends_with("-year-old") {
        lex.class |= lexicon::WordClass::PERSON_ROLE;
    }
    let adverb = l.len() > 3
        && l.ends_with("ly")
        && !lex.is(lexicon::WordClass::PERSON_ROLE)
        && !lexicon::is_ly_noun(l);
    (lex, if adverb { ADVERB } else { 0 })
}

pub(super) fn word_tok(
    text: &str,
    s: usize,
    e: usize,
    upper: bool,
    all_upper: bool,
    multi: bool,
) -> Tok {
    let (lex, adverb) = classify(&text[s..e]);
    let mut flags = 0;
    if upper {
        flags |= CAP;
        if all_upper && multi {
            flags |= ALLCAPS;
        }
    } else {
        flags |= adverb;
    }
    Tok {
        start: s as u32,
        end: e as u32,
        t: T::Word,
        flags,
        lex,
    }
}

pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// `José` written with a combining accent after the `e`.
pub(super) fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// `FranÃ§ois`: UTF-8 read as Latin-1 turns an accented letter into `Ã`
/// or `Â` and a symbol from U+0080–U+00BF; the symbol stays in the word
/// (but a no-break space or a guillemet never does).
pub(super) fn mojibake_tail(text: &str, i: usize, c: char) -> bool {
    ('\u{80}'..='\u{BF}').contains(&c)
        && !matches!(c, '\u{A0}' | '«' | '»')
        && text[..i].chars().next_back().is_some_and(|p| {
            matches!(p, 'Ã' | 'Â') || is_combining_mark(p) || ('\u{80}'..='\u{9F}').contains(&p)
        })
}

/// Tokenizes `start..end` of the view, outside the given quotation spans.
/// `reach[k]` is the furthest end of `quotes[..=k]`: the first span that
/// ends past the start is found by bisection, not by a walk from the first
/// quotation of the article for every paragraph.
pub(super) fn tokenize(
    text: &str,
    ranges: &[(u32, u32)],
    quotes: &[(u32, u32, u32)],
    reach: &[u32],
    out: &mut Vec<Tok>,
) {
    let b = text.as_bytes();
    let first = ranges.first().map_or(0, |r| r.0);
    let mut qi = reach.partition_point(|&r| r <= first);
    for &(rs, re) in ranges {
        let mut i = rs as usize;
        let re = re as usize;
        while i < re {
            while qi < quotes.len() && (quotes[qi].1 as usize) <= i {
                qi += 1;
            }
            if qi < quotes.len() && (quotes[qi].0 as usize) <= i {
                i = push_quote(quotes[qi], out);
                continue;
            }
            i = if b[i] < 0x80 {
                ascii_token(text, i, re, out)
            } else {
                non_ascii_token(text, i, re, out)
            };
        }
    }
}

/// One token for a quotation, however many ranges it spans: the token
/// stands for the whole quotation. Returns where reading resumes.
#[inline]
fn push_quote((qs, qe, idx): (u32, u32, u32), out: &mut Vec<Tok>) -> usize {
    if !matches!(out.last(), Some(Tok { t: T::Quote(x), .. }) if *x == idx) {
        out.push(Tok {
            start: qs,
            end: qe,
            t: T::Quote(idx),
            flags: 0,
            lex: Entry::default(),
        });
    }
    qe as usize
}

/// The token at an ASCII byte: a word, a punctuation mark, or nothing
/// (a space). Returns where the next token may start.
#[inline]
fn ascii_token(text: &str, i: usize, re: usize, out: &mut Vec<Tok>) -> usize {
    let b = text.as_bytes();
    let c = b[i];
    if c.is_ascii_alphanumeric() {
        let s = i;
        let upper = c.is_ascii_uppercase();
        let (mut i, all_upper) = ascii_word_end(text, i + 1, re, upper);
        // `Sen.`, `Mr.`: the period belongs to the title.
        if i < re && b[i] == b'.' && i - s <= 4 {
            let w = text[s..i].to_ascii_lowercase();
            if lexicon::is_title_abbreviation(&w) {
                i += 1;
            }
        }
        out.push(word_tok(text, s, i, upper, all_upper, i - s > 1));
        return i;
    }
    if matches!(
        c,
        b',' | b'.' | b'!' | b'?' | b':' | b';' | b'(' | b')' | b'-' | b'[' | b']'
    ) {
        out.push(Tok {
            start: i as u32,
            end: i as u32 + 1,
            t: T::Punct(c as char),
            flags: 0,
            lex: Entry::default(),
        });
    }
    i + 1
}

/// The end of a word that began with an ASCII letter or digit, and
/// whether it stays all capitals: it runs on through accented letters,
/// mojibake, a curly apostrophe (`don’t`) and inner `'`, `-`, `.`, `&`.
#[inline]
fn ascii_word_end(text: &str, mut i: usize, re: usize, mut all_upper: bool) -> (usize, bool) {
    let b = text.as_bytes();
    loop {
        while i < re && b[i].is_ascii_alphanumeric() {
            all_upper &= !b[i].is_ascii_lowercase();
            i += 1;
        }
        if i < re && b[i] >= 0x80 {
            let ch = text[i..].chars().next().unwrap_or(' ');
            if is_word_char(ch) || mojibake_tail(text, i, ch) {
                all_upper &= !ch.is_lowercase();
                i += ch.len_utf8();
                continue;
            }
            if ch == '’' && i + 3 < re && b[i + 3].is_ascii_alphabetic() {
                i += 3;
                continue;
            }
        }
        if i + 1 < re
            && matches!(b[i], b'\'' | b'-' | b'.' | b'&')
            && b[i + 1].is_ascii_alphanumeric()
        {
            i += 1;
            continue;
        }
        break;
    }
    (i, all_upper)
}

/// The token at a character outside ASCII: a word, a dash, or nothing.
/// Returns where the next token may start.
#[inline]
fn non_ascii_token(text: &str, i: usize, re: usize, out: &mut Vec<Tok>) -> usize {
    let ch = text[i..].chars().next().unwrap_or(' ');
    let len = ch.len_utf8();
    if ch.is_alphanumeric() {
        let s = i;
        let upper = ch.is_uppercase();
        let (i, all_upper) = word_end(text, i + len, re, upper);
        out.push(word_tok(text, s, i, upper, all_upper, i - s > len));
        return i;
    }
    match ch {
        '—' | '–' => out.push(Tok {
            start: i as u32,
            end: (i + len) as u32,
            t: T::Punct('-'),
            flags: 0,
            lex: Entry::default(),
        }),
        '…' => {}
        _ => {}
    }
    i + len
}

/// The end of a word that began outside ASCII, and whether it stays all
/// capitals: it runs on through word characters and mojibake, and over
/// an inner `'`, `’`, `-` or `.` followed by a letter or digit.
#[inline]
fn word_end(text: &str, mut i: usize, re: usize, mut all_upper: bool) -> (usize, bool) {
    while i < re {
        let c2 = text[i..].chars().next().unwrap_or(' ');
        if is_word_char(c2) || mojibake_tail(text, i, c2) {
            all_upper &= !c2.is_lowercase();
            i += c2.len_utf8();
        } else if matches!(c2, '\'' | '’' | '-' | '.')
            && text[i + c2.len_utf8()..re]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            i += c2.len_utf8();
        } else {
            break;
        }
    }
    (i, all_upper)
}

/// Lowercases a word into a small buffer without allocating for ASCII.
pub(super) fn lower<'b>(word: &str, buf: &'b mut [u8; 32], owned: &'b mut String) -> &'b str {
    if word.len() <= 32 && word.is_ascii() {
        let n = word.len();
        for (d, s) in buf.iter_mut().zip(word.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        std::str::from_utf8(&buf[..n]).unwrap_or("")
    } else {
        *owned = word.to_lowercase().replace('’', "'");
        owned.as_str()
    }
}
