//! Sentence alignment inside a pair of matched turns: beads of 1-1, 1-0, 0-1, 2-1, 1-2, 2-2,
//! 1-3 and 3-1 sentences.
//!
//! In one language, shared word stems decide and length breaks ties. Across languages words
//! cannot be compared, so length (calibrated on the document) decides, helped by anchors that
//! survive translation: numbers, names (romanized where needed) and question marks.

use super::dp::{self, Bead, Windows, bead};
use super::features::{Features, common, merged};
use std::ops::Range;

const BEADS: [Bead; 8] = [
    bead(1, 1),
    bead(1, 0),
    bead(0, 1),
    bead(2, 1),
    bead(1, 2),
    bead(2, 2),
    bead(3, 1),
    bead(1, 3),
];
/// Turn pairs with more sentence pairs than this are aligned in a band that follows the path,
/// this many sentences either side.
const FULL_TABLE_CELLS: usize = 40_000;
const BAND: usize = 40;
/// Cost of a sentence left without counterpart.
const GAP: f64 = 0.1;
/// Cost of one after the other version stops: a version that covers only part of a turn
/// should leave one block unmatched at the end, not holes spread through it.
const END_GAP: f64 = 0.02;

/// What sentence comparison needs to know about the document pair.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub same_language: bool,
    /// Characters of the other version per character of the official one, over matched turns.
    pub length_ratio: f64,
}

impl Context {
    /// Quality a pair needs before it beats leaving both sides unmatched.
    fn threshold(self) -> f64 {
        if self.same_language { 0.22 } else { 0.3 }
    }
}

fn bead_cost(a: usize, b: usize) -> f64 {
    match (a, b) {
        (1, 1) => 0.0,
        (2, 1) | (1, 2) => 0.06,
        (2, 2) => 0.45,
        _ => 0.35,
    }
}

/// How well lengths agree, from 0 to 1, given the document's length ratio.
pub fn length_fit(a: &[&Features], b: &[&Features], ratio: f64) -> f64 {
    let chars = |side: &[&Features]| side.iter().map(|f| f.chars as f64).sum::<f64>().max(1.0);
    let r = chars(b) / (chars(a) * ratio);
    let spread = 0.45;
    (-(r.ln().powi(2)) / (2.0 * spread * spread)).exp()
}

/// Shared word stems (Dice coefficient over the stems, repeats counted), from 0 to 1. Two
/// sides without content words (`Thank you.` against `Thanks.`) count as agreeing.
pub fn word_overlap(a: &[&Features], b: &[&Features]) -> f64 {
    let (sa, sb) = (merged(a, |f| &f.stems), merged(b, |f| &f.stems));
    if sa.is_empty() && sb.is_empty() {
        return 1.0;
    }
    2.0 * common(&sa, &sb) as f64 / (sa.len() + sb.len()) as f64
}

/// How likely the two groups of sentences say the same thing, from 0 to 1. Free
/// translations share few words, so the overlap is stretched before length is added.
pub fn quality(a: &[&Features], b: &[&Features], context: Context) -> f64 {
    let fit = length_fit(a, b, context.length_ratio);
    if context.same_language {
        0.75 * (1.6 * word_overlap(a, b)).min(1.0) + 0.25 * fit
    } else {
        0.55 * fit + 0.45 * anchor_agreement(a, b)
    }
}

/// Shared numbers and names, and agreeing question marks, from 0 to 1. A shared anchor is
/// strong evidence; a missing one is weak, since translations drop and respell names.
fn anchor_agreement(a: &[&Features], b: &[&Features]) -> f64 {
    // Numbers and names are kept apart (their ids never collide), and counted per sentence so
    // that merging sentences does not collect anchors for free.
    let (na, nb) = (merged(a, |f| &f.numbers), merged(b, |f| &f.numbers));
    let shared_names = common(&merged(a, |f| &f.names), &merged(b, |f| &f.names));
    let shared = (common(&na, &nb) + shared_names) as f64 / a.len().max(b.len()) as f64;
    let mut score = (0.3 + 0.35 * shared).min(1.0);
    if common(&na, &nb) == 0 && na.len() + nb.len() > 0 {
        // Disjoint numbers contradict; a number on one side only is a weaker sign.
        score *= if na.is_empty() || nb.is_empty() {
            0.7
        } else {
            0.0
        };
    }
    let agree =
        |test: fn(&Features) -> bool| a.iter().any(|f| test(f)) == b.iter().any(|f| test(f));
    if !agree(|f| f.question) {
        score *= 0.5;
    }
    if !agree(|f| f.negated) {
        score *= 0.6;
    }
    score
}

/// Aligns the sentences of a turn pair. Returns beads as ranges into `a` and `b`.
pub fn align(
    a: &[&Features],
    b: &[&Features],
    context: Context,
) -> Vec<(Range<usize>, Range<usize>)> {
    let threshold = context.threshold();
    let (n, m) = (a.len(), b.len());
    let windows = if (n + 1) * (m + 1) <= FULL_TABLE_CELLS {
        Windows::Full
    } else {
        Windows::FollowPath(BAND)
    };
    dp::align(n, m, &BEADS, windows, |x, y| {
        let (na, nb) = (x.len(), y.len());
        if na == 0 || nb == 0 {
            let outside = if nb == 0 {
                y.start == 0 || y.start == m
            } else {
                x.start == 0 || x.start == n
            };
            return -(if outside { END_GAP } else { GAP }) * (na + nb) as f64;
        }
        let q = quality(&a[x], &b[y], context);
        (na + nb) as f64 / 2.0 * (q - threshold) - bead_cost(na, nb)
    })
}
