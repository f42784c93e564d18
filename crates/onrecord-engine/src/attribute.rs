//! Deciding who said each quotation.
//!
//! Each paragraph outside quotations is cut into tokens, with one token
//! standing for each quotation, and into sentences. Every cue verb (`said`,
//! `according to`, …) gets a subject: a name, a description, or a pronoun
//! resolved to the most recent fitting speaker. A quotation then takes the
//! speaker of the cue right after it, else of the cue before it in its
//! sentence, else of the quotation or sentence that leads into it. When none
//! applies the speaker stays unknown: a wrong name is worse than none.

use crate::extract::{Extraction, Kind, Quotation};
use crate::lexicon::{self, Cue, Definiteness, Entry, Gender, Pronoun};

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    /// A single capitalised name that could be either.
    Unknown,
}

/// One speaker as this article names or describes them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocEntity {
    /// A name (`Ian Kelly`) or, for an unnamed speaker, the description
    /// (`State Department official`).
    pub name: String,
    pub kind: EntityKind,
    pub anonymous: bool,
    pub role: Option<String>,
    /// Lowercase head nouns this speaker has been described by (`official`).
    pub heads: Vec<String>,
    pub gender: Option<Gender>,
    pub aliases: Vec<String>,
}

/// How a quotation's speaker was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Via {
    /// A cue right after the quotation: `"…," the official said`.
    After,
    /// A cue before it in the same sentence: `Kelly said that "…"`.
    Before,
    /// The other half of a split quotation, or a quotation that follows an
    /// attributed one in the same paragraph.
    Continued,
    /// A quotation paragraph after a sentence that names the speaker.
    PreviousParagraph,
    /// The paragraph that introduces a block with a colon.
    Introduction,
    /// A transcript's speaker label.
    Label,
    /// The signed last line of a block (`— Jo Ray`).
    Signature,
    /// A user's correction in the article's sidecar.
    Pinned,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// Index into [`Attribution::entities`].
    pub entity: u32,
    /// View span of the words that name the speaker here, when they are
    /// in the quotation's own sentence or label.
    pub mention: Option<(u32, u32)>,
    pub cue: Option<String>,
    pub via: Via,
    pub confidence: Confidence,
    /// For a pronoun at the cue, the name it stands for.
    pub antecedent: Option<Antecedent>,
}

/// How sure the engine is of a quotation's speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Named at the cue of the quotation's own sentence, by a transcript
    /// label, or by a signature.
    Certain,
    /// Through a pronoun, a description, or carried over from an earlier
    /// quotation, sentence or paragraph.
    Likely,
}

#[derive(Clone, Debug, Default)]
pub struct Attribution {
    pub entities: Vec<DocEntity>,
    /// One per quotation of the extraction, in the same order.
    pub speakers: Vec<Option<Speaker>>,
    /// Full names given with a role or title (`spokesman Ian Kelly`), and
    /// that role, whether or not they speak here.
    pub introduced: Vec<(String, Option<String>)>,
    /// One per quotation: it sits inside the reporter's own sentence (`said
    /// she has "every confidence in the process"`) rather than standing as
    /// the speaker's sentence.
    pub partial: Vec<bool>,
    /// One per quotation: its sentence attributes it, even where the
    /// speaker could not be named (`he said` with nobody to stand for).
    pub attributed: Vec<bool>,
}

const CAP: u8 = 1;
const ALLCAPS: u8 = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum T {
    Word,
    Punct(char),
    /// A quotation, by index into the extraction.
    Quote(u32),
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: u32,
    end: u32,
    t: T,
    flags: u8,
    /// What the lexicon says of the word, looked up once.
    lex: Entry,
}

/// A lowercase word ending in `-ly` that is not a role: an adverb.
const ADVERB: u8 = 4;

/// Looks a word up in the lexicon, lowercased (and without a title's period).
fn classify(word: &str) -> (Entry, u8) {
    let mut buf = [0u8; 32];
    let mut owned = String::new();
    let l = lower(word, &mut buf, &mut owned);
    let dotted = l.strip_suffix('.');
    let l = dotted.unwrap_or(l);
    let mut lex = lexicon::entry(l);
    if dotted.is_some() && lexicon::is_dotted_title(l) {
        lex.class |= lexicon::TITLE;
    }
    // `the 46-year-old`: an age stands for a person.
    if l.ends_with("-year-old") {
        lex.class |= lexicon::PERSON_ROLE;
    }
    let adverb = l.len() > 3
        && l.ends_with("ly")
        && !lex.is(lexicon::PERSON_ROLE)
        && !lexicon::is_ly_noun(l);
    (lex, if adverb { ADVERB } else { 0 })
}

fn word_tok(text: &str, s: usize, e: usize, upper: bool, all_upper: bool, multi: bool) -> Tok {
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

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// `José` written with a combining accent after the `e`.
fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// `FranÃ§ois`: UTF-8 read as Latin-1 turns an accented letter into `Ã`
/// or `Â` and a symbol from U+0080–U+00BF; the symbol stays in the word
/// (but a no-break space or a guillemet never does).
fn mojibake_tail(text: &str, i: usize, c: char) -> bool {
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
fn tokenize(
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
                let (_, qe, idx) = quotes[qi];
                if !matches!(out.last(), Some(Tok { t: T::Quote(x), .. }) if *x == idx) {
                    out.push(Tok {
                        start: quotes[qi].0,
                        end: qe,
                        t: T::Quote(idx),
                        flags: 0,
                        lex: Entry::default(),
                    });
                }
                i = qe as usize;
                continue;
            }
            let c = b[i];
            if c < 0x80 {
                if c.is_ascii_alphanumeric() {
                    let s = i;
                    let upper = c.is_ascii_uppercase();
                    let mut all_upper = upper;
                    i += 1;
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
                    // `Sen.`, `Mr.`: the period belongs to the title.
                    if i < re && b[i] == b'.' && i - s <= 4 {
                        let w = text[s..i].to_ascii_lowercase();
                        if lexicon::is_title_abbreviation(&w) {
                            i += 1;
                        }
                    }
                    out.push(word_tok(text, s, i, upper, all_upper, i - s > 1));
                    continue;
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
                i += 1;
                continue;
            }
            let ch = text[i..].chars().next().unwrap_or(' ');
            let len = ch.len_utf8();
            if ch.is_alphanumeric() {
                let s = i;
                let upper = ch.is_uppercase();
                let mut all_upper = upper;
                i += len;
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
                out.push(word_tok(text, s, i, upper, all_upper, i - s > len));
                continue;
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
            i += len;
        }
    }
}

/// Lowercases a word into a small buffer without allocating for ASCII.
fn lower<'b>(word: &str, buf: &'b mut [u8; 32], owned: &'b mut String) -> &'b str {
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

struct Np {
    first: usize,
    last: usize,
}

#[derive(Clone, Copy, Debug)]
struct Subject {
    entity: u32,
    first: usize,
    last: usize,
}

struct Ctx<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    entities: Vec<DocEntity>,
    /// Entities in the order they last spoke, most recent last.
    salience: Vec<u32>,
    /// Entities introduced with a role (`spokesman Ian Kelly`), most recent
    /// last, whether or not they have spoken.
    mentioned: Vec<u32>,
    author: Option<String>,
    /// Every person mentioned by name (or by a resolved pronoun), in text
    /// order: what a later `he` or `she` can stand for.
    mentions: Vec<Mention>,
    /// Number of the sentence being read, across paragraphs.
    sentence_no: u32,
    para_no: u32,
    /// What each resolved `he` or `she` stood for, by the pronoun's view
    /// offset.
    antecedents: rustc_hash::FxHashMap<u32, Antecedent>,
    /// For a draft: the people of its corpus.
    known: Option<&'a KnownPeople>,
    /// Entities by the lowercase last word of their name, in order, so that
    /// finding a person by surname does not scan every entity.
    by_surname: rustc_hash::FxHashMap<String, Vec<u32>>,
    /// How many times each entity has been mentioned.
    mention_count: Vec<u32>,
    /// Which entities have spoken (or stood as a named sentence subject).
    spoke: Vec<bool>,
}

/// A person named (or referred to) at a place in the article.
#[derive(Clone, Copy, Debug)]
struct Mention {
    entity: u32,
    sentence: u32,
    /// Token index within the sentence's paragraph.
    tok: u32,
    role: MentionRole,
    /// View span of the name this mention goes back to (for a resolved
    /// pronoun, the name it stands for), and its paragraph.
    start: u32,
    end: u32,
    para: u32,
}

/// The name a pronoun stands for, and whether it is close: in the same
/// paragraph, in the pronoun's sentence or the one before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Antecedent {
    pub start: u32,
    pub end: u32,
    pub close: bool,
}

/// How a mention stands in its sentence; a later pronoun prefers the
/// first of these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum MentionRole {
    /// The subject of a cue verb: who spoke there.
    Speaker,
    Plain,
    /// `Trump’s accusation`: a possessor is rarely what `he` means next.
    Possessive,
}

/// A plural role (`officials`), which `he` and `she` do not stand for.
fn is_plural_role(h: &str) -> bool {
    h.ends_with('s') && !h.ends_with("ss") && !h.ends_with("us") && lexicon::is_person_role(h)
}

/// A head that names many people (`officials`, `police`): never `he` or
/// `she`.
fn is_collective(h: &str) -> bool {
    is_plural_role(h) || (lexicon::is_org_head(h) && lexicon::is_person_role(h))
}

/// How many sentences back a pronoun looks for a named person before
/// falling back to the speakers of the article.
const PRONOUN_WINDOW: u32 = 8;

fn word<'a>(text: &'a str, t: &Tok) -> &'a str {
    &text[t.start as usize..t.end as usize]
}

