//! The state of attributing one article: its tokens, the entities named
//! so far, and the mentions that pronouns and descriptions resolve to.

#[allow(unused_imports)]
use super::*;

pub(super) struct Np {
    pub(super) first: usize,
    pub(super) last: usize,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Subject {
    pub(super) entity: u32,
    pub(super) first: usize,
    pub(super) last: usize,
}

pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    pub(super) toks: Vec<Tok>,
    pub(super) entities: Vec<DocEntity>,
    /// Entities in the order they last spoke, most recent last.
    pub(super) salience: Vec<u32>,
    /// Entities introduced with a role (`spokesman Ian Kelly`), most recent
    /// last, whether or not they have spoken.
    pub(super) mentioned: Vec<u32>,
    pub(super) author: Option<String>,
    /// Every person mentioned by name (or by a resolved pronoun), in text
    /// order: what a later `he` or `she` can stand for.
    pub(super) mentions: Vec<Mention>,
    /// Number of the sentence being read, across paragraphs.
    pub(super) sentence_no: u32,
    pub(super) para_no: u32,
    /// What each resolved `he` or `she` stood for, by the pronoun's view
    /// offset.
    pub(super) antecedents: rustc_hash::FxHashMap<u32, Antecedent>,
    /// For a draft: the people of its corpus.
    pub(super) known: Option<&'a KnownPeople>,
    /// Entities by the lowercase last word of their name, in order, so that
    /// finding a person by surname does not scan every entity.
    pub(super) by_surname: rustc_hash::FxHashMap<String, Vec<u32>>,
    /// How many times each entity has been mentioned.
    pub(super) mention_count: Vec<u32>,
    /// Which entities have spoken (or stood as a named sentence subject).
    pub(super) spoke: Vec<bool>,
}

/// A person named (or referred to) at a place in the article.
#[derive(Clone, Copy, Debug)]
pub(super) struct Mention {
    pub(super) entity: u32,
    pub(super) sentence: u32,
    /// Token index within the sentence's paragraph.
    pub(super) tok: u32,
    pub(super) role: MentionRole,
    /// View span of the name this mention goes back to (for a resolved
    /// pronoun, the name it stands for), and its paragraph.
    pub(super) start: u32,
    pub(super) end: u32,
    pub(super) para: u32,
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
pub(super) enum MentionRole {
    /// The subject of a cue verb: who spoke there.
    Speaker,
    Plain,
    /// `Trump’s accusation`: a possessor is rarely what `he` means next.
    Possessive,
}

/// A plural role (`officials`), which `he` and `she` do not stand for.
pub(super) fn is_plural_role(h: &str) -> bool {
    h.ends_with('s') && !h.ends_with("ss") && !h.ends_with("us") && lexicon::is_person_role(h)
}

/// A head that names many people (`officials`, `police`): never `he` or
/// `she`.
pub(super) fn is_collective(h: &str) -> bool {
    is_plural_role(h) || (lexicon::is_org_head(h) && lexicon::is_person_role(h))
}

/// How many sentences back a pronoun looks for a named person before
/// falling back to the speakers of the article.
pub(super) const PRONOUN_WINDOW: u32 = 8;

pub(super) fn word<'a>(text: &'a str, t: &Tok) -> &'a str {
    &text[t.start as usize..t.end as usize]
}

impl<'a> Ctx<'a> {
    pub(super) fn w(&self, i: usize) -> &'a str {
        word(self.text, &self.toks[i])
    }

    pub(super) fn lower_of(&self, i: usize) -> String {
        let mut buf = [0u8; 32];
        let mut owned = String::new();
        lower(self.w(i), &mut buf, &mut owned).to_string()
    }

    pub(super) fn lex(&self, i: usize) -> Entry {
        self.toks[i].lex
    }

    /// A name or a role noun: what a speaker's noun phrase can end with.
    pub(super) fn is_head(&self, i: usize) -> bool {
        let x = self.lex(i);
        (self.cap(i) && !x.is(lexicon::WordClass::NOT_NAME))
            || x.is(lexicon::WordClass::PERSON_ROLE | lexicon::WordClass::ORG_HEAD)
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        self.toks[i].t == T::Word
    }

    pub(super) fn cap(&self, i: usize) -> bool {
        self.toks[i].flags & CAP != 0
    }

    /// `of` between capitalised words, as in a title (`Secretary of State`).
    pub(super) fn title_of(&self, i: usize) -> bool {
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
    pub(super) fn initial_period(&self, i: usize) -> bool {
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
    pub(super) fn inner_period(&self, i: usize) -> bool {
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
    pub(super) fn w_dotted(&self, i: usize) -> String {
        if self.inner_period(i + 1) {
            format!("{}.", self.w(i))
        } else {
            self.w(i).to_string()
        }
    }

    /// Whether a token may stand in a speaker's noun phrase.
    pub(super) fn np_token(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let x = self.lex(i);
        if self.cap(i) {
            return !x.is(lexicon::WordClass::NOT_NAME) || x.is(lexicon::WordClass::DETERMINER);
        }
        if x.is(lexicon::WordClass::DETERMINER) {
            return true;
        }
        if x.is(lexicon::WordClass::NP_STOP | lexicon::WordClass::PRONOUN) || x.cue.is_some() {
            return false;
        }
        self.toks[i].flags & ADVERB == 0
    }
}
