//! A second look where aligning sentences inside paired turns let readers down: where sentences
//! of both versions are left without counterpart close together (versions cut into turns, or
//! labelled, differently), the stretch of rows around them is aligned again as one sequence,
//! across the turn boundaries. There turns are evidence, not walls: a pair across two turn
//! links needs more in common than a pair inside one, and no bead joins sentences of two links.

use super::beads::{self, Context, Scorer};
use super::dp::{self, ToBeat, Windows};
use super::features::Features;
use super::{Row, Version, anchors};
use crate::model::{Pair, SentenceRef, TimeSpan};
use std::ops::Range;

/// One-sided rows this close (this many paired rows between them) are looked at together.
const BRIDGE: usize = 2;
/// Paired rows taken in on either side of a stretch, so that a sentence attached to the wrong
/// neighbour can move.
const PAD: usize = 1;
/// Stretches with more sentence pairs than this are aligned in windows, not the whole table.
const FULL_TABLE_CELLS: usize = 250_000;
/// Columns either side of the path between two anchors.
const ANCHOR_RADIUS: usize = 12;

/// Whether the speakers of two groups of sentences, one of each version, are judged different.
pub(super) type SpeakersDiffer<'f> = dyn Fn(&[SentenceRef], &[SentenceRef]) -> bool + Sync + 'f;

/// How much a pair gains per sentence for the share of their cue times that overlap, above
/// [`TIME_NEUTRAL`].
const TIME_WEIGHT: f64 = 0.6;
const TIME_NEUTRAL: f64 = 0.2;
/// Cue times overlapping this much (of the shorter stretch) support a pair across links.
const TIMES_AGREE: f64 = 0.5;

/// How much later the second version's times run than the first's: the difference of start
/// times that most pairs of sentences agree on (to half a second, within two minutes), or 0
/// when no difference stands out. Two subtitle files of one video may be cut from different
/// starts.
fn time_offset(a: &[Option<TimeSpan>], b: &[Option<TimeSpan>]) -> f64 {
    const STEP: f64 = 0.5;
    const REACH: f64 = 120.0;
    let starts = |times: &[Option<TimeSpan>]| -> Vec<f64> {
        times.iter().flatten().map(|t| t.start).collect()
    };
    let (a, b) = (starts(a), starts(b));
    if a.is_empty() || b.is_empty() || a.len() * b.len() > FULL_TABLE_CELLS {
        return 0.0;
    }
    let mut votes: std::collections::BTreeMap<i64, usize> = std::collections::BTreeMap::new();
    for x in &a {
        for y in &b {
            let difference = y - x;
            if difference.abs() <= REACH {
                *votes.entry((difference / STEP).round() as i64).or_default() += 1;
            }
        }
    }
    let (step, count) = votes
        .iter()
        .max_by_key(|&(step, count)| (*count, -step.abs()))
        .map_or((0, 0), |(&step, &count)| (step, count));
    // The true offset is voted for by about every pair of counterparts; a chance difference
    // by a few.
    if count * 3 >= a.len().min(b.len()) {
        step as f64 * STEP
    } else {
        0.0
    }
}

/// How two stretches of media time overlap.
#[derive(Clone, Copy)]
struct Overlap {
    /// The shared time over the time either covers.
    union: f64,
    /// The shared time over the shorter stretch's.
    within: f64,
}

fn overlap((a0, a1): (f64, f64), (b0, b1): (f64, f64)) -> Overlap {
    let shared = (a1.min(b1) - a0.max(b0)).max(0.0);
    let share = |whole: f64| {
        if whole > 0.0 {
            shared / whole
        } else {
            f64::from(u8::from(a0 == b0))
        }
    };
    Overlap {
        union: share(a1.max(b1) - a0.min(b0)),
        within: share((a1 - a0).min(b1 - b0)),
    }
}

/// What a pair across two turn links pays per sentence: the turn alignment's evidence is
/// outweighed only by clearly better content.
const CROSSING: f64 = 0.15;

/// Shared content above which two sentences say nearly the same, whoever the labels name.
const NEARLY_THE_SAME: f64 = 0.8;
/// Content words a sentence needs before its text, rather than its speaker, can tell where it
/// belongs.
const DISTINCTIVE_STEMS: usize = 3;

/// What a pair across two turn links must share beyond length (see
/// [`Scorer::shared_content`]): most of its word stems in one language; across languages,
/// where two sentences of similar length are common, a name or number per sentence.
fn crossing_needs(context: Context) -> f64 {
    if context.same_language { 0.5 } else { 1.0 }
}

