//! The loader's inputs: every format, every encoding, forced options, and every kind of bad
//! input, which must give a one-line error naming the file and a non-zero exit code.

mod common;

use std::process::Command;
use tandem::load::{self, Format, LoadOptions, decode::encoding_for_label};
use tandem::model::Transcript;

fn turn_texts(transcript: &Transcript) -> Vec<(String, String)> {
    transcript
        .turns
        .iter()
        .map(|t| (transcript.turn_label(t).to_string(), t.text()))
        .collect()
}

fn load_bytes(bytes: &[u8], options: LoadOptions) -> Transcript {
    load::load_bytes(bytes, "test", options).unwrap_or_else(|e| panic!("{e}"))
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(common::data(&format!("tests/fixtures/{name}"))).unwrap()
}

// ---- formats ----

#[test]
fn tandem_json_round_trips() {
    let original = common::official_seed();
    let json = serde_json::to_vec(&original).unwrap();
    let reloaded = load_bytes(&json, LoadOptions::default());
    // The JSON says where the transcript was first read from; reading it back keeps that.
    assert_eq!(
        reloaded.metadata.origin.format,
        original.metadata.origin.format
    );
    assert_eq!(reloaded.speakers, original.speakers);
    assert_eq!(reloaded.turns, original.turns);
    assert_eq!(reloaded.metadata.title, original.metadata.title);
    assert_eq!(reloaded.metadata.header, original.metadata.header);
}

#[test]
fn inconsistent_tandem_json_is_refused() {
    let mut original = common::ytn_seed();
    original.turns[0]
        .annotations
        .push(tandem::model::Annotation {
            kind: tandem::model::AnnotationKind::Editorial,
            text: "x".into(),
            paragraph: 0,
            sentence: 0,
            span: Some(0..100_000),
        });
    let json = serde_json::to_vec(&original).unwrap();
    let error = load::load_bytes(&json, "bad.json", LoadOptions::default()).unwrap_err();
    assert!(
        error.to_string().starts_with(
            "bad.json: valid JSON, but not a transcript: tandem's transcript model is inconsistent"
        ),
        "{error}"
    );
}

#[test]
fn each_format_is_detected() {
    let cases = [
        (
            "assets/seoul-2025-01-06/official-state-dept.txt",
            "labelled lines (SPEAKER: text)",
        ),
        (
            "../shared/corpus/whitehouse/wh_2023-04-26_biden-yoon_joint-press-conference_EN.md",
            "labelled lines (SPEAKER: text)",
        ),
        (
            "assets/seoul-2025-01-06/translation-ytn.txt",
            "bracketed headers ([Speaker] above the text)",
        ),
        (
            "../shared/corpus/podcast/podcastindex_buzzsprout-10-things_example.srt",
            "SubRip subtitles",
        ),
        (
            "../shared/corpus/podcast/podcastindex_buzzsprout-trailer-episode_example.vtt",
            "WebVTT subtitles",
        ),
        (
            "../shared/corpus/podcast/bookbytes-006.txt",
            "timestamped lines (0:00:14.2 Speaker text)",
        ),
        ("../shared/corpus/podcast/bookbytes-006.json", "JSON"),
        (
            "../shared/corpus/podcast/podcastindex_buzzsprout-10-things_example.html",
            "HTML",
        ),
    ];
    let shared = common::shared_corpus("each_format_is_detected");
    for (file, format) in cases {
        if file.starts_with("../shared/") && !shared {
            continue;
        }
        assert_eq!(common::load(file).metadata.origin.format, format, "{file}");
    }
}

#[test]
fn forced_format_is_obeyed() {
    let bytes = std::fs::read(common::data("assets/seoul-2025-01-06/translation-ytn.txt")).unwrap();
    let options = LoadOptions {
        format: Some(Format::Labelled),
        ..LoadOptions::default()
    };
    // Read as labelled lines, YTN's `[Anchor]` headers are no labels: the page is one turn.
    let transcript = load::load_bytes(&bytes, "ytn.txt", options).unwrap();
    let origin = &transcript.metadata.origin;
    assert_eq!(origin.format, Format::Labelled.description());
    assert!(
        origin
            .format_note
            .as_deref()
            .is_some_and(|note| note.contains("no speaker labels")),
        "{origin:?}"
    );
    assert_eq!(transcript.turns.len(), 1);
}

