//! Where exports go and what happens when they cannot: an input is never overwritten, a file
//! is replaced whole or not at all, and a write that fails is an error (exit 1), except into a
//! closed pipe; an error that cannot even be printed still exits 1.

mod common;

use common::Scratch;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn tandem(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tandem"));
    command.arg("--no-config").args(args);
    command
}

fn run(args: &[&str]) -> Output {
    tandem(args).output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

const OFFICIAL: &str = "MODERATOR: Good morning. We begin now.\nGUEST: Thank you.\n";
const OTHER: &str = "HOST: Good morning. We start.\nGUEST: Thanks.\n";

#[test]
fn an_export_over_one_of_its_inputs_is_refused() {
    let scratch = Scratch::new("output-over-input");
    let official = scratch.file("official.txt", OFFICIAL);
    let other = scratch.file("other.txt", OTHER);
    let link = scratch.join("link.txt");
    std::os::unix::fs::symlink(&official, &link).unwrap();
    let hard = scratch.join("hard.txt");
    std::fs::hard_link(&other, &hard).unwrap();
    let dotted = scratch.join(".").join("official.txt");
    for output in [&official, &other, &link, &hard, &dotted] {
        let result = run(&["export", text(&official), text(&other), "-o", text(output)]);
        let message = stderr(&result);
        assert_eq!(
            result.status.code(),
            Some(1),
            "{}: {message}",
            output.display()
        );
        assert_eq!(message.lines().count(), 1, "{message}");
        assert!(message.contains("this is the input file"), "{message}");
    }
    let map = scratch.file("map.txt", "MODERATOR = HOST\n");
    let result = run(&[
        "export",
        text(&official),
        text(&other),
        "--speakers",
        text(&map),
        "-o",
        text(&map),
    ]);
    assert_eq!(result.status.code(), Some(1), "{}", stderr(&result));
    assert_eq!(std::fs::read_to_string(&map).unwrap(), "MODERATOR = HOST\n");
    assert_eq!(std::fs::read_to_string(&official).unwrap(), OFFICIAL);
    assert_eq!(std::fs::read_to_string(&other).unwrap(), OTHER);
}

#[test]
fn an_export_replaces_the_file_whole_and_leaves_nothing_behind() {
    let scratch = Scratch::new("output-replace");
    let official = scratch.file("official.txt", OFFICIAL);
    let other = scratch.file("other.txt", OTHER);
    // A second name for the old export: written in place, it would change too; replaced by
    // a rename, it keeps the old text.
    let out = scratch.file("out.tsv", "old export\n");
    let old_name = scratch.join("old.tsv");
    std::fs::hard_link(&out, &old_name).unwrap();
    let args = ["export", text(&official), text(&other), "--format", "tsv"];
    let result = run(&[&args[..], &["-o", text(&out)]].concat());
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
    let to_stdout = run(&args);
    assert_eq!(
        std::fs::read(&out).unwrap(),
        to_stdout.stdout,
        "the file holds the export"
    );
    assert_eq!(std::fs::read_to_string(&old_name).unwrap(), "old export\n");
    let mut names: Vec<String> = std::fs::read_dir(&*scratch)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["official.txt", "old.tsv", "other.txt", "out.tsv"]);
}

#[test]
fn an_output_named_dash_is_standard_output_as_an_input_named_dash_is_standard_input() {
    let scratch = Scratch::new("output-dash");
    let official = scratch.file("official.txt", OFFICIAL);
    let other = scratch.file("other.txt", OTHER);
    let args = ["export", text(&official), text(&other), "--format", "tsv"];
    let to_dash = tandem(&[&args[..], &["-o", "-"]].concat())
        .current_dir(&*scratch)
        .output()
        .unwrap();
    assert_eq!(to_dash.status.code(), Some(0), "{}", stderr(&to_dash));
    assert_eq!(to_dash.stdout, run(&args).stdout);
    assert!(!scratch.join("-").exists(), "no file named `-`");
}

#[test]
fn an_export_to_a_device_is_written_in_place() {
    let result = run(&["export", "-o", "/dev/null"]);
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
}

/// `/dev/stdout` is written as the shell's own descriptor would be: into a pipe, at the end of
/// a file already written to, and never replaced. (Into a pipe, the export used to be renamed
/// over the system's `/dev/stdout` link, run as root, and nothing reached the pipe.)
#[test]
fn an_export_to_dev_stdout_reaches_what_standard_output_is() {
    let bundled = ["export", "--format", "tsv"];
    let expected = run(&bundled).stdout;
    assert!(!expected.is_empty());
    let into_pipe = run(&[&bundled[..], &["-o", "/dev/stdout"]].concat());
    assert_eq!(into_pipe.status.code(), Some(0), "{}", stderr(&into_pipe));
    assert_eq!(into_pipe.stdout, expected, "the pipe gets the export");
    let link = std::fs::symlink_metadata("/dev/stdout").unwrap();
    assert!(
        !link.is_file(),
        "/dev/stdout is still what the system made it"
    );
    let scratch = Scratch::new("output-dev-stdout");
    let file = scratch.join("out.tsv");
    let line = format!(
        "{{ echo first line; \"$TANDEM\" --no-config export --format tsv -o /dev/stdout; }} > '{}'",
        text(&file)
    );
    let result = shell(&line);
    assert_eq!(result.status.code(), Some(0), "{result:?}");
    let mut appended = b"first line\n".to_vec();
    appended.extend_from_slice(&expected);
    assert_eq!(std::fs::read(&file).unwrap(), appended);
}

