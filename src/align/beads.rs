//! Sentence alignment inside a pair of matched turns: beads of 1-1, 1-0, 0-1, 2-1, 1-2, 2-2,
//! 3-1, 1-3, 3-2, 2-3, 4-1 and 1-4 sentences (across languages, at most four).
//!
//! In one language, shared word stems decide and length breaks ties. Across languages words
//! cannot be compared, so length (calibrated on the document) decides, helped by anchors that
//! survive translation: numbers, names (romanized where needed), thanks and how sentences end
//! (a question, an exclamation).

use super::dp::{self, Bead, ToBeat, Windows, bead};
use super::features::{Features, common};
use crate::model::Pair;
use std::ops::Range;

/// Bead shapes, the [`BY_LENGTH`] that hold at most [`MAX_BEAD_BY_LENGTH`] sentences first.
const BEADS: [Bead; 12] = [
    bead(1, 1),
    bead(1, 0),
    bead(0, 1),
    bead(2, 1),
    bead(1, 2),
    bead(2, 2),
    bead(3, 1),
    bead(1, 3),
    bead(3, 2),
    bead(2, 3),
    bead(4, 1),
    bead(1, 4),
];
const BY_LENGTH: usize = 8;
const _: () = assert!(BEADS[BY_LENGTH - 1].a + BEADS[BY_LENGTH - 1].b <= MAX_BEAD_BY_LENGTH);
const _: () = assert!(BEADS[BY_LENGTH].a + BEADS[BY_LENGTH].b > MAX_BEAD_BY_LENGTH);

/// The beads worth trying: across languages only those that length can judge.
pub fn shapes(context: Context) -> &'static [Bead] {
    if context.same_language {
        &BEADS
    } else {
        &BEADS[..BY_LENGTH]
    }
}

/// The most sentences a bead may hold across languages, where only length and a few anchors
/// can be compared: a bigger bead would fit lengths by chance.
const MAX_BEAD_BY_LENGTH: usize = 4;
/// Turn pairs with more sentence pairs than this are aligned in a band that follows the path,
/// this many sentences either side.
const FULL_TABLE_CELLS: usize = 1_000;
/// Narrow, since a band is widened where its path reaches the edge: the corpus aligns the same
/// in a band of 6 as of 12, with 7% fewer instructions for the whole 100× export (of 4 and 5,
/// 5 costs about as much and 4 more, widened too often).
const BAND: usize = 6;
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
    /// One version revises the other's text, so the flags compare the wording word by word.
    pub revision: bool,
}

impl Context {
    /// Two versions in one language, of like length, neither revising the other.
    #[cfg(test)]
    pub fn one_language() -> Self {
        Context {
            same_language: true,
            length_ratio: 1.0,
            revision: false,
        }
    }

    /// Quality a pair needs before it beats leaving both sides unmatched.
    fn threshold(self) -> f64 {
        if self.same_language { 0.22 } else { 0.3 }
    }
}

fn bead_cost(a: usize, b: usize) -> f64 {
    match (a, b) {
        (1, 1) => 0.0,
        (2, 1) | (1, 2) => 0.06,
        (2, 2) | (3, 2) | (2, 3) => 0.45,
        _ => 0.35,
    }
}

/// How well lengths agree, from 0 to 1, given the document's length ratio.
pub fn length_fit(a: &[&Features], b: &[&Features], ratio: f64) -> f64 {
    let (a, b) = (chars(a).max(1.0), chars(b).max(1.0));
    log_ratio_fit(b / (a * ratio), (a + b / ratio) / 2.0)
}

fn chars(side: &[&Features]) -> f64 {
    side.iter().map(|f| f.chars as f64).sum()
}

/// How close a ratio of lengths, already divided by the expected one, is to 1, from 0 to 1,
/// for sentences of `size` characters of the official version. As in Gale and Church, the
/// lengths of short sentences vary more from one language to the other (`Thank you.` is half
/// the length of `ありがとうございました。` once the document's ratio is applied), so a short
/// bead's lengths are weaker evidence.
fn log_ratio_fit(r: f64, size: f64) -> f64 {
    let variance = 0.45f64.powi(2) + SHORT_VARIANCE / size.max(1.0);
    (-(r.ln().powi(2)) / (2.0 * variance)).exp()
}

