//! A deterministic generator of news-like articles, for benchmarks.
//!
//! Everything here is invented: people, organisations, places, topics and
//! the words they say are assembled from the lists below by a small seeded
//! PRNG (splitmix64), so the same `n` gives the same articles on every run
//! and every machine, and article `i` does not depend on `n`.
//!
//! The corpus is organised in *events* of [`PER_EVENT`] consecutive
//! articles. An event has a few speakers and a few canonical statements; its
//! articles quote those statements the ways real copy does: curly or
//! straight marks, double or British single quotes, contracted or expanded,
//! British or American spelling, a dropped comma, a fragment, two statements
//! merged, an editor's `[bracket]`, an ellipsis. One article of each event is
//! a press-briefing transcript that carries the statements in full. Around
//! them: wire reports (plain text), blog posts (markdown with front matter
//! and `>` block quotes) and web pages (HTML with `<q>`, `<blockquote>`,
//! entities, a `<script>` and a `<nav>`), with narrative paragraphs that
//! quote nobody.

use onrecord_engine::corpus::{self, Document, LoadOptions};
use std::fmt::Write as _;
use std::path::Path;

/// Articles per event.
pub const PER_EVENT: usize = 20;

const SEED: u64 = 0x6f6e_7265_636f_7264;

// Placeholders, turned into the marks of each article's style at the end.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';
const APOS: char = '\u{E002}';
/// `<q>` and `</q>` in HTML.
const QOPEN: char = '\u{E003}';
const QCLOSE: char = '\u{E004}';
const DASH: char = '\u{E005}';
const ELLIPSIS: char = '\u{E006}';

/// Writes `n` articles into `dir`; returns how many were written.
pub fn write_corpus(dir: &Path, n: usize) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    for (i, (kind, text)) in generate(n).into_iter().enumerate() {
        std::fs::write(dir.join(file_name(i, kind)), text)?;
    }
    Ok(n)
}

/// The texts of `n` articles.
pub fn corpus(n: usize) -> Vec<String> {
    generate(n).into_iter().map(|(_, t)| t).collect()
}

/// `n` articles parsed as the engine reads them, named
/// `synth/article-00000.txt` (or `.md`, `.html`).
pub fn documents(n: usize) -> Vec<Document> {
    generate(n)
        .into_iter()
        .enumerate()
        .map(|(i, (kind, text))| {
            let path = format!("synth/{}", file_name(i, kind));
            let (doc, _) =
                corpus::parse_document(&path, text.as_bytes(), None, &LoadOptions::default());
            doc.expect("a synthetic article is always readable")
        })
        .collect()
}

fn file_name(i: usize, kind: ArticleKind) -> String {
    format!("article-{i:05}.{}", kind.ext())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ArticleKind {
    Wire,
    Blog,
    Html,
    Transcript,
}

impl ArticleKind {
    fn of(i: usize) -> ArticleKind {
        match i % PER_EVENT {
            2 => ArticleKind::Transcript,
            j if j % 5 == 1 => ArticleKind::Html,
            j if j % 5 == 3 => ArticleKind::Blog,
            _ => ArticleKind::Wire,
        }
    }
    fn ext(self) -> &'static str {
        match self {
            ArticleKind::Wire | ArticleKind::Transcript => "txt",
            ArticleKind::Blog => "md",
            ArticleKind::Html => "html",
        }
    }
}

fn generate(n: usize) -> Vec<(ArticleKind, String)> {
    let mut out = Vec::with_capacity(n);
    let mut event: Option<Event> = None;
    for i in 0..n {
        let e = i / PER_EVENT;
        if event.as_ref().map(|ev| ev.id) != Some(e) {
            event = Some(Event::new(e));
        }
        let ev = event.as_ref().expect("event was just built");
        let kind = ArticleKind::of(i);
        let text = match kind {
            ArticleKind::Transcript => transcript(ev, Rng::new(2, i as u64)),
            _ => Art::new(ev, i, kind).write(),
        };
        out.push((kind, text));
    }
    out
}

/// splitmix64: small, fast and the same on every machine. Public so that
/// tests can draw random input from the same generator.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(stream: u64, index: u64) -> Rng {
        let mut r = Rng(SEED ^ stream.wrapping_mul(0xA24B_AED4_963E_E407));
        r.0 ^= index.wrapping_mul(0x9FB2_1C65_1E98_DF25);
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

// ---------------------------------------------------------------------------
// Word lists. All invented.

const FEMALE: &[&str] = &[
    "Adaeze", "Ines", "Marta", "Saoirse", "Yusra", "Oona", "Zofia", "Leontine", "Priya", "Amara",
    "Nadia", "Henrike", "Tamsin", "Ilse", "Rosalind", "Keziah", "Mirela", "Signe", "Fenella",
    "Orla", "Beatrix", "Noor", "Elodie", "Katalin", "Wren", "Ottilie", "Damaris", "Thandiwe",
    "Liesel", "Maren",
];

const MALE: &[&str] = &[
    "Tobias",
    "Kofi",
    "Rafael",
    "Dmitri",
    "Henrik",
    "Teodor",
    "Caspian",
    "Emeric",
    "Lucan",
    "Bartholomew",
    "Anselm",
    "Jovan",
    "Matthias",
    "Ruairi",
    "Osei",
    "Leopold",
    "Casimir",
    "Idris",
    "Florian",
    "Tancred",
    "Benedek",
    "Soren",
    "Alaric",
    "Cormac",
    "Ivo",
    "Evander",
    "Lorcan",
    "Aurelio",
    "Niklas",
    "Gideon",
];

const SURNAMES: &[&str] = &[
    "Halvorsen",
    "Fenwright",
    "Kettleby",
    "Ibekwe",
    "Delacourt",
    "Brannagh",
    "Jarnstrom",
    "Marchetti",
    "Nakashima",
    "Oyelaran",
    "Pellinger",
    "Quarrie",
    "Rautio",
    "Thistlewood",
    "Umberfield",
    "Varga",
    "Whitcombe",
    "Yarrow",
    "Zelenko",
    "Ashdown",
    "Blackmoor",
    "Castellane",
    "Dunmore",
    "Eriksdottir",
    "Fairbairn",
    "Gallowglass",
    "Hollingrake",
    "Ingleby",
    "Juvonen",
    "Kovalenko",
    "Lisowski",
    "Mwangala",
    "Northcote",
    "Okafor-Reid",
    "Penhaligon",
    "Quennell",
    "Sadowska",
    "Trevelyan",
    "Underhill",
    "Vantongeren",
    "Wolstenholme",
    "Ysselmuiden",
    "Zabala",
    "Achterberg",
    "Bellweather",
    "Corrigan",
    "Dabrowska",
    "Etxeberria",
    "Fitzallan",
    "Grimaldo",
    "Haverkamp",
    "Ilunga",
    "Jessop",
    "Kilbride",
    "Lanfranchi",
    "Morcombe",
    "Nwachukwu",
    "Ostrowski",
    "Prendergast",
    "Rasmussen-Lowe",
];

/// Halves of more surnames: `Ash` + `ford`.
const SURNAME_STEMS: &[&str] = &[
    "Ash", "Black", "Brom", "Cald", "Dun", "Elm", "Fair", "Gold", "Hal", "Hart", "Kett", "Lang",
    "Marr", "North", "Old", "Pen", "Quill", "Rad", "Sel", "Thorn", "Under", "Vell", "Wester",
    "Yard", "Ald", "Bar", "Cor", "Dal", "Fen", "Gar", "Holl", "Ick",
];

const SURNAME_ENDS: &[&str] = &[
    "wood", "ford", "by", "ton", "well", "more", "wright", "field", "ley", "hurst", "worth",
    "combe", "dale", "holm", "gate", "mere", "wick", "shaw", "brook", "croft", "bourne", "den",
    "ham", "low", "ridge", "thorpe", "vane", "wyn", "stead", "acre",
];

/// A surname: from the list, or put together from two halves.
fn surname(r: &mut Rng) -> String {
    if r.chance(40) {
        r.pick(SURNAMES).to_string()
    } else {
        format!("{}{}", r.pick(SURNAME_STEMS), r.pick(SURNAME_ENDS))
    }
}