impl<'a> Ctx<'a> {
    fn w(&self, i: usize) -> &'a str {
        word(self.text, &self.toks[i])
    }

    fn lower_of(&self, i: usize) -> String {
        let mut buf = [0u8; 32];
        let mut owned = String::new();
        lower(self.w(i), &mut buf, &mut owned).to_string()
    }

    fn lex(&self, i: usize) -> Entry {
        self.toks[i].lex
    }

    /// A name or a role noun: what a speaker's noun phrase can end with.
    fn is_head(&self, i: usize) -> bool {
        let x = self.lex(i);
        (self.cap(i) && !x.is(lexicon::NOT_NAME)) || x.is(lexicon::PERSON_ROLE | lexicon::ORG_HEAD)
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks[i].t == T::Word
    }

    fn cap(&self, i: usize) -> bool {
        self.toks[i].flags & CAP != 0
    }

    /// `of` between capitalised words, as in a title (`Secretary of State`).
    fn title_of(&self, i: usize) -> bool {
        i > 0
            && i + 1 < self.toks.len()
            && self.is_word(i)
            && self.w(i) == "of"
            && self.cap(i - 1)
            && self.is_word(i + 1)
            && self.cap(i + 1)
    }

    /// The period after a capital letter that stands for a name
    /// (`L.` in `Janet L. Yellen`).
    fn initial_period(&self, i: usize) -> bool {
        i > 0
            && i < self.toks.len()
            && matches!(self.toks[i].t, T::Punct('.'))
            && self.is_word(i - 1)
            && self.cap(i - 1)
            && self.toks[i - 1].end == self.toks[i].start
            && lexicon::is_initials(self.w(i - 1))
    }

    /// An initial's period, or that of a capitalised abbreviation inside a
    /// phrase (`D.C. Mayor Ana Brandt`, `U.S. Rep. Jo Roe`).
    fn inner_period(&self, i: usize) -> bool {
        self.initial_period(i)
            || (i > 0
                && i < self.toks.len()
                && matches!(self.toks[i].t, T::Punct('.'))
                && self.is_word(i - 1)
                && self.cap(i - 1)
                && self.toks[i - 1].end == self.toks[i].start
                && lexicon::is_abbreviation(&self.lower_of(i - 1)))
    }

    /// A word of a phrase with the period an initial or abbreviation keeps
    /// (`U.S.` in `a U.S. arms control official`).
    fn w_dotted(&self, i: usize) -> String {
        if self.inner_period(i + 1) {
            format!("{}.", self.w(i))
        } else {
            self.w(i).to_string()
        }
    }

    /// Whether a token may stand in a speaker's noun phrase.
    fn np_token(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let x = self.lex(i);
        if self.cap(i) {
            return !x.is(lexicon::NOT_NAME) || x.is(lexicon::DETERMINER);
        }
        if x.is(lexicon::DETERMINER) {
            return true;
        }
        if x.is(lexicon::NP_STOP | lexicon::PRONOUN) || x.cue.is_some() {
            return false;
        }
        self.toks[i].flags & ADVERB == 0
    }

    /// Reads a noun phrase backwards from `end` (inclusive) to no earlier
    /// than `floor`. The phrase must end in a name or a role noun.
    fn np_back(&self, end: usize, floor: usize) -> Option<Np> {
        if !self.np_token(end) {
            return None;
        }
        if !self.is_head(end) {
            return None;
        }
        let mut first = end;
        while first > floor && end - first < 12 {
            let j = first - 1;
            if self.title_of(j) && j > floor && self.cap(j - 1) {
                first = j;
                continue;
            }
            // `the Callow Centre for Harbour Studies`: a
            // small word inside a capitalised organisation's name.
            if j > floor
                && self.is_word(j)
                && matches!(self.w(j), "for" | "on" | "and")
                && self.is_word(j - 1)
                && self.cap(j - 1)
                && self.cap(j + 1)
                && (j.saturating_sub(3).max(floor)..=end).any(|k| {
                    self.is_word(k) && self.lex(k).is(lexicon::ORG_WORD | lexicon::ORG_HEAD)
                })
            {
                first = j;
                continue;
            }
            // `Janet L. Yellen`: the period of a middle initial, and the
            // initial (`A.` is not the article `a`).
            if self.inner_period(j) && j > floor {
                first = j;
                continue;
            }
            if self.is_word(j) && self.inner_period(j + 1) && lexicon::is_initials(self.w(j)) {
                first = j;
                continue;
            }
            if !self.np_token(j) {
                break;
            }
            first = j;
            if self.lex(j).is(lexicon::DETERMINER) {
                // `Jo Roe of the Tax Policy Center`: the person before.
                if j >= floor + 2
                    && self.is_word(j - 1)
                    && self.w(j - 1) == "of"
                    && self.is_word(j - 2)
                    && self.cap(j - 2)
                    && !self.lex(j - 2).is(lexicon::ORG_WORD | lexicon::TITLE)
                {
                    first = j - 1;
                    continue;
                }
                break;
            }
        }
        // Leading lowercase words that are neither a determiner nor part of
        // a description (`the new media provide`) are dropped.
        while first < end {
            let x = self.lex(first);
            if self.cap(first)
                || x.is(lexicon::DETERMINER | lexicon::PERSON_ROLE | lexicon::ORG_HEAD)
            {
                break;
            }
            // Lowercase modifiers are kept only after a determiner.
            first += 1;
        }
        Some(Np { first, last: end })
    }

    /// Reads a noun phrase forwards from `start`.
    fn np_forward(&self, start: usize, limit: usize) -> Option<Np> {
        let mut i = start;
        let mut last = None;
        while i < limit
            && i - start < 10
            && (self.np_token(i)
                || (self.title_of(i) && last.is_some())
                || (self.inner_period(i) && i + 1 < limit && self.cap(i + 1)))
        {
            if self.inner_period(i) {
                i += 1;
                continue;
            }
            if self.is_head(i) {
                last = Some(i);
            } else {
                // `Clinton's top aide Jake Sullivan`: a possessor opens a
                // longer phrase.
                let after_possessor =
                    i > start && self.is_word(i - 1) && strip_possessive(self.w(i - 1)).1;
                if !self.lex(i).is(lexicon::DETERMINER)
                    && last.is_some()
                    && !self.cap(i)
                    && !self.title_of(i)
                    && !after_possessor
                    && !self.role_then_name(i, limit)
                {
                    break;
                }
            }
            i += 1;
        }
        let last = last?;
        Some(Np { first: start, last })
    }

    /// `Senate minority leader Harry Reid`, `DoubleLine Capital portfolio
    /// manager Bonnie Baha`: lowercase words from `i` that include a role
    /// noun and lead straight to a capitalised name.
    fn role_then_name(&self, i: usize, limit: usize) -> bool {
        let mut role = false;
        for k in i..limit.min(i + 5) {
            if !self.is_word(k) {
                return false;
            }
            if self.cap(k) {
                return role && !self.lex(k).is(lexicon::NOT_NAME);
            }
            if !self.np_token(k) || lexicon::is_conjunction(&self.lower_of(k)) {
                return false;
            }
            role |= self.lex(k).is(lexicon::PERSON_ROLE);
        }
        false
    }

    /// Turns a noun phrase into an entity, creating or merging as needed.
    fn resolve_np(&mut self, np: &Np, sentence_subjects: &[Subject]) -> Option<u32> {
        let mut toks: Vec<usize> = (np.first..=np.last).filter(|&i| self.is_word(i)).collect();
        // `James Comey Jr.`: a generational suffix is not the surname.
        while toks.len() > 1 && lexicon::is_name_suffix(&self.lower_of(toks[toks.len() - 1])) {
            toks.pop();
        }
        // `Sen. Tom Carper of Delaware`, `Chris Low of FTN Financial`: the
        // person is the name before `of`; in `Secretary of Homeland Security
        // Jeh Johnson` the `of` belongs to the title.
        if let Some(of) = toks.iter().position(|&i| self.lower_of(i) == "of") {
            if of > 0 {
                let before = toks[of - 1];
                let x = self.lex(before);
                if self.cap(before)
                    && !x.is(lexicon::TITLE
                        | lexicon::PERSON_ROLE
                        | lexicon::ORG_WORD
                        | lexicon::ORG_HEAD)
                {
                    toks.truncate(of);
                }
            }
        }
        if toks.is_empty() {
            return None;
        }
        let lowers: Vec<String> = toks.iter().map(|&i| self.lower_of(i)).collect();
        if toks.len() == 1 {
            if let Some(p) = lexicon::pronoun(&lowers[0]) {
                let e = self.resolve_pronoun(p, sentence_subjects, np.first);
                if let (Some(e), Pronoun::He | Pronoun::She) = (e, p) {
                    let span = self.name_behind(np.first);
                    self.note_mention(e, np.first, MentionRole::Plain, span);
                }
                return e;
            }
        }
        let det = lexicon::determiner(&lowers[0]);
        // The name: the capitalised words after the last title or role word.
        let mut name_start = toks.len();
        for k in (0..toks.len()).rev() {
            let i = toks[k];
            let l = &lowers[k];
            // `Mr. King`, `Ms. Judge`: after an honorific, a title word is
            // the surname.
            let after_honorific = k > 0
                && k + 1 == toks.len()
                && lexicon::is_title_abbreviation(lowers[k - 1].trim_end_matches('.'));
            // `Sandy King`, `Mary Bishop`: after a first name, a role word
            // is a surname.
            let after_first_name = k > 0
                && k + 1 == toks.len()
                && self.cap(i)
                && self.cap(toks[k - 1])
                && (lexicon::first_name_gender(self.w(toks[k - 1])).is_some()
                    || (self.lex(toks[k - 1]).class == 0
                        && self.toks[toks[k - 1]].flags & ALLCAPS == 0));
            // `Baker said` after `Brian Baker`: a role word that is the
            // surname of someone the article has named.
            let known_surname = k + 1 == toks.len()
                && self.cap(i)
                && self.with_surname(l).iter().any(|&e| {
                    let ent = &self.entities[e as usize];
                    !ent.anonymous && ent.kind == EntityKind::Person && ent.name.contains(' ')
                });
            // `Commission on Harbour Safety`: a small word inside an
            // organisation's name.
            let inside_org = k > 0
                && matches!(l.as_str(), "on" | "for" | "and")
                && self.cap(toks[k - 1])
                && lowers.iter().any(|w| lexicon::is_org_word(w));
            if inside_org {
                name_start = k;
                continue;
            }
            if !self.cap(i)
                || (!after_honorific
                    && !after_first_name
                    && !known_surname
                    && (lexicon::is_title_word(l) || lexicon::is_person_role(l)))
                || (lexicon::determiner(l).is_some()
                    && !(lexicon::is_initials(self.w(i)) && self.inner_period(i + 1)))
            {
                break;
            }
            name_start = k;
        }
        if name_start < toks.len() && name_start > 0 && lowers[name_start - 1] == "of" {
            // `Secretary of Homeland Security Jeh Johnson`: the name starts at
            // a known first name, else it is the last two words.
            let rest = toks.len() - name_start;
            let titled = name_start >= 2 && {
                let b = lowers[name_start - 2].trim_end_matches('.');
                lexicon::is_title(b) || lexicon::is_person_role(b)
            };
            let first_name = (name_start..toks.len()).find(|&k| {
                lexicon::first_name_gender(self.w(toks[k])).is_some() && k + 1 < toks.len()
            });
            name_start = match first_name {
                _ if !titled => 0,
                Some(k) => k,
                None if rest > 2 => toks.len() - 2,
                None => name_start,
            };
        }
        let name_toks = &toks[name_start..];
        let role_toks = &toks[..name_start];
        let role_lowers = &lowers[..name_start];
        let gender = role_lowers
            .iter()
            .find_map(|l| lexicon::title_gender(l.trim_end_matches('.')));
        let head = role_lowers
            .iter()
            .rev()
            .find(|l| lexicon::is_person_role(l) || lexicon::is_org_head(l))
            .cloned();
        let role_text = role_toks
            .iter()
            .filter(|&&i| lexicon::determiner(&self.lower_of(i)).is_none())
            .map(|&i| self.w_dotted(i))
            .collect::<Vec<_>>()
            .join(" ");
        let role = Some(role_text).filter(|r| !r.is_empty() && head.is_some());
        if !name_toks.is_empty() {
            let words: Vec<String> = name_toks
                .iter()
                .map(|&i| {
                    // `Roe's said` is `Roe has said`: the name is Roe.
                    let w = display_word(strip_possessive(self.w(i)).0);
                    // `Janet L. Moreau`: an initial keeps its period.
                    if lexicon::is_initials(&w) || self.inner_period(i + 1) {
                        format!("{w}.")
                    } else {
                        w
                    }
                })
                .collect();
            let org = name_toks
                .iter()
                .any(|&i| lexicon::is_org_word(&self.lower_of(i)))
                || name_toks
                    .last()
                    .is_some_and(|&i| lexicon::is_group_plural(&self.lower_of(i)))
                || lexicon::is_place(&words.join(" ").to_lowercase())
                || (det == Some(Definiteness::Definite) && role.is_none());
            let person = !org
                && (words.len() >= 2
                    || gender.is_some()
                    || head.as_deref().is_some_and(lexicon::is_person_role));
            let kind = if org {
                EntityKind::Organization
            } else if person {
                EntityKind::Person
            } else {
                EntityKind::Unknown
            };
            return Some(self.named(words, kind, role, head, gender));
        }
        // A description: `the official`, `a senior administration official`.
        let head = head?;
        // A document speaks for whoever owns it: `her statement said`, `the
        // union's letter said`.
        if lexicon::is_document(&head) {
            if let Some(owner) = self.document_owner(np, sentence_subjects) {
                return Some(owner);
            }
        }
        let desc = role?;
        let person = lexicon::is_person_role(&head);
        match det {
            Some(Definiteness::Definite) => {
                if let Some(e) = self.recent_with_head(&head) {
                    self.note_description(e, &desc);
                    return Some(e);
                }
                // `Ivo Marek says … The veteran harbour master
                // noted`: a definite description that fits nobody yet is
                // the person named in the sentence before.
                if person && !is_plural_role(&head) {
                    if let Some(e) = self.named_just_before(&head) {
                        let ent = &mut self.entities[e as usize];
                        if !ent.heads.contains(&head) {
                            ent.heads.push(head.clone());
                        }
                        if ent.role.is_none() {
                            ent.role = Some(desc.clone());
                        }
                        return Some(e);
                    }
                }
            }
            _ => {
                // `a US official … a US official`: the same description again;
                // `an arms control official` after `a State Department
                // official` is someone else.
                if let Some(e) = self.anonymous_with_head(&head) {
                    let mut described = self.entities[e as usize]
                        .aliases
                        .iter()
                        .filter(|a| a.contains(' '))
                        .peekable();
                    let fits = described.peek().is_none()
                        || described
                            .any(|a| description_within(&desc, a) || description_within(a, &desc));
                    if fits {
                        self.note_description(e, &desc);
                        return Some(e);
                    }
                }
            }
        }
        Some(self.push_description(desc, head, person))
    }

    /// A new speaker known only by a description (`senior port official`,
    /// `union`), with its head noun.
    fn push_description(&mut self, desc: String, head: String, person: bool) -> u32 {
        let gender = lexicon::noun_gender(&head);
        self.push_entity(DocEntity {
            name: desc.clone(),
            kind: if person {
                EntityKind::Person
            } else {
                EntityKind::Organization
            },
            anonymous: true,
            role: None,
            heads: vec![head],
            gender,
            aliases: vec![desc],
        })
    }

    /// Who owns the document a noun phrase names: a possessive pronoun
    /// just before it, or a possessive name or description inside it.
    fn document_owner(&mut self, np: &Np, sentence_subjects: &[Subject]) -> Option<u32> {
        if np.first > 0 && self.is_word(np.first - 1) {
            let p = match self.lower_of(np.first - 1).as_str() {
                "his" => Some(Pronoun::He),
                "her" => Some(Pronoun::She),
                "their" => Some(Pronoun::They),
                "its" => Some(Pronoun::It),
                _ => None,
            };
            if let Some(p) = p {
                return self.resolve_pronoun(p, sentence_subjects, np.first - 1);
            }
        }
        let poss =
            (np.first..np.last).find(|&k| self.is_word(k) && strip_possessive(self.w(k)).1)?;
        let start = (np.first..=poss)
            .find(|&k| !self.lex(k).is(lexicon::DETERMINER))
            .unwrap_or(poss);
        let words: Vec<String> = (start..=poss)
            .filter(|&k| self.is_word(k))
            .map(|k| display_word(strip_possessive(self.w(k)).0))
            .collect();
        let last = words.last()?.to_lowercase();
        if self.cap(poss) {
            let org = words
                .iter()
                .any(|w| lexicon::is_org_word(&w.to_lowercase()));
            let kind = if org {
                EntityKind::Organization
            } else if words.len() >= 2 {
                EntityKind::Person
            } else {
                EntityKind::Unknown
            };
            return Some(self.named(words, kind, None, None, None));
        }
        if lexicon::is_person_role(&last) || lexicon::is_org_head(&last) {
            if let Some(e) = self.recent_with_head(&last) {
                return Some(e);
            }
            let person = lexicon::is_person_role(&last);
            return Some(self.push_description(words.join(" "), last, person));
        }
        None
    }

    fn note_description(&mut self, e: u32, desc: &str) {
        let ent = &mut self.entities[e as usize];
        if ent.anonymous && desc.split(' ').count() > ent.name.split(' ').count() {
            ent.name = desc.to_string();
        }
        if !ent.aliases.iter().any(|a| a == desc) {
            ent.aliases.push(desc.to_string());
        }
    }

    fn push_entity(&mut self, e: DocEntity) -> u32 {
        let idx = self.entities.len() as u32;
        // Two people speaking together (`Roe and Lee`) are found by neither
        // surname.
        if !e.name.contains(" and ") {
            let key = surname_key(&e.name);
            self.by_surname.entry(key).or_default().push(idx);
        }
        self.entities.push(e);
        idx
    }

    /// Entities whose name ends in this lowercase word, in order.
    fn with_surname(&self, surname: &str) -> &[u32] {
        self.by_surname
            .get(surname)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The most recent speaker, else the most recently introduced person,
    /// described by this head noun.
    fn recent_with_head(&self, head: &str) -> Option<u32> {
        let singular = head.trim_end_matches('s');
        let fits = |e: &u32| {
            self.entities[*e as usize]
                .heads
                .iter()
                .any(|h| h == head || h.trim_end_matches('s') == singular)
        };
        let spoke = self.salience.iter().rev().copied().find(fits);
        spoke.or_else(|| self.mentioned.iter().rev().copied().find(fits))
    }

    /// The one named person mentioned in the previous sentence, if their
    /// gender does not clash with the head noun's.
    fn named_just_before(&self, head: &str) -> Option<u32> {
        let want = lexicon::noun_gender(head);
        let now = self.sentence_no;
        let mut found: Option<u32> = None;
        for m in self.mentions.iter().rev() {
            if now - m.sentence > 1 {
                break;
            }
            // In the same sentence an appositive names the person instead.
            if m.sentence == now {
                continue;
            }
            let ent = &self.entities[m.entity as usize];
            if ent.anonymous || ent.kind != EntityKind::Person {
                continue;
            }
            match found {
                Some(f) if f != m.entity => return None,
                _ => found = Some(m.entity),
            }
        }
        let e = found?;
        match (want, self.gender_of(e)) {
            (Some(w), Some(g)) if w != g => None,
            _ => Some(e),
        }
    }

    fn anonymous_with_head(&self, head: &str) -> Option<u32> {
        self.salience.iter().rev().copied().find(|&e| {
            let ent = &self.entities[e as usize];
            ent.anonymous && ent.heads.iter().any(|h| h == head)
        })
    }

    /// Finds or creates the entity for a name, merging `Kelly`, `Mr Kelly`
    /// and `Ian Kelly`.
    fn named(
        &mut self,
        words: Vec<String>,
        kind: EntityKind,
        role: Option<String>,
        head: Option<String>,
        gender: Option<Gender>,
    ) -> u32 {
        let name = words.join(" ");
        let key = name.to_lowercase();
        let surname = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
        let found = self
            .with_surname(&surname)
            .iter()
            .map(|&i| i as usize)
            .find(|&i| {
                let e = &self.entities[i];
                if e.anonymous {
                    return false;
                }
                let ek = e.name.to_lowercase();
                if ek == key {
                    return true;
                }
                if kind == EntityKind::Organization || e.kind == EntityKind::Organization {
                    return false;
                }
                let es = ek.rsplit(' ').next().unwrap_or("");
                // One is the other's surname.
                (words.len() == 1 && es == surname) || (!ek.contains(' ') && ek == surname)
            });
        let idx = match found {
            Some(i) => {
                let e = &mut self.entities[i];
                if words.len() > e.name.split(' ').count() {
                    e.name = name.clone();
                }
                if e.kind == EntityKind::Unknown {
                    e.kind = kind;
                }
                i as u32
            }
            None => self.push_entity(DocEntity {
                name: name.clone(),
                kind,
                anonymous: false,
                role: None,
                heads: Vec::new(),
                gender: None,
                aliases: Vec::new(),
            }),
        };
        let e = &mut self.entities[idx as usize];
        if !e.aliases.contains(&name) {
            e.aliases.push(name);
        }
        if let Some(r) = role {
            if e.role.as_ref().is_none_or(|old| r.len() > old.len()) {
                e.role = Some(r);
            }
            if e.kind == EntityKind::Unknown && head.as_deref().is_some_and(lexicon::is_person_role)
            {
                e.kind = EntityKind::Person;
            }
        }
        if let Some(h) = head {
            if !e.heads.contains(&h) {
                e.heads.push(h);
            }
        }
        if gender.is_some() {
            e.gender = gender;
            e.kind = EntityKind::Person;
        }
        idx
    }

    /// The gender an entity has: what the text says (a title, an earlier
    /// `he` or `she`), else what its first name suggests.
    fn gender_of(&self, e: u32) -> Option<Gender> {
        let ent = &self.entities[e as usize];
        if ent.gender.is_some() || ent.anonymous {
            return ent.gender;
        }
        let mut words = ent.name.split(' ');
        match (words.next(), words.next()) {
            (Some(first), Some(_)) => lexicon::first_name_gender(first),
            _ => None,
        }
    }

    /// The view span of the name behind the word at token `tok`: the name
    /// a resolved pronoun stands for, else the word itself.
    fn name_behind(&self, tok: usize) -> (u32, u32) {
        let t = &self.toks[tok];
        self.antecedents
            .get(&t.start)
            .map_or((t.start, t.end), |a| (a.start, a.end))
    }

    fn note_mention(&mut self, entity: u32, tok: usize, role: MentionRole, span: (u32, u32)) {
        let m = Mention {
            entity,
            sentence: self.sentence_no,
            tok: tok as u32,
            role,
            start: span.0,
            end: span.1,
            para: self.para_no,
        };
        if self.mention_count.len() <= entity as usize {
            self.mention_count.resize(entity as usize + 1, 0);
        }
        self.mention_count[entity as usize] += 1;
        if let Some(last) = self.mentions.last_mut() {
            if last.entity == entity && last.sentence == m.sentence {
                last.role = last.role.min(role);
                return;
            }
        }
        self.mentions.push(m);
    }

    /// The person a `he` or `she` at token `at` stands for: in the nearest
    /// earlier sentence that mentions a person of fitting gender, who spoke
    /// there, else the first person it names (its subject, usually), a
    /// possessor last. In the pronoun's own sentence only a speaker before
    /// it counts (`Asked about Clinton, she said` is not Clinton). Else
    /// nobody: the caller falls back to the last fitting speaker.
    fn pronoun_antecedent(&self, want: Gender, at: usize) -> Option<Mention> {
        // A person, or a lone name that has spoken in the article (`Cruz
        // said …`): organisations and places never are `he` or `she`.
        let fits = |e: u32| {
            let ent = &self.entities[e as usize];
            let spoke = ent.kind == EntityKind::Unknown
                && self.spoke.get(e as usize).copied().unwrap_or(false);
            (ent.kind == EntityKind::Person || spoke)
                && !ent.heads.iter().any(|h| is_collective(h))
                && !lexicon::is_place(&ent.name.to_lowercase())
                && self.gender_of(e).is_none_or(|g| g == want)
        };
        let now = self.sentence_no;
        let mut best: Option<Mention> = None;
        for m in self.mentions.iter().rev() {
            if now - m.sentence > PRONOUN_WINDOW {
                break;
            }
            // Earlier in the same sentence only a speaker, or a subject that
            // a quotation separates from the pronoun (`Roe scolded him:
            // "…," she said`).
            if m.sentence == now
                && (m.tok as usize >= at
                    || (m.role != MentionRole::Speaker
                        && !(m.tok as usize..at)
                            .any(|k| matches!(self.toks.get(k).map(|t| t.t), Some(T::Quote(_))))))
            {
                continue;
            }
            if let Some(b) = best {
                if m.sentence != b.sentence {
                    break;
                }
                if (m.role, m.tok) > (b.role, b.tok) {
                    continue;
                }
            }
            if fits(m.entity) {
                best = Some(*m);
            }
        }
        best
    }

    fn resolve_pronoun(
        &mut self,
        p: Pronoun,
        sentence_subjects: &[Subject],
        at: usize,
    ) -> Option<u32> {
        let fits = |e: &DocEntity, want: Option<Gender>| {
            e.kind != EntityKind::Organization
                && !e.heads.iter().any(|h| is_collective(h))
                && match (want, e.gender) {
                    (Some(w), Some(g)) => w == g,
                    _ => true,
                }
        };
        match p {
            Pronoun::Relative => sentence_subjects.last().map(|s| s.entity),
            Pronoun::FirstPerson => {
                let author = self.author.clone()?;
                let words = author.split_whitespace().map(display_word).collect();
                Some(self.named(words, EntityKind::Person, None, None, None))
            }
            Pronoun::He | Pronoun::She => {
                let want = if p == Pronoun::He {
                    Gender::Male
                } else {
                    Gender::Female
                };
                let antecedent = self.pronoun_antecedent(want, at);
                if let (Some(m), Some(tok)) = (antecedent, self.toks.get(at)) {
                    let close = m.para == self.para_no && self.sentence_no - m.sentence <= 1;
                    self.antecedents.insert(
                        tok.start,
                        Antecedent {
                            start: m.start,
                            end: m.end,
                            close,
                        },
                    );
                }
                let found = antecedent.map(|m| m.entity).or_else(|| {
                    let recent = self.salience.iter().rev().copied();
                    let persons: Vec<u32> = recent
                        .filter(|&e| {
                            let ent = &self.entities[e as usize];
                            ent.kind == EntityKind::Person
                                && fits(ent, Some(want))
                                && self.gender_of(e).is_none_or(|g| g == want)
                        })
                        .collect();
                    persons.first().copied().or_else(|| {
                        self.salience.iter().rev().copied().find(|&e| {
                            fits(&self.entities[e as usize], Some(want))
                                && self.gender_of(e).is_none_or(|g| g == want)
                        })
                    })
                });
                if let Some(e) = found {
                    // `she said` tells us who she is for the next `he`.
                    let ent = &mut self.entities[e as usize];
                    if ent.gender.is_none() && !ent.anonymous {
                        ent.gender = Some(want);
                    }
                }
                found
            }
            // `they` is a group, people who spoke together (`Roe and Lee`)
            // or an organisation, never one document (`the statement`).
            Pronoun::They | Pronoun::It => self.salience.iter().rev().copied().find(|&e| {
                let ent = &self.entities[e as usize];
                let document = ent.heads.iter().any(|h| lexicon::is_document(h));
                if p == Pronoun::They {
                    !document
                        && (ent.kind != EntityKind::Person
                            || ent.name.contains(" and ")
                            || ent.heads.iter().any(|h| h.ends_with('s')))
                } else {
                    ent.kind != EntityKind::Person
                }
            }),
        }
    }

    /// Gives an entity the role an appositive states, and its head noun
    /// (the last role word), so that `the secretary` finds it later.
    fn set_role(&mut self, e: u32, role_toks: std::ops::RangeInclusive<usize>) {
        let mut words: Vec<usize> = role_toks.filter(|&k| self.is_word(k)).collect();
        if words
            .first()
            .is_some_and(|&k| self.lex(k).is(lexicon::DETERMINER))
        {
            words.remove(0);
        }
        // The head noun comes before any prepositional phrase: `a general
        // secretary at the Workers' Union` is a secretary.
        let before_preposition = words
            .iter()
            .position(|&k| self.lex(k).is(lexicon::NP_STOP))
            .unwrap_or(words.len());
        let head = words[..before_preposition]
            .iter()
            .rev()
            .find(|&&k| self.lex(k).is(lexicon::PERSON_ROLE))
            .map(|&k| self.lower_of(k));
        let role = words
            .iter()
            .map(|&k| self.w(k))
            .collect::<Vec<_>>()
            .join(" ");
        let ent = &mut self.entities[e as usize];
        if ent.role.is_none() && !role.is_empty() {
            ent.role = Some(role);
        }
        if let Some(h) = head {
            if ent.gender.is_none() {
                ent.gender = lexicon::noun_gender(&h);
            }
            if !ent.heads.contains(&h) {
                ent.heads.push(h);
            }
        }
    }

    fn touch(&mut self, e: u32) {
        if self.spoke.len() <= e as usize {
            self.spoke.resize(e as usize + 1, false);
        }
        self.spoke[e as usize] = true;
        if let Some(pos) = self.salience.iter().rposition(|&x| x == e) {
            self.salience.remove(pos);
        }
        self.salience.push(e);
    }
}

