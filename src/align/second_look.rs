//! The second look at the first pass's rows: which stretches [`regions`] aligns better, and
//! the rows with those stretches replaced. The first pass's rows are rewritten in their own
//! buffer, not copied, so a long pair holds one set of rows, not two.

use super::{Flags, Looking, Row, Version, beads, length_ratio_of, regions, row, score_again};
use crate::model::{Pair, SentenceRef};
use std::collections::VecDeque;
use std::ops::Range;

/// A stretch of the first pass's rows that the second look aligns better, and its beads.
struct Realigned {
    stretch: Range<usize>,
    beads: regions::Beads,
}

/// The second look, taken twice where it moves the length ratio: it may pair much of a
/// document the turns kept apart (subtitles paired by their cue times, a prepared speech
/// against its transcript cut into many turns), so length is calibrated again on those pairs.
/// Whether it is taken twice is known only after the first time, so each time tells `done`
/// of half the way.
pub(super) fn look_again(
    first_pass: Vec<Row>,
    versions: Pair<&Version<'_>>,
    context: &mut beads::Context,
    looking: Looking<'_>,
) -> Vec<Row> {
    let half = |from: f64| move |done: f64| (looking.done)(from + done / 2.0);
    let first_half = half(0.0);
    let first = Looking {
        done: &first_half,
        ..looking
    };
    let looked = second_look(&first_pass, versions, *context, first);
    let refined = length_ratio_of(sides_after(&first_pass, &looked), versions);
    let recalibrated = (refined / context.length_ratio - 1.0).abs() > 0.05;
    let looked = if recalibrated {
        drop(looked);
        context.length_ratio = refined;
        let second_half = half(0.5);
        let again = Looking {
            done: &second_half,
            ..looking
        };
        second_look(&first_pass, versions, *context, again)
    } else {
        looked
    };
    let mut rows = replaced(first_pass, looked, versions, *context);
    if recalibrated {
        score_again(&mut rows, versions, *context);
    }
    (looking.done)(1.0);
    rows
}

/// The stretches that [`regions`] aligns better, in order. They are shared between two
/// threads, each stretch aligned on its own; the first half tells `done` how far it has come,
/// which stands for both: the halves weigh the same.
fn second_look(
    rows: &[Row],
    versions: Pair<&Version<'_>>,
    context: beads::Context,
    looking: Looking<'_>,
) -> Vec<Realigned> {
    // Across languages, where both versions carry cue times, the times weigh every row, not only
    // the one-sided ones: look at the whole document again.
    let timed = |side: &Version<'_>| {
        let mut sentences = side.transcript.turns.iter().flat_map(|t| t.sentences());
        sentences.all(|s| s.time.is_some())
    };
    let both_timed = timed(versions.official) && timed(versions.other);
    let stretches = if !context.same_language && both_timed && !rows.is_empty() {
        std::iter::once(0..rows.len()).collect()
    } else {
        regions::stretches(rows)
    };
    let speakers_differ = looking.speakers_differ;
    let realign = |stretch: &Range<usize>| {
        let ends_the_documents = stretch.end == rows.len();
        let beads = regions::realign(
            &rows[stretch.clone()],
            versions,
            (context, speakers_differ),
            ends_the_documents,
        )?;
        Some(Realigned {
            stretch: stretch.clone(),
            beads,
        })
    };
    // A stretch costs about the table of its sentences, one version's against the other's.
    let weight = |stretch: &Range<usize>| {
        let rows = &rows[stretch.clone()];
        let official: usize = rows.iter().map(|r| r.sides.official.len()).sum();
        let other: usize = rows.iter().map(|r| r.sides.other.len()).sum();
        (official + 1) * (other + 1)
    };
    let middle = crate::parallel::middle(&stretches, weight);
    let mut tell = crate::parallel::share_teller(&stretches[..middle], weight, looking.done);
    let (mut looked, rest) = crate::parallel::join(
        || {
            let each = |stretch: &Range<usize>| {
                let realigned = realign(stretch);
                tell(stretch);
                realigned
            };
            stretches[..middle]
                .iter()
                .filter_map(each)
                .collect::<Vec<_>>()
        },
        || {
            stretches[middle..]
                .iter()
                .filter_map(realign)
                .collect::<Vec<_>>()
        },
    );
    looked.extend(rest);
    looked
}

/// The sides of the rows as the second look leaves them, in order.
fn sides_after<'r>(
    rows: &'r [Row],
    looked: &'r [Realigned],
) -> impl Iterator<Item = Pair<&'r [SentenceRef]>> {
    let starts = std::iter::once(0).chain(looked.iter().map(|r| r.stretch.end));
    let ends = looked.iter().map(|r| r.stretch.start).chain([rows.len()]);
    let realigned = looked.iter().map(Some).chain([None]);
    starts
        .zip(ends)
        .zip(realigned)
        .flat_map(move |((start, end), realigned)| {
            let kept = rows[start..end].iter().map(Row::sentence_refs);
            let beads = realigned.into_iter().flat_map(|r| r.beads.iter());
            kept.chain(beads)
        })
}

