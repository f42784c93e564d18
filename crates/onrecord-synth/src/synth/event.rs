//! An event: who takes part, what they say, and the sentences that
//! narrate it.

#[allow(unused_imports)]
use super::*;

pub(super) struct Person {
    pub(super) first: &'static str,
    pub(super) last: String,
    pub(super) female: bool,
    /// `spokeswoman`, `director`, `professor of engineering`.
    pub(super) role: String,
    pub(super) title: Option<&'static str>,
    /// With its article when it takes one: `the Eastholm Water Board`.
    pub(super) affil: String,
    pub(super) affil_head: &'static str,
    pub(super) spokes: bool,
}

impl Person {
    pub(super) fn full(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
    pub(super) fn pronoun(&self) -> &'static str {
        if self.female {
            "she"
        } else {
            "he"
        }
    }
    pub(super) fn short_role(&self) -> &str {
        self.role.split(" of ").next().unwrap_or(&self.role)
    }
}

pub(super) struct Statement {
    pub(super) speaker: usize,
    /// Words of its opening aside, which reporters leave out of fragments.
    pub(super) lead: usize,
    /// A template with `{…|…}` and `[…|…]` choices; slots already filled.
    pub(super) src: String,
}

pub(super) struct Event {
    pub(super) id: usize,
    pub(super) place: &'static str,
    pub(super) place2: &'static str,
    pub(super) country: &'static str,
    pub(super) topic: &'static Topic,
    pub(super) org: String,
    pub(super) speakers: Vec<Person>,
    pub(super) statements: Vec<Statement>,
    /// Noun phrases this event's speakers keep coming back to.
    pub(super) keys: Vec<String>,
    pub(super) weekday: &'static str,
    pub(super) month: usize,
    pub(super) day: usize,
    pub(super) year: usize,
}

pub(super) fn a_or_an(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

pub(super) fn gendered(role: &str, female: bool) -> String {
    match role {
        "chair" if female => "chairwoman".into(),
        "chair" => "chairman".into(),
        "spokesperson" if female => "spokeswoman".into(),
        "spokesperson" => "spokesman".into(),
        r => r.into(),
    }
}

impl Event {
    pub(super) fn new(id: usize) -> Event {
        let mut r = Rng::new(1, id as u64);
        let place = r.pick(CITIES);
        let mut place2 = r.pick(CITIES);
        while place2 == place {
            place2 = r.pick(CITIES);
        }
        let country = r.pick(COUNTRIES);
        let topic = &TOPICS[r.below(TOPICS.len())];
        let slots = |s: &str| {
            s.replace("$P", place)
                .replace("$Q", place2)
                .replace("$C", country)
                .replace('\'', "\u{E002}")
        };
        let org = slots(topic.org);
        let mut used: Vec<String> = Vec::new();
        let mut person = |r: &mut Rng, role: &str, title, affil: String, head, spokes| {
            let female = r.chance(50);
            let first = r.pick(if female { FEMALE } else { MALE });
            let mut last = surname(r);
            while used.contains(&last) {
                last = surname(r);
            }
            used.push(last.clone());
            Person {
                first,
                last,
                female,
                role: gendered(role, female),
                title,
                affil,
                affil_head: head,
                spokes,
            }
        };
        let spokes = if r.chance(25) {
            "press officer"
        } else {
            "spokesperson"
        };
        let p0 = person(&mut r, spokes, None, org.clone(), topic.org_head, true);
        let (role, title) = r.pick(HEAD_ROLES);
        let p1 = person(&mut r, role, title, org.clone(), topic.org_head, false);
        let (role, affil, head) = r.pick(CRITICS);
        let title = (role == "councillor").then_some("Councillor");
        let p2 = person(&mut r, role, title, slots(affil), head, false);
        let mut ev = Event {
            id,
            place,
            place2,
            country,
            topic,
            org,
            speakers: vec![p0, p1, p2],
            statements: Vec::new(),
            keys: Vec::new(),
            weekday: r.pick(WEEKDAYS),
            month: r.below(12),
            day: r.range(1, 28),
            year: r.range(2031, 2036),
        };
        ev.add_keys_and_statements(&mut r);
        ev
    }

    /// The event's key phrases, then what its people say about them.
    fn add_keys_and_statements(&mut self, r: &mut Rng) {
        for _ in 0..3 {
            let key = if r.chance(50) {
                format!(
                    "{} {} {}",
                    r.pick(ADJECTIVES),
                    r.pick(MODIFIERS),
                    r.pick(HEADS)
                )
            } else {
                format!("{} {}", r.pick(MODIFIERS), r.pick(HEADS))
            };
            self.keys.push(key);
        }
        let count = r.range(4, 6);
        for k in 0..count {
            let speaker = [0, 1, 2, 0, 1, 2][k];
            let (src, lead) = make_statement_with_lead(r, self);
            self.statements.push(Statement { speaker, lead, src });
        }
    }

    pub(super) fn org_bare(&self) -> &str {
        self.org.strip_prefix("the ").unwrap_or(&self.org)
    }

    pub(super) fn date_iso(&self) -> String {
        format!("{}-{:02}-{:02}", self.year, self.month + 1, self.day)
    }
}

/// Expands `$X` slots; turns `'` into the apostrophe placeholder and `—`
/// into the dash one.
pub(super) fn fill(ev: &Event, r: &mut Rng, tpl: &str, out: &mut String) {
    let b = tpl.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'$' if i + 1 < b.len() => {
                out.push_str(&tpl[run..i]);
                match b[i + 1] {
                    b'P' => out.push_str(ev.place),
                    b'Q' => out.push_str(ev.place2),
                    b'C' => out.push_str(ev.country),
                    b'T' => out.extend(ev.topic.np.chars().map(apos)),
                    b'H' => out.extend(ev.topic.head.chars().map(apos)),
                    b'F' => out.push_str(&ev.org),
                    b'O' => out.push_str(ev.topic.org_head),
                    b'N' => {
                        let _ = write!(out, "{}", r.range(3, 95));
                    }
                    b'D' => out.push_str(ev.weekday),
                    b'M' => out.push_str(MONTHS[ev.month]),
                    b'S' => out.push_str(&ev.speakers[r.below(ev.speakers.len())].last),
                    b'A' => push_american(r.pick(ADJECTIVES), out),
                    b'X' => push_american(r.pick(MODIFIERS), out),
                    b'Y' => push_american(r.pick(HEADS), out),
                    b'K' => push_american(&ev.keys[r.below(ev.keys.len())], out),
                    _ => {
                        i += 1;
                        run = i - 1;
                        continue;
                    }
                }
                i += 2;
                run = i;
            }
            b'\'' => {
                out.push_str(&tpl[run..i]);
                out.push(APOS);
                i += 1;
                run = i;
            }
            0xE2 if tpl[i..].starts_with('—') => {
                out.push_str(&tpl[run..i]);
                out.push(DASH);
                i += '—'.len_utf8();
                run = i;
            }
            _ => i += 1,
        }
    }
    out.push_str(&tpl[run..]);
}

