//! Properties of the aligner on arbitrary transcripts: it never panics, its rows are in
//! reading order on both sides, every sentence is in exactly one row, and it is deterministic.

mod common;

use proptest::prelude::*;
use tandem::align::{self, Alignment};
use tandem::load::{self, LoadOptions};
use tandem::model::{Pair, Transcript};

const WORDS: &[&str] = &[
    "alliance",
    "Korea",
    "we",
    "the",
    "of",
    "71",
    "years",
    "not",
    "Blinken",
    "조태열",
    "장관",
    "동맹",
    "Thank",
    "you",
    "peace",
    "security",
    "2025",
    "question",
    "democracy",
    "U.S.",
    "Mr.",
    "No.",
];
const LABELS: &[&str] = &[
    "MODERATOR",
    "SECSTATE BLINKEN",
    "FOREIGN MINISTER CHO",
    "QUESTION",
    "사회자",
    "Q",
];

fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(WORDS), 1..12),
        prop::sample::select(&[".", "?", "!", "。"][..]),
    )
        .prop_map(|(words, end)| format!("{}{end}", words.join(" ")))
}

fn transcript_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(LABELS),
            prop::collection::vec(sentence(), 0..8),
        ),
        1..14,
    )
    .prop_map(|turns| {
        turns
            .into_iter()
            .map(|(label, sentences)| format!("{label}: {}\n", sentences.join(" ")))
            .collect::<String>()
    })
}

fn load_text(text: &str) -> Option<Transcript> {
    load::load_bytes(text.as_bytes(), "generated", LoadOptions::default()).ok()
}

fn check(
    official: &Transcript,
    other: &Transcript,
    alignment: &Alignment,
) -> Result<(), TestCaseError> {
    for (seen, all) in common::row_coverage(Pair::new(official, other), alignment) {
        // Equal lists: every sentence once, and in reading order, so the alignment is monotone.
        prop_assert_eq!(seen, all);
    }
    for row in &alignment.rows {
        prop_assert!(
            (0.0..=1.0).contains(&row.similarity),
            "similarity {}",
            row.similarity
        );
        prop_assert!(!row.sides.official.is_empty() || !row.sides.other.is_empty());
    }
    let mut previous = (0, 0);
    for link in &alignment.turns {
        prop_assert!(
            link.turns.official.start >= previous.0 && link.turns.other.start >= previous.1
        );
        previous = (link.turns.official.end, link.turns.other.end);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_pairs(a in transcript_text(), b in transcript_text()) {
        let (Some(official), Some(other)) = (load_text(&a), load_text(&b)) else {
            return Ok(());
        };
        let alignment = align::align(&official, &other, &[]);
        check(&official, &other, &alignment)?;
        prop_assert_eq!(&alignment, &align::align(&official, &other, &[]), "deterministic");
    }

    #[test]
    fn a_transcript_against_an_edited_copy(a in transcript_text(), drop_every in 2usize..6, cut in 0usize..40) {
        let Some(official) = load_text(&a) else {
            return Ok(());
        };
        // The other version: some lines dropped and the end cut, as a partial translation.
        let lines: Vec<&str> = a.lines().enumerate().filter(|(i, _)| i % drop_every != 1).map(|(_, l)| l).collect();
        let kept = lines.len().saturating_sub(cut % (lines.len() + 1));
        let edited = lines[..kept].join("\n");
        let Some(other) = load_text(&edited) else {
            return Ok(());
        };
        let alignment = align::align(&official, &other, &[]);
        check(&official, &other, &alignment)?;
    }
}

#[test]
fn identical_transcripts_align_one_to_one() {
    for file in [
        "assets/seoul-2025-01-06/official-state-dept.txt",
        "../shared/corpus/podcast/bookbytes-006.txt",
    ] {
        if file.starts_with("../shared/")
            && !common::shared_corpus("identical_transcripts_align_one_to_one")
        {
            continue;
        }
        let transcript = common::load(file);
        let alignment = align::align(&transcript, &transcript, &[]);
        assert!(
            alignment
                .rows
                .iter()
                .all(|r| r.sides.official.len() == 1 && r.sides.official == r.sides.other),
            "{file}"
        );
        assert!(alignment.rows.iter().all(|r| r.flags.is_empty()), "{file}");
    }
}
