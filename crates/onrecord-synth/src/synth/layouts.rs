//! Whole articles in each layout: wire copy, a blog post, an HTML page.

#[allow(unused_imports)]
use super::*;

impl<'a> Art<'a> {
    /// The index of the last word of an event key phrase (its modifier
    /// and head noun) in `w`, at least four words past the opening aside.
    pub(super) fn key_word_at(&self, w: &[String], lead: usize) -> Option<usize> {
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

    pub(super) fn unique_statement(&mut self) -> String {
        make_statement(&mut self.r, self.ev)
    }

    pub(super) fn filler_para(&mut self) -> String {
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

    pub(super) fn headline(&mut self) -> String {
        let t = self.r.pick(HEADLINES);
        cap_first(&self.fill(t))
    }

    pub(super) fn body_paras(&mut self, count: usize) {
        for _ in 0..count {
            if self.r.chance(55) {
                self.quote_paras();
            } else {
                let f = self.filler_para();
                self.paras.push(Para::Text(f));
            }
        }
    }

    pub(super) fn author(&mut self) -> String {
        let female = self.r.chance(50);
        let first = self.r.pick(if female { FEMALE } else { MALE });
        format!("{first} {}", surname(&mut self.r))
    }

    pub(super) fn write(self) -> String {
        match self.kind {
            ArticleKind::Wire => self.wire(),
            ArticleKind::Blog => self.blog(),
            _ => self.html(),
        }
    }

    pub(super) fn lead(&mut self, credit: bool) -> String {
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

    pub(super) fn wire(mut self) -> String {
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

    pub(super) fn blog_blocks(&mut self) {
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

    pub(super) fn blog(mut self) -> String {
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

    pub(super) fn html(mut self) -> String {
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
