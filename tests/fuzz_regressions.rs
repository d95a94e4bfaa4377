//! Inputs the fuzzer found crashing or hanging tandem, kept under `tests/fuzz-regressions/`,
//! one folder per fuzz target: each runs through the same check as its target (the checks live
//! in `fuzz/src/lib.rs` and are included here), so a fixed crash stays fixed. How long the
//! slow ones take is measured by `cargo bench --bench hostile`, not asserted here: a debug
//! build on a loaded machine times nothing reliably, and a true hang still stops CI.

#[path = "../fuzz/src/lib.rs"]
mod checks;

use std::path::Path;

/// A fuzz target's check: panics on a finding.
type Check = fn(&[u8]);

/// Each fuzz target by name, as its folder of saved inputs is named.
const TARGETS: [(&str, Check); 7] = [
    ("decode_detect", checks::decode_detect),
    ("forced_format", checks::forced_format),
    ("sentences", checks::sentences),
    ("align", checks::align),
    ("export", checks::export),
    ("render", checks::render),
    ("shaped", checks::shaped),
];

#[test]
fn every_saved_input_passes_its_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut ran = 0;
    for folder in std::fs::read_dir(&root).unwrap() {
        let folder = folder.unwrap().path();
        let name = folder.file_name().unwrap().to_string_lossy().into_owned();
        let Some(&(_, check)) = TARGETS.iter().find(|(target, _)| *target == name) else {
            panic!("{}: no fuzz target of that name", folder.display());
        };
        for input in std::fs::read_dir(&folder).unwrap() {
            let input = input.unwrap().path();
            let bytes = std::fs::read(&input).unwrap();
            check(&bytes);
            ran += 1;
        }
    }
    assert!(ran > 0, "no saved inputs under {}", root.display());
}
