//! Turning a noun phrase into an entity: a full name, a surname or title
//! for one named before, a description, or an organisation.

#[allow(unused_imports)]
use super::*;

impl<'a> Ctx<'a> {
    /// Turns a noun phrase into an entity, creating or merging as needed.
    pub(super) fn resolve_np(&mut self, np: &Np, sentence_subjects: &[Subject]) -> Option<u32> {
        let toks = self.np_words(np);
        if toks.is_empty() {
            return None;
        }
        let lowers: Vec<String> = toks.iter().map(|&i| self.lower_of(i)).collect();
        if toks.len() == 1 {
            if let Some(p) = lexicon::pronoun(&lowers[0]) {
                let e = self.resolve_pronoun(p, sentence_subjects, np.first);
                if let (Some(e), Pronoun::He | Pronoun::She) = (e, p) {
                    let span = self.name_behind(np.first);
                    self.note_mention(e, np.first, MentionRole::Plain, span);
                }
                return e;
            }
        }
        let det = lexicon::determiner(&lowers[0]);
        let name_start = self.name_start(&toks, &lowers);
        let name_toks = &toks[name_start..];
        let role_toks = &toks[..name_start];
        let role_lowers = &lowers[..name_start];
        let gender = role_lowers
            .iter()
            .find_map(|l| lexicon::title_gender(l.trim_end_matches('.')));
        let head = role_lowers
            .iter()
            .rev()
            .find(|l| lexicon::is_person_role(l) || lexicon::is_org_head(l))
            .cloned();
        let role_text = role_toks
            .iter()
            .filter(|&&i| lexicon::determiner(&self.lower_of(i)).is_none())
            .map(|&i| self.w_dotted(i))
            .collect::<Vec<_>>()
            .join(" ");
        let role = Some(role_text).filter(|r| !r.is_empty() && head.is_some());
        if !name_toks.is_empty() {
            return Some(self.resolve_name(name_toks, det, role, head, gender));
        }
        self.resolve_description(np, sentence_subjects, det, head?, role)
    }

    /// The words of a noun phrase that can name its speaker: without a
    /// generational suffix, and without an `of` phrase after a name.
    fn np_words(&self, np: &Np) -> Vec<usize> {
        let mut toks: Vec<usize> = (np.first..=np.last).filter(|&i| self.is_word(i)).collect();
        // `James Comey Jr.`: a generational suffix is not the surname.
        while toks.len() > 1 && lexicon::is_name_suffix(&self.lower_of(toks[toks.len() - 1])) {
            toks.pop();
        }
        // `Sen. Tom Carper of Delaware`, `Chris Low of FTN Financial`: the
        // person is the name before `of`; in `Secretary of Homeland Security
        // Jeh Johnson` the `of` belongs to the title.
        if let Some(of) = toks.iter().position(|&i| self.lower_of(i) == "of") {
            if of > 0 {
                let before = toks[of - 1];
                let x = self.lex(before);
                if self.cap(before)
                    && !x.is(lexicon::WordClass::TITLE
                        | lexicon::WordClass::PERSON_ROLE
                        | lexicon::WordClass::ORG_WORD
                        | lexicon::WordClass::ORG_HEAD)
                {
                    toks.truncate(of);
                }
            }
        }
        toks
    }

    /// Where the name starts among a phrase's words: the capitalised words
    /// after the last title or role word (`toks.len()` when there is none).
    fn name_start(&self, toks: &[usize], lowers: &[String]) -> usize {
        let mut name_start = toks.len();
        for k in (0..toks.len()).rev() {
            let i = toks[k];
            let l = &lowers[k];
            // `Commission on Harbour Safety`: a small word inside an
            // organisation's name.
            let inside_org = k > 0
                && matches!(l.as_str(), "on" | "for" | "and")
                && self.cap(toks[k - 1])
                && lowers.iter().any(|w| lexicon::is_org_word(w));
            if inside_org {
                name_start = k;
                continue;
            }
            if !self.cap(i)
                || ((lexicon::is_title_word(l) || lexicon::is_person_role(l))
                    && !self.role_word_is_surname(toks, lowers, k))
                || (lexicon::determiner(l).is_some()
                    && !(lexicon::is_initials(self.w(i)) && self.inner_period(i + 1)))
            {
                break;
            }
            name_start = k;
        }
        if name_start < toks.len() && name_start > 0 && lowers[name_start - 1] == "of" {
            name_start = self.name_start_after_of(toks, lowers, name_start);
        }
        name_start
    }

