//! A round trip of the checker on real quotations: for every annotated
//! direct quotation whose speaker is named, drafts that quote it correctly
//! in the ways reporters write must pass (`onrecord check` finds nothing
//! at warning or above), and drafts with a planted error must get the
//! finding for that error.
//!
//! Correct drafts, one sentence each (`WORDS` the gold quotation's words,
//! `NAME` its annotated Source):
//!
//! | style | sentence |
//! |---|---|
//! | `after` | `"WORDS," NAME said.` |
//! | `inverted-with-role` | `"WORDS," said NAME, who spoke to reporters.` |
//! | `colon-said` | `NAME said: "WORDS."` |
//! | `colon-no-cue` | `NAME went further: "WORDS."` |
//! | `according-to` | `According to NAME, "WORDS."` |
//! | `pronoun-next-sentence` | `NAME spoke on Tuesday. "WORDS," he said.` (`she` when the article or the first name says so) |
//! | `split` | `"FIRST," NAME said, "SECOND."` (8 words or more) |
//!
//! A Source annotated with an appositive (`Jo Roe, a harbor pilot`) keeps it,
//! closed by a comma (`Jo Roe, a harbor pilot, said`); the inverted style then
//! adds no apposition of its own. The pieces of a Content annotated in
//! several pieces (`"A," she said. "B."`) are joined by a space, so such
//! drafts quote as one what the article quotes in parts: the report gives
//! their figures apart from those of quotations of one piece.
//!
//! Planted errors, on the `after` sentence: a changed word (`misquote`), a
//! speaker named as a Source in another article, whose surname is neither
//! the true one nor one the sources give (`misattributed-quote`), no
//! attribution (`unattributed-quote`), and invented words
//! (`unknown-quote`).
//!
//! Everything is deterministic: choices come from a fixed seed mixed with
//! the article's name and the quotation's offset. The report prints
//! article text only with `--errors`, for the terminal.

use super::accuracy::{self, SourceForm};
use super::brat::{self, Article, Span};
use onrecord_engine::check::{self, Corpus};
use onrecord_engine::config::{Code, Config, Severity};
use onrecord_engine::corpus::{self, Document, LoadOptions};
use onrecord_engine::engine::{self, DocResult};
use onrecord_engine::lexicon::Gender;
use onrecord_engine::link;
use rayon::prelude::*;
use std::fmt::Write as _;

/// The seed every choice is drawn from.
pub const SEED: u64 = 0x6f6e_7265_636f_7264;

/// How a correct draft quotes the words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Style {
    After,
    InvertedWithRole,
    ColonSaid,
    ColonNoCue,
    AccordingTo,
    PronounNextSentence,
    Split,
}

impl Style {
    pub const ALL: [Style; 7] = [
        Style::After,
        Style::InvertedWithRole,
        Style::ColonSaid,
        Style::ColonNoCue,
        Style::AccordingTo,
        Style::PronounNextSentence,
        Style::Split,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Style::After => "after",
            Style::InvertedWithRole => "inverted-with-role",
            Style::ColonSaid => "colon-said",
            Style::ColonNoCue => "colon-no-cue",
            Style::AccordingTo => "according-to",
            Style::PronounNextSentence => "pronoun-next-sentence",
            Style::Split => "split",
        }
    }
}

/// An error planted in the `after` sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Plant {
    ChangedWord,
    WrongSpeaker,
    AttributionRemoved,
    InventedSentence,
}

impl Plant {
    pub const ALL: [Plant; 4] = [
        Plant::ChangedWord,
        Plant::WrongSpeaker,
        Plant::AttributionRemoved,
        Plant::InventedSentence,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Plant::ChangedWord => "changed word",
            Plant::WrongSpeaker => "wrong speaker",
            Plant::AttributionRemoved => "attribution removed",
            Plant::InventedSentence => "invented sentence",
        }
    }

    /// The finding that must report it.
    pub fn expected(self) -> Code {
        match self {
            Plant::ChangedWord => Code::Misquote,
            Plant::WrongSpeaker => Code::MisattributedQuote,
            Plant::AttributionRemoved => Code::UnattributedQuote,
            Plant::InventedSentence => Code::UnknownQuote,
        }
    }
}

