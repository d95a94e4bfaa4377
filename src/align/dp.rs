//! Monotone alignment of two sequences with beads (1-1, 1-0, 2-1, ...), by dynamic
//! programming over the best total bead value.
//!
//! Small problems use the full table. Large ones are restricted to a window of columns per
//! row, so the cost grows with length times window width instead of length squared: either a
//! band that follows the path (each row looks near where the previous row did best), or
//! windows given by the caller, such as those around a coarse alignment of blocks
//! ([`windows_around`]).
//!
//! A band can lose the path: one version inserts more items than the band is wide, or beads
//! that take more of one side pull the band ahead of the path. The path then runs along the
//! band's edge, so a path that reaches an edge is filled again in a band twice as wide, as
//! Moore (2002) widens his band around the diagonal. A band pulled ahead can also keep the
//! path inside it; a band around the diagonal itself, as Moore's is, cannot be pulled ahead.

use std::ops::Range;

/// A bead consumes `a` items of the first sequence and `b` of the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bead {
    pub a: usize,
    pub b: usize,
}

pub const fn bead(a: usize, b: usize) -> Bead {
    Bead { a, b }
}

/// Which columns each row of the table considers.
#[derive(Debug, Clone, Copy)]
pub enum Windows<'a> {
    /// Every column.
    Full,
    /// This many columns either side of the previous row's best column, doubled while the
    /// path reaches the band's edge, within [`WIDENING_FACTOR`].
    FollowPath(usize),
    /// This many columns either side of the straight line from the table's first corner to
    /// its last.
    AlongLine(usize),
    /// Row `i` considers the columns `windows[i]`; there are `n + 1` windows.
    Given(&'a [Range<usize>]),
}

/// The columns a given window stands for, in `0..=m` and never empty.
pub fn columns(window: Range<usize>, m: usize) -> Range<usize> {
    let lo = window.start.min(m);
    lo..window.end.saturating_sub(1).clamp(lo, m) + 1
}

/// A band is widened while all its passes together fill at most this many times the cells of
/// the first, or [`WIDENING_CELLS`], whichever is more; once the whole table fits in what is
/// left, the whole table is filled. From the sentence band of 6 either side, that crosses a
/// passage of about 45 sentences in the longest turns and lets turns of up to about 700
/// sentences a side be aligned over the whole table, while a path that keeps to the edge for
/// want of anything to pair (one turn against thousands of one-word turns, thousands of
/// identical one-word sentences) costs a bounded multiple of its band. The budget is the one
/// measured when the band was 12 either side, 8 times its cells: with twice that and a million
/// cells, such fuzz inputs took up to 40 times as long as with no widening.
const WIDENING_FACTOR: usize = 16;
const WIDENING_CELLS: usize = 500_000;

/// The values of one row of the table: the columns `lo..lo + values.len()`.
struct Row {
    lo: usize,
    values: Vec<f64>,
}

impl Row {
    fn value(&self, j: usize) -> f64 {
        j.checked_sub(self.lo)
            .and_then(|k| self.values.get(k))
            .copied()
            .unwrap_or(f64::NEG_INFINITY)
    }

    fn best_column(&self) -> usize {
        let (k, _) =
            self.values
                .iter()
                .enumerate()
                .fold((0, f64::NEG_INFINITY), |best, (k, &v)| {
                    if v > best.1 { (k, v) } else { best }
                });
        self.lo + k
    }
}

/// The bead chosen at every cell, one byte each, kept whole for the trace back. Values are
/// kept only for the rows a bead can still reach back to: a table of eight-byte values for
/// every cell was most of the memory on transcripts of many short turns.
struct Choices {
    /// Each row's first column and where its cells start in `cells`.
    rows: Vec<(usize, usize)>,
    cells: Vec<u8>,
}

impl Choices {
    fn get(&self, i: usize, j: usize) -> u8 {
        let (lo, start) = self.rows[i];
        self.cells[start + j - lo]
    }

    /// The columns row `i` considered.
    fn window(&self, i: usize) -> Range<usize> {
        let (lo, start) = self.rows[i];
        let end = self
            .rows
            .get(i + 1)
            .map_or(self.cells.len(), |&(_, next)| next);
        lo..lo + (end - start)
    }

    /// Whether `path` reaches a window's edge that is not the table's: a path along the edge
    /// of a band may have wanted to go beyond it.
    fn path_reaches_edge(&self, path: &[(Range<usize>, Range<usize>)], m: usize) -> bool {
        path.iter().any(|(rows, columns)| {
            let (i, j) = (rows.end, columns.end);
            let window = self.window(i);
            (window.start > 0 && j <= window.start) || (window.end <= m && j + 1 >= window.end)
        })
    }
}

