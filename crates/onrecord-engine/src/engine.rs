//! The whole analysis of a corpus: extraction and attribution per article,
//! speakers merged across articles, and statements linked across them.
//!
//! Pure: takes loaded documents, returns results. Nothing here reads files
//! or knows about editors.

use crate::attribute::{self, EntityKind};
use crate::corpus::{Document, Warning};
use crate::extract::{self, Kind, Quotation};
use crate::ids::{DocId, QuoteId, SpeakerId};
use crate::link::{self, Found, LinkOptions, Links, QuoteRef};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// A speaker across the corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerEntity {
    pub name: String,
    pub role: Option<String>,
    pub kind: EntityKind,
    /// Described, never named (`State Department official`).
    pub anonymous: bool,
    pub aliases: Vec<String>,
}

/// Who said a corpus quotation, and where its article says so.
pub type QuoteSpeaker = attribute::SpeakerAt<SpeakerId>;

#[derive(Clone, Debug)]
pub struct QuoteInfo {
    pub doc: DocId,
    pub quote: Quotation,
    pub speaker: Option<QuoteSpeaker>,
    /// Inside the reporter's own sentence (`said she has "every
    /// confidence"`).
    pub partial: bool,
}

pub struct Analysis {
    pub docs: Vec<Document>,
    pub quotes: Vec<QuoteInfo>,
    pub speakers: Vec<SpeakerEntity>,
    /// Set once, when the quotations are linked: until then every quotation
    /// is its own statement, found nowhere else. Set through a shared
    /// reference, so that a server can check drafts with the analysis while
    /// the links are made and add them without waiting for its readers.
    links: std::sync::OnceLock<Links>,
    pub warnings: Vec<Warning>,
    /// For each quotation, the furthest end of any quotation of its article
    /// up to it (quotations are sorted by start): lets [`Analysis::quote_at`]
    /// stop its backward scan early, so finding places stays linear.
    reach: Vec<u32>,
}

/// Extraction and attribution of one article.
pub struct DocResult {
    pub extraction: extract::Extraction,
    pub attribution: attribute::Attribution,
}

/// Extraction and attribution of a draft, knowing the people of the corpus.
pub fn analyze_draft(doc: &Document, known: &attribute::KnownPeople) -> DocResult {
    let extraction = extract::extract(&doc.text, &doc.marked);
    let attribution = attribute::attribute_with(
        &doc.text,
        &extraction,
        doc.meta.author.as_deref(),
        Some(known),
    );
    DocResult {
        extraction,
        attribution,
    }
}

pub fn analyze_document(doc: &Document) -> DocResult {
    let extraction = extract::extract(&doc.text, &doc.marked);
    let mut attribution = attribute::attribute(&doc.text, &extraction, doc.meta.author.as_deref());
    attribute::apply_pins(&doc.text, &extraction, &mut attribution, &doc.meta.pins);
    DocResult {
        extraction,
        attribution,
    }
}

/// Runs extraction, attribution and linking over a corpus.
pub fn analyze(docs: Vec<Document>, warnings: Vec<Warning>, opts: &LinkOptions) -> Analysis {
    let a = analyze_unlinked(docs, warnings);
    let links = a.link(opts);
    a.set_links(links);
    a
}

/// Extraction and attribution with corpus-wide speakers, but no links:
/// enough to check drafts against, which the server does while the links
/// are being made.
pub fn analyze_unlinked(docs: Vec<Document>, warnings: Vec<Warning>) -> Analysis {
    let per_doc: Vec<DocResult> = docs.par_iter().map(analyze_document).collect();
    // Each article's tokens and mentions are dropped here, before linking
    // needs its own memory.
    let (quotes, speakers) = merge_speakers(per_doc);
    let mut reach = Vec::with_capacity(quotes.len());
    for (i, q) in quotes.iter().enumerate() {
        let before = match i.checked_sub(1) {
            Some(p) if quotes[p].doc == q.doc => reach[p],
            _ => 0,
        };
        reach.push(before.max(q.quote.end()));
    }
    Analysis {
        links: std::sync::OnceLock::new(),
        reach,
        docs,
        quotes,
        speakers,
        warnings,
    }
}

impl Analysis {
    /// Whether a place is a primary source of what `speaker` said: a
    /// transcript, or an article the speaker wrote (their own post). The
    /// one rule that hover, navigation and the checker all use.
    pub fn is_primary(
        &self,
        quote: Option<QuoteId>,
        speaker: Option<SpeakerId>,
        doc: DocId,
    ) -> bool {
        if quote.is_some_and(|q| self.quote(q).quote.kind == Kind::Transcript) {
            return true;
        }
        let author = self.doc(doc).meta.author.as_deref();
        match (speaker, author) {
            (Some(s), Some(author)) => same_name(&self.speaker(s).name, author),
            _ => false,
        }
    }