    /// Whether the last word of a phrase, a title or role word, is a
    /// surname there.
    fn role_word_is_surname(&self, toks: &[usize], lowers: &[String], k: usize) -> bool {
        let i = toks[k];
        // `Mr. King`, `Ms. Judge`: after an honorific, a title word is
        // the surname.
        let after_honorific = k > 0
            && k + 1 == toks.len()
            && lexicon::is_title_abbreviation(lowers[k - 1].trim_end_matches('.'));
        // `Sandy King`, `Mary Bishop`: after a first name, a role word
        // is a surname.
        let after_first_name = k > 0
            && k + 1 == toks.len()
            && self.cap(i)
            && self.cap(toks[k - 1])
            && (lexicon::first_name_gender(self.w(toks[k - 1])).is_some()
                || (self.lex(toks[k - 1]).class.is_empty()
                    && self.toks[toks[k - 1]].flags & ALLCAPS == 0));
        // `Baker said` after `Brian Baker`: a role word that is the
        // surname of someone the article has named.
        let known_surname = k + 1 == toks.len()
            && self.cap(i)
            && self.with_surname(&lowers[k]).iter().any(|&e| {
                let ent = &self.entities[e as usize];
                !ent.anonymous && ent.kind == EntityKind::Person && ent.name.contains(' ')
            });
        after_honorific || after_first_name || known_surname
    }

    /// `Secretary of Homeland Security Jeh Johnson`: after a title's `of`,
    /// the name starts at a known first name, else it is the last two
    /// words.
    fn name_start_after_of(&self, toks: &[usize], lowers: &[String], name_start: usize) -> usize {
        let rest = toks.len() - name_start;
        let titled = name_start >= 2 && {
            let b = lowers[name_start - 2].trim_end_matches('.');
            lexicon::is_title(b) || lexicon::is_person_role(b)
        };
        let first_name = (name_start..toks.len())
            .find(|&k| lexicon::first_name_gender(self.w(toks[k])).is_some() && k + 1 < toks.len());
        match first_name {
            _ if !titled => 0,
            Some(k) => k,
            None if rest > 2 => toks.len() - 2,
            None => name_start,
        }
    }

    /// The entity a phrase's name words stand for, of the kind they read
    /// as: an organisation, a person, or either.
    fn resolve_name(
        &mut self,
        name_toks: &[usize],
        det: Option<Definiteness>,
        role: Option<String>,
        head: Option<String>,
        gender: Option<Gender>,
    ) -> u32 {
        let words: Vec<String> = name_toks
            .iter()
            .map(|&i| {
                // `Roe's said` is `Roe has said`: the name is Roe.
                let w = display_word(strip_possessive(self.w(i)).0);
                // `Janet L. Moreau`: an initial keeps its period.
                if lexicon::is_initials(&w) || self.inner_period(i + 1) {
                    format!("{w}.")
                } else {
                    w
                }
            })
            .collect();
        let org = name_toks
            .iter()
            .any(|&i| lexicon::is_org_word(&self.lower_of(i)))
            || name_toks
                .last()
                .is_some_and(|&i| lexicon::is_group_plural(&self.lower_of(i)))
            || lexicon::is_place(&words.join(" ").to_lowercase())
            || (det == Some(Definiteness::Definite) && role.is_none());
        let person = !org
            && (words.len() >= 2
                || gender.is_some()
                || head.as_deref().is_some_and(lexicon::is_person_role));
        let kind = if org {
            EntityKind::Organization
        } else if person {
            EntityKind::Person
        } else {
            EntityKind::Unknown
        };
        self.named(words, kind, role, head, gender)
    }

    /// A description: `the official`, `a senior administration official`,
    /// or a document that speaks for its owner.
    fn resolve_description(
        &mut self,
        np: &Np,
        sentence_subjects: &[Subject],
        det: Option<Definiteness>,
        head: String,
        role: Option<String>,
    ) -> Option<u32> {
        // A document speaks for whoever owns it: `her statement said`, `the
        // union's letter said`.
        if lexicon::is_document(&head) {
            if let Some(owner) = self.document_owner(np, sentence_subjects) {
                return Some(owner);
            }
        }
        let desc = role?;
        let person = lexicon::is_person_role(&head);
        let found = match det {
            Some(Definiteness::Definite) => self.definite_description(&head, &desc, person),
            _ => self.repeated_description(&head, &desc),
        };
        Some(found.unwrap_or_else(|| self.push_description(desc, head, person)))
    }