/// Appends a list entry with its American (second) choices.
pub(super) fn push_american(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find(']').map_or(rest.len(), |k| open + k);
        let inner = &rest[open + 1..close];
        out.push_str(inner.split_once('|').map_or(inner, |(_, b)| b));
        rest = rest.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
}

/// A sentence of the reporter's own: who did what, and why or when.
pub(super) fn narrative(ev: &Event, r: &mut Rng, out: &mut String) {
    if r.chance(20) {
        let at = out.len();
        let t = r.pick(FILLER);
        fill(ev, r, t, out);
        if let Some(f) = out.get_mut(at..at + 1) {
            f.make_ascii_uppercase();
        }
        return;
    }
    let mut t = String::with_capacity(160);
    if r.chance(40) {
        t.push_str(r.pick(OPENINGS));
        t.push(' ');
    }
    t.push_str(r.pick(ACTORS));
    t.push(' ');
    t.push_str(r.pick(DEEDS));
    t.push_str(match r.below(6) {
        0 => " the $A $X $Y",
        1 => " the $X $Y",
        2 => " the $K",
        3 => " the $X $Y in $Q",
        4 => " another $A $X $Y",
        _ => " $N $X contracts",
    });
    match r.below(10) {
        0..=3 => {
            t.push_str(", ");
            t.push_str(r.pick(CODAS));
        }
        4..=7 => {
            t.push(' ');
            t.push_str(r.pick(PREPOSITIONS));
            t.push_str(if r.chance(50) {
                " the $A $X $Y"
            } else {
                " the $X $Y"
            });
        }
        _ => {}
    }
    t.push('.');
    let at = out.len();
    let mut filled_t = String::with_capacity(t.len() + 64);
    fill(ev, r, &t, &mut filled_t);
    let mut plain = String::with_capacity(filled_t.len());
    push_american(&filled_t, &mut plain);
    out.push_str(&plain);
    if let Some(f) = out.get_mut(at..at + 1) {
        f.make_ascii_uppercase();
    }
}

pub(super) fn apos(c: char) -> char {
    if c == '\'' {
        APOS
    } else {
        c
    }
}

pub(super) fn filled(ev: &Event, r: &mut Rng, tpl: &str) -> String {
    let mut s = String::with_capacity(tpl.len() + 32);
    fill(ev, r, tpl, &mut s);
    s
}

/// An object: one of the event's key phrases, a stock phrase, or one
/// assembled from adjective, modifier and head noun.
pub(super) fn noun_phrase(r: &mut Rng, ev: &Event, t: &mut String) {
    match r.below(100) {
        0..=29 if !ev.keys.is_empty() => {
            t.push_str("the ");
            t.push_str(&ev.keys[r.below(ev.keys.len())]);
        }
        0..=44 => t.push_str(r.pick(OBJECTS)),
        50..=79 => {
            let _ = write!(
                t,
                "the {} {} {}",
                r.pick(ADJECTIVES),
                r.pick(MODIFIERS),
                r.pick(HEADS)
            );
        }
        _ => {
            let _ = write!(t, "the {} {}", r.pick(MODIFIERS), r.pick(HEADS));
        }
    }
}