    /// Links the quotations: the same words across the corpus.
    pub fn link(&self, opts: &LinkOptions) -> Links {
        let texts: Vec<&str> = self.docs.iter().map(|d| d.text.as_str()).collect();
        let refs: Vec<QuoteRef> = self
            .quotes
            .iter()
            .map(|q| QuoteRef {
                doc: q.doc.0,
                segments: q.quote.segments.iter().map(|s| (s.start, s.end)).collect(),
                joins: !(q.quote.kind == Kind::Block && q.quote.holds_quotes),
            })
            .collect();
        link::link(&texts, &refs, opts)
    }
}

/// Merges each article's speakers into corpus-wide ones: `Kelly` in one
/// article is the `Ian Kelly` of another when no other full name fits.
fn merge_speakers(per_doc: Vec<DocResult>) -> (Vec<QuoteInfo>, Vec<SpeakerEntity>) {
    let full_names = full_names_by_surname(&per_doc);
    let mut speakers: Vec<SpeakerEntity> = Vec::new();
    let mut by_key: FxHashMap<String, SpeakerId> = FxHashMap::default();
    let mut quotes = Vec::new();
    for (d, r) in per_doc.into_iter().enumerate() {
        let mut local_to_global = Vec::with_capacity(r.attribution.entities.len());
        // Only people who speak become corpus speakers; the others were
        // tracked for pronouns.
        let mut speaks = vec![false; r.attribution.entities.len()];
        for sp in r.attribution.speakers.iter().flatten() {
            speaks[sp.who as usize] = true;
        }
        for (li, e) in r.attribution.entities.iter().enumerate() {
            if !speaks[li] {
                local_to_global.push(SpeakerId(u32::MAX));
                continue;
            }
            let (name, role) = corpus_name(e, &r.attribution.introduced, &full_names);
            let key = if e.anonymous {
                format!("{d}:{li}")
            } else {
                name.to_lowercase()
            };
            let gi = *by_key.entry(key).or_insert_with(|| {
                speakers.push(SpeakerEntity {
                    name: name.clone(),
                    role: None,
                    kind: e.kind,
                    anonymous: e.anonymous,
                    aliases: Vec::new(),
                });
                SpeakerId::new(speakers.len() - 1)
            });
            let s = &mut speakers[gi.index()];
            if s.role.is_none() {
                s.role = role;
            }
            if s.kind == EntityKind::Unknown {
                s.kind = e.kind;
            }
            for a in &e.aliases {
                if !s.aliases.contains(a) {
                    s.aliases.push(a.clone());
                }
            }
            local_to_global.push(gi);
        }
        for (qi, q) in r.extraction.quotes.into_iter().enumerate() {
            // A colon block stands only if its introduction names a speaker.
            if q.kind == Kind::Block
                && q.intro_para.is_some()
                && r.attribution.speakers[qi].is_none()
            {
                continue;
            }
            let speaker = r.attribution.speakers[qi]
                .as_ref()
                .map(|sp| sp.known_as(local_to_global[sp.who as usize]));
            let partial = r.attribution.partial.get(qi).copied().unwrap_or(false);
            quotes.push(QuoteInfo {
                doc: DocId::new(d),
                quote: q,
                speaker,
                partial,
            });
        }
    }
    (quotes, speakers)
}

/// Every full name the corpus gives, by surname.
fn full_names_by_surname(per_doc: &[DocResult]) -> FxHashMap<String, Vec<String>> {
    let mut full_names: FxHashMap<String, Vec<String>> = FxHashMap::default();
    let mut add_full = |name: &str| {
        if name.contains(' ') {
            let list = full_names.entry(attribute::surname_key(name)).or_default();
            if !list.iter().any(|n| n == name) {
                list.push(name.to_string());
            }
        }
    };
    for r in per_doc {
        for e in &r.attribution.entities {
            if !e.anonymous && e.kind != EntityKind::Organization {
                add_full(&e.name);
            }
        }
        for (n, _) in &r.attribution.introduced {
            add_full(n);
        }
    }
    full_names
}

