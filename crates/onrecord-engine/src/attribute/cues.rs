//! Cues: the verbs and phrases that attribute speech (`said`, `according
//! to`), where sentences end, and the short clauses after a quotation.

#[allow(unused_imports)]
use super::*;

/// `KELLY` reads as `Kelly`; other words are kept as written.
pub(super) fn display_word(w: &str) -> String {
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
pub(super) struct CueAt {
    pub(super) tok: usize,
    pub(super) cue: Cue,
    /// Index of the last token of the cue phrase (`according to`).
    pub(super) end: usize,
    pub(super) subject: Option<Subject>,
    /// The subject is a pronoun nobody fits (`he said` with no man named
    /// before): the words are attributed, to someone the engine cannot name.
    pub(super) unresolved_pronoun: bool,
}

pub(super) fn sentence_ends(ctx: &Ctx, quotes: &[Quotation]) -> Vec<usize> {
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
pub(super) fn asks(text: &str, q: &Quotation) -> bool {
    text.get(q.start() as usize..q.end() as usize)
        .map(|t| t.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '?' && c != '!'))
        .is_some_and(|t| t.ends_with(['?', '!']))
}

/// `"Who?" Kelly asked.`, `'Why?' Jo Doe, a spokeswoman at the union,
/// said.`: a clause that ends the sentence with a cue verb (and at most a
/// few words after it) is the quotation's attribution, not a new sentence.
pub(super) fn short_attribution_after(ctx: &Ctx, from: usize, question: bool) -> bool {
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

pub(super) fn skip_back(ctx: &Ctx, mut j: usize, floor: usize) -> Option<usize> {
    loop {
        if !ctx.is_word(j) {
            return Some(j);
        }
        let adverb = ctx.toks[j].flags & ADVERB != 0;
        if !adverb && !ctx.lex(j).is(lexicon::WordClass::SKIPPABLE) {
            return Some(j);
        }
        let l = ctx.lower_of(j);
        let skippable = ctx.lex(j).is(lexicon::WordClass::SKIPPABLE)
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

pub(super) fn is_weekday(l: &str) -> bool {
    matches!(
        l,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Finds the cue verbs of a sentence and their subjects, in order.
pub(super) fn cues_in(ctx: &mut Ctx, s: usize, e: usize) -> Vec<CueAt> {
    let mut found: Vec<CueAt> = Vec::new();
    let mut subjects: Vec<Subject> = Vec::new();
    let mut i = s;
    while i < e {
        if !ctx.is_word(i) || ctx.cap(i) && i != s {
            i += 1;
            continue;
        }
        let l = ctx.lower_of(i);
        let Some((cue, end)) = cue_at(ctx, i, s, e, &l) else {
            i += 1;
            continue;
        };
        let mut at = CueAt {
            tok: i,
            cue,
            end,
            subject: None,
            unresolved_pronoun: false,
        };
        at.subject = cue_subject(ctx, &at, &l, s, e, &subjects);
        if let Some(sub) = at.subject {
            if !cue.weak {
                subjects.push(sub);
                note_speaker(ctx, &sub, i);
            }
        }
        at.unresolved_pronoun = at.subject.is_none()
            && ((i > s && pronoun_at(ctx, i - 1, e)) || pronoun_at(ctx, end + 1, e));
        found.push(at);
        i = end + 1;
    }
    found
}

/// The cue at token `i` (lowercase `l`) and the index of its last token,
/// unless the word is no cue there: a noun after `the` or a possessive,
/// or `according` without `to`.
fn cue_at(ctx: &Ctx, i: usize, s: usize, e: usize, l: &str) -> Option<(Cue, usize)> {
    // A multi-word cue (`pointed out`, `took to Twitter`), longest first.
    let phrase_len = if ctx.lex(i).is(lexicon::WordClass::PHRASE_START) {
        lexicon::phrasal_cues(l)
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
        (None, None) => return None,
    };
    // `the claim`, `their blog`, `a warning`: a noun, not a verb.
    if i > s && ctx.is_word(i - 1) && ctx.lex(i - 1).is(lexicon::WordClass::NOUN_MARKER) {
        return None;
    }
    // `Roe's remark`: after a possessive, a noun; but `Roe's said`
    // is `Roe has said`.
    let past = l.ends_with("ed") || matches!(l, "said" | "told" | "wrote");
    if i > s && ctx.is_word(i - 1) && !past && !cue.participle {
        let prev = ctx.w(i - 1);
        if prev.ends_with("'s") || prev.ends_with("’s") {
            return None;
        }
    }
    let mut end = i + phrase_len.unwrap_or(0);
    if cue.forward_only {
        if i + 1 < e && ctx.is_word(i + 1) && ctx.lower_of(i + 1) == "to" {
            end = i + 1;
        } else {
            return None;
        }
    }
    Some((cue, end))
}

/// Who speaks at a cue, tried in turn: the speaker a participle
/// continues, the phrase before the verb, the phrase after it
/// (`said the official`), then the subject of a coordinated clause.
/// A verb used as a noun or adjective (`the state`, `a warning`,
/// `posted messages`) has no subject.
fn cue_subject(
    ctx: &mut Ctx,
    c: &CueAt,
    l: &str,
    s: usize,
    e: usize,
    subjects: &[Subject],
) -> Option<Subject> {
    let (i, cue) = (c.tok, c.cue);
    let mut subject = None;
    // `supporters saying`, `a voter telling`: a participle after a
    // noun is a reduced clause about that noun, not its speech; only a
    // document speaks so (`a statement saying`).
    let participle_after_noun = cue.participle
        && i > s
        && ctx.is_word(i - 1)
        && !ctx
            .lex(i - 1)
            .is(lexicon::WordClass::DOCUMENT | lexicon::WordClass::PRONOUN);
    if cue.participle && i > s {
        subject = continued_subject(ctx, i, s, subjects);
    }
    if subject.is_none() && !cue.forward_only && i > s && !participle_after_noun {
        subject = subject_before(ctx, i, s, subjects);
    }
    // `telling Reuters`, `shouting slogans`: after a participle, or
    // after `tell`, the noun is who hears, not who speaks.
    let addressee_follows = cue.participle || matches!(l, "tell" | "tells" | "told");
    let inverted_ok = !addressee_follows
        && (cue.forward_only
            || i == s
            || matches!(
                ctx.toks[i - 1].t,
                T::Quote(_) | T::Punct(',' | '-' | '(' | ':')
            ));
    if subject.is_none() && inverted_ok && c.end + 1 < e {
        subject = subject_after(ctx, c.end, e, subjects);
    }
    if subject.is_none() && (cue.participle || is_coordinated(ctx, i, s)) {
        if let Some(prev) = subjects.last() {
            // `Roe said …, adding: "…"`: the name earlier in the sentence.
            subject = Some(*prev);
        } else if is_coordinated(ctx, i, s) || after_clause(ctx, i, s) {
            // `Ms. Roe smiled and said`, `Roe shrugged it off, saying`:
            // the clause's subject.
            subject = clause_subject(ctx, s, i, subjects);
        }
    }
    subject
}

/// `Roe said …, adding`, `She released a statement saying`: a
/// participle continues the clause of the speaker already named, or
/// of whoever issued the document.
fn continued_subject(ctx: &mut Ctx, i: usize, s: usize, subjects: &[Subject]) -> Option<Subject> {
    let after_document = ctx.is_word(i - 1) && ctx.lex(i - 1).is(lexicon::WordClass::DOCUMENT);
    let after_comma = matches!(ctx.toks[i - 1].t, T::Punct(','));
    if let (Some(prev), true) = (subjects.last(), after_comma) {
        Some(*prev)
    } else if after_document {
        clause_subject(ctx, s, i - 1, subjects)
    } else {
        None
    }
}

/// The subject before the verb at `i`: a noun phrase, a pronoun, a name
/// in an `of` phrase, or the clause that a comma closes.
fn subject_before(ctx: &mut Ctx, i: usize, s: usize, subjects: &[Subject]) -> Option<Subject> {
    let j = token_before_verb(ctx, i, s)?;
    if ctx.is_word(j) {
        let np = ctx
            .np_back(j, s)
            .or_else(|| lexicon::pronoun(&ctx.lower_of(j)).map(|_| Np { first: j, last: j }))
            .or_else(|| of_phrase_name(ctx, j, s))?;
        joint_subject(ctx, &np, s, subjects).or_else(|| {
            let ent = ctx.resolve_np(&np, subjects)?;
            Some(Subject {
                entity: ent,
                first: np.first,
                last: np.last,
            })
        })
    } else if matches!(ctx.toks[j].t, T::Punct(',')) {
        // `Jon Ralston, a commentator in Nevada, who …, said`: a
        // name opening the clause is the speaker, whatever names
        // its asides hold; else the appositive (`The director,
        // Ada Nwosu, said`); else a described subject.
        named_clause_subject(ctx, s, j, subjects)
            .or_else(|| appositive_subject(ctx, j, s, subjects))
            .or_else(|| clause_subject(ctx, s, j, subjects))
    } else {
        None
    }
}

/// The token the subject before a verb ends at, past adverbs, dates and
/// a parenthesis: `Sen. Jo Roe (D-Ore.) said`.
fn token_before_verb(ctx: &Ctx, i: usize, s: usize) -> Option<usize> {
    let j = skip_back(ctx, i - 1, s)?;
    if !matches!(ctx.toks[j].t, T::Punct(')')) {
        return Some(j);
    }
    let open = (j.saturating_sub(10).max(s)..j)
        .rev()
        .find(|&k| matches!(ctx.toks[k].t, T::Punct('(')));
    open.filter(|&o| o > s)
        .and_then(|o| skip_back(ctx, o - 1, s))
}

/// The subject after a cue ending at `end`: `said the official`, and
/// `said the company's chief executive, Maria Lind` names her.
fn subject_after(ctx: &mut Ctx, end: usize, e: usize, subjects: &[Subject]) -> Option<Subject> {
    let mut k = end + 1;
    // `said Monday the official` is rare; `said on Monday` is not.
    while k < e && ctx.is_word(k) && is_weekday(&ctx.lower_of(k)) {
        k += 1;
    }
    let mut np = ctx.np_forward(k, e)?;
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
    let ent = ctx.resolve_np(&np, subjects)?;
    Some(Subject {
        entity: ent,
        first: np.first,
        last: np.last,
    })
}

/// Records the subject of a strong cue as the latest speaker, and as a
/// mention that later pronouns may stand for.
fn note_speaker(ctx: &mut Ctx, sub: &Subject, i: usize) {
    ctx.touch(sub.entity);
    let at = if sub.first == usize::MAX {
        i
    } else {
        sub.first
    };
    let span = match mention_span(ctx, sub) {
        Some(_) if sub.first == sub.last => ctx.name_behind(sub.first),
        Some(m) => m,
        None => (ctx.toks[i].start, ctx.toks[i].end),
    };
    ctx.note_mention(sub.entity, at, MentionRole::Speaker, span);
}

/// A personal pronoun at token `k` of the sentence ending at `e`.
#[inline]
fn pronoun_at(ctx: &Ctx, k: usize, e: usize) -> bool {
    k < e
        && ctx.is_word(k)
        && matches!(
            lexicon::pronoun(&ctx.lower_of(k)),
            Some(Pronoun::He | Pronoun::She | Pronoun::They | Pronoun::FirstPerson)
        )
}

/// `…, saying`, `by saying`: a participle that continues a clause.
pub(super) fn after_clause(ctx: &Ctx, i: usize, s: usize) -> bool {
    i > s
        && (matches!(ctx.toks[i - 1].t, T::Punct(','))
            || (ctx.is_word(i - 1)
                && matches!(
                    ctx.lower_of(i - 1).as_str(),
                    "by" | "before" | "after" | "while" | "when"
                )))
}
