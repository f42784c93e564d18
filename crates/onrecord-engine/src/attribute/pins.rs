//! A user's corrections from an article's sidecar, applied after
//! attribution.

#[allow(unused_imports)]
use super::*;

/// Applies a user's pinned speakers: each quotation whose words contain a
/// pin's words (case and spacing aside) takes the pinned name.
pub fn apply_pins(
    text: &str,
    ex: &Extraction,
    attribution: &mut Attribution,
    pins: &[crate::corpus::SpeakerPin],
) {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    for pin in pins {
        let want = norm(&pin.quote);
        let words: Vec<String> = pin.name.split_whitespace().map(str::to_string).collect();
        if want.is_empty() || words.is_empty() {
            continue;
        }
        let kind = if words.len() >= 2 {
            EntityKind::Person
        } else {
            EntityKind::Unknown
        };
        let mut entity = None;
        for (qi, q) in ex.quotes.iter().enumerate() {
            if !norm(&q.text(text)).contains(&want) {
                continue;
            }
            let e = *entity.get_or_insert_with(|| {
                let key = pin.name.to_lowercase();
                attribution
                    .entities
                    .iter()
                    .position(|e| !e.anonymous && e.name.to_lowercase() == key)
                    .map(|i| i as u32)
                    .unwrap_or_else(|| {
                        attribution.entities.push(DocEntity {
                            name: words.join(" "),
                            kind,
                            anonymous: false,
                            role: None,
                            heads: Vec::new(),
                            gender: None,
                            aliases: vec![pin.name.clone()],
                        });
                        (attribution.entities.len() - 1) as u32
                    })
            });
            attribution.speakers[qi] = Some(Speaker {
                who: e,
                mention: None,
                cue: None,
                via: Via::Pinned,
                confidence: Confidence::Certain,
                antecedent: None,
            });
            if let Some(a) = attribution.attributed.get_mut(qi) {
                *a = true;
            }
        }
    }
}