    /// `the official`: the latest speaker with that head, else the person
    /// named in the sentence before (`Ivo Marek says … The veteran harbour
    /// master noted`), who takes the description.
    fn definite_description(&mut self, head: &str, desc: &str, person: bool) -> Option<u32> {
        if let Some(e) = self.recent_with_head(head) {
            self.note_description(e, desc);
            return Some(e);
        }
        if !person || is_plural_role(head) {
            return None;
        }
        let e = self.named_just_before(head)?;
        let ent = &mut self.entities[e as usize];
        if !ent.heads.iter().any(|h| h == head) {
            ent.heads.push(head.to_string());
        }
        if ent.role.is_none() {
            ent.role = Some(desc.to_string());
        }
        Some(e)
    }

    /// `a US official … a US official`: the same description again;
    /// `an arms control official` after `a State Department official` is
    /// someone else.
    fn repeated_description(&mut self, head: &str, desc: &str) -> Option<u32> {
        let e = self.anonymous_with_head(head)?;
        let mut described = self.entities[e as usize]
            .aliases
            .iter()
            .filter(|a| a.contains(' '))
            .peekable();
        let fits = described.peek().is_none()
            || described.any(|a| description_within(desc, a) || description_within(a, desc));
        if !fits {
            return None;
        }
        self.note_description(e, desc);
        Some(e)
    }

    /// A new speaker known only by a description (`senior port official`,
    /// `union`), with its head noun.
    pub(super) fn push_description(&mut self, desc: String, head: String, person: bool) -> u32 {
        let gender = lexicon::noun_gender(&head);
        self.push_entity(DocEntity {
            name: desc.clone(),
            kind: if person {
                EntityKind::Person
            } else {
                EntityKind::Organization
            },
            anonymous: true,
            role: None,
            heads: vec![head],
            gender,
            aliases: vec![desc],
        })
    }

    /// Who owns the document a noun phrase names: a possessive pronoun
    /// just before it, or a possessive name or description inside it.
    pub(super) fn document_owner(&mut self, np: &Np, sentence_subjects: &[Subject]) -> Option<u32> {
        if np.first > 0 && self.is_word(np.first - 1) {
            let p = match self.lower_of(np.first - 1).as_str() {
                "his" => Some(Pronoun::He),
                "her" => Some(Pronoun::She),
                "their" => Some(Pronoun::They),
                "its" => Some(Pronoun::It),
                _ => None,
            };
            if let Some(p) = p {
                return self.resolve_pronoun(p, sentence_subjects, np.first - 1);
            }
        }
        let poss =
            (np.first..np.last).find(|&k| self.is_word(k) && strip_possessive(self.w(k)).1)?;
        let start = (np.first..=poss)
            .find(|&k| !self.lex(k).is(lexicon::WordClass::DETERMINER))
            .unwrap_or(poss);
        let words: Vec<String> = (start..=poss)
            .filter(|&k| self.is_word(k))
            .map(|k| display_word(strip_possessive(self.w(k)).0))
            .collect();
        let last = words.last()?.to_lowercase();
        if self.cap(poss) {
            let org = words
                .iter()
                .any(|w| lexicon::is_org_word(&w.to_lowercase()));
            let kind = if org {
                EntityKind::Organization
            } else if words.len() >= 2 {
                EntityKind::Person
            } else {
                EntityKind::Unknown
            };
            return Some(self.named(words, kind, None, None, None));
        }
        if lexicon::is_person_role(&last) || lexicon::is_org_head(&last) {
            if let Some(e) = self.recent_with_head(&last) {
                return Some(e);
            }
            let person = lexicon::is_person_role(&last);
            return Some(self.push_description(words.join(" "), last, person));
        }
        None
    }

    pub(super) fn note_description(&mut self, e: u32, desc: &str) {
        let ent = &mut self.entities[e as usize];
        if ent.anonymous && desc.split(' ').count() > ent.name.split(' ').count() {
            ent.name = desc.to_string();
        }
        if !ent.aliases.iter().any(|a| a == desc) {
            ent.aliases.push(desc.to_string());
        }
    }

