//! Divergence a reader can trust, on real pairs: a corrected reprint flags exactly its
//! changes, unrelated transcripts are warned about and real pairs are not, and `d` crosses a
//! long run of one-sided rows in one press.

mod common;

use tandem::align::{self, Alignment};
use tandem::export::{self, Aligned, ExportFormat};
use tandem::model::{Pair, Transcript};
use tandem::ui::{Action, App, Contents};

const WHITEHOUSE: &str = "../shared/corpus/whitehouse";

fn pair(official: &str, other: &str) -> (Transcript, Transcript, Alignment) {
    let (official, other) = (common::load(official), common::load(other));
    let alignment = align::align(&official, &other, &[]);
    (official, other, alignment)
}

fn harris_duda() -> (Transcript, Transcript, Alignment) {
    pair(
        &format!("{WHITEHOUSE}/wh_2022-03-10_harris-duda_joint-press-conference_ORIGINAL.md"),
        &format!("{WHITEHOUSE}/wh_2022-03-10_harris-duda_joint-press-conference_CORRECTED.md"),
    )
}

/// The flagged rows of an alignment: each row's official text (or other text) and flag names.
fn flagged(
    official: &Transcript,
    other: &Transcript,
    alignment: &Alignment,
) -> Vec<(String, Vec<&'static str>)> {
    let pair = Aligned::new(Pair::new(official, other), alignment);
    alignment
        .rows
        .iter()
        .filter(|row| row.is_divergent())
        .map(|row| {
            let Pair {
                official: a,
                other: b,
            } = pair.sentences(row);
            let text = a.first().or(b.first()).map_or("", |s| s.text).to_string();
            (text, row.flags.iter().map(|f| f.name()).collect())
        })
        .collect()
}

#[test]
fn a_corrected_reprint_flags_exactly_its_changes() {
    if !common::shared_corpus("a_corrected_reprint_flags_exactly_its_changes") {
        return;
    }
    let (official, other, alignment) = harris_duda();
    // `diff` of the two files: besides white space, two sentences changed (a dash, and
    // "multitude crisis" to "multitude of crises"), and the header's time zone and title.
    let rows = flagged(&official, &other, &alignment);
    assert_eq!(rows.len(), 2, "{rows:#?}");
    assert!(rows[0].0.contains("million–"));
    assert_eq!(rows[0].1, ["punctuation-changed"]);
    assert!(rows[1].0.contains("multitude crisis"));
    assert_eq!(rows[1].1, ["wording-changed"]);
    let changes: Vec<String> = alignment
        .metadata_changes
        .iter()
        .map(|c| c.describe())
        .collect();
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert!(changes[0].starts_with("title: Remarks by") && changes[0].contains("→ CORRECTED:"));
    assert_eq!(changes[1], "time: 12:57 P.M. CEST → 12:57 P.M. CET");
    assert!(alignment.warnings.is_empty());
}

#[test]
fn the_html_report_opens_with_what_changed_and_links_each_divergence() {
    if !common::shared_corpus("the_html_report_opens_with_what_changed_and_links_each_divergence") {
        return;
    }
    let (official, other, alignment) = harris_duda();
    let html = export::write(
        &Aligned::new(Pair::new(&official, &other), &alignment),
        ExportFormat::Html,
    );
    let summary = html
        .find("<h2>Divergences (2)</h2>")
        .expect("a summary of two");
    let table = html.find("<h2>Alignment</h2>").unwrap();
    assert!(summary < table, "the summary comes before the rows");
    assert!(html.contains("<li>time: 12:57 P.M. CEST → 12:57 P.M. CET</li>"));
    let links = html[summary..table].matches("<a href=\"#r").count();
    assert_eq!(links, 2);
    assert!(html[summary..table].contains("wording changed: “crisis” vs “of crises”"));
}

#[test]
fn a_run_of_one_sided_rows_is_one_entry_in_the_html_summary() {
    let (official, ytn) = (common::official_seed(), common::ytn_seed());
    let alignment = align::align(&official, &ytn, &[]);
    let html = export::write(
        &Aligned::new(Pair::new(&official, &ytn), &alignment),
        ExportFormat::Html,
    );
    let tail = html
        .split("<li>")
        .find(|item| {
            item.contains("rows only in the official version")
                && item.contains("The United States is now Korea")
        })
        .expect("YTN's missing tail as one entry");
    let count: usize = tail
        .split(": ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(count > 150, "{tail}");
}

#[test]
fn unrelated_transcripts_are_warned_about_in_the_json() {
    if !common::shared_corpus("unrelated_transcripts_are_warned_about_in_the_json") {
        return;
    }
    let (official, other, alignment) = pair(
        &format!("{WHITEHOUSE}/wh_2023-04-26_biden-yoon_joint-press-conference_EN.md"),
        &format!("{WHITEHOUSE}/wh_2022-05-23_biden-kishida_tokyo_joint-press-conference_EN.md"),
    );
    let json = export::write(
        &Aligned::new(Pair::new(&official, &other), &alignment),
        ExportFormat::Json,
    );
    let document: serde_json::Value = serde_json::from_str(&json).unwrap();
    let warnings = document["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0]["kind"], "versions-unrelated");
    assert!(
        warnings[0]["message"]
            .as_str()
            .unwrap()
            .contains("may not be two versions of one event")
    );
    let app = App::new(Contents::pair(official, other, alignment), (160, 45));
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("warning: these may not be"))
    );
}

