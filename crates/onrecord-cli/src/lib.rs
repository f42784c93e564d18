//! The `onrecord` command line: `quotes`, `check`, `serve`, `eval` and
//! `bench-corpus`, their output formats, and the JSON records of the
//! stable contract. The work is the engine's; this crate reads arguments
//! and writes results.

pub mod cli;
pub mod eval;
pub mod output;
pub mod report;
