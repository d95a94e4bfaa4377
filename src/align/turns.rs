//! Turn alignment: which turns of one version correspond to which of the other.
//!
//! A monotone alignment with gaps (either version may add or leave out turns, or stop early)
//! and merges (one version's turn split in two by the other). A pair is scored by shared
//! distinctive words (or, across languages, shared numbers and names) and by how well the
//! speakers match.

use super::dp::{self, Bead, Windows, bead};
use super::features::{Features, common};
use super::sketch::{Sketch, containment};
use crate::model::{Pair, SpeakerId};
use std::borrow::Cow;
use std::ops::Range;

const BEADS: [Bead; 5] = [bead(1, 1), bead(1, 0), bead(0, 1), bead(2, 1), bead(1, 2)];
/// A pair below this quality is worth less than leaving both turns unmatched.
const THRESHOLD: f64 = 0.22;
/// Cost of leaving a turn unmatched, per unit of turn weight.
const GAP: f64 = 0.08;
/// The same before the other version starts or after it stops: an excerpt or a version cut
/// short leaves one block unmatched at either end, not holes throughout.
const END_GAP: f64 = 0.02;
/// Cost of a merge over a plain pair, so that equal evidence prefers one-to-one.
const MERGE: f64 = 0.1;
/// Transcripts with more turn pairs than this (about 550 turns a side) are aligned coarse to
/// fine. Blocks of turns have no speakers, and blocks of turns that say little (`Yeah.`,
/// `Right.`) agree too little to pair on content alone, so the coarse path can leave hundreds
/// of them out that turn by turn, with their speakers, pair; the whole table costs about 0.2 s
/// at this size.
const FULL_TABLE_CELLS: usize = 300_000;
/// Blocks per transcript in the coarsest alignment.
const COARSE_BLOCKS: usize = 300;
/// The turn alignment looks a block of the coarse alignment to either side of its path. Blocks
/// of the other version up to this size are narrow enough for that; bigger ones, which would
/// make the cost grow with the square of the length, are first refined by levels of blocks
/// [`REFINE`] times smaller each.
const FINE_BLOCK: usize = 16;
const REFINE: usize = 4;

/// What the turn alignment compares of one turn.
#[derive(Debug, Clone)]
pub struct Profile {
    pub speaker: Option<SpeakerId>,
    stems: Sketch,
    /// Numbers and names, sorted and distinct.
    anchors: Vec<u32>,
    sentences: usize,
    /// What leaving the turn out costs, and pairing it gains; worked out once, as the turn
    /// alignment weighs every turn many times.
    weight: f64,
}

impl Profile {
    fn new(speaker: Option<SpeakerId>, stems: Sketch, anchors: Vec<u32>, sentences: usize) -> Self {
        Profile {
            speaker,
            stems,
            anchors,
            sentences,
            // Bigger turns weigh more, but slowly: a long speech is not worth fifty short
            // answers.
            weight: 1.0 + (1.0 + sentences as f64).ln(),
        }
    }
}

/// Builds the profile of each turn.
pub fn profiles(turns: &[(Option<SpeakerId>, Vec<Features>)]) -> Vec<Profile> {
    turns
        .iter()
        .map(|(speaker, sentences)| {
            let distinct = |list: fn(&Features) -> &[u32]| {
                let mut all: Vec<u32> = sentences
                    .iter()
                    .flat_map(|s| list(s).iter().copied())
                    .collect();
                all.sort_unstable();
                all.dedup();
                all
            };
            let mut anchors = distinct(|s| s.numbers());
            anchors.extend(distinct(|s| s.names()));
            anchors.sort_unstable();
            anchors.shrink_to_fit();
            Profile::new(
                *speaker,
                Sketch::new(&distinct(|s| s.stems())),
                anchors,
                sentences.len(),
            )
        })
        .collect()
}