/// The name a speaker goes by in the corpus, with a role: a lone surname
/// takes the one full name its article introduces, else the one full name
/// the corpus gives it.
fn corpus_name(
    e: &attribute::DocEntity,
    introduced: &[(String, Option<String>)],
    full_names: &FxHashMap<String, Vec<String>>,
) -> (String, Option<String>) {
    let mut name = e.name.clone();
    let mut role = e.role.clone();
    if !e.anonymous && !name.contains(' ') && e.kind != EntityKind::Organization {
        let s = attribute::surname_key(&name);
        let mut here: Vec<&(String, Option<String>)> = introduced
            .iter()
            .filter(|(n, _)| attribute::surname_key(n) == s)
            .collect();
        here.sort_by(|a, b| a.0.cmp(&b.0));
        here.dedup_by(|a, b| a.0 == b.0);
        if let [(full, r_role)] = here.as_slice() {
            name = full.clone();
            if role.is_none() {
                role = r_role.clone();
            }
        } else if let Some([full]) = full_names.get(&s).map(Vec::as_slice) {
            name = full.clone();
        }
    }
    (name, role)
}

/// The places [`Analysis::sources`] lists for a quotation, and how many
/// more it did not look at.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    pub listed: Vec<Source>,
    pub unlisted: usize,
}

/// Quotations repeated more often than this list the first ones only.
pub const MAX_SOURCES: usize = 100;

/// Another place that carries a quotation's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub doc: DocId,
    /// View span.
    pub start: u32,
    pub end: u32,
    /// The quotation at that place, if it is quoted there.
    pub quote: Option<QuoteId>,
    pub exact: bool,
    /// View spans of the words at that place that differ.
    pub differs: Vec<(u32, u32)>,
}

impl Analysis {
    /// The quotation (if any) whose span holds most of `start..end`.
    /// The index range of one article's quotations (they are stored by
    /// article, in order of their start).
    pub fn doc_quotes(&self, doc: DocId) -> impl Iterator<Item = QuoteId> {
        let range = self.doc_quote_range(doc);
        range.map(QuoteId::new)
    }

    /// One article's quotations.
    pub fn quotes_of(&self, doc: DocId) -> &[QuoteInfo] {
        &self.quotes[self.doc_quote_range(doc)]
    }

    /// [`Analysis::doc_quotes`] as positions in `quotes`.
    fn doc_quote_range(&self, doc: DocId) -> std::ops::Range<usize> {
        let lo = self.quotes.partition_point(|q| q.doc < doc);
        let hi = self.quotes.partition_point(|q| q.doc <= doc);
        lo..hi
    }

    /// The links between the quotations: none until they are made.
    pub fn links(&self) -> &Links {
        self.links.get().unwrap_or(&link::UNLINKED)
    }

    /// Puts the links in place, once. False when the analysis was linked
    /// already (the links given are dropped).
    pub fn set_links(&self, links: Links) -> bool {
        self.links.set(links).is_ok()
    }

    /// A corpus article.
    #[inline]
    pub fn doc(&self, id: DocId) -> &Document {
        &self.docs[id.index()]
    }

    /// A corpus quotation.
    #[inline]
    pub fn quote(&self, id: QuoteId) -> &QuoteInfo {
        &self.quotes[id.index()]
    }

    /// A corpus speaker.
    #[inline]
    pub fn speaker(&self, id: SpeakerId) -> &SpeakerEntity {
        &self.speakers[id.index()]
    }

    /// Every quotation's id, in corpus order.
    pub fn quote_ids(&self) -> impl Iterator<Item = QuoteId> {
        (0..self.quotes.len()).map(QuoteId::new)
    }

    /// The quotation of an article that overlaps a span most (not a block
    /// that only holds other quotations). Scans back from the span's end
    /// only while some earlier quotation can still reach the span.
    pub fn quote_at(&self, doc: DocId, start: u32, end: u32) -> Option<QuoteId> {
        let range = self.doc_quote_range(doc);
        let hi =
            range.start + self.quotes[range.clone()].partition_point(|q| q.quote.start() < end);
        let mut best: Option<(u32, usize)> = None;
        for i in (range.start..hi).rev() {
            if self.reach[i] <= start {
                break;
            }
            let q = &self.quotes[i].quote;
            if q.end() > start && !(q.kind == Kind::Block && q.holds_quotes) {
                let overlap = q.end().min(end) - q.start().max(start);
                // `max_by_key` keeps the last of equals: the latest start.
                if best.is_none_or(|(b, _)| overlap > b) {
                    best = Some((overlap, i));
                }
            }
        }
        best.map(|(_, i)| QuoteId::new(i))
    }