/// Variance of the log length ratio that shrinks as a bead grows, times its size in
/// characters: Gale and Church's 6.8 per character (the variance of the length difference
/// grows with the length), on top of a floor for how freely long sentences are rendered.
const SHORT_VARIANCE: f64 = 6.8;

/// One side of a bead: its sentences, and their lists of stems, names and numbers merged
/// (sorted, repeats kept).
#[derive(Clone, Copy)]
pub struct Group<'a> {
    sentences: &'a [&'a Features],
    stems: &'a [u32],
    names: &'a [u32],
    numbers: &'a [u32],
}

/// The merged lists of one group of sentences, for scoring a single row.
pub struct Merged<'a> {
    sentences: &'a [&'a Features],
    stems: Vec<u32>,
    names: Vec<u32>,
    numbers: Vec<u32>,
}

impl<'a> Merged<'a> {
    pub fn new(sentences: &'a [&'a Features]) -> Self {
        Merged {
            sentences,
            stems: merged(sentences, |f| f.stems()),
            names: merged(sentences, |f| f.names()),
            numbers: merged(sentences, |f| f.numbers()),
        }
    }

    pub fn group(&self) -> Group<'_> {
        Group {
            sentences: self.sentences,
            stems: &self.stems,
            names: &self.names,
            numbers: &self.numbers,
        }
    }
}

fn merged(sentences: &[&Features], list: fn(&Features) -> &[u32]) -> Vec<u32> {
    let mut all: Vec<u32> = sentences.iter().flat_map(|f| list(f)).copied().collect();
    all.sort_unstable();
    all
}

/// The longest run of sentences on one side of a bead.
const MAX_RUN: usize = 4;

/// The merged lists of every run of one to [`MAX_RUN`] consecutive sentences of one side of a
/// turn pair, built once so that scoring the many candidate beads merges nothing.
struct Runs<'a> {
    sentences: &'a [&'a Features],
    signatures: Vec<Signature>,
    stems: RunLists,
    names: RunLists,
    numbers: RunLists,
}

impl<'a> Runs<'a> {
    /// Runs of up to `longest` sentences (the longest side of any bead tried).
    fn new(sentences: &'a [&'a Features], longest: usize) -> Self {
        let signatures: Vec<Signature> =
            sentences.iter().map(|f| Signature::of(f.stems())).collect();
        Runs {
            sentences,
            signatures,
            stems: RunLists::new(sentences, longest, |f| f.stems()),
            names: RunLists::new(sentences, longest, |f| f.names()),
            numbers: RunLists::new(sentences, longest, |f| f.numbers()),
        }
    }

    /// The union of the signatures of a run: a few instructions, where keeping it for every
    /// run took four signatures' room per sentence (a turn of a hundred thousand sentences).
    fn signature(&self, run: Range<usize>) -> Signature {
        union(&self.signatures[run])
    }

    fn group(&self, run: Range<usize>) -> Group<'_> {
        Group {
            sentences: &self.sentences[run.clone()],
            stems: self.stems.get(run.clone()),
            names: self.names.get(run.clone()),
            numbers: self.numbers.get(run),
        }
    }
}

/// The runs' lists one after another in `data`, in order of start and then length: each run's
/// list starts where the one before ends, so only the ends are kept.
struct RunLists {
    data: Vec<u32>,
    /// `ends[start * MAX_RUN + length - 1]` is where the run's slice of `data` ends.
    ends: Vec<u32>,
}

impl RunLists {
    fn new(sentences: &[&Features], longest: usize, list: fn(&Features) -> &[u32]) -> Self {
        let run = |start: usize, length: usize| {
            sentences
                .get(start..start + length)
                .filter(|_| length <= longest)
        };
        let runs = || {
            (0..sentences.len()).flat_map(|start| (1..=MAX_RUN).map(move |length| (start, length)))
        };
        // Sized exactly: on a long turn the lists are most of the aligner's memory.
        let size = runs()
            .filter_map(|(start, length)| run(start, length))
            .map(|run| run.iter().map(|f| list(f).len()).sum::<usize>())
            .sum();
        let mut lists = RunLists {
            data: Vec::with_capacity(size),
            ends: Vec::with_capacity(sentences.len() * MAX_RUN),
        };
        for (start, length) in runs() {
            let from = lists.data.len();
            match run(start, length) {
                Some([only]) => {
                    lists.data.extend_from_slice(list(only));
                    lists.data[from..].sort_unstable();
                }
                // The run one shorter was just written: merge in the last sentence's list.
                Some([.., last]) => {
                    let shorter = lists.slice(lists.ends.len() - 1);
                    merge_into(&mut lists.data, shorter, list(last));
                }
                _ => {}
            }
            lists.ends.push(lists.data.len() as u32);
        }
        lists
    }