/// What one draft tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Test {
    Correct(Style),
    Planted(Plant),
}

// ---------------------------------------------------------------------
// Deterministic choices.

/// FNV-1a: a hash that is the same on every platform and Rust version.
fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// splitmix64: a small generator, enough for picking words.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// A generator for one quotation and one purpose.
    pub fn for_case(article: &str, offset: u32, purpose: &str) -> Rng {
        Rng(SEED
            ^ fnv(article)
            ^ (offset as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
            ^ fnv(purpose))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

// ---------------------------------------------------------------------
// The words and the name.

fn is_open_mark(c: char) -> bool {
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
const FEMALE_NAMES: &[&str] = &[
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
const FUNCTION_WORDS: &[&str] = &[
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

#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    "about", "above", "after", "again", "also", "been", "before", "being", "both", "could",
    "does", "doing", "down", "during", "each", "even", "ever", "from", "have", "having", "here",
    "into", "just", "more", "most", "much", "must", "only", "other", "over", "same", "should",
    "some", "such", "than", "that", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "under", "until", "very", "were", "what", "when", "where", "which",
    "while", "will", "with", "would", "your", "yours", "because", "every", "whether", "shall",
    "might", "upon", "onto", "ourselves", "themselves", "itself", "within", "without",
];

/// Replacement words by the ending of the word they replace, so that the
/// changed sentence still reads as English.
#[rustfmt::skip]
const BY_ENDING: &[(&str, &[&str])] = &[
    ("ly", &["really", "clearly", "certainly", "simply", "probably", "entirely", "deeply", "truly"]),
    ("ing", &["making", "doing", "taking", "building", "fighting", "working", "running", "looking"]),
    ("ed", &["wanted", "needed", "decided", "started", "changed", "helped", "worked", "planned"]),
    ("s", &["people", "problems", "things", "voters", "leaders", "issues", "families", "workers"]),
    ("", &["important", "serious", "simple", "strong", "country", "problem", "decision", "great"]),
];

/// Words after which a word in -s is a verb (`it makes`).
#[rustfmt::skip]
const THIRD_PERSON: &[&str] = &[
    "he", "she", "it", "that", "this", "who", "which", "what", "everyone", "everybody", "nobody",
    "one", "someone", "somebody",
];
const VERBS_S: &[&str] = &[
    "keeps", "helps", "leaves", "shows", "turns", "brings", "gives", "sends",
];

/// Words after which a word is a verb's base form (`to come`, `we need`).
#[rustfmt::skip]
const BEFORE_VERB: &[&str] = &[
    "to", "will", "would", "can", "could", "should", "must", "might", "may", "not", "don't",
    "doesn't", "didn't", "won't", "can't", "don’t", "doesn’t", "didn’t", "won’t", "can’t", "we",
    "i", "you", "they",
];
const VERBS_BASE: &[&str] = &[
    "keep", "help", "leave", "show", "turn", "bring", "give", "send",
];

/// The letters of a token without the punctuation around it.
fn core(token: &str) -> (usize, &str) {
    let lead = token.len()
        - token
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let inner = token[lead..].trim_end_matches(|c: char| !c.is_alphanumeric());
    (lead, inner)
}

/// Replaces one content word (four letters or more, neither the first nor
/// the last word, not a stop word) with a word of the same ending that the
/// quotation does not hold. Lowercase words are preferred to names. Returns
/// the changed words, the word taken out and the word put in.
pub fn change_word(words: &str, rng: &mut Rng) -> Option<(String, String, String)> {
    let tokens: Vec<&str> = words.split_whitespace().collect();
    let wordy: Vec<usize> = (0..tokens.len())
        .filter(|&i| tokens[i].chars().any(char::is_alphanumeric))
        .collect();
    if wordy.len() < 3 {
        return None;
    }
    let inner = &wordy[1..wordy.len() - 1];
    let content = |i: usize, lower: bool| {
        let (_, c) = core(tokens[i]);
        c.chars().count() >= 4
            && c.chars().all(char::is_alphabetic)
            && (!lower || c.chars().next().is_some_and(char::is_lowercase))
            && !STOP_WORDS.contains(&c.to_lowercase().as_str())
    };
    let mut candidates: Vec<usize> = inner
        .iter()
        .copied()
        .filter(|&i| content(i, true))
        .collect();
    if candidates.is_empty() {
        candidates = inner
            .iter()
            .copied()
            .filter(|&i| content(i, false))
            .collect();
    }
    if candidates.is_empty() {
        return None;
    }
    let at = candidates[rng.below(candidates.len())];
    let (lead, old) = core(tokens[at]);
    let lower_old = old.to_lowercase();
    let prev = core(tokens[at - 1]).1.to_lowercase();
    let suffix = |end: &str| lower_old.ends_with(end);
    let list: &[&str] = if suffix("ly") || suffix("ing") || suffix("ed") {
        BY_ENDING
            .iter()
            .find(|(end, _)| suffix(end))
            .map(|(_, l)| *l)
            .unwrap_or(BY_ENDING[BY_ENDING.len() - 1].1)
    } else if suffix("s") && !suffix("ss") && THIRD_PERSON.contains(&prev.as_str()) {
        VERBS_S
    } else if BEFORE_VERB.contains(&prev.as_str()) {
        VERBS_BASE
    } else if suffix("s") && !suffix("ss") {
        BY_ENDING[3].1
    } else {
        BY_ENDING[4].1
    };
    let present: Vec<String> = tokens.iter().map(|t| core(t).1.to_lowercase()).collect();
    let start = rng.below(list.len());
    let new = (0..list.len())
        .map(|k| list[(start + k) % list.len()])
        .find(|w| !present.iter().any(|p| p == w))?;
    let new = if old.chars().next().is_some_and(char::is_uppercase) {
        let mut c = new.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    } else {
        new.to_string()
    };
    let token = tokens[at];
    let replaced = format!("{}{}{}", &token[..lead], new, &token[lead + old.len()..]);
    let mut out: Vec<String> = tokens
        .iter()
        .map(std::string::ToString::to_string)
        .collect();
    out[at] = replaced;
    Some((out.join(" "), old.to_string(), new))
}

const SUBJECTS: &[&str] = &[
    "We",
    "They",
    "Our neighbors",
    "The volunteers",
    "Everyone here",
];
const MODALS: &[&str] = &["will", "should", "can", "would", "might"];
const VERBS: &[&str] = &[
    "repaint", "rebuild", "sweep", "plant", "measure", "decorate",
];
const OBJECTS: &[&str] = &[
    "the old bandstand",
    "every quiet garden",
    "the yellow footbridge",
    "the wooden benches",
    "the little harbor gate",
];
const TAILS: &[&str] = &[
    "before the autumn fair",
    "with borrowed ladders and brushes",
    "after the morning rain stops",
    "on a sunny weekend",
    "while the children sing",
];

/// A sentence of 8 to 12 words that no news article says, from fixed
/// lists of everyday words.
pub fn invented(rng: &mut Rng) -> String {
    loop {
        let s = format!(
            "{} {} {} {} {}",
            rng.pick(SUBJECTS),
            rng.pick(MODALS),
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(TAILS)
        );
        if (8..=12).contains(&s.split_whitespace().count()) {
            return s;
        }
    }
}

/// The surname of a name: its last word, lowercase, without punctuation.
fn surname(name: &str) -> String {
    name.split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Whether a Source reads as a person's name to use as a wrong speaker:
/// two to four capitalised words, no commas or parentheses.
fn person_like(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        })
}

// ---------------------------------------------------------------------
// The run.

/// One gold quotation to round-trip.
#[derive(Clone, Debug)]
pub struct Case {
    pub article: usize,
    /// How many pieces the annotated Content has (a split quotation, or
    /// quoted sentences with attributions between them, has several).
    pub pieces: usize,
    /// Byte offset of the quotation's first piece in the article.
    pub start: u32,
    /// 1-based line of that piece.
    pub line: usize,
    pub words: String,
    pub name: String,
    pub pronoun: &'static str,
}

/// Gold direct quotations left out, and why.
#[derive(Clone, Copy, Debug, Default)]
pub struct Skipped {
    pub gold: usize,
    pub pronoun: usize,
    pub description: usize,
    pub no_source: usize,
    pub short: usize,
    /// Several quoted fragments in one Content (`"A" and "B"`).
    pub fragments: usize,
}

/// One draft and what the checker said of it.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub case: usize,
    pub test: Test,
    pub draft: String,
    /// (code, severity, message), in the draft's order.
    pub findings: Vec<(Code, Severity, String)>,
    /// The speaker the checker read in the draft, per quotation.
    pub draft_speakers: Vec<Option<String>>,
    /// Who the sources say said it (corpus speaker names), per quotation.
    pub said_by: Vec<Vec<String>>,
    /// Surnames and aliases of those speakers.
    pub said_by_surnames: Vec<String>,
    /// Notes on the plant (`changed X to Y`, the wrong name).
    pub note: String,
}

impl Outcome {
    fn warnings(&self) -> impl Iterator<Item = &(Code, Severity, String)> {
        self.findings.iter().filter(|f| f.1 >= Severity::Warning)
    }

    fn infos(&self) -> impl Iterator<Item = &(Code, Severity, String)> {
        self.findings
            .iter()
            .filter(|f| f.1 < Severity::Warning && f.1 > Severity::Off)
    }

    pub fn false_alarm(&self) -> bool {
        self.warnings().next().is_some()
    }

    pub fn detected(&self, code: Code) -> bool {
        self.findings.iter().any(|f| f.0 == code)
    }
}

pub struct RoundTrip {
    pub articles: Vec<Article>,
    pub cases: Vec<Case>,
    pub skipped: Skipped,
    pub outcomes: Vec<Outcome>,
    /// Cases where no word could be changed or no wrong speaker found.
    pub not_planted: Vec<(Plant, usize)>,
}

fn check_draft(
    corpus: &Corpus,
    config: &Config,
    case: usize,
    test: Test,
    text: String,
    note: String,
) -> Outcome {
    let (doc, _) = corpus::parse_document(
        "draft.md",
        format!("{text}\n").as_bytes(),
        None,
        &LoadOptions::default(),
    );
    let mut out = Outcome {
        case,
        test,
        draft: text,
        findings: Vec::new(),
        draft_speakers: Vec::new(),
        said_by: Vec::new(),
        said_by_surnames: Vec::new(),
        note,
    };
    let Some(doc) = doc else {
        return out;
    };
    let report = check::check(corpus, &doc, config);
    let speakers = &corpus.analysis.speakers;
    for q in &report.quotes {
        out.draft_speakers
            .push(q.speaker.as_ref().map(|s| s.name.clone()));
        out.said_by.push(
            q.said_by
                .iter()
                .map(|&s| speakers[s as usize].name.clone())
                .collect(),
        );
        for &s in &q.said_by {
            let sp = &speakers[s as usize];
            out.said_by_surnames.push(surname(&sp.name));
            out.said_by_surnames
                .extend(sp.aliases.iter().map(|a| surname(a)));
        }
    }
    out.findings = report
        .findings
        .iter()
        .map(|f| (f.code, f.severity, f.message.clone()))
        .collect();
    out
}

/// The sentence end (`.`, `?`, `!`) that `direct_quote` trimmed from the
/// end of a piece, so that joined pieces keep their sentences apart; empty
/// when the piece ends with a comma or nothing.
fn sentence_end_after<'a>(text: &'a str, p: &Span) -> &'a str {
    let rest = &text[p.end as usize..];
    let run = rest
        .find(|c: char| !matches!(c, ',' | '.' | '?' | '!' | ';' | ':' | '—' | ' '))
        .unwrap_or(rest.len());
    match rest[..run].find(['.', '?', '!']) {
        Some(i) => &rest[i..i + 1],
        None => "",
    }
}

