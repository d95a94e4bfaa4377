//! The reader: two synchronized panes in the terminal.
//!
//! The loop is synchronous: draw, wait for one event, turn it into an [`Action`], let
//! [`App::update`] apply it, repeat. Terminal input and signals arrive on one channel from
//! two small threads, so a SIGTERM or a Ctrl-Z is handled like a key press: the terminal is
//! restored first, always.
//!
//! Besides `update`, which takes what the user wants, the loop changes the app in three ways
//! that are not a user's action, each on its own method: the background alignment's reports
//! ([`App::report_progress`], [`App::replace_alignment`]), the search index built once a frame
//! is up ([`App::prepare_search`]), and text the user copied, handed to the terminal
//! (`clipboard`), which only the loop can write to.

pub mod action;
pub mod app;
pub mod background;
pub mod contents;
pub mod keymap;
pub mod layout;
pub mod provisional;
pub mod search;
pub mod segments;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod wrap;

pub use action::Action;
pub use app::App;
pub use contents::Contents;
pub use theme::Theme;

use crossterm::event::{
    Event as TerminalEvent, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton,
    MouseEventKind,
};
use std::io::{self, Write};
use std::sync::mpsc;

/// Something the loop reacts to.
enum Event {
    Terminal(TerminalEvent),
    /// SIGTERM, SIGHUP or SIGINT: restore the terminal and exit with this code.
    Exit(i32),
    /// SIGTSTP from outside: suspend like Ctrl-Z.
    Suspend,
    /// SIGCONT: the terminal may have been changed meanwhile; draw everything again.
    Redraw,
    /// From the work that aligns the whole of a long pair behind the first screen.
    Background(background::Report),
}

/// How the reader ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A signal asked to exit with this code.
    Signal(i32),
    /// The work behind the first screen failed, for this reason.
    Failed(String),
}

/// How the reader looks and which keys it takes.
pub struct Settings {
    pub theme: Theme,
    pub keymap: keymap::Keymap,
    pub layout: layout::Layout,
}

/// Runs the reader until the user quits. `rest`, when given, makes the reader that replaces
/// the one shown (the whole of a long pair, when the start is shown): it starts once the
/// first screen is drawn, and the reader is never held up by it.
pub fn run(
    contents: Contents,
    settings: Settings,
    rest: Option<background::Job>,
) -> io::Result<Ending> {
    let Settings {
        theme,
        keymap,
        layout,
    } = settings;
    terminal::install_panic_hook();
    let mut guard = terminal::Guard::enter()?;
    let (sender, events) = mpsc::channel();
    spawn_input(sender.clone());
    let reports = sender.clone();
    terminal::spawn_signal_watch(move |signal| {
        let event = match signal {
            terminal::Signal::Exit(code) => Event::Exit(code),
            terminal::Signal::Suspend => Event::Suspend,
            terminal::Signal::Continue => Event::Redraw,
        };
        sender.send(event).is_ok()
    })?;
    let size = guard.terminal.size()?;
    let mut app = App::new(contents, (size.width, size.height)).configured(keymap, layout);
    let mut rest = rest;
    if rest.is_some() {
        app.report_progress(0.0);
    }
    let mut panic_after_first_frame = std::env::var_os("TANDEM_DEBUG_PANIC").is_some();
    // Whether the terminal sends mouse events now: entering the terminal turns them on.
    let mut mouse_taken = true;
    loop {
        draw(&mut guard, &mut app, &theme, &mut mouse_taken)?;
        if let Some(job) = rest.take() {
            let reports = reports.clone();
            background::spawn(job, move |report| {
                reports.send(Event::Background(report)).is_ok()
            });
        }
        app.prepare_search();
        // Lets a test check that the terminal is restored after a panic in the real binary.
        if std::mem::take(&mut panic_after_first_frame) {
            panic!("TANDEM_DEBUG_PANIC is set");
        }
        let Ok(event) = events.recv() else {
            return Ok(Ending::Quit);
        };
        if let Some(ending) = handle(event, &mut app, &mut guard, &mut mouse_taken)? {
            return Ok(ending);
        }
        if app.quit {
            return Ok(Ending::Quit);
        }
    }
}

