//! Pronouns and roles: which entity a `he`, `she` or `they` stands for,
//! and the roles (`spokesman`, `minister`) entities take on.

#[allow(unused_imports)]
use super::*;

impl<'a> Ctx<'a> {
    /// The gender an entity has: what the text says (a title, an earlier
    /// `he` or `she`), else what its first name suggests.
    pub(super) fn gender_of(&self, e: u32) -> Option<Gender> {
        let ent = &self.entities[e as usize];
        if ent.gender.is_some() || ent.anonymous {
            return ent.gender;
        }
        let mut words = ent.name.split(' ');
        match (words.next(), words.next()) {
            (Some(first), Some(_)) => lexicon::first_name_gender(first),
            _ => None,
        }
    }

    /// The view span of the name behind the word at token `tok`: the name
    /// a resolved pronoun stands for, else the word itself.
    pub(super) fn name_behind(&self, tok: usize) -> (u32, u32) {
        let t = &self.toks[tok];
        self.antecedents
            .get(&t.start)
            .map_or((t.start, t.end), |a| (a.start, a.end))
    }

    pub(super) fn note_mention(
        &mut self,
        entity: u32,
        tok: usize,
        role: MentionRole,
        span: (u32, u32),
    ) {
        let m = Mention {
            entity,
            sentence: self.sentence_no,
            tok: tok as u32,
            role,
            start: span.0,
            end: span.1,
            para: self.para_no,
        };
        if self.mention_count.len() <= entity as usize {
            self.mention_count.resize(entity as usize + 1, 0);
        }
        self.mention_count[entity as usize] += 1;
        if let Some(last) = self.mentions.last_mut() {
            if last.entity == entity && last.sentence == m.sentence {
                last.role = last.role.min(role);
                return;
            }
        }
        self.mentions.push(m);
    }

    /// The person a `he` or `she` at token `at` stands for: in the nearest
    /// earlier sentence that mentions a person of fitting gender, who spoke
    /// there, else the first person it names (its subject, usually), a
    /// possessor last. In the pronoun's own sentence only a speaker before
    /// it counts (`Asked about Clinton, she said` is not Clinton). Else
    /// nobody: the caller falls back to the last fitting speaker.
    pub(super) fn pronoun_antecedent(&self, want: Gender, at: usize) -> Option<Mention> {
        // A person, or a lone name that has spoken in the article (`Cruz
        // said …`): organisations and places never are `he` or `she`.
        let fits = |e: u32| {
            let ent = &self.entities[e as usize];
            let spoke = ent.kind == EntityKind::Unknown
                && self.spoke.get(e as usize).copied().unwrap_or(false);
            (ent.kind == EntityKind::Person || spoke)
                && !ent.heads.iter().any(|h| is_collective(h))
                && !lexicon::is_place(&ent.name.to_lowercase())
                && self.gender_of(e).is_none_or(|g| g == want)
        };
        let now = self.sentence_no;
        let mut best: Option<Mention> = None;
        for m in self.mentions.iter().rev() {
            if now - m.sentence > PRONOUN_WINDOW {
                break;
            }
            // Earlier in the same sentence only a speaker, or a subject that
            // a quotation separates from the pronoun (`Roe scolded him:
            // "…," she said`).
            if m.sentence == now
                && (m.tok as usize >= at
                    || (m.role != MentionRole::Speaker
                        && !(m.tok as usize..at)
                            .any(|k| matches!(self.toks.get(k).map(|t| t.t), Some(T::Quote(_))))))
            {
                continue;
            }
            if let Some(b) = best {
                if m.sentence != b.sentence {
                    break;
                }
                if (m.role, m.tok) > (b.role, b.tok) {
                    continue;
                }
            }
            if fits(m.entity) {
                best = Some(*m);
            }
        }
        best
    }

