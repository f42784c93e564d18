//! Mentions outside quotations: sentence subjects, names and surnames that
//! later pronouns and descriptions refer to.

#[allow(unused_imports)]
use super::*;

/// A person named as the subject of a sentence (`Her deputy, Tom Roe, was
/// more cautious.`) is who a following `he` most likely means, even though
/// they have not spoken yet.
pub(super) fn note_sentence_subject(ctx: &mut Ctx, s: usize, e: usize) {
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
                    let has_role =
                        (comma + 1..close).any(|k| ctx.lex(k).is(lexicon::WordClass::PERSON_ROLE));
                    if has_role && ctx.lex(comma + 1).is(lexicon::WordClass::DETERMINER) {
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
pub(super) fn name_word(ctx: &Ctx, k: usize) -> bool {
    ctx.is_word(k)
        && ctx.cap(k)
        && ctx.toks[k].flags & ALLCAPS == 0
        && !ctx.lex(k).is(lexicon::WordClass::NOT_NAME
            | lexicon::WordClass::TITLE
            | lexicon::WordClass::PERSON_ROLE)
        && ctx.lex(k).cue.is_none()
}

/// A capitalised role word that can end a name as its surname (`King`,
/// `Bishop`, `Baker`), not followed by another capitalised word.
pub(super) fn role_surname(ctx: &Ctx, k: usize) -> bool {
    ctx.is_word(k)
        && ctx.cap(k)
        && ctx.toks[k].flags & ALLCAPS == 0
        && ctx
            .lex(k)
            .is(lexicon::WordClass::PERSON_ROLE | lexicon::WordClass::TITLE)
        && !(k + 1 < ctx.toks.len() && ctx.is_word(k + 1) && ctx.cap(k + 1))
}

/// `Clinton’s` is Clinton.
pub(super) fn strip_possessive(w: &str) -> (&str, bool) {
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
pub(super) fn known_person(ctx: &Ctx, words: &[String]) -> Option<u32> {
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
pub(super) fn note_mentions(ctx: &mut Ctx, s: usize, e: usize) {
    let mut k = s;
    while k < e {
        if !(ctx.is_word(k) && ctx.cap(k)) {
            k += 1;
            continue;
        }
        let run = read_name_run(ctx, k, e);
        if run.end == k {
            k += 1;
            continue;
        }
        k = run.end;
        note_run(ctx, run, s, e);
    }
}

/// A run of capitalised words that may name a person, read once so that
/// deciding whether it does is apart from reading it.
struct NameRun {
    /// First token of the run, titles included.
    start: usize,
    /// First token after the titles.
    name_first: usize,
    /// Token after the run.
    end: usize,
    /// The name's words as displayed, without titles.
    words: Vec<String>,
    gender: Option<Gender>,
    titled: bool,
    /// A middle initial (`Janet L. Yellen`).
    initial: bool,
    /// A word of an organisation's name.
    org: bool,
    role: MentionRole,
}

/// Reads titles, then name words (with a middle initial or a role word
/// as surname), from `start`.
fn read_name_run(ctx: &Ctx, start: usize, e: usize) -> NameRun {
    let mut k = start;
    let mut gender = None;
    let mut titled = false;
    while k < e && ctx.is_word(k) && ctx.cap(k) && ctx.lex(k).is(lexicon::WordClass::TITLE) {
        titled = true;
        gender = gender.or_else(|| lexicon::title_gender(ctx.lower_of(k).trim_end_matches('.')));
        k += 1;
    }
    let name_first = k;
    let mut words: Vec<String> = Vec::new();
    let mut initial = false;
    let mut org = false;
    let mut role = MentionRole::Plain;
    while k < e && name_word(ctx, k) {
        let (w, possessive) = strip_possessive(ctx.w(k));
        if possessive {
            role = MentionRole::Possessive;
        }
        org |= ctx
            .lex(k)
            .is(lexicon::WordClass::ORG_WORD | lexicon::WordClass::ORG_HEAD);
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
    NameRun {
        start,
        name_first,
        end: k,
        words,
        gender,
        titled,
        initial,
        org,
        role,
    }
}

/// Notes the mention of a run that names a person, finding or creating
/// the entity; runs without evidence of a person are left alone.
fn note_run(ctx: &mut Ctx, run: NameRun, s: usize, e: usize) {
    let NameRun {
        start: run_start,
        name_first,
        end: k,
        mut words,
        gender,
        titled,
        initial,
        org,
        role,
    } = run;
    if words.is_empty() || org || words.len() > 4 {
        return;
    }
    // `Sanders campaign manager Jeff Weaver`, `Virginia delegate Beau
    // Correll`: a name before a role noun describes the person who
    // follows; it is not a mention of its own.
    if role != MentionRole::Possessive
        && k < e
        && ctx.is_word(k)
        && !ctx.cap(k)
        && ctx
            .lex(k)
            .is(lexicon::WordClass::PERSON_ROLE | lexicon::WordClass::ORG_HEAD)
    {
        return;
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
    let evidence =
        titled || initial || (words.len() >= 2 && lexicon::first_name_gender(&words[0]).is_some());
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
        ctx.note_mention(x, name_first, role, span);
    }
}