#[test]
fn labels_alone_on_a_line_and_indented() {
    let text = "Remarks\n\n  MODERATOR:\n  Good afternoon. Welcome.\n\n  SECSTATE BLINKEN:   Thank\nyou.\nMODERATOR: Next.\n";
    let transcript = load_bytes(text.as_bytes(), LoadOptions::default());
    assert_eq!(
        turn_texts(&transcript),
        [
            ("MODERATOR".into(), "Good afternoon. Welcome.".into()),
            ("SECSTATE BLINKEN".into(), "Thank you.".into()),
            ("MODERATOR".into(), "Next.".into()),
        ]
    );
}

#[test]
fn uncertain_format_says_what_it_chose_and_why() {
    let text = "[Anchor]\nThe meeting was held.\n\nMODERATOR: Welcome.\n\n[Host]\nThank you.\n\nQUESTION: Why?\n";
    let transcript = load_bytes(text.as_bytes(), LoadOptions::default());
    let note = transcript.metadata.origin.format_note.unwrap_or_default();
    assert!(note.starts_with("read as"), "{note}");
    assert!(note.contains("against"), "{note}");
}

#[test]
fn korean_japanese_and_chinese_transcripts() {
    let korean = common::load("tests/fixtures/seoul-ko.txt");
    assert_eq!(korean.metadata.language.as_deref(), Some("ko"));
    assert_eq!(korean.metadata.date.as_deref(), Some("2025년 1월 6일"));
    let labels: Vec<&str> = korean.turns.iter().map(|t| korean.turn_label(t)).collect();
    assert_eq!(
        labels,
        ["사회자", "조태열 외교부 장관", "사회자", "블링컨 국무장관"]
    );
    assert_eq!(korean.turns[0].sentence_count(), 5);

    let japanese = common::load("tests/fixtures/tokyo-ja.txt");
    assert_eq!(japanese.metadata.language.as_deref(), Some("ja"));
    assert_eq!(japanese.turns.len(), 4);
    let first: Vec<&str> = japanese.turns[1]
        .sentences()
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(first[0], "ありがとうございます。");
    assert_eq!(first.len(), 4);

    let chinese = common::load("tests/fixtures/briefing-zh.txt");
    assert_eq!(chinese.metadata.language.as_deref(), Some("zh"));
    let speakers: Vec<&str> = chinese.speakers.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(speakers, ["主持人", "发言人", "记者"]);
    assert_eq!(chinese.turns[1].sentence_count(), 4);
}

// ---- encodings ----

fn same_as_utf8(bytes: &[u8], utf8: &str, encoding: &str) {
    let expected = load_bytes(utf8.as_bytes(), LoadOptions::default());
    let decoded = load_bytes(bytes, LoadOptions::default());
    assert_eq!(turn_texts(&decoded), turn_texts(&expected), "{encoding}");
    assert_eq!(decoded.metadata.origin.encoding, encoding);
}

#[test]
fn utf8_with_bom_and_utf16_with_bom() {
    let text = fixture("seoul-ko.txt");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(text.as_bytes());
    same_as_utf8(&bom, &text, "UTF-8 (BOM)");
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    same_as_utf8(&le, &text, "UTF-16LE (BOM)");
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    same_as_utf8(&be, &text, "UTF-16BE (BOM)");
}

#[test]
fn legacy_encodings_are_detected() {
    let cases = [
        ("seoul-ko.txt", encoding_rs::EUC_KR, "EUC-KR (detected)"),
        (
            "tokyo-ja.txt",
            encoding_rs::SHIFT_JIS,
            "Shift_JIS (detected)",
        ),
        ("briefing-zh.txt", encoding_rs::GBK, "GBK (detected)"),
    ];
    for (name, encoding, expected) in cases {
        let text = fixture(name);
        let (bytes, _, unmappable) = encoding.encode(&text);
        assert!(!unmappable, "{name} fits {}", encoding.name());
        same_as_utf8(&bytes, &text, expected);
    }
    let official = std::fs::read_to_string(common::data(
        "assets/seoul-2025-01-06/official-state-dept.txt",
    ))
    .unwrap();
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&official);
    assert!(!unmappable);
    same_as_utf8(&bytes, &official, "windows-1252 (detected)");
}

