//! Reading one article paragraph by paragraph: what carries over from
//! one sentence and paragraph to the next, and the order in which a
//! quotation's speaker is sought (signature, cue after, cue before,
//! colon introduction, then the quotation or paragraph before).

#[allow(unused_imports)]
use super::*;
use crate::extract::Paragraph;

/// The state of attributing one article, kept from paragraph to paragraph.
pub(super) struct Attributor<'a> {
    ctx: Ctx<'a>,
    quotes: &'a [Quotation],
    /// Quotation spans, as tokens stand for them, and how far each prefix
    /// of them reaches, for `tokenize`.
    spans: Vec<(u32, u32, u32)>,
    reach: Vec<u32>,
    /// The transcript turn of each labelled paragraph.
    turn_of_para: Vec<Option<usize>>,
    speakers: Vec<Option<Speaker>>,
    /// What the previous paragraph ended with: a speaker for quotation
    /// paragraphs that carry no cue of their own.
    prev_end_speaker: Option<Speaker>,
    /// The speaker of each paragraph's closing sentence, for colon blocks.
    para_end_speaker: Vec<Option<Speaker>>,
    /// The latest speaker of the paragraph being read, for the quotations
    /// after it.
    para_last: Option<Speaker>,
    /// Whether a quotation's token has been read before: its second half
    /// continues it.
    first_token_seen: Vec<bool>,
    introduced: Vec<(String, Option<String>)>,
    partial: Vec<bool>,
    attributed: Vec<bool>,
}

/// A sentence being read: its token range and its cues.
struct Sentence<'c> {
    s: usize,
    e: usize,
    cues: &'c [CueAt],
}

/// A quotation's token in its sentence, and where the words after it run.
struct QuoteTok {
    k: usize,
    qi: usize,
    /// The quotation's token was read before (a split quotation).
    continuation: bool,
    /// The next quotation's token, else the sentence's end.
    next_q: usize,
    /// The first token after the quotation past `,`, `-` and `:`.
    lead: usize,
}

impl<'a> Attributor<'a> {
    pub(super) fn new(
        text: &'a str,
        ex: &'a Extraction,
        author: Option<&str>,
        known: Option<&'a KnownPeople>,
    ) -> Self {
        let quotes = &ex.quotes;
        let ctx = Ctx {
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
        let spans: Vec<(u32, u32, u32)> = quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| matches!(q.kind, Kind::Quote | Kind::Fragment))
            .map(|(i, q)| (q.open, q.close, i as u32))
            .collect();
        let reach = crate::extract::furthest_ends(spans.iter().map(|&(_, e, _)| e));
        let mut turn_of_para: Vec<Option<usize>> = vec![None; ex.paragraphs.len()];
        for (qi, q) in quotes.iter().enumerate().rev() {
            if q.kind == Kind::Transcript {
                if let Some(t) = turn_of_para.get_mut(q.para as usize) {
                    *t = Some(qi);
                }
            }
        }
        Attributor {
            ctx,
            quotes,
            spans,
            reach,
            turn_of_para,
            speakers: vec![None; quotes.len()],
            prev_end_speaker: None,
            para_end_speaker: vec![None; ex.paragraphs.len()],
            para_last: None,
            first_token_seen: vec![false; quotes.len()],
            introduced: Vec::new(),
            partial: vec![false; quotes.len()],
            attributed: vec![false; quotes.len()],
        }
    }

