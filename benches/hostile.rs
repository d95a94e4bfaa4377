//! Degenerate shapes at scale, the ones `tests/hostile_inputs.rs` checks for correctness:
//! how long they take, measured here rather than asserted in tests.
//!
//! `cargo bench --bench hostile`. Each input is built once, before the measurements.

use divan::Bencher;
use tandem::align;
use tandem::load::{self, LoadOptions};
use tandem::model::Transcript;

fn main() {
    divan::main();
}

fn load(text: &str) -> Transcript {
    load::load_bytes(text.as_bytes(), "hostile", LoadOptions::default()).expect("loads")
}

/// `ALICE: word1` / `BOB: word2` ... : a turn on every line.
fn one_word_turns(count: usize) -> String {
    (0..count)
        .map(|i| {
            let speaker = if i % 2 == 0 { "ALICE" } else { "BOB" };
            format!("{speaker}: word{}\n", i % 1000)
        })
        .collect()
}

/// Two thousand turns among a thousand speakers, `SPEAKER AAA` to `SPEAKER LMB`.
fn thousand_speakers() -> String {
    let letter = |n: usize| char::from(b'A' + (n % 26) as u8);
    (0..2000)
        .map(|i| {
            let n = i % 1000;
            let label = format!("SPEAKER {}{}{}", letter(n), letter(n / 26), letter(n / 676));
            format!("{label}: Sentence number {i}.\n")
        })
        .collect()
}

#[divan::bench(sample_count = 5)]
fn load_a_million_one_word_turns(bencher: Bencher) {
    let text = one_word_turns(1_000_000);
    bencher.bench(|| load(&text));
}

#[divan::bench(args = [20_000, 100_000], sample_count = 5)]
fn align_one_word_turns_with_themselves(bencher: Bencher, turns: usize) {
    let transcript = load(&one_word_turns(turns));
    bencher.bench(|| align::align(&transcript, &transcript, &[]));
}

#[divan::bench(sample_count = 5)]
fn load_and_align_a_thousand_speakers(bencher: Bencher) {
    let text = thousand_speakers();
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
