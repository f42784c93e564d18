//! Generated inputs for measuring onrecord: realistic synthetic corpora
//! for the benchmarks (`synth`) and crafted adversarial files for the
//! growth tests (`crafted`). Not part of the shipped program.

pub mod crafted;
pub mod synth;