    /// Reads one paragraph: a transcript turn takes its label's speaker;
    /// other paragraphs are read sentence by sentence.
    pub(super) fn paragraph(&mut self, pi: usize, p: &Paragraph) {
        self.ctx.para_no = pi as u32;
        if let Some((ls, le)) = p.label {
            self.labelled_paragraph(pi, ls, le);
            return;
        }
        self.ctx.toks.clear();
        tokenize(
            self.ctx.text,
            &p.lines,
            &self.spans,
            &self.reach,
            &mut self.ctx.toks,
        );
        if self.ctx.toks.is_empty() {
            return;
        }
        note_introduced_names(&mut self.ctx, &mut self.introduced);
        let furniture = is_furniture(&self.ctx, self.ctx.text, p);
        let ends = sentence_ends(&self.ctx, self.quotes);
        let mut s = 0;
        self.para_last = None;
        let mut last_sentence_speaker: Option<Speaker> = None;
        for &e in &ends {
            last_sentence_speaker = self.sentence(pi, s, e, furniture);
            s = e;
        }
        // A paragraph that is all quotation hands its speaker on; so does a
        // closing sentence with a cue (`The official underlined that …`),
        // and a colon introduction (`Roe issued the following reply:`).
        let text = self.ctx.text;
        self.prev_end_speaker = self.para_end_speaker[pi]
            .clone()
            .filter(|_| {
                text[p.start as usize..p.end as usize]
                    .trim_end()
                    .ends_with(':')
            })
            .or(last_sentence_speaker)
            .or(self.para_last.take());
    }

    /// A transcript turn: its quotation is the label's speaker's.
    fn labelled_paragraph(&mut self, pi: usize, ls: u32, le: u32) {
        let turn = self.turn_of_para[pi];
        let text = self.ctx.text;
        let ent = label_entity(&mut self.ctx, text, ls, le);
        if let (Some(qi), Some(e)) = (turn, ent) {
            self.speakers[qi] = Some(Speaker {
                who: e,
                mention: Some((ls, le)),
                cue: None,
                via: Via::Label,
                confidence: Confidence::Likely,
                antecedent: None,
            });
            self.ctx.touch(e);
        }
        self.prev_end_speaker = None;
    }

    /// Reads the sentence `s..e` of the paragraph: its mentions, its cues
    /// and the speakers of its quotations. Returns who the sentence says
    /// spoke, for the paragraph after.
    fn sentence(&mut self, pi: usize, s: usize, e: usize, furniture: bool) -> Option<Speaker> {
        self.ctx.sentence_no += 1;
        if !furniture {
            note_mentions(&mut self.ctx, s, e);
        }
        note_sentence_subject(&mut self.ctx, s, e);
        let cues = cues_in(&mut self.ctx, s, e);
        let mut sentence_speaker: Option<Speaker> = cues
            .iter()
            .rev()
            .find(|c| !c.cue.weak && c.subject.is_some())
            .and_then(|c| speaker_from(&self.ctx, c, Via::Before));
        let sent = Sentence { s, e, cues: &cues };
        for k in s..e {
            let T::Quote(qi) = self.ctx.toks[k].t else {
                continue;
            };
            if let Some(sp) = self.quotation(k, qi as usize, &sent) {
                sentence_speaker = Some(sp);
            }
        }
        if e == self.ctx.toks.len() {
            self.para_end_speaker[pi] = self.introduction(s, &cues);
        }
        sentence_speaker
    }

    /// Attributes the quotation whose token is `k`, unless it has its
    /// speaker already. Returns the speaker found, when it speaks for the
    /// sentence (a signature does not).
    fn quotation(&mut self, k: usize, qi: usize, sent: &Sentence) -> Option<Speaker> {
        let continuation = self.first_token_seen[qi];
        self.first_token_seen[qi] = true;
        let s = sent.s;
        // `said she has "every confidence"`: words of the reporter's
        // sentence lead into the quotation (a cue or a colon does not).
        if !continuation && k > s && self.ctx.is_word(k - 1) && self.ctx.lex(k - 1).cue.is_none() {
            self.partial[qi] = true;
        }
        if let Some(sp) = &self.speakers[qi] {
            // A quotation carried over from the paragraph before
            // hands its speaker to the quotations after it here.
            if continuation && self.para_last.is_none() {
                self.para_last = Some(sp.clone());
            }
            return None;
        }
        let toks = &self.ctx.toks;
        let next_q = (k + 1..sent.e)
            .find(|&x| matches!(toks[x].t, T::Quote(_)))
            .unwrap_or(sent.e);
        let mut lead = k + 1;
        while lead < next_q && matches!(toks[lead].t, T::Punct(',' | '-' | ':')) {
            lead += 1;
        }
        let qt = QuoteTok {
            k,
            qi,
            continuation,
            next_q,
            lead,
        };
        let mut found = self.cued_speaker(&qt, sent);
        if found.is_none() {
            found = self.uncued_speaker(&qt, sent);
        }
        let sp = found?;
        self.ctx.touch(sp.who);
        // A signature closes its item: it speaks for no other.
        if sp.via == Via::Signature {
            self.speakers[qi] = Some(sp);
            return None;
        }
        self.para_last = Some(sp.clone());
        self.speakers[qi] = Some(sp.clone());
        Some(sp)
    }

