//! The accuracy figures and their report.

#[allow(unused_imports)]
use super::*;

/// The headline figures.
#[derive(Clone, Copy, Debug, Default)]
pub struct Figures {
    pub gold: usize,
    pub found: usize,
    pub recall: f64,
    pub precision: f64,
    pub f1: f64,
    pub speaker_judged: usize,
    pub speaker_right: usize,
    pub speaker_wrong: usize,
    pub speaker_accuracy: f64,
    pub pronoun_judged: usize,
    pub pronoun_right: usize,
    pub pronoun_accuracy: f64,
}

impl Evaluation {
    pub fn figures(&self) -> Figures {
        let gold = self.judged.len();
        let found = self.judged.iter().filter(|j| j.found).count();
        let recall = ratio(found, gold);
        let precision = ratio(self.engine_quotes_annotated, self.engine_quotes);
        let f1 = if recall + precision > 0.0 {
            2.0 * recall * precision / (recall + precision)
        } else {
            0.0
        };
        let with_verdict: Vec<&Judged> =
            self.judged.iter().filter(|j| j.verdict.is_some()).collect();
        let right = with_verdict
            .iter()
            .filter(|j| j.verdict == Some(Verdict::Right))
            .count();
        let wrong = with_verdict
            .iter()
            .filter(|j| j.verdict == Some(Verdict::Wrong))
            .count();
        let pron: Vec<bool> = self
            .judged
            .iter()
            .filter_map(|j| j.pronoun_resolved)
            .collect();
        let pron_right = pron.iter().filter(|&&b| b).count();
        Figures {
            gold,
            found,
            recall,
            precision,
            f1,
            speaker_judged: with_verdict.len(),
            speaker_right: right,
            speaker_wrong: wrong,
            speaker_accuracy: ratio(right, with_verdict.len()),
            pronoun_judged: pron.len(),
            pronoun_right: pron_right,
            pronoun_accuracy: ratio(pron_right, pron.len()),
        }
    }

    pub(super) fn line_of(&self, article: usize, byte: u32) -> usize {
        self.articles[article].text[..byte as usize]
            .matches('\n')
            .count()
            + 1
    }

    pub(super) fn snippet(&self, article: usize, span: Span, max: usize) -> String {
        let t = &self.articles[article].text[span.start as usize..span.end as usize];
        let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if t.chars().count() > max {
            let cut: String = t.chars().take(max).collect();
            format!("{cut}…")
        } else {
            t
        }
    }

    /// The clause that attributes a quotation: from the Source to the Cue
    /// (or the reverse), a sentence's worth at most.
    pub(super) fn clause(&self, j: &Judged) -> String {
        let mut spans: Vec<Span> = j.source.iter().chain(j.cue.iter()).copied().collect();
        spans.sort();
        match (spans.first(), spans.last()) {
            (Some(a), Some(b)) => self.snippet(
                j.article,
                Span {
                    start: a.start,
                    end: b.end.max(a.end),
                },
                90,
            ),
            _ => "(no source or cue annotated)".into(),
        }
    }

    /// The report: figures, tables by how the speaker is given, and with
    /// `errors`, every miss and every wrong speaker.
    pub fn report(&self, errors: bool) -> String {
        let f = self.figures();
        let mut o = String::new();
        self.write_headline(&f, &mut o);
        self.write_by_placement(&mut o);
        self.write_by_via(&mut o);
        if errors {
            self.write_missed(&mut o);
            self.write_wrong_speakers(&mut o);
            self.write_misresolved_pronouns(&mut o);
            self.write_extras(&mut o);
        }
        o
    }

    /// The headline figures: extraction, speakers, and pronoun Sources,
    /// these also by how close the name is to the pronoun.
    fn write_headline(&self, f: &Figures, o: &mut String) {
        let _ = writeln!(
            o,
            "articles {}, gold direct quotations {}",
            self.articles.len(),
            f.gold
        );
        let _ = writeln!(
            o,
            "extraction: recall {:.3} ({}/{}), precision {:.3} ({}/{}), F1 {:.3}",
            f.recall,
            f.found,
            f.gold,
            f.precision,
            self.engine_quotes_annotated,
            self.engine_quotes,
            f.f1
        );
        let unknown = f.speaker_judged - f.speaker_right - f.speaker_wrong;
        let _ = writeln!(
            o,
            "speaker: accuracy {:.3} ({}/{}): {} wrong name, {} no speaker",
            f.speaker_accuracy, f.speaker_right, f.speaker_judged, f.speaker_wrong, unknown
        );
        let _ = writeln!(
            o,
            "pronoun sources by resolved name: {:.3} ({}/{} with a known referent)",
            f.pronoun_accuracy, f.pronoun_right, f.pronoun_judged
        );
        for (label, close) in [("close", true), ("far", false)] {
            let v: Vec<bool> = self
                .judged
                .iter()
                .filter(|j| j.close_antecedent == Some(close))
                .filter_map(|j| j.pronoun_resolved)
                .collect();
            let right = v.iter().filter(|&&b| b).count();
            let _ = writeln!(
                o,
                "  with the name {label} to the pronoun: {:.3} ({right}/{})",
                ratio(right, v.len()),
                v.len()
            );
        }
    }