    /// Where the `index`th run's list is in `data`.
    fn slice(&self, index: usize) -> Range<u32> {
        let start = index.checked_sub(1).map_or(0, |before| self.ends[before]);
        start..self.ends[index]
    }

    fn get(&self, run: Range<usize>) -> &[u32] {
        let slice = self.slice(run.start * MAX_RUN + run.len() - 1);
        &self.data[slice.start as usize..slice.end as usize]
    }
}

/// Appends to `data` the sorted merge of its sorted `run` and the sorted `next`: the same as
/// sorting the two together, for the cost of one pass.
fn merge_into(data: &mut Vec<u32>, run: Range<u32>, next: &[u32]) {
    let (mut i, end) = (run.start as usize, run.end as usize);
    for &value in next {
        while i < end && data[i] <= value {
            data.push(data[i]);
            i += 1;
        }
        data.push(value);
    }
    while i < end {
        data.push(data[i]);
        i += 1;
    }
}

/// How likely the two groups of sentences say the same thing, from 0 to 1. Free translations
/// share few words, so the overlap is stretched before length is added.
pub fn quality(a: Group, b: Group, context: Context) -> f64 {
    quality_counting(a, b, context, || common(a.stems, b.stems))
}

/// [`quality`], given how to count the stems the two groups share.
fn quality_counting(
    a: Group,
    b: Group,
    context: Context,
    shared_stems: impl FnOnce() -> usize,
) -> f64 {
    let fit = length_fit(a.sentences, b.sentences, context.length_ratio);
    if context.same_language {
        0.75 * (1.6 * overlap_counting(a, b, shared_stems)).min(1.0) + 0.25 * fit
    } else {
        0.55 * fit + 0.45 * anchor_agreement(a, b)
    }
}

/// Shared word stems (Dice coefficient over the stems, repeats counted), from 0 to 1. Two
/// sides without content words (`Thank you.` against `Thanks.`) count as agreeing.
pub fn word_overlap(a: Group, b: Group) -> f64 {
    overlap_counting(a, b, || common(a.stems, b.stems))
}

fn overlap_counting(a: Group, b: Group, shared_stems: impl FnOnce() -> usize) -> f64 {
    let total = a.stems.len() + b.stems.len();
    if total == 0 {
        1.0
    } else {
        2.0 * shared_stems() as f64 / total as f64
    }
}

/// Shared numbers, names and thanks, and agreeing endings and negation, from 0 to 1. A shared
/// anchor is strong evidence; a missing one is weak, since translations drop and respell
/// names. Anchors count per sentence, so merging sentences does not collect them for free.
fn anchor_agreement(a: Group, b: Group) -> f64 {
    let shared_numbers = common(a.numbers, b.numbers);
    let shared_names = common(a.names, b.names);
    let thanks = |group: Group| group.sentences.iter().filter(|f| f.thanks).count();
    let shared_thanks = thanks(a).min(thanks(b));
    let shared = (shared_numbers + shared_names + shared_thanks) as f64
        / a.sentences.len().max(b.sentences.len()) as f64;
    let mut score = (0.3 + 0.35 * shared).min(1.0);
    if shared_numbers == 0 && !(a.numbers.is_empty() && b.numbers.is_empty()) {
        // Disjoint numbers contradict; a number on one side only is a weaker sign.
        score *= if a.numbers.is_empty() || b.numbers.is_empty() {
            0.7
        } else {
            0.0
        };
    }
    // Kinds of sentence translators keep: a thanks with a thanks, and a bead ends as its last
    // sentence does on both sides (a question with a question, an exclamation with an
    // exclamation).
    let ending = |group: Group| group.sentences.last().map(|f| f.ending);
    let thanks_on_one_side = shared_thanks == 0 && thanks(a) + thanks(b) > 0;
    if ending(a) != ending(b) || thanks_on_one_side {
        score *= 0.5;
    }
    let negated = |group: Group| group.sentences.iter().any(|f| f.negated);
    if negated(a) != negated(b) {
        score *= 0.6;
    }
    score
}

