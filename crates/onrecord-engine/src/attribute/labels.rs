//! Speakers that no cue names: transcript labels, a block's signature,
//! and page furniture that is not speech.

#[allow(unused_imports)]
use super::*;

/// The person a signature (`— Jo Ray`) names.
pub(super) fn signature_speaker(ctx: &mut Ctx, s: u32, e: u32) -> Speaker {
    let words: Vec<String> = ctx.text[s as usize..e as usize]
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let kind = if words.len() >= 2 {
        EntityKind::Person
    } else {
        EntityKind::Unknown
    };
    let entity = ctx.named(words, kind, None, None, None);
    Speaker {
        who: entity,
        mention: Some((s, e)),
        cue: None,
        via: Via::Signature,
        confidence: Confidence::Likely,
        antecedent: None,
    }
}

/// Page furniture: a headline, a caption or a `WATCH:` line, which names
/// people without making them the topic of the prose around it. Such a
/// paragraph is short and does not end like a sentence.
pub(super) fn is_furniture(ctx: &Ctx, text: &str, p: &crate::extract::Paragraph) -> bool {
    let end = text[p.start as usize..p.end as usize].trim_end();
    let ends_sentence = end.ends_with(['.', '?', '!', '"', '”', '’', '\'', ')']);
    let words = ctx.toks.iter().filter(|t| t.t == T::Word).count();
    let shouting = ctx.toks.first().is_some_and(|t| t.flags & ALLCAPS != 0);
    // `Mayor Fires Back On The Ferry Plan At The Council`: small words
    // capitalised inside a line make it a headline, whatever ends it.
    let title_case = words < 30
        && (1..ctx.toks.len())
            .filter(|&k| {
                ctx.is_word(k)
                    && ctx.cap(k)
                    && ctx.is_word(k - 1)
                    && lexicon::is_headline_small_word(&ctx.lower_of(k))
            })
            .count()
            >= 2;
    (!ends_sentence && words < 20) || shouting || title_case
}

/// The speaker a transcript label names: `MR. KELLY` is the Kelly this
/// article names elsewhere; `QUESTION` is a reporter.
pub(super) fn label_entity(ctx: &mut Ctx, text: &str, ls: u32, le: u32) -> Option<u32> {
    let label = &text[ls as usize..le as usize];
    let words: Vec<&str> = label.split_whitespace().collect();
    let lowers: Vec<String> = words
        .iter()
        .map(|w| w.to_lowercase().trim_end_matches('.').to_string())
        .collect();
    if lowers.iter().any(|l| lexicon::is_questioner_label(l)) {
        let e = ctx.anonymous_with_head("reporter").unwrap_or_else(|| {
            ctx.push_entity(DocEntity {
                name: "reporter".into(),
                kind: EntityKind::Person,
                anonymous: true,
                role: None,
                heads: vec!["reporter".into()],
                gender: None,
                aliases: vec![label.to_string()],
            })
        });
        return Some(e);
    }
    let gender = lowers.iter().find_map(|l| lexicon::title_gender(l));
    let name: Vec<String> = words
        .iter()
        .zip(&lowers)
        .filter(|(_, l)| !lexicon::is_title(l) && *l != "the")
        .map(|(w, _)| display_word(w))
        .collect();
    if name.is_empty() {
        // `THE PRESIDENT`: whoever holds that role here.
        let head = lowers.last()?.clone();
        return ctx.recent_with_head(&head).or_else(|| {
            Some(ctx.push_entity(DocEntity {
                name: display_word(label),
                kind: EntityKind::Person,
                anonymous: true,
                role: None,
                heads: vec![head],
                gender,
                aliases: vec![label.to_string()],
            }))
        });
    }
    if lexicon::is_person_role(&name.join(" ").to_lowercase()) {
        let head = name.join(" ").to_lowercase();
        return Some(ctx.anonymous_with_head(&head).unwrap_or_else(|| {
            ctx.push_entity(DocEntity {
                name: head.clone(),
                kind: EntityKind::Person,
                anonymous: true,
                role: None,
                heads: vec![head.clone()],
                gender,
                aliases: vec![label.to_string()],
            })
        }));
    }
    let e = ctx.named(name, EntityKind::Person, None, None, gender);
    if !ctx.entities[e as usize].aliases.iter().any(|a| a == label) {
        ctx.entities[e as usize].aliases.push(label.to_string());
    }
    Some(e)
}

/// Full names the article gives with a role or title before them
/// (`spokesman Ian Kelly`), even where they say nothing: they let a later
/// `Kelly said` be resolved to the full name.
pub(super) fn note_introduced_names(ctx: &mut Ctx, out: &mut Vec<(String, Option<String>)>) {
    let mut found: Vec<(Vec<String>, String, Option<String>)> = Vec::new();
    let toks = &ctx.toks;
    let is_name_word = |k: usize| {
        ctx.is_word(k)
            && ctx.cap(k)
            && toks[k].flags & ALLCAPS == 0
            && !ctx.lex(k).is(lexicon::WordClass::NOT_NAME
                | lexicon::WordClass::TITLE
                | lexicon::WordClass::ORG_WORD)
    };
    let mut i = 0;
    while i < toks.len() {
        let x = ctx.lex(i);
        let intro = ctx.is_word(i)
            && (x.is(lexicon::WordClass::PERSON_ROLE)
                || (ctx.cap(i) && x.is(lexicon::WordClass::TITLE)));
        if !intro {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len() && is_name_word(j) {
            j += 1;
        }
        if !(2..=4).contains(&(j - i - 1)) {
            i += 1;
            continue;
        }
        let name: Vec<&str> = (i + 1..j).map(|k| ctx.w(k)).collect();
        // The role: the intro word and the capitalised or role words before it.
        let mut r = i;
        while r > 0
            && i - r < 3
            && ctx.is_word(r - 1)
            && (ctx.cap(r - 1) || ctx.lex(r - 1).is(lexicon::WordClass::PERSON_ROLE))
        {
            if ctx.lex(r - 1).is(lexicon::WordClass::NOT_NAME) {
                break;
            }
            r -= 1;
        }
        let role: Vec<&str> = (r..=i).map(|k| ctx.w(k)).collect();
        let head = x
            .is(lexicon::WordClass::PERSON_ROLE)
            .then(|| ctx.lower_of(i));
        found.push((
            name.iter().map(std::string::ToString::to_string).collect(),
            role.join(" "),
            head,
        ));
        i = j;
    }
    // They become known to the article, so that a later `the spokesman`
    // or `Kelly` finds them even if they have not spoken yet.
    for (name, role, head) in found {
        out.push((name.join(" "), Some(role.clone())));
        let e = ctx.named(name, EntityKind::Person, Some(role), head, None);
        if let Some(pos) = ctx.mentioned.iter().position(|&x| x == e) {
            ctx.mentioned.remove(pos);
        }
        ctx.mentioned.push(e);
    }
}
