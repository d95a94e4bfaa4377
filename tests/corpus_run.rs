//! The loader over every transcript of the third-party corpus: which format it chose, speakers,
//! turns, words in and words kept, time. Turn counts are checked against a count of label lines
//! made independently, with a regular expression over the raw file.
//!
//! `corpus_report` prints the table (ignored by default: run it in release, see the README);
//! `TANDEM_CORPUS=/some/folder` runs it over another folder, such as a whole fetched archive.

mod common;

use common::input::{has_labels_in_text, input_text};
use common::{bag, words};
use regex::Regex;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::{Duration, Instant};
use tandem::load::{self, LoadOptions};

/// What one file gave.
struct FileRun {
    path: PathBuf,
    /// The format chosen, or the refusal.
    outcome: Result<String, String>,
    speakers: usize,
    turns: usize,
    /// Words of the file's text as a reader sees it; `None` for JSON, whose keys are no text.
    words_in: Option<usize>,
    words_kept: usize,
    time: Duration,
    /// Turns the independent count expects, for the formats it knows (labelled Markdown and
    /// text).
    expected_turns: Option<usize>,
}

impl FileRun {
    fn words_lost(&self) -> usize {
        self.words_in.map_or(0, |n| n - self.words_kept)
    }

    fn disagrees(&self) -> bool {
        self.expected_turns.is_some_and(|n| n != self.turns)
    }
}

/// Files a corpus folder holds besides transcripts.
fn is_transcript(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let paperwork = ["LICENSE", "NOTICE", "README"]
        .iter()
        .any(|p| name.starts_with(p));
    !paperwork && ["md", "txt", "srt", "vtt", "json", "html"].contains(&extension)
}

fn transcript_files(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder)
            .unwrap_or_else(|error| panic!("{}: {error}", folder.display()));
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if is_transcript(&path) {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// A line that opens a turn, written without the loader's code: `THE PRESIDENT:`, `Q  text`,
/// `Q Thank you`, `**Jane Doe:**`, `**Jane Doe**:`, `- NAME:`, `SPEAKER 2:`.
static LABEL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r#"(?m)^[ \t\u{a0}]*(?:"#,
        r#"\*\*\p{Lu}[^*\n]{0,80}?(?::\*\*|\*\*:)(?:[ \t]|$)"#,
        r#"|(?:- )?\p{Lu}(?:[\p{Lu}\p{Nd} \u{a0}.'’\-]*[\p{Lu}.])?:(?:\s|$)"#,
        r#"|Q(?:[ \t\u{a0}]{2,}|\t|\u{a0}| ["“‘\p{Lu}—–(\[…])"#,
        r#")"#
    ))
    .unwrap()
});

/// The turns a labelled file should give: one per label line, or one for text with no label.
fn independent_turn_count(path: &Path, raw: &str) -> Option<usize> {
    let extension = path.extension()?.to_str()?;
    if !matches!(extension, "md" | "txt") || path.to_string_lossy().contains("bookbytes") {
        return None;
    }
    Some(LABEL_LINE.find_iter(raw).count().max(1))
}

fn run(path: &Path) -> FileRun {
    let file = path.display().to_string();
    let raw = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
    let started = Instant::now();
    let loaded = load::load_path(path, LoadOptions::default());
    let time = started.elapsed();
    let expected_turns = independent_turn_count(path, &raw);
    let mut run = FileRun {
        path: path.to_path_buf(),
        outcome: Err(String::new()),
        speakers: 0,
        turns: 0,
        words_in: None,
        words_kept: 0,
        time,
        expected_turns,
    };
    let input = (!file.ends_with(".json")).then(|| bag(words(&input_text(&file))));
    run.words_in = input.as_ref().map(|bag| bag.values().sum::<i64>() as usize);
    match loaded {
        Err(error) => run.outcome = Err(error.problem.to_string()),
        Ok(transcript) => {
            run.outcome = Ok(transcript.metadata.origin.format.clone());
            run.speakers = transcript.speakers.len();
            run.turns = transcript.turns.len();
            if let Some(input) = &input {
                let model = bag(words(&transcript.text(has_labels_in_text(&file))));
                run.words_kept = input
                    .iter()
                    .map(|(word, &n)| n.min(model.get(word).copied().unwrap_or(0)) as usize)
                    .sum();
            }
        }
    }
    run
}

fn corpus_root() -> PathBuf {
    std::env::var_os("TANDEM_CORPUS")
        .map_or_else(|| common::data("../shared/corpus"), PathBuf::from)
}

