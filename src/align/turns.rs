//! Turn alignment: which turns of one version correspond to which of the other.
//!
//! A monotone alignment with gaps (either version may add or leave out turns, or stop early)
//! and merges (one version's turn split in two by the other). A pair is scored by shared
//! distinctive words (or, across languages, shared numbers and names) and by how well the
//! speakers match.

use super::dp::{self, Bead, Windows, bead};
use super::features::{Features, common};
use super::sketch::{Sketch, containment};
use crate::model::SpeakerId;
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
/// Transcripts with more turn pairs than this are aligned coarse to fine.
const FULL_TABLE_CELLS: usize = 40_000;
/// Blocks per transcript in the coarse alignment.
const COARSE_BLOCKS: usize = 300;

/// What the turn alignment compares of one turn.
#[derive(Debug, Clone)]
pub struct Profile {
    pub speaker: Option<SpeakerId>,
    stems: Sketch,
    /// Numbers and names, sorted and distinct.
    anchors: Vec<u32>,
    sentences: usize,
}

impl Profile {
    /// Bigger turns weigh more, but slowly: a long speech is not worth fifty short answers.
    fn weight(&self) -> f64 {
        1.0 + (1.0 + self.sentences as f64).ln()
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
            let mut anchors = distinct(|s| &s.numbers);
            anchors.extend(distinct(|s| &s.names));
            anchors.sort_unstable();
            Profile {
                speaker: *speaker,
                stems: Sketch::new(&distinct(|s| &s.stems)),
                anchors,
                sentences: sentences.len(),
            }
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

/// How likely two groups of turns are versions of each other, from 0 to 1. Content decides;
/// matching speakers strengthen content that is there but cannot stand in for it, or every
/// moderator turn would pair with every host turn of a long transcript.
pub fn quality<'p>(
    a: &'p [Profile],
    b: &'p [Profile],
    same_language: bool,
    speakers: &dyn Fn(Option<SpeakerId>, Option<SpeakerId>) -> f64,
) -> f64 {
    let content = if same_language {
        let stems = |profiles: &'p [Profile]| profiles.iter().map(|p| &p.stems);
        let distinct =
            |profiles: &[Profile]| profiles.iter().map(|p| p.stems.distinct).sum::<usize>();
        let smaller = distinct(a).min(distinct(b));
        containment(stems(a), stems(b)) * damping(smaller, 8)
    } else {
        // Across languages, anchors; failing those, turns of like size.
        let sentences = |profiles: &[Profile]| {
            profiles.iter().map(|p| p.sentences).sum::<usize>().max(1) as f64
        };
        let (sa, sb) = (sentences(a), sentences(b));
        let sizes = 0.25 * sa.min(sb) / sa.max(sb);
        overlap(&anchors(a), &anchors(b), 4).max(sizes)
    };
    let speaker = a
        .iter()
        .flat_map(|x| b.iter().map(move |y| speakers(x.speaker, y.speaker)))
        .fold(f64::INFINITY, f64::min);
    0.6 * content + 0.4 * speaker * (content / CONTENT_FOR_SPEAKERS).min(1.0)
}

/// A group of official turns paired with a group of the other's (either may be empty).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TurnLink {
    pub official: Range<usize>,
    pub other: Range<usize>,
    /// Pair quality from 0 to 1; 0 for a turn with no counterpart.
    pub score: f64,
}

/// Aligns turns. `speakers(a, b)` says how compatible two speakers are, from 0 to 1.
///
/// Long transcripts are first aligned as blocks of turns (content only), then turn by turn
/// near that coarse path. The coarse pass sees the whole document at once, so a stretch
/// that one version left out, or a repeated structure, cannot lead the fine pass astray.
pub fn align(
    a: &[Profile],
    b: &[Profile],
    same_language: bool,
    speakers: &dyn Fn(Option<SpeakerId>, Option<SpeakerId>) -> f64,
) -> Vec<TurnLink> {
    let path = if (a.len() + 1).saturating_mul(b.len() + 1) <= FULL_TABLE_CELLS {
        path(a, b, same_language, speakers, Windows::Full)
    } else {
        let (block_a, block_b) = (
            a.len().div_ceil(COARSE_BLOCKS),
            b.len().div_ceil(COARSE_BLOCKS),
        );
        let (blocks_a, blocks_b) = (blocks(a, block_a), blocks(b, block_b));
        let coarse = path(
            &blocks_a,
            &blocks_b,
            same_language,
            &|_, _| 0.0,
            Windows::Full,
        );
        let windows = dp::windows_around(&coarse, (a.len(), b.len()), (block_a, block_b), 1);
        path(a, b, same_language, speakers, Windows::Given(&windows))
    };
    path.into_iter()
        .map(|(x, y)| {
            let score = if x.is_empty() || y.is_empty() {
                0.0
            } else {
                quality(&a[x.clone()], &b[y.clone()], same_language, speakers)
            };
            TurnLink {
                official: x,
                other: y,
                score: (score * 1000.0).round() / 1000.0,
            }
        })
        .collect()
}

fn path(
    a: &[Profile],
    b: &[Profile],
    same_language: bool,
    speakers: &dyn Fn(Option<SpeakerId>, Option<SpeakerId>) -> f64,
    windows: Windows<'_>,
) -> Vec<(Range<usize>, Range<usize>)> {
    let weight = |profiles: &[Profile]| profiles.iter().map(Profile::weight).sum::<f64>();
    let (n, m) = (a.len(), b.len());
    dp::align(n, m, &BEADS, windows, |x, y| {
        let outside = if y.is_empty() {
            y.start == 0 || y.start == m
        } else {
            x.start == 0 || x.start == n
        };
        let (ta, tb) = (&a[x], &b[y]);
        if ta.is_empty() || tb.is_empty() {
            return -(if outside { END_GAP } else { GAP }) * (weight(ta) + weight(tb));
        }
        let q = quality(ta, tb, same_language, speakers);
        let merge = if ta.len() + tb.len() > 2 { MERGE } else { 0.0 };
        (weight(ta) + weight(tb)) / 2.0 * (q - THRESHOLD) - merge
    })
}

/// Consecutive turns taken together, `size` at a time.
fn blocks(profiles: &[Profile], size: usize) -> Vec<Profile> {
    profiles
        .chunks(size.max(1))
        .map(|chunk| {
            let sketches: Vec<&Sketch> = chunk.iter().map(|p| &p.stems).collect();
            Profile {
                speaker: None,
                stems: Sketch::union(&sketches),
                anchors: anchors(chunk).into_owned(),
                sentences: chunk.iter().map(|p| p.sentences).sum(),
            }
        })
        .collect()
}