const CITIES: &[&str] = &[
    "Port Halloran",
    "Marrowgate",
    "Eastholm",
    "Tarnwick",
    "Kirrin Falls",
    "New Carrick",
    "Solvany",
    "Brenmoor",
    "Ashcombe",
    "Dunleven",
    "Veldhaven",
    "Corrowby",
    "Saint Aubrel",
    "Lowmarsh",
    "Greyhithe",
    "Ostrelle",
    "Fennick Bay",
    "Harrowmere",
    "Kelsbridge",
    "Mirebourne",
    "Northwick Cross",
    "Pellam",
    "Quarry Hill",
    "Rostvik",
    "Selwater",
    "Thornaby Cove",
    "Ulvenport",
    "Varnholt",
    "Westmere",
    "Yarrowdale",
];

const COUNTRIES: &[&str] = &[
    "Vessenia",
    "Caldoria",
    "Marrenland",
    "Oskaria",
    "Tesmar",
    "Quellen",
    "Brastovia",
    "Lunmark",
];

/// Letters only: they sit in a wire credit, `EASTHOLM (Northline) —`.
const AGENCIES: &[&str] = &["NWA", "Calderpress", "VNS", "Meridian", "TPA", "Northline"];

const OUTLETS: &[&str] = &[
    "The Marrowgate Courier",
    "Eastholm Evening Post",
    "The Caldorian Ledger",
    "Northline Wire",
    "The Vessen Observer",
    "Tarnwick Gazette",
    "The Lowmarsh Herald",
    "Harbour Light News",
    "The Ostrelle Sentinel",
    "Quellen Morning Star",
];

