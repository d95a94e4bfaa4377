//! The reader's costs: the first frame of the bundled example, one frame anywhere in a large
//! document, and an incremental search over all of it.
//!
//! `cargo bench --bench reader`. The large document is the bundled pair repeated 1000 times
//! (see `benches/common`); it is loaded and aligned once, before the measurements.
//!
//! After divan's table, the first screen of that pair as files (issue 21's target: 0.3 s),
//! drawn from their start while the whole is aligned: in this process and by the binary.

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
use tandem::load::LoadOptions;
use tandem::model::Pair;
use tandem::ui::app::Position;
use tandem::ui::{Action, App, Contents, Theme, provisional, view};
use tandem::{align, bundled};

const SIZE: (u16, u16) = (160, 45);
const LARGE_COPIES: usize = 1000;

fn main() {
    divan::main();
    long_pair_first_screen();
}

/// Issue 21: the reader's first screen within this, for any pair within the size limit.
const FIRST_SCREEN_TARGET: Duration = Duration::from_millis(300);

/// The first screen of the large pair written to files: the start of both read, aligned and
/// drawn, in this process and by the release binary in a pseudo-terminal (medians of five).
fn long_pair_first_screen() {
    let dir = std::env::temp_dir().join(format!("tandem-bench-reader-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let (official, other) = common::pair_text(LARGE_COPIES);
    let (a, b) = (dir.join("official.txt"), dir.join("translation.txt"));
    std::fs::write(&a, official).expect("written");
    std::fs::write(&b, other).expect("written");
    let in_process = median(|| {
        let start = Instant::now();
        let reader =
            provisional::start_of(Pair::new(&a, &b), LoadOptions::default(), |_, _| Vec::new())
                .expect("a long pair opens on its start");
        let mut app = App::new(reader, SIZE);
        app.report_progress(0.0);
        draw(
            &mut Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap(),
            &app,
        );
        start.elapsed()
    });
    let args = [a.display().to_string(), b.display().to_string()];
    let binary = median(|| time_to_first_frame(&args));
    println!(
        "\nFirst screen of the bundled pair ×{LARGE_COPIES} as files, medians of {RUNS}: \
         {:.0} ms in process, {:.0} ms for the binary in a pseudo-terminal (target {} ms)",
        in_process.as_secs_f64() * 1000.0,
        binary.as_secs_f64() * 1000.0,
        FIRST_SCREEN_TARGET.as_millis()
    );
    std::fs::remove_dir_all(dir).ok();
}

const RUNS: usize = 5;

fn median(mut run: impl FnMut() -> Duration) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS).map(|_| run()).collect();
    times.sort();
    times[RUNS / 2]
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
    let (official, other) = (bundled::official().unwrap(), bundled::other().unwrap());
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
    bencher.bench(|| time_to_first_frame(&[]));
}

/// From starting the release binary with `args` on a pseudo-terminal to its status line on
/// the screen; the binary is then stopped.
fn time_to_first_frame(args: &[String]) -> Duration {
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
        .args(args)
        .env("TERM", "xterm-256color")
        .stdin(terminal())
        .stdout(terminal())
        .stderr(terminal())
        .spawn()
        .expect("the binary starts");
    let mut screen = File::from(pty.master);
    let (mut seen, mut buffer) = (Vec::new(), [0u8; 65536]);
    while !seen.windows(6).any(|w| w == b"? help") && start.elapsed() < Duration::from_secs(10) {
        match screen.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(read) => seen.extend_from_slice(&buffer[..read]),
        }
    }
    let elapsed = start.elapsed();
    child.kill().ok();
    child.wait().ok();
    elapsed
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
