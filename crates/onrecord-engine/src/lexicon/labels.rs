//! Transcript labels that are not speakers (`QUESTION:`), and first-person
//! words.

#[allow(unused_imports)]
use super::*;

/// Transcript labels for whoever asks the questions.
pub(super) const QUESTIONER_LABELS: &[&str] = &[
    "q",
    "question",
    "questioner",
    "reporter",
    "journalist",
    "interviewer",
    "audience",
    "participant",
    "press",
];
word_set!(is_questioner_label, QUESTIONER);

/// Labels that look like speaker labels but are not (`NOTE:`, `UPDATE:`).
pub(super) const NOT_LABELS: &[&str] = &[
    "note",
    "update",
    "updated",
    "editor's note",
    "editors note",
    "correction",
    "photo",
    "video",
    "related",
    "read more",
    "watch",
    "source",
    "sources",
    "see also",
    "tags",
    "tag",
    "posted",
    "filed",
    "subject",
    "from",
    "to",
    "date",
    "sent",
    "cc",
    "re",
    "fwd",
    "ps",
    "p.s",
    "warning",
    "disclaimer",
    "caption",
    "credit",
    "image",
    "advertisement",
    "share",
    "contact",
    "email",
    "phone",
    "tel",
    "fax",
    "web",
    "url",
    "link",
    "links",
    "title",
    "author",
    "by",
    "outlet",
    "summary",
    "abstract",
    "keywords",
    "category",
    "categories",
    "location",
    "time",
    "when",
    "where",
    "what",
    "why",
    "how",
    "who",
    "example",
    "answer",
    "a",
    "step",
    "part",
    "chapter",
    "section",
    "table",
    "figure",
    "price",
    "change",
    "total",
];
word_set!(is_not_label, NOT_LABEL);

/// Words that mark the first person outside a quotation, used to tell a
/// quoted post from the reporter's own prose.
pub(super) const FIRST_PERSON: &[&str] =
    &["i", "we", "our", "us", "my", "me", "ours", "i'm", "we're"];
word_set!(is_first_person, FIRST_PERSON_WORD);
