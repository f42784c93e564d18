//! The run: the gold quotations that make cases, the drafts built from
//! them, and what the checker says of each draft.

#[allow(unused_imports)]
use super::*;

/// Loads the corpus, builds every draft and checks it.
pub fn evaluate(articles: Vec<Article>) -> RoundTrip {
    let config = Config::default();
    let parsed: Vec<Option<Document>> = articles
        .par_iter()
        .map(|a| {
            corpus::parse_document(&a.name, a.text.as_bytes(), None, &LoadOptions::default()).0
        })
        .collect();
    // Each article's own reading is needed only to pick the pronoun of
    // the cases: it is dropped before the corpus is built.
    let (cases, skipped) = {
        let per_doc: Vec<Option<DocResult>> = parsed
            .par_iter()
            .map(|d| d.as_ref().map(engine::analyze_document))
            .collect();
        gather_cases(&articles, &per_doc, &config)
    };
    let docs: Vec<Document> = parsed.into_iter().flatten().collect();
    let corpus = Corpus::new(engine::analyze_unlinked(docs, Vec::new()));

    let (drafts, mut not_planted) = first_drafts(&articles, &cases);
    let mut outcomes = check_drafts(&corpus, &config, drafts);
    let (wrong, no_wrong) = wrong_speaker_drafts(&articles, &cases, &outcomes);
    not_planted.extend(no_wrong);
    outcomes.extend(check_drafts(&corpus, &config, wrong));
    // One order for the report: by case, then test.
    let rank = |t: Test| match t {
        Test::Correct(s) => s as usize,
        Test::Planted(p) => 10 + p as usize,
    };
    outcomes.sort_by_key(|o| (o.case, rank(o.test)));
    RoundTrip {
        articles,
        cases,
        skipped,
        outcomes,
        not_planted,
    }
}

/// Why a gold direct quotation makes no case: each reason has its own
/// count in [`Skipped`].
enum LeftOut {
    Pronoun,
    Description,
    NoSource,
    Short,
    Fragments,
}

impl Skipped {
    fn count(&mut self, why: LeftOut) {
        match why {
            LeftOut::Pronoun => self.pronoun += 1,
            LeftOut::Description => self.description += 1,
            LeftOut::NoSource => self.no_source += 1,
            LeftOut::Short => self.short += 1,
            LeftOut::Fragments => self.fragments += 1,
        }
    }
}

/// Every gold direct quotation of every article, as a case or counted
/// among those left out. `per_doc` is each article's own reading, in the
/// articles' order.
fn gather_cases(
    articles: &[Article],
    per_doc: &[Option<DocResult>],
    config: &Config,
) -> (Vec<Case>, Skipped) {
    let mut skipped = Skipped::default();
    let mut cases = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        for g in &a.attributions {
            let Some(pieces) = brat::direct_quote(&a.text, &g.content) else {
                continue;
            };
            skipped.gold += 1;
            let reading = per_doc[ai].as_ref();
            match case_of(ai, &a.text, reading, &pieces, &g.source, config) {
                Ok(case) => cases.push(case),
                Err(why) => skipped.count(why),
            }
        }
    }
    (cases, skipped)
}

