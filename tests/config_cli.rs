//! The terminal-ecosystem side of the command line, through the real binary: the
//! configuration file and its errors, themes, completions, the manual page, standard input,
//! `--help` and `--version`.

mod common;

use common::Scratch;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const OFFICIAL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/seoul-2025-01-06/official-state-dept.txt"
);
const OTHER: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/seoul-2025-01-06/translation-ytn.txt"
);

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs tandem with a clean environment for configuration and colour: no `TANDEM_CONFIG`,
/// no `NO_COLOR`, a home without a configuration, plus `vars`.
fn tandem_with(args: &[&str], vars: &[(&str, &str)], stdin: Option<&[u8]>) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tandem"));
    command
        .args(args)
        .env_remove("TANDEM_CONFIG")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("NO_COLOR")
        .env_remove("COLORTERM")
        // A home that does not exist has no configuration either.
        .env(
            "HOME",
            std::env::temp_dir().join("tandem-config-cli-no-home"),
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (name, value) in vars {
        command.env(name, value);
    }
    let mut child = command.spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        // tandem may refuse before it reads (`export - -`), closing the pipe early.
        let _ = input.write_all(bytes);
    }
    drop(input);
    let output = child.wait_with_output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn tandem(args: &[&str], vars: &[(&str, &str)]) -> Run {
    tandem_with(args, vars, None)
}

/// A directory of this test process's own.
fn scratch(name: &str) -> Scratch {
    Scratch::new(&format!("config-cli-{name}"))
}

/// A configuration file in a folder of its own; the folder goes when the first is dropped.
fn write_config(name: &str, text: &str) -> (Scratch, PathBuf) {
    let dir = scratch(name);
    let path = dir.file("config.toml", text);
    (dir, path)
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn print_config_shows_the_file_and_reads_back() {
    let (_dir, path) = write_config(
        "print",
        "theme = \"light\"\nexport-format = \"markdown\"\n\n[keys]\nquit = [\"x\", \"Ctrl-q\"]\n",
    );
    let run = tandem(&["--print-config"], &[("TANDEM_CONFIG", path_str(&path))]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with(&format!(
        "# tandem's configuration, read from {}",
        path.display()
    )));
    for line in [
        "theme = \"light\"",
        "export-format = \"markdown\"",
        "quit = [\"x\", \"Ctrl-q\"]",
        "layout = \"auto\"",
        "scroll-down = [\"j\", \"Down\"]",
    ] {
        assert!(run.stdout.contains(line), "{line} in\n{}", run.stdout);
    }
    let (_again_dir, again) = write_config("print-again", &run.stdout);
    let second = tandem(&["--print-config"], &[("TANDEM_CONFIG", path_str(&again))]);
    let body = |text: &str| text.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&second.stdout), body(&run.stdout));
}

#[test]
fn the_file_is_found_under_xdg_config_home_then_home() {
    let xdg = scratch("xdg");
    std::fs::create_dir_all(xdg.join("tandem")).unwrap();
    std::fs::write(xdg.join("tandem/config.toml"), "layout = \"single\"\n").unwrap();
    let run = tandem(&["--print-config"], &[("XDG_CONFIG_HOME", path_str(&xdg))]);
    assert!(run.stdout.contains("layout = \"single\""), "{}", run.stdout);
    assert!(
        run.stdout
            .contains(path_str(&xdg.join("tandem/config.toml")))
    );

    let home = scratch("home");
    std::fs::create_dir_all(home.join(".config/tandem")).unwrap();
    std::fs::write(
        home.join(".config/tandem/config.toml"),
        "layout = \"side-by-side\"\n",
    )
    .unwrap();
    let run = tandem(&["--print-config"], &[("HOME", path_str(&home))]);
    assert!(
        run.stdout.contains("layout = \"side-by-side\""),
        "{}",
        run.stdout
    );
}

#[test]
fn a_bad_config_names_the_line_and_key_and_no_config_starts_anyway() {
    let (_dir, path) = write_config("bad", "# mine\nlayout = \"single\"\ntheme = \"neon\"\n");
    for args in [&["--print-config"][..], &["export"], &["inspect"]] {
        let run = tandem(args, &[("TANDEM_CONFIG", path_str(&path))]);
        assert_eq!(run.code, 1, "{args:?}");
        assert_eq!(run.stderr.trim_end().lines().count(), 1, "{}", run.stderr);
        for part in [path_str(&path), "line 3", "theme", "'neon'", "--no-config"] {
            assert!(run.stderr.contains(part), "{part} in {}", run.stderr);
        }
    }
    let run = tandem(
        &["--no-config", "--print-config"],
        &[("TANDEM_CONFIG", path_str(&path))],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("the defaults"));
    let run = tandem(
        &["export", "--no-config", "--format", "tsv"],
        &[("TANDEM_CONFIG", path_str(&path))],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);

    // Commands that read no settings are not stopped by a bad file.
    for args in [&["completions", "bash"][..], &["man"]] {
        let run = tandem(args, &[("TANDEM_CONFIG", path_str(&path))]);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    }

    let nowhere = scratch("missing");
    let missing = nowhere.join("nothing.toml");
    let run = tandem(
        &["--print-config"],
        &[("TANDEM_CONFIG", path_str(&missing))],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("cannot read"), "{}", run.stderr);
}

