//! The real binary in a pseudo-terminal: it draws, answers keys, and always gives the
//! terminal back (raw mode off, alternate screen left, mouse reports off, cursor shown) on
//! quit, on SIGTERM and SIGHUP, and around Ctrl-Z / SIGCONT.

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

#[test]
fn reads_keys_and_quits_cleanly() {
    let mut session = Session::start(&[], 120, 36);
    session.wait_for_text("Joint Press Remarks");
    assert!(session.screen.lock().unwrap().screen().alternate_screen());
    assert!(!session.cooked(), "raw mode while reading");
    session.send(b"?");
    session.wait_for_text("Esc or ? closes this help");
    session.send(b"\x1b");
    session.wait_for("the help to close", |s| {
        !s.contents().contains("Esc or ? closes this help")
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
fn sigterm_and_sighup_restore_the_terminal() {
    for (signal, code) in [(Signal::SIGTERM, 143), (Signal::SIGHUP, 129)] {
        let mut session = Session::start(&[], 100, 30);
        session.wait_for_text("Joint Press Remarks");
        session.signal(signal);
        assert_eq!(session.wait_exit(), code, "{signal}");
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
