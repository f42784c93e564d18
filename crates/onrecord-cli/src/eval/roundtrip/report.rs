//! The round trip's figures and its report.

#[allow(unused_imports)]
use super::*;

/// The headline figures.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    pub sentences: usize,
    pub false_alarms: usize,
    pub false_alarm_rate: f64,
    /// Detection rate per planted kind, in [`Plant::ALL`] order.
    pub detection: Vec<(Plant, usize, usize, f64)>,
}

impl RoundTrip {
    pub fn figures(&self) -> Figures {
        let correct: Vec<&Outcome> = self
            .outcomes
            .iter()
            .filter(|o| matches!(o.test, Test::Correct(_)))
            .collect();
        let fa = correct.iter().filter(|o| o.false_alarm()).count();
        let detection = Plant::ALL
            .iter()
            .map(|&p| {
                let planted: Vec<&Outcome> = self
                    .outcomes
                    .iter()
                    .filter(|o| o.test == Test::Planted(p))
                    .collect();
                let d = planted.iter().filter(|o| o.detected(p.expected())).count();
                (p, d, planted.len(), ratio(d, planted.len()))
            })
            .collect();
        Figures {
            sentences: correct.len(),
            false_alarms: fa,
            false_alarm_rate: ratio(fa, correct.len()),
            detection,
        }
    }

    pub(super) fn where_(&self, o: &Outcome) -> String {
        let c = &self.cases[o.case];
        let pieces = if c.pieces > 1 {
            format!(" ({} pieces joined)", c.pieces)
        } else {
            String::new()
        };
        format!("{}:{}{pieces}", self.articles[c.article].name, c.line)
    }

    pub(super) fn describe(&self, o: &Outcome, out: &mut String) {
        let _ = writeln!(out, "    draft: {}", o.draft);
        if !o.note.is_empty() {
            let _ = writeln!(out, "    planted: {}", o.note);
        }
        let speakers: Vec<String> = o
            .draft_speakers
            .iter()
            .zip(&o.said_by)
            .map(|(d, s)| {
                format!(
                    "{} / sources: {}",
                    d.as_deref().unwrap_or("(none)"),
                    if s.is_empty() {
                        "(none)".to_string()
                    } else {
                        s.join(", ")
                    }
                )
            })
            .collect();
        let _ = writeln!(out, "    read as: {}", speakers.join(" | "));
        if o.findings.is_empty() {
            let _ = writeln!(out, "    (no finding)");
        }
        for (code, sev, msg) in &o.findings {
            let _ = writeln!(out, "    {} {}: {}", sev.as_str(), code, msg);
        }
    }

    /// The report: per style the false alarms by code, per planted kind
    /// the detection rate, and with `errors` every false alarm and miss.
    pub fn report(&self, errors: bool) -> String {
        let f = self.figures();
        let mut o = String::new();
        self.write_counts(&mut o);
        self.write_correct(&mut o);
        self.write_planted(&f, &mut o);
        let _ = writeln!(
            o,
            "\noverall false-alarm rate {:.3} ({}/{} correct sentences)",
            f.false_alarm_rate, f.false_alarms, f.sentences
        );
        let dets: Vec<String> = f
            .detection
            .iter()
            .map(|(p, _, _, r)| format!("{} {:.3}", p.label(), r))
            .collect();
        let _ = writeln!(o, "detection: {}", dets.join(", "));

        if errors {
            self.write_errors(&mut o);
        }
        o
    }

    /// How many gold quotations were round-tripped, and how many were
    /// left out and why: the rates below are of the round-tripped only.
    fn write_counts(&self, o: &mut String) {
        let s = &self.skipped;
        let _ = writeln!(
            o,
            "articles {}, gold direct quotations {}, round-tripped {} (named speaker, {}+ words)",
            self.articles.len(),
            s.gold,
            self.cases.len(),
            Config::default().min_words
        );
        let _ = writeln!(
            o,
            "left out: {} pronoun source, {} description source, {} no source, {} too short, {} chained fragments",
            s.pronoun, s.description, s.no_source, s.short, s.fragments
        );
        let she = self.cases.iter().filter(|c| c.pronoun == "she").count();
        let _ = writeln!(
            o,
            "pronoun-next-sentence uses she for {she}, he for {}",
            self.cases.len() - she
        );
    }