/// Runs tandem through a shell, for redirections Rust's `Command` cannot express.
fn shell(line: &str) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(line)
        .env("TANDEM", env!("CARGO_BIN_EXE_tandem"))
        .output()
        .unwrap()
}

#[test]
fn an_error_that_cannot_be_printed_still_exits_1() {
    let result = shell("\"$TANDEM\" --no-config inspect /nonexistent/file 2>/dev/full");
    assert_eq!(result.status.code(), Some(1), "{result:?}");
}

#[test]
fn a_failed_write_is_an_error_but_a_closed_pipe_is_not() {
    let full = shell("\"$TANDEM\" --no-config export >/dev/full");
    assert_eq!(full.status.code(), Some(1));
    assert!(
        stderr(&full).contains("cannot write to standard output: No space left"),
        "{}",
        stderr(&full)
    );
    let closed = shell("\"$TANDEM\" --no-config inspect >&-");
    assert_eq!(closed.status.code(), Some(1));
    assert!(
        stderr(&closed).contains("cannot write to standard output: it is closed"),
        "{}",
        stderr(&closed)
    );
    for help in ["--help >/dev/full", "--version >&-"] {
        let failed = shell(&format!("\"$TANDEM\" {help}"));
        assert_eq!(failed.status.code(), Some(1), "{help}");
        assert!(
            stderr(&failed).starts_with("tandem: cannot write to standard output"),
            "{help}: {}",
            stderr(&failed)
        );
    }
    let discarded = shell("\"$TANDEM\" --no-config inspect >/dev/null");
    assert_eq!(discarded.status.code(), Some(0), "{}", stderr(&discarded));
    let piped = tandem(&["export"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut piped = piped;
    drop(piped.stdout.take());
    let result = piped.wait_with_output().unwrap();
    assert_eq!(result.status.code(), Some(0));
    assert!(result.stderr.is_empty(), "{}", stderr(&result));
}

/// Reads the TSV with Python's csv module and checks every text cell against the JSON export:
/// the same text, with one leading apostrophe where the text starts with a formula character
/// or an apostrophe, and no cell a spreadsheet would run.
const CHECK_TSV: &str = r#"
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], newline=""), delimiter="\t"))
alignment = json.load(open(sys.argv[2]))["alignment"]
assert len(rows) == len(alignment) + 1, (len(rows), len(alignment))
neutralised = quoted = 0
for row, aligned in zip(rows[1:], alignment):
    assert len(row) == 9, row
    for cell, side in ((row[3], "official"), (row[6], "other")):
        text = " ".join(s["text"] for s in aligned[side])
        assert not cell.startswith(("=", "+", "-", "@")), cell
        if cell.startswith("'"):
            cell = cell[1:]
            neutralised += 1
        assert cell == text, (cell, text)
        quoted += '"' in text
print(neutralised, quoted)
"#;

#[test]
fn tsv_reads_back_through_pythons_csv_module() {
    if !common::has_program("tsv_reads_back", "python3", "apt install python3") {
        return;
    }
    let scratch = Scratch::new("output-tsv");
    let transcript = "MODERATOR: =SUM(A1:A9) opens this line.\n\
        GUEST: \"Quoted,\" he said, \"twice.\"\n\
        MODERATOR: -5 percent, said the report.\n\
        GUEST: @everyone listen.\n\
        MODERATOR: +1 for that.\n\
        GUEST: 'Tis true.\n";
    let official = scratch.file("official.txt", transcript);
    let other = scratch.file("other.txt", transcript);
    let tsv = scratch.join("out.tsv");
    let json = scratch.join("out.json");
    for (format, out) in [("tsv", &tsv), ("json", &json)] {
        let result = run(&[
            "export",
            text(&official),
            text(&other),
            "--format",
            format,
            "-o",
            text(out),
        ]);
        assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
    }
    let check = Command::new("python3")
        .args(["-c", CHECK_TSV, text(&tsv), text(&json)])
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", stderr(&check));
    let counts = String::from_utf8(check.stdout).unwrap();
    let counts: Vec<usize> = counts
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    assert_eq!(counts, [10, 2], "cells neutralised, cells with quotes");
}

#[test]
fn a_read_only_export_is_not_replaced() {
    let scratch = Scratch::new("output-read-only");
    let out = scratch.file("kept.json", "kept\n");
    let mut permissions = std::fs::metadata(&out).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&out, permissions).unwrap();
    let result = run(&["export", "-o", text(&out)]);
    assert_eq!(result.status.code(), Some(1));
    assert!(
        stderr(&result).contains("cannot write"),
        "{}",
        stderr(&result)
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "kept\n");
}