/// The distinct anchors of several turns; a single turn's list is used as it is.
fn anchors(profiles: &[Profile]) -> Cow<'_, [u32]> {
    if let [single] = profiles {
        return Cow::Borrowed(&single.anchors);
    }
    let mut all: Vec<u32> = profiles
        .iter()
        .flat_map(|p| p.anchors.iter().copied())
        .collect();
    all.sort_unstable();
    all.dedup();
    Cow::Owned(all)
}

/// Small sets agree by chance: their agreement counts in full only from `full_at` elements.
fn damping(smaller: usize, full_at: usize) -> f64 {
    (smaller as f64 / full_at as f64).min(1.0)
}

/// Overlap coefficient of two sorted sets, damped for small sets.
fn overlap(a: &[u32], b: &[u32], full_at: usize) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    common(a, b) as f64 / smaller as f64 * damping(smaller, full_at)
}

/// Content this strong lets the speaker evidence count in full.
const CONTENT_FOR_SPEAKERS: f64 = 0.15;

/// How much two groups of turns say the same, from 0 to 1: shared stems in one language;
/// across languages, shared numbers and names, failing those turns of like size.
fn content<'p>(a: &'p [Profile], b: &'p [Profile], same_language: bool) -> f64 {
    if same_language {
        let stems = |profiles: &'p [Profile]| profiles.iter().map(|p| &p.stems);
        let distinct =
            |profiles: &[Profile]| profiles.iter().map(|p| p.stems.distinct).sum::<usize>();
        let smaller = distinct(a).min(distinct(b));
        containment(stems(a), stems(b)) * damping(smaller, 8)
    } else {
        let sentences = |profiles: &[Profile]| {
            profiles.iter().map(|p| p.sentences).sum::<usize>().max(1) as f64
        };
        let (sa, sb) = (sentences(a), sentences(b));
        let sizes = 0.25 * sa.min(sb) / sa.max(sb);
        overlap(&anchors(a), &anchors(b), 4).max(sizes)
    }
}

/// How likely two groups of turns are versions of each other, from 0 to 1, given their
/// [`content`] agreement. Content decides; matching speakers strengthen content that is there
/// but cannot stand in for it, or every moderator turn would pair with every host turn of a
/// long transcript.
fn quality(content: f64, a: &[Profile], b: &[Profile], speakers: &Speakers<'_>) -> f64 {
    let speaker = a
        .iter()
        .flat_map(|x| b.iter().map(move |y| speakers(x.speaker, y.speaker)))
        .fold(f64::INFINITY, f64::min);
    0.6 * content + 0.4 * speaker * (content / CONTENT_FOR_SPEAKERS).min(1.0)
}

/// How compatible two speakers are, from 0 to 1.
pub type Speakers<'s> = dyn Fn(Option<SpeakerId>, Option<SpeakerId>) -> f64 + 's;

/// A group of official turns paired with a group of the other's (either may be empty).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TurnLink {
    pub turns: Pair<Range<usize>>,
    /// Pair quality from 0 to 1; 0 for a turn with no counterpart.
    pub score: f64,
}

/// Bead shapes that pair turns, and their place in a row of [`TurnAligner`]'s table.
const PAIRS: [(usize, usize); 3] = [(1, 1), (2, 1), (1, 2)];

/// Aligns the turns of two transcripts, as many times as the speaker evidence changes.
/// Long transcripts are first aligned as blocks of turns (content only), then, where those
/// blocks are big, as smaller blocks near that path, then turn by turn near the last path.
/// The coarse pass sees the whole document at once, so a stretch that one version left out,
/// or a repeated structure, cannot lead the fine pass astray.
/// The content agreement of every pair the fine pass may consider does not depend on the
/// speakers, so it is worked out once, on two threads.
pub struct TurnAligner<'p> {
    a: &'p [Profile],
    b: &'p [Profile],
    /// The columns each row of the fine pass considers (`n + 1` rows).
    windows: Vec<Range<usize>>,
    /// Where each row starts in `content`.
    starts: Vec<usize>,
    /// For each row, column and pairing bead of [`PAIRS`], the content agreement.
    content: Vec<f32>,
    same_language: bool,
}