/// The value of a bead of sentences: how much pairing them gains over leaving them out.
pub struct Scorer<'a> {
    runs: Pair<Runs<'a>>,
    context: Context,
    /// Whether the two sequences end where the documents end, so that what one version has
    /// after the other stops is one block left out, not holes.
    open_end: bool,
}

impl<'a> Scorer<'a> {
    pub fn new(a: &'a [&'a Features], b: &'a [&'a Features], context: Context) -> Self {
        let longest = shapes(context).iter().map(|s| s.a.max(s.b)).max();
        let longest = longest.unwrap_or(MAX_RUN);
        Scorer {
            runs: Pair::new(Runs::new(a, longest), Runs::new(b, longest)),
            context,
            open_end: true,
        }
    }

    /// For stretches inside the documents: leaving out sentences at their end costs as much
    /// as anywhere.
    pub fn closed_end(self) -> Self {
        Scorer {
            open_end: false,
            ..self
        }
    }

    /// What the two groups share beyond length, from 0 to 1: word stems in one language;
    /// across languages, shared names and numbers per sentence of the longer side.
    pub fn shared_content(&self, x: Range<usize>, y: Range<usize>) -> f64 {
        if self.context.same_language {
            // Distinct words, compared by signature: this is asked of every pair the second
            // look weighs, most of which share nothing.
            let a = self.runs.official.signature(x);
            let b = self.runs.other.signature(y);
            let total = a.count() + b.count();
            return if total == 0 {
                1.0
            } else {
                2.0 * a.shared(b) as f64 / total as f64
            };
        }
        let (a, b) = (self.runs.official.group(x), self.runs.other.group(y));
        {
            let shared = common(a.numbers, b.numbers) + common(a.names, b.names);
            (shared as f64 / a.sentences.len().max(b.sentences.len()) as f64).min(1.0)
        }
    }

    /// Whether a bead may beat the best choice of its cell (see [`ToBeat`]), judged from ever
    /// tighter values that [`Scorer::value`] cannot exceed, each far cheaper than the value: in
    /// one language most beads a cell tries share few words, and are dropped before their
    /// support is worked out.
    pub fn worth_scoring(&self, x: Range<usize>, y: Range<usize>, to_beat: ToBeat) -> bool {
        if !self.context.same_language || x.is_empty() || y.is_empty() {
            return true;
        }
        let (na, nb) = (x.len(), y.len());
        let reaches =
            |overlap: f64, fit: f64| to_beat.within_reach(self.bound(na, nb, overlap, fit));
        let stems = self.stems(x.clone(), y.clone());
        // Each test costs more than the one before and is at least as tight; the length fit
        // is at most 1.
        reaches(stems.overlap_at_most(Reading::Counts), 1.0) && {
            let overlap = stems.overlap_at_most(Reading::EachStem);
            reaches(overlap, 1.0) && reaches(overlap, self.fit(x, y))
        }
    }

    fn stems(&self, x: Range<usize>, y: Range<usize>) -> Stems<'_> {
        Stems {
            lists: Pair::new(
                self.runs.official.stems.get(x.clone()),
                self.runs.other.stems.get(y.clone()),
            ),
            signatures: Pair::new(
                self.runs.official.signature(x),
                self.runs.other.signature(y),
            ),
        }
    }

    fn fit(&self, x: Range<usize>, y: Range<usize>) -> f64 {
        length_fit(
            &self.runs.official.sentences[x],
            &self.runs.other.sentences[y],
            self.context.length_ratio,
        )
    }

    /// The value of a bead of `na` and `nb` sentences whose stems overlap by at most `overlap`
    /// and whose lengths fit by at most `fit`, every sentence counted. Each step bounds the
    /// same step of [`Scorer::value`], so the bound holds in floating point too.
    fn bound(&self, na: usize, nb: usize, overlap: f64, fit: f64) -> f64 {
        let quality = 0.75 * (1.6 * overlap).min(1.0) + 0.25 * fit;
        let gain = quality - self.context.threshold();
        ((na + nb) as f64 / 2.0 * gain).max(0.0) - bead_cost(na, nb)
    }

    pub fn value(&self, x: Range<usize>, y: Range<usize>) -> f64 {
        let (na, nb) = (x.len(), y.len());
        if na == 0 || nb == 0 {
            let (n, m) = (
                self.runs.official.sentences.len(),
                self.runs.other.sentences.len(),
            );
            let after_the_other_stops = if nb == 0 { y.start == m } else { x.start == n };
            let cost = if after_the_other_stops && self.open_end {
                END_GAP
            } else {
                GAP
            };
            return -cost * (na + nb) as f64;
        }
        if !self.context.same_language && na + nb > MAX_BEAD_BY_LENGTH {
            return f64::NEG_INFINITY;
        }
        let (sa, sb) = (
            &self.runs.official.signatures[x.clone()],
            &self.runs.other.signatures[y.clone()],
        );
        let (a, b) = (
            self.runs.official.group(x.clone()),
            self.runs.other.group(y.clone()),
        );
        let (x, y, gain) = if self.context.same_language {
            let (ua, ub) = (
                self.runs.official.signature(x),
                self.runs.other.signature(y),
            );
            // Groups whose signatures share no bit share no stem: nothing to count.
            let shared_stems = || {
                if ua.shared(ub) == 0 {
                    0
                } else {
                    common_through((a.stems, ua), (b.stems, ub))
                }
            };
            let quality = quality_counting(a, b, self.context, shared_stems);
            (support(sa, ub), support(sb, ua), quality)
        } else {
            let ratio = self.context.length_ratio;
            let quality = quality(a, b, self.context);
            (
                length_support(a, b, ratio),
                length_support(b, a, 1.0 / ratio),
                quality,
            )
        };
        let gain = gain - self.context.threshold();
        let unsupported = x.unsupported + y.unsupported;
        let counted = na + nb - unsupported - x.neutral - y.neutral;
        // An unsupported sentence gains nothing by joining the bead and costs what leaving it
        // out would: a fragment is not attached to a neighbour that does not say it.
        counted as f64 / 2.0 * gain - unsupported as f64 * GAP - bead_cost(na, nb)
    }
}

