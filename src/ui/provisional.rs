//! The first screen of a long pair: the start of both files, aligned on its own and shown at
//! once while the whole pair is loaded and aligned behind it ([`super::background`]). Only
//! rows that the rest of the files is unlikely to change are shown.

use super::Contents;
use crate::align::{self, Forced};
use crate::load::{LoadOptions, prefix};
use crate::model::{Origin, Pair, Side, Transcript};
use std::path::Path;

/// Pairs longer than this, both files together, open on their start. Shorter ones are aligned
/// whole in about the time their start would take (0.2 s for 476 KB on a loaded 2-core
/// machine), and open as they always have.
pub const LONG_PAIR_BYTES: u64 = 512 * 1024;

/// The bytes read from both files for the first screen, shared in proportion to their sizes so
/// that both starts cover about as much of the event. Loading and aligning this much takes
/// about 0.1 s, a third of the time a first screen may take.
const START_BYTES: u64 = 256 * 1024;

/// The least read from either file, so that a short file beside a long one still gives lines.
const LEAST_START_BYTES: u64 = 16 * 1024;

/// Of the sentences of a start that was cut, the share whose rows are shown: the last ones
/// may be paired wrongly, their counterparts lying past the end of the other start.
const SAFE_SHARE: (usize, usize) = (3, 4);

/// The reader for the start of a long pair of files. `None` for a pair short enough to align
/// before the first screen, standard input (read once, by the full load) and a file that the
/// full load refuses at once (too large). When no start can stand for a file (JSON, HTML,
/// bytes that do not decode once cut) the reader has no rows, only the files' names.
pub fn start_of(
    paths: Pair<&Path>,
    options: LoadOptions,
    forced: impl FnOnce(&Transcript, &Transcript) -> Vec<Forced>,
) -> Option<Contents> {
    if paths.iter().any(|(_, path)| path.as_os_str() == "-") {
        return None;
    }
    let sizes = Pair::new(
        prefix::readable_size(paths.official)?,
        prefix::readable_size(paths.other)?,
    );
    let total = sizes.official + sizes.other;
    if total <= LONG_PAIR_BYTES {
        return None;
    }
    let shares = sizes.map(|size| (START_BYTES * size / total).max(LEAST_START_BYTES));
    let starts = crate::parallel::join(
        || prefix::load_prefix(paths.official, shares.official, options),
        || prefix::load_prefix(paths.other, shares.other, options),
    );
    let (Some(official_start), Some(other_start)) = starts else {
        return Some(names_only(paths));
    };
    let forced = forced(&official_start, &other_start);
    let alignment = align::align(&official_start, &other_start, &forced);
    let mut contents = Contents::pair(official_start, other_start, alignment);
    let cut = sizes.zip(shares).map(|(size, share)| size > share);
    let safe = safe_rows(&contents, cut);
    contents.rows.truncate(safe);
    Some(contents)
}

/// The rows from the first up to the first that holds a sentence past the safe share of a
/// start that was cut.
fn safe_rows(contents: &Contents, cut: Pair<bool>) -> usize {
    let limits = Pair::from_fn(|side| {
        (contents.pane(side).filter(|_| cut[side])).map(|pane| safe_limit(&pane.transcript))
    });
    let past = |side: Side, turn: usize, sentence: usize| {
        limits[side].is_some_and(|limit| (turn, sentence) >= limit)
    };
    contents
        .rows
        .iter()
        .position(|row| {
            (row.sides.iter())
                .any(|(side, refs)| refs.iter().any(|r| past(side, r.turn, r.sentence)))
        })
        .unwrap_or(contents.rows.len())
}

/// The first sentence, as turn and place in the turn, past the safe share of a transcript's.
fn safe_limit(transcript: &Transcript) -> (usize, usize) {
    let counts: Vec<usize> = (transcript.turns.iter())
        .map(|turn| turn.sentence_count())
        .collect();
    let mut left = counts.iter().sum::<usize>() * SAFE_SHARE.0 / SAFE_SHARE.1;
    for (turn, &count) in counts.iter().enumerate() {
        if left < count {
            return (turn, left);
        }
        left -= count;
    }
    (counts.len(), 0)
}

/// A pair with no rows, the files named in the headers: all there is to show until the whole
/// pair is loaded.
fn names_only(paths: Pair<&Path>) -> Contents {
    let named = |path: &Path| {
        let mut transcript = Transcript::default();
        transcript.metadata.origin = Origin {
            file: path.display().to_string(),
            ..Origin::default()
        };
        transcript
    };
    let (official, other) = (named(paths.official), named(paths.other));
    let mut alignment = align::align(&official, &other, &[]);
    // Two empty versions share nothing, which says nothing about the files.
    alignment.warnings.clear();
    Contents::pair(official, other, alignment)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{bundled, synth};

    #[test]
    fn rows_past_three_quarters_of_a_cut_start_are_not_shown() {
        let official = synth::repeat_official(&bundled::official().unwrap(), 2);
        let other = bundled::other().unwrap();
        let alignment = align::align(&official, &other, &[]);
        let contents = Contents::pair(official, other, alignment);
        let all = contents.rows.len();
        assert_eq!(safe_rows(&contents, Pair::new(false, false)), all);
        let safe = safe_rows(&contents, Pair::new(true, false));
        assert!(safe > 0 && safe < all, "{safe} of {all}");
        let limit = safe_limit(&contents.official.transcript);
        assert!(
            contents.rows[..safe]
                .iter()
                .flat_map(|row| &row.sides[Side::Official])
                .all(|r| (r.turn, r.sentence) < limit)
        );
    }

    #[test]
    fn a_pair_of_empty_versions_has_no_rows_and_no_warning() {
        let contents = names_only(Pair::new(Path::new("a.json"), Path::new("b.json")));
        assert!(contents.rows.is_empty());
        assert!(contents.warnings.is_empty());
        let other = contents.pane(Side::Other).unwrap();
        assert_eq!(other.transcript.metadata.origin.file, "b.json");
    }
}
