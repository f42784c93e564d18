//! Cue verbs and phrases: the words that attribute speech, with their
//! forms (`say`, `says`, `said`) and multi-word cues (`took to Twitter`).

#[allow(unused_imports)]
use super::*;

/// How a cue verb introduces speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Only counts when it stands right next to the quotation (`asked, "…"`,
    /// `calls "…"`); far from it the verb usually means something else
    /// (`asked Twitter to delay …`).
    pub weak: bool,
    /// A participle (`adding that`) or a verb whose subject is the speaker of
    /// the clause before it.
    pub participle: bool,
    /// The speaker follows the verb (`according to Stone`), never precedes it.
    pub forward_only: bool,
    /// Can introduce a colon block (`Stone wrote on the blog:`).
    pub block: bool,
}

/// Verbs of saying, by their base form. Every form a sentence uses
/// (`says`, `said`, `saying`) comes from [`verb_forms`]; the `-ing` form
/// is a participle (`adding that …`).
pub(super) const SPEECH_VERBS: &[&str] = &[
    "say",
    "sing",
    "tell",
    "write",
    "add",
    "explain",
    "note",
    "insist",
    "underline",
    "reiterate",
    "state",
    "declare",
    "announce",
    "argue",
    "claim",
    "stress",
    "emphasize",
    "emphasise",
    "warn",
    "admit",
    "acknowledge",
    "concede",
    "confirm",
    "observe",
    "remark",
    "comment",
    "reply",
    "respond",
    "answer",
    "recall",
    "continue",
    "post",
    "tweet",
    "repeat",
    "blog",
    "quip",
    "joke",
    "boast",
    "brag",
    "complain",
    "counter",
    "suggest",
    "predict",
    "promise",
    "vow",
    "pledge",
    "urge",
    "maintain",
    "assert",
    "contend",
    "testify",
    "recount",
    "exclaim",
    "conclude",
    "muse",
    "shout",
    "yell",
    "scream",
    "holler",
    "bellow",
    "whisper",
    "mutter",
    "chant",
    "read",
    "agree",
    "disagree",
    "estimate",
    "reveal",
    "disclose",
    "report",
    "elaborate",
    "caution",
    "opine",
    "wonder",
    "affirm",
    "clarify",
    "specify",
    "indicate",
    "bark",
    "snap",
    "fume",
    "scoff",
    "crack",
    "interject",
    "retort",
    "rebut",
    "allege",
    "lament",
    "gush",
    "marvel",
    "sigh",
    "grumble",
    "gripe",
    "growl",
    "thunder",
    "rant",
    "plead",
    "proclaim",
    "protest",
    "deny",
    "assure",
    "reassure",
    "crow",
    "tease",
    "taunt",
    "sneer",
    "laugh",
    "reason",
    "speculate",
    "hint",
    "inform",
    "remind",
    "concur",
    "confide",
    "confess",
    "swear",
    "demand",
    "implore",
    "inquire",
    "enquire",
    "interrupt",
    "object",
    "summarize",
    "summarise",
    "email",
    "wail",
    "exult",
    "insinuate",
    "acknowledge",
    "recollect",
    "emphasize",
    "advise",
    "counsel",
    "propose",
    "recommend",
    "cheer",
    "shoot",
    "fire",
    "charge",
    "react",
    "retaliate",
    "beam",
    "gloat",
    "exhort",
];

/// Verbs that introduce words only when they touch the quotation (`asked,
/// "…"`, `called it "…"`); far from it they usually mean something else
/// (`asked Twitter to delay …`).
pub(super) const WEAK_VERBS: &[&str] = &[
    "ask",
    "call",
    "dub",
    "describe",
    "term",
    "label",
    "put",
    "thank",
    "praise",
    "brand",
    "deride",
    "denounce",
    "slam",
    "blast",
    "criticize",
    "criticise",
    "condemn",
    "hail",
    "decry",
    "dismiss",
    "mock",
    "lambaste",
    "accuse",
    "characterize",
    "characterise",
    "nickname",
    "press",
    "quiz",
    "challenge",
    "question",
    "query",
    "title",
    "entitle",
    "headline",
];

/// Verbs whose base and `-s` forms are far more often nouns (`the company
/// blog`, `protests`, `a laugh`): only their past and `-ing` forms are cues.
pub(super) const NOUN_FIRST: &[&str] = &[
    "blog",
    "email",
    "fire",
    "crack",
    "snap",
    "cheer",
    "sigh",
    "laugh",
    "rant",
    "protest",
    "object",
    "demand",
    "pledge",
    "shoot",
    "title",
    "headline",
    "question",
    "press",
    "challenge",
    "reason",
    "thunder",
    "hint",
    "counsel",
    "report",
    "brand",
    "label",
    "term",
    "charge",
    "react",
];

/// Verbs whose present forms mostly mean something else (`we agree to`,
/// `they continue to`, `polls indicate`): those forms attribute words only
/// right next to the quotation (`"…," agrees Jo Roe`), as weak cues.
pub(super) const PAST_ONLY: &[&str] = &[
    "agree", "disagree", "continue", "estimate", "indicate", "promise", "predict",
];

