//! Word lists for news prose, kept in one place so that rules elsewhere stay
//! generic and the lists can grow without touching the logic.
//!
//! Every list is lowercase; lookups lowercase the word first.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

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
const SPEECH_VERBS: &[&str] = &[
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
const WEAK_VERBS: &[&str] = &[
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
const NOUN_FIRST: &[&str] = &[
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
const PAST_ONLY: &[&str] = &[
    "agree", "disagree", "continue", "estimate", "indicate", "promise", "predict",
];

/// Whether a form of a verb is a cue: not the base or `-s` form of a verb
/// that is usually a noun or means something else in the present.
fn cue_form(base: &str, form: &str) -> bool {
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
const IRREGULAR: &[(&str, &[&str])] = &[
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
const DOUBLING: &[&str] = &[
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

/// What the lexicon knows about one lowercase word: one lookup answers
/// every question the rules ask of a word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// Bits of the word classes below.
    pub class: u32,
    pub cue: Option<Cue>,
}

impl Entry {
    pub fn is(self, class: u32) -> bool {
        self.class & class != 0
    }
}

pub const PERSON_ROLE: u32 = 1 << 0;
pub const ORG_HEAD: u32 = 1 << 1;
pub const ORG_WORD: u32 = 1 << 2;
pub const TITLE: u32 = 1 << 3;
pub const NOT_NAME: u32 = 1 << 4;
pub const SKIPPABLE: u32 = 1 << 5;
pub const NP_STOP: u32 = 1 << 6;
pub const NOUN_MARKER: u32 = 1 << 7;
pub const TITLE_ABBREVIATION: u32 = 1 << 8;
pub const ABBREVIATION: u32 = 1 << 9;
pub const QUESTIONER: u32 = 1 << 10;
pub const NOT_LABEL: u32 = 1 << 11;
pub const FIRST_PERSON_WORD: u32 = 1 << 12;
pub const ISE_EXCEPTION: u32 = 1 << 13;
pub const ELISION: u32 = 1 << 14;
pub const DETERMINER: u32 = 1 << 15;
pub const PRONOUN: u32 = 1 << 16;
/// The first word of a multi-word cue (`took` of `took to Twitter`).
pub const PHRASE_START: u32 = 1 << 17;
/// A document that can be the source of words (`the report said`).
pub const DOCUMENT: u32 = 1 << 18;

const CLASSES: &[(&[&str], u32)] = &[
    (PERSON_ROLES, PERSON_ROLE),
    (ORG_HEADS, ORG_HEAD),
    (DOCUMENTS, ORG_HEAD | DOCUMENT),
    (ORG_WORDS, ORG_WORD),
    (TITLES, TITLE),
    (NOT_NAMES, NOT_NAME),
    (SKIPPABLE_BEFORE_VERB, SKIPPABLE),
    (NP_STOPS, NP_STOP),
    (NOUN_MARKERS, NOUN_MARKER),
    (TITLE_ABBREVIATIONS, TITLE_ABBREVIATION),
    (ABBREVIATIONS, ABBREVIATION),
    (QUESTIONER_LABELS, QUESTIONER),
    (NOT_LABELS, NOT_LABEL),
    (FIRST_PERSON, FIRST_PERSON_WORD),
    (ISE_EXCEPTIONS, ISE_EXCEPTION),
    (ELISIONS, ELISION),
    (
        &["the", "this", "that", "a", "an", "one", "another"],
        DETERMINER,
    ),
    (&["he", "she", "they", "it", "i", "we", "who"], PRONOUN),
];

fn table() -> &'static FxHashMap<String, Entry> {
    static T: OnceLock<FxHashMap<String, Entry>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m: FxHashMap<String, Entry> = FxHashMap::default();
        let plain = Cue {
            weak: false,
            participle: false,
            forward_only: false,
            block: true,
        };
        let mut cues: Vec<(String, Cue)> = Vec::new();
        for verb in SPEECH_VERBS {
            for f in verb_forms(verb).into_iter().filter(|f| cue_form(verb, f)) {
                let participle = f.ends_with("ing") && f != *verb;
                cues.push((
                    f,
                    Cue {
                        participle,
                        block: !participle,
                        ..plain
                    },
                ));
            }
        }
        for verb in PAST_ONLY {
            for f in [verb.to_string(), format!("{verb}s")] {
                cues.push((
                    f,
                    Cue {
                        weak: true,
                        block: false,
                        ..plain
                    },
                ));
            }
        }
        for verb in WEAK_VERBS {
            for f in verb_forms(verb).into_iter().filter(|f| cue_form(verb, f)) {
                let participle = f.ends_with("ing") && f != *verb;
                cues.push((
                    f,
                    Cue {
                        weak: true,
                        participle,
                        block: false,
                        ..plain
                    },
                ));
            }
        }
        cues.push((
            "according".to_string(),
            Cue {
                forward_only: true,
                block: false,
                ..plain
            },
        ));
        for (verb, _) in PHRASAL_CUES {
            for f in verb_forms(verb) {
                m.entry(f).or_default().class |= PHRASE_START;
            }
        }
        for (w, c) in cues {
            let e = m.entry(w).or_default();
            // A verb in both lists keeps its first, stronger reading.
            if e.cue.is_none() {
                e.cue = Some(c);
            }
        }
        for (words, bit) in CLASSES {
            for w in *words {
                m.entry(w.to_string()).or_default().class |= bit;
            }
        }
        m
    })
}

/// Everything the lexicon knows about a lowercase word.
pub fn entry(lower: &str) -> Entry {
    table().get(lower).copied().unwrap_or_default()
}

/// The cue verb this lowercase word is, if any.
pub fn cue(lower: &str) -> Option<Cue> {
    entry(lower).cue
}

macro_rules! word_set {
    ($fn_name:ident, $bit:expr) => {
        pub fn $fn_name(lower: &str) -> bool {
            entry(lower).is($bit)
        }
    };
}

/// Nouns that name what a person is (the head of `the official`,
/// `State Department spokesman Ian Kelly`).
const PERSON_ROLES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "official",
    "officials",
    "president",
    "vice-president",
    "secretary",
    "secretary-general",
    "minister",
    "founder",
    "co-founder",
    "cofounder",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "executive",
    "ceo",
    "cto",
    "cfo",
    "coo",
    "director",
    "manager",
    "senator",
    "representative",
    "congressman",
    "congresswoman",
    "governor",
    "mayor",
    "ambassador",
    "envoy",
    "diplomat",
    "diplomats",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "professor",
    "lecturer",
    "researcher",
    "researchers",
    "scientist",
    "economist",
    "lawyer",
    "attorney",
    "adviser",
    "advisor",
    "aide",
    "aides",
    "commander",
    "general",
    "colonel",
    "officer",
    "leader",
    "head",
    "editor",
    "reporter",
    "journalist",
    "correspondent",
    "columnist",
    "author",
    "writer",
    "blogger",
    "activist",
    "activists",
    "protester",
    "protesters",
    "protestor",
    "protestors",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "student",
    "students",
    "source",
    "sources",
    "member",
    "lawmaker",
    "lawmakers",
    "legislator",
    "prosecutor",
    "judge",
    "candidate",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "bishop",
    "cleric",
    "ayatollah",
    "commissioner",
    "councillor",
    "councilor",
    "councilman",
    "councilwoman",
    "alderman",
    "assemblyman",
    "assemblywoman",
    "administrator",
    "deputy",
    "undersecretary",
    "assistant",
    "counsel",
    "strategist",
    "consultant",
    "owner",
    "partner",
    "employee",
    "engineer",
    "developer",
    "designer",
    "boss",
    "critic",
    "critics",
    "supporter",
    "supporters",
    "opponent",
    "organizer",
    "organiser",
    "moderator",
    "host",
    "interviewer",
    "questioner",
    "historian",
    "novelist",
    "fisherman",
    "fishermen",
    "fisher",
    "farmer",
    "farmers",
    "rancher",
    "miner",
    "driver",
    "pilot",
    "sailor",
    "soldier",
    "veteran",
    "firefighter",
    "paramedic",
    "pharmacist",
    "surgeon",
    "physician",
    "patient",
    "parent",
    "mother",
    "father",
    "shopkeeper",
    "merchant",
    "trader",
    "banker",
    "accountant",
    "architect",
    "contractor",
    "builder",
    "electrician",
    "plumber",
    "mechanic",
    "chef",
    "baker",
    "waiter",
    "waitress",
    "clerk",
    "landlord",
    "tenant",
    "homeowner",
    "commuter",
    "neighbor",
    "neighbour",
    "volunteer",
    "pastor",
    "priest",
    "rabbi",
    "imam",
    "principal",
    "librarian",
    "artist",
    "musician",
    "singer",
    "actor",
    "actress",
    "athlete",
    "poet",
    "philosopher",
    "entrepreneur",
    "investor",
    "founders",
    "staffer",
    "staffers",
    "worker",
    "workers",
    "user",
    "users",
    "voter",
    "voters",
    "doctor",
    "nurse",
    "teacher",
    "coach",
    "player",
    "captain",
    "sheriff",
    "police",
    "detective",
    "inspector",
    "regulator",
    "regulators",
    "negotiator",
    "mediator",
    "premier",
    "senior",
    "politician",
    "commentator",
    "observer",
    "observers",
    "insider",
    "insiders",
    "woman",
    "man",
    "people",
    "person",
    "someone",
    "resident",
    "citizen",
    "citizens",
    "friend",
    "friends",
    "colleague",
    "colleagues",
    "nephew",
    "niece",
    "son",
    "daughter",
    "brother",
    "sister",
    "wife",
    "husband",
    "uncle",
    "aunt",
    "cousin",
    "grandmother",
    "grandfather",
    "boy",
    "girl",
    "businessman",
    "businesswoman",
    "mogul",
    "tycoon",
    "billionaire",
    "millionaire",
    "narrator",
    "announcer",
    "anchor",
    "pundit",
    "pollster",
    "nominee",
    "frontrunner",
    "front-runner",
    "challenger",
    "incumbent",
    "delegate",
    "delegates",
    "superdelegate",
    "attendee",
    "demonstrator",
    "demonstrators",
    "fan",
    "fans",
    "congressmen",
    "senators",
    "governors",
    "spokespersons",
    "campaigner",
    "organizers",
    "chairs",
    "director-general",
    "publisher",
    "producer",
    "comedian",
    "sociologist",
    "psychologist",
    "neurosurgeon",
    "chairmen",
    "chairwomen",
    "commenter",
    "commenters",
    "commentators",
    "pollsters",
    "strategists",
    "economists",
    "historians",
    "lawyers",
    "attorneys",
    "advisers",
    "advisors",
    "spokesmen",
    "spokeswomen",
    "leaders",
    "members",
    "executives",
    "directors",
    "ministers",
    "superdelegates",
    "donors",
    "donor",
    "fundraiser",
    "lobbyist",
    "lobbyists",
    "reverend",
    "candidates",
    "magnate",
    "teenager",
    "teen",
    "mom",
    "dad",
    "widow",
    "survivor",
    "victim",
    "scholar",
    "scholars",
    "physicist",
    "professors",
    "officers",
    "agents",
    "agent",
    "investigator",
    "investigators",
    "prosecutors",
    "judges",
    "justice",
    "senator-elect",
    "governor-elect",
    "nominees",
    "challengers",
    "contender",
    "rival",
    "rivals",
    "backer",
    "backers",
    "ally",
    "allies",
    "loyalist",
    "loyalists",
    "surrogate",
    "surrogates",
    "campaigners",
    "volunteers",
    "marchers",
    "attendees",
    "audience-member",
    "caller",
    "callers",
    "viewer",
    "viewers",
    "reader",
    "readers",
    "tweeter",
    "poster",
    "bloggers",
    "columnists",
    "editors",
    "reporters",
    "journalists",
    "correspondents",
    "anchors",
    "hosts",
];
word_set!(is_person_role, PERSON_ROLE);

/// Heads of descriptions that stand for an organisation (`the company said`).
const ORG_HEADS: &[&str] = &[
    "company",
    "firm",
    "department",
    "ministry",
    "agency",
    "government",
    "administration",
    "group",
    "network",
    "site",
    "service",
    "organization",
    "organisation",
    "office",
    "campaign",
    "party",
    "university",
    "council",
    "commission",
    "committee",
    "board",
    "startup",
    "start-up",
    "embassy",
    "newspaper",
    "paper",
    "broadcaster",
    "union",
    "team",
    "club",
    "court",
    "police",
    "army",
    "military",
    "authorities",
    "regime",
    "white",
    "crowd",
    "audience",
];
word_set!(is_org_head, ORG_HEAD);

/// Words that, inside a capitalised name, make it an organisation.
const ORG_WORDS: &[&str] = &[
    "department",
    "ministry",
    "agency",
    "inc",
    "corp",
    "corporation",
    "ltd",
    "llc",
    "news",
    "times",
    "post",
    "journal",
    "university",
    "council",
    "commission",
    "committee",
    "party",
    "office",
    "house",
    "bank",
    "institute",
    "foundation",
    "association",
    "union",
    "group",
    "company",
    "press",
    "network",
    "organization",
    "organisation",
    "service",
    "services",
    "court",
    "congress",
    "senate",
    "parliament",
    "government",
    "administration",
    "fund",
    "watch",
    "international",
    "reuters",
    "afp",
    "ap",
    "bbc",
    "cnn",
    "club",
    "league",
    "center",
    "centre",
    "coalition",
    "alliance",
    "federation",
];
word_set!(is_org_word, ORG_WORD);

/// Titles that stand before a name and are not part of it.
const TITLES: &[&str] = &[
    "supt",
    "insp",
    "det",
    "cmdr",
    "adm",
    "maj",
    "pres",
    "amb",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "sen",
    "rep",
    "gov",
    "gen",
    "col",
    "capt",
    "lt",
    "sgt",
    "rev",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "secretary",
    "minister",
    "prime",
    "chancellor",
    "senator",
    "governor",
    "mayor",
    "ambassador",
    "judge",
    "justice",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "ayatollah",
    "sheikh",
    "chairman",
    "ceo",
    "representative",
    "congressman",
    "congresswoman",
    "professor",
    "doctor",
    "general",
    "colonel",
    "captain",
    "father",
    "sister",
    "brother",
    "imam",
    "rabbi",
    "premier",
    "commissioner",
    "councillor",
    "councilor",
    "councilman",
    "councilwoman",
    "alderman",
    "assemblyman",
    "assemblywoman",
    "director",
    "state",
];
word_set!(is_title, TITLE);

/// Titles that mark a man or a woman.
pub fn title_gender(lower: &str) -> Option<Gender> {
    match lower {
        "mr" | "sir" | "lord" | "king" | "prince" | "father" | "brother" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "sister" => {
            Some(Gender::Female)
        }
        _ => None,
    }
}

/// The gender a role noun states (`the wife`, `a spokesman`).
pub fn noun_gender(lower: &str) -> Option<Gender> {
    match lower {
        "man" | "husband" | "father" | "son" | "brother" | "boy" | "grandfather" | "uncle"
        | "nephew" | "widower" | "spokesman" | "congressman" | "chairman" | "businessman"
        | "councilman" | "assemblyman" | "boyfriend" | "king" | "prince" | "dad" => {
            Some(Gender::Male)
        }
        "woman" | "wife" | "mother" | "daughter" | "sister" | "girl" | "grandmother" | "aunt"
        | "niece" | "widow" | "spokeswoman" | "congresswoman" | "chairwoman" | "businesswoman"
        | "councilwoman" | "assemblywoman" | "girlfriend" | "queen" | "princess" | "mom"
        | "actress" => Some(Gender::Female),
        _ => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// Capitalised words that start sentences or name times, never people.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "or",
    "yet",
    "so",
    "meanwhile",
    "however",
    "also",
    "later",
    "earlier",
    "then",
    "now",
    "today",
    "yesterday",
    "tonight",
    "tomorrow",
    "still",
    "instead",
    "indeed",
    "moreover",
    "separately",
    "elsewhere",
    "last",
    "next",
    "when",
    "while",
    "after",
    "before",
    "asked",
    "in",
    "on",
    "at",
    "for",
    "with",
    "as",
    "if",
    "since",
    "although",
    "though",
    "there",
    "here",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "its",
    "my",
    "your",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "well",
    "yes",
    "no",
    "okay",
    "ok",
    "sure",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "because",
    "by",
    "from",
    "to",
    "of",
    "not",
    "only",
    "even",
    "just",
    "perhaps",
    "maybe",
    "finally",
    "first",
    "second",
    "third",
    "some",
    "many",
    "most",
    "all",
    "both",
    "each",
    "every",
    "other",
    "another",
    "such",
    "one",
    "two",
    "three",
    "more",
    "less",
    "image",
    "photo",
    "update",
    "note",
    "editor",
    "related",
    "share",
    "read",
    "watch",
    "advertisement",
    "insultingly",
    "ironically",
    "interestingly",
    "notably",
    "speaking",
    "writing",
    "asked",
    "underlining",
    "according",
    "despite",
    "during",
    "without",
    "within",
    "among",
    "amid",
    "about",
    "against",
    "under",
    "over",
    "into",
    "through",
    "until",
    "unless",
    "whether",
    "once",
    "again",
    "already",
    "never",
    "always",
    "often",
    "sometimes",
    "thus",
    "hence",
    "therefore",
    "nevertheless",
    "nonetheless",
    "furthermore",
    "additionally",
    "besides",
    "likewise",
    "similarly",
    "otherwise",
    "accordingly",
    "consequently",
    "eventually",
];
word_set!(is_not_name, NOT_NAME);

/// Words a subject may be separated from its verb by: `Stone simply wrote`,
/// `Kelly has said`, `Hugo once said`.
const SKIPPABLE_BEFORE_VERB: &[&str] = &[
    "also",
    "once",
    "later",
    "earlier",
    "then",
    "further",
    "again",
    "previously",
    "recently",
    "today",
    "yesterday",
    "has",
    "have",
    "had",
    "was",
    "is",
    "would",
    "will",
    "could",
    "may",
    "might",
    "did",
    "does",
    "do",
    "had",
    "already",
    "often",
    "repeatedly",
    "famously",
    "reportedly",
    "subsequently",
    "finally",
    "first",
    "last",
    "now",
    "still",
    "even",
    "just",
    "never",
    "always",
    "not",
    "this",
    "week",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
word_set!(is_skippable_before_verb, SKIPPABLE);

/// Words that end a noun phrase when reading it backwards from a verb.
const NP_STOPS: &[&str] = &[
    "of", "in", "to", "that", "and", "but", "or", "who", "whom", "which", "as", "for", "with",
    "by", "on", "at", "from", "while", "when", "because", "if", "than", "after", "before", "since",
    "where", "what", "whether", "though", "although", "so", "not", "has", "had", "have", "was",
    "were", "is", "are", "be", "been", "it", "this", "these", "those", "there", "here", "about",
    "into", "over", "under", "through", "during", "until", "against", "between", "also", "then",
    "said", "says", "told",
];
word_set!(is_np_stop, NP_STOP);

/// Words after which a cue verb is a noun (`the claim`, `their post`).
const NOUN_MARKERS: &[&str] = &[
    "the", "a", "an", "their", "his", "her", "its", "our", "my", "your", "this", "that", "these",
    "those", "every", "each", "no", "any", "some", "first", "latest", "last", "new",
];
word_set!(is_noun_marker, NOUN_MARKER);

/// Determiners that open a description.
pub fn determiner(lower: &str) -> Option<Definiteness> {
    match lower {
        "the" | "this" | "that" => Some(Definiteness::Definite),
        "a" | "an" | "one" | "another" => Some(Definiteness::Indefinite),
        _ => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Definiteness {
    Definite,
    Indefinite,
}

/// Personal pronouns that can be the subject of a cue verb.
pub fn pronoun(lower: &str) -> Option<Pronoun> {
    match lower {
        "he" => Some(Pronoun::He),
        "she" => Some(Pronoun::She),
        "they" => Some(Pronoun::They),
        "it" => Some(Pronoun::It),
        "i" | "we" => Some(Pronoun::FirstPerson),
        "who" => Some(Pronoun::Relative),
        _ => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
    It,
    FirstPerson,
    Relative,
}

/// Titles that are abbreviated with a period (`Sen.`, `Dr.`).
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "sen", "rep", "gov", "gen", "col", "capt", "lt", "sgt",
    "rev", "st", "supt", "insp", "det", "cmdr", "adm", "maj", "pres", "amb", "jr", "sr", "del",
    "hon",
];
word_set!(is_title_abbreviation, TITLE_ABBREVIATION);

/// Titles only with their period: `Del. Mara Quist` (a delegate),
/// `Hon. Jo Roe`; without it they are first names (`Del Shannon`).
pub fn is_dotted_title(l: &str) -> bool {
    matches!(l, "del" | "hon")
}

/// `a` or `an` before a phrase, by how its first word sounds: `an
/// official`, `a US official`, `an FBI agent`, `a union leader`.
pub fn indefinite_article(phrase: &str) -> &'static str {
    let word = phrase.split_whitespace().next().unwrap_or("");
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    let initialism =
        letters.len() >= 2 && letters.len() <= 5 && letters.chars().all(char::is_uppercase)
            || (word.contains('.') && letters.chars().all(char::is_uppercase));
    let first = letters.chars().next().unwrap_or('x');
    if initialism {
        // Letters named with a vowel sound: `an FBI agent`, `an MP`.
        return if "AEFHILMNORSX".contains(first) {
            "an"
        } else {
            "a"
        };
    }
    let lower = letters.to_lowercase();
    let consonant_sound = [
        "uni", "use", "usu", "uti", "eu", "one", "once", "ubi", "ura",
    ];
    let vowel_sound = ["hour", "honest", "honor", "honour", "heir"];
    if vowel_sound.iter().any(|p| lower.starts_with(p)) {
        "an"
    } else if consonant_sound.iter().any(|p| lower.starts_with(p)) {
        "a"
    } else if lower.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// Plural nouns for groups of people by party, creed or nation: a
/// capitalised name that ends in one (`Fellow Republicans`, `House
/// Democrats`, `many Iranians`) is a group, never one person.
const GROUP_PLURALS: &[&str] = &[
    "republicans",
    "democrats",
    "conservatives",
    "liberals",
    "progressives",
    "socialists",
    "communists",
    "tories",
    "independents",
    "libertarians",
    "nationalists",
    "loyalists",
    "unionists",
    "evangelicals",
    "catholics",
    "protestants",
    "muslims",
    "christians",
    "jews",
    "hindus",
    "sikhs",
    "buddhists",
    "mormons",
    "americans",
    "canadians",
    "mexicans",
    "britons",
    "iranians",
    "iraqis",
    "israelis",
    "palestinians",
    "syrians",
    "russians",
    "ukrainians",
    "chinese",
    "indians",
    "pakistanis",
    "afghans",
    "africans",
    "europeans",
    "australians",
    "germans",
    "italians",
    "nigerians",
    "kenyans",
    "koreans",
    "brazilians",
    "cubans",
    "venezuelans",
    "latinos",
    "latinas",
    "hispanics",
    "asians",
    "arabs",
    "kurds",
    "saudis",
    "egyptians",
    "turks",
    "greeks",
    "poles",
];

pub fn is_group_plural(lower: &str) -> bool {
    GROUP_PLURALS.contains(&lower)
}

/// Small words that prose leaves lowercase inside a sentence and headline
/// style capitalises (`Fires Back On The Ferry Plan At The Council`).
pub fn is_headline_small_word(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "on"
            | "to"
            | "of"
            | "in"
            | "for"
            | "and"
            | "with"
            | "his"
            | "her"
            | "at"
            | "by"
            | "from"
            | "is"
            | "are"
            | "was"
            | "its"
            | "their"
            | "after"
            | "over"
    )
}

/// Countries, US states and world regions: a capitalised name that is one
/// of these (`West Virginia`, `Mexico`) is a place, never `he` or `she`.
const PLACES: &[&str] = &[
    "afghanistan",
    "africa",
    "alabama",
    "alaska",
    "albania",
    "algeria",
    "america",
    "angola",
    "argentina",
    "arizona",
    "arkansas",
    "armenia",
    "asia",
    "australia",
    "austria",
    "azerbaijan",
    "bahrain",
    "balkans",
    "bangladesh",
    "belarus",
    "belgium",
    "bolivia",
    "bosnia",
    "brazil",
    "bulgaria",
    "california",
    "cambodia",
    "cameroon",
    "canada",
    "caribbean",
    "chile",
    "china",
    "colombia",
    "colorado",
    "congo",
    "connecticut",
    "croatia",
    "cuba",
    "cyprus",
    "czechia",
    "delaware",
    "denmark",
    "ecuador",
    "egypt",
    "england",
    "estonia",
    "ethiopia",
    "europe",
    "finland",
    "florida",
    "france",
    "germany",
    "ghana",
    "greece",
    "guatemala",
    "gulf",
    "haiti",
    "hawaii",
    "honduras",
    "hungary",
    "iceland",
    "idaho",
    "illinois",
    "india",
    "indiana",
    "indonesia",
    "iowa",
    "iran",
    "iraq",
    "ireland",
    "italy",
    "jamaica",
    "japan",
    "kansas",
    "kazakhstan",
    "kentucky",
    "korea",
    "kosovo",
    "kuwait",
    "latin america",
    "latvia",
    "lebanon",
    "libya",
    "lithuania",
    "louisiana",
    "luxembourg",
    "maine",
    "malaysia",
    "mali",
    "maryland",
    "massachusetts",
    "mexico",
    "michigan",
    "middle east",
    "minnesota",
    "mississippi",
    "missouri",
    "moldova",
    "mongolia",
    "montana",
    "montenegro",
    "morocco",
    "mozambique",
    "myanmar",
    "nebraska",
    "nepal",
    "netherlands",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "new zealand",
    "nicaragua",
    "niger",
    "nigeria",
    "north carolina",
    "north dakota",
    "north korea",
    "norway",
    "ohio",
    "oklahoma",
    "oman",
    "oregon",
    "pakistan",
    "palestine",
    "panama",
    "paraguay",
    "pennsylvania",
    "peru",
    "philippines",
    "poland",
    "portugal",
    "qatar",
    "rhode island",
    "romania",
    "russia",
    "rwanda",
    "saudi arabia",
    "scandinavia",
    "scotland",
    "senegal",
    "serbia",
    "singapore",
    "slovakia",
    "slovenia",
    "somalia",
    "south africa",
    "south carolina",
    "south dakota",
    "south korea",
    "south sudan",
    "spain",
    "sri lanka",
    "sudan",
    "sweden",
    "switzerland",
    "syria",
    "taiwan",
    "tanzania",
    "tennessee",
    "texas",
    "thailand",
    "tunisia",
    "turkey",
    "uganda",
    "ukraine",
    "united kingdom",
    "united states",
    "uruguay",
    "utah",
    "uzbekistan",
    "venezuela",
    "vermont",
    "vietnam",
    "wales",
    "west virginia",
    "wisconsin",
    "wyoming",
    "yemen",
    "zambia",
    "zimbabwe",
];

/// Whether a lowercase name is a country, a US state or a world region.
pub fn is_place(lower: &str) -> bool {
    PLACES.binary_search(&lower).is_ok()
}

/// A lowercase word, with its period if it has one, that is a title
/// before a name: `sen.`, `senator`, `del.`.
pub fn is_title_word(l: &str) -> bool {
    match l.strip_suffix('.') {
        Some(base) => is_title(base) || is_dotted_title(base),
        None => is_title(l),
    }
}

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "prof",
    "jr", "sr", "inc", "co", "corp", "ltd", "u.s", "u.n", "u.k", "e.u", "no", "vs", "etc", "jan",
    "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "a.m", "p.m", "mt", "ft",
    "rev", "fig", "approx", "dept", "est", "govt", "e.g", "i.e", "d.c", "l.a", "n.y", "n.j",
    "u.a.e",
];
word_set!(is_abbreviation, ABBREVIATION);

/// A name's initials as a word: `L` in `Janet L. Yellen`, `J.R` in
/// `J.R. Okafor` (the last period is a token of its own). Place
/// initialisms (`U.S`, `D.C`) are abbreviations, not initials.
pub fn is_initials(w: &str) -> bool {
    let mut letters = 0;
    let mut expect_letter = true;
    for c in w.chars() {
        if expect_letter && c.is_uppercase() {
            letters += 1;
            expect_letter = false;
        } else if !expect_letter && c == '.' {
            expect_letter = true;
        } else {
            return false;
        }
    }
    letters == 1 || (letters > 1 && !expect_letter && !is_abbreviation(&w.to_lowercase()))
}

/// Transcript labels for whoever asks the questions.
const QUESTIONER_LABELS: &[&str] = &[
    "q",
    "question",
    "questioner",
    "reporter",
    "journalist",
    "interviewer",
    "audience",
    "participant",
    "press",
];
word_set!(is_questioner_label, QUESTIONER);

/// Labels that look like speaker labels but are not (`NOTE:`, `UPDATE:`).
const NOT_LABELS: &[&str] = &[
    "note",
    "update",
    "updated",
    "editor's note",
    "editors note",
    "correction",
    "photo",
    "video",
    "related",
    "read more",
    "watch",
    "source",
    "sources",
    "see also",
    "tags",
    "tag",
    "posted",
    "filed",
    "subject",
    "from",
    "to",
    "date",
    "sent",
    "cc",
    "re",
    "fwd",
    "ps",
    "p.s",
    "warning",
    "disclaimer",
    "caption",
    "credit",
    "image",
    "advertisement",
    "share",
    "contact",
    "email",
    "phone",
    "tel",
    "fax",
    "web",
    "url",
    "link",
    "links",
    "title",
    "author",
    "by",
    "outlet",
    "summary",
    "abstract",
    "keywords",
    "category",
    "categories",
    "location",
    "time",
    "when",
    "where",
    "what",
    "why",
    "how",
    "who",
    "example",
    "answer",
    "a",
    "step",
    "part",
    "chapter",
    "section",
    "table",
    "figure",
    "price",
    "change",
    "total",
];
word_set!(is_not_label, NOT_LABEL);

/// Words that mark the first person outside a quotation, used to tell a
/// quoted post from the reporter's own prose.
const FIRST_PERSON: &[&str] = &["i", "we", "our", "us", "my", "me", "ours", "i'm", "we're"];
word_set!(is_first_person, FIRST_PERSON_WORD);

/// Words spelled one way in Britain and another in America, mapped to the
/// American spelling so that both link.
pub const BRITISH_AMERICAN: &[(&str, &str)] = &[
    ("colour", "color"),
    ("colours", "colors"),
    ("honour", "honor"),
    ("honours", "honors"),
    ("honoured", "honored"),
    ("favour", "favor"),
    ("favours", "favors"),
    ("favourite", "favorite"),
    ("labour", "labor"),
    ("neighbour", "neighbor"),
    ("neighbours", "neighbors"),
    ("behaviour", "behavior"),
    ("humour", "humor"),
    ("rumour", "rumor"),
    ("rumours", "rumors"),
    ("harbour", "harbor"),
    ("vigour", "vigor"),
    ("rigour", "rigor"),
    ("endeavour", "endeavor"),
    ("armour", "armor"),
    ("flavour", "flavor"),
    ("centre", "center"),
    ("centres", "centers"),
    ("theatre", "theater"),
    ("metre", "meter"),
    ("metres", "meters"),
    ("litre", "liter"),
    ("fibre", "fiber"),
    ("catalogue", "catalog"),
    ("dialogue", "dialog"),
    ("analogue", "analog"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("travelled", "traveled"),
    ("travelling", "traveling"),
    ("cancelled", "canceled"),
    ("cancelling", "canceling"),
    ("labelled", "labeled"),
    ("modelling", "modeling"),
    ("signalled", "signaled"),
    ("levelled", "leveled"),
    ("fuelled", "fueled"),
    ("counselling", "counseling"),
    ("grey", "gray"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("cheque", "check"),
    ("tyre", "tire"),
    ("aluminium", "aluminum"),
    ("jewellery", "jewelry"),
    ("enrol", "enroll"),
    ("fulfil", "fulfill"),
    ("skilful", "skillful"),
    ("judgement", "judgment"),
    ("ageing", "aging"),
    ("manoeuvre", "maneuver"),
    ("paediatric", "pediatric"),
    ("sceptical", "skeptical"),
    ("towards", "toward"),
    ("amongst", "among"),
    ("whilst", "while"),
];

/// `-ise` words that are spelled the same in both countries.
const ISE_EXCEPTIONS: &[&str] = &[
    "advise",
    "arise",
    "comprise",
    "compromise",
    "despise",
    "devise",
    "disguise",
    "enterprise",
    "excise",
    "exercise",
    "franchise",
    "improvise",
    "merchandise",
    "premise",
    "promise",
    "revise",
    "rise",
    "supervise",
    "surmise",
    "surprise",
    "televise",
    "wise",
    "raise",
    "praise",
    "noise",
    "poise",
    "cruise",
    "bruise",
    "otherwise",
    "likewise",
    "concise",
    "precise",
    "expertise",
    "treatise",
    "chastise",
    "circumcise",
    "incise",
    "demise",
    "reprise",
    "apprise",
    "clockwise",
    "sunrise",
    "uprise",
    "paradise",
    "anise",
    "valise",
    "guise",
    "mortise",
    "tortoise",
    "porpoise",
    "turquoise",
    "chemise",
    "cerise",
    "braise",
    "appraise",
    "arise",
    "house",
    "promised",
    "advised",
    "raised",
    "praised",
];
word_set!(is_ise_exception, ISE_EXCEPTION);

/// Elisions that start with an apostrophe and are not an opening quote mark.
const ELISIONS: &[&str] = &[
    "em", "tis", "twas", "til", "till", "cause", "n", "bout", "round", "ol", "nuff", "kay", "sup",
    "cos",
];
word_set!(is_elision, ELISION);

/// The sex most babies given this first name had, from the US Social
/// Security Administration's birth counts (`src/data/first_names.tsv`, made
/// by `scripts/first_names.py`; names split closer than 90/10 are left
/// out). A prior only: what the text says of a person comes first.
pub fn first_name_gender(name: &str) -> Option<Gender> {
    static T: OnceLock<FxHashMap<&'static str, Gender>> = OnceLock::new();
    let table = T.get_or_init(|| {
        include_str!("data/first_names.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (n, g) = l.split_once('\t')?;
                let g = match g.trim() {
                    "f" => Gender::Female,
                    "m" => Gender::Male,
                    _ => return None,
                };
                Some((n, g))
            })
            .collect()
    });
    if name.len() > 24 || !name.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 24];
    for (d, c) in buf.iter_mut().zip(name.bytes()) {
        *d = c.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..name.len()]).ok()?;
    table.get(lower).copied()
}

/// Generational suffixes after a surname (`Jr.`, `III`).
pub fn is_name_suffix(lower: &str) -> bool {
    matches!(
        lower.trim_end_matches('.'),
        "jr" | "sr" | "ii" | "iii" | "iv"
    )
}

/// Words that join clauses: a noun phrase does not run across them.
pub fn is_conjunction(lower: &str) -> bool {
    matches!(
        lower,
        "and"
            | "but"
            | "or"
            | "while"
            | "whereas"
            | "as"
            | "when"
            | "because"
            | "after"
            | "before"
            | "since"
            | "although"
            | "though"
            | "if"
            | "so"
            | "then"
            | "that"
    )
}

/// Documents that carry words and can stand where a speaker does (`the
/// report said`, `the email read`); they speak for whoever owns them.
const DOCUMENTS: &[&str] = &[
    "report",
    "statement",
    "letter",
    "memo",
    "ad",
    "advertisement",
    "note",
    "message",
    "website",
    "filing",
    "complaint",
    "lawsuit",
    "indictment",
    "release",
    "editorial",
    "study",
    "survey",
    "document",
    "documents",
    "email",
    "emails",
    "video",
    "sign",
    "banner",
    "petition",
    "ruling",
    "order",
    "caption",
    "post",
    "tweet",
    "text",
    "transcript",
    "column",
    "op-ed",
    "book",
    "spot",
];
word_set!(is_document, DOCUMENT);

/// Nouns ending in `-ly`, which the adverb rule would otherwise drop from
/// a speaker's description (`Roe's ally Ann Lee`, `a family friend`).
pub fn is_ly_noun(lower: &str) -> bool {
    matches!(
        lower,
        "ally"
            | "family"
            | "rally"
            | "supply"
            | "reply"
            | "assembly"
            | "anomaly"
            | "monopoly"
            | "bully"
            | "tally"
            | "folly"
            | "italy"
            | "july"
            | "homily"
            | "panoply"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_sorted_and_found() {
        assert!(PLACES.windows(2).all(|w| w[0] < w[1]));
        assert!(is_place("west virginia"));
        assert!(is_place("mexico"));
        assert!(!is_place("jordan"));
    }

    #[test]
    fn indefinite_article_follows_the_sound() {
        assert_eq!(indefinite_article("official"), "an");
        assert_eq!(indefinite_article("U.S. arms control official"), "a");
        assert_eq!(indefinite_article("US official"), "a");
        assert_eq!(indefinite_article("FBI agent"), "an");
        assert_eq!(indefinite_article("union leader"), "a");
        assert_eq!(indefinite_article("honest broker"), "an");
        assert_eq!(indefinite_article("State Department official"), "a");
    }
    #[test]
    fn cue_kinds_are_distinguished() {
        assert!(!cue("said").unwrap().weak);
        assert!(cue("asked").unwrap().weak);
        assert!(cue("adding").unwrap().participle);
        assert!(cue("according").unwrap().forward_only);
        assert!(cue("table").is_none());
    }

    #[test]
    fn every_form_of_a_speech_verb_is_a_cue() {
        for w in [
            "say", "says", "said", "saying", "quipped", "quips", "replies", "replied",
        ] {
            assert!(cue(w).is_some(), "{w}");
        }
        assert!(cue("saying").unwrap().participle);
        assert!(!cue("said").unwrap().participle);
        assert_eq!(
            verb_forms("admit"),
            ["admit", "admits", "admitted", "admitting"]
        );
        assert_eq!(
            verb_forms("reply"),
            ["reply", "replies", "replied", "replying"]
        );
        assert_eq!(verb_forms("note"), ["note", "notes", "noted", "noting"]);
        // Verbs that are usually nouns in their base form.
        assert!(cue("blog").is_none() && cue("blogged").is_some());
        assert!(cue("protests").is_none() && cue("protested").is_some());
    }

    #[test]
    fn phrasal_cues_start_from_any_form() {
        assert!(phrasal_cues("took").iter().any(|r| r == &["to", "twitter"]));
        assert!(phrasal_cues("quoted")
            .iter()
            .any(|r| r == &["as", "saying"]));
        assert_eq!(phrasal_cues("went")[0], &["on", "to", "say"][..]);
        assert!(entry("took").is(PHRASE_START) && cue("took").is_none());
    }

    #[test]
    fn first_names_give_a_prior_only_when_clear() {
        assert_eq!(first_name_gender("Hillary"), Some(Gender::Female));
        assert_eq!(first_name_gender("donald"), Some(Gender::Male));
        assert_eq!(first_name_gender("Jordan"), None);
        assert_eq!(first_name_gender("Zürich"), None);
    }
}