fn has_speech(path: &Path) -> bool {
    words(&input_text(&path.display().to_string()))
        .iter()
        .any(|w| w.chars().any(char::is_alphabetic))
}

#[test]
fn no_word_is_lost_and_no_speech_refused_across_the_corpus() {
    if !common::shared_corpus("no_word_is_lost_and_no_speech_refused_across_the_corpus") {
        return;
    }
    let runs: Vec<FileRun> = transcript_files(&common::data("../shared/corpus"))
        .iter()
        .map(|path| run(path))
        .collect();
    assert!(runs.len() >= 360, "the corpus has {} files", runs.len());
    let refused: Vec<String> = runs
        .iter()
        .filter(|r| r.outcome.is_err() && has_speech(&r.path))
        .map(|r| format!("{}: {:?}", r.path.display(), r.outcome))
        .collect();
    assert!(refused.is_empty(), "refused: {refused:#?}");
    let lossy: Vec<String> = runs
        .iter()
        .filter(|r| r.words_lost() > 0)
        .map(|r| format!("{}: {} words lost", r.path.display(), r.words_lost()))
        .collect();
    assert!(lossy.is_empty(), "{lossy:#?}");
}

#[test]
#[ignore = "a report over the whole corpus: run in release with --ignored --nocapture"]
fn corpus_report() {
    let root = corpus_root();
    if !root.is_dir() {
        eprintln!("skipped corpus_report: {} is absent", root.display());
        return;
    }
    let runs: Vec<FileRun> = transcript_files(&root).iter().map(|p| run(p)).collect();
    println!("file\tformat\tspeakers\tturns\tindependent\twords in\twords kept\tms");
    for r in &runs {
        let name = r.path.strip_prefix(&root).unwrap_or(&r.path).display();
        let outcome = match &r.outcome {
            Ok(format) => format.clone(),
            Err(refusal) => format!("REFUSED: {refusal}"),
        };
        let or_dash = |n: Option<usize>| n.map_or("-".to_string(), |n| n.to_string());
        println!(
            "{name}\t{outcome}\t{}\t{}\t{}\t{}\t{}\t{:.1}{}",
            r.speakers,
            r.turns,
            or_dash(r.expected_turns),
            or_dash(r.words_in),
            r.words_kept,
            r.time.as_secs_f64() * 1000.0,
            if r.disagrees() { "\tDISAGREES" } else { "" }
        );
    }
    print_summary(&root, &runs);
}

fn print_summary(root: &Path, runs: &[FileRun]) {
    let refused = runs.iter().filter(|r| r.outcome.is_err()).count();
    let words_in: usize = runs.iter().filter_map(|r| r.words_in).sum();
    let words_lost: usize = runs.iter().map(FileRun::words_lost).sum();
    let compared = runs.iter().filter(|r| r.expected_turns.is_some()).count();
    let disagreeing: Vec<&FileRun> = runs.iter().filter(|r| r.disagrees()).collect();
    let agreement = 100.0 * (compared - disagreeing.len()) as f64 / compared.max(1) as f64;
    let slowest = runs.iter().max_by_key(|r| r.time);
    let mut formats: Vec<(String, usize)> = Vec::new();
    for r in runs {
        let format = r.outcome.clone().unwrap_or_else(|_| "refused".into());
        match formats.iter_mut().find(|(f, _)| *f == format) {
            Some((_, n)) => *n += 1,
            None => formats.push((format, 1)),
        }
    }
    println!("\n| corpus | files | refused | words in | words lost | turns agree | slowest file |");
    println!("|---|---|---|---|---|---|---|");
    println!(
        "| {} | {} | {refused} | {words_in} | {words_lost} | {}/{compared} ({agreement:.1}%) | {} |",
        root.strip_prefix(common::data(""))
            .unwrap_or(root)
            .display(),
        runs.len(),
        compared - disagreeing.len(),
        slowest.map_or(String::new(), |r| format!(
            "{:.1} ms ({})",
            r.time.as_secs_f64() * 1000.0,
            r.path.file_name().unwrap_or_default().to_string_lossy()
        )),
    );
    println!("\nformats: {formats:?}");
    for r in disagreeing {
        println!(
            "disagrees: {} (loader {} turns, independent count {})",
            r.path.display(),
            r.turns,
            r.expected_turns.unwrap_or(0)
        );
    }
}
