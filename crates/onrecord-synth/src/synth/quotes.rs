//! The paragraphs that quote: every attribution pattern the engine reads.

#[allow(unused_imports)]
use super::*;

impl<'a> Art<'a> {
    /// Quotes one of the event's statements in an attribution pattern drawn
    /// by weight, so that the corpus holds every pattern the engine reads
    /// about as often as reporters write it. Some patterns add a paragraph
    /// before the one that quotes.
    pub(super) fn quote_paras(&mut self) {
        let ev = self.ev;
        let si = self.pick_statement();
        let st = &ev.statements[si];
        let (src, p, lead) = (st.src.as_str(), st.speaker, st.lead);
        let text = match self.r.below(100) {
            0..=21 => self.quote_then_name(src, p),
            22..=31 => self.quote_then_said_who(src, p),
            32..=45 => self.who_said_quote(src, p),
            46..=55 => self.split_quote(src, p, lead),
            56..=65 => self.quote_then_pronoun(src, p),
            66..=71 => self.quote_over_two_paras(src, p),
            72..=79 => self.woven_fragment(src, p, lead),
            80..=84 => self.two_statements_quoted(src, p),
            85..=89 => self.colon_introduced(src, p),
            90..=94 => self.anonymous_quote(),
            _ => self.vox_pop(),
        };
        self.paras.push(Para::Text(text));
    }

    /// `“…,” Halvorsen said.`: the commonest pattern, the cue after the
    /// quotation with a varied verb.
    fn quote_then_name(&mut self, src: &str, p: usize) -> String {
        let (body, term) = self.body(src, true);
        let (o, c) = (OPEN, CLOSE);
        let verb = self.verb(p);
        let who = self.who(p);
        format!(
            "{} {who} {verb}.",
            Self::quoted_before_cue(o, c, &body, term)
        )
    }

    /// `“…,” said the minister.`: the inverted cue, where the speaker
    /// follows the verb.
    fn quote_then_said_who(&mut self, src: &str, p: usize) -> String {
        let (body, term) = self.body(src, true);
        let who = self.who_after(p);
        format!(
            "{} said {who}.",
            Self::quoted_before_cue(OPEN, CLOSE, &body, term)
        )
    }

    /// `Spokeswoman Ines Halvorsen said that “…”`: the speaker and cue
    /// before the quotation, in one of four wordings.
    fn who_said_quote(&mut self, src: &str, p: usize) -> String {
        let ev = self.ev;
        let (body, term) = self.body(src, true);
        let (o, c) = self.marks();
        let who = cap_first(&self.who(p));
        match self.r.below(4) {
            0 => format!("{who} said that {o}{}{term}{c}", lower_first(&body)),
            1 => format!(
                "{who} told reporters in {} on {}: {o}{body}{term}{c}",
                ev.place, ev.weekday
            ),
            2 => format!("{who} said, {o}{body}{term}{c}"),
            _ => format!("In a statement, {who} said: {o}{body}{term}{c}"),
        }
    }

    /// `“First half,” she said, “second half.”`: the quotation cut at a
    /// joint between clauses, or quoted whole when it has none.
    fn split_quote(&mut self, src: &str, p: usize, lead: usize) -> String {
        let (w, term) = self.words(src);
        let joints = clause_joints(&w, lead);
        if joints.is_empty() {
            let body = w.join(" ");
            let who = self.who(p);
            return format!(
                "{} {who} said.",
                Self::quoted_before_cue(OPEN, CLOSE, &body, term)
            );
        }
        let k = joints[self.r.below(joints.len())];
        let mut first = w[..k].join(" ");
        let sentence_end = first.ends_with('.');
        while first.ends_with([',', '.', ';']) {
            first.pop();
        }
        let rest = w[k..].join(" ");
        let who = self.who(p);
        if sentence_end {
            format!("{OPEN}{first},{CLOSE} {who} said. {OPEN}{rest}{term}{CLOSE}")
        } else {
            format!(
                "{OPEN}{first},{CLOSE} {who} said, {OPEN}{}{term}{CLOSE}",
                lower_first(&rest)
            )
        }
    }

    /// `“…,” he said.`: a pronoun speaker, which needs the paragraph
    /// before to name him; when it does not, one is added that does.
    fn quote_then_pronoun(&mut self, src: &str, p: usize) -> String {
        let ev = self.ev;
        let (body, term) = self.body(src, true);
        let q = Self::quoted_before_cue(OPEN, CLOSE, &body, term);
        if self.last == Some(p) {
            let verb = if self.r.chance(30) { "added" } else { "said" };
            return format!("{q} {} {verb}.", ev.speakers[p].pronoun());
        }
        let who = self.who(p);
        let tpl = format!(
            "{} has been at the centre of the row over $H since it began.",
            cap_first(&who)
        );
        let intro = self.fill(&tpl);
        self.paras.push(Para::Text(intro));
        format!("{q} {} said.", ev.speakers[p].pronoun())
    }

    /// A quotation over two paragraphs: the first left open, the second
    /// closing it, as newspapers run a long quotation on.
    fn quote_over_two_paras(&mut self, src: &str, p: usize) -> String {
        let (b1, t1) = self.body(src, false);
        let other = self.unique_statement();
        let (b2, t2) = self.body(&other, true);
        let who = self.who(p);
        let first = format!(
            "{} {who} said. {OPEN}{b2}{t2}",
            Self::quoted_before_cue(OPEN, CLOSE, &b1, t1)
        );
        self.paras.push(Para::Text(first));
        let more = self.unique_statement();
        let (b3, t3) = self.body(&more, false);
        format!("{OPEN}{b3}{t3}{CLOSE}")
    }

