//! The terminal's state: entered and always left again, on quit, error, panic, signal, and
//! around a suspension (Ctrl-Z, `fg`).

use base64::Engine;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGIO, SIGPROF, SIGQUIT, SIGSYS, SIGTERM, SIGTSTP, SIGUSR1,
    SIGUSR2, SIGVTALRM, SIGXCPU, SIGXFSZ,
};
use std::io::{self, Stdout, stdout};

/// Puts the terminal in the reader's state: raw mode, alternate screen, mouse reports.
fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )
}

/// Puts the terminal back as it was. Every step is tried even if one fails.
pub fn leave() -> io::Result<()> {
    let screen = execute!(
        stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let raw = disable_raw_mode();
    screen.and(raw)
}

/// Has the terminal send mouse events to the reader, or keep them for its own selection.
pub fn take_mouse(take: bool) -> io::Result<()> {
    if take {
        execute!(stdout(), EnableMouseCapture)
    } else {
        execute!(stdout(), DisableMouseCapture)
    }
}

/// Restores the terminal before the default panic message is printed, so it is readable.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = leave();
        previous(info);
    }));
}

/// The terminal in the reader's state, left again when dropped (on return or on error).
pub struct Guard {
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl Guard {
    pub fn enter() -> io::Result<Guard> {
        enter()?;
        let terminal = match Terminal::new(CrosstermBackend::new(stdout())) {
            Ok(terminal) => terminal,
            Err(error) => {
                let _ = leave();
                return Err(error);
            }
        };
        Ok(Guard { terminal })
    }

    /// Gives the terminal back to the shell and stops, as Ctrl-Z does; on `fg`, takes it
    /// again and draws everything.
    pub fn suspend(&mut self) -> io::Result<()> {
        leave()?;
        signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
        enter()?;
        self.redraw()
    }

    /// Clears the screen and makes the next frame draw everything. (`Terminal::clear` would
    /// ask the terminal where the cursor is, and the input thread would take the answer.)
    pub fn redraw(&mut self) -> io::Result<()> {
        let size = self.terminal.size()?;
        self.terminal
            .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = leave();
    }
}

/// A signal the reader reacts to.
pub enum Signal {
    Exit(i32),
    Suspend,
    Continue,
}

/// Every signal whose default action ends the process and that a handler may catch: each
/// would leave the terminal in the reader's state. (SIGKILL cannot be caught; SIGSEGV and its
/// kind mean memory is not to be trusted; SIGPIPE is ignored, so a write fails instead;
/// SIGABRT and SIGTRAP belong to `abort` and debuggers, and a panic restores first anyway.)
const ENDING: [i32; 13] = [
    SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
    SIGXFSZ, SIGSYS, SIGIO,
];

/// Watches for the signals that end the process, SIGTSTP and SIGCONT on a thread and reports
/// them to `report` until it returns false. An ending signal exits with 128 + its number, as
/// the shell reports a process it ended, once the terminal is restored.
pub fn spawn_signal_watch(report: impl Fn(Signal) -> bool + Send + 'static) -> io::Result<()> {
    let mut signals =
        signal_hook::iterator::Signals::new(ENDING.into_iter().chain([SIGTSTP, SIGCONT]))?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            let event = match signal {
                SIGTSTP => Signal::Suspend,
                SIGCONT => Signal::Continue,
                other => Signal::Exit(128 + other),
            };
            if !report(event) {
                break;
            }
        }
    });
    Ok(())
}

/// Puts text on the clipboard with an OSC 52 escape, which terminals pass to the system
/// clipboard (tmux with `set-clipboard on`). The text is base64-encoded, so nothing in it can
/// act as an escape itself.
pub fn copy_to_clipboard(text: &str) -> io::Result<()> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    super::write_raw(format!("\x1b]52;c;{encoded}\x07").as_bytes())
}