/// `KELLY` reads as `Kelly`; other words are kept as written.
fn display_word(w: &str) -> String {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters > 1 && w.chars().all(|c| !c.is_lowercase()) {
        let mut out = String::new();
        let mut start = true;
        for c in w.chars() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = !c.is_alphabetic();
        }
        out
    } else {
        w.trim_end_matches('.').to_string()
    }
}

#[derive(Clone, Copy, Debug)]
struct CueAt {
    tok: usize,
    cue: Cue,
    /// Index of the last token of the cue phrase (`according to`).
    end: usize,
    subject: Option<Subject>,
    /// The subject is a pronoun nobody fits (`he said` with no man named
    /// before): the words are attributed, to someone the engine cannot name.
    unresolved_pronoun: bool,
}

fn sentence_ends(ctx: &Ctx, quotes: &[Quotation]) -> Vec<usize> {
    let toks = &ctx.toks;
    let mut ends = Vec::new();
    let n = toks.len();
    let mut i = 0;
    while i < n {
        let boundary = match toks[i].t {
            T::Punct('.' | '!' | '?') => {
                let abbrev = i > 0 && toks[i - 1].end == toks[i].start && ctx.is_word(i - 1) && {
                    let w = ctx.w(i - 1);
                    let l = ctx.lower_of(i - 1);
                    lexicon::is_abbreviation(&l) || lexicon::is_initials(w)
                };
                let next_starts = i + 1 >= n
                    || matches!(toks[i + 1].t, T::Quote(_))
                    || (ctx.is_word(i + 1)
                        && (ctx.cap(i + 1) || ctx.w(i + 1).starts_with(|c: char| c.is_numeric())));
                !abbrev && next_starts
            }
            T::Quote(q) => {
                let q = &quotes[q as usize];
                q.ends_sentence
                    && (i + 1 >= n
                        || matches!(toks[i + 1].t, T::Quote(_))
                        || (ctx.is_word(i + 1)
                            && ctx.cap(i + 1)
                            && !short_attribution_after(ctx, i + 1, asks(ctx.text, q))))
            }
            _ => false,
        };
        if boundary {
            ends.push(i + 1);
        }
        i += 1;
    }
    if ends.last() != Some(&n) {
        ends.push(n);
    }
    ends
}