/// Aligns `n` items with `m` items. `value(a_range, b_range)` scores a bead; beads must
/// include `1-0` and `0-1` so that every alignment is possible. Returns the beads as ranges,
/// in order.
pub fn align(
    n: usize,
    m: usize,
    beads: &[Bead],
    windows: Windows<'_>,
    value: impl FnMut(Range<usize>, Range<usize>) -> f64,
) -> Vec<(Range<usize>, Range<usize>)> {
    align_bounded(n, m, beads, windows, value, |_, _, _| true, |_, _| false)
}

/// What a bead must beat: the best choice of its cell so far, given the value of the path
/// before the bead.
#[derive(Clone, Copy)]
pub struct ToBeat {
    previous: f64,
    best: f64,
}

impl ToBeat {
    #[cfg(test)]
    pub fn new(previous: f64, best: f64) -> Self {
        ToBeat { previous, best }
    }

    /// Whether a bead worth at most `bound` may beat the best choice: added to the path before
    /// it exactly as its value would be, so the answer holds in floating point too.
    pub fn within_reach(self, bound: f64) -> bool {
        self.previous + bound > self.best
    }
}

/// [`align`], with `worth_scoring(a_range, b_range, to_beat)`, false only when the bead cannot
/// beat the best choice of its cell (`previous + value > best` is impossible; see
/// [`ToBeat::within_reach`]): such a bead is not scored. The result is the same as without it.
///
/// A band that follows the path can be pulled ahead of it, without reaching its edge, by beads
/// that take more of one side for nearly what a pair is worth (sentences of the same few
/// words). Where `lost(path, half)` says the path looks so, the band along the diagonal,
/// which nothing pulls, is filled too, and the path worth more is kept.
pub fn align_bounded(
    n: usize,
    m: usize,
    beads: &[Bead],
    windows: Windows<'_>,
    mut value: impl FnMut(Range<usize>, Range<usize>) -> f64,
    worth_scoring: impl Fn(Range<usize>, Range<usize>, ToBeat) -> bool + Copy,
    lost: impl Fn(&[(Range<usize>, Range<usize>)], usize) -> bool,
) -> Vec<(Range<usize>, Range<usize>)> {
    debug_assert!(beads.contains(&bead(1, 0)) && beads.contains(&bead(0, 1)));
    let path = widening(n, m, beads, windows, &mut value, worth_scoring);
    if let Windows::FollowPath(half) = windows
        && lost(&path, half)
    {
        let (choices, last) = fill(
            n,
            m,
            beads,
            Windows::AlongLine(half),
            &mut value,
            worth_scoring,
        );
        let other = trace_back(&choices, &last, beads, (n, m), &mut value);
        let mut total = |path: &[(Range<usize>, Range<usize>)]| -> f64 {
            path.iter().map(|(x, y)| value(x.clone(), y.clone())).sum()
        };
        if total(&other) > total(&path) {
            return other;
        }
    }
    path
}

/// Fills the table in `windows` and traces the path back; a band whose path reaches its edge
/// is filled again twice as wide, or whole, within the widening budget.
fn widening(
    n: usize,
    m: usize,
    beads: &[Bead],
    mut windows: Windows<'_>,
    value: &mut impl FnMut(Range<usize>, Range<usize>) -> f64,
    worth_scoring: impl Fn(Range<usize>, Range<usize>, ToBeat) -> bool + Copy,
) -> Vec<(Range<usize>, Range<usize>)> {
    let (mut filled, mut first) = (0, None);
    loop {
        let (choices, last) = fill(n, m, beads, windows, &mut *value, worth_scoring);
        let path = trace_back(&choices, &last, beads, (n, m), value);
        filled += choices.cells.len();
        let budget = WIDENING_CELLS.max(WIDENING_FACTOR * *first.get_or_insert(filled));
        match windows {
            Windows::FollowPath(half) if choices.path_reaches_edge(&path, m) => {
                let wider = half.saturating_mul(2);
                let cost = |width: usize| filled.saturating_add((n + 1).saturating_mul(width));
                // The whole table has no edge, and a band as wide costs no less.
                let (next, width) = if wider.saturating_mul(2) >= m || cost(m + 1) <= budget {
                    (Windows::Full, m + 1)
                } else {
                    (Windows::FollowPath(wider), wider * 2 + 1)
                };
                if cost(width) > budget {
                    return path;
                }
                windows = next;
            }
            _ => return path,
        }
    }
}

