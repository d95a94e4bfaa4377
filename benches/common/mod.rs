//! Inputs shared by the benchmarks: the bundled pair and pairs from the corpus, repeated and
//! perturbed by [`tandem::synth`], written out as text and read back as a user's files would be.

// Each benchmark is its own crate and uses only part of this module.
#![allow(dead_code)]
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use tandem::load::{self, Format, LoadOptions};
use tandem::model::Transcript;
use tandem::{bundled, synth};

/// The perturbation seed, fixed so that every run measures the same documents.
pub const SEED: u64 = 7;

/// The official text and the other version, `copies` times the bundled pair, as file text.
pub fn pair_text(copies: usize) -> (String, String) {
    let official = synth::repeat_official(&bundled::official().expect("bundled"), copies);
    let other = synth::repeat_perturbed(&bundled::other().expect("bundled"), copies, SEED);
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

/// A real pair from the shared corpus (`../shared/corpus/` beside the checkout), each side
/// written back in its own format once repeated.
pub struct CorpusPair {
    pub name: &'static str,
    pub official: (&'static str, Format),
    pub other: (&'static str, Format),
}

/// Two publications of one press conference, two releases of one podcast episode (time stamps
/// shifted), an episode's subtitles beside its web page, and a long briefing beside itself (the
/// perturbation alone makes the two differ).
pub const CORPUS_PAIRS: [CorpusPair; 4] = [
    CorpusPair {
        name: "Harris–Duda, original / corrected",
        official: (
            "whitehouse/wh_2022-03-10_harris-duda_joint-press-conference_ORIGINAL.md",
            Format::Labelled,
        ),
        other: (
            "whitehouse/wh_2022-03-10_harris-duda_joint-press-conference_CORRECTED.md",
            Format::Labelled,
        ),
    },
    CorpusPair {
        name: "Bookbytes 33, v2 / v3",
        official: ("podcast/bookbytes-033_v2_4405e25.txt", Format::Timestamped),
        other: (
            "podcast/bookbytes-033_v3_c43f201_timestamps-shifted.txt",
            Format::Timestamped,
        ),
    },
    CorpusPair {
        name: "10 things, SubRip / HTML",
        official: (
            "podcast/podcastindex_buzzsprout-10-things_example.srt",
            Format::Srt,
        ),
        other: (
            "podcast/podcastindex_buzzsprout-10-things_example.html",
            Format::Html,
        ),
    },
    CorpusPair {
        name: "press briefing / itself",
        official: (
            "whitehouse/wh_2023-12-04_press-briefing_jean-pierre-sullivan_QA.md",
            Format::Labelled,
        ),
        other: (
            "whitehouse/wh_2023-12-04_press-briefing_jean-pierre-sullivan_QA.md",
            Format::Labelled,
        ),
    },
];

/// Whether the shared corpus is beside the checkout, where the corpus pairs are read.
pub fn shared_corpus_present() -> bool {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .is_dir()
}

/// Both sides of a corpus pair, `copies` times over, as file text.
pub fn corpus_pair_text(pair: &CorpusPair, copies: usize) -> (String, String) {
    let read = |file: &str| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/corpus")
            .join(file);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        load::load_bytes(&bytes, file, LoadOptions::default()).expect("corpus file loads")
    };
    let official = synth::repeat_official(&read(pair.official.0), copies);
    let other = synth::repeat_perturbed(&read(pair.other.0), copies, SEED);
    (
        synth::write(&official, pair.official.1),
        synth::write(&other, pair.other.1),
    )
}

pub fn load(text: &str, name: &str) -> Transcript {
    load::load_bytes(text.as_bytes(), name, LoadOptions::default()).expect("synthetic text loads")
}

/// The system allocator, counting the bytes in use and the most ever in use; a benchmark that
/// measures peak heap installs it with `#[global_allocator]`.
pub struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: the caller's layout is passed on unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

/// The heap in use now, in bytes, with [`Counting`] installed.
pub fn heap_in_use() -> usize {
    IN_USE.load(Ordering::Relaxed)
}

/// The most heap in use at once while `work` ran, above what was in use when it started.
pub fn peak_heap_of<T>(work: impl FnOnce() -> T) -> (T, usize) {
    let before = heap_in_use();
    PEAK.store(before, Ordering::Relaxed);
    let result = work();
    (result, PEAK.load(Ordering::Relaxed) - before)
}