/// The stretches of rows worth a second look: one-sided rows of both versions close together,
/// with a paired row either side.
pub(super) fn stretches(rows: &[Row]) -> Vec<Range<usize>> {
    let open: Vec<usize> = (0..rows.len()).filter(|&i| !rows[i].is_paired()).collect();
    let mut stretches: Vec<Range<usize>> = Vec::new();
    for &i in &open {
        let padded = i.saturating_sub(PAD)..(i + 1 + PAD).min(rows.len());
        match stretches.last_mut() {
            Some(last) if padded.start <= last.end + BRIDGE => last.end = padded.end,
            _ => stretches.push(padded),
        }
    }
    stretches.retain(|stretch| {
        let rows = &rows[stretch.clone()];
        rows.iter().any(|r| r.sides.other.is_empty())
            && rows.iter().any(|r| r.sides.official.is_empty())
    });
    stretches
}

/// One version's sentences in a stretch, in order, with the turn link each came from.
struct Sequence<'a> {
    refs: Vec<SentenceRef>,
    links: Vec<usize>,
    features: Vec<&'a Features>,
    texts: Vec<&'a str>,
    /// Media times (subtitle cues), where the version has them.
    times: Vec<Option<TimeSpan>>,
}

impl<'a> Sequence<'a> {
    fn of(rows: &[Row], side: &'a Version<'a>, refs_of: fn(&Row) -> &[SentenceRef]) -> Self {
        let mut sequence = Sequence {
            refs: Vec::new(),
            links: Vec::new(),
            features: Vec::new(),
            texts: Vec::new(),
            times: Vec::new(),
        };
        for row in rows {
            for &r in refs_of(row) {
                sequence.refs.push(r);
                sequence.links.push(row.link);
                sequence.features.push(&side.features[r.turn].1[r.sentence]);
                let sentence = side.sentence(r);
                sequence.texts.push(sentence.text.as_str());
                sequence.times.push(sentence.time.as_deref().copied());
            }
        }
        sequence
    }

    /// The media time a run of sentences covers, if each has one.
    fn span(&self, run: &Range<usize>) -> Option<(f64, f64)> {
        let times = self.times.get(run.clone())?;
        let first = times.first()?.as_ref()?;
        let last = times.last()?.as_ref()?;
        times.iter().all(Option::is_some).then(|| {
            let end = last.end.unwrap_or(last.start).max(first.start);
            (first.start, end)
        })
    }

    /// The link of a run of sentences, if they all come from one.
    fn link(&self, run: &Range<usize>) -> Option<usize> {
        let (first, last) = (
            self.links.get(run.start)?,
            self.links.get(run.end.checked_sub(1)?)?,
        );
        (run.start < run.end && first == last).then_some(*first)
    }
}

/// How a candidate bead of a stretch is valued in the second look: as in the first pass, with
/// cue times as evidence, and across turn links only where content, times or speakers allow.
struct Weigh<'w, 'a> {
    x: &'w Sequence<'a>,
    y: &'w Sequence<'a>,
    scorer: &'w Scorer<'w>,
    context: Context,
    speakers_differ: &'w SpeakersDiffer<'w>,
    /// Shared content a bead needs to cross turn links.
    needs: f64,
    /// How much later the second version's times run.
    offset: f64,
}

impl Weigh<'_, '_> {
    /// Whether a bead joins sentences of two turn links on one side: it never may.
    fn joins_links(&self, p: &Range<usize>, q: &Range<usize>) -> bool {
        (p.len() > 1 && self.x.link(p).is_none()) || (q.len() > 1 && self.y.link(q).is_none())
    }

    /// Whether a bead pairs sentences of different turn links.
    fn crosses(&self, p: &Range<usize>, q: &Range<usize>) -> bool {
        !p.is_empty() && !q.is_empty() && self.x.link(p) != self.y.link(q)
    }

    /// Whether a bead may beat the best choice of its cell (see [`ToBeat`]). A bead that
    /// joins links is worth nothing.
    /// In one language a bead weighs at most its value in the first pass (cue times count
    /// only across languages, and crossing links costs), so the scorer's bound holds; across
    /// languages the scorer prunes nothing.
    // Inlined into the dynamic programme's loop, where it runs for every bead of every cell:
    // called out of line, the 100× export took 2% more instructions.
    #[inline]
    fn worth_scoring(&self, p: Range<usize>, q: Range<usize>, to_beat: ToBeat) -> bool {
        if self.joins_links(&p, &q) {
            return false;
        }
        // Across links, one language, too little shared is worth nothing (see `value`); the
        // test is cheaper than the bound.
        if self.crosses(&p, &q)
            && self.context.same_language
            && self.scorer.shared_content(p.clone(), q.clone()) < self.needs
        {
            return false;
        }
        self.scorer.worth_scoring(p, q, to_beat)
    }

