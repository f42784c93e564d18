//! One article of an event: who is named how, which marks it uses, and
//! how its quotations are worded.

#[allow(unused_imports)]
use super::*;

pub(super) enum Para {
    Text(String),
    /// A block quote (markdown `>`, HTML `<blockquote>`).
    Block(String),
}

pub(super) struct Art<'a> {
    pub(super) ev: &'a Event,
    pub(super) r: Rng,
    pub(super) kind: ArticleKind,
    pub(super) british: bool,
    pub(super) contract: bool,
    pub(super) honorific: bool,
    pub(super) introduced: [bool; 3],
    pub(super) last: Option<usize>,
    pub(super) used: u32,
    pub(super) paras: Vec<Para>,
}

impl<'a> Art<'a> {
    pub(super) fn new(ev: &'a Event, i: usize, kind: ArticleKind) -> Art<'a> {
        let mut r = Rng::new(3, i as u64);
        let british = (kind == ArticleKind::Wire && r.chance(35)) || r.chance(10);
        let contract = r.chance(60);
        let honorific = !british && r.chance(25);
        Art {
            ev,
            r,
            kind,
            british,
            contract,
            honorific,
            introduced: [false; 3],
            last: None,
            used: 0,
            paras: Vec::new(),
        }
    }

    pub(super) fn fill(&mut self, tpl: &str) -> String {
        filled(self.ev, &mut self.r, tpl)
    }

    /// A speaker as the subject of a sentence: introduced in full the first
    /// time, by surname (or role) afterwards.
    pub(super) fn who(&mut self, p: usize) -> String {
        let ev = self.ev;
        let s = &ev.speakers[p];
        self.last = Some(p);
        if !self.introduced[p] {
            self.introduced[p] = true;
            let poss = format!("{}{APOS}s", s.affil_head);
            return match self.r.below(3) {
                0 if s.spokes => format!(
                    "{} {} {}",
                    s.affil.strip_prefix("the ").unwrap_or(&s.affil),
                    s.role,
                    s.full()
                ),
                0 if s.title.is_some() => {
                    format!("{} {}", s.title.unwrap_or_default(), s.full())
                }
                1 => format!("{}, the {poss} {},", s.full(), s.role),
                _ => format!(
                    "{}, {} {} at {},",
                    s.full(),
                    a_or_an(&s.role),
                    s.role,
                    s.affil
                ),
            };
        }
        if self.r.chance(10) {
            return format!("the {}", s.short_role());
        }
        self.surname(p)
    }

    /// A speaker after an inverted `said`: no trailing comma.
    pub(super) fn who_after(&mut self, p: usize) -> String {
        let w = self.who(p);
        w.strip_suffix(',').map(str::to_string).unwrap_or(w)
    }

    pub(super) fn surname(&self, p: usize) -> String {
        let s = &self.ev.speakers[p];
        if self.honorific {
            format!("{} {}", if s.female { "Ms." } else { "Mr." }, s.last)
        } else {
            s.last.clone()
        }
    }

    /// The marks of a quotation: `<q>` now and then in HTML.
    pub(super) fn marks(&mut self) -> (char, char) {
        if self.kind == ArticleKind::Html && self.r.chance(25) {
            (QOPEN, QCLOSE)
        } else {
            (OPEN, CLOSE)
        }
    }

    pub(super) fn pick_statement(&mut self) -> usize {
        let n = self.ev.statements.len();
        let start = self.r.below(n);
        for k in 0..n {
            let i = (start + k) % n;
            if self.used & (1 << i) == 0 {
                self.used |= 1 << i;
                return i;
            }
        }
        start
    }

    /// A statement as this article quotes it, and the mark that ends it
    /// (`.`, `?` or `!`), taken off.
    pub(super) fn rendered(&mut self, src: &str) -> (String, char) {
        let contract = if self.r.chance(20) {
            !self.contract
        } else {
            self.contract
        };
        let mut s = String::with_capacity(src.len() + 16);
        render(src, contract, self.british, &mut s);
        let term = match s.as_bytes().last() {
            Some(&c) if matches!(c, b'.' | b'?' | b'!') => c as char,
            _ => return (s, '.'),
        };
        s.pop();
        (s, term)
    }

    pub(super) fn words(&mut self, src: &str) -> (Vec<String>, char) {
        let (s, term) = self.rendered(src);
        (s.split(' ').map(str::to_string).collect(), term)
    }

    /// A statement as quoted, now and then with a dropped comma, an
    /// editor's clarification or an ellipsis.
    pub(super) fn body(&mut self, src: &str, modify: bool) -> (String, char) {
        let (mut s, term) = self.rendered(src);
        if !modify {
            return (s, term);
        }
        let roll = self.r.below(100);
        if roll >= 26 {
            return (s, term);
        }
        let spaces: Vec<usize> = s.match_indices(' ').map(|(i, _)| i).collect();
        let len = spaces.len() + 1;
        match roll {
            // A dropped comma.
            0..=9 => {
                let commas: Vec<usize> = s.match_indices(", ").map(|(i, _)| i).collect();
                if !commas.is_empty() {
                    let i = commas[self.r.below(commas.len())];
                    s.remove(i);
                }
            }
            // An editor's clarification.
            10..=17 => {
                let ev = self.ev;
                let note = match self.r.below(3) {
                    0 => format!(" [the {}]", ev.topic.org_head),
                    1 => format!(" [in {}]", ev.place),
                    _ => format!(" [{}]", ev.topic.np.replace('\'', "\u{E002}")),
                };
                let at = spaces[self.r.below(spaces.len())];
                s.insert_str(at, &note);
            }
            // An ellipsis over a few words.
            _ if len >= 14 => {
                let k = self.r.range(1, len / 7);
                let at = self.r.range(3, len - k - 2);
                let from = spaces[at - 1] + 1;
                let to = spaces[at + k - 1] + 1;
                s.replace_range(from..to, &format!("{ELLIPSIS} "));
            }
            _ => {}
        }
        (s, term)
    }

    /// `“…,”` before a cue, or `“…?”` when it asks.
    pub(super) fn quoted_before_cue(o: char, c: char, body: &str, term: char) -> String {
        if term == '.' {
            format!("{o}{body},{c}")
        } else {
            format!("{o}{body}{term}{c}")
        }
    }

    pub(super) fn verb(&mut self, p: usize) -> String {
        let again = self.introduced[p];
        match self.r.below(10) {
            0 => "told reporters".into(),
            1 => format!("said on {}", self.ev.weekday),
            2 => "said in a statement".into(),
            3 if again => "added".into(),
            4 => "insisted".into(),
            5 => "warned".into(),
            _ => "said".into(),
        }
    }
}
