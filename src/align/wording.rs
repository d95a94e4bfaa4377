//! Word-level differences between two texts in one language, under a deadline, and the flag
//! that says whether the wording or only the punctuation changed.

use super::interner::FastMap;
use crate::model::Pair;
use serde::Serialize;
use std::time::Duration;
use unicode_segmentation::UnicodeSegmentation;

/// How long one word diff may take. Past it, `similar` stops looking for the finest match and
/// reports what is left as replaced: two long, mostly different sentences (auto-captions
/// merged into one) then cost a fraction of a second instead of minutes, and the changed
/// words are still all marked, only in coarser pieces.
const DIFF_DEADLINE: Duration = Duration::from_millis(100);

/// At most this many items (changed pieces, numbers, names), pieces cut to [`PIECE_CHARS`], are
/// kept as a flag's evidence: enough to read what changed, small enough for a status line and
/// a JSON row, however long the row.
const EVIDENCE_ITEMS: usize = 4;
const PIECE_CHARS: usize = 60;

/// The first [`EVIDENCE_ITEMS`] of `items`, then `…` if there were more.
pub fn evidence(items: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut items = items.into_iter();
    let mut kept: Vec<String> = items.by_ref().take(EVIDENCE_ITEMS).collect();
    if items.next().is_some() {
        kept.push("…".into());
    }
    kept
}

/// One piece of a word-level diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffPiece {
    /// `equal`, `delete` (official only) or `insert` (other only).
    pub op: &'static str,
    pub text: String,
}

/// A text cut into what a word diff compares, one after another: words, spaces and marks.
pub struct DiffWords<'t>(Vec<&'t str>);

impl<'t> DiffWords<'t> {
    pub fn of(text: &'t str) -> Self {
        DiffWords(text.split_word_bounds().collect())
    }
}

/// The word-level differences between two texts in the same language.
pub fn word_diff(official: &str, other: &str) -> Vec<DiffPiece> {
    word_diff_of(&DiffWords::of(official), &DiffWords::of(other))
}

/// [`word_diff`] of texts already cut, so that a caller that bounds the diff first (see
/// [`most_equal_chars`]) cuts each text once.
pub fn word_diff_of(official: &DiffWords<'_>, other: &DiffWords<'_>) -> Vec<DiffPiece> {
    let diff = similar::TextDiff::configure()
        .timeout(DIFF_DEADLINE)
        .diff_slices(&official.0, &other.0);
    let mut pieces: Vec<DiffPiece> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            similar::ChangeTag::Equal => "equal",
            similar::ChangeTag::Delete => "delete",
            similar::ChangeTag::Insert => "insert",
        };
        match pieces.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => pieces.push(DiffPiece {
                op,
                text: change.value().to_string(),
            }),
        }
    }
    pieces
}

/// At most how many characters [`word_diff`] of `official` and `other` can find equal: the
/// characters of the words (and spaces and marks, as the diff cuts them) both texts have,
/// each counted as often as the text that has it fewer times. The diff's equal pieces are
/// words common to both in order, so they cannot hold more; told without the diff, whose
/// cost grows with how much the texts differ.
pub fn most_equal_chars(official: &DiffWords<'_>, other: &DiffWords<'_>) -> usize {
    let mut unmatched: FastMap<&str, usize> = FastMap::default();
    for &word in &official.0 {
        *unmatched.entry(word).or_default() += 1;
    }
    let mut equal = 0;
    for &word in &other.0 {
        if let Some(count) = unmatched.get_mut(word)
            && *count > 0
        {
            *count -= 1;
            equal += word.chars().count();
        }
    }
    equal
}

/// What changed between two sides of a row in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// At least one word (letters or digits) was removed, added or replaced.
    Words(Pair<Vec<String>>),
    /// Only punctuation marks changed (`million–` against `million —`).
    Punctuation(Pair<Vec<String>>),
}

/// How two texts differ according to their word diff, if a reader could see it: white space
/// alone (a non-breaking space where a space was) is not a change.
pub fn change(pieces: &[DiffPiece]) -> Option<Change> {
    let changed = |op: &str| -> Vec<&str> {
        pieces
            .iter()
            .filter(|piece| piece.op == op)
            .map(|piece| piece.text.trim())
            .filter(|text| !text.is_empty())
            .collect()
    };
    let (removed, added) = (changed("delete"), changed("insert"));
    let wordy = |list: &[&str]| list.iter().any(|t| t.chars().any(char::is_alphanumeric));
    let pieces_of = |list: &[&str]| evidence(list.iter().map(|t| cut(t)));
    let evidence = Pair::new(pieces_of(&removed), pieces_of(&added));
    if wordy(&removed) || wordy(&added) {
        Some(Change::Words(evidence))
    } else if removed.is_empty() && added.is_empty() {
        // White space inside a piece the diff kept whole: nothing a reader would see.
        None
    } else {
        Some(Change::Punctuation(evidence))
    }
}