impl<'p> TurnAligner<'p> {
    /// `done` hears how far the table of content agreements has come, most of the time taken.
    pub fn new(
        a: &'p [Profile],
        b: &'p [Profile],
        same_language: bool,
        done: &dyn Fn(f64),
    ) -> Self {
        Self::with_windows(a, b, windows(a, b, same_language), same_language, done)
    }

    /// Row `i` considers the columns `windows[i]`; there are `a.len() + 1` windows. The thread
    /// that fills the first half of the table tells `done` how far it has come, which stands
    /// for both.
    fn with_windows(
        a: &'p [Profile],
        b: &'p [Profile],
        windows: Vec<Range<usize>>,
        same_language: bool,
        done: &dyn Fn(f64),
    ) -> Self {
        let n = a.len();
        let mut starts = Vec::with_capacity(n + 1);
        let mut size = 0;
        for window in &windows {
            starts.push(size);
            size += window.len() * PAIRS.len();
        }
        // `values` is zero, and a pair that would start before the first turn stays so.
        let rows_content =
            |rows: Range<usize>, values: &mut [f32], tell: &mut dyn FnMut(&Range<usize>)| {
                let mut at = 0;
                for i in rows {
                    for j in windows[i].clone() {
                        for (da, db) in PAIRS {
                            if let (Some(pi), Some(pj)) = (i.checked_sub(da), j.checked_sub(db)) {
                                values[at] = content(&a[pi..i], &b[pj..j], same_language) as f32;
                            }
                            at += 1;
                        }
                    }
                    tell(&windows[i]);
                }
            };
        // One table, each thread filling its own rows: two halves joined would hold the
        // table twice at the peak of memory.
        let middle = crate::parallel::middle(&windows, Range::len);
        let mut content = vec![0.0; size];
        let (first, rest) = content.split_at_mut(starts.get(middle).copied().unwrap_or(size));
        let mut tell = crate::parallel::share_teller(&windows[..middle], Range::len, done);
        crate::parallel::join(
            || rows_content(0..middle, first, &mut tell),
            || rows_content(middle..n + 1, rest, &mut |_| {}),
        );
        TurnAligner {
            a,
            b,
            windows,
            starts,
            content,
            same_language,
        }
    }

    /// The content agreement of a pair the table holds, or, outside the windows (the turns
    /// of a merge on their own), worked out.
    fn content(&self, x: &Range<usize>, y: &Range<usize>) -> f64 {
        let (i, j) = (x.end, y.end);
        if !self.windows[i].contains(&j) {
            return content(&self.a[x.clone()], &self.b[y.clone()], self.same_language);
        }
        let pair = PAIRS
            .iter()
            .position(|&shape| shape == (x.len(), y.len()))
            .expect("turn beads pair one or two turns");
        let column = j - self.windows[i].start;
        f64::from(self.content[self.starts[i] + column * PAIRS.len() + pair])
    }

    /// Aligns the turns; `speakers` says how compatible two speakers are.
    pub fn align(&self, speakers: &Speakers<'_>) -> Vec<TurnLink> {
        self.path(speakers)
            .into_iter()
            .map(|(x, y)| {
                let score = if x.is_empty() || y.is_empty() {
                    0.0
                } else {
                    self.quality(&x, &y, speakers)
                };
                TurnLink {
                    turns: Pair::new(x, y),
                    score: (score * 1000.0).round() / 1000.0,
                }
            })
            .collect()
    }

    /// The best monotone path, as pairs of turn ranges (either may be empty).
    fn path(&self, speakers: &Speakers<'_>) -> Vec<(Range<usize>, Range<usize>)> {
        path(self.a, self.b, Windows::Given(&self.windows), |x, y| {
            self.quality(&x, &y, speakers)
        })
    }

