//! Degenerate shapes at scale, the ones `tests/hostile_inputs.rs` checks for correctness:
//! how long they take, measured here rather than asserted in tests.
//!
//! `cargo bench --bench hostile`. Each input is built once, before the measurements.

use divan::Bencher;
use tandem::load::{self, LoadOptions};
use tandem::model::Transcript;
use tandem::{align, synth};

fn main() {
    divan::main();
}

fn load(text: &str) -> Transcript {
    load::load_bytes(text.as_bytes(), "hostile", LoadOptions::default()).expect("loads")
}

#[divan::bench(sample_count = 5)]
fn load_a_million_one_word_turns(bencher: Bencher) {
    let text = synth::one_word_turns(1_000_000);
    bencher.bench(|| load(&text));
}

#[divan::bench(args = [20_000, 100_000], sample_count = 5)]
fn align_one_word_turns_with_themselves(bencher: Bencher, turns: usize) {
    let transcript = load(&synth::one_word_turns(turns));
    bencher.bench(|| align::align(&transcript, &transcript, &[]));
}

#[divan::bench(args = [1_000, 10_000], sample_count = 5)]
fn load_and_align_many_speakers(bencher: Bencher, speakers: usize) {
    let text = synth::many_speakers(speakers, 2 * speakers);
    bencher.bench(|| {
        let transcript = load(&text);
        align::align(&transcript, &transcript, &[])
    });
}

#[divan::bench(sample_count = 5)]
fn load_a_ten_megabyte_line(bencher: Bencher) {
    let text = format!("MODERATOR: {}\n", "word ".repeat(2_000_000));
    bencher.bench(|| load(&text));
}