    pub(super) fn resolve_pronoun(
        &mut self,
        p: Pronoun,
        sentence_subjects: &[Subject],
        at: usize,
    ) -> Option<u32> {
        match p {
            Pronoun::Relative => sentence_subjects.last().map(|s| s.entity),
            Pronoun::FirstPerson => {
                let author = self.author.clone()?;
                let words = author.split_whitespace().map(display_word).collect();
                Some(self.named(words, EntityKind::Person, None, None, None))
            }
            Pronoun::He | Pronoun::She => {
                let want = if p == Pronoun::He {
                    Gender::Male
                } else {
                    Gender::Female
                };
                self.resolve_gendered(want, at)
            }
            // `they` is a group, people who spoke together (`Roe and Lee`)
            // or an organisation, never one document (`the statement`).
            Pronoun::They | Pronoun::It => self.salience.iter().rev().copied().find(|&e| {
                let ent = &self.entities[e as usize];
                let document = ent.heads.iter().any(|h| lexicon::is_document(h));
                if p == Pronoun::They {
                    !document
                        && (ent.kind != EntityKind::Person
                            || ent.name.contains(" and ")
                            || ent.heads.iter().any(|h| h.ends_with('s')))
                } else {
                    ent.kind != EntityKind::Person
                }
            }),
        }
    }

    /// Who `he` or `she` at token `at` stands for: the antecedent the
    /// sentences give, else the most recent person who fits, else anyone
    /// who fits. What it finds learns the pronoun's gender.
    pub(super) fn resolve_gendered(&mut self, want: Gender, at: usize) -> Option<u32> {
        let antecedent = self.pronoun_antecedent(want, at);
        if let (Some(m), Some(tok)) = (antecedent, self.toks.get(at)) {
            let close = m.para == self.para_no && self.sentence_no - m.sentence <= 1;
            self.antecedents.insert(
                tok.start,
                Antecedent {
                    start: m.start,
                    end: m.end,
                    close,
                },
            );
        }
        let found = antecedent.map(|m| m.entity).or_else(|| {
            let recent = self.salience.iter().rev().copied();
            let persons: Vec<u32> = recent
                .filter(|&e| {
                    let ent = &self.entities[e as usize];
                    ent.kind == EntityKind::Person
                        && fits_pronoun(ent, want)
                        && self.gender_of(e).is_none_or(|g| g == want)
                })
                .collect();
            persons.first().copied().or_else(|| {
                self.salience.iter().rev().copied().find(|&e| {
                    fits_pronoun(&self.entities[e as usize], want)
                        && self.gender_of(e).is_none_or(|g| g == want)
                })
            })
        });
        if let Some(e) = found {
            // `she said` tells us who she is for the next `he`.
            let ent = &mut self.entities[e as usize];
            if ent.gender.is_none() && !ent.anonymous {
                ent.gender = Some(want);
            }
        }
        found
    }

    /// Gives an entity the role an appositive states, and its head noun
    /// (the last role word), so that `the secretary` finds it later.
    pub(super) fn set_role(&mut self, e: u32, role_toks: std::ops::RangeInclusive<usize>) {
        let mut words: Vec<usize> = role_toks.filter(|&k| self.is_word(k)).collect();
        if words
            .first()
            .is_some_and(|&k| self.lex(k).is(lexicon::WordClass::DETERMINER))
        {
            words.remove(0);
        }
        // The head noun comes before any prepositional phrase: `a general
        // secretary at the Workers' Union` is a secretary.
        let before_preposition = words
            .iter()
            .position(|&k| self.lex(k).is(lexicon::WordClass::NP_STOP))
            .unwrap_or(words.len());
        let head = words[..before_preposition]
            .iter()
            .rev()
            .find(|&&k| self.lex(k).is(lexicon::WordClass::PERSON_ROLE))
            .map(|&k| self.lower_of(k));
        let role = words
            .iter()
            .map(|&k| self.w(k))
            .collect::<Vec<_>>()
            .join(" ");
        let ent = &mut self.entities[e as usize];
        if ent.role.is_none() && !role.is_empty() {
            ent.role = Some(role);
        }
        if let Some(h) = head {
            if ent.gender.is_none() {
                ent.gender = lexicon::noun_gender(&h);
            }
            if !ent.heads.contains(&h) {
                ent.heads.push(h);
            }
        }
    }

    pub(super) fn touch(&mut self, e: u32) {
        if self.spoke.len() <= e as usize {
            self.spoke.resize(e as usize + 1, false);
        }
        self.spoke[e as usize] = true;
        if let Some(pos) = self.salience.iter().rposition(|&x| x == e) {
            self.salience.remove(pos);
        }
        self.salience.push(e);
    }
}

/// Whether an entity can be a `he` or `she` of this gender: not an
/// organisation or a collective, and not known to be of the other gender.
fn fits_pronoun(e: &DocEntity, want: Gender) -> bool {
    e.kind != EntityKind::Organization
        && !e.heads.iter().any(|h| is_collective(h))
        && e.gender.is_none_or(|g| g == want)
}