/// The stems of the two sides of a bead, for bounding what they share.
struct Stems<'a> {
    lists: Pair<&'a [u32]>,
    signatures: Pair<Signature>,
}

/// How closely [`Stems::overlap_at_most`] reads the two sides.
#[derive(Clone, Copy)]
enum Reading {
    Counts,
    EachStem,
}

impl Stems<'_> {
    /// An overlap of stems (see [`word_overlap`]) that the two sides' own cannot exceed:
    /// none when their signatures do not meet; else, from the counts alone, the smaller
    /// side's every stem, or, from each stem of lists within [`ROOM`], those whose bit is in
    /// the other's signature (each repeat counted).
    fn overlap_at_most(&self, reading: Reading) -> f64 {
        let (lists, signatures) = (self.lists, self.signatures);
        let total = lists.official.len() + lists.other.len();
        if total == 0 {
            return 1.0;
        }
        if signatures.official.shared(signatures.other) == 0 {
            return 0.0;
        }
        let long = lists.official.len() > ROOM || lists.other.len() > ROOM;
        let most = match reading {
            Reading::EachStem if !long => {
                let reachable = |list: &[u32], other: Signature| {
                    list.iter().filter(|&&stem| other.has(stem)).count()
                };
                reachable(lists.official, signatures.other)
                    .min(reachable(lists.other, signatures.official))
            }
            _ => lists.official.len().min(lists.other.len()),
        };
        2.0 * most as f64 / total as f64
    }
}

/// A sentence of a group of several whose words the other side hardly has.
const SUPPORTED: f64 = 0.25;

/// A sentence's content words as a set of 256 bits: enough to tell whether a sentence shares a
/// quarter of its words with a group in a few instructions (a word lands on another's bit now
/// and then, which only makes a sentence look a little better supported).
#[derive(Clone, Copy, Default)]
struct Signature([u64; 4]);

impl Signature {
    fn of(stems: &[u32]) -> Self {
        let mut bits = [0u64; 4];
        for &stem in stems {
            let bit = (stem.wrapping_mul(0x9E37_79B1) >> 24) as usize;
            bits[bit / 64] |= 1 << (bit % 64);
        }
        Signature(bits)
    }

    fn union(self, other: Self) -> Self {
        Signature(std::array::from_fn(|k| self.0[k] | other.0[k]))
    }

    fn minus(self, other: Self) -> Self {
        Signature(std::array::from_fn(|k| self.0[k] & !other.0[k]))
    }

    fn count(self) -> u32 {
        self.0.iter().map(|w| w.count_ones()).sum()
    }

