//! The subject of a cue: who a clause says said it, including colons,
//! joint subjects, `of` phrases and appositives.

#[allow(unused_imports)]
use super::*;

/// The subject that opens the clause ending at token `end` (exclusive):
/// `Gov. Jo Roe (R-Ohio), …`, `Roe, 67, a retired nurse, …`, `Roe smiled
/// and …`. It must be a name, a pronoun or a description with a role noun,
/// followed by a comma, a parenthesis or a lowercase word.
pub(super) fn clause_subject(
    ctx: &mut Ctx,
    s: usize,
    end: usize,
    subjects: &[Subject],
) -> Option<Subject> {
    let seg = clause_start(ctx, s, end);
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
            ctx.is_word(k)
                && ctx.cap(k)
                && !ctx
                    .lex(k)
                    .is(lexicon::WordClass::TITLE | lexicon::WordClass::NOT_NAME)
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
                || ctx.lex(np.first).is(lexicon::WordClass::TITLE)
                || known_person(ctx, &w).is_some()
                || lexicon::first_name_gender(&w[0]).is_some()
        }
        _ => true,
    };
    let described = ctx
        .lex(np.last)
        .is(lexicon::WordClass::PERSON_ROLE | lexicon::WordClass::ORG_HEAD)
        && ctx.lex(np.first).is(lexicon::WordClass::DETERMINER);
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

/// Where a clause's subject may start: after the last quotation, colon
/// or semicolon before the cue, past a leading conjunction or adverb
/// (`but`, `meanwhile`) and an opening prepositional phrase.
fn clause_start(ctx: &Ctx, s: usize, end: usize) -> usize {
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
    if seg < end && ctx.is_word(seg) && ctx.lex(seg).is(lexicon::WordClass::NP_STOP) {
        if let Some(comma) =
            (seg + 1..end.min(seg + 16)).find(|&k| matches!(ctx.toks[k].t, T::Punct(',')))
        {
            seg = comma + 1;
        }
    }
    seg
}

/// The speaker of an earlier quotation or sentence, carried over: no
/// mention or cue of its own here.
/// Every word of description `a` is in `b` (case aside).
pub(super) fn description_within(a: &str, b: &str) -> bool {
    let b: Vec<String> = b.split_whitespace().map(str::to_lowercase).collect();
    a.split_whitespace()
        .all(|w| b.iter().any(|x| *x == w.to_lowercase()))
}

/// The speaker of an earlier quotation carried on; where that person was
/// named goes with it (the name itself, or what its pronoun stood for).
pub(super) fn inherited(prev: &Speaker, via: Via) -> Speaker {
    let named = prev
        .antecedent
        .or(prev.mention.map(|(start, end)| Antecedent {
            start,
            end,
            close: false,
        }));
    Speaker {
        who: prev.who,
        mention: None,
        cue: None,
        via,
        confidence: Confidence::Likely,
        antecedent: named,
    }
}

/// [`colon_subject`] as the speaker the colon introduces.
pub(super) fn colon_speaker(ctx: &mut Ctx, s: usize, colon: usize) -> Option<Speaker> {
    let sub = colon_subject(ctx, s, colon)?;
    Some(Speaker {
        who: sub.entity,
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
pub(super) fn colon_subject(ctx: &mut Ctx, s: usize, colon: usize) -> Option<Subject> {
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
        .filter(|&k| ctx.is_word(k) && ctx.cap(k) && !ctx.lex(k).is(lexicon::WordClass::TITLE))
        .count();
    let first_name = ctx.is_word(np.first) && lexicon::first_name_gender(ctx.w(np.first)).is_some();
    if !rest_is_outlet
        || named == 0
        || (named < 2 && !first_name && !ctx.lex(np.first).is(lexicon::WordClass::TITLE))
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
pub(super) fn named_clause_subject(
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
pub(super) fn joint_subject(
    ctx: &mut Ctx,
    second: &Np,
    s: usize,
    subjects: &[Subject],
) -> Option<Subject> {
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
            ctx.is_word(k)
                && ctx.cap(k)
                && !ctx
                    .lex(k)
                    .is(lexicon::WordClass::TITLE | lexicon::WordClass::NOT_NAME)
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
pub(super) fn of_phrase_name(ctx: &Ctx, end: usize, floor: usize) -> Option<Np> {
    let of = (end.saturating_sub(6).max(floor)..end)
        .rev()
        .find(|&k| ctx.is_word(k) && ctx.w(k) == "of")?;
    if of == floor || !(of + 1..=end).all(|k| ctx.is_word(k)) {
        return None;
    }
    let np = ctx.np_back(of - 1, floor)?;
    let named = (np.first..=np.last).any(|k| {
        ctx.is_word(k)
            && ctx.cap(k)
            && !ctx
                .lex(k)
                .is(lexicon::WordClass::TITLE | lexicon::WordClass::ORG_WORD)
    });
    named.then_some(Np {
        first: np.first,
        last: np.last,
    })
}

/// `and added`, `but said`: the verb shares the subject before it.
pub(super) fn is_coordinated(ctx: &Ctx, i: usize, s: usize) -> bool {
    i > s && ctx.is_word(i - 1) && matches!(ctx.lower_of(i - 1).as_str(), "and" | "but" | "then")
}

/// `Biz Stone, co-founder of Twitter, said`: the subject before an
/// appositive that describes it.
pub(super) fn appositive_subject(
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
                    return subject_before_aside(ctx, k - 1, s, subjects);
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

/// The subject that ends at `j`, before an aside (`Roe, who …,`; `Poe,
/// R-Texas,`; `Lee, 45,`); through another appositive when one ends there.
fn subject_before_aside(
    ctx: &mut Ctx,
    j: usize,
    s: usize,
    subjects: &[Subject],
) -> Option<Subject> {
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
    Some(Subject {
        entity: ent,
        first: np.first,
        last: np.last,
    })
}

/// `D-Calif.`, `R-Texas`: a party and state after a legislator's name.
pub(super) fn is_party_tag(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 4 && matches!(b[0], b'D' | b'R' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// Whether tokens `from..to` are only punctuation and the word `that`.
pub(super) fn only_glue(ctx: &Ctx, from: usize, to: usize) -> bool {
    (from..to).all(|k| match ctx.toks[k].t {
        T::Punct(_) => true,
        T::Word => matches!(
            ctx.lower_of(k).as_str(),
            "that" | "as" | "it" | "them" | "him" | "her" | "this" | "the" | "a" | "an"
        ),
        T::Quote(_) => false,
    })
}

pub(super) fn mention_span(ctx: &Ctx, s: &Subject) -> Option<(u32, u32)> {
    if s.first == usize::MAX {
        return None;
    }
    Some((ctx.toks[s.first].start, ctx.toks[s.last].end))
}

pub(super) fn cue_word(ctx: &Ctx, c: &CueAt) -> String {
    (c.tok..=c.end)
        .map(|k| ctx.lower_of(k))
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn speaker_from(ctx: &Ctx, c: &CueAt, via: Via) -> Option<Speaker> {
    let s = c.subject?;
    let mention = mention_span(ctx, &s);
    let antecedent = mention.and_then(|(start, _)| ctx.antecedents.get(&start).copied());
    Some(Speaker {
        who: s.entity,
        mention,
        cue: Some(cue_word(ctx, c)),
        via,
        confidence: Confidence::Likely,
        antecedent,
    })
}