#[test]
fn export_says_on_stderr_that_the_versions_look_unrelated() {
    if !common::shared_corpus("export_says_on_stderr_that_the_versions_look_unrelated") {
        return;
    }
    let run = |files: &[String]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
            .args(["--no-config", "export", "--format", "tsv"])
            .args(files)
            .output()
            .unwrap()
    };
    let unrelated = run(&[
        common::data(&format!(
            "{WHITEHOUSE}/wh_2023-04-26_biden-yoon_joint-press-conference_EN.md"
        ))
        .display()
        .to_string(),
        common::data(&format!(
            "{WHITEHOUSE}/wh_2022-05-23_biden-kishida_tokyo_joint-press-conference_EN.md"
        ))
        .display()
        .to_string(),
    ]);
    assert!(unrelated.status.success());
    let stderr = String::from_utf8_lossy(&unrelated.stderr);
    assert!(
        stderr.starts_with("tandem: warning: these may not be two versions"),
        "{stderr}"
    );
    let bundled = run(&[]);
    assert!(bundled.status.success() && bundled.stderr.is_empty());
}

#[test]
fn no_real_pair_is_called_unrelated() {
    let bundled = align::align(&common::official_seed(), &common::ytn_seed(), &[]);
    assert!(bundled.warnings.is_empty(), "{:?}", bundled.kinship);
    if !common::shared_corpus("no_real_pair_is_called_unrelated") {
        return;
    }
    let subtitles = "../shared/corpus/subtitles";
    let podcast = "../shared/corpus/podcast";
    let mut pairs: Vec<(String, String)> = vec![
        (
            format!("{WHITEHOUSE}/wh_2022-03-10_harris-duda_joint-press-conference_ORIGINAL.md"),
            format!("{WHITEHOUSE}/wh_2022-03-10_harris-duda_joint-press-conference_CORRECTED.md"),
        ),
        (
            format!("{podcast}/bookbytes-033_v2_4405e25.txt"),
            format!("{podcast}/bookbytes-033_v3_c43f201_timestamps-shifted.txt"),
        ),
    ];
    for (film, languages) in [
        ("morevna-ep03", &["ko", "ru", "zh"][..]),
        ("pepper-and-carrot-ep06", &["ja", "ru"][..]),
        ("synfig-course-01-basics", &["zh"][..]),
    ] {
        for language in languages {
            pairs.push((
                format!("{subtitles}/{film}/en.srt"),
                format!("{subtitles}/{film}/{language}.srt"),
            ));
        }
    }
    for (official, other) in &pairs {
        let (_, _, alignment) = pair(official, other);
        assert!(
            alignment.warnings.is_empty(),
            "{official} / {other}: {:?}",
            alignment.kinship
        );
    }
}

#[test]
fn d_crosses_the_missing_tail_in_one_press() {
    let (official, ytn) = (common::official_seed(), common::ytn_seed());
    let alignment = align::align(&official, &ytn, &[]);
    let mut app = App::new(Contents::pair(official, ytn, alignment), (160, 45));
    app.update(Action::Bottom);
    // The last rows are the official text YTN does not have.
    let last = *app.visible.last().unwrap();
    assert!(app.contents.rows[last].sides.other.is_empty());
    let tail_start = (0..app.visible.len())
        .rev()
        .take_while(|&i| app.contents.rows[app.visible[i]].sides.other.is_empty())
        .last()
        .unwrap();
    assert!(app.visible.len() - tail_start > 150, "a long tail");
    app.update(Action::Top);
    let mut presses = 0;
    while app.top.index < tail_start {
        app.update(Action::NextDivergence);
        presses += 1;
        assert!(presses < 30, "stuck at row {}", app.top.index);
    }
    assert_eq!(app.top.index, tail_start, "lands on the tail's first row");
    app.update(Action::NextDivergence);
    assert_eq!(app.message.as_deref(), Some("no more divergences below"));
    app.update(Action::PreviousDivergence);
    assert!(
        app.top.index < tail_start,
        "back to the block before the tail"
    );
}
