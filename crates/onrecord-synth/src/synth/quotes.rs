//! The paragraphs that quote: every attribution pattern the engine reads.

#[allow(unused_imports)]
use super::*;

impl<'a> Art<'a> {
    pub(super) fn quote_paras(&mut self) {
        let ev = self.ev;
        let si = self.pick_statement();
        let src = ev.statements[si].src.as_str();
        let p = ev.statements[si].speaker;
        let lead = ev.statements[si].lead;
        let roll = self.r.below(100);
        let text = match roll {
            // “…,” Halvorsen said.
            0..=21 => {
                let (body, term) = self.body(src, true);
                let (o, c) = (OPEN, CLOSE);
                let verb = self.verb(p);
                let who = self.who(p);
                format!(
                    "{} {who} {verb}.",
                    Self::quoted_before_cue(o, c, &body, term)
                )
            }
            // “…,” said the minister.
            22..=31 => {
                let (body, term) = self.body(src, true);
                let who = self.who_after(p);
                format!(
                    "{} said {who}.",
                    Self::quoted_before_cue(OPEN, CLOSE, &body, term)
                )
            }
            // Spokeswoman Ines Halvorsen said that “…”
            32..=45 => {
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
            // “First half,” she said, “second half.”
            46..=55 => {
                let (w, term) = self.words(src);
                // Between two clauses, never after the opening aside alone.
                let joints: Vec<usize> = (lead + 3..w.len().saturating_sub(3))
                    .filter(|&k| {
                        w[k - 1].ends_with(['.', ';'])
                            || (w[k - 1].ends_with(',')
                                && matches!(w[k].as_str(), "and" | "but" | "so"))
                    })
                    .collect();
                if joints.is_empty() {
                    let body = w.join(" ");
                    let who = self.who(p);
                    format!(
                        "{} {who} said.",
                        Self::quoted_before_cue(OPEN, CLOSE, &body, term)
                    )
                } else {
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
            }
            // “…,” he said.  (after a paragraph that names him)
            56..=65 => {
                let (body, term) = self.body(src, true);
                let q = Self::quoted_before_cue(OPEN, CLOSE, &body, term);
                if self.last == Some(p) {
                    let verb = if self.r.chance(30) { "added" } else { "said" };
                    format!("{q} {} {verb}.", ev.speakers[p].pronoun())
                } else {
                    let who = self.who(p);
                    let tpl = format!(
                        "{} has been at the centre of the row over $H since it began.",
                        cap_first(&who)
                    );
                    let intro = self.fill(&tpl);
                    self.paras.push(Para::Text(intro));
                    format!("{q} {} said.", ev.speakers[p].pronoun())
                }
            }
            // A quotation over two paragraphs.
            66..=71 => {
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
            // A fragment woven into the reporter's sentence.
            72..=79 => {
                // Reporters quote the telling words: around one of the
                // event's key phrases, never the opening aside alone.
                let (w, term) = self.words(src);
                let Some(e) = self.key_word_at(&w, lead) else {
                    let body = w.join(" ");
                    let who = self.who(p);
                    let q = Self::quoted_before_cue(OPEN, CLOSE, &body, term);
                    self.paras.push(Para::Text(format!("{q} {who} said.")));
                    return;
                };
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
                let frag = lower_first(&frag);
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
            // Two statements in one quotation.
            80..=84 => {
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
            // In a letter to residents, the director wrote:
            85..=89 => {
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
            // Anonymous officials and residents, with words of their own.
            90..=94 => {
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
            _ => {
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
        };
        self.paras.push(Para::Text(text));
    }
}