    fn shared(self, other: Self) -> u32 {
        self.0
            .iter()
            .zip(other.0)
            .map(|(a, b)| (a & b).count_ones())
            .sum()
    }

    fn has(self, stem: u32) -> bool {
        let bit = (stem.wrapping_mul(0x9E37_79B1) >> 24) as usize;
        (self.0[bit / 64] >> (bit % 64)) & 1 == 1
    }
}

/// The most stems a list may have for [`common_through`] to read it through signatures, into
/// buffers of this size; the bound on shared stems reads each stem under the same condition
/// (a longer list sets most of the other's bits anyway).
const ROOM: usize = 64;

/// [`common`] of two lists of stems, each given with its signature. A stem whose bit the other
/// list's signature lacks is not in that list, so both lists are first cut to the stems that
/// may be shared: the merge that counts, a chain of steps each waiting on the last, is then a
/// few steps instead of dozens (it was a fifth of a long export's time).
fn common_through((a, sa): (&[u32], Signature), (b, sb): (&[u32], Signature)) -> usize {
    if a.len() > ROOM || b.len() > ROOM {
        return common(a, b);
    }
    // Every stem is written, and kept by moving on only where it may be shared.
    let kept = |list: &[u32], other: Signature, into: &mut [u32; ROOM]| {
        let mut count = 0;
        for &stem in list {
            into[count] = stem;
            count += usize::from(other.has(stem));
        }
        count
    };
    let (mut kept_a, mut kept_b) = ([0u32; ROOM], [0u32; ROOM]);
    let (na, nb) = (kept(a, sb, &mut kept_a), kept(b, sa, &mut kept_b));
    common(&kept_a[..na], &kept_b[..nb])
}

/// How the sentences of `group`, when it has several, are supported by `other`.
#[derive(Clone, Copy, Default)]
struct Support {
    /// Sentences that share less than [`SUPPORTED`] of their content words with `other`.
    unsupported: usize,
    /// Sentences without content words (`How are you?`): they neither gain nor cost, so that
    /// they cannot ride along in a bead to multiply its gain.
    neutral: usize,
}

/// The union of signatures.
fn union(signatures: &[Signature]) -> Signature {
    signatures
        .iter()
        .fold(Signature::default(), |all, s| all.union(*s))
}

/// How the sentences of `group` are supported by the other side, `other` the union of its
/// signatures.
fn support(group: &[Signature], other: Signature) -> Support {
    if group.len() < 2 {
        return Support::default();
    }
    let mut support = Support::default();
    for (i, sentence) in group.iter().enumerate() {
        let words = sentence.count();
        // What the other sentences of the group already share with `other` is theirs: a
        // repetition (`They were invented in America.` after `These chips were invented in
        // America.`) says nothing the bead lacks without it.
        let said_by_the_rest = group
            .iter()
            .enumerate()
            .filter(|&(k, _)| k != i)
            .fold(Signature::default(), |all, (_, s)| all.union(*s));
        let available = other.minus(said_by_the_rest);
        if words == 0 {
            support.neutral += 1;
        } else if (sentence.shared(available) as f64) < SUPPORTED * words as f64 {
            support.unsupported += 1;
        }
    }
    support
}

/// How the sentences of `group`, when it has several, are supported by `other` across
/// languages, where words cannot be compared: a sentence at either end of the group is
/// supported when it shares a number,
/// a name or a thanks with `other`, or when the two sides' lengths are closer with it than
/// without it. A sentence the other version leaves out (`So it had a dual side.` beside a long
/// one) would otherwise ride along, since it barely moves a long bead's length. `scale` turns
/// characters of `group` into characters of `other` (the document's length ratio or its
/// inverse).
fn length_support(group: Group, other: Group, scale: f64) -> Support {
    if group.sentences.len() < 2 {
        return Support::default();
    }
    let theirs = chars(other.sentences);
    let all = chars(group.sentences);
    let expected = all * scale;
    if expected <= theirs {
        // A side no longer than the other expects needs every sentence it has.
        return Support::default();
    }
    // Without the sentence, the lengths are at least as close: it is still longer than the
    // other expects, or shorter by a factor no bigger than the one it is longer by with it
    // (theirs / without <= expected / theirs).
    let closer_without = |f: &Features| {
        let without = (all - f.chars as f64) * scale;
        without >= theirs || theirs * theirs <= without * expected
    };
    let shares = |mine: &[u32], theirs: &[u32]| !mine.is_empty() && common(mine, theirs) > 0;
    let anchored = |f: &Features| {
        f.thanks && other.sentences.iter().any(|o| o.thanks)
            || shares(f.numbers(), other.numbers)
            || shares(f.names(), other.names)
    };
    // Only the first and the last sentence can be left out of the bead instead: one between
    // them is the bead's own. Length first: it is cheaper, and decides most sentences.
    let ends = [
        group.sentences[0],
        group.sentences[group.sentences.len() - 1],
    ];
    let unsupported = ends
        .iter()
        .filter(|f| closer_without(f) && !anchored(f))
        .count();
    Support {
        unsupported,
        neutral: 0,
    }
}