    /// The false alarms on correct drafts: per style, for all, apart for
    /// quotations of one piece and of pieces joined (a joined draft quotes
    /// as one what the article quotes in parts), and the
    /// information-level findings, which count as no alarm.
    fn write_correct(&self, o: &mut String) {
        let _ = writeln!(
            o,
            "\ncorrect drafts: false alarm = a finding at warning or above"
        );
        let _ = writeln!(
            o,
            "  {:<22} {:>7} {:>6} {:>7}  {:>12} {:>8} {:>13} {:>7}  {:>6}",
            "style",
            "checked",
            "alarms",
            "rate",
            "unattributed",
            "misquote",
            "misattributed",
            "unknown",
            "info"
        );
        let mut all: Vec<&Outcome> = Vec::new();
        for style in Style::ALL {
            let set: Vec<&Outcome> = self
                .outcomes
                .iter()
                .filter(|x| x.test == Test::Correct(style))
                .collect();
            alarm_row(o, style.label(), &set);
            all.extend(set);
        }
        alarm_row(o, "all", &all);
        let one: Vec<&Outcome> = all
            .iter()
            .copied()
            .filter(|x| self.cases[x.case].pieces == 1)
            .collect();
        let several: Vec<&Outcome> = all
            .iter()
            .copied()
            .filter(|x| self.cases[x.case].pieces > 1)
            .collect();
        alarm_row(o, "  of one piece", &one);
        alarm_row(o, "  of pieces joined", &several);
        let _ = writeln!(
            o,
            "  quotations of one piece only ({} of {} round-tripped):",
            self.cases.iter().filter(|c| c.pieces == 1).count(),
            self.cases.len()
        );
        for style in Style::ALL {
            let set: Vec<&Outcome> = one
                .iter()
                .copied()
                .filter(|x| x.test == Test::Correct(style))
                .collect();
            alarm_row(o, &format!("  {}", style.label()), &set);
        }
        write_info_codes(o, &all);
    }

    /// Per planted kind: how many were planted and detected, and what
    /// the rate alone does not say (see [`RoundTrip::planted_notes`]).
    fn write_planted(&self, f: &Figures, o: &mut String) {
        let _ = writeln!(
            o,
            "\nplanted errors (on the after style): detected = a finding with the expected code"
        );
        let _ = writeln!(
            o,
            "  {:<20} {:<20} {:>7} {:>8} {:>7}  missed: what was found instead",
            "kind", "expected", "planted", "detected", "rate"
        );
        for (p, d, n, r) in &f.detection {
            let extra = self.planted_notes(*p, *n);
            let line = format!(
                "  {:<20} {:<20} {:>7} {:>8} {:>7.3}  {}",
                p.label(),
                p.expected().as_str(),
                n,
                d,
                r,
                extra.trim_start_matches("; ")
            );
            let _ = writeln!(o, "{}", line.trim_end());
        }
    }

    /// The notes on kind `p` (`n` planted): what was found instead on
    /// the misses; for a wrong speaker, the rate where the sources name
    /// someone, since only there can the checker tell; and how many cases
    /// it could not be planted in.
    fn planted_notes(&self, p: Plant, n: usize) -> String {
        let instead = self.found_instead(p);
        let not = self.not_planted.iter().filter(|x| x.0 == p).count();
        let mut extra = instead
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ");
        if p == Plant::WrongSpeaker {
            // The checker can only tell a wrong speaker from the right
            // one where the sources name someone.
            let named: Vec<&Outcome> = self
                .outcomes
                .iter()
                .filter(|x| x.test == Test::Planted(p) && x.said_by.iter().any(|s| !s.is_empty()))
                .collect();
            let found = named.iter().filter(|x| x.detected(p.expected())).count();
            let _ = write!(
                extra,
                "; sources name no speaker for {}; where they name one {:.3} ({found}/{})",
                n - named.len(),
                ratio(found, named.len()),
                named.len()
            );
        }
        if not > 0 {
            let _ = write!(extra, "; not planted: {not}");
        }
        extra
    }