/// The case of one gold direct quotation of article `ai`, or why it makes
/// none: only a quotation whose speaker is named, not chained from
/// fragments, and with at least the checker's minimum of words can be
/// round-tripped.
fn case_of(
    ai: usize,
    text: &str,
    reading: Option<&DocResult>,
    pieces: &[Span],
    source: &[Span],
    config: &Config,
) -> Result<Case, LeftOut> {
    match accuracy::classify_source(text, source) {
        SourceForm::Name => {}
        SourceForm::Pronoun => return Err(LeftOut::Pronoun),
        SourceForm::Description => return Err(LeftOut::Description),
        SourceForm::Missing => return Err(LeftOut::NoSource),
    }
    let piece_texts = piece_texts(text, pieces);
    if chains_fragments(&piece_texts.join(" ")) {
        return Err(LeftOut::Fragments);
    }
    let words = clean_words(&piece_texts.iter().map(String::as_str).collect::<Vec<_>>());
    let name = clean_name(
        &source
            .iter()
            .map(|p| span_text(text, p))
            .collect::<Vec<_>>(),
    );
    if word_count(&words) < config.min_words || name.is_empty() {
        return Err(LeftOut::Short);
    }
    let first = pieces[0];
    let gender = reading
        .and_then(|r| article_gender(r, &first, &name))
        .or_else(|| gender_of_name(&name));
    Ok(Case {
        article: ai,
        pieces: pieces.len(),
        start: first.start,
        line: text[..first.start as usize].matches('\n').count() + 1,
        words,
        name,
        pronoun: if gender == Some(Gender::Female) {
            "she"
        } else {
            "he"
        },
    })
}

/// The text of each piece of a quotation, every piece but the last with
/// the sentence end that followed it in the article.
fn piece_texts(text: &str, pieces: &[Span]) -> Vec<String> {
    pieces
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let mut t = span_text(text, p).to_string();
            if k + 1 < pieces.len() {
                t.push_str(sentence_end_after(text, p));
            }
            t
        })
        .collect()
}

/// One draft to check: the case it tests, how, its text, and a note on
/// the plant for the report.
struct Draft {
    case: usize,
    test: Test,
    text: String,
    note: String,
}

impl Case {
    /// The `after` sentence with `words` for the quotation and `name` for
    /// the speaker: every error is planted in that style.
    fn after_sentence(&self, words: &str, name: &str) -> String {
        sentence(Style::After, words, name, self.pronoun).unwrap_or_default()
    }
}

/// The drafts that need nothing from the checker: every correct style,
/// and the changed word, the attribution removed and the invented
/// sentence; with the cases where no word could be changed.
fn first_drafts(articles: &[Article], cases: &[Case]) -> (Vec<Draft>, Vec<(Plant, usize)>) {
    let mut not_planted = Vec::new();
    let mut drafts = Vec::new();
    let draft = |case, test, text, note| Draft {
        case,
        test,
        text,
        note,
    };
    for (ci, c) in cases.iter().enumerate() {
        let aname = &articles[c.article].name;
        for style in Style::ALL {
            if let Some(s) = sentence(style, &c.words, &c.name, c.pronoun) {
                drafts.push(draft(ci, Test::Correct(style), s, String::new()));
            }
        }
        let mut rng = Rng::for_case(aname, c.start, "changed word");
        match change_word(&c.words, &mut rng) {
            Some((changed, old, new)) => drafts.push(draft(
                ci,
                Test::Planted(Plant::ChangedWord),
                c.after_sentence(&changed, &c.name),
                format!("{old} -> {new}"),
            )),
            None => not_planted.push((Plant::ChangedWord, ci)),
        }
        drafts.push(draft(
            ci,
            Test::Planted(Plant::AttributionRemoved),
            unattributed(&c.words),
            String::new(),
        ));
        let mut rng = Rng::for_case(aname, c.start, "invented sentence");
        let words = invented(&mut rng);
        drafts.push(draft(
            ci,
            Test::Planted(Plant::InventedSentence),
            c.after_sentence(&words, &c.name),
            String::new(),
        ));
    }
    (drafts, not_planted)
}

