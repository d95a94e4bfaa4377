//! Work that goes on while the reader is open: the whole pair loaded and aligned behind a
//! first screen made from the start of both files. It runs on a thread of its own that the
//! reader never waits for: quitting ends the process, and the work with it.

use super::Contents;
use std::cell::Cell;
use std::panic::AssertUnwindSafe;

/// Makes what the reader shows in place of what it shows now, telling how far it has come (0 to
/// 1) as it goes. An error ends the reader, and tandem with the error's message.
pub type Job = Box<dyn FnOnce(&dyn Fn(f64)) -> Result<Contents, String> + Send>;

/// What the work tells the reader's loop.
pub enum Report {
    /// This fraction of the work, 0 to 1, is done.
    Progress(f64),
    Done(Box<Contents>),
    Failed(String),
}

/// Runs `job` on a thread of its own, handing its reports to `send`. Progress is sent when it
/// reaches another whole per cent: each report costs the reader a frame.
pub fn spawn(job: Job, send: impl Fn(Report) -> bool + Send + 'static) {
    std::thread::spawn(move || {
        let sent = Cell::new(None);
        let progress = |fraction: f64| {
            let percent = (fraction * 100.0).floor() as u32;
            if sent.replace(Some(percent)) != Some(percent) {
                send(Report::Progress(fraction));
            }
        };
        // The panic hook has given the terminal back already; the reader must stop too.
        let report = match std::panic::catch_unwind(AssertUnwindSafe(|| job(&progress))) {
            Ok(Ok(contents)) => Report::Done(Box::new(contents)),
            Ok(Err(message)) => Report::Failed(message),
            Err(_) => Report::Failed("aligning stopped on an internal error".into()),
        };
        send(report);
    });
}

/// `37%`, floored: 100% only when the work is done.
pub fn percent(fraction: f64) -> String {
    format!("{}%", (fraction.clamp(0.0, 1.0) * 100.0).floor())
}