/// Whether a quotation's words end in `?` or `!`.
fn asks(text: &str, q: &Quotation) -> bool {
    text.get(q.start() as usize..q.end() as usize)
        .map(|t| t.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '?' && c != '!'))
        .is_some_and(|t| t.ends_with(['?', '!']))
}

/// `"Who?" Kelly asked.`, `'Why?' Jo Doe, a spokeswoman at the union,
/// said.`: a clause that ends the sentence with a cue verb (and at most a
/// few words after it) is the quotation's attribution, not a new sentence.
fn short_attribution_after(ctx: &Ctx, from: usize, question: bool) -> bool {
    let n = ctx.toks.len();
    // `"Why?" Karen Holt asked the board, before walking out …`: after a
    // question or exclamation, a name and a cue right after the quotation,
    // whatever follows them.
    let head = n.min(from + 6);
    let named_first = from < n
        && ctx.is_word(from)
        && ctx.cap(from)
        && lexicon::pronoun(&ctx.lower_of(from)).is_none();
    if question
        && named_first
        && (from..head)
            .any(|k| ctx.is_word(k) && !ctx.cap(k) && ctx.lex(k).cue.is_some_and(|c| !c.participle))
        && (from..head).all(|k| ctx.is_word(k) || matches!(ctx.toks[k].t, T::Punct(',' | '.')))
    {
        return true;
    }
    let window = n.min(from + 24);
    let mut cue_at = None;
    for k in from..window {
        match ctx.toks[k].t {
            T::Punct('.' | '!' | '?') | T::Quote(_) => {
                return cue_at.is_some_and(|c| k - c <= 6);
            }
            T::Word if ctx.lex(k).cue.is_some_and(|c| !c.participle) => cue_at = Some(k),
            _ => {}
        }
    }
    // The paragraph ended inside the window.
    window == n && cue_at.is_some_and(|c| n - c <= 6)
}

fn skip_back(ctx: &Ctx, mut j: usize, floor: usize) -> Option<usize> {
    loop {
        if !ctx.is_word(j) {
            return Some(j);
        }
        let adverb = ctx.toks[j].flags & ADVERB != 0;
        if !adverb && !ctx.lex(j).is(lexicon::SKIPPABLE) {
            return Some(j);
        }
        let l = ctx.lower_of(j);
        let skippable = ctx.lex(j).is(lexicon::SKIPPABLE)
            && !(ctx.cap(j) && l != "today" && l != "yesterday" && !is_weekday(&l));
        if !(adverb || skippable) {
            return Some(j);
        }
        if j == floor {
            return None;
        }
        j -= 1;
    }
}

fn is_weekday(l: &str) -> bool {
    matches!(
        l,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// A person named as the subject of a sentence (`Her deputy, Tom Roe, was
/// more cautious.`) is who a following `he` most likely means, even though
/// they have not spoken yet.
fn note_sentence_subject(ctx: &mut Ctx, s: usize, e: usize) {
    let limit = e.min(s + 8);
    // `Name ...` at the start, or `description, Name, ...`.
    let mut start = s;
    if let Some(c) = (s..limit).find(|&k| matches!(ctx.toks[k].t, T::Punct(','))) {
        if c > s && c + 1 < e && ctx.cap(c + 1) && ctx.is_word(c + 1) {
            start = c + 1;
        }
    }
    if !ctx.is_word(start) || !ctx.cap(start) {
        return;
    }
    // `Taking Twitter offline was postponed`: a participle opens the
    // sentence, not a first name.
    let opener = ctx.lower_of(start);
    if opener.len() >= 6 && opener.ends_with("ing") {
        return;
    }
    let Some(np) = ctx.np_forward(start, e) else {
        return;
    };
    let names = (np.first..=np.last)
        .filter(|&k| ctx.cap(k) && !lexicon::is_title_word(&ctx.lower_of(k)))
        .count();
    let followed_by_verb = np.last + 1 < e
        && (matches!(ctx.toks[np.last + 1].t, T::Punct(','))
            || (ctx.is_word(np.last + 1) && !ctx.cap(np.last + 1)));
    let titled = lexicon::is_title_word(&ctx.lower_of(np.first));
    if followed_by_verb && (names >= 2 || (titled && names >= 1)) {
        if let Some(ent) = ctx.resolve_np(&np, &[]) {
            // `Ivo Ibekwe, a general secretary at the union, was …`: the
            // appositive is their role.
            let comma = np.last + 1;
            if comma < e && matches!(ctx.toks[comma].t, T::Punct(',')) {
                let close = (comma + 1..e.min(comma + 14))
                    .find(|&k| matches!(ctx.toks[k].t, T::Punct(',')));
                if let Some(close) = close {
                    let has_role = (comma + 1..close).any(|k| ctx.lex(k).is(lexicon::PERSON_ROLE));
                    if has_role && ctx.lex(comma + 1).is(lexicon::DETERMINER) {
                        ctx.set_role(ent, comma + 1..=close - 1);
                    }
                }
            }
            if ctx.entities[ent as usize].kind == EntityKind::Person {
                ctx.touch(ent);
            }
        }
    }
}

/// A word that can be part of a person's name: capitalised, not a title,
/// role, cue or sentence opener, and not an all-capitals heading word.
fn name_word(ctx: &Ctx, k: usize) -> bool {
    ctx.is_word(k)
        && ctx.cap(k)
        && ctx.toks[k].flags & ALLCAPS == 0
        && !ctx
            .lex(k)
            .is(lexicon::NOT_NAME | lexicon::TITLE | lexicon::PERSON_ROLE)
        && ctx.lex(k).cue.is_none()
}

/// A capitalised role word that can end a name as its surname (`King`,
/// `Bishop`, `Baker`), not followed by another capitalised word.
fn role_surname(ctx: &Ctx, k: usize) -> bool {
    ctx.is_word(k)
        && ctx.cap(k)
        && ctx.toks[k].flags & ALLCAPS == 0
        && ctx.lex(k).is(lexicon::PERSON_ROLE | lexicon::TITLE)
        && !(k + 1 < ctx.toks.len() && ctx.is_word(k + 1) && ctx.cap(k + 1))
}

/// `Clinton’s` is Clinton.
fn strip_possessive(w: &str) -> (&str, bool) {
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if !stem.is_empty() {
                return (stem, true);
            }
        }
    }
    (w, false)
}

/// The person an existing entity of this article is, by full name or by
/// surname when only one person has it.
fn known_person(ctx: &Ctx, words: &[String]) -> Option<u32> {
    let key = words.join(" ").to_lowercase();
    let surname = words.last()?.to_lowercase();
    let mut found: Vec<u32> = Vec::new();
    for &i in ctx.with_surname(&surname) {
        let e = &ctx.entities[i as usize];
        if e.anonymous || e.kind == EntityKind::Organization {
            continue;
        }
        let ek = e.name.to_lowercase();
        if ek == key {
            return Some(i);
        }
        let es = ek.rsplit(' ').next().unwrap_or("");
        if words.len() == 1 && es == surname {
            found.push(i);
        }
    }
    match found.as_slice() {
        [] => None,
        [one] => Some(*one),
        // Two people share the surname: a bare surname is the one the
        // article has mentioned most, if one clearly leads.
        several => {
            let count = |e: u32| ctx.mention_count.get(e as usize).copied().unwrap_or(0);
            let mut by_count: Vec<(u32, u32)> = several.iter().map(|&e| (count(e), e)).collect();
            by_count.sort_unstable_by(|a, b| b.cmp(a));
            (by_count[0].0 >= 2 * by_count[1].0.max(1)).then_some(by_count[0].1)
        }
    }
}

/// The lowercase last word of a name: how a surname is looked up.
pub(crate) fn surname_key(name: &str) -> String {
    name.rsplit(' ').next().unwrap_or(name).to_lowercase()
}