/// Fills the table row by row: the choices at every cell, and the last row's values.
fn fill(
    n: usize,
    m: usize,
    beads: &[Bead],
    windows: Windows<'_>,
    mut value: impl FnMut(Range<usize>, Range<usize>) -> f64,
    worth_scoring: impl Fn(Range<usize>, Range<usize>, ToBeat) -> bool + Copy,
) -> (Choices, Row) {
    // Row `i` is `recent[i % depth]` while a bead can reach it.
    let depth = beads.iter().map(|step| step.a).max().unwrap_or(0) + 1;
    let mut recent: Vec<Row> = Vec::with_capacity(depth);
    let mut choices = Choices {
        rows: Vec::with_capacity(n + 1),
        cells: Vec::new(),
    };
    for i in 0..=n {
        let (lo, hi) = match windows {
            Windows::Full => (0, m),
            Windows::FollowPath(half) => {
                let center = i
                    .checked_sub(1)
                    .map_or(0, |p| recent[p % depth].best_column());
                (center.saturating_sub(half), (center + half).min(m))
            }
            Windows::AlongLine(half) => {
                // Wide enough that each row's window meets the next one's, however steep.
                let half = half.max(m.div_ceil(n.max(1)));
                let center = (i * m).checked_div(n).unwrap_or(m);
                (center.saturating_sub(half), (center + half).min(m))
            }
            Windows::Given(given) => {
                let window = columns(given.get(i).cloned().unwrap_or(0..m + 1), m);
                (window.start, window.end - 1)
            }
        };
        // The row `depth` back is out of every bead's reach: its buffer is reused.
        let mut values = if recent.len() == depth {
            std::mem::take(&mut recent[i % depth].values)
        } else {
            Vec::new()
        };
        values.clear();
        values.reserve(hi - lo + 1);
        let mut row = Row { lo, values };
        choices.rows.push((lo, choices.cells.len()));
        for j in lo..=hi {
            let (mut best, mut choice) = if i == 0 && j == 0 {
                (0.0, u8::MAX)
            } else {
                (f64::NEG_INFINITY, u8::MAX)
            };
            for (k, step) in beads.iter().enumerate() {
                if step.a > i || step.b > j {
                    continue;
                }
                let (pi, pj) = (i - step.a, j - step.b);
                let previous = if step.a == 0 {
                    row.value(pj)
                } else {
                    recent[pi % depth].value(pj)
                };
                if previous == f64::NEG_INFINITY
                    || !worth_scoring(pi..i, pj..j, ToBeat { previous, best })
                {
                    continue;
                }
                let total = previous + value(pi..i, pj..j);
                if total > best {
                    best = total;
                    choice = k as u8;
                }
            }
            row.values.push(best);
            choices.cells.push(choice);
        }
        if recent.len() < depth {
            recent.push(row);
        } else {
            recent[i % depth] = row;
        }
    }
    let last = recent.swap_remove(n % depth);
    (choices, last)
}

/// Windows for aligning items near a coarser path, given in the same items: each row may use
/// the columns its stretch of the path was paired with, widened by `radius` columns either way.
pub fn windows_around(
    coarse: &[(Range<usize>, Range<usize>)],
    (n, m): (usize, usize),
    radius: usize,
) -> Vec<Range<usize>> {
    let mut spans: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    for (rows, columns) in coarse {
        let first_row = rows.start.min(n);
        let last_row = rows.end.clamp(first_row, n);
        let lo = columns.start.saturating_sub(radius);
        let hi = (columns.end + radius).min(m);
        for span in &mut spans[first_row..=last_row] {
            *span = Some(span.map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))));
        }
    }
    // Keep windows overlapping from row to row, so that a path always exists.
    let mut windows = Vec::with_capacity(n + 1);
    let mut previous = (0, 0);
    for span in spans {
        let (lo, hi) = span.unwrap_or(previous);
        let lo = lo.min(previous.1);
        let hi = hi.max(lo);
        windows.push(lo..hi + 1);
        previous = (lo, hi);
    }
    if let Some(last) = windows.last_mut() {
        last.end = m + 1;
    }
    windows
}