/// Draws a frame at the size the terminal has now, with the mouse taken or not as the reader
/// says, and hands the terminal anything copied.
fn draw(
    guard: &mut terminal::Guard,
    app: &mut App,
    theme: &Theme,
    mouse_taken: &mut bool,
) -> io::Result<()> {
    if app.mouse != *mouse_taken {
        terminal::take_mouse(app.mouse)?;
        *mouse_taken = app.mouse;
    }
    // Resize events arrive late: the frame must be drawn at the size the terminal has now.
    let size = guard.terminal.size()?;
    if (size.width, size.height) != app.size {
        app.update(Action::Resize(size.width, size.height));
    }
    guard.terminal.draw(|frame| {
        let area = frame.area();
        if (area.width, area.height) == app.size {
            view::draw(frame, app, theme);
        }
    })?;
    if let Some(text) = app.clipboard.take() {
        terminal::copy_to_clipboard(&text)?;
    }
    Ok(())
}

/// Reacts to one event; how the reader ends, if the event ends it.
fn handle(
    event: Event,
    app: &mut App,
    guard: &mut terminal::Guard,
    mouse_taken: &mut bool,
) -> io::Result<Option<Ending>> {
    match event {
        Event::Terminal(event) if is_suspend_key(&event) => {
            guard.suspend()?;
            *mouse_taken = true;
        }
        Event::Terminal(event) => {
            if let Some(action) = action_for(app, event) {
                app.update(action);
            }
        }
        Event::Exit(code) => return Ok(Some(Ending::Signal(code))),
        Event::Suspend => {
            guard.suspend()?;
            *mouse_taken = true;
        }
        Event::Redraw => guard.redraw()?,
        Event::Background(background::Report::Progress(fraction)) => {
            app.report_progress(fraction);
        }
        Event::Background(background::Report::Done(reader)) => app.replace_alignment(*reader),
        Event::Background(background::Report::Failed(message)) => {
            return Ok(Some(Ending::Failed(message)));
        }
    }
    Ok(None)
}

fn spawn_input(sender: mpsc::Sender<Event>) {
    std::thread::spawn(move || {
        while let Ok(event) = crossterm::event::read() {
            if sender.send(Event::Terminal(event)).is_err() {
                break;
            }
        }
    });
}

fn is_suspend_key(event: &TerminalEvent) -> bool {
    matches!(
        event,
        TerminalEvent::Key(KeyEvent { code: KeyCode::Char('z'), modifiers, kind: KeyEventKind::Press, .. })
            if modifiers.contains(KeyModifiers::CONTROL)
    )
}

/// What a terminal event asks for, given what the reader is doing (typing a search, picking
/// speakers, reading): the key table's bindings for that context. Key releases and repeats
/// are ignored; so is the mouse while it is handed to the terminal.
pub fn action_for(app: &App, event: TerminalEvent) -> Option<Action> {
    match event {
        TerminalEvent::Key(key) if key.kind == KeyEventKind::Press => {
            app.keymap.action_in(app.mode.context(), key)
        }
        TerminalEvent::Mouse(mouse) if app.mouse && app.mode == app::Mode::Reading => {
            match mouse.kind {
                MouseEventKind::ScrollDown => Some(Action::ScrollDown(keymap::WHEEL)),
                MouseEventKind::ScrollUp => Some(Action::ScrollUp(keymap::WHEEL)),
                MouseEventKind::Down(MouseButton::Left) => {
                    Some(Action::Click(mouse.column, mouse.row))
                }
                _ => None,
            }
        }
        TerminalEvent::Resize(width, height) => Some(Action::Resize(width, height)),
        _ => None,
    }
}

/// Writes to the real terminal while the reader runs (clipboard escapes).
fn write_raw(bytes: &[u8]) -> io::Result<()> {
    let mut stdout = io::stdout();
    stdout.write_all(bytes)?;
    stdout.flush()
}
