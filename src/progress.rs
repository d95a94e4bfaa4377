//! A progress line on standard error, for work long enough to notice: it appears only after
//! [`QUIET_FOR`], only on a terminal, and is erased when the work is done. Until the reader
//! opens, Ctrl-C keeps its usual meaning and stops tandem.

use std::io::{IsTerminal, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Work shorter than this shows nothing.
pub const QUIET_FOR: Duration = Duration::from_millis(200);
const REFRESH: Duration = Duration::from_millis(100);

pub struct Progress {
    stage: Arc<Mutex<String>>,
    stop: Option<mpsc::Sender<()>>,
    painter: Option<JoinHandle<()>>,
}

impl Progress {
    /// Starts reporting `stage`; nothing is shown unless standard error is a terminal.
    pub fn start(stage: &str) -> Self {
        let stage = Arc::new(Mutex::new(stage.to_string()));
        if !std::io::stderr().is_terminal() {
            return Progress {
                stage,
                stop: None,
                painter: None,
            };
        }
        let (stop, stopped) = mpsc::channel::<()>();
        let shown = Arc::clone(&stage);
        let painter = std::thread::spawn(move || paint(&shown, &stopped));
        Progress {
            stage,
            stop: Some(stop),
            painter: Some(painter),
        }
    }

    /// Moves on to the next stage.
    pub fn stage(&self, stage: &str) {
        if let Ok(mut current) = self.stage.lock() {
            stage.clone_into(&mut current);
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(painter) = self.painter.take() {
            painter.join().ok();
        }
    }
}

/// Redraws the line until told to stop, then erases it if it was ever drawn.
fn paint(stage: &Mutex<String>, stopped: &mpsc::Receiver<()>) {
    let start = Instant::now();
    let mut drawn = false;
    let mut wait = QUIET_FOR;
    while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(wait) {
        let text = stage.lock().map(|s| s.clone()).unwrap_or_default();
        let mut err = std::io::stderr().lock();
        write!(
            err,
            "\r\x1b[2Ktandem: {text}… {:.1} s",
            start.elapsed().as_secs_f64()
        )
        .ok();
        err.flush().ok();
        drawn = true;
        wait = REFRESH;
    }
    if drawn {
        let mut err = std::io::stderr().lock();
        write!(err, "\r\x1b[2K").ok();
        err.flush().ok();
    }
}
