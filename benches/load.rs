//! Load throughput per format, against two line counts over the same bytes.
//!
//! `cargo bench --bench load`. Each format holds the bundled official transcript repeated
//! [`COPIES`] times (about 3.6 MB as labelled text). The `line_count` rows count line ends a
//! byte at a time (a loop the compiler vectorises, as fast as a whole `wc -l` run on these
//! files): tandem's load time is reported as a ratio to them. The `memchr_count` rows are the
//! memchr crate's line count, the physical limit of reading the bytes at all.

mod common;

use divan::Bencher;
use divan::counter::BytesCount;
use tandem::load::Format;

const COPIES: usize = 100;

fn main() {
    divan::main();
}

#[divan::bench(args = Format::ALL, sample_count = 30)]
fn load(bencher: Bencher, format: Format) {
    let text = common::official_text(COPIES, format);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| common::load(&text, "bench"));
}

#[divan::bench(args = Format::ALL, sample_count = 30)]
fn memchr_count(bencher: Bencher, format: Format) {
    let text = common::official_text(COPIES, format);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| memchr::memchr_iter(b'\n', divan::black_box(text.as_bytes())).count());
}

#[divan::bench(args = Format::ALL, sample_count = 30)]
fn line_count(bencher: Bencher, format: Format) {
    let text = common::official_text(COPIES, format);
    bencher.counter(BytesCount::of_str(&text)).bench(|| {
        divan::black_box(text.as_bytes())
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
    });
}