    /// The speaker a quotation's own words name: a signature (`"…" ― Jo
    /// Ray`), a cue after it, a cue before it in the sentence, or a colon
    /// introduction without a speech verb.
    fn cued_speaker(&mut self, qt: &QuoteTok, sent: &Sentence) -> Option<Speaker> {
        let quotes = self.quotes;
        let q = &quotes[qt.qi];
        let k = qt.k;
        let mut found = match q.label {
            Some((ls, le)) if q.kind != Kind::Transcript => {
                Some(signature_speaker(&mut self.ctx, ls, le))
            }
            _ => None,
        };
        // After: `"…," the official said` / `"…," said the official`.
        let after = self.cue_after(qt, sent.cues);
        if found.is_none() {
            if let Some(c) = after {
                found = speaker_from(&self.ctx, c, Via::After);
            }
        }
        // Before, in the same sentence.
        if found.is_none() && !qt.continuation {
            let before = sent.cues.iter().rev().find(|c| {
                c.end < k
                    && c.subject.is_some()
                    && (!c.cue.weak || only_glue(&self.ctx, c.end + 1, k))
            });
            if let Some(c) = before {
                if c.subject.is_some() {
                    found = speaker_from(&self.ctx, c, Via::Before);
                }
            }
        }
        // `Roe went further: "…"`, `Jo Roe, Daily Post: "…"`: a colon
        // introduction without a speech verb; its subject speaks.
        if found.is_none()
            && !qt.continuation
            && k > sent.s
            && matches!(self.ctx.toks[k - 1].t, T::Punct(':'))
        {
            found = colon_speaker(&mut self.ctx, sent.s, k - 1);
        }
        found
    }