    fn value(&self, p: Range<usize>, q: Range<usize>) -> f64 {
        if self.joins_links(&p, &q) {
            return f64::NEG_INFINITY;
        }
        let crosses = self.crosses(&p, &q);
        // Across languages, subtitles' cue times are the strongest evidence there is: a pair
        // whose times overlap gains, one whose times do not loses nothing (a version may be
        // shifted in time).
        let timed = if self.context.same_language {
            None
        } else {
            self.x
                .span(&p)
                .zip(self.y.span(&q))
                .map(|(a, (b0, b1))| overlap(a, (b0 - self.offset, b1 - self.offset)))
        };
        // Within: one side's time inside the other's, as where a translator put two
        // sentences in one cue.
        let time_gain = timed.map_or(0.0, |t| {
            (p.len() + q.len()) as f64 / 2.0 * TIME_WEIGHT * (t.union - TIME_NEUTRAL).max(0.0)
        });
        if !crosses {
            return self.scorer.value(p, q) + time_gain;
        }
        // Short sentences (`Thank you.`, `No.`) are said by everyone: across links they may
        // pair only where the speakers are not judged different. Others pair with a speaker
        // judged different only when they say nearly the same.
        let short = |features: &[&Features]| {
            features.iter().map(|f| f.stems().len()).sum::<usize>() < DISTINCTIVE_STEMS
        };
        let shared = self.scorer.shared_content(p.clone(), q.clone());
        let same_time = timed.is_some_and(|t| t.within >= TIMES_AGREE);
        if shared < self.needs && !same_time {
            return f64::NEG_INFINITY;
        }
        let generic = short(&self.x.features[p.clone()]) || short(&self.y.features[q.clone()]);
        if (generic || shared < NEARLY_THE_SAME)
            && !same_time
            && (self.speakers_differ)(&self.x.refs[p.clone()], &self.y.refs[q.clone()])
        {
            return f64::NEG_INFINITY;
        }
        self.scorer.value(p.clone(), q.clone()) + time_gain
            - (p.len() + q.len()) as f64 / 2.0 * CROSSING
    }
}

/// The stretch aligned again: the beads as sentence references, or `None` when the first
/// alignment scores at least as well.
pub(super) fn realign(
    rows: &[Row],
    versions: Pair<&Version<'_>>,
    (context, speakers_differ): (Context, &SpeakersDiffer<'_>),
    ends_the_documents: bool,
) -> Option<Beads> {
    let x = Sequence::of(rows, versions.official, |r| &r.sides.official);
    let y = Sequence::of(rows, versions.other, |r| &r.sides.other);
    let (n, m) = (x.refs.len(), y.refs.len());
    let scorer = Scorer::new(&x.features, &y.features, context);
    let scorer = if ends_the_documents {
        scorer
    } else {
        scorer.closed_end()
    };
    let weigh = Weigh {
        needs: crossing_needs(context),
        offset: time_offset(&x.times, &y.times),
        x: &x,
        y: &y,
        scorer: &scorer,
        context,
        speakers_differ,
    };
    let value = |p: Range<usize>, q: Range<usize>| weigh.value(p, q);
    let mut first = 0.0;
    let (mut i, mut j) = (0, 0);
    for row in rows {
        let (p, q) = (
            i..i + row.sides.official.len(),
            j..j + row.sides.other.len(),
        );
        first += value(p.clone(), q.clone());
        (i, j) = (p.end, q.end);
    }

    let anchored = if (n + 1) * (m + 1) > FULL_TABLE_CELLS && context.same_language {
        anchor_windows(&x.texts, &y.texts)
    } else {
        None
    };
    let windows = match &anchored {
        _ if (n + 1) * (m + 1) <= FULL_TABLE_CELLS => Windows::Full,
        Some(windows) => Windows::Given(windows),
        None => beads::windows(n, m),
    };
    let worth_scoring = |p, q, to_beat| weigh.worth_scoring(p, q, to_beat);
    let shapes = beads::shapes(context);
    let sentences = Pair::new(&x.features[..], &y.features[..]);
    let lost = |path: &[_], half| beads::same_words_one_sided(path, sentences) > half;
    let beads = dp::align_bounded(n, m, shapes, windows, value, worth_scoring, lost);
    let second: f64 = beads.iter().map(|(p, q)| value(p.clone(), q.clone())).sum();
    (second > first + 1e-9).then(|| Beads {
        runs: beads
            .into_iter()
            .map(|(p, q)| Pair::new(p, q).map(|r| r.start as u32..r.end as u32))
            .collect(),
        sentences: Pair::new(x.refs, y.refs),
    })
}

/// The beads of a stretch aligned again: runs of the stretch's sentences, which are kept once
/// for the stretch rather than copied into every bead (two small vectors a row, alive beside
/// all the rows at the height of the alignment).
pub(super) struct Beads {
    sentences: Pair<Vec<SentenceRef>>,
    runs: Vec<Pair<Range<u32>>>,
}

impl Beads {
    pub(super) fn len(&self) -> usize {
        self.runs.len()
    }

    /// The sentences of each bead, in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = Pair<&[SentenceRef]>> {
        self.runs.iter().map(|run| {
            (self.sentences.as_ref().zip(run.as_ref()))
                .map(|(refs, run)| &refs[run.start as usize..run.end as usize])
        })
    }
}