/// For each realigned stretch, for each of its beads, the row of the stretch it repeats, if
/// any: most rows of a stretch come back as they were, and are kept rather than made again.
/// Rows are found by how many sentences came before them, which only grows.
fn kept_rows(rows: &[Row], looked: &[Realigned]) -> Vec<Vec<Option<usize>>> {
    let sentences = |sides: Pair<&[SentenceRef]>| sides.official.len() + sides.other.len();
    looked
        .iter()
        .map(|realigned| {
            let mut old = rows[realigned.stretch.clone()]
                .iter()
                .enumerate()
                .peekable();
            let (mut old_before, mut new_before) = (0, 0);
            let mut kept = Vec::with_capacity(realigned.beads.len());
            for bead in realigned.beads.iter() {
                while let Some((_, r)) = old.next_if(|_| old_before < new_before) {
                    old_before += sentences(r.sentence_refs());
                }
                let same =
                    old.next_if(|(_, r)| old_before == new_before && r.sentence_refs() == bead);
                if let Some((_, r)) = same {
                    old_before += sentences(r.sentence_refs());
                }
                kept.push(same.map(|(k, _)| k));
                new_before += sentences(bead);
            }
            kept
        })
        .collect()
}

/// The rows with every realigned stretch replaced: rows it repeats moved in, new ones made.
/// They are rewritten in the first pass's own buffer: a second buffer of rows would be as
/// large as the first, and both would be alive at once at the height of the alignment.
fn replaced(
    rows: Vec<Row>,
    looked: Vec<Realigned>,
    versions: Pair<&Version<'_>>,
    context: beads::Context,
) -> Vec<Row> {
    if looked.is_empty() {
        return rows;
    }
    let kept = kept_rows(&rows, &looked);
    let mut rewrite = Rewrite::new(rows);
    for (Realigned { stretch, beads }, kept) in looked.iter().zip(kept) {
        rewrite.keep_until(stretch.start);
        let link = rewrite.rows[stretch.clone()].first().map_or(0, |r| r.link);
        for (bead, k) in beads.iter().zip(kept) {
            // Kept rows come in order, so the rows of the stretch before one are dropped.
            match k
                .map(|k| stretch.start + k)
                .filter(|&at| at >= rewrite.read)
            {
                Some(at) => {
                    rewrite.drop_until(at);
                    let same = rewrite.take();
                    rewrite.put(same);
                }
                None => rewrite.put(row(versions, bead, link, context)),
            }
        }
        rewrite.drop_until(stretch.end);
    }
    rewrite.finish()
}

/// Rows rewritten, in order, in the buffer they are read from. A row read leaves behind an
/// empty row, which owns no memory, and its slot can take a row written; rows written ahead of
/// the reading wait in a queue, as many as the second look has so far added beyond the rows it
/// removed.
struct Rewrite {
    rows: Vec<Row>,
    read: usize,
    written: usize,
    waiting: VecDeque<Row>,
}

impl Rewrite {
    fn new(rows: Vec<Row>) -> Self {
        Rewrite {
            rows,
            read: 0,
            written: 0,
            waiting: VecDeque::new(),
        }
    }

    fn take(&mut self) -> Row {
        let empty = Row {
            sides: Pair::default(),
            similarity: 0.0,
            flags: Flags::new(),
            link: 0,
        };
        let row = std::mem::replace(&mut self.rows[self.read], empty);
        self.read += 1;
        row
    }

    fn put(&mut self, row: Row) {
        self.waiting.push_back(row);
        while self.written < self.read {
            let Some(row) = self.waiting.pop_front() else {
                break;
            };
            self.rows[self.written] = row;
            self.written += 1;
        }
    }

    /// Moves the rows before `end` that are not yet read to the written ones.
    fn keep_until(&mut self, end: usize) {
        while self.read < end {
            let row = self.take();
            self.put(row);
        }
    }

    /// Drops the rows before `end` that are not yet read.
    fn drop_until(&mut self, end: usize) {
        while self.read < end {
            self.take();
        }
    }

    fn finish(mut self) -> Vec<Row> {
        self.keep_until(self.rows.len());
        self.rows.truncate(self.written);
        // Growing by doubling would leave room for as many rows again.
        self.rows.reserve_exact(self.waiting.len());
        self.rows.extend(self.waiting);
        self.rows
    }
}
