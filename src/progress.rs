//! A progress bar on standard error, for work long enough to notice: it shows how much is done
//! as a fraction and an estimate of the time left, appears only after [`QUIET_FOR`], only on a
//! terminal, and is erased when the work is done. Until the reader opens, Ctrl-C keeps its
//! usual meaning and stops tandem.
//!
//! Work is measured either in stages, each a known share of the whole (loading and aligning,
//! whose stages report their start and, all but loading, how far they are within it), or in
//! items counted as they are done (rows written).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use std::cell::Cell;
use std::fmt;
use std::io::IsTerminal;
use std::ops::RangeTo;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::Duration;

/// Work shorter than this shows nothing.
pub const QUIET_FOR: Duration = Duration::from_millis(200);
const REFRESH: Duration = Duration::from_millis(100);

/// `tandem: aligning sentences [=====>    ]  56% · 3 s left`.
const TEMPLATE: &str = "tandem: {msg} [{bar:30}] {percent:>3}%{left}";

/// A stage of some work: its name as shown, and its share of the whole in any unit.
pub type Stage = (&'static str, u64);

pub struct Progress {
    bar: ProgressBar,
    stages: Stages,
    stop: Option<mpsc::Sender<()>>,
    shower: Option<JoinHandle<()>>,
}

impl Progress {
    /// Starts work made of `stages`, in order, at the first of them.
    pub fn stages(stages: &'static [Stage]) -> Self {
        let total = stages.iter().map(|(_, share)| share).sum();
        let progress = Progress::start(total, stages);
        if let Some((name, _)) = stages.first() {
            progress.bar.set_message(*name);
        }
        progress
    }

    /// Starts work on `total` items, each reported done with [`Progress::done`].
    pub fn counting(what: &'static str, total: u64) -> Self {
        let progress = Progress::start(total, &[]);
        progress.bar.set_message(what);
        progress
    }

    /// Moves on to the stage named `name`: everything before it is done. A stage not among
    /// those given is shown by name, the fraction left where it was.
    pub fn stage(&self, name: &str) {
        self.show(self.stages.start(name));
        self.bar.set_message(name.to_string());
    }

    /// Says that `done` (0 to 1) of the stage under way is done.
    pub fn within(&self, done: f64) {
        self.show(self.stages.within(done));
    }

    fn show(&self, fraction: Option<f64>) {
        if let (Some(fraction), Some(length)) = (fraction, self.bar.length()) {
            self.bar
                .set_position((fraction * length as f64).round() as u64);
        }
    }

    /// Says that `items` items are done.
    pub fn done(&self, items: u64) {
        self.bar.set_position(items);
    }

    /// A hidden bar of `total` steps (made of `stages`, if any), drawn once the work has lasted [`QUIET_FOR`] when
    /// standard error is a terminal.
    fn start(total: u64, stages: &'static [Stage]) -> Self {
        let style = ProgressStyle::with_template(TEMPLATE)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .with_key("left", |state: &ProgressState, out: &mut dyn fmt::Write| {
                let _ = write!(out, "{}", time_left(state.elapsed(), state.fraction()));
            })
            .progress_chars("=> ");
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden())
            .with_style(style);
        let stages = Stages::new(stages);
        if !std::io::stderr().is_terminal() {
            return Progress {
                bar,
                stages,
                stop: None,
                shower: None,
            };
        }
        let (stop, stopped) = mpsc::channel::<()>();
        let shown = bar.clone();
        let shower = std::thread::spawn(move || {
            if let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(QUIET_FOR) {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(REFRESH);
                // Waits for the work to end (the sender dropped).
                let _ = stopped.recv();
            }
        });
        Progress {
            bar,
            stages,
            stop: Some(stop),
            shower: Some(shower),
        }
    }
}

/// Where work made of stages stands, as a fraction of the whole: the stages before the one
/// under way, and the share of that one done when it is told.
pub struct Stages {
    stages: &'static [Stage],
    current: Cell<Option<usize>>,
}