/// Whether quoted words hold several quotations chained by unquoted words
/// (`A," and "B`): the first inner double mark closes rather than opens.
pub fn chains_fragments(words: &str) -> bool {
    let chars: Vec<char> = words.chars().collect();
    let before = |i: usize| i.checked_sub(1).map(|j| chars[j]);
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\u{201d}' => return true,
            '\u{201c}' => return false,
            '"' => {
                let after = chars.get(i + 1).copied();
                let open_side = before(i).is_none_or(char::is_whitespace);
                let close_side = after.is_none_or(|a| a.is_whitespace() || ",.;:!?".contains(a));
                return close_side && !open_side;
            }
            '\'' if chars.get(i + 1) == Some(&'\'') => {
                return !before(i).is_none_or(char::is_whitespace);
            }
            _ => {}
        }
    }
    false
}

fn span_text<'a>(text: &'a str, s: &Span) -> &'a str {
    &text[s.start as usize..s.end as usize]
}

/// The gender the article's own reading gives the speaker of the
/// quotation at `at`, when that speaker is the person named.
fn article_gender(r: &DocResult, at: &Span, name: &str) -> Option<Gender> {
    let qi = r.extraction.quotes.iter().position(|q| {
        q.segments
            .iter()
            .any(|s| s.start < at.end && at.start < s.end)
    })?;
    let sp = r.attribution.speakers[qi].as_ref()?;
    let e = &r.attribution.entities[sp.entity as usize];
    if !accuracy::names_match(&e.name, &e.aliases, name) {
        return None;
    }
    e.gender
}

