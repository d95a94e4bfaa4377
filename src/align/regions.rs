//! A second look where aligning sentences inside paired turns let readers down: where sentences
//! of both versions are left without counterpart close together (versions cut into turns, or
//! labelled, differently), the stretch of rows around them is aligned again as one sequence,
//! across the turn boundaries. There turns are evidence, not walls: a pair across two turn
//! links needs more in common than a pair inside one, and no bead joins sentences of two links.

use super::beads::{self, BEADS, Context, Scorer};
use super::dp::{self, Windows};
use super::features::Features;
use super::{Row, SentenceRef, Side, anchors};
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
pub(super) type SpeakersDiffer<'f> = dyn Fn(&[SentenceRef], &[SentenceRef]) -> bool + 'f;

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
    let open: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].official.is_empty() || rows[i].other.is_empty())
        .collect();
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
        rows.iter().any(|r| r.other.is_empty()) && rows.iter().any(|r| r.official.is_empty())
    });
    stretches
}

/// One version's sentences in a stretch, in order, with the turn link each came from.
struct Sequence<'a> {
    refs: Vec<SentenceRef>,
    links: Vec<usize>,
    features: Vec<&'a Features>,
    texts: Vec<&'a str>,
}

impl<'a> Sequence<'a> {
    fn of(rows: &[Row], side: &'a Side<'a>, refs_of: fn(&Row) -> &[SentenceRef]) -> Self {
        let mut sequence = Sequence {
            refs: Vec::new(),
            links: Vec::new(),
            features: Vec::new(),
            texts: Vec::new(),
        };
        for row in rows {
            for &r in refs_of(row) {
                sequence.refs.push(r);
                sequence.links.push(row.link);
                sequence.features.push(&side.features[r.turn].1[r.sentence]);
                sequence
                    .texts
                    .push(side.sentences[r.turn][r.sentence].text.as_str());
            }
        }
        sequence
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

/// The stretch aligned again: the beads as sentence references, or `None` when the first
/// alignment scores at least as well.
pub(super) fn realign(
    rows: &[Row],
    (a, b): (&Side<'_>, &Side<'_>),
    (context, speakers_differ): (Context, &SpeakersDiffer<'_>),
    ends_the_documents: bool,
) -> Option<Vec<(Vec<SentenceRef>, Vec<SentenceRef>)>> {
    let x = Sequence::of(rows, a, |r| &r.official);
    let y = Sequence::of(rows, b, |r| &r.other);
    let (n, m) = (x.refs.len(), y.refs.len());
    let scorer = Scorer::new(&x.features, &y.features, context);
    let scorer = if ends_the_documents {
        scorer
    } else {
        scorer.closed_end()
    };
    let needs = crossing_needs(context);
    let value = |p: Range<usize>, q: Range<usize>| -> f64 {
        let (link_p, link_q) = (x.link(&p), y.link(&q));
        let joins_links = (p.len() > 1 && link_p.is_none()) || (q.len() > 1 && link_q.is_none());
        let crosses = !p.is_empty() && !q.is_empty() && link_p != link_q;
        if joins_links {
            return f64::NEG_INFINITY;
        }
        if !crosses {
            return scorer.value(p, q);
        }
        // Short sentences (`Thank you.`, `No.`) are said by everyone: across links they may
        // pair only where the speakers are not judged different. Others pair with a speaker
        // judged different only when they say nearly the same.
        let short = |features: &[&Features]| {
            features.iter().map(|f| f.stems.len()).sum::<usize>() < DISTINCTIVE_STEMS
        };
        let shared = scorer.shared_content(p.clone(), q.clone());
        if shared < needs {
            return f64::NEG_INFINITY;
        }
        let generic = short(&x.features[p.clone()]) || short(&y.features[q.clone()]);
        if (generic || shared < NEARLY_THE_SAME)
            && speakers_differ(&x.refs[p.clone()], &y.refs[q.clone()])
        {
            return f64::NEG_INFINITY;
        }
        scorer.value(p.clone(), q.clone()) - (p.len() + q.len()) as f64 / 2.0 * CROSSING
    };

    let mut first = 0.0;
    let (mut i, mut j) = (0, 0);
    for row in rows {
        let (p, q) = (i..i + row.official.len(), j..j + row.other.len());
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
    let beads = dp::align(n, m, &BEADS, windows, value);
    let second: f64 = beads.iter().map(|(p, q)| value(p.clone(), q.clone())).sum();
    (second > first + 1e-9).then(|| {
        beads
            .into_iter()
            .map(|(p, q)| (x.refs[p].to_vec(), y.refs[q].to_vec()))
            .collect()
    })
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
