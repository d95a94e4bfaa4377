//! The real binary in a pseudo-terminal: it draws, answers keys, and always gives the
//! terminal back (raw mode off, alternate screen left, mouse reports off, cursor shown) on
//! quit, on SIGTERM, SIGHUP and every other signal that ends it, around Ctrl-Z / SIGCONT, and after a panic; a storm of
//! resizes does not break it.

use nix::sys::signal::{Signal, kill};
use nix::sys::termios::LocalFlags;
use nix::unistd::Pid;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const PATIENCE: Duration = Duration::from_secs(20);

struct Session {
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
}

impl Session {
    fn start(args: &[&str], columns: u16, rows: u16) -> Session {
        Session::start_with_env(args, &[], columns, rows)
    }

    fn start_with_env(args: &[&str], env: &[(&str, &str)], columns: u16, rows: u16) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols: columns,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_tandem"));
        command.args(args);
        command.env("TERM", "xterm-256color");
        for (name, value) in env {
            command.env(name, value);
        }
        command.cwd(env!("CARGO_MANIFEST_DIR"));
        let child = pair.slave.spawn_command(command).unwrap();
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(columns).unwrap(),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let parser = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(read) = reader.read(&mut buffer) {
                if read == 0 {
                    break;
                }
                parser.lock().unwrap().process(&buffer[..read]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Session {
            master: pair.master,
            child,
            writer,
            screen,
        }
    }

    fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen satisfies `test`.
    fn wait_for(&self, what: &str, test: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if test(self.screen.lock().unwrap().screen()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("timed out waiting for {what}; screen:\n{}", self.text());
    }

    fn wait_for_text(&self, needle: &str) {
        self.wait_for(needle, |screen| screen.contents().contains(needle));
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// Sets the terminal size, as a window manager does: the kernel sends SIGWINCH.
    fn resize(&self, columns: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols: columns,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    fn signal(&self, signal: Signal) {
        let pid = self.child.process_id().unwrap() as i32;
        kill(Pid::from_raw(pid), signal).unwrap();
    }

    /// Whether the terminal is in canonical (cooked) mode, as a shell expects it.
    fn cooked(&self) -> bool {
        let termios = self.master.get_termios().unwrap();
        termios
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO)
    }

    fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.child.kill().ok();
        panic!("the reader did not exit; screen:\n{}", self.text());
    }

    fn assert_restored(&self) {
        // The reader thread may still be taking in the last bytes.
        self.wait_for("the main screen", |screen| !screen.alternate_screen());
        let screen = self.screen.lock().unwrap();
        let screen = screen.screen();
        assert!(!screen.hide_cursor(), "cursor shown again");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reports off"
        );
        assert!(self.cooked(), "raw mode off");
    }
}

/// The mouse key hands the mouse to the terminal (its own text selection works) and takes it
/// back: the terminal stops and starts sending mouse reports.
#[test]
fn the_mouse_key_hands_the_mouse_to_the_terminal() {
    let mut session = Session::start(&[], 120, 36);
    session.wait_for_text("Joint Press Remarks");
    let reporting = |s: &vt100::Screen| s.mouse_protocol_mode() != vt100::MouseProtocolMode::None;
    session.wait_for("mouse reports on", reporting);
    session.send(b"\\");
    session.wait_for("mouse reports off", |s| !reporting(s));
    session.wait_for_text("mouse off: the terminal selects text");
    session.send(b"\\");
    session.wait_for("mouse reports on again", reporting);
    // A click (SGR report, 1-based) on the strip goes to the end's part of the document.
    session.send(b"\x1b[<0;120;33M\x1b[<0;120;33m");
    let row = |s: &vt100::Screen| -> usize {
        let contents = s.contents();
        let after = contents.rsplit("row ").next().unwrap_or_default();
        after
            .split('/')
            .next()
            .unwrap_or_default()
            .parse()
            .unwrap_or(0)
    };
    session.wait_for("a click on the strip near its end", |s| row(s) > 200);
    session.send(b"q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn reads_keys_and_quits_cleanly() {
    let mut session = Session::start(&[], 120, 36);
    session.wait_for_text("Joint Press Remarks");
    assert!(session.screen.lock().unwrap().screen().alternate_screen());
    assert!(!session.cooked(), "raw mode while reading");
    session.send(b"?");
    session.wait_for_text("Esc, ? or q closes this help");
    session.send(b"\x1b");
    session.wait_for("the help to close", |s| {
        !s.contents().contains("Esc, ? or q closes this help")
    });
    session.send(b"/orleans");
    session.wait_for_text("2 hits");
    session.send(b"\r");
    session.send(b"3");
    session.wait_for_text("only: SECSTATE BLINKEN");
    session.send(b"q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn sigterm_sighup_and_sigint_restore_the_terminal() {
    // In raw mode Ctrl-C is a key, so SIGINT comes from `kill` or a parent's process group.
    for (signal, code) in [
        (Signal::SIGTERM, 143),
        (Signal::SIGHUP, 129),
        (Signal::SIGINT, 130),
    ] {
        let mut session = Session::start(&[], 100, 30);
        session.wait_for_text("Joint Press Remarks");
        session.signal(signal);
        assert_eq!(session.wait_exit(), code, "{signal}");
        session.assert_restored();
    }
}

#[test]
fn every_signal_that_ends_the_reader_restores_the_terminal_first() {
    for signal in [
        Signal::SIGQUIT,
        Signal::SIGUSR1,
        Signal::SIGUSR2,
        Signal::SIGALRM,
        Signal::SIGVTALRM,
        Signal::SIGPROF,
        Signal::SIGXCPU,
        Signal::SIGXFSZ,
        Signal::SIGSYS,
        Signal::SIGIO,
    ] {
        let mut session = Session::start(&[], 100, 30);
        session.wait_for_text("Joint Press Remarks");
        session.signal(signal);
        assert_eq!(session.wait_exit(), 128 + signal as u32, "{signal}");
        session.assert_restored();
    }
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_sigcont_takes_it_again() {
    let mut session = Session::start(&[], 100, 30);
    session.wait_for_text("Joint Press Remarks");
    session.send(b"\x1a");
    session.wait_for("the main screen after Ctrl-Z", |screen| {
        !screen.alternate_screen()
    });
    let start = Instant::now();
    while !session.cooked() && start.elapsed() < PATIENCE {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(session.cooked(), "raw mode off while suspended");
    session.signal(Signal::SIGCONT);
    session.wait_for("the reader to come back", |screen| {
        screen.alternate_screen() && screen.contents().contains("Joint Press Remarks")
    });
    assert!(!session.cooked());
    session.send(b"q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal_and_says_what_happened() {
    let mut session = Session::start_with_env(&[], &[("TANDEM_DEBUG_PANIC", "1")], 100, 30);
    let code = session.wait_exit();
    assert_ne!(code, 0, "a panic is a failure");
    session.assert_restored();
    session.wait_for_text("TANDEM_DEBUG_PANIC is set");
    let text = session.text();
    assert!(text.contains("panicked at"), "{text}");
    // Written in raw mode, the message would stair-step across the screen.
    assert!(
        text.lines()
            .any(|line| line.starts_with("TANDEM_DEBUG_PANIC is set")),
        "the message starts its own line: {text}"
    );
}

#[test]
fn a_storm_of_resizes_does_not_break_the_reader() {
    let mut session = Session::start(&[], 120, 36);
    session.wait_for_text("Joint Press Remarks");
    let sizes = [
        (1, 1),
        (0, 0),
        (1, 0),
        (0, 1),
        (2, 2),
        (39, 7),
        (40, 8),
        (99, 30),
        (100, 30),
    ];
    for round in 0..40u16 {
        for &(columns, rows) in &sizes {
            session.resize(columns, rows);
        }
        session.resize(300 + round, 100 + round);
        std::thread::sleep(Duration::from_millis(2));
    }
    session.resize(120, 36);
    // Resize events still queued may arrive after a key and move the view, so ask again
    // until the end shows.
    let end = "This concludes the joint press availability";
    let start = Instant::now();
    while !session.text().contains(end) && start.elapsed() < PATIENCE {
        session.send(b"G");
        std::thread::sleep(Duration::from_millis(200));
    }
    session.wait_for_text(end);
    session.send(b"q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn a_narrow_pty_shows_one_pane() {
    let mut session = Session::start(&["tests/fixtures/seoul-ko.txt"], 70, 24);
    session.wait_for_text("turn 1/");
    assert!(session.text().contains("사회자"));
    session.send(b"q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn without_a_terminal_it_points_to_inspect_and_export() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("tandem inspect FILE") && stderr.contains("tandem export OFFICIAL OTHER"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty(), "nothing is drawn");
}

/// The bundled pair `copies` times over, in a folder of the test's own: long enough to open
/// on its start while the whole is aligned.
fn long_pair(name: &str, copies: usize) -> (std::path::PathBuf, [String; 2]) {
    use tandem::{bundled, load::Format, synth};
    let dir = std::env::temp_dir().join(format!("tandem-pty-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let official = synth::repeat_official(&bundled::official().unwrap(), copies);
    let other = synth::repeat_perturbed(&bundled::other().unwrap(), copies, 7);
    let (a, b) = (dir.join("official.txt"), dir.join("translation.txt"));
    std::fs::write(&a, synth::write(&official, Format::Labelled)).unwrap();
    std::fs::write(&b, synth::write(&other, Format::Bracketed)).unwrap();
    let paths = [a, b].map(|p| p.display().to_string());
    (dir, paths)
}

/// The total of rows the status line gives (`row 3/1200`).
fn rows_in_status(screen: &vt100::Screen) -> Option<usize> {
    let contents = screen.contents();
    let status = contents.lines().last()?;
    let after = status.split("row ").nth(1)?.split('/').nth(1)?;
    after
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

/// A long pair shows rows from its start with the rest marked as being aligned, then the
/// whole alignment, at the same place.
#[test]
fn a_long_pair_opens_on_its_start_then_shows_the_whole() {
    let (dir, [a, b]) = long_pair("whole", 30);
    let mut session = Session::start(&[&a, &b], 160, 45);
    session.wait_for("the start, marked", |s| {
        s.contents().contains("aligning") && s.contents().contains("MODERATOR")
    });
    let start = rows_in_status(session.screen.lock().unwrap().screen()).unwrap();
    session.wait_for("the whole alignment", |s| {
        !s.contents().contains("aligning") && rows_in_status(s).is_some_and(|n| n > start * 4)
    });
    assert!(session.text().contains("MODERATOR"), "{}", session.text());
    session.send(b"q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
    std::fs::remove_dir_all(dir).ok();
}

/// Bytes that do not decode far into a long file are found only by the whole load, which runs
/// while the reader shows the file's start: the reader ends, gives the terminal back and
/// names the file, with status 1.
#[test]
fn an_error_only_the_whole_load_finds_ends_the_reader_and_restores_the_terminal() {
    let (dir, [a, b]) = long_pair("broken", 30);
    let mut bytes = std::fs::read(&b).unwrap();
    // A line only UTF-8 can be, then one no encoding of its kind allows: mixed encodings.
    bytes.extend_from_slice("\nMODERATOR: It’s late.\nMODERATOR: ".as_bytes());
    bytes.extend_from_slice(b"\xff\xfe\n");
    std::fs::write(&b, bytes).unwrap();
    let mut session = Session::start(&[&a, &b], 120, 36);
    assert_eq!(session.wait_exit(), 1);
    session.assert_restored();
    session.wait_for_text("translation.txt");
    std::fs::remove_dir_all(dir).ok();
}

/// `q` while the whole pair is being aligned ends tandem at once: the work is not waited for.
#[test]
fn q_quits_at_once_while_aligning() {
    let (dir, [a, b]) = long_pair("quit", 300);
    let mut session = Session::start(&[&a, &b], 80, 24);
    session.wait_for_text("aligning");
    let asked = Instant::now();
    session.send(b"q");
    assert_eq!(session.wait_exit(), 0);
    // Aligning this pair takes seconds even in a release build.
    assert!(
        asked.elapsed() < Duration::from_secs(2),
        "{:?}",
        asked.elapsed()
    );
    session.assert_restored();
    std::fs::remove_dir_all(dir).ok();
}
