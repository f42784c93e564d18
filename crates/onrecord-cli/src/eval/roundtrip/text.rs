//! Reading a gold quotation's words and speaker cleanly, and writing them
//! back into a sentence of a draft in one of the house styles.

#[allow(unused_imports)]
use super::*;

pub(super) fn is_open_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '«' | '„')
}

/// The quoted words as a draft quotes them: the pieces joined by a space,
/// the lines of a quotation over several paragraphs joined (the reopening
/// mark of each later paragraph dropped), white space collapsed, inner
/// double marks made single, and a trailing comma or period dropped.
pub fn clean_words(pieces: &[&str]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for piece in pieces {
        for (i, line) in piece.lines().enumerate() {
            let mut l = line.trim();
            if i > 0 {
                l = l.trim_start_matches("''").trim_start_matches(is_open_mark);
            }
            if !l.trim().is_empty() {
                parts.push(l.trim().to_string());
            }
        }
    }
    let joined = parts.join(" ");
    let joined = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    let single = joined
        .replace("''", "'")
        .replace('"', "'")
        .replace('“', "‘")
        .replace('”', "’");
    let mut w = single
        .trim_end_matches([',', '.', ' '])
        .trim_start()
        .to_string();
    // A nested quotation that ends with the words lost its closing mark
    // with the outer one: put it back.
    if let Some(&(at, true)) = inner_marks(&w).last() {
        w.push(if w[at..].starts_with('\'') {
            '\''
        } else {
            '’'
        });
    }
    // `… the fair is off.'` → `… the fair is off'`: the sentence goes on.
    let marks = inner_marks(&w);
    if let Some(&(at, false)) = marks.last() {
        let close = &w[at..];
        if close.chars().count() == 1 {
            let before = w[..at].trim_end_matches([',', '.']);
            w = format!("{before}{close}");
        }
    }
    w
}

/// The nested quotation marks of quoted words (after double marks were
/// made single): byte offset, and whether it opens. Apostrophes
/// (`don’t`, `’90s`, `Iranians’` outside a nested quotation) are not marks.
pub fn inner_marks(s: &str) -> Vec<(usize, bool)> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut open = false;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k + 1).map(|x| x.1);
        let after_space = prev.is_none_or(|p| p.is_whitespace() || "([—–-".contains(p));
        let before_word = next.is_some_and(|n| n.is_alphabetic() || n == '[' || n == '…');
        let before_word_end = next.is_none_or(|n| !n.is_alphanumeric());
        match c {
            '‘' => {
                open = true;
                out.push((i, true));
            }
            '\'' if after_space && before_word => {
                open = true;
                out.push((i, true));
            }
            '’' | '\'' if open && before_word_end => {
                open = false;
                out.push((i, false));
            }
            _ => {}
        }
    }
    out
}

/// The Source as a name: pieces joined, white space collapsed, a trailing
/// possessive or punctuation dropped.
pub fn clean_name(pieces: &[&str]) -> String {
    let joined = pieces.join(" ");
    let mut s = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    loop {
        let t = s.trim_end_matches([',', '.', ';', ':', ' ']);
        let t = t
            .strip_suffix("'s")
            .or_else(|| t.strip_suffix("’s"))
            .or_else(|| t.strip_suffix('\''))
            .or_else(|| t.strip_suffix('’'))
            .unwrap_or(t);
        if t.len() == s.len() {
            break;
        }
        s = t.to_string();
    }
    s
}

/// Words counted as the checker counts them: the fewer of the
/// extractor's count (where `it's` and `re-run` are one word, and three
/// words or fewer make a fragment) and the linker's (contractions
/// expanded, bracketed insertions left out).
pub fn word_count(s: &str) -> usize {
    let mut w = Vec::new();
    link::words(s, 0, s.len(), &mut w);
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        let alnum = c.is_alphanumeric();
        if alnum && !in_word {
            n += 1;
        }
        in_word = alnum || (in_word && matches!(c, '\'' | '’' | '-'));
    }
    n.min(w.len())
}

/// Given names that are usually a woman's. Only a hint for the pronoun of
/// one draft style; a name not here gets `he`.
#[rustfmt::skip]
pub(super) const FEMALE_NAMES: &[&str] = &[
    "abigail", "alexandra", "alice", "alicia", "alison", "allison", "amanda", "amy", "andrea",
    "angela", "ann", "anna", "anne", "barbara", "betsy", "betty", "beverly", "brenda", "carly",
    "carol", "caroline", "carolyn", "catherine", "cathy", "cheryl", "christina", "christine",
    "claire", "cynthia", "dana", "deborah", "debbie", "debra", "denise", "diana", "diane",
    "dianne", "donna", "doris", "dorothy", "elaine", "elizabeth", "ellen", "emily", "emma",
    "erin", "evelyn", "gail", "gloria", "hannah", "heather", "heidi", "helen", "hillary",
    "hope", "irene", "jacqueline", "jane", "janet", "janice", "jean", "jeanne", "jennifer",
    "jessica", "jill", "joan", "joanne", "joni", "joyce", "judith", "judy", "julia", "julie",
    "karen", "kate", "katherine", "kathleen", "kathryn", "kathy", "katie", "kelly", "kimberly",
    "kirsten", "laura", "lauren", "linda", "lisa", "lori", "louise", "lynn", "madeleine",
    "maggie", "margaret", "maria", "marie", "marilyn", "marsha", "martha", "mary", "megan",
    "melissa", "michelle", "nancy", "natalie", "nicole", "nikki", "olivia", "pamela",
    "patricia", "patty", "paula", "rachel", "rebecca", "robin", "rose", "ruth", "sally",
    "samantha", "sandra", "sara", "sarah", "sharon", "shelley", "shirley", "sophia",
    "stephanie", "susan", "suzanne", "tammy", "teresa", "theresa", "tiffany", "valerie",
    "victoria", "virginia", "wendy",
];