/// Loads the corpus, builds every draft and checks it.
pub fn evaluate(articles: Vec<Article>) -> RoundTrip {
    let config = Config::default();
    let parsed: Vec<Option<Document>> = articles
        .par_iter()
        .map(|a| {
            corpus::parse_document(&a.name, a.text.as_bytes(), None, &LoadOptions::default()).0
        })
        .collect();
    let per_doc: Vec<Option<DocResult>> = parsed
        .par_iter()
        .map(|d| d.as_ref().map(engine::analyze_document))
        .collect();

    // The cases.
    let mut skipped = Skipped::default();
    let mut cases = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        let text = &a.text;
        for g in &a.attributions {
            let Some(pieces) = brat::direct_quote(text, &g.content) else {
                continue;
            };
            skipped.gold += 1;
            match accuracy::classify_source(text, &g.source) {
                SourceForm::Name => {}
                SourceForm::Pronoun => {
                    skipped.pronoun += 1;
                    continue;
                }
                SourceForm::Description => {
                    skipped.description += 1;
                    continue;
                }
                SourceForm::Missing => {
                    skipped.no_source += 1;
                    continue;
                }
            }
            let piece_texts: Vec<String> = pieces
                .iter()
                .enumerate()
                .map(|(k, p)| {
                    let mut t = span_text(text, p).to_string();
                    if k + 1 < pieces.len() {
                        t.push_str(sentence_end_after(text, p));
                    }
                    t
                })
                .collect();
            if chains_fragments(&piece_texts.join(" ")) {
                skipped.fragments += 1;
                continue;
            }
            let words = clean_words(&piece_texts.iter().map(String::as_str).collect::<Vec<_>>());
            let name = clean_name(
                &g.source
                    .iter()
                    .map(|p| span_text(text, p))
                    .collect::<Vec<_>>(),
            );
            if word_count(&words) < config.min_words || name.is_empty() {
                skipped.short += 1;
                continue;
            }
            let first = pieces[0];
            let gender = per_doc[ai]
                .as_ref()
                .and_then(|r| article_gender(r, &first, &name))
                .or_else(|| gender_of_name(&name));
            cases.push(Case {
                article: ai,
                pieces: pieces.len(),
                start: first.start,
                line: text[..first.start as usize].matches('\n').count() + 1,
                words,
                name,
                pronoun: if gender == Some(Gender::Female) {
                    "she"
                } else {
                    "he"
                },
            });
        }
    }
    drop(per_doc);

    let docs: Vec<Document> = parsed.into_iter().flatten().collect();
    let corpus = Corpus::new(engine::analyze_unlinked(docs, Vec::new()));

    // Correct drafts, and the plants that need nothing from the checker.
    let mut not_planted = Vec::new();
    let mut drafts: Vec<(usize, Test, String, String)> = Vec::new();
    for (ci, c) in cases.iter().enumerate() {
        let aname = &articles[c.article].name;
        for style in Style::ALL {
            if let Some(s) = sentence(style, &c.words, &c.name, c.pronoun) {
                drafts.push((ci, Test::Correct(style), s, String::new()));
            }
        }
        let mut rng = Rng::for_case(aname, c.start, "changed word");
        match change_word(&c.words, &mut rng) {
            Some((changed, old, new)) => drafts.push((
                ci,
                Test::Planted(Plant::ChangedWord),
                sentence(Style::After, &changed, &c.name, c.pronoun).unwrap_or_default(),
                format!("{old} -> {new}"),
            )),
            None => not_planted.push((Plant::ChangedWord, ci)),
        }
        drafts.push((
            ci,
            Test::Planted(Plant::AttributionRemoved),
            unattributed(&c.words),
            String::new(),
        ));
        let mut rng = Rng::for_case(aname, c.start, "invented sentence");
        let words = invented(&mut rng);
        drafts.push((
            ci,
            Test::Planted(Plant::InventedSentence),
            sentence(Style::After, &words, &c.name, c.pronoun).unwrap_or_default(),
            String::new(),
        ));
    }
    let mut outcomes: Vec<Outcome> = drafts
        .into_par_iter()
        .map(|(ci, t, s, note)| check_draft(&corpus, &config, ci, t, s, note))
        .collect();

    // Wrong speakers: a person named as a Source in another article, whose
    // surname is neither the true one nor one the sources give.
    let mut pool: Vec<(String, usize)> = cases
        .iter()
        .filter(|c| person_like(&c.name))
        .map(|c| (c.name.clone(), c.article))
        .collect();
    pool.sort();
    pool.dedup_by(|a, b| a.0 == b.0);
    let mut wrong: Vec<(usize, Test, String, String)> = Vec::new();
    for o in outcomes
        .iter()
        .filter(|o| o.test == Test::Correct(Style::After))
    {
        let c = &cases[o.case];
        let true_surname = surname(&c.name);
        let mut rng = Rng::for_case(&articles[c.article].name, c.start, "wrong speaker");
        let from = if pool.is_empty() {
            0
        } else {
            rng.below(pool.len())
        };
        let pick = (0..pool.len())
            .map(|k| &pool[(from + k) % pool.len()])
            .find(|(n, a)| {
                let s = surname(n);
                *a != c.article
                    && s != true_surname
                    && !c.name.to_lowercase().split_whitespace().any(|w| w == s)
                    && !o.said_by_surnames.contains(&s)
            });
        match pick {
            Some((n, _)) => wrong.push((
                o.case,
                Test::Planted(Plant::WrongSpeaker),
                sentence(Style::After, &c.words, n, c.pronoun).unwrap_or_default(),
                n.clone(),
            )),
            None => not_planted.push((Plant::WrongSpeaker, o.case)),
        }
    }
    outcomes.extend(
        wrong
            .into_par_iter()
            .map(|(ci, t, s, note)| check_draft(&corpus, &config, ci, t, s, note))
            .collect::<Vec<_>>(),
    );
    // One order for the report: by case, then test.
    let rank = |t: Test| match t {
        Test::Correct(s) => s as usize,
        Test::Planted(p) => 10 + p as usize,
    };
    outcomes.sort_by_key(|o| (o.case, rank(o.test)));
    RoundTrip {
        articles,
        cases,
        skipped,
        outcomes,
        not_planted,
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The headline figures.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    pub sentences: usize,
    pub false_alarms: usize,
    pub false_alarm_rate: f64,
    /// Detection rate per planted kind, in [`Plant::ALL`] order.
    pub detection: Vec<(Plant, usize, usize, f64)>,
}