pub(super) fn tail(r: &mut Rng, ev: &Event, t: &mut String) {
    match r.below(100) {
        0..=24 => t.push_str(r.pick(TAILS)),
        25..=84 => {
            t.push_str(r.pick(PREPOSITIONS));
            t.push(' ');
            noun_phrase(r, ev, t);
        }
        _ => {
            let _ = write!(t, "{} $Q", r.pick(PREPOSITIONS));
        }
    }
}

/// A statement template of 8 to 40 words.
pub(super) fn make_statement(r: &mut Rng, ev: &Event) -> String {
    make_statement_with_lead(r, ev).0
}

/// A statement template, and how many words its opening aside (`Frankly,`,
/// `As I told the council on Monday,`) has.
pub(super) fn make_statement_with_lead(r: &mut Rng, ev: &Event) -> (String, usize) {
    loop {
        let mut t = String::with_capacity(200);
        let clauses = match r.below(100) {
            0..=44 => 1,
            45..=89 => 2,
            _ => 3,
        };
        let mut lead = 0;
        if r.chance(25) {
            let l = r.pick(LEADS);
            lead = l.split(' ').count();
            t.push_str(l);
            t.push(' ');
        }
        let mut end = '.';
        for c in 0..clauses {
            if c > 0 {
                t.push_str(r.pick(JOINERS));
            }
            if c + 1 == clauses && r.chance(8) {
                t.push_str(r.pick(QUESTION_CLAUSES));
                t.push(' ');
                t.push_str(r.pick(VERBS));
                t.push(' ');
                noun_phrase(r, ev, &mut t);
                end = '?';
                break;
            }
            if r.chance(12) {
                t.push_str(r.pick(OTHER_SUBJECTS));
            } else {
                let (aux, rest) = r.pick(AUXILIARIES);
                t.push_str(SUBJECTS[r.below(SUBJECTS.len())][aux]);
                if !rest.is_empty() {
                    t.push(' ');
                    t.push_str(rest);
                }
            }
            t.push(' ');
            t.push_str(r.pick(VERBS));
            t.push(' ');
            noun_phrase(r, ev, &mut t);
            if r.chance(60) {
                t.push(' ');
                tail(r, ev, &mut t);
            }
        }
        if end == '.' && r.chance(4) {
            end = '!';
        }
        t.push(end);
        let src = filled(ev, r, &t);
        let mut plain = String::new();
        render(&src, false, false, &mut plain);
        let words = plain.split_whitespace().count();
        if (8..=40).contains(&words) {
            return (src, lead);
        }
    }
}

/// Resolves a statement template's choices, capitalising sentence starts.
pub(super) fn render(src: &str, contract: bool, british: bool, out: &mut String) {
    let b = src.as_bytes();
    let mut cap = true;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'{' || b[i] == b'[' {
            let (close, first) = if b[i] == b'{' {
                (b'}', contract)
            } else {
                (b']', british)
            };
            let end = memchr::memchr(close, &b[i + 1..]).map_or(b.len(), |k| i + 1 + k);
            let inner = &src[i + 1..end];
            let (a, z) = inner.split_once('|').unwrap_or((inner, ""));
            emit(if first { a } else { z }, &mut cap, out);
            i = end + 1;
        } else {
            let end = memchr::memchr2(b'{', b'[', &b[i..]).map_or(b.len(), |k| i + k);
            emit(&src[i..end], &mut cap, out);
            i = end;
        }
    }
}

/// Appends `s`, capitalising the first letter after a sentence ends.
pub(super) fn emit(s: &str, cap: &mut bool, out: &mut String) {
    let mut run = 0;
    for (i, &c) in s.as_bytes().iter().enumerate() {
        if *cap && c.is_ascii_alphabetic() {
            out.push_str(&s[run..i]);
            out.push(c.to_ascii_uppercase() as char);
            run = i + 1;
            *cap = false;
        } else if matches!(c, b'.' | b'?' | b'!') {
            *cap = true;
        } else if !c.is_ascii_whitespace() {
            *cap = false;
        }
    }
    out.push_str(&s[run..]);
}

/// A word that starts one of the [`VERBS`], in either spelling.
pub(super) fn is_verb(word: &str) -> bool {
    let word = word.to_ascii_lowercase();
    VERBS.iter().any(|v| {
        let first = v.split(' ').next().unwrap_or_default();
        match first.strip_prefix('[').and_then(|x| x.strip_suffix(']')) {
            Some(pair) => pair.split('|').any(|x| x == word),
            None => first == word,
        }
    })
}

pub(super) fn cap_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Lowercases the first letter unless it starts `I` or `I'm`.
pub(super) fn lower_first(s: &str) -> String {
    let mut it = s.chars();
    let first = it.next();
    let second = it.next();
    if first == Some('I') && matches!(second, None | Some(' ' | APOS)) {
        return s.to_string();
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------------------
// Articles.