    /// On the missed plants of kind `p`: each set of codes found instead
    /// (`nothing` for none) and how often, most frequent first.
    fn found_instead(&self, p: Plant) -> Vec<(String, usize)> {
        let mut instead: Vec<(String, usize)> = Vec::new();
        for x in self
            .outcomes
            .iter()
            .filter(|x| x.test == Test::Planted(p) && !x.detected(p.expected()))
        {
            let mut key: Vec<&str> = x.findings.iter().map(|f| f.0.as_str()).collect();
            key.sort();
            key.dedup();
            let key = if key.is_empty() {
                "nothing".to_string()
            } else {
                key.join("+")
            };
            match instead.iter_mut().find(|e| e.0 == key) {
                Some(e) => e.1 += 1,
                None => instead.push((key, 1)),
            }
        }
        instead.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        instead
    }

    /// Every false alarm and every missed plant, with the draft and what
    /// the checker read in it.
    fn write_errors(&self, o: &mut String) {
        let _ = writeln!(o, "\nfalse alarms:");
        for x in self
            .outcomes
            .iter()
            .filter(|x| matches!(x.test, Test::Correct(_)) && x.false_alarm())
        {
            let Test::Correct(style) = x.test else {
                continue;
            };
            let _ = writeln!(o, "  [{}] {}", style.label(), self.where_(x));
            self.describe(x, o);
        }
        let _ = writeln!(o, "\nmissed detections:");
        for x in &self.outcomes {
            let Test::Planted(p) = x.test else {
                continue;
            };
            if x.detected(p.expected()) {
                continue;
            }
            let _ = writeln!(o, "  [{}] {}", p.label(), self.where_(x));
            self.describe(x, o);
        }
    }
}

/// One row of the false-alarm table: the drafts checked, those with an
/// alarm and the rate, the drafts with a warning of each code, and those
/// with an information-level finding.
fn alarm_row(o: &mut String, label: &str, set: &[&Outcome]) {
    let n = set.len();
    let fa = set.iter().filter(|x| x.false_alarm()).count();
    let by: Vec<usize> = Code::ALL
        .iter()
        .map(|&c| {
            set.iter()
                .filter(|x| x.warnings().any(|w| w.0 == c))
                .count()
        })
        .collect();
    let info = set.iter().filter(|x| x.infos().next().is_some()).count();
    let _ = writeln!(
        o,
        "  {:<22} {:>7} {:>6} {:>7.3}  {:>12} {:>8} {:>13} {:>7}  {:>6}",
        label,
        n,
        fa,
        ratio(fa, n),
        by[0],
        by[1],
        by[2],
        by[3],
        info
    );
}

/// The information-level findings on the correct drafts, by code.
fn write_info_codes(o: &mut String, all: &[&Outcome]) {
    let mut info_codes: Vec<(Code, usize)> = Vec::new();
    for x in all {
        for (c, _, _) in x.infos() {
            match info_codes.iter_mut().find(|e| e.0 == *c) {
                Some(e) => e.1 += 1,
                None => info_codes.push((*c, 1)),
            }
        }
    }
    info_codes.sort();
    let _ = writeln!(
        o,
        "  information-level findings on correct drafts: {}",
        if info_codes.is_empty() {
            "none".to_string()
        } else {
            info_codes
                .iter()
                .map(|(c, n)| format!("{c} {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    );
}