    /// Every other place in the corpus that carries this quotation's words,
    /// or that it carries: transcript turns first, then other quotations,
    /// then unquoted text; each in corpus order. At most [`MAX_SOURCES`]
    /// of each kind are looked at, the first in corpus order, so that a
    /// sentence repeated a thousand times costs a thousand lists of a
    /// hundred, not a million; the rest are counted.
    pub fn sources(&self, id: QuoteId) -> Sources {
        let qi = id.index();
        let own = &self.quotes[qi];
        let (os, oe) = (own.quote.start(), own.quote.end());
        let links = self.links();
        let places = links
            .text_of(qi)
            .map(|t| links.places[t as usize].as_slice())
            .unwrap_or(&[]);
        let overlaps_own = |f: &Found| f.doc == own.doc.0 && f.start < oe && os < f.end;
        let mut found = Vec::new();
        let mut scanned = 0;
        for f in places {
            if found.len() == MAX_SOURCES {
                break;
            }
            scanned += 1;
            if !overlaps_own(f) {
                found.push(self.source_of(f));
            }
        }
        // Places are stored by article and start: the ones of this
        // quotation's own span among the rest are found by bisection.
        let rest = &places[scanned..];
        let own_in_rest = rest.partition_point(|f| (f.doc, f.start) < (own.doc.0, oe))
            - rest.partition_point(|f| (f.doc, f.end) <= (own.doc.0, os));
        let mut unlisted = rest.len().saturating_sub(own_in_rest);
        found.sort_by_key(|s| (s.doc, s.start));
        let mut kept = dedup_places(found);
        // Quotations whose words lie inside this one, where no place above
        // already stands for them.
        let mut inner = self.quotes_inside(qi, &kept, &mut unlisted);
        inner.sort_by_key(|s| (s.doc, s.start));
        kept.extend(dedup_places(inner));
        kept.retain(|s| !(s.doc == own.doc && s.start < oe && os < s.end));
        // Primary sources first, then quotations, then words without marks.
        let speaker = own.speaker.as_ref().map(|s| s.who);
        let rank = |s: &Source| {
            if self.is_primary(s.quote, speaker, s.doc) {
                0
            } else if s.quote.is_some() {
                1
            } else {
                2
            }
        };
        kept.sort_by_key(|s| (rank(s), s.doc, s.start));
        Sources {
            listed: kept,
            unlisted,
        }
    }

    /// The quotations whose words lie inside quotation `qi`, where no
    /// place of `kept` already stands for them; those past
    /// [`MAX_SOURCES`] are added to `unlisted`.
    fn quotes_inside(&self, qi: usize, kept: &[Source], unlisted: &mut usize) -> Vec<Source> {
        let own = &self.quotes[qi];
        let (os, oe) = (own.quote.start(), own.quote.end());
        let mut inner = Vec::new();
        let links = self.links();
        for &text in links.inside_of(qi) {
            let text_places = &links.places[text as usize];
            let from = text_places.partition_point(|f| (f.doc, f.start) < (own.doc.0, os));
            let exact = text_places[from..]
                .iter()
                .take_while(|f| f.doc == own.doc.0 && f.start < oe)
                .any(|f| f.end <= oe && f.matched == f.total);
            let members = &links.members[text as usize];
            let room = MAX_SOURCES.saturating_sub(inner.len()).min(members.len());
            *unlisted += members.len() - room;
            for &other in &members[..room] {
                let other = QuoteId(other);
                let o = self.quote(other);
                let (s, e) = (o.quote.start(), o.quote.end());
                // Kept places do not overlap, so their ends rise with their
                // starts: the last one before `e` is the only one to test.
                let at = kept.partition_point(|k| (k.doc, k.start) < (o.doc, e));
                let covered = at
                    .checked_sub(1)
                    .is_some_and(|p| kept[p].doc == o.doc && kept[p].end > s);
                if !covered {
                    inner.push(Source {
                        doc: o.doc,
                        start: s,
                        end: e,
                        quote: Some(other),
                        exact,
                        differs: Vec::new(),
                    });
                }
            }
        }
        inner
    }

    fn source_of(&self, f: &Found) -> Source {
        let doc = DocId(f.doc);
        Source {
            doc,
            start: f.start,
            end: f.end,
            quote: self.quote_at(doc, f.start, f.end),
            exact: f.matched == f.total && f.differ_in_place.is_empty(),
            differs: f.differ_in_place.to_vec(),
        }
    }
}

/// Keeps one of each run of overlapping places (sorted by article and start).
fn dedup_places(sorted: Vec<Source>) -> Vec<Source> {
    let mut kept: Vec<Source> = Vec::with_capacity(sorted.len());
    for s in sorted {
        match kept.last() {
            Some(k) if k.doc == s.doc && s.start < k.end => {}
            _ => kept.push(s),
        }
    }
    kept
}

/// Two names equal but for case, Unicode case included, without
/// allocating: this runs for every place a quotation is found at.
fn same_name(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}
