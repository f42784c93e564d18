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

mod tokens;
use tokens::*;
mod context;
pub use context::*;
mod cues;
mod entities;
mod phrases;
mod pronouns;
use cues::*;
mod mentions;
pub(crate) use mentions::surname_key;
use mentions::*;
mod subjects;
use subjects::*;
mod labels;
use labels::*;
mod pins;
pub use pins::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
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