    /// Speaker accuracy by where the article gives the speaker: which
    /// ways of writing the engine reads well and which it does not.
    fn write_by_placement(&self, o: &mut String) {
        let _ = writeln!(o, "speaker by how the article gives it:");
        let mut by: Vec<(Placement, usize, usize, usize)> = Vec::new();
        for j in self.judged.iter().filter(|j| j.verdict.is_some()) {
            let pos = match by.iter().position(|b| b.0 == j.placement) {
                Some(p) => p,
                None => {
                    by.push((j.placement, 0, 0, 0));
                    by.len() - 1
                }
            };
            by[pos].1 += 1;
            match j.verdict {
                Some(Verdict::Right) => by[pos].2 += 1,
                Some(Verdict::Wrong) => by[pos].3 += 1,
                _ => {}
            }
        }
        by.sort();
        for (p, n, r, w) in by {
            let _ = writeln!(
                o,
                "  {:<32} {:.3} ({r}/{n}), {w} wrong, {} none",
                p.label(),
                ratio(r, n),
                n - r - w
            );
        }
    }

    /// Speaker accuracy by the engine's way of finding the speaker: which
    /// of its rules are right how often.
    fn write_by_via(&self, o: &mut String) {
        let _ = writeln!(o, "speaker by how the engine found it:");
        let mut vias: Vec<(String, usize, usize)> = Vec::new();
        for j in self.judged.iter().filter(|j| j.verdict.is_some()) {
            let key = match j.engine_via {
                Some(v) => format!("{v:?}"),
                None => "none".into(),
            };
            let pos = match vias.iter().position(|b| b.0 == key) {
                Some(p) => p,
                None => {
                    vias.push((key, 0, 0));
                    vias.len() - 1
                }
            };
            vias[pos].1 += 1;
            if j.verdict == Some(Verdict::Right) {
                vias[pos].2 += 1;
            }
        }
        vias.sort();
        for (v, n, r) in vias {
            let _ = writeln!(o, "  {:<32} {:.3} ({r}/{n})", v, ratio(r, n));
        }
    }

    /// Every gold quotation the engine did not find.
    fn write_missed(&self, o: &mut String) {
        let _ = writeln!(o, "\nmissed quotations:");
        for j in self.judged.iter().filter(|j| !j.found) {
            let a = &self.articles[j.article];
            let first = j.pieces[0];
            let _ = writeln!(
                o,
                "  {}:{}  «{}»",
                a.name,
                self.line_of(j.article, first.start),
                self.snippet(j.article, first, 80)
            );
        }
    }

    /// Every found quotation whose speaker the engine got wrong or did
    /// not give: the gold clause beside the engine's speaker, how it
    /// found it, and the mention it read.
    fn write_wrong_speakers(&self, o: &mut String) {
        let _ = writeln!(o, "\nwrong or missing speakers:");
        for j in self
            .judged
            .iter()
            .filter(|j| matches!(j.verdict, Some(Verdict::Wrong | Verdict::Unknown)))
        {
            let a = &self.articles[j.article];
            let first = j.pieces[0];
            let mention = j
                .engine_mention
                .map(|m| self.snippet(j.article, m, 40))
                .unwrap_or_default();
            let _ = writeln!(
                o,
                "  {}:{}  [{}] gold «{}»{} engine {} {} «{}» | quote «{}»",
                a.name,
                self.line_of(j.article, first.start),
                j.placement.label(),
                self.clause(j),
                j.referent
                    .as_ref()
                    .map(|r| format!(" = {r}"))
                    .unwrap_or_default(),
                j.engine_speaker.as_deref().unwrap_or("-"),
                j.engine_via.map(|v| format!("{v:?}")).unwrap_or_default(),
                mention,
                self.snippet(j.article, first, 50),
            );
        }
    }

    /// Pronoun Sources judged right because the engine's mention is the
    /// pronoun, though it resolved the pronoun to someone other than the
    /// referent.
    fn write_misresolved_pronouns(&self, o: &mut String) {
        let _ = writeln!(o, "\npronouns resolved to someone else:");
        for j in self
            .judged
            .iter()
            .filter(|j| j.pronoun_resolved == Some(false) && j.verdict == Some(Verdict::Right))
        {
            let a = &self.articles[j.article];
            let _ = writeln!(
                o,
                "  {}:{}  «{}» = {} engine {}",
                a.name,
                self.line_of(j.article, j.pieces[0].start),
                self.clause(j),
                j.referent.as_deref().unwrap_or("-"),
                j.engine_speaker.as_deref().unwrap_or("-"),
            );
        }
    }

    /// Every engine quotation no annotated Content covers: the misses of
    /// precision.
    fn write_extras(&self, o: &mut String) {
        let _ = writeln!(o, "\nengine quotations no annotation covers:");
        for x in &self.extras {
            let a = &self.articles[x.article];
            let _ = writeln!(
                o,
                "  {}:{}  «{}»",
                a.name,
                self.line_of(x.article, x.span.start),
                self.snippet(x.article, x.span, 80)
            );
        }
    }
}