    /// A fragment woven into the reporter's sentence. Reporters quote the
    /// telling words: around one of the event's key phrases, never the
    /// opening aside alone. Without a key phrase the statement is quoted
    /// whole.
    fn woven_fragment(&mut self, src: &str, p: usize, lead: usize) -> String {
        let (w, term) = self.words(src);
        let Some(e) = self.key_word_at(&w, lead) else {
            let body = w.join(" ");
            let who = self.who(p);
            let q = Self::quoted_before_cue(OPEN, CLOSE, &body, term);
            return format!("{q} {who} said.");
        };
        let frag = self.fragment_ending_at(&w, lead, e);
        self.weave(&frag, p)
    }

    /// The fragment's words: from a verb (or a few words back) to the key
    /// phrase that ends at `e`, lowercase first and without closing
    /// punctuation, as it reads inside another sentence.
    fn fragment_ending_at(&mut self, w: &[String], lead: usize, e: usize) -> String {
        let starts: Vec<usize> = (lead..e.saturating_sub(2))
            .filter(|&a| e + 1 - a <= 9 && is_verb(&w[a]))
            .collect();
        let a = if starts.is_empty() {
            e + 1 - self.r.range(4, 9.min(e + 1 - lead))
        } else {
            starts[self.r.below(starts.len())]
        };
        let mut frag = w[a..=e].join(" ");
        while frag.ends_with([',', '.', ';', '?', '!']) {
            frag.pop();
        }
        lower_first(&frag)
    }

    /// The reporter's sentence around a fragment, in one of three wordings.
    fn weave(&mut self, frag: &str, p: usize) -> String {
        let ev = self.ev;
        let (o, c) = self.marks();
        let who = cap_first(&self.who(p));
        match self.r.below(3) {
            0 => format!(
                "{who} said the {} was ready to {o}{frag}{c} if it had to.",
                ev.topic.org_head
            ),
            1 => {
                format!("{who} spoke of the need to {o}{frag}{c}, without giving details.")
            }
            _ => format!(
                "In {} remarks, {who} returned to the theme, saying {o}{frag}{c}.",
                if ev.speakers[p].female { "her" } else { "his" }
            ),
        }
    }

    /// Two statements in one quotation, the first ending its sentence
    /// inside the marks.
    fn two_statements_quoted(&mut self, src: &str, p: usize) -> String {
        let ev = self.ev;
        let (b1, t1) = self.body(src, false);
        let s2 = self.pick_statement();
        let (b2, t2) = self.body(&ev.statements[s2].src, false);
        let who = self.who(p);
        let tail = if t2 == '.' {
            format!("{b2},")
        } else {
            format!("{b2}{t2}")
        };
        format!("{OPEN}{b1}{t1} {tail}{CLOSE} {who} said.")
    }

    /// `In a letter to residents, the director wrote:` and then the
    /// statement, unquoted, in one paragraph or two: the colon introduces
    /// what follows.
    fn colon_introduced(&mut self, src: &str, p: usize) -> String {
        let ev = self.ev;
        let who = cap_first(&self.who(p));
        let cue = match self.r.below(3) {
            0 => format!("wrote in a letter to residents on {}", ev.weekday),
            1 => "said in a statement".to_string(),
            _ => format!("told the council in {}", MONTHS[ev.month]),
        };
        self.paras.push(Para::Text(format!("{who} {cue}:")));
        let (b1, t1) = self.body(src, false);
        if self.r.chance(50) {
            let more = self.unique_statement();
            let (b2, t2) = self.body(&more, false);
            self.paras.push(Para::Text(format!("{b1}{t1}")));
            format!("{b2}{t2}")
        } else {
            format!("{b1}{t1}")
        }
    }

    /// Anonymous officials and residents, with words of their own: a
    /// speaker with no name to find.
    fn anonymous_quote(&mut self) -> String {
        let own = self.unique_statement();
        let (body, term) = self.body(&own, false);
        let t = self.r.pick(ANONYMOUS);
        let anon = self.fill(t);
        self.last = None;
        format!(
            "{} said {anon}.",
            Self::quoted_before_cue(OPEN, CLOSE, &body, term)
        )
    }

    /// A resident named once, with age and occupation, and words of their
    /// own: a speaker from outside the event's cast.
    fn vox_pop(&mut self) -> String {
        let ev = self.ev;
        let own = self.unique_statement();
        let (body, term) = self.body(&own, false);
        let female = self.r.chance(50);
        let first = self.r.pick(if female { FEMALE } else { MALE });
        let last = surname(&mut self.r);
        let age = self.r.range(19, 84);
        let job = self.r.pick(OCCUPATIONS);
        self.last = None;
        format!(
            "{} said {first} {last}, {age}, {} {job} from {}.",
            Self::quoted_before_cue(OPEN, CLOSE, &body, term),
            a_or_an(job),
            ev.place2
        )
    }
}

/// Where a quotation may be split around its cue: between two clauses
/// (after `.` or `;`, or after a comma before `and`, `but`, `so`), at
/// least three words past the opening aside and four before the end, so
/// that neither half is the aside alone or a stub.
fn clause_joints(w: &[String], lead: usize) -> Vec<usize> {
    (lead + 3..w.len().saturating_sub(3))
        .filter(|&k| {
            w[k - 1].ends_with(['.', ';'])
                || (w[k - 1].ends_with(',') && matches!(w[k].as_str(), "and" | "but" | "so"))
        })
        .collect()
}
