//! Noun phrases read backwards and forwards from a token: the words that
//! can name a speaker.

#[allow(unused_imports)]
use super::*;

impl<'a> Ctx<'a> {
    /// Reads a noun phrase backwards from `end` (inclusive) to no earlier
    /// than `floor`. The phrase must end in a name or a role noun.
    pub(super) fn np_back(&self, end: usize, floor: usize) -> Option<Np> {
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
                    self.is_word(k)
                        && self
                            .lex(k)
                            .is(lexicon::WordClass::ORG_WORD | lexicon::WordClass::ORG_HEAD)
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
            if self.lex(j).is(lexicon::WordClass::DETERMINER) {
                // `Jo Roe of the Tax Policy Center`: the person before.
                if j >= floor + 2
                    && self.is_word(j - 1)
                    && self.w(j - 1) == "of"
                    && self.is_word(j - 2)
                    && self.cap(j - 2)
                    && !self
                        .lex(j - 2)
                        .is(lexicon::WordClass::ORG_WORD | lexicon::WordClass::TITLE)
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
                || x.is(lexicon::WordClass::DETERMINER
                    | lexicon::WordClass::PERSON_ROLE
                    | lexicon::WordClass::ORG_HEAD)
            {
                break;
            }
            // Lowercase modifiers are kept only after a determiner.
            first += 1;
        }
        Some(Np { first, last: end })
    }

    /// Reads a noun phrase forwards from `start`.
    pub(super) fn np_forward(&self, start: usize, limit: usize) -> Option<Np> {
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
                if !self.lex(i).is(lexicon::WordClass::DETERMINER)
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
    pub(super) fn role_then_name(&self, i: usize, limit: usize) -> bool {
        let mut role = false;
        for k in i..limit.min(i + 5) {
            if !self.is_word(k) {
                return false;
            }
            if self.cap(k) {
                return role && !self.lex(k).is(lexicon::WordClass::NOT_NAME);
            }
            if !self.np_token(k) || lexicon::is_conjunction(&self.lower_of(k)) {
                return false;
            }
            role |= self.lex(k).is(lexicon::WordClass::PERSON_ROLE);
        }
        false
    }
}