#[test]
fn config_defaults_apply_and_the_command_line_wins() {
    let (_dir, path) = write_config(
        "defaults",
        "export-format = \"tsv\"\ninput-format = \"srt\"\n",
    );
    let config = [("TANDEM_CONFIG", path_str(&path))];
    let run = tandem(&["export"], &config);
    assert!(
        run.stdout.starts_with("row\tofficial_position"),
        "{}",
        run.stdout
    );
    let run = tandem(&["export", "--format", "json"], &config);
    assert!(run.stdout.trim_start().starts_with('{'));
    let run = tandem(&["inspect", OFFICIAL], &config);
    assert!(run.stdout.contains("SubRip"), "{}", run.stdout);
    let run = tandem(&["inspect", OFFICIAL, "--format", "labelled"], &config);
    assert!(run.stdout.contains("labelled lines"), "{}", run.stdout);
}

#[test]
fn themes_follow_the_flag_then_the_file_then_no_color_then_colorterm() {
    let theme = |args: &[&str], vars: &[(&str, &str)]| {
        let mut all = vec!["--print-config"];
        all.extend_from_slice(args);
        let run = tandem(&all, vars);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
    };
    assert!(theme(&[], &[]).contains("\"auto\" is \"ansi\""));
    assert!(theme(&[], &[("COLORTERM", "truecolor")]).contains("\"auto\" is \"dark\""));
    assert!(
        theme(&[], &[("COLORTERM", "truecolor"), ("NO_COLOR", "1")])
            .contains("\"auto\" is \"mono\"")
    );
    let (_light_dir, light) = write_config("theme", "theme = \"light\"\n");
    let from_file = theme(
        &[],
        &[("TANDEM_CONFIG", path_str(&light)), ("NO_COLOR", "1")],
    );
    assert!(from_file.contains("theme = \"light\""));
    let from_flag = theme(&["--theme", "mono"], &[("TANDEM_CONFIG", path_str(&light))]);
    assert!(from_flag.contains("theme = \"mono\""));

    let run = tandem(&["--theme", "neon"], &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("dark, light, ansi or mono"),
        "{}",
        run.stderr
    );
}

/// A shell's own parser accepts the script (`bash -n`, `zsh -n`, `fish --no-execute`).
fn assert_parses(shell: &str, flag: &str, script: &str) {
    let dir = scratch(&format!("completions-{shell}"));
    let file = dir.file(&format!("tandem.{shell}"), script);
    let checked = Command::new(shell).arg(flag).arg(&file).output().unwrap();
    assert!(
        checked.status.success(),
        "{shell}: {}",
        String::from_utf8_lossy(&checked.stderr)
    );
}

#[test]
fn completions_for_bash_zsh_and_fish_parse_and_know_the_commands() {
    for (shell, flag) in [("bash", "-n"), ("zsh", "-n"), ("fish", "--no-execute")] {
        let run = tandem(&["completions", shell], &[]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        for word in ["inspect", "export", "completions", "theme", "no-config"] {
            assert!(run.stdout.contains(word), "{shell} knows {word}");
        }
        let package = format!("apt-get install {shell}");
        if common::has_program(
            "completions_for_bash_zsh_and_fish_parse_and_know_the_commands",
            shell,
            &package,
        ) {
            assert_parses(shell, flag, &run.stdout);
        }
    }
    let run = tandem(&["completions", "tcsh"], &[]);
    assert_eq!(run.code, 2);
}

#[test]
fn the_manual_page_renders() {
    let run = tandem(&["man"], &[]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains(".TH tandem 1"));
    if !common::has_program(
        "the_manual_page_renders",
        "groff",
        "apt-get install groff-base",
    ) {
        return;
    }
    let mut groff = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-P-cbou"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    groff
        .stdin
        .take()
        .unwrap()
        .write_all(run.stdout.as_bytes())
        .unwrap();
    let rendered = groff.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&rendered.stdout);
    let warnings = String::from_utf8_lossy(&rendered.stderr);
    assert!(
        rendered.status.success() && warnings.is_empty(),
        "{warnings}"
    );
    for part in [
        "SYNOPSIS",
        "inspect",
        "export",
        "--print-config",
        "Exit status",
        "143",
    ] {
        assert!(text.contains(part), "{part} in the rendered page:\n{text}");
    }
}

