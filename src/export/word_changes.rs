//! Which rows get a word diff, and how it is cut into pieces: shared by the HTML report and
//! the JSON, so that both mark the same rows the same way.

use super::ahead::worked_out_ahead;
use super::{Aligned, SentenceView, joined};
use crate::align::{DiffPiece, DiffWords, Row, most_equal_chars, word_diff_of};
use crate::model::Pair;

/// Runs `write` with the [`shown_diff`] of every row, in order, worked out ahead of it (see
/// [`worked_out_ahead`]): in one language the diffs cost five times what writing the rows
/// does. Across languages no row gets a diff, and no thread is started.
pub fn with_diffs_ahead<R>(
    aligned: &Aligned<'_>,
    write: impl FnOnce(&mut dyn Iterator<Item = Option<Vec<DiffPiece>>>) -> R,
) -> R {
    let rows = &aligned.alignment.rows;
    if !aligned.alignment.same_language {
        return write(&mut rows.iter().map(|_| None));
    }
    let diffs = |_, block: &[Row]| -> Vec<_> {
        let diff = |row| {
            let Pair { official, other } = aligned.sentences(row);
            shown_diff(aligned, &official, &other)
        };
        block.iter().map(diff).collect()
    };
    worked_out_ahead(rows, diffs, |blocks| {
        write(&mut blocks.flat_map(|(_, diffs)| diffs))
    })
}

/// The word diff of a row whose two sides are in one language and share most of their
/// words, with the spaces between replaced words merged into the replacements; `None` for
/// every other row.
pub fn shown_diff(
    aligned: &Aligned<'_>,
    official: &[SentenceView<'_>],
    other: &[SentenceView<'_>],
) -> Option<Vec<DiffPiece>> {
    if !aligned.alignment.same_language || official.is_empty() || other.is_empty() {
        return None;
    }
    let (official, other) = (joined(official), joined(other));
    // Most paired rows of two renderings cannot share most of their characters, and their
    // diff, of two different sentences, is the costly kind: it is not worked out. A side
    // under half the other's length cannot; for the rest the bound counts shared words.
    let lengths = (official.chars().count(), other.chars().count());
    let longer = lengths.0.max(lengths.1);
    if !is_most_of(lengths.0.min(lengths.1), longer) {
        return None;
    }
    let words = (DiffWords::of(&official), DiffWords::of(&other));
    if !is_most_of(most_equal_chars(&words.0, &words.1), longer) {
        return None;
    }
    let pieces = word_diff_of(&words.0, &words.1);
    mostly_shared(&pieces).then(|| spaces_merged(pieces))
}

/// Whether `equal` characters are at least half of `longer`, the longer side's: the one test
/// of [`mostly_shared`], which [`shown_diff`] also asks of a bound before any diff.
fn is_most_of(equal: usize, longer: usize) -> bool {
    2 * equal >= longer
}

/// Whether most of the text is common to both sides. Word differences are shown only then:
/// they show an edit (a corrected transcript, a changed number); between two free
/// translations of one sentence they would mark nearly every word and hide what matters.
fn mostly_shared(pieces: &[DiffPiece]) -> bool {
    let length = |op: &str| -> usize {
        pieces
            .iter()
            .filter(|piece| piece.op == op)
            .map(|piece| piece.text.chars().count())
            .sum()
    };
    // The equal and deleted pieces spell the official side, the equal and inserted the other.
    let equal = length("equal");
    is_most_of(equal, equal + length("delete").max(length("insert")))
}

/// `a b` replaced by `x y` is one deletion and one insertion, not two of each around an
/// unchanged space. The space joins both sides' pieces, so that the equal and deleted pieces
/// still spell the official text, and the equal and inserted pieces the other.
fn spaces_merged(pieces: Vec<DiffPiece>) -> Vec<DiffPiece> {
    let mut out: Vec<DiffPiece> = Vec::with_capacity(pieces.len());
    let mut index = 0;
    while let Some(piece) = pieces.get(index) {
        let blank = piece.op == "equal" && piece.text.chars().all(char::is_whitespace);
        let next = pieces.get(index + 1..index + 3).unwrap_or_default();
        if blank && replacement_at_end(&out) && replacement(next) {
            let end = out.len() - 2;
            for taken in next {
                if let Some(side) = out[end..].iter_mut().find(|p| p.op == taken.op) {
                    side.text.push_str(&piece.text);
                    side.text.push_str(&taken.text);
                }
            }
            index += 3;
        } else {
            out.push(piece.clone());
            index += 1;
        }
    }
    out
}

/// Whether the last two pieces are one deletion and one insertion.
fn replacement_at_end(pieces: &[DiffPiece]) -> bool {
    pieces.len() >= 2 && replacement(&pieces[pieces.len() - 2..])
}

/// Whether `pieces` are exactly one deletion and one insertion, in either order.
fn replacement(pieces: &[DiffPiece]) -> bool {
    let ops: Vec<&str> = pieces.iter().map(|piece| piece.op).collect();
    ops == ["delete", "insert"] || ops == ["insert", "delete"]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::word_diff;

    fn spelled(pieces: &[DiffPiece], skipped: &str) -> String {
        pieces
            .iter()
            .filter(|piece| piece.op != skipped)
            .map(|piece| piece.text.as_str())
            .collect()
    }

    #[test]
    fn replaced_words_are_one_piece_each_side() {
        let official = "We met on the first day of the month in Seoul.";
        let other = "We met on the second week of the month in Seoul.";
        let pieces = spaces_merged(word_diff(official, other));
        let changed: Vec<(&str, &str)> = pieces
            .iter()
            .filter(|piece| piece.op != "equal")
            .map(|piece| (piece.op, piece.text.as_str()))
            .collect();
        assert_eq!(
            changed,
            [("delete", "first day"), ("insert", "second week")]
        );
        assert_eq!(spelled(&pieces, "insert"), official);
        assert_eq!(spelled(&pieces, "delete"), other);
    }

    #[test]
    fn merging_never_changes_either_side() {
        let cases = [
            ("a b c d e", "a x y z e"),
            ("a b c", "a c"),
            ("one two three four", "five six seven eight"),
            ("a b  c d", "a x  y d"),
            ("x", "y z"),
        ];
        for (official, other) in cases {
            let pieces = spaces_merged(word_diff(official, other));
            assert_eq!(spelled(&pieces, "insert"), official, "{pieces:?}");
            assert_eq!(spelled(&pieces, "delete"), other, "{pieces:?}");
        }
    }
}