#[test]
fn encoding_can_be_named() {
    let text = fixture("seoul-ko.txt");
    let (bytes, _, _) = encoding_rs::EUC_KR.encode(&text);
    let options = LoadOptions {
        encoding: encoding_for_label("cp949"),
        ..LoadOptions::default()
    };
    let transcript = load_bytes(&bytes, options);
    assert_eq!(transcript.metadata.origin.encoding, "EUC-KR");
    assert_eq!(transcript.turns.len(), 4);
}

#[test]
fn crlf_and_cr_line_ends() {
    let text = std::fs::read_to_string(common::data(
        "assets/seoul-2025-01-06/official-state-dept.txt",
    ))
    .unwrap();
    same_as_utf8(text.replace('\n', "\r\n").as_bytes(), &text, "UTF-8");
    same_as_utf8(text.replace('\n', "\r").as_bytes(), &text, "UTF-8");
}

// ---- bad input, through the real binary ----

struct Run {
    code: i32,
    stderr: String,
}

fn tandem(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(args)
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn assert_refused(file: &str, extra: &[&str], problem: &str) {
    let mut args = vec!["inspect", file];
    args.extend_from_slice(extra);
    let run = tandem(&args);
    assert_ne!(run.code, 0, "{file}");
    assert!(!run.stderr.contains("panicked"), "{file}: {}", run.stderr);
    assert_eq!(
        run.stderr.trim_end().lines().count(),
        1,
        "{file}: one line: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains(file),
        "{file}: names the file: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains(problem),
        "{file}: says '{problem}': {}",
        run.stderr
    );
}

#[test]
fn bad_input_gets_a_one_line_error() {
    let dir = std::env::temp_dir().join(format!("tandem-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    };
    let missing = dir.join("missing.txt").display().to_string();
    assert_refused(&missing, &[], "cannot read it");
    assert_refused(&dir.display().to_string(), &[], "is a directory");
    assert_refused(&write("empty.txt", b""), &[], "empty");
    assert_refused(
        &write("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),
        &[],
        "binary file",
    );
    let mut damaged = "사회자: 안녕하십니까. 한미 외교장관 공동 기자회견입니다.\n"
        .as_bytes()
        .to_vec();
    damaged.extend(b"\xED\xA0\x80 broken\n");
    assert_refused(
        &write("damaged.txt", &damaged),
        &[],
        "not valid UTF-8 at line 2",
    );
    let (euc_kr, _, _) = encoding_rs::EUC_KR.encode("사회자: 안녕하십니까.");
    assert_refused(
        &write("named.txt", &euc_kr),
        &["--encoding", "utf-8"],
        "not valid UTF-8",
    );
    assert_refused(
        &write("rules.txt", b"* * *\n\n- - -\n"),
        &[],
        "no speaker turns found",
    );
    assert_refused(
        &write("broken.json", b"{\"segments\": [ {\"body\": \"a\"} "),
        &[],
        "not valid json",
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn unknown_format_or_encoding_names_are_usage_errors() {
    let run = tandem(&["inspect", "x.txt", "--format", "docx"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unknown format 'docx'"),
        "{}",
        run.stderr
    );
    let run = tandem(&["inspect", "x.txt", "--encoding", "klingon"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unknown encoding 'klingon'"),
        "{}",
        run.stderr
    );
}

#[test]
fn inspect_prints_format_speakers_and_turns() {
    let output = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args([
            "inspect",
            &common::data("assets/seoul-2025-01-06/official-state-dept.txt")
                .display()
                .to_string(),
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("format    labelled lines (SPEAKER: text)"));
    assert!(stdout.contains("encoding  UTF-8"));
    assert!(stdout.contains("speakers (4)"));
    assert!(stdout.contains("turns (23, "));
    assert!(stdout.contains("SECSTATE BLINKEN"));
}

#[test]
fn inspect_json_is_the_model() {
    let output = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["inspect", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let transcript: Transcript = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(transcript.turns.len(), 23);
}