/// Windows around the path through the anchors of one language; `None` when there are no
/// anchors, or too few to keep the windows narrow.
fn anchor_windows(a: &[&str], b: &[&str]) -> Option<Vec<Range<usize>>> {
    let (n, m) = (a.len(), b.len());
    let chain = anchors::chain(a, b);
    if chain.is_empty() {
        return None;
    }
    let mut corners = vec![(0, 0)];
    corners.extend(chain);
    corners.push((n, m));
    let segments: Vec<(Range<usize>, Range<usize>)> = corners
        .windows(2)
        .map(|pair| {
            let ((i0, j0), (i1, j1)) = (pair[0], pair[1]);
            (i0..(i1 + 1).min(n), j0..(j1 + 1).min(m))
        })
        .collect();
    let windows = dp::windows_around(&segments, (n, m), ANCHOR_RADIUS);
    let cells: usize = windows.iter().map(Range::len).sum();
    (cells <= 4 * FULL_TABLE_CELLS).then_some(windows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features::features;
    use crate::align::interner::Interner;

    /// One version's first sentences as a stretch, five sentences to a turn link.
    fn sequence<'a>(texts: &'a [String], features: &'a [Features]) -> Sequence<'a> {
        Sequence {
            refs: (0..texts.len())
                .map(|sentence| SentenceRef { turn: 0, sentence })
                .collect(),
            links: (0..texts.len()).map(|i| i / 5).collect(),
            features: features.iter().collect(),
            texts: texts.iter().map(String::as_str).collect(),
            times: vec![None; texts.len()],
        }
    }

    /// A bead the second look prunes could never have been chosen: whatever it had to beat,
    /// a bead worth more is always scored. Beads inside a link and across links, with speakers
    /// judged the same and different, on the bundled pair (one language).
    #[test]
    fn the_second_look_prunes_no_bead_that_could_win() {
        let mut interner = Interner::default();
        let mut read = |transcript: crate::model::Transcript| -> (Vec<String>, Vec<Features>) {
            let texts: Vec<String> = transcript
                .sentence_texts()
                .take(40)
                .map(String::from)
                .collect();
            let features = texts.iter().map(|t| features(t, &mut interner)).collect();
            (texts, features)
        };
        let official = read(crate::bundled::official().unwrap());
        let other = read(crate::bundled::other().unwrap());
        let context = Context::one_language();
        let (x, y) = (
            sequence(&official.0, &official.1),
            sequence(&other.0, &other.1),
        );
        let scorer = Scorer::new(&x.features, &y.features, context);
        let (n, m) = (x.refs.len(), y.refs.len());
        let mut scored = 0;
        for differ in [false, true] {
            let speakers_differ = move |_: &[SentenceRef], _: &[SentenceRef]| differ;
            let weigh = Weigh {
                x: &x,
                y: &y,
                scorer: &scorer,
                context,
                speakers_differ: &speakers_differ,
                needs: crossing_needs(context),
                offset: 0.0,
            };
            for i in 0..n {
                for j in 0..m {
                    for shape in beads::shapes(context) {
                        let (p, q) = (i..(i + shape.a).min(n), j..(j + shape.b).min(m));
                        let value = weigh.value(p.clone(), q.clone());
                        if value == f64::NEG_INFINITY {
                            continue;
                        }
                        scored += 1;
                        // Whatever path leads to it, a best choice just below the total it
                        // makes loses to it, so the bead must be scored.
                        for previous in [0.0, -3.7, 12.5] {
                            let to_beat = ToBeat::new(previous, (previous + value).next_down());
                            let scored = weigh.worth_scoring(p.clone(), q.clone(), to_beat);
                            assert!(scored, "at {i}, {j}, after {previous}");
                        }
                    }
                }
            }
        }
        assert!(scored > 5_000, "only {scored} beads were worth anything");
    }
}
