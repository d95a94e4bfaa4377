//! How long each export format takes to write an aligned pair, against TSV's time.
//!
//! `cargo bench --bench export` loads and aligns the bundled pair repeated 100 times (or the
//! copies given, as `cargo bench --bench export -- 1000`) once, then writes it in every format
//! to a sink that drops the bytes, [`RUNS`] times per format, interleaved so that a busy
//! machine slows every format alike. It prints median times and each format's ratio to TSV,
//! and, as the command runs, alignment and writing together against TSV's: issue 21's target
//! for JSON (within 1.3× of TSV) is for the whole export. Loading is left out (it is the same
//! for every format and measured by `scale`).

mod common;

use std::time::{Duration, Instant};
use tandem::align;
use tandem::export::{self, ExportFormat, Pair};

const RUNS: usize = 5;

/// Issue 21: the default format within this factor of TSV's time.
const JSON_TARGET: f64 = 1.3;

fn main() {
    let copies = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100);
    let (official_text, other_text) = common::pair_text(copies);
    let official = common::load(&official_text, "official");
    let other = common::load(&other_text, "other");
    let start = Instant::now();
    let alignment = align::align(&official, &other, &[]);
    let aligning = start.elapsed();
    let pair = Pair {
        official: &official,
        other: &other,
        alignment: &alignment,
    };
    let mut times = vec![Vec::new(); ExportFormat::ALL.len()];
    for _ in 0..RUNS {
        for (format, runs) in ExportFormat::ALL.into_iter().zip(&mut times) {
            let start = Instant::now();
            let mut counted = Counted(0);
            export::write_to(&pair, format, false, &mut counted).expect("a sink cannot fail");
            runs.push((start.elapsed(), counted.0));
        }
    }
    let median = |runs: &[(Duration, usize)]| {
        let mut sorted: Vec<Duration> = runs.iter().map(|run| run.0).collect();
        sorted.sort();
        sorted[sorted.len() / 2]
    };
    let tsv = ExportFormat::ALL
        .iter()
        .position(|&format| format == ExportFormat::Tsv)
        .map_or(Duration::ZERO, |at| median(&times[at]));
    println!("Writing the bundled pair ×{copies}, medians of {RUNS} runs:\n");
    println!("Aligning took {:.0} ms.\n", aligning.as_secs_f64() * 1e3);
    println!(
        "| format | writing | output | against TSV | aligning + writing against TSV | target |"
    );
    println!("|---|---|---|---|---|---|");
    for (format, runs) in ExportFormat::ALL.into_iter().zip(&times) {
        let time = median(runs);
        let ratio = time.as_secs_f64() / tsv.as_secs_f64();
        let whole = (aligning + time).as_secs_f64() / (aligning + tsv).as_secs_f64();
        let target = if format == ExportFormat::Json {
            let met = if whole <= JSON_TARGET {
                "met"
            } else {
                "NOT met"
            };
            format!("within {JSON_TARGET}×: {met}")
        } else {
            String::new()
        };
        println!(
            "| {} | {:.0} ms | {:.1} MB | {ratio:.2}× | {whole:.2}× | {target} |",
            format.name(),
            time.as_secs_f64() * 1e3,
            runs[0].1 as f64 / 1e6,
        );
    }
}

/// A sink that counts the bytes written to it.
struct Counted(usize);

impl std::io::Write for Counted {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0 += bytes.len();
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