/// Notes every person a sentence names (`Sen. Jo Roe`, `Hillary Clinton`,
/// `Clinton’s`, a surname the article has given in full), whether or not
/// they speak: a later pronoun may stand for any of them. A run of
/// capitalised words counts as a person only with evidence: a title, a
/// known first name, a middle initial, or a person already named.
fn note_mentions(ctx: &mut Ctx, s: usize, e: usize) {
    let mut k = s;
    while k < e {
        if !(ctx.is_word(k) && ctx.cap(k)) {
            k += 1;
            continue;
        }
        let run_start = k;
        let mut gender = None;
        let mut titled = false;
        while k < e && ctx.is_word(k) && ctx.cap(k) && ctx.lex(k).is(lexicon::TITLE) {
            titled = true;
            gender =
                gender.or_else(|| lexicon::title_gender(ctx.lower_of(k).trim_end_matches('.')));
            k += 1;
        }
        let first_tok = k;
        let mut words: Vec<String> = Vec::new();
        let mut initial = false;
        let mut org = false;
        let mut role = MentionRole::Plain;
        while k < e && name_word(ctx, k) {
            let (w, possessive) = strip_possessive(ctx.w(k));
            if possessive {
                role = MentionRole::Possessive;
            }
            org |= ctx.lex(k).is(lexicon::ORG_WORD | lexicon::ORG_HEAD);
            words.push(display_word(w));
            k += 1;
            if possessive {
                break;
            }
            // A middle initial: `Janet L. Yellen`; a role word after one is
            // a surname (`Victor T. King`).
            if lexicon::is_initials(w) && k + 1 < e && matches!(ctx.toks[k].t, T::Punct('.')) {
                let more = name_word(ctx, k + 1);
                let surname = !more && role_surname(ctx, k + 1);
                if more || surname {
                    initial = true;
                    if let Some(last) = words.last_mut() {
                        last.push('.');
                    }
                    k += 1;
                }
                if surname {
                    words.push(display_word(ctx.w(k)));
                    k += 1;
                    break;
                }
            }
        }
        // `Sandy King`, `Mary Bishop`: a role word after a first name.
        if words.len() == 1 && k < e && role_surname(ctx, k) && !titled {
            let first = lexicon::first_name_gender(&words[0]).is_some();
            if first {
                words.push(display_word(ctx.w(k)));
                k += 1;
            }
        }
        if k == run_start {
            k += 1;
            continue;
        }
        if words.is_empty() || org || words.len() > 4 {
            continue;
        }
        // `Sanders campaign manager Jeff Weaver`, `Virginia delegate Beau
        // Correll`: a name before a role noun describes the person who
        // follows; it is not a mention of its own.
        if role != MentionRole::Possessive
            && k < e
            && ctx.is_word(k)
            && !ctx.cap(k)
            && ctx.lex(k).is(lexicon::PERSON_ROLE | lexicon::ORG_HEAD)
        {
            continue;
        }
        // A capitalised sentence opener (`Despite Trump`) is not a first name.
        if run_start == s && !titled && words.len() >= 2 {
            let first_is_name = lexicon::first_name_gender(&words[0]).is_some();
            if !first_is_name && known_person(ctx, &words).is_none() {
                words.remove(0);
            }
        }
        let mut known = known_person(ctx, &words);
        // A draft's lone surname that the corpus names in full.
        if known.is_none() && words.len() == 1 {
            // It stays the surname the draft wrote (a draft's `Clinton` may
            // be either Clinton); the corpus only says it is a person.
            if ctx.known.and_then(|k| k.full_name(&words[0])).is_some() {
                known = Some(ctx.named(words.clone(), EntityKind::Person, None, None, gender));
            }
        }
        let evidence = titled
            || initial
            || (words.len() >= 2 && lexicon::first_name_gender(&words[0]).is_some());
        let entity = match known {
            Some(x) => Some(x),
            None if evidence && (words.len() >= 2 || titled) => {
                Some(ctx.named(words, EntityKind::Person, None, None, gender))
            }
            None => None,
        };
        if let Some(x) = entity {
            if gender.is_some() && ctx.entities[x as usize].gender.is_none() {
                ctx.entities[x as usize].gender = gender;
            }
            let span = (ctx.toks[run_start].start, ctx.toks[k - 1].end);
            ctx.note_mention(x, first_tok, role, span);
        }
    }
}

/// Finds the cue verbs of a sentence and their subjects, in order.
fn cues_in(ctx: &mut Ctx, s: usize, e: usize) -> Vec<CueAt> {
    let mut found: Vec<CueAt> = Vec::new();
    let mut subjects: Vec<Subject> = Vec::new();
    let mut i = s;
    while i < e {
        if !ctx.is_word(i) || ctx.cap(i) && i != s {
            i += 1;
            continue;
        }
        let l = ctx.lower_of(i);
        // A multi-word cue (`pointed out`, `took to Twitter`), longest first.
        let phrase_len = if ctx.lex(i).is(lexicon::PHRASE_START) {
            lexicon::phrasal_cues(&l)
                .iter()
                .find(|rest| {
                    rest.iter().enumerate().all(|(k, w)| {
                        let j = i + 1 + k;
                        j < e && ctx.is_word(j) && ctx.lower_of(j) == *w
                    })
                })
                .map(|rest| rest.len())
        } else {
            None
        };
        let cue = match (ctx.lex(i).cue, phrase_len) {
            (Some(c), _) => c,
            (None, Some(_)) => Cue {
                weak: false,
                participle: l.ends_with("ing"),
                forward_only: false,
                block: true,
            },
            (None, None) => {
                i += 1;
                continue;
            }
        };
        // `the claim`, `their blog`, `a warning`: a noun, not a verb.
        if i > s && ctx.is_word(i - 1) && ctx.lex(i - 1).is(lexicon::NOUN_MARKER) {
            i += 1;
            continue;
        }
        // `Roe's remark`: after a possessive, a noun; but `Roe's said`
        // is `Roe has said`.
        let past = l.ends_with("ed") || matches!(l.as_str(), "said" | "told" | "wrote");
        if i > s && ctx.is_word(i - 1) && !past && !cue.participle {
            let prev = ctx.w(i - 1);
            if prev.ends_with("'s") || prev.ends_with("’s") {
                i += 1;
                continue;
            }
        }
        let mut end = i + phrase_len.unwrap_or(0);
        if cue.forward_only {
            if i + 1 < e && ctx.is_word(i + 1) && ctx.lower_of(i + 1) == "to" {
                end = i + 1;
            } else {
                i += 1;
                continue;
            }
        }
        // A verb used as a noun or adjective (`the state`, `a warning`,
        // `posted messages`) has no subject and is dropped below.
        let mut subject = None;
        // `supporters saying`, `a voter telling`: a participle after a
        // noun is a reduced clause about that noun, not its speech; only a
        // document speaks so (`a statement saying`).
        let participle_after_noun = cue.participle
            && i > s
            && ctx.is_word(i - 1)
            && !ctx.lex(i - 1).is(lexicon::DOCUMENT | lexicon::PRONOUN);
        // `Roe said …, adding`, `She released a statement saying`: a
        // participle continues the clause of the speaker already named, or
        // of whoever issued the document.
        if cue.participle && i > s {
            let after_document = ctx.is_word(i - 1) && ctx.lex(i - 1).is(lexicon::DOCUMENT);
            let after_comma = matches!(ctx.toks[i - 1].t, T::Punct(','));
            if let (Some(prev), true) = (subjects.last(), after_comma) {
                subject = Some(*prev);
            } else if after_document {
                subject = clause_subject(ctx, s, i - 1, &subjects);
            }
        }
        if subject.is_none() && !cue.forward_only && i > s && !participle_after_noun {
            let mut back = skip_back(ctx, i - 1, s);
            // `Sen. Jo Roe (D-Ore.) said`: the parenthesis is an aside.
            if let Some(j) = back {
                if matches!(ctx.toks[j].t, T::Punct(')')) {
                    let open = (j.saturating_sub(10).max(s)..j)
                        .rev()
                        .find(|&k| matches!(ctx.toks[k].t, T::Punct('(')));
                    back = open
                        .filter(|&o| o > s)
                        .and_then(|o| skip_back(ctx, o - 1, s));
                }
            }
            if let Some(j) = back {
                if ctx.is_word(j) {
                    if let Some(np) = ctx
                        .np_back(j, s)
                        .or_else(|| {
                            lexicon::pronoun(&ctx.lower_of(j)).map(|_| Np { first: j, last: j })
                        })
                        .or_else(|| of_phrase_name(ctx, j, s))
                    {
                        subject = joint_subject(ctx, &np, s, &subjects);
                        if subject.is_none() {
                            if let Some(ent) = ctx.resolve_np(&np, &subjects) {
                                subject = Some(Subject {
                                    entity: ent,
                                    first: np.first,
                                    last: np.last,
                                });
                            }
                        }
                    }
                } else if matches!(ctx.toks[j].t, T::Punct(',')) {
                    // `Jon Ralston, a commentator in Nevada, who …, said`: a
                    // name opening the clause is the speaker, whatever names
                    // its asides hold; else the appositive (`The director,
                    // Ada Nwosu, said`); else a described subject.
                    subject = named_clause_subject(ctx, s, j, &subjects)
                        .or_else(|| appositive_subject(ctx, j, s, &subjects))
                        .or_else(|| clause_subject(ctx, s, j, &subjects));
                }
            }
        }
        // `telling Reuters`, `shouting slogans`: after a participle, or
        // after `tell`, the noun is who hears, not who speaks.
        let addressee_follows = cue.participle || matches!(l.as_str(), "tell" | "tells" | "told");
        let inverted_ok = !addressee_follows
            && (cue.forward_only
                || i == s
                || matches!(
                    ctx.toks[i - 1].t,
                    T::Quote(_) | T::Punct(',' | '-' | '(' | ':')
                ));
        if subject.is_none() && inverted_ok && end + 1 < e {
            let mut k = end + 1;
            // `said Monday the official` is rare; `said on Monday` is not.
            while k < e && ctx.is_word(k) && is_weekday(&ctx.lower_of(k)) {
                k += 1;
            }
            if let Some(mut np) = ctx.np_forward(k, e) {
                // `said the company's chief executive, Maria Lind`: the name
                // after the description.
                let described = !ctx.cap(np.last);
                let comma = np.last + 1;
                if described && comma + 1 < e && matches!(ctx.toks[comma].t, T::Punct(',')) {
                    if let Some(name) = ctx.np_forward(comma + 1, e) {
                        if (name.first..=name.last).all(|x| ctx.cap(x)) {
                            np = name;
                        }
                    }
                }
                if let Some(ent) = ctx.resolve_np(&np, &subjects) {
                    subject = Some(Subject {
                        entity: ent,
                        first: np.first,
                        last: np.last,
                    });
                }
            }
        }
        if subject.is_none() && (cue.participle || is_coordinated(ctx, i, s)) {
            if let Some(prev) = subjects.last() {
                // `Roe said …, adding: "…"`: the name earlier in the sentence.
                subject = Some(*prev);
            } else if is_coordinated(ctx, i, s) || after_clause(ctx, i, s) {
                // `Ms. Roe smiled and said`, `Roe shrugged it off, saying`:
                // the clause's subject.
                subject = clause_subject(ctx, s, i, &subjects);
            }
        }
        if let Some(sub) = subject {
            if !cue.weak {
                subjects.push(sub);
                ctx.touch(sub.entity);
                let at = if sub.first == usize::MAX {
                    i
                } else {
                    sub.first
                };
                let span = match mention_span(ctx, &sub) {
                    Some(_) if sub.first == sub.last => ctx.name_behind(sub.first),
                    Some(m) => m,
                    None => (ctx.toks[i].start, ctx.toks[i].end),
                };
                ctx.note_mention(sub.entity, at, MentionRole::Speaker, span);
            }
        }
        let pronoun_at = |k: usize| {
            k < e
                && ctx.is_word(k)
                && matches!(
                    lexicon::pronoun(&ctx.lower_of(k)),
                    Some(Pronoun::He | Pronoun::She | Pronoun::They | Pronoun::FirstPerson)
                )
        };
        let unresolved_pronoun =
            subject.is_none() && ((i > s && pronoun_at(i - 1)) || pronoun_at(end + 1));
        found.push(CueAt {
            tok: i,
            cue,
            end,
            subject,
            unresolved_pronoun,
        });
        i = end + 1;
    }
    found
}

/// `…, saying`, `by saying`: a participle that continues a clause.
fn after_clause(ctx: &Ctx, i: usize, s: usize) -> bool {
    i > s
        && (matches!(ctx.toks[i - 1].t, T::Punct(','))
            || (ctx.is_word(i - 1)
                && matches!(
                    ctx.lower_of(i - 1).as_str(),
                    "by" | "before" | "after" | "while" | "when"
                )))
}

