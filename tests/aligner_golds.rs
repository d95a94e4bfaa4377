//! The aligner against gold sentence alignments made by hand, by reading both versions of real
//! pairs from the shared corpus (tests/gold/*.tsv say what each covers and how it was made).

mod common;

/// Aligns `official` with `other` (paths under the repository) and checks the links against the
/// gold at `gold`, in the sentences it covers.
fn check_against_gold(test: &str, gold: &str, official: &str, other: &str) {
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
    assert!(f1 >= 0.95, "{test}: F1 {f1:.3} < 0.95");
}

#[test]
#[ignore = "needs the loader to read prose without labels (issue 16)"]
fn sotu_prepared_against_delivered() {
    check_against_gold(
        "sotu_prepared_against_delivered",
        "tests/gold/sotu-2023-prepared-delivered.tsv",
        "../shared/corpus/speeches/2023-02-07-remarks-of-president-joe-biden-state-of-the-union-address-as-prepared-for-delivery.md",
        "../shared/corpus/speeches/2023-02-07-remarks-by-president-biden-in-state-of-the-union-address-2.md",
    );
}

#[test]
#[ignore = "needs the loader to read Markdown `**Name:**` labels"]
fn ship_it_84_before_against_after_relabelling() {
    check_against_gold(
        "ship_it_84_before_against_after_relabelling",
        "tests/gold/ship-it-84-relabelled.tsv",
        "../shared/corpus/podcast-revisions/ship-it-84.before-22250ef9.md",
        "../shared/corpus/podcast-revisions/ship-it-84.after-ca05c5a4.md",
    );
}

#[test]
#[ignore = "the aligner falls short here: F1 0.921 (short exclamations paired one off)"]
fn pepper_carrot_english_against_russian() {
    check_against_gold(
        "pepper_carrot_english_against_russian",
        "tests/gold/pepper-carrot-en-ru.tsv",
        "../shared/corpus/subtitles/pepper-and-carrot-ep06/en.srt",
        "../shared/corpus/subtitles/pepper-and-carrot-ep06/ru.srt",
    );
}
