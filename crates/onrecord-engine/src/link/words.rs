//! Normalized words: case, punctuation, quote marks, Unicode NFKC,
//! contractions and British spellings folded, each hashed with its span.

#[allow(unused_imports)]
use super::*;

/// A normalized word with its place in the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    pub hash: u64,
    pub start: u32,
    pub end: u32,
}

pub(super) fn hash_str(s: &str) -> u64 {
    let mut h = FxHasher::default();
    s.hash(&mut h);
    h.finish()
}

/// Splits a contraction into the words it stands for; a possessive keeps
/// only its word.
pub(super) fn expand(word: &str) -> Option<(String, &'static str)> {
    let (stem, tail) = word.rsplit_once('\'')?;
    let pair = |a: &str, b: &'static str| Some((a.to_string(), b));
    match (stem, tail) {
        ("won", "t") => pair("will", "not"),
        ("can", "t") => pair("can", "not"),
        ("shan", "t") => pair("shall", "not"),
        ("ain", "t") => pair("is", "not"),
        (s, "t") if s.ends_with('n') => pair(&s[..s.len() - 1], "not"),
        (s, "re") => pair(s, "are"),
        (s, "ve") => pair(s, "have"),
        (s, "ll") => pair(s, "will"),
        (s, "m") => pair(s, "am"),
        (s, "d") => pair(s, "would"),
        ("let", "s") => pair("let", "us"),
        (s, "s")
            if matches!(
                s,
                "it" | "he" | "she" | "that" | "what" | "there" | "here" | "who" | "where" | "how"
            ) =>
        {
            pair(s, "is")
        }
        (s, "s") => pair(s, ""),
        ("", _) => pair(tail, ""),
        (s, "") => pair(s, ""),
        _ => None,
    }
}

pub(super) fn american(w: &str) -> Option<String> {
    static SPELLINGS: std::sync::OnceLock<FxHashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    let table = SPELLINGS.get_or_init(|| lexicon::BRITISH_AMERICAN.iter().copied().collect());
    if let Some(a) = table.get(w) {
        return Some((*a).to_string());
    }
    const SUFFIXES: &[(&str, &str)] = &[
        ("isation", "ization"),
        ("isations", "izations"),
        ("ise", "ize"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ising", "izing"),
        ("yse", "yze"),
        ("ysed", "yzed"),
    ];
    let (suffix, repl) = SUFFIXES
        .iter()
        .find(|(s, _)| w.len() > s.len() + 2 && w.ends_with(s))?;
    let stem = &w[..w.len() - suffix.len()];
    let base = format!(
        "{stem}{}",
        if suffix.starts_with('y') {
            "yse"
        } else {
            "ise"
        }
    );
    if lexicon::is_ise_exception(&base) || lexicon::is_ise_exception(w) {
        return None;
    }
    Some(format!("{stem}{repl}"))
}

/// Pushes the normalized form of one word (one or two words after
/// expanding a contraction).
pub(super) fn push_word(raw: &str, start: u32, end: u32, out: &mut Vec<Word>) {
    // Most words are short, ASCII and have no apostrophe: no allocation.
    let b = raw.as_bytes();
    if b.len() <= 32 && raw.is_ascii() && !b.contains(&b'\'') {
        let mut lower = [0u8; 32];
        for (d, s) in lower.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        let w = std::str::from_utf8(&lower[..b.len()]).unwrap_or("");
        let hash = match (w.len() > 4).then(|| american(w)).flatten() {
            Some(a) => hash_str(&a),
            None => hash_str(w),
        };
        out.push(Word { hash, start, end });
        return;
    }
    let mut buf = String::with_capacity(raw.len());
    if raw.is_ascii() {
        for c in raw.chars() {
            buf.push(c.to_ascii_lowercase());
        }
    } else {
        for c in raw.nfkc() {
            let c = match c {
                '’' | '‘' | 'ʼ' | '`' | '´' => '\'',
                c => c,
            };
            buf.extend(c.to_lowercase());
        }
    }
    if buf.contains('\'') {
        if let Some((a, b)) = expand(&buf) {
            out.push(Word {
                hash: hash_str(&a),
                start,
                end,
            });
            if !b.is_empty() {
                out.push(Word {
                    hash: hash_str(b),
                    start,
                    end,
                });
            }
            return;
        }
        buf.retain(|c| c != '\'');
    }
    if buf.len() > 4 {
        if let Some(a) = american(&buf) {
            out.push(Word {
                hash: hash_str(&a),
                start,
                end,
            });
            return;
        }
    }
    out.push(Word {
        hash: hash_str(&buf),
        start,
        end,
    });
}

/// The normalized words of `start..end` of a text. Words in square brackets
/// (an editor's insertion) are left out; hyphens and dashes separate words.
pub fn words(text: &str, start: usize, end: usize, out: &mut Vec<Word>) {
    let b = text.as_bytes();
    let mut i = start;
    let mut bracket_depth = 0u32;
    let mut bracket_start = 0usize;
    let mut mark = out.len();
    while i < end {
        let c = b[i];
        if c == b'[' {
            if bracket_depth == 0 {
                bracket_start = i;
                mark = out.len();
            }
            bracket_depth += 1;
            i += 1;
            continue;
        }
        if c == b']' && bracket_depth > 0 {
            bracket_depth -= 1;
            if bracket_depth == 0 && i - bracket_start < 120 {
                out.truncate(mark);
            }
            i += 1;
            continue;
        }
        let is_start = if c < 0x80 {
            c.is_ascii_alphanumeric()
        } else {
            text[i..].chars().next().is_some_and(char::is_alphanumeric)
        };
        if !is_start {
            i += if c < 0x80 {
                1
            } else {
                text[i..].chars().next().map_or(1, char::len_utf8)
            };
            continue;
        }
        let s = i;
        while i < end {
            let c = b[i];
            if c < 0x80 {
                let apostrophe = c == b'\'' && i + 1 < end && b[i + 1].is_ascii_alphabetic();
                if c.is_ascii_alphanumeric() || apostrophe {
                    i += 1;
                } else {
                    break;
                }
            } else {
                let ch = text[i..].chars().next().unwrap_or(' ');
                if ch.is_alphanumeric() {
                    i += ch.len_utf8();
                } else if ch == '’' && i + 3 < end && b[i + 3].is_ascii_alphabetic() {
                    i += 3;
                } else {
                    break;
                }
            }
        }
        push_word(&text[s..i], s as u32, i as u32, out);
    }
}
