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

// The fuzz targets' checks; this benchmark uses one of them.
#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod checks;

/// A `shaped` input fuzzing has kept (`tests/fuzz-regressions/shaped/NAME`), loaded, checked
/// and aligned as the target does.
fn saved_shaped_input(bencher: Bencher, name: &str) {
    let path = format!(
        "{}/tests/fuzz-regressions/shaped/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(path).expect("the saved input is in the repository");
    bencher.bench(|| checks::shaped(&bytes));
}

/// Two 64 KB files: one long unpunctuated turn against one cue of thousands of one-word
/// sentences.
#[divan::bench(sample_count = 5)]
fn a_long_turn_against_one_word_sentences(bencher: Bencher) {
    saved_shaped_input(bencher, "second-look-slow-on-long-sentences");
}

/// One 64 KB file against itself: 256 one-word turns, then one 61 KB line of about 2,000
/// short sentences in four scripts, which the second look realigns as one stretch (fuzz round
/// 6, stop 27: 1.26 s for the release binary's TSV export).
#[divan::bench(sample_count = 5)]
fn one_long_line_in_four_scripts(bencher: Bencher) {
    saved_shaped_input(bencher, "second-look-slow-on-one-long-line-in-four-scripts");
}

/// One 64 KB turn of a few words in many orders against 4,097 one-word turns (fuzz round 8,
/// stop 29): the second look's path keeps to the band's edge, having nothing to pair, and
/// the band was widened to the whole table, 2.6 s in release; its widening is now bounded
/// (0.21 s).
#[divan::bench(sample_count = 5)]
fn a_turn_against_thousands_of_one_word_turns(bencher: Bencher) {
    saved_shaped_input(
        bencher,
        "band-widened-to-the-whole-table-for-nothing-to-pair",
    );
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

/// One long sentence per side, in one language, the two mostly different: auto-captions
/// merged into one sentence look like this. Before the word diff had a deadline, 40,000 words
/// took 26 s to export and 200,000 did not finish in 100 s.
fn long_different_sentence(words: usize, seed: u64) -> String {
    let mut state = seed;
    let text: Vec<String> = (0..words)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let word = (state >> 33) % 5_000;
            if word.is_multiple_of(20) {
                format!("Name{word}")
            } else {
                format!("word{word}")
            }
        })
        .collect();
    format!("SPEAKER: {}.\n", text.join(" "))
}

#[divan::bench(args = [40_000, 200_000], sample_count = 3)]
fn align_and_export_long_different_sentences(bencher: Bencher, words: usize) {
    let official = load(&long_different_sentence(words, 1));
    let other = load(&long_different_sentence(words, 2));
    bencher.bench(|| {
        let alignment = align::align(&official, &other, &[]);
        tandem::export::write(
            &tandem::export::Aligned::new(tandem::model::Pair::new(&official, &other), &alignment),
            tandem::export::ExportFormat::Json,
        )
    });
}
