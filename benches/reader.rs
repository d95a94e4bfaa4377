//! The reader's costs: the first frame of the bundled example, one frame anywhere in a large
//! document, and an incremental search over all of it.
//!
//! `cargo bench --bench reader`. The large document is the bundled pair repeated 1000 times
//! (see `benches/common`); it is loaded and aligned once, before the measurements.

mod common;

use divan::Bencher;
use nix::pty::{Winsize, openpty};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::fs::File;
use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};
use tandem::ui::app::Position;
use tandem::ui::{Action, App, Contents, Theme, view};
use tandem::{align, bundled};

const SIZE: (u16, u16) = (160, 45);
const LARGE_COPIES: usize = 1000;

fn main() {
    divan::main();
}

static LARGE: LazyLock<Mutex<App>> = LazyLock::new(|| {
    let (official, other) = common::pair_text(LARGE_COPIES);
    let (official, other) = (
        common::load(&official, "official"),
        common::load(&other, "other"),
    );
    let alignment = align::align(&official, &other, &[]);
    Mutex::new(App::new(Contents::pair(official, other, alignment), SIZE))
});

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|frame| view::draw(frame, app, &Theme::default()))
        .expect("a test backend draws");
}

/// From the bundled files to a drawn screen, in this process.
#[divan::bench(sample_count = 20)]
fn first_frame_in_process() {
    let (official, other) = (
        bundled::official().unwrap(),
        bundled::translation().unwrap(),
    );
    let alignment = align::align(&official, &other, &[]);
    let app = App::new(Contents::pair(official, other, alignment), SIZE);
    draw(
        &mut Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap(),
        &app,
    );
}

/// From starting the release binary on a pseudo-terminal to its status line on the screen.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn first_frame_of_the_binary(bencher: Bencher) {
    bencher.bench(|| {
        let size = Winsize {
            ws_row: SIZE.1,
            ws_col: SIZE.0,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        let pty = openpty(Some(&size), None).expect("a pseudo-terminal");
        let terminal = || Stdio::from(pty.slave.try_clone().expect("a terminal handle"));
        let start = Instant::now();
        let mut child = Command::new(env!("CARGO_BIN_EXE_tandem"))
            .env("TERM", "xterm-256color")
            .stdin(terminal())
            .stdout(terminal())
            .stderr(terminal())
            .spawn()
            .expect("the binary starts");
        let mut screen = File::from(pty.master);
        let (mut seen, mut buffer) = (Vec::new(), [0u8; 65536]);
        while !seen.windows(6).any(|w| w == b"? help") && start.elapsed() < Duration::from_secs(10)
        {
            match screen.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(read) => seen.extend_from_slice(&buffer[..read]),
            }
        }
        let elapsed = start.elapsed();
        child.kill().ok();
        child.wait().ok();
        elapsed
    });
}

/// Draws one frame of the large document with its top row at `fraction` of the way down.
fn frame_at(bencher: Bencher, fraction: f64) {
    let mut app = LARGE.lock().unwrap();
    let index = ((app.visible.len() - 1) as f64 * fraction) as usize;
    app.top = Position { index, line: 0 };
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap();
    draw(&mut terminal, &app);
    bencher.bench_local(|| draw(&mut terminal, &app));
}

#[divan::bench(sample_count = 50)]
fn frame_at_start(bencher: Bencher) {
    frame_at(bencher, 0.0);
}

#[divan::bench(sample_count = 50)]
fn frame_at_middle(bencher: Bencher) {
    frame_at(bencher, 0.5);
}

#[divan::bench(sample_count = 50)]
fn frame_at_end(bencher: Bencher) {
    frame_at(bencher, 1.0);
}

/// One key press of an incremental search over the whole large document: alternately typing
/// the last letter of `alliance` and erasing it, each a full search.
#[divan::bench(sample_count = 20)]
fn search_keystroke(bencher: Bencher) {
    let mut app = LARGE.lock().unwrap();
    app.update(Action::StartSearch);
    for c in "allianc".chars() {
        app.update(Action::Type(c));
    }
    bencher.bench_local(|| {
        let action = if app.search.query.ends_with('e') {
            Action::Erase
        } else {
            Action::Type('e')
        };
        app.update(action);
    });
    app.update(Action::Back);
}