impl Stages {
    pub fn new(stages: &'static [Stage]) -> Self {
        Stages {
            stages,
            current: Cell::new(None),
        }
    }

    /// The stage named `name` starts: the fraction done before it, if it is one of the stages
    /// (another name leaves the count where it was).
    pub fn start(&self, name: &str) -> Option<f64> {
        let at = self.stages.iter().position(|(stage, _)| *stage == name)?;
        self.current.set(Some(at));
        Some(self.shares(..at) / self.total())
    }

    /// `done` (0 to 1) of the stage under way is done: the fraction of the whole.
    pub fn within(&self, done: f64) -> Option<f64> {
        let at = self.current.get()?;
        let share = self.stages[at].1 as f64;
        Some((self.shares(..at) + done.clamp(0.0, 1.0) * share) / self.total())
    }

    fn shares(&self, before: RangeTo<usize>) -> f64 {
        self.stages[before]
            .iter()
            .map(|&(_, share)| share as f64)
            .sum()
    }

    fn total(&self) -> f64 {
        self.shares(..self.stages.len()).max(1.0)
    }
}

/// ` · 9 s left`: the time left if the rest goes at the average pace so far: steadier than a recent rate,
/// which falls towards nothing while a stage that reports only its start runs.
fn time_left(elapsed: Duration, fraction: f32) -> String {
    if fraction <= 0.0 {
        return String::new();
    }
    let seconds = elapsed.as_secs_f64() * f64::from(1.0 - fraction) / f64::from(fraction);
    let seconds = seconds.round() as u64;
    match seconds {
        0..60 => format!(" · {seconds} s left"),
        _ => format!(" · {} min {} s left", seconds / 60, seconds % 60),
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(shower) = self.shower.take() {
            shower.join().ok();
        }
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_parses() {
        assert!(ProgressStyle::with_template(TEMPLATE).is_ok());
    }

    #[test]
    fn time_left_goes_at_the_pace_so_far() {
        assert_eq!(time_left(Duration::from_secs(3), 0.25), " · 9 s left");
        assert_eq!(time_left(Duration::from_secs(30), 0.2), " · 2 min 0 s left");
        assert_eq!(time_left(Duration::from_secs(3), 1.0), " · 0 s left");
        // Nothing is done yet: no pace to go by.
        assert_eq!(time_left(Duration::from_secs(3), 0.0), "");
    }

    #[test]
    fn a_stage_starts_where_the_stages_before_it_end() {
        static STAGES: [Stage; 3] = [("a", 1), ("b", 3), ("c", 6)];
        let progress = Progress::stages(&STAGES);
        assert_eq!(progress.bar.length(), Some(10));
        progress.stage("c");
        assert_eq!(progress.bar.position(), 4);
        progress.stage("not a stage");
        assert_eq!(progress.bar.position(), 4);
    }

    #[test]
    fn a_stage_starts_at_the_fraction_done_before_it_and_counts_its_own_share() {
        static STAGES: [Stage; 3] = [("a", 1), ("b", 3), ("c", 6)];
        let stages = Stages::new(&STAGES);
        assert_eq!(stages.within(0.5), None, "no stage under way yet");
        assert_eq!(stages.start("a"), Some(0.0));
        assert_eq!(stages.start("c"), Some(0.4));
        assert_eq!(stages.within(0.5), Some(0.7));
        assert_eq!(stages.within(2.0), Some(1.0));
        assert_eq!(stages.start("d"), None);
        assert_eq!(stages.within(0.0), Some(0.4), "still in c");
    }

    #[test]
    fn the_bar_moves_within_a_stage() {
        static STAGES: [Stage; 2] = [("a", 2), ("b", 8)];
        let progress = Progress::stages(&STAGES);
        progress.stage("b");
        progress.within(0.25);
        assert_eq!(progress.bar.position(), 4);
    }
}
