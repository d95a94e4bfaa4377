//! Long loads show a progress bar before the reader opens, and Ctrl-C stops them; nothing
//! of it reaches a standard error that is not a terminal.

use nix::pty::{Winsize, openpty};
use std::fs::File;
use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use tandem::load::Format;
use tandem::{bundled, synth};

const PATIENCE: Duration = Duration::from_secs(60);

/// The bundled pair repeated `copies` times, the other version perturbed, as two files in `dir`.
fn write_pair(dir: &Path, copies: usize) {
    let official = synth::repeat_official(&bundled::official().unwrap(), copies);
    let other = synth::repeat_perturbed(&bundled::other().unwrap(), copies, 1);
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("official.txt"),
        synth::write(&official, Format::Labelled),
    )
    .unwrap();
    std::fs::write(
        dir.join("other.txt"),
        synth::write(&other, Format::Bracketed),
    )
    .unwrap();
}

/// A long pair of files opens on its start (`tests/reader_start.rs`); one read from standard
/// input is aligned whole before the reader opens, with the bar.
#[test]
fn a_long_alignment_shows_progress_and_stops_on_ctrl_c() {
    let dir = std::env::temp_dir().join(format!("tandem-progress-{}", std::process::id()));
    write_pair(&dir, 300);

    let size = Winsize {
        ws_row: 30,
        ws_col: 100,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    let pty = openpty(Some(&size), None).unwrap();
    let terminal = || Stdio::from(pty.slave.try_clone().unwrap());
    let mut command = Command::new(env!("CARGO_BIN_EXE_tandem"));
    command
        .arg("-")
        .arg(dir.join("other.txt"))
        .env("TERM", "xterm-256color")
        .stdin(File::open(dir.join("official.txt")).unwrap())
        .stdout(terminal())
        .stderr(terminal());
    // Ctrl-C becomes SIGINT only on the controlling terminal of the foreground process.
    // SAFETY: between fork and exec only async-signal-safe calls are made.
    unsafe {
        command.pre_exec(|| {
            // A shell that starts a job in the background without job control (a CI script
            // run with `&`) leaves SIGINT ignored, and an ignored signal stays ignored across
            // exec; a user's foreground job has its default action.
            // SAFETY: sigaction is async-signal-safe.
            nix::sys::signal::signal(
                nix::sys::signal::Signal::SIGINT,
                nix::sys::signal::SigHandler::SigDfl,
            )?;
            nix::unistd::setsid()?;
            // Standard output: standard input is the official version.
            if nix::libc::ioctl(1, nix::libc::TIOCSCTTY, 0) == -1 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = command.spawn().unwrap();
    let mut screen = File::from(pty.master);
    let mut keyboard = screen.try_clone().unwrap();
    let (sender, output) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while let Ok(read @ 1..) = screen.read(&mut buffer) {
            if sender.send(buffer[..read].to_vec()).is_err() {
                break;
            }
        }
    });

    let start = Instant::now();
    let mut seen = String::new();
    // The bar: a fraction done, then (once something is done) the time left.
    let bar = regex::Regex::new(r"tandem: [a-z ,]+ \[[=> ]+\] +\d+%").unwrap();
    while !bar.is_match(&seen) && start.elapsed() < PATIENCE {
        if let Ok(bytes) = output.recv_timeout(Duration::from_millis(50)) {
            seen.push_str(&String::from_utf8_lossy(&bytes));
        }
    }
    assert!(bar.is_match(&seen), "no progress bar; saw {seen:?}");
    assert!(
        !seen.contains("\x1b[?1049h"),
        "the reader opened before the work was done"
    );

    keyboard.write_all(b"\x03").unwrap();
    let stopped = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(
                !status.success(),
                "Ctrl-C ends tandem with a failure status"
            );
            break;
        }
        assert!(
            stopped.elapsed() < Duration::from_secs(5),
            "Ctrl-C did not stop tandem"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_export_to_pipes_writes_no_progress() {
    let dir = std::env::temp_dir().join(format!("tandem-quiet-{}", std::process::id()));
    write_pair(&dir, 100);
    let export = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["--no-config", "export", "--format", "tsv"])
        .arg(dir.join("official.txt"))
        .arg(dir.join("other.txt"))
        .output()
        .unwrap();
    assert!(export.status.success());
    let errors = String::from_utf8_lossy(&export.stderr);
    assert!(
        errors
            .lines()
            .all(|line| line.starts_with("tandem: warning: ")),
        "standard error has more than warnings: {errors:?}"
    );
    let rows = String::from_utf8_lossy(&export.stdout);
    assert!(rows.starts_with("row\t"), "the rows are on standard output");
    assert!(!rows.contains("tandem: "), "no progress on standard output");
    std::fs::remove_dir_all(&dir).ok();
}
