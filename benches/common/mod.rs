//! Inputs shared by the benchmarks: the bundled pair repeated and perturbed by
//! [`tandem::synth`], written out as text and read back as a user's files would be.

// Each benchmark is its own crate and uses only part of this module.
#![allow(dead_code)]
use tandem::load::{self, Format, LoadOptions};
use tandem::model::Transcript;
use tandem::{bundled, synth};

/// The perturbation seed, fixed so that every run measures the same documents.
pub const SEED: u64 = 7;

/// The official text and the other version, `copies` times the bundled pair, as file text.
pub fn pair_text(copies: usize) -> (String, String) {
    let official = synth::repeat_official(&bundled::official().expect("bundled"), copies);
    let other = synth::repeat_perturbed(&bundled::translation().expect("bundled"), copies, SEED);
    (
        synth::write(&official, Format::Labelled),
        synth::write(&other, Format::Bracketed),
    )
}

/// The official transcript, `copies` times over, written in `format`.
pub fn official_text(copies: usize, format: Format) -> String {
    let official = synth::repeat_official(&bundled::official().expect("bundled"), copies);
    synth::write(&official, format)
}

pub fn load(text: &str, name: &str) -> Transcript {
    load::load_bytes(text.as_bytes(), name, LoadOptions::default()).expect("synthetic text loads")
}