    /// A merge's quality is its turns' weighted mean: the side taken whole at the quality of
    /// the merge, each turn of the split side at the quality it has on its own against the
    /// other side. A turn that says little (`Yeah.`) would otherwise gain the full quality of
    /// a long pair by joining it, more than pairing with its own counterpart gains, and a run
    /// of such turns would pair one off from the diagonal, leaving one at each end unmatched.
    fn quality(&self, x: &Range<usize>, y: &Range<usize>, speakers: &Speakers<'_>) -> f64 {
        let of = |x: &Range<usize>, y: &Range<usize>| {
            let (a, b) = (&self.a[x.clone()], &self.b[y.clone()]);
            quality(self.content(x, y), a, b, speakers)
        };
        let whole = of(x, y);
        if x.len() + y.len() <= 2 {
            return whole;
        }
        let weight = |profiles: &[Profile]| profiles.iter().map(|p| p.weight).sum::<f64>();
        let mean = |whole_side: f64, split: &mut dyn Iterator<Item = (f64, f64)>| {
            let (weighed, total) = split
                .fold((whole_side * whole, whole_side), |(s, t), (w, q)| {
                    (s + w * q, t + w)
                });
            weighed / total
        };
        if x.len() > 1 {
            let split = &mut x.clone().map(|i| (self.a[i].weight, of(&(i..i + 1), y)));
            mean(weight(&self.b[y.clone()]), split)
        } else {
            let split = &mut y.clone().map(|j| (self.b[j].weight, of(x, &(j..j + 1))));
            mean(weight(&self.a[x.clone()]), split)
        }
    }
}

/// The columns each row of the turn alignment considers: all of them for short transcripts;
/// for long ones, a band around the path of blocks of turns, found coarse to fine. The
/// coarsest level cuts each version into [`COARSE_BLOCKS`] blocks and sees the whole document
/// at once; each finer level looks only a block of the level above to either side of that
/// level's path.
fn windows(a: &[Profile], b: &[Profile], same_language: bool) -> Vec<Range<usize>> {
    let (n, m) = (a.len(), b.len());
    if (n + 1).saturating_mul(m + 1) <= FULL_TABLE_CELLS {
        return vec![0..m + 1; n + 1];
    }
    let blocks_in =
        |(row_size, column_size): (usize, usize)| (n.div_ceil(row_size), m.div_ceil(column_size));
    let mut sizes = (n.div_ceil(COARSE_BLOCKS), m.div_ceil(COARSE_BLOCKS));
    let (rows, columns) = blocks_in(sizes);
    let mut path = block_path(a, b, sizes, vec![0..columns + 1; rows + 1], same_language);
    loop {
        let finer = if sizes.1 > FINE_BLOCK {
            (sizes.0.div_ceil(REFINE), sizes.1.div_ceil(REFINE))
        } else {
            (1, 1)
        };
        let (rows, columns) = blocks_in(finer);
        let path_in_finer_blocks: Vec<_> = path
            .iter()
            .map(|(x, y)| {
                (
                    rescale(x, sizes.0, finer.0, rows),
                    rescale(y, sizes.1, finer.1, columns),
                )
            })
            .collect();
        // A block of the level above either way.
        let radius = sizes.1.div_ceil(finer.1);
        let windows: Vec<Range<usize>> =
            dp::windows_around(&path_in_finer_blocks, (rows, columns), radius)
                .into_iter()
                .map(|window| dp::columns(window, columns))
                .collect();
        if finer == (1, 1) {
            return windows;
        }
        path = block_path(a, b, finer, windows, same_language);
        sizes = finer;
    }
}

