//! Maintainer tools that measure the engine against annotated news:
//! `onrecord eval accuracy` (extraction and attribution) and
//! `onrecord eval roundtrip` (the checker on drafts quoting real
//! quotations). Annotations are brat standoff, read from a folder outside
//! the repository; nothing here is used by the checker or the server.

pub mod accuracy;
pub mod brat;
pub mod roundtrip;