const BLOGS: &[&str] = &[
    "Notes from the Estuary",
    "Lamplight Politics",
    "Borough Watch",
    "The Commuter's Diary",
    "Small Town, Big Questions",
    "Civic Ledger",
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

struct Topic {
    /// Without an article: `the $T`.
    np: &'static str,
    /// For headlines and narrative: `over $H`.
    head: &'static str,
    org: &'static str,
    org_head: &'static str,
}

macro_rules! topics {
    ($(($np:expr, $head:expr, $org:expr, $oh:expr)),* $(,)?) => {
        &[$(Topic { np: $np, head: $head, org: $org, org_head: $oh }),*]
    };
}

const TOPICS: &[Topic] = topics![
    (
        "water rationing order",
        "water rationing",
        "the $P Water Board",
        "board"
    ),
    (
        "rail strike",
        "the rail strike",
        "the $C Rail Company",
        "company"
    ),
    (
        "bridge closure",
        "the bridge closure",
        "the $P Roads Department",
        "department"
    ),
    (
        "port expansion",
        "the port expansion",
        "the $P Port Authority",
        "authority"
    ),
    (
        "fishing quota dispute",
        "fishing quotas",
        "the $C Fisheries Commission",
        "commission"
    ),
    (
        "tax office data breach",
        "the data breach",
        "the $C Revenue Office",
        "office"
    ),
    (
        "flood barrier project",
        "the flood barrier",
        "the $P Flood Agency",
        "agency"
    ),
    (
        "vaccine rollout",
        "the vaccine rollout",
        "the $C Health Agency",
        "agency"
    ),
    (
        "grain export deal",
        "the grain deal",
        "the $C Ministry of Agriculture",
        "ministry"
    ),
    (
        "school closures",
        "school closures",
        "the $P Education Council",
        "council"
    ),
    (
        "broadband tender",
        "the broadband tender",
        "the $C Ministry of Communications",
        "ministry"
    ),
    (
        "wildfire evacuation",
        "the wildfire evacuation",
        "the $Q Fire Service",
        "service"
    ),
    (
        "hospital merger",
        "the hospital merger",
        "the $P Health Trust",
        "trust"
    ),
    (
        "fare increase",
        "the fare rise",
        "the $P Transit Agency",
        "agency"
    ),
    (
        "landfill fire",
        "the landfill fire",
        "the $P City Council",
        "council"
    ),
    (
        "power outages",
        "the power cuts",
        "Brightfield Energy",
        "company"
    ),
    (
        "housing levy",
        "the housing levy",
        "the $C Treasury",
        "treasury"
    ),
    (
        "night flight ban",
        "the night flight ban",
        "Ostwind Airways",
        "airline"
    ),
    (
        "stadium financing plan",
        "the stadium deal",
        "the $P City Council",
        "council"
    ),
    (
        "chemical spill",
        "the chemical spill",
        "Calloway Chemicals",
        "company"
    ),
    (
        "teachers' pay talks",
        "teachers' pay",
        "the $C Teachers' Union",
        "union"
    ),
    (
        "ferry cancellations",
        "the ferry cancellations",
        "the $P Ferry Company",
        "company"
    ),
    (
        "drought emergency",
        "the drought",
        "the $C Water Agency",
        "agency"
    ),
    (
        "census delay",
        "the census delay",
        "the $C Statistics Office",
        "office"
    ),
    (
        "mining licence review",
        "the mine review",
        "Harrowgate Mining Group",
        "group"
    ),
    (
        "tram line extension",
        "the tram extension",
        "the $P Transit Agency",
        "agency"
    ),
    (
        "pension reform",
        "pension reform",
        "the $C Ministry of Labour",
        "ministry"
    ),
    (
        "waiting list backlog",
        "hospital waiting lists",
        "the $P Health Trust",
        "trust"
    ),
    (
        "satellite launch delay",
        "the launch delay",
        "the $C Space Agency",
        "agency"
    ),
    (
        "river pollution inquiry",
        "river pollution",
        "the $P Environment Office",
        "office"
    ),
];

/// Roles of an event's leading official: noun, title before a name.
const HEAD_ROLES: &[(&str, Option<&str>)] = &[
    ("director", Some("Director")),
    ("chief executive", None),
    ("minister", Some("Minister")),
    ("mayor", Some("Mayor")),
    ("commissioner", Some("Commissioner")),
    ("general manager", None),
    ("chair", None),
    ("deputy mayor", Some("Deputy Mayor")),
    ("governor", Some("Governor")),
];

/// Critics: role, organisation, its head noun.
const CRITICS: &[(&str, &str, &str)] = &[
    ("general secretary", "the $C Workers' Union", "union"),
    (
        "professor of engineering",
        "the University of $P",
        "university",
    ),
    ("chair", "the $Q Residents' Association", "association"),
    ("opposition leader", "the $C Green Alliance", "alliance"),
    ("senior analyst", "Halden Research", "firm"),
    ("campaign director", "Clean Rivers $C", "campaign"),
    ("councillor", "the $P City Council", "council"),
    ("consumer advocate", "the $C Consumers' League", "league"),
];

const OCCUPATIONS: &[&str] = &[
    "nurse",
    "bus driver",
    "shopkeeper",
    "retired teacher",
    "fisherman",
    "student",
    "cafe owner",
    "electrician",
    "pharmacist",
    "farmer",
    "taxi driver",
    "librarian",
    "baker",
    "software developer",
    "dock worker",
];

const ANONYMOUS: &[&str] = &[
    "a senior official at the $O",
    "an official who asked not to be named",
    "a person familiar with the talks",
    "one engineer at the site",
    "a government source",
];

const SCARE: &[&str] = &[
    "managed retreat",
    "temporary",
    "pause",
    "reset",
    "orderly transition",
    "robust",
    "lessons learned",
    "fully on track",
    "exceptional circumstances",
    "a short delay",
    "unprecedented",
    "resilience plan",
    "phased approach",
    "in good faith",
];

// Statement grammar. `{a|b}`: contracted or expanded; `[a|b]`: British or
// American spelling. `$X` are the event's slots (see `fill`).

const LEADS: &[&str] = &[
    "Frankly,",
    "To be honest,",
    "As I told the council on $D,",
    "Let me be clear,",
    "Whatever happens next,",
    "In the coming days,",
    "For the record,",
    "After $N days of talks,",
    "Quite simply,",
    "With respect,",
];

/// Subjects with their auxiliaries: `are`, `have`, `will`, `would`,
/// `will not`, `do not`, `cannot`, `did not`.
const SUBJECTS: &[[&str; 8]] = &[
    [
        "{I'm|I am}",
        "{I've|I have}",
        "{I'll|I will}",
        "{I'd|I would}",
        "{I won't|I will not}",
        "{I don't|I do not}",
        "{I can't|I cannot}",
        "{I didn't|I did not}",
    ],
    [
        "{we're|we are}",
        "{we've|we have}",
        "{we'll|we will}",
        "{we'd|we would}",
        "{we won't|we will not}",
        "{we don't|we do not}",
        "{we can't|we cannot}",
        "{we didn't|we did not}",
    ],
    [
        "{they're|they are}",
        "{they've|they have}",
        "{they'll|they will}",
        "{they'd|they would}",
        "{they won't|they will not}",
        "{they don't|they do not}",
        "{they can't|they cannot}",
        "{they didn't|they did not}",
    ],
    [
        "{you're|you are}",
        "{you've|you have}",
        "{you'll|you will}",
        "{you'd|you would}",
        "{you won't|you will not}",
        "{you don't|you do not}",
        "{you can't|you cannot}",
        "{you didn't|you did not}",
    ],
    [
        "the $O is",
        "the $O has",
        "the $O will",
        "the $O would",
        "the $O {won't|will not}",
        "the $O {doesn't|does not}",
        "the $O {can't|cannot}",
        "the $O {didn't|did not}",
    ],
    [
        "the government is",
        "the government has",
        "the government will",
        "the government would",
        "the government {won't|will not}",
        "the government {doesn't|does not}",
        "the government {can't|cannot}",
        "the government {didn't|did not}",
    ],
    [
        "our engineers are",
        "our engineers have",
        "our engineers will",
        "our engineers would",
        "our engineers {won't|will not}",
        "our engineers {don't|do not}",
        "our engineers {can't|cannot}",
        "our engineers {didn't|did not}",
    ],
    [
        "the people of $P are",
        "the people of $P have",
        "the people of $P will",
        "the people of $P would",
        "the people of $P {won't|will not}",
        "the people of $P {don't|do not}",
        "the people of $P {can't|cannot}",
        "the people of $P {didn't|did not}",
    ],
    [
        "my team is",
        "my team has",
        "my team will",
        "my team would",
        "my team {won't|will not}",
        "my team {doesn't|does not}",
        "my team {can't|cannot}",
        "my team {didn't|did not}",
    ],
    [
        "the unions are",
        "the unions have",
        "the unions will",
        "the unions would",
        "the unions {won't|will not}",
        "the unions {don't|do not}",
        "the unions {can't|cannot}",
        "the unions {didn't|did not}",
    ],
    [
        "the contractors are",
        "the contractors have",
        "the contractors will",
        "the contractors would",
        "the contractors {won't|will not}",
        "the contractors {don't|do not}",
        "the contractors {can't|cannot}",
        "the contractors {didn't|did not}",
    ],
];

/// What follows a subject's auxiliary (by index into a [`SUBJECTS`] row),
/// before a bare verb.
const AUXILIARIES: &[(usize, &str)] = &[
    (0, "going to"),
    (0, "not going to"),
    (0, "ready to"),
    (0, "not prepared to"),
    (0, "determined to"),
    (0, "being asked to"),
    (0, "trying to"),
    (0, "in no position to"),
    (1, "decided to"),
    (1, "been asked to"),
    (1, "promised to"),
    (1, "agreed to"),
    (1, "no intention to"),
    (1, "never been able to"),
    (2, ""),
    (2, "have to"),
    (2, "never"),
    (2, "happily"),
    (3, "rather"),
    (3, "never"),
    (3, "like to"),
    (4, ""),
    (4, "be forced to"),
    (5, "intend to"),
    (5, "want to"),
    (5, "need to"),
    (6, "afford to"),
    (6, "simply"),
    (7, "expect to"),
    (7, "want to"),
];

const OTHER_SUBJECTS: &[&str] = &[
    "{it's|it is} time to",
    "{it's|it is} too early to",
    "{there's|there is} no reason to",
    "{that's|that is} why we had to",
    "{let's|let us} not pretend we can",
    "{it'd|it would} be a mistake to",
    "{it'll|it will} take time to",
    "{nobody's|nobody is} going to",
];

const VERBS: &[&str] = &[
    "[prioritise|prioritize]",
    "[organise|organize]",
    "accept",
    "rebuild",
    "fund",
    "ignore",
    "[analyse|analyze]",
    "[recognise|recognize]",
    "protect",
    "close",
    "delay",
    "review",
    "abandon",
    "defend",
    "postpone",
    "investigate",
    "[publicise|publicize]",
    "[mobilise|mobilize]",
    "[criticise|criticize]",
    "reopen",
    "[apologise|apologize] for",
    "renegotiate",
    "inspect",
    "expand",
    "sign off on",
    "walk away from",
    "pay for",
    "[finalise|finalize]",
    "[authorise|authorize]",
    "[modernise|modernize]",
    "[reorganise|reorganize]",
    "[scrutinise|scrutinize]",
    "[stabilise|stabilize]",
    "[jeopardise|jeopardize]",
    "rethink",
    "support",
    "approve",
    "reject",
    "cut",
    "raise",
    "freeze",
    "extend",
    "scrap",
    "halt",
    "resume",
    "restore",
    "repair",
    "replace",
    "upgrade",
    "audit",
    "challenge",
    "block",
    "release",
    "publish",
    "withhold",
    "defer",
    "accelerate",
    "reverse",
    "overturn",
    "endorse",
    "question",
    "[honour|honor]",
    "[favour|favor]",
    "[centralise|centralize]",
    "[privatise|privatize]",
    "[subsidise|subsidize]",
    "[harmonise|harmonize]",
    "[minimise|minimize]",
    "[maximise|maximize]",
    "[optimise|optimize]",
    "[summarise|summarize]",
    "[emphasise|emphasize]",
    "[penalise|penalize]",
];

const ADJECTIVES: &[&str] = &[
    "new",
    "old",
    "emergency",
    "temporary",
    "regional",
    "national",
    "local",
    "independent",
    "public",
    "private",
    "entire",
    "whole",
    "proposed",
    "revised",
    "original",
    "final",
    "interim",
    "long-term",
    "short-term",
    "existing",
    "planned",
    "disputed",
    "overdue",
    "expensive",
    "unfinished",
    "damaged",
    "flooded",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "coastal",
    "rural",
    "urban",
    "municipal",
    "annual",
    "monthly",
    "weekly",
    "critical",
    "basic",
    "second",
    "third",
    "last",
    "next",
    "early",
    "small",
    "large",
    "major",
    "minor",
    "joint",
    "shared",
    "crowded",
    "empty",
    "[grey|gray]",
    "[ageing|aging]",
    "[cancelled|canceled]",
    "[labelled|labeled]",
    "[modernised|modernized]",
    "[standardised|standardized]",
    "[specialised|specialized]",
    "[centralised|centralized]",
    "[privatised|privatized]",
    "[subsidised|subsidized]",
    "[unauthorised|unauthorized]",
    "fragile",
    "costly",
    "secret",
    "leaked",
    "delayed",
    "rushed",
    "flawed",
    "promised",
    "updated",
    "draft",
    "complete",
    "partial",
    "missing",
    "broken",
    "fair",
    "binding",
];

const MODIFIERS: &[&str] = &[
    "water",
    "[harbour|harbor]",
    "rail",
    "bus",
    "tram",
    "ferry",
    "bridge",
    "road",
    "school",
    "hospital",
    "housing",
    "pension",
    "tax",
    "budget",
    "fishing",
    "grain",
    "power",
    "gas",
    "fuel",
    "flood",
    "fire",
    "safety",
    "health",
    "transport",
    "energy",
    "data",
    "broadband",
    "[fibre|fiber]",
    "drainage",
    "sewage",
    "waste",
    "recycling",
    "pipeline",
    "port",
    "airport",
    "runway",
    "tunnel",
    "river",
    "canal",
    "mining",
    "quarry",
    "steel",
    "timber",
    "farm",
    "dairy",
    "tourism",
    "[labour|labor]",
    "wage",
    "rent",
    "mortgage",
    "insurance",
    "compensation",
    "inspection",
    "maintenance",
    "repair",
    "construction",
    "planning",
    "traffic",
    "parking",
    "cycle",
    "police",
    "ambulance",
    "[defence|defense]",
    "border",
    "customs",
    "export",
    "import",
    "price",
    "census",
    "election",
    "court",
    "prison",
    "library",
    "museum",
    "[theatre|theater]",
    "stadium",
    "market",
    "[tyre|tire]",
    "[aluminium|aluminum]",
];

const HEADS: &[&str] = &[
    "plan",
    "contract",
    "deal",
    "budget",
    "review",
    "report",
    "inquiry",
    "scheme",
    "project",
    "system",
    "network",
    "station",
    "depot",
    "terminal",
    "wall",
    "barrier",
    "line",
    "route",
    "service",
    "[programme|program]",
    "agreement",
    "strategy",
    "reform",
    "upgrade",
    "extension",
    "expansion",
    "closure",
    "shutdown",
    "repairs",
    "crews",
    "workers",
    "staff",
    "teams",
    "contractors",
    "engineers",
    "inspectors",
    "managers",
    "schedule",
    "timetable",
    "deadline",
    "tender",
    "[licence|license]",
    "permit",
    "levy",
    "charge",
    "subsidy",
    "fund",
    "grant",
    "loan",
    "debt",
    "deficit",
    "figures",
    "records",
    "files",
    "audit",
    "assessment",
    "forecast",
    "warning",
    "alert",
    "order",
    "ban",
    "rules",
    "standards",
    "guidelines",
    "[centre|center]",
    "office",
    "board",
    "committee",
    "authority",
    "union",
    "talks",
    "dispute",
    "strike",
    "protest",
    "petition",
    "vote",
    "ruling",
    "appeal",
    "claim",
    "[catalogue|catalog]",
    "[dialogue|dialog]",
];

const PREPOSITIONS: &[&str] = &[
    "before",
    "after",
    "without",
    "despite",
    "for",
    "with",
    "under",
    "ahead of",
    "because of",
    "instead of",
    "alongside",
    "beyond",
    "during",
    "against",
    "on top of",
    "in place of",
    "through",
    "within",
];

const OBJECTS: &[&str] = &[
    "the $T",
    "the $T in $P",
    "the new [harbour|harbor] wall",
    "the [centre|center] of $P",
    "a single [metre|meter] of new track",
    "the [labour|labor] agreement",
    "the emergency [programme|program]",
    "the [neighbours|neighbors] in $Q",
    "the [fibre|fiber] contract",
    "the [behaviour|behavior] of the contractors",
    "the [catalogue|catalog] of repairs",
    "any [rumour|rumor] of job cuts",
    "the [defence|defense] of the flood plain",
    "the [licence|license] for the new quarry",
    "the [colour|color]-coded alert system",
    "the [grey|gray] water scheme",
    "the [tyre|tire] recycling plant",
    "the old [theatre|theater] district in $P",
    "the [aluminium|aluminum] smelter in $Q",
    "the [paediatric|pediatric] ward in $P",
    "the [ageing|aging] pumping stations",
    "the [cancelled|canceled] contracts",
    "the $N families still waiting in $Q",
    "the [judgement|judgment] of the inspectors",
    "the budget for next year",
    "the people of $Q",
    "the tender documents",
    "the inquiry's findings",
    "the night shifts at the depot",
    "$C's export quota",
    "the compensation scheme",
    "the evacuation plan for $Q",
    "the $O's own safety review",
    "the [travelling|traveling] public",
    "the [signalling|signaling] upgrade",
    "the [modelling|modeling] we published in $M",
];

const TAILS: &[&str] = &[
    "before the end of $M",
    "until every household in $P is safe",
    "without a proper [dialogue|dialog] with residents",
    "no matter what the $O says",
    "as long as I hold this office",
    "while the inquiry is still running",
    "in [favour|favor] of a few contractors",
    "just to please the markets",
    "for the sake of $Q",
    "at a cost of $N million",
    "this week",
    "by $D",
    "under any circumstances",
    "on behalf of the whole $O",
    "in front of the cameras",
    "[whilst|while] the water is still rising",
    "[towards|toward] the end of the year",
    "after what happened on $D",
    "without the support of the unions",
    "if it puts a single life at risk",
    "until the engineers sign off",
    "when the [programme|program] is reviewed in $M",
    "with the money we have",
    "for at least another $N weeks",
    "if the numbers {don't|do not} add up",
    "unless the $C government steps in",
    "the way they did in $Q",
    "behind closed doors",
    "at the first sign of trouble",
    "on the basis of a single report",
];

const JOINERS: &[&str] = &[", and ", ", but ", ". ", "; ", " because ", ", so "];

/// Questions a speaker asks, before a bare verb.
const QUESTION_CLAUSES: &[&str] = &[
    "{who's|who is} going to",
    "why would anyone",
    "how are we supposed to",
    "{isn't it|is it not} time to",
    "who asked them to",
];

const HEADLINES: &[&str] = &[
    "$P braces for more disruption over $H",
    "$F defends handling of $H",
    "Anger grows in $Q as $H drags on",
    "$C government under pressure over $H",
    "What we know so far about $H in $P",
    "$S vows to stay the course on $H",
    "Residents of $Q demand answers on $H",
    "Talks on $H resume in $P",
];

const FILLER: &[&str] = &[
    "The $T has dominated local politics in $P for weeks, with residents queuing outside the offices of $F on $D.",
    "Officials said $N crews had been sent to $Q, where the situation was described as serious but stable.",
    "$F has faced mounting criticism over its handling of the crisis, and opposition councillors have demanded an independent review.",
    "According to figures published in $M, more than $N percent of households in the region were affected at some point.",
    "The dispute has its roots in a decision taken by the previous government of $C, which cut the budget for maintenance by almost a third.",
    "Traffic in the centre of $P was heavy on $D as commuters looked for alternatives.",
    "Local businesses say they have lost customers since the start of the crisis, and some have closed their doors for good.",
    "A public meeting is scheduled for next $D at the town hall in $Q.",
    "$F did not respond to a request for further comment by the time of publication.",
    "Engineers who inspected the site last year had flagged a number of problems, according to documents seen by this newspaper.",
    "The opposition in $C has seized on the issue ahead of elections due in $M.",
    "In $Q, volunteers handed out supplies from a car park near the railway station.",
    "Weather forecasters expect little change over the coming week.",
    "Residents of $Q have organised a petition that had gathered $N thousand signatures by $D.",
    "It was not immediately clear how long the measures would remain in place.",
    "The regional assembly is expected to debate the matter in $M.",
    "Shares in several local suppliers fell sharply in early trading on $D.",
    "The last comparable crisis in $C was more than twenty years ago, when a much smaller population was affected.",
    "Analysts say the cost of the response could run into hundreds of millions.",
    "Some families have left $P altogether and moved in with relatives in $Q.",
    "Schools in the area remained open, although several reported lower attendance.",
    "The $O's annual report, published in $M, made no mention of the risks.",
    "Police said the protest outside the $O's headquarters on $D passed off peacefully.",
    "Opinion polls suggest that a majority of voters in $P blame the authorities for the delays.",
    "The figures could not be independently verified.",
    "$S's office said a fuller account would be given to the regional assembly in $M.",
    "The $T is the third such episode in $C in as many years — and by some distance the most expensive.",
    "Contractors working on the site were told to stand down until further notice.",
    "Neighbouring councils have offered to share equipment, though none has yet arrived in $P.",
    "A review ordered in $M is due to report before the end of the year.",
];

/// Narrative: who did something, in the past tense.
const ACTORS: &[&str] = &[
    "officials in $P",
    "the $O",
    "$F",
    "engineers from the $X $Y",
    "residents of $Q",
    "the regional assembly",
    "opposition councillors",
    "the $C government",
    "a group of $X workers",
    "inspectors",
    "the contractors",
    "local businesses",
    "$S",
    "a court in $P",
    "the unions",
    "campaigners in $Q",
    "the $X $Y committee",
    "the auditor",
    "the finance ministry",
    "emergency crews",
    "the mayor of $Q",
    "hospital managers",
    "teachers in $Q",
    "police in $P",
    "the port operators",
    "farmers near $Q",
    "the ombudsman",
    "a parliamentary committee",
    "independent experts",
    "the insurers",
];

const DEEDS: &[&str] = &[
    "approved",
    "rejected",
    "announced",
    "confirmed",
    "delayed",
    "postponed",
    "suspended",
    "extended",
    "expanded",
    "defended",
    "questioned",
    "reviewed",
    "published",
    "released",
    "withdrew",
    "signed",
    "blocked",
    "challenged",
    "ordered",
    "halted",
    "resumed",
    "restored",
    "inspected",
    "audited",
    "funded",
    "cut",
    "raised",
    "froze",
    "scrapped",
    "endorsed",
    "opposed",
    "welcomed",
    "[organised|organized]",
    "[prioritised|prioritized]",
    "[authorised|authorized]",
    "[finalised|finalized]",
    "[cancelled|canceled]",
    "[criticised|criticized]",
    "disputed",
    "leaked",
];

const OPENINGS: &[&str] = &[
    "On $D,",
    "Late on $D,",
    "Earlier this month,",
    "Last $M,",
    "In a separate development,",
    "By $D evening,",
    "Two weeks ago,",
    "Since $M,",
    "Meanwhile,",
    "In $Q,",
];

const CODAS: &[&str] = &[
    "citing the $A $X $Y",
    "after $N days of delays",
    "in a move that surprised many in $P",
    "at a cost of $N million",
    "a decision expected to affect $N households",
    "weeks after the $K was first questioned",
    "despite objections from $Q",
];

const BLOG_OPENERS: &[&str] = &[
    "I have been following $H for weeks now, and the latest twist in $P deserves a closer look.",
    "Regular readers will know I have written about $H before. This week it took a turn I did not expect.",
    "I spent $D in $Q talking to people about $H, and I came away with more questions than answers.",
    "If you only read one thing about $H this week, make it the statement from $F.",
];

const QUESTIONS: &[&str] = &[
    "Can you give us a timeline for the $T in $Q?",
    "How many people in $Q are still affected as of $D?",
    "Has the $O spoken to the unions in $P since $D?",
    "What do you say to residents in $P who feel abandoned by the $O?",
    "Will the $O publish the full report before $M?",
    "How much is the $T going to cost the people of $P?",
    "Are you ruling out compensation for families in $Q?",
    "When did the $O first know about the problem in $Q?",
    "A follow-up, if I may. Who signed off on the decision in $M?",
    "Is there any truth to reports that the $M deadline will slip again?",
];

const TRANSCRIPT_ASIDES: &[&str] = &[
    "Thank you all for coming.",
    "I'll take a couple of questions after this.",
    "Let me give you a short update first.",
    "We'll come back to you on that.",
    "I'm not going to get ahead of the review.",
    "That's a fair question.",
    "I think I've answered that.",
];

// ---------------------------------------------------------------------------
// Events.

struct Person {
    first: &'static str,
    last: String,
    female: bool,
    /// `spokeswoman`, `director`, `professor of engineering`.
    role: String,
    title: Option<&'static str>,
    /// With its article when it takes one: `the Eastholm Water Board`.
    affil: String,
    affil_head: &'static str,
    spokes: bool,
}

impl Person {
    fn full(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
    fn pronoun(&self) -> &'static str {
        if self.female {
            "she"
        } else {
            "he"
        }
    }
    fn short_role(&self) -> &str {
        self.role.split(" of ").next().unwrap_or(&self.role)
    }
}

struct Statement {
    speaker: usize,
    /// Words of its opening aside, which reporters leave out of fragments.
    lead: usize,
    /// A template with `{…|…}` and `[…|…]` choices; slots already filled.
    src: String,
}

struct Event {
    id: usize,
    place: &'static str,
    place2: &'static str,
    country: &'static str,
    topic: &'static Topic,
    org: String,
    speakers: Vec<Person>,
    statements: Vec<Statement>,
    /// Noun phrases this event's speakers keep coming back to.
    keys: Vec<String>,
    weekday: &'static str,
    month: usize,
    day: usize,
    year: usize,
}

fn a_or_an(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn gendered(role: &str, female: bool) -> String {
    match role {
        "chair" if female => "chairwoman".into(),
        "chair" => "chairman".into(),
        "spokesperson" if female => "spokeswoman".into(),
        "spokesperson" => "spokesman".into(),
        r => r.into(),
    }
}

impl Event {
    fn new(id: usize) -> Event {
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
            ev.keys.push(key);
        }
        let count = r.range(4, 6);
        for k in 0..count {
            let speaker = [0, 1, 2, 0, 1, 2][k];
            let (src, lead) = make_statement_with_lead(&mut r, &ev);
            ev.statements.push(Statement { speaker, lead, src });
        }
        ev
    }

    fn org_bare(&self) -> &str {
        self.org.strip_prefix("the ").unwrap_or(&self.org)
    }

    fn date_iso(&self) -> String {
        format!("{}-{:02}-{:02}", self.year, self.month + 1, self.day)
    }
}

/// Expands `$X` slots; turns `'` into the apostrophe placeholder and `—`
/// into the dash one.
fn fill(ev: &Event, r: &mut Rng, tpl: &str, out: &mut String) {
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
fn push_american(s: &str, out: &mut String) {
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
fn narrative(ev: &Event, r: &mut Rng, out: &mut String) {
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

fn apos(c: char) -> char {
    if c == '\'' {
        APOS
    } else {
        c
    }
}

fn filled(ev: &Event, r: &mut Rng, tpl: &str) -> String {
    let mut s = String::with_capacity(tpl.len() + 32);
    fill(ev, r, tpl, &mut s);
    s
}

/// An object: one of the event's key phrases, a stock phrase, or one
/// assembled from adjective, modifier and head noun.
fn noun_phrase(r: &mut Rng, ev: &Event, t: &mut String) {
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

fn tail(r: &mut Rng, ev: &Event, t: &mut String) {
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
fn make_statement(r: &mut Rng, ev: &Event) -> String {
    make_statement_with_lead(r, ev).0
}

/// A statement template, and how many words its opening aside (`Frankly,`,
/// `As I told the council on Monday,`) has.
fn make_statement_with_lead(r: &mut Rng, ev: &Event) -> (String, usize) {
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
fn render(src: &str, contract: bool, british: bool, out: &mut String) {
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
fn emit(s: &str, cap: &mut bool, out: &mut String) {
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
fn is_verb(word: &str) -> bool {
    let word = word.to_ascii_lowercase();
    VERBS.iter().any(|v| {
        let first = v.split(' ').next().unwrap_or_default();
        match first.strip_prefix('[').and_then(|x| x.strip_suffix(']')) {
            Some(pair) => pair.split('|').any(|x| x == word),
            None => first == word,
        }
    })
}

fn cap_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Lowercases the first letter unless it starts `I` or `I'm`.
fn lower_first(s: &str) -> String {
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

enum Para {
    Text(String),
    /// A block quote (markdown `>`, HTML `<blockquote>`).
    Block(String),
}

struct Art<'a> {
    ev: &'a Event,
    r: Rng,
    kind: ArticleKind,
    british: bool,
    contract: bool,
    honorific: bool,
    introduced: [bool; 3],
    last: Option<usize>,
    used: u32,
    paras: Vec<Para>,
}

impl<'a> Art<'a> {
    fn new(ev: &'a Event, i: usize, kind: ArticleKind) -> Art<'a> {
        let mut r = Rng::new(3, i as u64);
        let british = (kind == ArticleKind::Wire && r.chance(35)) || r.chance(10);
        let contract = r.chance(60);
        let honorific = !british && r.chance(25);
        Art {
            ev,
            r,
            kind,
            british,
            contract,
            honorific,
            introduced: [false; 3],
            last: None,
            used: 0,
            paras: Vec::new(),
        }
    }

    fn fill(&mut self, tpl: &str) -> String {
        filled(self.ev, &mut self.r, tpl)
    }

    /// A speaker as the subject of a sentence: introduced in full the first
    /// time, by surname (or role) afterwards.
    fn who(&mut self, p: usize) -> String {
        let ev = self.ev;
        let s = &ev.speakers[p];
        self.last = Some(p);
        if !self.introduced[p] {
            self.introduced[p] = true;
            let poss = format!("{}{APOS}s", s.affil_head);
            return match self.r.below(3) {
                0 if s.spokes => format!(
                    "{} {} {}",
                    s.affil.strip_prefix("the ").unwrap_or(&s.affil),
                    s.role,
                    s.full()
                ),
                0 if s.title.is_some() => {
                    format!("{} {}", s.title.unwrap_or_default(), s.full())
                }
                1 => format!("{}, the {poss} {},", s.full(), s.role),
                _ => format!(
                    "{}, {} {} at {},",
                    s.full(),
                    a_or_an(&s.role),
                    s.role,
                    s.affil
                ),
            };
        }
        if self.r.chance(10) {
            return format!("the {}", s.short_role());
        }
        self.surname(p)
    }

    /// A speaker after an inverted `said`: no trailing comma.
    fn who_after(&mut self, p: usize) -> String {
        let w = self.who(p);
        w.strip_suffix(',').map(str::to_string).unwrap_or(w)
    }

    fn surname(&self, p: usize) -> String {
        let s = &self.ev.speakers[p];
        if self.honorific {
            format!("{} {}", if s.female { "Ms." } else { "Mr." }, s.last)
        } else {
            s.last.clone()
        }
    }

    /// The marks of a quotation: `<q>` now and then in HTML.
    fn marks(&mut self) -> (char, char) {
        if self.kind == ArticleKind::Html && self.r.chance(25) {
            (QOPEN, QCLOSE)
        } else {
            (OPEN, CLOSE)
        }
    }

    fn pick_statement(&mut self) -> usize {
        let n = self.ev.statements.len();
        let start = self.r.below(n);
        for k in 0..n {
            let i = (start + k) % n;
            if self.used & (1 << i) == 0 {
                self.used |= 1 << i;
                return i;
            }
        }
        start
    }

    /// A statement as this article quotes it, and the mark that ends it
    /// (`.`, `?` or `!`), taken off.
    fn rendered(&mut self, src: &str) -> (String, char) {
        let contract = if self.r.chance(20) {
            !self.contract
        } else {
            self.contract
        };
        let mut s = String::with_capacity(src.len() + 16);
        render(src, contract, self.british, &mut s);
        let term = match s.as_bytes().last() {
            Some(&c) if matches!(c, b'.' | b'?' | b'!') => c as char,
            _ => return (s, '.'),
        };
        s.pop();
        (s, term)
    }

    fn words(&mut self, src: &str) -> (Vec<String>, char) {
        let (s, term) = self.rendered(src);
        (s.split(' ').map(str::to_string).collect(), term)
    }

    /// A statement as quoted, now and then with a dropped comma, an
    /// editor's clarification or an ellipsis.
    fn body(&mut self, src: &str, modify: bool) -> (String, char) {
        let (mut s, term) = self.rendered(src);
        if !modify {
            return (s, term);
        }
        let roll = self.r.below(100);
        if roll >= 26 {
            return (s, term);
        }
        let spaces: Vec<usize> = s.match_indices(' ').map(|(i, _)| i).collect();
        let len = spaces.len() + 1;
        match roll {
            // A dropped comma.
            0..=9 => {
                let commas: Vec<usize> = s.match_indices(", ").map(|(i, _)| i).collect();
                if !commas.is_empty() {
                    let i = commas[self.r.below(commas.len())];
                    s.remove(i);
                }
            }
            // An editor's clarification.
            10..=17 => {
                let ev = self.ev;
                let note = match self.r.below(3) {
                    0 => format!(" [the {}]", ev.topic.org_head),
                    1 => format!(" [in {}]", ev.place),
                    _ => format!(" [{}]", ev.topic.np.replace('\'', "\u{E002}")),
                };
                let at = spaces[self.r.below(spaces.len())];
                s.insert_str(at, &note);
            }
            // An ellipsis over a few words.
            _ if len >= 14 => {
                let k = self.r.range(1, len / 7);
                let at = self.r.range(3, len - k - 2);
                let from = spaces[at - 1] + 1;
                let to = spaces[at + k - 1] + 1;
                s.replace_range(from..to, &format!("{ELLIPSIS} "));
            }
            _ => {}
        }
        (s, term)
    }

    /// `“…,”` before a cue, or `“…?”` when it asks.
    fn quoted_before_cue(o: char, c: char, body: &str, term: char) -> String {
        if term == '.' {
            format!("{o}{body},{c}")
        } else {
            format!("{o}{body}{term}{c}")
        }
    }

    fn verb(&mut self, p: usize) -> String {
        let again = self.introduced[p];
        match self.r.below(10) {
            0 => "told reporters".into(),
            1 => format!("said on {}", self.ev.weekday),
            2 => "said in a statement".into(),
            3 if again => "added".into(),
            4 => "insisted".into(),
            5 => "warned".into(),
            _ => "said".into(),
        }
    }

    fn quote_paras(&mut self) {
        let ev = self.ev;
        let si = self.pick_statement();
        let src = ev.statements[si].src.as_str();
        let p = ev.statements[si].speaker;
        let lead = ev.statements[si].lead;
        let roll = self.r.below(100);
        let text = match roll {
            // “…,” Halvorsen said.
            0..=21 => {
                let (body, term) = self.body(src, true);
                let (o, c) = (OPEN, CLOSE);
                let verb = self.verb(p);
                let who = self.who(p);
                format!(
                    "{} {who} {verb}.",
                    Self::quoted_before_cue(o, c, &body, term)
                )
            }
            // “…,” said the minister.
            22..=31 => {
                let (body, term) = self.body(src, true);
                let who = self.who_after(p);
                format!(
                    "{} said {who}.",
                    Self::quoted_before_cue(OPEN, CLOSE, &body, term)
                )
            }
            // Spokeswoman Ines Halvorsen said that “…”
            32..=45 => {
                let (body, term) = self.body(src, true);
                let (o, c) = self.marks();
                let who = cap_first(&self.who(p));
                match self.r.below(4) {
                    0 => format!("{who} said that {o}{}{term}{c}", lower_first(&body)),
                    1 => format!(
                        "{who} told reporters in {} on {}: {o}{body}{term}{c}",
                        ev.place, ev.weekday
                    ),
                    2 => format!("{who} said, {o}{body}{term}{c}"),
                    _ => format!("In a statement, {who} said: {o}{body}{term}{c}"),
                }
            }
            // “First half,” she said, “second half.”
            46..=55 => {
                let (w, term) = self.words(src);
                // Between two clauses, never after the opening aside alone.
                let joints: Vec<usize> = (lead + 3..w.len().saturating_sub(3))
                    .filter(|&k| {
                        w[k - 1].ends_with(['.', ';'])
                            || (w[k - 1].ends_with(',')
                                && matches!(w[k].as_str(), "and" | "but" | "so"))
                    })
                    .collect();
                if joints.is_empty() {
                    let body = w.join(" ");
                    let who = self.who(p);
                    format!(
                        "{} {who} said.",
                        Self::quoted_before_cue(OPEN, CLOSE, &body, term)
                    )
                } else {
                    let k = joints[self.r.below(joints.len())];
                    let mut first = w[..k].join(" ");
                    let sentence_end = first.ends_with('.');
                    while first.ends_with([',', '.', ';']) {
                        first.pop();
                    }
                    let rest = w[k..].join(" ");
                    let who = self.who(p);
                    if sentence_end {
                        format!("{OPEN}{first},{CLOSE} {who} said. {OPEN}{rest}{term}{CLOSE}")
                    } else {
                        format!(
                            "{OPEN}{first},{CLOSE} {who} said, {OPEN}{}{term}{CLOSE}",
                            lower_first(&rest)
                        )
                    }
                }
            }
            // “…,” he said.  (after a paragraph that names him)
            56..=65 => {
                let (body, term) = self.body(src, true);
                let q = Self::quoted_before_cue(OPEN, CLOSE, &body, term);
                if self.last == Some(p) {
                    let verb = if self.r.chance(30) { "added" } else { "said" };
                    format!("{q} {} {verb}.", ev.speakers[p].pronoun())
                } else {
                    let who = self.who(p);
                    let tpl = format!(
                        "{} has been at the centre of the row over $H since it began.",
                        cap_first(&who)
                    );
                    let intro = self.fill(&tpl);
                    self.paras.push(Para::Text(intro));
                    format!("{q} {} said.", ev.speakers[p].pronoun())
                }
            }
            // A quotation over two paragraphs.
            66..=71 => {
                let (b1, t1) = self.body(src, false);
                let other = self.unique_statement();
                let (b2, t2) = self.body(&other, true);
                let who = self.who(p);
                let first = format!(
                    "{} {who} said. {OPEN}{b2}{t2}",
                    Self::quoted_before_cue(OPEN, CLOSE, &b1, t1)
                );
                self.paras.push(Para::Text(first));
                let more = self.unique_statement();
                let (b3, t3) = self.body(&more, false);
                format!("{OPEN}{b3}{t3}{CLOSE}")
            }
            // A fragment woven into the reporter's sentence.
            72..=79 => {
                // Reporters quote the telling words: around one of the
                // event's key phrases, never the opening aside alone.
                let (w, term) = self.words(src);
                let Some(e) = self.key_word_at(&w, lead) else {
                    let body = w.join(" ");
                    let who = self.who(p);
                    let q = Self::quoted_before_cue(OPEN, CLOSE, &body, term);
                    self.paras.push(Para::Text(format!("{q} {who} said.")));
                    return;
                };
                let starts: Vec<usize> = (lead..e.saturating_sub(2))
                    .filter(|&a| e + 1 - a <= 9 && is_verb(&w[a]))
                    .collect();
                let a = if starts.is_empty() {
                    e + 1 - self.r.range(4, 9.min(e + 1 - lead))
                } else {
                    starts[self.r.below(starts.len())]
                };
                let mut frag = w[a..=e].join(" ");
                while frag.ends_with([',', '.', ';', '?', '!']) {
                    frag.pop();
                }
                let frag = lower_first(&frag);
                let (o, c) = self.marks();
                let who = cap_first(&self.who(p));
                match self.r.below(3) {
                    0 => format!(
                        "{who} said the {} was ready to {o}{frag}{c} if it had to.",
                        ev.topic.org_head
                    ),
                    1 => {
                        format!("{who} spoke of the need to {o}{frag}{c}, without giving details.")
                    }
                    _ => format!(
                        "In {} remarks, {who} returned to the theme, saying {o}{frag}{c}.",
                        if ev.speakers[p].female { "her" } else { "his" }
                    ),
                }
            }
            // Two statements in one quotation.
            80..=84 => {
                let (b1, t1) = self.body(src, false);
                let s2 = self.pick_statement();
                let (b2, t2) = self.body(&ev.statements[s2].src, false);
                let who = self.who(p);
                let tail = if t2 == '.' {
                    format!("{b2},")
                } else {
                    format!("{b2}{t2}")
                };
                format!("{OPEN}{b1}{t1} {tail}{CLOSE} {who} said.")
            }
            // In a letter to residents, the director wrote:
            85..=89 => {
                let who = cap_first(&self.who(p));
                let cue = match self.r.below(3) {
                    0 => format!("wrote in a letter to residents on {}", ev.weekday),
                    1 => "said in a statement".to_string(),
                    _ => format!("told the council in {}", MONTHS[ev.month]),
                };
                self.paras.push(Para::Text(format!("{who} {cue}:")));
                let (b1, t1) = self.body(src, false);
                if self.r.chance(50) {
                    let more = self.unique_statement();
                    let (b2, t2) = self.body(&more, false);
                    self.paras.push(Para::Text(format!("{b1}{t1}")));
                    format!("{b2}{t2}")
                } else {
                    format!("{b1}{t1}")
                }
            }
            // Anonymous officials and residents, with words of their own.
            90..=94 => {
                let own = self.unique_statement();
                let (body, term) = self.body(&own, false);
                let t = self.r.pick(ANONYMOUS);
                let anon = self.fill(t);
                self.last = None;
                format!(
                    "{} said {anon}.",
                    Self::quoted_before_cue(OPEN, CLOSE, &body, term)
                )
            }
            _ => {
                let own = self.unique_statement();
                let (body, term) = self.body(&own, false);
                let female = self.r.chance(50);
                let first = self.r.pick(if female { FEMALE } else { MALE });
                let last = surname(&mut self.r);
                let age = self.r.range(19, 84);
                let job = self.r.pick(OCCUPATIONS);
                self.last = None;
                format!(
                    "{} said {first} {last}, {age}, {} {job} from {}.",
                    Self::quoted_before_cue(OPEN, CLOSE, &body, term),
                    a_or_an(job),
                    ev.place2
                )
            }
        };
        self.paras.push(Para::Text(text));
    }

    /// The index of the last word of an event key phrase (its modifier
    /// and head noun) in `w`, at least four words past the opening aside.
    fn key_word_at(&self, w: &[String], lead: usize) -> Option<usize> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for key in &self.ev.keys {
            let mut k = String::new();
            render(key, false, self.british, &mut k);
            let mut it = k.rsplit(' ');
            let head = it.next().unwrap_or_default().to_lowercase();
            let modifier = it.next().unwrap_or_default().to_lowercase();
            pairs.push((modifier, head));
        }
        (lead + 3..w.len()).find(|&e| {
            let head = w[e]
                .trim_end_matches([',', '.', ';', '?', '!'])
                .to_lowercase();
            let modifier = w[e - 1].to_lowercase();
            pairs.iter().any(|(m, h)| *h == head && *m == modifier)
        })
    }

    fn unique_statement(&mut self) -> String {
        make_statement(&mut self.r, self.ev)
    }

    fn filler_para(&mut self) -> String {
        let n = self.r.range(3, 5);
        let mut s = String::new();
        for k in 0..n {
            if k > 0 {
                s.push(' ');
            }
            narrative(self.ev, &mut self.r, &mut s);
        }
        if self.r.chance(20) {
            let scare = self.r.pick(SCARE);
            let (o, c) = self.marks();
            let head = self.ev.topic.org_head;
            let sentence = match self.r.below(3) {
                0 => format!(" Critics have dismissed what the {head} calls a {o}{scare}{c}."),
                1 => format!(
                    " The {head} has repeatedly described its approach as {o}{scare}{c}, a word that has not gone down well in {}.",
                    self.ev.place2
                ),
                _ => format!(" Few in {} share the view that the plan is {o}{scare}{c}.", self.ev.place),
            };
            s.push_str(&sentence);
        }
        self.last = None;
        s
    }

    fn headline(&mut self) -> String {
        let t = self.r.pick(HEADLINES);
        cap_first(&self.fill(t))
    }

    fn body_paras(&mut self, count: usize) {
        for _ in 0..count {
            if self.r.chance(55) {
                self.quote_paras();
            } else {
                let f = self.filler_para();
                self.paras.push(Para::Text(f));
            }
        }
    }

    fn author(&mut self) -> String {
        let female = self.r.chance(50);
        let first = self.r.pick(if female { FEMALE } else { MALE });
        format!("{first} {}", surname(&mut self.r))
    }

    fn write(self) -> String {
        match self.kind {
            ArticleKind::Wire => self.wire(),
            ArticleKind::Blog => self.blog(),
            _ => self.html(),
        }
    }

    fn lead(&mut self, credit: bool) -> String {
        let ev = self.ev;
        let mut s = String::new();
        if credit {
            let place = ev.place.to_uppercase();
            if self.r.chance(70) {
                let agency = self.r.pick(AGENCIES);
                let _ = write!(s, "{place} ({agency}) {DASH} ");
            } else {
                let _ = write!(s, "{place} {DASH} ");
            }
        }
        narrative(self.ev, &mut self.r, &mut s);
        s
    }

    fn wire(mut self) -> String {
        let headline = self.headline();
        let mut raw = String::with_capacity(4096);
        raw.push_str(&headline);
        raw.push_str("\n\n");
        if self.r.chance(70) {
            let author = self.author();
            let _ = write!(raw, "By {author}\n\n");
        }
        let lead = self.lead(true);
        self.paras.push(Para::Text(lead));
        let count = self.r.range(11, 15);
        self.body_paras(count);
        if self.r.chance(40) {
            let (a, b) = (self.author(), self.author());
            self.paras
                .push(Para::Text(format!("Reporting by {a}; editing by {b}")));
        }
        let wrap = self.r.chance(40);
        for p in &self.paras {
            match p {
                Para::Text(t) | Para::Block(t) => {
                    if wrap {
                        wrap_into(t, 72, "", &mut raw);
                    } else {
                        raw.push_str(t);
                    }
                    raw.push_str("\n\n");
                }
            }
        }
        let marks = if self.british {
            if self.r.chance(60) {
                Marks::BRITISH_CURLY
            } else {
                Marks::BRITISH_STRAIGHT
            }
        } else if self.r.chance(50) {
            Marks::CURLY
        } else {
            Marks::STRAIGHT
        };
        finish(&raw, &marks)
    }

    fn blog_blocks(&mut self) {
        let ev = self.ev;
        if self.r.chance(60) {
            let si = self.pick_statement();
            let p = ev.statements[si].speaker;
            let who = self.who(p);
            let poss = format!("{}{APOS}s", ev.speakers[p].affil_head);
            self.paras.push(Para::Text(format!(
                "Here is what {who} wrote on the {poss} website on {}:",
                ev.weekday
            )));
            let (b, t) = self.body(&ev.statements[si].src, false);
            self.paras.push(Para::Block(format!("{b}{t}")));
        } else {
            let outlet = self.r.pick(OUTLETS);
            self.paras
                .push(Para::Text(format!("{outlet} reported on {}:", ev.weekday)));
            let si = self.pick_statement();
            let p = ev.statements[si].speaker;
            let (b, t) = self.body(&ev.statements[si].src, true);
            let who = self.who(p);
            let mut more = String::new();
            narrative(ev, &mut self.r, &mut more);
            self.paras.push(Para::Block(format!(
                "{} {who} said. {more}",
                Self::quoted_before_cue(OPEN, CLOSE, &b, t)
            )));
        }
    }

    fn blog(mut self) -> String {
        let ev = self.ev;
        let headline = self.headline();
        let author = self.author();
        let blog = self.r.pick(BLOGS);
        let mut raw = String::with_capacity(4096);
        let _ = write!(
            raw,
            "---\ntitle: \"{headline}\"\nauthor: {author}\ndate: {}\noutlet: {blog}\ntags: [news, {}]\n---\n\n# {headline}\n\n",
            ev.date_iso(),
            ev.place.to_lowercase().replace(' ', "-")
        );
        let opener = self.r.pick(BLOG_OPENERS);
        let opener = self.fill(opener);
        let slug = ev.topic.np.replace([' ', '\''], "-");
        self.paras.push(Para::Text(format!(
            "{opener} You can read [the full statement](https://example.org/{}/{slug}) for yourself.",
            ev.id
        )));
        let count = self.r.range(5, 7);
        self.body_paras(count);
        self.blog_blocks();
        let count = self.r.range(4, 6);
        self.body_paras(count);
        self.paras.push(Para::Text(
            "*What do you make of it? Let me know in the comments.*".to_string(),
        ));
        let wrap = self.r.chance(50);
        for p in &self.paras {
            match p {
                Para::Text(t) => {
                    if wrap {
                        wrap_into(t, 80, "", &mut raw);
                    } else {
                        raw.push_str(t);
                    }
                }
                Para::Block(t) => wrap_into(t, 76, "> ", &mut raw),
            }
            raw.push_str("\n\n");
        }
        let marks = if self.british {
            Marks::BRITISH_CURLY
        } else if self.r.chance(60) {
            Marks::CURLY
        } else {
            Marks::STRAIGHT
        };
        finish(&raw, &marks)
    }

    fn html(mut self) -> String {
        let ev = self.ev;
        let headline = self.headline();
        let author = self.author();
        let outlet = self.r.pick(OUTLETS);
        let credit = self.r.chance(50);
        let lead = self.lead(credit);
        self.paras.push(Para::Text(lead));
        let count = self.r.range(5, 7);
        self.body_paras(count);
        if self.r.chance(60) {
            self.blog_blocks();
        }
        let count = self.r.range(5, 7);
        self.body_paras(count);
        let mut raw = String::with_capacity(6144);
        let _ = write!(
            raw,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <title>{headline} | {outlet}</title>\n\
             <meta name=\"author\" content=\"{author}\">\n\
             <meta property=\"og:site_name\" content=\"{outlet}\">\n\
             <meta name=\"date\" content=\"{}\">\n\
             <script>window.dataLayer = window.dataLayer || []; var section = \"news\", quote = \"not an article quote\";</script>\n\
             </head>\n<body>\n\
             <nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li><li>{OPEN}Most read{CLOSE}</li></ul></nav>\n\
             <article>\n<h1>{headline}</h1>\n<p class=\"byline\">By {author}</p>\n",
            ev.date_iso()
        );
        for p in &self.paras {
            match p {
                Para::Text(t) => {
                    let _ = writeln!(raw, "<p>{t}</p>");
                }
                Para::Block(t) => {
                    let _ = writeln!(raw, "<blockquote><p>{t}</p></blockquote>");
                }
            }
        }
        let _ = write!(
            raw,
            "</article>\n<script>document.querySelectorAll(\"p\").forEach(function (p) {{ p.dataset.seen = 'yes'; }});</script>\n\
             <footer>&copy; {} {outlet}. All rights reserved.</footer>\n</body>\n</html>\n",
            ev.year
        );
        let marks = match self.r.below(3) {
            0 => Marks::HTML_ENTITIES,
            1 => Marks::HTML_NUMERIC,
            _ => Marks::CURLY,
        };
        finish(&raw, &marks)
    }
}

/// A press-briefing transcript carrying the event's statements in full.
fn transcript(ev: &Event, mut r: Rng) -> String {
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
    // Officials' statements, each official speaking at least twice.
    let mut turns: Vec<(usize, String)> = Vec::new();
    for st in ev.statements.iter().filter(|s| s.speaker < 2) {
        turns.push((st.speaker, st.src.clone()));
    }
    for p in 0..2 {
        while turns.iter().filter(|t| t.0 == p).count() < 2 {
            turns.push((p, make_statement(&mut r, ev)));
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

/// Appends `text` wrapped at `width` columns, each line after `prefix`.
fn wrap_into(text: &str, width: usize, prefix: &str, out: &mut String) {
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

struct Marks {
    open: &'static str,
    close: &'static str,
    apos: &'static str,
    qopen: &'static str,
    qclose: &'static str,
    dash: &'static str,
    ellipsis: &'static str,
}

impl Marks {
    const STRAIGHT: Marks = Marks {
        open: "\"",
        close: "\"",
        apos: "'",
        qopen: "\"",
        qclose: "\"",
        dash: "--",
        ellipsis: "...",
    };
    const CURLY: Marks = Marks {
        open: "“",
        close: "”",
        apos: "’",
        qopen: "<q>",
        qclose: "</q>",
        dash: "—",
        ellipsis: "…",
    };
    const BRITISH_CURLY: Marks = Marks {
        open: "‘",
        close: "’",
        apos: "’",
        qopen: "‘",
        qclose: "’",
        dash: "–",
        ellipsis: "…",
    };
    const BRITISH_STRAIGHT: Marks = Marks {
        open: "'",
        close: "'",
        apos: "'",
        qopen: "'",
        qclose: "'",
        dash: "-",
        ellipsis: "...",
    };
    const HTML_ENTITIES: Marks = Marks {
        open: "&ldquo;",
        close: "&rdquo;",
        apos: "&rsquo;",
        qopen: "<q>",
        qclose: "</q>",
        dash: "&mdash;",
        ellipsis: "&hellip;",
    };
    const HTML_NUMERIC: Marks = Marks {
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
fn finish(raw: &str, m: &Marks) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use onrecord_engine::corpus::Format;

    #[test]
    fn same_articles_every_time_and_as_many_as_asked() {
        let a = corpus(45);
        assert_eq!(a.len(), 45);
        assert_eq!(a, corpus(45));
        assert_eq!(&a[..7], &corpus(7)[..]);
        assert_eq!(documents(3).len(), 3);
        let words: usize = a.iter().map(|t| t.split_whitespace().count()).sum();
        let mean = words / a.len();
        assert!((350..=800).contains(&mean), "mean words per article {mean}");
    }

    #[test]
    fn every_kind_among_the_first_forty() {
        let docs = documents(40);
        let transcript =
            |d: &Document| d.text.contains("QUESTION: ") || d.text.contains("Question: ");
        let wire = docs
            .iter()
            .filter(|d| d.format == Format::Text && !transcript(d))
            .count();
        let transcripts = docs.iter().filter(|d| transcript(d)).count();
        let blogs = docs
            .iter()
            .filter(|d| d.format == Format::Markdown && d.meta.author.is_some())
            .count();
        let html = docs
            .iter()
            .filter(|d| d.format == Format::Html && !d.text.contains("dataLayer"))
            .count();
        assert!(
            wire >= 10 && transcripts >= 2 && blogs >= 4 && html >= 4,
            "wire {wire}, transcripts {transcripts}, blogs {blogs}, html {html}"
        );
        assert!(
            docs.iter().any(|d| !d.marked.is_empty()),
            "no <q> or <blockquote>"
        );
        assert!(
            docs.iter().any(|d| d.text.contains('‘')),
            "no British quotes"
        );
    }

    #[test]
    fn statements_recur_across_articles() {
        let ev = Event::new(0);
        let texts = corpus(PER_EVENT);
        let norm = |s: &str| {
            let mut v = Vec::new();
            onrecord_engine::link::words(s, 0, s.len(), &mut v);
            v.into_iter().map(|w| w.hash).collect::<Vec<u64>>()
        };
        let streams: Vec<Vec<u64>> = texts.iter().map(|t| norm(t)).collect();
        let mut best = 0;
        for st in &ev.statements {
            let mut s = String::new();
            render(&st.src, false, false, &mut s);
            let w = norm(&s);
            let mid = w.len() / 2;
            let window = &w[mid.saturating_sub(3)..(mid + 2).min(w.len())];
            let found = streams
                .iter()
                .filter(|t| t.windows(window.len()).any(|x| x == window))
                .count();
            best = best.max(found);
        }
        assert!(best >= 3, "no statement of event 0 appears in 3 articles");
    }
}