/// Whether a form of a verb is a cue: not the base or `-s` form of a verb
/// that is usually a noun or means something else in the present.
pub(super) fn cue_form(base: &str, form: &str) -> bool {
    if PAST_ONLY.contains(&base) && (form == base || form == format!("{base}s")) {
        return false;
    }
    !NOUN_FIRST.contains(&base)
        || !(form == base || form == format!("{base}s") || form == format!("{base}es"))
        || (base == "report" && form == "reports")
        || (base == "label" && form == "label")
        || (base == "term" && form == "term")
}

/// Forms the spelling rules of [`verb_forms`] do not make.
pub(super) const IRREGULAR: &[(&str, &[&str])] = &[
    ("say", &["said"]),
    ("tell", &["told"]),
    ("write", &["wrote", "written"]),
    ("read", &["read"]),
    ("put", &["put"]),
    ("go", &["went", "gone", "goes"]),
    ("shoot", &["shot"]),
    ("swear", &["swore", "sworn"]),
    ("hit", &["hit"]),
    ("take", &["took", "taken"]),
    ("speak", &["spoke", "spoken"]),
    ("sing", &["sang", "sung"]),
    ("sum", &["summed", "summing"]),
];

/// Verbs whose last consonant doubles before `-ed` and `-ing` (`quipped`).
pub(super) const DOUBLING: &[&str] = &[
    "quip", "admit", "rebut", "snap", "plot", "chat", "jab", "submit", "commit", "regret", "blog",
    "quiz", "spot", "stop", "plan", "shrug", "sum", "dub", "slam", "rant", "prod",
];

/// Every form of a verb: base, third person, past, participle, `-ing`.
pub fn verb_forms(base: &str) -> Vec<String> {
    let mut out = vec![base.to_string()];
    let b = base.as_bytes();
    let last = *b.last().unwrap_or(&b'a');
    let before_last = if b.len() >= 2 { b[b.len() - 2] } else { b'a' };
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let third =
        if base.ends_with(['s', 'x', 'z', 'o']) || base.ends_with("sh") || base.ends_with("ch") {
            format!("{base}es")
        } else if last == b'y' && !vowel(before_last) {
            format!("{}ies", &base[..base.len() - 1])
        } else {
            format!("{base}s")
        };
    let (past, ing) = if last == b'e' {
        let stem = &base[..base.len() - 1];
        (format!("{base}d"), format!("{stem}ing"))
    } else if last == b'y' && !vowel(before_last) {
        let stem = &base[..base.len() - 1];
        (format!("{stem}ied"), format!("{base}ing"))
    } else if DOUBLING.contains(&base) && !base.ends_with("nt") {
        let c = last as char;
        (format!("{base}{c}ed"), format!("{base}{c}ing"))
    } else {
        (format!("{base}ed"), format!("{base}ing"))
    };
    out.push(third);
    if let Some((_, forms)) = IRREGULAR.iter().find(|(b, _)| *b == base) {
        out.extend(forms.iter().map(std::string::ToString::to_string));
    } else {
        out.push(past);
    }
    out.push(ing);
    out.dedup();
    out
}

/// Multi-word cues: a verb (in any of its forms) and the words after it
/// (`points out`, `went on to say`, `was quoted as saying`, `took to
/// Twitter`). The verb need not be a cue by itself.
pub const PHRASAL_CUES: &[(&str, &[&str])] = &[
    ("go", &["on", "to", "say"]),
    ("go", &["on", "to", "write"]),
    ("go", &["on"]),
    ("go", &["further"]),
    ("point", &["out"]),
    ("sum", &["up"]),
    ("shoot", &["back"]),
    ("fire", &["back"]),
    ("hit", &["back"]),
    ("push", &["back"]),
    ("chime", &["in"]),
    ("weigh", &["in"]),
    ("lash", &["out"]),
    ("spell", &["out"]),
    ("speak", &["out"]),
    ("cry", &["out"]),
    ("call", &["out"]),
    ("quote", &["as", "saying"]),
    ("take", &["to", "twitter"]),
    ("take", &["to", "facebook"]),
    ("take", &["to", "instagram"]),
    ("take", &["to", "social", "media"]),
    ("have", &["this", "to", "say"]),
    ("put", &["it", "this", "way"]),
];

/// A multi-word cue starting with this lowercase word form, as the words
/// that must follow it, longest first.
pub fn phrasal_cues(form: &str) -> &'static [&'static [&'static str]] {
    static T: OnceLock<FxHashMap<String, Vec<&'static [&'static str]>>> = OnceLock::new();
    let t = T.get_or_init(|| {
        let mut m: FxHashMap<String, Vec<&'static [&'static str]>> = FxHashMap::default();
        for (verb, rest) in PHRASAL_CUES {
            for f in verb_forms(verb) {
                m.entry(f).or_default().push(rest);
            }
        }
        for v in m.values_mut() {
            v.sort_by_key(|r| std::cmp::Reverse(r.len()));
        }
        m
    });
    t.get(form).map(Vec::as_slice).unwrap_or(&[])
}
