//! How long each export format takes to write an aligned pair, against TSV's time.
//!
//! `cargo bench --bench export` loads and aligns the bundled pair repeated 100 times (or the
//! copies given, as `cargo bench --bench export -- 1000`) once, then writes it in every format
//! to a sink that drops the bytes, [`RUNS`] times per format, interleaved so that a busy
//! machine slows every format alike. It prints median times and each format's ratio to TSV,
//! and, as the command runs, alignment and writing together against TSV's: issue 21's target
//! for JSON (within 1.3× of TSV) is for the whole export. Loading is left out (it is the same
//! for every format and measured by `scale`).
//!
//! It also counts the heap: the most in use at once while loading and aligning, and while
//! writing above the aligned pair (exports stream their rows, so this is small). Issue 21's
//! target is the whole run within 4× the pair's size wherever the alignment itself allows.

mod common;

use std::time::{Duration, Instant};
use tandem::align;
use tandem::export::{self, Aligned, ExportFormat};
use tandem::model::Pair;

const RUNS: usize = 5;

#[global_allocator]
static ALLOCATOR: common::Counting = common::Counting;

/// Issue 21: peak heap within this factor of the pair's size, where the alignment allows.
const MEMORY_TARGET: f64 = 4.0;

/// Issue 21: the default format within this factor of TSV's time.
const JSON_TARGET: f64 = 1.3;

fn main() {
    let copies = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100);
    let (official_text, other_text) = common::pair_text(copies);
    let pair_bytes = official_text.len() + other_text.len();
    let ((official, other, alignment, aligning), aligning_heap) = common::peak_heap_of(|| {
        let official = common::load(&official_text, "official");
        let other = common::load(&other_text, "other");
        let start = Instant::now();
        let alignment = align::align(&official, &other, &[]);
        (official, other, alignment, start.elapsed())
    });
    // What the aligned pair holds, without the texts this benchmark keeps.
    let aligned = common::heap_in_use() - official_text.capacity() - other_text.capacity();
    let pair = Aligned::new(Pair::new(&official, &other), &alignment);
    let (times, heaps) = write_every_format(&pair);
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
    let megabytes = |bytes: usize| bytes as f64 / 1e6;
    println!(
        "Aligning took {:.0} ms. The pair is {:.1} MB; loading and aligning it took at most \
         {:.0} MB of heap at once ({:.1}×), and the aligned pair holds {:.0} MB.\n",
        aligning.as_secs_f64() * 1e3,
        megabytes(pair_bytes),
        megabytes(aligning_heap),
        aligning_heap as f64 / pair_bytes as f64,
        megabytes(aligned),
    );
    println!(
        "| format | writing | output | against TSV | aligning + writing against TSV | target | \
         heap while writing | peak heap / pair | target |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for ((format, runs), &heap) in ExportFormat::ALL.into_iter().zip(&times).zip(&heaps) {
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
        let peak = aligning_heap.max(aligned + heap) as f64 / pair_bytes as f64;
        let memory = if peak <= MEMORY_TARGET {
            "met"
        } else if aligning_heap.max(aligned) as f64 / pair_bytes as f64 > MEMORY_TARGET {
            "NOT met: the alignment alone is over"
        } else {
            "NOT met"
        };
        println!(
            "| {} | {:.0} ms | {:.1} MB | {ratio:.2}× | {whole:.2}× | {target} | {:.1} MB | \
             {peak:.1}× | within {MEMORY_TARGET}×: {memory} |",
            format.name(),
            time.as_secs_f64() * 1e3,
            runs[0].1 as f64 / 1e6,
            megabytes(heap),
        );
    }
}

/// Each format written [`RUNS`] times, interleaved: per format, each run's time and output
/// size, and the most heap a run took above what it was given.
fn write_every_format(pair: &Aligned) -> (Vec<Vec<(Duration, usize)>>, Vec<usize>) {
    let mut times = vec![Vec::new(); ExportFormat::ALL.len()];
    let mut heaps = vec![0; ExportFormat::ALL.len()];
    for _ in 0..RUNS {
        for ((format, runs), heap) in ExportFormat::ALL
            .into_iter()
            .zip(&mut times)
            .zip(&mut heaps)
        {
            let start = Instant::now();
            let mut counted = Counted(0);
            let (written, writing_heap) =
                common::peak_heap_of(|| export::write_to(pair, format, false, &mut counted));
            written.expect("a sink cannot fail");
            runs.push((start.elapsed(), counted.0));
            *heap = (*heap).max(writing_heap);
        }
    }
    (times, heaps)
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
