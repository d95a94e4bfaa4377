//! The aligner against gold sentence alignments made by hand, by reading both versions of real
//! pairs from the shared corpus (tests/gold/*.tsv say what each covers and how it was made).

mod common;

/// The aim for every gold (issue 17).
const TARGET: f64 = 0.95;

/// Aligns `official` with `other` (paths under the repository) and checks the links against the
/// gold at `gold`, in the sentences it covers: F1 at least `floor`, which is [`TARGET`] where
/// the aligner reaches it and otherwise what it reached, so that it cannot slip back unseen.
fn check_against_gold(test: &str, gold: &str, (official, other): (&str, &str), floor: f64) {
    if !common::shared_corpus(test) {
        return;
    }
    let (a, b) = (common::load(official), common::load(other));
    let gold = common::read_text_gold(gold, &a, &b);
    let alignment = tandem::align::align(&a, &b, &[]);
    let (precision, recall, f1) = common::scores(
        &common::predicted_links(&alignment),
        &gold.links,
        &gold.official,
        &gold.other,
    );
    eprintln!(
        "{test}: precision {precision:.3}, recall {recall:.3}, F1 {f1:.3} ({} gold links)",
        gold.links.len()
    );
    if f1 < TARGET {
        eprintln!("{test}: below the target F1 of {TARGET}");
    }
    assert!(f1 >= floor, "{test}: F1 {f1:.3} < {floor}");
}

/// Below the target: 0.920 when written down (applause and ad-libs folded into a neighbouring
/// bead, and a few pairs one off).
#[test]
fn sotu_prepared_against_delivered() {
    check_against_gold(
        "sotu_prepared_against_delivered",
        "tests/gold/sotu-2023-prepared-delivered.tsv",
        (
            "../shared/corpus/speeches/2023-02-07-remarks-of-president-joe-biden-state-of-the-union-address-as-prepared-for-delivery.md",
            "../shared/corpus/speeches/2023-02-07-remarks-by-president-biden-in-state-of-the-union-address-2.md",
        ),
        0.91,
    );
}

#[test]
fn ship_it_84_before_against_after_relabelling() {
    check_against_gold(
        "ship_it_84_before_against_after_relabelling",
        "tests/gold/ship-it-84-relabelled.tsv",
        (
            "../shared/corpus/podcast-revisions/ship-it-84.before-22250ef9.md",
            "../shared/corpus/podcast-revisions/ship-it-84.after-ca05c5a4.md",
        ),
        TARGET,
    );
}

/// Below the target: 0.921 (short exclamations paired one off inside the turns the first pass
/// pairs, before the cue times are weighed).
#[test]
fn pepper_carrot_english_against_russian() {
    check_against_gold(
        "pepper_carrot_english_against_russian",
        "tests/gold/pepper-carrot-en-ru.tsv",
        (
            "../shared/corpus/subtitles/pepper-and-carrot-ep06/en.srt",
            "../shared/corpus/subtitles/pepper-and-carrot-ep06/ru.srt",
        ),
        0.91,
    );
}

/// Below the target: 0.931 when written down (the lead is to set the floor after measuring).
#[test]
fn pepper_carrot_english_against_japanese() {
    check_against_gold(
        "pepper_carrot_english_against_japanese",
        "tests/gold/pepper-carrot-en-ja.tsv",
        (
            "../shared/corpus/subtitles/pepper-and-carrot-ep06/en.srt",
            "../shared/corpus/subtitles/pepper-and-carrot-ep06/ja.srt",
        ),
        0.93,
    );
}

#[test]
fn morevna_ep03_english_against_korean() {
    check_against_gold(
        "morevna_ep03_english_against_korean",
        "tests/gold/morevna-ep03-en-ko.tsv",
        (
            "../shared/corpus/subtitles/morevna-ep03/en.srt",
            "../shared/corpus/subtitles/morevna-ep03/ko.srt",
        ),
        TARGET,
    );
}