/// The subject that opens the clause ending at token `end` (exclusive):
/// `Gov. Jo Roe (R-Ohio), …`, `Roe, 67, a retired nurse, …`, `Roe smiled
/// and …`. It must be a name, a pronoun or a description with a role noun,
/// followed by a comma, a parenthesis or a lowercase word.
fn clause_subject(ctx: &mut Ctx, s: usize, end: usize, subjects: &[Subject]) -> Option<Subject> {
    let mut seg = s;
    for k in (s..end).rev() {
        if matches!(ctx.toks[k].t, T::Quote(_) | T::Punct(':' | ';')) {
            seg = k + 1;
            break;
        }
    }
    while seg < end
        && ctx.is_word(seg)
        && matches!(
            ctx.lower_of(seg).as_str(),
            "but" | "and" | "so" | "still" | "yet" | "meanwhile" | "instead" | "later" | "then"
        )
    {
        seg += 1;
    }
    while seg < end && matches!(ctx.toks[seg].t, T::Punct(',')) {
        seg += 1;
    }
    // `During a speech on Monday, Roe attacked …`: an opening phrase
    // that starts with a preposition stands before the subject.
    if seg < end && ctx.is_word(seg) && ctx.lex(seg).is(lexicon::NP_STOP) {
        if let Some(comma) =
            (seg + 1..end.min(seg + 16)).find(|&k| matches!(ctx.toks[k].t, T::Punct(',')))
        {
            seg = comma + 1;
        }
    }
    if seg >= end || end - seg > 45 || !ctx.is_word(seg) {
        return None;
    }
    let pronoun = matches!(
        lexicon::pronoun(&ctx.lower_of(seg)),
        Some(Pronoun::He | Pronoun::She)
    );
    let np = if pronoun {
        Np {
            first: seg,
            last: seg,
        }
    } else {
        ctx.np_forward(seg, end)?
    };
    let next = np.last + 1;
    if next >= end {
        return None;
    }
    let continues =
        matches!(ctx.toks[next].t, T::Punct(',' | '(')) || (ctx.is_word(next) && !ctx.cap(next));
    let name_words: Vec<usize> = (np.first..=np.last)
        .filter(|&k| {
            ctx.is_word(k) && ctx.cap(k) && !ctx.lex(k).is(lexicon::TITLE | lexicon::NOT_NAME)
        })
        .collect();
    // A lone capitalised word opening a sentence (`Estimates show`) is a
    // name only when the article has named that person already, or it is a
    // known first name, or a title stands before it.
    let named = match name_words.as_slice() {
        [] => false,
        [one] => {
            let w = vec![display_word(strip_possessive(ctx.w(*one)).0)];
            *one > seg
                || ctx.lex(np.first).is(lexicon::TITLE)
                || known_person(ctx, &w).is_some()
                || lexicon::first_name_gender(&w[0]).is_some()
        }
        _ => true,
    };
    let described = ctx
        .lex(np.last)
        .is(lexicon::PERSON_ROLE | lexicon::ORG_HEAD)
        && ctx.lex(np.first).is(lexicon::DETERMINER);
    if !continues || !(named || described || pronoun) {
        return None;
    }
    let entity = ctx.resolve_np(&np, subjects)?;
    Some(Subject {
        entity,
        first: np.first,
        last: np.last,
    })
}

/// The speaker of an earlier quotation or sentence, carried over: no
/// mention or cue of its own here.
/// Every word of description `a` is in `b` (case aside).
fn description_within(a: &str, b: &str) -> bool {
    let b: Vec<String> = b.split_whitespace().map(str::to_lowercase).collect();
    a.split_whitespace()
        .all(|w| b.iter().any(|x| *x == w.to_lowercase()))
}

/// The speaker of an earlier quotation carried on; where that person was
/// named goes with it (the name itself, or what its pronoun stood for).
fn inherited(prev: &Speaker, via: Via) -> Speaker {
    let named = prev
        .antecedent
        .or(prev.mention.map(|(start, end)| Antecedent {
            start,
            end,
            close: false,
        }));
    Speaker {
        entity: prev.entity,
        mention: None,
        cue: None,
        via,
        confidence: Confidence::Likely,
        antecedent: named,
    }
}

/// [`colon_subject`] as the speaker the colon introduces.
fn colon_speaker(ctx: &mut Ctx, s: usize, colon: usize) -> Option<Speaker> {
    let sub = colon_subject(ctx, s, colon)?;
    Some(Speaker {
        entity: sub.entity,
        mention: mention_span(ctx, &sub),
        cue: None,
        via: Via::Introduction,
        confidence: Confidence::Likely,
        antecedent: None,
    })
}

/// Who a colon at token `colon` introduces when no cue does: the subject
/// of the clause before it (`Roe went further:`), or a lead-in that is only
/// a name, perhaps with an outlet (`Carl Bialik:`, `Jo Roe, Daily Post:`).
fn colon_subject(ctx: &mut Ctx, s: usize, colon: usize) -> Option<Subject> {
    if let Some(sub) = clause_subject(ctx, s, colon, &[]) {
        return Some(sub);
    }
    // `HEADLINE - Jo Roe:`: the lead-in after a dash.
    let mut seg = (s..colon)
        .rev()
        .find(|&k| matches!(ctx.toks[k].t, T::Punct('-')))
        .map_or(s, |d| d + 1);
    while seg < colon && matches!(ctx.toks[seg].t, T::Punct(_)) {
        seg += 1;
    }
    let np = ctx.np_forward(seg, colon)?;
    let rest_is_outlet = np.last + 1 == colon
        || (matches!(ctx.toks[np.last + 1].t, T::Punct(','))
            && colon - np.last <= 6
            && (np.last + 2..colon).all(|k| ctx.is_word(k) && ctx.cap(k)));
    let named = (np.first..=np.last)
        .filter(|&k| ctx.is_word(k) && ctx.cap(k) && !ctx.lex(k).is(lexicon::TITLE))
        .count();
    let first_name = ctx.is_word(np.first) && lexicon::first_name_gender(ctx.w(np.first)).is_some();
    if !rest_is_outlet
        || named == 0
        || (named < 2 && !first_name && !ctx.lex(np.first).is(lexicon::TITLE))
    {
        // A lone capitalised word before a colon (`Update:`) is no speaker.
        return None;
    }
    let entity = ctx.resolve_np(&np, &[])?;
    Some(Subject {
        entity,
        first: np.first,
        last: np.last,
    })
}

/// [`clause_subject`] when the clause opens with a proper name followed by a
/// comma (`Jo Roe, 67, a retired nurse, …`), not a description or pronoun.
fn named_clause_subject(
    ctx: &mut Ctx,
    s: usize,
    end: usize,
    subjects: &[Subject],
) -> Option<Subject> {
    let sub = clause_subject(ctx, s, end, subjects)?;
    let next = sub.last + 1;
    let comma = next < end && matches!(ctx.toks[next].t, T::Punct(',' | '('));
    let named = !ctx.entities[sub.entity as usize].anonymous
        && (sub.first..=sub.last).any(|k| ctx.is_word(k) && ctx.cap(k));
    (comma && named).then_some(sub)
}

/// `Cummings and Conyers wrote`: two named people joined by `and` before a
/// cue speak together, as one speaker named after both.
fn joint_subject(ctx: &mut Ctx, second: &Np, s: usize, subjects: &[Subject]) -> Option<Subject> {
    if second.first < s + 2 {
        return None;
    }
    let and = second.first - 1;
    if !(ctx.is_word(and) && ctx.w(and) == "and") {
        return None;
    }
    let first = ctx.np_back(and - 1, s)?;
    let named = |ctx: &Ctx, np: &Np| {
        (np.first..=np.last).any(|k| {
            ctx.is_word(k) && ctx.cap(k) && !ctx.lex(k).is(lexicon::TITLE | lexicon::NOT_NAME)
        })
    };
    if !named(ctx, &first) || !named(ctx, second) {
        return None;
    }
    let a = ctx.resolve_np(&first, subjects)?;
    let b = ctx.resolve_np(second, subjects)?;
    let people = |e: u32| {
        let x = &ctx.entities[e as usize];
        !x.anonymous && x.kind != EntityKind::Organization
    };
    if a == b || !people(a) || !people(b) {
        return None;
    }
    let name = format!(
        "{} and {}",
        ctx.entities[a as usize].name, ctx.entities[b as usize].name
    );
    let entity = match ctx.entities.iter().position(|e| e.name == name) {
        Some(i) => i as u32,
        None => ctx.push_entity(DocEntity {
            name: name.clone(),
            kind: EntityKind::Person,
            anonymous: false,
            role: None,
            // Plural: `they`, never `he` or `she`.
            heads: vec!["members".into()],
            gender: None,
            aliases: vec![name],
        }),
    };
    Some(Subject {
        entity,
        first: first.first,
        last: second.last,
    })
}

/// `Jo Roe of the New York delegation said`: when the words before the cue
/// end in a phrase with `of` that names no speaker, the name before `of`.
fn of_phrase_name(ctx: &Ctx, end: usize, floor: usize) -> Option<Np> {
    let of = (end.saturating_sub(6).max(floor)..end)
        .rev()
        .find(|&k| ctx.is_word(k) && ctx.w(k) == "of")?;
    if of == floor || !(of + 1..=end).all(|k| ctx.is_word(k)) {
        return None;
    }
    let np = ctx.np_back(of - 1, floor)?;
    let named = (np.first..=np.last).any(|k| {
        ctx.is_word(k) && ctx.cap(k) && !ctx.lex(k).is(lexicon::TITLE | lexicon::ORG_WORD)
    });
    named.then_some(Np {
        first: np.first,
        last: np.last,
    })
}

/// `and added`, `but said`: the verb shares the subject before it.
fn is_coordinated(ctx: &Ctx, i: usize, s: usize) -> bool {
    i > s && ctx.is_word(i - 1) && matches!(ctx.lower_of(i - 1).as_str(), "and" | "but" | "then")
}

/// `Biz Stone, co-founder of Twitter, said`: the subject before an
/// appositive that describes it.
fn appositive_subject(
    ctx: &mut Ctx,
    comma: usize,
    s: usize,
    subjects: &[Subject],
) -> Option<Subject> {
    let floor = comma.saturating_sub(16).max(s);
    let mut k = comma;
    let mut has_role = false;
    let mut all_caps_words = true;
    while k > floor {
        k -= 1;
        match ctx.toks[k].t {
            T::Punct(',') => {
                let name_len = comma - k - 1;
                let first_word = ctx.lower_of(k + 1);
                // `Roe, who has pushed the bill for years, called it`; AP's
                // party tags, `Sen. John Poe, R-Texas, said`; ages, `Lee, 45, said`.
                let relative = matches!(first_word.as_str(), "who" | "whose");
                let affiliation = name_len == 1
                    && (is_party_tag(ctx.w(k + 1))
                        || ctx.w(k + 1).bytes().all(|b| b.is_ascii_digit()));
                if (relative || affiliation) && k > s {
                    let j = k - 1;
                    let np = if ctx.is_word(j) {
                        ctx.np_back(j, s)
                    } else {
                        None
                    };
                    let np = match np {
                        Some(np) => np,
                        None if matches!(ctx.toks[j].t, T::Punct(',')) => {
                            return appositive_subject(ctx, j, s, subjects)
                        }
                        None => return None,
                    };
                    let ent = ctx.resolve_np(&np, subjects)?;
                    return Some(Subject {
                        entity: ent,
                        first: np.first,
                        last: np.last,
                    });
                }
                if all_caps_words && (1..=4).contains(&name_len) && k > s {
                    // `The utility's director, Ada Nwosu, wrote`: the name
                    // between the commas, the description before them.
                    let np = Np {
                        first: k + 1,
                        last: comma - 1,
                    };
                    let ent = ctx.resolve_np(&np, subjects)?;
                    let mut first = np.first;
                    if let Some(desc) = ctx.np_back(k - 1, s) {
                        first = desc.first;
                        ctx.set_role(ent, desc.first..=desc.last);
                    }
                    return Some(Subject {
                        entity: ent,
                        first,
                        last: np.last,
                    });
                }
                // `Tomas Keller, a Democrat, said`: an appositive led by an
                // article describes the name before it.
                let described = matches!(first_word.as_str(), "a" | "an" | "the");
                if !(has_role || described) || k == s {
                    return None;
                }
                let j = k.checked_sub(1)?;
                if j < s || !ctx.is_word(j) || !ctx.cap(j) {
                    return None;
                }
                let np = ctx.np_back(j, s)?;
                let ent = ctx.resolve_np(&np, subjects)?;
                // The appositive is the speaker's role.
                ctx.set_role(ent, k + 1..=comma - 1);
                return Some(Subject {
                    entity: ent,
                    first: np.first,
                    last: np.last,
                });
            }
            T::Word => {
                let l = ctx.lower_of(k);
                if lexicon::is_person_role(&l) {
                    has_role = true;
                }
                all_caps_words &= ctx.cap(k) && !lexicon::is_not_name(&l);
            }
            _ => return None,
        }
    }
    None
}

