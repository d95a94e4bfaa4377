//! `tandem export`: the JSON schema, TSV and Markdown, through the real binary.

mod common;

use std::process::Command;
use tandem::ui::{Action, App, Contents};

fn export(args: &[&str]) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg("export")
        .args(args)
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn json_has_the_documented_fields() {
    let (ok, stdout, stderr) = export(&[]);
    assert!(ok, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["schema"], "tandem-alignment/3");
    assert_eq!(
        json["official"]["metadata"]["title"],
        "Joint Press Remarks with Republic of Korea Foreign Minister Cho Tae-yulh"
    );
    assert_eq!(json["other"]["metadata"]["date"], "2025.01.06 PM 01:48");
    assert_eq!(json["speakers"][0]["official"], "MODERATOR");
    assert_eq!(json["speakers"][0]["other"], "Hoster");
    let rows = json["alignment"].as_array().unwrap();
    let first_pair = rows
        .iter()
        .find(|r| {
            !r["official"].as_array().unwrap().is_empty()
                && !r["other"].as_array().unwrap().is_empty()
        })
        .unwrap();
    let sentence = &first_pair["official"][0];
    // The moderator's "Good afternoon." has no counterpart: YTN's host opens with the
    // announcement.
    assert_eq!(sentence["turn"], 1);
    assert_eq!(sentence["sentence"], 2);
    assert_eq!(sentence["speaker"], "MODERATOR");
    assert!(
        sentence["text"]
            .as_str()
            .unwrap()
            .starts_with("Let us now begin the joint press availability")
    );
    assert!(first_pair["similarity"].as_f64().is_some());
    assert!(first_pair["flags"].is_array());
    let diffed: Vec<&serde_json::Value> = rows.iter().filter(|r| r.get("diff").is_some()).collect();
    assert!(
        !diffed.is_empty() && diffed.len() < rows.len(),
        "only rows sharing most of their words carry a word diff ({} of {})",
        diffed.len(),
        rows.len()
    );
    for row in diffed {
        let joined = |side: &str| {
            let texts: Vec<&str> = row[side]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["text"].as_str().unwrap())
                .collect();
            texts.join(" ")
        };
        let spelled = |left_out: &str| -> String {
            let pieces = row["diff"].as_array().unwrap();
            pieces
                .iter()
                .filter(|p| p["op"] != left_out)
                .map(|p| p["text"].as_str().unwrap())
                .collect()
        };
        assert_eq!(spelled("insert"), joined("official"));
        assert_eq!(spelled("delete"), joined("other"));
    }
    let unmatched = rows
        .iter()
        .find(|r| r["official"].as_array().unwrap().is_empty())
        .unwrap();
    assert_eq!(unmatched["flags"][0]["kind"], "no-counterpart");
    let official_sentences: usize = rows
        .iter()
        .map(|r| r["official"].as_array().unwrap().len())
        .sum();
    assert_eq!(official_sentences, common::official_seed().sentence_count());
}

#[test]
fn json_is_compact_in_a_pipe_and_indented_on_request() {
    let (ok, compact, stderr) = export(&[]);
    assert!(ok, "{stderr}");
    assert_eq!(compact.lines().count(), 1, "one line in a pipe");
    let (ok, pretty, stderr) = export(&["--pretty"]);
    assert!(ok, "{stderr}");
    assert!(
        pretty.contains("\n  \"schema\": "),
        "indented with --pretty"
    );
    let read = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
    assert_eq!(read(&compact), read(&pretty));
}

#[test]
fn tsv_and_markdown() {
    let (ok, tsv, _) = export(&["--format", "tsv"]);
    assert!(ok);
    let lines: Vec<&str> = tsv.lines().collect();
    assert!(lines[0].starts_with("row\tofficial_position\tofficial_speaker\tofficial_text"));
    assert!(lines.iter().all(|l| l.split('\t').count() == 9));
    assert!(
        lines
            .iter()
            .any(|l| l.contains("T1 S3\tMODERATOR\tForeign Minister Cho Tae-yul will speak first"))
    );
    let (ok, markdown, _) = export(&["--format", "markdown"]);
    assert!(ok);
    assert!(markdown.starts_with("# Joint Press Remarks"));
    assert!(markdown.contains("| MODERATOR | Hoster |"));
    assert!(markdown.contains("no counterpart in the other version"));
}

#[test]
fn files_speaker_maps_and_errors() {
    let official = common::data("assets/seoul-2025-01-06/official-state-dept.txt")
        .display()
        .to_string();
    let korean = common::data("tests/fixtures/seoul-ko.txt")
        .display()
        .to_string();
    let (ok, json, stderr) = export(&[&official, &korean]);
    assert!(ok, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["same_language"], false);
    assert!(
        json["alignment"][0].get("diff").is_none(),
        "no word diff across languages"
    );

    let map = std::env::temp_dir().join(format!("tandem-map-{}.txt", std::process::id()));
    std::fs::write(&map, "MODERATOR = Nobody\n").unwrap();
    let (ok, _, stderr) = export(&[&official, &korean, "--speakers", &map.display().to_string()]);
    assert!(!ok);
    assert!(
        stderr.contains(&map.display().to_string())
            && stderr.contains("line 1: no other speaker 'Nobody'"),
        "{stderr}"
    );
    std::fs::remove_file(&map).ok();

    let (ok, _, stderr) = export(&[&official]);
    assert!(!ok);
    assert!(stderr.contains("give both"), "{stderr}");
    let (ok, _, stderr) = export(&["--format", "docx"]);
    assert!(!ok);
    assert!(stderr.contains("unknown export format 'docx'"), "{stderr}");
}