/// Whether the two texts differ in white space only (or not at all).
pub fn same_but_spacing(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

fn cut(text: &str) -> String {
    let normal: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if normal.chars().count() <= PIECE_CHARS {
        normal
    } else {
        normal.chars().take(PIECE_CHARS - 1).chain(['…']).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn no_diff_finds_more_equal_than_the_bound() {
        let words = [
            "the",
            "The",
            "alliance",
            "alliance,",
            "U.S.",
            "71",
            "years",
            "—",
            " ",
            "  ",
            "\u{a0}",
            "Korea",
            "Korea’s",
            "한국",
            "and",
            ".",
            "?",
            "don't",
            "do",
            "not",
        ];
        // A small deterministic generator: every pair of texts it makes is checked.
        let mut state = 7_u64;
        let mut next = |bound: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as usize % bound
        };
        for _ in 0..2000 {
            let mut text = |length: usize| -> String {
                let picked: Vec<&str> = (0..length).map(|_| words[next(words.len())]).collect();
                picked.join(if next(4) == 0 { "" } else { " " })
            };
            let (a, b) = (text(12), text(7));
            let equal: usize = word_diff(&a, &b)
                .iter()
                .filter(|piece| piece.op == "equal")
                .map(|piece| piece.text.chars().count())
                .sum();
            let bound = most_equal_chars(&DiffWords::of(&a), &DiffWords::of(&b));
            assert!(equal <= bound, "{a:?} / {b:?}");
        }
        let bound = |a, b| most_equal_chars(&DiffWords::of(a), &DiffWords::of(b));
        assert_eq!(bound("a b c", "c b a"), 5);
        assert_eq!(bound("the the", "the"), 3);
    }

    #[test]
    fn diff_shows_changed_words() {
        let pieces = word_diff("12:57 P.M. CEST", "12:57 P.M. CET");
        let changed: Vec<(&str, &str)> = pieces
            .iter()
            .filter(|p| p.op != "equal")
            .map(|p| (p.op, p.text.as_str()))
            .collect();
        assert_eq!(changed, [("delete", "CEST"), ("insert", "CET")]);
    }

    #[test]
    fn wording_punctuation_and_spacing_are_told_apart() {
        let change = |a: &str, b: &str| change(&word_diff(a, b));
        assert_eq!(
            change(
                "experts who have seen a multitude crisis of this dimension",
                "experts who have seen a multitude of crises of this dimension"
            ),
            Some(Change::Words(Pair::new(
                vec!["crisis".into()],
                vec!["of crises".into()]
            )))
        );
        assert_eq!(
            change(
                "another $50 million– the United States",
                "another $50 million — the United States"
            ),
            Some(Change::Punctuation(Pair::new(
                vec!["–".into()],
                vec!["—".into()]
            )))
        );
        assert_eq!(
            change("Federation.\u{a0} The", "Federation. \u{a0}The"),
            None
        );
        assert!(same_but_spacing(
            "Federation.\u{a0} The",
            "Federation. \u{a0}The"
        ));
        assert_eq!(change("same words", "same words"), None);
    }

    #[test]
    fn a_long_mostly_different_pair_is_diffed_in_time() {
        let side = |seed: u64| -> String {
            let mut x = seed;
            (0..40_000)
                .map(|_| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    format!("word{}", (x >> 33) % 5000)
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let (a, b) = (side(1), side(2));
        let start = Instant::now();
        let pieces = word_diff(&a, &b);
        assert!(
            start.elapsed() < Duration::from_secs(3),
            "{:?}",
            start.elapsed()
        );
        // Nothing is lost: each side can be read back from the pieces.
        let back = |skip: &str| -> String {
            pieces
                .iter()
                .filter(|p| p.op != skip)
                .map(|p| p.text.as_str())
                .collect()
        };
        assert_eq!(back("insert"), a);
        assert_eq!(back("delete"), b);
    }
}