impl RoundTrip {
    pub fn figures(&self) -> Figures {
        let correct: Vec<&Outcome> = self
            .outcomes
            .iter()
            .filter(|o| matches!(o.test, Test::Correct(_)))
            .collect();
        let fa = correct.iter().filter(|o| o.false_alarm()).count();
        let detection = Plant::ALL
            .iter()
            .map(|&p| {
                let planted: Vec<&Outcome> = self
                    .outcomes
                    .iter()
                    .filter(|o| o.test == Test::Planted(p))
                    .collect();
                let d = planted.iter().filter(|o| o.detected(p.expected())).count();
                (p, d, planted.len(), ratio(d, planted.len()))
            })
            .collect();
        Figures {
            sentences: correct.len(),
            false_alarms: fa,
            false_alarm_rate: ratio(fa, correct.len()),
            detection,
        }
    }

    fn where_(&self, o: &Outcome) -> String {
        let c = &self.cases[o.case];
        let pieces = if c.pieces > 1 {
            format!(" ({} pieces joined)", c.pieces)
        } else {
            String::new()
        };
        format!("{}:{}{pieces}", self.articles[c.article].name, c.line)
    }

    fn describe(&self, o: &Outcome, out: &mut String) {
        let _ = writeln!(out, "    draft: {}", o.draft);
        if !o.note.is_empty() {
            let _ = writeln!(out, "    planted: {}", o.note);
        }
        let speakers: Vec<String> = o
            .draft_speakers
            .iter()
            .zip(&o.said_by)
            .map(|(d, s)| {
                format!(
                    "{} / sources: {}",
                    d.as_deref().unwrap_or("(none)"),
                    if s.is_empty() {
                        "(none)".to_string()
                    } else {
                        s.join(", ")
                    }
                )
            })
            .collect();
        let _ = writeln!(out, "    read as: {}", speakers.join(" | "));
        if o.findings.is_empty() {
            let _ = writeln!(out, "    (no finding)");
        }
        for (code, sev, msg) in &o.findings {
            let _ = writeln!(out, "    {} {}: {}", sev.as_str(), code, msg);
        }
    }