#[test]
fn the_output_file_extension_names_the_format_unless_one_is_given() {
    let dir = std::env::temp_dir().join(format!("tandem-export-ext-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, args, start) in [
        ("report.html", &[][..], "<!DOCTYPE html>"),
        ("rows.tsv", &[][..], "row\t"),
        ("units.tmx", &[][..], "<?xml"),
        ("rows.md", &[][..], "# "),
        ("other.out", &[][..], "{"),
        ("forced.html", &["--format", "tsv"][..], "row\t"),
    ] {
        let path = dir.join(name);
        let mut all = vec!["--no-config", "export", "-o", path.to_str().unwrap()];
        all.extend_from_slice(args);
        let status = Command::new(env!("CARGO_BIN_EXE_tandem"))
            .args(&all)
            .status()
            .unwrap();
        assert!(status.success(), "{name}");
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(
            written.starts_with(start),
            "{name}: {}",
            &written[..40.min(written.len())]
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// The TSV line of the row holding `position` of the official version.
fn tsv_row<'a>(tsv: &'a str, position: &str) -> &'a str {
    tsv.lines()
        .find(|line| line.split('\t').nth(1) == Some(position))
        .unwrap_or_else(|| panic!("no row at {position}"))
}

/// Issue 19: the bundled pair's `[Via interpreter]` and red-asterisk text reach every format
/// through the real binary, and the reader's `y` quotes a side as the TSV cell holds it,
/// between quotation marks: one rule, so they cannot drift.
#[test]
fn every_format_keeps_the_notes_and_marks_of_the_bundled_pair() {
    let greeting = "[Via interpreter] Good afternoon.";
    let floor = "Next, we will open up the floor for questions.";
    let marks = " (unverified in the source: “we will open up the floor for questions.”)";

    let (ok, tsv, stderr) = export(&["--format", "tsv"]);
    assert!(ok, "{stderr}");
    assert!(tsv_row(&tsv, "T1 S1").contains(&format!("\tMODERATOR\t{greeting}\t")));
    let unverified_row = tsv_row(&tsv, "T5 S2");
    assert!(
        unverified_row.contains(&format!("\t{floor}{marks}\t")),
        "{unverified_row}"
    );

    let (ok, markdown, _) = export(&["--format", "markdown"]);
    assert!(ok);
    assert!(markdown.contains(&format!("**T1 S1** MODERATOR: {greeting} |")));
    assert!(markdown.contains(&format!("**T5 S2** MODERATOR: {floor}{marks} |")));

    let (ok, html, _) = export(&["--format", "html"]);
    assert!(ok);
    assert!(html.contains("<span class=\"note\">[Via interpreter]</span> Good afternoon."));
    assert!(html.contains(
        "Next, <span class=\"unverified\" title=\"unverified in the source\">we will open up the \
         floor for questions.</span>"
    ));

    let (ok, json, _) = export(&[]);
    assert!(ok);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let sentence = |turn: u64, sentence: u64| {
        json["alignment"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|row| row["official"].as_array().unwrap())
            .find(|s| s["turn"] == turn && s["sentence"] == sentence)
            .unwrap()
            .clone()
    };
    assert_eq!(
        sentence(1, 1)["annotations"],
        serde_json::json!([{"kind": "interpretation", "text": "[Via interpreter]"}])
    );
    assert_eq!(sentence(5, 2)["text"], floor);
    assert_eq!(
        sentence(5, 2)["annotations"],
        serde_json::json!([{"kind": "unverified", "text": "we will open up the floor for questions.", "span": {"start": 6, "end": 46}}])
    );

    // YTN lacks the greeting; beside the Korean version it is a translation unit.
    let official = common::data("assets/seoul-2025-01-06/official-state-dept.txt");
    let korean = common::data("tests/fixtures/seoul-ko.txt");
    let (ok, tmx, _) = export(&[
        official.to_str().unwrap(),
        korean.to_str().unwrap(),
        "--format",
        "tmx",
    ]);
    assert!(ok);
    assert!(tmx.contains(&format!("<seg>{greeting}</seg>")), "{tmx}");

    let row: usize = unverified_row.split('\t').next().unwrap().parse().unwrap();
    let (official, ytn) = (common::official_seed(), common::ytn_seed());
    let alignment = tandem::align::align(&official, &ytn, &[]);
    let mut app = App::new(Contents::pair(official, ytn, alignment), (160, 45));
    app.update(Action::StartGoTo);
    for c in row.to_string().chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Confirm);
    app.update(Action::CopyRow);
    let quote = app.clipboard.clone().unwrap();
    assert_eq!(
        quote.lines().next().unwrap(),
        format!("[State.gov] MODERATOR, turn 5, sentence 2: “{floor}”{marks}")
    );
}

/// A White House pair: `(As interpreted.)`, which stands before the President's words in both
/// publications, goes before them in the exports too.
#[test]
fn a_white_house_note_goes_before_its_sentence() {
    if !common::shared_corpus("a_white_house_note_goes_before_its_sentence") {
        return;
    }
    let base = "../shared/corpus/whitehouse/wh_2022-03-10_harris-duda_joint-press-conference";
    let (original, corrected) = (
        common::data(&format!("{base}_ORIGINAL.md")),
        common::data(&format!("{base}_CORRECTED.md")),
    );
    let files = [original.to_str().unwrap(), corrected.to_str().unwrap()];
    let (ok, tsv, stderr) = export(&[files[0], files[1], "--format", "tsv"]);
    assert!(ok, "{stderr}");
    let opening = tsv_row(&tsv, "T1 S1");
    let quoted = "(As interpreted.) Your Excellency and distinguished Madam Vice President";
    assert_eq!(opening.matches(quoted).count(), 2, "{opening}");
}
