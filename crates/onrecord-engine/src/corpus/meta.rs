//! What an article says of itself: headline, byline, date and outlet, from
//! front matter, a sidecar, HTML meta tags or the text's own credits.

#[allow(unused_imports)]
use super::*;

impl Meta {
    /// Fills the fields this one lacks.
    pub(super) fn merge(&mut self, other: Meta) {
        macro_rules! fill {
            ($($f:ident),*) => { $( if self.$f.is_none() { self.$f = other.$f; } )* };
        }
        fill!(title, outlet, author, date, url, wire, dateline);
    }

    /// Takes every field the other one has.
    pub(super) fn merge_over(&mut self, other: Meta) {
        macro_rules! take {
            ($($f:ident),*) => { $( if other.$f.is_some() { self.$f = other.$f; } )* };
        }
        take!(title, outlet, author, date, url, wire, dateline);
        if !other.pins.is_empty() {
            self.pins = other.pins;
        }
    }
}

pub(super) fn meta_from_pairs(pairs: impl Iterator<Item = (String, String)>) -> Meta {
    let mut m = Meta::default();
    for (k, v) in pairs {
        let v = Some(v.trim().to_string()).filter(|v| !v.is_empty());
        match k.to_ascii_lowercase().as_str() {
            "title" => m.title = v,
            "outlet" | "publication" | "publisher" | "site" | "source" => m.outlet = v,
            "author" | "byline" | "by" => m.author = v,
            "date" | "published" => m.date = v,
            "url" | "link" | "canonical" => m.url = v,
            _ => {}
        }
    }
    m
}

pub(super) fn toml_pairs(table: &toml::Table) -> Vec<(String, String)> {
    table
        .iter()
        .filter_map(|(k, v)| {
            let s = match v {
                toml::Value::String(s) => s.clone(),
                toml::Value::Datetime(d) => d.to_string(),
                toml::Value::Integer(i) => i.to_string(),
                toml::Value::Array(a) => a
                    .iter()
                    .filter_map(|x| x.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => return None,
            };
            Some((k.clone(), s))
        })
        .collect()
}

/// Reads a `<file>.meta.toml` sidecar.
pub fn parse_toml_meta(s: &str) -> Result<Meta, String> {
    let table: toml::Table = s
        .parse()
        .map_err(|e: toml::de::Error| one_line(&e.to_string()))?;
    let mut meta = meta_from_pairs(toml_pairs(&table).into_iter());
    if let Some(pins) = table.get("speaker") {
        let toml::Value::Array(pins) = pins else {
            return Err("`speaker` must be an array of tables: [[speaker]]".into());
        };
        for (i, pin) in pins.iter().enumerate() {
            let field = |k: &str| pin.get(k).and_then(toml::Value::as_str).map(str::trim);
            match (field("quote"), field("name")) {
                (Some(q), Some(n)) if !q.is_empty() && !n.is_empty() => {
                    meta.pins.push(SpeakerPin {
                        quote: q.to_string(),
                        name: n.to_string(),
                    });
                }
                _ => {
                    return Err(format!(
                        "[[speaker]] number {} needs `quote` (words of the quotation) and `name`",
                        i + 1
                    ))
                }
            }
        }
    }
    Ok(meta)
}

pub(super) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) enum FrontMatter {
    Yaml(String),
    Toml(String),
}

pub(super) fn parse_front_matter(front: &FrontMatter) -> Result<Meta, String> {
    match front {
        FrontMatter::Toml(s) => parse_toml_meta(s),
        FrontMatter::Yaml(s) => {
            let docs =
                yaml_rust2::YamlLoader::load_from_str(s).map_err(|e| one_line(&e.to_string()))?;
            let Some(yaml_rust2::Yaml::Hash(h)) = docs.into_iter().next() else {
                return Ok(Meta::default());
            };
            let pairs = h.into_iter().filter_map(|(k, v)| {
                let k = k.as_str()?.to_string();
                let v = match v {
                    yaml_rust2::Yaml::String(s) | yaml_rust2::Yaml::Real(s) => s,
                    yaml_rust2::Yaml::Integer(i) => i.to_string(),
                    yaml_rust2::Yaml::Array(a) => a
                        .iter()
                        .filter_map(|x| x.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    _ => return None,
                };
                Some((k, v))
            });
            Ok(meta_from_pairs(pairs))
        }
    }
}

/// Finds the title, byline and wire credit in the article's opening lines.
pub(super) fn find_credits(text: &str, format: Format, meta: &mut Meta) {
    use std::sync::OnceLock;
    static BYLINE: OnceLock<regex::Regex> = OnceLock::new();
    static CREDIT: OnceLock<regex::Regex> = OnceLock::new();
    let byline = BYLINE.get_or_init(|| {
        regex::Regex::new(
            r"^(?:[Bb][Yy]|Written by|Words by)[:\s]+((?:\p{Lu}[\p{L}.'’-]*\s?){1,4})\s*$",
        )
        .expect("byline pattern")
    });
    let credit = CREDIT.get_or_init(|| {
        regex::Regex::new(r"(\p{Lu}{2,}(?:[ ,]+\p{Lu}{2,})*)\s*\(([\p{L}.]{2,20})\)\s*[—–-]")
            .expect("wire credit pattern")
    });
    let head_len = text
        .char_indices()
        .nth(6000)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let head = &text[..head_len];
    let mut first_line = None;
    let mut heading = None;
    for line in head.lines().take(60) {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if first_line.is_none() {
            first_line = Some(t.to_string());
        }
        if format == Format::Markdown && heading.is_none() {
            if let Some(h) = t.strip_prefix("# ") {
                heading = Some(h.trim().to_string());
            }
        }
        if meta.author.is_none() && t.len() < 80 {
            if let Some(c) = byline.captures(t) {
                meta.author = Some(c[1].trim().to_string());
            }
        }
        if meta.wire.is_none() {
            if let Some(c) = credit.captures(t) {
                meta.dateline = Some(c[1].trim().to_string());
                meta.wire = Some(c[2].to_string());
            }
        }
    }
    if meta.title.is_none() {
        meta.title = heading.or(first_line);
    }
}