    /// The report: per style the false alarms by code, per planted kind
    /// the detection rate, and with `errors` every false alarm and miss.
    pub fn report(&self, errors: bool) -> String {
        let f = self.figures();
        let s = &self.skipped;
        let mut o = String::new();
        let _ = writeln!(
            o,
            "articles {}, gold direct quotations {}, round-tripped {} (named speaker, {}+ words)",
            self.articles.len(),
            s.gold,
            self.cases.len(),
            Config::default().min_words
        );
        let _ = writeln!(
            o,
            "left out: {} pronoun source, {} description source, {} no source, {} too short, {} chained fragments",
            s.pronoun, s.description, s.no_source, s.short, s.fragments
        );
        let she = self.cases.iter().filter(|c| c.pronoun == "she").count();
        let _ = writeln!(
            o,
            "pronoun-next-sentence uses she for {she}, he for {}",
            self.cases.len() - she
        );
        let _ = writeln!(
            o,
            "\ncorrect drafts: false alarm = a finding at warning or above"
        );
        let codes = Code::ALL;
        let _ = writeln!(
            o,
            "  {:<22} {:>7} {:>6} {:>7}  {:>12} {:>8} {:>13} {:>7}  {:>6}",
            "style",
            "checked",
            "alarms",
            "rate",
            "unattributed",
            "misquote",
            "misattributed",
            "unknown",
            "info"
        );
        let row = |label: &str, set: &[&Outcome], o: &mut String| {
            let n = set.len();
            let fa = set.iter().filter(|x| x.false_alarm()).count();
            let by: Vec<usize> = codes
                .iter()
                .map(|&c| {
                    set.iter()
                        .filter(|x| x.warnings().any(|w| w.0 == c))
                        .count()
                })
                .collect();
            let info = set.iter().filter(|x| x.infos().next().is_some()).count();
            let _ = writeln!(
                o,
                "  {:<22} {:>7} {:>6} {:>7.3}  {:>12} {:>8} {:>13} {:>7}  {:>6}",
                label,
                n,
                fa,
                ratio(fa, n),
                by[0],
                by[1],
                by[2],
                by[3],
                info
            );
        };
        let mut all: Vec<&Outcome> = Vec::new();
        for style in Style::ALL {
            let set: Vec<&Outcome> = self
                .outcomes
                .iter()
                .filter(|x| x.test == Test::Correct(style))
                .collect();
            row(style.label(), &set, &mut o);
            all.extend(set);
        }
        row("all", &all, &mut o);
        let one: Vec<&Outcome> = all
            .iter()
            .copied()
            .filter(|x| self.cases[x.case].pieces == 1)
            .collect();
        let several: Vec<&Outcome> = all
            .iter()
            .copied()
            .filter(|x| self.cases[x.case].pieces > 1)
            .collect();
        row("  of one piece", &one, &mut o);
        row("  of pieces joined", &several, &mut o);
        let _ = writeln!(
            o,
            "  quotations of one piece only ({} of {} round-tripped):",
            self.cases.iter().filter(|c| c.pieces == 1).count(),
            self.cases.len()
        );
        for style in Style::ALL {
            let set: Vec<&Outcome> = one
                .iter()
                .copied()
                .filter(|x| x.test == Test::Correct(style))
                .collect();
            row(&format!("  {}", style.label()), &set, &mut o);
        }
        let mut info_codes: Vec<(Code, usize)> = Vec::new();
        for x in &all {
            for (c, _, _) in x.infos() {
                match info_codes.iter_mut().find(|e| e.0 == *c) {
                    Some(e) => e.1 += 1,
                    None => info_codes.push((*c, 1)),
                }
            }
        }
        info_codes.sort();
        let _ = writeln!(
            o,
            "  information-level findings on correct drafts: {}",
            if info_codes.is_empty() {
                "none".to_string()
            } else {
                info_codes
                    .iter()
                    .map(|(c, n)| format!("{c} {n}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        );

        let _ = writeln!(
            o,
            "\nplanted errors (on the after style): detected = a finding with the expected code"
        );
        let _ = writeln!(
            o,
            "  {:<20} {:<20} {:>7} {:>8} {:>7}  missed: what was found instead",
            "kind", "expected", "planted", "detected", "rate"
        );
        for (p, d, n, r) in &f.detection {
            let mut instead: Vec<(String, usize)> = Vec::new();
            for x in self
                .outcomes
                .iter()
                .filter(|x| x.test == Test::Planted(*p) && !x.detected(p.expected()))
            {
                let mut key: Vec<&str> = x.findings.iter().map(|f| f.0.as_str()).collect();
                key.sort();
                key.dedup();
                let key = if key.is_empty() {
                    "nothing".to_string()
                } else {
                    key.join("+")
                };
                match instead.iter_mut().find(|e| e.0 == key) {
                    Some(e) => e.1 += 1,
                    None => instead.push((key, 1)),
                }
            }
            instead.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let not = self.not_planted.iter().filter(|x| x.0 == *p).count();
            let mut extra = instead
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect::<Vec<_>>()
                .join(", ");
            if *p == Plant::WrongSpeaker {
                // The checker can only tell a wrong speaker from the right
                // one where the sources name someone.
                let named: Vec<&Outcome> = self
                    .outcomes
                    .iter()
                    .filter(|x| {
                        x.test == Test::Planted(*p) && x.said_by.iter().any(|s| !s.is_empty())
                    })
                    .collect();
                let found = named.iter().filter(|x| x.detected(p.expected())).count();
                let _ = write!(
                    extra,
                    "; sources name no speaker for {}; where they name one {:.3} ({found}/{})",
                    n - named.len(),
                    ratio(found, named.len()),
                    named.len()
                );
            }
            if not > 0 {
                let _ = write!(extra, "; not planted: {not}");
            }
            let line = format!(
                "  {:<20} {:<20} {:>7} {:>8} {:>7.3}  {}",
                p.label(),
                p.expected().as_str(),
                n,
                d,
                r,
                extra.trim_start_matches("; ")
            );
            let _ = writeln!(o, "{}", line.trim_end());
        }
        let _ = writeln!(
            o,
            "\noverall false-alarm rate {:.3} ({}/{} correct sentences)",
            f.false_alarm_rate, f.false_alarms, f.sentences
        );
        let dets: Vec<String> = f
            .detection
            .iter()
            .map(|(p, _, _, r)| format!("{} {:.3}", p.label(), r))
            .collect();
        let _ = writeln!(o, "detection: {}", dets.join(", "));

        if errors {
            let _ = writeln!(o, "\nfalse alarms:");
            for x in self
                .outcomes
                .iter()
                .filter(|x| matches!(x.test, Test::Correct(_)) && x.false_alarm())
            {
                let Test::Correct(style) = x.test else {
                    continue;
                };
                let _ = writeln!(o, "  [{}] {}", style.label(), self.where_(x));
                self.describe(x, &mut o);
            }
            let _ = writeln!(o, "\nmissed detections:");
            for x in &self.outcomes {
                let Test::Planted(p) = x.test else {
                    continue;
                };
                if x.detected(p.expected()) {
                    continue;
                }
                let _ = writeln!(o, "  [{}] {}", p.label(), self.where_(x));
                self.describe(x, &mut o);
            }
        }
        o
    }
}

#[cfg(test)]
mod tests {
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
}