/// The wrong-speaker drafts, one per correct `after` draft; with the cases
/// where no wrong speaker could be found. They come after the first
/// drafts are checked because the wrong speaker must not be one the
/// sources give, and the checker's reading of the correct draft says who
/// that is.
fn wrong_speaker_drafts(
    articles: &[Article],
    cases: &[Case],
    outcomes: &[Outcome],
) -> (Vec<Draft>, Vec<(Plant, usize)>) {
    let pool = speaker_pool(cases);
    let mut not_planted = Vec::new();
    let mut wrong = Vec::new();
    for o in outcomes
        .iter()
        .filter(|o| o.test == Test::Correct(Style::After))
    {
        let c = &cases[o.case];
        let mut rng = Rng::for_case(&articles[c.article].name, c.start, "wrong speaker");
        match wrong_speaker(&pool, c, &o.said_by_surnames, &mut rng) {
            Some(n) => wrong.push(Draft {
                case: o.case,
                test: Test::Planted(Plant::WrongSpeaker),
                text: c.after_sentence(&c.words, n),
                note: n.to_string(),
            }),
            None => not_planted.push((Plant::WrongSpeaker, o.case)),
        }
    }
    (wrong, not_planted)
}

/// The people a wrong speaker is drawn from: every case's name that reads
/// as a person's, once, with the first article that names it; sorted, so
/// that the draw is the same on every run.
fn speaker_pool(cases: &[Case]) -> Vec<(String, usize)> {
    let mut pool: Vec<(String, usize)> = cases
        .iter()
        .filter(|c| person_like(&c.name))
        .map(|c| (c.name.clone(), c.article))
        .collect();
    pool.sort();
    pool.dedup_by(|a, b| a.0 == b.0);
    pool
}

/// A wrong speaker for case `c`: from a random place in the pool onward,
/// the first person named in another article whose surname is neither
/// the true one, nor a word of the true name, nor one the sources give
/// (`said_by_surnames`): a speaker with any of those would not be wrong
/// to the checker.
fn wrong_speaker<'p>(
    pool: &'p [(String, usize)],
    c: &Case,
    said_by_surnames: &[String],
    rng: &mut Rng,
) -> Option<&'p str> {
    let true_surname = surname(&c.name);
    let from = if pool.is_empty() {
        0
    } else {
        rng.below(pool.len())
    };
    (0..pool.len())
        .map(|k| &pool[(from + k) % pool.len()])
        .find(|(n, a)| {
            let s = surname(n);
            *a != c.article
                && s != true_surname
                && !c.name.to_lowercase().split_whitespace().any(|w| w == s)
                && !said_by_surnames.contains(&s)
        })
        .map(|(n, _)| n.as_str())
}

/// Checks the drafts, in parallel, each as a document of its own against
/// the corpus.
fn check_drafts(corpus: &Corpus, config: &Config, drafts: Vec<Draft>) -> Vec<Outcome> {
    drafts
        .into_par_iter()
        .map(|d| check_draft(corpus, config, d))
        .collect()
}

fn check_draft(corpus: &Corpus, config: &Config, d: Draft) -> Outcome {
    let (doc, _) = corpus::parse_document(
        "draft.md",
        format!("{}\n", d.text).as_bytes(),
        None,
        &LoadOptions::default(),
    );
    let mut out = Outcome {
        case: d.case,
        test: d.test,
        draft: d.text,
        findings: Vec::new(),
        draft_speakers: Vec::new(),
        said_by: Vec::new(),
        said_by_surnames: Vec::new(),
        note: d.note,
    };
    let Some(doc) = doc else {
        return out;
    };
    let report = check::check(corpus, &doc, config);
    let speakers = &corpus.analysis.speakers;
    for q in &report.quotes {
        out.draft_speakers
            .push(q.speaker.as_ref().map(|s| s.name.clone()));
        out.said_by.push(
            q.said_by
                .iter()
                .map(|&s| speakers[s.index()].name.clone())
                .collect(),
        );
        for &s in &q.said_by {
            let sp = &speakers[s.index()];
            out.said_by_surnames.push(surname(&sp.name));
            out.said_by_surnames
                .extend(sp.aliases.iter().map(|a| surname(a)));
        }
    }
    out.findings = report
        .findings
        .iter()
        .map(|f| (f.code, f.severity, f.message.clone()))
        .collect();
    out
}