    pub(super) fn push_entity(&mut self, e: DocEntity) -> u32 {
        let idx = self.entities.len() as u32;
        // Two people speaking together (`Roe and Lee`) are found by neither
        // surname.
        if !e.name.contains(" and ") {
            let key = surname_key(&e.name);
            self.by_surname.entry(key).or_default().push(idx);
        }
        self.entities.push(e);
        idx
    }

    /// Entities whose name ends in this lowercase word, in order.
    pub(super) fn with_surname(&self, surname: &str) -> &[u32] {
        self.by_surname
            .get(surname)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The most recent speaker, else the most recently introduced person,
    /// described by this head noun.
    pub(super) fn recent_with_head(&self, head: &str) -> Option<u32> {
        let singular = head.trim_end_matches('s');
        let fits = |e: &u32| {
            self.entities[*e as usize]
                .heads
                .iter()
                .any(|h| h == head || h.trim_end_matches('s') == singular)
        };
        let spoke = self.salience.iter().rev().copied().find(fits);
        spoke.or_else(|| self.mentioned.iter().rev().copied().find(fits))
    }

    /// The one named person mentioned in the previous sentence, if their
    /// gender does not clash with the head noun's.
    pub(super) fn named_just_before(&self, head: &str) -> Option<u32> {
        let want = lexicon::noun_gender(head);
        let now = self.sentence_no;
        let mut found: Option<u32> = None;
        for m in self.mentions.iter().rev() {
            if now - m.sentence > 1 {
                break;
            }
            // In the same sentence an appositive names the person instead.
            if m.sentence == now {
                continue;
            }
            let ent = &self.entities[m.entity as usize];
            if ent.anonymous || ent.kind != EntityKind::Person {
                continue;
            }
            match found {
                Some(f) if f != m.entity => return None,
                _ => found = Some(m.entity),
            }
        }
        let e = found?;
        match (want, self.gender_of(e)) {
            (Some(w), Some(g)) if w != g => None,
            _ => Some(e),
        }
    }

    pub(super) fn anonymous_with_head(&self, head: &str) -> Option<u32> {
        self.salience.iter().rev().copied().find(|&e| {
            let ent = &self.entities[e as usize];
            ent.anonymous && ent.heads.iter().any(|h| h == head)
        })
    }

    /// Finds or creates the entity for a name, merging `Kelly`, `Mr Kelly`
    /// and `Ian Kelly`.
    pub(super) fn named(
        &mut self,
        words: Vec<String>,
        kind: EntityKind,
        role: Option<String>,
        head: Option<String>,
        gender: Option<Gender>,
    ) -> u32 {
        let name = words.join(" ");
        let key = name.to_lowercase();
        let surname = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
        let found = self
            .with_surname(&surname)
            .iter()
            .map(|&i| i as usize)
            .find(|&i| {
                let e = &self.entities[i];
                if e.anonymous {
                    return false;
                }
                let ek = e.name.to_lowercase();
                if ek == key {
                    return true;
                }
                if kind == EntityKind::Organization || e.kind == EntityKind::Organization {
                    return false;
                }
                let es = ek.rsplit(' ').next().unwrap_or("");
                // One is the other's surname.
                (words.len() == 1 && es == surname) || (!ek.contains(' ') && ek == surname)
            });
        let idx = match found {
            Some(i) => {
                let e = &mut self.entities[i];
                if words.len() > e.name.split(' ').count() {
                    e.name = name.clone();
                }
                if e.kind == EntityKind::Unknown {
                    e.kind = kind;
                }
                i as u32
            }
            None => self.push_entity(DocEntity {
                name: name.clone(),
                kind,
                anonymous: false,
                role: None,
                heads: Vec::new(),
                gender: None,
                aliases: Vec::new(),
            }),
        };
        let e = &mut self.entities[idx as usize];
        if !e.aliases.contains(&name) {
            e.aliases.push(name);
        }
        if let Some(r) = role {
            if e.role.as_ref().is_none_or(|old| r.len() > old.len()) {
                e.role = Some(r);
            }
            if e.kind == EntityKind::Unknown && head.as_deref().is_some_and(lexicon::is_person_role)
            {
                e.kind = EntityKind::Person;
            }
        }
        if let Some(h) = head {
            if !e.heads.contains(&h) {
                e.heads.push(h);
            }
        }
        if gender.is_some() {
            e.gender = gender;
            e.kind = EntityKind::Person;
        }
        idx
    }
}