/// The path of blocks of `sizes` turns through `windows`. Blocks have no speaker: content
/// alone places them.
fn block_path(
    a: &[Profile],
    b: &[Profile],
    sizes: (usize, usize),
    windows: Vec<Range<usize>>,
    same_language: bool,
) -> Vec<(Range<usize>, Range<usize>)> {
    let blocks = Pair::new(blocks(a, sizes.0), blocks(b, sizes.1));
    TurnAligner::with_windows(
        &blocks.official,
        &blocks.other,
        windows,
        same_language,
        &|_| {},
    )
    .path(&|_, _| 0.0)
}

/// Blocks `range` of `size` turns each, as the blocks of `finer` turns that cover the same
/// turns (of `count` in all).
fn rescale(range: &Range<usize>, size: usize, finer: usize, count: usize) -> Range<usize> {
    let start = (range.start * size / finer).min(count);
    start..(range.end * size).div_ceil(finer).clamp(start, count)
}

/// The best monotone path through turns (or blocks of them), pairs scored by `quality`.
fn path(
    a: &[Profile],
    b: &[Profile],
    windows: Windows<'_>,
    mut quality: impl FnMut(Range<usize>, Range<usize>) -> f64,
) -> Vec<(Range<usize>, Range<usize>)> {
    let weight = |profiles: &[Profile]| profiles.iter().map(|p| p.weight).sum::<f64>();
    let (n, m) = (a.len(), b.len());
    dp::align(n, m, &BEADS, windows, |x, y| {
        let outside = if y.is_empty() {
            y.start == 0 || y.start == m
        } else {
            x.start == 0 || x.start == n
        };
        let (ta, tb) = (&a[x.clone()], &b[y.clone()]);
        if ta.is_empty() || tb.is_empty() {
            return -(if outside { END_GAP } else { GAP }) * (weight(ta) + weight(tb));
        }
        let merge = if ta.len() + tb.len() > 2 { MERGE } else { 0.0 };
        (weight(ta) + weight(tb)) / 2.0 * (quality(x, y) - THRESHOLD) - merge
    })
}

/// Consecutive turns taken together, `size` at a time.
fn blocks(profiles: &[Profile], size: usize) -> Vec<Profile> {
    profiles
        .chunks(size.max(1))
        .map(|chunk| {
            let sketches: Vec<&Sketch> = chunk.iter().map(|p| &p.stems).collect();
            Profile::new(
                None,
                Sketch::union(&sketches),
                anchors(chunk).into_owned(),
                chunk.iter().map(|p| p.sentences).sum(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rescaled_blocks_cover_the_same_turns() {
        // Blocks 2..3 of 119 turns are turns 238..357: blocks 7..12 of 30 turns cover them.
        assert_eq!(rescale(&(2..3), 119, 30, 40), 7..12);
        assert_eq!(
            rescale(&(2..3), 119, 30, 10),
            7..10,
            "clamped to the blocks there are"
        );
        assert_eq!(rescale(&(5..5), 16, 1, 1000), 80..80);
    }

    /// `turns` turns, each sharing a stem with the next, so that only the diagonal fits.
    fn chain(turns: u32) -> Vec<Profile> {
        (0..turns)
            .map(|i| {
                let stems: Vec<u32> = (0..6).map(|k| i * 3 + k).collect();
                Profile::new(None, Sketch::new(&stems), Vec::new(), 1)
            })
            .collect()
    }

    #[test]
    fn long_transcripts_get_narrow_windows_that_hold_the_path() {
        let turns = 12_000;
        let (a, b) = (chain(turns), chain(turns));
        let windows = windows(&a, &b, true);
        assert_eq!(windows.len(), a.len() + 1);
        for (row, window) in windows.iter().enumerate() {
            assert!(window.contains(&row), "row {row}: {window:?}");
        }
        // Blocks of 40 turns are refined to blocks of 10 before the turns: rows stay a few
        // dozen columns wide, where one band around the 40-turn blocks would be 120 wide.
        let widest = windows.iter().map(Range::len).max().unwrap_or(0);
        assert!(widest <= 6 * FINE_BLOCK, "{widest} columns");
    }
}