/// Aligns the sentences of a turn pair. Returns beads as ranges into `a` and `b`.
pub fn align(
    a: &[&Features],
    b: &[&Features],
    context: Context,
) -> Vec<(Range<usize>, Range<usize>)> {
    let (n, m) = (a.len(), b.len());
    let scorer = Scorer::new(a, b, context);
    dp::align_bounded(
        n,
        m,
        shapes(context),
        windows(n, m),
        |x, y| scorer.value(x, y),
        |x, y, to_beat| scorer.worth_scoring(x, y, to_beat),
        |path, half| same_words_one_sided(path, Pair::new(a, b)) > half,
    )
}

/// How many sentences `path` leaves one-sided on the other side whose stems a sentence
/// one-sided on the official side has too: text both versions hold, shown missing. More than
/// a band's half-width of them is how a band pulled ahead of the path shows.
pub fn same_words_one_sided(
    path: &[(Range<usize>, Range<usize>)],
    sentences: Pair<&[&Features]>,
) -> usize {
    let one_sided = path.iter().filter(|(x, y)| x.is_empty() != y.is_empty());
    let official: std::collections::HashSet<&[u32]> = one_sided
        .clone()
        .flat_map(|(x, _)| &sentences.official[x.clone()])
        .map(|f| f.stems())
        .filter(|stems| !stems.is_empty())
        .collect();
    one_sided
        .flat_map(|(_, y)| &sentences.other[y.clone()])
        .filter(|f| official.contains(f.stems()))
        .count()
}

/// The whole table for small problems, else a band that follows the path.
pub fn windows(n: usize, m: usize) -> Windows<'static> {
    if (n + 1) * (m + 1) <= FULL_TABLE_CELLS {
        Windows::Full
    } else {
        Windows::FollowPath(BAND)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features::features;
    use crate::align::interner::Interner;

    /// The bound the aligner prunes with holds for every bead it tries on the bundled pair,
    /// against the other version and against itself (where beads share the most words).
    #[test]
    fn no_bead_is_worth_more_than_its_bound() {
        let mut interner = Interner::default();
        let mut read = |transcript: crate::model::Transcript| -> Vec<Features> {
            let texts = transcript.sentence_texts().take(80);
            texts.map(|text| features(text, &mut interner)).collect()
        };
        let official = read(crate::bundled::official().unwrap());
        let other = read(crate::bundled::other().unwrap());
        let context = Context::one_language();
        let (official, other): (Vec<&Features>, Vec<&Features>) =
            (official.iter().collect(), other.iter().collect());
        for counterpart in [&other, &official] {
            let scorer = Scorer::new(&official, counterpart, context);
            let (n, m) = (official.len(), counterpart.len());
            for i in 0..n {
                for j in i.saturating_sub(8)..(i + 8).min(m) {
                    for shape in shapes(context) {
                        let (x, y) = (i..(i + shape.a).min(n), j..(j + shape.b).min(m));
                        if x.is_empty() || y.is_empty() {
                            continue;
                        }
                        let value = scorer.value(x.clone(), y.clone());
                        let (na, nb) = (x.len(), y.len());
                        let fit = scorer.fit(x.clone(), y.clone());
                        for reading in [Reading::Counts, Reading::EachStem] {
                            let stems = scorer.stems(x.clone(), y.clone());
                            let overlap = stems.overlap_at_most(reading);
                            for fit in [1.0, fit] {
                                let bound = scorer.bound(na, nb, overlap, fit);
                                assert!(value <= bound, "at {i}, {j}");
                            }
                        }
                    }
                }
            }
        }
    }
}
