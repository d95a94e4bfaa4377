//! Files made to break a transcript reader: binary data, broken encodings, huge or degenerate
//! shapes, broken markup and subtitles, escape sequences, a file over the size limit, endless
//! inputs (`/dev/zero` as a transcript, a configuration or a speaker map), hostile names and
//! values in messages. Each gives a correct model that keeps every word, or a one-line error
//! naming the file with exit status 1, its values shown and never run; never a panic. The big inputs are built at test time; where the debug binary would
//! be slow the library is called instead. How long the big ones take is measured by
//! `benches/hostile.rs`, not here.

mod common;

use common::{Scratch, bag, difference, words};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::process::{Command, Output};
use tandem::load::{self, LoadOptions};
use tandem::model::Transcript;
use tandem::ui::{App, Contents, Theme, view};
use tandem::{align, synth};

fn tandem(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg("--no-config")
        .args(args)
        .output()
        .unwrap()
}

fn inspect(file: &Path) -> Output {
    tandem(&[Path::new("inspect"), file])
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Exit status 1 and one line on standard error that names the file and says `problem`.
fn assert_refused(output: &Output, file: &Path, problem: &str) {
    let message = stderr(output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert_eq!(message.lines().count(), 1, "one line: {message}");
    let name = file.display().to_string();
    assert!(
        message.starts_with(&format!("tandem: {name}: ")),
        "names the file: {message}"
    );
    assert!(message.contains(problem), "says '{problem}': {message}");
}

fn assert_read(output: &Output) -> String {
    assert_eq!(output.status.code(), Some(0), "{}", stderr(output));
    assert!(!stderr(output).contains("panicked"), "{}", stderr(output));
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn load_text(text: &str) -> Transcript {
    load::load_bytes(text.as_bytes(), "hostile.txt", LoadOptions::default())
        .unwrap_or_else(|error| panic!("{error}"))
}

/// The words (letters and digits) of `input` and of the model are the same.
fn assert_no_word_lost(input: &str, transcript: &Transcript) {
    let lost = difference(&bag(words(input)), &bag(words(&transcript.text(true))));
    assert!(lost.is_empty(), "words lost (+) or invented (-): {lost:?}");
}

#[test]
fn a_binary_file_is_refused() {
    let scratch = Scratch::new("hostile-binary");
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend((0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    let file = scratch.file("image.png", bytes);
    assert_refused(&inspect(&file), &file, "binary file");
}

#[test]
fn nul_bytes_in_text_are_refused() {
    let scratch = Scratch::new("hostile-nul");
    let file = scratch.file(
        "nul.txt",
        "MODERATOR: Good afternoon.\nQUESTION: Why\0 now?\n",
    );
    assert_refused(&inspect(&file), &file, "control byte at offset 40");
}

#[test]
fn truncated_utf8_is_refused_with_its_line() {
    let scratch = Scratch::new("hostile-truncated");
    let text = "사회자: 안녕하십니까.\n조태열 장관: 감사합니다. 블링컨 장관님";
    // Cut inside the last character, as a download or a `head -c` cuts.
    let cut = text.len() - 2;
    let file = scratch.file("cut.txt", &text.as_bytes()[..cut]);
    let last_character = cut - 1;
    assert_refused(
        &inspect(&file),
        &file,
        &format!("not valid UTF-8 at line 2 (byte offset {last_character})"),
    );
}

#[test]
fn a_legacy_encoded_paragraph_in_a_utf8_file_is_refused_with_its_line() {
    let scratch = Scratch::new("hostile-mixed");
    let utf8 = "사회자: 안녕하십니까. 오늘 회견을 시작하겠습니다.\n\
                블링컨 장관: 감사합니다. 다시 서울에 와서 기쁩니다.\n";
    let mut bytes = utf8.as_bytes().to_vec();
    let (euc_kr, _, _) = encoding_rs::EUC_KR.encode("사회자: 질문 받겠습니다.\n");
    bytes.extend_from_slice(&euc_kr);
    let file = scratch.file("mixed.txt", bytes);
    assert_refused(&inspect(&file), &file, "not valid UTF-8 at line 3");
}

#[test]
fn a_single_ten_megabyte_line_is_one_turn() {
    let scratch = Scratch::new("hostile-long-line");
    let speech = "word ".repeat(2_000_000);
    let text = format!("MODERATOR: {speech}\n");
    let file = scratch.file("long.txt", &text);
    let report = assert_read(&inspect(&file));
    assert!(report.contains("turns (1, 1 sentences)"), "{report}");
    assert_no_word_lost(&text, &load_text(&text));
}

#[test]
fn a_million_empty_lines_have_no_turns_and_then_one() {
    let scratch = Scratch::new("hostile-empty-lines");
    let file = scratch.file("blank.txt", "\n".repeat(1_000_000));
    assert_refused(
        &inspect(&file),
        &file,
        "none of its 1000000 lines opens a turn",
    );
    let text = format!("{}MODERATOR: At last.\n", "\n".repeat(1_000_000));
    let file = scratch.file("late.txt", &text);
    let report = assert_read(&inspect(&file));
    assert!(report.contains("lines 1000001-1000001"), "{report}");
}

#[test]
fn a_million_one_word_turns_load_and_a_slice_of_them_aligns() {
    let text = synth::one_word_turns(1_000_000);
    let transcript = load_text(&text);
    assert_eq!(transcript.turns.len(), 1_000_000);
    assert_eq!(transcript.speakers.len(), 2);
    assert_no_word_lost(&text, &transcript);
    // The debug build aligns a slice; the release binary aligns the whole million against
    // itself.
    let slice = synth::one_word_turns(20_000);
    let (official, other) = (load_text(&slice), load_text(&slice));
    let alignment = align::align(&official, &other, &[]);
    assert_eq!(alignment.rows.len(), 20_000);
    assert!(
        alignment
            .rows
            .iter()
            .all(|r| r.sides.official == r.sides.other),
        "a file aligned with itself pairs each sentence with itself"
    );
}

fn assert_speakers_matched_with_themselves(transcript: &Transcript) {
    let alignment = align::align(transcript, transcript, &[]);
    assert_eq!(alignment.speakers.len(), transcript.speakers.len());
    assert!(
        alignment
            .speakers
            .iter()
            .all(|m| m.speakers.official.is_some() && m.speakers.official == m.speakers.other),
        "each speaker matched with itself"
    );
    assert_eq!(alignment.rows.len(), transcript.sentence_count());
}

#[test]
fn a_thousand_speakers_are_matched_one_to_one() {
    let scratch = Scratch::new("hostile-speakers");
    let text = synth::many_speakers(1000, 2000);
    let file = scratch.file("speakers.txt", &text);
    let tsv = assert_read(&tandem(&[
        Path::new("export"),
        &file,
        &file,
        Path::new("--format"),
        Path::new("tsv"),
    ]));
    let rows: Vec<&str> = tsv
        .lines()
        .filter(|l| l.contains("Sentence number"))
        .collect();
    assert_eq!(rows.len(), 2000);
    let transcript = load_text(&text);
    assert_eq!(transcript.speakers.len(), 1000);
    assert_no_word_lost(&text, &transcript);
    assert_speakers_matched_with_themselves(&transcript);
}

/// A hundred million pairs of speakers: scoring every pair, as the aligner did, ran out of
/// memory; only pairs that share a distinctive word are scored now.
#[test]
fn ten_thousand_speakers_a_side_are_matched_one_to_one() {
    let text = synth::many_speakers(10_000, 10_000);
    let transcript = load_text(&text);
    assert_eq!(transcript.speakers.len(), 10_000);
    assert_speakers_matched_with_themselves(&transcript);
}

#[test]
fn labels_with_no_text_are_turns_of_their_own() {
    let text = "MODERATOR:\nQUESTION:\n\nMODERATOR:\nSECSTATE BLINKEN: Thank you.\nQUESTION:\n";
    let transcript = load_text(text);
    assert_eq!(transcript.turns.len(), 5);
    assert_eq!(transcript.sentence_count(), 1);
    assert_no_word_lost(text, &transcript);
    let alignment = align::align(&transcript, &transcript, &[]);
    assert_eq!(alignment.rows.len(), 1);
}

#[test]
fn unbalanced_brackets_keep_their_words() {
    let texts = [
        "MODERATOR: [Via interpreter Good afternoon. (inaudible and then\nQUESTION: Yes ] ) ( [ .\n\
         MODERATOR: [[[[ (((( ]]]] )))) [In English] Thank you.\n",
        "[Anchor\nThe meeting was held today.\n[Cho Tae-yeol / Minister\nThank you.\n\
         [Anchor]\nThe end ] of [ it.\n[Anchor]\n]]] [[[\n",
    ];
    for text in texts {
        let transcript = load_text(text);
        assert_no_word_lost(text, &transcript);
    }
}

#[test]
fn front_matter_that_never_ends_is_kept_as_header() {
    let text = "---\ntitle: A briefing\ndate: 2024-01-01\nMODERATOR: Good afternoon.\n\
                QUESTION: A question?\nMODERATOR: An answer.\n";
    let transcript = load_text(text);
    assert_eq!(transcript.turns.len(), 3);
    assert_no_word_lost(text, &transcript);
}

#[test]
fn srt_with_broken_timings_keeps_every_cue() {
    let scratch = Scratch::new("hostile-srt");
    let text = "1\n00:00:99,000 --> garbage\nTravis: Hello there.\n\n\
                2\n00:00:05,000 --> 00:00:03,000\nBackwards timing here.\n\n\
                3\nnot a timing at all\nA cue with no timing?\n\n\
                4\n99:99:99,999 --> 00:00:01,000\nLast words.\n\n\
                5\n00:00:07,000 -->\nSarah: The end.\n\n6\n";
    let file = scratch.file("broken.srt", text);
    let report = assert_read(&inspect(&file));
    assert!(report.contains("SubRip"), "{report}");
    assert!(report.contains("no readable timing"), "says so: {report}");
    let transcript = load_text(text);
    let spoken: String = text
        .lines()
        .filter(|l| !l.contains("-->") && !l.chars().all(|c| c.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join("\n");
    assert_no_word_lost(&spoken, &transcript);
}

/// A transcript that tries to act on the terminal: OSC 52 (clipboard), OSC 0 (title), CSI
/// (colour, clear screen), C0 and C1 controls, bidirectional overrides.
const ESCAPES: &str = "Briefing \u{1b}]0;owned title\u{7}\n\
    MODERATOR: Welcome \u{1b}]52;c;ZXZpbA==\u{7} to the \u{1b}[31mred\u{1b}[0m room.\n\
    QUESTION: Is \u{202e}this reversed\u{202c}? And \u{1b}[2J cleared?\n\
    MODERATOR: A C1 \u{9b}2J escape, a bell \u{7}, a backspace \u{8} and \u{2066}isolates\u{2069}.\n";

/// Characters that must never reach a terminal: C0 but line ends, DEL, C1, bidi controls.
fn acts_on_a_terminal(c: char) -> bool {
    matches!(c, '\0'..='\u{9}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

fn assert_safe_and_visible(shown: &str) {
    if let Some(c) = shown.chars().find(|&c| acts_on_a_terminal(c)) {
        panic!("{c:?} reaches the terminal:\n{shown}");
    }
    for stand_in in [
        "␛]52;c;ZXZpbA==␇",
        "␛]0;owned title␇",
        "␛[31m",
        "<U+202E>",
        "<U+009B>",
    ] {
        assert!(shown.contains(stand_in), "{stand_in} shown:\n{shown}");
    }
}

#[test]
fn escape_sequences_are_shown_not_run_by_inspect() {
    let scratch = Scratch::new("hostile-escapes");
    let file = scratch.file("escapes.txt", ESCAPES);
    let report = assert_read(&inspect(&file));
    assert_safe_and_visible(&report);
}

#[test]
fn escape_sequences_are_shown_not_run_by_the_reader() {
    let transcript = load_text(ESCAPES);
    assert_no_word_lost(ESCAPES, &transcript);
    let alignment = align::align(&transcript, &transcript, &[]);
    let app = App::new(
        Contents::pair(transcript.clone(), transcript, alignment),
        (200, 30),
    );
    let mut terminal = Terminal::new(TestBackend::new(200, 30)).unwrap();
    terminal
        .draw(|frame| view::draw(frame, &app, &Theme::default()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let screen: String = buffer
        .content()
        .chunks(200)
        .map(|line| line.iter().map(|cell| cell.symbol()).collect::<String>() + "\n")
        .collect();
    assert_safe_and_visible(&screen);
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let scratch = Scratch::new("hostile-large");
    let file = scratch.join("huge.txt");
    // Sparse: it takes no disk and no time to make.
    std::fs::File::create(&file)
        .unwrap()
        .set_len(load::MAX_FILE_BYTES + 1)
        .unwrap();
    let output = inspect(&file);
    // The limit is lower on a machine with less than 16 GiB free; the unit tests of
    // `load::size_limit` check it.
    assert_refused(
        &output,
        &file,
        &format!(
            "too large ({} bytes; tandem reads files up to ",
            load::MAX_FILE_BYTES + 1
        ),
    );
}

fn tandem_command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tandem"));
    command.env_remove("TANDEM_CONFIG");
    command
}

/// One line, status 1, saying `problem`: what every refusal looks like.
fn assert_one_line_refusal(output: &Output, problem: &str) -> String {
    let message = stderr(output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert_eq!(message.lines().count(), 1, "one line: {message}");
    assert!(message.contains(problem), "says '{problem}': {message}");
    message
}

#[test]
fn endless_and_unsized_inputs_are_refused_at_the_limit() {
    let zero = Path::new("/dev/zero");
    assert_refused(&inspect(zero), zero, "too large (more than ");

    let from_stdin = tandem_command()
        .args(["--no-config", "inspect", "/dev/stdin"])
        .stdin(std::fs::File::open(zero).unwrap())
        .output()
        .unwrap();
    assert_refused(
        &from_stdin,
        Path::new("/dev/stdin"),
        "too large (more than ",
    );

    let config = tandem_command()
        .arg("inspect")
        .env("TANDEM_CONFIG", zero)
        .output()
        .unwrap();
    let message = assert_one_line_refusal(&config, "too large (more than 1048576 bytes");
    assert!(message.starts_with("tandem: /dev/zero: "), "{message}");

    let speakers = tandem_command()
        .args(["--no-config", "export", "--speakers", "/dev/zero"])
        .output()
        .unwrap();
    let message = assert_one_line_refusal(&speakers, "too large (more than ");
    assert!(
        message.starts_with("tandem: /dev/zero: the speaker map: "),
        "{message}"
    );
}

#[test]
fn a_fifo_is_read_like_a_file() {
    let scratch = Scratch::new("hostile-fifo");
    let fifo = scratch.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            std::fs::write(fifo, "MODERATOR: Through a pipe.\nQUESTION: Read whole?\n").unwrap();
        })
    };
    let report = assert_read(&inspect(&fifo));
    writer.join().unwrap();
    assert!(report.contains("Through a pipe."), "{report}");
    assert!(report.contains("Read whole?"), "{report}");
}

/// A message that names hostile values shows their escapes and lets none act.
fn assert_inert(output: &Output, problem: &str) {
    let message = assert_one_line_refusal(output, problem);
    let line = message.trim_end_matches('\n');
    if let Some(c) = line.chars().find(|&c| acts_on_a_terminal(c)) {
        panic!("{c:?} reaches the terminal: {line}");
    }
    assert!(line.contains("␛]0;owned␇"), "shown: {line}");
}

const TITLE: &str = "\u{1b}]0;owned\u{7}";

#[test]
fn hostile_file_names_in_messages_are_shown_not_run() {
    let scratch = Scratch::new("hostile-names");
    let missing = scratch.join(format!("missing{TITLE}.txt"));
    assert_inert(&inspect(&missing), "cannot read it");
    let empty = scratch.file(&format!("empty{TITLE}.txt"), "");
    assert_inert(&inspect(&empty), "the file is empty");
    let binary = scratch.file(&format!("binary{TITLE}.txt"), [0u8, 159, 146, 150, 0, 1]);
    assert_inert(&inspect(&binary), "binary");
    let folder = scratch.join(format!("folder{TITLE}"));
    std::fs::create_dir(&folder).unwrap();
    assert_inert(&inspect(&folder), "directory");
    let no_turns = scratch.file(&format!("empty{TITLE}.json"), "[]");
    assert_inert(&inspect(&no_turns), "no speaker turns");
    let unwritable = scratch.join(format!("nowhere{TITLE}/out.json"));
    assert_inert(
        &tandem(&[Path::new("export"), Path::new("-o"), &unwritable]),
        "cannot write",
    );

    let config = tandem_command()
        .arg("inspect")
        .env("TANDEM_CONFIG", scratch.join(format!("config{TITLE}.toml")))
        .output()
        .unwrap();
    assert_inert(&config, "cannot read it");
    let bad_value = scratch.file("config.toml", "theme = \"\\u001b]0;owned\\u0007\"\n");
    let config = tandem_command()
        .arg("inspect")
        .env("TANDEM_CONFIG", &bad_value)
        .output()
        .unwrap();
    assert_inert(&config, "line 1: theme: unknown theme");
}

#[test]
fn speaker_map_lines_and_labels_in_messages_are_shown_not_run() {
    let scratch = Scratch::new("hostile-map");
    // Labels in a JSON transcript can hold anything.
    let official = scratch.file(
        "official.json",
        r#"[{"speaker": "MODERATOR\u001b]0;owned\u0007", "text": "Hello."},
            {"speaker": "GUEST", "text": "Thanks."}]"#,
    );
    let other = scratch.file("other.txt", "HOST: Hello.\nGUEST: Thanks.\n");
    let export_with = |map: &str| {
        let map = scratch.file("map.txt", map);
        tandem(&[
            Path::new("export"),
            &official,
            &other,
            Path::new("--speakers"),
            &map,
        ])
    };
    assert_inert(&export_with(&format!("a line{TITLE}\n")), "expected");
    assert_inert(
        &export_with("Nobody = HOST\n"),
        "no official speaker 'Nobody'",
    );
}

#[test]
fn long_values_are_cut_in_messages() {
    let scratch = Scratch::new("hostile-long");
    let value = "x".repeat(900_000);
    let config = scratch.file("config.toml", format!("theme = \"{value}\"\n"));
    let output = tandem_command()
        .arg("inspect")
        .env("TANDEM_CONFIG", &config)
        .output()
        .unwrap();
    let message = assert_one_line_refusal(&output, "line 1: theme: ");
    assert!(message.len() < 600, "{} bytes", message.len());
    assert!(message.contains("characters left out"), "{message}");

    let deep = scratch
        .join("long-folder-name-".repeat(200))
        .join("file.txt");
    let output = inspect(&deep);
    let message = assert_one_line_refusal(&output, "cannot read it");
    assert!(message.len() < 1000, "{} bytes: {message}", message.len());
}

#[test]
fn messages_about_empty_or_misshapen_files_say_what_is_wrong() {
    let scratch = Scratch::new("hostile-messages");
    let empty_cues = scratch.file(
        "empty.srt",
        "1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\n\n",
    );
    assert_refused(
        &inspect(&empty_cues),
        &empty_cues,
        "read as SubRip subtitles, but none of the cues in its 6 lines holds text",
    );
    let no_speech = scratch.file("empty.json", "{\"segments\": []}");
    assert_refused(
        &inspect(&no_speech),
        &no_speech,
        "read as JSON, but it holds no speech: expected tandem's model",
    );
    let shape = scratch.file("shape.json", "{\"title\": \"a\", \"count\": 3}");
    assert_refused(
        &inspect(&shape),
        &shape,
        "valid JSON, but not a transcript: expected tandem's model, or an object",
    );
    let broken = scratch.file("broken.json", "{\"segments\": [");
    assert_refused(&inspect(&broken), &broken, "not valid json");
}

#[test]
fn a_huge_configuration_is_refused_without_being_echoed() {
    let scratch = Scratch::new("hostile-huge-config");
    let config = scratch.file(
        "config.toml",
        format!("theme = \"{}\"\n", "x".repeat(100_000_000)),
    );
    let output = tandem_command()
        .arg("inspect")
        .env("TANDEM_CONFIG", &config)
        .output()
        .unwrap();
    let message = assert_one_line_refusal(&output, "the file is too large (100000011 bytes");
    assert!(message.len() < 400, "{message}");
}

/// Files of about `bytes` bytes in the shapes that cost the most memory per byte: short turns
/// (one speaker, a new speaker each line, `Q`/`A`, `Q` alone), one turn of many lines or sentences, one
/// giant sentence, and subtitles of many cues.
fn memory_shapes(bytes: usize) -> Vec<(&'static str, String)> {
    let repeat = |unit: &str| unit.repeat(bytes / unit.len());
    let cue = |i: usize| {
        let (seconds, millis) = (i / 1000, i % 1000);
        let clock = format!(
            "00:{:02}:{:02},{millis:03}",
            seconds / 60 % 60,
            seconds % 60
        );
        format!("{}\n{clock} --> {clock}\ny.\n\n", i + 1)
    };
    let cues: String = (0..bytes / 34).map(cue).collect();
    let speakers: String = (0..bytes / 14).map(|i| format!("MR. X{i}: y\n")).collect();
    vec![
        ("one speaker, tiny turns", repeat("MR. X: y\n")),
        ("a new speaker each line", speakers),
        ("Q and A, tiny turns", repeat("Q: y\nA: y\n")),
        ("the tiniest turns", repeat("Q: y\n")),
        (
            "one turn, short sentences",
            format!("MR. X: y.\n{}", repeat("Word y. Another word here.\n")),
        ),
        (
            "one giant sentence",
            format!("MR. X: {}\n", repeat("word ")),
        ),
        ("one turn of tiny lines", repeat("y\n")),
        ("subtitles of many cues", cues),
    ]
}

/// Peak memory of exporting each shape against itself stays within what the loader's
/// admission check (`load::budget`) expects of it, so a file it admits cannot exhaust memory.
/// Heavy: run with `cargo test --release --test hostile_inputs -- --ignored memory`. Needs
/// GNU time at `/usr/bin/time` for the peak.
#[test]
#[ignore = "heavy: exports 2 MB files of the costliest shapes; run in release"]
fn memory_stays_within_the_estimate() {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        eprintln!("skipped: {} is absent", time.display());
        return;
    }
    let scratch = Scratch::new("hostile-memory");
    let out = scratch.file("out.tsv", "");
    for (shape, text) in memory_shapes(2_000_000) {
        let file = scratch.file("shape.txt", &text);
        let transcript = load::load_path(&file, LoadOptions::default()).unwrap();
        let counts = load::budget::Counts::of_bytes(text.as_bytes()).with(&transcript);
        let output = Command::new(time)
            .args(["-f", "%M"])
            .arg(env!("CARGO_BIN_EXE_tandem"))
            .arg("--no-config")
            .arg("export")
            .args([&file, &file])
            .args(["--format", "tsv", "-o"])
            .arg(&out)
            .output()
            .unwrap();
        assert!(output.status.success(), "{shape}: {}", stderr(&output));
        let peak_kb: u64 = stderr(&output)
            .trim()
            .lines()
            .last()
            .unwrap()
            .parse()
            .unwrap();
        let (peak, estimate) = (peak_kb * 1024, counts.memory());
        let factor = peak as f64 / (2 * text.len()) as f64;
        eprintln!(
            "{shape}: {} MB peak, {factor:.0}x the pair, estimate {} MB ({counts:?})",
            peak / 1_000_000,
            estimate / 1_000_000
        );
        assert!(
            peak <= estimate,
            "{shape}: {peak} bytes over the estimate {estimate}"
        );
    }
}