    /// The cue after a quotation whose subject speaks it, when close
    /// enough. A pronoun nobody fits right after the quotation (`"…," he
    /// said`) still marks it attributed.
    fn cue_after<'c>(&mut self, qt: &QuoteTok, cues: &'c [CueAt]) -> Option<&'c CueAt> {
        let (k, lead) = (qt.k, qt.lead);
        let mut after = cues.iter().filter(|c| c.tok > k && c.tok < qt.next_q);
        // `"…," Jo Roe, the founder of a group called Occupy, said`:
        // a cue inside the speaker's phrase has no subject of its
        // own; the cue whose subject starts at the quotation speaks.
        let c = after.next().map(|c| {
            let starts_here =
                |c: &&CueAt| c.tok == lead || c.subject.is_some_and(|sub| sub.first == lead);
            if starts_here(&c) {
                c
            } else {
                after.find(starts_here).unwrap_or(c)
            }
        })?;
        let ctx = &self.ctx;
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
        if c.unresolved_pronoun && c.tok <= lead + 1 {
            self.attributed[qt.qi] = true;
        }
        (adjacent && (c.tok - lead <= 24 || (starts_at_lead && c.tok - lead <= 45))).then_some(c)
    }

    /// A quotation without a speaker of its own that opens its sentence
    /// takes the speaker of the quotation before it in the paragraph, or,
    /// opening the paragraph, the one the paragraph before ended with.
    fn uncued_speaker(&mut self, qt: &QuoteTok, sent: &Sentence) -> Option<Speaker> {
        let q = &self.quotes[qt.qi];
        let (k, lead) = (qt.k, qt.lead);
        let fragment = q.kind == Kind::Fragment;
        let opens_sentence = only_glue(&self.ctx, sent.s, k);
        let whole_sentence = !fragment || q.ends_sentence;
        // `"…," the retired neurosurgeon told …`: a cue right after
        // the quotation attributes it, even where its subject could
        // not be read; the speaker before is not inherited then.
        let own_cue = sent.cues.iter().any(|c| {
            c.tok > k
                && c.tok < qt.next_q
                && !c.cue.participle
                && (c.tok <= lead + 8 || !c.cue.weak)
        });
        if own_cue {
            self.attributed[qt.qi] = true;
        }
        if whole_sentence && opens_sentence && !qt.continuation && !own_cue {
            if let Some(prev) = &self.para_last {
                return Some(inherited(prev, Via::Continued));
            } else if sent.s == 0 {
                return self
                    .prev_end_speaker
                    .as_ref()
                    .map(|prev| inherited(prev, Via::PreviousParagraph));
            }
        }
        None
    }

    /// Who the closing sentence `s..` of a paragraph introduces a block
    /// for. A colon introduces a block only through a cue near its end
    /// (`Stone wrote on the company blog:`), or as a colon introduction.
    fn introduction(&mut self, s: usize, cues: &[CueAt]) -> Option<Speaker> {
        let n = self.ctx.toks.len();
        cues.iter()
            .rev()
            .find(|c| !c.cue.weak && c.subject.is_some() && n - c.end <= 9)
            .and_then(|c| speaker_from(&self.ctx, c, Via::Introduction))
            .or_else(|| {
                let colon = n.checked_sub(1)?;
                if !matches!(self.ctx.toks[colon].t, T::Punct(':')) || colon <= s {
                    return None;
                }
                colon_speaker(&mut self.ctx, s, colon)
            })
    }

    /// Blocks take the speaker their signature names, else the speaker of
    /// the paragraph that introduces them.
    pub(super) fn attribute_blocks(&mut self) {
        for (qi, q) in self.quotes.iter().enumerate() {
            if let (Kind::Block, Some((s, e))) = (q.kind, q.label) {
                self.speakers[qi] = Some(signature_speaker(&mut self.ctx, s, e));
                continue;
            }
            if q.kind == Kind::Block {
                if let Some(ip) = q.intro_para {
                    if let Some(sp) = self.para_end_speaker[ip as usize].clone() {
                        self.speakers[qi] = Some(Speaker {
                            via: Via::Introduction,
                            confidence: Confidence::Likely,
                            antecedent: None,
                            ..sp
                        });
                    }
                }
            }
        }
    }

    /// Sets each speaker's confidence. The second half of a split
    /// quotation (`"A," Roe said. "B."`) is as sure as the first.
    pub(super) fn settle_confidence(&mut self) {
        let mut last_in_para: Option<(u32, u32, Confidence)> = None;
        for (qi, sp) in self.speakers.iter_mut().enumerate() {
            let Some(sp) = sp else { continue };
            sp.confidence = confidence_of(self.ctx.text, sp, &self.ctx.entities[sp.who as usize]);
            let para = self.quotes[qi].para;
            if sp.via == Via::Continued {
                if let Some((p, e, c)) = last_in_para {
                    if p == para && e == sp.who {
                        sp.confidence = c;
                    }
                }
            }
            last_in_para = Some((self.quotes[qi].last_para, sp.who, sp.confidence));
        }
    }

    /// The attribution read; a quotation with a speaker is attributed.
    pub(super) fn finish(mut self) -> Attribution {
        for (qi, sp) in self.speakers.iter().enumerate() {
            self.attributed[qi] |= sp.is_some();
        }
        Attribution {
            entities: self.ctx.entities,
            speakers: self.speakers,
            introduced: self.introduced,
            partial: self.partial,
            attributed: self.attributed,
        }
    }
}