/// `D-Calif.`, `R-Texas`: a party and state after a legislator's name.
fn is_party_tag(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 4 && matches!(b[0], b'D' | b'R' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// Whether tokens `from..to` are only punctuation and the word `that`.
fn only_glue(ctx: &Ctx, from: usize, to: usize) -> bool {
    (from..to).all(|k| match ctx.toks[k].t {
        T::Punct(_) => true,
        T::Word => matches!(
            ctx.lower_of(k).as_str(),
            "that" | "as" | "it" | "them" | "him" | "her" | "this" | "the" | "a" | "an"
        ),
        T::Quote(_) => false,
    })
}

fn mention_span(ctx: &Ctx, s: &Subject) -> Option<(u32, u32)> {
    if s.first == usize::MAX {
        return None;
    }
    Some((ctx.toks[s.first].start, ctx.toks[s.last].end))
}

fn cue_word(ctx: &Ctx, c: &CueAt) -> String {
    (c.tok..=c.end)
        .map(|k| ctx.lower_of(k))
        .collect::<Vec<_>>()
        .join(" ")
}

fn speaker_from(ctx: &Ctx, c: &CueAt, via: Via) -> Option<Speaker> {
    let s = c.subject?;
    let mention = mention_span(ctx, &s);
    let antecedent = mention.and_then(|(start, _)| ctx.antecedents.get(&start).copied());
    Some(Speaker {
        entity: s.entity,
        mention,
        cue: Some(cue_word(ctx, c)),
        via,
        confidence: Confidence::Likely,
        antecedent,
    })
}

/// Attributes every quotation of one article. `author` is the byline, used
/// for first-person cues in the reporter's own voice.
pub fn attribute(text: &str, ex: &Extraction, author: Option<&str>) -> Attribution {
    attribute_with(text, ex, author, None)
}

/// People a corpus names in full, by lowercase surname, for reading a
/// draft written from it: the draft's `Trump spoke on Tuesday. "…," he
/// said.` is about the Donald Trump of the sources. A surname two people
/// share maps to nobody.
#[derive(Clone, Debug, Default)]
pub struct KnownPeople {
    /// Full names by lowercase surname, with how many quotations each has.
    by_surname: rustc_hash::FxHashMap<String, Vec<(String, u32)>>,
}

impl KnownPeople {
    /// Counts one quotation of a person the corpus names in full.
    pub fn add(&mut self, full_name: &str, quotations: u32) {
        let Some((_, surname)) = full_name.rsplit_once(' ') else {
            return;
        };
        let list = self.by_surname.entry(surname.to_lowercase()).or_default();
        match list.iter_mut().find(|(n, _)| n == full_name) {
            Some(entry) => entry.1 += quotations,
            None => list.push((full_name.to_string(), quotations)),
        }
    }

    /// The person a lone surname means: the only one the corpus gives it,
    /// or one quoted at least four times as often as all the others.
    fn full_name(&self, surname: &str) -> Option<&str> {
        let list = self.by_surname.get(&surname.to_lowercase())?;
        let (best, n) = list.iter().max_by_key(|(_, n)| *n)?;
        let others: u32 = list.iter().map(|(_, n)| n).sum::<u32>() - n;
        (*n >= 4 * others.max(1) || others == 0).then_some(best.as_str())
    }
}

/// [`attribute`] for a draft, knowing the people of the corpus it was
/// written from.
pub fn attribute_with(
    text: &str,
    ex: &Extraction,
    author: Option<&str>,
    known: Option<&KnownPeople>,
) -> Attribution {
    let quotes = &ex.quotes;
    let mut speakers: Vec<Option<Speaker>> = vec![None; quotes.len()];
    let mut ctx = Ctx {
        text,
        toks: Vec::new(),
        entities: Vec::new(),
        salience: Vec::new(),
        mentioned: Vec::new(),
        author: author.map(str::to_string),
        mentions: Vec::new(),
        sentence_no: 0,
        para_no: 0,
        antecedents: Default::default(),
        known,
        by_surname: Default::default(),
        mention_count: Vec::new(),
        spoke: Vec::new(),
    };
    // Quotation spans by paragraph, as tokens stand for them.
    let spans: Vec<(u32, u32, u32)> = quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| matches!(q.kind, Kind::Quote | Kind::Fragment))
        .map(|(i, q)| (q.open, q.close, i as u32))
        .collect();
    let reach = crate::extract::furthest_ends(spans.iter().map(|&(_, e, _)| e));
    // The transcript turn of each labelled paragraph.
    let mut turn_of_para: Vec<Option<usize>> = vec![None; ex.paragraphs.len()];
    for (qi, q) in quotes.iter().enumerate().rev() {
        if q.kind == Kind::Transcript {
            if let Some(t) = turn_of_para.get_mut(q.para as usize) {
                *t = Some(qi);
            }
        }
    }
    // What the previous paragraph ended with: a speaker for quotation
    // paragraphs that carry no cue of their own.
    let mut prev_end_speaker: Option<Speaker> = None;
    // The speaker of each paragraph's closing sentence, for colon blocks.
    let mut para_end_speaker: Vec<Option<Speaker>> = vec![None; ex.paragraphs.len()];
    let mut first_token_seen = vec![false; quotes.len()];
    let mut introduced = Vec::new();
    let mut partial = vec![false; quotes.len()];
    let mut attributed = vec![false; quotes.len()];

    for (pi, p) in ex.paragraphs.iter().enumerate() {
        ctx.para_no = pi as u32;
        if let Some((ls, le)) = p.label {
            let turn = turn_of_para[pi];
            let ent = label_entity(&mut ctx, text, ls, le);
            if let (Some(qi), Some(e)) = (turn, ent) {
                speakers[qi] = Some(Speaker {
                    entity: e,
                    mention: Some((ls, le)),
                    cue: None,
                    via: Via::Label,
                    confidence: Confidence::Likely,
                    antecedent: None,
                });
                ctx.touch(e);
            }
            prev_end_speaker = None;
            continue;
        }
        ctx.toks.clear();
        tokenize(text, &p.lines, &spans, &reach, &mut ctx.toks);
        if ctx.toks.is_empty() {
            continue;
        }
        note_introduced_names(&mut ctx, &mut introduced);
        let furniture = is_furniture(&ctx, text, p);
        let ends = sentence_ends(&ctx, quotes);
        let mut s = 0;
        let mut para_last: Option<Speaker> = None;
        let mut last_sentence_speaker: Option<Speaker> = None;
        for &e in &ends {
            ctx.sentence_no += 1;
            if !furniture {
                note_mentions(&mut ctx, s, e);
            }
            note_sentence_subject(&mut ctx, s, e);
            let cues = cues_in(&mut ctx, s, e);
            let mut sentence_speaker: Option<Speaker> = cues
                .iter()
                .rev()
                .find(|c| !c.cue.weak && c.subject.is_some())
                .and_then(|c| speaker_from(&ctx, c, Via::Before));
            let starts_paragraph = s == 0;
            for k in s..e {
                let T::Quote(qi) = ctx.toks[k].t else {
                    continue;
                };
                let qi = qi as usize;
                let q = &quotes[qi];
                let continuation = first_token_seen[qi];
                first_token_seen[qi] = true;
                // `said she has "every confidence"`: words of the reporter's
                // sentence lead into the quotation (a cue or a colon does not).
                if !continuation && k > s && ctx.is_word(k - 1) && ctx.lex(k - 1).cue.is_none() {
                    partial[qi] = true;
                }
                if let Some(sp) = &speakers[qi] {
                    // A quotation carried over from the paragraph before
                    // hands its speaker to the quotations after it here.
                    if continuation && para_last.is_none() {
                        para_last = Some(sp.clone());
                    }
                    continue;
                }
                // `"…" ― Jo Ray`: a signed quotation.
                let mut found = match q.label {
                    Some((ls, le)) if q.kind != Kind::Transcript => {
                        Some(signature_speaker(&mut ctx, ls, le))
                    }
                    _ => None,
                };
                // After: `"…," the official said` / `"…," said the official`.
                let next_q = (k + 1..e)
                    .find(|&x| matches!(ctx.toks[x].t, T::Quote(_)))
                    .unwrap_or(e);
                let mut lead = k + 1;
                while lead < next_q && matches!(ctx.toks[lead].t, T::Punct(',' | '-' | ':')) {
                    lead += 1;
                }
                let mut after = cues.iter().filter(|c| c.tok > k && c.tok < next_q);
                // `"…," Jo Roe, the founder of a group called Occupy, said`:
                // a cue inside the speaker's phrase has no subject of its
                // own; the cue whose subject starts at the quotation speaks.
                let first_after = after.next().map(|c| {
                    let starts_here = |c: &&CueAt| {
                        c.tok == lead || c.subject.is_some_and(|sub| sub.first == lead)
                    };
                    if starts_here(&c) {
                        c
                    } else {
                        after.find(starts_here).unwrap_or(c)
                    }
                });
                if let Some(c) = first_after {
                    // `"…," political scientist Jo Roe told`: lowercase
                    // modifiers may stand before the speaker's phrase.
                    let adjacent = c.tok == lead
                        || c.subject.is_some_and(|sub| {
                            sub.first != usize::MAX
                                && sub.first >= lead
                                && sub.first - lead <= 4
                                && sub.last < c.tok
                                && (lead..sub.first).all(|x| {
                                    // `Roe's ally Ann Lee`, `political scientist Jo Roe`
                                    let possessive = ctx.is_word(x) && strip_possessive(ctx.w(x)).1;
                                    (possessive || ctx.np_token(x) && !ctx.cap(x))
                                        && !lexicon::is_conjunction(&ctx.lower_of(x))
                                })
                        });
                    // The speaker's phrase may be long (`Ivo Ibekwe, a general
                    // secretary at the union, said`) as long as it starts
                    // right after the quotation.
                    let starts_at_lead = c.subject.is_some_and(|sub| sub.first == lead);
                    if found.is_none()
                        && adjacent
                        && (c.tok - lead <= 24 || (starts_at_lead && c.tok - lead <= 45))
                    {
                        found = speaker_from(&ctx, c, Via::After);
                    }
                    if c.unresolved_pronoun && c.tok <= lead + 1 {
                        attributed[qi] = true;
                    }
                }
                // Before, in the same sentence.
                if found.is_none() && !continuation {
                    let before = cues.iter().rev().find(|c| {
                        c.end < k
                            && c.subject.is_some()
                            && (!c.cue.weak || only_glue(&ctx, c.end + 1, k))
                    });
                    if let Some(c) = before {
                        if c.subject.is_some() {
                            found = speaker_from(&ctx, c, Via::Before);
                        }
                    }
                }
                // `Roe went further: "…"`, `Jo Roe, Daily Post: "…"`: a colon
                // introduction without a speech verb; its subject speaks.
                if found.is_none()
                    && !continuation
                    && k > s
                    && matches!(ctx.toks[k - 1].t, T::Punct(':'))
                {
                    found = colon_speaker(&mut ctx, s, k - 1);
                }
                let fragment = q.kind == Kind::Fragment;
                let opens_sentence = only_glue(&ctx, s, k);
                let whole_sentence = !fragment || q.ends_sentence;
                // `"…," the retired neurosurgeon told …`: a cue right after
                // the quotation attributes it, even where its subject could
                // not be read; the speaker before is not inherited then.
                let own_cue = found.is_none()
                    && cues.iter().any(|c| {
                        c.tok > k
                            && c.tok < next_q
                            && !c.cue.participle
                            && (c.tok <= lead + 8 || !c.cue.weak)
                    });
                if own_cue {
                    attributed[qi] = true;
                }
                if found.is_none() && whole_sentence && opens_sentence && !continuation && !own_cue
                {
                    if let Some(prev) = &para_last {
                        found = Some(inherited(prev, Via::Continued));
                    } else if starts_paragraph {
                        found = prev_end_speaker
                            .as_ref()
                            .map(|prev| inherited(prev, Via::PreviousParagraph));
                    }
                }
                if let Some(sp) = found {
                    ctx.touch(sp.entity);
                    // A signature closes its item: it speaks for no other.
                    if sp.via != Via::Signature {
                        para_last = Some(sp.clone());
                        sentence_speaker = Some(sp.clone());
                    }
                    speakers[qi] = Some(sp);
                }
            }
            if e == ctx.toks.len() {
                // A colon introduces a block only through a cue near its end:
                // `Stone wrote on the company blog:`.
                let n = ctx.toks.len();
                para_end_speaker[pi] = cues
                    .iter()
                    .rev()
                    .find(|c| !c.cue.weak && c.subject.is_some() && n - c.end <= 9)
                    .and_then(|c| speaker_from(&ctx, c, Via::Introduction))
                    .or_else(|| {
                        let colon = n.checked_sub(1)?;
                        if !matches!(ctx.toks[colon].t, T::Punct(':')) || colon <= s {
                            return None;
                        }
                        colon_speaker(&mut ctx, s, colon)
                    });
            }
            last_sentence_speaker = sentence_speaker;
            s = e;
        }
        // A paragraph that is all quotation hands its speaker on; so does a
        // closing sentence with a cue (`The official underlined that …`),
        // and a colon introduction (`Roe issued the following reply:`).
        prev_end_speaker = para_end_speaker[pi]
            .clone()
            .filter(|_| {
                text[p.start as usize..p.end as usize]
                    .trim_end()
                    .ends_with(':')
            })
            .or(last_sentence_speaker)
            .or(para_last);
    }
    // Blocks take the speaker their signature names, else the speaker of
    // the paragraph that introduces them.
    for (qi, q) in quotes.iter().enumerate() {
        if let (Kind::Block, Some((s, e))) = (q.kind, q.label) {
            speakers[qi] = Some(signature_speaker(&mut ctx, s, e));
            continue;
        }
        if q.kind == Kind::Block {
            if let Some(ip) = q.intro_para {
                if let Some(sp) = para_end_speaker[ip as usize].clone() {
                    speakers[qi] = Some(Speaker {
                        via: Via::Introduction,
                        confidence: Confidence::Likely,
                        antecedent: None,
                        ..sp
                    });
                }
            }
        }
    }
    // The second half of a split quotation (`"A," Roe said. "B."`) is as
    // sure as the first.
    let mut last_in_para: Option<(u32, u32, Confidence)> = None;
    for (qi, sp) in speakers.iter_mut().enumerate() {
        let Some(sp) = sp else { continue };
        sp.confidence = confidence_of(text, sp, &ctx.entities[sp.entity as usize]);
        let para = quotes[qi].para;
        if sp.via == Via::Continued {
            if let Some((p, e, c)) = last_in_para {
                if p == para && e == sp.entity {
                    sp.confidence = c;
                }
            }
        }
        last_in_para = Some((quotes[qi].last_para, sp.entity, sp.confidence));
    }
    for (qi, sp) in speakers.iter().enumerate() {
        attributed[qi] |= sp.is_some();
    }
    Attribution {
        entities: ctx.entities,
        speakers,
        introduced,
        partial,
        attributed,
    }
}

/// The person a signature (`— Jo Ray`) names.
fn signature_speaker(ctx: &mut Ctx, s: u32, e: u32) -> Speaker {
    let words: Vec<String> = ctx.text[s as usize..e as usize]
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let kind = if words.len() >= 2 {
        EntityKind::Person
    } else {
        EntityKind::Unknown
    };
    let entity = ctx.named(words, kind, None, None, None);
    Speaker {
        entity,
        mention: Some((s, e)),
        cue: None,
        via: Via::Signature,
        confidence: Confidence::Likely,
        antecedent: None,
    }
}

/// Certain when the quotation's own sentence names the speaker at its cue
/// (or a label or signature does); likely through a pronoun, a
/// description standing for a named person, or an earlier sentence.
fn confidence_of(text: &str, sp: &Speaker, ent: &DocEntity) -> Confidence {
    match sp.via {
        Via::Label | Via::Signature | Via::Pinned => Confidence::Certain,
        Via::Continued | Via::PreviousParagraph => Confidence::Likely,
        Via::After | Via::Before | Via::Introduction => {
            let Some((s, e)) = sp.mention else {
                return Confidence::Likely;
            };
            let mention = text.get(s as usize..e as usize).unwrap_or("");
            let lower = mention.to_lowercase();
            if lexicon::pronoun(lower.trim()).is_some() {
                return Confidence::Likely;
            }
            if ent.anonymous {
                return Confidence::Certain;
            }
            let surname = surname_key(&ent.name);
            if !surname.is_empty() && lower.contains(&surname) {
                Confidence::Certain
            } else {
                Confidence::Likely
            }
        }
    }
}

/// Applies a user's pinned speakers: each quotation whose words contain a
/// pin's words (case and spacing aside) takes the pinned name.
pub fn apply_pins(
    text: &str,
    ex: &Extraction,
    attribution: &mut Attribution,
    pins: &[crate::corpus::SpeakerPin],
) {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    for pin in pins {
        let want = norm(&pin.quote);
        let words: Vec<String> = pin.name.split_whitespace().map(str::to_string).collect();
        if want.is_empty() || words.is_empty() {
            continue;
        }
        let kind = if words.len() >= 2 {
            EntityKind::Person
        } else {
            EntityKind::Unknown
        };
        let mut entity = None;
        for (qi, q) in ex.quotes.iter().enumerate() {
            if !norm(&q.text(text)).contains(&want) {
                continue;
            }
            let e = *entity.get_or_insert_with(|| {
                let key = pin.name.to_lowercase();
                attribution
                    .entities
                    .iter()
                    .position(|e| !e.anonymous && e.name.to_lowercase() == key)
                    .map(|i| i as u32)
                    .unwrap_or_else(|| {
                        attribution.entities.push(DocEntity {
                            name: words.join(" "),
                            kind,
                            anonymous: false,
                            role: None,
                            heads: Vec::new(),
                            gender: None,
                            aliases: vec![pin.name.clone()],
                        });
                        (attribution.entities.len() - 1) as u32
                    })
            });
            attribution.speakers[qi] = Some(Speaker {
                entity: e,
                mention: None,
                cue: None,
                via: Via::Pinned,
                confidence: Confidence::Certain,
                antecedent: None,
            });
            if let Some(a) = attribution.attributed.get_mut(qi) {
                *a = true;
            }
        }
    }
}

/// Page furniture: a headline, a caption or a `WATCH:` line, which names
/// people without making them the topic of the prose around it. Such a
/// paragraph is short and does not end like a sentence.
fn is_furniture(ctx: &Ctx, text: &str, p: &crate::extract::Paragraph) -> bool {
    let end = text[p.start as usize..p.end as usize].trim_end();
    let ends_sentence = end.ends_with(['.', '?', '!', '"', '”', '’', '\'', ')']);
    let words = ctx.toks.iter().filter(|t| t.t == T::Word).count();
    let shouting = ctx.toks.first().is_some_and(|t| t.flags & ALLCAPS != 0);
    // `Mayor Fires Back On The Ferry Plan At The Council`: small words
    // capitalised inside a line make it a headline, whatever ends it.
    let title_case = words < 30
        && (1..ctx.toks.len())
            .filter(|&k| {
                ctx.is_word(k)
                    && ctx.cap(k)
                    && ctx.is_word(k - 1)
                    && lexicon::is_headline_small_word(&ctx.lower_of(k))
            })
            .count()
            >= 2;
    (!ends_sentence && words < 20) || shouting || title_case
}

/// The speaker a transcript label names: `MR. KELLY` is the Kelly this
/// article names elsewhere; `QUESTION` is a reporter.
fn label_entity(ctx: &mut Ctx, text: &str, ls: u32, le: u32) -> Option<u32> {
    let label = &text[ls as usize..le as usize];
    let words: Vec<&str> = label.split_whitespace().collect();
    let lowers: Vec<String> = words
        .iter()
        .map(|w| w.to_lowercase().trim_end_matches('.').to_string())
        .collect();
    if lowers.iter().any(|l| lexicon::is_questioner_label(l)) {
        let e = ctx.anonymous_with_head("reporter").unwrap_or_else(|| {
            ctx.push_entity(DocEntity {
                name: "reporter".into(),
                kind: EntityKind::Person,
                anonymous: true,
                role: None,
                heads: vec!["reporter".into()],
                gender: None,
                aliases: vec![label.to_string()],
            })
        });
        return Some(e);
    }
    let gender = lowers.iter().find_map(|l| lexicon::title_gender(l));
    let name: Vec<String> = words
        .iter()
        .zip(&lowers)
        .filter(|(_, l)| !lexicon::is_title(l) && *l != "the")
        .map(|(w, _)| display_word(w))
        .collect();
    if name.is_empty() {
        // `THE PRESIDENT`: whoever holds that role here.
        let head = lowers.last()?.clone();
        return ctx.recent_with_head(&head).or_else(|| {
            Some(ctx.push_entity(DocEntity {
                name: display_word(label),
                kind: EntityKind::Person,
                anonymous: true,
                role: None,
                heads: vec![head],
                gender,
                aliases: vec![label.to_string()],
            }))
        });
    }
    if lexicon::is_person_role(&name.join(" ").to_lowercase()) {
        let head = name.join(" ").to_lowercase();
        return Some(ctx.anonymous_with_head(&head).unwrap_or_else(|| {
            ctx.push_entity(DocEntity {
                name: head.clone(),
                kind: EntityKind::Person,
                anonymous: true,
                role: None,
                heads: vec![head.clone()],
                gender,
                aliases: vec![label.to_string()],
            })
        }));
    }
    let e = ctx.named(name, EntityKind::Person, None, None, gender);
    if !ctx.entities[e as usize].aliases.iter().any(|a| a == label) {
        ctx.entities[e as usize].aliases.push(label.to_string());
    }
    Some(e)
}

/// Full names the article gives with a role or title before them
/// (`spokesman Ian Kelly`), even where they say nothing: they let a later
/// `Kelly said` be resolved to the full name.
fn note_introduced_names(ctx: &mut Ctx, out: &mut Vec<(String, Option<String>)>) {
    let mut found: Vec<(Vec<String>, String, Option<String>)> = Vec::new();
    let toks = &ctx.toks;
    let is_name_word = |k: usize| {
        ctx.is_word(k)
            && ctx.cap(k)
            && toks[k].flags & ALLCAPS == 0
            && !ctx
                .lex(k)
                .is(lexicon::NOT_NAME | lexicon::TITLE | lexicon::ORG_WORD)
    };
    let mut i = 0;
    while i < toks.len() {
        let x = ctx.lex(i);
        let intro =
            ctx.is_word(i) && (x.is(lexicon::PERSON_ROLE) || (ctx.cap(i) && x.is(lexicon::TITLE)));
        if !intro {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len() && is_name_word(j) {
            j += 1;
        }
        if !(2..=4).contains(&(j - i - 1)) {
            i += 1;
            continue;
        }
        let name: Vec<&str> = (i + 1..j).map(|k| ctx.w(k)).collect();
        // The role: the intro word and the capitalised or role words before it.
        let mut r = i;
        while r > 0
            && i - r < 3
            && ctx.is_word(r - 1)
            && (ctx.cap(r - 1) || ctx.lex(r - 1).is(lexicon::PERSON_ROLE))
        {
            if ctx.lex(r - 1).is(lexicon::NOT_NAME) {
                break;
            }
            r -= 1;
        }
        let role: Vec<&str> = (r..=i).map(|k| ctx.w(k)).collect();
        let head = x.is(lexicon::PERSON_ROLE).then(|| ctx.lower_of(i));
        found.push((
            name.iter().map(std::string::ToString::to_string).collect(),
            role.join(" "),
            head,
        ));
        i = j;
    }
    // They become known to the article, so that a later `the spokesman`
    // or `Kelly` finds them even if they have not spoken yet.
    for (name, role, head) in found {
        out.push((name.join(" "), Some(role.clone())));
        let e = ctx.named(name, EntityKind::Person, Some(role), head, None);
        if let Some(pos) = ctx.mentioned.iter().position(|&x| x == e) {
            ctx.mentioned.remove(pos);
        }
        ctx.mentioned.push(e);
    }
}
