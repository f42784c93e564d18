//! Maintainer tools that measure the engine against annotated news:
//! `onrecord eval accuracy` (extraction and attribution) and
//! `onrecord eval roundtrip` (the checker on drafts quoting real
//! quotations). Annotations are brat standoff, read from a folder outside
//! the repository; nothing here is used by the checker or the server.

pub mod accuracy;
pub mod brat;
pub mod roundtrip;

/// `a / b`, or 0 when there is nothing to divide by.
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}
