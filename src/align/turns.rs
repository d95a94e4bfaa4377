//! Turn alignment: which turns of one version correspond to which of the other.
//!
//! A monotone alignment with gaps (either version may add or leave out turns, or stop early)
//! and merges (one version's turn split in two by the other). A pair is scored by shared
//! distinctive words (or, across languages, shared numbers and names) and by how well the
//! speakers match.

use super::dp::{self, Bead, bead};
use super::features::{Features, common};
use crate::model::SpeakerId;
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

const BEADS: [Bead; 5] = [bead(1, 1), bead(1, 0), bead(0, 1), bead(2, 1), bead(1, 2)];
/// A pair below this quality is worth less than leaving both turns unmatched.
const THRESHOLD: f64 = 0.22;
/// Cost of leaving a turn unmatched, per unit of turn weight.
const GAP: f64 = 0.08;
/// Cost of a merge over a plain pair, so that equal evidence prefers one-to-one.
const MERGE: f64 = 0.1;
/// Distinctive stems kept per turn.
const PROFILE_STEMS: usize = 64;
/// Half-width of the band, in turns, for very long transcripts.
const BAND: usize = 48;

/// What the turn alignment compares of one turn.
#[derive(Debug, Clone)]
pub struct Profile {
    pub speaker: Option<SpeakerId>,
    /// The turn's rarest stems across both transcripts, sorted.
    stems: Vec<u32>,
    anchors: Vec<u32>,
    sentences: usize,
}

impl Profile {
    /// Bigger turns weigh more, but slowly: a long speech is not worth fifty short answers.
    fn weight(&self) -> f64 {
        1.0 + (1.0 + self.sentences as f64).ln()
    }
}

/// Builds turn profiles for both transcripts. Stems are ranked by how few turns of either
/// transcript use them.
pub fn profiles(official: &[(Option<SpeakerId>, Vec<Features>)], other: &[(Option<SpeakerId>, Vec<Features>)]) -> (Vec<Profile>, Vec<Profile>) {
    let mut turn_frequency: HashMap<u32, u32> = HashMap::new();
    let distinct = |sentences: &[Features]| {
        let mut stems: Vec<u32> = sentences.iter().flat_map(|s| s.stems.iter().copied()).collect();
        stems.sort_unstable();
        stems.dedup();
        stems
    };
    let stems_a: Vec<Vec<u32>> = official.iter().map(|(_, s)| distinct(s)).collect();
    let stems_b: Vec<Vec<u32>> = other.iter().map(|(_, s)| distinct(s)).collect();
    for stem in stems_a.iter().chain(&stems_b).flatten() {
        *turn_frequency.entry(*stem).or_default() += 1;
    }
    let build = |turns: &[(Option<SpeakerId>, Vec<Features>)], stems: Vec<Vec<u32>>| {
        turns
            .iter()
            .zip(stems)
            .map(|((speaker, sentences), mut stems)| {
                stems.sort_by_key(|s| (turn_frequency[s], *s));
                stems.truncate(PROFILE_STEMS);
                stems.sort_unstable();
                let mut anchors: Vec<u32> = sentences
                    .iter()
                    .flat_map(|s| s.numbers.iter().chain(&s.names).copied())
                    .collect();
                anchors.sort_unstable();
                anchors.dedup();
                Profile {
                    speaker: *speaker,
                    stems,
                    anchors,
                    sentences: sentences.len(),
                }
            })
            .collect::<Vec<_>>()
    };
    (build(official, stems_a), build(other, stems_b))
}

/// The distinct ids of several turns; a single turn's list is used as it is.
fn union<'a>(profiles: &'a [Profile], list: fn(&Profile) -> &Vec<u32>) -> Cow<'a, [u32]> {
    if let [single] = profiles {
        return Cow::Borrowed(list(single));
    }
    let mut all: Vec<u32> = profiles.iter().flat_map(list).copied().collect();
    all.sort_unstable();
    all.dedup();
    Cow::Owned(all)
}

/// Overlap coefficient, damped for small sets, which agree by chance.
fn overlap(a: &[u32], b: &[u32], full_at: usize) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    let damping = (smaller as f64 / full_at as f64).min(1.0);
    common(a, b) as f64 / smaller as f64 * damping
}

/// How likely two groups of turns are versions of each other, from 0 to 1.
pub fn quality(a: &[Profile], b: &[Profile], same_language: bool, speakers: &dyn Fn(Option<SpeakerId>, Option<SpeakerId>) -> f64) -> f64 {
    let content = if same_language {
        overlap(&union(a, |p| &p.stems), &union(b, |p| &p.stems), 8)
    } else {
        overlap(&union(a, |p| &p.anchors), &union(b, |p| &p.anchors), 4)
    };
    let speaker = a
        .iter()
        .flat_map(|x| b.iter().map(move |y| speakers(x.speaker, y.speaker)))
        .fold(f64::INFINITY, f64::min);
    0.5 * content + 0.5 * speaker
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
pub fn align(a: &[Profile], b: &[Profile], same_language: bool, speakers: &dyn Fn(Option<SpeakerId>, Option<SpeakerId>) -> f64) -> Vec<TurnLink> {
    let weight = |profiles: &[Profile]| profiles.iter().map(Profile::weight).sum::<f64>();
    let path = dp::align(a.len(), b.len(), &BEADS, BAND, |x, y| {
        let (ta, tb) = (&a[x], &b[y]);
        if ta.is_empty() || tb.is_empty() {
            return -GAP * (weight(ta) + weight(tb));
        }
        let q = quality(ta, tb, same_language, speakers);
        let merge = if ta.len() + tb.len() > 2 { MERGE } else { 0.0 };
        (weight(ta) + weight(tb)) / 2.0 * (q - THRESHOLD) - merge
    });
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
