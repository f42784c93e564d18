//! Transcripts, line wrapping, and the final marks of each house style.

#[allow(unused_imports)]
use super::*;

/// A press-briefing transcript carrying the event's statements in full.
pub(super) fn transcript(ev: &Event, mut r: Rng) -> String {
    let caps = r.chance(70);
    let label = |p: usize| {
        let s = &ev.speakers[p];
        if caps {
            format!(
                "{} {}",
                if s.female { "MS." } else { "MR." },
                s.last.to_uppercase()
            )
        } else {
            s.last.clone()
        }
    };
    let questioner = if caps { "QUESTION" } else { "Question" };
    let contract = r.chance(70);
    let mut raw = String::with_capacity(4096);
    let _ = write!(
        raw,
        "{}\nPress briefing {DASH} transcript\n{}, {}, {} {}, {}\n\n",
        ev.org_bare().to_uppercase(),
        ev.place,
        ev.weekday,
        MONTHS[ev.month],
        ev.day,
        ev.year
    );
    let s0 = &ev.speakers[0];
    let s1 = &ev.speakers[1];
    let _ = write!(
        raw,
        "Present: {} {}, {}; {} {}, {}.\n\n",
        s0.first, s0.last, s0.role, s1.first, s1.last, s1.role
    );
    let say = |src: &str, out: &mut String| {
        render(src, contract, false, out);
    };
    let rest = turn_order(ev, &mut r);
    for (k, (p, src)) in rest.iter().enumerate() {
        if k > 0 {
            let q = r.pick(QUESTIONS);
            let _ = write!(raw, "{questioner}: ");
            fill(ev, &mut r, q, &mut raw);
            raw.push_str("\n\n");
        }
        let _ = write!(raw, "{}: ", label(*p));
        if k == 0 {
            raw.push_str("Good afternoon, everyone. ");
            fill(ev, &mut r, TRANSCRIPT_ASIDES[0], &mut raw);
            raw.push(' ');
        } else if r.chance(30) {
            let aside = r.pick(TRANSCRIPT_ASIDES);
            fill(ev, &mut r, aside, &mut raw);
            raw.push(' ');
        }
        say(src, &mut raw);
        for _ in 0..r.range(1, 2) {
            raw.push(' ');
            let extra = make_statement(&mut r, ev);
            say(&extra, &mut raw);
        }
        raw.push_str("\n\n");
    }
    let _ = write!(
        raw,
        "{questioner}: Thank you.\n\n{}: Thank you, everyone.\n\n(The briefing ended at {}:{:02} p.m.)\n",
        label(0),
        r.range(1, 5),
        r.below(60)
    );
    finish(&raw, &Marks::STRAIGHT)
}

/// The officials' turns in the order they speak: each statement of theirs,
/// each official at least twice, the first turn first.
fn turn_order(ev: &Event, r: &mut Rng) -> Vec<(usize, String)> {
    let mut turns: Vec<(usize, String)> = Vec::new();
    for st in ev.statements.iter().filter(|s| s.speaker < 2) {
        turns.push((st.speaker, st.src.clone()));
    }
    for p in 0..2 {
        while turns.iter().filter(|t| t.0 == p).count() < 2 {
            turns.push((p, make_statement(r, ev)));
        }
    }
    let mut rest = Vec::new();
    for (k, (p, src)) in turns.into_iter().enumerate() {
        if k == 0 {
            rest.push((p, src));
            continue;
        }
        let at = r.below(rest.len() + 1).max(1);
        rest.insert(at, (p, src));
    }
    rest
}

/// Appends `text` wrapped at `width` columns, each line after `prefix`.
pub(super) fn wrap_into(text: &str, width: usize, prefix: &str, out: &mut String) {
    let mut col = 0;
    let mut line_empty = true;
    out.push_str(prefix);
    for w in text.split(' ').filter(|w| !w.is_empty()) {
        let wl = w.chars().count();
        if !line_empty && col + 1 + wl > width {
            out.push('\n');
            out.push_str(prefix);
            col = 0;
            line_empty = true;
        }
        if !line_empty {
            out.push(' ');
            col += 1;
        }
        out.push_str(w);
        col += wl;
        line_empty = false;
    }
}

pub(super) struct Marks {
    pub(super) open: &'static str,
    pub(super) close: &'static str,
    pub(super) apos: &'static str,
    pub(super) qopen: &'static str,
    pub(super) qclose: &'static str,
    pub(super) dash: &'static str,
    pub(super) ellipsis: &'static str,
}

impl Marks {
    pub(super) const STRAIGHT: Marks = Marks {
        open: "\"",
        close: "\"",
        apos: "'",
        qopen: "\"",
        qclose: "\"",
        dash: "--",
        ellipsis: "...",
    };
    pub(super) const CURLY: Marks = Marks {
        open: "“",
        close: "”",
        apos: "’",
        qopen: "<q>",
        qclose: "</q>",
        dash: "—",
        ellipsis: "…",
    };
    pub(super) const BRITISH_CURLY: Marks = Marks {
        open: "‘",
        close: "’",
        apos: "’",
        qopen: "‘",
        qclose: "’",
        dash: "–",
        ellipsis: "…",
    };
    pub(super) const BRITISH_STRAIGHT: Marks = Marks {
        open: "'",
        close: "'",
        apos: "'",
        qopen: "'",
        qclose: "'",
        dash: "-",
        ellipsis: "...",
    };
    pub(super) const HTML_ENTITIES: Marks = Marks {
        open: "&ldquo;",
        close: "&rdquo;",
        apos: "&rsquo;",
        qopen: "<q>",
        qclose: "</q>",
        dash: "&mdash;",
        ellipsis: "&hellip;",
    };
    pub(super) const HTML_NUMERIC: Marks = Marks {
        open: "&#8220;",
        close: "&#8221;",
        apos: "&#8217;",
        qopen: "<q>",
        qclose: "</q>",
        dash: "&#8212;",
        ellipsis: "&#8230;",
    };
}

/// Turns the placeholders into the article's marks.
pub(super) fn finish(raw: &str, m: &Marks) -> String {
    let mut out = String::with_capacity(raw.len() + raw.len() / 16);
    let b = raw.as_bytes();
    let mut pos = 0;
    // Every placeholder is a private-use character, `EE 80 8x` in UTF-8.
    while let Some(k) = memchr::memchr(0xEE, &b[pos..]) {
        out.push_str(&raw[pos..pos + k]);
        let c = raw[pos + k..].chars().next().unwrap_or(' ');
        match c {
            OPEN => out.push_str(m.open),
            CLOSE => out.push_str(m.close),
            APOS => out.push_str(m.apos),
            QOPEN => out.push_str(m.qopen),
            QCLOSE => out.push_str(m.qclose),
            DASH => out.push_str(m.dash),
            ELLIPSIS => out.push_str(m.ellipsis),
            c => out.push(c),
        }
        pos += k + c.len_utf8();
    }
    out.push_str(&raw[pos..]);
    out
}
