//! How load and alignment time and peak memory grow with document length.
//!
//! `cargo bench --bench scale` prints a table for the bundled pair repeated 1, 10, 100 and
//! 1000 times (the copies of the other version perturbed: sentences dropped, merged, split
//! and reworded, turns added), then one for each real pair of the corpus repeated 10, 100 and
//! 1000 times, perturbed in the same way. Times are medians of [`RUNS`] runs; peak memory is
//! the most heap in use at once while loading and aligning, counted by `common::Counting`.
//! Other sizes are given as arguments: `cargo bench --bench scale -- 10000`.

mod common;

use std::time::{Duration, Instant};
use tandem::align;

#[global_allocator]
static ALLOCATOR: common::Counting = common::Counting;

const RUNS: usize = 3;
const SIZES: [usize; 4] = [1, 10, 100, 1000];

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    // `cargo bench` passes `--bench`; arguments pick sizes, as `cargo bench -- 100 10000`.
    let wanted: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = || {
        if wanted.is_empty() {
            SIZES.to_vec()
        } else {
            wanted.clone()
        }
        .into_iter()
    };
    println!("The bundled pair (labelled / bracketed):\n");
    print_header();
    for copies in sizes() {
        let (official, other) = common::pair_text(copies);
        print_row(copies, &official, &other);
    }
    if !common::shared_corpus_present() {
        println!("\nThe corpus pairs skipped: ../shared/corpus is absent (CI has it).");
        return;
    }
    for pair in &common::CORPUS_PAIRS {
        println!("\n{}:\n", pair.name);
        print_header();
        for copies in sizes().filter(|&c| c > 1) {
            let (official, other) = common::corpus_pair_text(pair, copies);
            print_row(copies, &official, &other);
        }
    }
}

fn print_header() {
    println!(
        "| copies | official + other | load (median) | align (median) | load + align | peak heap |"
    );
    println!("|---:|---:|---:|---:|---:|---:|");
}

/// Loads and aligns the pair [`RUNS`] times and prints the medians and the peak heap.
fn print_row(copies: usize, official_text: &str, other_text: &str) {
    let (mut loads, mut aligns) = (Vec::new(), Vec::new());
    let mut peak = 0;
    for _ in 0..RUNS {
        let ((), heap) = common::peak_heap_of(|| {
            let start = Instant::now();
            let (official, other) = tandem::parallel::join(
                || common::load(official_text, "official"),
                || common::load(other_text, "other"),
            );
            let loaded = Instant::now();
            let alignment = align::align(&official, &other, &[]);
            aligns.push(loaded.elapsed());
            loads.push(loaded - start);
            drop(std::hint::black_box(alignment));
        });
        peak = peak.max(heap);
    }
    let megabytes = |bytes: usize| bytes as f64 / 1e6;
    let (load, align) = (median(loads), median(aligns));
    println!(
        "| {copies}× | {:.2} MB | {:.0} ms | {:.0} ms | {:.0} ms | {:.0} MB |",
        megabytes(official_text.len() + other_text.len()),
        load.as_secs_f64() * 1e3,
        align.as_secs_f64() * 1e3,
        (load + align).as_secs_f64() * 1e3,
        megabytes(peak),
    );
}
