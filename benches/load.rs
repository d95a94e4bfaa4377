//! Load throughput per format, against a line count over the same bytes.
//!
//! `cargo bench --bench load`. Each format holds the bundled official transcript repeated
//! [`COPIES`] times (about 3.6 MB as labelled text). The `line_count` rows are the
//! near-physical reference: tandem's load time is reported as a ratio to them.

mod common;

use divan::Bencher;
use divan::counter::BytesCount;
use tandem::load::Format;

const COPIES: usize = 100;

fn main() {
    divan::main();
}

#[divan::bench(args = Format::ALL, sample_count = 10)]
fn load(bencher: Bencher, format: Format) {
    let text = common::official_text(COPIES, format);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| common::load(&text, "bench"));
}

#[divan::bench(args = Format::ALL, sample_count = 10)]
fn line_count(bencher: Bencher, format: Format) {
    let text = common::official_text(COPIES, format);
    bencher.counter(BytesCount::of_str(&text)).bench(|| {
        divan::black_box(text.as_bytes())
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
    });
}