/// Follows the choices back from the end. In a band the last row may not reach `m`: the rest
/// of the second sequence is then left unmatched after the best cell of the last row.
fn trace_back(
    choices: &Choices,
    last: &Row,
    beads: &[Bead],
    (n, m): (usize, usize),
    value: &mut impl FnMut(Range<usize>, Range<usize>) -> f64,
) -> Vec<(Range<usize>, Range<usize>)> {
    let mut end = if last.value(m) > f64::NEG_INFINITY {
        m
    } else {
        let tail = |j: usize, value: &mut dyn FnMut(Range<usize>, Range<usize>) -> f64| {
            (j..m).map(|k| value(n..n, k..k + 1)).sum::<f64>()
        };
        (last.lo..last.lo + last.values.len())
            .filter(|&j| last.value(j) > f64::NEG_INFINITY)
            .max_by(|&x, &y| {
                let vx = last.value(x) + tail(x, value);
                let vy = last.value(y) + tail(y, value);
                vx.total_cmp(&vy)
            })
            .unwrap_or(last.lo)
    };
    let mut path: Vec<(Range<usize>, Range<usize>)> =
        (end..m).rev().map(|k| (n..n, k..k + 1)).collect();
    let mut i = n;
    while i > 0 || end > 0 {
        let Some(step) = beads.get(usize::from(choices.get(i, end))) else {
            break;
        };
        path.push((i - step.a..i, end - step.b..end));
        i -= step.a;
        end -= step.b;
    }
    path.reverse();
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    const BEADS: [Bead; 5] = [bead(1, 1), bead(1, 0), bead(0, 1), bead(2, 1), bead(1, 2)];

    /// Scores a bead 1 when the sums of its items agree, as a length-based aligner would.
    fn sums(a: &[f64], b: &[f64]) -> impl Fn(Range<usize>, Range<usize>) -> f64 {
        move |x: Range<usize>, y: Range<usize>| {
            if x.is_empty() || y.is_empty() {
                return -0.5;
            }
            let (sa, sb): (f64, f64) = (a[x].iter().sum(), b[y].iter().sum());
            if (sa - sb).abs() < 1e-9 { 1.0 } else { -1.0 }
        }
    }

    proptest::proptest! {
        /// Beads that a bound rules out are never the ones chosen, ties included: the bound
        /// here is the value itself for some beads (the tightest a bound can be) and the
        /// value plus some slack for others.
        #[test]
        fn a_bound_changes_no_choice(
            a in proptest::collection::vec(1u8..4, 0..25),
            b in proptest::collection::vec(1u8..4, 0..25),
            slack in 0.0f64..2.0,
        ) {
            let (a, b): (Vec<f64>, Vec<f64>) =
                (a.into_iter().map(f64::from).collect(), b.into_iter().map(f64::from).collect());
            let value = sums(&a, &b);
            let at_most = |x: Range<usize>, y: Range<usize>| {
                let tight = x.len() == y.len();
                value(x, y) + if tight { 0.0 } else { slack }
            };
            for windows in [Windows::Full, Windows::FollowPath(3)] {
                let plain = align(a.len(), b.len(), &BEADS, windows, &value);
                let worth_scoring =
                    |x, y, to_beat: ToBeat| to_beat.within_reach(at_most(x, y));
                let bounded =
                    align_bounded(a.len(), b.len(), &BEADS, windows, &value, worth_scoring, |_, _| false);
                proptest::prop_assert_eq!(plain, bounded);
            }
        }
    }

    #[test]
    fn recovers_merges_splits_and_gaps() {
        let a = [10.0, 20.0, 30.0, 5.0, 40.0];
        let b = [10.0, 50.0, 40.0];
        let path = align(a.len(), b.len(), &BEADS, Windows::Full, sums(&a, &b));
        assert_eq!(
            path,
            [(0..1, 0..1), (1..3, 1..2), (3..4, 2..2), (4..5, 2..3)]
        );
    }

    /// An insertion wider than the band, in the middle: the path along the band's edge widens
    /// it until every item finds its counterpart again.
    #[test]
    fn a_band_widens_where_one_side_inserts_more_than_it_is_wide() {
        let mut seed = 99u64;
        let mut draw = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            10.0 + (seed >> 40) as f64 / 1e5
        };
        let a: Vec<f64> = (0..300).map(|_| draw()).collect();
        let inserted: Vec<f64> = (0..40).map(|_| draw()).collect();
        let b = [&a[..150], &inserted[..], &a[150..]].concat();
        for (a, b) in [(&a, &b), (&b, &a)] {
            let path = align(
                a.len(),
                b.len(),
                &BEADS,
                Windows::FollowPath(12),
                sums(a, b),
            );
            let paired = path.iter().filter(|(x, y)| x.len() == 1 && y.len() == 1);
            assert_eq!(paired.count(), 300);
        }
    }

    #[test]
    fn band_follows_a_long_insertion() {
        let mut seed = 12345u64;
        let mut a: Vec<f64> = (0..3000)
            .map(|_| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                10.0 + (seed >> 40) as f64 / 1e5
            })
            .collect();
        let b: Vec<f64> = a.iter().skip(100).copied().collect();
        a.truncate(2900);
        let path = align(
            a.len(),
            b.len(),
            &BEADS,
            Windows::FollowPath(150),
            sums(&a, &b),
        );
        let first_match = path
            .iter()
            .find(|(x, y)| !x.is_empty() && !y.is_empty())
            .unwrap();
        assert_eq!(first_match.0.start, 100);
        let covered_a: usize = path.iter().map(|(x, _)| x.len()).sum();
        let covered_b: usize = path.iter().map(|(_, y)| y.len()).sum();
        assert_eq!((covered_a, covered_b), (2900, 2900));
    }
}