/// The pronoun a name suggests: `she` for a woman's title or given name.
pub fn gender_of_name(name: &str) -> Option<Gender> {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let n = words.len();
    for (i, w) in words.iter().enumerate() {
        if let Some(g) = onrecord_engine::lexicon::title_gender(w) {
            return Some(g);
        }
        // A given name stands before the surname.
        if i + 1 < n && FEMALE_NAMES.contains(&w.as_str()) {
            return Some(Gender::Female);
        }
    }
    None
}

// ---------------------------------------------------------------------
// Sentences.

/// Splits the words at a word boundary near the middle, preferring a
/// comma within two words of it, with `min` words at least on each side.
/// `None` under eight words. Punctuation that would stand before the
/// closing mark of the first half is dropped.
pub fn split_words(words: &str, min: usize) -> Option<(String, String)> {
    let tokens: Vec<&str> = words.split_whitespace().collect();
    // Positions of tokens that hold a word.
    let wordy: Vec<usize> = (0..tokens.len())
        .filter(|&i| tokens[i].chars().any(char::is_alphanumeric))
        .collect();
    let n = wordy.len();
    if n < 8 {
        return None;
    }
    let min = min.max(1);
    // Never split inside a nested quotation.
    let marks = inner_marks(words);
    let offsets: Vec<usize> = tokens
        .iter()
        .map(|t| t.as_ptr() as usize - words.as_ptr() as usize)
        .collect();
    let inside = |k: usize| {
        let at = offsets[wordy[k]];
        marks.iter().rfind(|m| m.0 < at).is_some_and(|m| m.1)
    };
    // Split before word k (of the wordy ones): k words in the first half.
    let mid = n / 2;
    let ok = |k: usize| k >= min && n - k >= min && !inside(k);
    let comma_before = |k: usize| tokens[wordy[k] - 1].ends_with(',');
    // A half that ends on `the` or `of` reads badly.
    let ends_well = |k: usize| {
        let (_, last) = core(tokens[wordy[k] - 1]);
        !FUNCTION_WORDS.contains(&last.to_lowercase().as_str())
    };
    let k = [0isize, 1, -1, 2, -2]
        .iter()
        .map(|d| mid as isize + d)
        .filter(|&k| k > 0 && (k as usize) < n && ok(k as usize))
        .map(|k| k as usize)
        .find(|&k| comma_before(k))
        .or_else(|| {
            // Else the boundary nearest the middle outside nested quotes,
            // one after a content word if there is one.
            let near: Vec<usize> = (0..n)
                .flat_map(|d| [mid.checked_sub(d), Some(mid + d)])
                .flatten()
                .filter(|&k| k < n && ok(k))
                .collect();
            near.iter()
                .copied()
                .find(|&k| ends_well(k))
                .or(near.first().copied())
        })?;
    let cut = wordy[k];
    let first = tokens[..cut].join(" ");
    let first = first
        .trim_end_matches([',', ';', ':', '—', '–', '-', ' '])
        .to_string();
    let second = tokens[cut..].join(" ");
    Some((first, second))
}

#[rustfmt::skip]
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "and", "or", "but", "in", "on", "at", "by", "for", "from",
    "with", "as", "that", "this", "these", "those", "is", "are", "was", "were", "be", "been",
    "i", "we", "you", "he", "she", "they", "it", "my", "our", "your", "his", "her", "their",
    "its", "will", "would", "can", "could", "should", "not", "no", "if", "so", "than", "very",
];

/// The one-paragraph sentence of a correct draft. `None` for `split` when
/// the words are too few to split.
///
/// A Source annotated with its appositive (`Jo Roe, a harbor pilot`) keeps
/// it, and the appositive is closed with a comma where the sentence goes
/// on (`Jo Roe, a harbor pilot, said`); the inverted style then needs no
/// apposition of its own.
pub fn sentence(style: Style, words: &str, name: &str, pronoun: &str) -> Option<String> {
    let min = Config::default().min_words;
    let appositive = name.contains(',');
    let subject = if appositive {
        format!("{name},")
    } else {
        name.to_string()
    };
    Some(match style {
        Style::After => format!("\"{words},\" {subject} said."),
        Style::InvertedWithRole if appositive => format!("\"{words},\" said {name}."),
        Style::InvertedWithRole => format!("\"{words},\" said {name}, who spoke to reporters."),
        Style::ColonSaid => format!("{subject} said: \"{words}.\""),
        Style::ColonNoCue => format!("{subject} went further: \"{words}.\""),
        Style::AccordingTo => format!("According to {name}, \"{words}.\""),
        Style::PronounNextSentence => {
            format!("{subject} spoke on Tuesday. \"{words},\" {pronoun} said.")
        }
        Style::Split => {
            let (a, b) = split_words(words, min)?;
            format!("\"{a},\" {subject} said, \"{b}.\"")
        }
    })
}

/// The quotation with no attribution.
pub fn unattributed(words: &str) -> String {
    format!("\"{words}.\"")
}