#[test]
fn every_command_gets_a_manual_page() {
    let dir = scratch("man");
    let run = tandem(&["man", "--dir", path_str(&dir)], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for page in [
        "tandem.1",
        "tandem-inspect.1",
        "tandem-export.1",
        "tandem-completions.1",
    ] {
        let text = std::fs::read_to_string(dir.join(page)).unwrap();
        assert!(text.contains(".TH tandem"), "{page}");
    }
    let export = std::fs::read_to_string(dir.join("tandem-export.1")).unwrap();
    assert!(export.contains("tmx"), "the export page lists its formats");
}

#[test]
fn help_documents_exit_codes_and_version_prints() {
    let run = tandem(&["--help"], &[]);
    for part in [
        "Exit status",
        "0    success",
        "2    a usage error",
        "130",
        "143",
    ] {
        assert!(run.stdout.contains(part), "{part}");
    }
    let run = tandem(&["--version"], &[]);
    assert_eq!(
        run.stdout.trim(),
        format!("tandem {}", env!("CARGO_PKG_VERSION"))
    );
    let run = tandem(&["--no-such-option"], &[]);
    assert_eq!(run.code, 2);
}

#[test]
fn a_dash_reads_standard_input() {
    let official = std::fs::read(OFFICIAL).unwrap();
    let from_stdin = tandem_with(&["inspect", "-"], &[], Some(&official));
    assert_eq!(from_stdin.code, 0, "{}", from_stdin.stderr);
    let from_file = tandem(&["inspect", OFFICIAL], &[]);
    let turns = |text: &str| {
        text.lines()
            .skip_while(|line| !line.starts_with("turns"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(!turns(&from_file.stdout).is_empty());
    assert_eq!(turns(&from_stdin.stdout), turns(&from_file.stdout));

    let piped = tandem_with(
        &["export", "-", OTHER, "--format", "tsv"],
        &[],
        Some(&official),
    );
    let direct = tandem(&["export", OFFICIAL, OTHER, "--format", "tsv"], &[]);
    assert_eq!(piped.code, 0, "{}", piped.stderr);
    let text_columns = |tsv: &str| {
        tsv.lines()
            .map(|line| {
                let cells: Vec<&str> = line.split('\t').collect();
                format!("{}|{}", cells[3], cells[6])
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(text_columns(&piped.stdout), text_columns(&direct.stdout));

    let both = tandem_with(&["export", "-", "-"], &[], Some(&official));
    assert_ne!(both.code, 0);
}

#[test]
fn output_into_a_closed_pipe_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["man"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn a_configuration_without_a_way_out_or_with_invisible_keys_is_refused() {
    let cases = [
        (
            "[keys]\nquit = []\nback = []\n",
            "keys: neither quit nor back has a key left",
        ),
        (
            "[keys]\nquit = [\"q\", \"\u{202E}\"]\n",
            "line 2: keys.quit: '<U+202E>' holds an invisible character, U+202E",
        ),
        (
            "[keys]\nsearch = \"\u{200B}\"\n",
            "line 2: keys.search: '\u{200B}' holds an invisible character, U+200B",
        ),
    ];
    for (text, expected) in cases {
        let (_dir, config) = write_config("no-way-out", text);
        let run = tandem(&["--print-config"], &[("TANDEM_CONFIG", path_str(&config))]);
        assert_eq!(run.code, 1, "{text:?}: {}", run.stderr);
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        assert!(run.stderr.contains(expected), "{text:?}: {}", run.stderr);
        assert!(!run.stderr.contains('\u{202E}'), "{}", run.stderr);
    }
}

#[test]
fn a_hostile_configuration_path_is_shown_not_run() {
    let dir = scratch("hostile-path");
    let config = dir.file("con\u{1b}]0;owned\u{7}\nfig.toml", "theme = \"mono\"\n");
    let run = tandem(&["--print-config"], &[("TANDEM_CONFIG", path_str(&config))]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("con␛]0;owned␇␊fig.toml"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains('\u{1b}'), "{}", run.stdout);
    let missing = dir.join("gone\u{1b}]0;owned\u{7}.toml");
    let run = tandem(&["inspect"], &[("TANDEM_CONFIG", path_str(&missing))]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("gone␛]0;owned␇.toml: cannot read it"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains('\u{1b}'), "{}", run.stderr);
}

#[test]
fn a_malformed_speaker_map_is_refused_before_any_transcript_is_read() {
    let dir = scratch("speaker-map");
    let map = dir.file("speakers.txt", "# who is who\nMODERATOR Hoster\n");
    // Transcripts that do not exist: the map is refused first, so the reader of a long pair
    // never opens only to close again on it.
    let missing = map.with_file_name("missing.txt");
    let missing = path_str(&missing);
    for args in [
        vec![
            "--no-config",
            "--speakers",
            path_str(&map),
            missing,
            missing,
        ],
        vec![
            "--no-config",
            "export",
            "--speakers",
            path_str(&map),
            missing,
            missing,
        ],
    ] {
        let run = tandem(&args, &[]);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains(
                "speakers.txt: line 2: expected 'OFFICIAL = OTHER', found 'MODERATOR Hoster'"
            ),
            "{args:?}: {}",
            run.stderr
        );
    }
}
